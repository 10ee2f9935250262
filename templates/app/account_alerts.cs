<?cs # The email alerts section of /app/account (owners and office: the staff alerts go to
  them), Alerts.N.{Name,Label,On} from alert_prefs_put; POST /app/account/alerts. ?><?cs
if:User.Can.Team ?>
<section class="card" id="alerts" aria-labelledby="alerts-title">
<h2 id="alerts-title">Email alerts</h2>
<p class="muted">Email me when:</p>
<form method="post" action="/app/account/alerts">
<?cs call:csrf() ?>
<fieldset class="alert-prefs">
<legend class="visually-hidden">Email me when</legend><?cs each:a = Alerts ?>
<div class="check">
<input type="checkbox" id="f-alert-<?cs var:a.Name ?>" name="alert_<?cs var:a.Name ?>" value="1"<?cs if:a.On ?> checked<?cs /if ?>>
<label for="f-alert-<?cs var:a.Name ?>"><?cs var:a.Label ?></label>
</div><?cs /each ?>
</fieldset>
<p class="hint">New customer messages also show as a count next to Inbox, whatever you choose here.</p>
<div class="actions">
<button class="btn btn--primary" type="submit">Save alerts</button>
</div>
</form>
</section><?cs
/if ?>
