<?cs # GET/POST /app/settings (owners edit, office staff read) and POST /app/settings/logo. ?>
<header class="page-head">
<div>
<h1>Company settings</h1>
<p class="muted">Customers see these details on your quotes, invoices and emails.</p>
</div>
</header><?cs
if:!User.Can.Settings ?>
<div class="alert alert--info"><p>Only an owner can change company details and the logo.</p></div><?cs
/if ?><?cs call:error_summary() ?>
<div class="stack">
<div class="split">
<section class="card" aria-labelledby="details-title">
<h2 id="details-title">Company details</h2>
<?cs call:form_error() ?>
<form method="post" action="/app/settings">
<?cs call:csrf() ?>
<input type="hidden" name="version" value="<?cs var:Form.Values.version ?>">
<fieldset<?cs if:!User.Can.Settings ?> disabled<?cs /if ?>>
<legend class="visually-hidden">Company details</legend>
<?cs call:company_fields() ?>
</fieldset><?cs
if:User.Can.Settings ?>
<div class="actions">
<button class="btn btn--primary" type="submit">Save changes</button>
</div><?cs /if ?>
</form>
</section>
<section class="card" aria-labelledby="logo-title">
<h2 id="logo-title">Logo</h2>
<div class="logo-preview"><?cs
if:Company.LogoHref ?><img src="<?cs var:Company.LogoHref ?>" alt="Current logo of <?cs var:Company.Name ?>"><?cs
else ?><p class="muted">No logo yet</p><?cs /if ?></div>
<p class="muted small">Your logo appears in the back office and on your quotes and invoices.</p><?cs
if:User.Can.Settings ?>
<form method="post" action="/app/settings/logo" enctype="multipart/form-data">
<?cs call:csrf() ?>
<?cs call:field_open("logo") ?>
<?cs call:field_label("logo", "Upload a new logo", 0) ?>
<?cs call:field_hint("logo", "PNG or JPEG, up to 2 MB.") ?><?cs
# The logo is optional, so no "*"; but this form needs a file, so the input stays `required`
  (its :valid state also drives the status text). The native input lies, transparent, over
  the button and status: it gets the clicks, the focus and the accessible name. ?>
<div class="file-pick">
<input class="file-pick__input" type="file" accept="image/png,image/jpeg"<?cs call:field_attrs("logo", 1, "PNG or JPEG, up to 2 MB.") ?>>
<span class="file-pick__button" aria-hidden="true">Choose image</span>
<span class="file-pick__status" aria-hidden="true"></span>
</div>
<?cs call:field_error("logo") ?>
</div>
<div class="actions">
<button class="btn btn--secondary" type="submit">Upload logo</button>
</div>
</form><?cs
/if ?>
</section>
</div>
<section class="card settings-docs" aria-labelledby="docs-title">
<h2 id="docs-title">Estimates and invoices</h2>
<p class="muted">The currency, the default tax rate and the terms that new estimates and invoices start with.</p>
<p><a href="/app/settings/documents"><?cs if:User.Can.Settings ?>Change these settings<?cs else ?>See these settings<?cs /if ?></a></p>
</section>
</div>
