<?cs # GET /dev/mail (dev only): mail captured instead of sent, newest first. ?>
<section class="auth-card auth-card--xwide" aria-labelledby="page-title">
<h1 id="page-title">Captured mail</h1>
<p class="lede">Development only: mail that would have been sent.</p><?cs
if:subcount(Mails) > 0 ?>
<div class="table-wrap">
<table class="table table--stack">
<thead><tr><th scope="col">Date</th><th scope="col">To</th><th scope="col">Subject</th></tr></thead>
<tbody><?cs each:m = Mails ?>
<tr>
<td data-label="Date" class="nowrap"><?cs var:m.Date ?></td>
<td data-label="To"><?cs var:m.To ?></td>
<td data-label="Subject"><a href="<?cs var:m.Href ?>"><?cs if:m.Subject ?><?cs var:m.Subject ?><?cs else ?><?cs var:m.Name ?><?cs /if ?></a><br><span class="mono muted"><?cs var:m.Name ?></span></td>
</tr><?cs /each ?>
</tbody>
</table>
</div><?cs
else ?>
<div class="empty">
<p class="empty__title">No mail yet</p>
<p>Invite someone or ask for a password reset, and the message shows up here.</p>
</div><?cs
/if ?>
</section>
