<?cs # GET /logout asks; the button POSTs. ?>
<section class="auth-card" aria-labelledby="page-title">
<h1 id="page-title">Sign out of Plumbline?</h1>
<p class="lede">You'll need your email and password to sign in again.</p>
<form method="post" action="/logout">
<?cs call:csrf() ?>
<div class="actions">
<button class="btn btn--primary" type="submit">Sign out</button>
<a class="btn btn--secondary" href="/app/">Stay signed in</a>
</div>
</form>
</section>
