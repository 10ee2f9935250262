<?cs # The 6-digit code that proves the address again (plain text).
?>Hello<?cs if:Mail.Name ?> <?cs var:Mail.Name ?><?cs /if ?>,

Your code for the customer portal of <?cs var:Company.Name ?> is:

    <?cs var:Mail.Code ?>

Type it on the page that asked for it. It works for <?cs var:Mail.ExpiresMinutes ?> minutes. We will never ask you for this code by phone.

If you didn't ask for a code, ignore this email: nobody can sign in with it without your device.
<?cs include:"mail/footer.text.cs" ?>
