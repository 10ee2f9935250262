<?cs # The end of every text mail: the contractor's contact details, one line each when set.
?><?cs include:"partials/address.cs" ?>
-- 
<?cs var:Company.Name ?>
<?cs if:Company.Street ?><?cs var:Company.Street ?>
<?cs /if ?><?cs if:Company.City || Company.Region || Company.PostalCode ?><?cs call:locality(Company) ?>
<?cs /if ?><?cs if:Company.Phone ?>Phone: <?cs var:Company.Phone ?>
<?cs /if ?><?cs if:Company.Email ?>Email: <?cs var:Company.Email ?>
<?cs /if ?><?cs if:Company.Hours ?>Hours: <?cs var:Company.Hours ?>
<?cs /if ?>
Sent by Plumbline on behalf of <?cs var:Company.Name ?>.
