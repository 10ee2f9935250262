<?cs # GET /app/schedule?week=YYYY-MM-DD&user=ID: the week's visits, a row per team member
  and a column per day (wide screens), or day by day (phones).  Field staff see their own. ?><?cs
include:"app/jobs/macros.cs" ?>
<header class="page-head">
<div>
<h1>Schedule</h1>
<p class="muted"><?cs var:Week.Title ?> · times in <?cs var:Company.Timezone ?></p>
</div>
<nav class="week-nav" aria-label="Weeks">
<a class="btn btn--secondary btn--small" href="<?cs var:Week.PrevHref ?>" rel="prev"><span aria-hidden="true">←</span> Previous week</a><?cs
if:!Week.IsCurrent ?>
<a class="btn btn--secondary btn--small" href="<?cs var:Week.TodayHref ?>">This week</a><?cs /if ?>
<a class="btn btn--secondary btn--small" href="<?cs var:Week.NextHref ?>" rel="next">Next week <span aria-hidden="true">→</span></a>
</nav>
</header><?cs
if:Week.CanFilter ?>
<form class="filters" method="get" action="/app/schedule" aria-label="Whose visits">
<input type="hidden" name="week" value="<?cs var:Form.Values.week ?>">
<?cs call:select("user", "Team member", Assignees, 0, "Everyone", "") ?>
<div class="filters__go"><button class="btn btn--secondary" type="submit">Show</button></div>
</form><?cs
/if ?>
<section class="card card--flush sched-card" aria-labelledby="week-title">
<div class="card__head">
<h2 id="week-title">Week of <?cs var:Week.Title ?></h2>
<p class="muted small"><?cs if:Week.Count == 1 ?>1 visit<?cs else ?><?cs var:Week.Count ?> visits<?cs /if ?></p>
</div>
<div class="sched-wrap">
<table class="sched">
<thead>
<tr><th scope="col" class="sched__who">Team member</th><?cs each:d = Week.Days ?><th scope="col"<?cs if:d.IsToday ?> class="is-today"<?cs /if ?>><span class="sched__dayname"><?cs var:d.Name ?></span> <span class="sched__date"><?cs var:d.Date ?></span><?cs if:d.IsToday ?><span class="visually-hidden"> (today)</span><?cs /if ?></th><?cs /each ?></tr>
</thead>
<tbody><?cs each:row = Week.Rows ?>
<tr>
<th scope="row" class="sched__who"><?cs if:row.Unassigned ?><span class="muted"><?cs var:row.Name ?></span><?cs else ?><?cs var:row.Name ?><?cs /if ?></th><?cs
	each:c = row.Days ?>
<td<?cs if:c.IsToday ?> class="is-today"<?cs /if ?>><?cs each:v = c.Visits ?>
<a class="sched__visit sched__visit--<?cs var:v.Status ?>" href="<?cs var:v.JobHref ?>"><span class="sched__time"><?cs var:v.Start ?>–<?cs var:v.End ?></span> <span class="sched__job">#<?cs var:v.JobNumber ?> <?cs var:v.JobTitle ?></span> <span class="sched__customer"><?cs var:v.CustomerName ?></span><?cs if:v.Status == "done" ?> <span class="sched__state">Done</span><?cs /if ?></a><?cs /each ?></td><?cs
	/each ?>
</tr><?cs /each ?>
</tbody>
</table>
</div>
<div class="agenda"><?cs each:d = Week.Days ?>
<div class="agenda__day<?cs if:d.IsToday ?> is-today<?cs /if ?>">
<h3><?cs var:d.Long ?><?cs if:d.IsToday ?> <span class="badge">Today</span><?cs /if ?></h3><?cs
	if:subcount(d.Visits) > 0 ?>
<ul class="visit-items"><?cs each:v = d.Visits ?><?cs call:visit_item(v, 1) ?><?cs /each ?>
</ul><?cs
	else ?>
<p class="muted small">No visits</p><?cs
	/if ?>
</div><?cs /each ?>
</div>
</section>
