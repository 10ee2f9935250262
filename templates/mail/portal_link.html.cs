<?cs # "Email me a sign-in link" from /portal/login (inner content of layout/mail.cs). ?>
<p style="margin:0 0 16px;">Hello<?cs if:Mail.Name ?> <?cs var:Mail.Name ?><?cs /if ?>,</p>
<p style="margin:0 0 16px;">Here is your link to the customer portal of <strong><?cs var:Company.Name ?></strong>, where you can see your estimates and invoices and send us questions.</p>
<?cs call:mail_button(Mail.Link, "Open your portal") ?>
<p style="margin:0 0 16px;color:#475467;">The link works once and expires in <?cs call:expires() ?>. Don't forward this email: the link signs in whoever opens it.</p>
<p style="margin:0;">If you didn't ask for this, ignore this email.</p>
