<?cs # Staff alert: approval (plain text).  The history line it comes from is not
  quoted: the sentence says it all.
?><?cs include:"mail/macros.cs" ?><?cs include:"mail/alert_macros.cs" ?>Hello<?cs if:Mail.Name ?> <?cs var:Mail.Name ?><?cs /if ?>,

<?cs var:Mail.Who ?><?cs if:Mail.Who != Mail.Customer ?> (<?cs var:Mail.Customer ?>)<?cs /if ?> approved <?cs call:alert_about() ?> on job #<?cs var:Mail.Job.Number ?>, <?cs var:Mail.Job.Title ?>.

Open the approved estimate:
<?cs var:Mail.Link ?>

Every message from your customers is in the inbox: <?cs var:Mail.Inbox ?>
<?cs call:alert_unsub_text("approvals") ?><?cs include:"mail/footer.text.cs" ?>
