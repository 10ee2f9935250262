<?cs # The customer's copy of an approved estimate (one line). ?>Your approved estimate #<?cs var:Mail.Number ?> from <?cs var:Company.Name ?>
