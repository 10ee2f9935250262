/*
 * Estimates and invoices: the form (new, edit, the row buttons that work
 * without JavaScript), totals exactly as money.c's rules say (checked
 * against an independent BigInt computation), bad input answered with the
 * form again and nothing saved, concurrent edits (409), the status moves,
 * an invoice from an estimate, numbers under concurrency, the lists, the
 * company's money settings, and valid HTML.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { addStaff, db, dbValue, fieldErrors, flashFrom, formError, inputValue, textOf, validateHtml } from '../lib/index.mjs';
import {
	CASES, company, createDoc, docFields, docLines, docRow, expectedTotals, idFrom, makeJob, newDoc, pricingFields,
} from './documents-fixtures.mjs';

const LINE = { desc: 'Replace valve', qty: '1', unit: 'ea', price: '120' };

/* How many documents company id has. */
const docCount = (companyId) => dbValue(`SELECT COUNT(*) FROM documents WHERE company_id = ${companyId}`);

/* The value of a textarea named name, or null. */
function textareaValue(html, name) {
	const m = new RegExp(`<textarea[^>]*name="${name.replace(/[[\]]/g, '\\$&')}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
	return m ? m[1] : null;
}

/* The line row names of a form page, in order: ['lines[0][desc]', ...] of the desc cells. */
const rowCount = (html) => (html.match(/name="lines\[\d+\]\[desc\]"/g) ?? []).length;

describe('the document form', () => {
	let owner, job;

	before(async () => {
		owner = await company();
		job = await makeJob(owner.companyId, { customer: 'Ada Lovelace', title: 'Boiler service' });
		const r = await owner.client.post('/app/settings/documents', {
			currency: 'USD', tax_rate: '8.25', terms: 'Net 30. Thank you!',
			version: await dbValue(`SELECT version FROM companies WHERE id = ${owner.companyId}`),
		});
		assert.equal(r.status, 303);
	});

	it("a new estimate starts from the job, today's date, the company's tax rate and terms, and blank rows", async () => {
		const r = await owner.client.get(`/app/jobs/${job.jobId}/estimates/new`);
		assert.equal(r.status, 200);
		assert.equal(inputValue(r.text, 'job_id'), String(job.jobId));
		assert.equal(inputValue(r.text, 'tax_rate'), '8.25');
		assert.equal(textareaValue(r.text, 'terms'), 'Net 30. Thank you!');
		assert.match(inputValue(r.text, 'issued_on'), /^\d{4}-\d{2}-\d{2}$/);
		assert.match(inputValue(r.text, 'valid_until'), /^\d{4}-\d{2}-\d{2}$/);
		assert.equal(rowCount(r.text), 3);
		assert.match(textOf(r.text), /Ada Lovelace/);
		/* ?job_id= does the same; without a job, a select of jobs. */
		const q = await owner.client.get(`/app/invoices/new?job_id=${job.jobId}`);
		assert.equal(inputValue(q.text, 'job_id'), String(job.jobId));
		assert.ok(inputValue(q.text, 'due_on') !== null);
		const s = await owner.client.get('/app/estimates/new');
		assert.match(s.text, new RegExp(`<select[^>]*name="job_id"[\\s\\S]*<option value="${job.jobId}"`));
	});

	it('saves the totals of money.c with the lines, in one go, for estimates and invoices', async () => {
		for (const [i, doc] of CASES.entries()) {
			const kind = i % 3 === 2 ? 'invoice' : 'estimate';
			const lines = doc.lines.map((l, j) => ({ desc: `Line ${j + 1}`, ...l }));
			const id = await newDoc(owner.client, kind, job.jobId, { lines, ...pricingFields(doc) });
			const want = expectedTotals(doc);
			const row = await docRow(id);
			const got = {
				subtotal: BigInt(row.subtotal_cents), discount: BigInt(row.discount_cents), tax: BigInt(row.tax_cents),
				total: BigInt(row.total_cents), deposit: BigInt(row.deposit_cents),
			};
			const { lines: wantLines, ...wantTotals } = want;
			assert.deepEqual(got, wantTotals, `case ${i}: ${JSON.stringify(doc)}`);
			assert.deepEqual((await docLines(id)).map((l) => BigInt(l.amount_cents)), wantLines, `case ${i} lines`);
			assert.equal(row.kind, kind);
			assert.equal(row.status, 'draft');
			const page = await owner.client.get(`/app/${kind}s/${id}`);
			assert.equal(page.status, 200);
			const total = Number(want.total);
			const shown = `${total < 0 ? '-' : ''}$${Math.floor(Math.abs(total) / 100).toLocaleString('en-US')}.${String(Math.abs(total) % 100).padStart(2, '0')}`;
			assert.ok(textOf(page.text).includes(`Total ${shown}`), `case ${i}: the page shows the total ${shown}`);
		}
	});

	it('keeps what was typed: text with emoji and right-to-left script, quotes and markup, escaped on the page', async () => {
		const desc = '🔧 تركيب الحوض — "Kitchen" <b>sink</b> & co\nSecond line';
		const id = await newDoc(owner.client, 'estimate', job.jobId, {
			title: 'שלום <script>x</script>', notes: 'Ünïcödé ✓', lines: [{ ...LINE, desc, unit: 'm²' }],
		});
		const [line] = await docLines(id);
		assert.equal(line.description, desc);
		const crlf = await newDoc(owner.client, 'estimate', job.jobId, { terms: 'One\r\nTwo', lines: [{ ...LINE, desc: 'A\r\nB' }] });
		assert.equal((await docLines(crlf))[0].description, 'A\nB', "a browser's CR LF is kept as LF");
		assert.equal((await docRow(crlf)).terms, 'One\nTwo');
		assert.equal(line.unit, 'm²');
		assert.equal((await docRow(id)).title, 'שלום <script>x</script>');
		const page = await owner.client.get(`/app/estimates/${id}`);
		assert.ok(page.text.includes('&lt;b&gt;sink&lt;/b&gt; &amp; co'), 'markup is escaped');
		assert.ok(!page.text.includes('<script>x</script>'));
		assert.ok(textOf(page.text).includes('🔧 تركيب الحوض'));
	});

	it('the show page has what the customer reads: company, customer, service address, lines, totals, terms', async () => {
		const id = await newDoc(owner.client, 'estimate', job.jobId, {
			title: 'Boiler service', lines: [LINE], terms: 'Warranty: one year', tax_rate: '10', deposit: '25', deposit_kind: 'percent',
		});
		const t = textOf((await owner.client.get(`/app/estimates/${id}`)).text);
		for (const s of [owner.companyName, 'Ada Lovelace', '12 Elm Street', 'Replace valve', 'Subtotal $120.00', 'Tax (10%) $12.00',
			'Total $132.00', 'Deposit required (25%) $33.00', 'Warranty: one year', 'Mark as sent'])
			assert.ok(t.includes(s), `shows ${s}`);
	});
});

describe('bad input: the form again, 422, messages next to the fields, nothing saved', () => {
	let owner, job;

	before(async () => {
		owner = await company();
		job = await makeJob(owner.companyId);
	});

	const long = 'x'.repeat(20000);
	const cases = [
		['no job', { job_id: '', lines: [LINE] }, 'job_id', /Choose a job/],
		['no lines', { lines: [] }, 'lines', /Add at least one line/],
		['only blank rows', { lines: [{}, {}] }, 'lines', /Add at least one line/],
		['a quantity of "abc"', { lines: [{ ...LINE, qty: 'abc' }] }, 'lines_0_qty', /Enter a number/],
		['a quantity of 10^12', { lines: [{ ...LINE, qty: '1000000000000' }] }, 'lines_0_qty', /At most 1,000,000/],
		['a quantity written "10^12"', { lines: [{ ...LINE, qty: '10^12' }] }, 'lines_0_qty', /Enter a number/],
		['a quantity of 0', { lines: [{ ...LINE, qty: '0' }] }, 'lines_0_qty', /more than 0/],
		['a negative quantity', { lines: [{ ...LINE, qty: '-2' }] }, 'lines_0_qty', /more than 0/],
		['4 decimals of quantity', { lines: [{ ...LINE, qty: '1.2345' }] }, 'lines_0_qty', /Enter a number/],
		['no price', { lines: [{ ...LINE, price: '' }] }, 'lines_0_price', /Enter a price/],
		['a price with 3 decimals', { lines: [{ ...LINE, price: '1.005' }] }, 'lines_0_price', /Enter a price/],
		['a price of 10^15', { lines: [{ ...LINE, price: '1000000000000000' }] }, 'lines_0_price', /Too large/],
		['a line past $10 billion', { lines: [{ ...LINE, qty: '999999', price: '99999999' }] }, 'lines_0_price', /too large/],
		['a 20,000-character description', { lines: [{ ...LINE, desc: long }] }, 'lines_0_desc', /2,000 characters/],
		['a line without a description', { lines: [{ ...LINE, desc: '' }] }, 'lines_0_desc', /Describe/],
		['a control character', { lines: [{ ...LINE, desc: 'bell\u0007' }] }, 'lines_0_desc', /not allowed/],
		['a 21-character unit', { lines: [{ ...LINE, unit: 'u'.repeat(21) }] }, 'lines_0_unit', /20 characters/],
		['the 30th of February', { issued_on: '2025-02-30', lines: [LINE] }, 'issued_on', /real date/],
		['no issue date', { issued_on: '', lines: [LINE] }, 'issued_on', /Enter a date/],
		['a valid-until before the issue date', { issued_on: '2026-03-02', valid_until: '2026-03-01', lines: [LINE] }, 'valid_until', /on or after/],
		['a tax rate of "abc"', { tax_rate: 'abc', lines: [LINE] }, 'tax_rate', /Enter a rate/],
		['a tax rate of 101 %', { tax_rate: '101', lines: [LINE] }, 'tax_rate', /0 to 100/],
		['a discount of 150 %', { discount: '150', discount_kind: 'percent', lines: [LINE] }, 'discount', /0 to 100/],
		['a discount above the subtotal', { discount: '500', lines: [LINE] }, 'discount', /more than the subtotal \(\$120\.00\)/],
		['a negative discount', { discount: '-5', lines: [LINE] }, 'discount', /Enter an amount/],
		['a deposit above the total', { deposit: '121', lines: [LINE] }, 'deposit', /more than the total \(\$120\.00\)/],
		['a total below zero', { lines: [LINE, { desc: 'Credit', qty: '1', price: '-200' }] }, 'lines', /below zero/],
		['5,001 characters of terms', { terms: 't'.repeat(5001), lines: [LINE] }, 'terms', /too long/],
		['a title of 161 characters', { title: 'T'.repeat(161), lines: [LINE] }, 'title', /too long/],
		['a title with a line break', { title: 'Two\nlines', lines: [LINE] }, 'title', /not allowed/],
		['a unit with a tab', { lines: [{ ...LINE, unit: 'a\tb' }] }, 'lines_0_unit', /not allowed/],
	];

	for (const [what, fields, field, message] of cases)
		it(`${what} → ${field}`, async () => {
			const before = await docCount(owner.companyId);
			const r = await createDoc(owner.client, 'estimate', job.jobId, fields);
			assert.equal(r.status, 422, `${what}: ${r.status} ${r.location ?? ''}`);
			const errs = fieldErrors(r.text);
			assert.match(errs[field] ?? '', message, `${what}: ${JSON.stringify(errs)}`);
			assert.match(r.text, /Please fix \d+ fields? below/);
			assert.equal(await docCount(owner.companyId), before, 'nothing saved');
		});

	it('a bad cell is marked and described, and every typed value comes back', async () => {
		const r = await createDoc(owner.client, 'estimate', job.jobId, {
			title: 'Kept title', terms: 'Kept terms', tax_rate: '7.5', discount: '12', discount_kind: 'percent',
			lines: [{ desc: 'First', qty: '2', unit: 'hr', price: '50' }, { desc: 'Second', qty: 'abc', unit: 'ea', price: '9.99', taxable: false }],
		});
		assert.equal(r.status, 422);
		assert.match(r.text, /<input[^>]*id="f-lines_1_qty"[^>]*aria-invalid="true"[^>]*aria-describedby="f-lines_1_qty-error"/);
		assert.match(r.text, /<p class="field-error" id="f-lines_1_qty-error">/);
		assert.equal(inputValue(r.text, 'lines\\[1\\]\\[qty\\]'), 'abc');
		assert.equal(inputValue(r.text, 'lines\\[1\\]\\[price\\]'), '9.99');
		assert.equal(textareaValue(r.text, 'lines[0][desc]'), 'First');
		assert.equal(inputValue(r.text, 'title'), 'Kept title');
		assert.equal(textareaValue(r.text, 'terms'), 'Kept terms');
		assert.equal(inputValue(r.text, 'discount'), '12');
		assert.match(r.text, /<option value="percent" selected>/);
		assert.doesNotMatch(r.text, /id="f-lines_1_taxable"[^>]*checked/, 'the unticked box stays unticked');
		assert.match(r.text, /id="f-lines_0_taxable"[^>]*checked/);
		/* The first line's amount and the totals of what reads are shown already. */
		assert.match(textOf(r.text), /Subtotal \$100\.00/);
	});

	it('more than 150 rows is refused with a message, not dropped', async () => {
		const lines = Array.from({ length: 151 }, (_, i) => ({ ...LINE, desc: `Line ${i}` }));
		const before = await docCount(owner.companyId);
		const r = await createDoc(owner.client, 'estimate', job.jobId, { lines });
		assert.equal(r.status, 422);
		assert.match(fieldErrors(r.text).lines ?? '', /at most 150 lines/);
		assert.equal(await docCount(owner.companyId), before);
	});

	it('a job that is not a number or not there answers 404', async () => {
		for (const id of ['abc', '0', '-1', '99999999999'])
			assert.equal((await createDoc(owner.client, 'estimate', id, { lines: [LINE] })).status, 404, id);
		assert.equal((await owner.client.get('/app/estimates/new?job_id=abc')).status, 404);
		assert.equal((await owner.client.get('/app/jobs/99999999/estimates/new')).status, 404);
	});
});

describe('the row buttons work without JavaScript', () => {
	let owner, job, itemId;

	before(async () => {
		owner = await company();
		job = await makeJob(owner.companyId);
		await owner.client.post('/app/price-book', { name: 'Drain cleaning', description: 'Up to 2 hours', unit: 'job', price: '149.5', taxable: '1' });
		itemId = Number(await dbValue(`SELECT id FROM price_items WHERE company_id = ${owner.companyId}`));
	});

	const rows = [{ desc: 'A', qty: '1', price: '1' }, { desc: 'B', qty: '2', price: '2' }, { desc: 'C', qty: '3', price: '3' }];
	const descs = (html) => [...html.matchAll(/<textarea[^>]*name="lines\[(\d+)\]\[desc\]"[^>]*>([\s\S]*?)<\/textarea>/g)].map((m) => m[2]);

	it('"Add a line" answers the form with one more empty row, nothing saved', async () => {
		const before = await docCount(owner.companyId);
		const r = await createDoc(owner.client, 'estimate', job.jobId, { lines: rows, action: 'add_row', title: 'Kept' });
		assert.equal(r.status, 200);
		assert.deepEqual(descs(r.text), ['A', 'B', 'C', '']);
		assert.equal(inputValue(r.text, 'title'), 'Kept');
		assert.equal(await docCount(owner.companyId), before);
	});

	it('up, down and remove move and drop rows', async () => {
		let r = await createDoc(owner.client, 'estimate', job.jobId, { lines: rows, action: 'up-2' });
		assert.deepEqual(descs(r.text), ['A', 'C', 'B']);
		r = await createDoc(owner.client, 'estimate', job.jobId, { lines: rows, action: 'down-0' });
		assert.deepEqual(descs(r.text), ['B', 'A', 'C']);
		r = await createDoc(owner.client, 'estimate', job.jobId, { lines: rows, action: 'remove-1' });
		assert.deepEqual(descs(r.text), ['A', 'C']);
		r = await createDoc(owner.client, 'estimate', job.jobId, { lines: rows, action: 'up-0' });
		assert.deepEqual(descs(r.text), ['A', 'B', 'C']);
		r = await createDoc(owner.client, 'estimate', job.jobId, { lines: [rows[0]], action: 'remove-0' });
		assert.deepEqual(descs(r.text), [''], 'the last row removed leaves an empty one');
		assert.equal((await createDoc(owner.client, 'estimate', job.jobId, { lines: rows, action: 'remove-9' })).status, 400);
		assert.equal((await createDoc(owner.client, 'estimate', job.jobId, { lines: rows, action: 'explode' })).status, 400);
	});

	it('"Add" from the price book fills the first empty row; the saved line remembers the item', async () => {
		let r = await createDoc(owner.client, 'estimate', job.jobId, { lines: [rows[0], {}], action: 'add_item', item: itemId });
		assert.equal(r.status, 200);
		assert.deepEqual(descs(r.text), ['A', 'Drain cleaning\nUp to 2 hours']);
		assert.equal(inputValue(r.text, 'lines\\[1\\]\\[price\\]'), '149.50');
		assert.equal(inputValue(r.text, 'lines\\[1\\]\\[unit\\]'), 'job');
		assert.equal(inputValue(r.text, 'lines\\[1\\]\\[item\\]'), String(itemId));
		r = await createDoc(owner.client, 'estimate', job.jobId, { lines: rows, action: 'add_item', item: '' });
		assert.equal(r.status, 422);
		assert.match(fieldErrors(r.text).item ?? '', /Choose an item/);
		const id = await newDoc(owner.client, 'estimate', job.jobId, { lines: [{ desc: 'Drain cleaning', qty: '1', price: '149.50', item: itemId }] });
		assert.equal((await docLines(id))[0].price_item_id, itemId);
	});

	it('"Add a line" stops at 150 rows with a message', async () => {
		const lines = Array.from({ length: 150 }, (_, i) => ({ desc: `L${i}`, qty: '1', price: '1' }));
		const r = await createDoc(owner.client, 'estimate', job.jobId, { lines, action: 'add_row' });
		assert.equal(r.status, 200);
		assert.equal(rowCount(r.text), 150);
		assert.match(formError(r.text) ?? '', /at most 150 lines/);
	});
});

describe('editing a draft', () => {
	let owner, job;

	before(async () => {
		owner = await company();
		job = await makeJob(owner.companyId);
	});

	it('shows the saved values with one more empty row, and saves new lines and totals', async () => {
		const id = await newDoc(owner.client, 'invoice', job.jobId, { lines: [LINE, { desc: 'Labour', qty: '1.5', unit: 'hr', price: '80', taxable: false }], tax_rate: '5' });
		const edit = await owner.client.get(`/app/invoices/${id}/edit`);
		assert.equal(edit.status, 200);
		assert.equal(rowCount(edit.text), 3);
		assert.equal(inputValue(edit.text, 'lines\\[1\\]\\[qty\\]'), '1.5');
		assert.equal(inputValue(edit.text, 'lines\\[1\\]\\[price\\]'), '80.00');
		assert.equal(inputValue(edit.text, 'tax_rate'), '5');
		assert.equal(inputValue(edit.text, 'version'), '1');
		const r = await owner.client.post(`/app/invoices/${id}`, docFields({ version: 1, tax_rate: '10', due_on: '2026-04-01',
			lines: [{ desc: 'Only line', qty: '3', price: '10' }] }));
		assert.equal(r.status, 303);
		assert.equal(r.location, `/app/invoices/${id}`);
		const row = await docRow(id);
		assert.equal(row.version, '2');
		assert.equal(row.total_cents, '3300');
		assert.equal(row.due_on, '2026-04-01');
		assert.deepEqual((await docLines(id)).map((l) => l.description), ['Only line']);
		assert.equal(flashFrom((await owner.client.follow(r)).text)?.text, 'Draft saved.');
	});

	it('a save over someone else\'s answers 409 with both versions, the typed input kept; saving again applies it', async () => {
		const id = await newDoc(owner.client, 'estimate', job.jobId, { lines: [LINE] });
		const other = owner.client.clone();
		const mine = docFields({ version: 1, title: 'Mine', lines: [{ desc: 'My line', qty: '2', price: '5' }] });
		const theirs = docFields({ version: 1, title: 'Theirs', lines: [{ desc: 'Their line', qty: '1', price: '7' }] });
		assert.equal((await other.post(`/app/estimates/${id}`, theirs)).status, 303);
		const r = await owner.client.post(`/app/estimates/${id}`, mine);
		assert.equal(r.status, 409);
		assert.match(formError(r.text) ?? '', /Someone else saved this estimate/);
		assert.equal(textareaValue(r.text, 'lines[0][desc]'), 'My line', 'my input is kept');
		assert.equal(inputValue(r.text, 'title'), 'Mine');
		assert.equal(inputValue(r.text, 'version'), '2', 'the form now saves over the current version');
		assert.match(textOf(r.text), /The saved version .*Theirs.*Their line/);
		assert.equal((await docRow(id)).title, 'Theirs', 'nothing of mine was saved');
		/* Re-apply: post the 409 page's form as it is. */
		const again = await owner.client.post(`/app/estimates/${id}`, docFields({ version: inputValue(r.text, 'version'), title: 'Mine',
			lines: [{ desc: 'My line', qty: '2', price: '5' }] }));
		assert.equal(again.status, 303);
		assert.equal((await docRow(id)).title, 'Mine');
		assert.equal((await docRow(id)).total_cents, '1000');
	});

	it('a sent document is read-only here: the edit page sends back, a save answers 409 and changes nothing', async () => {
		const id = await newDoc(owner.client, 'estimate', job.jobId, { lines: [LINE] });
		const form = docFields({ version: 1, title: 'Late edit', lines: [LINE] });
		assert.equal((await owner.client.post(`/app/estimates/${id}/send`, {})).status, 303);
		const e = await owner.client.get(`/app/estimates/${id}/edit`);
		assert.equal(e.status, 303);
		assert.equal(e.location, `/app/estimates/${id}`);
		assert.match(flashFrom((await owner.client.follow(e)).text)?.text ?? '', /Only a draft can be edited/);
		const before = await docRow(id);
		const r = await owner.client.post(`/app/estimates/${id}`, form);
		assert.equal(r.status, 409);
		assert.match(formError(r.text) ?? '', /marked Sent while you were editing/);
		assert.deepEqual(await docRow(id), before);
	});

	it('an estimate id is not an invoice id', async () => {
		const id = await newDoc(owner.client, 'estimate', job.jobId, { lines: [LINE] });
		assert.equal((await owner.client.get(`/app/invoices/${id}`)).status, 404);
		assert.equal((await owner.client.post(`/app/invoices/${id}/send`, {})).status, 404);
		assert.equal((await docRow(id)).status, 'draft');
	});
});

describe('status moves', () => {
	let owner, job;
	const events = (jobId) => db(`SELECT kind, body, visible_to_customer, COALESCE(document_id, 0) FROM job_events
	    WHERE job_id = ${jobId} ORDER BY id`);

	before(async () => {
		owner = await company();
	});

	it('an estimate goes draft → sent → approved, with the approver, the job approved and every step in its history', async () => {
		job = await makeJob(owner.companyId);
		const id = await newDoc(owner.client, 'estimate', job.jobId, { lines: [LINE] });
		let r = await owner.client.post(`/app/estimates/${id}/approve`, {});
		assert.equal(r.status, 409, 'a draft is not approved');
		assert.match(formError(r.text) ?? '', /status is Draft, so it can't be approved/);
		r = await owner.client.post(`/app/estimates/${id}/send`, {});
		assert.equal(r.status, 303);
		assert.equal((await docRow(id)).status, 'sent');
		assert.equal((await owner.client.post(`/app/estimates/${id}/send`, {})).status, 409, 'sent once');
		r = await owner.client.post(`/app/estimates/${id}/approve`, {});
		assert.equal(r.status, 303);
		const row = await docRow(id);
		assert.equal(row.status, 'approved');
		assert.equal(row.approved_name, owner.name);
		assert.ok(await dbValue(`SELECT approved_at FROM documents WHERE id = ${id}`));
		assert.equal(await dbValue(`SELECT status FROM jobs WHERE id = ${job.jobId}`), 'approved');
		const ev = await events(job.jobId);
		const mine = ev.filter((e) => Number(e[3]) === id);
		assert.deepEqual(mine.map((e) => e[0]), ['estimate', 'estimate', 'approval']);
		assert.match(mine[1][1], /Estimate #\d+ marked as sent/);
		assert.equal(mine[1][2], '1', 'sending is visible to the customer');
		assert.equal(mine[0][2], '0', 'a draft is not');
		assert.equal((await owner.client.post(`/app/estimates/${id}/decline`, {})).status, 409);
		const page = textOf((await owner.client.get(`/app/estimates/${id}`)).text);
		assert.match(page, new RegExp(`Approved by ${owner.name} on`));
	});

	it('a sent estimate can be declined', async () => {
		const id = await newDoc(owner.client, 'estimate', job.jobId, { lines: [LINE] });
		await owner.client.post(`/app/estimates/${id}/send`, {});
		assert.equal((await owner.client.post(`/app/estimates/${id}/decline`, {})).status, 303);
		assert.equal((await docRow(id)).status, 'declined');
		assert.equal((await owner.client.post(`/app/estimates/${id}/invoice`, {})).status, 409, 'no invoice from a declined estimate');
	});

	it('an issued invoice tells its completed job it is invoiced; voiding it takes that back', async () => {
		const j = await makeJob(owner.companyId);
		await db(`UPDATE jobs SET status = 'completed' WHERE id = ${j.jobId}`);
		const id = await newDoc(owner.client, 'invoice', j.jobId, { lines: [LINE] });
		assert.equal((await owner.client.post(`/app/invoices/${id}/send`, {})).status, 303);
		assert.equal((await docRow(id)).status, 'sent');
		assert.equal(await dbValue(`SELECT status FROM jobs WHERE id = ${j.jobId}`), 'invoiced');
		assert.equal((await owner.client.post(`/app/invoices/${id}/void`, {})).status, 303);
		assert.equal((await docRow(id)).status, 'void');
		assert.equal(await dbValue(`SELECT status FROM jobs WHERE id = ${j.jobId}`), 'completed');
		assert.deepEqual((await events(j.jobId)).filter((e) => Number(e[3]) === id).map((e) => e[1].replace(/#\d+/, '#N')),
			['Invoice #N created (total $120.00)', 'Invoice #N issued (total $120.00)', 'Invoice #N voided (total $120.00)']);
		assert.equal((await owner.client.post(`/app/invoices/${id}/void`, {})).status, 409);
	});

	it('an invoice with payments is not voided', async () => {
		const id = await newDoc(owner.client, 'invoice', job.jobId, { lines: [LINE] });
		await owner.client.post(`/app/invoices/${id}/send`, {});
		await owner.client.post(`/app/invoices/${id}/payments`, { kind: 'payment', method: 'cash', amount: '20', received_on: '2026-01-02' });
		const r = await owner.client.post(`/app/invoices/${id}/void`, {});
		assert.equal(r.status, 409);
		assert.match(formError(r.text) ?? '', /refund them before voiding/);
		assert.equal((await docRow(id)).status, 'partial');
	});
});

describe('an invoice from an estimate', () => {
	it('copies the lines and pricing into a new draft invoice, credits the deposit paid, and leaves the estimate', async () => {
		const owner = await company();
		const job = await makeJob(owner.companyId);
		const doc = { lines: [{ desc: 'Heater', qty: '1', unit: 'ea', price: '899.99' }, { desc: 'Labour', qty: '3.5', unit: 'hr', price: '95', taxable: false }],
			tax: '6.5', discount: '5%', deposit: '30%' };
		const est = await newDoc(owner.client, 'estimate', job.jobId, { lines: doc.lines, ...pricingFields(doc), terms: 'T', notes: 'N', title: 'Water heater' });
		assert.equal((await owner.client.post(`/app/estimates/${est}/invoice`, {})).status, 409, 'not from a draft');
		await owner.client.post(`/app/estimates/${est}/send`, {});
		await owner.client.post(`/app/estimates/${est}/payments`, { kind: 'payment', method: 'check', amount: '300', received_on: '2026-01-02', reference: '#1001' });
		await owner.client.post(`/app/estimates/${est}/approve`, {});
		const r = await owner.client.post(`/app/estimates/${est}/invoice`, {});
		assert.equal(r.status, 303);
		const inv = Number(/\/app\/invoices\/(\d+)$/.exec(r.location)[1]);
		const [e, i] = [await docRow(est), await docRow(inv)];
		assert.equal(i.kind, 'invoice');
		assert.equal(i.status, 'draft');
		assert.equal(i.number, '1', 'invoices have their own numbers');
		assert.equal(i.source_id, String(est));
		for (const k of ['subtotal_cents', 'discount_cents', 'tax_cents', 'total_cents', 'tax_rate_bp', 'discount_is_percent',
			'discount_value', 'title', 'terms', 'notes', 'job_id', 'customer_id'])
			assert.equal(i[k], e[k], k);
		assert.equal(i.deposit_cents, '0', "the estimate's deposit request stays on the estimate");
		assert.equal(i.paid_cents, '30000', 'the deposit paid is credited');
		assert.deepEqual((await docLines(inv)).map(({ price_item_id, ...l }) => l), (await docLines(est)).map(({ price_item_id, ...l }) => l));
		assert.equal(await dbValue(`SELECT method FROM payments WHERE document_id = ${inv}`), 'deposit');
		assert.equal(e.status, 'approved');
		assert.equal(e.paid_cents, '30000');
		const page = textOf((await owner.client.get(`/app/estimates/${est}`)).text);
		assert.match(page, /Invoices from this estimate Invoice #1 Draft/);
		const ipage = textOf((await owner.client.get(`/app/invoices/${inv}`)).text);
		assert.match(ipage, /from estimate #1/);
		/* Issued, the credited deposit makes it partly paid. */
		await owner.client.post(`/app/invoices/${inv}/send`, {});
		assert.equal((await docRow(inv)).status, 'partial');
	});
});

describe('numbers', () => {
	it('20 estimates created at once get 20 different numbers, 1 to 20; invoices and other companies count apart', async () => {
		const [a, b] = await Promise.all([company(), company()]);
		const [ja, jb] = await Promise.all([makeJob(a.companyId), makeJob(b.companyId)]);
		await a.client.csrf();
		const answers = await Promise.all(Array.from({ length: 20 }, (_, i) =>
			createDoc(a.client.clone(), 'estimate', ja.jobId, { lines: [{ ...LINE, desc: `Concurrent ${i}` }] })));
		assert.deepEqual(answers.map((r) => r.status), Array(20).fill(303));
		const numbers = (await db(`SELECT number FROM documents WHERE company_id = ${a.companyId} AND kind = 'estimate' ORDER BY number`))
			.map((r) => Number(r[0]));
		assert.deepEqual(numbers, Array.from({ length: 20 }, (_, i) => i + 1));
		const inv = await newDoc(a.client, 'invoice', ja.jobId, { lines: [LINE] });
		assert.equal((await docRow(inv)).number, '1');
		const other = await newDoc(b.client, 'estimate', jb.jobId, { lines: [LINE] });
		assert.equal((await docRow(other)).number, '1');
	});
});

describe('the lists', () => {
	let owner, job;

	before(async () => {
		owner = await company();
		job = await makeJob(owner.companyId, { customer: 'Zed Quux 50%_off' });
		/* 120 estimates straight into the database: the list is what is tested here. */
		const values = Array.from({ length: 120 }, (_, i) => `(${owner.companyId}, 'estimate', ${i + 1}, ${job.jobId}, ${job.customerId},
		    '${i % 2 ? 'sent' : 'draft'}', 'Title ${i + 1}', '2026-01-01', '', '', ${(i + 1) * 100})`);
		await db(`INSERT INTO documents (company_id, kind, number, job_id, customer_id, status, title, issued_on, terms, notes, total_cents)
		    VALUES ${values.join(',')}`);
		/* What the app copies from the customer when it writes a document. */
		await db(`UPDATE documents d JOIN customers c ON c.id = d.customer_id SET d.customer_name = c.name
		    WHERE d.company_id = ${owner.companyId}`);
		await db(`INSERT INTO counters (company_id, kind, last_value) VALUES (${owner.companyId}, 'estimate', 120)`);
	});

	const numbers = (html) => [...html.matchAll(/<td data-label="Number"[^>]*><a href="[^"]*"><strong>#(\d+)<\/strong>/g)].map((m) => Number(m[1]));
	const link = (html, text) => {
		const m = new RegExp(`<a href="([^"]*)">${text}</a>`).exec(html);
		return m ? m[1].replace(/&amp;/g, '&') : null;
	};

	it('pages by 50, newest number first, with the customer, job, status and total', async () => {
		let r = await owner.client.get('/app/estimates');
		assert.equal(r.status, 200);
		assert.deepEqual(numbers(r.text), Array.from({ length: 50 }, (_, i) => 120 - i));
		assert.match(textOf(r.text), /Zed Quux 50%_off/);
		assert.match(textOf(r.text), /Sent \$120\.00/);
		const next = link(r.text, 'Older');
		assert.match(next, /before=71&rev=1/);
		r = await owner.client.get(next);
		assert.deepEqual(numbers(r.text), Array.from({ length: 50 }, (_, i) => 70 - i));
		r = await owner.client.get(link(r.text, 'Older'));
		assert.deepEqual(numbers(r.text), Array.from({ length: 20 }, (_, i) => 20 - i));
		assert.equal(link(r.text, 'Older'), null);
		assert.equal(link(r.text, 'Newest'), '/app/estimates');
	});

	it('filters by status and searches number, customer and title (wildcards taken literally)', async () => {
		let r = await owner.client.get('/app/estimates?status=draft');
		assert.ok(numbers(r.text).every((n) => n % 2 === 1));
		assert.equal(numbers(r.text).length, 50);
		r = await owner.client.get(`${link(r.text, 'Older')}`);
		assert.ok(numbers(r.text).every((n) => n % 2 === 1));
		assert.deepEqual(numbers((await owner.client.get('/app/estimates?q=77')).text), [77]);
		assert.deepEqual(numbers((await owner.client.get('/app/estimates?q=%2377')).text), [77]);
		assert.deepEqual(numbers((await owner.client.get('/app/estimates?q=Title+105')).text), [105]);
		assert.equal(numbers((await owner.client.get('/app/estimates?q=quux+50%25_')).text).length, 50);
		assert.equal(numbers((await owner.client.get('/app/estimates?q=%25')).text).length, 50, '% is the customer\'s');
		assert.deepEqual(numbers((await owner.client.get('/app/estimates?q=Title+1_5')).text), [], '_ matches only _');
		assert.deepEqual(numbers((await owner.client.get('/app/estimates?status=sent&q=Title+105')).text), []);
		/* Nonsense in the query is ignored, not an error. */
		for (const q of ['status=bogus', 'before=abc', 'before=-5', 'rev=x&before=10', `q=${'x'.repeat(500)}`])
			assert.equal((await owner.client.get(`/app/estimates?${q}`)).status, 200, q);
	});

	it('the invoice list shows the balance and marks overdue invoices', async () => {
		const id = await newDoc(owner.client, 'invoice', job.jobId, { due_on: '2026-03-03', lines: [LINE] });
		await owner.client.post(`/app/invoices/${id}/send`, {});
		await db(`UPDATE documents SET due_on = '2020-01-01' WHERE id = ${id}`);
		await owner.client.post(`/app/invoices/${id}/payments`, { kind: 'payment', method: 'cash', amount: '20', received_on: '2026-01-02' });
		let r = await owner.client.get('/app/invoices?status=overdue');
		assert.match(textOf(r.text), /Partly paid Overdue \$120\.00 \$100\.00 1 Jan 2020/);
		/* The invoice's own page says it too, and its PDF doesn't ask to pay "by" a past date. */
		const page = await owner.client.get(`/app/invoices/${id}`);
		assert.match(textOf(/<h1>[^]*?<\/h1>/.exec(page.text)[0]), /Partly paid Overdue/);
		const pdf = await owner.client.get(`/app/invoices/${id}/pdf`);
		assert.equal(pdf.status, 200);
		const dir = mkdtempSync(join(tmpdir(), 'doc-overdue-'));
		writeFileSync(join(dir, 'i.pdf'), pdf.body);
		const text = execFileSync('pdftotext', [join(dir, 'i.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
		assert.match(text, /Balance due: \$100\.00, was due 1 Jan 2020 \(overdue\)/);
		r = await owner.client.get('/app/invoices?status=paid');
		assert.doesNotMatch(r.text, /data-label="Number"/);
	});

	it('renaming the customer renames them in the lists and their search, in one step', async () => {
		const version = await dbValue(`SELECT version FROM customers WHERE id = ${job.customerId}`);
		const r = await owner.client.post(`/app/customers/${job.customerId}`, {
			version, kind: 'business', name: 'Renamed & Sons', email: '', phone: '', tags: '', notes: '',
		});
		assert.equal(r.status, 303);
		const list = await owner.client.get('/app/estimates');
		assert.ok(textOf(list.text).includes('Renamed & Sons'));
		assert.ok(!textOf(list.text).includes('Zed Quux'));
		assert.equal(numbers((await owner.client.get('/app/estimates?q=renamed')).text).length, 50);
		assert.deepEqual(numbers((await owner.client.get('/app/estimates?q=quux')).text), []);
		assert.equal(await dbValue(`SELECT COUNT(*) FROM documents WHERE customer_id = ${job.customerId}
		    AND customer_name <> 'Renamed & Sons'`), '0');
		/* A new document takes the name from the customer's row. */
		const id = await newDoc(owner.client, 'invoice', job.jobId, { lines: [LINE] });
		assert.equal(await dbValue(`SELECT customer_name FROM documents WHERE id = ${id}`), 'Renamed & Sons');
	});
});

describe("the company's money settings", () => {
	it('owners set the currency, default tax rate and terms; office staff only read them', async () => {
		const owner = await company();
		const office = await addStaff(owner.client, 'office');
		const job = await makeJob(owner.companyId);
		let r = await owner.client.get('/app/settings/documents');
		assert.equal(r.status, 200);
		const version = inputValue(r.text, 'version');
		r = await owner.client.post('/app/settings/documents', { currency: 'XXX', tax_rate: '120', terms: '', version });
		assert.equal(r.status, 422);
		assert.deepEqual(Object.keys(fieldErrors(r.text)).sort(), ['currency', 'tax_rate']);
		r = await owner.client.post('/app/settings/documents', { currency: 'EUR', tax_rate: '21%', terms: 'Betaling binnen 14 dagen', version });
		assert.equal(r.status, 303);
		assert.deepEqual(await db(`SELECT currency, default_tax_rate_bp, default_terms FROM companies WHERE id = ${owner.companyId}`),
			[['EUR', '2100', 'Betaling binnen 14 dagen']]);
		r = await owner.client.post('/app/settings/documents', { currency: 'USD', tax_rate: '1', terms: '', version });
		assert.equal(r.status, 409, 'a stale version');
		const id = await newDoc(owner.client, 'invoice', job.jobId, { lines: [{ desc: 'X', qty: '1', price: '1234.5' }], tax_rate: '21' });
		assert.match(textOf((await owner.client.get(`/app/invoices/${id}`)).text), /Total €1,493\.75/);
		assert.equal((await office.client.get('/app/settings/documents')).status, 200);
		assert.equal((await office.client.post('/app/settings/documents', { currency: 'USD', tax_rate: '0', terms: '', version })).status, 403);
	});
});

describe('HTML validity of the document pages', () => {
	const pages = [];
	let results;

	before(async () => {
		const owner = await company();
		const job = await makeJob(owner.companyId, { customer: 'Valid Customer' });
		await owner.client.post('/app/price-book', { name: 'Valid item', price: '10', taxable: '1' });
		const add = async (name, promise, status = 200) => {
			const r = await promise;
			assert.equal(r.status, status, `${name}: status`);
			pages.push({ name, html: r.text });
		};
		const est = await newDoc(owner.client, 'estimate', job.jobId, { lines: [LINE], discount: '5', deposit: '10%', deposit_kind: 'percent', terms: 'Terms' });
		await add('estimates-empty', (await company()).client.get('/app/estimates'));
		await add('estimate-new', owner.client.get(`/app/jobs/${job.jobId}/estimates/new`));
		await add('estimate-new-nojob', owner.client.get('/app/estimates/new'));
		await add('estimate-errors', createDoc(owner.client, 'estimate', job.jobId, { issued_on: 'x', lines: [{ desc: '', qty: 'a', price: 'b' }] }), 422);
		await add('estimate-add-row', createDoc(owner.client, 'estimate', job.jobId, { lines: [LINE], action: 'add_row' }));
		await add('estimate-edit', owner.client.get(`/app/estimates/${est}/edit`));
		await add('estimate-stale', owner.client.post(`/app/estimates/${est}`, docFields({ version: 99, lines: [LINE] })), 409);
		await add('estimate-show-draft', owner.client.get(`/app/estimates/${est}`));
		await owner.client.post(`/app/estimates/${est}/send`, {});
		await add('estimate-show-sent', owner.client.get(`/app/estimates/${est}`));
		await add('estimate-refused', owner.client.post(`/app/estimates/${est}/send`, {}), 409);
		await add('estimate-pay-errors', owner.client.post(`/app/estimates/${est}/payments`, { kind: 'payment', amount: 'x' }), 422);
		await owner.client.post(`/app/estimates/${est}/payments`, { kind: 'payment', method: 'card', amount: '5', received_on: '2026-01-02' });
		await owner.client.post(`/app/estimates/${est}/approve`, {});
		const inv = idFrom(await owner.client.post(`/app/estimates/${est}/invoice`, {}));
		await add('estimate-show-approved', owner.client.get(`/app/estimates/${est}`));
		await owner.client.post(`/app/invoices/${inv}/send`, {});
		await owner.client.post(`/app/invoices/${inv}/payments`, { kind: 'refund', method: 'cash', amount: '1', received_on: '2026-01-02', reason: 'Goodwill' });
		await add('invoice-show', owner.client.get(`/app/invoices/${inv}`));
		await add('estimates', owner.client.get('/app/estimates'));
		await add('invoices', owner.client.get('/app/invoices?status=unpaid'));
		await add('doc-settings', owner.client.get('/app/settings/documents'));
		await add('doc-settings-errors', owner.client.post('/app/settings/documents', { currency: '', tax_rate: 'x' }), 422);
		results = await validateHtml(pages);
	});

	it('every page is valid HTML with one h1 and no inline script', () => {
		assert.equal(results.size, pages.length);
		for (const { name, html } of pages) {
			const errs = results.get(name);
			assert.deepEqual(errs.map((e) => `${name} line ${e.line}: ${e.message} [${(e.extract ?? '').trim()}]`), []);
			assert.equal((html.match(/<h1[\s>]/g) ?? []).length, 1, `${name}: one h1`);
			assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i, `${name}: inline script`);
			assert.doesNotMatch(html, /\sstyle="|\son[a-z]+="/i, `${name}: inline style or handler`);
		}
	});
});
