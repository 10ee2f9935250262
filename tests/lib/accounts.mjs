/*
 * Accounts through the app itself: sign up a company with its owner, sign
 * in, invite staff and accept the invitation.  Each helper throws with
 * the status and page text when the app doesn't answer as expected, so a
 * test fails at the step that broke.
 */
import { db, sqlString } from './db.mjs';
import { Client, csrfFrom, fieldErrors, formError, textOf, uniq, uniqueEmail } from './http.mjs';
import { reEscape, waitForMail } from './mail.mjs';
import { BASE_URL } from './env.mjs';

/* The password the helpers use unless told otherwise (10+ characters). */
export const PASSWORD = 'correct horse battery';

function fail(what, r) {
	const errs = JSON.stringify(fieldErrors(r.text));
	return new Error(`${what}: status ${r.status}${r.location ? ` → ${r.location}` : ''}; ` +
	    `form error: ${formError(r.text) ?? '-'}; field errors: ${errs}; ` +
	    `page: ${textOf(r.text).slice(0, 300)}`);
}

/* { id, companyId, role, status, name } of the user with this e-mail, or null. */
export async function userByEmail(email) {
	const rows = await db(`SELECT id, company_id, role, status, name FROM users WHERE email = ${sqlString(email.toLowerCase())}`);
	if (!rows.length)
		return null;
	const [id, companyId, role, status, name] = rows[0];
	return { id: Number(id), companyId: Number(companyId), role, status, name };
}

/* The signup form's fields for a new company, with overrides. */
export function signupFields(overrides = {}) {
	const id = uniq('co');
	return {
		name: `Test Co ${id}`,
		trade: 'plumbing',
		street: '', city: '', region: '', postal_code: '',
		phone: '+1 555 010 0199', email: `office-${id}@example.test`.toLowerCase(), hours: '',
		timezone: 'America/New_York',
		owner_name: `Owner ${id}`,
		owner_email: uniqueEmail('owner'),
		password: PASSWORD,
		...overrides,
	};
}

/*
 * Sign up a new company and its owner: signup(client?, overrides?) or
 * signup(overrides).  Resolves { client (signed in as the owner), email,
 * password, name, companyName, companyId, userId, fields }.
 */
export async function signup(client, overrides) {
	if (!(client instanceof Client)) {
		overrides = client;
		client = new Client();
	}
	const fields = signupFields(overrides);
	await client.get('/signup');
	const r = await client.post('/signup', fields);
	if (r.status !== 303 || r.location !== '/app/')
		throw fail('signup', r);
	/* Ids from the database of the stack under test (not for a client of a private stack). */
	const u = client.base === BASE_URL ? await userByEmail(fields.owner_email) : null;
	return {
		client, email: fields.owner_email, password: fields.password, name: fields.owner_name,
		companyName: fields.name, companyId: u?.companyId, userId: u?.id, fields,
	};
}

/* POST /login; resolves the response (no checks). */
export async function tryLogin(email, password, { client = new Client(), next } = {}) {
	/* (pass a client of a private stack to sign in there) */
	const fields = { email, password };
	if (next !== undefined)
		fields.next = next;
	return client.post('/login', fields);
}

/* Sign in; resolves the signed-in client (throws unless the app redirects into /app/). */
export async function login(email, password, opts = {}) {
	const client = opts.client ?? new Client();
	const r = await tryLogin(email, password, { ...opts, client });
	if (r.status !== 303 || !String(r.location).startsWith('/app/'))
		throw fail(`login ${email}`, r);
	return client;
}

/*
 * As owner (a signed-in Client), invite someone; waits for the mail.
 * Resolves { email, name, role, link, token, mail }.
 */
export async function invite(owner, { role = 'field', name = `Staff ${uniq('s')}`, email = uniqueEmail(role) } = {}) {
	const r = await owner.post('/app/staff/invite', { name, email, role });
	if (r.status !== 303)
		throw fail(`invite ${email}`, r);
	const mail = await waitForMail({ to: email, subject: 'invited you',
	    link: new RegExp(`${reEscape(BASE_URL)}/invite\\?token=[A-Za-z0-9_-]+`) });
	if (!mail.link)
		throw new Error(`invitation mail to ${email} has no /invite link:\n${mail.text}`);
	return { email, name, role, link: mail.link, token: new URL(mail.link).searchParams.get('token'), mail };
}

/* The path and query of an absolute link of this site. */
export function pathOf(link) {
	const u = new URL(link, BASE_URL);
	return u.pathname + u.search;
}

/*
 * Accept an invitation link: GET it (for the CSRF token), POST name and
 * password.  Resolves { client, res } — client is signed in when res is a 303.
 */
export async function acceptInvite(link, { name = `Staff ${uniq('n')}`, password = PASSWORD, client = new Client() } = {}) {
	const token = new URL(link).searchParams.get('token');
	const page = await client.get(pathOf(link));
	const csrf = csrfFrom(page.text) ?? undefined;
	const res = await client.post('/invite', { token, name, password, password2: password }, { csrf });
	return { client, res, name, password };
}

/*
 * A signed-in staff member of owner's company with this role (invited and
 * accepted).  Resolves { client, email, password, name, role, userId }.
 */
export async function addStaff(owner, role, opts = {}) {
	const inv = await invite(owner, { role, ...opts });
	const { client, res, name, password } = await acceptInvite(inv.link, opts);
	if (res.status !== 303)
		throw fail(`accept invitation of ${inv.email}`, res);
	const u = await userByEmail(inv.email);
	return { client, email: inv.email, password, name, role, userId: u.id };
}
