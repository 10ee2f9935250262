/*
 * The customer portal from the database side: a customer's portal person,
 * a portal session (cookie pl_portal: a 43-char token whose SHA-256 is the
 * row's token_hash) and sign-in links, inserted directly so a test can start
 * signed in, with an old proof of address, or with a spent/expired link —
 * things HTTP can't set up.  Sign-in itself is tested through the app
 * (tests/http/portal_auth.test.mjs).
 */
import { createHash, randomBytes } from 'node:crypto';

import { db, sqlString } from './db.mjs';
import { Client, uniq, uniqueEmail } from './http.mjs';

/* The portal's cookie name on the test stacks (no TLS, so no __Host- prefix). */
export const PORTAL_COOKIE = 'pl_portal';

/* A new 43-char base64url token, like token_new() in fcgi/crypto.c. */
export function portalToken() {
	return randomBytes(32).toString('base64url');
}

/* SHA-256 of a token as hex (UNHEX() it in SQL), like token_hash(). */
export function portalTokenHash(token) {
	return createHash('sha256').update(token).digest('hex');
}

async function insertId(sql) {
	return Number((await db(`${sql}; SELECT LAST_INSERT_ID()`))[0][0]);
}

/*
 * A customer of companyId with an address.  Resolves { customerId, name,
 * email }.
 */
export async function portalCustomerRow(companyId, { name = `Customer ${uniq('pc')}`, email = uniqueEmail('cust') } = {}) {
	const customerId = await insertId(`INSERT INTO customers (company_id, name, email, notes)
	    VALUES (${companyId}, ${sqlString(name)}, ${sqlString(email.toLowerCase())}, '')`);
	return { customerId, name, email: email.toLowerCase() };
}

/*
 * A portal person of customerId (its own address, or contactId's).
 * Resolves { id, companyId, customerId, contactId, name, email }.
 */
export async function portalPerson({ companyId, customerId, contactId = null, name = `Person ${uniq('pp')}`,
	email = uniqueEmail('portal') }) {
	email = email.toLowerCase();
	const id = await insertId(`INSERT INTO portal_people (company_id, customer_id, contact_id, name, email)
	    VALUES (${companyId}, ${customerId}, ${contactId ?? 'NULL'}, ${sqlString(name)}, ${sqlString(email)})`);
	return { id, companyId, customerId, contactId, name, email };
}

/*
 * A customer of companyId and its portal person in one go.  Resolves the
 * person ({ id, companyId, customerId, name, email, ... }).
 */
export async function portalCustomer(companyId, opts = {}) {
	const c = await portalCustomerRow(companyId, opts);
	return portalPerson({ companyId, customerId: c.customerId, name: c.name, email: c.email });
}

/*
 * A portal session row for person.  opts: documentId (the document its link
 * opened, default none), verifiedAgo / createdAgo / lastSeenAgo (seconds
 * before now; verifiedAgo 0 = address just proven, so the whole portal is
 * open), ip, userAgent.  Resolves { id, token }.
 */
export async function portalSession(person, { documentId = null, verifiedAgo = 0, createdAgo = 0, lastSeenAgo = 0,
	ip = '127.0.0.1', userAgent = 'tests/lib/portal.mjs' } = {}) {
	const token = portalToken();
	const id = await insertId(`INSERT INTO portal_sessions (token_hash, company_id, person_id, document_id,
	    verified_at, created_at, last_seen_at, ip, user_agent) VALUES (UNHEX('${portalTokenHash(token)}'),
	    ${person.companyId}, ${person.id}, ${documentId ?? 'NULL'}, NOW() - INTERVAL ${Number(verifiedAgo)} SECOND,
	    NOW() - INTERVAL ${Number(createdAgo)} SECOND, NOW() - INTERVAL ${Number(lastSeenAgo)} SECOND,
	    ${sqlString(ip)}, ${sqlString(userAgent)})`);
	return { id, token };
}

/*
 * A Client signed in to the portal as person (a new session, options as
 * portalSession's, plus clientOpts for the Client).  Resolves the client;
 * client.portal = { sessionId, token, person }.
 */
export async function portalClient(person, opts = {}, clientOpts = {}) {
	const s = await portalSession(person, opts);
	const client = new Client(clientOpts);
	client.setCookie(PORTAL_COOKIE, s.token);
	client.portal = { sessionId: s.id, token: s.token, person };
	return client;
}

/*
 * A sign-in link row for person (what portal_link_new makes).  opts:
 * documentId, createdAgo (seconds), expiresIn (seconds from now; negative:
 * expired), used, revoked.  Resolves { id, token, path }.
 */
export async function portalLink(person, { documentId = null, createdAgo = 0, expiresIn = 7 * 86400, used = false,
	revoked = false } = {}) {
	const token = portalToken();
	const id = await insertId(`INSERT INTO portal_links (token_hash, company_id, person_id, document_id, created_at,
	    expires_at, used_at, revoked_at) VALUES (UNHEX('${portalTokenHash(token)}'), ${person.companyId}, ${person.id},
	    ${documentId ?? 'NULL'}, NOW() - INTERVAL ${Number(createdAgo)} SECOND,
	    NOW() + INTERVAL ${Number(expiresIn)} SECOND, ${used ? 'NOW()' : 'NULL'}, ${revoked ? 'NOW()' : 'NULL'})`);
	return { id, token, path: `/portal/l/${token}` };
}

/* How many portal sessions person has (a check that a request made none, or one). */
export async function portalSessionCount(person) {
	return Number((await db(`SELECT COUNT(*) FROM portal_sessions WHERE person_id = ${person.id}`))[0][0]);
}

/*
 * Follow a sign-in link as a customer would: GET the confirm page, POST it.
 * Resolves { client, page, res } — res is the POST's answer (a 303 into
 * /portal/ when the link was good, the client then signed in).
 */
export async function portalFollowLink(link, client = new Client()) {
	const path = link.startsWith('http') ? new URL(link).pathname : link;
	const page = await client.get(path);
	const res = await client.post(path, {}, { csrf: page.csrf ?? undefined });
	return { client, page, res };
}
