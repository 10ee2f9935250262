<?cs # Customer alert: shared (plain text).
?><?cs include:"mail/macros.cs" ?><?cs include:"mail/alert_macros.cs" ?><?cs if:Mail.Quote ?><?cs var:Mail.Quote ?><?cs else ?>Hello<?cs if:Mail.Name ?> <?cs var:Mail.Name ?><?cs /if ?>,

<?cs var:Company.Name ?> shared a document with you.<?cs /if ?>

<?cs call:alert_about() ?><?cs if:Mail.Who ?>
Sent by <?cs var:Mail.Who ?>, <?cs var:Company.Name ?><?cs /if ?>

View your <?cs var:Mail.Doc.Noun ?> here:
<?cs var:Mail.Link ?>

The link signs you in to our customer portal; it works once and expires in <?cs call:expires() ?>. You can ask questions and reply there, and everything stays in one place.

<?cs call:alert_call_us_text() ?>
<?cs call:alert_unsub_text("new estimates and invoices") ?><?cs include:"mail/footer.text.cs" ?>
