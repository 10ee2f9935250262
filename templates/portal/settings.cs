<?cs # GET /portal/settings: the password (set or change), the signed-in devices (each can be
  ended; "sign out everywhere else"), then the alert preferences (portal/settings_alerts.cs). ?>
<header class="portal-hello">
<h1>Settings</h1>
<p class="muted">Signed in as <?cs call:email(Portal.Email) ?></p>
</header>
<div class="stack">
<section class="card" aria-labelledby="pw-title">
<h2 id="pw-title" class="portal-h2"><?cs if:Portal.HasPassword ?>Change your password<?cs else ?>Set a password<?cs /if ?></h2>
<p class="small muted"><?cs if:Portal.HasPassword ?>Changing your password signs your other devices out.<?cs
else ?>With a password you can sign in at any time without waiting for an email. Sign-in links keep working too.<?cs /if ?></p>
<?cs call:error_summary() ?>
<form method="post" action="/portal/settings/password" class="portal-form"><?cs
	call:csrf() ?><?cs
	if:Portal.HasPassword ?>
<?cs call:field("current", "Current password", "password", "current-password", 1, "") ?><?cs /if ?>
<input type="text" name="username" value="<?cs var:Portal.Email ?>" autocomplete="username" hidden>
<?cs call:field("password", "New password", "password", "new-password", 1, "At least 10 characters.") ?>
<?cs call:field("password2", "New password again", "password", "new-password", 1, "") ?>
<button class="btn btn--primary" type="submit"><?cs if:Portal.HasPassword ?>Change password<?cs else ?>Set password<?cs /if ?></button>
</form>
</section>
<section class="card card--flush" aria-labelledby="dev-title">
<div class="card__head">
<h2 id="dev-title" class="portal-h2">Where you're signed in</h2>
</div>
<ul class="portal-sessions"><?cs each:s = Sessions ?>
<li class="portal-session">
<div>
<p class="portal-session__device"><strong><?cs var:s.Device ?></strong><?cs if:s.Current ?> <span class="badge badge--active">This device</span><?cs /if ?></p>
<p class="small muted">Signed in <?cs var:s.Started ?> · last seen <?cs var:s.LastSeen ?><?cs if:s.Ip ?> · <?cs var:s.Ip ?><?cs /if ?></p>
</div>
<form method="post" action="/portal/sessions/<?cs var:s.Id ?>/end"><?cs call:csrf() ?><button class="btn btn--secondary btn--small" type="submit"><?cs if:s.Current ?>Sign out<?cs else ?>End<?cs /if ?><span class="visually-hidden"> the session on <?cs var:s.Device ?> started <?cs var:s.Started ?></span></button></form>
</li><?cs /each ?>
</ul><?cs
if:SessionCount > 1 ?>
<div class="card__foot">
<form method="post" action="/portal/sessions/end-others"><?cs call:csrf() ?><button class="btn btn--danger btn--small" type="submit">Sign out everywhere else</button></form>
</div><?cs /if ?>
</section>
<?cs include:"portal/settings_alerts.cs" ?>
</div>
