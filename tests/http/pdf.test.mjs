/*
 * PDFs of estimates and invoices (F3) checked with independent tools:
 * qpdf --check, pdfinfo (pages, title, author), pdftotext (every line, the
 * totals, accented names), pdffonts (embedded), zbarimg on a 150 dpi render
 * (the QR is exactly the document's address), and that address: the public
 * verification page, 404 for a changed token, a draft, another company.
 * Also the same bytes for the same version, bad input that still gives a
 * valid file (500 lines, 2,000-character text, Greek, emoji, an empty
 * estimate, a corrupt logo), and the paper size setting.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { BASE_URL, STACK_DIR, Client, addStaff, db, dbValue, sqlString, textOf } from '../lib/index.mjs';
import { company, makeJob, newDoc } from './documents-fixtures.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'pdf-test-'));
let seq = 0;

/* The PDF bytes in a file; resolves its path. */
function save(buf) {
	const f = join(tmp, `doc-${++seq}.pdf`);
	writeFileSync(f, buf);
	return f;
}

const run = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/* Every check a PDF must pass; resolves { text, info, fonts, qr }. */
function inspect(file) {
	run('qpdf', ['--check', file]);
	const info = run('pdfinfo', [file]);
	const text = run('pdftotext', ['-layout', file, '-']);
	const fonts = run('pdffonts', [file]);
	const prefix = join(tmp, `r${seq}`);
	run('pdftoppm', ['-r', '150', '-png', file, prefix]);
	const pngs = readdirSync(tmp).filter((f) => f.startsWith(`r${seq}-`)).map((f) => join(tmp, f));
	const qr = pngs.map((p) => {
		try { return run('zbarimg', ['--raw', '-q', p]).trim(); } catch { return ''; }
	}).filter(Boolean);
	return { info, text, fonts, qr, pages: Number(/Pages:\s+(\d+)/.exec(info)[1]) };
}

const LINES = Array.from({ length: 60 }, (_, i) => ({
	desc: `Línea ${i + 1}: tubería de cobre ½" — Größe ${i % 7} (niño)`, qty: String(1 + (i % 3)), unit: 'ea',
	price: `${10 + i}.25`,
}));

