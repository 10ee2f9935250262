<?cs # GET /app/price-book: the company's reusable items by name, 100 a page (keyset: ?after=<id>),
  active or archived, searched by name and description. ?><?cs
include:"app/documents/macros.cs" ?><?cs call:doc_assets(0) ?>
<header class="page-head">
<div>
<h1>Price book</h1>
<p class="muted">Work and materials you sell often: add them to an estimate or invoice in one click.</p>
</div>
<a class="btn btn--primary" href="/app/price-book/new">New item</a>
</header>
<form class="doc-filters" method="get" action="/app/price-book" role="search" aria-label="Search the price book"><?cs
if:Filter.Archived == "1" ?>
<input type="hidden" name="archived" value="1"><?cs /if ?>
<div class="field">
<label for="f-q">Search</label>
<input class="input" type="search" id="f-q" name="q" value="<?cs var:Filter.Q ?>" autocomplete="off">
</div>
<div class="doc-filters__go"><button class="btn btn--secondary" type="submit">Search</button><?cs
if:Filter.Q ?> <a href="/app/price-book<?cs if:Filter.Archived == "1" ?>?archived=1<?cs /if ?>">Clear</a><?cs /if ?></div>
</form>
<nav class="doc-tabs" aria-label="Items">
<a href="/app/price-book"<?cs if:Filter.Archived != "1" ?> aria-current="page"<?cs /if ?>>Active</a>
<a href="/app/price-book?archived=1"<?cs if:Filter.Archived == "1" ?> aria-current="page"<?cs /if ?>>Archived</a>
</nav>
<section class="card card--flush" aria-labelledby="items-title">
<div class="card__head">
<h2 id="items-title"><?cs if:Filter.Archived == "1" ?>Archived items<?cs else ?>Items<?cs /if ?></h2><?cs
if:Filter.Q ?>
<p class="muted small">Matching “<?cs var:Filter.Q ?>”</p><?cs /if ?>
</div><?cs
if:subcount(Items) > 0 ?>
<div class="table-wrap">
<table class="table table--stack">
<thead>
<tr><th scope="col">Name</th><th scope="col">Unit</th><th scope="col" class="num">Unit price</th><th scope="col">Tax</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr>
</thead>
<tbody><?cs each:it = Items ?>
<tr>
<td data-label="Name"><a href="<?cs var:it.Href ?>"><strong><?cs var:it.Name ?></strong></a><?cs
	if:it.Description ?><br><span class="muted small doc-clip"><?cs var:it.Description ?></span><?cs /if ?></td>
<td data-label="Unit"><?cs var:it.Unit ?></td>
<td data-label="Unit price" class="num nowrap"><?cs var:it.Price ?></td>
<td data-label="Tax"><?cs if:it.Taxable == "1" ?>Taxable<?cs else ?><span class="muted">No tax</span><?cs /if ?></td>
<td data-label="">
<form method="post" action="<?cs var:it.ArchiveHref ?>"><?cs call:csrf() ?><button class="btn btn--secondary btn--small" type="submit"><?cs if:it.Archived == "1" ?>Restore<?cs else ?>Archive<?cs /if ?><span class="visually-hidden"> <?cs var:it.Name ?></span></button></form>
</td>
</tr><?cs /each ?>
</tbody>
</table>
</div><?cs
else ?>
<div class="empty">
<p class="empty__title"><?cs if:Filter.Q ?>Nothing matches<?cs elif:Filter.Archived == "1" ?>No archived items<?cs else ?>The price book is empty<?cs /if ?></p>
<p><?cs if:Filter.Q ?>Try other words.<?cs elif:Filter.Archived == "1" ?>Archived items stay on the documents that use them.<?cs else ?><a href="/app/price-book/new">Add your first item</a>, like an hour of labour or a part you fit often.<?cs /if ?></p>
</div><?cs
/if ?><?cs
if:Paging.Next || Paging.First ?>
<nav class="doc-pager" aria-label="Pages of the price book"><?cs
	if:Paging.First ?><a href="<?cs var:Paging.First ?>">First page</a><?cs /if ?><?cs
	if:Paging.Next ?><a href="<?cs var:Paging.Next ?>">Next page</a><?cs /if ?>
</nav><?cs
/if ?>
</section>
