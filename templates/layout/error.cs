<!doctype html>
<?cs # Shell for error pages: no navigation and no user data, so it renders for anyone
  and after any failure. Page.Template is error/error.cs. ?>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs if:Page.Title ?><?cs var:Page.Title ?><?cs else ?><?cs var:Error.Title ?><?cs /if ?> · Plumbline</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/css/app.css?v=<?cs var:App.AssetVersion ?>">
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="public-head">
<a href="/"><img src="/static/img/logo.svg" alt="Plumbline home" width="176" height="41"></a>
</header>
<main id="main" class="public-main" tabindex="-1">
<?cs include:Page.Template ?>
</main>
</body>
</html>
