/*
 * The pages are valid HTML (Nu HTML checker, errors only): every main page,
 * in its normal state and with form errors, plus the error pages.  One JVM
 * run checks them all.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';

import { Client, addStaff, invite, pathOf, signup, validateHtml, waitForMail } from '../lib/index.mjs';

describe('HTML validity', () => {
	const pages = [];	/* { name, html } */
	let results;

	before(async () => {
		const owner = await signup();
		const office = await addStaff(owner.client, 'office');
		const guest = new Client();
		const add = async (name, promise, status = 200) => {
			const r = await promise;
			assert.equal(r.status, status, `${name}: status`);
			assert.match(r.headers['content-type'] ?? '', /^text\/html/, `${name}: HTML`);
			pages.push({ name, html: r.text });
		};
		await add('login', guest.get('/login'));
		await add('login-next', guest.get('/login?next=%2Fapp%2Fsettings'));
		await add('login-error', guest.post('/login', { email: 'nobody@example.test', password: 'wrong password' }), 422);
		await add('signup', guest.get('/signup'));
		await add('signup-errors', guest.post('/signup', { name: '', owner_email: 'bad' }), 422);
		await add('forgot', guest.get('/password/forgot'));
		await add('forgot-errors', guest.post('/password/forgot', { email: 'bad' }), 422);
		await add('forgot-sent', guest.post('/password/forgot', { email: office.email }));
		const reset = await waitForMail({ to: office.email, subject: 'Reset' });
		await add('reset', guest.get(pathOf(reset.link)));
		await add('reset-errors', guest.post('/password/reset', { token: new URL(reset.link).searchParams.get('token'), password: 'x', password2: 'y' }), 422);
		await add('reset-invalid', guest.get(`/password/reset?token=${'A'.repeat(43)}`), 404);
		const inv = await invite(owner.client, { role: 'field' });
		await add('invite', guest.get(pathOf(inv.link)));
		await add('invite-errors', guest.post('/invite', { token: inv.token, name: '', password: 'x', password2: 'y' }), 422);
		await add('invite-invalid', guest.get(`/invite?token=${'B'.repeat(43)}`), 404);
		await add('dashboard', owner.client.get('/app/'));
		await add('dashboard-office', office.client.get('/app/'));
		await add('staff', owner.client.get('/app/staff'));
		await add('staff-office', office.client.get('/app/staff'));
		await add('staff-invite-errors', owner.client.post('/app/staff/invite', { name: '', email: 'bad', role: 'x' }), 422);
		await add('settings', owner.client.get('/app/settings'));
		await add('settings-office', office.client.get('/app/settings'));
		await add('settings-errors', owner.client.post('/app/settings', { name: '', email: 'x', phone: 'y', timezone: 'z', version: '1' }), 422);
		await add('settings-stale', owner.client.post('/app/settings', { ...owner.fields, version: '999' }), 409);
		await add('logo-errors', owner.client.post('/app/settings/logo', { logo: { filename: 'a.png', data: 'text' } }, { multipart: true }), 422);
		await add('account', owner.client.get('/app/account'));
		await add('account-errors', owner.client.post('/app/account', { action: 'password', current_password: 'wrong one!' }), 422);
		await add('logout-confirm', owner.client.get('/logout'));
		await add('error-404', guest.get('/nope'), 404);
		await add('error-404-signed-in', owner.client.get('/app/nope'), 404);
		await add('error-403', office.client.post('/app/settings', {}), 403);
		await add('error-405', guest.post('/healthz', {}), 405);
		await add('error-400', guest.get('/login?q=%FF'), 400);
		/* After a redirect, with a flash message. */
		const saved = await owner.client.post('/app/account', { action: 'profile', name: 'Flash Test' });
		await add('account-flash', owner.client.follow(saved));
		results = await validateHtml(pages);
	});

	it('checked every page', () => {
		assert.equal(results.size, pages.length);
		assert.ok(pages.length >= 30);
	});

	const names = ['login', 'login-next', 'login-error', 'signup', 'signup-errors', 'forgot', 'forgot-errors', 'forgot-sent',
		'reset', 'reset-errors', 'reset-invalid', 'invite', 'invite-errors', 'invite-invalid', 'dashboard', 'dashboard-office',
		'staff', 'staff-office', 'staff-invite-errors', 'settings', 'settings-office', 'settings-errors', 'settings-stale',
		'logo-errors', 'account', 'account-errors', 'logout-confirm', 'error-404', 'error-404-signed-in', 'error-403',
		'error-405', 'error-400', 'account-flash'];
	for (const name of names)
		it(`${name} is valid HTML`, () => {
			const errs = results.get(name);
			assert.ok(errs, `${name} was checked`);
			assert.deepEqual(errs.map((e) => `line ${e.line}: ${e.message} [${(e.extract ?? '').trim()}]`), []);
		});

	it('every page has a lang, a title and one h1', () => {
		for (const { name, html } of pages) {
			assert.match(html, /<html lang="en">/, name);
			assert.match(html, /<title>[^<]+<\/title>/, name);
			assert.equal((html.match(/<h1[\s>]/g) ?? []).length, 1, `${name}: one h1`);
		}
	});

	it('no inline script or style anywhere (the CSP would block it)', () => {
		for (const { name, html } of pages) {
			assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i, `${name}: inline <script>`);
			assert.doesNotMatch(html, /<style[\s>]/i, `${name}: <style>`);
			assert.doesNotMatch(html, /\sstyle="/i, `${name}: style attribute`);
			assert.doesNotMatch(html, /\son[a-z]+="/i, `${name}: event handler attribute`);
		}
	});
});
