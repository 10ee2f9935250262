/*
 * Jobs: a new job for a customer and one of its properties, numbered per
 * company without duplicates under concurrency; the status pipeline from
 * its one table (legal moves, illegal ones refused with a message,
 * Invoiced and Paid never typed); every move and note in the history;
 * edits with a version (409 when stale); the list with its filters and
 * keyset pages.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';

import {
	db, dbValue, decodeEntities, fieldErrors, flashFrom, formError, inputValue, signup, sqlString, textOf,
} from '../lib/index.mjs';
import {
	addVisit, createJob, customer, customerWithJob, jobEvents, jobRow, move, moveAlong, offeredMoves,
} from './jobs-fixtures.mjs';

describe('creating a job', () => {
	let owner, ann;

	before(async () => {
		owner = await signup();
		ann = await customer(owner.companyId, { name: 'Ann Żółć-Smith', properties: 2 });
	});

	it('without a customer, the new-job page asks for one', async () => {
		const r = await owner.client.get('/app/jobs/new');
		assert.equal(r.status, 200);
		assert.match(r.text, /<select[^>]*name="customer_id"/);
		assert.ok(r.text.includes(`<option value="${ann.id}">Ann Żółć-Smith</option>`));
		assert.doesNotMatch(r.text, /name="title"/);
	});

	it('?customer_id= opens the job form for that customer with its properties', async () => {
		const r = await owner.client.get(`/app/jobs/new?customer_id=${ann.id}`);
		assert.equal(r.status, 200);
		assert.equal(inputValue(r.text, 'customer_id'), String(ann.id));
		for (const p of ann.propertyIds)
			assert.match(r.text, new RegExp(`<option value="${p}">`));
		assert.ok(textOf(r.text).includes('Home: 10 Elm Street, Springfield'));
		for (const bad of ['0', '-1', 'abc', '99999999999', '1e3'])
			assert.equal((await owner.client.get(`/app/jobs/new?customer_id=${bad}`)).status, 404, bad);
	});

	it('creates job number 1, Requested, with a history entry, and shows it', async () => {
		const r = await owner.client.post('/app/jobs', {
			customer_id: ann.id, property_id: ann.propertyIds[1], title: 'Leaky tap 🚰 ',
			description: 'Under the sink.\nشقة ٣', is_project: '',
		});
		assert.equal(r.status, 303);
		const id = Number(r.location.split('/').pop());
		const row = await jobRow(id);
		assert.deepEqual(row, {
			status: 'requested', number: '1', title: 'Leaky tap 🚰', description: 'Under the sink.\nشقة ٣',
			property_id: String(ann.propertyIds[1]), is_project: '0', version: '1', customer_id: String(ann.id),
		});
		const ev = await jobEvents(id);
		assert.deepEqual(ev.map((e) => [e.kind, e.userId]), [['created', owner.userId]]);
		const page = await owner.client.follow(r);
		assert.equal(page.status, 200);
		assert.equal(flashFrom(page.text)?.text, 'Job created.');
		const text = textOf(page.text);
		for (const want of ['#1', 'Leaky tap 🚰', 'Ann Żółć-Smith', 'Site 1: 11 Elm Street, Springfield', 'شقة ٣', 'Requested'])
			assert.ok(text.includes(want), `the page shows ${want}`);
		assert.match(page.text, new RegExp(`href="/app/customers/${ann.id}"`));
	});

	const bad = [
		[{ title: '' }, 'title'],
		[{ title: 'x'.repeat(161) }, 'title'],
		[{ description: 'y'.repeat(20000) }, 'description'],
		[{ title: 'bell\u0007' }, 'title'],
		[{ property_id: 'abc' }, 'property_id'],
		[{ property_id: '999999999' }, 'property_id'],
	];
	for (const [change, field] of bad)
		it(`${field} = ${JSON.stringify(Object.values(change)[0]).slice(0, 24)} → 422 next to ${field}, kept, nothing saved`, async () => {
			const before = await dbValue(`SELECT COUNT(*) FROM jobs WHERE company_id = ${owner.companyId}`);
			const fields = { customer_id: ann.id, property_id: ann.propertyIds[0], title: 'A title', description: 'Words', ...change };
			const r = await owner.client.post('/app/jobs', fields);
			assert.equal(r.status, 422);
			assert.deepEqual(Object.keys(fieldErrors(r.text)), [field]);
			assert.match(textOf(r.text), /Please fix 1 field below/);
			if (field === 'title')
				assert.equal(inputValue(r.text, 'title'), fields.title.trim());
			assert.equal(await dbValue(`SELECT COUNT(*) FROM jobs WHERE company_id = ${owner.companyId}`), before);
		});

	it("a property of another customer is refused", async () => {
		const other = await customer(owner.companyId);
		const r = await owner.client.post('/app/jobs', { customer_id: ann.id, property_id: other.propertyIds[0], title: 'T' });
		assert.equal(r.status, 422);
		assert.deepEqual(Object.keys(fieldErrors(r.text)), ['property_id']);
	});

	it('no customer, or an unknown one, → 422 on the customer choice', async () => {
		for (const customer_id of ['', '0', 'abc', '99999999']) {
			const r = await owner.client.post('/app/jobs', { customer_id, title: 'T' });
			assert.equal(r.status, 422, customer_id);
			assert.deepEqual(Object.keys(fieldErrors(r.text)), ['customer_id']);
		}
	});

	it('20 jobs created at once get 20 distinct numbers, 1 to 20', async () => {
		const co = await signup();
		const c = await customer(co.companyId);
		await co.client.csrf();
		const made = await Promise.all(Array.from({ length: 20 }, (_, i) =>
			createJob(co.client, { customer_id: c.id, title: `Rush ${i}` })));
		const numbers = made.map((m) => m.number).sort((a, b) => a - b);
		assert.deepEqual(numbers, Array.from({ length: 20 }, (_, i) => i + 1));
		assert.equal(await dbValue(`SELECT last_value FROM counters WHERE company_id = ${co.companyId} AND kind = 'job'`), '20');
		/* Another company counts from 1 on its own. */
		const other = await signup();
		const oc = await customer(other.companyId);
		assert.equal((await createJob(other.client, { customer_id: oc.id })).number, 1);
	});

	it('jobs written around the counter (an import) never make a duplicate number', async () => {
		const co = await signup();
		const c = await customer(co.companyId);
		await db(`INSERT INTO jobs (company_id, number, customer_id, title, description)
		    VALUES (${co.companyId}, 1, ${c.id}, 'Imported', ''), (${co.companyId}, 2, ${c.id}, 'Imported', '')`);
		assert.equal((await createJob(co.client, { customer_id: c.id })).number, 3);
		assert.equal((await createJob(co.client, { customer_id: c.id })).number, 4);
	});
});

