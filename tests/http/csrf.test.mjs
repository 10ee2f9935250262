/*
 * CSRF: every POST route refuses a missing or wrong form token with 403
 * and changes nothing (checked in the database).
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';

import {
	Client, PASSWORD, addStaff, db, dbValue, invite, makePng, pathOf, portalClient, portalCustomer, portalLink, routeTable,
	signup, sqlString, uniqueEmail, userByEmail, waitForMail,
} from '../lib/index.mjs';

/* The company's rows that any POST could touch, as one comparable string. */
async function snapshot(companyId) {
	const parts = await Promise.all([
		db(`SELECT name, trade, phone, email, timezone, version, COALESCE(logo_file, '-') FROM companies WHERE id = ${companyId}`),
		db(`SELECT id, email, name, role, status, COALESCE(password_hash, '-') FROM users WHERE company_id = ${companyId} ORDER BY id`),
		db(`SELECT HEX(token_hash), kind, COALESCE(used_at, '-') FROM tokens WHERE company_id = ${companyId} ORDER BY 1`),
		db(`SELECT HEX(token_hash), user_id FROM sessions WHERE company_id = ${companyId} ORDER BY 1`),
		db(`SELECT COUNT(*) FROM outbox WHERE company_id = ${companyId}`),
	]);
	return JSON.stringify(parts);
}

/* Wrong tokens: none at all, empty, garbage, one of another client, one with a changed character. */
async function badTokens(client) {
	const good = await client.csrf();
	const other = await new Client().csrf();
	const flip = good.slice(0, -1) + (good.endsWith('A') ? 'B' : 'A');
	return [['missing', false], ['empty', ''], ['garbage', 'x'.repeat(good.length)],
		["another client's", other], ['tampered', flip]];
}

