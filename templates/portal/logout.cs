<?cs # GET /portal/logout asks; the button POSTs. ?>
<section class="auth-card" aria-labelledby="page-title">
<h1 id="page-title">Sign out?</h1>
<p class="lede">To come back, use the link in your latest email from us<?cs if:Portal.HasPassword ?> or your password<?cs /if ?>.</p>
<form method="post" action="/portal/logout">
<?cs call:csrf() ?>
<div class="actions">
<button class="btn btn--primary" type="submit">Sign out</button>
<a class="btn btn--secondary" href="/portal/">Stay signed in</a>
</div>
</form>
</section>
