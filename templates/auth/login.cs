<?cs # GET/POST /login ?>
<section class="auth-card" aria-labelledby="page-title">
<h1 id="page-title">Sign in</h1>
<p class="lede">Welcome back. Sign in to your company's back office.</p>
<?cs call:form_error() ?>
<form method="post" action="/login">
<?cs call:csrf() ?><?cs
if:Form.Values.next ?>
<input type="hidden" name="next" value="<?cs var:Form.Values.next ?>"><?cs /if ?>
<?cs call:field("email", "Email", "email", "username", 1, "") ?>
<?cs call:field("password", "Password", "password", "current-password", 1, "") ?>
<p class="small"><a href="/password/forgot">Forgot your password?</a></p>
<button class="btn btn--primary btn--block" type="submit">Sign in</button>
</form>
<div class="auth-links">
<p>New here? <a href="/signup">Create your company</a></p>
</div>
</section>
