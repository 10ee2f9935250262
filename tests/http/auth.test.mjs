/*
 * Signing up, in and out: validation with messages next to the fields and
 * nothing written, one answer whether or not an account exists, the
 * per-account and per-address limits, and logout that really ends the
 * session.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

import {
	Client, STACK_DIR, db, dbValue, fieldErrors, formError, inputValue, login, signup, signupFields, sqlString,
	textOf, tryLogin, uniqueEmail, userByEmail,
} from '../lib/index.mjs';

async function companiesNamed(name) {
	return Number(await dbValue(`SELECT COUNT(*) FROM companies WHERE name = ${sqlString(name)}`));
}

describe('signup', () => {
	it('an empty form comes back 422 with a message next to each required field, and writes nothing', async () => {
		const c = new Client();
		const r = await c.post('/signup', { name: '', trade: '', phone: '', email: '', timezone: '', owner_name: '', owner_email: '', password: '' });
		assert.equal(r.status, 422);
		const errs = fieldErrors(r.text);
		for (const f of ['name', 'trade', 'phone', 'email', 'timezone', 'owner_name', 'owner_email', 'password'])
			assert.ok(errs[f], `message next to ${f}: ${JSON.stringify(errs)}`);
		assert.match(r.text, /id="f-owner_email"[^>]*aria-invalid="true"/, 'the field is marked invalid');
		assert.match(r.text, /aria-describedby="[^"]*f-owner_email-error/, 'and tied to its message');
		assert.equal(r.cookie('pl_session'), null, 'nobody signed in');
	});

	const invalid = [
		['owner_email', 'not-an-email'],
		['owner_email', 'two@@example.test'],
		['password', 'short9chr'],
		['phone', 'call me maybe'],
		['phone', '12'],
		['email', 'office@'],
		['timezone', 'Mars/Olympus_Mons'],
		['trade', 'wizardry'],
		['name', '   '],
		['name', 'x'.repeat(121)],
	];
	for (const [field, value] of invalid)
		it(`${field} = ${JSON.stringify(value.length > 20 ? `${value.slice(0, 10)}…` : value)} → 422 on that field only, nothing written`, async () => {
			const f = signupFields({ [field]: value });
			const r = await new Client().post('/signup', f);
			assert.equal(r.status, 422);
			const errs = fieldErrors(r.text);
			assert.deepEqual(Object.keys(errs), [field], JSON.stringify(errs));
			assert.equal(await userByEmail(f.owner_email), null, 'no user');
			assert.equal(await companiesNamed(f.name), 0);
		});

	it('a form with errors keeps what was typed, except the password', async () => {
		const f = signupFields({ phone: 'bad phone', hours: 'Mon–Fri <8–5>' });
		const r = await new Client().post('/signup', f);
		assert.equal(r.status, 422);
		assert.equal(inputValue(r.text, 'name'), f.name);
		assert.equal(inputValue(r.text, 'owner_email'), f.owner_email);
		assert.equal(inputValue(r.text, 'phone'), 'bad phone');
		assert.match(r.text, /Mon–Fri &lt;8–5&gt;<\/textarea>/, 'kept and escaped');
		assert.ok(!r.text.includes(f.password), 'the password is not sent back');
	});

	it('signs the new owner in', async () => {
		const o = await signup();
		const r = await o.client.get('/app/');
		assert.equal(r.status, 200);
		assert.ok(r.text.includes(o.companyName));
		const u = await userByEmail(o.email);
		assert.equal(u.role, 'owner');
		assert.equal(u.status, 'active');
		assert.match(await dbValue(`SELECT password_hash FROM users WHERE id = ${u.id}`), /^\$argon2id\$/);
	});

	it('a duplicate owner email (in any case) → 422 on owner_email, and no second company', async () => {
		const o = await signup();
		for (const email of [o.email, o.email.toUpperCase(), `  ${o.email}  `]) {
			const f = signupFields({ owner_email: email });
			const r = await new Client().post('/signup', f);
			assert.equal(r.status, 422, email);
			assert.match(fieldErrors(r.text).owner_email ?? '', /already exists/);
			assert.equal(await companiesNamed(f.name), 0, 'the company insert was rolled back');
		}
		assert.equal(await dbValue(`SELECT COUNT(*) FROM users WHERE email = ${sqlString(o.email)}`), '1');
	});
});

describe('login', () => {
	let o;

	before(async () => {
		o = await signup();
	});

	it('wrong password and unknown account get the same status and the same message', async () => {
		const ghost = uniqueEmail('nobody');
		const wrong = await tryLogin(o.email, 'wrong password!');
		const unknown = await tryLogin(ghost, 'wrong password!');
		assert.equal(wrong.status, 422);
		assert.equal(unknown.status, wrong.status);
		assert.ok(formError(wrong.text));
		assert.equal(formError(unknown.text), formError(wrong.text));
		/* The pages differ only in the echoed address and the form token. */
		const norm = (r, email) => textOf(r.text.replaceAll(email, 'EMAIL').replace(/value="[^"]*"/g, ''));
		assert.equal(norm(unknown, ghost), norm(wrong, o.email));
		assert.equal(wrong.cookie('pl_session'), null);
	});

	it('an empty form is 422 with its own message', async () => {
		const r = await tryLogin('', '');
		assert.equal(r.status, 422);
		assert.equal(formError(r.text), 'Enter your email and password.');
	});

	it('the email is case-insensitive and trimmed', async () => {
		const c = await login(`  ${o.email.toUpperCase()} `, o.password);
		assert.equal((await c.get('/app/')).status, 200);
	});

	it('next= returns to a back-office page, never off the site', async () => {
		const cases = [['/app/settings', '/app/settings'], ['/app/staff?x=1', '/app/staff?x=1'],
			['//evil.example/app/', '/app/'], ['https://evil.example/', '/app/'], ['/app/\\evil', '/app/'],
			['/login', '/app/'], ['/app//evil.example', '/app/'], ['javascript:alert(1)', '/app/']];
		for (const [next, want] of cases) {
			const r = await tryLogin(o.email, o.password, { next });
			assert.equal(r.status, 303, next);
			assert.equal(r.location, want, `next=${next}`);
		}
	});

	it('11 bad attempts on one account → 429, even from different addresses and with the right password', async () => {
		const victim = await signup();
		const c = new Client();
		for (let i = 1; i <= 10; i++) {
			c.newAddress();
			const r = await tryLogin(victim.email, `wrong password ${i}`, { client: c });
			assert.equal(r.status, 422, `attempt ${i}`);
		}
		c.newAddress();
		let r = await tryLogin(victim.email, 'wrong password 11', { client: c });
		assert.equal(r.status, 429);
		assert.match(formError(r.text) ?? '', /Too many sign-in attempts/);
		c.newAddress();
		r = await tryLogin(victim.email, victim.password, { client: c });
		assert.equal(r.status, 429, 'the right password is refused too while limited');
		assert.equal(r.cookie('pl_session'), null);
		/* Another account is not affected. */
		const other = await signup();
		assert.equal((await tryLogin(other.email, other.password)).status, 303);
		/* The owner's existing session is not ended by someone guessing. */
		assert.equal((await victim.client.get('/app/')).status, 200);
	});

	it('successful sign-ins are not attempts to limit: 12 in a row all succeed', async () => {
		const busy = await signup();
		const statuses = [];
		for (let i = 0; i < 12; i++)
			statuses.push((await tryLogin(busy.email, busy.password)).status);
		assert.deepEqual(statuses, Array(12).fill(303));
	});

	it('an unknown address is limited the same way (no way to tell it apart)', async () => {
		const email = uniqueEmail('ghost');
		const c = new Client();
		const statuses = [];
		for (let i = 1; i <= 11; i++) {
			c.newAddress();
			statuses.push((await tryLogin(email, `guess ${i}`, { client: c })).status);
		}
		assert.deepEqual(statuses, [...Array(10).fill(422), 429]);
	});

	it('nginx limits sign-in POSTs per address (burst, then 429)', async () => {
		/* The stack's own limit (tests/run makes it generous): burst + 1 pass at once, then 429. */
		const conf = readFileSync(`${STACK_DIR}/nginx/nginx.conf`, 'utf8');
		const burst = Number(/limit_req zone=plumbline_login burst=(\d+)/.exec(conf)?.[1]);
		assert.ok(burst > 0, 'nginx.conf limits sign-in POSTs');
		const c = new Client();
		await c.csrf();
		const statuses = [];
		/* Wrong form tokens: the app answers 403 at once; nginx counts them all. */
		for (let i = 0; i < burst + 60 && !statuses.includes(429); i++)
			statuses.push((await c.post('/login', { email: 'x@example.test', password: 'x' }, { csrf: 'bad' })).status);
		assert.ok(statuses.includes(429), `a 429 after ${statuses.length} POSTs (burst ${burst})`);
		assert.ok(statuses.length > burst / 2, `not before the burst: ${statuses.length}`);
		assert.equal(statuses[0], 403);
		assert.ok(statuses.slice(0, -1).every((s) => s === 403), 'the app answered until nginx stepped in');
		/* Another address is not affected. */
		assert.equal((await tryLogin(o.email, o.password)).status, 303);
		/* Looking at the page stays free. */
		assert.equal((await c.get('/login')).status, 200);
	});
});