describe('CSRF', () => {
	let owner, field, pending, resetToken, companyId;

	before(async () => {
		owner = await signup();
		companyId = owner.companyId;
		field = await addStaff(owner.client, 'field');
		pending = await invite(owner.client, { role: 'office' });
		/* A live reset link for the field member. */
		await new Client().post('/password/forgot', { email: field.email });
		resetToken = new URL((await waitForMail({ to: field.email, subject: 'Reset' })).link).searchParams.get('token');
	});

	async function refusedEverywhere(client, path, fields, opts = {}) {
		const before = await snapshot(companyId);
		for (const [what, csrf] of await badTokens(client)) {
			const r = await client.post(path, fields, { ...opts, csrf });
			assert.equal(r.status, 403, `POST ${path} with a ${what} token`);
			assert.equal(r.cookie('pl_session')?.value || undefined, undefined, `POST ${path} (${what}) starts no session`);
		}
		assert.equal(await snapshot(companyId), before, `POST ${path}: nothing changed`);
	}

	it('POST /signup', async () => {
		const email = uniqueEmail('csrf');
		await refusedEverywhere(new Client(), '/signup', {
			name: 'CSRF Co', trade: 'plumbing', phone: '+1 555 010 0100', email: 'co@example.test',
			timezone: 'UTC', owner_name: 'Mallory', owner_email: email, password: PASSWORD,
		});
		assert.equal(await userByEmail(email), null, 'no user was created');
	});

	it('POST /login (right password)', async () => {
		const sessions = await dbValue(`SELECT COUNT(*) FROM sessions WHERE user_id = ${owner.userId}`);
		await refusedEverywhere(new Client(), '/login', { email: owner.email, password: owner.password });
		assert.equal(await dbValue(`SELECT COUNT(*) FROM sessions WHERE user_id = ${owner.userId}`), sessions);
	});

	it('POST /logout', async () => {
		await refusedEverywhere(owner.client, '/logout', {});
		assert.equal((await owner.client.get('/app/')).status, 200, 'still signed in');
	});

	it('POST /password/forgot', async () => {
		const mails = await dbValue(`SELECT COUNT(*) FROM outbox WHERE to_addr = ${sqlString(owner.email)}`);
		await refusedEverywhere(new Client(), '/password/forgot', { email: owner.email });
		assert.equal(await dbValue(`SELECT COUNT(*) FROM outbox WHERE to_addr = ${sqlString(owner.email)}`), mails);
	});

	it('POST /password/reset (live token)', async () => {
		const c = new Client();
		await c.get(`/password/reset?token=${resetToken}`);
		await refusedEverywhere(c, '/password/reset', { token: resetToken, password: 'new password 123', password2: 'new password 123' });
		/* The link still works afterwards. */
		assert.equal((await c.get(`/password/reset?token=${resetToken}`)).status, 200);
	});

	it('POST /invite (live token)', async () => {
		const c = new Client();
		await c.get(pathOf(pending.link));
		await refusedEverywhere(c, '/invite', { token: pending.token, name: 'Eve', password: PASSWORD, password2: PASSWORD });
		assert.equal((await userByEmail(pending.email)).status, 'invited');
		assert.equal((await c.get(pathOf(pending.link))).status, 200, 'the invitation still works');
	});

	it('POST /app/staff/invite', async () => {
		const email = uniqueEmail('csrf-inv');
		await refusedEverywhere(owner.client, '/app/staff/invite', { name: 'X', email, role: 'owner' });
		assert.equal(await userByEmail(email), null);
	});

	it('POST /app/staff/:id/role', async () => {
		await refusedEverywhere(owner.client, `/app/staff/${field.userId}/role`, { role: 'owner' });
		assert.equal((await userByEmail(field.email)).role, 'field');
	});

	it('POST /app/staff/:id/remove', async () => {
		await refusedEverywhere(owner.client, `/app/staff/${field.userId}/remove`, {});
		assert.equal((await userByEmail(field.email)).status, 'active');
	});

	it('POST /app/settings', async () => {
		const version = await dbValue(`SELECT version FROM companies WHERE id = ${companyId}`);
		await refusedEverywhere(owner.client, '/app/settings', {
			name: 'Hijacked', trade: 'plumbing', phone: '+1 555 010 0100', email: 'evil@example.test',
			timezone: 'UTC', version,
		});
	});

	it('POST /app/settings/logo (multipart)', async () => {
		const png = makePng(4, 4);
		await refusedEverywhere(owner.client, '/app/settings/logo', { logo: { filename: 'l.png', contentType: 'image/png', data: png } }, { multipart: true });
		assert.equal(await dbValue(`SELECT logo_file FROM companies WHERE id = ${companyId}`), null);
	});

	it('POST /app/account (profile and password)', async () => {
		await refusedEverywhere(field.client, '/app/account', { action: 'profile', name: 'Renamed' });
		await refusedEverywhere(field.client, '/app/account', {
			action: 'password', current_password: field.password, password: 'another pass 123', password2: 'another pass 123',
		});
	});

	it("one user's form token doesn't work in another user's session", async () => {
		const before = await snapshot(companyId);
		const ownerToken = await owner.client.csrf();
		const r = await field.client.post('/app/account', { action: 'profile', name: 'Cross' }, { csrf: ownerToken });
		assert.equal(r.status, 403);
		assert.equal(await snapshot(companyId), before);
	});

	it('a form token sent only as a header or in the query string is not enough', async () => {
		const t = await field.client.csrf();
		let r = await field.client.post('/app/account', { action: 'profile', name: 'Header' }, { csrf: false, headers: { 'X-CSRF-Token': t } });
		assert.equal(r.status, 403);
		r = await field.client.post(`/app/account?csrf=${encodeURIComponent(t)}`, { action: 'profile', name: 'Query' }, { csrf: false });
		assert.equal(r.status, 403);
		assert.notEqual((await userByEmail(field.email)).name, 'Query');
	});

	it('every other POST route of the table refuses a missing token too', async () => {
		const covered = ['/signup', '/login', '/logout', '/password/forgot', '/password/reset', '/invite',
			'/app/staff/invite', '/app/staff/:id/role', '/app/staff/:id/remove', '/app/settings', '/app/settings/logo',
			'/app/account'];
		/* Routes added by later features are swept here, so none can skip the check. */
		const posts = (await routeTable()).filter((r) => r.method === 'POST' && !covered.includes(r.pattern));
		const before = await snapshot(companyId);
		for (const { pattern } of posts) {
			const path = pattern.replace(/:\w+/g, '1');
			const r = await owner.client.post(path, { name: 'x' }, { csrf: false });
			assert.equal(r.status, 403, `POST ${pattern} without a token`);
		}
		assert.equal(await snapshot(companyId), before, 'nothing changed');
	});

	it('the right token works (the refusals above were about the token)', async () => {
		const r = await field.client.post('/app/account', { action: 'profile', name: 'Right Token' });
		assert.equal(r.status, 303);
		assert.equal((await userByEmail(field.email)).name, 'Right Token');
	});
});

