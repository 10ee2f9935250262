/*
 * The job, visit, stage, schedule and dashboard pages are valid HTML (Nu
 * HTML checker, errors only), as owners and field staff see them, with
 * data in them and with form errors.  One JVM run checks them all.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';

import { addStaff, dbValue, signup, validateHtml } from '../lib/index.mjs';
import { addVisit, createJob, customer, lastVisit, moveAlong } from './jobs-fixtures.mjs';

describe('HTML validity of the job pages', () => {
	const pages = [];
	let results;

	before(async () => {
		const owner = await signup();
		const field = await addStaff(owner.client, 'field');
		const add = async (name, promise, status = 200) => {
			const r = await promise;
			assert.equal(r.status, status, `${name}: status`);
			pages.push({ name, html: r.text });
		};
		await add('jobs-empty', owner.client.get('/app/jobs'));
		await add('new-no-customers', owner.client.get('/app/jobs/new'));
		const c = await customer(owner.companyId, { name: 'Hélène <b>Côté</b> & Fils', properties: 2 });
		await add('new', owner.client.get('/app/jobs/new'));
		await add('new-customer', owner.client.get(`/app/jobs/new?customer_id=${c.id}`));
		await add('new-errors', owner.client.post('/app/jobs', { customer_id: c.id, title: '', property_id: 'x' }), 422);
		await add('new-no-customer', owner.client.post('/app/jobs', { customer_id: '' }), 422);
		const job = await createJob(owner.client, { customer_id: c.id, property_id: c.propertyIds[0], title: 'Project "quotes" <i>', is_project: '1',
			description: 'Line one\nLine two <script>' });
		await moveAlong(owner.client, job.id, ['estimating', 'approved']);
		await addVisit(owner.client, job.id, { date: '2030-05-06', start: '08:00', end: '09:00', user: field.userId, notes: 'Bring <tools>' });
		await owner.client.post(`/app/jobs/${job.id}/stages`, { stage_name: 'One', stage_starts_on: '2030-05-06' });
		await owner.client.post(`/app/jobs/${job.id}/stages`, { stage_name: 'Two' });
		await owner.client.post(`/app/jobs/${job.id}/notes`, { note: 'Visible <note>', note_visible: '1' });
		const stageId = await dbValue(`SELECT id FROM stages WHERE job_id = ${job.id} ORDER BY position LIMIT 1`);
		const visitId = (await lastVisit(job.id)).id;
		await add('job', owner.client.get(`/app/jobs/${job.id}`));
		await add('job-status-error', owner.client.post(`/app/jobs/${job.id}/status`, { to: 'paid' }), 422);
		await add('job-visit-errors', owner.client.post(`/app/jobs/${job.id}/visits`, { visit_date: '2030-02-30', visit_start: 'x', visit_end: '' }), 422);
		await add('job-note-error', owner.client.post(`/app/jobs/${job.id}/notes`, { note: '' }), 422);
		await add('job-stage-error', owner.client.post(`/app/jobs/${job.id}/stages`, { stage_name: '' }), 422);
		await add('edit', owner.client.get(`/app/jobs/${job.id}/edit`));
		await add('edit-stale', owner.client.post(`/app/jobs/${job.id}`, { title: 'Stale', description: 'x', version: '0' }), 409);
		await add('visit', owner.client.get(`/app/visits/${visitId}`));
		await add('visit-errors', owner.client.post(`/app/visits/${visitId}`, { visit_date: '', version: '1' }), 422);
		await add('stage', owner.client.get(`/app/stages/${stageId}`));
		await add('stage-stale', owner.client.post(`/app/stages/${stageId}`, { name: 'x', status: 'done', version: '0' }), 409);
		await add('jobs', owner.client.get('/app/jobs?status=all'));
		await add('jobs-search-error', owner.client.get(`/app/jobs?q=${'q'.repeat(101)}`), 422);
		await add('schedule', owner.client.get('/app/schedule?week=2030-05-08'));
		await add('dashboard', owner.client.get('/app/'));
		await add('field-job', field.client.get(`/app/jobs/${job.id}`));
		await add('field-schedule', field.client.get('/app/schedule?week=2030-05-08'));
		await add('field-dashboard', field.client.get('/app/'));
		results = await validateHtml(pages);
	});

	it('has no errors on any page', () => {
		const bad = [...results].filter(([, errs]) => errs.length > 0)
			.map(([name, errs]) => `${name}:\n${errs.map((e) => `  line ${e.line}: ${e.message}`).join('\n')}`);
		assert.deepEqual(bad, []);
		assert.equal(results.size, pages.length);
	});

	it('escapes what people typed', () => {
		const job = pages.find((p) => p.name === 'job').html;
		assert.ok(!job.includes('<script>') && !job.includes('<b>Côté') && !job.includes('<tools>'));
		assert.ok(job.includes('Line two &lt;script&gt;'));
	});
});
