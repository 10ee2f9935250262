<?cs # The 6-digit code that proves the address again (inner content of layout/mail.cs). ?>
<p style="margin:0 0 16px;">Hello<?cs if:Mail.Name ?> <?cs var:Mail.Name ?><?cs /if ?>,</p>
<p style="margin:0 0 16px;">Your code for the customer portal of <strong><?cs var:Company.Name ?></strong> is:</p>
<p style="margin:0 0 16px;font-family:Consolas,Menlo,monospace;font-size:30px;font-weight:bold;letter-spacing:6px;color:#0c2d48;"><?cs var:Mail.Code ?></p>
<p style="margin:0 0 16px;color:#475467;">Type it on the page that asked for it. It works for <?cs var:Mail.ExpiresMinutes ?> minutes. We will never ask you for this code by phone.</p>
<p style="margin:0;">If you didn't ask for a code, ignore this email: nobody can sign in with it without your device.</p>
