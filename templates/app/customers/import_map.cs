<?cs # Step 2 of the CSV import: what each column holds (POST /app/customers/import, .../map,
  and .../preview when the choice has problems: 422). ?>
<header class="page-head">
<div>
<p class="small"><a href="/app/customers">Customers</a></p>
<h1>Import customers</h1>
<p class="muted">Step 2 of 3: choose what each column holds. The file has <?cs var:Import.Rows ?> <?cs if:Import.Rows == 1 ?>row<?cs else ?>rows<?cs /if ?> below its header.</p>
</div>
</header><?cs call:form_error() ?><?cs call:error_summary() ?>
<section class="card" aria-labelledby="columns-title">
<h2 id="columns-title">Columns of your file</h2>
<p class="muted">We guessed from the column names. Each field can come from one column; a name is required.</p>
<form method="post" action="/app/customers/import/preview">
<?cs call:csrf() ?>
<input type="hidden" name="file" value="<?cs var:Import.File ?>"><?cs
each:c = Columns ?>
<?cs call:select(c.Field, c.Header, Targets, 0, "", c.Hint) ?><?cs
/each ?>
<div class="actions">
<button class="btn btn--primary" type="submit">Preview the import</button>
<a href="/app/customers/import">Upload another file</a>
</div>
</form>
</section>
