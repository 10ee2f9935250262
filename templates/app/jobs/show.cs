<?cs # GET /app/jobs/:id: the job card, its status and the moves staff may make, visits,
  stages (projects), and the Job Message History with the note form.  The POSTs of this
  page (status, notes, visits, stages) show it again with 422 and their messages. ?><?cs
include:"app/jobs/macros.cs" ?>
<header class="page-head">
<div>
<p class="small"><a href="/app/jobs">Jobs</a></p>
<h1><span class="job-number">#<?cs var:Job.Number ?></span> <?cs var:Job.Title ?></h1>
<p><?cs call:job_badge(Job.Status, Job.StatusLabel) ?><?cs if:Job.IsProject == "1" ?> <span class="badge">Project</span><?cs /if ?></p>
</div><?cs
if:User.Can.EditJobs ?>
<a class="btn btn--secondary" href="<?cs var:Job.Href ?>/edit">Edit job</a><?cs /if ?>
</header>
<?cs call:form_error() ?><?cs call:error_summary() ?>
<div class="job-layout">
<aside class="job-layout__aside" aria-label="Status">
<section class="card" id="status" aria-labelledby="status-title">
<h2 id="status-title">Status</h2>
<ol class="pipeline"><?cs each:s = Job.Pipeline ?>
<li class="pipeline__step pipeline__step--<?cs var:s.State ?>"<?cs if:s.State == "current" ?> aria-current="step"<?cs /if ?>><?cs var:s.Label ?><?cs
	if:s.State == "done" ?><span class="visually-hidden"> (done)</span><?cs /if ?></li><?cs /each ?>
</ol><?cs
if:Job.Status == "cancelled" ?>
<p><?cs call:job_badge(Job.Status, Job.StatusLabel) ?> This job is cancelled.</p><?cs /if ?><?cs
if:User.Can.EditJobs && subcount(Job.Next) > 0 ?>
<div class="moves"><?cs each:m = Job.Next ?>
<form method="post" action="<?cs var:Job.Href ?>/status">
<?cs call:csrf() ?>
<input type="hidden" name="to" value="<?cs var:m.Value ?>">
<button class="btn btn--block <?cs if:m.Kind == "cancel" ?>btn--danger<?cs elif:m.Kind == "reopen" ?>btn--secondary<?cs else ?>btn--primary<?cs /if ?>" type="submit"><?cs var:m.Label ?></button>
</form><?cs /each ?>
</div><?cs
/if ?>
<p class="muted small">Invoiced and Paid follow from the job's invoices and payments.</p>
</section>
</aside>
<div class="job-layout__main stack">
<section class="card" aria-labelledby="details-title">
<h2 id="details-title">Details</h2>
<dl class="details">
<dt>Customer</dt>
<dd><a href="<?cs var:Job.CustomerHref ?>"><?cs var:Job.CustomerName ?></a></dd>
<dt>Property</dt>
<dd><?cs if:Job.Property ?><?cs var:Job.Property ?><?cs else ?><span class="muted">None</span><?cs /if ?></dd>
<dt>Created</dt>
<dd><?cs var:Job.Created ?></dd>
<dt>Description</dt>
<dd class="pre-line"><?cs if:Job.Description ?><?cs var:Job.Description ?><?cs else ?><span class="muted">None</span><?cs /if ?></dd>
</dl>
</section>

