<?cs # GET /app/estimates/new, /app/jobs/:id/estimates/new, /app/estimates/:id/edit and their
  POSTs (the same for invoices): the document form.  Rows post as lines[N][desc|qty|unit|price|
  taxable|item]; the row buttons and "Add" post the form back (action=...) and it comes back
  with the change, so everything works without JavaScript; lines.js does the same in the page
  and keeps the totals live (the server recomputes them on save). ?><?cs
include:"app/documents/macros.cs" ?><?cs call:doc_assets(1) ?><?cs

# One text cell of a line row. ?><?cs
def:line_cell(l, n, field, label, value, mode, max) ?>
<label class="visually-hidden" for="f-lines_<?cs var:n ?>_<?cs var:field ?>">Line <?cs var:l.Number ?> <?cs var:label ?></label>
<input class="input doc-edit__<?cs var:field ?>" type="text" id="f-lines_<?cs var:n ?>_<?cs var:field ?>" name="lines[<?cs var:n ?>][<?cs var:field ?>]" value="<?cs var:value ?>" autocomplete="off" maxlength="<?cs var:max ?>" data-field="<?cs var:field ?>"<?cs
	if:mode ?> inputmode="<?cs var:mode ?>"<?cs /if ?><?cs
	if:Form.Errors.lines[n][field] ?> aria-invalid="true" aria-describedby="f-lines_<?cs var:n ?>_<?cs var:field ?>-error"<?cs /if ?>><?cs
	if:Form.Errors.lines[n][field] ?>
<p class="field-error" id="f-lines_<?cs var:n ?>_<?cs var:field ?>-error"><span class="visually-hidden">Error:</span> <?cs var:Form.Errors.lines[n][field] ?></p><?cs /if ?><?cs /def ?>
<header class="page-head">
<div>
<h1><?cs if:Doc.Id ?>Edit <?cs var:Doc.Kind ?> #<?cs var:Doc.Number ?><?cs if:Doc.Revision > 1 ?> <span class="muted">· version <?cs var:Doc.Revision ?></span><?cs /if ?><?cs else ?>New <?cs var:Doc.Kind ?><?cs /if ?></h1><?cs
if:Job.Id ?>
<p class="muted">For <a href="<?cs var:Job.Href ?>">job #<?cs var:Job.Number ?> <?cs var:Job.Title ?></a> · <?cs var:Job.Customer ?></p><?cs
else ?>
<p class="muted">Choose the job it is for, then add its lines.</p><?cs /if ?>
</div>
</header><?cs call:form_error() ?><?cs call:error_summary() ?><?cs call:doc_revision_request() ?>
<form class="doc-form" method="post" action="<?cs var:Doc.Href.Form ?>" data-lines data-currency="<?cs var:Doc.Currency ?>" data-max-lines="<?cs var:Form.LinesMax ?>" novalidate>
<?cs # Enter in a field saves: the first submit button of a form is the one Enter presses. ?>
<button class="visually-hidden" type="submit" name="action" value="save" tabindex="-1" aria-hidden="true">Save</button>
<?cs call:csrf() ?><?cs
if:Doc.Id ?>
<input type="hidden" name="version" value="<?cs var:Form.Values.version ?>"><?cs /if ?>
<fieldset class="doc-fieldset"<?cs if:Form.Locked ?> disabled<?cs /if ?>>
<legend class="visually-hidden"><?cs var:Doc.KindLabel ?></legend>
<section class="card" aria-labelledby="details-title">
<h2 id="details-title">Details</h2><?cs
if:Job.Id ?>
<input type="hidden" name="job_id" value="<?cs var:Job.Id ?>">
<dl class="details doc-for">
<dt>Job</dt><dd><a href="<?cs var:Job.Href ?>">#<?cs var:Job.Number ?> <?cs var:Job.Title ?></a></dd>
<dt>Customer</dt><dd><?cs var:Job.Customer ?></dd>
</dl><?cs
elif:subcount(Jobs) > 0 ?>
<?cs call:select("job_id", "Job", Jobs, 1, "Choose a job", "The customer comes with the job.") ?><?cs
else ?>
<div class="alert alert--info"><p>There are no open jobs yet. <a href="/app/jobs/new">Create a job</a> first: every <?cs var:Doc.Kind ?> belongs to one.</p></div><?cs
/if ?>
<?cs call:field("title", "Title", "text", "off", 0, "What the customer sees at the top, for example “Kitchen sink replacement”.") ?>
<div class="field-row">
<?cs call:field("issued_on", "Issue date", "date", "off", 1, "") ?>
<?cs call:field(Doc.UntilField, Doc.UntilLabel, "date", "off", 0, "") ?>
</div>
</section>
<section class="card card--flush doc-lines-card" id="f-lines" tabindex="-1" aria-labelledby="lines-title">
<div class="card__head">
<h2 id="lines-title">Line items</h2>
<p class="muted small">Up to <?cs var:Form.LinesMax ?> lines. Empty rows are left out.</p>
</div><?cs
if:Form.Errors.lines ?>
<p class="field-error doc-lines-error" id="f-lines-error"><span class="visually-hidden">Error:</span> <?cs var:Form.Errors.lines ?></p><?cs /if ?>
<div class="doc-edit-wrap">
<table class="doc-edit">
<thead>
<tr><th scope="col" class="doc-edit__n"><span class="visually-hidden">Line</span>#</th><th scope="col">Description</th><th scope="col">Qty</th><th scope="col">Unit</th><th scope="col">Unit price</th><th scope="col">Taxable</th><th scope="col" class="num">Amount</th><th scope="col"><span class="visually-hidden">Move or remove</span></th></tr>
</thead>
<tbody data-rows><?cs each:l = Form.Lines ?><?cs set:n = name(l) ?>
<tr data-line>
<td class="doc-edit__n" data-label="#"><span data-number><?cs var:l.Number ?></span></td>
<td class="doc-edit__desc-cell" data-label="Description">
<label class="visually-hidden" for="f-lines_<?cs var:n ?>_desc">Line <?cs var:l.Number ?> description</label>
<textarea class="textarea doc-edit__desc" rows="2" id="f-lines_<?cs var:n ?>_desc" name="lines[<?cs var:n ?>][desc]" maxlength="2000" data-field="desc"<?cs
	if:Form.Errors.lines[n].desc ?> aria-invalid="true" aria-describedby="f-lines_<?cs var:n ?>_desc-error"<?cs /if ?>><?cs var:l.Desc ?></textarea><?cs
	if:Form.Errors.lines[n].desc ?>
