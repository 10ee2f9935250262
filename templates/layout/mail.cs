<!doctype html>
<?cs # HTML mail shell: simple tables and inline styles, the only place inline styles are
  allowed. Page.Template is mail/<kind>.html.cs. The footer always carries the
  contractor's contact details. ?><?cs
include:"partials/address.cs" ?><?cs include:"mail/macros.cs" ?>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title><?cs if:Mail.Subject ?><?cs var:Mail.Subject ?><?cs else ?><?cs var:Company.Name ?><?cs /if ?></title>
</head>
<body style="margin:0;padding:0;background:#f2f4f7;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f2f4f7;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;background:#ffffff;border:1px solid #e4e7ec;border-radius:8px;">
<tr><td style="padding:20px 28px;border-bottom:3px solid #0b5f8a;font-family:Arial,Helvetica,sans-serif;font-size:18px;line-height:1.3;font-weight:bold;color:#0c2d48;"><?cs var:Company.Name ?></td></tr>
<tr><td style="padding:28px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.55;color:#101828;">
<?cs include:Page.Template ?>
</td></tr>
<tr><td style="padding:20px 28px;background:#f8fafc;border-top:1px solid #e4e7ec;border-radius:0 0 8px 8px;font-family:Arial,Helvetica,sans-serif;font-size:13px;line-height:1.6;color:#475467;">
<strong style="color:#101828;"><?cs var:Company.Name ?></strong><?cs
if:Company.Street ?><br><?cs var:Company.Street ?><?cs /if ?><?cs
if:Company.City || Company.Region || Company.PostalCode ?><br><?cs call:locality(Company) ?><?cs /if ?><?cs
if:Company.Phone ?><br>Phone: <?cs var:Company.Phone ?><?cs /if ?><?cs
if:Company.Email ?><br>Email: <a href="mailto:<?cs var:Company.Email ?>" style="color:#0b5f8a;"><?cs var:Company.Email ?></a><?cs /if ?><?cs
if:Company.Hours ?><br><span style="white-space:pre-line;">Hours: <?cs var:Company.Hours ?></span><?cs /if ?>
</td></tr>
</table>
<p style="margin:16px 0 0;font-family:Arial,Helvetica,sans-serif;font-size:12px;line-height:1.5;color:#667085;">Sent by Plumbline on behalf of <?cs var:Company.Name ?>.</p>
</td></tr>
</table>
</body>
</html>
