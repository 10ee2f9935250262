/*
 * Who may touch estimates, invoices, payments and the price book.
 * Tenancy: for every route of these features in the route table (so a new
 * one can't escape) and every id it takes — in the path, or in the body
 * (job_id, a price book item) — company A acting with company B's ids, and
 * with 0, -1, huge and non-numeric ids, answers 404, the same page as an
 * id that doesn't exist, and nothing of B changes (checksums of its rows).
 * Roles: field staff get 403 on all of it; office staff work with
 * documents but don't change the company's money settings.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';

import { addStaff, dbValue, routeTable, textOf, titleOf } from '../lib/index.mjs';
import { company, docFields, makeJob, newDoc } from './documents-fixtures.mjs';

const MINE = /^\/app\/(estimates|invoices|price-book|settings\/documents)(\/|$)|^\/app\/jobs\/:id\/(estimates|invoices)\/new$/;
const LINE = { desc: 'Tap washer', qty: '1', unit: 'ea', price: '12' };

/* Everything of company id these features keep, as one string. */
async function state(id) {
	return dbValue(`SELECT CONCAT_WS(' | ',
	    (SELECT MD5(GROUP_CONCAT(CONCAT_WS(',', id, kind, number, status, version, title, paid_cents, total_cents,
	        COALESCE(approved_name, '')) ORDER BY id)) FROM documents WHERE company_id = ${id}),
	    (SELECT MD5(GROUP_CONCAT(CONCAT_WS(',', id, document_id, description, qty_milli, unit_price_cents, amount_cents)
	        ORDER BY id)) FROM document_lines WHERE company_id = ${id}),
	    (SELECT MD5(GROUP_CONCAT(CONCAT_WS(',', id, document_id, amount_cents) ORDER BY id)) FROM payments WHERE company_id = ${id}),
	    (SELECT MD5(GROUP_CONCAT(CONCAT_WS(',', id, name, unit_price_cents, archived, version) ORDER BY id))
	        FROM price_items WHERE company_id = ${id}),
	    (SELECT COUNT(*) FROM job_events WHERE company_id = ${id}),
	    (SELECT GROUP_CONCAT(CONCAT(kind, ':', last_value) ORDER BY kind) FROM counters WHERE company_id = ${id}),
	    (SELECT GROUP_CONCAT(CONCAT(id, ':', status) ORDER BY id) FROM jobs WHERE company_id = ${id}),
	    (SELECT CONCAT_WS(',', currency, default_tax_rate_bp, default_terms, version) FROM companies WHERE id = ${id}))`);
}

/* A body for each POST route that would change something if it reached a row. */
function bodyFor(pattern, ids) {
	if (/^\/app\/(estimates|invoices)\/:id$/.test(pattern))
		return docFields({ version: 1, title: 'Hijacked', lines: [LINE] });
	if (/\/payments$/.test(pattern))
		return { kind: 'payment', method: 'cash', amount: '1', received_on: '2026-01-02' };
	if (pattern === '/app/price-book/:id')
		return { name: 'Hijacked', price: '1', version: '1' };
	if (pattern === '/app/estimates' || pattern === '/app/invoices')
		return docFields({ job_id: ids.job, lines: [LINE] });
	if (pattern === '/app/price-book')
		return { name: 'New', price: '1' };
	if (pattern === '/app/settings/documents')
		return { currency: 'EUR', tax_rate: '5', terms: 'x', version: '1' };
	return {};
}

