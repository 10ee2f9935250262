<?cs # GET /app/: money out there (office and owners), today's and this week's visits (a
  field user's own), recent activity, setup, the company and the team. ?><?cs
include:"app/jobs/macros.cs" ?>
<header class="page-head">
<div>
<h1>Good to see you<?cs if:User.Name ?>, <?cs var:User.Name ?><?cs /if ?></h1>
<p class="muted">Here's where <?cs var:Company.Name ?> stands on Plumbline.</p>
</div>
</header><?cs
if:Money.Show ?>
<section class="stats" aria-labelledby="money-title">
<h2 id="money-title" class="visually-hidden">Money</h2>
<div class="stat">
<p class="stat__label">Open estimates</p>
<p class="stat__value"><?cs var:Money.Estimates.Total ?></p>
<p class="stat__note"><?cs var:Money.Estimates.Count ?> sent, awaiting an answer</p>
</div>
<div class="stat">
<p class="stat__label">Unpaid invoices</p>
<p class="stat__value"><?cs var:Money.Invoices.Balance ?></p>
<p class="stat__note"><?cs var:Money.Invoices.Count ?> <?cs if:Money.Invoices.Count == 1 ?>invoice<?cs else ?>invoices<?cs /if ?> with a balance due</p>
</div>
<div class="stat<?cs if:Money.Invoices.Overdue > 0 ?> stat--alert<?cs /if ?>">
<p class="stat__label">Overdue</p>
<p class="stat__value"><?cs var:Money.Invoices.Overdue ?></p>
<p class="stat__note"><?cs if:Money.Invoices.Overdue == 1 ?>invoice<?cs else ?>invoices<?cs /if ?> past the due date</p>
</div>
</section><?cs
/if ?>
<div class="grid">
<div class="stack">
<section class="card" aria-labelledby="today-title">
<div class="card__head">
<h2 id="today-title">Today</h2>
<a href="/app/schedule">Schedule</a>
</div><?cs
if:subcount(Today.Visits) > 0 ?>
<ul class="visit-items"><?cs each:v = Today.Visits ?><?cs call:visit_item(v, 1) ?><?cs /each ?>
</ul><?cs
else ?>
<p class="muted"><?cs if:User.Can.Team ?>No visits today.<?cs else ?>You have no visits today.<?cs /if ?></p><?cs
/if ?>
</section>
<section class="card" aria-labelledby="week-title">
<div class="card__head">
<h2 id="week-title">This week</h2>
<p class="muted small"><?cs if:Week.Count == 1 ?>1 visit<?cs else ?><?cs var:Week.Count ?> visits<?cs /if ?></p>
</div><?cs
if:subcount(Week.Visits) > 0 ?>
<ul class="visit-items"><?cs each:v = Week.Visits ?>
<li class="visit-item visit-item--<?cs var:v.Status ?>">
<p class="visit-item__when"><span class="visit-item__day"><?cs var:v.Day ?></span> <span class="visit-item__time"><?cs var:v.Start ?>–<?cs var:v.End ?></span><?cs
	if:v.Status != "scheduled" ?> <?cs call:visit_badge(v.Status, v.StatusLabel) ?><?cs /if ?></p>
<p class="visit-item__what"><a href="<?cs var:v.JobHref ?>">#<?cs var:v.JobNumber ?> <?cs var:v.JobTitle ?></a><br><span class="muted"><?cs var:v.CustomerName ?><?cs if:v.UserName ?> · <?cs var:v.UserName ?><?cs /if ?></span></p>
</li><?cs /each ?>
</ul><?cs
	if:Week.More ?>
<p class="small"><a href="/app/schedule"><?cs var:Week.More ?> more on the schedule</a></p><?cs /if ?><?cs
else ?>
<p class="muted">No visits this week.</p><?cs
/if ?>
</section><?cs
if:subcount(Setup) > 0 ?><?cs
	set:setup_done = 0 ?><?cs each:s = Setup ?><?cs if:s.Done ?><?cs set:setup_done = setup_done + 1 ?><?cs /if ?><?cs /each ?>