describe('the PDF of an invoice with 60 lines and UTF-8 names', () => {
	let owner, job, id, file, out, token;

	before(async () => {
		owner = await company({ name: `Fontanería Muñoz & Straße ${Date.now() % 100000}` });
		job = await makeJob(owner.companyId, { customer: 'José Ñúñez-Weiß', street: '5 Rue Déjà-Vu', city: 'Málaga' });
		id = await newDoc(owner.client, 'invoice', job.jobId, {
			title: 'Re-piping, planta baja', due_on: '2026-04-01', tax_rate: '8.25', lines: LINES,
			terms: 'Zahlbar innerhalb 30 Tagen — merci.', notes: 'Notes: café ☕ ok',
		});
		assert.equal((await owner.client.post(`/app/invoices/${id}/send`, {})).status, 303);
		const res = await owner.client.get(`/app/invoices/${id}/pdf`);
		assert.equal(res.status, 200);
		assert.equal(res.headers['content-type'], 'application/pdf');
		assert.match(res.headers['content-disposition'], /^attachment; filename="Invoice-\d+-Fontaneria-Munoz-Strasse-\d+\.pdf"; filename\*=UTF-8''Invoice-\d+-Fontaner%C3%ADa-Mu%C3%B1oz-%26-Stra%C3%9Fe-\d+\.pdf$/);
		assert.match(res.headers['cache-control'], /private/);
		file = save(res.body);
		out = inspect(file);
		token = await dbValue(`SELECT token FROM documents WHERE id = ${id}`);
	});

	it('passes qpdf --check, has the pages expected and its metadata', () => {
		assert.ok(out.pages >= 2 && out.pages <= 4, `pages: ${out.pages}`);
		assert.match(out.info, /Title:\s+Invoice #\d+ — Re-piping, planta baja/);
		assert.match(out.info, /Author:\s+Fontanería Muñoz & Straße/);
	});

	it('has every line, the totals and the accented names as text', async () => {
		const flat = out.text.replace(/\s+/g, ' ');
		for (const l of LINES)
			assert.ok(flat.includes(l.desc), `missing: ${l.desc}`);
		const total = Number(await dbValue(`SELECT total_cents FROM documents WHERE id = ${id}`));
		const fmt = (c) => `$${(c / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
		assert.ok(flat.includes(`Total ${fmt(total)}`), `total ${fmt(total)}`);
		assert.ok(flat.includes(`Balance due ${fmt(total)}`));
		for (const s of ['José Ñúñez-Weiß', '5 Rue Déjà-Vu', 'Málaga', 'Zahlbar innerhalb 30 Tagen — merci.', 'Page 1 of'])
			assert.ok(flat.includes(s), `missing: ${s}`);
		assert.ok(flat.includes('café ? ok'), 'the emoji is a visible placeholder');
	});

	it('embeds its fonts', () => {
		const rows = out.fonts.split('\n').slice(2).filter(Boolean);
		assert.ok(rows.length >= 2);
		for (const r of rows)
			assert.match(r, /DejaVuSans.*\byes\b/, r);
	});

	it('is at most 80 KB, logo-less, with its 60 lines (the fonts are the cut ones of build/fonts)', async () => {
		const res = await owner.client.get(`/app/invoices/${id}/pdf`);
		assert.ok(res.body.length <= 80 * 1024, `${res.body.length} bytes`);
	});

	it('holds a QR code that decodes to exactly its portal address, which answers', async () => {
		assert.deepEqual(out.qr, [`${BASE_URL}/d/${token}`]);
		assert.match(token, /^[A-Za-z0-9_-]{43}$/);
		const page = await new Client().get(`/d/${token}`);
		assert.equal(page.status, 200);
		assert.equal(page.headers['referrer-policy'], 'no-referrer');
		assert.match(page.headers['x-robots-tag'], /noindex/);
		const t = textOf(page.text);
		assert.match(t, /Genuine and current/);
		assert.match(t, /Invoice #\d+ ✓ Genuine and current/, 'version 1 is not named, as on the PDF');
		assert.doesNotMatch(t, /· version|Version 1|Approve/, 'no version 1, and an invoice is paid, not approved');
		assert.match(t, /\bPay\b/);
		assert.match(t, /Sign in to the customer portal/);
		assert.ok(!t.includes('José'), 'no personal data on the page');
		assert.match(page.text, new RegExp(`href="/portal/documents/${id}"`));
	});

	it('answers 404 for a changed token', async () => {
		const c = new Client();
		const changed = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
		assert.equal((await c.get(`/d/${changed}`)).status, 404);
		assert.equal((await c.get(`/d/${token.slice(1)}`)).status, 404);
		assert.equal((await c.get(`/d/${'*'.repeat(43)}`)).status, 404);
	});

	it('gives the same bytes for the same version', async () => {
		const again = await owner.client.get(`/app/invoices/${id}/pdf`);
		assert.ok(again.body.equals((await owner.client.get(`/app/invoices/${id}/pdf`)).body));
		assert.ok(again.body.length < 200_000, `size ${again.body.length}`);
	});

	it('says voided on the verification page once voided', async () => {
		assert.equal((await owner.client.post(`/app/invoices/${id}/void`, {})).status, 303);
		const t = textOf((await new Client().get(`/d/${token}`)).text);
		assert.match(t, /Voided/);
	});

	it('is not another company\'s, nor a field worker\'s', async () => {
		const other = await company();
		assert.equal((await other.client.get(`/app/invoices/${id}/pdf`)).status, 404);
		assert.equal((await other.client.get(`/app/estimates/${id}/pdf`)).status, 404);
		const field = await addStaff(owner.client, 'field');
		assert.equal((await field.client.get(`/app/invoices/${id}/pdf`)).status, 403);
		const anon = await new Client().get(`/app/invoices/${id}/pdf`);
		assert.equal(anon.status, 303);
	});
});

describe('PDFs of awkward documents', () => {
	let owner, job;

	before(async () => {
		owner = await company();
		job = await makeJob(owner.companyId, { customer: 'Σωκράτης Παπαδόπουλος 🚀🔧' });
	});

	it('a draft PDF says so, and its token is not public', async () => {
		const id = await newDoc(owner.client, 'estimate', job.jobId, { lines: [{ desc: 'Inspect', qty: '1', unit: 'ea', price: '80' }] });
		const res = await owner.client.get(`/app/estimates/${id}/pdf`);
		const out = inspect(save(res.body));
		assert.match(out.text, /DRAFT/);
		assert.match(out.text, /Σωκράτης Παπαδόπουλος \?\?/);
		const token = await dbValue(`SELECT token FROM documents WHERE id = ${id}`);
		assert.equal((await new Client().get(`/d/${token}`)).status, 404);
	});

	it('an empty estimate, 500 lines and a 2,000-character description still give valid files', async () => {
		const empty = await newDoc(owner.client, 'estimate', job.jobId, { lines: [{ desc: 'x', qty: '1', unit: 'ea', price: '1' }] });
		await db(`DELETE FROM document_lines WHERE document_id = ${empty}; UPDATE documents SET subtotal_cents = 0,
		    tax_cents = 0, total_cents = 0 WHERE id = ${empty}`);
		let out = inspect(save((await owner.client.get(`/app/estimates/${empty}/pdf`)).body));
		assert.equal(out.pages, 1);
		assert.match(out.text, /No lines yet/);

		const big = await newDoc(owner.client, 'estimate', job.jobId, { lines: [{ desc: 'x', qty: '1', unit: 'ea', price: '1' }] });
		const long = 'Ω'.repeat(40) + ' ' + 'word '.repeat(360) + 'Z'.repeat(150);	// 1,991 characters
		const values = Array.from({ length: 500 }, (_, i) =>
			`(${owner.companyId}, ${big}, ${i + 1}, ${sqlString(i === 250 ? long : `Row ${i + 1} 🙂 ñ`)}, 1000, 'ea', 100, 1, 100, NULL)`);
		await db(`DELETE FROM document_lines WHERE document_id = ${big}; INSERT INTO document_lines (company_id, document_id,
		    position, description, qty_milli, unit, unit_price_cents, taxable, amount_cents, price_item_id) VALUES ${values.join(',')}`);
		const res = await owner.client.get(`/app/estimates/${big}/pdf`);
		assert.equal(res.status, 200);
		out = inspect(save(res.body));
		assert.ok(out.pages >= 18, `pages ${out.pages}`);
		const flat = out.text.replace(/\s+/g, ' ');
		assert.ok(flat.includes('Row 500 ? ñ') && flat.includes('Row 1 ? ñ'));
		assert.ok(flat.includes('ZZZZZZZZZZ'));
		assert.match(out.text, new RegExp(`Page ${out.pages} of ${out.pages}`));
	});

	it('draws Greek, Cyrillic, Central European, Turkish and Baltic text, the euro and typographic quotes', async () => {
		const words = ['Ευχαριστώ πολύ, φίλε', 'Привет, мир — Ёё Її Ґґ', 'Zażółć gęślą jaźń', 'Çağrı Işık Şeker', 'Ąžuolas Ūla Ėglė',
			'„quoted“ ‘single’ €12 … •', 'Œuvre Ÿ ™ №'];
		const id = await newDoc(owner.client, 'estimate', job.jobId, {
			lines: words.map((w) => ({ desc: w, qty: '1', unit: 'ea', price: '1' })) });
		const out = inspect(save((await owner.client.get(`/app/estimates/${id}/pdf`)).body));
		const flat = out.text.replace(/\s+/g, ' ');
		for (const w of words)
			assert.ok(flat.includes(w), `missing: ${w}`);
	});

	it('a corrupt logo is left out, not a broken file; A4 when the company says so', async () => {
		const id = await newDoc(owner.client, 'estimate', job.jobId, { lines: [{ desc: 'Valve', qty: '1', unit: 'ea', price: '9' }] });
		mkdirSync(join(STACK_DIR, 'files', 'logos'), { recursive: true });
		writeFileSync(join(STACK_DIR, 'files', 'logos', `bad-${owner.companyId}.png`), Buffer.concat([
			Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('this is not a png at all'.repeat(20))]));
		await db(`UPDATE companies SET logo_file = 'bad-${owner.companyId}.png', logo_type = 'image/png' WHERE id = ${owner.companyId}`);
		const version = await dbValue(`SELECT version FROM companies WHERE id = ${owner.companyId}`);
		const saved = await owner.client.post('/app/settings/documents', { currency: 'EUR', tax_rate: '', terms: '', version, paper: 'a4' });
		assert.equal(saved.status, 303);
		assert.equal(await dbValue(`SELECT paper FROM companies WHERE id = ${owner.companyId}`), 'a4');
		const bad = await owner.client.post('/app/settings/documents', { currency: 'EUR', tax_rate: '', terms: '',
			version: await dbValue(`SELECT version FROM companies WHERE id = ${owner.companyId}`), paper: 'legal' });
		assert.equal(bad.status, 422);
		const res = await owner.client.get(`/app/estimates/${id}/pdf`);
		assert.equal(res.status, 200);
		const out = inspect(save(res.body));
		assert.match(out.info, /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
		assert.match(out.text, /€9\.00/);
	});
});
