/*
 * Password reset: one answer for known and unknown addresses (and mail
 * only for known ones), a single-use one-hour link, the new password
 * replacing the old, every session of the user ended.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

import {
	BASE_URL, Client, addStaff, db, invite, dbValue, fieldErrors, flashFrom, login, pathOf, signup, sqlString,
	textOf, tryLogin, uniqueEmail, userByEmail, waitForMail,
} from '../lib/index.mjs';

const sha = (t) => createHash('sha256').update(t).digest('hex').toUpperCase();
const NEW_PASSWORD = 'a brand new passphrase';

async function outboxTo(email) {
	return Number(await dbValue(`SELECT COUNT(*) FROM outbox WHERE to_addr = ${sqlString(email)}`));
}

/* Ask for a reset link for email (from a fresh client); resolves { page, link, token }. */
async function requestLink(email) {
	const c = new Client();
	const page = await c.post('/password/forgot', { email });
	assert.equal(page.status, 200);
	const mail = await waitForMail({ to: email, subject: 'Reset your Plumbline password',
	    link: new RegExp(`${BASE_URL.replace(/[.]/g, '\\.')}/password/reset\\?token=[A-Za-z0-9_-]+`) });
	return { page, mail, link: mail.link, token: new URL(mail.link).searchParams.get('token') };
}

