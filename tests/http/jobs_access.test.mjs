/*
 * Who reaches jobs, visits, stages and the schedule.  Tenancy: for every
 * route of these features in the route table (so a new one can't slip
 * past) and every id it takes, company B acting on company A's ids — and
 * on 0, -1, huge and non-numeric ids — gets 404 and changes nothing of A.
 * Roles: office staff work like owners; field staff only see the jobs
 * they have a visit on, only their own visits, and change nothing.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';

import { addStaff, dbValue, routeTable, signup, textOf, titleOf } from '../lib/index.mjs';
import {
	addVisit, createJob, customer, jobTablesState, lastVisit, moveAlong,
} from './jobs-fixtures.mjs';

/* The routes of these features (documents made from a job are another feature's). */
const MINE = /^\/app\/(jobs|visits|stages|schedule)(\/(?!:id\/(estimates|invoices)\b)|$)/;

/* A company with a project job, a visit and a stage of its own. */
async function fullCompany(name) {
	const owner = await signup({ name: `${name} ${Date.now()}` });
	const field = await addStaff(owner.client, 'field');
	const c = await customer(owner.companyId, { name: `${name} Customer Secret` });
	const job = await createJob(owner.client, { customer_id: c.id, property_id: c.propertyIds[0],
		title: `${name} Secret Job`, is_project: '1' });
	assert.equal((await addVisit(owner.client, job.id, { date: '2030-01-07', start: '09:00', end: '11:00',
		user: field.userId, notes: `${name} visit notes` })).status, 303);
	const visit = await lastVisit(job.id);
	assert.equal((await owner.client.post(`/app/jobs/${job.id}/stages`, { stage_name: `${name} Stage` })).status, 303);
	const stageId = Number(await dbValue(`SELECT id FROM stages WHERE job_id = ${job.id}`));
	await owner.client.post(`/app/jobs/${job.id}/notes`, { note: `${name} private note` });
	await owner.client.get('/app/');	/* shows (and so ends) the last flash message */
	return { owner, field, customer: c, job, visit, stageId };
}

/* A body for each POST that would succeed on one's own record. */
function bodyFor(pattern, a) {
	return {
		'/app/jobs': { customer_id: a.customer.id, title: 'Stolen job' },
		'/app/jobs/:id': { title: 'Hijacked', description: '', property_id: '', version: '1' },
		'/app/jobs/:id/status': { to: 'cancelled' },
		'/app/jobs/:id/notes': { note: 'Hijacked note' },
		'/app/jobs/:id/visits': { visit_date: '2030-01-08', visit_start: '09:00', visit_end: '10:00', visit_user: '', visit_notes: '' },
		'/app/jobs/:id/stages': { stage_name: 'Hijacked stage' },
		'/app/visits/:id': { visit_date: '2030-01-09', visit_start: '09:00', visit_end: '10:00', visit_user: '', visit_notes: '', version: '1' },
		'/app/visits/:id/done': {},
		'/app/visits/:id/cancel': {},
		'/app/stages/:id': { name: 'Hijacked', status: 'done', starts_on: '', ends_on: '', version: '1' },
		'/app/stages/:id/status': { status: 'done' },
		'/app/stages/:id/up': {},
		'/app/stages/:id/down': {},
		'/app/stages/:id/delete': {},
	}[pattern];
}

/* A's id for the :id of a pattern. */
function idFor(pattern, a) {
	if (pattern.startsWith('/app/jobs/'))
		return a.job.id;
	if (pattern.startsWith('/app/visits/'))
		return a.visit.id;
	if (pattern.startsWith('/app/stages/'))
		return a.stageId;
	throw new Error(`no id kind for ${pattern}`);
}

