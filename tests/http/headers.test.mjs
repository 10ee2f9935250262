/*
 * Response headers: a strict CSP, nosniff, no framing, no caching of pages,
 * no-referrer on pages with a token in their URL, no version banner; the
 * session cookie's attributes and a fresh session id at every sign-in.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';

import {
	Client, db, dbValue, invite, login, pathOf, signup, tryLogin, waitForMail,
} from '../lib/index.mjs';
import { createHash } from 'node:crypto';

function csp(r) {
	const v = r.headers['content-security-policy'];
	assert.ok(v, 'Content-Security-Policy is set');
	const d = {};
	for (const part of v.split(';').map((s) => s.trim()).filter(Boolean)) {
		const [name, ...vals] = part.split(/\s+/);
		d[name.toLowerCase()] = vals;
	}
	return { raw: v, d };
}

function assertPageHeaders(r, what) {
	const { raw, d } = csp(r);
	assert.doesNotMatch(raw, /unsafe-inline|unsafe-eval|unsafe-hashes|\*/, `${what}: CSP allows no inline code or wildcards`);
	assert.deepEqual(d['frame-ancestors'], ["'none'"], `${what}: frame-ancestors 'none'`);
	assert.ok(d['default-src'], `${what}: default-src set`);
	const scripts = d['script-src'] ?? d['default-src'];
	assert.ok(scripts.every((s) => s === "'self'" || s === "'none'"), `${what}: scripts only from self: ${scripts}`);
	assert.ok(d['object-src'] === undefined ? d['default-src'].includes("'none'") : d['object-src'].includes("'none'"),
	    `${what}: no plugins`);
	assert.ok(d['base-uri'], `${what}: base-uri restricted`);
	assert.equal(r.headers['x-content-type-options'], 'nosniff', `${what}: nosniff`);
	assert.match(r.headers['cache-control'] ?? '', /\bno-store\b/, `${what}: Cache-Control no-store`);
	assert.ok(r.headers['referrer-policy'], `${what}: Referrer-Policy set`);
	assert.equal(r.headers.server, 'nginx', `${what}: Server without a version`);
	assert.equal(r.headers['x-powered-by'], undefined, `${what}: no X-Powered-By`);
}

describe('headers on pages', () => {
	let owner;

	before(async () => {
		owner = await signup();
	});

	it('signed-out pages and error pages carry the security headers', async () => {
		const c = new Client();
		for (const path of ['/login', '/signup', '/password/forgot', '/nope', '/invite']) {
			const r = await c.get(path);
			assertPageHeaders(r, `GET ${path} (${r.status})`);
		}
		const r = await c.post('/healthz', {});
		assert.equal(r.status, 405);
		assertPageHeaders(r, 'POST /healthz (405)');
	});

	it('back-office pages carry the security headers', async () => {
		for (const path of ['/app/', '/app/staff', '/app/settings', '/app/account', '/logout']) {
			const r = await owner.client.get(path);
			assert.equal(r.status, 200, path);
			assertPageHeaders(r, `GET ${path}`);
		}
	});

	it('redirects and 403 answers carry them too', async () => {
		const c = new Client();
		let r = await c.get('/app/');
		assert.equal(r.status, 303);
		assert.equal(r.headers['x-content-type-options'], 'nosniff');
		assert.match(r.headers['cache-control'] ?? '', /no-store/);
		r = await c.post('/app/settings', {}, { csrf: false });
		assert.equal(r.status, 403);
		assertPageHeaders(r, 'POST /app/settings (403)');
	});

	it('nginx itself shows no version, even on its own error pages', async () => {
		const r = await new Client().get('/static/nope.css');
		assert.equal(r.status, 404);
		assert.equal(r.headers.server, 'nginx');
		assert.doesNotMatch(r.text, /nginx\/\d/);
	});

	it('static files are nosniff', async () => {
		const r = await new Client().get('/static/css/app.css');
		assert.equal(r.status, 200);
		assert.equal(r.headers['x-content-type-options'], 'nosniff');
		assert.match(r.headers['content-type'], /^text\/css/);
	});

	it('pages with a token in the URL say Referrer-Policy: no-referrer', async () => {
		const inv = await invite(owner.client, { role: 'field' });
		const c = new Client();
		for (const path of [pathOf(inv.link), '/invite', `/invite?token=${'C'.repeat(43)}`,
			`/password/reset?token=${'D'.repeat(43)}`, '/password/reset']) {
			const r = await c.get(path);
			assert.equal(r.headers['referrer-policy'], 'no-referrer', `GET ${path.replace(/token=.*/, 'token=…')}`);
		}
		/* A live reset link too. */
		await c.post('/password/forgot', { email: owner.email });
		const mail = await waitForMail({ to: owner.email, subject: 'Reset' });
		const r = await c.get(pathOf(mail.link));
		assert.equal(r.status, 200);
		assert.equal(r.headers['referrer-policy'], 'no-referrer', 'live reset link');
		/* And the form's answer when it comes back with errors. */
		const bad = await c.post('/password/reset', { token: new URL(mail.link).searchParams.get('token'), password: 'short', password2: 'short' });
		assert.equal(bad.status, 422);
		assert.equal(bad.headers['referrer-policy'], 'no-referrer', 'reset form with errors');
	});
});

