<?cs # One conversation, oldest first (Conversation.Entries.N); the customer's own words on
  one side, the company's on the other; the newest has id "latest". ?><?cs
if:subcount(Conversation.Entries) > 0 ?>
<ol class="thread"><?cs each:e = Conversation.Entries ?>
<li class="thread__item<?cs if:e.Mine ?> thread__item--mine<?cs /if ?><?cs if:e.Unread ?> thread__item--unread<?cs /if ?>"<?cs if:last(e) ?> id="latest"<?cs /if ?>>
<p class="thread__meta"><strong><?cs var:e.Who ?></strong> · <?cs var:e.When ?><?cs if:e.Unread ?> <span class="badge badge--new">New</span><?cs /if ?></p>
<p class="thread__body<?cs if:!e.Note ?> thread__body--event<?cs /if ?>"><?cs var:e.Body ?></p><?cs
	if:e.DocHref && !Conversation.OnDoc ?>
<p class="thread__doc small"><a href="<?cs var:e.DocHref ?>">Open the document</a></p><?cs /if ?>
</li><?cs /each ?>
</ol><?cs
else ?>
<p class="muted">No messages yet. Ask us anything below.</p><?cs
/if ?>
