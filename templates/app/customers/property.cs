<?cs # A property (service address) of a customer: new, edit, and their POSTs (422, 409). ?>
<header class="page-head">
<div>
<h1><?cs if:Page.New ?>New property<?cs else ?>Edit property<?cs /if ?></h1>
<p class="muted">For <a href="<?cs var:Customer.Href ?>"><?cs var:Customer.Name ?></a></p>
</div>
</header><?cs call:form_error() ?><?cs call:error_summary() ?><?cs
include:"app/customers/changes.cs" ?>
<section class="card" aria-labelledby="form-title">
<h2 id="form-title" class="visually-hidden">Address</h2>
<form method="post" action="<?cs var:Page.FormAction ?>">
<?cs call:csrf() ?><?cs
if:!Page.New ?>
<input type="hidden" name="version" value="<?cs var:Form.Values.version ?>"><?cs /if ?>
<?cs call:field("label", "Label", "text", "off", 0, "Optional, for example: Home, Rental unit, Warehouse") ?>
<?cs call:field("street", "Street address", "text", "off", 1, "") ?>
<div class="field-row">
<?cs call:field("city", "City", "text", "off", 0, "") ?>
<?cs call:field("region", "State or region", "text", "off", 0, "") ?>
<?cs call:field("postal_code", "Postal code", "text", "off", 0, "") ?>
</div>
<?cs call:textarea("notes", "Access notes", 0, "Gate codes, parking, pets. Up to 2,000 characters.") ?>
<div class="actions">
<button class="btn btn--primary" type="submit"><?cs if:Page.New ?>Add property<?cs else ?>Save changes<?cs /if ?></button>
<a href="<?cs var:Customer.Href ?>#properties">Cancel</a>
</div>
</form>
</section>