describe('the status pipeline', () => {
	let owner, c;

	before(async () => {
		owner = await signup();
		c = await customer(owner.companyId);
	});

	it('moves one step at a time to Completed, each move a status entry in the history', async () => {
		const job = await createJob(owner.client, { customer_id: c.id });
		const path = ['estimating', 'approved', 'scheduled', 'in_progress', 'completed'];
		const labels = ['Requested', 'Estimating', 'Approved', 'Scheduled', 'In progress', 'Completed'];
		for (const [i, to] of path.entries()) {
			const page = await owner.client.get(`/app/jobs/${job.id}`);
			assert.deepEqual(offeredMoves(page.text), [to, 'cancelled'], `buttons before ${to}`);
			const r = await move(owner.client, job.id, to);
			assert.equal(r.status, 303);
			assert.equal(r.location, `/app/jobs/${job.id}`);
			assert.equal((await jobRow(job.id)).status, to);
			const [last] = await jobEvents(job.id);
			assert.deepEqual(last, { kind: 'status', body: `${labels[i]} → ${labels[i + 1]}`, visible: false,
				userId: owner.userId, documentId: null });
		}
		const page = await owner.client.get(`/app/jobs/${job.id}`);
		assert.deepEqual(offeredMoves(page.text), ['cancelled'], 'Completed: only cancel; Invoiced follows from an invoice');
		assert.equal((await jobEvents(job.id)).length, 6, 'created + five moves');
		const history = textOf(page.text);
		assert.ok(history.indexOf('In progress → Completed') < history.indexOf('Requested → Estimating'), 'newest first');
	});

	it('an illegal move → 422 with a clear message; nothing changes', async () => {
		const job = await createJob(owner.client, { customer_id: c.id });
		for (const [to, msg] of [
			['completed', "A job that is Requested can't be moved to Completed."],
			['scheduled', "A job that is Requested can't be moved to Scheduled."],
			['requested', 'This job is already Requested.'],
			['bogus', 'Choose a status to move the job to.'],
			['', 'Choose a status to move the job to.'],
		]) {
			const r = await move(owner.client, job.id, to);
			assert.equal(r.status, 422, to);
			assert.equal(formError(r.text), msg);
			assert.equal((await jobRow(job.id)).status, 'requested');
		}
		assert.equal((await jobEvents(job.id)).length, 1, 'no status entries');
	});

	it('Invoiced and Paid are never typed: 422 whatever the job is in, and never offered', async () => {
		const job = await createJob(owner.client, { customer_id: c.id });
		await moveAlong(owner.client, job.id, ['estimating', 'approved', 'scheduled', 'in_progress', 'completed']);
		let r = await move(owner.client, job.id, 'invoiced');
		assert.equal(r.status, 422);
		assert.match(formError(r.text), /Invoiced can't be chosen by hand: a job becomes Invoiced when an invoice is issued/);
		r = await move(owner.client, job.id, 'paid');
		assert.equal(r.status, 422);
		assert.match(formError(r.text), /Paid can't be chosen by hand/);
		assert.equal((await jobRow(job.id)).status, 'completed');
		/* Invoiced (as a fact would set it): still only cancel is offered, Paid can't be typed. */
		await db(`UPDATE jobs SET status = 'invoiced' WHERE id = ${job.id}`);
		const page = await owner.client.get(`/app/jobs/${job.id}`);
		assert.deepEqual(offeredMoves(page.text), ['cancelled']);
		assert.equal((await move(owner.client, job.id, 'paid')).status, 422);
		assert.equal((await jobRow(job.id)).status, 'invoiced');
	});

	it('any open job can be cancelled and reopened as Requested; a paid one can not', async () => {
		for (const path of [[], ['estimating'], ['estimating', 'approved', 'scheduled', 'in_progress']]) {
			const job = await createJob(owner.client, { customer_id: c.id });
			await moveAlong(owner.client, job.id, [...path, 'cancelled']);
			const page = await owner.client.get(`/app/jobs/${job.id}`);
			assert.deepEqual(offeredMoves(page.text), ['requested'], 'a cancelled job offers to reopen');
			assert.match(page.text, />Reopen job</);
			assert.equal((await move(owner.client, job.id, 'scheduled')).status, 422);
			await moveAlong(owner.client, job.id, ['requested']);
			assert.equal((await jobRow(job.id)).status, 'requested');
			assert.equal((await jobEvents(job.id))[0].body, 'Cancelled → Requested');
		}
		const job = await createJob(owner.client, { customer_id: c.id });
		await db(`UPDATE jobs SET status = 'paid' WHERE id = ${job.id}`);
		const r = await move(owner.client, job.id, 'cancelled');
		assert.equal(r.status, 422);
		assert.equal(formError(r.text), "A job that is Paid can't be moved to Cancelled.");
		assert.deepEqual(offeredMoves((await owner.client.get(`/app/jobs/${job.id}`)).text), []);
	});

	it("cancelling a job calls off its scheduled visits (done ones stay), in the same move", async () => {
		const job = await createJob(owner.client, { customer_id: c.id });
		for (const date of ['2030-04-01', '2030-04-02', '2030-04-03'])
			assert.equal((await addVisit(owner.client, job.id, { date })).status, 303);
		const first = Number(await dbValue(`SELECT MIN(id) FROM visits WHERE job_id = ${job.id}`));
		assert.equal((await owner.client.post(`/app/visits/${first}/done`, {})).status, 303);
		await moveAlong(owner.client, job.id, ['cancelled']);
		assert.deepEqual((await db(`SELECT status FROM visits WHERE job_id = ${job.id} ORDER BY id`)).flat(),
			['done', 'cancelled', 'cancelled']);
		assert.deepEqual((await jobEvents(job.id)).slice(0, 2).map((e) => e.body),
			['The 2 scheduled visits were cancelled with the job', 'Requested → Cancelled']);
		const page = await owner.client.get(`/app/jobs/${job.id}`);
		assert.doesNotMatch(page.text, /action="\/app\/jobs\/\d+\/visits"/, 'no visit form on a cancelled job');
	});
});

describe('notes in the Job Message History', () => {
	let owner, job;

	before(async () => {
		owner = await signup();
		({ job } = await customerWithJob(owner));
	});

	it('an internal note and a note visible to the customer, newest first, with who and when', async () => {
		let r = await owner.client.post(`/app/jobs/${job.id}/notes`, { note: '  Gate code 4411  ' });
		assert.equal(r.status, 303);
		assert.equal(r.location, `/app/jobs/${job.id}#history`);
		r = await owner.client.post(`/app/jobs/${job.id}/notes`, { note: 'We start Monday — مرحبا 👋', note_visible: '1' });
		assert.equal(r.status, 303);
		const ev = await jobEvents(job.id);
		assert.deepEqual(ev.slice(0, 2).map((e) => [e.kind, e.body, e.visible, e.userId]), [
			['note', 'We start Monday — مرحبا 👋', true, owner.userId],
			['note', 'Gate code 4411', false, owner.userId],
		]);
		const page = await owner.client.get(`/app/jobs/${job.id}`);
		const items = [...page.text.matchAll(/<li class="timeline__item timeline__item--([a-z]+)">([\s\S]*?)<\/li>/g)]
			.map((m) => [m[1], textOf(m[2])]);
		assert.equal(items[0][0], 'note');
		assert.match(items[0][1], /^Note Visible to customer We start Monday — مرحبا 👋 Owner .* · \w{3} \d+ \w{3} \d{4}, \d\d:\d\d$/);
		assert.match(items[1][1], /^Note Gate code 4411 Owner/);
		assert.doesNotMatch(items[1][1], /Visible to customer/);
		assert.equal(items.at(-1)[0], 'created');
	});

	it('an empty or huge note → 422, kept, nothing added', async () => {
		const before = (await jobEvents(job.id)).length;
		for (const note of ['', '   ', 'z'.repeat(5001)]) {
			const r = await owner.client.post(`/app/jobs/${job.id}/notes`, { note, note_visible: '1' });
			assert.equal(r.status, 422);
			assert.deepEqual(Object.keys(fieldErrors(r.text)), ['note']);
			assert.match(r.text, /name="note_visible" value="1" checked/, 'the checkbox stays ticked');
		}
		assert.equal((await jobEvents(job.id)).length, before);
	});
});

describe('editing a job', () => {
	let owner, c, job;

	before(async () => {
		owner = await signup();
		c = await customer(owner.companyId, { properties: 2 });
		job = await createJob(owner.client, { customer_id: c.id, property_id: c.propertyIds[0], title: 'Original' });
	});

	async function form(changes = {}) {
		const page = await owner.client.get(`/app/jobs/${job.id}/edit`);
		assert.equal(page.status, 200);
		const property = /<select[^>]*name="property_id"[\s\S]*?<option value="([^"]*)" selected>/.exec(page.text)?.[1] ?? '';
		const desc = /<textarea[^>]*name="description"[^>]*>([\s\S]*?)<\/textarea>/.exec(page.text)?.[1] ?? '';
		const f = { title: inputValue(page.text, 'title'), description: decodeEntities(desc), property_id: property,
			version: inputValue(page.text, 'version') };
		if (/name="is_project" value="1" checked/.test(page.text))
			f.is_project = '1';
		return { ...f, ...changes };
	}

	it('saves title, description, property and project; the version moves on', async () => {
		const r = await owner.client.post(`/app/jobs/${job.id}`, await form({
			title: 'Renamed', description: 'New words', property_id: c.propertyIds[1], is_project: '1' }));
		assert.equal(r.status, 303);
		assert.deepEqual(await jobRow(job.id), { status: 'requested', number: String(job.number), title: 'Renamed',
			description: 'New words', property_id: String(c.propertyIds[1]), is_project: '1', version: '2',
			customer_id: String(c.id) });
		assert.equal(flashFrom((await owner.client.follow(r)).text)?.text, 'Job saved.');
		/* No property at all. */
		assert.equal((await owner.client.post(`/app/jobs/${job.id}`, await form({ property_id: '' }))).status, 303);
		assert.equal((await jobRow(job.id)).property_id, null);
	});

	it('a stale form → 409 with the current values and what was typed; nothing overwritten', async () => {
		const tabA = await form();
		const tabB = await form();
		assert.equal((await owner.client.post(`/app/jobs/${job.id}`, { ...tabA, title: 'First save' })).status, 303);
		const r = await owner.client.post(`/app/jobs/${job.id}`, { ...tabB, title: 'Second save', description: 'Mine' });
		assert.equal(r.status, 409);
		assert.match(formError(r.text), /Someone else changed this job/);
		assert.equal(inputValue(r.text, 'title'), 'First save');
		assert.ok(textOf(r.text).includes('What you had typed (not saved) Title Second save Description Mine'));
		const row = await jobRow(job.id);
		assert.equal(row.title, 'First save');
		assert.equal(inputValue(r.text, 'version'), row.version);
		for (const version of ['', '0', 'abc', '999'])
			assert.equal((await owner.client.post(`/app/jobs/${job.id}`, { ...tabB, version })).status, 409, version);
		assert.equal((await jobRow(job.id)).title, 'First save');
	});

	it('bad input → 422 with the typed values kept', async () => {
		const f = await form({ title: '', description: 'd'.repeat(10001) });
		const r = await owner.client.post(`/app/jobs/${job.id}`, f);
		assert.equal(r.status, 422);
		assert.deepEqual(Object.keys(fieldErrors(r.text)).sort(), ['description', 'title']);
		assert.equal(inputValue(r.text, 'version'), f.version);
	});
});

