<?cs # GET/POST /portal/verify: prove the address again with a 6-digit code by mail (the link
  that signed this device in is older than a few days). Page.CodeSent: a code is on its way. ?>
<section class="auth-card" aria-labelledby="page-title">
<h1 id="page-title">Confirm it's you</h1><?cs
if:Page.CodeSent ?>
<div class="alert alert--ok" role="status"><p>We sent a 6-digit code to <strong><?cs call:email(Portal.EmailMasked) ?></strong>. It works for 10 minutes.</p></div><?cs
else ?>
<p class="lede">To show the rest of your portal, we need to check that this is still you. We'll email a 6-digit code to <strong><?cs call:email(Portal.EmailMasked) ?></strong>.</p><?cs
/if ?>
<?cs call:form_error() ?><?cs
if:Page.CodeSent ?>
<form method="post" action="/portal/verify">
<?cs call:csrf() ?><?cs
if:Form.Values.next ?>
<input type="hidden" name="next" value="<?cs var:Form.Values.next ?>"><?cs /if ?>
<?cs call:field_open("code") ?>
<?cs call:field_label("code", "6-digit code", 1) ?>
<?cs call:field_error("code") ?>
<input class="input portal-code" type="text" inputmode="numeric" maxlength="9" autocomplete="one-time-code"<?cs call:field_attrs("code", 1, "") ?>>
</div>
<button class="btn btn--primary btn--block" type="submit">Confirm</button>
</form><?cs
/if ?>
<form method="post" action="/portal/verify/send">
<?cs call:csrf() ?><?cs
if:Form.Values.next ?>
<input type="hidden" name="next" value="<?cs var:Form.Values.next ?>"><?cs /if ?>
<button class="btn <?cs if:Page.CodeSent ?>btn--link<?cs else ?>btn--primary btn--block<?cs /if ?>" type="submit"><?cs if:Page.CodeSent ?>Send a new code<?cs else ?>Email me a code<?cs /if ?></button>
</form><?cs
if:Portal.DocumentHref ?>
<div class="auth-links">
<p><a href="<?cs var:Portal.DocumentHref ?>">Back to the document you were sent</a></p>
</div><?cs /if ?>
</section>
