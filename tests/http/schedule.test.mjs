/*
 * Visits and the week schedule.  Times are typed in the company's time
 * zone and stored in UTC (checked in the database, summer and winter,
 * and across the clock changes); dates are strict; the first visit of an
 * Approved job makes it Scheduled; visits are changed with a version,
 * done or cancelled, each step in the job's history.  The week view has a
 * row per team member and a column per day; field staff see their own.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';

import {
	addStaff, dbValue, fieldErrors, flashFrom, formError, inputValue, signup, textOf,
} from '../lib/index.mjs';
import {
	addVisit, createJob, customer, jobEvents, jobRow, lastVisit, moveAlong,
} from './jobs-fixtures.mjs';

describe('visits in the company time zone', () => {
	let owner, field, c;

	before(async () => {
		owner = await signup({ timezone: 'America/New_York' });
		field = await addStaff(owner.client, 'field', { name: 'Fred Field' });
		c = await customer(owner.companyId, { name: 'Vera Visit' });
	});

	it('a summer visit at 09:00 New York is stored as 13:00 UTC; the first one schedules an Approved job', async () => {
		const job = await createJob(owner.client, { customer_id: c.id });
		await moveAlong(owner.client, job.id, ['estimating', 'approved']);
		const r = await addVisit(owner.client, job.id, { date: '2025-07-01', start: '09:00', end: '10:30',
			user: field.userId, notes: 'Ring twice' });
		assert.equal(r.status, 303);
		assert.equal(r.location, `/app/jobs/${job.id}#visits`);
		const v = await lastVisit(job.id);
		assert.deepEqual([v.startsAt, v.endsAt, v.userId, v.status, v.notes],
			['2025-07-01 13:00:00', '2025-07-01 14:30:00', field.userId, 'scheduled', 'Ring twice']);
		assert.equal((await jobRow(job.id)).status, 'scheduled');
		const ev = await jobEvents(job.id);
		assert.deepEqual(ev.slice(0, 2).map((e) => [e.kind, e.body]), [
			['status', 'Approved → Scheduled'],
			['visit', 'Visit scheduled for Tue 1 Jul 2025, 09:00–10:30 with Fred Field'],
		]);
		const page = await owner.client.follow(r);
		assert.equal(flashFrom(page.text)?.text, 'Visit scheduled.');
		assert.ok(textOf(page.text).includes('Tue 1 Jul 2025 09:00–10:30 Fred Field'));
		/* A second visit leaves the status alone. */
		assert.equal((await addVisit(owner.client, job.id, { date: '2025-07-02' })).status, 303);
		assert.equal((await jobEvents(job.id))[0].kind, 'visit');
	});

	it('winter time, another zone, and a job that is not Approved yet', async () => {
		const job = await createJob(owner.client, { customer_id: c.id });
		assert.equal((await addVisit(owner.client, job.id, { date: '2025-01-15', start: '09:00', end: '17:45' })).status, 303);
		const v = await lastVisit(job.id);
		assert.deepEqual([v.startsAt, v.endsAt, v.userId], ['2025-01-15 14:00:00', '2025-01-15 22:45:00', null]);
		assert.equal((await jobRow(job.id)).status, 'requested', 'a visit does not approve a job');
		const berlin = await signup({ timezone: 'Europe/Berlin' });
		const bc = await customer(berlin.companyId);
		const bj = await createJob(berlin.client, { customer_id: bc.id });
		assert.equal((await addVisit(berlin.client, bj.id, { date: '2025-07-01', start: '09:00', end: '10:00' })).status, 303);
		assert.equal((await lastVisit(bj.id)).startsAt, '2025-07-01 07:00:00');
	});

	it('the clock changes: a time that does not exist is refused, a time lived twice is the first one', async () => {
		const job = await createJob(owner.client, { customer_id: c.id });
		let r = await addVisit(owner.client, job.id, { date: '2025-03-09', start: '02:30', end: '04:00' });
		assert.equal(r.status, 422);
		assert.deepEqual(fieldErrors(r.text), { visit_start: "This time doesn't exist on that day (the clocks go forward)" });
		r = await addVisit(owner.client, job.id, { date: '2025-03-09', start: '01:00', end: '03:30' });
		assert.equal(r.status, 303);
		let v = await lastVisit(job.id);
		assert.deepEqual([v.startsAt, v.endsAt], ['2025-03-09 06:00:00', '2025-03-09 07:30:00'], 'a 1½ hour visit');
		r = await addVisit(owner.client, job.id, { date: '2025-11-02', start: '01:30', end: '03:00' });
		assert.equal(r.status, 303);
		v = await lastVisit(job.id);
		assert.deepEqual([v.startsAt, v.endsAt], ['2025-11-02 05:30:00', '2025-11-02 08:00:00']);
	});

	const bad = [
		[{ date: '2025-02-30' }, 'visit_date', 'Enter a date that exists, as YYYY-MM-DD'],
		[{ date: '2025-13-01' }, 'visit_date', 'Enter a date that exists, as YYYY-MM-DD'],
		[{ date: '01/07/2025' }, 'visit_date', 'Enter a date that exists, as YYYY-MM-DD'],
		[{ date: '' }, 'visit_date', 'Enter the date'],
		[{ start: '25:00' }, 'visit_start', 'Enter a time like 08:30'],
		[{ start: '' }, 'visit_start', 'Enter the start time'],
		[{ end: '9am' }, 'visit_end', 'Enter a time like 10:30'],
		[{ start: '10:00', end: '09:59' }, 'visit_end', 'The end must be after the start'],
		[{ start: '10:00', end: '10:00' }, 'visit_end', 'The end must be after the start'],
		[{ user: '99999999' }, 'visit_user', 'Choose someone from your team'],
		[{ user: 'abc' }, 'visit_user', 'Choose someone from your team'],
		[{ notes: 'n'.repeat(2001) }, 'visit_notes', 'This is too long'],
	];
	for (const [change, field_, msg] of bad)
		it(`${field_} ${JSON.stringify(Object.values(change)[0]).slice(0, 20)} → 422 "${msg}", kept, nothing saved`, async () => {
			const job = await createJob(owner.client, { customer_id: c.id });
			const form = { date: '2025-06-02', start: '09:00', end: '10:00', notes: 'Keep me', ...change };
			const r = await addVisit(owner.client, job.id, form);
			assert.equal(r.status, 422);
			assert.deepEqual(fieldErrors(r.text), { [field_]: msg });
			assert.equal(inputValue(r.text, 'visit_date'), form.date);
			assert.equal(inputValue(r.text, 'visit_start'), form.start);
			assert.match(r.text, /Please fix 1 field below/);
			assert.equal(await dbValue(`SELECT COUNT(*) FROM visits WHERE job_id = ${job.id}`), '0');
		});

	it('a removed team member can not be given a visit; a cancelled job takes none', async () => {
		const gone = await addStaff(owner.client, 'field');
		assert.equal((await owner.client.post(`/app/staff/${gone.userId}/remove`, {})).status, 303);
		const job = await createJob(owner.client, { customer_id: c.id });
		let r = await addVisit(owner.client, job.id, { date: '2025-06-02', user: gone.userId });
		assert.equal(r.status, 422);
		assert.deepEqual(Object.keys(fieldErrors(r.text)), ['visit_user']);
		await moveAlong(owner.client, job.id, ['cancelled']);
		r = await addVisit(owner.client, job.id, { date: '2025-06-02' });
		assert.equal(r.status, 422);
		assert.equal(formError(r.text), 'This job is cancelled: reopen it to schedule visits.');
		assert.equal(await dbValue(`SELECT COUNT(*) FROM visits WHERE job_id = ${job.id}`), '0');
	});

	it('a visit is changed with its version (409 when stale), then done; a done visit stays as it is', async () => {
		const job = await createJob(owner.client, { customer_id: c.id });
		await addVisit(owner.client, job.id, { date: '2025-07-01', start: '09:00', end: '10:00', user: field.userId });
		const v = await lastVisit(job.id);
		const page = await owner.client.get(`/app/visits/${v.id}`);
		assert.equal(page.status, 200);
		const form = Object.fromEntries(['visit_date', 'visit_start', 'visit_end', 'version']
			.map((n) => [n, inputValue(page.text, n)]));
		assert.deepEqual(form, { visit_date: '2025-07-01', visit_start: '09:00', visit_end: '10:00', version: '1' });
		assert.match(page.text, new RegExp(`<option value="${field.userId}" selected>`));
		let r = await owner.client.post(`/app/visits/${v.id}`, { ...form, visit_date: '2025-07-02', visit_start: '14:00',
			visit_end: '15:15', visit_user: '', visit_notes: 'Moved' });
		assert.equal(r.status, 303);
		assert.equal(r.location, `/app/jobs/${job.id}#visits`);
		const moved = await lastVisit(job.id);
		assert.deepEqual([moved.startsAt, moved.endsAt, moved.userId, moved.notes, moved.version],
			['2025-07-02 18:00:00', '2025-07-02 19:15:00', null, 'Moved', '2']);
		assert.equal((await jobEvents(job.id))[0].body, 'Visit changed to Wed 2 Jul 2025, 14:00–15:15');
		/* The same old form again: stale. */
		r = await owner.client.post(`/app/visits/${v.id}`, { ...form, visit_user: field.userId, visit_notes: 'Stale' });
		assert.equal(r.status, 409);
		assert.match(formError(r.text), /Someone else changed this visit/);
		assert.equal(inputValue(r.text, 'visit_start'), '14:00', 'the form shows the current values');
		assert.equal(inputValue(r.text, 'version'), '2');
		assert.equal((await lastVisit(job.id)).notes, 'Moved');
		/* Done. */
		r = await owner.client.post(`/app/visits/${v.id}/done`, {});
		assert.equal(r.status, 303);
		assert.equal(flashFrom((await owner.client.follow(r)).text)?.text, 'Visit marked done.');
		assert.equal((await lastVisit(job.id)).status, 'done');
		assert.equal((await jobEvents(job.id))[0].body, 'Visit of Wed 2 Jul 2025, 14:00–15:15 marked done');
		const after = await owner.client.get(`/app/visits/${v.id}`);
		assert.match(textOf(after.text), /This visit is done, so it can't be changed any more/);
		r = await owner.client.post(`/app/visits/${v.id}`, { ...form, version: '3' });
		assert.equal(r.status, 409);
		assert.match(formError(r.text), /marked done or cancelled meanwhile/);
		r = await owner.client.post(`/app/visits/${v.id}/cancel`, {});
		assert.equal(r.status, 303);
		assert.deepEqual(flashFrom((await owner.client.follow(r)).text), { kind: 'error', text: 'This visit is already done or cancelled.' });
		assert.equal((await lastVisit(job.id)).status, 'done');
	});

	it('a bad edit → 422 with the typed values; cancel works on a scheduled visit', async () => {
		const job = await createJob(owner.client, { customer_id: c.id });
		await addVisit(owner.client, job.id, { date: '2025-07-01' });
		const v = await lastVisit(job.id);
		let r = await owner.client.post(`/app/visits/${v.id}`, { visit_date: '2025-02-29', visit_start: '09:00',
			visit_end: '10:00', visit_user: '', visit_notes: '', version: '1' });
		assert.equal(r.status, 422);
		assert.deepEqual(Object.keys(fieldErrors(r.text)), ['visit_date']);
		assert.equal(inputValue(r.text, 'visit_date'), '2025-02-29');
		r = await owner.client.post(`/app/visits/${v.id}/cancel`, {});
		assert.equal(r.status, 303);
		assert.equal((await lastVisit(job.id)).status, 'cancelled');
		assert.match((await jobEvents(job.id))[0].body, /^Visit of Tue 1 Jul 2025, 09:00–10:00 cancelled$/);
	});
});

