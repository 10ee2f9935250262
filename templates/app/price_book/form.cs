<?cs # GET /app/price-book/new, /app/price-book/:id/edit and their POSTs (422, 409). ?><?cs
include:"app/documents/macros.cs" ?><?cs call:doc_assets(0) ?>
<header class="page-head">
<div>
<h1><?cs if:Item.Id ?>Edit <?cs var:Item.Name ?><?cs else ?>New price book item<?cs /if ?></h1>
<p class="muted"><a href="/app/price-book">Price book</a><?cs if:Item.Archived == "1" ?> · <span class="badge">Archived</span><?cs /if ?></p>
</div>
</header><?cs call:form_error() ?><?cs call:error_summary() ?><?cs
if:Current.Id ?>
<section class="card doc-current" aria-labelledby="current-title">
<h2 id="current-title">The saved version</h2>
<dl class="details">
<dt>Name</dt><dd><?cs var:Current.Name ?></dd>
<dt>Description</dt><dd class="pre-line"><?cs if:Current.Description ?><?cs var:Current.Description ?><?cs else ?><span class="muted">None</span><?cs /if ?></dd>
<dt>Unit</dt><dd><?cs if:Current.Unit ?><?cs var:Current.Unit ?><?cs else ?><span class="muted">None</span><?cs /if ?></dd>
<dt>Unit price</dt><dd><?cs var:Current.Price ?></dd>
<dt>Tax</dt><dd><?cs if:Current.Taxable == "1" ?>Taxable<?cs else ?>No tax<?cs /if ?></dd>
</dl>
</section><?cs
/if ?>
<section class="card" aria-labelledby="item-title">
<h2 id="item-title" class="visually-hidden">Item</h2>
<form method="post" action="<?cs var:Item.Action ?>">
<?cs call:csrf() ?><?cs
if:Item.Id ?>
<input type="hidden" name="version" value="<?cs var:Form.Values.version ?>"><?cs /if ?>
<?cs call:field("name", "Name", "text", "off", 1, "") ?>
<?cs call:textarea("description", "Description", 0, "Shown under the name on the line. Up to 2,000 characters.") ?>
<div class="field-row">
<?cs call:field("unit", "Unit", "text", "off", 0, "hr, ea, sq ft…") ?>
<?cs call:field("price", "Unit price", "text", "off", 1, "Before tax, for example 85 or 12.50") ?>
</div>
<?cs call:doc_checkbox("taxable", "Taxable", Form.Values.taxable, "Tax is added to this item's lines.") ?>
<div class="actions">
<button class="btn btn--primary" type="submit"><?cs if:Item.Id ?>Save changes<?cs else ?>Add item<?cs /if ?></button>
<a href="/app/price-book">Cancel</a>
</div>
</form><?cs
if:Item.Id ?>
<form class="doc-archive" method="post" action="<?cs var:Item.ArchiveHref ?>"><?cs call:csrf() ?><button class="btn btn--secondary btn--small" type="submit"><?cs if:Item.Archived == "1" ?>Restore item<?cs else ?>Archive item<?cs /if ?></button></form><?cs
/if ?>
</section>
