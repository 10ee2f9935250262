<?cs # GET /portal/: the customer's dashboard. Docs.Waiting (estimates to answer), Docs.ToPay
  (invoices with a balance), Docs.Answered (other estimates; Docs.AnsweredMixed when not all
  are approved), Docs.Done (paid or void invoices); Visits (coming, company time); the unread
  count is Portal.Unread. ?><?cs

def:portal_doc_rows(list) ?>
<ul class="portal-docs"><?cs each:d = list ?>
<li class="portal-doc">
<a class="portal-doc__link" href="<?cs var:d.Href ?>">
<span class="portal-doc__main">
<span class="portal-doc__num"><?cs var:d.Kind ?> #<?cs var:d.Number ?><?cs if:d.Version > 1 ?> <span class="muted">· version <?cs var:d.Version ?></span><?cs /if ?></span><?cs
	if:d.Title ?>
<span class="portal-doc__title"><?cs var:d.Title ?></span><?cs /if ?>
<span class="portal-doc__date small muted">Issued <?cs var:d.IssuedOn ?></span>
</span>
<span class="portal-doc__side">
<span class="badge badge--doc-<?cs var:d.Status ?>"><?cs var:d.StatusLabel ?></span>
<span class="portal-doc__money"><?cs if:d.Balance ?><span class="small muted">Balance</span> <strong><?cs var:d.Balance ?></strong><span class="small muted"> of <?cs var:d.Total ?></span><?cs else ?><strong><?cs var:d.Total ?></strong><?cs /if ?></span>
</span>
</a>
</li><?cs /each ?>
</ul><?cs /def ?>
<header class="portal-hello">
<h1>Hello<?cs if:Portal.Name ?> <?cs var:Portal.Name ?><?cs /if ?></h1>
<p class="muted">Your estimates and invoices from <?cs var:Company.Name ?><?cs if:Portal.CustomerName && Portal.CustomerName != Portal.Name ?>, for <?cs var:Portal.CustomerName ?><?cs /if ?>.</p>
</header><?cs
if:Portal.Unread ?>
<p class="alert alert--info portal-unread"><a href="/portal/messages">You have <?cs var:Portal.Unread ?> unread <?cs if:Portal.Unread == 1 ?>message<?cs else ?>messages<?cs /if ?></a></p><?cs /if ?>
<div class="stack">
<section class="card" aria-labelledby="waiting-title">
<h2 id="waiting-title" class="portal-h2">Waiting for your approval</h2><?cs
if:subcount(Docs.Waiting) > 0 ?><?cs call:portal_doc_rows(Docs.Waiting) ?><?cs
else ?>
<p class="muted">Nothing waits for you right now.</p><?cs /if ?>
</section>
<section class="card" aria-labelledby="pay-title">
<h2 id="pay-title" class="portal-h2">To pay</h2><?cs
if:subcount(Docs.ToPay) > 0 ?><?cs call:portal_doc_rows(Docs.ToPay) ?>
<p class="small muted">To pay, contact <?cs var:Company.Name ?><?cs if:Company.Phone ?> at <?cs var:Company.Phone ?><?cs /if ?><?cs if:Company.Email ?> or <?cs call:email(Company.Email) ?><?cs /if ?>.</p><?cs
else ?>
<p class="muted">You have no open invoices.</p><?cs /if ?>
</section><?cs
if:subcount(Visits) > 0 ?>
<section class="card" aria-labelledby="visits-title">
<h2 id="visits-title" class="portal-h2">Coming visits</h2>
<ul class="portal-visits"><?cs each:v = Visits ?>
<li><strong><?cs var:v.When ?></strong> <span class="muted">until <?cs var:v.Until ?></span><br><?cs var:v.Job ?></li><?cs /each ?>
</ul>
</section><?cs /if ?><?cs
if:subcount(Docs.Answered) > 0 ?>
<section class="card" aria-labelledby="answered-title">
<h2 id="answered-title" class="portal-h2"><?cs if:Docs.AnsweredMixed ?>Answered estimates<?cs else ?>Approved<?cs /if ?></h2>
<?cs call:portal_doc_rows(Docs.Answered) ?>
</section><?cs /if ?><?cs
if:subcount(Docs.Done) > 0 ?>
<section class="card" aria-labelledby="done-title">
<h2 id="done-title" class="portal-h2">Paid</h2>
<?cs call:portal_doc_rows(Docs.Done) ?>
</section><?cs /if ?>
<section class="card portal-contact" aria-labelledby="contact-title">
<h2 id="contact-title" class="portal-h2">You can still call us</h2>
<p><strong><?cs var:Company.Name ?></strong><?cs
if:Company.Street ?><br><?cs var:Company.Street ?><?cs /if ?><?cs
if:Company.City || Company.Region || Company.PostalCode ?><br><?cs call:locality(Company) ?><?cs /if ?></p>
<p><?cs if:Company.Phone ?>Phone: <a href="<?cs var:Company.PhoneHref ?>"><?cs var:Company.Phone ?></a><br><?cs /if ?><?cs
if:Company.Email ?>Email: <a href="mailto:<?cs var:Company.Email ?>"><?cs call:email(Company.Email) ?></a><?cs /if ?></p><?cs
if:Company.Hours ?>
<p class="pre-line small muted"><?cs var:Company.Hours ?></p><?cs /if ?>
</section>
</div>
