/*
 * The tenant isolation test, made mechanical.  Two companies, A and B, each
 * with full data made through the app (staff of every role, customers with
 * contacts and properties, a project job with stages, visits and notes,
 * price book items, estimates and invoices with lines, deposits and
 * payments, and so the job's history).  Then:
 *
 * - every route of the live route table (`plumbline routes`) whose pattern
 *   takes a `:param` is mapped, by its path prefix, to the kind of record
 *   the id names — a route whose prefix has no mapping fails the test, so a
 *   new route can't escape it;
 * - acting as B's owner (and as B's office and field staff on the routes
 *   their role reaches), each route is called with every one of A's
 *   records of that kind, and with 0, -1, 99999999999, 'abc', '1abc' and a
 *   missing id — GET as GET, POST with a plausible form (valid CSRF token,
 *   A's own version number, fields that pass validation, so only the
 *   ownership check can stop it): every answer is 404, one and the same
 *   page as for a missing id, showing nothing of A;
 * - before and after, every row of A in every table with a company_id
 *   (read from information_schema, so new tables are included) and A's
 *   company row are compared whole, as strings;
 * - ids in form bodies and query strings (customer_id, property_id,
 *   job_id, visit_user, price book items, ?customer_id= / ?job_id= /
 *   ?user= / ?after=): B naming A's records there is refused (404/422) or
 *   ignored, and no row of B references a row of A (every *_id column of
 *   every tenant table is checked; an unknown one fails the test);
 * - a control: the same requests by A's owner on A's records are not 404,
 *   so the 404s above come from the ownership check, not a bad request;
 * - the customer portal's routes (access portal, portal-full) are called
 *   the same way by a signed-in portal customer of B, and in the control
 *   by A's own portal customer (signed in through a shared document's link).
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';

import { existsSync } from 'node:fs';

import {
	Client, STACK_DIR, addStaff, db, dbValue, fieldErrors, formError, inputValue, portalFollowLink, routeTable, signup, sqlString,
	textOf, titleOf, uniq, waitFor, waitForMail,
} from '../lib/index.mjs';
import { docFields } from './documents-fixtures.mjs';

/* The kind of record a route's :id names, by the route's path prefix. */
const PREFIXES = [
	['/app/customers/:id', 'customer'],
	['/app/contacts/:id', 'contact'],
	['/app/properties/:id', 'property'],
	['/app/jobs/:id', 'job'],
	['/app/visits/:id', 'visit'],
	['/app/stages/:id', 'stage'],
	['/app/estimates/:id', 'estimate'],
	['/app/invoices/:id', 'invoice'],
	['/app/price-book/:id', 'price item'],
	['/app/staff/:id', 'user'],
	['/portal/documents/:id', 'document'],
	['/portal/messages/:job_id', 'job'],
	['/portal/sessions/:id', 'portal session'],
];

/* Access levels of the customer portal: probed by a portal customer, not by staff. */
const PORTAL_ACCESS = ['portal', 'portal-full'];

/* Parameterised routes that name no tenant record, and why. */
const SKIP = {
	'/dev/mail/:name': 'the dev-only mail viewer (config dev = 1; 404 in production): :name is a file of the ' +
	    'mail capture directory, not a tenant record',
	'/u/:token': 'one-click unsubscribe: :token is an HMAC naming the company, person and kind, not an id ' +
	    '(alerts.test.mjs: a forged or altered token is 404 and changes nothing)',
	'/d/:token': 'the public verification page of a PDF: :token is a 256-bit secret, not an id (pdf.test.mjs: ' +
	    "a changed token and a draft's token answer 404)",
	'/portal/l/:token': 'a sign-in link: :token is a secret, not an id (portal_auth.test.mjs: forged, spent, ' +
	    'expired and revoked tokens answer 404/410 and start no session)',
};

/* Where the records of each kind live. */
const KINDS = {
	customer: { table: 'customers' },
	contact: { table: 'contacts' },
	property: { table: 'properties' },
	job: { table: 'jobs' },
	visit: { table: 'visits' },
	stage: { table: 'stages' },
	estimate: { table: 'documents', where: "kind = 'estimate'" },
	invoice: { table: 'documents', where: "kind = 'invoice'" },
	'price item': { table: 'price_items' },
	user: { table: 'users' },
	document: { table: 'documents' },
	'portal session': { table: 'portal_sessions' },
};

/* What every *_id (or *_by) column of a tenant table refers to. */
const REFS = {
	customer_id: 'customers', property_id: 'properties', job_id: 'jobs', document_id: 'documents', user_id: 'users',
	price_item_id: 'price_items', parent_id: 'documents', source_id: 'documents', created_by: 'users',
	invited_by: 'users', person_id: 'portal_people', approved_person_id: 'portal_people', contact_id: 'contacts',
	seen_event_id: 'job_events',
};

/* Ids that name nothing. */
const BAD_IDS = [0, -1, 99999999999, 'abc', '1abc'];

