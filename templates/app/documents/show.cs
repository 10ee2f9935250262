<?cs # GET /app/estimates/:id and /app/invoices/:id: the document as the customer reads it
  (printable: the browser's print leaves out the navigation and the forms), its actions and
  payments.  Actions that the status doesn't allow answer 409 with Form.Error here; the payment
  form's errors come back here too (422). ?><?cs
include:"app/documents/macros.cs" ?><?cs include:"app/jobs/macros.cs" ?><?cs call:doc_assets(1) ?>
<header class="page-head doc-head no-print">
<div>
<h1><?cs var:Doc.KindLabel ?> #<?cs var:Doc.Number ?><?cs if:Doc.Revision > 1 ?> <span class="muted">v<?cs var:Doc.Revision ?></span><?cs /if ?> <?cs call:doc_badge(Doc.Status, Doc.StatusLabel) ?><?cs if:Doc.Overdue ?> <span class="badge badge--doc-overdue">Overdue</span><?cs /if ?></h1>
<p class="muted">For <a href="<?cs var:Job.Href ?>">job #<?cs var:Job.Number ?> <?cs var:Job.Title ?></a> · <?cs var:Job.Customer ?><?cs
	if:Source.Number ?> · from <a href="<?cs var:Source.Href ?>">estimate #<?cs var:Source.Number ?></a><?cs /if ?></p>
</div>
<div class="doc-head__tools"><?cs
if:Doc.Can.Edit == "1" ?>
<a class="btn btn--primary" href="<?cs var:Doc.Href.Edit ?>">Edit draft</a><?cs /if ?>
<a class="btn btn--secondary" href="<?cs var:Doc.Href.Pdf ?>" download>Download PDF</a>
<button class="btn btn--secondary" type="button" data-print hidden>Print</button>
</div>
</header><?cs call:form_error() ?><?cs call:error_summary() ?><?cs call:doc_revision_request() ?><?cs
if:Doc.Can.Send == "1" || Doc.Can.Approve == "1" || Doc.Can.Decline == "1" || Doc.Can.Invoice == "1" || Doc.Can.Void == "1" || Doc.Can.Revise == "1" ?>
<section class="card doc-status-card no-print" aria-labelledby="next-title">
<h2 id="next-title" class="visually-hidden">Next steps</h2>
<div class="doc-buttons"><?cs
if:Doc.Can.Send == "1" ?>
<form method="post" action="<?cs var:Doc.Href.Send ?>"><?cs call:csrf() ?><button class="btn btn--primary" type="submit"><?cs if:Doc.Kind == "invoice" ?>Issue invoice<?cs else ?>Mark as sent<?cs /if ?></button></form><?cs /if ?><?cs
if:Doc.Can.Approve == "1" ?>
<form method="post" action="<?cs var:Doc.Href.Approve ?>"><?cs call:csrf() ?><button class="btn btn--primary" type="submit">Mark approved</button></form><?cs /if ?><?cs
if:Doc.Can.Decline == "1" ?>
<form method="post" action="<?cs var:Doc.Href.Decline ?>"><?cs call:csrf() ?><button class="btn btn--secondary" type="submit">Mark declined</button></form><?cs /if ?><?cs
if:Doc.Can.Invoice == "1" ?>
<form method="post" action="<?cs var:Doc.Href.Invoice ?>"><?cs call:csrf() ?><button class="btn btn--secondary" type="submit">Create invoice from estimate</button></form><?cs /if ?><?cs
if:Doc.Can.Void == "1" ?>
<form method="post" action="<?cs var:Doc.Href.Void ?>"><?cs call:csrf() ?><button class="btn btn--danger" type="submit">Void invoice</button></form><?cs /if ?><?cs
if:Doc.Can.Revise == "1" ?>
<form method="post" action="<?cs var:Doc.Href.Revise ?>"><?cs call:csrf() ?><button class="btn btn--secondary" type="submit">Make a new version</button></form><?cs /if ?>
</div>
<p class="muted small"><?cs
if:Doc.Status == "draft" ?><?cs if:Doc.Kind == "invoice" ?>Issuing makes the invoice final: it can no longer be edited, and its job moves to Invoiced.<?cs else ?>Once sent, the estimate can no longer be edited here.<?cs /if ?><?cs
elif:Doc.Status == "sent" && Doc.Kind == "estimate" ?>Record the customer's answer.<?cs if:Job.BeforeApproved ?> Approving moves the job to Approved.<?cs /if ?><?cs
elif:Doc.Kind == "invoice" ?>Voiding keeps the invoice for the record; it no longer counts as owed.<?cs /if ?></p>
</section><?cs
/if ?><?cs include:"app/documents/share.cs" ?>
<article class="card doc-paper" aria-labelledby="doc-title">
<header class="doc-paper__head">
<div class="doc-paper__from"><?cs
if:Company.LogoHref ?><img class="doc-paper__logo" src="<?cs var:Company.LogoHref ?>" alt="<?cs var:Company.Name ?>"><?cs /if ?>
<p><strong><?cs var:Company.Name ?></strong><?cs
	if:Company.Street ?><br><?cs var:Company.Street ?><?cs /if ?><?cs
	if:Company.City || Company.Region || Company.PostalCode ?><br><?cs call:locality(Company) ?><?cs /if ?><?cs
	if:Company.Phone ?><br><?cs var:Company.Phone ?><?cs /if ?><?cs
	if:Company.Email ?><br><?cs call:email(Company.Email) ?><?cs /if ?></p>
</div>
<div class="doc-paper__what">
<h2 id="doc-title"><?cs var:Doc.KindLabel ?> #<?cs var:Doc.Number ?></h2><?cs
if:Doc.Title ?>
<p class="doc-paper__title"><?cs var:Doc.Title ?></p><?cs /if ?>
<dl class="doc-paper__dates">
<div><dt>Issued</dt><dd><?cs var:Doc.IssuedOn ?></dd></div><?cs
if:Doc.Until ?>
<div><dt><?cs var:Doc.UntilLabel ?></dt><dd><?cs var:Doc.Until ?></dd></div><?cs /if ?>
<div class="print-only"><dt>Status</dt><dd><?cs var:Doc.StatusLabel ?></dd></div>
</dl>
</div>
</header>
<div class="doc-paper__to">
<h3><?cs if:Doc.Kind == "invoice" ?>Bill to<?cs else ?>Prepared for<?cs /if ?></h3>
<p><strong><?cs var:Job.Customer ?></strong><?cs
	if:Job.CustomerEmail ?><br><?cs call:email(Job.CustomerEmail) ?><?cs /if ?><?cs
	if:Job.CustomerPhone ?><br><?cs var:Job.CustomerPhone ?><?cs /if ?></p><?cs
if:Job.Street || Job.City ?>
<h3>Service address</h3>
<p><?cs if:Job.Street ?><?cs var:Job.Street ?><br><?cs /if ?><?cs call:locality(Job) ?></p><?cs /if ?>
</div>
<?cs call:doc_lines(Doc, "Lines") ?><?cs
if:Doc.ApprovedName ?>
<p class="doc-approved">Approved by <?cs var:Doc.ApprovedName ?> on <?cs var:Doc.ApprovedAt ?></p><?cs /if ?><?cs
if:Doc.Terms ?>
<h3>Terms</h3>
<p class="pre-line"><?cs var:Doc.Terms ?></p><?cs /if ?><?cs
if:Doc.Notes ?>
<h3>Notes</h3>
<p class="pre-line"><?cs var:Doc.Notes ?></p><?cs /if ?><?cs
if:Doc.Kind == "estimate" && !Doc.ApprovedName ?>
<div class="doc-sign print-only">
<h3>Approval</h3>
<p class="doc-sign__lines"><span>Signature</span><span>Date</span><span>Name</span></p>
</div><?cs /if ?>
</article><?cs
if:subcount(Versions) > 1 ?>
<section class="card no-print" aria-labelledby="versions-title">
<h2 id="versions-title">Versions</h2>
<ul class="doc-versions"><?cs each:v = Versions ?>
<li<?cs if:v.Current ?> aria-current="page"<?cs /if ?>><?cs if:v.Current ?>Version <?cs var:v.Revision ?> (this page)<?cs else ?><a href="<?cs var:v.Href ?>">Version <?cs var:v.Revision ?></a><?cs /if ?> <?cs call:doc_badge(v.Status, v.StatusLabel) ?> <span class="muted"><?cs var:v.IssuedOn ?> · <?cs var:v.Total ?></span><?cs if:v.CompareHref ?> <a class="doc-versions__compare" href="<?cs var:v.CompareHref ?>">Compare with this page</a><?cs /if ?></li><?cs /each ?>
</ul>
</section><?cs
/if ?><?cs
if:subcount(Derived) > 0 ?>
<section class="card no-print" aria-labelledby="derived-title">
<h2 id="derived-title">Invoices from this estimate</h2>
<ul class="doc-derived"><?cs each:d = Derived ?>
<li><a href="/app/invoices/<?cs var:d.Id ?>">Invoice #<?cs var:d.Number ?></a> <?cs call:doc_badge(d.Status, d.StatusLabel) ?> <span class="muted"><?cs var:d.Total ?></span></li><?cs /each ?>
</ul>
</section><?cs
/if ?><?cs
if:Doc.Status != "draft" || subcount(Payments) > 0 ?>
<section class="card no-print<?cs if:subcount(Payments) > 0 ?> has-payments<?cs /if ?>" id="payments" aria-labelledby="payments-title">
<div class="card__head">
<h2 id="payments-title"><?cs if:Doc.Kind == "estimate" ?>Deposits<?cs else ?>Payments<?cs /if ?></h2><?cs
if:Doc.Balance ?>
<p class="small"><span class="muted">Balance due</span> <strong><?cs var:Doc.Balance ?></strong></p><?cs /if ?>
</div><?cs
if:subcount(Payments) > 0 ?>
<div class="table-wrap">
<table class="table table--stack doc-payments">
<caption class="visually-hidden">Payments received and refunds</caption>
<thead>
<tr><th scope="col">Date</th><th scope="col">Method</th><th scope="col" class="num">Amount</th><th scope="col">Reference</th><th scope="col">By</th></tr>
</thead>
<tbody><?cs each:p = Payments ?>
<tr<?cs if:p.Refund ?> class="doc-payments__refund"<?cs /if ?>>
<td data-label="Date" class="nowrap"><?cs var:p.Date ?></td>
<td data-label="Method"><?cs if:p.Refund ?>Refund · <?cs /if ?><?cs var:p.Method ?></td>
<td data-label="Amount" class="num nowrap"><?cs var:p.Amount ?></td>
<td data-label="Reference"><?cs var:p.Reference ?><?cs if:p.Reason ?><?cs if:p.Reference ?><br><?cs /if ?><span class="muted"><?cs var:p.Reason ?></span><?cs /if ?></td>
<td data-label="By"><?cs var:p.By ?></td>
</tr><?cs /each ?>
</tbody>
</table>
</div><?cs
else ?>
<p class="muted"><?cs if:Doc.Kind == "estimate" ?>No deposit received yet.<?cs else ?>No payment received yet.<?cs /if ?></p><?cs
/if ?><?cs
if:Doc.Can.Pay == "1" || Doc.Can.Refund == "1" ?>
<details class="doc-pay"<?cs if:Pay.Open || Form.ErrorCount > 0 ?> open<?cs /if ?>>
<summary><?cs if:Doc.Can.Pay == "1" ?>Record a <?cs if:Doc.Kind == "estimate" ?>deposit<?cs else ?>payment<?cs /if ?><?cs if:Doc.Can.Refund == "1" ?> or a refund<?cs /if ?><?cs else ?>Record a refund<?cs /if ?></summary>
<form method="post" action="<?cs var:Doc.Href.Payments ?>" novalidate>
<?cs call:csrf() ?>
<fieldset class="doc-pay__kind">
<legend>What happened</legend><?cs
if:Doc.Can.Pay == "1" ?>
<label><input type="radio" name="kind" value="payment"<?cs if:Form.Values.kind != "refund" ?> checked<?cs /if ?>> Money received</label><?cs /if ?><?cs
if:Doc.Can.Refund == "1" ?>
<label><input type="radio" name="kind" value="refund"<?cs if:Form.Values.kind == "refund" || Doc.Can.Pay != "1" ?> checked<?cs /if ?>> Money refunded</label><?cs /if ?><?cs
if:Form.Errors.kind ?>
<p class="field-error" id="f-kind-error"><span class="visually-hidden">Error:</span> <?cs var:Form.Errors.kind ?></p><?cs /if ?>
</fieldset>
<div class="field-row">
<?cs call:field_open("amount") ?>
<?cs call:field_label("amount", "Amount", 1) ?>
<?cs call:field_hint("amount", "Balance due: " + Pay.Balance) ?>
<input class="input" type="text" inputmode="decimal" autocomplete="off"<?cs call:field_attrs("amount", 1, "Balance due: " + Pay.Balance) ?> value="<?cs var:Form.Values.amount ?>">
<?cs call:field_error("amount") ?>
</div>
<?cs call:select("method", "Method", Methods, 1, "", "") ?>
<?cs call:field("received_on", "Date", "date", "off", 1, "") ?>
</div>
<?cs call:field("reference", "Reference", "text", "off", 0, "Check number, card receipt or transfer reference.") ?>
<?cs call:field("reason", "Reason for a refund", "text", "off", 0, "Required for refunds: the customer sees it.") ?>
<div class="actions">
<button class="btn btn--primary" type="submit">Record</button>
</div>
</form>
</details><?cs
/if ?>
</section><?cs
/if ?><?cs
if:subcount(DocHistory) > 0 ?>
<section class="card no-print" id="doc-history" aria-labelledby="doc-history-title">
<div class="card__head">
<h2 id="doc-history-title">History of this <?cs if:Doc.Kind == "invoice" ?>invoice<?cs else ?>estimate<?cs /if ?></h2>
<p class="muted small">Newest first · <a href="<?cs var:Job.Href ?>#history">the whole job</a></p>
</div>
<ol class="timeline"><?cs each:e = DocHistory ?><?cs call:history_item(e, 0) ?><?cs /each ?>
</ol>
</section><?cs
/if ?>