<?cs if:User.Can.EditJobs ?>
<section class="card" id="documents" aria-labelledby="documents-title">
<div class="card__head">
<h2 id="documents-title">Estimates and invoices</h2>
<div class="actions">
<a class="btn btn--secondary" href="<?cs var:Job.Href.NewEstimate ?>">New estimate</a>
<a class="btn btn--secondary" href="<?cs var:Job.Href.NewInvoice ?>">New invoice</a>
</div>
</div><?cs
if:subcount(Documents) > 0 ?>
<div class="table-wrap">
<table class="table table--stack">
<thead>
<tr><th scope="col">Number</th><th scope="col">Status</th><th scope="col">Total</th><th scope="col">Balance</th></tr>
</thead>
<tbody><?cs each:d = Documents ?>
<tr>
<td data-label="Number"><a href="<?cs var:d.Href ?>"><?cs var:d.KindLabel ?> #<?cs var:d.Number ?><?cs if:d.Revision ?> (rev. <?cs var:d.Revision ?>)<?cs /if ?></a></td>
<td data-label="Status"><span class="badge badge--doc-<?cs var:d.Status ?>"><?cs var:d.StatusLabel ?></span></td>
<td data-label="Total" class="nowrap"><?cs var:d.Total ?></td>
<td data-label="Balance" class="nowrap"><?cs if:d.Balance ?><?cs var:d.Balance ?><?cs else ?><span class="muted">—</span><?cs /if ?></td>
</tr><?cs /each ?>
</tbody>
</table>
</div><?cs
else ?>
<div class="empty"><p>No estimates or invoices for this job yet.</p></div><?cs
/if ?>
</section>
<?cs /if ?>
<section class="card" id="visits" aria-labelledby="visits-title">
<div class="card__head">
<h2 id="visits-title">Visits</h2>
<p class="muted small">Times in <?cs var:Company.Timezone ?></p>
</div><?cs
if:subcount(Visits) > 0 ?>
<ul class="visit-list"><?cs each:v = Visits ?>
<li class="visit-row visit-row--<?cs var:v.Status ?>">
<div class="visit-row__main">
<p class="visit-row__when"><strong><?cs var:v.Date ?></strong> <span class="nowrap"><?cs var:v.Start ?>–<?cs var:v.End ?></span></p>
<p class="visit-row__who"><?cs if:v.UserName ?><?cs var:v.UserName ?><?cs else ?><span class="muted">Not assigned</span><?cs /if ?><?cs if:v.Status != "scheduled" ?> <?cs call:visit_badge(v.Status, v.StatusLabel) ?><?cs /if ?></p><?cs
	if:v.Notes ?>
<p class="visit-row__notes pre-line small"><?cs var:v.Notes ?></p><?cs /if ?>
</div><?cs
	if:User.Can.EditJobs && v.Status == "scheduled" ?>
<div class="visit-row__actions">
<a class="btn btn--secondary btn--small" href="<?cs var:v.Href ?>">Edit<span class="visually-hidden"> visit of <?cs var:v.Date ?></span></a>
<form method="post" action="<?cs var:v.Href ?>/done">
<?cs call:csrf() ?>
<button class="btn btn--secondary btn--small" type="submit">Mark done<span class="visually-hidden">: visit of <?cs var:v.Date ?></span></button>
</form>
<form method="post" action="<?cs var:v.Href ?>/cancel">
<?cs call:csrf() ?>
<button class="btn btn--danger btn--small" type="submit">Cancel<span class="visually-hidden"> visit of <?cs var:v.Date ?></span></button>
</form>
</div><?cs
	/if ?>
</li><?cs /each ?>
</ul><?cs
else ?>
<p class="muted">No visits yet.</p><?cs
/if ?><?cs
if:User.Can.EditJobs && Job.Status != "cancelled" ?>
<form class="subform" method="post" action="<?cs var:Job.Href ?>/visits">
<?cs call:csrf() ?>
<h3>Schedule a visit</h3>
<div class="field-row">
<?cs call:when_field("visit_date", "Date", "date", 1) ?>
<?cs call:when_field("visit_start", "Start", "time", 1) ?>
<?cs call:when_field("visit_end", "End", "time", 1) ?>
</div>
<?cs call:select("visit_user", "Assigned to", Assignees, 0, "Not assigned", "") ?>
<?cs call:textarea("visit_notes", "Notes for the visit", 0, "") ?>
<div class="actions">
<button class="btn btn--primary" type="submit">Schedule visit</button>
</div>
</form><?cs
/if ?>
</section><?cs

if:Job.IsProject == "1" ?>
<section class="card" id="stages" aria-labelledby="stages-title">
<div class="card__head">
<h2 id="stages-title">Stages</h2>
<p class="muted small"><?cs if:Progress.Count > 0 ?><?cs var:Progress.Done ?> of <?cs var:Progress.Count ?> done<?cs else ?>No stages yet<?cs /if ?></p>
</div><?cs
if:Progress.Count > 0 ?>
<div class="progress-line">
<progress class="progress" max="100" value="<?cs var:Progress.Percent ?>" aria-labelledby="stages-title"><?cs var:Progress.Percent ?>%</progress>
<span class="progress-line__value"><?cs var:Progress.Percent ?>%</span>
</div>
<ol class="stage-list"><?cs each:s = Stages ?>
<li class="stage stage--<?cs var:s.Status ?>">
<div class="stage__main">
<p class="stage__name"><span class="stage__number"><?cs var:s.Number ?>.</span> <strong><?cs var:s.Name ?></strong> <span class="badge badge--stage-<?cs var:s.Status ?>"><?cs var:s.StatusLabel ?></span></p><?cs
	if:s.StartsOn || s.EndsOn ?>
