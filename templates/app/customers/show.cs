<?cs # GET /app/customers/:id: contact card, balance due, notes, properties, contacts, jobs,
  documents; owners and office staff also edit, add and remove (POST .../contacts: 422). ?>
<header class="page-head">
<div>
<p class="small"><a href="/app/customers">Customers</a></p>
<h1><?cs var:Customer.Name ?></h1>
<p><span class="badge"><?cs var:Customer.KindLabel ?></span><?cs
each:t = Customer.Tags ?> <a class="badge" href="<?cs var:t.Href ?>"><?cs var:t.Name ?></a><?cs /each ?></p>
</div><?cs
if:User.Can.EditCustomers ?>
<a class="btn btn--primary" href="<?cs var:Customer.Href.Edit ?>">Edit customer</a><?cs /if ?>
</header><?cs call:error_summary() ?>
<div class="stack">
<div class="grid">
<section class="card" aria-labelledby="contact-title">
<div class="card__head">
<h2 id="contact-title">Contact</h2>
</div>
<dl class="details">
<dt>Email</dt>
<dd><?cs if:Customer.Email ?><a href="mailto:<?cs var:Customer.Email ?>"><?cs call:email(Customer.Email) ?></a><?cs else ?><span class="muted">Not set</span><?cs /if ?></dd>
<dt>Phone</dt>
<dd><?cs if:Customer.Phone ?><a href="<?cs var:Customer.Href.Phone ?>"><?cs var:Customer.Phone ?></a><?cs else ?><span class="muted">Not set</span><?cs /if ?></dd>
</dl>
</section>
<section class="card" aria-labelledby="balance-title">
<div class="card__head">
<h2 id="balance-title">Balance due</h2>
</div>
<p class="lede"><strong><?cs var:Balance.Due ?></strong></p>
<p class="muted small">Left to pay on sent invoices.</p>
</section>
</div><?cs
if:Customer.Notes ?>
<section class="card" aria-labelledby="notes-title">
<div class="card__head">
<h2 id="notes-title">Notes</h2>
</div>
<p class="pre-line"><?cs var:Customer.Notes ?></p>
</section><?cs
/if ?>
<section class="card card--flush" id="properties" aria-labelledby="properties-title">
<div class="card__head">
<h2 id="properties-title">Properties</h2><?cs
if:User.Can.EditCustomers ?>
<a href="<?cs var:Customer.Href.NewProperty ?>">Add a property</a><?cs /if ?>
</div><?cs
if:subcount(Properties) > 0 ?>
<div class="table-wrap">
<table class="table table--stack">
<thead>
<tr><th scope="col">Address</th><th scope="col">Access notes</th><th scope="col">Jobs</th><?cs if:User.Can.EditCustomers ?><th scope="col"><span class="visually-hidden">Actions</span></th><?cs /if ?></tr>
</thead>
<tbody><?cs each:p = Properties ?>
<tr>
<td data-label="Address"><?cs if:p.Label ?><strong><?cs var:p.Label ?></strong><br><?cs /if ?><?cs var:p.Street ?><?cs if:p.City || p.Region || p.PostalCode ?><br><?cs call:locality(p) ?><?cs /if ?></td>
<td data-label="Notes" class="pre-line"><?cs var:p.Notes ?></td>
<td data-label="Jobs"><?cs var:p.Jobs ?></td><?cs
if:User.Can.EditCustomers ?>
<td data-label=""><div class="cell-actions">
<a class="btn btn--secondary btn--small" href="<?cs var:p.Href.Edit ?>">Edit<span class="visually-hidden"> <?cs var:p.Street ?></span></a><?cs
	if:p.Jobs == 0 ?>
<form method="post" action="<?cs var:p.Href.Delete ?>">
<?cs call:csrf() ?>
<button class="btn btn--danger btn--small" type="submit">Remove<span class="visually-hidden"> <?cs var:p.Street ?></span></button>
</form><?cs
	else ?>
<span class="muted small">Has jobs: can't be removed</span><?cs /if ?>
</div></td><?cs /if ?>
</tr><?cs /each ?>
</tbody>
</table>
</div><?cs
else ?>
<div class="empty">
<p class="empty__title">No properties yet</p>
<p>Add the addresses where you do the work.</p><?cs
	if:User.Can.EditCustomers ?>
