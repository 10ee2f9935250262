<?cs # GET/POST /app/customers/import: step 1 of the CSV import, the upload. ?>
<header class="page-head">
<div>
<p class="small"><a href="/app/customers">Customers</a></p>
<h1>Import customers</h1>
<p class="muted">Step 1 of 3: upload a CSV file.</p>
</div>
</header><?cs call:form_error() ?><?cs call:error_summary() ?>
<div class="split">
<section class="card" aria-labelledby="upload-title">
<h2 id="upload-title">Your file</h2>
<form method="post" action="/app/customers/import" enctype="multipart/form-data">
<?cs call:csrf() ?>
<?cs call:field_open("file") ?>
<?cs call:field_label("file", "CSV file", 1) ?>
<?cs call:field_hint("file", "UTF-8, up to 2 MB and 10,000 customers.") ?>
<div class="file-pick">
<input class="file-pick__input" type="file" accept=".csv,text/csv"<?cs call:field_attrs("file", 1, "UTF-8, up to 2 MB and 10,000 customers.") ?>>
<span class="file-pick__button" aria-hidden="true">Choose file</span>
<span class="file-pick__status" aria-hidden="true"></span>
</div>
<?cs call:field_error("file") ?>
</div>
<div class="actions">
<button class="btn btn--primary" type="submit">Upload and continue</button>
<a href="/app/customers">Cancel</a>
</div>
</form>
</section>
<section class="card" aria-labelledby="format-title">
<h2 id="format-title">What the file should look like</h2>
<ul>
<li>A first line with column names, then one customer per line.</li>
<li>Values separated by commas or semicolons. From Excel or Numbers, save or export as “CSV UTF-8”.</li>
<li>Each customer needs a name. Kind (person or business), email, phone, notes, tags and one address (street, city, state or region, postal code) are optional.</li>
<li>Next you choose what each column holds, and see every problem before anything is imported.</li>
</ul>
<p class="muted small">A file exported from the customer list has the right columns already.</p>
</section>
</div>
