<?cs # GET/POST /app/account: own profile (action=profile) and password (action=password).
  Form.Error shows in the form named by Form.Values.action (profile when unset). ?>
<header class="page-head">
<div>
<h1>My account</h1>
<p class="muted">You're <?cs if:User.RoleLabel ?><?cs var:User.RoleLabel ?><?cs else ?>staff<?cs /if ?> at <?cs var:Company.Name ?>.</p>
</div>
</header><?cs call:error_summary() ?>
<div class="grid">
<section class="card" aria-labelledby="profile-title">
<h2 id="profile-title">Profile</h2><?cs
if:Form.Values.action != "password" ?><?cs call:form_error() ?><?cs /if ?>
<form method="post" action="/app/account">
<?cs call:csrf() ?>
<input type="hidden" name="action" value="profile">
<?cs call:field("name", "Name", "text", "name", 1, "") ?>
<div class="field">
<label for="f-account-email">Email</label>
<p class="hint" id="f-account-email-hint">You sign in with this address.</p>
<input class="input" type="email" id="f-account-email" value="<?cs var:User.Email ?>" readonly aria-describedby="f-account-email-hint">
</div>
<div class="actions">
<button class="btn btn--primary" type="submit">Save profile</button>
</div>
</form>
</section>
<section class="card" aria-labelledby="password-title">
<h2 id="password-title">Change password</h2>
<p class="muted">When you change it, every other device signed in to your account is signed out. This one stays signed in.</p><?cs
if:Form.Values.action == "password" ?><?cs call:form_error() ?><?cs /if ?>
<form method="post" action="/app/account">
<?cs call:csrf() ?>
<input type="hidden" name="action" value="password">
<?cs call:field("current_password", "Current password", "password", "current-password", 1, "") ?>
<?cs call:field("password", "New password", "password", "new-password", 1, "At least 10 characters.") ?>
<?cs call:field("password2", "Confirm new password", "password", "new-password", 1, "") ?>
<div class="actions">
<button class="btn btn--primary" type="submit">Change password</button>
</div>
</form>
</section>
<?cs include:"app/account_alerts.cs" ?>
</div>
