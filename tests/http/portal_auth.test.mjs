/*
 * Portal sign-in: magic links (scanner-proof, single use even under a
 * burst of POSTs, dead links answer a clear page and no session), the
 * 6-digit code that opens the rest of the portal after an old link,
 * passwords, sessions a customer can see and end, and the walls around a
 * customer (its own records of its own company; ids of others are 404).
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';

import {
	Client, PORTAL_COOKIE, PASSWORD, db, dbValue, fieldErrors, flashFrom, formError, portalClient, portalCustomer,
	portalFollowLink, portalLink, portalPerson, portalSession, portalSessionCount, signup, textOf, uniqueEmail,
	validateHtml, waitForMail,
} from '../lib/index.mjs';
import { makeJob, newDoc } from './documents-fixtures.mjs';

const DAY = 86400;

/* A sent estimate of a new job of customerId's, shown to the customer (display_to_customer). */
async function sharedEstimate(owner, companyId, person) {
	const job = await makeJob(companyId);
	await db(`UPDATE jobs SET customer_id = ${person.customerId} WHERE id = ${job.jobId}`);
	const id = await newDoc(owner.client, 'estimate', job.jobId,
	    { title: 'Kitchen sink', lines: [{ desc: 'New faucet', qty: '1', price: '250.00' }] });
	assert.equal((await owner.client.post(`/app/estimates/${id}/send`, {})).status, 303);
	await db(`UPDATE documents SET display_to_customer = 1 WHERE id = ${id}`);
	return id;
}

async function linkRow(id) {
	return (await db(`SELECT used_at IS NOT NULL, revoked_at IS NOT NULL FROM portal_links WHERE id = ${id}`))[0];
}

/* The code in the latest code mail to person. */
async function codeMail(person) {
	const m = await waitForMail({ to: person.email, subject: 'is your code' });
	const code = /\b(\d{6})\b/.exec(m.text)?.[1];
	assert.ok(code, `a 6-digit code in the mail:\n${m.text}`);
	return { code, mail: m };
}

let owner, person;
before(async () => {
	owner = await signup();
	person = await portalCustomer(owner.companyId);
});

