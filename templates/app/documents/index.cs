<?cs # GET /app/estimates and /app/invoices: newest number first, 50 a page (keyset:
  ?before=<number>&rev=<revision>), filtered by status and words (number, customer, title). ?><?cs
include:"app/documents/macros.cs" ?><?cs call:doc_assets(0) ?>
<header class="page-head">
<div>
<h1><?cs var:Doc.KindPlural ?></h1>
<p class="muted"><?cs if:Doc.Kind == "estimate" ?>Quotes for your customers' jobs, from draft to approval.<?cs else ?>What your customers owe, and what they paid.<?cs /if ?></p>
</div>
<a class="btn btn--primary" href="<?cs var:Doc.Href.Index ?>/new">New <?cs var:Doc.Kind ?></a>
</header>
<form class="doc-filters" method="get" action="<?cs var:Doc.Href.Index ?>" role="search" aria-label="Filter <?cs var:Doc.KindPlural ?>">
<div class="field">
<label for="f-status">Status</label>
<select class="select" id="f-status" name="status"><?cs each:o = Filters ?>
<option value="<?cs var:o.Value ?>"<?cs if:o.Value == Filter.Status ?> selected<?cs /if ?>><?cs var:o.Label ?></option><?cs /each ?>
</select>
</div>
<div class="field">
<label for="f-q">Search</label>
<input class="input" type="search" id="f-q" name="q" value="<?cs var:Filter.Q ?>" autocomplete="off" placeholder="Number or customer">
</div>
<div class="doc-filters__go"><button class="btn btn--secondary" type="submit">Filter</button><?cs
if:Filter.Any ?> <a href="<?cs var:Doc.Href.Index ?>">Clear</a><?cs /if ?></div>
</form>
<section class="card card--flush" aria-labelledby="list-title">
<div class="card__head">
<h2 id="list-title"><?cs if:Filter.Status ?><?cs each:o = Filters ?><?cs if:o.Value == Filter.Status ?><?cs var:o.Label ?><?cs /if ?><?cs /each ?> <?cs var:Doc.Kind ?>s<?cs else ?>All <?cs var:Doc.Kind ?>s<?cs /if ?></h2><?cs
if:Filter.Q ?>
<p class="muted small">Matching “<?cs var:Filter.Q ?>”</p><?cs /if ?>
</div><?cs
if:subcount(Docs) > 0 ?>
<div class="table-wrap">
<table class="table table--stack doc-list">
<thead>
<tr><th scope="col">Number</th><th scope="col">Customer</th><th scope="col">Status</th><th scope="col" class="num">Total</th><?cs
if:Doc.Kind == "invoice" ?><th scope="col" class="num">Balance</th><?cs /if ?><th scope="col"><?cs var:Doc.UntilLabel ?></th></tr>
</thead>
<tbody><?cs each:d = Docs ?>
<tr>
<td data-label="Number" class="nowrap"><a href="<?cs var:Doc.Href.Index ?>/<?cs var:d.Id ?>"><strong>#<?cs var:d.Number ?></strong></a><?cs
	if:d.Title ?><br><span class="muted small"><?cs var:d.Title ?></span><?cs /if ?></td>
<td data-label="Customer"><?cs var:d.Customer ?></td>
<td data-label="Status"><span class="badge badge--doc-<?cs var:d.Status ?>"><?cs var:d.StatusLabel ?></span><?cs if:d.Overdue ?> <span class="badge badge--doc-overdue">Overdue</span><?cs /if ?></td>
<td data-label="Total" class="num nowrap"><?cs var:d.Total ?></td><?cs
if:d.Balance ?>
<td data-label="Balance" class="num nowrap"><?cs var:d.Balance ?></td><?cs /if ?>
<td data-label="<?cs var:Doc.UntilLabel ?>" class="nowrap small"><?cs var:d.Until ?></td>
</tr><?cs /each ?>
</tbody>
</table>
</div><?cs
else ?>
<div class="empty">
<p class="empty__title"><?cs if:Filter.Any ?>Nothing matches<?cs else ?>No <?cs var:Doc.Kind ?>s yet<?cs /if ?></p>
<p><?cs if:Filter.Any ?>Try another status or search.<?cs
	else ?><a href="<?cs var:Doc.Href.Index ?>/new">Write the first one</a> for one of your jobs.<?cs /if ?></p>
</div><?cs
/if ?><?cs
if:Paging.Next || Paging.First ?>
<nav class="doc-pager" aria-label="Pages of <?cs var:Doc.KindPlural ?>"><?cs
	if:Paging.First ?><a href="<?cs var:Paging.First ?>">Newest</a><?cs /if ?><?cs
	if:Paging.Next ?><a href="<?cs var:Paging.Next ?>">Older</a><?cs /if ?>
</nav><?cs
/if ?>
</section>
