<?cs # GET /app/jobs/:id/edit and POST /app/jobs/:id (422; 409 with the current values and
  what the person had typed, to re-apply). ?><?cs
include:"app/jobs/macros.cs" ?>
<header class="page-head">
<div>
<p class="small"><a href="<?cs var:Job.Href ?>">Job #<?cs var:Job.Number ?></a></p>
<h1>Edit job #<?cs var:Job.Number ?></h1>
<p class="muted">For <?cs var:Job.CustomerName ?></p>
</div>
</header><?cs call:error_summary() ?>
<section class="card card--narrow" aria-labelledby="edit-title">
<h2 id="edit-title" class="visually-hidden">Job details</h2>
<?cs call:form_error() ?><?cs
if:Mine.Title || Mine.Description ?>
<div class="mine">
<p class="mine__title">What you had typed (not saved)</p>
<dl class="details">
<dt>Title</dt><dd><?cs var:Mine.Title ?></dd>
<dt>Description</dt><dd class="pre-line"><?cs if:Mine.Description ?><?cs var:Mine.Description ?><?cs else ?><span class="muted">Empty</span><?cs /if ?></dd>
</dl>
</div><?cs
/if ?>
<form method="post" action="<?cs var:Job.Href ?>">
<?cs call:csrf() ?>
<input type="hidden" name="version" value="<?cs var:Form.Values.version ?>">
<?cs call:field("title", "Title", "text", "off", 1, "") ?>
<?cs call:select("property_id", "Property", Properties, 0, "No property", "") ?>
<?cs call:textarea("description", "Description", 0, "") ?>
<?cs call:checkbox("is_project", "This is a project", "A larger job with stages and a progress bar.") ?>
<div class="actions">
<button class="btn btn--primary" type="submit">Save changes</button>
<a href="<?cs var:Job.Href ?>">Cancel</a>
</div>
</form>
</section>
