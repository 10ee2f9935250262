<?cs # GET /portal/l/:token: a confirm page (a GET never spends the link: mail scanners fetch
  links), or, when Link.Dead is set (unknown, used, revoked, expired), what to do instead. ?>
<section class="auth-card" aria-labelledby="page-title"><?cs
if:Link.Dead ?>
<h1 id="page-title"><?cs
	if:Link.Dead == "used" ?>This link was already used<?cs
	elif:Link.Dead == "expired" ?>This link has expired<?cs
	elif:Link.Dead == "revoked" ?>This link was withdrawn<?cs
	else ?>This link doesn't work<?cs /if ?></h1>
<p class="lede"><?cs
	if:Link.Dead == "used" ?>Each sign-in link works once. If you already opened it on another device, sign in there, or ask for a new link below.<?cs
	elif:Link.Dead == "expired" ?>Sign-in links work for 7 days. Ask for a new link below and we'll email it to you.<?cs
	elif:Link.Dead == "revoked" ?>Your contractor withdrew this link, usually because a newer version was sent. Ask for a new link below, or use the latest email you received.<?cs
	else ?>The link may be incomplete: some email programs split long links. Ask for a new link below.<?cs /if ?></p>
<form method="post" action="/portal/login/link">
<?cs call:csrf() ?>
<?cs call:field("link_email", "Your email", "email", "email", 1, "") ?>
<button class="btn btn--primary btn--block" type="submit">Email me a new sign-in link</button>
</form>
<div class="auth-links">
<p>Have a password? <a href="/portal/login">Sign in</a></p>
</div><?cs
else ?>
<h1 id="page-title"><?cs if:Link.Kind ?>Your <?cs var:Link.Kind ?> from <?cs var:Link.CompanyName ?><?cs else ?>Your customer portal at <?cs var:Link.CompanyName ?><?cs /if ?></h1>
<p class="lede"><?cs if:Link.PersonName ?>Hello <?cs var:Link.PersonName ?>. <?cs /if ?><?cs
	if:Link.Kind ?><?cs var:Link.CompanyName ?> shared <?cs var:Link.Kind ?> #<?cs var:Link.Number ?><?cs if:Link.Revision > 1 ?>, version <?cs var:Link.Revision ?>,<?cs /if ?> with you.<?cs
	else ?>Continue to see your estimates, invoices and messages.<?cs /if ?></p>
<form method="post" action="<?cs var:Link.Action ?>">
<?cs call:csrf() ?>
<button class="btn btn--primary btn--block" type="submit"><?cs if:Link.Kind ?>Continue to your <?cs var:Link.Kind ?><?cs else ?>Continue to your portal<?cs /if ?></button>
</form>
<p class="small muted portal-note">This link signs you in on this device and works once. Don't forward it.</p><?cs
/if ?>
</section>