describe('tenancy of jobs, visits, stages and the schedule', () => {
	let a, b, routes;

	before(async () => {
		[a, b] = await Promise.all([fullCompany('Alpha'), fullCompany('Bravo')]);
		routes = (await routeTable()).filter((r) => MINE.test(r.pattern));
	});

	it('the route table has the routes this file knows', () => {
		const known = new Set(['GET /app/jobs', 'POST /app/jobs', 'GET /app/jobs/new', 'GET /app/jobs/:id',
			'POST /app/jobs/:id', 'GET /app/jobs/:id/edit', 'POST /app/jobs/:id/status', 'POST /app/jobs/:id/notes',
			'POST /app/jobs/:id/visits', 'POST /app/jobs/:id/stages', 'GET /app/visits/:id', 'POST /app/visits/:id',
			'POST /app/visits/:id/done', 'POST /app/visits/:id/cancel', 'GET /app/stages/:id', 'POST /app/stages/:id',
			'POST /app/stages/:id/status', 'POST /app/stages/:id/up', 'POST /app/stages/:id/down',
			'POST /app/stages/:id/delete', 'GET /app/schedule']);
		assert.deepEqual(routes.map((r) => `${r.method} ${r.pattern}`).sort(), [...known].sort());
		for (const r of routes)
			if (r.method === 'POST')
				assert.ok(bodyFor(r.pattern, a), `a body for POST ${r.pattern}`);
	});

	it("B gets 404 on every id-bearing route with A's ids, like ids that don't exist; A is unchanged", async () => {
		const before = await jobTablesState(a.owner.companyId);
		const answers = new Set();
		for (const r of routes.filter((x) => x.pattern.includes(':id'))) {
			for (const id of [idFor(r.pattern, a), 0, -1, 99999999999, 'abc', '1e3', `${idFor(r.pattern, a)}x`]) {
				const path = r.pattern.replace(':id', String(id));
				const res = r.method === 'GET' ? await b.owner.client.get(path) :
				    await b.owner.client.post(path, bodyFor(r.pattern, a));
				assert.equal(res.status, 404, `${r.method} ${path}`);
				assert.ok(!textOf(res.text).includes('Alpha'), `${r.method} ${path} shows nothing of A`);
				answers.add(`${titleOf(res.text)}|${textOf(res.text).replace(/Bravo[^ ]*/g, '')}`);
			}
		}
		assert.equal(answers.size, 1, `one and the same 404 page everywhere: ${[...answers].join('\n')}`);
		assert.equal(await jobTablesState(a.owner.companyId), before, "nothing of A's jobs, visits, stages, history or counter changed");
	});

	it("B's list, schedule and new-job pages never show A; A's customer and staff ids are refused", async () => {
		const before = await jobTablesState(a.owner.companyId);
		for (const path of ['/app/jobs?status=all', '/app/jobs?status=all&q=Alpha', '/app/schedule?week=2030-01-07', '/app/',
			'/app/jobs/new']) {
			const r = await b.owner.client.get(path);
			assert.equal(r.status, 200, path);
			for (const secret of ['Alpha Secret Job', 'Alpha Customer Secret', 'Alpha visit notes', 'Alpha private note'])
				assert.ok(!textOf(r.text).includes(secret), `${path} shows nothing of A`);
		}
		assert.equal((await b.owner.client.get(`/app/jobs/new?customer_id=${a.customer.id}`)).status, 404);
		assert.equal((await b.owner.client.get(`/app/schedule?user=${a.owner.userId}`)).status, 404);
		assert.equal((await b.owner.client.get(`/app/schedule?user=${a.field.userId}`)).status, 404);
		const r = await b.owner.client.post('/app/jobs', bodyFor('/app/jobs', a));
		assert.equal(r.status, 422, "A's customer is no customer of B's");
		const v = await b.owner.client.post(`/app/jobs/${b.job.id}/visits`, { ...bodyFor('/app/jobs/:id/visits', a), visit_user: a.field.userId });
		assert.equal(v.status, 422, "A's staff can't be given B's visits");
		assert.match(textOf(v.text), /Choose someone from your team/);
		const e = await b.owner.client.post(`/app/jobs/${b.job.id}`, { title: 'x', property_id: a.customer.propertyIds[0], version: '1' });
		assert.equal(e.status, 422, "A's property can't be B's job's");
		assert.equal(await jobTablesState(a.owner.companyId), before);
		assert.equal(await dbValue(`SELECT COUNT(*) FROM jobs WHERE title = 'Stolen job'`), '0');
	});
});

describe('CSRF on the POST routes of jobs, visits and stages', () => {
	it('a missing, empty, foreign or tampered form token → 403 and nothing changes', async () => {
		const a = await fullCompany('Charlie');
		const stranger = await signup();
		const good = await a.owner.client.csrf();
		const tokens = [false, '', 'x'.repeat(good.length), await stranger.client.csrf(),
			good.slice(0, -1) + (good.endsWith('A') ? 'B' : 'A')];
		const before = await jobTablesState(a.owner.companyId);
		const posts = (await routeTable()).filter((r) => MINE.test(r.pattern) && r.method === 'POST');
		assert.ok(posts.length >= 14);
		for (const r of posts) {
			const path = r.pattern.includes(':id') ? r.pattern.replace(':id', idFor(r.pattern, a)) : r.pattern;
			for (const csrf of tokens) {
				const res = await a.owner.client.post(path, bodyFor(r.pattern, a), { csrf });
				assert.equal(res.status, 403, `POST ${path} with token ${JSON.stringify(csrf).slice(0, 12)}`);
			}
		}
		assert.equal(await jobTablesState(a.owner.companyId), before);
	});
});