describe('cookies', () => {
	let owner;

	before(async () => {
		owner = await signup();
	});

	it('the session cookie is HttpOnly, SameSite=Lax, Path=/, a browser-session cookie of 256 bits', async () => {
		const c = new Client();
		const r = await tryLogin(owner.email, owner.password, { client: c });
		assert.equal(r.status, 303);
		const ck = r.cookie('pl_session');
		assert.ok(ck, 'Set-Cookie pl_session');
		assert.match(ck.value, /^[A-Za-z0-9_-]{43}$/);
		assert.equal(ck.attrs.httponly, true);
		assert.equal(ck.attrs.samesite, 'Lax');
		assert.equal(ck.attrs.path, '/');
		assert.equal(ck.attrs['max-age'], undefined, 'no Max-Age: ends with the browser');
		assert.equal(ck.attrs.expires, undefined, 'no Expires');
		assert.equal(ck.attrs.domain, undefined, 'host-only');
	});

	it('only the SHA-256 of the session token is stored', async () => {
		const c = await login(owner.email, owner.password);
		const hash = createHash('sha256').update(c.session).digest('hex');
		assert.equal(await dbValue(`SELECT COUNT(*) FROM sessions WHERE token_hash = UNHEX('${hash}')`), '1');
	});

	it('the guest cookie (CSRF seed) is HttpOnly and SameSite=Lax', async () => {
		const r = await new Client().get('/login');
		const ck = r.cookie('pl_guest');
		assert.ok(ck, 'Set-Cookie pl_guest');
		assert.match(ck.value, /^[A-Za-z0-9_-]{43}$/);
		assert.equal(ck.attrs.httponly, true);
		assert.equal(ck.attrs.samesite, 'Lax');
	});

	it('every sign-in gets a new session id', async () => {
		const a = await login(owner.email, owner.password);
		const b = await login(owner.email, owner.password);
		assert.notEqual(a.session, b.session);
		assert.equal((await a.get('/app/')).status, 200);
		assert.equal((await b.get('/app/')).status, 200);
	});

	it('login replaces a planted session cookie: a new id, and the planted one never works', async () => {
		const planted = 'P'.repeat(43);
		const c = new Client();
		await c.csrf();
		c.jar.set('pl_session', planted);	/* set after the form token, as an attacker would */
		const r = await tryLogin(owner.email, owner.password, { client: c });
		assert.equal(r.status, 303);
		assert.equal(r.location, '/app/');
		const lines = r.setCookies.filter((l) => /^pl_session=/.test(l));
		assert.ok(c.session, 'signed in after applying every Set-Cookie in order, as a browser does; ' +
		    `got: ${lines.join(' | ')}`);
		assert.notEqual(c.session, planted);
		assert.equal((await c.get('/app/')).status, 200, 'signed in with the new cookie');
		const attacker = new Client({ cookies: { pl_session: planted } });
		assert.equal((await attacker.get('/app/')).status, 303, 'the planted value is no session');
	});

	it('a form token from before sign-in is refused after it (the seed changed)', async () => {
		const c = new Client();
		const before = await c.csrf();
		await login(owner.email, owner.password, { client: c });
		const r = await c.post('/app/account', { action: 'profile', name: 'Replayed' }, { csrf: before });
		assert.equal(r.status, 403);
		assert.notEqual(await c.csrf(), before);
	});

	it('a stale session cookie is cleared and the page shown signed out', async () => {
		const c = new Client({ cookies: { pl_session: 'Q'.repeat(43) } });
		const r = await c.get('/login');
		assert.equal(r.status, 200);
		const ck = r.cookie('pl_session');
		assert.ok(ck && (ck.attrs['max-age'] === '0' || ck.value === ''), 'the stale cookie is deleted');
	});
});

describe('sessions table', () => {
	it('holds no plain tokens: every token_hash is 32 bytes', async () => {
		const bad = await dbValue('SELECT COUNT(*) FROM sessions WHERE LENGTH(token_hash) <> 32');
		assert.equal(bad, '0');
		const rows = await db('SELECT COUNT(*) FROM tokens WHERE LENGTH(token_hash) <> 32');
		assert.equal(rows[0][0], '0');
	});
});
