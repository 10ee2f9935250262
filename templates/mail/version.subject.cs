<?cs # Customer alert: a new version (one line). ?>New version of <?cs var:Mail.Doc.Label ?> from <?cs var:Company.Name ?>
