/*
 * Invitations: the owner invites by e-mail with a role; the link's GET
 * shows the form without spending it, the POST sets name and password and
 * signs the invitee in with that role, once.  A new invitation voids the
 * old link.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

import {
	BASE_URL, Client, PASSWORD, acceptInvite, db, dbValue, fieldErrors, invite, login, pathOf, signup,
	textOf, tryLogin, uniqueEmail, userByEmail,
} from '../lib/index.mjs';

const sha = (t) => createHash('sha256').update(t).digest('hex').toUpperCase();

async function tokenRow(token) {
	const rows = await db(`SELECT kind, COALESCE(used_at, '-'), expires_at > NOW() FROM tokens WHERE token_hash = UNHEX('${sha(token)}')`);
	return rows.length ? { kind: rows[0][0], used: rows[0][1] !== '-', live: rows[0][2] === '1' } : null;
}

describe('invitations', () => {
	let owner;
	const inv = {};

	before(async () => {
		owner = await signup({ name: `Invite Co ${Date.now()}` });
		[inv.field, inv.office, inv.once, inv.twice, inv.race, inv.bad, inv.expired, inv.signedIn, inv.owner] = await Promise.all([
			invite(owner.client, { role: 'field' }), invite(owner.client, { role: 'office' }),
			invite(owner.client, { role: 'field' }), invite(owner.client, { role: 'field' }),
			invite(owner.client, { role: 'field' }), invite(owner.client, { role: 'field' }),
			invite(owner.client, { role: 'field' }), invite(owner.client, { role: 'field' }),
			invite(owner.client, { role: 'owner' }),
		]);
	});

	it('the invitation is mailed with a single-use link; the invitee is listed as invited', async () => {
		const i = inv.field;
		assert.match(i.link, new RegExp(`^${BASE_URL.replace(/[.]/g, '\\.')}/invite\\?token=[A-Za-z0-9_-]{43}$`));
		assert.match(i.subject ?? i.mail.subject, new RegExp(`invited you to join ${owner.companyName}`));
		const u = await userByEmail(i.email);
		assert.equal(u.status, 'invited');
		assert.equal(u.role, 'field');
		assert.equal(u.companyId, owner.companyId);
		assert.equal(await dbValue(`SELECT password_hash FROM users WHERE id = ${u.id}`), null);
		assert.deepEqual(await tokenRow(i.token), { kind: 'invite', used: false, live: true });
		const staff = await owner.client.get('/app/staff');
		assert.ok(textOf(staff.text).includes(i.email));
		assert.match(staff.text, /Invited/);
		/* Only the hash is stored. */
		assert.equal(await dbValue(`SELECT COUNT(*) FROM tokens WHERE token_hash = ${JSON.stringify(i.token)}`), '0');
	});

	it('GET shows who invites and for what, and does not spend the token', async () => {
		const c = new Client();
		for (let n = 0; n < 2; n++) {
			const r = await c.get(pathOf(inv.office.link));
			assert.equal(r.status, 200);
			const t = textOf(r.text);
			assert.ok(t.includes(owner.companyName), 'company');
			assert.ok(t.includes(inv.office.email), 'email');
			assert.match(t, /Role Office/);
			assert.match(r.text, /<input type="hidden" name="token" value="[A-Za-z0-9_-]{43}">/);
		}
		assert.equal((await tokenRow(inv.office.token)).used, false);
	});

	it('POST with name and password signs the invitee in with their role', async () => {
		for (const [i, canSeeTeam] of [[inv.field, false], [inv.office, true], [inv.owner, true]]) {
			const { client, res } = await acceptInvite(i.link, { name: 'Jo Joiner' });
			assert.equal(res.status, 303, i.role);
			assert.equal(res.location, '/app/');
			assert.ok(client.session, 'a session cookie');
			const dash = await client.get('/app/');
			assert.equal(dash.status, 200);
			assert.match(dash.text, /Welcome aboard/);
			assert.equal((await client.get('/app/staff')).status, canSeeTeam ? 200 : 403, i.role);
			assert.equal((await client.get('/app/settings')).status, canSeeTeam ? 200 : 403, i.role);
			const u = await userByEmail(i.email);
			assert.equal(u.status, 'active');
			assert.equal(u.name, 'Jo Joiner');
			assert.equal(u.role, i.role);
			assert.equal((await tokenRow(i.token)).used, true);
			/* And can sign in again later with that password. */
			assert.equal((await tryLogin(i.email, PASSWORD)).status, 303);
		}
	});

	it('the link works once: a second POST, or GET, is the 404 "can\'t be used" page', async () => {
		const first = await acceptInvite(inv.once.link);
		assert.equal(first.res.status, 303);
		const c = new Client();
		const get = await c.get(pathOf(inv.once.link));
		assert.equal(get.status, 404);
		assert.match(textOf(get.text), /invitation can't be used/);
		const post = await c.post('/invite', { token: inv.once.token, name: 'Mallory', password: 'other password 1', password2: 'other password 1' });
		assert.equal(post.status, 404);
		assert.equal(post.cookie('pl_session'), null);
		assert.equal((await userByEmail(inv.once.email)).name, first.name, 'the name set by the first use stays');
		assert.equal((await tryLogin(inv.once.email, 'other password 1')).status, 422, 'the second password was not set');
	});

	it('two POSTs of one link at the same moment: exactly one wins', async () => {
		const a = new Client(), b = new Client();
		await Promise.all([a.get(pathOf(inv.race.link)), b.get(pathOf(inv.race.link))]);
		const f = (name) => ({ token: inv.race.token, name, password: PASSWORD, password2: PASSWORD });
		const [ra, rb] = await Promise.all([a.post('/invite', f('A')), b.post('/invite', f('B'))]);
		assert.deepEqual([ra.status, rb.status].sort(), [303, 404]);
	});

	it('mistakes come back 422 with messages, and the link still works', async () => {
		const c = new Client();
		await c.get(pathOf(inv.bad.link));
		let r = await c.post('/invite', { token: inv.bad.token, name: '', password: PASSWORD, password2: 'different password' });
		assert.equal(r.status, 422);
		const e = fieldErrors(r.text);
		assert.ok(e.name && e.password2, JSON.stringify(e));
		r = await c.post('/invite', { token: inv.bad.token, name: 'Short', password: 'short', password2: 'short' });
		assert.equal(r.status, 422);
		assert.ok(fieldErrors(r.text).password);
		assert.equal(r.headers['referrer-policy'], 'no-referrer');
		assert.equal((await tokenRow(inv.bad.token)).used, false);
		assert.equal((await userByEmail(inv.bad.email)).status, 'invited');
		assert.equal((await acceptInvite(inv.bad.link)).res.status, 303);
	});

	it('an expired link is the 404 page and can\'t be spent', async () => {
		await db(`UPDATE tokens SET expires_at = NOW() - INTERVAL 1 MINUTE WHERE token_hash = UNHEX('${sha(inv.expired.token)}')`);
		const c = new Client();
		assert.equal((await c.get(pathOf(inv.expired.link))).status, 404);
		const r = await c.post('/invite', { token: inv.expired.token, name: 'Late', password: PASSWORD, password2: PASSWORD });
		assert.equal(r.status, 404);
		assert.equal((await userByEmail(inv.expired.email)).status, 'invited');
	});

	it('accepting while signed in as someone else leaves you signed in as the invitee', async () => {
		const c = owner.client.clone();	/* the owner's browser opens the link */
		const { res } = await acceptInvite(inv.signedIn.link, { client: c, name: 'Signed In Sam' });
		assert.equal(res.status, 303);
		assert.ok(c.session && c.session !== owner.client.session,
		    `a new session cookie after applying every Set-Cookie in order: ${res.setCookies.join(' | ')}`);
		const r = await c.get('/app/account');
		assert.equal(r.status, 200);
		assert.ok(textOf(r.text).includes(inv.signedIn.email) || r.text.includes(inv.signedIn.email), 'signed in as the invitee');
		assert.equal((await owner.client.get('/app/')).status, 303, "the owner's session in that browser was ended");
	});
});