describe('sign-in links', () => {
	it('GET and HEAD of a link (a mail scanner) show a confirm page and spend nothing', async () => {
		const l = await portalLink(person);
		const c = new Client();
		const head = await c.head(l.path);
		assert.equal(head.status, 200);
		const page = await c.get(l.path);
		assert.equal(page.status, 200);
		assert.match(textOf(page.text), /Continue to your portal/);
		assert.equal(page.headers['referrer-policy'], 'no-referrer');
		assert.equal(c.cookie(PORTAL_COOKIE), null, 'no session from a GET');
		assert.deepEqual(await linkRow(l.id), ['0', '0'], 'the link is unspent');
		assert.equal(await portalSessionCount(person), 0);
	});

	it('its POST spends it once, starts one session and opens the document it names', async () => {
		const p = await portalCustomer(owner.companyId);
		const docId = await sharedEstimate(owner, owner.companyId, p);
		const l = await portalLink(p, { documentId: docId });
		const page = await new Client().get(l.path);
		assert.match(textOf(page.text), /Continue to your estimate/);
		const { client, res } = await portalFollowLink(l.path);
		assert.equal(res.status, 303);
		assert.equal(res.location, `/portal/documents/${docId}`);
		const set = res.cookie(PORTAL_COOKIE);
		assert.match(set.value, /^[A-Za-z0-9_-]{43}$/);
		assert.ok('httponly' in set.attrs && set.attrs.samesite === 'Lax' && set.attrs.path === '/', JSON.stringify(set.attrs));
		assert.deepEqual(await linkRow(l.id), ['1', '0']);
		assert.equal(await portalSessionCount(p), 1);
		assert.equal((await client.get('/portal/')).status, 200, 'a fresh link opens the whole portal');
	});

	it('without the CSRF token the POST is refused and the link stays unspent', async () => {
		const l = await portalLink(person);
		const r = await new Client().post(l.path, {}, { csrf: false });
		assert.equal(r.status, 403);
		assert.deepEqual(await linkRow(l.id), ['0', '0']);
	});

	for (const [what, opts, status, words] of [
		['spent', { used: true }, 410, /already used/],
		['expired', { expiresIn: -60 }, 410, /expired/],
		['revoked', { revoked: true }, 410, /withdrawn/],
	]) {
		it(`a ${what} link answers ${status} with what to do, and no session (GET and POST)`, async () => {
			const p = await portalCustomer(owner.companyId);
			const l = await portalLink(p, opts);
			const c = new Client();
			const page = await c.get(l.path);
			assert.equal(page.status, status);
			assert.match(textOf(page.text), words);
			assert.match(page.text, /action="\/portal\/login\/link"/, 'the email-me-a-link form');
			const r = await c.post(l.path, {}, { csrf: page.csrf });
			assert.equal(r.status, status);
			assert.equal(c.cookie(PORTAL_COOKIE), null);
			assert.equal(await portalSessionCount(p), 0);
		});
	}

	it('a link to a document hidden from the customer since is withdrawn (410), and starts no session', async () => {
		const p = await portalCustomer(owner.companyId);
		const docId = await sharedEstimate(owner, owner.companyId, p);
		const l = await portalLink(p, { documentId: docId });
		await db(`UPDATE documents SET display_to_customer = 0 WHERE id = ${docId}`);
		const c = new Client();
		const page = await c.get(l.path);
		assert.equal(page.status, 410);
		assert.match(textOf(page.text), /withdrawn/);
		assert.equal((await c.post(l.path, {}, { csrf: page.csrf })).status, 410);
		assert.equal(await portalSessionCount(p), 0);
	});

	it('a forged or malformed token answers 404 with the same way out', async () => {
		for (const tok of ['A'.repeat(43), 'short', 'x'.repeat(300), 'not-a-token!', `${'B'.repeat(42)}%3D`]) {
			const c = new Client();
			const page = await c.get(`/portal/l/${tok}`);
			assert.equal(page.status, 404, tok);
			assert.match(textOf(page.text), /doesn't work/);
			const r = await c.post(`/portal/l/${tok}`, {}, { csrf: page.csrf });
			assert.equal(r.status, 404);
			assert.equal(c.cookie(PORTAL_COOKIE), null);
		}
	});

	it('20 concurrent POSTs of one link make exactly one session', async () => {
		const p = await portalCustomer(owner.companyId);
		const l = await portalLink(p);
		const clients = await Promise.all(Array.from({ length: 20 }, async () => {
			const c = new Client();
			const page = await c.get(l.path);
			return { c, csrf: page.csrf };
		}));
		const res = await Promise.all(clients.map(({ c, csrf }) => c.post(l.path, {}, { csrf })));
		const statuses = res.map((r) => r.status).sort();
		assert.equal(statuses.filter((s) => s === 303).length, 1, `one winner: ${statuses}`);
		assert.equal(statuses.filter((s) => s === 410).length, 19, `the rest told it's used: ${statuses}`);
		assert.equal(await portalSessionCount(p), 1);
		assert.equal(clients.filter(({ c }) => c.cookie(PORTAL_COOKIE)).length, 1);
	});

	it('a new link signs out the portal session this browser had (no two people in one browser)', async () => {
		const a = await portalCustomer(owner.companyId);
		const b = await portalCustomer(owner.companyId);
		const c = await portalClient(a);
		await portalFollowLink((await portalLink(b)).path, c);
		assert.equal(await portalSessionCount(a), 0);
		assert.equal(await portalSessionCount(b), 1);
	});
});

describe('an old link and the 6-digit code', () => {
	let p, docId, client;
	before(async () => {
		p = await portalCustomer(owner.companyId);
		docId = await sharedEstimate(owner, owner.companyId, p);
		const l = await portalLink(p, { documentId: docId, createdAgo: 4 * DAY });
		({ client } = await portalFollowLink(l.path));
	});

	it('opens its own document, but the rest of the portal asks for a code', async () => {
		const home = await client.get('/portal/');
		assert.equal(home.status, 303);
		assert.equal(home.location, '/portal/verify?next=%2Fportal%2F');
		assert.equal((await client.get('/portal/settings')).status, 303);
		const page = await client.get(home.location);
		assert.equal(page.status, 200);
		assert.match(textOf(page.text), /Email me a code/);
		assert.match(textOf(page.text), new RegExp(`${p.email[0]}•••@`), 'the masked address');
		assert.equal((await client.post('/portal/settings/password', { password: PASSWORD, password2: PASSWORD })).status, 403);
	});

	it('a wrong code is refused; the mailed one opens the portal and goes to next', async () => {
		const sent = await client.post('/portal/verify/send', { next: '/portal/settings' });
		assert.equal(sent.status, 303);
		assert.match(sent.location, /^\/portal\/verify\?sent=1&next=%2Fportal%2Fsettings$/);
		const { code, mail } = await codeMail(p);
		assert.ok(mail.mail.text && mail.mail.html, 'text and HTML parts');
		const page = await client.get(sent.location);
		assert.match(textOf(page.text), /We sent a 6-digit code/);
		const wrong = String((Number(code) + 1) % 1000000).padStart(6, '0');
		let r = await client.post('/portal/verify', { code: wrong, next: '/portal/settings' });
		assert.equal(r.status, 422);
		assert.match(fieldErrors(r.text).code, /isn't right/);
		r = await client.post('/portal/verify', { code: 'abc', next: '/portal/settings' });
		assert.equal(r.status, 422);
		r = await client.post('/portal/verify', { code: `${code.slice(0, 3)} ${code.slice(3)}`, next: '/portal/settings' });
		assert.equal(r.status, 303);
		assert.equal(r.location, '/portal/settings');
		assert.equal((await client.get('/portal/')).status, 200);
		r = await client.post('/portal/verify', { code, next: '/portal/' });
		assert.equal(r.status, 422, 'a code works once');
	});

	it('five wrong tries spend the code: even the right one is refused after', async () => {
		const q = await portalCustomer(owner.companyId);
		const c = await portalClient(q, { verifiedAgo: 5 * DAY });
		assert.equal((await c.post('/portal/verify/send', {})).status, 303);
		const { code } = await codeMail(q);
		const wrong = String((Number(code) + 7) % 1000000).padStart(6, '0');
		for (let i = 0; i < 5; i++)
			assert.equal((await c.post('/portal/verify', { code: wrong })).status, 422);
		const r = await c.post('/portal/verify', { code });
		assert.equal(r.status, 422);
		assert.match(fieldErrors(r.text).code, /Send a new code/);
		assert.equal((await c.get('/portal/')).status, 303, 'still not proven');
		assert.equal(await dbValue(`SELECT code_tries FROM portal_sessions WHERE id = ${c.portal.sessionId}`), '5');
	});

	it('codes are rate limited per person (5 an hour)', async () => {
		const q = await portalCustomer(owner.companyId);
		const c = await portalClient(q, { verifiedAgo: 5 * DAY });
		for (let i = 0; i < 5; i++)
			assert.equal((await c.post('/portal/verify/send', {})).status, 303);
		const r = await c.post('/portal/verify/send', {});
		assert.equal(r.status, 429);
		assert.match(formError(r.text), /Too many codes/);
	});

	it('next must be a local /portal/ path (no open redirect)', async () => {
		const q = await portalCustomer(owner.companyId);
		const c = await portalClient(q, { verifiedAgo: 5 * DAY });
		for (const next of ['//evil.example/', 'https://evil.example/portal/', '/app/', '/portal//evil.example',
			'/portal/\\evil', '/portal/../app/', '/\\evil.example']) {
			assert.equal((await c.post('/portal/verify/send', {})).status, 303);
			const { code } = await codeMail(q);
			const r = await c.post('/portal/verify', { code, next });
			assert.equal(r.status, 303);
			assert.equal(r.location, '/portal/', next);
			await db(`UPDATE portal_sessions SET verified_at = NOW() - INTERVAL 5 DAY WHERE id = ${c.portal.sessionId}`);
			await db(`DELETE FROM rate_limits WHERE key_hash = UNHEX(SHA2('portal-code:${q.id}', 256))`);
		}
	});
});

describe('passwords', () => {
	it('a customer sets one, signs in with it, and a wrong one answers like an unknown address', async () => {
		const p = await portalCustomer(owner.companyId);
		const c = await portalClient(p);
		const other = await portalClient(p);
		const page = await c.get('/portal/settings');
		assert.match(textOf(page.text), /Set a password/);
		let r = await c.post('/portal/settings/password', { password: 'short', password2: 'short' });
		assert.equal(r.status, 422);
		assert.ok(fieldErrors(r.text).password);
		r = await c.post('/portal/settings/password', { password: PASSWORD, password2: PASSWORD });
		assert.equal(r.status, 303);
		assert.match(flashFrom((await c.follow(r)).text)?.text ?? '', /Password saved/);
		assert.match(await dbValue(`SELECT password_hash FROM portal_people WHERE id = ${p.id}`), /^\$argon2id\$/);
		assert.equal((await other.get('/portal/')).status, 303, 'the other device was signed out');

		const fresh = new Client();
		await fresh.get('/portal/login');
		r = await fresh.post('/portal/login', { email: p.email.toUpperCase(), password: PASSWORD, next: '/portal/settings' });
		assert.equal(r.status, 303);
		assert.equal(r.location, '/portal/settings');
		assert.equal((await fresh.get('/portal/')).status, 200, 'a password proves the address');

		const bad = await new Client().post('/portal/login', { email: p.email, password: 'not the password' });
		const unknown = await new Client().post('/portal/login', { email: uniqueEmail('nobody'), password: 'not the password' });
		assert.equal(bad.status, 422);
		assert.equal(unknown.status, 422);
		assert.equal(formError(bad.text), formError(unknown.text));
		assert.equal(bad.cookie(PORTAL_COOKIE), null);

		r = await c.post('/portal/settings/password', { current: 'wrong wrong wrong', password: 'another password 1', password2: 'another password 1' });
		assert.equal(r.status, 422);
		assert.match(fieldErrors(r.text).current, /current password/);
	});

	it('open redirects through login next are refused', async () => {
		const p = await portalCustomer(owner.companyId);
		await db(`UPDATE portal_people SET password_hash = (SELECT password_hash FROM users WHERE id = ${owner.userId}) WHERE id = ${p.id}`);
		for (const next of ['//evil.example', 'https://evil.example', '/app/', '/portal/l/xyz']) {
			const c = new Client();
			const r = await c.post('/portal/login', { email: p.email, password: PASSWORD, next });
			assert.equal(r.status, 303);
			assert.equal(r.location, '/portal/', next);
		}
	});

	it('ten failures for an address lock it for 15 minutes (429)', async () => {
		const p = await portalCustomer(owner.companyId);
		const c = new Client();
		for (let i = 0; i < 10; i++)
			assert.equal((await c.post('/portal/login', { email: p.email, password: `wrong ${i}` })).status, 422);
		c.newAddress();
		const r = await c.post('/portal/login', { email: p.email, password: 'wrong again' });
		assert.equal(r.status, 429);
	});
});

describe('email me a sign-in link', () => {
	it('answers the same for a known and an unknown address; the known one gets a working link', async () => {
		const p = await portalCustomer(owner.companyId);
		const a = await new Client().post('/portal/login/link', { link_email: p.email });
		const b = await new Client().post('/portal/login/link', { link_email: uniqueEmail('nobody') });
		assert.equal(a.status, 200);
		assert.equal(b.status, 200);
		const strip = (t) => textOf(t).replace(/\S+@\S+/g, '@');
		assert.equal(strip(a.text), strip(b.text));
		assert.doesNotMatch(a.text, new RegExp(owner.companyName), 'the page names no company');
		const m = await waitForMail({ to: p.email, subject: 'sign-in link', link: /https?:\/\/[^\s]+\/portal\/l\/[A-Za-z0-9_-]{43}/ });
		assert.ok(m.link, m.text);
		assert.ok(m.html.includes(m.link), 'the HTML part has the link');
		assert.match(m.text, new RegExp(owner.companyName), 'the company signs the mail');
		const { client, res } = await portalFollowLink(m.link);
		assert.equal(res.location, '/portal/');
		assert.equal((await client.get('/portal/')).status, 200);
	});

	it('an address at two companies gets one link from each', async () => {
		const other = await signup();
		const email = uniqueEmail('both');
		const p1 = await portalCustomer(owner.companyId, { email });
		const p2 = await portalCustomer(other.companyId, { email });
		await new Client().post('/portal/login/link', { link_email: email });
		const [m1, m2] = await Promise.all([waitForMail({ to: email, subject: owner.companyName }),
			waitForMail({ to: email, subject: other.companyName })]);
		assert.ok(m1.link && m2.link);
		const r1 = await portalFollowLink(m1.link);
		assert.equal(r1.res.status, 303);
		assert.equal(await portalSessionCount(p1), 1);
		assert.equal(await portalSessionCount(p2), 0);
	});

	it('the link and code mails: UTF-8 subjects, text and HTML parts, the company\'s contact details', async () => {
		const co = await signup({ name: 'Plomberie Hélène & Fils — Québec' });
		const p = await portalCustomer(co.companyId, { name: 'Zoë Ångström' });
		await new Client().post('/portal/login/link', { link_email: p.email });
		const link = await waitForMail({ to: p.email, subject: 'sign-in link' });
		assert.equal(link.subject, 'Your sign-in link for Plomberie Hélène & Fils — Québec');
		const c = await portalClient(p, { verifiedAgo: 5 * DAY });
		assert.equal((await c.post('/portal/verify/send', {})).status, 303);
		const { mail: code } = await codeMail(p);
		assert.match(code.subject, /^\d{6} is your code for Plomberie Hélène & Fils — Québec$/);
		for (const m of [link, code]) {
			assert.ok(m.mail.text && m.mail.html, `${m.subject}: text and HTML parts`);
			assert.match(m.mail.text, /Hello Zoë Ångström/);
			assert.match(m.mail.html, /Zoë Ångström/);
			assert.match(m.mail.text, new RegExp(co.fields.phone.replace(/[+]/g, '\\+')), 'the company phone');
			assert.match(m.mail.text, new RegExp(co.fields.email), 'the company email');
			assert.ok(!/\ufffd/.test(m.mail.text + m.mail.html), 'no broken characters');
		}
		assert.match(link.text, /\/portal\/l\/[A-Za-z0-9_-]{43}/);
	});

	it('a bad address gets a message next to the field', async () => {
		const r = await new Client().post('/portal/login/link', { link_email: 'nope' });
		assert.equal(r.status, 422);
		assert.ok(fieldErrors(r.text).link_email);
	});
});

describe('sessions', () => {
	it('the settings list each device; one can be ended, then all others', async () => {
		const p = await portalCustomer(owner.companyId);
		const me = await portalClient(p, { userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Version/17.0 Mobile/15E148 Safari/604.1' });
		const two = await portalClient(p);
		const three = await portalClient(p);
		const page = await me.get('/portal/settings');
		assert.equal(page.status, 200);
		const text = textOf(page.text);
		assert.match(text, /Safari on iPhone/);
		assert.match(text, /This device/);
		assert.match(page.text, new RegExp(`/portal/sessions/${two.portal.sessionId}/end`));
		let r = await me.post(`/portal/sessions/${two.portal.sessionId}/end`, {});
		assert.equal(r.status, 303);
		assert.equal((await two.get('/portal/')).status, 303);
		assert.equal((await three.get('/portal/')).status, 200);
		r = await me.post('/portal/sessions/end-others', {});
		assert.equal(r.status, 303);
		assert.equal((await three.get('/portal/')).status, 303);
		assert.equal((await me.get('/portal/')).status, 200);
		assert.equal(await portalSessionCount(p), 1);
	});

	it("another person's session id answers 404 and survives", async () => {
		const p = await portalCustomer(owner.companyId);
		const q = await portalCustomer(owner.companyId);
		const me = await portalClient(p);
		const s = await portalSession(q);
		const r = await me.post(`/portal/sessions/${s.id}/end`, {});
		assert.equal(r.status, 404);
		assert.equal(await portalSessionCount(q), 1);
	});

	it('sign out ends the session on the server', async () => {
		const p = await portalCustomer(owner.companyId);
		const c = await portalClient(p);
		const page = await c.get('/portal/logout');
		assert.equal(page.status, 200);
		const r = await c.post('/portal/logout', {});
		assert.equal(r.status, 303);
		assert.equal(r.location, '/portal/login');
		assert.equal(await portalSessionCount(p), 0);
		assert.equal(c.cookie(PORTAL_COOKIE), null);
	});

	it('idle (14 days) and absolute (90 days) expiry', async () => {
		const p = await portalCustomer(owner.companyId);
		const idle = await portalClient(p, { lastSeenAgo: 15 * DAY });
		const old = await portalClient(p, { createdAgo: 91 * DAY });
		const fine = await portalClient(p, { lastSeenAgo: 13 * DAY, createdAgo: 89 * DAY });
		const r = await idle.get('/portal/');
		assert.equal(r.status, 303);
		assert.equal(r.location, '/portal/login?next=%2Fportal%2F');
		assert.equal((await old.get('/portal/')).status, 303);
		assert.equal((await fine.get('/portal/')).status, 200);
	});
});

describe('walls', () => {
	it("the dashboard lists the customer's own shown documents only; others' ids are 404", async () => {
		const a = await portalCustomer(owner.companyId);
		const b = await portalCustomer(owner.companyId);
		const docA = await sharedEstimate(owner, owner.companyId, a);
		const docB = await sharedEstimate(owner, owner.companyId, b);
		const other = await signup();
		const c2 = await portalCustomer(other.companyId);
		const docC = await sharedEstimate(other, other.companyId, c2);
		const ca = await portalClient(a);
		const home = await ca.get('/portal/');
		assert.equal(home.status, 200);
		assert.match(home.text, new RegExp(`href="/portal/documents/${docA}"`));
		assert.doesNotMatch(home.text, new RegExp(`/portal/documents/${docB}"`));
		assert.match(textOf(home.text), /Waiting for your approval/);
		for (const id of [docB, docC, 999999999])
			assert.equal((await ca.get(`/portal/documents/${id}`)).status, 404, `document ${id}`);
		await db(`UPDATE documents SET display_to_customer = 0 WHERE id = ${docA}`);
		assert.doesNotMatch((await ca.get('/portal/')).text, new RegExp(`/portal/documents/${docA}"`), 'not displayed: gone');
	});

	it('a link session without a fresh proof opens only its own document (and its versions)', async () => {
		const a = await portalCustomer(owner.companyId);
		const d1 = await sharedEstimate(owner, owner.companyId, a);
		const d2 = await sharedEstimate(owner, owner.companyId, a);
		const rev = await owner.client.post(`/app/estimates/${d1}/revise`, {});
		assert.equal(rev.status, 303, 'a new version of d1');
		const v2 = Number(/\/app\/estimates\/(\d+)\/edit/.exec(rev.location)[1]);
		assert.equal((await owner.client.post(`/app/estimates/${v2}/send`, {})).status, 303);
		await db(`UPDATE documents SET display_to_customer = 1 WHERE id = ${v2}`);
		/* The sign-in page of a link to version 2 names the version; version 1's doesn't. */
		const lede = async (id) => textOf(/<p class="lede">[^]*?<\/p>/.exec((await new Client().get(
			(await portalLink(a, { documentId: id })).path)).text)[0]);
		assert.match(await lede(v2), /shared estimate #\d+, version 2, with you/);
		assert.match(await lede(d1), /shared estimate #\d+ with you/);
		const c = await portalClient(a, { documentId: d1, verifiedAgo: 4 * DAY });
		assert.equal((await c.get(`/portal/documents/${d1}`)).status, 200);
		assert.equal((await c.get(`/portal/documents/${v2}`)).status, 200, 'a version of its document');
		const r = await c.get(`/portal/documents/${d2}`);
		assert.equal(r.status, 303);
		assert.match(r.location, /^\/portal\/verify\?next=/);
	});

	it('the portal and the back office never mix', async () => {
		const p = await portalCustomer(owner.companyId);
		const c = await portalClient(p);
		const app = await c.get('/app/');
		assert.equal(app.status, 303);
		assert.match(app.location, /^\/login/);
		const staff = await owner.client.get('/portal/');
		assert.equal(staff.status, 303);
		assert.match(staff.location, /^\/portal\/login/);
	});

	it('the portal logo is the session company\'s; signed out it is a sign-in redirect', async () => {
		assert.equal((await new Client().get('/portal/logo')).status, 303);
		const p = await portalCustomer(owner.companyId);
		const c = await portalClient(p);
		assert.equal((await c.get('/portal/logo')).status, 404, 'no logo uploaded');
	});
});

describe('the dashboard', () => {
	it('groups what waits, what is to pay and what is done; coming visits in the company\'s time; unread messages', async () => {
		const p = await portalCustomer(owner.companyId);
		const waiting = await sharedEstimate(owner, owner.companyId, p);
		const approved = await sharedEstimate(owner, owner.companyId, p);
		assert.equal((await owner.client.post(`/app/estimates/${approved}/approve`, {})).status, 303);
		const jobId = Number(await dbValue(`SELECT job_id FROM documents WHERE id = ${waiting}`));
		const invoice = await newDoc(owner.client, 'invoice', jobId, { title: 'Boiler service',
			lines: [{ desc: 'Service', qty: '1', price: '300.00', taxable: false }] });
		assert.equal((await owner.client.post(`/app/invoices/${invoice}/send`, {})).status, 303);
		await db(`UPDATE documents SET display_to_customer = 1 WHERE id = ${invoice}`);
		assert.equal((await owner.client.post(`/app/jobs/${jobId}/visits`, { visit_date: '2030-01-07', visit_start: '09:00',
			visit_end: '11:30', visit_user: '', visit_notes: '' })).status, 303);
		const c = await portalClient(p);
		const page = await c.get('/portal/');
		assert.equal(page.status, 200);
		assert.equal(page.headers['cache-control'], 'no-store');
		const section = (title) => {
			const m = new RegExp(`<h2[^>]*>${title}</h2>([\\s\\S]*?)</section>`).exec(page.text);
			assert.ok(m, `a section "${title}"`);
			return m[1];
		};
		assert.match(section('Waiting for your approval'), new RegExp(`/portal/documents/${waiting}"`));
		assert.doesNotMatch(section('Waiting for your approval'), new RegExp(`/portal/documents/${approved}"`));
		assert.match(section('To pay'), new RegExp(`/portal/documents/${invoice}"`));
		assert.match(textOf(section('To pay')), /Balance \$300\.00/);
		/* An approved estimate that no invoice has paid yet is "Approved", never "paid". */
		assert.match(section('Approved'), new RegExp(`/portal/documents/${approved}"`));
		assert.doesNotMatch(page.text, /Approved and paid/);
		assert.match(textOf(section('Coming visits')), /Mon 7 Jan 2030, 09:00 until 11:30/);
		const unread = Number(await dbValue(`SELECT COUNT(*) FROM job_events e JOIN jobs j ON j.id = e.job_id
		    WHERE j.customer_id = ${p.customerId} AND e.visible_to_customer = 1 AND e.person_id IS NULL AND e.kind = 'note'`));
		assert.equal((await owner.client.post(`/app/jobs/${jobId}/notes`, { note: 'We will bring the parts', note_visible: '1' })).status, 303);
		const again = await c.get('/portal/');
		assert.match(textOf(again.text), new RegExp(`You have ${unread + 1} unread message`));
		assert.match(again.text, /href="\/portal\/messages"/);
	});
});

describe('HTML validity of the sign-in pages', () => {
	it('every page of sign-in, in its normal and error states, is valid HTML (Nu checker)', async () => {
		const pages = [];
		const add = async (name, promise, status = 200) => {
			const r = await promise;
			assert.equal(r.status, status, `${name}: status`);
			pages.push({ name, html: r.text });
		};
		const p = await portalCustomer(owner.companyId);
		const guest = new Client();
		await add('login', guest.get('/portal/login?next=%2Fportal%2Fsettings'));
		await add('login-error', guest.post('/portal/login', { email: p.email, password: 'wrong password' }), 422);
		await add('link-sent', guest.post('/portal/login/link', { link_email: p.email }));
		await add('link-error', guest.post('/portal/login/link', { link_email: 'bad' }), 422);
		const l = await portalLink(p, { documentId: await sharedEstimate(owner, owner.companyId, p) });
		await add('link-confirm', guest.get(l.path));
		await add('link-used', guest.get((await portalLink(p, { used: true })).path), 410);
		await add('link-unknown', guest.get(`/portal/l/${'C'.repeat(43)}`), 404);
		const stale = await portalClient(p, { verifiedAgo: 5 * DAY, documentId: 1 });
		await add('verify', stale.get('/portal/verify?next=%2Fportal%2F'));
		await add('verify-error', stale.post('/portal/verify', { code: '12', next: '/portal/' }), 422);
		const c = await portalClient(p);
		await portalSession(p, { userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Firefox/120.0' });
		await add('home', c.get('/portal/'));
		await add('settings', c.get('/portal/settings'));
		await add('settings-errors', c.post('/portal/settings/password', { password: 'x', password2: 'y' }), 422);
		await add('logout', c.get('/portal/logout'));
		const results = await validateHtml(pages);
		const bad = [...results].filter(([, errs]) => errs.length)
			.map(([name, errs]) => `${name}: ${errs.map((e) => `${e.message} (line ${e.line}: ${e.extract})`).join('; ')}`);
		assert.deepEqual(bad, []);
	});
});
