/*
 * Roles (DESIGN.md's table): field staff see neither the team nor the
 * settings, office staff see both but change nothing, owners manage the
 * team.  Nobody changes their own access; a company keeps an owner.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';

import {
	addStaff, db, dbValue, flashFrom, textOf, login, signup, tryLogin, userByEmail,
} from '../lib/index.mjs';

async function companyRow(id) {
	return JSON.stringify(await db(`SELECT name, phone, email, version, COALESCE(logo_file, '-') FROM companies WHERE id = ${id}`));
}

async function activeOwners(companyId) {
	return Number(await dbValue(`SELECT COUNT(*) FROM users WHERE company_id = ${companyId} AND role = 'owner' AND status = 'active'`));
}

describe('what each role sees', () => {
	let owner, office, field;

	before(async () => {
		owner = await signup();
		[office, field] = await Promise.all([addStaff(owner.client, 'office'), addStaff(owner.client, 'field')]);
	});

	it('field staff get 403 on the team and the settings', async () => {
		for (const path of ['/app/staff', '/app/settings']) {
			const r = await field.client.get(path);
			assert.equal(r.status, 403, path);
			assert.ok(!textOf(r.text).includes(owner.email), `${path} shows no team data`);
		}
	});

	it('office staff see the team without controls to change it', async () => {
		const r = await office.client.get('/app/staff');
		assert.equal(r.status, 200);
		assert.ok(textOf(r.text).includes(owner.email) && textOf(r.text).includes(field.email), 'lists the team');
		assert.doesNotMatch(r.text, /action="\/app\/staff\/\d+\/(role|remove)"/, 'no role or remove forms');
		assert.doesNotMatch(r.text, /action="\/app\/staff\/invite"/, 'no invite form');
	});

	it('office staff see the settings read-only, without the logo form', async () => {
		const r = await office.client.get('/app/settings');
		assert.equal(r.status, 200);
		assert.match(r.text, /<fieldset disabled>/);
		assert.doesNotMatch(r.text, /type="submit">Save changes/);
		assert.doesNotMatch(r.text, /action="\/app\/settings\/logo"/);
		assert.ok(r.text.includes(owner.companyName));
	});

	it('office staff POSTs to team and settings are 403 and change nothing', async () => {
		const before = await companyRow(owner.companyId);
		let r = await office.client.post('/app/settings', { ...owner.fields, name: 'Office Renamed', version: 1 });
		assert.equal(r.status, 403);
		r = await office.client.post(`/app/staff/${field.userId}/role`, { role: 'owner' });
		assert.equal(r.status, 403);
		r = await office.client.post(`/app/staff/${field.userId}/remove`, {});
		assert.equal(r.status, 403);
		r = await office.client.post(`/app/staff/${office.userId}/role`, { role: 'owner' });
		assert.equal(r.status, 403, 'office can\'t promote itself');
		r = await office.client.post('/app/staff/invite', { name: 'Friend', email: 'friend@example.test', role: 'owner' });
		assert.equal(r.status, 403);
		assert.equal(await companyRow(owner.companyId), before);
		assert.equal((await userByEmail(field.email)).role, 'field');
		assert.equal((await userByEmail(field.email)).status, 'active');
		assert.equal((await userByEmail(office.email)).role, 'office');
		assert.equal(await userByEmail('friend@example.test'), null);
	});

	it('the owner sees the controls', async () => {
		const r = await owner.client.get('/app/staff');
		assert.equal(r.status, 200);
		assert.match(r.text, new RegExp(`action="/app/staff/${field.userId}/role"`));
		assert.match(r.text, new RegExp(`action="/app/staff/${field.userId}/remove"`));
		assert.match(r.text, /action="\/app\/staff\/invite"/);
		assert.doesNotMatch(r.text, new RegExp(`action="/app/staff/${owner.userId}/(role|remove)"`), 'none for oneself');
	});
});

describe('owners manage the team', () => {
	let owner, promoted, unknownRole, removed, co, second;

	before(async () => {
		[owner, co] = await Promise.all([signup(), signup()]);
		[promoted, unknownRole, removed, second] = await Promise.all([
			addStaff(owner.client, 'field'), addStaff(owner.client, 'field'),
			addStaff(owner.client, 'office'), addStaff(co.client, 'office'),
		]);
	});

	it('a role change takes effect and signs the person out (new sessions on privilege change)', async () => {
		const m = promoted;
		assert.equal((await m.client.get('/app/staff')).status, 403);
		const r = await owner.client.post(`/app/staff/${m.userId}/role`, { role: 'office' });
		assert.equal(r.status, 303);
		assert.equal(r.location, '/app/staff');
		assert.equal(flashFrom((await owner.client.follow(r)).text)?.text, 'Role updated.');
		assert.equal((await userByEmail(m.email)).role, 'office');
		assert.equal((await m.client.get('/app/')).status, 303, 'the old session ended');
		const again = await login(m.email, m.password);
		assert.equal((await again.get('/app/staff')).status, 200, 'office now sees the team');
	});

	it('an unknown role is refused and changes nothing', async () => {
		const m = unknownRole;
		for (const role of ['admin', '', 'OWNER', 'owner ']) {
			const r = await owner.client.post(`/app/staff/${m.userId}/role`, { role });
			assert.ok(r.status === 422 || r.status === 400, `role "${role}": ${r.status}`);
		}
		assert.equal((await userByEmail(m.email)).role, 'field');
	});

	it('removing someone ends their sessions and their sign-in', async () => {
		const m = removed;
		const r = await owner.client.post(`/app/staff/${m.userId}/remove`, {});
		assert.equal(r.status, 303);
		assert.equal(flashFrom((await owner.client.follow(r)).text)?.text, 'Access removed.');
		assert.equal((await userByEmail(m.email)).status, 'removed');
		assert.equal(await dbValue(`SELECT COUNT(*) FROM sessions WHERE user_id = ${m.userId}`), '0');
		assert.equal((await m.client.get('/app/')).status, 303);
		const again = await tryLogin(m.email, m.password);
		assert.equal(again.status, 422, 'a removed member can\'t sign in');
		const list = await owner.client.get('/app/staff');
		assert.ok(!textOf(list.text).includes(m.email), 'no longer listed');
		/* A second removal finds nobody. */
		assert.equal((await owner.client.post(`/app/staff/${m.userId}/remove`, {})).status, 404);
	});

	it("the owner can't change their own role", async () => {
		const r = await owner.client.post(`/app/staff/${owner.userId}/role`, { role: 'field' });
		assert.equal(r.status, 303);
		const page = await owner.client.follow(r);
		assert.deepEqual(flashFrom(page.text), { kind: 'error', text: "You can't change your own access here." });
		assert.equal((await userByEmail(owner.email)).role, 'owner');
		assert.equal((await owner.client.get('/app/settings')).status, 200, 'still signed in as owner');
	});

	it("the owner can't remove themselves", async () => {
		const r = await owner.client.post(`/app/staff/${owner.userId}/remove`, {});
		assert.equal(r.status, 303);
		assert.equal(flashFrom((await owner.client.follow(r)).text)?.kind, 'error');
		assert.equal((await userByEmail(owner.email)).status, 'active');
	});

	it('a second owner can be made, and then demote the first', async () => {
		let r = await co.client.post(`/app/staff/${second.userId}/role`, { role: 'owner' });
		assert.equal(r.status, 303);
		assert.equal(await activeOwners(co.companyId), 2);
		const s = await login(second.email, second.password);
		r = await s.post(`/app/staff/${co.userId}/role`, { role: 'office' });
		assert.equal(r.status, 303);
		assert.equal((await userByEmail(co.email)).role, 'office');
		assert.equal(await activeOwners(co.companyId), 1);
		/* The demoted first owner is signed out and, back in, is office. */
		assert.equal((await co.client.get('/app/')).status, 303);
		const first = await login(co.email, co.password);
		assert.equal((await first.post(`/app/staff/${second.userId}/role`, { role: 'field' })).status, 403);
		assert.equal(await activeOwners(co.companyId), 1);
	});
});

