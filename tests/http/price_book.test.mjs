/*
 * The price book: items added, edited (409 on a stale version, input kept),
 * archived and restored; bad input (a negative price among it) answered
 * 422 with nothing saved; search and paging; items offered on the document
 * form with what fills a line.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';

import { db, dbValue, fieldErrors, flashFrom, formError, inputValue, textOf, validateHtml } from '../lib/index.mjs';
import { company, makeJob } from './documents-fixtures.mjs';

const ITEM = { name: 'Water heater flush', description: 'Drain, flush and refill', unit: 'job', price: '129.00', taxable: '1' };
const items = (companyId) => db(`SELECT name, description, unit, unit_price_cents, taxable, archived, version
    FROM price_items WHERE company_id = ${companyId} ORDER BY id`);

describe('the price book', () => {
	let owner;

	before(async () => {
		owner = await company();
	});

	it('adds an item and lists it', async () => {
		assert.equal((await owner.client.get('/app/price-book/new')).status, 200);
		const r = await owner.client.post('/app/price-book', { ...ITEM, price: '$1,129.5' });
		assert.equal(r.status, 303);
		assert.equal(r.location, '/app/price-book');
		const list = await owner.client.follow(r);
		assert.equal(flashFrom(list.text)?.text, 'Price book item saved.');
		assert.match(textOf(list.text), /Water heater flush Drain, flush and refill job \$1,129\.50 Taxable/);
		assert.deepEqual((await items(owner.companyId)).at(-1), ['Water heater flush', 'Drain, flush and refill', 'job', '112950', '1', '0', '1']);
		await owner.client.post('/app/price-book', { ...ITEM, name: 'Permit fee', taxable: '' });
		assert.equal((await items(owner.companyId)).at(-1)[4], '0', 'an unticked box is not taxable');
	});

	const bad = [
		['no name', { name: '' }, 'name', /required/],
		['a 161-character name', { name: 'n'.repeat(161) }, 'name', /too long/],
		['a 2,001-character description', { description: 'd'.repeat(2001) }, 'description', /too long/],
		['a 21-character unit', { unit: 'u'.repeat(21) }, 'unit', /20 characters/],
		['no price', { price: '' }, 'price', /Enter a price/],
		['a negative price', { price: '-5' }, 'price', /can't be negative/],
		['a price of "abc"', { price: 'abc' }, 'price', /Enter a price/],
		['3 decimals', { price: '1.005' }, 'price', /Enter a price/],
		['a price of 10^13', { price: '10000000000000' }, 'price', /Enter a price/],
		['a control character', { name: 'a\u0001b' }, 'name', /not allowed/],
	];
	for (const [what, fields, field, message] of bad)
		it(`${what} → 422 on ${field}, input kept, nothing saved`, async () => {
			const before = await items(owner.companyId);
			const r = await owner.client.post('/app/price-book', { ...ITEM, ...fields });
			assert.equal(r.status, 422);
			assert.match(fieldErrors(r.text)[field] ?? '', message, JSON.stringify(fieldErrors(r.text)));
			if (field !== 'name')
				assert.equal(inputValue(r.text, 'name'), ITEM.name);
			assert.deepEqual(await items(owner.companyId), before);
		});

	it('emoji and right-to-left names are kept as typed', async () => {
		await owner.client.post('/app/price-book', { ...ITEM, name: '🔥 سخان مياه', unit: 'م²' });
		assert.deepEqual((await items(owner.companyId)).at(-1).slice(0, 3), ['🔥 سخان مياه', ITEM.description, 'م²']);
	});

	it('edits with the version it started from; a stale save answers 409 with both versions', async () => {
		await owner.client.post('/app/price-book', { ...ITEM, name: 'Edit me' });
		const id = Number(await dbValue(`SELECT MAX(id) FROM price_items WHERE company_id = ${owner.companyId}`));
		const e = await owner.client.get(`/app/price-book/${id}/edit`);
		assert.equal(inputValue(e.text, 'name'), 'Edit me');
		assert.equal(inputValue(e.text, 'price'), '129.00');
		assert.equal(inputValue(e.text, 'version'), '1');
		let r = await owner.client.post(`/app/price-book/${id}`, { ...ITEM, name: 'Edited', price: '99', version: '1' });
		assert.equal(r.status, 303);
		r = await owner.client.post(`/app/price-book/${id}`, { ...ITEM, name: 'Stale', price: '1', version: '1' });
		assert.equal(r.status, 409);
		assert.match(formError(r.text) ?? '', /Someone else saved this item/);
		assert.equal(inputValue(r.text, 'name'), 'Stale', 'my input is kept');
		assert.equal(inputValue(r.text, 'version'), '2');
		assert.match(textOf(r.text), /The saved version Name Edited/);
		assert.equal(await dbValue(`SELECT name FROM price_items WHERE id = ${id}`), 'Edited');
		r = await owner.client.post(`/app/price-book/${id}`, { ...ITEM, name: 'Stale', price: '1', version: '2' });
		assert.equal(r.status, 303);
		assert.equal(await dbValue(`SELECT CONCAT(name, '|', unit_price_cents) FROM price_items WHERE id = ${id}`), 'Stale|100');
		r = await owner.client.post(`/app/price-book/${id}`, { ...ITEM, name: '', version: '3' });
		assert.equal(r.status, 422);
	});

	it('archives and restores; archived items leave the document form but stay listed as archived', async () => {
		await owner.client.post('/app/price-book', { ...ITEM, name: 'Archivable' });
		const id = Number(await dbValue(`SELECT MAX(id) FROM price_items WHERE company_id = ${owner.companyId}`));
		const job = await makeJob(owner.companyId);
		const offered = async () => (await owner.client.get(`/app/jobs/${job.jobId}/estimates/new`)).text.includes(`<option value="${id}"`);
		assert.ok(await offered());
		let r = await owner.client.post(`/app/price-book/${id}/archive`, {});
		assert.equal(r.status, 303);
		assert.equal(await dbValue(`SELECT archived FROM price_items WHERE id = ${id}`), '1');
		assert.ok(!(await offered()));
		assert.ok(!textOf((await owner.client.get('/app/price-book')).text).includes('Archivable'));
		assert.ok(textOf((await owner.client.get('/app/price-book?archived=1')).text).includes('Archivable'));
		r = await owner.client.post(`/app/price-book/${id}/restore`, {});
		assert.equal(r.status, 303);
		assert.ok(await offered());
	});

	it('the document form offers each item with what fills the line', async () => {
		await owner.client.post('/app/price-book', { name: 'Offered', description: 'Line two', unit: 'hr', price: '85', taxable: '' });
		const id = Number(await dbValue(`SELECT MAX(id) FROM price_items WHERE company_id = ${owner.companyId}`));
		const job = await makeJob(owner.companyId);
		const html = (await owner.client.get(`/app/jobs/${job.jobId}/invoices/new`)).text;
		const opt = new RegExp(`<option value="${id}" data-desc="Offered\nLine two" data-unit="hr" data-price="85.00" data-taxable="0">Offered — \\$85\\.00 / hr</option>`);
		assert.match(html, opt);
	});
});

describe('searching and paging the price book', () => {
	let owner;

	before(async () => {
		owner = await company();
		const values = Array.from({ length: 150 }, (_, i) => `(${owner.companyId}, 'Item ${String(i).padStart(3, '0')}', '${i % 10 === 0 ? '50% off_' : ''}', 'ea', ${i * 100})`);
		await db(`INSERT INTO price_items (company_id, name, description, unit, unit_price_cents) VALUES ${values.join(',')}`);
	});

	const names = (html) => [...html.matchAll(/<strong>(Item \d+)<\/strong>/g)].map((m) => m[1]);

	it('lists 100 a page by name, then the rest', async () => {
		let r = await owner.client.get('/app/price-book');
		const first = names(r.text);
		assert.equal(first.length, 100);
		assert.equal(first[0], 'Item 000');
		assert.equal(first[99], 'Item 099');
		const next = /<a href="([^"]*)">Next page<\/a>/.exec(r.text)[1].replace(/&amp;/g, '&');
		r = await owner.client.get(next);
		assert.deepEqual(names(r.text), Array.from({ length: 50 }, (_, i) => `Item ${String(i + 100).padStart(3, '0')}`));
		assert.doesNotMatch(r.text, /Next page/);
		assert.match(r.text, /First page/);
	});

	it('searches names and descriptions, wildcards taken literally; nonsense ignored', async () => {
		assert.deepEqual(names((await owner.client.get('/app/price-book?q=Item+14')).text), Array.from({ length: 10 }, (_, i) => `Item 14${i}`));
		assert.equal(names((await owner.client.get('/app/price-book?q=50%25+off_')).text).length, 15);
		assert.equal(names((await owner.client.get('/app/price-book?q=Item+0_1')).text).length, 0);
		for (const q of ['after=abc', 'after=-1', 'after=99999999', 'archived=2', `q=${'x'.repeat(300)}`])
			assert.equal((await owner.client.get(`/app/price-book?${q}`)).status, 200, q);
	});

	it('its pages are valid HTML', async () => {
		const pages = [
			{ name: 'pb-index', html: (await owner.client.get('/app/price-book')).text },
			{ name: 'pb-archived-empty', html: (await owner.client.get('/app/price-book?archived=1')).text },
			{ name: 'pb-new', html: (await owner.client.get('/app/price-book/new')).text },
			{ name: 'pb-errors', html: (await owner.client.post('/app/price-book', { name: '', price: '-1' })).text },
		];
		const id = await dbValue(`SELECT MIN(id) FROM price_items WHERE company_id = ${owner.companyId}`);
		pages.push({ name: 'pb-edit', html: (await owner.client.get(`/app/price-book/${id}/edit`)).text });
		pages.push({ name: 'pb-stale', html: (await owner.client.post(`/app/price-book/${id}`, { ...ITEM, version: '9' })).text });
		const results = await validateHtml(pages);
		for (const { name } of pages)
			assert.deepEqual(results.get(name).map((e) => `${name} line ${e.line}: ${e.message}`), []);
	});
});
