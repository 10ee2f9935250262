<?cs # GET/POST /portal/login: by password, or "email me a sign-in link" (the same answer
  whether or not the address is known: Page.LinkSent). ?>
<section class="auth-card" aria-labelledby="page-title">
<h1 id="page-title">Sign in</h1>
<?cs if:Page.LinkSent ?>
<div class="alert alert--ok" role="status"><p>If that address belongs to a customer portal, we've sent a sign-in link to <strong><?cs call:email(Form.Values.link_email) ?></strong>. It works once, for 7 days. Check your spam folder if it hasn't arrived in a few minutes.</p></div>
<?cs else ?>
<p class="lede">See your estimates and invoices, approve work and send questions to your contractor.</p>
<?cs /if ?>
<?cs call:form_error() ?>
<form method="post" action="/portal/login">
<?cs call:csrf() ?><?cs
if:Form.Values.next ?>
<input type="hidden" name="next" value="<?cs var:Form.Values.next ?>"><?cs /if ?>
<?cs call:field("email", "Email", "email", "username", 1, "") ?>
<?cs call:field("password", "Password", "password", "current-password", 1, "") ?>
<button class="btn btn--primary btn--block" type="submit">Sign in</button>
</form>
<div class="portal-or"><span>or</span></div>
<h2 class="portal-sub">No password? Get a sign-in link</h2>
<p class="small muted">We'll email a link that signs you in. You can set a password afterwards in Settings.</p>
<form method="post" action="/portal/login/link">
<?cs call:csrf() ?>
<?cs call:field("link_email", "Your email", "email", "email", 1, "") ?>
<button class="btn btn--secondary btn--block" type="submit">Email me a sign-in link</button>
</form>
</section>