describe('the jobs list', () => {
	let owner, ann, bob, jobs;

	before(async () => {
		owner = await signup();
		ann = await customer(owner.companyId, { name: 'Ann Archer' });
		bob = await customer(owner.companyId, { name: 'Bob 100% Builder' });
		jobs = [];
		for (const [i, t] of ['Boiler service', 'Roof leak', 'Gutter clean', 'Boiler swap'].entries())
			jobs.push(await createJob(owner.client, { customer_id: i % 2 ? bob.id : ann.id, title: t }));
		await moveAlong(owner.client, jobs[2].id, ['cancelled']);
		await db(`UPDATE jobs SET status = 'paid' WHERE id = ${jobs[3].id}`);
	});

	const numbers = (html) => [...String(html).matchAll(/<td data-label="Job" class="nowrap"><a href="\/app\/jobs\/\d+">#(\d+)<\/a>/g)].map((m) => Number(m[1]));

	it('shows open jobs by default, newest first', async () => {
		const r = await owner.client.get('/app/jobs');
		assert.equal(r.status, 200);
		assert.deepEqual(numbers(r.text), [jobs[1].number, jobs[0].number]);
	});

	it('filters by status, all, and searches title, customer and number', async () => {
		const cases = [
			['?status=all', [4, 3, 2, 1]],
			['?status=cancelled', [3]],
			['?status=paid', [4]],
			['?status=requested', [2, 1]],
			['?status=all&q=boiler', [4, 1]],
			['?status=all&q=BOB', [4, 2]],
			['?status=all&q=%23%203', []],
			['?status=all&q=%233', [3]],
			['?status=all&q=2', [2]],
			['?status=all&q=%25', [4, 2]],		/* a literal %, in "100%" */
			['?status=all&q=_', []],
			['?status=open&q=archer', [1]],
			['?status=nonsense', [4, 3, 2, 1]],
		];
		for (const [query, want] of cases) {
			const r = await owner.client.get(`/app/jobs${query}`);
			assert.equal(r.status, 200, query);
			assert.deepEqual(numbers(r.text), want.map((i) => jobs[i - 1].number), query);
		}
	});

	it('pages by 50 with a link to the older ones, never repeating a job', async () => {
		const co = await signup();
		const c = await customer(co.companyId);
		const values = Array.from({ length: 55 }, (_, i) => `(${co.companyId}, ${i + 1}, ${c.id}, ${sqlString(`Bulk ${i + 1}`)}, '')`);
		await db(`INSERT INTO jobs (company_id, number, customer_id, title, description) VALUES ${values.join(', ')}`);
		const first = await co.client.get('/app/jobs');
		const a = numbers(first.text);
		assert.equal(a.length, 50);
		assert.equal(a[0], 55);
		const next = /<a href="([^"]+)">Older jobs<\/a>/.exec(first.text)?.[1].replace(/&amp;/g, '&');
		assert.ok(next, 'a link to older jobs');
		const second = await co.client.get(next);
		const b = numbers(second.text);
		assert.deepEqual(b, [5, 4, 3, 2, 1]);
		assert.doesNotMatch(second.text, />Older jobs</);
		assert.match(second.text, />Newest jobs</);
	});

	it('a search of 101 characters → 422 on the search field', async () => {
		const r = await owner.client.get(`/app/jobs?q=${'q'.repeat(101)}`);
		assert.equal(r.status, 422);
		assert.deepEqual(Object.keys(fieldErrors(r.text)), ['q']);
	});
});
