<?cs # GET /app/inbox: what customers wrote (notes, approvals, revision requests, disputes),
  newest first; unread since the last visit highlighted. Opening the page reads them. ?>
<header class="page-head">
<div>
<h1>Inbox</h1>
<p class="muted">Messages and answers from your customers in the portal.</p>
</div>
</header><?cs
if:subcount(Inbox) > 0 ?>
<ol class="inbox"><?cs each:m = Inbox ?>
<li class="card inbox__item<?cs if:m.Unread ?> inbox__item--unread<?cs /if ?>">
<p class="inbox__meta"><strong><?cs var:m.Who ?></strong><?cs if:m.Customer != m.Who ?> <span class="muted">(<?cs var:m.Customer ?>)</span><?cs /if ?> · <?cs var:m.When ?><?cs if:m.Unread ?> <span class="badge badge--new">New</span><?cs /if ?></p>
<p class="inbox__body pre-line"><?cs var:m.Body ?></p>
<p class="small"><a href="<?cs var:m.JobHref ?>"><?cs var:m.Job ?></a><?cs if:m.DocHref ?> · <a href="<?cs var:m.DocHref ?>"><?cs var:m.Doc ?></a><?cs /if ?> · <a href="<?cs var:m.JobHref ?>">Reply<span class="visually-hidden"> to <?cs var:m.Who ?></span></a></p>
</li><?cs /each ?>
</ol><?cs
else ?>
<p class="card muted">Nothing yet. When a customer writes a note, approves an estimate, asks for a revision or disputes an invoice in the portal, it shows here.</p><?cs
/if ?>
