/*
 * Alert preferences on both sides: the settings forms, a turned-off kind
 * queues nothing, the one-click unsubscribe (a GET changes nothing; the
 * POST, from the page or a mail client's RFC 8058 one-click, turns off
 * exactly that kind for exactly that person; a forged token is 404).
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';

import {
	Client, dbValue, pathOf, portalClient, sqlString, textOf, waitForMail,
} from '../lib/index.mjs';
import { assertWellFormed, sharedSetup } from './shares-fixtures.mjs';

async function staffOff(userId) {
	return (await dbValue(`SELECT CONCAT('[', alerts_off, ']') FROM users WHERE id = ${userId}`)).slice(1, -1);
}

async function personOff(id) {
	return (await dbValue(`SELECT CONCAT('[', alerts_off, ']') FROM portal_people WHERE id = ${id}`)).slice(1, -1);
}

describe('alert preferences', () => {
	let s, person, customer, shareMail;

	before(async () => {
		s = await sharedSetup('estimate');
		await s.owner.client.post(`${s.href}/share`, [['to', 'customer'], ['message', 'Hello']]);
		shareMail = await waitForMail({ to: s.email, link: /\/portal\/l\// });
		const pid = Number(await dbValue(`SELECT id FROM portal_people WHERE email = ${sqlString(s.email)}`));
		person = { id: pid, companyId: s.owner.companyId, customerId: s.job.customerId, email: s.email };
		customer = await portalClient(person);
	});

	it('the account page lists the staff alerts, all on', async () => {
		const res = await s.owner.client.get('/app/account');
		assert.equal(res.status, 200);
		for (const k of ['note', 'approval', 'revision', 'dispute', 'view'])
			assert.match(res.text, new RegExp(`name="alert_${k}" value="1" checked`));
	});

	it('turning "note" off on the account page: a customer note mails no one', async () => {
		const res = await s.owner.client.post('/app/account/alerts', [['alert_approval', '1'], ['alert_revision', '1'],
			['alert_dispute', '1'], ['alert_view', '1']]);
		assert.equal(res.status, 303);
		assert.equal(await staffOff(s.owner.userId), 'note');
		const before = await dbValue(`SELECT COUNT(*) FROM outbox WHERE to_addr = ${sqlString(s.owner.email)}`);
		assert.equal((await customer.post(`/portal/documents/${s.id}/notes`, { note: 'Anyone there?' })).status, 303);
		assert.equal(await dbValue(`SELECT COUNT(*) FROM outbox WHERE to_addr = ${sqlString(s.owner.email)}`), before);
		assert.equal(await dbValue(`SELECT COUNT(*) FROM job_events WHERE job_id = ${s.job.jobId} AND person_id = ${person.id}`), '1');
		await s.owner.client.post('/app/account/alerts', [['alert_note', '1'], ['alert_approval', '1'], ['alert_revision', '1'],
			['alert_dispute', '1'], ['alert_view', '1']]);
		assert.equal(await staffOff(s.owner.userId), '');
	});

	it('the customer turns "reply" off in the portal: a staff note for them mails nothing', async () => {
		const res = await customer.post('/portal/settings/alerts', [['alert_shared', '1'], ['alert_version', '1']]);
		assert.equal(res.status, 303);
		assert.equal(await personOff(person.id), 'reply');
		const before = await dbValue(`SELECT COUNT(*) FROM outbox WHERE to_addr = ${sqlString(s.email)}`);
		await s.owner.client.post(`/app/jobs/${s.job.jobId}/notes`, { note: 'For you', note_visible: '1' });
		assert.equal(await dbValue(`SELECT COUNT(*) FROM outbox WHERE to_addr = ${sqlString(s.email)}`), before);
		await customer.post('/portal/settings/alerts', [['alert_shared', '1'], ['alert_reply', '1'], ['alert_version', '1']]);
		assert.equal(await personOff(person.id), '');
	});

	it('unsubscribe: GET asks and changes nothing; POST turns off exactly that kind', async () => {
		const url = shareMail.mail.headers.get('list').unsubscribe.url;
		const c = new Client();
		const page = await c.get(pathOf(url));
		assert.equal(page.status, 200);
		/* The contractor's name and the settings page's words for the kind, in their portal's frame. */
		assert.match(textOf(page.text), /Stop these emails\? .+ emails .+ when: “An estimate or invoice is shared with you”/);
		assert.match(page.text, /<body class="portal">/);
		assert.doesNotMatch(textOf(page.text), /Stop emails about/);
		assert.equal((await c.head(pathOf(url))).status, 200);
		assert.equal(await personOff(person.id), '');
		const res = await c.post(pathOf(url), {});
		assert.equal(res.status, 200);
		assert.match(textOf(res.text), /You're unsubscribed/);
		assert.equal(await personOff(person.id), 'shared');
		assert.equal(await staffOff(s.owner.userId), '', 'no one else changed');
		// Twice is harmless.
		assert.equal((await c.post(pathOf(url), {})).status, 200);
		assert.equal(await personOff(person.id), 'shared');
	});

	it('a mail client may POST the RFC 8058 one-click without a CSRF token', async () => {
		await s.owner.client.post(`/app/jobs/${s.job.jobId}/notes`, { note: 'Hello again', note_visible: '1' });
		const m = await waitForMail({ to: s.email, subject: /replied about/ });
		const url = m.mail.headers.get('list').unsubscribe.url;
		assert.match(url, /\.reply\./);
		const res = await new Client().post(pathOf(url), 'List-Unsubscribe=One-Click', { csrf: false,
			headers: { 'content-type': 'application/x-www-form-urlencoded' } });
		assert.equal(res.status, 200);
		assert.equal(await personOff(person.id), 'shared,reply');
		// Without the one-click body, a POST still needs its CSRF token.
		assert.equal((await new Client().post(pathOf(url), {}, { csrf: false })).status, 403);
	});

	it('a staff alert carries the unsubscribe of that user and kind', async () => {
		await customer.post(`/portal/documents/${s.id}/notes`, { note: 'One more question' });
		const m = await waitForMail({ to: s.owner.email, subject: /wrote about/ });
		const url = m.mail.headers.get('list').unsubscribe.url;
		assert.match(url, new RegExp(`/u/${s.owner.companyId}\\.s${s.owner.userId}\\.note\\.`));
		await new Client().post(pathOf(url), 'List-Unsubscribe=One-Click', { csrf: false,
			headers: { 'content-type': 'application/x-www-form-urlencoded' } });
		assert.equal(await staffOff(s.owner.userId), 'note');
	});

	it('a forged, altered or other-kind token is 404 and changes nothing', async () => {
		const url = shareMail.mail.headers.get('list').unsubscribe.url;
		const c = new Client();
		const p = pathOf(url);
		const altered = [
			p.replace(/\.shared\./, '.version.'),
			p.replace(/\.p(\d+)\./, (_, id) => `.p${Number(id) + 1}.`),
			p.replace(/\.p(\d+)\./, (_, id) => `.s${id}.`),
			p.slice(0, -2) + (p.endsWith('AA') ? 'BB' : 'AA'),
			'/u/1.p1.shared.x',
			'/u/nothing',
		];
		for (const bad of altered) {
			assert.equal((await c.get(bad)).status, 404, bad);
			assert.equal((await c.post(bad, {})).status, 404, bad);
		}
		assert.equal(await personOff(person.id), 'shared,reply');
	});
});

