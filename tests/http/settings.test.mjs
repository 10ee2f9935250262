/*
 * Company settings: owners edit, with messages next to bad fields;
 * an edit made from a stale form is reported (409) with the current
 * values, never silently overwritten.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';

import {
	addStaff, db, dbRow, decodeEntities, fieldErrors, flashFrom, formError, inputValue, signup, textOf,
} from '../lib/index.mjs';

const COLS = ['name', 'trade', 'street', 'city', 'region', 'postal_code', 'phone', 'email', 'hours', 'timezone', 'version'];

async function company(id) {
	return dbRow(`SELECT ${COLS.join(', ')} FROM companies WHERE id = ${id}`, COLS);
}

/* The settings form as the page fills it, with changes. */
async function formOf(client, changes = {}) {
	const page = await client.get('/app/settings');
	assert.equal(page.status, 200);
	const f = {};
	for (const n of ['name', 'street', 'city', 'region', 'postal_code', 'phone', 'email', 'version'])
		f[n] = inputValue(page.text, n);
	f.trade = /<select[^>]*name="trade"[\s\S]*?<option value="([^"]*)" selected>/.exec(page.text)?.[1];
	f.timezone = /<select[^>]*name="timezone"[\s\S]*?<option value="([^"]*)" selected>/.exec(page.text)?.[1];
	f.hours = decodeEntities(/<textarea[^>]*name="hours"[^>]*>([\s\S]*?)<\/textarea>/.exec(page.text)?.[1] ?? '');
	return { ...f, ...changes };
}

describe('company settings', () => {
	let owner, office;

	before(async () => {
		owner = await signup();
		office = await addStaff(owner.client, 'office');
	});

	it('the form shows the current values and version', async () => {
		const f = await formOf(owner.client);
		const c = await company(owner.companyId);
		assert.equal(f.name, c.name);
		assert.equal(f.trade, c.trade);
		assert.equal(f.timezone, c.timezone);
		assert.equal(f.phone, c.phone);
		assert.equal(f.version, c.version);
	});

	it('the owner saves every field; the version moves on', async () => {
		const before = await company(owner.companyId);
		const changes = {
			name: 'Fontanería Núñez', trade: 'hvac', street: '12 Calle Mayor', city: 'Sevilla', region: 'Andalucía',
			postal_code: '41001', phone: '+34 954 000 111', email: 'Oficina@Fontaneria.example', hours: 'Lun–Vie 8:00–17:00\nSáb 9:00–12:00',
			timezone: 'Europe/Madrid',
		};
		const r = await owner.client.post('/app/settings', await formOf(owner.client, changes));
		assert.equal(r.status, 303);
		assert.equal(r.location, '/app/settings');
		const page = await owner.client.follow(r);
		assert.equal(flashFrom(page.text)?.text, 'Changes saved.');
		const after = await company(owner.companyId);
		assert.deepEqual(after, {
			...changes, email: 'oficina@fontaneria.example', version: String(Number(before.version) + 1),
		});
		assert.equal(inputValue(page.text, 'name'), 'Fontanería Núñez');
		const dash = await owner.client.get('/app/');
		assert.ok(textOf(dash.text).includes('Fontanería Núñez'), 'the dashboard shows the new name');
		assert.ok(textOf(dash.text).includes('Europe/Madrid'));
	});

	const bad = [
		['email', 'not-an-email'], ['phone', 'call me'], ['phone', '123'], ['timezone', 'Europe/Atlantis'],
		['timezone', '../../etc/passwd'], ['trade', 'alchemy'], ['name', ''], ['postal_code', 'x'.repeat(21)],
	];
	for (const [field, value] of bad)
		it(`${field} = ${JSON.stringify(value.slice(0, 20))} → 422 with a message next to it, nothing saved`, async () => {
			const before = await company(owner.companyId);
			const r = await owner.client.post('/app/settings', await formOf(owner.client, { [field]: value }));
			assert.equal(r.status, 422);
			const errs = fieldErrors(r.text);
			assert.deepEqual(Object.keys(errs), [field], JSON.stringify(errs));
			if (field !== 'timezone' && field !== 'trade')
				assert.equal(inputValue(r.text, field), value, 'the typed value is kept');
			assert.deepEqual(await company(owner.companyId), before);
		});

	it('several bad fields at once get a message each', async () => {
		const r = await owner.client.post('/app/settings', await formOf(owner.client, { email: 'x', phone: 'y', timezone: 'Nowhere/Land' }));
		assert.equal(r.status, 422);
		assert.deepEqual(Object.keys(fieldErrors(r.text)).sort(), ['email', 'phone', 'timezone']);
	});

	it('a stale form → 409 with the current values, and nothing overwritten', async () => {
		const tabA = await formOf(owner.client);
		const tabB = await formOf(owner.client);
		assert.equal(tabA.version, tabB.version);
		let r = await owner.client.post('/app/settings', { ...tabA, city: 'Córdoba', name: 'Saved First' });
		assert.equal(r.status, 303);
		r = await owner.client.post('/app/settings', { ...tabB, city: 'Granada', name: 'Saved Second' });
		assert.equal(r.status, 409);
		assert.match(formError(r.text) ?? '', /Someone else changed these settings/);
		assert.equal(inputValue(r.text, 'name'), 'Saved First', 'the form now shows the current values');
		assert.equal(inputValue(r.text, 'city'), 'Córdoba');
		const cur = await company(owner.companyId);
		assert.equal(cur.name, 'Saved First');
		assert.equal(cur.city, 'Córdoba');
		assert.equal(inputValue(r.text, 'version'), cur.version, 'with the current version to save again');
		/* Saving again from that form works. */
		r = await owner.client.post('/app/settings', { ...(await formOf(owner.client)), city: 'Granada' });
		assert.equal(r.status, 303);
		assert.equal((await company(owner.companyId)).city, 'Granada');
	});

	it('a missing or made-up version is stale too, never a blind overwrite', async () => {
		const before = await company(owner.companyId);
		for (const version of ['', '0', '999999', 'abc', '-1']) {
			const r = await owner.client.post('/app/settings', await formOf(owner.client, { version, name: 'Blind Write' }));
			assert.equal(r.status, 409, `version ${JSON.stringify(version)}`);
		}
		assert.deepEqual(await company(owner.companyId), before);
	});

	it('office staff read the same values but can\'t save', async () => {
		const r = await office.client.get('/app/settings');
		assert.equal(r.status, 200);
		assert.equal(inputValue(r.text, 'name'), (await company(owner.companyId)).name);
		const before = await company(owner.companyId);
		const post = await office.client.post('/app/settings', await formOf(office.client, { name: 'Office Edit' }));
		assert.equal(post.status, 403);
		assert.deepEqual(await company(owner.companyId), before);
	});

	it('markup in company fields is shown as text', async () => {
		const r = await owner.client.post('/app/settings', await formOf(owner.client, { name: '<b onmouseover=x>Bold & Co</b>', hours: '"><img src=x onerror=alert(1)>' }));
		assert.equal(r.status, 303);
		for (const path of ['/app/', '/app/settings', '/app/staff', '/app/account']) {
			const page = await owner.client.get(path);
			assert.ok(!page.text.includes('<b onmouseover'), path);
			assert.ok(!page.text.includes('<img src=x'), path);
			assert.ok(page.text.includes('&lt;b onmouseover=x&gt;Bold &amp; Co&lt;/b&gt;'), path);
		}
		const rows = await db(`SELECT name FROM companies WHERE id = ${owner.companyId}`);
		assert.equal(rows[0][0], '<b onmouseover=x>Bold & Co</b>', 'stored as typed');
	});
});
