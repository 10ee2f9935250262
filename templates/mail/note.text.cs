<?cs # Staff alert: note (plain text).
?><?cs include:"mail/macros.cs" ?><?cs include:"mail/alert_macros.cs" ?>Hello<?cs if:Mail.Name ?> <?cs var:Mail.Name ?><?cs /if ?>,

<?cs var:Mail.Who ?><?cs if:Mail.Who != Mail.Customer ?> (<?cs var:Mail.Customer ?>)<?cs /if ?> wrote a note about <?cs call:alert_about() ?> on job #<?cs var:Mail.Job.Number ?>, <?cs var:Mail.Job.Title ?>.
<?cs call:alert_quote_text(Mail.Quote) ?>
Read and reply:
<?cs var:Mail.Link ?>

Every message from your customers is in the inbox: <?cs var:Mail.Inbox ?>
<?cs call:alert_unsub_text("customer notes and questions") ?><?cs include:"mail/footer.text.cs" ?>
