<?cs var:Mail.Code ?> is your code for <?cs var:Company.Name ?>
