<?cs # GET /portal/documents/:id: an estimate or invoice as the customer reads it, phone first
  (the lines become stacked cards on a narrow screen), with Download PDF and Print, the answers
  the status allows (approve, ask for a revision, dispute), the versions and the conversation.
  Answers come back here: 422 with the message next to the field (Form.Open says which form to
  open), 409 with Form.Error when the document changed meanwhile. ?><?cs
include:"app/documents/macros.cs" ?><?cs call:doc_assets(1) ?>
<header class="page-head pdoc-head">
<div>
<h1><?cs var:Doc.KindLabel ?> #<?cs var:Doc.Number ?> <?cs call:doc_badge(Doc.Status, Doc.StatusLabel) ?></h1>
<p class="muted">Version <?cs var:Doc.Revision ?><?cs if:Doc.Title ?> · <?cs var:Doc.Title ?><?cs /if ?></p>
</div>
<div class="pdoc-head__tools no-print">
<a class="btn btn--secondary" href="<?cs var:Doc.Href.Pdf ?>" download>Download PDF</a>
<button class="btn btn--secondary" type="button" data-print hidden>Print</button>
</div>
</header><?cs call:form_error() ?><?cs
if:Stale.Compare ?>
<p class="pdoc-note no-print"><a href="<?cs var:Stale.Compare ?>">See what changed since version <?cs var:Stale.Revision ?></a></p><?cs /if ?><?cs
call:error_summary() ?><?cs
if:Doc.Newer.Href ?>
<div class="alert alert--info pdoc-note no-print" role="status"><p><strong>There is a newer version of this <?cs var:Doc.Kind ?>.</strong> This one is kept for the record.
<a href="<?cs var:Doc.Newer.Href ?>">Open the newer version</a> · <a href="<?cs var:Doc.Newer.Compare ?>">see what changed</a></p></div><?cs
elif:Doc.ApprovedName ?>
<div class="alert alert--ok pdoc-note" role="status"><p><strong>Approved</strong> by <?cs var:Doc.ApprovedName ?> on <?cs var:Doc.ApprovedAt ?>.</p></div><?cs
elif:Doc.Status == "revision_requested" ?>
<div class="alert alert--info pdoc-note no-print" role="status"><p><strong>You asked for a revision.</strong> <?cs var:Company.Name ?> will send you a new version. You can still approve this one as it is.</p></div><?cs
elif:Doc.Can.Approve == "1" ?>
<p class="pdoc-note no-print"><a href="#approve">Read it through, then approve it or ask for changes below.</a></p><?cs
/if ?>
<article class="card doc-paper pdoc-paper" aria-labelledby="doc-title">
<header class="doc-paper__head">
<div class="doc-paper__from">
<p><strong><?cs var:Company.Name ?></strong><?cs
	if:Company.Street ?><br><?cs var:Company.Street ?><?cs /if ?><?cs
	if:Company.City || Company.Region || Company.PostalCode ?><br><?cs call:locality(Company) ?><?cs /if ?><?cs
	if:Company.Phone ?><br><?cs var:Company.Phone ?><?cs /if ?><?cs
	if:Company.Email ?><br><?cs call:email(Company.Email) ?><?cs /if ?></p>
</div>
<div class="doc-paper__what">
<h2 id="doc-title"><?cs var:Doc.KindLabel ?> #<?cs var:Doc.Number ?></h2>
<p class="doc-paper__title">Version <?cs var:Doc.Revision ?></p>
<dl class="doc-paper__dates">
<div><dt>Issued</dt><dd><?cs var:Doc.IssuedOn ?></dd></div><?cs
if:Doc.Until ?>
<div><dt><?cs var:Doc.UntilLabel ?></dt><dd><?cs var:Doc.Until ?></dd></div><?cs /if ?>
<div><dt>Status</dt><dd><?cs var:Doc.StatusLabel ?></dd></div>
</dl>
</div>
</header>
<div class="doc-paper__to">
<h3><?cs if:Doc.Kind == "invoice" ?>Bill to<?cs else ?>Prepared for<?cs /if ?></h3>
<p><strong><?cs var:Job.Customer ?></strong><?cs if:Doc.Title ?><br><?cs var:Doc.Title ?><?cs /if ?></p><?cs
if:Job.Street || Job.City ?>
<h3>Service address</h3>
<p><?cs if:Job.Street ?><?cs var:Job.Street ?><br><?cs /if ?><?cs call:locality(Job) ?></p><?cs /if ?>
</div>
<?cs call:doc_lines(Doc, "What is included") ?><?cs
if:Doc.Terms ?>
<h3>Terms</h3>
<p class="pre-line"><?cs var:Doc.Terms ?></p><?cs /if ?><?cs
if:Doc.Notes ?>
<h3>Notes</h3>
<p class="pre-line"><?cs var:Doc.Notes ?></p><?cs /if ?>
</article><?cs

