/*
 * Tenancy: one company's ids answer 404 to another company, exactly like
 * ids that don't exist, nothing of company A changes through company B,
 * and B never sees A's names.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';

import { addStaff, dbValue, invite, signup, sqlString, textOf, titleOf, userByEmail } from '../lib/index.mjs';

describe('tenancy', () => {
	let a, aField, aPending, b;
	let secrets;	/* everything of A that B must never see */

	before(async () => {
		[a, b] = await Promise.all([
			signup({ name: `Alpha Pipes ${Date.now()}`, owner_name: `Alice Alpha ${Date.now()}` }),
			signup({ name: `Bravo Drains ${Date.now()}`, owner_name: `Bob Bravo ${Date.now()}` }),
		]);
		[aField, aPending] = await Promise.all([
			addStaff(a.client, 'field', { name: `Fiona Field ${Date.now()}` }),
			invite(a.client, { role: 'office', name: `Pending Paula ${Date.now()}` }),
		]);
		secrets = [a.companyName, a.name, a.email, aField.name, aField.email, aPending.name, aPending.email,
			a.fields.phone === b.fields.phone ? null : a.fields.phone, a.fields.email].filter(Boolean);
	});

	async function aState() {
		return JSON.stringify([await userByEmail(aField.email), await userByEmail(a.email), await userByEmail(aPending.email),
			await dbValue(`SELECT CONCAT(name, '|', version) FROM companies WHERE id = ${a.companyId}`)]);
	}

	it("another company's user ids answer 404, like ids that don't exist", async () => {
		const before = await aState();
		const missing = Number(await dbValue('SELECT MAX(id) FROM users')) + 1000;
		const answers = [];
		for (const id of [aField.userId, a.userId, (await userByEmail(aPending.email)).id, missing]) {
			for (const [path, fields] of [[`/app/staff/${id}/role`, { role: 'owner' }], [`/app/staff/${id}/remove`, {}]]) {
				const r = await b.client.post(path, fields);
				assert.equal(r.status, 404, `POST ${path}`);
				answers.push(`${titleOf(r.text)}|${textOf(r.text).replace(/\s+/g, ' ')}`);
			}
		}
		assert.equal(new Set(answers).size, 1, 'the same page whether the id is elsewhere or nowhere');
		assert.equal(await aState(), before, "A's people and company are unchanged");
		assert.equal((await userByEmail(aField.email)).role, 'field');
		assert.equal((await aField.client.get('/app/')).status, 200, "A's member is still signed in");
	});

	it("B can't take over A's members by inviting their addresses", async () => {
		const before = await aState();
		for (const email of [aField.email, aPending.email, a.email]) {
			const r = await b.client.post('/app/staff/invite', { name: 'Taken', email, role: 'owner' });
			assert.equal(r.status, 422, email);
			assert.match(r.text, /already has a Plumbline account/);
		}
		assert.equal(await aState(), before);
		assert.equal(await dbValue(`SELECT COUNT(*) FROM outbox WHERE company_id = ${b.companyId} AND kind = 'invite'`), '0',
		    'no invitation queued by B');
		/* A's pending invitation still works. */
		assert.equal((await b.client.clone().get(`/invite?token=${aPending.token}`)).status, 200);
	});

	it("B never sees A's names on any page", async () => {
		for (const path of ['/app/', '/app/staff', '/app/settings', '/app/account', '/logout']) {
			const r = await b.client.get(path);
			assert.equal(r.status, 200, path);
			for (const s of secrets)
				assert.ok(!r.text.includes(s) && !textOf(r.text).includes(s), `${path} shows "${s}" of company A`);
			assert.ok(r.text.includes(b.companyName), `${path} shows B's own name`);
		}
		/* The team list is B's alone. */
		const staff = await b.client.get('/app/staff');
		assert.equal((staff.text.match(/<td data-label="Email">/g) ?? []).length, 1);
	});

	it("B's logo address is B's: 404 while B has none, whatever A has", async () => {
		assert.equal((await b.client.get('/app/logo')).status, 404);
	});

	it("A's sessions are scoped to A: the dashboard says A, never B", async () => {
		const r = await aField.client.get('/app/');
		assert.equal(r.status, 200);
		assert.ok(r.text.includes(a.companyName));
		assert.ok(!textOf(r.text).includes(b.companyName) && !textOf(r.text).includes(b.email));
	});

	it('every session row belongs to its user\'s company', async () => {
		const bad = await dbValue('SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.company_id <> s.company_id');
		assert.equal(bad, '0');
		const badTokens = await dbValue('SELECT COUNT(*) FROM tokens t JOIN users u ON u.id = t.user_id WHERE u.company_id <> t.company_id');
		assert.equal(badTokens, '0');
		const badMail = await dbValue(`SELECT COUNT(*) FROM outbox WHERE to_addr = ${sqlString(aField.email)} AND company_id <> ${a.companyId}`);
		assert.equal(badMail, '0');
	});
});