<p class="field-error" id="f-lines_<?cs var:n ?>_desc-error"><span class="visually-hidden">Error:</span> <?cs var:Form.Errors.lines[n].desc ?></p><?cs /if ?>
<input type="hidden" name="lines[<?cs var:n ?>][item]" value="<?cs var:l.Item ?>" data-field="item">
</td>
<td class="doc-edit__qty-cell" data-label="Qty"><?cs call:line_cell(l, n, "qty", "quantity", l.Qty, "decimal", 20) ?></td>
<td class="doc-edit__unit-cell" data-label="Unit"><?cs call:line_cell(l, n, "unit", "unit", l.Unit, "", 20) ?></td>
<td class="doc-edit__price-cell" data-label="Unit price"><?cs call:line_cell(l, n, "price", "unit price", l.Price, "decimal", 24) ?></td>
<td class="doc-edit__tax-cell" data-label="Taxable">
<input type="checkbox" class="doc-edit__taxable" id="f-lines_<?cs var:n ?>_taxable" name="lines[<?cs var:n ?>][taxable]" value="1" data-field="taxable"<?cs if:l.Taxable == "1" ?> checked<?cs /if ?>>
<label class="doc-edit__taxable-label" for="f-lines_<?cs var:n ?>_taxable"><span class="visually-hidden">Line <?cs var:l.Number ?> is </span>Taxable</label>
</td>
<td class="num doc-edit__amount" data-label="Amount"><output data-amount for="f-lines_<?cs var:n ?>_qty f-lines_<?cs var:n ?>_price"><?cs if:l.Amount ?><?cs var:l.Amount ?><?cs else ?>—<?cs /if ?></output></td>
<td class="doc-edit__tools" data-label="">
<button class="btn btn--secondary btn--small doc-edit__tool" type="submit" name="action" value="up-<?cs var:n ?>" data-move="up" aria-label="Move line <?cs var:l.Number ?> up">↑</button>
<button class="btn btn--secondary btn--small doc-edit__tool" type="submit" name="action" value="down-<?cs var:n ?>" data-move="down" aria-label="Move line <?cs var:l.Number ?> down">↓</button>
<button class="btn btn--danger btn--small doc-edit__tool" type="submit" name="action" value="remove-<?cs var:n ?>" data-move="remove" aria-label="Remove line <?cs var:l.Number ?>">✕</button>
</td>
</tr><?cs /each ?>
</tbody>
</table>
</div>
<div class="doc-add">
<button class="btn btn--secondary" type="submit" name="action" value="add_row" data-add-row<?cs if:Form.LinesFull ?> disabled<?cs /if ?>>Add a line</button><?cs
if:subcount(Items) > 0 ?>
<div class="doc-add__item<?cs if:Form.Errors.item ?> field--error<?cs /if ?>">
<label for="f-item">From the price book</label>
<div class="doc-add__pick">
<select class="select" id="f-item" name="item" data-items<?cs if:Form.Errors.item ?> aria-invalid="true" aria-describedby="f-item-error"<?cs /if ?>>
<option value="">Choose an item…</option><?cs each:it = Items ?>
<option value="<?cs var:it.Value ?>" data-desc="<?cs var:it.Desc ?>" data-unit="<?cs var:it.Unit ?>" data-price="<?cs var:it.Price ?>" data-taxable="<?cs var:it.Taxable ?>"><?cs var:it.Label ?></option><?cs /each ?>
</select>
<button class="btn btn--secondary" type="submit" name="action" value="add_item" data-add-item>Add</button>
</div><?cs
	if:Form.Errors.item ?>
