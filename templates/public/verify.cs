<?cs # GET /d/:token — what a document's QR code opens: is this paper genuine and current?
  Verify.State is current, replaced or void. No personal data: number, version, money, status.
  The version shows only past 1, as on the PDF (pdf_layout.c). ?>
<link rel="stylesheet" href="/static/css/verify.css?v=<?cs var:App.AssetVersion ?>">
<section class="auth-card auth-card--wide verify" aria-labelledby="page-title">
<p class="verify__from"><?cs var:Verify.Company ?></p>
<h1 id="page-title"><?cs var:Verify.KindLabel ?> #<?cs var:Verify.Number ?><?cs if:Verify.Revision > 1 ?> <span class="verify__version">· version <?cs var:Verify.Revision ?></span><?cs /if ?></h1><?cs
if:Verify.State == "current" ?>
<p class="verify__seal verify__seal--ok" role="status"><span class="verify__mark" aria-hidden="true">&#10003;</span> Genuine and current</p>
<p class="verify__why">This is the latest version of this <?cs var:Verify.Kind ?>, as issued by <?cs var:Verify.Company ?>. Check that the paper you hold shows the same number<?cs if:Verify.Revision > 1 ?>, version<?cs /if ?> and total.</p><?cs
elif:Verify.State == "replaced" ?>
<p class="verify__seal verify__seal--stale" role="status"><span class="verify__mark" aria-hidden="true">!</span> Genuine, but not current</p>
<p class="verify__why">This version was replaced by version <?cs var:Verify.LatestRevision ?><?cs if:Verify.LatestOn ?> on <?cs var:Verify.LatestOn ?><?cs /if ?>. Ask <?cs var:Verify.Company ?> for the latest one, or open it in the customer portal.</p><?cs
else ?>
<p class="verify__seal verify__seal--void" role="status"><span class="verify__mark" aria-hidden="true">&#10005;</span> Voided</p>
<p class="verify__why">This <?cs var:Verify.Kind ?> was issued by <?cs var:Verify.Company ?> and later voided: nothing is owed on it.</p><?cs
/if ?>
<dl class="verify__facts">
<div><dt>Number</dt><dd><?cs var:Verify.KindLabel ?> #<?cs var:Verify.Number ?></dd></div>
<?cs if:Verify.Revision > 1 || Verify.State == "replaced" ?>
<div><dt>Version</dt><dd><?cs var:Verify.Revision ?></dd></div><?cs /if ?>
<div><dt>Issued</dt><dd><?cs var:Verify.IssuedOn ?></dd></div>
<div><dt>Status</dt><dd><?cs var:Verify.StatusLabel ?></dd></div>
<div><dt>Total</dt><dd><?cs var:Verify.Total ?></dd></div>
<div><dt>Paid</dt><dd><?cs var:Verify.Paid ?></dd></div>
<div class="verify__balance"><dt>Balance</dt><dd><?cs var:Verify.Balance ?></dd></div>
</dl>
<h2 class="verify__next"><?cs if:Verify.Kind == "estimate" ?>Approve<?cs else ?>Pay<?cs /if ?></h2>
<ol class="verify__steps">
<li>Sign in to the customer portal with the e-mail address <?cs var:Verify.Company ?> has for you.</li>
<li>Open this <?cs var:Verify.Kind ?> there to <?cs if:Verify.Kind == "estimate" ?>approve it<?cs else ?>pay it<?cs /if ?>.</li>
</ol>
<a class="btn btn--primary btn--block" href="<?cs var:Verify.PortalHref ?>">Open in the customer portal</a>
</section>
