<?cs # The email alert choices of /portal/settings (Alerts.N.{Name,Label,On} from
  alert_prefs_put); POST /portal/settings/alerts. ?>
<section class="card" id="alerts" aria-labelledby="alerts-title">
<h2 id="alerts-title" class="portal-h2">Emails from <?cs var:Portal.CompanyName ?></h2>
<p class="small muted">Email me when:</p>
<form method="post" action="/portal/settings/alerts" class="portal-form">
<?cs call:csrf() ?>
<fieldset class="alert-prefs">
<legend class="visually-hidden">Email me when</legend><?cs each:a = Alerts ?>
<div class="check">
<input type="checkbox" id="f-alert-<?cs var:a.Name ?>" name="alert_<?cs var:a.Name ?>" value="1"<?cs if:a.On ?> checked<?cs /if ?>>
<label for="f-alert-<?cs var:a.Name ?>"><?cs var:a.Label ?></label>
</div><?cs /each ?>
</fieldset>
<p class="hint">Sign-in codes and links you ask for always arrive.</p>
<button class="btn btn--primary" type="submit">Save email choices</button>
</form>
</section>
