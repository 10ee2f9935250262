/*
 * Customers: create, show, edit, delete, with their properties and
 * contacts; the list's search, filters, sort and keyset pages (120 seeded
 * customers); bad input answered with the form again (422) and nothing
 * saved; a stale edit reported (409) with both versions; the balance due
 * from invoices; roles (field staff look, office staff change); and
 * tenancy: every customer route with another company's ids answers 404,
 * exactly like an id that doesn't exist, and changes nothing.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';

import {
	addStaff, db, dbValue, decodeEntities, fieldErrors, flashFrom, formError, inputValue, routeTable, signup,
	textOf, titleOf, uniq, validateHtml,
} from '../lib/index.mjs';

/* POST a new customer; resolves its id (throws with the messages if refused). */
async function create(client, fields) {
	const r = await client.post('/app/customers', { kind: 'person', name: `Customer ${uniq('c')}`, ...fields });
	if (r.status !== 303)
		throw new Error(`create: ${r.status} ${JSON.stringify(fieldErrors(r.text))} ${formError(r.text)}`);
	const m = /^\/app\/customers\/(\d+)$/.exec(r.location);
	assert.ok(m, r.location);
	return Number(m[1]);
}

async function customerRow(id) {
	const rows = await db(`SELECT kind, name, email, phone, notes, tags, version FROM customers WHERE id = ${id}`);
	if (!rows.length)
		return null;
	const [kind, name, email, phone, notes, tags, version] = rows[0];
	return { kind, name, email, phone, notes, tags, version: Number(version) };
}

/* Ids of the customer rows of a list page, in order. */
function listIds(html) {
	return [...String(html).matchAll(/<td data-label="Name"><a href="\/app\/customers\/(\d+)">/g)].map((m) => Number(m[1]));
}

function nextHref(html) {
	const m = /<a [^>]*href="([^"]*)" rel="next">/.exec(String(html));
	return m ? decodeEntities(m[1]) : null;
}

/* The selected option of a select. */
function selected(html, name) {
	const sel = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(String(html));
	const m = sel && /<option value="([^"]*)" selected>/.exec(sel[1]);
	return m ? decodeEntities(m[1]) : null;
}

function textarea(html, name) {
	const m = new RegExp(`<textarea[^>]*name="${name}"[^>]*>([\\s\\S]*?)</textarea>`).exec(String(html));
	return m ? decodeEntities(m[1]) : null;
}

/* A checksum of everything a company has in the three tables. */
async function fingerprint(companyId) {
	const [[c]] = await db(`SELECT MD5(COALESCE(GROUP_CONCAT(CONCAT_WS('|', id, kind, name, email, phone, notes, tags, version, updated_at) ORDER BY id SEPARATOR '#'), '')) FROM customers WHERE company_id = ${companyId}`);
	const [[p]] = await db(`SELECT MD5(COALESCE(GROUP_CONCAT(CONCAT_WS('|', id, customer_id, label, street, city, region, postal_code, notes, version) ORDER BY id SEPARATOR '#'), '')) FROM properties WHERE company_id = ${companyId}`);
	const [[k]] = await db(`SELECT MD5(COALESCE(GROUP_CONCAT(CONCAT_WS('|', id, customer_id, name, email, phone, role) ORDER BY id SEPARATOR '#'), '')) FROM contacts WHERE company_id = ${companyId}`);
	return `${c}/${p}/${k}`;
}

async function addJob(companyId, customerId, propertyId = null) {
	const n = Number(await dbValue(`SELECT COALESCE(MAX(number), 0) + 1 FROM jobs WHERE company_id = ${companyId}`));
	await db(`INSERT INTO jobs (company_id, number, customer_id, property_id, title, description) VALUES (${companyId}, ${n}, ${customerId}, ${propertyId ?? 'NULL'}, 'Fix the sink', '')`);
	return Number(await dbValue(`SELECT id FROM jobs WHERE company_id = ${companyId} AND number = ${n}`));
}