describe('CSRF in the customer portal', () => {
	let owner, person, portal;

	/* What a portal POST could touch: the person, its sessions and links, the company's history and mail. */
	async function portalSnapshot() {
		return JSON.stringify(await Promise.all([
			db(`SELECT name, email, COALESCE(password_hash, '-'), alerts_off, seen_event_id FROM portal_people
			    WHERE company_id = ${owner.companyId} ORDER BY id`),
			db(`SELECT id, HEX(token_hash), verified_at, COALESCE(HEX(code_hash), '-') FROM portal_sessions
			    WHERE company_id = ${owner.companyId} ORDER BY id`),
			db(`SELECT id, COALESCE(used_at, '-'), COALESCE(revoked_at, '-') FROM portal_links
			    WHERE company_id = ${owner.companyId} ORDER BY id`),
			db(`SELECT COUNT(*) FROM job_events WHERE company_id = ${owner.companyId}`),
			db(`SELECT COUNT(*) FROM outbox WHERE company_id = ${owner.companyId}`),
		]));
	}

	before(async () => {
		owner = await signup();
		person = await portalCustomer(owner.companyId);
		portal = await portalClient(person);
	});

	it("signed in, the portal's forms are seeded by the portal session, not the browser's guest cookie", async () => {
		const c = await portalClient(await portalCustomer(owner.companyId));
		const guestPage = await c.get('/login');	/* the same browser's guest-seeded token */
		const guest = guestPage.csrf;
		assert.ok(guest && c.cookie('pl_guest'));
		let r = await c.post('/portal/sessions/end-others', {}, { csrf: guest });
		assert.equal(r.status, 403);
		const own = (await c.get('/portal/settings')).csrf;
		assert.notEqual(own, guest);
		r = await c.post('/portal/sessions/end-others', {}, { csrf: own });
		assert.equal(r.status, 303);
	});

	it('every portal POST route refuses a missing, foreign or tampered token with 403 and changes nothing', async () => {
		const posts = (await routeTable()).filter((r) => r.method === 'POST' && r.pattern.startsWith('/portal/'));
		assert.ok(posts.length >= 8, `${posts.length} portal POST routes`);
		const link = await portalLink(person);
		const before = await portalSnapshot();
		for (const { pattern } of posts) {
			const path = pattern.replace(':token', link.token).replace(/:\w+/g, '1');
			for (const [what, csrf] of await badTokens(portal)) {
				const r = await portal.post(path, { password: PASSWORD, password2: PASSWORD, code: '123456', note: 'x',
				    email: person.email, link_email: person.email }, { csrf });
				assert.equal(r.status, 403, `POST ${pattern} with a ${what} token`);
			}
		}
		assert.equal(await portalSnapshot(), before, 'nothing changed');
		assert.equal((await portal.get('/portal/')).status, 200, 'still signed in');
	});
});
