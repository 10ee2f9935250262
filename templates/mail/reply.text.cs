<?cs # Customer alert: reply (plain text).
?><?cs include:"mail/macros.cs" ?><?cs include:"mail/alert_macros.cs" ?>Hello<?cs if:Mail.Name ?> <?cs var:Mail.Name ?><?cs /if ?>,

<?cs if:Mail.Who ?><?cs var:Mail.Who ?> at <?cs /if ?><?cs var:Company.Name ?> wrote to you about <?cs call:alert_about() ?>:
<?cs call:alert_quote_text(Mail.Quote) ?>
Reply in the portal:
<?cs var:Mail.Link ?>

The link signs you in to our customer portal; it works once and expires in <?cs call:expires() ?>. You can ask questions and reply there, and everything stays in one place.

<?cs call:alert_call_us_text() ?>
<?cs call:alert_unsub_text("replies") ?><?cs include:"mail/footer.text.cs" ?>
