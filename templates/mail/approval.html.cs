<?cs # Staff alert: approval (inner content of layout/mail.cs). The history line it comes from
  is not quoted: the sentence above says it all. ?><?cs include:"mail/alert_macros.cs" ?>
<p style="margin:0 0 16px;">Hello<?cs if:Mail.Name ?> <?cs var:Mail.Name ?><?cs /if ?>,</p>
<p style="margin:0 0 16px;"><strong><?cs var:Mail.Who ?></strong><?cs if:Mail.Who != Mail.Customer ?> (<?cs var:Mail.Customer ?>)<?cs /if ?> approved <strong><?cs call:alert_about() ?></strong> on job #<?cs var:Mail.Job.Number ?>, <?cs var:Mail.Job.Title ?>.</p>
<?cs call:mail_button(Mail.Link, "Open the approved estimate") ?>
<p style="margin:0;color:#475467;">Every message from your customers is in the <a href="<?cs var:Mail.Inbox ?>" style="color:#0b5f8a;">inbox</a>.</p>
<?cs call:alert_unsub("approvals") ?>
