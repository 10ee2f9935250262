<?cs # GET /portal/messages/:job_id: the conversation about one job, newest last, and a reply
  form (POST here; 422 with the message next to the field). ?>
<header class="portal-hello">
<p class="small"><a href="/portal/messages">All messages</a></p>
<h1>Job #<?cs var:Thread.Number ?> · <?cs var:Thread.Title ?></h1>
</header>
<section class="card" aria-labelledby="conv-title">
<h2 id="conv-title" class="visually-hidden">Conversation</h2><?cs
include:"portal/thread.cs" ?><?cs call:flash_at("messages") ?><?cs call:error_summary() ?>
<form method="post" action="<?cs var:Conversation.Action ?>" class="portal-form" novalidate>
<?cs call:csrf() ?>
<?cs call:textarea("note", "Your reply", 1, "") ?>
<button class="btn btn--primary" type="submit">Send</button>
</form>
</section>
