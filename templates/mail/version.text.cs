<?cs # Customer alert: version (plain text).  The sender's message greets the reader itself
  (as in shared.*), else ours does.
?><?cs include:"mail/macros.cs" ?><?cs include:"mail/alert_macros.cs" ?><?cs if:Mail.Quote ?><?cs var:Mail.Quote ?>

<?cs call:alert_about() ?>: a new version. Earlier versions stay readable, and you can compare them side by side in the portal.<?cs else ?>Hello<?cs if:Mail.Name ?> <?cs var:Mail.Name ?><?cs /if ?>,

There is a new version of your <?cs var:Mail.Doc.Noun ?>: <?cs call:alert_about() ?>. Earlier versions stay readable, and you can compare them side by side in the portal.<?cs /if ?>

See the new version:
<?cs var:Mail.Link ?>

The link signs you in to our customer portal; it works once and expires in <?cs call:expires() ?>. You can ask questions and reply there, and everything stays in one place.

<?cs call:alert_call_us_text() ?>
<?cs call:alert_unsub_text("new versions") ?><?cs include:"mail/footer.text.cs" ?>
