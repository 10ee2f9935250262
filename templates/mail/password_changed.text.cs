<?cs # Security notice after a password change or reset (plain text).
?>Hello<?cs if:Mail.Name ?> <?cs var:Mail.Name ?><?cs /if ?>,

The password of your Plumbline account at <?cs var:Company.Name ?> was changed.

When: <?cs var:Mail.When ?>

If that was you, there's nothing more to do.

If it wasn't you, reset your password right away with this link, and tell the owner of your company:
<?cs var:Mail.Link ?>
<?cs include:"mail/footer.text.cs" ?>
