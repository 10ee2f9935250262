<?cs # The customer's copy of an approved estimate, its PDF attached (inner content of layout/mail.cs). ?>
<p style="margin:0 0 16px;">Hello<?cs if:Mail.Name ?> <?cs var:Mail.Name ?><?cs /if ?>,</p>
<p style="margin:0 0 16px;">Thank you for approving <strong>estimate #<?cs var:Mail.Number ?></strong> (version <?cs var:Mail.Revision ?>)<?cs if:Mail.Title ?>, <?cs var:Mail.Title ?><?cs /if ?>. <strong><?cs var:Company.Name ?></strong> has been told and will be in touch about the next steps.</p>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px;border-collapse:collapse;">
<tr><td style="padding:4px 16px 4px 0;color:#475467;">Total</td><td style="padding:4px 0;font-weight:700;"><?cs var:Mail.Total ?></td></tr><?cs
if:Mail.Deposit ?>
<tr><td style="padding:4px 16px 4px 0;color:#475467;">Deposit required</td><td style="padding:4px 0;font-weight:600;"><?cs var:Mail.Deposit ?></td></tr><?cs /if ?>
<tr><td style="padding:4px 16px 4px 0;color:#475467;">Approved by</td><td style="padding:4px 0;"><?cs var:Mail.ApprovedName ?></td></tr>
<tr><td style="padding:4px 16px 4px 0;color:#475467;">Approved on</td><td style="padding:4px 0;"><?cs var:Mail.ApprovedAt ?></td></tr>
</table>
<p style="margin:0 0 16px;">The approved estimate is attached as a PDF.</p>
<?cs call:mail_button(Mail.Link, "See it online") ?>
<p style="margin:0 0 16px;font-size:12px;color:#475467;">Fingerprint of exactly what you approved (SHA-256):<br><span style="font-family:monospace;word-break:break-all;"><?cs var:Mail.Hash ?></span></p>
<p style="margin:0;color:#475467;">Questions? Reply to this email or call us.</p>
