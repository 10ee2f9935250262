<?cs # Macros of the estimate, invoice and price book pages (macros only: outputs nothing). ?><?cs

# The stylesheet of these pages (a <link> in the body is allowed and keeps the layout shared)
  and, with script 1, lines.js; both versioned by App.AssetVersion. ?><?cs
def:doc_assets(script) ?>
<link rel="stylesheet" href="/static/css/documents.css?v=<?cs var:App.AssetVersion ?>"><?cs
	if:script ?>
<script src="/static/js/lines.js?v=<?cs var:App.AssetVersion ?>" defer></script><?cs /if ?><?cs /def ?><?cs

# A document status badge: status is the name (partial), label what people read. ?><?cs
def:doc_badge(status, label) ?><span class="badge badge--doc-<?cs var:status ?>"><?cs var:label ?></span><?cs /def ?><?cs

# The customer's open revision request (RevisionRequest.*, versions.c), where the owner acts
  on it: the estimate it was made on and the edit page of the version drafted from it. ?><?cs
def:doc_revision_request() ?><?cs
	if:RevisionRequest.Body ?>
<section class="alert alert--info doc-revision no-print" aria-labelledby="revision-title">
<div>
<h2 id="revision-title" class="doc-revision__title"><?cs var:RevisionRequest.Who ?> asked for changes to version <?cs var:RevisionRequest.Revision ?></h2>
<blockquote class="doc-revision__body pre-line"><?cs var:RevisionRequest.Body ?></blockquote>
<p class="small muted"><?cs var:RevisionRequest.When ?><?cs if:RevisionRequest.Href ?> · <a href="<?cs var:RevisionRequest.Href ?>">Open version <?cs var:RevisionRequest.Revision ?></a><?cs /if ?></p>
</div>
</section><?cs
	/if ?><?cs /def ?><?cs

# A checkbox with value "1", checked when checked is "1"; its label follows it. ?><?cs
def:doc_checkbox(name, label, checked, hint) ?>
<div class="doc-check">
<input type="checkbox" id="f-<?cs var:name ?>" name="<?cs var:name ?>" value="1"<?cs
	if:checked == "1" ?> checked<?cs /if ?><?cs
	if:hint ?> aria-describedby="f-<?cs var:name ?>-hint"<?cs /if ?>>
<label for="f-<?cs var:name ?>"><?cs var:label ?></label><?cs
if:hint ?>
<p class="hint" id="f-<?cs var:name ?>-hint"><?cs var:hint ?></p><?cs /if ?>
</div>
<?cs /def ?><?cs

# A number and a "amount | percent" select side by side (discount, deposit). ?><?cs
def:doc_share(name, label, hint) ?>
<?cs call:field_open(name) ?>
<?cs call:field_label(name, label, 0) ?>
<?cs call:field_hint(name, hint) ?>
<div class="doc-share">
<input class="input" type="text" inputmode="decimal" autocomplete="off"<?cs call:field_attrs(name, 0, hint) ?> value="<?cs var:Form.Values[name] ?>" data-share="<?cs var:name ?>">
<label class="visually-hidden" for="f-<?cs var:name ?>_kind"><?cs var:label ?> as</label>
<select class="select" id="f-<?cs var:name ?>_kind" name="<?cs var:name ?>_kind" data-share-kind="<?cs var:name ?>">
<option value="amount"<?cs if:Form.Values[name + "_kind"] != "percent" ?> selected<?cs /if ?>>Amount</option>
<option value="percent"<?cs if:Form.Values[name + "_kind"] == "percent" ?> selected<?cs /if ?>>% of <?cs if:name == "deposit" ?>total<?cs else ?>subtotal<?cs /if ?></option>
</select>
</div>
<?cs call:field_error(name) ?>
</div>
<?cs /def ?><?cs

# The lines and totals of a stored document under d (Doc or Current), read-only. ?><?cs
def:doc_lines(d, caption) ?>
<div class="table-wrap">
<table class="table doc-lines">
<caption class="visually-hidden"><?cs var:caption ?></caption>
<thead>
<tr><th scope="col">Description</th><th scope="col" class="num">Qty</th><th scope="col">Unit</th><th scope="col" class="num">Unit price</th><th scope="col" class="num">Amount</th></tr>
</thead>
<tbody><?cs each:l = d.Lines ?>
<tr>
<td data-label="Description" class="doc-lines__desc"><span class="pre-line"><?cs var:l.Desc ?></span><?cs if:!l.Taxable ?> <span class="doc-notax">(no tax)</span><?cs /if ?></td>
<td data-label="Qty" class="num"><?cs var:l.Qty ?></td>
<td data-label="Unit"><?cs var:l.Unit ?></td>
<td data-label="Unit price" class="num nowrap"><?cs var:l.Price ?></td>
<td data-label="Amount" class="num nowrap"><?cs var:l.Amount ?></td>
</tr><?cs /each ?>
</tbody>
</table>
</div>
<dl class="doc-totals">
<div><dt>Subtotal</dt><dd><?cs var:d.Subtotal ?></dd></div><?cs
if:d.Discount ?>
<div><dt>Discount<?cs if:d.DiscountRate ?> (<?cs var:d.DiscountRate ?>)<?cs /if ?></dt><dd><?cs var:d.Discount ?></dd></div><?cs /if ?><?cs
if:d.Tax ?>
<div><dt>Tax (<?cs var:d.TaxRate ?>)</dt><dd><?cs var:d.Tax ?></dd></div><?cs /if ?>
<div class="doc-totals__total"><dt>Total</dt><dd><?cs var:d.Total ?></dd></div><?cs
if:d.Deposit ?>
<div><dt>Deposit required<?cs if:d.DepositRate ?> (<?cs var:d.DepositRate ?>)<?cs /if ?></dt><dd><?cs var:d.Deposit ?></dd></div><?cs /if ?><?cs
if:d.Paid ?>
<div><dt>Paid</dt><dd><?cs var:d.Paid ?></dd></div>
<div class="doc-totals__balance"><dt>Balance due</dt><dd><?cs var:d.Balance ?></dd></div><?cs /if ?>
</dl><?cs /def ?>
