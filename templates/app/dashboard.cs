<?cs # GET /app/ ?>
<header class="page-head">
<div>
<h1>Good to see you<?cs if:User.Name ?>, <?cs var:User.Name ?><?cs /if ?></h1>
<p class="muted">Here's where <?cs var:Company.Name ?> stands on Plumbline.</p>
</div>
</header>
<div class="grid">
<div class="stack"><?cs
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
<div class="stack"><?cs
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
