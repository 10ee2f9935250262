<?cs # Inner content of layout/error.cs. ?>
<section class="error-card" aria-labelledby="page-title">
<p class="error-code"><?cs var:Error.Code ?></p>
<h1 id="page-title"><?cs var:Error.Title ?></h1><?cs
if:Error.Message ?>
<p class="muted"><?cs var:Error.Message ?></p><?cs /if ?>
<div class="actions">
<a class="btn btn--primary" href="/">Go to the home page</a>
</div>
</section>
