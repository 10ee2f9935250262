<?cs # A stale save (409): the saved values beside the person's own, field by field.
  Changes.N.Label, .Current, .Yours; included by the edit forms. ?><?cs
if:subcount(Changes) > 0 ?>
<section class="card card--flush" aria-labelledby="changes-title">
<div class="card__head">
<h2 id="changes-title">What changed meanwhile</h2>
</div>
<div class="table-wrap">
<table class="table table--stack">
<thead>
<tr><th scope="col">Field</th><th scope="col">Saved now</th><th scope="col">Yours (still in the form)</th></tr>
</thead>
<tbody><?cs each:c = Changes ?>
<tr>
<td data-label="Field"><strong><?cs var:c.Label ?></strong></td>
<td data-label="Saved now" class="pre-line"><?cs if:c.Current ?><?cs var:c.Current ?><?cs else ?><span class="muted">(empty)</span><?cs /if ?></td>
<td data-label="Yours" class="pre-line"><?cs if:c.Yours ?><?cs var:c.Yours ?><?cs else ?><span class="muted">(empty)</span><?cs /if ?></td>
</tr><?cs /each ?>
</tbody>
</table>
</div>
</section><?cs
/if ?>
