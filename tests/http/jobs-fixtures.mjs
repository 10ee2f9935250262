/*
 * Shared by the job, visit, stage, schedule and dashboard tests: customers
 * and properties inserted in the database (their pages belong to another
 * feature), jobs made through the app, and the rows the app keeps for
 * them, read back for assertions.
 */
import assert from 'node:assert/strict';

import { db, dbRow, dbValue, sqlString, uniq } from '../lib/index.mjs';

/* A customer of companyId with `properties` properties; { id, name, propertyIds }. */
export async function customer(companyId, { name = `Customer ${uniq('c')}`, properties = 1 } = {}) {
	const id = Number((await db(`INSERT INTO customers (company_id, name, email, notes)
	    VALUES (${companyId}, ${sqlString(name)}, '', ''); SELECT LAST_INSERT_ID()`))[0][0]);
	const propertyIds = [];
	for (let i = 0; i < properties; i++)
		propertyIds.push(Number((await db(`INSERT INTO properties (company_id, customer_id, label, street, city)
		    VALUES (${companyId}, ${id}, ${sqlString(i ? `Site ${i}` : 'Home')}, ${sqlString(`${10 + i} Elm Street`)},
		    'Springfield'); SELECT LAST_INSERT_ID()`))[0][0]));
	return { id, name, propertyIds };
}

/*
 * POST /app/jobs as client; asserts the 303.  Resolves { id, number,
 * title }.  fields override the form (customer_id is required).
 */
export async function createJob(client, fields) {
	const title = fields.title ?? `Job ${uniq('j')}`;
	const r = await client.post('/app/jobs', { property_id: '', description: '', ...fields, title });
	assert.equal(r.status, 303, `create job: ${r.status} ${r.text.slice(0, 400)}`);
	const id = Number(/^\/app\/jobs\/(\d+)$/.exec(r.location)?.[1]);
	assert.ok(id > 0, `redirected to the job: ${r.location}`);
	const number = Number(await dbValue(`SELECT number FROM jobs WHERE id = ${id}`));
	return { id, number, title };
}

/* A company's customer and a job for it through the app: { customer, job }. */
export async function customerWithJob(owner, jobFields = {}) {
	const c = await customer(owner.companyId);
	const job = await createJob(owner.client, { customer_id: c.id, property_id: c.propertyIds[0], ...jobFields });
	return { customer: c, job };
}

const JOB_COLS = ['status', 'number', 'title', 'description', 'property_id', 'is_project', 'version', 'customer_id'];

/* The job's row as strings (property_id null when none). */
export function jobRow(id) {
	return dbRow(`SELECT ${JOB_COLS.join(', ')} FROM jobs WHERE id = ${id}`, JOB_COLS);
}

/* The job's history, newest first: [{ kind, body, visible, userId, documentId }]. */
export async function jobEvents(id) {
	const rows = await db(`SELECT kind, body, visible_to_customer, user_id, document_id FROM job_events
	    WHERE job_id = ${id} ORDER BY id DESC`);
	return rows.map(([kind, body, visible, userId, documentId]) =>
		({ kind, body, visible: visible === '1', userId: userId && Number(userId), documentId }));
}

/* POST a status move; resolves the response. */
export function move(client, jobId, to) {
	return client.post(`/app/jobs/${jobId}/status`, { to });
}

/* Move a job along the given statuses, asserting each 303. */
export async function moveAlong(client, jobId, statuses) {
	for (const to of statuses) {
		const r = await move(client, jobId, to);
		assert.equal(r.status, 303, `move to ${to}: ${r.status} ${r.text.slice(0, 300)}`);
	}
}

/* The visit form; resolves the response of POST /app/jobs/:id/visits. */
export function addVisit(client, jobId, { date, start = '09:00', end = '10:00', user = '', notes = '' }) {
	return client.post(`/app/jobs/${jobId}/visits`,
		{ visit_date: date, visit_start: start, visit_end: end, visit_user: user, visit_notes: notes });
}

/* The newest visit of a job: { id, userId, startsAt, endsAt, status, notes, version } (UTC strings). */
export async function lastVisit(jobId) {
	const v = await dbRow(`SELECT id, user_id, starts_at, ends_at, status, notes, version FROM visits
	    WHERE job_id = ${jobId} ORDER BY id DESC LIMIT 1`, ['id', 'userId', 'startsAt', 'endsAt', 'status', 'notes', 'version']);
	return v && { ...v, id: Number(v.id), userId: v.userId && Number(v.userId) };
}

/* The job statuses of the pipeline a person reads on the buttons: the `to` values offered. */
export function offeredMoves(html) {
	return [...String(html).matchAll(/<input type="hidden" name="to" value="([a-z_]+)">/g)].map((m) => m[1]);
}

/* A checksum of everything a company has in the job tables (for "changed nothing"). */
export async function jobTablesState(companyId) {
	const parts = [];
	for (const [table, cols, order] of [
		['jobs', 'id, number, status, title, description, property_id, is_project, version', 'id'],
		['visits', 'id, job_id, user_id, starts_at, ends_at, status, notes, version', 'id'],
		['stages', 'id, job_id, position, name, status, starts_on, ends_on, version', 'id'],
		['job_events', 'id, job_id, kind, body, visible_to_customer', 'id'],
		['counters', 'kind, last_value', 'kind'],
	])
		parts.push(await dbValue(`SET SESSION group_concat_max_len = 67108864;
		    SELECT COALESCE(SHA2(GROUP_CONCAT(CONCAT_WS('|', ${cols}) ORDER BY ${order} SEPARATOR '\\n'), 256), '-')
		    FROM ${table} WHERE company_id = ${companyId}`));
	return parts.join(' ');
}