const LINE = { desc: 'Isolation washer', qty: '2', unit: 'ea', price: '12.50' };
const yesterday = () => new Date(Date.now() - 2 * 86400e3).toISOString().slice(0, 10);

/* The kind of a parameterised pattern, or throws when it has none. */
function kindOf(pattern) {
	const params = pattern.match(/:[A-Za-z_]+/g) ?? [];
	const hit = PREFIXES.find(([p]) => pattern === p || pattern.startsWith(`${p}/`));
	if (!hit)
		throw new Error(`${pattern}: no record kind for its prefix — add it to PREFIXES (or SKIP with a reason)`);
	if (params.length !== 1)
		throw new Error(`${pattern}: ${params.length} parameters; this test maps one :id per route`);
	return hit[1];
}

/*
 * A form for each parameterised POST route that would pass validation on
 * the record it names (version: that record's own).  A POST route missing
 * here fails the test: write its plausible form.
 */
function bodyFor(pattern, version = 1) {
	const v = String(version);
	const bodies = {
		'/app/staff/:id/role': { role: 'owner' },
		'/app/staff/:id/remove': {},
		'/app/customers/:id': { version: v, kind: 'business', name: 'Taken Over Ltd', email: 'taken@example.test',
			phone: '+1 555 0100', notes: 'hijacked', tags: 'stolen', street: '9 Bravo Street', city: 'Bravoville',
			region: '', postal_code: '' },
		'/app/customers/:id/delete': { version: v },
		'/app/customers/:id/contacts': { contact_name: 'Sneaky Contact', contact_email: 'sneaky@example.test',
			contact_phone: '+1 555 0101', contact_role: 'Spy' },
		'/app/customers/:id/properties': { label: 'Sneaky site', street: '1 Sneaky Street', city: 'Sneakton',
			region: '', postal_code: '', notes: '' },
		'/app/properties/:id': { version: v, label: 'Hijacked', street: '2 Hijack Road', city: 'Hijackton',
			region: '', postal_code: '', notes: '' },
		'/app/properties/:id/delete': { version: v },
		'/app/contacts/:id/delete': {},
		'/app/jobs/:id': { version: v, title: 'Hijacked job', description: 'hijacked', property_id: '', is_project: '1' },
		'/app/jobs/:id/status': { to: 'scheduled' },
		'/app/jobs/:id/notes': { note: 'Hijacked note', note_visible: '1' },
		'/app/jobs/:id/visits': { visit_date: '2030-03-04', visit_start: '09:00', visit_end: '10:00', visit_user: '',
			visit_notes: 'Hijacked visit' },
		'/app/jobs/:id/stages': { stage_name: 'Hijacked stage', stage_starts_on: '', stage_ends_on: '' },
		'/app/visits/:id': { version: v, visit_date: '2030-03-05', visit_start: '09:00', visit_end: '10:00',
			visit_user: '', visit_notes: 'Hijacked' },
		'/app/visits/:id/done': { version: v },
		'/app/visits/:id/cancel': { version: v },
		'/app/stages/:id': { version: v, name: 'Hijacked', status: 'done', starts_on: '', ends_on: '' },
		'/app/stages/:id/status': { version: v, status: 'done' },
		'/app/stages/:id/up': { version: v },
		'/app/stages/:id/down': { version: v },
		'/app/stages/:id/delete': { version: v },
		'/app/price-book/:id': { version: v, name: 'Hijacked item', description: '', unit: 'ea', price: '1', taxable: '1' },
		'/app/price-book/:id/archive': { version: v },
		'/app/price-book/:id/restore': { version: v },
		'/app/estimates/:id': docFields({ version: v, title: 'Hijacked estimate', lines: [LINE] }),
		'/app/estimates/:id/send': { version: v },
		'/app/estimates/:id/approve': { version: v },
		'/app/estimates/:id/decline': { version: v },
		'/app/estimates/:id/invoice': { version: v },
		'/app/estimates/:id/payments': { kind: 'payment', method: 'cash', amount: '1', received_on: yesterday(),
			reference: 'hijack', reason: '' },
		'/app/estimates/:id/display': { display: '1' },
		'/app/estimates/:id/share': { to: 'customer', message: 'Hijacked share' },
		'/app/estimates/:id/links/revoke': {},
		'/app/estimates/:id/revise': {},
		'/app/invoices/:id': docFields({ version: v, title: 'Hijacked invoice', lines: [LINE] }),
		'/app/invoices/:id/send': { version: v },
		'/app/invoices/:id/void': { version: v },
		'/app/invoices/:id/payments': { kind: 'payment', method: 'cash', amount: '1', received_on: yesterday(),
			reference: 'hijack', reason: '' },
		'/app/invoices/:id/display': { display: '1' },
		'/app/invoices/:id/share': { to: 'customer', message: 'Hijacked share' },
		'/app/invoices/:id/links/revoke': {},
		/* The customer portal (the approval's hash is the page's: the control reads it there). */
		'/portal/sessions/:id/end': {},
		'/portal/documents/:id/approve': { name: 'Hijack Approver', accept: '1', hash: '0'.repeat(64) },
		'/portal/documents/:id/revision': { changes: 'Hijacked revision request' },
		'/portal/documents/:id/dispute': { reason: 'Hijacked dispute' },
		'/portal/documents/:id/notes': { note: 'Hijacked portal note' },
		'/portal/messages/:job_id': { note: 'Hijacked portal message' },
	};
	return bodies[pattern];
}