<p><a class="btn btn--secondary" href="<?cs var:Customer.Href.NewProperty ?>">Add a property</a></p><?cs /if ?>
</div><?cs
/if ?>
</section>
<section class="card" id="contacts" aria-labelledby="contacts-title">
<div class="card__head">
<h2 id="contacts-title">Contacts</h2>
<p class="muted small">Other people to talk to: a tenant, a property manager, a partner.</p>
</div><?cs
if:subcount(Contacts) > 0 ?>
<div class="table-wrap">
<table class="table table--stack">
<thead>
<tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Email</th><th scope="col">Phone</th><?cs if:User.Can.EditCustomers ?><th scope="col"><span class="visually-hidden">Actions</span></th><?cs /if ?></tr>
</thead>
<tbody><?cs each:k = Contacts ?>
<tr>
<td data-label="Name"><strong><?cs var:k.Name ?></strong></td>
<td data-label="Role"><?cs var:k.Role ?></td>
<td data-label="Email"><?cs if:k.Email ?><?cs call:email(k.Email) ?><?cs /if ?></td>
<td data-label="Phone" class="nowrap"><?cs var:k.Phone ?></td><?cs
if:User.Can.EditCustomers ?>
<td data-label=""><form method="post" action="<?cs var:k.Href.Delete ?>">
<?cs call:csrf() ?>
<button class="btn btn--danger btn--small" type="submit">Remove<span class="visually-hidden"> <?cs var:k.Name ?></span></button>
</form></td><?cs /if ?>
</tr><?cs /each ?>
</tbody>
</table>
</div><?cs
else ?>
<p class="muted">No contacts yet.</p><?cs
/if ?><?cs
if:User.Can.EditCustomers ?>
<hr>
<h3 id="add-contact">Add a contact</h3>
<form method="post" action="<?cs var:Customer.Href.AddContact ?>">
<?cs call:csrf() ?>
<div class="field-row">
<?cs call:field("contact_name", "Name", "text", "off", 1, "") ?>
<?cs call:field("contact_role", "Role", "text", "off", 0, "") ?>
</div>
<div class="field-row">
<?cs call:field("contact_email", "Email", "email", "off", 0, "") ?>
<?cs call:field("contact_phone", "Phone", "tel", "off", 0, "") ?>
</div>
<div class="actions">
<button class="btn btn--secondary" type="submit">Add contact</button>
</div>
</form><?cs
/if ?>
</section>
<section class="card card--flush" aria-labelledby="jobs-title">
<div class="card__head">
<h2 id="jobs-title">Jobs</h2>
</div><?cs
if:subcount(Jobs) > 0 ?>
<div class="table-wrap">
<table class="table table--stack">
<thead>
<tr><th scope="col">Number</th><th scope="col">Title</th><th scope="col">Status</th></tr>
</thead>
<tbody><?cs each:j = Jobs ?>
<tr>
<td data-label="Number"><a href="<?cs var:j.Href ?>">#<?cs var:j.Number ?></a></td>
<td data-label="Title"><?cs var:j.Title ?></td>
<td data-label="Status"><span class="badge"><?cs var:j.StatusLabel ?></span></td>
</tr><?cs /each ?>
</tbody>
</table>
</div><?cs
else ?>
<div class="empty"><p>No jobs for this customer yet.</p></div><?cs
/if ?>
</section>
<section class="card card--flush" aria-labelledby="documents-title">
<div class="card__head">
<h2 id="documents-title">Estimates and invoices</h2>
</div><?cs
if:subcount(Documents) > 0 ?>
<div class="table-wrap">
<table class="table table--stack">
<thead>
<tr><th scope="col">Number</th><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Total</th></tr>
</thead>
<tbody><?cs each:d = Documents ?>
<tr>
<td data-label="Number"><a href="<?cs var:d.Href ?>"><?cs var:d.KindLabel ?> #<?cs var:d.Number ?><?cs if:d.Revision ?> (rev. <?cs var:d.Revision ?>)<?cs /if ?></a></td>
<td data-label="Title"><?cs var:d.Title ?></td>
<td data-label="Status"><span class="badge badge--doc-<?cs var:d.Status ?>"><?cs var:d.StatusLabel ?></span></td>
<td data-label="Total" class="nowrap"><?cs var:d.Total ?></td>
</tr><?cs /each ?>
</tbody>
</table>
</div><?cs
else ?>
<div class="empty"><p>No estimates or invoices for this customer yet.</p></div><?cs
/if ?>
</section><?cs
if:User.Can.EditCustomers ?>
<section class="card" aria-labelledby="delete-title">
<div class="card__head">
<h2 id="delete-title">Delete this customer</h2>
</div><?cs
	if:subcount(Jobs) > 0 || subcount(Documents) > 0 ?>
<p class="muted">This customer has jobs or documents, so it can't be deleted.</p><?cs
	else ?>
<p class="muted">Deletes the customer with its properties and contacts. This can't be undone.</p>
<form method="post" action="<?cs var:Customer.Href.Delete ?>">
<?cs call:csrf() ?>
<button class="btn btn--danger" type="submit">Delete customer</button>
</form><?cs /if ?>
</section><?cs
/if ?>
</div>
