<?cs # GET/POST /invite?token= : an invited team member sets a name and password. ?>
<section class="auth-card" aria-labelledby="page-title">
<?cs if:Page.Invalid ?>
<h1 id="page-title">This invitation can't be used</h1>
<div class="alert alert--error" role="alert"><p>This invitation has expired or was already used.</p></div>
<p>Ask the person who invited you to send a new invitation. If you already accepted it, sign in instead.</p>
<p><a class="btn btn--primary btn--block" href="/login">Sign in</a></p>
<?cs else ?>
<h1 id="page-title">Join <?cs var:Invite.CompanyName ?></h1>
<p class="lede">You've been invited to the team on Plumbline. Choose your name and a password to get started.</p>
<dl class="details">
<dt>Company</dt><dd><?cs var:Invite.CompanyName ?></dd>
<dt>Email</dt><dd><?cs call:email(Invite.Email) ?></dd>
<dt>Role</dt><dd><?cs var:Invite.RoleLabel ?></dd>
</dl>
<hr>
<?cs call:form_error() ?>
<?cs call:error_summary() ?>
<form method="post" action="/invite">
<?cs call:csrf() ?>
<input type="hidden" name="token" value="<?cs var:Form.Values.token ?>">
<?cs call:field("name", "Your name", "text", "name", 1, "") ?>
<?cs call:field("password", "Password", "password", "new-password", 1, "At least 10 characters.") ?>
<?cs call:field("password2", "Confirm password", "password", "new-password", 1, "") ?>
<button class="btn btn--primary btn--block" type="submit">Accept invitation</button>
</form>
<?cs /if ?>
</section>
