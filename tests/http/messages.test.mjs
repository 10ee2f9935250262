/*
 * The conversation: a customer's note from the document page and from the
 * Messages page goes into the Job Message History, alerts the staff and
 * raises the Inbox badge; opening the inbox reads it; a staff note marked
 * for the customer alerts the customer, who sees it with an unread count.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';

import { db, dbValue, portalClient, portalPerson, sqlString, textOf, waitForMail } from '../lib/index.mjs';
import { sharedSetup } from './shares-fixtures.mjs';

/* The Inbox count of the navigation, 0 when none shows. */
function badge(html) {
	const m = html.match(/data-unread="(\d+\+?)"/);
	return m ? m[1] : '0';
}

describe('the conversation', () => {
	let s, person, customer;

	before(async () => {
		s = await sharedSetup('estimate');
		const res = await s.owner.client.post(`${s.href}/share`, [['to', 'customer'], ['message', 'Here it is']]);
		assert.equal(res.status, 303);
		await waitForMail({ to: s.email, link: /\/portal\/l\// });
		const pid = await dbValue(`SELECT id FROM portal_people WHERE email = ${sqlString(s.email)}`);
		person = { id: Number(pid), companyId: s.owner.companyId, customerId: s.job.customerId, email: s.email, name: 'Jane Müller' };
		customer = await portalClient(person);
	});

	it('starts with no unread badge', async () => {
		const res = await s.owner.client.get('/app/');
		assert.equal(badge(res.text), '0');
		assert.match(res.text, /href="\/app\/inbox"/);
	});

	it('a note from the document page: history, staff alert, badge up', async () => {
		const res = await customer.post(`/portal/documents/${s.id}/notes`, { note: 'Can you start on Monday? Ça va.' });
		assert.equal(res.status, 303);
		assert.match(res.location, new RegExp(`/portal/documents/${s.id}#messages$`));
		/* "Message sent." by the form the page jumps to, not at its top. */
		const landed = (await customer.follow(res)).text;
		const section = /<section[^>]*id="messages"[^]*?<\/section>/.exec(landed)?.[0] ?? '';
		assert.match(textOf(section), /Message sent\./);
		assert.equal(textOf(landed).match(/Message sent\./g).length, 1, 'once');
		const [[kind, visible, pid, doc]] = await db(`SELECT kind, visible_to_customer, person_id, document_id
		    FROM job_events WHERE job_id = ${s.job.jobId} AND person_id IS NOT NULL`);
		assert.deepEqual([kind, visible, pid, doc], ['note', '1', String(person.id), String(s.id)]);
		const mail = await waitForMail({ to: s.owner.email, subject: /wrote about Estimate #/ });
		assert.match(mail.text, /Can you start on Monday\? Ça va\./);
		assert.match(mail.html, /Read and reply/);
		/* A note is answered in the job's history, where the reply form is. */
		assert.match(mail.text, new RegExp(`/app/jobs/${s.job.jobId}#history`));
		const page = await s.owner.client.get('/app/jobs');
		assert.equal(badge(page.text), '1');
	});

	it('an empty note is refused and adds nothing', async () => {
		const before = await dbValue(`SELECT COUNT(*) FROM job_events WHERE job_id = ${s.job.jobId}`);
		const res = await customer.post(`/portal/documents/${s.id}/notes`, { note: '   ' });
		assert.equal(res.status, 303);
		assert.equal(await dbValue(`SELECT COUNT(*) FROM job_events WHERE job_id = ${s.job.jobId}`), before);
	});

	it('the inbox lists it highlighted, and opening it reads it (badge down)', async () => {
		const inbox = await s.owner.client.get('/app/inbox');
		assert.equal(inbox.status, 200);
		assert.match(textOf(inbox.text), /Can you start on Monday/);
		assert.match(inbox.text, /inbox__item--unread/);
		assert.equal(badge(inbox.text), '0');
		assert.match(inbox.text, /href="\/app\/jobs\/\d+#history">Reply</, 'each entry links to the job to answer it');
		const again = await s.owner.client.get('/app/inbox');
		assert.doesNotMatch(again.text, /inbox__item--unread/);
	});

	it('a staff note for the customer alerts the customer with a portal link', async () => {
		const res = await s.owner.client.post(`/app/jobs/${s.job.jobId}/notes`, { note: 'Yes, Monday at 8.', note_visible: '1' });
		assert.equal(res.status, 303);
		const mail = await waitForMail({ to: s.email, subject: /replied about job #/, link: /\/portal\/l\/[A-Za-z0-9_-]{43}/ });
		assert.match(mail.text, /Yes, Monday at 8\./);
		assert.match(mail.html, /Reply in the portal/);
		assert.match(mail.text, /You can still call us/);
	});

	it('an internal note alerts no one', async () => {
		const before = await dbValue(`SELECT COUNT(*) FROM outbox WHERE to_addr = ${sqlString(s.email)}`);
		await s.owner.client.post(`/app/jobs/${s.job.jobId}/notes`, { note: 'Internal: bring the long ladder' });
		assert.equal(await dbValue(`SELECT COUNT(*) FROM outbox WHERE to_addr = ${sqlString(s.email)}`), before);
	});

	it('the Messages page counts the unread (the reply; the estimate being sent is history, not a message), and the conversation reads them', async () => {
		const list = await customer.get('/portal/messages');
		assert.equal(list.status, 200);
		assert.match(textOf(list.text), /3 messages · last .* · 1 unread/);
		const conv = await customer.get(`/portal/messages/${s.job.jobId}`);
		assert.equal(conv.status, 200);
		const text = textOf(conv.text);
		assert.ok(text.indexOf('Can you start on Monday') < text.indexOf('Yes, Monday at 8.'), 'oldest first');
		assert.doesNotMatch(text, /long ladder/);
		const after = await customer.get('/portal/messages');
		assert.doesNotMatch(textOf(after.text), /unread/);
	});

	it('a reply from the Messages page lands in the history and alerts the staff', async () => {
		const res = await customer.post(`/portal/messages/${s.job.jobId}`, { note: 'Great, see you then' });
		assert.equal(res.status, 303);
		await waitForMail({ to: s.owner.email, subject: /wrote about job #/ });
		assert.equal(await dbValue(`SELECT COUNT(*) FROM job_events WHERE job_id = ${s.job.jobId} AND person_id = ${person.id} AND kind = 'note'`), '2');
		const bad = await customer.post(`/portal/messages/${s.job.jobId}`, { note: '' });
		assert.equal(bad.status, 422);
	});

	it("another customer's job is 404 on every conversation route", async () => {
		const other = await sharedSetup('estimate');
		const stranger = await portalClient(await portalPerson({ companyId: s.owner.companyId, customerId: s.job.customerId }));
		assert.equal((await stranger.get(`/portal/messages/${other.job.jobId}`)).status, 404);
		assert.equal((await customer.get(`/portal/messages/${other.job.jobId}`)).status, 404);
		assert.equal((await customer.post(`/portal/messages/${other.job.jobId}`, { note: 'hi' })).status, 404);
		assert.equal((await customer.post(`/portal/documents/${other.id}/notes`, { note: 'hi' })).status, 404);
	});
});
