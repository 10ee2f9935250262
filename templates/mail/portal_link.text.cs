<?cs # "Email me a sign-in link" from /portal/login (plain text).
?><?cs include:"mail/macros.cs" ?>Hello<?cs if:Mail.Name ?> <?cs var:Mail.Name ?><?cs /if ?>,

Here is your link to the customer portal of <?cs var:Company.Name ?>, where you can see your estimates and invoices and send us questions:
<?cs var:Mail.Link ?>

The link works once and expires in <?cs call:expires() ?>. Don't forward this email: the link signs in whoever opens it.

If you didn't ask for this, ignore this email.
<?cs include:"mail/footer.text.cs" ?>