describe('tenancy of estimates, invoices, payments and the price book', () => {
	let a, b, bIds, aIds, routes;

	before(async () => {
		[a, b] = await Promise.all([company(), company()]);
		routes = (await routeTable()).filter((r) => MINE.test(r.pattern));
		const setup = async (who) => {
			const job = await makeJob(who.companyId, { customer: `Secret customer ${who.companyId}` });
			await who.client.post('/app/price-book', { name: `Secret item ${who.companyId}`, price: '10', taxable: '1' });
			const item = Number(await dbValue(`SELECT MAX(id) FROM price_items WHERE company_id = ${who.companyId}`));
			const estimate = await newDoc(who.client, 'estimate', job.jobId, { title: `Secret estimate ${who.companyId}`, lines: [LINE] });
			await who.client.post(`/app/estimates/${estimate}/send`, {});
			await who.client.post(`/app/estimates/${estimate}/payments`, { kind: 'payment', method: 'cash', amount: '2', received_on: '2026-01-02' });
			const invoice = await newDoc(who.client, 'invoice', job.jobId, { lines: [LINE] });
			const draft = await newDoc(who.client, 'estimate', job.jobId, { lines: [LINE] });
			return { job: job.jobId, item, estimate, invoice, draft };
		};
		[aIds, bIds] = [await setup(a), await setup(b)];
	});

	/* B's id for a route's :id, by what the route is about. */
	const bIdFor = (pattern) => (pattern.startsWith('/app/jobs/') ? bIds.job : pattern.startsWith('/app/price-book/') ? bIds.item :
		pattern.startsWith('/app/invoices/') ? bIds.invoice : pattern.endsWith('/edit') || pattern === '/app/estimates/:id' ? bIds.draft : bIds.estimate);

	it('covers every route of these features in the route table', () => {
		const got = routes.map((r) => `${r.method} ${r.pattern}`).sort();
		assert.ok(got.length >= 31, `${got.length} routes`);
		for (const r of routes)
			assert.equal(r.access, r.pattern === '/app/settings/documents' && r.method === 'POST' ? 'owner' : 'office', `${r.method} ${r.pattern}`);
	});

	it("answers 404 to company B's ids on every id-bearing route, like ids that don't exist; B is unchanged", async () => {
		const before = await state(b.companyId);
		const missing = Number(await dbValue('SELECT MAX(id) FROM documents')) + 100000;
		await a.client.get('/app/');	/* shows (and clears) the flash of the set-up */
		const withId = routes.filter((r) => r.pattern.includes(':id'));
		assert.ok(withId.length >= 20, `${withId.length} id-bearing routes`);
		for (const r of withId) {
			const answers = new Set();
			for (const id of [bIdFor(r.pattern), missing, 0, -1, '99999999999999999999', 'abc', '1e3', '0x10']) {
				const path = r.pattern.replace(':id', String(id));
				const res = r.method === 'GET' ? await a.client.get(path) : await a.client.post(path, bodyFor(r.pattern, aIds));
				assert.equal(res.status, 404, `${r.method} ${path}`);
				const t = textOf(res.text);
				assert.ok(!t.includes('Secret'), `${r.method} ${path} shows nothing of B`);
				answers.add(`${titleOf(res.text)}|${t}`);
			}
			assert.equal(answers.size, 1, `${r.method} ${r.pattern}: one answer for B's id and a missing one`);
		}
		assert.equal(await state(b.companyId), before);
	});

	it("B's ids in a form's body answer 404 too: a job, a price book item to add or on a line", async () => {
		const [beforeA, beforeB] = [await state(a.companyId), await state(b.companyId)];
		for (const kind of ['estimates', 'invoices']) {
			let r = await a.client.post(`/app/${kind}`, docFields({ job_id: bIds.job, lines: [LINE] }));
			assert.equal(r.status, 404, `${kind} for B's job`);
			assert.equal((await a.client.get(`/app/${kind}/new?job_id=${bIds.job}`)).status, 404);
			assert.equal((await a.client.get(`/app/jobs/${bIds.job}/${kind}/new`)).status, 404);
			r = await a.client.post(`/app/${kind}`, docFields({ job_id: aIds.job, action: 'add_item', item: bIds.item, lines: [LINE] }));
			assert.equal(r.status, 404, `${kind}: add B's item`);
			r = await a.client.post(`/app/${kind}`, docFields({ job_id: aIds.job, lines: [{ ...LINE, item: bIds.item }] }));
			assert.equal(r.status, 404, `${kind}: a line of B's item`);
		}
		let r = await a.client.post(`/app/estimates/${aIds.draft}`, docFields({ version: 1, lines: [{ ...LINE, item: bIds.item }] }));
		assert.equal(r.status, 404, "an edit with B's item");
		/* A job_id in the body of an edit is ignored: a document keeps its job. */
		r = await a.client.post(`/app/estimates/${aIds.draft}`, docFields({ version: 1, job_id: bIds.job, lines: [LINE] }));
		assert.equal(r.status, 303);
		assert.equal(await dbValue(`SELECT job_id FROM documents WHERE id = ${aIds.draft}`), String(aIds.job));
		assert.equal(await state(b.companyId), beforeB);
		assert.notEqual(await state(a.companyId), beforeA, 'only the legitimate edit changed A');
	});

	it("B's lists show nothing of A, and A's nothing of B", async () => {
		for (const path of ['/app/estimates', '/app/invoices', '/app/price-book', '/app/estimates?q=Secret', '/app/estimates/new']) {
			const t = textOf((await b.client.get(path)).text);
			assert.ok(!t.includes(`Secret customer ${a.companyId}`) && !t.includes(`Secret item ${a.companyId}`) &&
			    !t.includes(`Secret estimate ${a.companyId}`), path);
		}
	});
});

