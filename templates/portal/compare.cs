<?cs # GET /portal/documents/:id/compare?with=<id>: what changed between two versions, for the customer. ?><?cs
include:"partials/compare.cs" ?>
<header class="page-head">
<div>
<h1><?cs var:Doc.KindLabel ?> #<?cs var:Doc.Number ?>: what changed</h1>
<p class="muted"><a href="<?cs var:Compare.Old.Href ?>">Version <?cs var:Compare.Old.Revision ?></a> (<?cs var:Compare.Old.IssuedOn ?>) → <a href="<?cs var:Compare.New.Href ?>">version <?cs var:Compare.New.Revision ?></a> (<?cs var:Compare.New.IssuedOn ?>)</p>
</div>
</header>
<?cs call:compare_view() ?>
<p><a class="btn btn--primary" href="<?cs var:Compare.New.Href ?>">Open version <?cs var:Compare.New.Revision ?></a> <a class="btn btn--secondary" href="<?cs var:Doc.Href.Show ?>">Back</a></p>
