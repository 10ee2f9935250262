<?cs # A password reset link (inner content of layout/mail.cs). ?>
<p style="margin:0 0 16px;">Hello<?cs if:Mail.Name ?> <?cs var:Mail.Name ?><?cs /if ?>,</p>
<p style="margin:0 0 16px;">Someone asked to reset the password of your Plumbline account at <strong><?cs var:Company.Name ?></strong>. To choose a new password, use the button below.</p>
<?cs call:mail_button(Mail.Link, "Choose a new password") ?>
<p style="margin:0 0 16px;color:#475467;">The link works once and expires in <?cs call:expires() ?>.</p>
<p style="margin:0;">If you didn't ask for this, ignore this email: your password stays the same.</p>
