<?cs # GET/POST /password/forgot. Page.Sent: the same answer whether or not the address exists. ?>
<section class="auth-card" aria-labelledby="page-title">
<h1 id="page-title">Reset your password</h1>
<?cs if:Page.Sent ?>
<div class="alert alert--ok" role="status"><p>If an account exists for that address, we've sent a link to choose a new password. Check your inbox, and your spam folder if it hasn't arrived in a few minutes.</p></div>
<p><a class="btn btn--secondary btn--block" href="/login">Back to sign in</a></p>
<?cs else ?>
<p class="lede">Enter the email you sign in with and we'll send you a link to choose a new password.</p>
<?cs call:form_error() ?>
<?cs call:error_summary() ?>
<form method="post" action="/password/forgot">
<?cs call:csrf() ?>
<?cs call:field("email", "Email", "email", "username", 1, "") ?>
<button class="btn btn--primary btn--block" type="submit">Send reset link</button>
</form>
<div class="auth-links">
<p><a href="/login">Back to sign in</a></p>
</div>
<?cs /if ?>
</section>
