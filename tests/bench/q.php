<?php
/*
 * Page Q of `make bench`: the back-office invoices list (GET /app/invoices,
 * first page, no filter) written in plain PHP — PDO prepared statements
 * (server-side, persistent connection), htmlspecialchars — against the same
 * database, running the same statements as the C page (the session
 * look-up with currency, time zone and unread badge, its once-a-minute
 * touch, the list: SQL text copied from fcgi/db_sessions.c Q_LOAD and
 * fcgi/db_documents.c Q_LIST) and printing the same HTML, byte for byte
 * (tools/bench diffs the two).  It is the floor of what a PHP peer built on a framework can
 * do, not a product page: it lives under tests/bench/ only.
 * Environment (php-fpm pool): Q_DB_SOCKET, Q_DB_NAME, Q_DB_USER,
 * Q_DB_PASSWORD, Q_SECRET, Q_ASSET_VERSION (App.AssetVersion: the newest
 * mtime under templates/static, as fcgi/render.c computes it once).
 */
declare(strict_types=1);

const IDLE_S = 1800;
const ABSOLUTE_S = 43200;

function h(string $s): string
{
	return htmlspecialchars($s, ENT_QUOTES | ENT_HTML5, 'UTF-8');
}

function money(int $cents): string
{
	$sign = $cents < 0 ? '-' : '';
	$c = abs($cents);
	return $sign . '$' . number_format(intdiv($c, 100)) . '.' . sprintf('%02d', $c % 100);
}

function day(string $ymd): string
{
	return $ymd === '' ? '' : DateTimeImmutable::createFromFormat('!Y-m-d', $ymd)->format('j M Y');
}

function b64url(string $raw): string
{
	return rtrim(strtr(base64_encode($raw), '+/', '-_'), '=');
}