<p class="small muted"><?cs if:s.StartsOn ?><?cs var:s.StartsOn ?><?cs else ?>…<?cs /if ?> – <?cs if:s.EndsOn ?><?cs var:s.EndsOn ?><?cs else ?>…<?cs /if ?></p><?cs /if ?>
</div><?cs
	if:User.Can.EditJobs ?>
<div class="stage__actions">
<form class="inline-form" method="post" action="<?cs var:s.Href ?>/status">
<?cs call:csrf() ?>
<label class="visually-hidden" for="stage-status-<?cs var:s.Id ?>">Status of <?cs var:s.Name ?></label>
<select class="select" id="stage-status-<?cs var:s.Id ?>" name="status"><?cs each:o = StageStatuses ?>
<option value="<?cs var:o.Value ?>"<?cs if:o.Value == s.Status ?> selected<?cs /if ?>><?cs var:o.Label ?></option><?cs /each ?>
</select>
<button class="btn btn--secondary btn--small" type="submit">Set<span class="visually-hidden"> status of <?cs var:s.Name ?></span></button>
</form>
<div class="stage__order"><?cs
		if:!s.First ?>
<form method="post" action="<?cs var:s.Href ?>/up">
<?cs call:csrf() ?>
<button class="btn btn--secondary btn--small btn--icon" type="submit" title="Move up"><span aria-hidden="true">↑</span><span class="visually-hidden">Move <?cs var:s.Name ?> up</span></button>
</form><?cs else ?><span class="stage__gap"></span><?cs /if ?><?cs
		if:!s.Last ?>
<form method="post" action="<?cs var:s.Href ?>/down">
<?cs call:csrf() ?>
<button class="btn btn--secondary btn--small btn--icon" type="submit" title="Move down"><span aria-hidden="true">↓</span><span class="visually-hidden">Move <?cs var:s.Name ?> down</span></button>
</form><?cs else ?><span class="stage__gap"></span><?cs /if ?>
<a class="btn btn--secondary btn--small" href="<?cs var:s.Href ?>">Edit<span class="visually-hidden"> <?cs var:s.Name ?></span></a>
</div>
</div><?cs
	/if ?>
</li><?cs /each ?>
</ol><?cs
/if ?><?cs
if:User.Can.EditJobs ?>
<form class="subform" method="post" action="<?cs var:Job.Href ?>/stages">
<?cs call:csrf() ?>
<h3>Add a stage</h3>
<?cs call:field("stage_name", "Name", "text", "off", 1, "") ?>
<div class="field-row">
<?cs call:when_field("stage_starts_on", "Starts", "date", 0) ?>
<?cs call:when_field("stage_ends_on", "Ends", "date", 0) ?>
</div>
<div class="actions">
<button class="btn btn--secondary" type="submit">Add stage</button>
</div>
</form><?cs
/if ?>
</section><?cs
/if ?>

<section class="card" id="history" aria-labelledby="history-title">
<div class="card__head">
<h2 id="history-title">History</h2>
<p class="muted small">Newest first</p>
</div><?cs
if:User.Can.EditJobs ?>
<form class="subform subform--top" method="post" action="<?cs var:Job.Href ?>/notes">
<?cs call:csrf() ?>
<?cs call:textarea("note", "Add a note", 1, "") ?>
<?cs call:checkbox("note_visible", "Visible to the customer", "Notes are internal unless you tick this.") ?>
<div class="actions">
<button class="btn btn--secondary" type="submit">Add note</button>
</div>
</form><?cs
/if ?><?cs
if:subcount(History) > 0 ?>
<ol class="timeline"><?cs each:e = History ?><?cs call:history_item(e, 0) ?><?cs /each ?>
</ol><?cs
else ?>
<p class="muted">Nothing yet.</p><?cs
/if ?>
</section>
</div>
</div>
