/*
 * Every route's answer signed out and signed in as each role (DESIGN.md's
 * URL and role tables), unknown paths (404) and wrong methods (405).
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';

import { Client, addStaff, portalClient, portalCustomer, routeTable, signup, titleOf } from '../lib/index.mjs';

/* DESIGN.md's URL table: method and path → who may. */
const DESIGN = {
	'GET /': 'public', 'GET /app': 'public', 'GET /healthz': 'public',
	'GET /signup': 'guest', 'POST /signup': 'guest', 'GET /login': 'guest', 'POST /login': 'guest',
	'GET /logout': 'public', 'POST /logout': 'public',
	'GET /password/forgot': 'guest', 'POST /password/forgot': 'guest',
	'GET /password/reset': 'public', 'POST /password/reset': 'public',
	'GET /invite': 'public', 'POST /invite': 'public',
	'GET /app/': 'field', 'GET /app/staff': 'office', 'POST /app/staff/invite': 'owner',
	'POST /app/staff/:id/role': 'owner', 'POST /app/staff/:id/remove': 'owner',
	'GET /app/settings': 'office', 'POST /app/settings': 'owner', 'POST /app/settings/logo': 'owner',
	'GET /app/logo': 'field', 'GET /app/account': 'field', 'POST /app/account': 'field',
	'GET /dev/mail': 'public', 'GET /dev/mail/:name': 'public', 'GET /dev/sleep': 'public',
};
/* The sign-in link: public, so a link opens whichever portal session the browser had. */
const PORTAL_PUBLIC = ['GET /portal/l/:token', 'POST /portal/l/:token'];
/* A document's verification page, the address of its QR code (tests/http/pdf.test.mjs). */
const VERIFY_PUBLIC = ['GET /d/:token'];
/* The one-click unsubscribe of alert mails (alerts.c): its token is the authority. */
const UNSUBSCRIBE_PUBLIC = ['GET /u/:token', 'POST /u/:token'];
const staffOnly = (method) => Object.entries(DESIGN)
	.filter(([k, a]) => k.startsWith(`${method} `) && ['field', 'office', 'owner'].includes(a))
	.map(([k]) => k.slice(method.length + 1).replace(':id', '1'));
const appGets = staffOnly('GET');
const appPosts = staffOnly('POST');