describe('customers: create, show, edit, delete', () => {
	let owner;

	before(async () => {
		owner = await signup();
	});

	it('a new company has none, and the empty list says how to start', async () => {
		const r = await owner.client.get('/app/customers');
		assert.equal(r.status, 200);
		assert.match(textOf(r.text), /No customers yet — add your first customer/);
		assert.match(r.text, /<a class="btn btn--primary" href="\/app\/customers\/new">Add your first customer<\/a>/);
		assert.match(r.text, /aria-current="page">Customers</);
	});

	it('creates a customer with a first property; emoji and right-to-left text are kept', async () => {
		const name = `Zoë 😀 שלום ${uniq('n')}`;
		const r = await owner.client.post('/app/customers', {
			kind: 'business', name, email: ' Zoe@Example.TEST ', phone: '+1 (555) 010-0100',
			tags: ' VIP, roof,vip , Roof ,  ', notes: 'Gate code 1234\nمرحبا',
			street: '1 Main St', city: 'Springfield', region: 'IL', postal_code: '62701',
		});
		assert.equal(r.status, 303);
		const id = Number(/\/app\/customers\/(\d+)$/.exec(r.location)[1]);
		const row = await customerRow(id);
		assert.deepEqual({ ...row, version: undefined }, {
			kind: 'business', name, email: 'zoe@example.test', phone: '+1 (555) 010-0100',
			tags: 'vip,roof', notes: 'Gate code 1234\nمرحبا', version: undefined,
		});
		assert.equal(await dbValue(`SELECT CONCAT_WS('|', street, city, region, postal_code) FROM properties WHERE customer_id = ${id}`),
		    '1 Main St|Springfield|IL|62701');
		const page = await owner.client.follow(r);
		assert.equal(page.status, 200);
		assert.deepEqual(flashFrom(page.text), { kind: 'ok', text: 'Customer added.' });
		const t = textOf(page.text);
		for (const s of [name, 'Business', 'zoe@example.test', '+1 (555) 010-0100', 'vip', 'roof', '1 Main St', 'Springfield, IL 62701', 'مرحبا'])
			assert.ok(t.includes(s), `the page shows ${s}`);
		assert.match(t, /Balance due \$0\.00/);
		assert.match(t, /No jobs for this customer yet/);
	});

	it('without an address no property is made; edit saves and moves the version on', async () => {
		const id = await create(owner.client, { name: 'Plain Person' });
		assert.equal(await dbValue(`SELECT COUNT(*) FROM properties WHERE customer_id = ${id}`), '0');
		const edit = await owner.client.get(`/app/customers/${id}/edit`);
		assert.equal(edit.status, 200);
		assert.equal(inputValue(edit.text, 'name'), 'Plain Person');
		assert.equal(inputValue(edit.text, 'version'), '1');
		assert.equal(selected(edit.text, 'kind'), 'person');
		assert.equal(inputValue(edit.text, 'street'), null, 'the edit form has no address fields');
		const r = await owner.client.post(`/app/customers/${id}`, {
			version: '1', kind: 'business', name: 'Plain Business', email: '', phone: '', tags: 'Landlord', notes: '',
		});
		assert.equal(r.status, 303);
		assert.equal(r.location, `/app/customers/${id}`);
		assert.deepEqual(flashFrom((await owner.client.follow(r)).text), { kind: 'ok', text: 'Changes saved.' });
		const row = await customerRow(id);
		assert.equal(row.name, 'Plain Business');
		assert.equal(row.kind, 'business');
		assert.equal(row.tags, 'landlord');
		assert.equal(row.version, 2);
	});

	it('deletes a customer with its properties and contacts', async () => {
		const id = await create(owner.client, { street: '9 Gone Rd' });
		assert.equal((await owner.client.post(`/app/customers/${id}/contacts`, { contact_name: 'Tenant' })).status, 303);
		const r = await owner.client.post(`/app/customers/${id}/delete`);
		assert.equal(r.status, 303);
		assert.equal(r.location, '/app/customers');
		assert.deepEqual(flashFrom((await owner.client.follow(r)).text), { kind: 'ok', text: 'Customer deleted.' });
		assert.equal(await customerRow(id), null);
		assert.equal(await dbValue(`SELECT COUNT(*) FROM properties WHERE customer_id = ${id}`), '0');
		assert.equal(await dbValue(`SELECT COUNT(*) FROM contacts WHERE customer_id = ${id}`), '0');
		assert.equal((await owner.client.get(`/app/customers/${id}`)).status, 404);
	});

	it("a customer with jobs or documents can't be deleted: a clear message, nothing removed", async () => {
		const id = await create(owner.client, { street: '5 Busy Ave' });
		const pid = Number(await dbValue(`SELECT id FROM properties WHERE customer_id = ${id}`));
		await addJob(owner.companyId, id, pid);
		const before = await fingerprint(owner.companyId);
		const r = await owner.client.post(`/app/customers/${id}/delete`);
		assert.equal(r.status, 303);
		assert.equal(r.location, `/app/customers/${id}`);
		const page = await owner.client.follow(r);
		assert.deepEqual(flashFrom(page.text), { kind: 'error', text: "This customer has jobs or documents, so it can't be deleted." });
		assert.match(textOf(page.text), /This customer has jobs or documents, so it can't be deleted\./);
		assert.ok(!page.text.includes('>Delete customer</button>'), 'no delete button then');
		assert.equal(await fingerprint(owner.companyId), before);
	});

	it('shows the balance due of sent invoices in the company currency, and the jobs and documents', async () => {
		const id = await create(owner.client, {});
		const job = await addJob(owner.companyId, id);
		const docs = [['invoice', 'sent', 10000, 2500], ['invoice', 'draft', 5000, 0], ['invoice', 'void', 7000, 0],
			['invoice', 'partial', 3000, 1000], ['invoice', 'paid', 4000, 4000], ['estimate', 'sent', 99999, 0]];
		let n = 9000;
		for (const [kind, status, total, paid] of docs)
			await db(`INSERT INTO documents (company_id, kind, number, job_id, customer_id, status, title, issued_on, terms, notes, total_cents, paid_cents)
			    VALUES (${owner.companyId}, '${kind}', ${n++}, ${job}, ${id}, '${status}', 'Kitchen', CURDATE(), '', '', ${total}, ${paid})`);
		let page = await owner.client.get(`/app/customers/${id}`);
		assert.match(textOf(page.text), /Balance due \$95\.00/);
		assert.match(textOf(page.text), /Invoice #9000 Kitchen Sent \$100\.00/);
		assert.match(textOf(page.text), /Estimate #9005 Kitchen Sent \$999\.99/);
		assert.match(page.text, new RegExp(`href="/app/jobs/${job}"`));
		assert.match(page.text, /href="\/app\/invoices\/\d+"/);
		await db(`UPDATE companies SET currency = 'EUR' WHERE id = ${owner.companyId}`);
		page = await owner.client.get(`/app/customers/${id}`);
		assert.match(textOf(page.text), /Balance due €95\.00/);
		await db(`UPDATE companies SET currency = 'USD' WHERE id = ${owner.companyId}`);
	});
});

describe('customers: bad input', () => {
	let owner;

	before(async () => {
		owner = await signup();
	});

	it('every bad field gets its message, the values are kept, nothing is saved', async () => {
		const before = await dbValue(`SELECT COUNT(*) FROM customers WHERE company_id = ${owner.companyId}`);
		const fields = {
			kind: 'alien', name: '   ', email: 'not-an-email', phone: 'call me', tags: `ok, ${'x'.repeat(31)}`,
			notes: 'n'.repeat(20000), street: '', city: 'Springfield', region: '', postal_code: '',
		};
		const r = await owner.client.post('/app/customers', fields);
		assert.equal(r.status, 422);
		assert.deepEqual(fieldErrors(r.text), {
			kind: 'Choose person or business',
			name: 'This field is required',
			email: 'Enter a valid email address',
			phone: 'Enter a phone number',
			tags: 'Each tag can have at most 30 characters',
			notes: 'This is too long',
			street: 'Enter the street address',
		});
		assert.match(textOf(r.text), /Please fix 7 fields below/);
		assert.equal(inputValue(r.text, 'email'), 'not-an-email');
		assert.equal(inputValue(r.text, 'phone'), 'call me');
		assert.equal(inputValue(r.text, 'city'), 'Springfield');
		assert.equal(textarea(r.text, 'notes').length, 20000);
		assert.equal(await dbValue(`SELECT COUNT(*) FROM customers WHERE company_id = ${owner.companyId}`), before);
	});

	it('more than 10 tags, a 161-character name, a control character: messages, not errors', async () => {
		const r = await owner.client.post('/app/customers', {
			kind: 'person', name: 'n'.repeat(161), tags: Array.from({ length: 11 }, (_, i) => `t${i}`).join(','),
			notes: 'bell\u0007',
		});
		assert.equal(r.status, 422);
		assert.deepEqual(fieldErrors(r.text), {
			name: 'This is too long', tags: 'Use at most 10 tags',
			notes: 'This contains characters that are not allowed',
		});
		/* Ten distinct tags (duplicates don't count) and 160 characters are fine. */
		const id = await create(owner.client, {
			name: 'ñ'.repeat(160), tags: Array.from({ length: 12 }, (_, i) => `t${i % 10}`).join(','),
		});
		assert.equal((await customerRow(id)).tags.split(',').length, 10);
	});

	it('10,000 characters of notes are fine, 10,001 are not', async () => {
		const id = await create(owner.client, { notes: '😀'.repeat(10000) });
		assert.equal([...(await customerRow(id)).notes].length, 10000);
		const r = await owner.client.post('/app/customers', { kind: 'person', name: 'Long', notes: 'a'.repeat(10001) });
		assert.equal(r.status, 422);
		assert.equal(fieldErrors(r.text).notes, 'This is too long');
	});

	it('a bad edit keeps the typed values and the version; nothing changes', async () => {
		const id = await create(owner.client, { name: 'Keep Me', email: 'keep@example.test' });
		const r = await owner.client.post(`/app/customers/${id}`, {
			version: '1', kind: 'person', name: '', email: 'broken@', phone: '', tags: '', notes: 'typed',
		});
		assert.equal(r.status, 422);
		assert.deepEqual(fieldErrors(r.text), { name: 'This field is required', email: 'Enter a valid email address' });
		assert.equal(inputValue(r.text, 'email'), 'broken@');
		assert.equal(inputValue(r.text, 'version'), '1');
		assert.equal(textarea(r.text, 'notes'), 'typed');
		const row = await customerRow(id);
		assert.equal(row.name, 'Keep Me');
		assert.equal(row.version, 1);
	});

	it('ids that are not ids, and ids of nothing, answer 404', async () => {
		for (const id of ['0', '-1', 'abc', '1e3', '99999999999', '18446744073709551616', '12abc'])
			for (const path of [`/app/customers/${id}`, `/app/customers/${id}/edit`, `/app/properties/${id}/edit`])
				assert.equal((await owner.client.get(path)).status, 404, path);
		assert.equal((await owner.client.get('/app/customers?after=abc')).status, 404);
		assert.equal((await owner.client.get('/app/customers?after=99999999999')).status, 404);
	});
});

describe('customers: stale edits (409)', () => {
	let owner;

	before(async () => {
		owner = await signup();
	});

	it('a save from an old form shows both versions, keeps yours, and saving again applies it', async () => {
		const id = await create(owner.client, { name: 'Original Name', email: 'orig@example.test', notes: 'first' });
		/* Someone else saves first. */
		const other = owner.client.clone();
		assert.equal((await other.post(`/app/customers/${id}`, {
			version: '1', kind: 'person', name: 'Their Name', email: 'orig@example.test', notes: 'theirs',
		})).status, 303);
		const mine = { version: '1', kind: 'business', name: 'My Name', email: 'mine@example.test', phone: '', tags: 'mine', notes: 'mine' };
		const r = await owner.client.post(`/app/customers/${id}`, mine);
		assert.equal(r.status, 409);
		assert.match(formError(r.text), /Someone else changed this customer while you were editing/);
		const t = textOf(r.text);
		assert.match(t, /What changed meanwhile/);
		assert.match(t, /Name Their Name My Name/);
		assert.match(t, /Notes theirs mine/);
		assert.match(t, /Email orig@example\.test mine@example\.test/);
		assert.equal(inputValue(r.text, 'name'), 'My Name');
		assert.equal(selected(r.text, 'kind'), 'business');
		assert.equal(inputValue(r.text, 'version'), '2');
		let row = await customerRow(id);
		assert.equal(row.name, 'Their Name', 'nothing overwritten');
		/* Re-apply: the form as shown. */
		const again = await owner.client.post(`/app/customers/${id}`, { ...mine, version: inputValue(r.text, 'version') });
		assert.equal(again.status, 303);
		row = await customerRow(id);
		assert.equal(row.name, 'My Name');
		assert.equal(row.version, 3);
	});

	it('a missing or non-numeric version is stale too, never a blind overwrite', async () => {
		const id = await create(owner.client, { name: 'Versioned' });
		for (const version of [undefined, '', 'x', '-1']) {
			const f = { kind: 'person', name: 'Overwrite?' };
			if (version !== undefined)
				f.version = version;
			assert.equal((await owner.client.post(`/app/customers/${id}`, f)).status, 409, String(version));
		}
		assert.equal((await customerRow(id)).name, 'Versioned');
	});
});

describe('customers: properties and contacts', () => {
	let owner, id;

	before(async () => {
		owner = await signup();
		id = await create(owner.client, { name: 'Has Places' });
	});

	it('adds, edits and removes a property', async () => {
		const form = await owner.client.get(`/app/customers/${id}/properties/new`);
		assert.equal(form.status, 200);
		assert.match(textOf(form.text), /New property For Has Places/);
		let r = await owner.client.post(`/app/customers/${id}/properties`, {
			label: 'Rental', street: '22 Oak St', city: 'Portland', region: 'OR', postal_code: '97201', notes: 'Dog in yard',
		});
		assert.equal(r.status, 303);
		assert.equal(r.location, `/app/customers/${id}#properties`);
		const pid = Number(await dbValue(`SELECT MAX(id) FROM properties WHERE customer_id = ${id}`));
		let page = await owner.client.follow(r);
		assert.deepEqual(flashFrom(page.text), { kind: 'ok', text: 'Property saved.' });
		assert.match(textOf(page.text), /Rental 22 Oak St Portland, OR 97201 Dog in yard/);
		const edit = await owner.client.get(`/app/properties/${pid}/edit`);
		assert.equal(edit.status, 200);
		assert.equal(inputValue(edit.text, 'street'), '22 Oak St');
		assert.equal(inputValue(edit.text, 'version'), '1');
		r = await owner.client.post(`/app/properties/${pid}`, {
			version: '1', label: 'Rental', street: '24 Oak St', city: 'Portland', region: 'OR', postal_code: '97201', notes: '',
		});
		assert.equal(r.status, 303);
		assert.equal(await dbValue(`SELECT CONCAT(street, '|', version) FROM properties WHERE id = ${pid}`), '24 Oak St|2');
		r = await owner.client.post(`/app/properties/${pid}/delete`);
		assert.equal(r.status, 303);
		page = await owner.client.follow(r);
		assert.deepEqual(flashFrom(page.text), { kind: 'ok', text: 'Property removed.' });
		assert.equal(await dbValue(`SELECT COUNT(*) FROM properties WHERE id = ${pid}`), '0');
	});

	it('a property needs a street; a stale edit is a 409 that keeps your values', async () => {
		let r = await owner.client.post(`/app/customers/${id}/properties`, { street: ' ', city: 'X', notes: 'n'.repeat(2001) });
		assert.equal(r.status, 422);
		assert.deepEqual(fieldErrors(r.text), { street: 'Enter the street address', notes: 'This is too long' });
		assert.equal(inputValue(r.text, 'city'), 'X');
		r = await owner.client.post(`/app/customers/${id}/properties`, { street: '1 First St' });
		const pid = Number(await dbValue(`SELECT MAX(id) FROM properties WHERE customer_id = ${id}`));
		assert.equal((await owner.client.post(`/app/properties/${pid}`, { version: '1', street: '2 Second St' })).status, 303);
		r = await owner.client.post(`/app/properties/${pid}`, { version: '1', street: '3 Third St', city: 'Mine' });
		assert.equal(r.status, 409);
		assert.match(textOf(r.text), /Street 2 Second St 3 Third St/);
		assert.equal(inputValue(r.text, 'street'), '3 Third St');
		assert.equal(inputValue(r.text, 'version'), '2');
		assert.equal(await dbValue(`SELECT street FROM properties WHERE id = ${pid}`), '2 Second St');
	});

	it("a property that a job is at can't be removed: a clear message", async () => {
		await owner.client.post(`/app/customers/${id}/properties`, { street: '7 Work Site' });
		const pid = Number(await dbValue(`SELECT MAX(id) FROM properties WHERE customer_id = ${id}`));
		await addJob(owner.companyId, id, pid);
		let page = await owner.client.get(`/app/customers/${id}`);
		assert.match(textOf(page.text), /Has jobs: can't be removed/);
		const r = await owner.client.post(`/app/properties/${pid}/delete`);
		assert.equal(r.status, 303);
		page = await owner.client.follow(r);
		assert.deepEqual(flashFrom(page.text), { kind: 'error', text: "This property has jobs, so it can't be removed." });
		assert.equal(await dbValue(`SELECT COUNT(*) FROM properties WHERE id = ${pid}`), '1');
	});

	it('adds and removes contacts; a bad contact comes back with messages on the customer page', async () => {
		let r = await owner.client.post(`/app/customers/${id}/contacts`, {
			contact_name: '', contact_email: 'nope', contact_phone: '12', contact_role: 'Tenant',
		});
		assert.equal(r.status, 422);
		assert.deepEqual(fieldErrors(r.text), {
			contact_name: 'This field is required', contact_email: 'Enter a valid email address',
			contact_phone: 'Enter a phone number',
		});
		assert.equal(inputValue(r.text, 'contact_role'), 'Tenant');
		assert.match(textOf(r.text), /Has Places/);
		r = await owner.client.post(`/app/customers/${id}/contacts`, {
			contact_name: 'Tina Tenant', contact_email: 'Tina@Example.test', contact_phone: '555 010 0199', contact_role: 'Tenant',
		});
		assert.equal(r.status, 303);
		assert.equal(r.location, `/app/customers/${id}#contacts`);
		const page = await owner.client.follow(r);
		assert.match(textOf(page.text), /Tina Tenant Tenant tina@example\.test 555 010 0199/);
		const kid = Number(await dbValue(`SELECT MAX(id) FROM contacts WHERE customer_id = ${id}`));
		r = await owner.client.post(`/app/contacts/${kid}/delete`);
		assert.equal(r.status, 303);
		assert.deepEqual(flashFrom((await owner.client.follow(r)).text), { kind: 'ok', text: 'Contact removed.' });
		assert.equal(await dbValue(`SELECT COUNT(*) FROM contacts WHERE id = ${kid}`), '0');
	});
});

describe('customers: search, filters, sort and pages', () => {
	let owner;
	const tok = `zq${Date.now().toString(36)}`;
	const ids = {};

	before(async () => {
		owner = await signup();
		/* 120 seeded customers: twelve share one name across the first page's end, and
		 * created_at repeats, so both sorts must break ties by id. */
		const rows = [];
		for (let i = 0; i < 120; i++) {
			const name = i >= 44 && i < 56 ? 'Seed 044' : `Seed ${String(i).padStart(3, '0')}`;
			rows.push(`(${owner.companyId}, '${i % 3 ? 'person' : 'business'}', '${name}', 'seed${i}@example.test', '', '', '${i % 5 ? '' : 'five'}', NOW() - INTERVAL ${Math.floor(i / 4)} MINUTE)`);
		}
		await db(`INSERT INTO customers (company_id, kind, name, email, phone, notes, tags, created_at) VALUES ${rows.join(',')}`);
		ids.name = await create(owner.client, { name: `Name ${tok}` });
		ids.email = await create(owner.client, { name: 'By Email', email: `${tok}@example.test` });
		ids.phone = await create(owner.client, { name: 'By Phone', phone: '+1 555 867 5309' });
		ids.street = await create(owner.client, { name: 'By Street', street: `12 ${tok} Lane` });
		ids.city = await create(owner.client, { name: 'By City', street: '1 Road', city: `${tok}ville` });
		ids.percent = await create(owner.client, { name: '100% Plumbing_Co', kind: 'business', tags: 'VIP' });
	});

	async function walk(path) {
		const seen = [];
		let pages = 0;
		for (let p = path; p; pages++) {
			const r = await owner.client.get(p);
			assert.equal(r.status, 200, p);
			const got = listIds(r.text);
			assert.ok(got.length <= 50, 'at most 50 a page');
			seen.push(...got);
			p = nextHref(r.text);
			if (p) {
				assert.equal(got.length, 50, 'a full page before a Next link');
				assert.match(p, new RegExp(`after=${got[49]}$`), 'Next carries the last id');
			}
		}
		return { seen, pages };
	}

	it('pages by name, 50 at a time, with no gaps or repeats even through ties', async () => {
		const want = (await db(`SELECT id FROM customers WHERE company_id = ${owner.companyId} ORDER BY name, id`)).map(([i]) => Number(i));
		assert.equal(want.length, 126);
		const { seen, pages } = await walk('/app/customers');
		assert.equal(pages, 3);
		assert.deepEqual(seen, want);
		const second = await owner.client.get(`/app/customers?after=${want[49]}`);
		assert.match(second.text, /<a class="btn btn--secondary" href="\/app\/customers">First page<\/a>/);
	});

	it('sorts by most recent, also by keys', async () => {
		const want = (await db(`SELECT id FROM customers WHERE company_id = ${owner.companyId} ORDER BY created_at DESC, id DESC`)).map(([i]) => Number(i));
		const { seen } = await walk('/app/customers?sort=recent');
		assert.deepEqual(seen, want);
		const r = await owner.client.get('/app/customers?sort=recent');
		assert.equal(selected(r.text, 'sort'), 'recent');
	});

	it('searches name, email, phone, street and city', async () => {
		for (const [field, q] of [['name', tok], ['email', `${tok}@`], ['phone', '867 5309'], ['street', `${tok} Lane`], ['city', `${tok}ville`]]) {
			const r = await owner.client.get(`/app/customers?q=${encodeURIComponent(q)}`);
			assert.equal(r.status, 200);
			assert.ok(listIds(r.text).includes(ids[field]), `${field} found by "${q}"`);
			assert.equal(inputValue(r.text, 'q'), q);
		}
		const all = listIds((await owner.client.get(`/app/customers?q=${tok}`)).text).sort();
		assert.deepEqual(all, [ids.name, ids.email, ids.street, ids.city].sort());
	});

	it('% and _ in a search are plain characters', async () => {
		assert.deepEqual(listIds((await owner.client.get('/app/customers?q=%25')).text), [ids.percent]);
		assert.deepEqual(listIds((await owner.client.get('/app/customers?q=g_C')).text), [ids.percent]);
	});

	it('filters by kind and tag, and the Next link keeps the filters', async () => {
		const business = (await db(`SELECT id FROM customers WHERE company_id = ${owner.companyId} AND kind = 'business' ORDER BY name, id`)).map(([i]) => Number(i));
		const { seen } = await walk('/app/customers?kind=business');
		assert.deepEqual(seen, business);
		const five = listIds((await owner.client.get('/app/customers?tag=FIVE')).text);
		assert.equal(five.length, 24);
		const r = await owner.client.get('/app/customers?tag=five&kind=business&sort=recent');
		const want = (await db(`SELECT id FROM customers WHERE company_id = ${owner.companyId} AND kind = 'business' AND FIND_IN_SET('five', tags) ORDER BY created_at DESC, id DESC`)).map(([i]) => Number(i));
		assert.deepEqual(listIds(r.text), want);
		assert.equal(selected(r.text, 'kind'), 'business');
		assert.equal(inputValue(r.text, 'tag'), 'five');
		assert.match(decodeEntities(r.text), /href="\/app\/customers\.csv\?kind=business&tag=five&sort=recent"/);
		const p1 = await owner.client.get('/app/customers?q=Seed&sort=recent');
		assert.match(nextHref(p1.text), /^\/app\/customers\?q=Seed&sort=recent&after=\d+$/);
		/* A tag on a row links to the list filtered by it. */
		assert.match(p1.text, /<a class="badge" href="\/app\/customers\?tag=five">five<\/a>/);
	});

	it('nothing found says so, with a way back', async () => {
		const r = await owner.client.get('/app/customers?q=nothing-like-this-anywhere');
		assert.equal(r.status, 200);
		assert.match(textOf(r.text), /No customers match/);
		assert.match(r.text, /Clear filters/);
	});

	it('a search over 100 characters is a message next to the field (422)', async () => {
		const r = await owner.client.get(`/app/customers?q=${'a'.repeat(101)}`);
		assert.equal(r.status, 422);
		assert.deepEqual(fieldErrors(r.text), { q: 'This is too long' });
	});
});

describe('customers: roles', () => {
	let owner, field, office, id;

	before(async () => {
		owner = await signup();
		id = await create(owner.client, { name: 'Seen By All', street: '1 View St' });
		[field, office] = await Promise.all([addStaff(owner.client, 'field'), addStaff(owner.client, 'office')]);
	});

	it('field staff see the list and the customer page, without any way to change them', async () => {
		for (const path of ['/app/customers', `/app/customers/${id}`]) {
			const r = await field.client.get(path);
			assert.equal(r.status, 200, path);
			assert.match(textOf(r.text), /Seen By All/);
			assert.ok(!/Edit customer|Add customer|Add a property|Add contact|Delete customer|Export CSV|Import CSV/.test(textOf(r.text)), path);
		}
	});

	it('field staff get 403 from every page and form that changes customers, and nothing changes', async () => {
		const pid = Number(await dbValue(`SELECT id FROM properties WHERE customer_id = ${id}`));
		const before = await fingerprint(owner.companyId);
		const table = (await routeTable()).filter((rt) => /^\/app\/(customers|properties|contacts)/.test(rt.pattern));
		for (const rt of table) {
			const path = rt.pattern.replace(':id', String(rt.pattern.startsWith('/app/properties') ? pid : id));
			const r = rt.method === 'GET' ? await field.client.get(path) : await field.client.post(path, { kind: 'person', name: 'Field Edit', version: '1', street: 'x', contact_name: 'x' });
			assert.equal(r.status, rt.access === 'field' ? 200 : 403, `${rt.method} ${path}`);
		}
		assert.equal(await fingerprint(owner.companyId), before);
	});

	it('office staff add and change customers', async () => {
		const oid = await create(office.client, { name: 'Office Made' });
		const r = await office.client.post(`/app/customers/${oid}`, { version: '1', kind: 'person', name: 'Office Edited' });
		assert.equal(r.status, 303);
		assert.equal((await customerRow(oid)).name, 'Office Edited');
		assert.match((await office.client.get('/app/customers')).text, /Export CSV/);
	});
});

describe('customers: tenancy', () => {
	let a, b, ids;
	const secret = `Alpha Secret ${uniq('s')}`;

	before(async () => {
		[a, b] = await Promise.all([signup(), signup()]);
		const cid = await create(a.client, { name: secret, email: 'alpha-secret@example.test', street: '1 Alpha Way', city: 'Alphaville' });
		await a.client.post(`/app/customers/${cid}/contacts`, { contact_name: 'Alpha Contact' });
		ids = {
			customer: cid,
			property: Number(await dbValue(`SELECT id FROM properties WHERE customer_id = ${cid}`)),
			contact: Number(await dbValue(`SELECT id FROM contacts WHERE customer_id = ${cid}`)),
		};
		await create(b.client, { name: 'Bravo Own' });
		await b.client.get('/app/customers');	/* shows the pending flash */
	});

	/* Which of A's ids a route's :id means. */
	function idFor(pattern) {
		return pattern.startsWith('/app/properties') ? ids.property : pattern.startsWith('/app/contacts') ? ids.contact : ids.customer;
	}

	it("every customer route with A's ids answers B with 404, like ids that don't exist, and A is unchanged", async () => {
		const table = (await routeTable()).filter((rt) => /^\/app\/(customers|properties|contacts)\//.test(rt.pattern) && rt.pattern.includes(':id'));
		assert.ok(table.length >= 10, 'the id routes are in the table');
		const before = await fingerprint(a.companyId);
		const missing = Number(await dbValue('SELECT GREATEST((SELECT MAX(id) FROM customers), (SELECT MAX(id) FROM properties), (SELECT MAX(id) FROM contacts))')) + 1000;
		const pages = new Set();
		for (const rt of table) {
			for (const id of [idFor(rt.pattern), missing, 0, -1, '99999999999999999999', 'abc']) {
				const path = rt.pattern.replace(':id', String(id));
				const r = rt.method === 'GET' ? await b.client.get(path) : await b.client.post(path, {
					version: '1', kind: 'business', name: 'Taken Over', email: 'b@example.test', street: '9 B St',
					contact_name: 'B Person', label: 'B',
				});
				assert.equal(r.status, 404, `${rt.method} ${path}`);
				pages.add(`${titleOf(r.text)}|${textOf(r.text)}`);
			}
		}
		assert.equal(pages.size, 1, 'the same 404 page whether the id is elsewhere or nowhere');
		assert.equal(await fingerprint(a.companyId), before);
		assert.equal((await a.client.get(`/app/customers/${ids.customer}`)).status, 200, 'A still sees it');
	});

	it("B's list, search and export never show A's customers; A's id as a page cursor is a 404", async () => {
		for (const path of ['/app/customers', '/app/customers?q=Alpha', '/app/customers?q=alpha-secret', '/app/customers?sort=recent', '/app/customers.csv']) {
			const r = await b.client.get(path);
			assert.equal(r.status, 200, path);
			for (const s of [secret, 'alpha-secret@example.test', '1 Alpha Way', 'Alphaville'])
				assert.ok(!r.text.includes(s), `${path} shows "${s}" of A`);
			if (!path.endsWith('.csv'))
				assert.equal(listIds(r.text).length, path.includes('q=') ? 0 : 1, `${path}: only B's own`);
		}
		assert.equal((await b.client.get(`/app/customers?after=${ids.customer}`)).status, 404);
		assert.equal((await b.client.get(`/app/customers.csv?after=${ids.customer}`)).status, 200, 'the export ignores after=');
	});

	it('B can\'t hang a property or contact on A\'s customer', async () => {
		const count = async () => dbValue(`SELECT (SELECT COUNT(*) FROM properties WHERE customer_id = ${ids.customer}) + (SELECT COUNT(*) FROM contacts WHERE customer_id = ${ids.customer})`);
		const before = await count();
		assert.equal((await b.client.post(`/app/customers/${ids.customer}/properties`, { street: 'Sneaky St' })).status, 404);
		assert.equal((await b.client.post(`/app/customers/${ids.customer}/contacts`, { contact_name: 'Sneaky' })).status, 404);
		assert.equal(await count(), before);
		assert.equal(await dbValue(`SELECT COUNT(*) FROM properties WHERE company_id = ${b.companyId} AND customer_id = ${ids.customer}`), '0');
	});

	it('every customer row belongs to the company of its customer', async () => {
		assert.equal(await dbValue('SELECT COUNT(*) FROM properties p JOIN customers c ON c.id = p.customer_id WHERE p.company_id <> c.company_id'), '0');
		assert.equal(await dbValue('SELECT COUNT(*) FROM contacts k JOIN customers c ON c.id = k.customer_id WHERE k.company_id <> c.company_id'), '0');
	});
});

describe('customers: CSRF', () => {
	it('every customer POST route refuses a missing or wrong form token (403), and nothing changes', async () => {
		const owner = await signup();
		const id = await create(owner.client, { name: 'Token Guarded', street: '1 Token St' });
		await owner.client.post(`/app/customers/${id}/contacts`, { contact_name: 'Guarded Contact' });
		const pid = Number(await dbValue(`SELECT id FROM properties WHERE customer_id = ${id}`));
		const kid = Number(await dbValue(`SELECT id FROM contacts WHERE customer_id = ${id}`));
		const map = await owner.client.post('/app/customers/import', { file: { filename: 'x.csv', data: 'name\nCsrf Row\n' } }, { multipart: true });
		const file = inputValue(map.text, 'file');
		const other = await signup();
		const wrong = await other.client.csrf();
		const before = await fingerprint(owner.companyId);
		const posts = (await routeTable()).filter((rt) => rt.method === 'POST' && /^\/app\/(customers|properties|contacts)/.test(rt.pattern));
		assert.ok(posts.length >= 11);
		for (const rt of posts) {
			const path = rt.pattern.replace(':id', String(rt.pattern.startsWith('/app/properties') ? pid : rt.pattern.startsWith('/app/contacts') ? kid : id));
			const fields = { version: '1', kind: 'person', name: 'Forged', street: 'Forged St', contact_name: 'Forged', file, map_0: 'name' };
			for (const csrf of [false, wrong, 'x'.repeat(43)]) {
				const r = await owner.client.post(path, fields, { csrf });
				assert.equal(r.status, 403, `POST ${path} with csrf=${csrf}`);
			}
			const up = await owner.client.post(path, { ...fields, file: { filename: 'f.csv', data: 'name\nForged\n' } }, { multipart: true, csrf: false });
			assert.equal(up.status, 403, `multipart POST ${path} without a token`);
		}
		assert.equal(await fingerprint(owner.companyId), before);
		assert.equal(await dbValue(`SELECT COUNT(*) FROM customers WHERE name = 'Forged' OR name = 'Csrf Row'`), '0');
	});
});

describe('customers: valid HTML', () => {
	it('every customer page, with data, empty, with errors and stale, is valid HTML', async () => {
		const owner = await signup();
		const field = await addStaff(owner.client, 'field');
		const c = owner.client;
		const pages = [];
		const add = async (name, promise, status = 200) => {
			const r = await promise;
			assert.equal(r.status, status, name);
			pages.push({ name, html: r.text });
		};
		await add('list-empty', c.get('/app/customers'));
		await add('new', c.get('/app/customers/new'));
		await add('new-errors', c.post('/app/customers', { kind: 'x', name: '', email: 'bad', city: 'X', tags: 'x'.repeat(40) }), 422);
		const id = await create(c, { name: 'Valid Html 😀', email: 'v@example.test', phone: '555 010 0100', tags: 'a,b', notes: 'Line\nbreak', street: '1 A St', city: 'B' });
		await c.post(`/app/customers/${id}/contacts`, { contact_name: 'Con Tact', contact_email: 'c@example.test' });
		await addJob(owner.companyId, id);
		const pid = Number(await dbValue(`SELECT id FROM properties WHERE customer_id = ${id}`));
		await add('list', c.get('/app/customers'));
		await add('list-none', c.get('/app/customers?q=nothing-here'));
		await add('list-errors', c.get(`/app/customers?q=${'q'.repeat(101)}`), 422);
		await add('show', c.get(`/app/customers/${id}`));
		await add('show-field', field.client.get(`/app/customers/${id}`));
		await add('list-field', field.client.get('/app/customers'));
		await add('contact-errors', c.post(`/app/customers/${id}/contacts`, { contact_name: '', contact_email: 'x' }), 422);
		await add('edit', c.get(`/app/customers/${id}/edit`));
		await add('edit-errors', c.post(`/app/customers/${id}`, { version: '1', kind: 'person', name: '' }), 422);
		await add('edit-stale', c.post(`/app/customers/${id}`, { version: '0', kind: 'person', name: 'Stale' }), 409);
		await add('property-new', c.get(`/app/customers/${id}/properties/new`));
		await add('property-errors', c.post(`/app/customers/${id}/properties`, { street: '' }), 422);
		await add('property-edit', c.get(`/app/properties/${pid}/edit`));
		await add('property-stale', c.post(`/app/properties/${pid}`, { version: '0', street: 'Stale St' }), 409);
		await add('import', c.get('/app/customers/import'));
		await add('import-errors', c.post('/app/customers/import', { file: { filename: 'x.csv', data: '' } }, { multipart: true }), 422);
		const map = await c.post('/app/customers/import', { file: { filename: 'x.csv', data: 'name,email,extra\nA,a@example.test,\n,bad,x\n' } }, { multipart: true });
		pages.push({ name: 'import-map', html: map.text });
		const file = inputValue(map.text, 'file');
		await add('import-map-errors', c.post('/app/customers/import/preview', { file, map_0: 'ignore', map_1: 'email', map_2: 'email' }), 422);
		await add('import-preview', c.post('/app/customers/import/preview', { file, map_0: 'name', map_1: 'email', map_2: 'ignore' }));
		await add('import-gone', c.post('/app/customers/import/preview', { file: 'nope' }), 404);
		const results = await validateHtml(pages);
		for (const { name } of pages)
			assert.deepEqual(results.get(name), [], `${name}: ${JSON.stringify(results.get(name))}`);
	});
});
