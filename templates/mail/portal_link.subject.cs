Your sign-in link for <?cs var:Company.Name ?>
