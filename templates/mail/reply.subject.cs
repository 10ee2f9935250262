<?cs # Customer alert: a reply (one line). ?><?cs var:Company.Name ?> replied about <?cs if:Mail.Doc.Label ?><?cs var:Mail.Doc.Label ?><?cs else ?>job #<?cs var:Mail.Job.Number ?><?cs /if ?>
