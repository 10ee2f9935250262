<?cs # Step 3 of the CSV import: every row checked, the first 200 shown with their problems
  (POST /app/customers/import/preview; .../run when nothing can be imported: 422). ?>
<header class="page-head">
<div>
<p class="small"><a href="/app/customers">Customers</a></p>
<h1>Import customers</h1>
<p class="muted">Step 3 of 3: check the rows, then import.</p>
</div>
</header><?cs call:form_error() ?>
<section class="card" aria-labelledby="summary-title">
<h2 id="summary-title">Summary</h2>
<dl class="details">
<dt>Rows in the file</dt>
<dd><?cs var:Import.Rows ?></dd>
<dt>Ready to import</dt>
<dd><strong><?cs var:Import.Valid ?></strong></dd>
<dt>With problems</dt>
<dd><?cs var:Import.Invalid ?><?cs if:Import.Invalid > 0 ?> <span class="muted">(left out; fix them in the file and import it again)</span><?cs /if ?></dd>
</dl>
<div class="actions"><?cs
if:Import.Valid > 0 ?>
<form method="post" action="/app/customers/import/run">
<?cs call:csrf() ?>
<input type="hidden" name="file" value="<?cs var:Import.File ?>"><?cs
	each:m = Map ?>
<input type="hidden" name="<?cs var:m.Name ?>" value="<?cs var:m.Value ?>"><?cs /each ?>
<button class="btn btn--primary" type="submit">Import <?cs var:Import.Valid ?> <?cs if:Import.Valid == 1 ?>customer<?cs else ?>customers<?cs /if ?></button>
</form><?cs
/if ?>
<form method="post" action="/app/customers/import/map">
<?cs call:csrf() ?>
<input type="hidden" name="file" value="<?cs var:Import.File ?>"><?cs
each:m = Map ?>
<input type="hidden" name="<?cs var:m.Name ?>" value="<?cs var:m.Value ?>"><?cs /each ?>
<button class="btn btn--secondary" type="submit">Change the columns</button>
</form>
</div>
</section>
<section class="card card--flush" aria-labelledby="rows-title">
<div class="card__head">
<h2 id="rows-title">Rows</h2><?cs
if:Import.Rows > Import.Shown ?>
<p class="muted small">The first <?cs var:Import.Shown ?> of <?cs var:Import.Rows ?></p><?cs /if ?>
</div>
<div class="table-wrap">
<table class="table table--stack">
<thead>
<tr><th scope="col">Line</th><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Phone</th><th scope="col">Address</th><th scope="col">Status</th></tr>
</thead>
<tbody><?cs each:p = Preview ?>
<tr>
<td data-label="Line"><?cs var:p.Line ?></td>
<td data-label="Name"><?cs var:p.Name ?></td>
<td data-label="Email"><?cs var:p.Email ?></td>
<td data-label="Phone" class="nowrap"><?cs var:p.Phone ?></td>
<td data-label="Address"><?cs var:p.Street ?><?cs if:p.Street && p.City ?>, <?cs /if ?><?cs var:p.City ?></td>
<td data-label="Status"><?cs if:p.Errors ?><span class="field-error"><?cs var:p.Errors ?></span><?cs else ?><span class="badge badge--active">Ready</span><?cs /if ?></td>
</tr><?cs /each ?>
</tbody>
</table>
</div>
</section>
