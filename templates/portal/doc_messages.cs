<?cs # The conversation of a portal document's job and the note form (included by
  portal/document.cs; Conversation.* from messages_doc_put). ?>
<section class="card no-print" id="messages" aria-labelledby="messages-title">
<div class="card__head">
<h2 id="messages-title" class="portal-h2">Questions and notes</h2><?cs
if:Conversation.Href && Portal.Verified ?>
<a class="small" href="<?cs var:Conversation.Href ?>">All messages about this job</a><?cs /if ?>
</div><?cs
include:"portal/thread.cs" ?><?cs call:flash_at("messages") ?>
<form method="post" action="<?cs var:Conversation.Action ?>" class="portal-form" novalidate>
<?cs call:csrf() ?>
<?cs call:textarea("note", "Write a note or a question", 1, "It goes to " + Portal.CompanyName + " and stays here with the answers.") ?>
<button class="btn btn--primary" type="submit">Send</button>
</form>
</section>
