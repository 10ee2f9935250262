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
	else ?>Active<?cs /if ?></span><?cs /def ?><?cs

# An e-mail address that may wrap before its "@" and before the first "." after it (never
  mid-word unless one part alone is wider than the line). Byte offsets are safe here: both
  characters are ASCII. ?><?cs
def:email(addr) ?><?cs set:_email_at = string.find(addr, "@") ?><?cs
	if:_email_at > 0 ?><?cs
		set:_email_dom = string.slice(addr, _email_at + 1, string.length(addr)) ?><?cs
		set:_email_dot = string.find(_email_dom, ".") ?><?cs
		var:string.slice(addr, 0, _email_at) ?><wbr>@<?cs
		if:_email_dot > 0 ?><?cs var:string.slice(_email_dom, 0, _email_dot) ?><wbr><?cs var:string.slice(_email_dom, _email_dot, string.length(_email_dom)) ?><?cs
		else ?><?cs var:_email_dom ?><?cs /if ?><?cs
	else ?><?cs var:addr ?><?cs /if ?><?cs /def ?>