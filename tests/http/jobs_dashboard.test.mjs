/*
 * The dashboard (/app/): today's and this week's visits in the company's
 * time zone (a field user's own only), the money out there read from the
 * documents table — sent estimates, unpaid and overdue invoices — for
 * office and owners only, recent activity of the job histories, and the
 * setup checklist's customer and job items.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';

import { addStaff, db, signup, textOf } from '../lib/index.mjs';
import { addVisit, createJob, customer } from './jobs-fixtures.mjs';

const ZONE = 'America/Los_Angeles';

/* A date in ZONE, days from today, as YYYY-MM-DD. */
function localDay(days = 0) {
	const d = new Date(Date.now() + days * 86400000);
	return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(d);
}

/* Days from today back to this week's Monday (0 on a Monday), in ZONE. */
function sinceMonday() {
	const wd = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, weekday: 'short' }).format(new Date());
	return ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(wd);
}

function card(html, title) {
	const re = new RegExp(`<section class="card" aria-labelledby="${title}-title">([\\s\\S]*?)</section>`);
	return textOf(re.exec(html)?.[1] ?? '');
}

describe('the dashboard', () => {
	let owner, field, c, job, fieldJob;

	before(async () => {
		owner = await signup({ timezone: ZONE });
		field = await addStaff(owner.client, 'field', { name: 'Flo Field' });
	});

	it('the setup checklist asks for a first customer and a job until there are', async () => {
		let r = await owner.client.get('/app/');
		const items = () => [...r.text.matchAll(/<li( class="is-done")?>(?:<a href="([^"]+)">)?(?:<span>)?([^<]+)/g)]
			.map((m) => [m[3], Boolean(m[1]), m[2] ?? null]).filter(([l]) => /customer|job/.test(l));
		assert.deepEqual(items(), [['Add your first customer', false, '/app/customers/new'], ['Create a job', false, '/app/jobs/new']]);
		c = await customer(owner.companyId, { name: 'Dana Dashboard' });
		job = await createJob(owner.client, { customer_id: c.id, title: 'Dash job' });
		fieldJob = await createJob(owner.client, { customer_id: c.id, title: 'Field job' });
		r = await owner.client.get('/app/');
		assert.deepEqual(items(), [['Add your first customer', true, null], ['Create a job', true, null]]);
	});

	it("today's and this week's visits, in the company's zone; field staff see their own", async () => {
		const monday = -sinceMonday();
		await addVisit(owner.client, job.id, { date: localDay(0), start: '12:00', end: '13:00' });
		await addVisit(owner.client, fieldJob.id, { date: localDay(0), start: '07:15', end: '08:00', user: field.userId });
		await addVisit(owner.client, job.id, { date: localDay(monday + 6), start: '16:00', end: '17:00' });	/* Sunday */
		await addVisit(owner.client, job.id, { date: localDay(monday + 7), start: '09:00', end: '10:00' });	/* next week */
		await addVisit(owner.client, job.id, { date: localDay(monday - 1), start: '09:00', end: '10:00' });	/* last week */
		const r = await owner.client.get('/app/');
		const today = card(r.text, 'today');
		assert.match(today, new RegExp(`07:15–08:00 #${fieldJob.number} Field job Dana Dashboard · Flo Field 12:00–13:00 #${job.number} Dash job Dana Dashboard`));
		const week = card(r.text, 'week');
		assert.match(week, /^This week 3 visits/);
		assert.ok(week.includes('16:00–17:00'), 'Sunday is in the week');
		assert.ok(!week.includes('09:00–10:00'), 'last and next week are not');
		const f = await field.client.get('/app/');
		assert.equal(f.status, 200);
		assert.match(card(f.text, 'today'), new RegExp(`^Today Schedule 07:15–08:00 #${fieldJob.number} Field job`));
		assert.ok(!card(f.text, 'today').includes('12:00'), "another person's visit is not shown");
		assert.match(card(f.text, 'week'), /^This week 1 visit/);
	});

	it('sent estimates and unpaid, overdue invoices, in the company currency; not for field staff', async () => {
		const doc = (kind, number, status, total, paid, due) => `(${owner.companyId}, '${kind}', ${number}, ${job.id}, ${c.id},
		    '${status}', '${localDay(-10)}', ${due ? `'${due}'` : 'NULL'}, '', '', ${total}, ${paid})`;
		await db(`INSERT INTO documents (company_id, kind, number, job_id, customer_id, status, issued_on, due_on, terms, notes,
		    total_cents, paid_cents) VALUES ${[
			doc('estimate', 1, 'sent', 12345, 0), doc('estimate', 2, 'draft', 99999, 0), doc('estimate', 3, 'approved', 5000, 0),
			doc('estimate', 4, 'sent', 100000000, 0),
			doc('invoice', 1, 'sent', 50000, 10000, localDay(-1)), doc('invoice', 2, 'partial', 20000, 5000, localDay(1)),
			doc('invoice', 3, 'paid', 30000, 30000, localDay(-5)), doc('invoice', 4, 'draft', 70000, 0, localDay(-5)),
			doc('invoice', 5, 'sent', 1000, 0, localDay(0)),
		].join(', ')}`);
		const r = await owner.client.get('/app/');
		const stats = textOf(/<section class="stats"[\s\S]*?<\/section>/.exec(r.text)?.[0] ?? '');
		assert.equal(stats, 'Money Open estimates $1,000,123.45 2 sent, awaiting an answer Unpaid invoices $560.00 ' +
			'3 invoices with a balance due Overdue 1 invoice past the due date');
		assert.match(r.text, /class="stat stat--alert"/);
		const f = await field.client.get('/app/');
		assert.doesNotMatch(f.text, /class="stats"/);
		assert.ok(!textOf(f.text).includes('$560.00'));
	});

	it('recent activity: the last 10 history entries, linked to their job; field staff see their jobs only', async () => {
		for (let i = 1; i <= 12; i++)
			await owner.client.post(`/app/jobs/${job.id}/notes`, { note: `Dash note ${i}` });
		const r = await owner.client.get('/app/');
		const items = [...r.text.matchAll(/<li class="timeline__item timeline__item--(\w+)">([\s\S]*?)<\/li>/g)];
		assert.equal(items.length, 10);
		assert.match(textOf(items[0][2]), new RegExp(`^Note · #${job.number} Dash job Dash note 12 `));
		assert.match(items[0][2], new RegExp(`href="/app/jobs/${job.id}#history"`));
		assert.match(textOf(items[9][2]), /Dash note 3 /);
		const f = await field.client.get('/app/');
		const mine = [...f.text.matchAll(/<li class="timeline__item timeline__item--(\w+)">([\s\S]*?)<\/li>/g)].map((m) => textOf(m[2]));
		assert.ok(mine.length > 0, 'the field user sees the history of the job they visit');
		assert.ok(mine.every((t) => t.includes('Field job')), mine.join('\n'));
	});
});