$tok = $_COOKIE['pl_session'] ?? '';
if (strlen($tok) !== 43 || strspn($tok, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_') !== 43) {
	header('Location: /login?next=%2Fapp%2Finvoices', true, 303);
	exit;
}

$db = new PDO('mysql:unix_socket=' . getenv('Q_DB_SOCKET') . ';dbname=' . getenv('Q_DB_NAME') . ';charset=utf8mb4',
	getenv('Q_DB_USER'), getenv('Q_DB_PASSWORD'), [
		PDO::ATTR_PERSISTENT => true,
		PDO::ATTR_EMULATE_PREPARES => false,
		PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,
	]);

$hash = hash('sha256', $tok, true);
$st = $db->prepare("SELECT s.user_id, s.company_id, u.role, u.name, u.email, c.name, "
	. "TIMESTAMPDIFF(SECOND, s.last_seen_at, NOW()), c.logo_file IS NOT NULL, "
	. "c.currency, c.timezone, "
	. "GREATEST(CAST(c.customer_events AS SIGNED) - "
	. "u.seen_customer_events, 0) "
	. "FROM sessions s "
	. "JOIN users u ON u.id = s.user_id AND u.company_id = s.company_id "
	. "JOIN companies c ON c.id = s.company_id "
	. "WHERE s.token_hash = ? AND u.status = 'active' "
	. "AND s.last_seen_at > NOW() - INTERVAL ? SECOND "
	. "AND s.created_at > NOW() - INTERVAL ? SECOND");
$st->execute([$hash, IDLE_S, ABSOLUTE_S]);
$sess = $st->fetch(PDO::FETCH_NUM);
$st->closeCursor();
if ($sess === false) {
	header('Location: /login?next=%2Fapp%2Finvoices', true, 303);
	exit;
}
[$userId, $company, $role, $userName, , $companyName, $idle, , $currency, $tz, $unread] = $sess;
if ($role !== 'owner' && $role !== 'office') {
	http_response_code(403);
	exit;
}
if ((int)$idle >= 60) {
	$db->prepare("UPDATE sessions SET last_seen_at = NOW() WHERE company_id = ? AND token_hash = ?")
		->execute([$company, $hash]);
}
$today = (new DateTimeImmutable('now', new DateTimeZone($tz)))->format('Y-m-d');

$st = $db->prepare("SELECT d.id, d.number, d.revision, d.status, d.title, "
	. "COALESCE(IF(d.kind = 'estimate', d.valid_until, d.due_on), ''), d.total_cents, "
	. "d.paid_cents, d.customer_name FROM documents d "
	. "FORCE INDEX (documents_board) "
	. "WHERE d.company_id = ? AND d.kind = ? "
	. "AND d.status <> 'superseded' "
	. "AND (? = '' OR d.status = ? "
	. "OR (? = 'unpaid' AND d.status IN ('sent', 'partial')) "
	. "OR (? = 'overdue' AND d.status IN ('sent', 'partial') "
	. "AND d.due_on < ?)) "
	. "AND (? = 0 OR d.number < ? OR (d.number = ? AND d.revision < ?)) "
	. "AND (? = '' OR d.number = ? OR d.customer_name LIKE ? "
	. "OR d.title LIKE ?) "
	. "ORDER BY d.number DESC, d.revision DESC LIMIT 51");
$st->execute([$company, 'invoice', '', '', '', '', $today, 0, 0, 0, 0, '', -1, '%', '%']);
$rows = $st->fetchAll(PDO::FETCH_NUM);

$labels = ['draft' => 'Draft', 'sent' => 'Sent', 'approved' => 'Approved', 'declined' => 'Declined',
	'superseded' => 'Superseded', 'partial' => 'Partly paid', 'paid' => 'Paid', 'void' => 'Void'];
$csrf = b64url(hash_hmac('sha256', 'csrf:' . $tok, getenv('Q_SECRET'), true));
$assets = getenv('Q_ASSET_VERSION');
$roleLabel = $role === 'owner' ? 'Owner' : 'Office';
$nav = [['/app/', 'Dashboard'], ['/app/inbox', 'Inbox'], ['/app/customers', 'Customers'], ['/app/jobs', 'Jobs'],
	['/app/schedule', 'Schedule'], ['/app/estimates', 'Estimates'], ['/app/invoices', 'Invoices'],
	['/app/price-book', 'Price book'], ['/app/staff', 'Team'], ['/app/settings', 'Company settings'],
	['/app/account', 'My account']];
$filters = ['' => 'All', 'draft' => 'Draft', 'unpaid' => 'Unpaid', 'overdue' => 'Overdue',
	'partial' => 'Partly paid', 'paid' => 'Paid', 'void' => 'Void'];

header('Content-Type: text/html; charset=utf-8');
header('Cache-Control: private, no-store');
?>
<!doctype html>

<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Invoices · Plumbline</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/css/app.css?v=<?= h($assets) ?>">
<link rel="stylesheet" href="/static/css/compare.css?v=<?= h($assets) ?>">
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="topbar">
<a class="brand" href="/app/"><span class="brand__mark"><img src="/static/img/mark.svg" alt="" width="20" height="20"></span><span class="brand__name"><?= h($companyName) ?></span></a>
<div class="usernav">
<p class="usernav__who"><span class="visually-hidden">Signed in as </span><span class="usernav__name"><?= h($userName) ?></span> <span class="usernav__role"><?= h($roleLabel) ?></span></p>
<form method="post" action="/logout"><input type="hidden" name="csrf" value="<?= h($csrf) ?>"><button class="btn btn--secondary btn--small" type="submit">Sign out</button></form>
</div>
</header>
<div class="shell">
<nav class="sidenav" aria-label="Main">
<ul>
<?php foreach ($nav as [$href, $label]): ?>
<li><a href="<?= h($href) ?>"<?= $href === '/app/invoices' ? ' aria-current="page"' : '' ?>><?= h($label) ?><?php
	if ($href === '/app/inbox' && (int)$unread > 0): ?> <span class="nav-count" data-unread="<?= (int)$unread ?>"><?= (int)$unread ?><span class="visually-hidden"> unread</span></span><?php endif ?></a></li>
<?php endforeach ?>
</ul>
</nav>
<main id="main" class="main" tabindex="-1">



<link rel="stylesheet" href="/static/css/documents.css?v=<?= h($assets) ?>">
<header class="page-head">
<div>
<h1>Invoices</h1>
<p class="muted">What your customers owe, and what they paid.</p>
</div>
<a class="btn btn--primary" href="/app/invoices/new">New invoice</a>
</header>
<form class="doc-filters" method="get" action="/app/invoices" role="search" aria-label="Filter Invoices">
<div class="field">
<label for="f-status">Status</label>
<select class="select" id="f-status" name="status">
<?php foreach ($filters as $v => $label): ?>
<option value="<?= h($v) ?>"<?= $v === '' ? ' selected' : '' ?>><?= h($label) ?></option>
<?php endforeach ?>
</select>
</div>
<div class="field">
<label for="f-q">Search</label>
<input class="input" type="search" id="f-q" name="q" value="" autocomplete="off" placeholder="Number or customer">
</div>
<div class="doc-filters__go"><button class="btn btn--secondary" type="submit">Filter</button></div>
</form>
<section class="card card--flush" aria-labelledby="list-title">
<div class="card__head">
<h2 id="list-title">All invoices</h2>
</div>
<div class="table-wrap">
<table class="table table--stack doc-list">
<thead>
<tr><th scope="col">Number</th><th scope="col">Customer</th><th scope="col">Status</th><th scope="col" class="num">Total</th><th scope="col" class="num">Balance</th><th scope="col">Due</th></tr>
</thead>
<tbody>
<?php foreach (array_slice($rows, 0, 50) as $d):
	[$id, $number, , $status, $title, $until, $total, $paid, $customer] = $d;
	$open = $status === 'sent' || $status === 'partial';
	$balance = $status === 'void' ? 0 : (int)$total - (int)$paid;
?>
<tr>
<td data-label="Number" class="nowrap"><a href="/app/invoices/<?= (int)$id ?>"><strong>#<?= (int)$number ?></strong></a><?php if ($title !== ''): ?><br><span class="muted small"><?= h($title) ?></span><?php endif ?></td>
<td data-label="Customer"><?= h($customer) ?></td>
<td data-label="Status"><span class="badge badge--doc-<?= h($status) ?>"><?= h($labels[$status]) ?></span><?php if ($open && $until !== '' && $until < $today): ?> <span class="badge badge--doc-overdue">Overdue</span><?php endif ?></td>
<td data-label="Total" class="num nowrap"><?= h(money((int)$total)) ?></td>
<td data-label="Balance" class="num nowrap"><?= h(money($balance)) ?></td>
<td data-label="Due" class="nowrap small"><?= h(day($until)) ?></td>
</tr>
<?php endforeach ?>
</tbody>
</table>
</div>
<?php if (count($rows) > 50): $last = $rows[49]; ?>
<nav class="doc-pager" aria-label="Pages of Invoices"><a href="/app/invoices?before=<?= (int)$last[1] ?>&amp;rev=<?= (int)$last[2] ?>">Older</a>
</nav>
<?php endif ?>
</section>

</main>
</div>
</body>
</html>
