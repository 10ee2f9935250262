<!doctype html>
<?cs # Shell for signed-out pages (sign in, sign up, password, invitation, dev mail).
  The inner page brings its own card. ?><?cs
include:"partials/form.cs" ?><?cs include:"partials/ui.cs" ?><?cs include:"partials/address.cs" ?><?cs include:"partials/company.cs" ?>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs if:Page.Title ?><?cs var:Page.Title ?> · <?cs /if ?>Plumbline</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/css/app.css?v=<?cs var:App.AssetVersion ?>">
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="public-head">
<a href="/"><img src="/static/img/logo.svg" alt="Plumbline home" width="176" height="41"></a>
</header>
<main id="main" class="public-main" tabindex="-1">
<?cs call:flash() ?>
<?cs include:Page.Template ?>
</main>
<footer class="public-foot">
<p>Plumbline · Software for repair and remodeling contractors</p>
</footer>
</body>
</html>
