<?cs # Security notice after a password change or reset (inner content of layout/mail.cs). ?>
<p style="margin:0 0 16px;">Hello<?cs if:Mail.Name ?> <?cs var:Mail.Name ?><?cs /if ?>,</p>
<p style="margin:0 0 16px;">The password of your Plumbline account at <strong><?cs var:Company.Name ?></strong> was changed.</p>
<p style="margin:0 0 16px;">When: <strong><?cs var:Mail.When ?></strong></p>
<p style="margin:0 0 16px;">If that was you, there's nothing more to do.</p>
<p style="margin:0;padding:12px 16px;background:#fef3f2;border-left:4px solid #b42318;color:#7a271a;">If it wasn't you, reset your password right away and tell the owner of your company.</p>
<?cs call:mail_button(Mail.Link, "Reset my password") ?>
