<?cs # GET /u/:token asks (a mail scanner's GET changes nothing); the button POSTs and
  turns off exactly this one kind of alert for exactly this one address.  Unsub.When is the
  kind in the settings pages' words; Unsub.Company the contractor who sends these. ?>
<section class="auth-card" aria-labelledby="page-title">
<?cs if:Unsub.Off ?>
<h1 id="page-title">You're unsubscribed</h1>
<p class="lede"><?cs var:Unsub.Company ?> won't email <strong><?cs var:Unsub.Email ?></strong> any more when: “<?cs var:Unsub.When ?>”. Other emails are not affected.</p>
<div class="auth-links">
<p>Changed your mind? Choose your emails in your <a href="<?cs var:Unsub.Settings ?>">settings</a>.</p>
</div>
<?cs else ?>
<h1 id="page-title">Stop these emails?</h1>
<p class="lede"><?cs var:Unsub.Company ?> emails <strong><?cs var:Unsub.Email ?></strong> when: “<?cs var:Unsub.When ?>”. We'll stop only these; other emails are not affected.</p>
<form method="post" action="<?cs var:Unsub.Action ?>">
<?cs call:csrf() ?>
<div class="actions">
<button class="btn btn--primary" type="submit">Stop these emails</button>
</div>
</form>
<div class="auth-links">
<p>You can also choose your emails in your <a href="<?cs var:Unsub.Settings ?>">settings</a>.</p>
</div>
<?cs /if ?>
</section>