/* The schedule grid: { rowName: [7 cells of text] } and the column heads. */
function grid(html) {
	const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
	const rows = {};
	for (const tr of body.split('<tr>').slice(1)) {
		const name = textOf(/<th scope="row"[^>]*>([\s\S]*?)<\/th>/.exec(tr)?.[1] ?? '');
		rows[name] = [...tr.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => textOf(m[1]));
	}
	return rows;
}

describe('the week schedule', () => {
	let owner, f1, f2, c, job, other;

	before(async () => {
		owner = await signup({ timezone: 'America/New_York', owner_name: 'Olive Owner' });
		[f1, f2] = await Promise.all([addStaff(owner.client, 'field', { name: 'Fay One' }),
			addStaff(owner.client, 'field', { name: 'Gus Two' })]);
		c = await customer(owner.companyId, { name: 'Wanda Week' });
		job = await createJob(owner.client, { customer_id: c.id, title: 'Weekly' });
		other = await createJob(owner.client, { customer_id: c.id, title: 'Other' });
		const visits = [
			[job, { date: '2030-01-07', start: '09:00', end: '10:00', user: f1.userId }],	/* Monday */
			[other, { date: '2030-01-09', start: '14:00', end: '15:00', user: f1.userId }],	/* Wednesday */
			[job, { date: '2030-01-08', start: '08:00', end: '09:30', user: f2.userId }],	/* Tuesday */
			[job, { date: '2030-01-11', start: '10:00', end: '11:00' }],			/* Friday, nobody */
			[other, { date: '2030-01-13', start: '23:00', end: '23:45', user: f1.userId }],	/* Sunday night: Monday in UTC */
			[job, { date: '2030-01-14', start: '09:00', end: '10:00', user: f1.userId }],	/* next week */
			[job, { date: '2030-01-06', start: '09:00', end: '10:00', user: f1.userId }],	/* last week */
		];
		for (const [j, v] of visits)
			assert.equal((await addVisit(owner.client, j.id, v)).status, 303);
		await addVisit(owner.client, job.id, { date: '2030-01-10', start: '12:00', end: '13:00', user: f2.userId });
		await owner.client.post(`/app/visits/${(await lastVisit(job.id)).id}/cancel`, {});
	});

	it('a row per team member and a column per day, Monday to Sunday, in the company zone', async () => {
		const r = await owner.client.get('/app/schedule?week=2030-01-09');
		assert.equal(r.status, 200);
		assert.match(textOf(r.text), /Schedule 7 – 13 Jan 2030 · times in America\/New_York/);
		const heads = [...r.text.matchAll(/<th scope="col"[^>]*><span class="sched__dayname">(\w+)<\/span> <span class="sched__date">([^<]+)</g)]
			.map((m) => `${m[1]} ${m[2]}`);
		assert.deepEqual(heads, ['Mon 7 Jan', 'Tue 8 Jan', 'Wed 9 Jan', 'Thu 10 Jan', 'Fri 11 Jan', 'Sat 12 Jan', 'Sun 13 Jan']);
		const g = grid(r.text);
		assert.deepEqual(Object.keys(g).sort(), ['Fay One', 'Gus Two', 'Not assigned', 'Olive Owner'].sort());
		assert.deepEqual(g['Fay One'], [`09:00–10:00 #${job.number} Weekly Wanda Week`, '', `14:00–15:00 #${other.number} Other Wanda Week`,
			'', '', '', `23:00–23:45 #${other.number} Other Wanda Week`]);
		assert.deepEqual(g['Gus Two'], ['', `08:00–09:30 #${job.number} Weekly Wanda Week`, '', '', '', '', ''], 'the cancelled visit is not shown');
		assert.deepEqual(g['Not assigned'], ['', '', '', '', `10:00–11:00 #${job.number} Weekly Wanda Week`, '', '']);
		assert.deepEqual(g['Olive Owner'], ['', '', '', '', '', '', '']);
		assert.match(r.text, /href="\/app\/schedule\?week=2029-12-31" rel="prev"/);
		assert.match(r.text, /href="\/app\/schedule\?week=2030-01-14" rel="next"/);
		assert.match(textOf(r.text), /5 visits/);
	});

	it('one person at a time with ?user=; the links keep the choice', async () => {
		const r = await owner.client.get(`/app/schedule?week=2030-01-07&user=${f2.userId}`);
		assert.equal(r.status, 200);
		assert.deepEqual(Object.keys(grid(r.text)), ['Gus Two']);
		assert.match(r.text, new RegExp(`href="/app/schedule\\?week=2030-01-14&amp;user=${f2.userId}" rel="next"`));
		for (const user of ['0', 'abc', '99999999'])
			assert.equal((await owner.client.get(`/app/schedule?user=${user}`)).status, 404, user);
	});

	it('a date that does not exist is a bad request; a week across the new year reads well', async () => {
		for (const week of ['2030-02-30', '2030-1-7', 'next'])
			assert.equal((await owner.client.get(`/app/schedule?week=${week}`)).status, 400, week);
		const r = await owner.client.get('/app/schedule?week=2025-12-31');
		assert.match(textOf(r.text), /29 Dec 2025 – 4 Jan 2026/);
	});

	it('field staff see only their own row and visits, whatever ?user= says', async () => {
		for (const q of ['?week=2030-01-09', `?week=2030-01-09&user=${f2.userId}`, `?week=2030-01-09&user=${owner.userId}`]) {
			const r = await f1.client.get(`/app/schedule${q}`);
			assert.equal(r.status, 200, q);
			const g = grid(r.text);
			assert.deepEqual(Object.keys(g), ['Fay One'], q);
			assert.ok(!textOf(r.text).includes('08:00–09:30'), "Gus's visit is not there");
			assert.doesNotMatch(r.text, /name="user"/, 'no choice of person');
		}
		const dash = await f1.client.get('/app/');
		assert.equal(dash.status, 200);
	});
});
