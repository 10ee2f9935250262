<?cs # GET /app/customers/new, GET /app/customers/:id/edit and their POSTs (422, 409). ?>
<header class="page-head">
<div>
<h1><?cs if:Page.New ?>New customer<?cs else ?>Edit customer<?cs /if ?></h1>
<p class="muted"><?cs if:Page.New ?>A person or a business you work for.<?cs else ?><a href="<?cs var:Customer.Href ?>"><?cs var:Customer.Name ?></a><?cs /if ?></p>
</div>
</header><?cs call:form_error() ?><?cs call:error_summary() ?><?cs
include:"app/customers/changes.cs" ?>
<section class="card" aria-labelledby="form-title">
<h2 id="form-title" class="visually-hidden">Customer details</h2>
<form method="post" action="<?cs var:Page.FormAction ?>">
<?cs call:csrf() ?><?cs
if:!Page.New ?>
<input type="hidden" name="version" value="<?cs var:Form.Values.version ?>"><?cs /if ?>
<?cs call:select("kind", "Kind", Kinds, 1, "", "") ?>
<?cs call:field("name", "Name", "text", "off", 1, "") ?>
<div class="field-row">
<?cs call:field("email", "Email", "email", "off", 0, "") ?>
<?cs call:field("phone", "Phone", "tel", "off", 0, "") ?>
</div>
<?cs call:field("tags", "Tags", "text", "off", 0, "Separated by commas, for example: vip, landlord. Up to 10 tags of up to 30 characters.") ?>
<?cs call:textarea("notes", "Notes", 0, "Only your team sees these. Up to 10,000 characters.") ?><?cs
if:Page.New ?>
<fieldset>
<legend>Service address</legend>
<p class="hint">Optional: where the work happens. You can add more addresses later.</p>
<?cs call:field("street", "Street address", "text", "off", 0, "") ?>
<div class="field-row">
<?cs call:field("city", "City", "text", "off", 0, "") ?>
<?cs call:field("region", "State or region", "text", "off", 0, "") ?>
<?cs call:field("postal_code", "Postal code", "text", "off", 0, "") ?>
</div>
</fieldset><?cs
/if ?>
<div class="actions">
<button class="btn btn--primary" type="submit"><?cs if:Page.New ?>Add customer<?cs else ?>Save changes<?cs /if ?></button>
<a href="<?cs if:Page.New ?>/app/customers<?cs else ?><?cs var:Customer.Href ?><?cs /if ?>">Cancel</a>
</div>
</form>
</section>