describe('a mail with a file', () => {
	it('the approval copy is multipart/mixed: the text and HTML, then the PDF in base64 lines of 76', async () => {
		const s = await sharedSetup('estimate');
		await s.owner.client.post(`${s.href}/share`, [['to', 'customer'], ['message', 'Please approve']]);
		await waitForMail({ to: s.email, link: /\/portal\/l\// });
		const pid = Number(await dbValue(`SELECT id FROM portal_people WHERE email = ${sqlString(s.email)}`));
		const customer = await portalClient({ id: pid, companyId: s.owner.companyId, customerId: s.job.customerId, email: s.email });
		const page = await customer.get(`/portal/documents/${s.id}`);
		const hash = page.text.match(/name="hash" value="([^"]+)"/)?.[1];
		assert.ok(hash, 'the approve form');
		const res = await customer.post(`/portal/documents/${s.id}/approve`, { hash, name: 'Jane Müller', accept: '1' });
		assert.equal(res.status, 303, textOf(res.text));
		const m = await waitForMail({ to: s.email, subject: /approved/i });
		/* The staff alert says who approved what, without quoting the history's system line. */
		const staff = await waitForMail({ to: s.owner.email, subject: /approved/i });
		assert.match(staff.text, /Jane Müller.* approved Estimate #\d+/);
		assert.doesNotMatch(staff.text, /^\s*\|/m);
		assert.doesNotMatch(staff.html, /<blockquote/);
		const raw = m.mail.raw.toString('latin1');
		assertWellFormed(m.mail.raw);
		assert.match(raw, /^Content-Type: multipart\/mixed; boundary="([^"]+)"\r$/m);
		assert.match(raw, /Content-Type: multipart\/alternative; boundary=/);
		assert.ok(m.text && m.html, 'text and HTML parts');
		assert.equal(m.mail.attachments.length, 1);
		const [a] = m.mail.attachments;
		assert.equal(a.contentType, 'application/pdf');
		assert.match(a.filename, /\.pdf$/);
		assert.equal(a.content.subarray(0, 5).toString(), '%PDF-');
		const b64 = raw.slice(raw.indexOf('Content-Transfer-Encoding: base64'));
		const lines = b64.split('\r\n').slice(3).filter((l) => /^[A-Za-z0-9+/=]+$/.test(l));
		assert.ok(lines.length > 2);
		for (const l of lines.slice(0, -1))
			assert.equal(l.length, 76);
	});
});