describe('roles on jobs', () => {
	let owner, office, field, other, c, mine, notMine;

	before(async () => {
		owner = await signup();
		[office, field, other] = await Promise.all([addStaff(owner.client, 'office'), addStaff(owner.client, 'field'),
			addStaff(owner.client, 'field')]);
		c = await customer(owner.companyId, { name: 'Carla Customer' });
		mine = await createJob(owner.client, { customer_id: c.id, title: 'Field has a visit', is_project: '1' });
		notMine = await createJob(owner.client, { customer_id: c.id, title: 'Field has none' });
		await addVisit(owner.client, mine.id, { date: '2030-02-04', start: '08:00', end: '09:00', user: field.userId, notes: 'Mine' });
		await addVisit(owner.client, mine.id, { date: '2030-02-05', start: '08:00', end: '09:00', user: other.userId, notes: 'Theirs' });
		await addVisit(owner.client, notMine.id, { date: '2030-02-04', start: '13:00', end: '14:00', user: other.userId });
		await owner.client.post(`/app/jobs/${mine.id}/stages`, { stage_name: 'Only stage' });
	});

	it('office staff create and move jobs like the owner', async () => {
		const job = await createJob(office.client, { customer_id: c.id, title: 'By the office' });
		await moveAlong(office.client, job.id, ['estimating']);
		assert.equal((await office.client.post(`/app/jobs/${job.id}/notes`, { note: 'Office note' })).status, 303);
		const r = await office.client.get(`/app/jobs/${job.id}`);
		assert.match(r.text, /action="\/app\/jobs\/\d+\/status"/);
	});

	it('field staff list and open only the jobs they have a visit on, read-only, with their own visits', async () => {
		const list = await field.client.get('/app/jobs?status=all');
		assert.equal(list.status, 200);
		assert.ok(textOf(list.text).includes('Field has a visit'));
		assert.ok(!textOf(list.text).includes('Field has none'));
		assert.doesNotMatch(list.text, /href="\/app\/jobs\/new"/);
		const page = await field.client.get(`/app/jobs/${mine.id}`);
		assert.equal(page.status, 200);
		assert.ok(textOf(page.text).includes('Mine'));
		assert.ok(!textOf(page.text).includes('Theirs'), "another person's visit is not shown");
		assert.ok(textOf(page.text).includes('Only stage'), 'the stages are shown');
		assert.doesNotMatch(page.text, /<form method="post" action="\/app\/(jobs|visits|stages)\//, 'no forms that change anything');
		assert.doesNotMatch(page.text, /action="\/app\/jobs\/\d+\/(notes|visits|stages|status)"/);
		assert.equal((await field.client.get(`/app/jobs/${notMine.id}`)).status, 404);
	});

	it('field staff get 403 on every form page and change, and nothing changes', async () => {
		const before = await jobTablesState(owner.companyId);
		const visitId = (await lastVisit(mine.id)).id;
		const stageId = Number(await dbValue(`SELECT id FROM stages WHERE job_id = ${mine.id}`));
		const ids = { '/app/jobs/': mine.id, '/app/visits/': visitId, '/app/stages/': stageId };
		for (const r of (await routeTable()).filter((x) => MINE.test(x.pattern) && x.access !== 'field')) {
			const prefix = Object.keys(ids).find((p) => r.pattern.startsWith(p));
			const path = r.pattern.replace(':id', prefix ? ids[prefix] : '');
			const res = r.method === 'GET' ? await field.client.get(path) :
			    await field.client.post(path, bodyFor(r.pattern, { customer: c }) ?? {});
			assert.equal(res.status, 403, `${r.method} ${path}`);
		}
		assert.equal(await jobTablesState(owner.companyId), before);
	});

	it('a cancelled visit no longer opens the job to the field user', async () => {
		const job = await createJob(owner.client, { customer_id: c.id, title: 'Called off' });
		await addVisit(owner.client, job.id, { date: '2030-02-06', user: field.userId });
		assert.equal((await field.client.get(`/app/jobs/${job.id}`)).status, 200);
		await owner.client.post(`/app/visits/${(await lastVisit(job.id)).id}/cancel`, {});
		assert.equal((await field.client.get(`/app/jobs/${job.id}`)).status, 404);
	});
});
