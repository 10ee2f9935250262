/*
 * My account: one's own name; the password change needs the current
 * password, ends the other sessions but keeps this one, and sends a notice.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';

import {
	addStaff, dbValue, fieldErrors, flashFrom, inputValue, login, signup, tryLogin, userByEmail, waitForMail,
} from '../lib/index.mjs';

describe('my account', () => {
	let owner, field;

	before(async () => {
		owner = await signup();
		field = await addStaff(owner.client, 'field');
	});

	async function hashOf(userId) {
		return dbValue(`SELECT password_hash FROM users WHERE id = ${userId}`);
	}

	it('shows the name, the sign-in address (read-only) and the role', async () => {
		const r = await field.client.get('/app/account');
		assert.equal(r.status, 200);
		assert.equal(inputValue(r.text, 'name'), field.name);
		assert.match(r.text, new RegExp(`value="${field.email.replace(/[.]/g, '\\.')}" readonly`));
		assert.match(r.text, /You're Field at|You&#39;re Field at/);
	});

	it('changes the name', async () => {
		const r = await field.client.post('/app/account', { action: 'profile', name: '  Renée O\'Brien  ' });
		assert.equal(r.status, 303);
		assert.equal(r.location, '/app/account');
		const page = await field.client.follow(r);
		assert.equal(flashFrom(page.text)?.text, 'Changes saved.');
		assert.equal(inputValue(page.text, 'name'), "Renée O'Brien");
		assert.equal((await userByEmail(field.email)).name, "Renée O'Brien", 'trimmed, stored as typed');
	});

	it('a name is escaped wherever it is shown', async () => {
		assert.equal((await field.client.post('/app/account', { action: 'profile', name: '<script>alert(1)</script>' })).status, 303);
		for (const [c, path] of [[field.client, '/app/account'], [field.client, '/app/'], [owner.client, '/app/staff']]) {
			const r = await c.get(path);
			assert.ok(!r.text.includes('<script>alert(1)</script>'), `${path} prints the name raw`);
			assert.ok(r.text.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), `${path} shows it escaped`);
		}
		assert.equal((await field.client.post('/app/account', { action: 'profile', name: field.name })).status, 303);
	});

	it('an empty name is 422 and changes nothing; the e-mail can\'t be changed here', async () => {
		let r = await field.client.post('/app/account', { action: 'profile', name: '   ' });
		assert.equal(r.status, 422);
		assert.ok(fieldErrors(r.text).name);
		r = await field.client.post('/app/account', { action: 'profile', name: 'Still Me', email: 'hijack@example.test' });
		assert.equal(r.status, 303);
		assert.equal((await userByEmail(field.email)).name, 'Still Me');
		assert.equal(await userByEmail('hijack@example.test'), null);
	});

	it('an unknown or missing action is 400', async () => {
		assert.equal((await field.client.post('/app/account', { name: 'X' })).status, 400);
		assert.equal((await field.client.post('/app/account', { action: 'delete' })).status, 400);
	});

	it('a password change needs the current password', async () => {
		const before = await hashOf(field.userId);
		for (const current of ['wrong password!', '']) {
			const r = await field.client.post('/app/account', {
				action: 'password', current_password: current, password: 'new password 1234', password2: 'new password 1234',
			});
			assert.equal(r.status, 422);
			assert.equal(fieldErrors(r.text).current_password, "That isn't your current password");
		}
		assert.equal(await hashOf(field.userId), before);
	});

	it('the new password must be valid and confirmed', async () => {
		const before = await hashOf(field.userId);
		let r = await field.client.post('/app/account', { action: 'password', current_password: field.password, password: 'short', password2: 'short' });
		assert.equal(r.status, 422);
		assert.ok(fieldErrors(r.text).password);
		r = await field.client.post('/app/account', { action: 'password', current_password: field.password, password: 'new password 1234', password2: 'new password 12345' });
		assert.equal(r.status, 422);
		assert.ok(fieldErrors(r.text).password2);
		assert.equal(await hashOf(field.userId), before);
	});

	it('a password change ends the other sessions, keeps this one, and sends a notice', async () => {
		const other = await login(field.email, field.password);
		const third = await login(field.email, field.password);
		const r = await field.client.post('/app/account', {
			action: 'password', current_password: field.password, password: 'changed password 99', password2: 'changed password 99',
		});
		assert.equal(r.status, 303);
		assert.equal(r.location, '/app/account');
		const page = await field.client.follow(r);
		assert.equal(page.status, 200, 'this session is kept');
		assert.equal(flashFrom(page.text)?.text, 'Password changed. Your other sessions were signed out.');
		assert.equal((await other.get('/app/')).status, 303, 'other session ended');
		assert.equal((await third.get('/app/')).status, 303, 'other session ended');
		assert.equal(await dbValue(`SELECT COUNT(*) FROM sessions WHERE user_id = ${field.userId}`), '1');
		assert.equal((await tryLogin(field.email, field.password)).status, 422, 'old password refused');
		await login(field.email, 'changed password 99');
		const notice = await waitForMail({ to: field.email, subject: 'Your Plumbline password was changed' });
		assert.match(notice.text, /The password of your Plumbline account at .+ was changed/);
		assert.match(notice.text, /\/password\/forgot/, 'with a way out if it was not them');
		/* The owner's sessions were not touched. */
		assert.equal((await owner.client.get('/app/')).status, 200);
	});
});
