<?cs # The comparison of two versions of a document (macros only): Compare.* from
  versions.c doc_compare_put, shown by app/documents/compare.cs and portal/compare.cs alike.
  Lines keep the newer version's order; each is same (muted), changed (old struck, new
  highlighted), added (green) or removed (red, struck). Colour is never the only sign: each row
  says what happened in words. Needs /static/css/compare.css. ?><?cs

# An old → new pair of one cell; only the new value when it did not change. ?><?cs
def:cmp_cell(row, field, changed) ?><?cs
	if:changed ?><del class="cmp-old"><span class="visually-hidden">was </span><?cs var:row.Old[field] ?></del> <ins class="cmp-new"><span class="visually-hidden">now </span><?cs var:row.New[field] ?></ins><?cs
	elif:row.Kind == "removed" ?><?cs var:row.Old[field] ?><?cs
	else ?><?cs var:row.New[field] ?><?cs /if ?><?cs /def ?><?cs

def:compare_view() ?>
<p class="cmp-summary"><?cs
if:Compare.Count.Changed == 0 && Compare.Count.Added == 0 && Compare.Count.Removed == 0 ?>The lines are the same in both versions.<?cs
else ?><?cs
	if:Compare.Count.Changed > 0 ?><span class="cmp-tag cmp-tag--changed"><?cs var:Compare.Count.Changed ?> changed</span> <?cs /if ?><?cs
	if:Compare.Count.Added > 0 ?><span class="cmp-tag cmp-tag--added"><?cs var:Compare.Count.Added ?> added</span> <?cs /if ?><?cs
	if:Compare.Count.Removed > 0 ?><span class="cmp-tag cmp-tag--removed"><?cs var:Compare.Count.Removed ?> removed</span><?cs /if ?><?cs
/if ?></p>
<section class="card cmp-card" aria-labelledby="cmp-lines-title">
<h2 id="cmp-lines-title" class="cmp-card__title">Lines</h2>
<div class="table-wrap">
<table class="table cmp-lines">
<caption class="visually-hidden">Lines of version <?cs var:Compare.Old.Revision ?> and version <?cs var:Compare.New.Revision ?></caption>
<thead>
<tr><th scope="col">What changed</th><th scope="col">Description</th><th scope="col" class="num">Qty</th><th scope="col" class="num">Unit price</th><th scope="col" class="num">Amount</th></tr>
</thead>
<tbody><?cs each:row = Compare.Rows ?>
<tr class="cmp-row cmp-row--<?cs var:row.Kind ?>">
<td class="cmp-what"><span class="cmp-tag cmp-tag--<?cs var:row.Kind ?>"><?cs
	if:row.Kind == "same" ?>Unchanged<?cs elif:row.Kind == "changed" ?>Changed<?cs elif:row.Kind == "added" ?>Added<?cs else ?>Removed<?cs /if ?></span></td>
<td class="cmp-desc"><span class="pre-line"><?cs call:cmp_cell(row, "Desc", row.DescChanged) ?></span><?cs if:row.TaxNote ?> <ins class="cmp-new">(<?cs var:row.TaxNote ?>)</ins><?cs /if ?></td>
<td class="num"><?cs call:cmp_cell(row, "Qty", row.QtyChanged) ?><?cs if:row.New.Unit || row.Old.Unit ?> <span class="muted"><?cs if:row.Kind == "removed" ?><?cs var:row.Old.Unit ?><?cs else ?><?cs var:row.New.Unit ?><?cs /if ?></span><?cs /if ?></td>
<td class="num nowrap"><?cs call:cmp_cell(row, "Price", row.PriceChanged) ?></td>
<td class="num nowrap"><?cs call:cmp_cell(row, "Amount", row.AmountChanged) ?></td>
</tr><?cs /each ?>
</tbody>
</table>
</div>
</section>
<section class="card cmp-card" aria-labelledby="cmp-totals-title">
<h2 id="cmp-totals-title" class="cmp-card__title">Totals</h2>
<div class="table-wrap">
<table class="table cmp-totals">
<caption class="visually-hidden">Totals of version <?cs var:Compare.Old.Revision ?> and version <?cs var:Compare.New.Revision ?>, and the change</caption>
<thead>
<tr><th scope="col"><span class="visually-hidden">Total</span></th><th scope="col" class="num">Version <?cs var:Compare.Old.Revision ?></th><th scope="col" class="num">Version <?cs var:Compare.New.Revision ?></th><th scope="col" class="num">Change</th></tr>
</thead>
<tbody><?cs each:t = Compare.Totals ?>
<tr<?cs if:t.Main ?> class="cmp-totals__main"<?cs /if ?>>
<th scope="row"><?cs var:t.Label ?></th>
<td class="num nowrap"><?cs var:t.Old ?></td>
<td class="num nowrap"><?cs var:t.New ?></td>
<td class="num nowrap<?cs if:t.Dir ?> cmp-change cmp-change--<?cs var:t.Dir ?><?cs /if ?>"><?cs if:t.Change ?><?cs var:t.Change ?><?cs else ?><span class="muted">no change</span><?cs /if ?></td>
</tr><?cs /each ?>
</tbody>
</table>
</div>
</section><?cs
if:Compare.Terms.New || Compare.Terms.Old ?>
<section class="card cmp-card" aria-labelledby="cmp-terms-title">
<h2 id="cmp-terms-title" class="cmp-card__title">Terms changed</h2>
<div class="cmp-terms">
<div><h3>Version <?cs var:Compare.Old.Revision ?></h3><p class="pre-line"><del class="cmp-old"><?cs var:Compare.Terms.Old ?></del></p></div>
<div><h3>Version <?cs var:Compare.New.Revision ?></h3><p class="pre-line"><ins class="cmp-new"><?cs var:Compare.Terms.New ?></ins></p></div>
</div>
</section><?cs
/if ?><?cs /def ?>
