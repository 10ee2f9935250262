<?cs # GET /app/staff: the team; owners also change roles, remove access and invite. ?>
<header class="page-head">
<div>
<h1>Team</h1>
<p class="muted">Everyone who can sign in to <?cs var:Company.Name ?>.</p>
</div><?cs
if:User.Can.Staff ?>
<a class="btn btn--primary" href="#invite">Invite a team member</a><?cs /if ?>
</header><?cs call:error_summary() ?>
<section class="card card--flush" aria-labelledby="team-title">
<div class="card__head">
<h2 id="team-title">Team members</h2>
</div>
<div class="table-wrap">
<table class="table table--stack">
<thead>
<tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Status</th><?cs if:User.Can.Staff ?><th scope="col"><span class="visually-hidden">Actions</span></th><?cs /if ?></tr>
</thead>
<tbody><?cs each:p = Staff ?>
<tr<?cs if:p.Status == "removed" ?> class="row--removed"<?cs /if ?>>
<td data-label="Name"><strong><?cs var:p.Name ?></strong><?cs if:p.IsSelf ?> <span class="badge badge--self">You</span><?cs /if ?></td>
<td data-label="Email"><?cs call:email(p.Email) ?></td>
<td data-label="Role"><?cs if:p.CanEdit && p.Status != "removed" ?>
<form class="inline-form" method="post" action="/app/staff/<?cs var:p.Id ?>/role">
<?cs call:csrf() ?>
<label class="visually-hidden" for="role-<?cs var:p.Id ?>">Role for <?cs var:p.Name ?></label>
<select class="select" id="role-<?cs var:p.Id ?>" name="role"><?cs each:r = Roles ?>
<option value="<?cs var:r.Value ?>"<?cs if:r.Value == p.Role ?> selected<?cs /if ?>><?cs var:r.Label ?></option><?cs /each ?>
</select>
<button class="btn btn--secondary btn--small" type="submit">Save<span class="visually-hidden"> role for <?cs var:p.Name ?></span></button>
</form><?cs else ?><?cs call:role_badge(p.Role, p.RoleLabel) ?><?cs /if ?></td>
<td data-label="Status"><?cs call:status_badge(p.Status, p.StatusLabel) ?></td><?cs
if:User.Can.Staff ?>
<td data-label=""><?cs if:p.CanEdit && p.Status != "removed" ?>
<form method="post" action="/app/staff/<?cs var:p.Id ?>/remove">
<?cs call:csrf() ?>
<button class="btn btn--danger btn--small" type="submit">Remove access<span class="visually-hidden"> for <?cs var:p.Name ?></span></button>
</form><?cs /if ?></td><?cs /if ?>
</tr><?cs /each ?>
</tbody>
</table>
</div>
</section>
<div class="grid"><?cs
if:User.Can.Staff ?>
<section class="card" id="invite" aria-labelledby="invite-title">
<h2 id="invite-title">Invite a team member</h2>
<p class="muted">We'll email them a link to choose their password and join <?cs var:Company.Name ?>.</p>
<?cs call:form_error() ?>
<form method="post" action="/app/staff/invite">
<?cs call:csrf() ?>
<?cs call:field("name", "Name", "text", "off", 1, "") ?>
<?cs call:field("email", "Email", "email", "off", 1, "") ?>
<?cs call:select("role", "Role", Roles, 1, "", "") ?>
<div class="actions">
<button class="btn btn--primary" type="submit">Send invitation</button>
</div>
</form>
</section><?cs
/if ?>
<section class="card" aria-labelledby="roles-title">
<h2 id="roles-title">What each role can do</h2>
<dl class="roles">
<dt><span class="badge badge--owner">Owner</span></dt>
<dd>Everything, including the team, company settings and logo.</dd>
<dt><span class="badge badge--office">Office</span></dt>
<dd>Customers, jobs, estimates and invoices. Sees the team and company settings but can't change them.</dd>
<dt><span class="badge badge--field">Field</span></dt>
<dd>Their own visits and jobs.</dd>
</dl>
<p class="muted small">A company always keeps at least one owner.</p>
</section>
</div>
