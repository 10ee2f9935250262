<?cs # Customer alert: a document shared (one line). ?><?cs var:Mail.Doc.Label ?> from <?cs var:Company.Name ?><?cs if:Mail.Doc.Title ?> — <?cs var:Mail.Doc.Title ?><?cs /if ?>
