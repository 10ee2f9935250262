<?cs # GET /dev/mail/:name (dev only): one captured message. ?>
<section class="auth-card auth-card--xwide" aria-labelledby="page-title">
<p class="small"><a href="/dev/mail">← All captured mail</a></p>
<h1 id="page-title"><?cs var:Mail.Subject ?></h1>
<dl class="details">
<dt>To</dt><dd><?cs var:Mail.To ?></dd>
<dt>Date</dt><dd><?cs var:Mail.Date ?></dd>
</dl><?cs
if:subcount(Mail.Links) > 0 ?>
<h2 class="small">Links in this message</h2>
<ul class="link-list"><?cs each:l = Mail.Links ?>
<li><a href="<?cs var:l ?>"><?cs var:l ?></a></li><?cs /each ?>
</ul><?cs
/if ?>
<h2 class="small">Text</h2>
<pre class="mail-body"><?cs var:Mail.Text ?></pre>
</section>
