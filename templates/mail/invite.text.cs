<?cs # A staff invitation (plain text).
?><?cs include:"mail/macros.cs" ?>Hello<?cs if:Mail.Name ?> <?cs var:Mail.Name ?><?cs /if ?>,

<?cs var:Inviter.Name ?> invited you to join <?cs var:Company.Name ?> on Plumbline, where the team keeps its customers, jobs, estimates and invoices.

Your role: <?cs var:Mail.RoleLabel ?>

Accept the invitation and choose your password here:
<?cs var:Mail.Link ?>

This link works once and expires in <?cs call:expires() ?>. If you weren't expecting this invitation, you can ignore this email.
<?cs include:"mail/footer.text.cs" ?>