describe('a company always keeps an owner', () => {
	/* Sequentially the rule can't be reached (the actor is an owner and can't
	 * demote or remove themselves); two owners acting on each other at the same
	 * moment can: one of them must be refused. */
	async function twoOwners() {
		const a = await signup();
		const b = await addStaff(a.client, 'office');
		const r = await a.client.post(`/app/staff/${b.userId}/role`, { role: 'owner' });
		assert.equal(r.status, 303);
		const bClient = await login(b.email, b.password);
		return { a, b, bClient };
	}

	const pairs = {};

	before(async () => {
		[pairs.role, pairs.remove, pairs.message] = await Promise.all([twoOwners(), twoOwners(), twoOwners()]);
	});

	for (const action of ['role', 'remove']) {
		it(`two owners ${action === 'role' ? 'demoting' : 'removing'} each other at once leave one owner`, async () => {
			const { a, b, bClient } = pairs[action];
			await a.client.csrf();
			await bClient.csrf();
			const fields = action === 'role' ? { role: 'field' } : {};
			const [ra, rb] = await Promise.all([
				a.client.post(`/app/staff/${b.userId}/${action}`, fields),
				bClient.post(`/app/staff/${a.userId}/${action}`, fields),
			]);
			for (const r of [ra, rb])
				assert.ok([303, 403].includes(r.status), `status ${r.status}`);
			assert.equal(await activeOwners(a.companyId), 1, 'exactly one active owner left');
		});
	}

	it('the loser of the race is told the company needs an owner (or was already signed out)', async () => {
		const { a, b, bClient } = pairs.message;
		await a.client.csrf();
		await bClient.csrf();
		const [ra, rb] = await Promise.all([
			a.client.post(`/app/staff/${b.userId}/role`, { role: 'office' }),
			bClient.post(`/app/staff/${a.userId}/role`, { role: 'office' }),
		]);
		/* The flash code travels in the redirect's cookie (the loser's next page
		 * may already be the sign-in page: the winner ended its session). */
		const codes = [ra, rb].filter((r) => r.status === 303).map((r) => r.cookie('pl_flash')?.value);
		const statuses = [ra.status, rb.status];
		assert.ok(codes.includes('role_saved'), `one side won: ${statuses} ${codes}`);
		assert.ok(codes.includes('last_owner') || statuses.includes(403),
		    `the other was refused: statuses ${statuses}, flash codes ${codes}`);
		assert.equal(await activeOwners(a.companyId), 1);
	});
});


