// The table of `make bench`, from the result lines tools/bench wrote
// (key=value words, one measurement a line).  Medians with min–max over the
// rounds; ratios are computed within each round, then their median is shown.
// Targets are read here, never asserted: the table says which are met.
//   node tests/bench/report.mjs results.txt
import { readFileSync } from 'node:fs';

const lines = readFileSync(process.argv[2], 'utf8').trim().split('\n').map((l) =>
	Object.fromEntries(l.split(' ').map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)])));
const of = (kind, f = () => true) => lines.filter((l) => l.kind === kind && f(l));
const meta = Object.fromEntries(of('meta').map((m) => [m.key, m.value.replace(/_/g, ' ')]));
const notes = Object.fromEntries(of('note').map((n) => [n.name, n.text.replace(/_/g, ' ')]));

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => { const s = sorted(xs); const n = s.length;
	return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
const fmt = (x, d = 0) => Number.isFinite(x) ? x.toLocaleString('en-US',
	{ minimumFractionDigits: d, maximumFractionDigits: d }) : 'n/a';
const spread = (xs, d = 0) => xs.length === 0 ? 'n/a' : xs.length === 1 ? fmt(xs[0], d) :
	`${fmt(median(xs), d)} (${fmt(Math.min(...xs), d)}–${fmt(Math.max(...xs), d)})`;
const mark = (ok) => ok === undefined ? '' : ok ? '  ✓' : '  ✗ MISSED';

// http: rounds ≥ 1 of one contender at one concurrency
const runs = (name, conns) => of('http', (l) => l.name === name && l.conns === String(conns) && l.round !== '0');
const col = (name, conns, key, scale = 1) => runs(name, conns).map((l) => Number(l[key]) / scale);
const byRound = (name, conns) => Object.fromEntries(runs(name, conns).map((l) => [l.round, l]));
const ratios = (a, b, conns, key, inv = false) => {
	const ra = byRound(a, conns), rb = byRound(b, conns);
	return Object.keys(ra).filter((r) => rb[r]).map((r) => inv ?
		Number(rb[r][key]) / Number(ra[r][key]) : Number(ra[r][key]) / Number(rb[r][key]));
};

const out = [];
const p = (s = '') => out.push(s);
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

p(`make bench — ${meta.date || ''}`);
p(`Machine: ${meta.machine || '?'}, ${meta.ram || '?'} RAM; ${meta.pinning || ''}; ${meta.workers || '?'} app workers, ` +
	`${meta.workers || '?'} php-fpm children, nginx 2 workers`);
p(`Load average (1, 5, 15 min): ${meta.load || '?'}`);
p(`Bytes per response: ${meta.bytes || '?'}; medians (min–max) of ${runs('P1', 32).length} interleaved rounds`);
p();

// Ratios first: they travel between machines, raw numbers do not.
const p1b = ratios('P1', 'B', 32, 'rps'), p1q = ratios('P1', 'Q', 32, 'rps');
const scale = ratios('P1', 'P1one', 32, 'rps', true);
const scaleLat = ratios('P1', 'P1one', 1, 'p50_us');
const p1p99 = col('P1', 32, 'p99_us', 1000), p1p50 = col('P1', 1, 'p50_us', 1000);
p('Ratios (within each round)                     median (min–max)      target');
const ratioRow = (label, xs, target, ok) => p(`  ${pad(label, 45)}${pad(spread(xs, 2), 23)}${target}${mark(ok)}`);
ratioRow('P1 / B   (page vs bare FastCGI, -c32 req/s)', p1b, '≥ 0.20', p1b.length ? median(p1b) >= 0.2 : undefined);
ratioRow('P1 / Q   (page vs plain PHP, -c32 req/s)', p1q, '≥ 2', p1q.length ? median(p1q) >= 2 : undefined);
ratioRow('scale    (one company ÷ 1,000, -c32 req/s)', scale, '≤ 1.2', scale.length ? median(scale) <= 1.2 : undefined);
ratioRow('scale    (1,000 ÷ one company, -c1 p50)', scaleLat, '≤ 1.2', scaleLat.length ? median(scaleLat) <= 1.2 : undefined);
ratioRow('P1 p99 at -c32 (ms)', p1p99, '≤ 10', p1p99.length ? median(p1p99) <= 10 : undefined);
ratioRow('P1 p50 at -c1, unloaded (ms)', p1p50, '≤ 0.35', p1p50.length ? median(p1p50) <= 0.35 : undefined);

const pdfOurs = of('pdf', (l) => l.who === 'ours'), pdfChrome = of('pdf', (l) => l.who === 'chromium');
const pdfRatio = (key) => pdfOurs.map((o) => {
	const c = pdfChrome.find((x) => x.round === o.round);
	return c ? Number(c[key]) / Number(o.pdf_ms_per_doc) : NaN;
}).filter(Number.isFinite);
if (pdfOurs.length) {
	const warm = pdfRatio('warm_ms'), cold = pdfRatio('cold_ms');
	ratioRow('PDF Chromium warm / ours', warm, '≥ 10', median(warm) >= 10);
	ratioRow('PDF Chromium cold / ours', cold, '≥ 100', median(cold) >= 100);
} else {
	p(`  ${pad('PDF Chromium / ours', 45)}${notes.PDF || 'n/a'}`);
}
const rss = (phase) => Object.fromEntries(of('rss', (l) => l.phase === phase).map((l) => [l.pid, Number(l.kb)]));
const rssWarm = rss('warm'), rssAfter = rss('after');
const growth = Object.keys(rssWarm).filter((pid) => rssAfter[pid]).map((pid) =>
	100 * (rssAfter[pid] - rssWarm[pid]) / rssWarm[pid]);
const served = of('served')[0]?.n;
ratioRow(`worker RSS growth, ${fmt(Number(served))} pages (%)`, growth, '≤ 10 %',
	growth.length ? Math.max(...growth) <= 10 : undefined);
p();

p('Throughput and latency             -c32 req/s              -c32 p99 ms             -c1 p50 ms             -c1 req/s');
const names = { A: 'A  nginx static file', B: 'B  bare FastCGI', P1: 'P1 invoices list',
	P1one: 'P1 on a one-company db', P2: 'P2 estimate page', P3: 'P3 portal dashboard', Q: 'Q  plain PHP list' };
for (const n of ['A', 'B', 'P1', 'P2', 'P3', 'Q', 'P1one']) {
	if (n === 'P3' && notes.P3) { p(`  ${pad(names[n], 33)}${notes.P3}`); continue; }
	if (!runs(n, 32).length) continue;
	p(`  ${pad(names[n], 33)}${pad(spread(col(n, 32, 'rps')), 24)}${pad(spread(col(n, 32, 'p99_us', 1000), 2), 24)}` +
		`${pad(spread(col(n, 1, 'p50_us', 1000), 3), 23)}${spread(col(n, 1, 'rps'))}`);
}
p();

p('PDF (a 2-page invoice with 40 lines and a QR code)   ms per document       bytes');
if (pdfOurs.length) {
	const ms = pdfOurs.map((l) => Number(l.pdf_ms_per_doc)), b = pdfOurs.map((l) => Number(l.bytes));
	p(`  ${pad('ours, in-process (plumbline pdf-bench)', 51)}${pad(spread(ms, 2), 22)}${fmt(median(b))}` +
		`${mark(median(ms) <= 4 && median(b) <= 80000)}  (target ≤ 4 ms, ≤ 80 KB)`);
} else {
	p(`  ${pad('ours, in-process', 51)}${notes.PDF || 'n/a'}`);
}
const cw = pdfChrome.map((l) => Number(l.warm_ms)), cl = pdfChrome.map((l) => Number(l.warm_load_ms));
const cc = pdfChrome.map((l) => Number(l.cold_ms));
p(`  ${pad('Chromium warm: page.pdf() of a loaded page', 51)}${pad(spread(cw, 1), 22)}${fmt(median(pdfChrome.map((l) => Number(l.warm_bytes))))}` +
	`  (${median(pdfChrome.map((l) => Number(l.pages)))} pages)`);
p(`  ${pad('  + loading the page first', 51)}${spread(cl, 1)}`);
p(`  ${pad('Chromium cold: one browser process per document', 51)}${pad(spread(cc, 0), 22)}${fmt(median(pdfChrome.map((l) => Number(l.cold_bytes))))}`);
p();

const maxMB = (m) => Math.max(...Object.values(m)) / 1024;
if (Object.keys(rssWarm).length) {
	p(`Worker RSS: ${Object.keys(rssWarm).length} workers, largest ${fmt(maxMB(rssWarm), 1)} MB after warm-up, ` +
		`${fmt(maxMB(rssAfter), 1)} MB after ${fmt(Number(served))} page requests` +
		`${mark(maxMB(rssAfter) <= 16)}  (target ≤ 16 MB)`);
	const gone = Object.keys(rssWarm).filter((pid) => !rssAfter[pid]);
	if (gone.length) p(`  ✗ workers replaced during the run: ${gone.join(', ')} (growth not measurable for them)`);
}
p(`Phases: ${of('phase').map((x) => `${x.name} ${x.secs}s`).join(', ')}; total ${meta.total_secs ?? '?'}s`);
console.log(out.join('\n'));
