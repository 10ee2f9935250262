<?cs # Customer alert: shared (inner content of layout/mail.cs). ?><?cs include:"mail/alert_macros.cs" ?>
<?cs # The sender's message (it greets the reader itself), else ours. ?><?cs if:Mail.Quote ?>
<p style="margin:0 0 20px;white-space:pre-line;"><?cs var:Mail.Quote ?></p><?cs else ?>
<p style="margin:0 0 16px;">Hello<?cs if:Mail.Name ?> <?cs var:Mail.Name ?><?cs /if ?>,</p>
<p style="margin:0 0 16px;"><?cs var:Company.Name ?> shared a document with you.</p><?cs /if ?>
<p style="margin:0 0 16px;"><strong><?cs call:alert_about() ?></strong><?cs if:Mail.Who ?><br><span style="color:#475467;">Sent by <?cs var:Mail.Who ?>, <?cs var:Company.Name ?></span><?cs /if ?></p>
<?cs set:Mail.Button = "View your " + Mail.Doc.Noun ?><?cs call:mail_button(Mail.Link, Mail.Button) ?>
<p style="margin:0 0 16px;color:#475467;">The button signs you in to our customer portal; it works once and expires in <?cs call:expires() ?>. You can ask questions and reply there, and everything stays in one place.</p>
<?cs call:alert_call_us() ?>
<?cs call:alert_unsub("new estimates and invoices") ?>