<p class="field-error" id="f-item-error"><span class="visually-hidden">Error:</span> <?cs var:Form.Errors.item ?></p><?cs /if ?>
</div><?cs
else ?>
<p class="muted small">Items you sell often can be kept in the <a href="/app/price-book">price book</a> and added here in one click.</p><?cs
/if ?>
</div>
</section>
<div class="split doc-pricing">
<section class="card" aria-labelledby="pricing-title">
<h2 id="pricing-title">Tax, discount and deposit</h2>
<?cs call:field_open("tax_rate") ?>
<?cs call:field_label("tax_rate", "Tax rate (%)", 0) ?>
<?cs call:field_hint("tax_rate", "Applied to the taxable lines after their share of the discount.") ?>
<input class="input doc-narrow" type="text" inputmode="decimal" autocomplete="off"<?cs call:field_attrs("tax_rate", 0, "Applied to the taxable lines after their share of the discount.") ?> value="<?cs var:Form.Values.tax_rate ?>" data-tax-rate>
<?cs call:field_error("tax_rate") ?>
</div>
<?cs call:doc_share("discount", "Discount", "") ?>
<?cs call:doc_share("deposit", "Deposit required", "Asked up front; recorded payments count toward it.") ?>
</section>
<section class="card doc-summary" aria-labelledby="totals-title">
<h2 id="totals-title">Totals</h2>
<dl class="doc-totals" aria-live="polite">
<div><dt>Subtotal</dt><dd data-total="subtotal"><?cs var:Form.Totals.Subtotal ?></dd></div>
<div><dt>Discount</dt><dd data-total="discount"><?cs var:Form.Totals.Discount ?></dd></div>
<div><dt>Tax</dt><dd data-total="tax"><?cs var:Form.Totals.Tax ?></dd></div>
<div class="doc-totals__total"><dt>Total</dt><dd data-total="total"><?cs var:Form.Totals.Total ?></dd></div>
<div><dt>Deposit required</dt><dd data-total="deposit"><?cs var:Form.Totals.Deposit ?></dd></div>
</dl>
<p class="muted small">Saved totals are always worked out again on the server.</p>
<button class="btn btn--secondary btn--small" type="submit" name="action" value="recalc" data-recalc>Update totals</button>
</section>
</div>
<section class="card" aria-labelledby="terms-title">
<h2 id="terms-title">Terms and notes</h2>
<?cs call:textarea("terms", "Terms", 0, "Payment terms, warranty, what is not included. Up to 5,000 characters.") ?>
<?cs call:textarea("notes", "Notes", 0, "Anything else for the customer. Up to 5,000 characters.") ?>
</section>
</fieldset>
<div class="actions doc-actions"><?cs
if:!Form.Locked ?>
<button class="btn btn--primary" type="submit" name="action" value="save">Save draft</button><?cs /if ?>
<a href="<?cs if:Doc.Href.Show ?><?cs var:Doc.Href.Show ?><?cs else ?><?cs var:Doc.Href.Index ?><?cs /if ?>"><?cs if:Form.Locked ?>Back to the <?cs var:Doc.Kind ?><?cs else ?>Cancel<?cs /if ?></a>
</div>
</form><?cs
if:Current.Total ?>
<section class="card doc-current" aria-labelledby="current-title">
<div class="card__head">
<h2 id="current-title">The saved version</h2>
<p class="muted small"><?cs var:Current.Status ?></p>
</div>
<dl class="details">
<dt>Title</dt><dd><?cs if:Current.Title ?><?cs var:Current.Title ?><?cs else ?><span class="muted">None</span><?cs /if ?></dd>
<dt>Issue date</dt><dd><?cs var:Current.IssuedOn ?></dd>
<dt><?cs var:Doc.UntilLabel ?></dt><dd><?cs if:Current.Until ?><?cs var:Current.Until ?><?cs else ?><span class="muted">None</span><?cs /if ?></dd>
</dl>
<?cs call:doc_lines(Current, "Lines of the saved version") ?><?cs
if:Current.Terms ?>
<h3>Terms</h3>
<p class="pre-line"><?cs var:Current.Terms ?></p><?cs /if ?><?cs
if:Current.Notes ?>
<h3>Notes</h3>
<p class="pre-line"><?cs var:Current.Notes ?></p><?cs /if ?>
</section><?cs
/if ?>
