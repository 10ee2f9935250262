<?cs # A password reset link (plain text).
?><?cs include:"mail/macros.cs" ?>Hello<?cs if:Mail.Name ?> <?cs var:Mail.Name ?><?cs /if ?>,

Someone asked to reset the password of your Plumbline account at <?cs var:Company.Name ?>. To choose a new password, open this link:
<?cs var:Mail.Link ?>

The link works once and expires in <?cs call:expires() ?>.

If you didn't ask for this, ignore this email: your password stays the same.
<?cs include:"mail/footer.text.cs" ?>
