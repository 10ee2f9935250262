/*
 * The customer's side of a document (/portal/documents/:id): only the
 * session's customer's shown, non-draft documents exist there (everything
 * else is a 404); every view is logged; approving records who, when, from
 * where and the SHA-256 of exactly what was shown (recomputed here from the
 * canonical serialization fcgi/doc_compare.c defines), moves the job and
 * mails the customer the approved PDF; a stale approval (a newer version
 * sent, or the content changed) is a 409 that changes nothing; revision
 * requests and disputes; versions and the compare page on both sides.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

import {
	db, dbRow, dbValue, fieldErrors, formError, portalClient, portalCustomer, portalPerson, textOf, uniqueEmail,
	validateHtml, waitForMail,
} from '../lib/index.mjs';
import { company, docFields, makeJob, newDoc } from './documents-fixtures.mjs';

const UA = 'portal-docs-test/1.0 (phone)';
const LINES = [
	{ desc: 'Replace kitchen valve', qty: '1', unit: 'ea', price: '120' },
	{ desc: 'Labour', qty: '2.5', unit: 'h', price: '80' },
	{ desc: 'Haul away old parts', qty: '1', unit: '', price: '25', taxable: false },
];
const PRICING = { tax_rate: '8.25', deposit: '50', terms: 'Payment due on completion.\nThank you!' };

/* Show a document to its customer (what the Share button ticks). */
const display = (id) => db(`UPDATE documents SET display_to_customer = 1 WHERE id = ${id}`);

/* A company with a job whose customer has a portal person signed in. */
async function setup() {
	const owner = await company();
	const job = await makeJob(owner.companyId, { customer: 'Grace Hopper', title: 'Kitchen valve' });
	const person = await portalPerson({ companyId: owner.companyId, customerId: job.customerId, name: 'Grace Hopper',
		email: uniqueEmail('grace') });
	const client = await portalClient(person);
	return { owner, job, person, client };
}

/* A sent estimate of job shown to the customer; resolves its id. */
async function sentEstimate(owner, job, fields = {}) {
	const id = await newDoc(owner.client, 'estimate', job.jobId, { lines: LINES, ...PRICING, ...fields });
	const res = await owner.client.post(`/app/estimates/${id}/send`, {});
	assert.equal(res.status, 303, `send: ${res.status} ${formError(res.text) ?? ''}`);
	await display(id);
	return id;
}

/* GET with the test's user agent (the client sends its own otherwise). */
const get = (client, path) => client.get(path, { headers: { 'user-agent': UA } });

/*
 * The canonical serialization of document id, from the database, exactly as
 * fcgi/doc_compare.c doc_canon writes it (texts as "<bytes>:<text>").
 */
async function canon(id) {
	const d = await dbRow(`SELECT kind, number, revision, subtotal_cents, discount_cents, tax_cents, total_cents,
	    deposit_cents, HEX(terms) FROM documents WHERE id = ${id}`,
	['kind', 'number', 'revision', 'subtotal', 'discount', 'tax', 'total', 'deposit', 'terms']);
	const lines = await db(`SELECT HEX(description), qty_milli, HEX(unit), unit_price_cents, amount_cents
	    FROM document_lines WHERE document_id = ${id} ORDER BY position, id`);
	const str = (hex) => { const b = Buffer.from(hex ?? '', 'hex'); return [b.length, b]; };
	const parts = [Buffer.from(`plumbline-approval 1\nkind ${d.kind}\nnumber ${d.number}\nrevision ${d.revision}\n`)];
	for (const [desc, qty, unit, price, amount] of lines) {
		const [dl, db_] = str(desc);
		const [ul, ub] = str(unit);
		parts.push(Buffer.from(`line ${dl}:`), db_, Buffer.from(` ${qty} ${ul}:`), ub, Buffer.from(` ${price} ${amount}\n`));
	}
	const [tl, tb] = str(d.terms);
	parts.push(Buffer.from(`subtotal ${d.subtotal}\ndiscount ${d.discount}\ntax ${d.tax}\ntotal ${d.total}\n` +
	    `deposit ${d.deposit}\nterms ${tl}:`), tb, Buffer.from('\n'));
	return Buffer.concat(parts);
}