/* ---- the database side ---- */

/* { table: [columns] } of every table of the schema. */
async function schema() {
	const rows = await db(`SELECT table_name, GROUP_CONCAT(column_name ORDER BY ordinal_position SEPARATOR ',')
	    FROM information_schema.columns WHERE table_schema = DATABASE() GROUP BY table_name`);
	return Object.fromEntries(rows.map(([t, cols]) => [t, cols.split(',')]));
}

/* The tables with a company_id column, from information_schema (new ones included). */
async function tenantTables() {
	const s = await schema();
	return Object.fromEntries(Object.entries(s).filter(([, cols]) => cols.includes('company_id')));
}

/* Every row of companyId in every tenant table, and its company row, as strings: { table: text }. */
async function snapshot(companyId) {
	const tables = await tenantTables();
	const out = {};
	await Promise.all([
		...Object.entries(tables).map(async ([t, cols]) => {
			const order = cols.includes('id') ? 'id' : cols.map((_, i) => i + 1).join(', ');
			const rows = await db(`SELECT ${cols.map((c) => `\`${c}\``).join(', ')} FROM \`${t}\`
			    WHERE company_id = ${companyId} ORDER BY ${order}`);
			out[t] = rows.map((r) => JSON.stringify(r)).join('\n');
		}),
		(async () => {
			out['companies (own row)'] = (await db(`SELECT * FROM companies WHERE id = ${companyId}`))
				.map((r) => JSON.stringify(r)).join('\n');
		})(),
	]);
	return Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
}

/*
 * Rows of companyId that reference a row of another company, by every
 * reference column of every tenant table: ['table.column → id (company n)'].
 * A reference column (…_id, …_by) this test doesn't know fails.
 */
async function foreignRefs(companyId) {
	const tables = await tenantTables();
	const bad = [];
	for (const [t, cols] of Object.entries(tables)) {
		for (const c of cols) {
			if (c === 'company_id' || !/(_id|_by)$/.test(c))
				continue;
			const ref = REFS[c];
			assert.ok(ref, `${t}.${c}: a reference column this test doesn't know — add it to REFS`);
			const rows = await db(`SELECT x.\`${c}\`, y.company_id FROM \`${t}\` x JOIN \`${ref}\` y ON y.id = x.\`${c}\`
			    WHERE x.company_id = ${companyId} AND y.company_id <> x.company_id`);
			for (const [id, other] of rows)
				bad.push(`${t}.${c} → ${ref} ${id} (company ${other})`);
		}
	}
	return bad;
}

/* A's records of a kind: [{ id, version }] (version 1 where the table has none). */
async function recordsOf(companyId, kind, cols) {
	const { table, where } = KINDS[kind];
	const version = cols[table].includes('version') ? 'version' : '1';
	const rows = await db(`SELECT id, ${version} FROM ${table} WHERE company_id = ${companyId}${where ? ` AND ${where}` : ''}
	    ORDER BY id`);
	return rows.map(([id, v]) => ({ id: Number(id), version: Number(v) }));
}

/* ---- the data ---- */

async function ok(res, what, status = 303) {
	assert.equal(res.status, status, `${what}: ${res.status} ${textOf(res.text).slice(0, 300)}`);
	return res;
}

function idIn(res, re) {
	const m = re.exec(res.location ?? '');
	assert.ok(m, `redirect ${res.location}`);
	return Number(m[1]);
}

