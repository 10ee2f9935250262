<?cs # GET /app/stages/:id and POST /app/stages/:id (422, 409): a project stage's name,
  status and dates; POST .../delete removes it. ?><?cs
include:"app/jobs/macros.cs" ?>
<header class="page-head">
<div>
<p class="small"><a href="<?cs var:Job.Href ?>#stages">Job #<?cs var:Job.Number ?> <?cs var:Job.Title ?></a></p>
<h1>Stage: <?cs var:Stage.Name ?></h1>
</div>
</header><?cs call:error_summary() ?>
<section class="card card--narrow" aria-labelledby="stage-title">
<h2 id="stage-title" class="visually-hidden">Stage details</h2>
<?cs call:form_error() ?><?cs
if:Mine.Name ?>
<div class="mine"><p class="mine__title">What you had typed (not saved)</p><p><?cs var:Mine.Name ?></p></div><?cs
/if ?>
<form method="post" action="<?cs var:Stage.Href ?>">
<?cs call:csrf() ?>
<input type="hidden" name="version" value="<?cs var:Form.Values.version ?>">
<?cs call:field("name", "Name", "text", "off", 1, "") ?>
<?cs call:select("status", "Status", StageStatuses, 1, "", "") ?>
<div class="field-row">
<?cs call:when_field("starts_on", "Starts", "date", 0) ?>
<?cs call:when_field("ends_on", "Ends", "date", 0) ?>
</div>
<div class="actions">
<button class="btn btn--primary" type="submit">Save stage</button>
<a href="<?cs var:Job.Href ?>#stages">Back to the job</a>
</div>
</form>
</section>
<section class="card card--narrow" aria-labelledby="remove-title">
<h2 id="remove-title">Remove this stage</h2>
<p class="muted">The project's progress is counted again without it.</p>
<form method="post" action="<?cs var:Stage.Href ?>/delete">
<?cs call:csrf() ?>
<button class="btn btn--danger" type="submit">Remove stage</button>
</form>
</section>