describe('logout', () => {
	let o;

	before(async () => {
		o = await signup();
	});

	it('GET /logout only asks: the session lives on', async () => {
		const c = await login(o.email, o.password);
		const r = await c.get('/logout');
		assert.equal(r.status, 200);
		assert.match(r.text, /<form method="post" action="\/logout">/);
		assert.equal(r.cookie('pl_session'), null, 'no cookie change');
		assert.equal((await c.get('/app/')).status, 200);
	});

	it('POST /logout ends the session on the server: the old cookie no longer works', async () => {
		const c = await login(o.email, o.password);
		const stolen = c.clone();	/* a copy of the cookie, e.g. on another machine */
		const before = Number(await dbValue(`SELECT COUNT(*) FROM sessions WHERE user_id = ${o.userId}`));
		const r = await c.post('/logout', {});
		assert.equal(r.status, 303);
		assert.equal(r.location, '/login');
		const ck = r.cookie('pl_session');
		assert.ok(ck && (ck.value === '' || ck.attrs['max-age'] === '0'), 'the cookie is deleted');
		assert.equal(Number(await dbValue(`SELECT COUNT(*) FROM sessions WHERE user_id = ${o.userId}`)), before - 1);
		const again = await stolen.get('/app/');
		assert.equal(again.status, 303);
		assert.match(again.location, /^\/login/);
		assert.equal((await c.get('/app/')).status, 303);
	});

	it('logging out one session leaves the others', async () => {
		const a = await login(o.email, o.password);
		const b = await login(o.email, o.password);
		assert.equal((await a.post('/logout', {})).status, 303);
		assert.equal((await b.get('/app/')).status, 200);
	});

	it('after logout the sign-in page says so', async () => {
		const c = await login(o.email, o.password);
		const r = await c.follow(await c.post('/logout', {}));
		assert.equal(r.status, 200);
		assert.match(r.text, /You&#39;re signed out\.|You're signed out\./);
	});
});

describe('session expiry and edge cases', () => {
	let o;

	before(async () => {
		o = await signup();
	});

	const hashOf = (token) => createHash('sha256').update(token).digest('hex');

	it('a session idle for over 30 minutes is over; under 30 it lives and is touched', async () => {
		const live = await login(o.email, o.password);
		const idle = await login(o.email, o.password);
		await db(`UPDATE sessions SET last_seen_at = NOW() - INTERVAL 29 MINUTE WHERE token_hash = UNHEX('${hashOf(live.session)}')`);
		await db(`UPDATE sessions SET last_seen_at = NOW() - INTERVAL 31 MINUTE WHERE token_hash = UNHEX('${hashOf(idle.session)}')`);
		assert.equal((await live.get('/app/')).status, 200);
		const seen = Number(await dbValue(`SELECT TIMESTAMPDIFF(SECOND, last_seen_at, NOW()) FROM sessions WHERE token_hash = UNHEX('${hashOf(live.session)}')`));
		assert.ok(seen < 60, `last_seen_at was refreshed: ${seen} s ago`);
		const r = await idle.get('/app/');
		assert.equal(r.status, 303);
		assert.match(r.location, /^\/login\?next=/);
	});

	it('a session older than 12 hours is over, however active', async () => {
		const c = await login(o.email, o.password);
		await db(`UPDATE sessions SET created_at = NOW() - INTERVAL 12 HOUR - INTERVAL 1 MINUTE, last_seen_at = NOW() WHERE token_hash = UNHEX('${hashOf(c.session)}')`);
		assert.equal((await c.get('/app/')).status, 303);
	});

	it('the next= value is escaped on the sign-in page', async () => {
		const r = await new Client().get(`/login?next=${encodeURIComponent('/app/"><script>alert(1)</script>')}`);
		assert.equal(r.status, 200);
		assert.ok(!r.text.includes('<script>alert(1)</script>'));
		assert.match(r.text, /value="\/app\/&quot;&gt;&lt;script&gt;/);
	});

	it('a forged flash cookie shows no text of its own', async () => {
		const c = new Client({ cookies: { pl_flash: '<b>Your account is locked, call 555-0100</b>' } });
		const r = await c.get('/login');
		assert.equal(r.status, 200);
		assert.ok(!textOf(r.text).includes('call 555-0100'));
	});

	it('passwords: at least 10 characters (not bytes), at most 1024 bytes', async () => {
		const tries = [['ñ'.repeat(9), 422], ['ñ'.repeat(10), 303], ['p'.repeat(1024), 303], ['p'.repeat(1025), 422]];
		for (const [password, want] of tries) {
			const r = await new Client().post('/signup', signupFields({ password }));
			assert.equal(r.status, want, `${[...password].length} characters, ${Buffer.byteLength(password)} bytes`);
			if (want === 422)
				assert.ok(fieldErrors(r.text).password);
		}
	});

	it('the same address signed up three times at once: one company, two clean refusals', async () => {
		const email = uniqueEmail('race');
		const clients = [new Client(), new Client(), new Client()];
		await Promise.all(clients.map((c) => c.csrf()));
		const names = clients.map((_, i) => `Race Co ${i} ${email}`);
		const rs = await Promise.all(clients.map((c, i) => c.post('/signup', signupFields({ owner_email: email, name: names[i] }))));
		assert.deepEqual(rs.map((r) => r.status).sort(), [303, 422, 422]);
		let companies = 0;
		for (const n of names)
			companies += await companiesNamed(n);
		assert.equal(companies, 1, 'the losers left no company behind');
	});
});
