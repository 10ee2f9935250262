<?cs # GET /app/estimates/:id/compare?with=<id>: two versions of one estimate side by side. ?><?cs
include:"partials/compare.cs" ?><?cs
if:Compare.Only ?>
<header class="page-head">
<div>
<h1>Estimate #<?cs var:Doc.Number ?>: compare versions</h1>
<p class="muted">This estimate has one version so far. Make a new version from its page; you can then compare any two here, line by line.</p>
</div>
<div class="doc-head__tools"><a class="btn btn--secondary" href="<?cs var:Doc.Href.Show ?>">Back to the estimate</a></div>
</header><?cs
else ?>
<header class="page-head">
<div>
<h1><?cs var:Doc.KindLabel ?> #<?cs var:Doc.Number ?>: version <?cs var:Compare.Old.Revision ?> and version <?cs var:Compare.New.Revision ?></h1>
<p class="muted">For <?cs var:Job.Customer ?> · <a href="<?cs var:Compare.Old.Href ?>">version <?cs var:Compare.Old.Revision ?></a> (<?cs var:Compare.Old.IssuedOn ?>) → <a href="<?cs var:Compare.New.Href ?>">version <?cs var:Compare.New.Revision ?></a> (<?cs var:Compare.New.IssuedOn ?>)</p>
</div>
<div class="doc-head__tools"><a class="btn btn--secondary" href="<?cs var:Doc.Href.Show ?>">Back to the estimate</a></div>
</header>
<?cs call:compare_view() ?><?cs /if ?>
