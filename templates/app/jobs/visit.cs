<?cs # GET /app/visits/:id and POST /app/visits/:id (422, 409): change a scheduled visit,
  mark it done or cancel it. ?><?cs
include:"app/jobs/macros.cs" ?>
<header class="page-head">
<div>
<p class="small"><a href="<?cs var:Visit.JobHref ?>">Job #<?cs var:Visit.JobNumber ?> <?cs var:Visit.JobTitle ?></a></p>
<h1>Visit</h1>
<p class="muted"><?cs var:Visit.When ?> · <?cs var:Visit.CustomerName ?> <?cs call:visit_badge(Visit.Status, Visit.StatusLabel) ?></p>
</div>
</header><?cs call:error_summary() ?>
<section class="card card--narrow" aria-labelledby="visit-title">
<h2 id="visit-title">When and who</h2>
<?cs call:form_error() ?><?cs
if:Mine.When ?>
<div class="mine"><p class="mine__title">What you had chosen (not saved)</p><p><?cs var:Mine.When ?></p></div><?cs
/if ?><?cs
if:Visit.Open == "1" ?>
<form method="post" action="<?cs var:Visit.Href ?>">
<?cs call:csrf() ?>
<input type="hidden" name="version" value="<?cs var:Form.Values.version ?>">
<div class="field-row">
<?cs call:when_field("visit_date", "Date", "date", 1) ?>
<?cs call:when_field("visit_start", "Start", "time", 1) ?>
<?cs call:when_field("visit_end", "End", "time", 1) ?>
</div>
<p class="form-note">Times in <?cs var:Company.Timezone ?>.</p>
<?cs call:select("visit_user", "Assigned to", Assignees, 0, "Not assigned", "") ?>
<?cs call:textarea("visit_notes", "Notes for the visit", 0, "") ?>
<div class="actions">
<button class="btn btn--primary" type="submit">Save visit</button>
<a href="<?cs var:Visit.JobHref ?>#visits">Back to the job</a>
</div>
</form><?cs
else ?>
<p>This visit is <?cs if:Visit.Status == "done" ?>done<?cs else ?>cancelled<?cs /if ?>, so it can't be changed any more.</p>
<p><a href="<?cs var:Visit.JobHref ?>#visits">Back to the job</a></p><?cs
/if ?>
</section><?cs
if:Visit.Open == "1" ?>
<section class="card card--narrow" aria-labelledby="close-title">
<h2 id="close-title">Done or called off?</h2>
<div class="actions actions--tight">
<form method="post" action="<?cs var:Visit.Href ?>/done">
<?cs call:csrf() ?>
<button class="btn btn--secondary" type="submit">Mark done</button>
</form>
<form method="post" action="<?cs var:Visit.Href ?>/cancel">
<?cs call:csrf() ?>
<button class="btn btn--danger" type="submit">Cancel visit</button>
</form>
</div>
</section><?cs
/if ?>