describe('re-inviting', () => {
	let owner;
	const email = uniqueEmail('again');
	const pre = {};

	before(async () => {
		owner = await signup();
		[pre.first, pre.active, pre.pending, pre.removed] = await Promise.all([
			invite(owner.client, { email, role: 'field', name: 'First Name' }),
			invite(owner.client, { role: 'field' }), invite(owner.client, { role: 'field' }),
			invite(owner.client, { role: 'field' }),
		]);
	});

	it('re-inviting a pending invitee voids the old link and takes the new name and role', async () => {
		const first = pre.first;
		const second = await invite(owner.client, { email, role: 'office', name: 'Second Name' });
		assert.notEqual(first.token, second.token);
		assert.equal((await new Client().get(pathOf(first.link))).status, 404, 'old link dead');
		assert.equal((await tokenRow(first.token)).used, true);
		const u = await userByEmail(email);
		assert.equal(u.role, 'office');
		assert.equal(u.name, 'Second Name');
		assert.equal(await dbValue(`SELECT COUNT(*) FROM users WHERE email = '${email}'`), '1', 'one user, not two');
		const old = await acceptInvite(first.link);
		assert.equal(old.res.status, 404);
		const ok = await acceptInvite(second.link);
		assert.equal(ok.res.status, 303);
		assert.equal((await ok.client.get('/app/staff')).status, 200, 'office role');
	});

	it('inviting an active member of the company again → 422, nothing sent', async () => {
		const i = pre.active;
		assert.equal((await acceptInvite(i.link)).res.status, 303);
		const mails = await dbValue(`SELECT COUNT(*) FROM outbox WHERE to_addr = '${i.email}'`);
		const r = await owner.client.post('/app/staff/invite', { name: 'Again', email: i.email, role: 'owner' });
		assert.equal(r.status, 422);
		assert.match(fieldErrors(r.text).email ?? '', /already has a Plumbline account/);
		assert.equal(await dbValue(`SELECT COUNT(*) FROM outbox WHERE to_addr = '${i.email}'`), mails);
		assert.equal((await userByEmail(i.email)).role, 'field');
	});

	it('a removed pending invitee\'s link stops working', async () => {
		const i = pre.pending;
		const u = await userByEmail(i.email);
		assert.equal((await owner.client.post(`/app/staff/${u.id}/remove`, {})).status, 303);
		assert.equal((await new Client().get(pathOf(i.link))).status, 404);
		assert.equal((await acceptInvite(i.link)).res.status, 404);
	});

	it('a removed member can be invited back: the old password is gone, the new link sets one', async () => {
		const i = pre.removed;
		const { password } = await acceptInvite(i.link);
		const u = await userByEmail(i.email);
		assert.equal((await owner.client.post(`/app/staff/${u.id}/remove`, {})).status, 303);
		const back = await invite(owner.client, { email: i.email, role: 'office', name: 'Back Again' });
		assert.equal((await userByEmail(i.email)).status, 'invited');
		assert.equal((await tryLogin(i.email, password)).status, 422, 'the old password no longer signs in');
		const { res, client } = await acceptInvite(back.link, { password: 'brand new password' });
		assert.equal(res.status, 303);
		assert.equal((await client.get('/app/staff')).status, 200);
		assert.equal((await userByEmail(i.email)).id, u.id, 'the same user row');
		await login(i.email, 'brand new password');
	});

	it('invalid invitations → 422 with messages, nobody created', async () => {
		const email = uniqueEmail('bad');	/* shadows the suite's address on purpose */
		for (const f of [{ name: 'X', email: 'nope', role: 'field' }, { name: 'X', email, role: 'boss' }, { name: '', email, role: 'field' }]) {
			const r = await owner.client.post('/app/staff/invite', f);
			assert.equal(r.status, 422, JSON.stringify(f));
			assert.ok(Object.keys(fieldErrors(r.text)).length >= 1);
		}
		assert.equal(await userByEmail(email), null);
	});
});
