<?cs # GET /app/jobs: the company's jobs (a field user's own), filtered by status and words,
  newest number first, 50 a page (keyset: ?before=<number>). ?><?cs
include:"app/jobs/macros.cs" ?>
<header class="page-head">
<div>
<h1>Jobs</h1>
<p class="muted"><?cs if:User.Can.EditJobs ?>Every job of <?cs var:Company.Name ?>, from request to payment.<?cs else ?>The jobs you have visits on.<?cs /if ?></p>
</div><?cs
if:User.Can.EditJobs ?>
<a class="btn btn--primary" href="/app/jobs/new">New job</a><?cs /if ?>
</header><?cs call:error_summary() ?>
<form class="filters" method="get" action="/app/jobs" role="search" aria-label="Filter jobs">
<?cs call:select("status", "Status", StatusChoices, 0, "", "") ?>
<?cs call:field("q", "Search", "search", "off", 0, "") ?>
<div class="filters__go"><button class="btn btn--secondary" type="submit">Filter</button></div>
</form>
<section class="card card--flush" aria-labelledby="jobs-title">
<div class="card__head">
<h2 id="jobs-title"><?cs if:Form.Values.status == "open" ?>Open jobs<?cs elif:Form.Values.status == "all" ?>All jobs<?cs else ?>Jobs: <?cs each:c = StatusChoices ?><?cs if:c.Value == Form.Values.status ?><?cs var:c.Label ?><?cs /if ?><?cs /each ?><?cs /if ?></h2><?cs
if:Form.Values.q ?>
<p class="muted small">Matching “<?cs var:Form.Values.q ?>”</p><?cs /if ?>
</div><?cs
if:subcount(Jobs) > 0 ?>
<div class="table-wrap">
<table class="table table--stack">
<thead>
<tr><th scope="col">Job</th><th scope="col">Title</th><th scope="col">Customer</th><th scope="col">Status</th><th scope="col">Created</th></tr>
</thead>
<tbody><?cs each:j = Jobs ?>
<tr>
<td data-label="Job" class="nowrap"><a href="<?cs var:j.Href ?>">#<?cs var:j.Number ?></a></td>
<td data-label="Title"><a href="<?cs var:j.Href ?>"><strong><?cs var:j.Title ?></strong></a><?cs if:j.IsProject == "1" ?> <span class="badge">Project</span><?cs /if ?><?cs
	if:j.Property ?><br><span class="muted small"><?cs var:j.Property ?></span><?cs /if ?></td>
<td data-label="Customer"><?cs var:j.CustomerName ?></td>
<td data-label="Status"><?cs call:job_badge(j.Status, j.StatusLabel) ?></td>
<td data-label="Created" class="nowrap small"><?cs var:j.Created ?></td>
</tr><?cs /each ?>
</tbody>
</table>
</div><?cs
else ?>
<div class="empty">
<p class="empty__title"><?cs if:Filter.Active == "1" ?>No jobs match<?cs else ?>No open jobs<?cs /if ?></p>
<p><?cs if:Filter.Active == "1" ?>Try another status or search.<?cs
	elif:User.Can.EditJobs ?><a href="/app/jobs/new">Create a job</a> for one of your customers.<?cs
	else ?>Jobs appear here when you are given a visit.<?cs /if ?></p>
</div><?cs
/if ?><?cs
if:Paging.Next || Paging.First ?>
<nav class="pager" aria-label="Pages of jobs"><?cs
	if:Paging.First ?><a href="<?cs var:Paging.First ?>">Newest jobs</a><?cs /if ?><?cs
	if:Paging.Next ?><a href="<?cs var:Paging.Next ?>">Older jobs</a><?cs /if ?>
</nav><?cs
/if ?>
</section>
