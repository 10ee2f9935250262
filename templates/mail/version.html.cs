<?cs # Customer alert: version (inner content of layout/mail.cs). ?><?cs include:"mail/alert_macros.cs" ?>
<?cs # The sender's message (it greets the reader itself), else ours, as in shared.*. ?><?cs if:Mail.Quote ?>
<p style="margin:0 0 20px;white-space:pre-line;"><?cs var:Mail.Quote ?></p>
<p style="margin:0 0 16px;"><strong><?cs call:alert_about() ?></strong>: a new version. Earlier versions stay readable, and you can compare them side by side in the portal.</p><?cs else ?>
<p style="margin:0 0 16px;">Hello<?cs if:Mail.Name ?> <?cs var:Mail.Name ?><?cs /if ?>,</p>
<p style="margin:0 0 16px;">There is a new version of your <?cs var:Mail.Doc.Noun ?>: <strong><?cs call:alert_about() ?></strong>. Earlier versions stay readable, and you can compare them side by side in the portal.</p><?cs /if ?>
<?cs call:mail_button(Mail.Link, "See the new version") ?>
<p style="margin:0 0 16px;color:#475467;">The button signs you in to our customer portal; it works once and expires in <?cs call:expires() ?>. You can ask questions and reply there, and everything stays in one place.</p>
<?cs call:alert_call_us() ?>
<?cs call:alert_unsub("new versions") ?>
