<?cs # The Share panel of an estimate or invoice (included by show.cs; data from shares_put):
  Display to customer, the Share form, whom it was shared with, who viewed it, open links. ?>
<section class="card no-print share" id="share" aria-labelledby="share-title">
<div class="card__head">
<h2 id="share-title">Customer portal</h2>
<form class="share__display" method="post" action="<?cs var:Share.Href.Display ?>">
<?cs call:csrf() ?><?cs if:Doc.Status == "draft" ?>
<p class="small"><span class="badge">Not visible until you share or send it</span></p><?cs
elif:Share.Display ?>
<input type="hidden" name="display" value="0">
<p class="small"><span class="badge badge--doc-approved">Displayed to the customer</span> <button class="btn btn--link" type="submit">Hide</button></p><?cs else ?>
<input type="hidden" name="display" value="1">
<p class="small"><span class="badge">Not displayed to the customer</span> <button class="btn btn--link" type="submit">Display to customer</button></p><?cs /if ?>
</form>
</div><?cs
if:!Share.Can ?>
<p class="muted">A <?cs var:Doc.StatusLabel ?> <?cs var:Doc.Kind ?> can't be shared.</p><?cs
elif:subcount(Share.To) == 0 ?>
<div class="alert alert--error" role="alert"><p>Add an email address to the customer first: the customer and its contacts have none. <a href="<?cs var:Share.Href.Customer ?>">Open <?cs var:Job.Customer ?></a></p></div><?cs
else ?>
<details class="share__form"<?cs if:Share.Open || subcount(Share.Shared) == 0 ?> open<?cs /if ?>>
<summary><?cs if:subcount(Share.Shared) > 0 ?>Share again<?cs elif:Share.Version ?>Share this version<?cs else ?>Share with the customer<?cs /if ?></summary>
<form method="post" action="<?cs var:Share.Href.Share ?>" novalidate>
<?cs call:csrf() ?>
<fieldset class="share__to<?cs if:Form.Errors.to ?> field--error<?cs /if ?>"<?cs if:Form.Errors.to ?> aria-describedby="f-to-error"<?cs /if ?>>
<legend>Send to</legend><?cs each:t = Share.To ?>
<div class="doc-check">
<input type="checkbox" id="f-to-<?cs name:t ?>" name="to" value="<?cs var:t.Value ?>"<?cs if:t.Checked ?> checked<?cs /if ?>>
<label for="f-to-<?cs name:t ?>"><?cs var:t.Name ?> <span class="muted">&lt;<?cs var:t.Email ?>&gt;</span></label>
</div><?cs /each ?><?cs
if:Form.Errors.to ?>
<p class="field-error" id="f-to-error"><span class="visually-hidden">Error:</span> <?cs var:Form.Errors.to ?></p><?cs /if ?>
</fieldset>
<?cs call:field_open("message") ?>
<?cs call:field_label("message", "Message", 0) ?>
<?cs call:field_hint("message", "It opens the email. The email also has a button into the portal and your company's phone, email and address.") ?>
<textarea class="textarea" rows="7"<?cs call:field_attrs("message", 0, "It opens the email. The email also has a button into the portal and your company's phone, email and address.") ?>><?cs var:Form.Values.message ?></textarea>
<?cs call:field_error("message") ?>
</div>
<div class="actions">
<button class="btn btn--primary" type="submit">Share<?cs if:Doc.Status == "draft" ?> and mark as sent<?cs /if ?></button>
</div>
<p class="muted small">Sharing displays it to the customer<?cs if:Doc.Status == "draft" ?> and marks it as <?cs if:Doc.Kind == "invoice" ?>issued<?cs else ?>sent<?cs /if ?><?cs /if ?>. Each person gets their own sign-in link, valid for 7 days.</p>
</form>
</details><?cs
/if ?><?cs
if:subcount(Share.Shared) > 0 ?>
<h3>Shared</h3>
<ul class="share__list"><?cs each:s = Share.Shared ?>
<li><strong><?cs var:s.Name ?></strong> <span class="muted">&lt;<?cs var:s.Email ?>&gt;</span> · <?cs var:s.When ?><?cs if:s.By ?> · by <?cs var:s.By ?><?cs /if ?></li><?cs /each ?>
</ul><?cs /if ?>
<h3>Viewed</h3><?cs
if:subcount(Share.Views) > 0 ?>
<ul class="share__list"><?cs each:v = Share.Views ?>
<li><strong><?cs var:v.Name ?></strong> · <?cs var:v.When ?> · <?cs var:v.Device ?></li><?cs /each ?>
</ul><?cs
else ?>
<p class="muted">Not viewed yet.</p><?cs
/if ?><?cs
if:subcount(Share.Shared) > 0 ?>
<form class="share__revoke" method="post" action="<?cs var:Share.Href.Revoke ?>">
<?cs call:csrf() ?>
<p class="small"><?cs if:Share.Links > 0 ?><?cs var:Share.Links ?> sign-in link<?cs if:Share.Links != 1 ?>s<?cs /if ?> not used yet.<?cs else ?>Every sign-in link was used or has expired.<?cs /if ?> <button class="btn btn--link" type="submit">Revoke links</button> <span class="muted">(also signs out whoever came in by one)</span></p>
</form><?cs /if ?>
</section>
