<?cs # Customer alert: version (plain text).
?><?cs include:"mail/macros.cs" ?><?cs include:"mail/alert_macros.cs" ?>Hello<?cs if:Mail.Name ?> <?cs var:Mail.Name ?><?cs /if ?>,

There is a new version of your <?cs var:Mail.Doc.Noun ?>: <?cs call:alert_about() ?>. Earlier versions stay readable, and you can compare them side by side in the portal.
<?cs call:alert_quote_text(Mail.Quote) ?>
See the new version:
<?cs var:Mail.Link ?>

The link signs you in to our customer portal; it works once and expires in <?cs call:expires() ?>. You can ask questions and reply there, and everything stays in one place.

<?cs call:alert_call_us_text() ?>
<?cs call:alert_unsub_text("new versions") ?><?cs include:"mail/footer.text.cs" ?>
