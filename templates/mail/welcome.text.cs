<?cs # Sent to the owner when a new company signs up (plain text).
?>Welcome to Plumbline<?cs if:Mail.Name ?>, <?cs var:Mail.Name ?><?cs /if ?>!

<?cs var:Company.Name ?> is set up and you're its owner. Your back office is here:
<?cs if:Mail.Link ?><?cs var:Mail.Link ?><?cs else ?><?cs var:App.BaseUrl ?>/app/<?cs /if ?>

Good first steps:
- check your company details and add your logo, so customers recognize you
- invite your team: office staff and field crews each get their own account
<?cs include:"mail/footer.text.cs" ?>
