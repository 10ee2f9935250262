<?cs # A staff invitation (inner content of layout/mail.cs). ?>
<p style="margin:0 0 16px;">Hello<?cs if:Mail.Name ?> <?cs var:Mail.Name ?><?cs /if ?>,</p>
<p style="margin:0 0 16px;"><strong><?cs var:Inviter.Name ?></strong> invited you to join <strong><?cs var:Company.Name ?></strong> on Plumbline, where the team keeps its customers, jobs, estimates and invoices.</p>
<p style="margin:0 0 16px;">Your role: <strong><?cs var:Mail.RoleLabel ?></strong></p>
<?cs call:mail_button(Mail.Link, "Accept the invitation") ?>
<p style="margin:0;color:#475467;">This link works once and expires in <?cs call:expires() ?>. If you weren't expecting this invitation, you can ignore this email.</p>