/* A company with full data, all through the app. */
async function fullCompany(tag) {
	const t = `${tag}${uniq('')}`.replace(/[^A-Za-z0-9]/g, '');
	const owner = await signup({ name: `${t} Plumbing`, owner_name: `${t} Owner` });
	const [office, field] = await Promise.all([
		addStaff(owner.client, 'office', { name: `${t} Officer` }),
		addStaff(owner.client, 'field', { name: `${t} Fielder` }),
	]);
	const c = owner.client;
	const secrets = [`${t} Plumbing`, `${t} Owner`, `${t} Officer`, `${t} Fielder`, owner.email, office.email, field.email];

	/* Customers, contacts, properties. */
	const customers = [];
	for (const [kind, name] of [['person', `${t} Customer`], ['business', `${t} Holdings`]]) {
		const r = await ok(await c.post('/app/customers', { kind, name, email: `${t.toLowerCase()}-${kind}@example.test`,
			phone: '+1 555 0199', notes: `${t} notes`, tags: 'vip', street: `1 ${t} Street`, city: `${t}ville`,
			region: 'CA', postal_code: '90210' }), `${tag} customer`);
		customers.push(idIn(r, /^\/app\/customers\/(\d+)$/));
		secrets.push(name, `1 ${t} Street`);
	}
	for (const id of customers) {
		await ok(await c.post(`/app/customers/${id}/contacts`, { contact_name: `${t} Contact ${id}`,
			contact_email: `contact-${id}@example.test`, contact_phone: '+1 555 0142', contact_role: 'Manager' }), 'contact');
		secrets.push(`${t} Contact ${id}`);
	}
	await ok(await c.post(`/app/customers/${customers[0]}/properties`, { label: `${t} Cabin`, street: `2 ${t} Lane`,
		city: `${t}ton`, region: '', postal_code: '', notes: '' }), 'property');
	const property = Number(await dbValue(`SELECT MIN(id) FROM properties WHERE customer_id = ${customers[0]}`));

	/* Price book: one item in use, one archived. */
	const items = [];
	for (const name of [`${t} Valve`, `${t} Old Pipe`]) {
		await ok(await c.post('/app/price-book', { name, description: 'brass', unit: 'ea', price: '42.50', taxable: '1' }), 'item');
		items.push(Number(await dbValue(`SELECT MAX(id) FROM price_items WHERE company_id = ${owner.companyId}`)));
	}
	await ok(await c.post(`/app/price-book/${items[1]}/archive`, { version: '1' }), 'archive');

	/* A project job with stages, visits (one the field user's), notes; a plain job too. */
	let r = await ok(await c.post('/app/jobs', { customer_id: customers[0], property_id: property,
		title: `${t} Secret Project`, description: 'big', is_project: '1' }), 'job');
	const job = idIn(r, /^\/app\/jobs\/(\d+)$/);
	r = await ok(await c.post('/app/jobs', { customer_id: customers[1], property_id: '', title: `${t} Small Job`,
		description: '' }), 'job 2');
	const job2 = idIn(r, /^\/app\/jobs\/(\d+)$/);
	secrets.push(`${t} Secret Project`, `${t} Small Job`);
	for (const name of [`${t} Demolition`, `${t} Rough-in`])
		await ok(await c.post(`/app/jobs/${job}/stages`, { stage_name: name, stage_starts_on: '', stage_ends_on: '' }), 'stage');
	for (const [date, user] of [['2030-01-07', field.userId], ['2030-01-08', office.userId]])
		await ok(await c.post(`/app/jobs/${job}/visits`, { visit_date: date, visit_start: '09:00', visit_end: '11:00',
			visit_user: user, visit_notes: `${t} visit notes` }), 'visit');
	await ok(await c.post(`/app/jobs/${job}/notes`, { note: `${t} private note`, note_visible: '' }), 'note');
	await ok(await c.post(`/app/jobs/${job}/notes`, { note: `${t} shared note`, note_visible: '1' }), 'note');
	secrets.push(`${t} private note`, `${t} Demolition`);

	/* Estimates: a draft, a sent one with a deposit that gets approved and invoiced. */
	const lines = [LINE, { ...LINE, desc: `${t} valve line`, item: items[0] }];
	r = await ok(await c.post('/app/estimates', docFields({ job_id: job, title: `${t} Draft Estimate`, lines })), 'estimate');
	const draftEstimate = idIn(r, /^\/app\/estimates\/(\d+)$/);
	r = await ok(await c.post('/app/estimates', docFields({ job_id: job, title: `${t} Big Estimate`, lines,
		deposit: '10', deposit_kind: 'amount' })), 'estimate 2');
	const estimate = idIn(r, /^\/app\/estimates\/(\d+)$/);
	r = await ok(await c.post('/app/estimates', docFields({ job_id: job2, title: `${t} Sent Estimate`, lines })), 'estimate 3');
	const sentEstimate = idIn(r, /^\/app\/estimates\/(\d+)$/);
	await ok(await c.post(`/app/estimates/${sentEstimate}/send`, {}), 'send estimate 3');
	secrets.push(`${t} Draft Estimate`, `${t} Big Estimate`, `${t} Sent Estimate`);
	await ok(await c.post(`/app/estimates/${estimate}/send`, {}), 'send estimate');
	await ok(await c.post(`/app/estimates/${estimate}/payments`, { kind: 'payment', method: 'card', amount: '10',
		received_on: yesterday(), reference: 'deposit', reason: '' }), 'deposit');
	await ok(await c.post(`/app/estimates/${estimate}/approve`, {}), 'approve');
	r = await ok(await c.post(`/app/estimates/${estimate}/invoice`, {}), 'invoice from estimate');
	const invoice = idIn(r, /^\/app\/invoices\/(\d+)$/);
	await ok(await c.post(`/app/invoices/${invoice}/send`, {}), 'send invoice');
	await ok(await c.post(`/app/invoices/${invoice}/payments`, { kind: 'payment', method: 'check', amount: '5',
		received_on: yesterday(), reference: 'chk 1', reason: '' }), 'payment');
	r = await ok(await c.post('/app/invoices', docFields({ job_id: job2, title: `${t} Draft Invoice`, lines: [LINE] })), 'invoice 2');
	const draftInvoice = idIn(r, /^\/app\/invoices\/(\d+)$/);
	/* A CSV import left pending at its mapping step: its stored file name travels in the form. */
	r = await ok(await c.post('/app/customers/import', { file: { filename: 'people.csv', contentType: 'text/csv',
		data: `name,email\n${t} Imported,imported-${t.toLowerCase()}@example.test\n` } }, { multipart: true }), 'import upload', 200);
	const importFile = inputValue(r.text, 'file');
	assert.match(importFile ?? '', /^[A-Za-z0-9_-]{43}\.csv$/, 'the mapping page names the stored upload');
	secrets.push(`${t} Imported`);

	/*
	 * The customer portal: the estimate and the invoice shared with the first customer (a portal person,
	 * links, shares, mail); one link followed on a spare device, one asked for at /portal/login (the
	 * customer's own session: the spare one has the lower id, so the control ends that one); the
	 * documents viewed; a message from the portal.
	 */
	const personEmail = `${t.toLowerCase()}-person@example.test`;
	for (const [kind, id] of [['estimate', estimate], ['invoice', invoice]])
		await ok(await c.post(`/app/${kind}s/${id}/share`, { to: 'customer', message: `${t} share message` }), `share ${kind}`);
	const linkRe = /https?:\/\/[^\s]+\/portal\/l\/[A-Za-z0-9_-]{43}/;
	const shared = await waitForMail({ to: personEmail, link: linkRe });
	await ok((await portalFollowLink(shared.link)).res, 'follow the shared link (spare device)');
	await ok(await new Client().post('/portal/login/link', { link_email: personEmail }), 'email me a link', 200);
	const signIn = await waitForMail({ to: personEmail, subject: 'sign-in link', link: linkRe });
	const { client: portal, res: signedIn } = await portalFollowLink(signIn.link);
	await ok(signedIn, 'follow the sign-in link');
	for (const id of [estimate, invoice])
		await ok(await portal.get(`/portal/documents/${id}`), 'portal view', 200);
	await ok(await portal.post(`/portal/messages/${job}`, { note: `${t} portal question` }), 'portal message');
	secrets.push(`${t} portal question`, `${t} share message`, personEmail);
	await c.get('/app/');	/* shows (and so ends) the last flash message */
	return {
		importFile,
		tag, t, owner, office, field, secrets, customers, property, items, job, job2, draftEstimate, estimate, invoice,
		draftInvoice, portal, companyId: owner.companyId,
	};
}

