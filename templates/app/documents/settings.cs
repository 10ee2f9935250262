<?cs # GET/POST /app/settings/documents: the currency and the defaults of new estimates and
  invoices (owners edit, office staff read). ?>
<header class="page-head">
<div>
<h1>Estimates and invoices</h1>
<p class="muted">The currency of your documents and what new ones start with. <a href="/app/settings">Company settings</a></p>
</div>
</header><?cs
if:!User.Can.Settings ?>
<div class="alert alert--info"><p>Only an owner can change these settings.</p></div><?cs
/if ?><?cs call:form_error() ?><?cs call:error_summary() ?>
<section class="card" aria-labelledby="defaults-title">
<h2 id="defaults-title" class="visually-hidden">Defaults</h2>
<form method="post" action="/app/settings/documents">
<?cs call:csrf() ?>
<input type="hidden" name="version" value="<?cs var:Form.Values.version ?>">
<fieldset<?cs if:!User.Can.Settings ?> disabled<?cs /if ?>>
<legend class="visually-hidden">Defaults of new documents</legend>
<?cs call:select("currency", "Currency", Currencies, 1, "", "Amounts are shown in this currency on every estimate and invoice, old ones included.") ?>
<?cs call:field("tax_rate", "Default tax rate (%)", "text", "off", 0, "For example 8.25. Each document can change it.") ?>
<?cs call:select("paper", "Paper size of PDFs", Papers, 1, "", "Estimates and invoices are made as PDFs on this paper.") ?>
<?cs call:textarea("terms", "Default terms", 0, "Printed on new estimates and invoices: payment terms, warranty. Up to 5,000 characters.") ?>
</fieldset><?cs
if:User.Can.Settings ?>
<div class="actions">
<button class="btn btn--primary" type="submit">Save changes</button>
</div><?cs /if ?>
</form>
</section>
