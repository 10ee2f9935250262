<?cs # Inner content of layout/error.cs (anyone) or, for signed-in staff, layout/app.cs. ?>
<section class="error-card" aria-labelledby="page-title">
<p class="error-code"><?cs var:Error.Code ?></p>
<h1 id="page-title"><?cs var:Error.Title ?></h1><?cs
if:Error.Message ?>
<p class="muted"><?cs var:Error.Message ?></p><?cs /if ?>
<div class="actions"><?cs
if:User.Name ?>
<a class="btn btn--primary" href="/app/">Back to the dashboard</a><?cs
else ?>
<a class="btn btn--primary" href="/">Go to the start</a><?cs
/if ?>
</div>
</section>
