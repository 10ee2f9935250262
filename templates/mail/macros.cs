<?cs # Mail macros (macros only, no output: text mail includes this file too). Kept under
  mail/ because only mail may carry inline styles, which mail clients need. ?><?cs

# How long a link lasts: Mail.Expires ("7 days") when set, else Mail.ExpiresHours. One line. ?><?cs
def:expires() ?><?cs if:Mail.Expires ?><?cs var:Mail.Expires ?><?cs else ?><?cs var:Mail.ExpiresHours ?> hour<?cs if:Mail.ExpiresHours != 1 ?>s<?cs /if ?><?cs /if ?><?cs /def ?><?cs

# The call to action, then the same link as text for clients that hide buttons. ?><?cs
def:mail_button(href, label) ?>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:24px 0;">
<tr><td style="border-radius:6px;background:#0b5f8a;">
<a href="<?cs var:href ?>" style="display:inline-block;padding:12px 22px;border-radius:6px;color:#ffffff;font-weight:600;text-decoration:none;"><?cs var:label ?></a>
</td></tr>
</table>
<p style="margin:0 0 16px;font-size:13px;color:#475467;">Or paste this link into your browser:<br>
<a href="<?cs var:href ?>" style="color:#0b5f8a;word-break:break-all;"><?cs var:href ?></a></p>
<?cs /def ?>