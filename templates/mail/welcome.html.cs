<?cs # Sent to the owner when a new company signs up (inner content of layout/mail.cs). ?>
<p style="margin:0 0 16px;font-size:20px;font-weight:bold;color:#0c2d48;">Welcome to Plumbline<?cs if:Mail.Name ?>, <?cs var:Mail.Name ?><?cs /if ?>!</p>
<p style="margin:0 0 16px;"><strong><?cs var:Company.Name ?></strong> is set up and you're its owner.</p>
<p style="margin:0 0 8px;">Good first steps:</p>
<ul style="margin:0 0 16px;padding-left:20px;">
<li style="margin:0 0 4px;">Check your company details and add your logo, so customers recognize you.</li>
<li style="margin:0;">Invite your team: office staff and field crews each get their own account.</li>
</ul>
<?cs if:Mail.Link ?><?cs call:mail_button(Mail.Link, "Open your back office") ?><?cs
else ?><?cs set:welcome_link = App.BaseUrl + "/app/" ?><?cs call:mail_button(welcome_link, "Open your back office") ?><?cs /if ?>
