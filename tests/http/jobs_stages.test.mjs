/*
 * Projects: a job marked as a project has ordered stages (add, rename,
 * reorder up and down, status pending / in progress / done, dates, remove)
 * and a progress derived from them: done stages over all stages.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';

import { db, dbValue, fieldErrors, formError, inputValue, signup, textOf } from '../lib/index.mjs';
import { createJob, customer, jobEvents } from './jobs-fixtures.mjs';

async function stages(jobId) {
	return (await db(`SELECT id, name, status, COALESCE(starts_on, ''), COALESCE(ends_on, ''), version FROM stages
	    WHERE job_id = ${jobId} ORDER BY position, id`))
		.map(([id, name, status, startsOn, endsOn, version]) => ({ id: Number(id), name, status, startsOn, endsOn, version }));
}

function progress(html) {
	const m = /<progress class="progress" max="100" value="(\d+)"/.exec(html);
	return m ? Number(m[1]) : null;
}

describe('project stages', () => {
	let owner, c, project;

	before(async () => {
		owner = await signup();
		c = await customer(owner.companyId);
		project = await createJob(owner.client, { customer_id: c.id, title: 'Kitchen remodel', is_project: '1' });
		for (const [name, s, e] of [['Demolition', '2030-03-04', '2030-03-05'], ['Rough-in', '', ''], ['Tiling', '2030-03-11', ''],
			['Finish', '', '2030-03-20']]) {
			const r = await owner.client.post(`/app/jobs/${project.id}/stages`,
				{ stage_name: name, stage_starts_on: s, stage_ends_on: e });
			assert.equal(r.status, 303);
			assert.equal(r.location, `/app/jobs/${project.id}#stages`);
		}
	});

	it('stages are added in order with their dates; progress starts at 0 %', async () => {
		const s = await stages(project.id);
		assert.deepEqual(s.map((x) => [x.name, x.status, x.startsOn, x.endsOn]), [
			['Demolition', 'pending', '2030-03-04', '2030-03-05'], ['Rough-in', 'pending', '', ''],
			['Tiling', 'pending', '2030-03-11', ''], ['Finish', 'pending', '', '2030-03-20']]);
		const page = await owner.client.get(`/app/jobs/${project.id}`);
		assert.equal(progress(page.text), 0);
		assert.match(textOf(page.text), /0 of 4 done/);
		assert.match(textOf(page.text), /1\. Demolition Pending 4 Mar 2030 – 5 Mar 2030/);
	});

	it('progress is done stages over all of them; each status change is in the history', async () => {
		const [a, b] = await stages(project.id);
		assert.equal((await owner.client.post(`/app/stages/${a.id}/status`, { status: 'done' })).status, 303);
		assert.equal((await owner.client.post(`/app/stages/${b.id}/status`, { status: 'in_progress' })).status, 303);
		let page = await owner.client.get(`/app/jobs/${project.id}`);
		assert.equal(progress(page.text), 25, 'in progress is not done');
		assert.match(textOf(page.text), /1 of 4 done/);
		const ev = await jobEvents(project.id);
		assert.deepEqual(ev.slice(0, 2).map((e) => e.body), ['Stage “Rough-in”: Pending → In progress', 'Stage “Demolition”: Pending → Done']);
		/* The same status again adds nothing. */
		await owner.client.post(`/app/stages/${a.id}/status`, { status: 'done' });
		assert.equal((await jobEvents(project.id)).length, ev.length);
		await owner.client.post(`/app/stages/${b.id}/status`, { status: 'done' });
		page = await owner.client.get(`/app/jobs/${project.id}`);
		assert.equal(progress(page.text), 50);
		const r = await owner.client.post(`/app/stages/${a.id}/status`, { status: 'finished' });
		assert.equal(r.status, 422);
		assert.match(formError(r.text), /Choose a stage status/);
	});

	it('stages move up and down; the first and last stay where they are', async () => {
		let s = await stages(project.id);
		assert.equal((await owner.client.post(`/app/stages/${s[2].id}/up`, {})).status, 303);
		assert.deepEqual((await stages(project.id)).map((x) => x.name), ['Demolition', 'Tiling', 'Rough-in', 'Finish']);
		s = await stages(project.id);
		await owner.client.post(`/app/stages/${s[0].id}/up`, {});
		await owner.client.post(`/app/stages/${s[3].id}/down`, {});
		assert.deepEqual((await stages(project.id)).map((x) => x.name), ['Demolition', 'Tiling', 'Rough-in', 'Finish']);
		await owner.client.post(`/app/stages/${s[0].id}/down`, {});
		assert.deepEqual((await stages(project.id)).map((x) => x.name), ['Tiling', 'Demolition', 'Rough-in', 'Finish']);
		const page = await owner.client.get(`/app/jobs/${project.id}`);
		const order = [...page.text.matchAll(/<span class="stage__number">(\d+)\.<\/span> <strong>([^<]+)<\/strong>/g)].map((m) => `${m[1]} ${m[2]}`);
		assert.deepEqual(order, ['1 Tiling', '2 Demolition', '3 Rough-in', '4 Finish']);
		assert.doesNotMatch(page.text, new RegExp(`action="/app/stages/${s[1].id}/up"`), 'no "up" on the first (Tiling)');
	});

	it('a stage is renamed and re-dated with its version; a stale form → 409', async () => {
		const st = (await stages(project.id)).find((x) => x.name === 'Finish');
		const page = await owner.client.get(`/app/stages/${st.id}`);
		assert.equal(page.status, 200);
		const form = { name: inputValue(page.text, 'name'), status: 'pending', starts_on: inputValue(page.text, 'starts_on'),
			ends_on: inputValue(page.text, 'ends_on'), version: inputValue(page.text, 'version') };
		assert.deepEqual(form, { name: 'Finish', status: 'pending', starts_on: '', ends_on: '2030-03-20', version: '1' });
		let r = await owner.client.post(`/app/stages/${st.id}`, { ...form, name: 'Fixtures & finish', starts_on: '2030-03-18', status: 'in_progress' });
		assert.equal(r.status, 303);
		const now = (await stages(project.id)).find((x) => x.id === st.id);
		assert.deepEqual([now.name, now.status, now.startsOn, now.endsOn, now.version],
			['Fixtures & finish', 'in_progress', '2030-03-18', '2030-03-20', '2']);
		r = await owner.client.post(`/app/stages/${st.id}`, { ...form, name: 'Stale name' });
		assert.equal(r.status, 409);
		assert.match(formError(r.text), /Someone else changed this stage/);
		assert.equal(inputValue(r.text, 'name'), 'Fixtures & finish');
		assert.ok(textOf(r.text).includes('Stale name'), 'what was typed is shown to re-apply');
		assert.equal((await stages(project.id)).find((x) => x.id === st.id).name, 'Fixtures & finish');
	});

	const bad = [
		[{ name: '' }, 'name'], [{ starts_on: '2030-02-30' }, 'starts_on'], [{ ends_on: '30/03/2030' }, 'ends_on'],
		[{ starts_on: '2030-03-10', ends_on: '2030-03-09' }, 'ends_on'], [{ status: 'later' }, 'status'],
		[{ name: 's'.repeat(161) }, 'name'],
	];
	for (const [change, field] of bad)
		it(`editing with ${field} ${JSON.stringify(Object.values(change).at(-1)).slice(0, 16)} → 422, kept`, async () => {
			const st = (await stages(project.id))[0];
			const r = await owner.client.post(`/app/stages/${st.id}`,
				{ name: st.name, status: st.status, starts_on: '', ends_on: '', version: st.version, ...change });
			assert.equal(r.status, 422);
			assert.deepEqual(Object.keys(fieldErrors(r.text)), [field]);
			if (change.starts_on)
				assert.equal(inputValue(r.text, 'starts_on'), change.starts_on);
			assert.deepEqual((await stages(project.id))[0], st);
		});

	it('adding with bad input → 422 on the job page, kept; nothing added', async () => {
		const before = (await stages(project.id)).length;
		let r = await owner.client.post(`/app/jobs/${project.id}/stages`, { stage_name: '', stage_starts_on: '2030-04-31' });
		assert.equal(r.status, 422);
		assert.deepEqual(Object.keys(fieldErrors(r.text)).sort(), ['stage_name', 'stage_starts_on']);
		assert.equal(inputValue(r.text, 'stage_starts_on'), '2030-04-31');
		r = await owner.client.post(`/app/jobs/${project.id}/stages`, { stage_name: 'Back to front', stage_starts_on: '2030-04-02', stage_ends_on: '2030-04-01' });
		assert.equal(r.status, 422);
		assert.deepEqual(Object.keys(fieldErrors(r.text)), ['stage_ends_on']);
		assert.equal((await stages(project.id)).length, before);
	});

	it('a job that is not a project takes no stages', async () => {
		const job = await createJob(owner.client, { customer_id: c.id, title: 'Small job' });
		const page = await owner.client.get(`/app/jobs/${job.id}`);
		assert.doesNotMatch(page.text, /id="stages"/);
		const r = await owner.client.post(`/app/jobs/${job.id}/stages`, { stage_name: 'Nope' });
		assert.equal(r.status, 422);
		assert.match(formError(r.text), /Stages belong to projects/);
		assert.equal(await dbValue(`SELECT COUNT(*) FROM stages WHERE job_id = ${job.id}`), '0');
	});

	it('a stage is removed and the progress counted again; a project has at most 100', async () => {
		const s = await stages(project.id);
		const pending = s.filter((x) => x.status !== 'done');
		for (const x of pending)
			assert.equal((await owner.client.post(`/app/stages/${x.id}/delete`, {})).status, 303);
		const page = await owner.client.get(`/app/jobs/${project.id}`);
		assert.equal(progress(page.text), 100);
		assert.match(textOf(page.text), /2 of 2 done/);
		const values = Array.from({ length: 98 }, (_, i) => `(${owner.companyId}, ${project.id}, ${i + 10}, 'Bulk ${i}')`);
		await db(`INSERT INTO stages (company_id, job_id, position, name) VALUES ${values.join(', ')}`);
		const r = await owner.client.post(`/app/jobs/${project.id}/stages`, { stage_name: 'One too many' });
		assert.equal(r.status, 422);
		assert.deepEqual(fieldErrors(r.text), { stage_name: 'A project has at most 100 stages' });
	});
});