describe('roles', () => {
	let owner, office, field, job, estimate, invoice, item, routes;

	before(async () => {
		owner = await company();
		[office, field] = [await addStaff(owner.client, 'office'), await addStaff(owner.client, 'field')];
		job = await makeJob(owner.companyId);
		estimate = await newDoc(owner.client, 'estimate', job.jobId, { lines: [LINE] });
		invoice = await newDoc(owner.client, 'invoice', job.jobId, { lines: [LINE] });
		await owner.client.post('/app/price-book', { name: 'Role item', price: '1' });
		item = Number(await dbValue(`SELECT MAX(id) FROM price_items WHERE company_id = ${owner.companyId}`));
		routes = (await routeTable()).filter((r) => MINE.test(r.pattern));
	});

	const idFor = (pattern) => (pattern.startsWith('/app/jobs/') ? job.jobId : pattern.startsWith('/app/price-book/') ? item :
		pattern.startsWith('/app/invoices/') ? invoice : estimate);

	it('field staff get 403 on every route of these features, and nothing changes', async () => {
		const before = await state(owner.companyId);
		for (const r of routes) {
			const path = r.pattern.replace(':id', String(idFor(r.pattern)));
			const res = r.method === 'GET' ? await field.client.get(path) : await field.client.post(path, bodyFor(r.pattern, { job: job.jobId }));
			assert.equal(res.status, 403, `${r.method} ${path}`);
		}
		assert.equal(await state(owner.companyId), before);
		const nav = /<nav class="sidenav"[\s\S]*?<\/nav>/.exec((await field.client.get('/app/')).text)[0];
		assert.ok(!nav.includes('/app/estimates') && !nav.includes('/app/price-book'), 'field staff are not offered them');
	});

	it('office staff write documents, record payments and keep the price book', async () => {
		for (const path of ['/app/estimates', '/app/invoices', '/app/price-book', `/app/estimates/${estimate}`, `/app/invoices/${invoice}/edit`,
			`/app/jobs/${job.jobId}/estimates/new`, '/app/settings/documents'])
			assert.equal((await office.client.get(path)).status, 200, path);
		const id = await newDoc(office.client, 'invoice', job.jobId, { lines: [LINE] });
		assert.equal((await office.client.post(`/app/invoices/${id}/send`, {})).status, 303);
		assert.equal((await office.client.post(`/app/invoices/${id}/payments`, { kind: 'payment', method: 'cash', amount: '12', received_on: '2026-01-02' })).status, 303);
		assert.equal((await office.client.post('/app/price-book', { name: 'Office item', price: '3' })).status, 303);
		const nav = /<nav class="sidenav"[\s\S]*?<\/nav>/.exec((await office.client.get('/app/')).text)[0];
		for (const href of ['/app/estimates', '/app/invoices', '/app/price-book'])
			assert.ok(nav.includes(`href="${href}"`), href);
		assert.equal((await office.client.post('/app/settings/documents', { currency: 'EUR', tax_rate: '1', terms: '', version: '1' })).status, 403);
	});

	it('signed out, the pages send to the sign-in and the forms are refused', async () => {
		const { Client } = await import('../lib/index.mjs');
		const guest = new Client();
		await guest.csrf();
		for (const r of routes) {
			const path = r.pattern.replace(':id', String(idFor(r.pattern)));
			const res = r.method === 'GET' ? await guest.get(path) : await guest.post(path, {});
			assert.equal(res.status, r.method === 'GET' ? 303 : 403, `${r.method} ${path}`);
		}
	});
});
