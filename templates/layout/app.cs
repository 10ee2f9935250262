<!doctype html>
<?cs # Back-office shell for signed-in staff. Page.Template is the inner page. ?><?cs
include:"partials/form.cs" ?><?cs include:"partials/ui.cs" ?><?cs include:"partials/address.cs" ?><?cs include:"partials/company.cs" ?>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs if:Page.Title ?><?cs var:Page.Title ?> · <?cs /if ?>Plumbline</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/css/app.css?v=<?cs var:App.AssetVersion ?>">
<link rel="stylesheet" href="/static/css/compare.css?v=<?cs var:App.AssetVersion ?>">
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="topbar">
<a class="brand" href="/app/"><?cs
if:Company.LogoHref ?><img class="brand__logo" src="<?cs var:Company.LogoHref ?>" alt="<?cs var:Company.Name ?>"><?cs
else ?><span class="brand__mark"><img src="/static/img/mark.svg" alt="" width="20" height="20"></span><span class="brand__name"><?cs var:Company.Name ?></span><?cs
/if ?></a>
<div class="usernav">
<p class="usernav__who"><span class="visually-hidden">Signed in as </span><span class="usernav__name"><?cs var:User.Name ?></span> <span class="usernav__role"><?cs var:User.RoleLabel ?></span></p>
<form method="post" action="/logout"><?cs call:csrf() ?><button class="btn btn--secondary btn--small" type="submit">Sign out</button></form>
</div>
</header>
<div class="shell">
<nav class="sidenav" aria-label="Main">
<ul><?cs
call:nav_item("dashboard", "/app/", "Dashboard") ?><?cs
if:User.Role == "owner" || User.Role == "office" ?>
<li><a href="/app/inbox"<?cs if:Page.Nav == "inbox" ?> aria-current="page"<?cs /if ?>>Inbox<?cs
	if:User.Unread ?> <span class="nav-count" data-unread="<?cs var:User.Unread ?>"><?cs var:User.Unread ?><span class="visually-hidden"> unread</span></span><?cs /if ?></a></li><?cs /if ?><?cs
call:nav_item("customers", "/app/customers", "Customers") ?><?cs
call:nav_item("jobs", "/app/jobs", "Jobs") ?><?cs
call:nav_item("schedule", "/app/schedule", "Schedule") ?><?cs
if:User.Role == "owner" || User.Role == "office" ?><?cs
	call:nav_item("estimates", "/app/estimates", "Estimates") ?><?cs
	call:nav_item("invoices", "/app/invoices", "Invoices") ?><?cs
	call:nav_item("price_book", "/app/price-book", "Price book") ?><?cs /if ?><?cs
if:User.Can.Team ?><?cs call:nav_item("staff", "/app/staff", "Team") ?><?cs /if ?><?cs
if:User.Can.SeeSettings ?><?cs call:nav_item("settings", "/app/settings", "Company settings") ?><?cs /if ?><?cs
call:nav_item("account", "/app/account", "My account") ?>
</ul>
</nav>
<main id="main" class="main" tabindex="-1">
<?cs call:flash() ?>
<?cs include:Page.Template ?>
</main>
</div>
</body>
</html>