/* Wait until the mail worker has handled every message of a company (its outbox rows stop changing). */
async function mailSettled(companyId) {
	await waitFor(async () => (await dbValue(`SELECT COUNT(*) FROM outbox WHERE company_id = ${companyId}
	    AND sent_at IS NULL`)) === '0', { timeout: 15000, message: `outbox of company ${companyId} delivered` });
}

/* ---- the test ---- */

describe('tenant isolation over the whole route table', () => {
	let a, b, routes, idRoutes, cols, aRecords, missing;

	before(async () => {
		[a, b] = await Promise.all([fullCompany('Alpha'), fullCompany('Bravo')]);
		routes = await routeTable();
		idRoutes = routes.filter((r) => /\/:[A-Za-z_]/.test(r.pattern));
		cols = await schema();
		aRecords = {};
		for (const kind of Object.keys(KINDS))
			aRecords[kind] = await recordsOf(a.companyId, kind, cols);
		missing = Number(await dbValue(`SELECT GREATEST(${[...new Set(Object.values(KINDS).map((k) => k.table))]
			.map((t) => `(SELECT MAX(id) FROM ${t})`).join(', ')})`)) + 100000;
		await Promise.all([mailSettled(a.companyId), mailSettled(b.companyId)]);
	});

	it('maps every parameterised route of the route table to a record kind (or a reasoned skip)', () => {
		assert.ok(idRoutes.length >= 45, `${idRoutes.length} parameterised routes`);
		const unmapped = [];
		for (const r of idRoutes) {
			if (SKIP[r.pattern])
				continue;
			try {
				kindOf(r.pattern);
			} catch (e) {
				unmapped.push(`${r.method} ${e.message}`);
			}
			if (r.method === 'POST' && !SKIP[r.pattern] && !bodyFor(r.pattern))
				unmapped.push(`POST ${r.pattern}: no plausible form in bodyFor()`);
			if (!['field', 'office', 'owner', ...PORTAL_ACCESS].includes(r.access))
				unmapped.push(`${r.method} ${r.pattern}: access ${r.access} — a signed-out route with an id; add who probes it`);
			if (!['GET', 'POST'].includes(r.method))
				unmapped.push(`${r.method} ${r.pattern}: a method this test doesn't call`);
		}
		assert.deepEqual(unmapped, []);
		assert.throws(() => kindOf('/app/widgets/:id'), /no record kind/, 'an unknown prefix fails');
		assert.throws(() => kindOf('/app/jobs/:id/widgets/:wid'), /2 parameters/, 'a second parameter fails');
		for (const pattern of Object.keys(SKIP))
			assert.ok(idRoutes.some((r) => r.pattern === pattern), `SKIP names ${pattern}, which is no longer a route`);
	});

	it("A has rows in every tenant table and records of every kind (the data is full)", async () => {
		const snap = await snapshot(a.companyId);
		const empty = Object.entries(snap).filter(([, text]) => text === '').map(([t]) => t);
		assert.deepEqual(empty, [], 'tenant tables where A has no rows: give A data there');
		for (const [kind, recs] of Object.entries(aRecords))
			assert.ok(recs.length >= 2, `A has ${recs.length} ${kind} records`);
	});

	/*
	 * Call every parameterised route as `who` with A's ids and bad ids;
	 * resolves the list of wrong answers and the set of distinct 404 pages.
	 */
	async function probe(who, access) {
		const wrong = [];
		let calls = 0;
		const covered = new Set();
		const pages = new Map();
		await who.client.get(access.some((x) => PORTAL_ACCESS.includes(x)) ? '/portal/' : '/app/');	/* no flash pending */
		for (const r of idRoutes) {
			if (SKIP[r.pattern] || !access.includes(r.access))
				continue;
			const kind = kindOf(r.pattern);
			const ids = [...aRecords[kind], ...[...BAD_IDS, missing].map((id) => ({ id, version: 1 }))];
			for (const { id, version } of ids) {
				const path = r.pattern.replace(/:[A-Za-z_]+/, encodeURIComponent(String(id)));
				const res = r.method === 'GET' ? await who.client.get(path) : await who.client.post(path, bodyFor(r.pattern, version));
				calls++;
				covered.add(`${r.method} ${r.pattern}`);
				if (res.status !== 404)
					wrong.push(`${r.method} ${path} (${kind}) → ${res.status}${res.location ? ` ${res.location}` : ''}`);
				const leaked = a.secrets.filter((s) => res.text.includes(s));
				if (leaked.length)
					wrong.push(`${r.method} ${path} shows A's ${leaked.join(', ')}`);
				if (res.status === 404) {
					const page = `${titleOf(res.text)}|${textOf(res.text)}`;
					if (!pages.has(page))
						pages.set(page, `${r.method} ${path}`);
				}
			}
		}
		return { wrong, pages, calls, covered };
	}

	for (const [role, access] of [['owner', ['field', 'office', 'owner']], ['office', ['field', 'office']], ['field', ['field']]]) {
		it(`as B's ${role}: every parameterised route answers 404 to A's ids and to 0, -1, huge, non-numeric and missing ids; A is unchanged`, async (t) => {
			const before = await snapshot(a.companyId);
			const { wrong, pages, calls, covered } = await probe(b[role], access);
			const expected = idRoutes.filter((r) => !SKIP[r.pattern] && access.includes(r.access));
			assert.equal(covered.size, expected.length, 'every route of this role was called');
			t.diagnostic(`${covered.size} routes, ${calls} requests`);
			assert.deepEqual(wrong, [], `B's ${role} got answers other than 404`);
			assert.equal(pages.size, 1, `one and the same 404 page everywhere:\n${[...pages.values()].join('\n')}`);
			assert.deepEqual(await snapshot(a.companyId), before, "A's rows are unchanged");
			assert.deepEqual(await foreignRefs(b.companyId), [], "no row of B references a row of another company");
		});
	}

	it("as B's portal customer: every portal route answers 404 to A's ids and to bad ids; A is unchanged", async (t) => {
		const before = await snapshot(a.companyId);
		const { wrong, pages, calls, covered } = await probe({ client: b.portal }, PORTAL_ACCESS);
		const expected = idRoutes.filter((r) => !SKIP[r.pattern] && PORTAL_ACCESS.includes(r.access));
		assert.equal(covered.size, expected.length, 'every portal route was called');
		t.diagnostic(`${covered.size} routes, ${calls} requests`);
		assert.deepEqual(wrong, [], "B's portal customer got answers other than 404");
		assert.equal(pages.size, 1, `one and the same 404 page everywhere:\n${[...pages.values()].join('\n')}`);
		assert.deepEqual(await snapshot(a.companyId), before, "A's rows are unchanged");
		assert.equal((await b.portal.get('/portal/')).status, 200, "B's portal customer is still signed in");
	});

	it("ids of A in form bodies and query strings link nothing of B to A", async () => {
		const before = await snapshot(a.companyId);
		const c = b.owner.client;
		const aVisitUser = a.field.userId;
		const bVisit = Number(await dbValue(`SELECT MIN(id) FROM visits WHERE job_id = ${b.job}`));
		const bVersion = async (table, id) => dbValue(`SELECT version FROM ${table} WHERE id = ${id}`);
		const cases = [
			['POST /app/jobs customer_id=A', () => c.post('/app/jobs', { customer_id: a.customers[0], property_id: '',
				title: 'Stolen job', description: '' }), [404, 422]],
			['POST /app/jobs property_id=A', () => c.post('/app/jobs', { customer_id: b.customers[0], property_id: a.property,
				title: 'Stolen job', description: '' }), [404, 422]],
			['POST /app/jobs/:B property_id=A', async () => c.post(`/app/jobs/${b.job}`, { version: await bVersion('jobs', b.job),
				title: 'Stolen job', description: '', property_id: a.property }), [404, 422]],
			['POST /app/jobs/:B/visits visit_user=A', () => c.post(`/app/jobs/${b.job}/visits`, { visit_date: '2030-04-01',
				visit_start: '09:00', visit_end: '10:00', visit_user: aVisitUser, visit_notes: '' }), [404, 422]],
			['POST /app/visits/:B visit_user=A', async () => c.post(`/app/visits/${bVisit}`, { version: await bVersion('visits', bVisit),
				visit_date: '2030-04-02', visit_start: '09:00', visit_end: '10:00', visit_user: aVisitUser, visit_notes: '' }), [404, 422]],
		];
		for (const kind of ['estimates', 'invoices']) {
			const draft = kind === 'estimates' ? b.draftEstimate : b.draftInvoice;
			const table = 'documents';
			cases.push(
				[`POST /app/${kind} job_id=A`, () => c.post(`/app/${kind}`, docFields({ job_id: a.job, lines: [LINE] })), [404, 422]],
				[`POST /app/${kind} add_item item=A`, () => c.post(`/app/${kind}`, docFields({ job_id: b.job, action: 'add_item',
					item: a.items[0], lines: [LINE] })), [404, 422]],
				[`POST /app/${kind} lines[0][item]=A`, () => c.post(`/app/${kind}`, docFields({ job_id: b.job,
					lines: [{ ...LINE, item: a.items[0] }] })), [404, 422]],
				[`POST /app/${kind} lines[0][item]=A archived`, () => c.post(`/app/${kind}`, docFields({ job_id: b.job,
					lines: [{ ...LINE, item: a.items[1] }] })), [404, 422]],
				[`POST /app/${kind}/:B lines[0][item]=A`, async () => c.post(`/app/${kind}/${draft}`, docFields({
					version: await bVersion(table, draft), lines: [{ ...LINE, item: a.items[0] }] })), [404, 422]],
				[`POST /app/${kind}/:B add_item item=A`, async () => c.post(`/app/${kind}/${draft}`, docFields({
					version: await bVersion(table, draft), action: 'add_item', item: a.items[0], lines: [LINE] })), [404, 422]],
				/* A document keeps its job: a job_id in an edit is ignored (303) or refused. */
				[`POST /app/${kind}/:B job_id=A`, async () => c.post(`/app/${kind}/${draft}`, docFields({
					version: await bVersion(table, draft), job_id: a.job, lines: [LINE] })), [303, 404, 422]],
				[`GET /app/${kind}/new?job_id=A`, () => c.get(`/app/${kind}/new?job_id=${a.job}`), [404]],
			);
		}
		for (const step of ['map', 'preview', 'run'])
			cases.push([`POST /app/customers/import/${step} file=A's upload`, () => c.post(`/app/customers/import/${step}`,
				{ file: a.importFile, map_0: 'name', map_1: 'email' }), [404]]);
		cases.push(
			['GET /app/jobs/new?customer_id=A', () => c.get(`/app/jobs/new?customer_id=${a.customers[0]}`), [404]],
			['GET /app/schedule?user=A (field)', () => c.get(`/app/schedule?user=${a.field.userId}`), [404]],
			['GET /app/schedule?user=A (owner)', () => c.get(`/app/schedule?user=${a.owner.userId}`), [404]],
			['GET /app/customers?after=A', () => c.get(`/app/customers?after=${a.customers[0]}`), [404]],
			/* The price book's cursor falls back to the first page for an id it doesn't know. */
			['GET /app/price-book?after=A', () => c.get(`/app/price-book?after=${a.items[0]}`), [200, 404]],
		);
		const wrong = [];
		for (const [what, run, accept] of cases) {
			const res = await run();
			if (!accept.includes(res.status))
				wrong.push(`${what} → ${res.status} (expected ${accept.join('/')})`);
			const leaked = a.secrets.filter((s) => res.text.includes(s));
			if (leaked.length)
				wrong.push(`${what} shows A's ${leaked.join(', ')}`);
		}
		assert.deepEqual(wrong, []);
		assert.deepEqual(await foreignRefs(b.companyId), [], 'no row of B references a row of another company');
		assert.equal(await dbValue(`SELECT job_id FROM documents WHERE id = ${b.draftEstimate}`), String(b.job));
		assert.equal(await dbValue(`SELECT job_id FROM documents WHERE id = ${b.draftInvoice}`), String(b.job2));
		assert.equal(await dbValue(`SELECT COUNT(*) FROM jobs WHERE company_id = ${b.companyId} AND title = 'Stolen job'`), '0');
		assert.equal(await dbValue(`SELECT COUNT(*) FROM customers WHERE company_id = ${b.companyId} AND name = ${sqlString(`${a.t} Imported`)}`),
			'0', "nothing of A's upload imported into B");
		assert.ok(existsSync(`${STACK_DIR}/files/imports/${a.companyId}/${a.importFile}`), "A's upload is untouched");
		assert.deepEqual(await snapshot(a.companyId), before, "A's rows are unchanged");
		assert.equal((await a.owner.client.post('/app/customers/import/preview', { file: a.importFile, map_0: 'name', map_1: 'email' }))
			.status, 200, 'A still reaches its own upload (so the 404s were ownership)');
		await a.owner.client.get('/app/');	/* no flash message pending */
	});

	it('every id-like field of B\'s forms and links is one the previous test covers', async () => {
		/*
		 * Fields and query keys naming a record or a stored file: *_id, *user, item, file, and the list cursors
		 * (customers' after= is an id; before= and rev= are the company's own job and document numbers).
		 */
		const covered = new Set(['customer_id', 'property_id', 'job_id', 'visit_user', 'item', 'lines[][item]', 'user', 'file',
			'after', 'before', 'rev']);
		const bIds = { customer: b.customers[0], contact: null, property: b.property, job: b.job, visit: null, stage: null,
			estimate: b.draftEstimate, invoice: b.draftInvoice, 'price item': b.items[0], user: b.field.userId };
		bIds.visit = Number(await dbValue(`SELECT MIN(id) FROM visits WHERE job_id = ${b.job}`));
		bIds.stage = Number(await dbValue(`SELECT MIN(id) FROM stages WHERE job_id = ${b.job}`));
		const found = new Map();
		for (const r of routes.filter((x) => x.method === 'GET' && x.pattern.startsWith('/app/'))) {
			const path = r.pattern.includes(':') ? r.pattern.replace(/:[A-Za-z_]+/, bIds[kindOf(r.pattern)]) : r.pattern;
			const res = await b.owner.client.get(path);
			if (res.status !== 200)
				continue;
			const names = [...res.text.matchAll(/<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"/g)].map((m) => m[1]);
			for (const href of [...res.text.matchAll(/href="([^"]*\?[^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&')))
				names.push(...new URL(href, 'http://x').searchParams.keys());
			for (const n of names.map((x) => x.replace(/\[\d+\]/g, '[]')))
				if (/(_id|user|item\]?|file|^after|^before|^rev)$/.test(n) && !found.has(n))
					found.set(n, path);
		}
		for (const n of ['customer_id', 'property_id', 'job_id', 'visit_user', 'lines[][item]', 'file'])
			assert.ok(found.has(n), `the scan finds ${n} on B's pages (found: ${[...found.keys()].join(', ')})`);
		const unknown = [...found].filter(([n]) => !covered.has(n)).map(([n, p]) => `${n} (on ${p})`);
		assert.deepEqual(unknown, [], 'id-bearing fields no test above posts with A\'s ids');
	});

	it("control: the same requests by A's owner on A's own records are not 404 (so only ownership stopped B)", async () => {
		const wrong = [];
		for (const r of idRoutes) {
			if (SKIP[r.pattern])
				continue;
			const kind = kindOf(r.pattern);
			const statuses = [];
			/* A portal route found A's record when it answers anything but 404 (409/422: a state or a form). */
			const inPortal = PORTAL_ACCESS.includes(r.access);
			const who = inPortal ? a.portal : a.owner.client;
			const good = inPortal ? [200, 303, 409, 422] : r.method === 'GET' ? [200] : [303];
			/* Current versions: earlier controls may have moved them on. */
			for (const rec of await recordsOf(a.companyId, kind, cols)) {
				const path = r.pattern.replace(/:[A-Za-z_]+/, String(rec.id));
				let body = bodyFor(r.pattern, rec.version);
				if (inPortal && r.pattern.endsWith('/approve'))
					body = { ...body, hash: inputValue((await who.get(`/portal/documents/${rec.id}`)).text, 'hash') ?? '' };
				const res = r.method === 'GET' ? await who.get(path) : await who.post(path, body);
				if (inPortal && /^\/portal\/(login|verify)/.test(res.location ?? ''))
					wrong.push(`${r.method} ${path}: A's portal customer was sent to ${res.location}`);
				statuses.push(`${res.status}${res.status === 200 || res.status === 303 ? '' : ` (${formError(res.text) ?? ''} ${JSON.stringify(fieldErrors(res.text))})`}`);
				if (res.status >= 500)
					wrong.push(`${r.method} ${path} → ${res.status}`);
				if (res.status === good[0] || (inPortal && good.includes(res.status)))
					break;	/* one success is the proof; leave the other records for the routes after */
			}
			if (!statuses.some((s) => good.includes(parseInt(s, 10))))
				wrong.push(`${r.method} ${r.pattern}: A's owner on A's ${kind}s got ${statuses.join(', ')}, never ${good.join('/')}`);
		}
		assert.deepEqual(wrong, []);
	});
});
