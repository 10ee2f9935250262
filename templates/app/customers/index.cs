<?cs # GET /app/customers: search, filters, sort and keyset pages; CSV export and import. ?>
<header class="page-head">
<div>
<h1>Customers</h1>
<p class="muted">The people and businesses you work for, with their service addresses.</p>
</div><?cs
if:User.Can.EditCustomers ?>
<div>
<a class="btn btn--secondary" href="/app/customers/import">Import CSV</a>
<a class="btn btn--primary" href="/app/customers/new">Add customer</a>
</div><?cs /if ?>
</header><?cs call:error_summary() ?><?cs
# No search form before there is anything to search. ?><?cs
if:subcount(Customers) > 0 || Filter.Active || Page.FirstHref || Form.ErrorCount > 0 ?>
<section class="card" aria-labelledby="search-title">
<h2 id="search-title" class="visually-hidden">Search and filter</h2>
<form method="get" action="/app/customers" role="search">
<?cs call:field("q", "Search", "search", "off", 0, "Name, email, phone, street or city") ?>
<div class="field-row">
<?cs call:select("kind", "Kind", Kinds, 0, "All kinds", "") ?>
<?cs call:field("tag", "Tag", "text", "off", 0, "") ?>
<?cs call:select("sort", "Sort by", Sorts, 0, "", "") ?>
</div>
<div class="actions">
<button class="btn btn--primary" type="submit">Search</button><?cs
if:Filter.Active ?>
<a href="/app/customers">Clear filters</a><?cs /if ?>
</div>
</form>
</section><?cs
/if ?>
<section class="card card--flush" aria-labelledby="list-title">
<div class="card__head">
<h2 id="list-title"><?cs if:Filter.Active ?>Matching customers<?cs else ?>All customers<?cs /if ?></h2><?cs
if:User.Can.EditCustomers && subcount(Customers) > 0 ?>
<a href="<?cs var:Page.ExportHref ?>" download>Export CSV</a><?cs /if ?>
</div><?cs
if:subcount(Customers) > 0 ?>
<div class="table-wrap">
<table class="table table--stack">
<thead>
<tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Email</th><th scope="col">Phone</th><th scope="col">City</th><th scope="col">Tags</th></tr>
</thead>
<tbody><?cs each:c = Customers ?>
<tr>
<td data-label="Name"><a href="<?cs var:c.Href ?>"><strong><?cs var:c.Name ?></strong></a></td>
<td data-label="Kind"><?cs var:c.KindLabel ?></td>
<td data-label="Email"><?cs if:c.Email ?><?cs call:email(c.Email) ?><?cs /if ?></td>
<td data-label="Phone" class="nowrap"><?cs var:c.Phone ?></td>
<td data-label="City"><?cs var:c.City ?></td>
<td data-label="Tags"><?cs each:t = c.Tags ?><a class="badge" href="<?cs var:t.Href ?>"><?cs var:t.Name ?></a> <?cs /each ?></td>
</tr><?cs /each ?>
</tbody>
</table>
</div><?cs
elif:Filter.Active || Form.ErrorCount > 0 ?>
<div class="empty">
<p class="empty__title">No customers match</p>
<p>Try another search, or <a href="/app/customers">see all customers</a>.</p>
</div><?cs
elif:Page.FirstHref ?>
<div class="empty">
<p class="empty__title">No more customers</p>
<p><a href="<?cs var:Page.FirstHref ?>">Back to the first page</a></p>
</div><?cs
else ?>
<div class="empty">
<p class="empty__title">No customers yet — add your first customer</p><?cs
	if:User.Can.EditCustomers ?>
<p>Add them one by one, or bring your list over from a spreadsheet.</p>
<p><a class="btn btn--primary" href="/app/customers/new">Add your first customer</a>
<a class="btn btn--secondary" href="/app/customers/import">Import a CSV file</a></p><?cs
	else ?>
<p>Customers the office adds show up here.</p><?cs /if ?>
</div><?cs
/if ?>
</section><?cs
if:Page.NextHref || Page.FirstHref ?>
<nav class="actions" aria-label="Pages"><?cs
	if:Page.FirstHref ?>
<a class="btn btn--secondary" href="<?cs var:Page.FirstHref ?>">First page</a><?cs /if ?><?cs
	if:Page.NextHref ?>
<a class="btn btn--secondary" href="<?cs var:Page.NextHref ?>" rel="next">Next 50 customers</a><?cs /if ?>
</nav><?cs
/if ?>