describe('the route table', () => {
	it('has DESIGN.md\'s foundation routes with their access, and nothing else public', async () => {
		const table = await routeTable();
		const got = Object.fromEntries(table.map((r) => [`${r.method} ${r.pattern}`, r.access]));
		for (const [route, access] of Object.entries(DESIGN))
			assert.equal(got[route], access, route);
		/* Routes of later features are the back office's: staff only, under /app/. */
		for (const [route, access] of Object.entries(got)) {
			if (route in DESIGN) continue;
			if (VERIFY_PUBLIC.includes(route) || UNSUBSCRIBE_PUBLIC.includes(route)) {
				assert.equal(access, 'public', route);
				continue;
			}
			/* The customer portal's: a portal session (or the sign-in pages); docs/PORTAL.md. */
			if (/^(GET|POST) \/portal\//.test(route)) {
				assert.ok(PORTAL_PUBLIC.includes(route) || ['portal-guest', 'portal', 'portal-full'].includes(access),
				    `${route} is for portal customers (${access})`);
				if (PORTAL_PUBLIC.includes(route))
					assert.equal(access, 'public', route);
				continue;
			}
			assert.match(route, /^(GET|POST) \/app\//, `${route} lives under /app/`);
			assert.ok(['field', 'office', 'owner'].includes(access), `${route} is for staff (${access})`);
		}
	});
});

describe('signed out', () => {
	const guest = new Client();

	it('public pages answer 200 with a page', async () => {
		for (const path of ['/signup', '/login', '/password/forgot']) {
			const r = await guest.get(path);
			assert.equal(r.status, 200, path);
			assert.match(r.headers['content-type'], /^text\/html; charset=utf-8/, path);
			assert.ok(r.csrf, `${path} has a form with a CSRF token`);
		}
	});

	it('/healthz says ok in plain text', async () => {
		const r = await guest.get('/healthz');
		assert.equal(r.status, 200);
		assert.equal(r.text, 'ok\n');
		assert.match(r.headers['content-type'], /^text\/plain/);
	});

	it('/, /app and GET /logout send a guest to /login', async () => {
		for (const path of ['/', '/app', '/logout']) {
			const r = await guest.get(path);
			assert.equal(r.status, 303, path);
			assert.equal(r.location, '/login', path);
		}
	});

	it('back-office GETs redirect to /login?next=<the path>', async () => {
		for (const path of appGets) {
			const r = await guest.get(path);
			assert.equal(r.status, 303, path);
			const u = new URL(r.location, 'http://x');
			assert.equal(u.pathname, '/login', path);
			assert.equal(u.searchParams.get('next'), path, path);
		}
	});

	it('the login page keeps next= for after sign-in', async () => {
		const r = await guest.get('/login?next=%2Fapp%2Fsettings');
		assert.equal(r.status, 200);
		assert.match(r.text, /<input type="hidden" name="next" value="\/app\/settings">/);
	});

	it('back-office POSTs are 403 even with a valid guest form token', async () => {
		await guest.csrf();
		for (const path of appPosts) {
			const r = await guest.post(path, { name: 'x', role: 'field', action: 'profile' });
			assert.equal(r.status, 403, path);
			assert.match(titleOf(r.text), /Not allowed/, path);
		}
	});

	it('token pages without a live token answer 404 with the "can\'t be used" page', async () => {
		for (const path of ['/password/reset', '/password/reset?token=nope',
			`/password/reset?token=${'A'.repeat(43)}`, '/invite', `/invite?token=${'B'.repeat(43)}`]) {
			const r = await guest.get(path);
			assert.equal(r.status, 404, path);
			assert.match(r.text, /can&#39;t be used|can't be used/, path);
		}
	});

	it('HEAD answers like GET without a body', async () => {
		const r = await guest.head('/login');
		assert.equal(r.status, 200);
		assert.equal(r.body.length, 0);
		assert.match(r.headers['content-type'], /^text\/html/);
	});

	it('POST /logout signed out just goes to /login', async () => {
		const r = await guest.post('/logout');
		assert.equal(r.status, 303);
		assert.equal(r.location, '/login');
	});
});

describe('unknown paths and wrong methods', () => {
	const c = new Client();

	it('unknown paths answer 404 with an error page', async () => {
		for (const path of ['/nope', '/app/nope', '/app/staff/1', '/app/staff/abc/role/x', '/login/', '/static-nope']) {
			const r = await c.get(path);
			assert.equal(r.status, 404, path);
			assert.match(titleOf(r.text), /Page not found/, path);
		}
	});

	it('a known path with a method it does not take answers 405 with Allow', async () => {
		await c.csrf();
		for (const [method, path] of [['POST', '/healthz'], ['POST', '/'], ['GET', '/app/staff/invite'],
			['GET', '/app/staff/1/role'], ['GET', '/app/staff/1/remove'], ['GET', '/app/settings/logo'],
			['POST', '/app/logo']]) {
			const r = method === 'POST' ? await c.post(path, {}) : await c.get(path);
			assert.equal(r.status, 405, `${method} ${path}`);
			assert.ok(r.headers.allow, `${method} ${path} has Allow`);
		}
	});

	it('Allow names exactly the methods the path takes', async () => {
		await c.csrf();
		const cases = [
			['POST', '/healthz', ['GET', 'HEAD']],
			['GET', '/app/staff/invite', ['POST']],
			['GET', '/app/settings/logo', ['POST']],
			['POST', '/app/logo', ['GET', 'HEAD']],
		];
		for (const [method, path, allowed] of cases) {
			const r = method === 'POST' ? await c.post(path, {}) : await c.get(path);
			assert.equal(r.status, 405);
			const got = String(r.headers.allow).split(',').map((s) => s.trim()).sort();
			assert.deepEqual(got, [...allowed].sort(), `Allow of ${path}`);
		}
	});

	it('PUT, DELETE, PATCH and OPTIONS answer 405', async () => {
		for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
			for (const path of ['/', '/app/settings', '/login']) {
				const r = await c.request(method, path, { body: '', headers: { 'Content-Type': 'text/plain' } });
				assert.equal(r.status, 405, `${method} ${path}`);
			}
		}
	});
});

describe('signed in, by role', () => {
	const as = {};
	let owner;

	before(async () => {
		owner = await signup();
		as.owner = owner.client;
		as.office = (await addStaff(owner.client, 'office')).client;
		as.field = (await addStaff(owner.client, 'field')).client;
	});

	const gets = [
		['/app/', { owner: 200, office: 200, field: 200 }],
		['/app/staff', { owner: 200, office: 200, field: 403 }],
		['/app/settings', { owner: 200, office: 200, field: 403 }],
		['/app/account', { owner: 200, office: 200, field: 200 }],
		['/app/logo', { owner: 404, office: 404, field: 404 }],	/* no logo yet */
		['/logout', { owner: 200, office: 200, field: 200 }],	/* asks first */
		['/healthz', { owner: 200, office: 200, field: 200 }],
	];

	for (const [path, want] of gets)
		it(`GET ${path}: ${JSON.stringify(want)}`, async () => {
			for (const role of ['owner', 'office', 'field']) {
				const r = await as[role].get(path);
				assert.equal(r.status, want[role], `${role} GET ${path}`);
			}
		});

	it('guest-only pages, / and /app send signed-in staff to /app/', async () => {
		for (const role of ['owner', 'office', 'field'])
			for (const path of ['/', '/app', '/login', '/signup', '/password/forgot']) {
				const r = await as[role].get(path);
				assert.equal(r.status, 303, `${role} GET ${path}`);
				assert.equal(r.location, '/app/', `${role} GET ${path}`);
			}
	});

	it('owner-only POSTs are 403 for office and field staff', async () => {
		const posts = [
			['/app/staff/invite', { name: 'X', email: 'x@example.test', role: 'field' }],
			[`/app/staff/${owner.userId}/role`, { role: 'field' }],
			[`/app/staff/${owner.userId}/remove`, {}],
			['/app/settings', { name: 'Hijacked' }],
		];
		for (const role of ['office', 'field'])
			for (const [path, fields] of posts) {
				const r = await as[role].post(path, fields);
				assert.equal(r.status, 403, `${role} POST ${path}`);
			}
		for (const role of ['office', 'field']) {
			const r = await as[role].post('/app/settings/logo', { logo: { filename: 'a.png', data: 'x' } }, { multipart: true });
			assert.equal(r.status, 403, `${role} POST /app/settings/logo`);
		}
	});

	it('the owner reaches every owner-only POST (checked with input that changes nothing)', async () => {
		/* Empty or invalid forms: 422/404 means the handler ran, 403 would mean it didn't. */
		let r = await as.owner.post('/app/staff/invite', {});
		assert.equal(r.status, 422);
		r = await as.owner.post('/app/staff/999999999/role', { role: 'field' });
		assert.equal(r.status, 404);
		r = await as.owner.post('/app/staff/999999999/remove', {});
		assert.equal(r.status, 404);
		r = await as.owner.post('/app/settings', {});
		assert.equal(r.status, 422);
		r = await as.owner.post('/app/settings/logo', {}, { multipart: true });
		assert.equal(r.status, 422);
	});

	it('every role may post to its own account (an unknown action is 400, not 403)', async () => {
		for (const role of ['owner', 'office', 'field']) {
			const r = await as[role].post('/app/account', { action: 'bogus' });
			assert.equal(r.status, 400, role);
		}
	});

	it('unknown paths are 404 signed in too', async () => {
		for (const path of ['/app/nope', '/app/staff/1', '/app/settings/x']) {
			const r = await as.owner.get(path);
			assert.equal(r.status, 404, path);
		}
	});

	it('the nav shows Team and Company settings to owner and office, not to field', async () => {
		for (const role of ['owner', 'office', 'field']) {
			const r = await as[role].get('/app/');
			const nav = /<nav class="sidenav"[\s\S]*?<\/nav>/.exec(r.text)?.[0] ?? '';
			const sees = role !== 'field';
			assert.equal(nav.includes('href="/app/staff"'), sees, `${role} sees Team`);
			assert.equal(nav.includes('href="/app/settings"'), sees, `${role} sees settings`);
			assert.ok(nav.includes('href="/app/account"'), `${role} sees My account`);
		}
	});
});

describe('dev-only pages (the test stack runs with dev = 1)', () => {
	const c = new Client();

	it('/dev/mail lists captured mail', async () => {
		const r = await c.get('/dev/mail');
		assert.equal(r.status, 200);
		assert.match(titleOf(r.text), /Captured mail/);
	});

	it('/dev/mail/:name only opens captured files, never a path', async () => {
		for (const name of ['nope.eml', '..%2Fplumbline.conf', '..%2F..%2Fmig.cnf', '.hidden.eml', '%2Fetc%2Fpasswd']) {
			const r = await c.get(`/dev/mail/${name}`);
			assert.ok([400, 404].includes(r.status), `${name}: ${r.status}`);
			assert.doesNotMatch(r.text, /db_password|secret =|root:x:0:0/, name);
		}
	});

	it('/dev/sleep needs a sane ms', async () => {
		assert.equal((await c.get('/dev/sleep')).status, 404);
		assert.equal((await c.get('/dev/sleep?ms=-5')).status, 400);
		const r = await c.get('/dev/sleep?ms=1');
		assert.equal(r.status, 200);
		assert.equal(r.text, 'slept\n');
	});
});

describe('the customer portal, by its access levels', () => {
	let table, owner, fresh, stale;
	const sample = (pattern) => pattern.replace(/:[a-z_]+/g, '1');

	before(async () => {
		table = (await routeTable()).filter((r) => r.pattern.startsWith('/portal/'));
		owner = await signup();
		const person = await portalCustomer(owner.companyId);
		fresh = await portalClient(person);
		stale = await portalClient(person, { verifiedAgo: 4 * 86400 });
	});

	it('signed out (or signed in as staff): portal pages ask for a portal sign-in, POSTs are 403', async () => {
		for (const c of [new Client(), owner.client]) {
			await c.get('/portal/login');
			for (const r of table.filter((x) => x.access === 'portal' || x.access === 'portal-full')) {
				const path = sample(r.pattern);
				const res = r.method === 'GET' ? await c.get(path) : await c.post(path, {});
				if (r.method === 'GET') {
					assert.equal(res.status, 303, path);
					const u = new URL(res.location, 'http://x');
					assert.equal(u.pathname, '/portal/login', path);
					assert.equal(u.searchParams.get('next'), path, path);
				} else
					assert.equal(res.status, 403, `POST ${path}`);
			}
			for (const r of table.filter((x) => x.access === 'portal-guest' && x.method === 'GET'))
				assert.equal((await c.get(r.pattern)).status, 200, r.pattern);
		}
	});

	it('without a recent proof of the address, portal-full pages ask for a code', async () => {
		for (const r of table.filter((x) => x.access === 'portal-full' && x.method === 'GET')) {
			const path = sample(r.pattern);
			const res = await stale.get(path);
			assert.equal(res.status, 303, path);
			assert.equal(res.location, `/portal/verify?next=${encodeURIComponent(path)}`, path);
		}
	});

	it('signed in, the sign-in pages send the customer to /portal/', async () => {
		for (const r of table.filter((x) => x.access === 'portal-guest' && x.method === 'GET')) {
			const res = await fresh.get(r.pattern);
			assert.equal(res.status, 303, r.pattern);
			assert.equal(res.location, '/portal/', r.pattern);
		}
		assert.equal((await fresh.get('/portal/')).status, 200);
		assert.equal((await fresh.get('/portal/settings')).status, 200);
	});
});
