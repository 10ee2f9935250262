<?cs # GET /u/:token asks (a mail scanner's GET changes nothing); the button POSTs and
  turns off exactly this one kind of alert for exactly this one address. ?>
<section class="auth-card" aria-labelledby="page-title">
<?cs if:Unsub.Off ?>
<h1 id="page-title">You're unsubscribed</h1>
<p class="lede">We won't email <strong><?cs var:Unsub.Email ?></strong> about <?cs var:Unsub.Label ?> any more. Other emails are not affected.</p>
<p>Changed your mind? Choose your emails in your <a href="<?cs var:Unsub.Settings ?>">settings</a>.</p>
<?cs else ?>
<h1 id="page-title">Stop emails about <?cs var:Unsub.Label ?>?</h1>
<p class="lede">We'll stop sending these emails to <strong><?cs var:Unsub.Email ?></strong>. Other emails are not affected.</p>
<form method="post" action="<?cs var:Unsub.Action ?>">
<?cs call:csrf() ?>
<div class="actions">
<button class="btn btn--primary" type="submit">Stop these emails</button>
</div>
</form>
<p>You can also choose your emails in your <a href="<?cs var:Unsub.Settings ?>">settings</a>.</p>
<?cs /if ?>
</section>
