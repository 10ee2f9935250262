<?cs # Address macros (macros only; no output, safe in text mail). ?><?cs

# "City, Region Postal" from a node with City, Region and PostalCode; one line, so
  text mail can use it too. ?><?cs
def:locality(c) ?><?cs var:c.City ?><?cs if:c.City && (c.Region || c.PostalCode) ?>, <?cs /if ?><?cs var:c.Region ?><?cs if:c.Region && c.PostalCode ?> <?cs /if ?><?cs var:c.PostalCode ?><?cs /def ?>