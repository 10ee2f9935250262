<?cs # The customer's copy of an approved estimate, its PDF attached (plain text).
?><?cs include:"mail/macros.cs" ?>Hello<?cs if:Mail.Name ?> <?cs var:Mail.Name ?><?cs /if ?>,

Thank you for approving estimate #<?cs var:Mail.Number ?> (version <?cs var:Mail.Revision ?>)<?cs if:Mail.Title ?>, <?cs var:Mail.Title ?><?cs /if ?>. <?cs var:Company.Name ?> has been told and will be in touch about the next steps.

Total: <?cs var:Mail.Total ?><?cs if:Mail.Deposit ?>
Deposit required: <?cs var:Mail.Deposit ?><?cs /if ?>
Approved by: <?cs var:Mail.ApprovedName ?>
Approved on: <?cs var:Mail.ApprovedAt ?>

The approved estimate is attached as a PDF. Its fingerprint (SHA-256 of exactly what you approved) is:
<?cs var:Mail.Hash ?>

See it online, ask a question or follow the work:
<?cs var:Mail.Link ?>

Questions? Reply to this email or call us.
<?cs include:"mail/footer.text.cs" ?>
