<?cs # Customer alert: reply (inner content of layout/mail.cs). ?><?cs include:"mail/alert_macros.cs" ?>
<p style="margin:0 0 16px;">Hello<?cs if:Mail.Name ?> <?cs var:Mail.Name ?><?cs /if ?>,</p>
<p style="margin:0 0 16px;"><strong><?cs if:Mail.Who ?><?cs var:Mail.Who ?> at <?cs /if ?><?cs var:Company.Name ?></strong> wrote to you about <strong><?cs call:alert_about() ?></strong>:</p>
<?cs call:alert_quote(Mail.Quote) ?>
<?cs call:mail_button(Mail.Link, "Reply in the portal") ?>
<p style="margin:0 0 16px;color:#475467;">The button signs you in to our customer portal; it works once and expires in <?cs call:expires() ?>. You can ask questions and reply there, and everything stays in one place.</p>
<?cs call:alert_call_us() ?>
<?cs call:alert_unsub("replies") ?>