const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

/* The hidden hash of an approve form. */
const hashOf = (html) => /name="hash" value="([0-9a-f]{64})"/.exec(html)?.[1];

const APPROVAL = ['status', 'approved_name', 'approved_at', 'approved_ip', 'approved_ua', 'approved_person_id',
	'hash', 'version'];
const approval = (id) => dbRow(`SELECT status, approved_name, approved_at, approved_ip, approved_ua, approved_person_id,
    LOWER(HEX(approved_hash)), version FROM documents WHERE id = ${id}`, APPROVAL);

describe('what a customer can open', () => {
	let s, est, draft, hidden, otherCustomers, otherCompanys;

	before(async () => {
		s = await setup();
		est = await sentEstimate(s.owner, s.job);
		draft = await newDoc(s.owner.client, 'estimate', s.job.jobId, { lines: LINES });
		await display(draft);
		hidden = await newDoc(s.owner.client, 'estimate', s.job.jobId, { lines: LINES });
		await s.owner.client.post(`/app/estimates/${hidden}/send`, {});
		/* Another customer of the same company, and another company. */
		const job2 = await makeJob(s.owner.companyId, { customer: 'Someone Else' });
		otherCustomers = await sentEstimate(s.owner, job2);
		const other = await company();
		const job3 = await makeJob(other.companyId);
		otherCompanys = await sentEstimate(other, job3);
	});

	it('opens its own shared estimate, logs the view and says so once in the history', async () => {
		const res = await get(s.client, `/portal/documents/${est}`);
		assert.equal(res.status, 200);
		const text = textOf(res.text);
		assert.match(text, /Estimate #\d+/);
		assert.match(text, /Version 1/);
		assert.match(text, /Replace kitchen valve/);
		assert.match(text, /Download PDF/);
		assert.match(text, /Approve this estimate/);
		assert.ok(hashOf(res.text), 'the approve form carries the hash');
		const view = await dbRow(`SELECT person_id, ip, user_agent FROM document_views WHERE document_id = ${est}`,
			['person', 'ip', 'ua']);
		assert.equal(Number(view.person), s.person.id);
		assert.match(view.ip, /^127\./);
		assert.equal(view.ua, UA);
		/* A reload within half an hour is the same visit; a later one is another view. */
		await get(s.client, `/portal/documents/${est}`);
		assert.equal(await dbValue(`SELECT COUNT(*) FROM document_views WHERE document_id = ${est}`), '1');
		await db(`UPDATE document_views SET viewed_at = viewed_at - INTERVAL 1 HOUR WHERE document_id = ${est}`);
		await get(s.client, `/portal/documents/${est}`);
		assert.equal(await dbValue(`SELECT COUNT(*) FROM document_views WHERE document_id = ${est}`), '2');
		const events = await db(`SELECT person_id, body FROM job_events WHERE document_id = ${est} AND kind = 'view'`);
		assert.equal(events.length, 1, 'only the first view is news');
		assert.equal(Number(events[0][0]), s.person.id);
		assert.match(events[0][1], /viewed by Grace Hopper/);
	});

	it('answers 404 for a draft, a document not shown, another customer\'s or another company\'s', async () => {
		for (const id of [draft, hidden, otherCustomers, otherCompanys, 999999999]) {
			for (const path of [`/portal/documents/${id}`, `/portal/documents/${id}/pdf`,
				`/portal/documents/${est}/compare?with=${id}`]) {
				const res = await get(s.client, path);
				assert.equal(res.status, 404, `${path} → ${res.status}`);
			}
			const res = await s.client.post(`/portal/documents/${id}/approve`, { name: 'Grace Hopper', accept: '1',
				hash: '0'.repeat(64) });
			assert.equal(res.status, 404);
		}
		assert.equal(await dbValue(`SELECT COUNT(*) FROM document_views WHERE document_id IN
		    (${draft}, ${hidden}, ${otherCustomers}, ${otherCompanys})`), '0');
	});

	it('serves the PDF', async () => {
		const res = await get(s.client, `/portal/documents/${est}/pdf`);
		assert.equal(res.status, 200);
		assert.equal(res.headers['content-type'], 'application/pdf');
		assert.equal(res.body.subarray(0, 4).toString(), '%PDF');
	});

	it('is valid HTML', async () => {
		const res = await get(s.client, `/portal/documents/${est}`);
		const errors = await validateHtml([{ name: 'document', html: res.text }]);
		assert.deepEqual(errors.get('document'), []);
	});
});

describe('approving an estimate', () => {
	let s, est;

	before(async () => {
		s = await setup();
		est = await sentEstimate(s.owner, s.job);
	});

	it('asks for the name and the terms again, with the messages next to the fields', async () => {
		const page = await get(s.client, `/portal/documents/${est}`);
		const before_ = await approval(est);
		const res = await s.client.post(`/portal/documents/${est}/approve`, { name: ' ', hash: hashOf(page.text) });
		assert.equal(res.status, 422);
		const errors = fieldErrors(res.text);
		assert.ok(errors.name, 'name');
		assert.ok(errors.accept, 'accept');
		assert.deepEqual(await approval(est), before_);
	});

	it('refuses a changed estimate with 409 and changes nothing', async () => {
		const page = await get(s.client, `/portal/documents/${est}`);
		/* The content changes under the page (nothing in the app does this
		 * to a sent estimate: the hash is the last line of defence). */
		await db(`UPDATE document_lines SET unit_price_cents = unit_price_cents + 1 WHERE document_id = ${est}
		    AND position = 1`);
		const before_ = await approval(est);
		const res = await s.client.post(`/portal/documents/${est}/approve`, { name: 'Grace Hopper', accept: '1',
			hash: hashOf(page.text) });
		assert.equal(res.status, 409);
		assert.match(textOf(res.text), /changed after you opened it/);
		assert.deepEqual(await approval(est), before_);
		await db(`UPDATE document_lines SET unit_price_cents = unit_price_cents - 1 WHERE document_id = ${est}
		    AND position = 1`);
	});

	it('records name, time, address, browser, person and the hash of what was shown; the job is Approved; a copy is mailed', async () => {
		const page = await get(s.client, `/portal/documents/${est}`);
		const hash = hashOf(page.text);
		assert.equal(hash, sha256(await canon(est)), 'the page shows the hash of the canonical serialization');
		const res = await s.client.post(`/portal/documents/${est}/approve`, { name: 'Grace B. Hopper', accept: '1', hash },
			{ headers: { 'user-agent': UA } });
		assert.equal(res.status, 303, formError(res.text) ?? JSON.stringify(fieldErrors(res.text)));
		assert.equal(res.location, `/portal/documents/${est}`);
		const a = await approval(est);
		assert.equal(a.status, 'approved');
		assert.equal(a.approved_name, 'Grace B. Hopper');
		assert.ok(Math.abs(Date.parse(`${a.approved_at}Z`) - Date.now()) < 120000, a.approved_at);
		assert.match(a.approved_ip, /^127\./);
		assert.equal(a.approved_ua, UA);
		assert.equal(Number(a.approved_person_id), s.person.id);
		assert.equal(a.hash, sha256(await canon(est)));
		assert.equal(await dbValue(`SELECT status FROM jobs WHERE id = ${s.job.jobId}`), 'approved');
		const ev = await dbRow(`SELECT person_id, visible_to_customer, body FROM job_events WHERE document_id = ${est}
		    AND kind = 'approval'`, ['person', 'visible', 'body']);
		assert.equal(Number(ev.person), s.person.id);
		assert.equal(ev.visible, '1');
		assert.match(ev.body, /approved by Grace B\. Hopper/);

		const { mail, text, html } = await waitForMail({ to: s.person.email, subject: /approved estimate/ });
		assert.ok(text && html, 'text and HTML parts');
		assert.match(text, new RegExp(a.hash));
		const pdf = mail.attachments.find((x) => x.contentType === 'application/pdf');
		assert.ok(pdf, 'a PDF is attached');
		assert.equal(pdf.content.subarray(0, 4).toString(), '%PDF');
		assert.match(pdf.filename, /^Estimate-\d+-v1-approved\.pdf$/);

		const after = await get(s.client, `/portal/documents/${est}`);
		assert.match(textOf(after.text), /Approved by Grace B\. Hopper/);
		assert.equal(hashOf(after.text), undefined, 'no approve form any more');
		const again = await s.client.post(`/portal/documents/${est}/approve`, { name: 'Grace', accept: '1', hash });
		assert.equal(again.status, 409);
		assert.equal((await approval(est)).approved_name, 'Grace B. Hopper');
	});
});

describe('versions', () => {
	let s, v1, v2;

	before(async () => {
		s = await setup();
		v1 = await sentEstimate(s.owner, s.job);
	});

	it('asks for a revision with a note (required)', async () => {
		const empty = await s.client.post(`/portal/documents/${v1}/revision`, { changes: '  ' });
		assert.equal(empty.status, 422);
		assert.ok(fieldErrors(empty.text).changes);
		assert.equal(await dbValue(`SELECT status FROM documents WHERE id = ${v1}`), 'sent');
		const res = await s.client.post(`/portal/documents/${v1}/revision`, { changes: 'Can the labour be 2 hours?' });
		assert.equal(res.status, 303);
		assert.equal(await dbValue(`SELECT status FROM documents WHERE id = ${v1}`), 'revision_requested');
		const ev = await dbRow(`SELECT person_id, body FROM job_events WHERE document_id = ${v1} AND kind = 'revision'`,
			['person', 'body']);
		assert.equal(Number(ev.person), s.person.id);
		assert.match(ev.body, /Can the labour be 2 hours\?/);
		const page = await get(s.client, `/portal/documents/${v1}`);
		assert.match(textOf(page.text), /You asked for a revision/);
		const office = await s.owner.client.get(`/app/estimates/${v1}`);
		assert.match(textOf(office.text), /Revision requested/);
		/* The owner reads what to change where they act on it, in the customer's words only. */
		const notice = /<section class="alert alert--info doc-revision[^]*?<\/section>/.exec(office.text)?.[0] ?? '';
		assert.match(textOf(notice), /Grace Hopper asked for changes to version 1/);
		assert.match(textOf(notice), /Can the labour be 2 hours\?/);
		assert.doesNotMatch(textOf(notice), /asks for a revision/, 'not the history\'s system line');
	});

	it('the office makes version 2; a stale approval of version 1 is refused with the new version shown', async () => {
		const page = await get(s.client, `/portal/documents/${v1}`);
		const res = await s.owner.client.post(`/app/estimates/${v1}/revise`, {});
		assert.equal(res.status, 303);
		v2 = Number(/^\/app\/estimates\/(\d+)\/edit$/.exec(res.location)?.[1]);
		assert.ok(v2 > v1, res.location);
		const row = await dbRow(`SELECT number, revision, parent_id, status FROM documents WHERE id = ${v2}`,
			['number', 'revision', 'parent', 'status']);
		assert.equal(row.revision, '2');
		assert.equal(Number(row.parent), v1);
		assert.equal(row.status, 'draft');
		assert.equal(await dbValue(`SELECT COUNT(*) FROM document_lines WHERE document_id = ${v2}`), '3');
		const edit = await s.owner.client.get(`/app/estimates/${v2}/edit`);
		assert.match(textOf(edit.text), /Edit estimate #\d+ · version 2/);
		assert.match(edit.text, /<title>Edit estimate #\d+ · version 2/);
		assert.match(textOf(edit.text), /Grace Hopper asked for changes to version 1[^]*Can the labour be 2 hours\?/,
			'the draft\'s form shows the request it answers');
		/* A second version from v1 again is refused: revise the newest. */
		const twice = await s.owner.client.post(`/app/estimates/${v1}/revise`, {});
		assert.equal(twice.status, 409);
		/* While v2 is a draft the customer doesn't see it. */
		assert.equal((await get(s.client, `/portal/documents/${v2}`)).status, 404);

		const version = await dbValue(`SELECT version FROM documents WHERE id = ${v2}`);
		const lines = [LINES[0], { ...LINES[1], qty: '2' }, { desc: 'Pressure test', qty: '1', unit: 'ea', price: '40' }];
		const saved = await s.owner.client.post(`/app/estimates/${v2}`, docFields({ lines, ...PRICING, version,
			valid_until: '2026-04-30' }));
		assert.equal(saved.status, 303, formError(saved.text) ?? JSON.stringify(fieldErrors(saved.text)));
		assert.equal((await s.owner.client.post(`/app/estimates/${v2}/send`, {})).status, 303);
		assert.equal(await dbValue(`SELECT status FROM documents WHERE id = ${v1}`), 'superseded');

		const before_ = [await approval(v1), await approval(v2)];
		const stale = await s.client.post(`/portal/documents/${v1}/approve`, { name: 'Grace Hopper', accept: '1',
			hash: hashOf(page.text) });
		assert.equal(stale.status, 409);
		const text = textOf(stale.text);
		assert.match(text, /Nothing was approved|can't be approved/);
		assert.match(text, /Version 2/);
		assert.match(text, /Pressure test/);
		assert.deepEqual([await approval(v1), await approval(v2)], before_);
		assert.equal(await dbValue(`SELECT status FROM jobs WHERE id = ${s.job.jobId}`), 'estimating');
	});

	it('lists the versions and compares them on both sides: the changed line and the totals', async () => {
		const page = await get(s.client, `/portal/documents/${v2}`);
		assert.equal(page.status, 200);
		assert.ok(page.text.includes(`/portal/documents/${v2}/compare?with=${v1}`), 'compare link');
		const old = await get(s.client, `/portal/documents/${v1}`);
		assert.match(textOf(old.text), /There is a newer version/);

		const totals = await db(`SELECT total_cents FROM documents WHERE id IN (${v1}, ${v2}) ORDER BY revision`);
		const delta = (Number(totals[1][0]) - Number(totals[0][0])) / 100;
		assert.ok(delta !== 0);
		for (const [client, path] of [[s.client, `/portal/documents/${v2}/compare?with=${v1}`],
			[s.owner.client, `/app/estimates/${v2}/compare?with=${v1}`],
			[s.owner.client, `/app/estimates/${v1}/compare?with=${v2}`]]) {
			const res = await client.get(path);
			assert.equal(res.status, 200, path);
			const text = textOf(res.text);
			assert.match(text, /1 changed/);
			assert.match(text, /1 added/);
			assert.match(text, /1 removed/);
			assert.match(res.text, /cmp-row--changed[\s\S]*?Labour[\s\S]*?<del class="cmp-old"><span class="visually-hidden">was <\/span>2\.5<\/del> <ins class="cmp-new"><span class="visually-hidden">now <\/span>2<\/ins>/);
			assert.match(res.text, /cmp-row--added[\s\S]*?Pressure test/);
			assert.match(res.text, /cmp-row--removed[\s\S]*?Haul away old parts/);
			assert.match(text, new RegExp(`${delta > 0 ? '\\+' : '−'}\\$${Math.abs(delta).toFixed(2)}`), 'total change');
			assert.match(text, /Subtotal[\s\S]*Tax[\s\S]*Total[\s\S]*Deposit/);
			assert.doesNotMatch(text, /Discount/, 'no discount in either version');
		}
		const office = await s.owner.client.get(`/app/estimates/${v2}`);
		assert.match(textOf(office.text), /Versions[\s\S]*Version 1[\s\S]*Version 2/);
		const errors = await validateHtml([{ name: 'compare', html: (await s.client.get(`/portal/documents/${v2}/compare?with=${v1}`)).text }]);
		assert.deepEqual(errors.get('compare'), []);
	});

	it('a compare needs two versions of one number', async () => {
		const other = await sentEstimate(s.owner, s.job);
		assert.equal((await s.owner.client.get(`/app/estimates/${v2}/compare?with=${other}`)).status, 404);
		assert.equal((await get(s.client, `/portal/documents/${v2}/compare?with=${other}`)).status, 404);
		assert.equal((await s.owner.client.get(`/app/estimates/${v2}/compare?with=abc`)).status, 404);
	});

	it('version 2 approves; only a draft-free, current version can be revised', async () => {
		const page = await get(s.client, `/portal/documents/${v2}`);
		const res = await s.client.post(`/portal/documents/${v2}/approve`, { name: 'Grace Hopper', accept: '1',
			hash: hashOf(page.text) });
		assert.equal(res.status, 303);
		assert.equal((await approval(v2)).hash, sha256(await canon(v2)));
		assert.equal(await dbValue(`SELECT status FROM jobs WHERE id = ${s.job.jobId}`), 'approved');
		assert.equal((await s.owner.client.post(`/app/estimates/${v2}/revise`, {})).status, 409);
	});
});

describe('disputing an invoice', () => {
	let s, inv;

	before(async () => {
		s = await setup();
		inv = await newDoc(s.owner.client, 'invoice', s.job.jobId, { lines: LINES, tax_rate: '8.25' });
		assert.equal((await s.owner.client.post(`/app/invoices/${inv}/send`, {})).status, 303);
		await display(inv);
	});

	it('shows the balance and how to pay, without a fake pay button', async () => {
		const res = await get(s.client, `/portal/documents/${inv}`);
		assert.equal(res.status, 200);
		const text = textOf(res.text);
		assert.match(text, /Balance due \$[\d,]+\.\d\d/);
		assert.match(text, /To pay, contact/);
		assert.doesNotMatch(text, /coming soon/i);
		assert.doesNotMatch(text, /Approve this/);
	});

	it('needs a reason, then records it, tells the history and changes nothing else', async () => {
		const empty = await s.client.post(`/portal/documents/${inv}/dispute`, { reason: '' });
		assert.equal(empty.status, 422);
		assert.ok(fieldErrors(empty.text).reason);
		assert.equal(await dbValue(`SELECT disputed_at FROM documents WHERE id = ${inv}`), null);
		const res = await s.client.post(`/portal/documents/${inv}/dispute`, { reason: 'The haul-away was not done.' });
		assert.equal(res.status, 303);
		const d = await dbRow(`SELECT disputed_at, dispute_reason, status FROM documents WHERE id = ${inv}`,
			['at', 'reason', 'status']);
		assert.ok(d.at);
		assert.equal(d.reason, 'The haul-away was not done.');
		assert.equal(d.status, 'sent');
		const ev = await dbRow(`SELECT person_id, body FROM job_events WHERE document_id = ${inv} AND kind = 'dispute'`,
			['person', 'body']);
		assert.equal(Number(ev.person), s.person.id);
		assert.match(ev.body, /haul-away was not done/);
		/* An estimate can't be disputed, an invoice can't be approved. */
		assert.equal((await s.client.post(`/portal/documents/${inv}/approve`, { name: 'x y', accept: '1' })).status, 404);
	});
});

describe('a person of another customer', () => {
	it('gets 404 for the first customer\'s document, even signed in to the same company', async () => {
		const s = await setup();
		const est = await sentEstimate(s.owner, s.job);
		const stranger = await portalCustomer(s.owner.companyId);
		const client = await portalClient(stranger);
		assert.equal((await client.get(`/portal/documents/${est}`)).status, 404);
		assert.equal((await client.post(`/portal/documents/${est}/revision`, { changes: 'hi' })).status, 404);
		assert.equal(await dbValue(`SELECT status FROM documents WHERE id = ${est}`), 'sent');
	});
});
