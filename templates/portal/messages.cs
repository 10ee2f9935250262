<?cs # GET /portal/messages: one conversation per job, newest first, with unread counts. ?>
<header class="portal-hello">
<h1>Messages</h1>
<p class="muted">Your conversations with <?cs var:Portal.CompanyName ?>, one per job.</p>
</header><?cs
if:subcount(Threads) > 0 ?>
<ul class="threads"><?cs each:t = Threads ?>
<li class="card threads__item<?cs if:t.Unread > 0 ?> threads__item--unread<?cs /if ?>">
<a href="<?cs var:t.Href ?>"><strong>Job #<?cs var:t.Number ?> · <?cs var:t.Title ?></strong></a>
<p class="small muted"><?cs if:t.Count > 0 ?><?cs var:t.Count ?> message<?cs if:t.Count != 1 ?>s<?cs /if ?> · last <?cs var:t.When ?><?cs else ?>No messages yet<?cs /if ?><?cs
	if:t.Unread > 0 ?> · <span class="badge badge--new"><?cs var:t.Unread ?> unread</span><?cs /if ?></p>
</li><?cs /each ?>
</ul><?cs
else ?>
<p class="card muted">No conversations yet. When <?cs var:Portal.CompanyName ?> shares an estimate or invoice with you, you can ask questions about it here.</p><?cs
/if ?>
