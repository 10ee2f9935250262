<?cs # GET /app/jobs/new[?customer_id=] and POST /app/jobs (422): first the customer, then
  the job for them: one of their properties, title, description, project or not. ?><?cs
include:"app/jobs/macros.cs" ?>
<header class="page-head">
<div>
<p class="small"><a href="/app/jobs">Jobs</a></p>
<h1>New job</h1><?cs
if:NewJob.CustomerName ?>
<p class="muted">For <a href="<?cs var:NewJob.CustomerHref ?>"><?cs var:NewJob.CustomerName ?></a> · <a href="/app/jobs/new">Choose another customer</a></p><?cs
/if ?>
</div>
</header><?cs call:error_summary() ?><?cs call:form_error() ?><?cs
if:!NewJob.CustomerId ?>
<section class="card card--narrow" aria-labelledby="customer-title">
<h2 id="customer-title">Who is the job for?</h2><?cs
	if:subcount(Customers) > 0 ?>
<form method="get" action="/app/jobs/new">
<?cs call:select("customer_id", "Customer", Customers, 1, "Choose a customer", "") ?>
<div class="actions">
<button class="btn btn--primary" type="submit">Continue</button>
<a href="/app/customers/new">Add a new customer</a>
</div>
</form><?cs
	else ?>
<div class="empty">
<p class="empty__title">No customers yet</p>
<p>A job belongs to a customer. <a href="/app/customers/new">Add your first customer</a>, then create the job.</p>
</div><?cs
	/if ?>
</section><?cs
else ?>
<section class="card card--narrow" aria-labelledby="job-title">
<h2 id="job-title">The job</h2>
<form method="post" action="/app/jobs">
<?cs call:csrf() ?>
<input type="hidden" name="customer_id" value="<?cs var:NewJob.CustomerId ?>">
<?cs call:field("title", "Title", "text", "off", 1, "What needs doing, in a few words: people see it in lists.") ?>
<?cs call:select("property_id", "Property", Properties, 0, "No property", "Where the work happens: one of the customer's addresses.") ?>
<?cs call:textarea("description", "Description", 0, "") ?>
<?cs call:checkbox("is_project", "This is a project", "A larger job with stages and a progress bar.") ?>
<div class="actions">
<button class="btn btn--primary" type="submit">Create job</button>
<a href="/app/jobs">Cancel</a>
</div>
</form>
</section><?cs
/if ?>
