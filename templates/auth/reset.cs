<?cs # GET/POST /password/reset?token= ; the token travels in a hidden field on POST. ?>
<section class="auth-card" aria-labelledby="page-title">
<?cs if:Page.Invalid ?>
<h1 id="page-title">This link can't be used</h1>
<div class="alert alert--error" role="alert"><p>This link has expired or was already used.</p></div>
<p><a class="btn btn--primary btn--block" href="/password/forgot">Request a new link</a></p>
<div class="auth-links">
<p><a href="/login">Back to sign in</a></p>
</div>
<?cs else ?>
<h1 id="page-title">Choose a new password</h1>
<p class="lede">Pick one you don't use on any other site.</p>
<?cs call:form_error() ?>
<?cs call:error_summary() ?>
<form method="post" action="/password/reset">
<?cs call:csrf() ?>
<input type="hidden" name="token" value="<?cs var:Form.Values.token ?>">
<?cs call:field("password", "New password", "password", "new-password", 1, "At least 10 characters.") ?>
<?cs call:field("password2", "Confirm new password", "password", "new-password", 1, "") ?>
<button class="btn btn--primary btn--block" type="submit">Save password</button>
</form>
<?cs /if ?>
</section>