<section class="card" aria-labelledby="setup-title">
<div class="card__head">
<h2 id="setup-title">Get set up</h2>
<p class="muted small"><?cs if:setup_done == subcount(Setup) ?>All done<?cs else ?><?cs var:setup_done ?> of <?cs var:subcount(Setup) ?> done<?cs /if ?></p>
</div>
<progress class="progress" max="<?cs var:subcount(Setup) ?>" value="<?cs var:setup_done ?>" aria-labelledby="setup-title"><?cs var:setup_done ?> of <?cs var:subcount(Setup) ?></progress>
<ul class="checklist"><?cs each:s = Setup ?><?cs if:s.Done ?>
<li class="is-done"><span><?cs var:s.Label ?></span><span class="visually-hidden"> (done)</span></li><?cs elif:s.Href ?>
<li><a href="<?cs var:s.Href ?>"><?cs var:s.Label ?></a></li><?cs else ?>
<li><span><?cs var:s.Label ?></span></li><?cs /if ?><?cs /each ?>
</ul>
</section><?cs
/if ?>
<section class="card" aria-labelledby="company-title">
<div class="card__head">
<h2 id="company-title">Your company</h2><?cs
if:User.Can.Settings ?>
<a href="/app/settings">Edit details</a><?cs
elif:User.Can.SeeSettings ?>
<a href="/app/settings">View details</a><?cs /if ?>
</div>
<p><strong><?cs var:Company.Name ?></strong><?cs if:Company.TradeLabel ?> <span class="badge"><?cs var:Company.TradeLabel ?></span><?cs /if ?></p>
<dl class="details">
<dt>Address</dt>
<dd><?cs if:Company.Street || Company.City || Company.Region || Company.PostalCode ?><?cs
	if:Company.Street ?><?cs var:Company.Street ?><br><?cs /if ?><?cs call:locality(Company) ?><?cs
	else ?><span class="muted">Not set</span><?cs /if ?></dd>
<dt>Phone</dt>
<dd><?cs if:Company.Phone ?><?cs var:Company.Phone ?><?cs else ?><span class="muted">Not set</span><?cs /if ?></dd>
<dt>Email</dt>
<dd><?cs if:Company.Email ?><?cs call:email(Company.Email) ?><?cs else ?><span class="muted">Not set</span><?cs /if ?></dd>
<dt>Hours</dt>
<dd class="pre-line"><?cs if:Company.Hours ?><?cs var:Company.Hours ?><?cs else ?><span class="muted">Not set</span><?cs /if ?></dd>
<dt>Time zone</dt>
<dd><?cs var:Company.Timezone ?></dd>
</dl>
</section>
</div>
<div class="stack">
<section class="card" aria-labelledby="activity-title">
<div class="card__head">
<h2 id="activity-title">Recent activity</h2>
<a href="/app/jobs">Jobs</a>
</div><?cs
if:subcount(Activity) > 0 ?>
<ol class="timeline timeline--compact"><?cs each:e = Activity ?><?cs call:history_item(e, 1) ?><?cs /each ?>
</ol><?cs
else ?>
<p class="muted">Notes, status changes, documents and payments of your jobs show up here.</p><?cs
/if ?>
</section><?cs
if:subcount(Team) > 0 ?>
<section class="card" aria-labelledby="team-title">
<div class="card__head">
<h2 id="team-title">Team</h2>
<p class="muted small"><?cs var:Team.Count ?> <?cs if:Team.Count == 1 ?>person<?cs else ?>people<?cs /if ?></p>
</div>
<ul class="people"><?cs each:m = Team ?><?cs if:m.Name || m.RoleLabel ?>
<li><span class="people__name"><?cs var:m.Name ?></span> <?cs call:role_badge(m.Role, m.RoleLabel) ?><?cs
	if:m.Status && m.Status != "active" ?> <?cs call:status_badge(m.Status, m.StatusLabel) ?><?cs /if ?></li><?cs /if ?><?cs /each ?>
</ul><?cs
if:User.Can.Team ?>
<div class="card__foot"><a href="/app/staff"><?cs if:User.Can.Staff ?>Manage the team<?cs else ?>See the whole team<?cs /if ?></a></div><?cs /if ?>
</section><?cs
/if ?>
</div>
</div>