describe('forgot password', () => {
	let o;

	before(async () => {
		o = await signup();
	});

	it('an unknown address gets exactly the answer a known one gets, and no mail', async () => {
		const ghost = uniqueEmail('ghost');
		const known = await new Client().post('/password/forgot', { email: o.email });
		const unknown = await new Client().post('/password/forgot', { email: ghost });
		assert.equal(unknown.status, known.status);
		assert.equal(known.status, 200);
		const norm = (r) => textOf(r.text.replace(/value="[^"]*"/g, ''));
		assert.equal(norm(unknown), norm(known));
		assert.match(textOf(known.text), /If an account exists for that address/);
		assert.equal(await outboxTo(ghost), 0);
		assert.equal(await outboxTo(o.email) >= 1, true);
		await waitForMail({ to: o.email, subject: 'Reset' });	/* consume it */
	});

	it('an invalid address is 422 with a message next to the field', async () => {
		const r = await new Client().post('/password/forgot', { email: 'not an email' });
		assert.equal(r.status, 422);
		assert.ok(fieldErrors(r.text).email);
	});

	it('a removed member gets the same answer and no mail', async () => {
		const m = await addStaff(o.client, 'field');
		assert.equal((await o.client.post(`/app/staff/${m.userId}/remove`, {})).status, 303);
		const before = await outboxTo(m.email);
		const r = await new Client().post('/password/forgot', { email: m.email });
		assert.equal(r.status, 200);
		assert.match(textOf(r.text), /If an account exists/);
		assert.equal(await outboxTo(m.email), before);
	});

	it('a reset link dies with the member\'s removal, for good (even after a re-invitation)', async () => {
		const m = await addStaff(o.client, 'field');
		const { link, token } = await requestLink(m.email);
		assert.equal((await o.client.post(`/app/staff/${m.userId}/remove`, {})).status, 303);
		assert.equal((await new Client().get(pathOf(link))).status, 404, 'dead once removed');
		await invite(o.client, { email: m.email, role: 'office' });
		assert.equal((await new Client().get(pathOf(link))).status, 404, 'still dead after a new invitation');
		const r = await new Client().post('/password/reset', { token, password: NEW_PASSWORD, password2: NEW_PASSWORD });
		assert.equal(r.status, 404);
		assert.equal((await userByEmail(m.email)).status, 'invited', 'only the new invitation can activate the account');
	});

	it('requests are limited per address: after 5 in an hour, the same answer and no more mail', async () => {
		const x = await signup();
		const c = new Client();
		const before = await outboxTo(x.email);
		for (let i = 0; i < 7; i++) {
			c.newAddress();
			const r = await c.post('/password/forgot', { email: x.email });
			assert.equal(r.status, 200);
			assert.match(textOf(r.text), /If an account exists/);
		}
		assert.equal(await outboxTo(x.email) - before, 5);
	});
});

describe('reset link', () => {
	let o;
	/* One user (and one link) per test, made in parallel: a newer link voids the older. */
	const u = {}, links = {};
	const names = ['shown', 'spent', 'mistakes', 'expired', 'kind', 'signedIn'];

	before(async () => {
		o = await signup();
		const staff = await Promise.all([...names, 'newer'].map(() => addStaff(o.client, 'field')));
		[...names, 'newer'].forEach((n, i) => { u[n] = staff[i]; });
		const got = await Promise.all(names.map((n) => requestLink(u[n].email)));
		names.forEach((n, i) => { links[n] = got[i]; });
	});

	it('mails a one-hour link; GET shows the form and does not spend it', async () => {
		const { link, token, mail } = links.shown;
		assert.match(link, /\/password\/reset\?token=[A-Za-z0-9_-]{43}$/);
		assert.match(mail.text, /expires in 1 hour/);
		const c = new Client();
		for (let i = 0; i < 2; i++) {
			const r = await c.get(pathOf(link));
			assert.equal(r.status, 200);
			assert.match(r.text, /name="password2"/);
		}
		const row = await db(`SELECT used_at, TIMESTAMPDIFF(MINUTE, NOW(), expires_at) FROM tokens WHERE token_hash = UNHEX('${sha(token)}')`);
		assert.equal(row[0][0], null, 'unspent');
		assert.ok(Number(row[0][1]) >= 58 && Number(row[0][1]) <= 60, `expires in an hour: ${row[0][1]} min`);
	});

	it('sets the new password, ends every session, and works once', async () => {
		const field = u.spent;
		const other = await login(field.email, field.password);	/* another device */
		const { link, token } = links.spent;
		const c = new Client();
		await c.get(pathOf(link));
		let r = await c.post('/password/reset', { token, password: NEW_PASSWORD, password2: NEW_PASSWORD });
		assert.equal(r.status, 303);
		assert.equal(r.location, '/login');
		assert.equal(flashFrom((await c.follow(r)).text)?.text, 'Your password was changed. Sign in with the new one.');
		/* Sessions ended on the server. */
		assert.equal(await dbValue(`SELECT COUNT(*) FROM sessions WHERE user_id = ${field.userId}`), '0');
		assert.equal((await other.get('/app/')).status, 303);
		assert.equal((await field.client.get('/app/')).status, 303);
		/* Old password out, new one in. */
		assert.equal((await tryLogin(field.email, field.password)).status, 422);
		await login(field.email, NEW_PASSWORD);
		/* Single use. */
		assert.equal((await new Client().get(pathOf(link))).status, 404);
		r = await new Client().post('/password/reset', { token, password: 'third password 333', password2: 'third password 333' });
		assert.equal(r.status, 404);
		assert.match(textOf(r.text), /This link can't be used/);
		assert.equal((await tryLogin(field.email, 'third password 333')).status, 422);
		/* And the user is told. */
		const notice = await waitForMail({ to: field.email, subject: 'Your Plumbline password was changed' });
		assert.match(notice.text, /was changed/);
	});

	it('mistakes are 422 and leave the link usable', async () => {
		const { link, token } = links.mistakes;
		const c = new Client();
		await c.get(pathOf(link));
		let r = await c.post('/password/reset', { token, password: NEW_PASSWORD, password2: 'something else entirely' });
		assert.equal(r.status, 422);
		assert.ok(fieldErrors(r.text).password2);
		r = await c.post('/password/reset', { token, password: 'short', password2: 'short' });
		assert.equal(r.status, 422);
		assert.ok(fieldErrors(r.text).password);
		assert.equal(await dbValue(`SELECT used_at FROM tokens WHERE token_hash = UNHEX('${sha(token)}')`), null);
		assert.equal((await u.mistakes.client.get('/app/')).status, 200, 'nothing was ended');
	});

	it('an expired link is the 404 page, for GET and POST', async () => {
		const { link, token } = links.expired;
		await db(`UPDATE tokens SET expires_at = NOW() - INTERVAL 1 SECOND WHERE token_hash = UNHEX('${sha(token)}')`);
		const c = new Client();
		const g = await c.get(pathOf(link));
		assert.equal(g.status, 404);
		assert.match(textOf(g.text), /expired or was already used/);
		const p = await c.post('/password/reset', { token, password: NEW_PASSWORD, password2: NEW_PASSWORD });
		assert.equal(p.status, 404);
		assert.equal((await tryLogin(u.expired.email, NEW_PASSWORD)).status, 422, 'password unchanged');
	});

	it('a newer link voids the older one', async () => {
		const first = await requestLink(u.newer.email);
		const second = await requestLink(u.newer.email);
		assert.equal((await new Client().get(pathOf(first.link))).status, 404);
		assert.equal((await new Client().get(pathOf(second.link))).status, 200);
	});

	it('a reset token is no invitation', async () => {
		const { token } = links.kind;
		assert.equal((await new Client().get(`/invite?token=${token}`)).status, 404);
		assert.equal((await new Client().get(`/password/reset?token=${token}`)).status, 200);
	});

	it('resetting while signed in as someone else signs that session out', async () => {
		const { link, token } = links.signedIn;
		const c = o.client.clone();
		await c.get(pathOf(link));
		const r = await c.post('/password/reset', { token, password: 'yet another passphrase', password2: 'yet another passphrase' });
		assert.equal(r.status, 303);
		assert.equal((await c.get('/app/')).status, 303);
		assert.equal((await userByEmail(u.signedIn.email)).status, 'active');
		await login(u.signedIn.email, 'yet another passphrase');
	});
});