if:Doc.Can.Approve == "1" ?>
<section class="card pdoc-answer no-print" id="approve" aria-labelledby="approve-title">
<h2 id="approve-title">Approve this estimate</h2>
<p>Approving tells <?cs var:Company.Name ?> to go ahead with version <?cs var:Doc.Revision ?> for <strong><?cs var:Doc.Total ?></strong><?cs if:Doc.Deposit ?> (deposit <?cs var:Doc.Deposit ?>)<?cs /if ?>. You will get a copy by email.</p>
<form method="post" action="<?cs var:Doc.Href.Approve ?>" novalidate>
<?cs call:csrf() ?>
<input type="hidden" name="hash" value="<?cs var:Approve.Hash ?>">
<?cs call:field("name", "Your full name", "text", "name", 1, "Typing your name is your signature.") ?>
<div class="field pdoc-accept<?cs if:Form.Errors.accept ?> field--error<?cs /if ?>">
<div class="doc-check">
<input type="checkbox" id="f-accept" name="accept" value="1"<?cs if:Form.Errors.accept ?> aria-invalid="true" aria-describedby="f-accept-error"<?cs /if ?>>
<label for="f-accept">I have read this estimate and I accept its terms</label>
</div>
<?cs call:field_error("accept") ?>
</div>
<div class="actions"><button class="btn btn--primary" type="submit">Approve estimate</button></div>
</form>
</section><?cs
/if ?><?cs
if:Doc.Can.Revision == "1" ?>
<section class="card pdoc-answer no-print" id="revision" aria-labelledby="revision-title">
<details<?cs if:Form.Open == "revision" ?> open<?cs /if ?>>
<summary><h2 id="revision-title">Ask for changes</h2></summary>
<form method="post" action="<?cs var:Doc.Href.Revision ?>" novalidate>
<?cs call:csrf() ?>
<?cs call:textarea("changes", "What would you like changed?", 1, "We will send you a new version of the estimate.") ?>
<div class="actions"><button class="btn btn--secondary" type="submit">Request a revision</button></div>
</form>
</details>
</section><?cs
/if ?><?cs

if:Doc.Kind == "invoice" ?>
<section class="card pdoc-pay" id="payments" aria-labelledby="payments-title">
<h2 id="payments-title">Payments</h2><?cs
if:subcount(Payments) > 0 ?>
<ul class="pdoc-payments"><?cs each:p = Payments ?>
<li><span><?cs var:p.Date ?> · <?cs if:p.Refund ?>Refund · <?cs /if ?><?cs var:p.Method ?></span> <strong class="nowrap"><?cs var:p.Amount ?></strong></li><?cs /each ?>
</ul><?cs
else ?>
<p class="muted">No payment received yet.</p><?cs
/if ?><?cs
if:Doc.Owing ?>
<div class="pdoc-balance">
<p class="pdoc-balance__due">Balance due <strong><?cs var:Doc.Balance ?></strong><?cs if:Doc.Until ?> by <?cs var:Doc.Until ?><?cs /if ?></p>
<p class="pdoc-balance__how">To pay, contact <?cs var:Company.Name ?><?cs
	if:Company.Phone ?> at <a href="tel:<?cs var:Company.PhoneHref ?>"><?cs var:Company.Phone ?></a><?cs /if ?><?cs
	if:Company.Email ?><?cs if:Company.Phone ?> or<?cs /if ?> by email at <?cs call:email(Company.Email) ?><?cs /if ?>, quoting invoice #<?cs var:Doc.Number ?>.</p>
</div><?cs
else ?>
<p class="pdoc-balance__due">Nothing left to pay. Thank you!</p><?cs
/if ?>
</section><?cs
if:Doc.Can.Dispute == "1" ?>
<section class="card pdoc-answer no-print" id="dispute" aria-labelledby="dispute-title">
<details<?cs if:Form.Open == "dispute" ?> open<?cs /if ?>>
<summary><h2 id="dispute-title">Dispute this invoice</h2></summary>
<form method="post" action="<?cs var:Doc.Href.Dispute ?>" novalidate>
<?cs call:csrf() ?>
<?cs call:textarea("reason", "What is wrong with this invoice?", 1, "Your message goes to " + Company.Name + ", who will get back to you.") ?>
<div class="actions"><button class="btn btn--secondary" type="submit">Send the dispute</button></div>
</form>
</details>
</section><?cs
/if ?><?cs
/if ?><?cs

if:subcount(Versions) > 1 ?>
<section class="card pdoc-versions no-print" aria-labelledby="versions-title">
<h2 id="versions-title">Versions</h2>
<ul class="doc-versions"><?cs each:v = Versions ?>
<li<?cs if:v.Current ?> aria-current="page"<?cs /if ?>><?cs
	if:v.Current ?><strong>Version <?cs var:v.Revision ?></strong> (this one)<?cs
	else ?><a href="<?cs var:v.Href ?>">Version <?cs var:v.Revision ?></a><?cs /if ?>
<?cs call:doc_badge(v.Status, v.StatusLabel) ?> <span class="muted"><?cs var:v.IssuedOn ?> · <?cs var:v.Total ?></span><?cs
	if:v.CompareHref ?> <a class="doc-versions__compare" href="<?cs var:v.CompareHref ?>">Compare with this one</a><?cs /if ?></li><?cs /each ?>
</ul>
</section><?cs
/if ?>
<?cs include:"portal/doc_messages.cs" ?>
