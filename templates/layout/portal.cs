<!doctype html>
<?cs # Shell of the customer portal (/portal/...): the contractor's name or logo on top, a short
  navigation (Home, Messages, Settings) when signed in with a proven address, Sign out
  whenever signed in; phone
  first. Portal.* comes from portal_page() in C; it never reads Company.* (a sign-in page
  must not show which company an address belongs to). Page.Template is the inner page. ?><?cs
include:"partials/form.cs" ?><?cs include:"partials/ui.cs" ?><?cs include:"partials/address.cs" ?><?cs include:"partials/company.cs" ?>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title><?cs if:Page.Title ?><?cs var:Page.Title ?> · <?cs /if ?><?cs if:Portal.CompanyName ?><?cs var:Portal.CompanyName ?><?cs else ?>Customer portal<?cs /if ?></title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/css/app.css?v=<?cs var:App.AssetVersion ?>">
<link rel="stylesheet" href="/static/css/portal.css?v=<?cs var:App.AssetVersion ?>">
<link rel="stylesheet" href="/static/css/compare.css?v=<?cs var:App.AssetVersion ?>">
</head>
<body class="portal">
<a class="skip-link" href="#main">Skip to main content</a>
<header class="portal-head">
<div class="portal-head__bar">
<?cs if:Portal.SignedIn ?><a class="portal-brand" href="/portal/"><?cs else ?><span class="portal-brand"><?cs /if ?><?cs
if:Portal.LogoHref ?><img class="portal-brand__logo" src="<?cs var:Portal.LogoHref ?>" alt="<?cs var:Portal.CompanyName ?>"><?cs
elif:Portal.CompanyName ?><span class="portal-brand__name"><?cs var:Portal.CompanyName ?></span><?cs
else ?><span class="portal-brand__name">Customer portal</span><?cs /if ?><?cs
if:Portal.SignedIn ?></a><?cs else ?></span><?cs /if ?><?cs
if:Portal.SignedIn ?>
<div class="portal-head__who">
<p><span class="visually-hidden">Signed in as </span><?cs var:Portal.Name ?></p>
<form method="post" action="/portal/logout"><?cs call:csrf() ?><button class="btn btn--secondary btn--small" type="submit">Sign out</button></form>
</div><?cs /if ?>
</div><?cs
if:Portal.Verified ?>
<nav class="portal-nav" aria-label="Portal">
<ul><?cs
	call:nav_item("home", "/portal/", "Home") ?>
<li><a href="/portal/messages"<?cs if:Page.Nav == "messages" ?> aria-current="page"<?cs /if ?>>Messages<?cs
	if:Portal.Unread ?> <span class="portal-nav__count"><?cs var:Portal.Unread ?><span class="visually-hidden"> unread</span></span><?cs /if ?></a></li><?cs
	call:nav_item("settings", "/portal/settings", "Settings") ?>
</ul>
</nav><?cs /if ?>
</header>
<main id="main" class="portal-main" tabindex="-1">
<?cs call:flash() ?>
<?cs include:Page.Template ?>
</main>
<footer class="portal-foot">
<p><?cs if:Portal.CompanyName ?>A customer portal of <?cs var:Portal.CompanyName ?>, run on Plumbline.<?cs else ?>Customer portal · Plumbline<?cs /if ?></p>
</footer>
</body>
</html>
