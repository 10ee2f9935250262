<?cs # Small UI macros (macros only). ?><?cs

# One item of the back-office navigation; Page.Nav names the current one. ?><?cs
def:nav_item(key, href, label) ?>
<li><a href="<?cs var:href ?>"<?cs if:Page.Nav == key ?> aria-current="page"<?cs /if ?>><?cs var:label ?></a></li><?cs
/def ?><?cs

# A role badge: role is owner|office|field, label what people read. ?><?cs
def:role_badge(role, label) ?><span class="badge<?cs if:role ?> badge--<?cs var:role ?><?cs /if ?>"><?cs var:label ?></span><?cs /def ?><?cs

# A status badge: status is invited|active|removed; label may be empty. ?><?cs
def:status_badge(status, label) ?><span class="badge badge--<?cs var:status ?>"><?cs
	if:label ?><?cs var:label ?><?cs
	elif:status == "invited" ?>Invited<?cs
	elif:status == "removed" ?>Removed<?cs
	else ?>Active<?cs /if ?></span><?cs /def ?>