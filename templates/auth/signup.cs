<?cs # GET/POST /signup: a new company and its first owner. ?>
<section class="auth-card auth-card--wide" aria-labelledby="page-title">
<h1 id="page-title">Create your company</h1>
<p class="lede">Set up your business on Plumbline. You'll be its owner and can invite your team next.</p>
<?cs call:form_error() ?>
<?cs call:error_summary() ?>
<form method="post" action="/signup">
<?cs call:csrf() ?>
<fieldset>
<legend>Your business</legend>
<p class="form-note">Customers see these details on your quotes, invoices and emails. Fields marked <span class="req">*</span> are required.</p>
<?cs call:company_fields() ?>
</fieldset>
<fieldset>
<legend>Your sign-in</legend>
<?cs call:field("owner_name", "Your name", "text", "name", 1, "") ?>
<?cs call:field("owner_email", "Your email", "email", "email", 1, "You'll sign in with this address.") ?>
<?cs call:field("password", "Password", "password", "new-password", 1, "At least 10 characters.") ?>
</fieldset>
<div class="actions">
<button class="btn btn--primary" type="submit">Create company</button>
</div>
</form>
<div class="auth-links">
<p>Already have an account? <a href="/login">Sign in</a></p>
</div>
</section>
