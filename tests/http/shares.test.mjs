/*
 * Sharing an estimate or invoice from the back office: the Share panel, the
 * share itself (display, draft → sent, a share row, a mail with a working
 * sign-in link per chosen person, the history), Display to customer, Revoke
 * links, and the mail every share sends (parsed with mailparser).
 */
import { describe, it, before, after } from 'node:test';
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import assert from 'node:assert/strict';

import {
	Client, MAIL_DIR, db, dbValue, inputValue, pathOf, reEscape, sqlString, textOf, uniqueEmail, waitFor, waitForMail,
} from '../lib/index.mjs';
import { company, createDoc, makeJob } from './documents-fixtures.mjs';
import { assertWellFormed, sharedSetup } from './shares-fixtures.mjs';

describe('share an estimate', () => {
	let s, mail;

	before(async () => {
		s = await sharedSetup('estimate');
	});

	it('shows the Share panel with the customer ticked and a message to edit', async () => {
		const res = await s.owner.client.get(s.href);
		assert.equal(res.status, 200);
		assert.match(res.text, /id="share"/);
		assert.match(res.text, new RegExp(`name="to" value="customer" checked`));
		assert.match(textOf(res.text), new RegExp(reEscape(s.email)));
		assert.match(inputValue(res.text, 'message') ?? res.text, /Hi Jane/);
		assert.match(textOf(res.text), /Not visible until you share or send it/, 'a draft is never shown, whatever the switch says');
	});

	it('refuses a share to nobody (422) and changes nothing', async () => {
		const res = await s.owner.client.post(`${s.href}/share`, { message: 'x' });
		assert.equal(res.status, 422);
		assert.match(textOf(res.text), /Choose at least one person/);
		assert.equal(await dbValue(`SELECT status FROM documents WHERE id = ${s.id}`), 'draft');
		assert.equal(await dbValue(`SELECT COUNT(*) FROM document_shares WHERE document_id = ${s.id}`), '0');
	});

	it('refuses a made-up recipient (400)', async () => {
		const res = await s.owner.client.post(`${s.href}/share`, [['to', 'contact-abc'], ['message', 'x']]);
		assert.equal(res.status, 400);
	});

	it('shares: displayed, sent, one share row, a history line, a mail', async () => {
		const res = await s.owner.client.post(`${s.href}/share`, [['to', 'customer'],
			['message', 'Hi Jane, here is your estimate — Grüße from Ölund.']]);
		assert.equal(res.status, 303, textOf(res.text));
		const [[status, shown]] = await db(`SELECT status, display_to_customer FROM documents WHERE id = ${s.id}`);
		assert.equal(status, 'sent');
		assert.equal(shown, '1');
		assert.equal(await dbValue(`SELECT COUNT(*) FROM document_shares WHERE document_id = ${s.id}`), '1');
		assert.match(await dbValue(`SELECT body FROM job_events WHERE job_id = ${s.job.jobId} AND kind = 'share'`),
		    new RegExp(`shared with Jane Müller <${reEscape(s.email)}>`));
		mail = await waitForMail({ to: s.email, link: /https?:\/\/[^\s]+\/portal\/l\/[A-Za-z0-9_-]{43}/ });
	});

	it('the mail parses: UTF-8 subject, text and HTML, company contact, unsubscribe headers', async () => {
		assert.equal(mail.subject, `Estimate #${await dbValue(`SELECT number FROM documents WHERE id = ${s.id}`)} from Ölund & Söhne Plumbing — Kitchen sink`);
		assert.ok(mail.text && mail.html, 'text and HTML parts');
		assertWellFormed(mail.mail.raw);
		assert.match(mail.mail.raw.toString('latin1'), /^Subject: =\?UTF-8\?B\?/m);
		assert.match(mail.text, /Grüße from Ölund/);
		assert.match(mail.html, /Grüße from Ölund/);
		assert.match(mail.text, /You can still call us at 555-0100/i);
		assert.match(mail.html, /1 Main Street/);
		assert.match(mail.html, /View your estimate/);
		const raw = mail.mail.raw.toString('latin1');
		assert.match(raw, /^List-Unsubscribe: <https?:\/\/[^>]+\/u\/[^>]+>\r$/m);
		assert.match(raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
		assert.match(mail.mail.headers.get('list').unsubscribe.url, /\/u\//);
		assert.ok(!mail.text.startsWith('\n'), 'the text starts with words');
	});

	it('the link opens the estimate after the confirm POST, and the view shows up', async () => {
		const customer = new Client();
		const path = pathOf(mail.link);
		const page = await customer.get(path);
		assert.equal(page.status, 200);
		const spent = await customer.post(path, {});
		assert.equal(spent.status, 303);
		assert.match(spent.location, new RegExp(`/portal/documents/${s.id}$`));
		const doc = await customer.follow(spent);
		assert.equal(doc.status, 200);
		assert.match(textOf(doc.text), /New tap/);
		const back = await s.owner.client.get(s.href);
		assert.match(textOf(back.text), /Shared\s+Jane Müller/);
		assert.doesNotMatch(textOf(back.text), /Not viewed yet/);
		/* The estimate's own history: every later event about it, newest first. */
		const history = back.text.slice(back.text.indexOf('id="doc-history"'));
		assert.ok(history.length > 20, 'the estimate page has its history');
		const kinds = [...history.matchAll(/timeline__kind">([^<]+)</g)].map((m) => m[1]);
		assert.ok(kinds.indexOf('Viewed') >= 0 && kinds.indexOf('Viewed') < kinds.indexOf('Shared'), kinds.join(', '));
	});

	it('Display to customer can be turned off and on', async () => {
		let res = await s.owner.client.post(`${s.href}/display`, { display: '0' });
		assert.equal(res.status, 303);
		assert.equal(await dbValue(`SELECT display_to_customer FROM documents WHERE id = ${s.id}`), '0');
		res = await s.owner.client.post(`${s.href}/display`, { display: '1' });
		assert.equal(res.status, 303);
		assert.equal(await dbValue(`SELECT display_to_customer FROM documents WHERE id = ${s.id}`), '1');
	});

	it('Revoke links spends nothing but makes the unused links useless', async () => {
		const res = await s.owner.client.post(`${s.href}/share`, [['to', 'customer'], ['message', 'Again']]);
		assert.equal(res.status, 303);
		const again = await waitForMail({ to: s.email, link: /https?:\/\/[^\s]+\/portal\/l\/[A-Za-z0-9_-]{43}/ });
		const rv = await s.owner.client.post(`${s.href}/links/revoke`, {});
		assert.equal(rv.status, 303);
		assert.equal(await dbValue(`SELECT COUNT(*) FROM portal_links WHERE document_id = ${s.id} AND revoked_at IS NULL AND used_at IS NULL`), '0');
		const c = new Client();
		await c.get(pathOf(again.link));
		const spent = await c.post(pathOf(again.link), {});
		assert.notEqual(spent.status, 303, 'a revoked link signs no one in');
	});

	it('another company can neither see nor share it (404)', async () => {
		const other = await company();
		assert.equal((await other.client.get(s.href)).status, 404);
		assert.equal((await other.client.post(`${s.href}/share`, [['to', 'customer']])).status, 404);
		assert.equal((await other.client.post(`${s.href}/display`, { display: '0' })).status, 404);
		assert.equal((await other.client.post(`${s.href}/links/revoke`, {})).status, 404);
	});
});

describe('share without an address', () => {
	it('says to add an email address to the customer first', async () => {
		const owner = await company();
		const job = await makeJob(owner.companyId);
		await db(`UPDATE customers SET email = '' WHERE id = ${job.customerId}`);
		const res = await createDoc(owner.client, 'invoice', job.jobId, {
			due_on: '2026-04-01', lines: [{ desc: 'Call-out', qty: '1', unit: 'ea', price: '80.00' }],
		});
		const page = await owner.client.follow(res);
		assert.match(textOf(page.text), /Add an email address to the customer first/);
		assert.match(page.text, new RegExp(`href="/app/customers/${job.customerId}"`));
	});
});

describe('share an invoice to a contact', () => {
	it('issues the draft and mails the chosen contact only', async () => {
		const s = await sharedSetup('invoice');
		const contactEmail = uniqueEmail('contact');
		const contactId = Number((await db(`INSERT INTO contacts (company_id, customer_id, name, email)
		    VALUES (${s.owner.companyId}, ${s.job.customerId}, 'Sam Site', ${sqlString(contactEmail)}); SELECT LAST_INSERT_ID()`))[0][0]);
		const res = await s.owner.client.post(`${s.href}/share`, [['to', `contact-${contactId}`], ['message', 'Invoice attached in the portal']]);
		assert.equal(res.status, 303);
		assert.equal(await dbValue(`SELECT status FROM documents WHERE id = ${s.id}`), 'sent');
		const m = await waitForMail({ to: contactEmail, link: /\/portal\/l\// });
		assert.match(m.subject, /^Invoice #\d+ from /);
		assert.equal(await dbValue(`SELECT COUNT(*) FROM outbox WHERE to_addr = ${sqlString(s.email)}`), '0');
	});
});

/* Mail down (as tests/http/outbox.test.mjs breaks it): the share's mail waits in the outbox. */
describe('share while mail is down', () => {
	const aside = `${MAIL_DIR}.shares-test-${process.pid}`;
	const repair = () => {
		if (existsSync(aside)) {
			if (existsSync(MAIL_DIR) && !statSync(MAIL_DIR).isDirectory())
				rmSync(MAIL_DIR);
			renameSync(aside, MAIL_DIR);
		}
	};
	after(repair);

	it('keeps the mail queued with its error, and delivers it with a working link later', async () => {
		const s = await sharedSetup('estimate');
		renameSync(MAIL_DIR, aside);
		writeFileSync(MAIL_DIR, 'not a directory: tests/http/shares.test.mjs breaks mail on purpose\n');
		let id;
		try {
			const res = await s.owner.client.post(`${s.href}/share`, [['to', 'customer'], ['message', 'During the outage']]);
			assert.equal(res.status, 303, 'the share itself succeeds');
			id = await dbValue(`SELECT MAX(id) FROM outbox WHERE to_addr = ${sqlString(s.email)}`);
			await waitFor(async () => Number(await dbValue(`SELECT attempts FROM outbox WHERE id = ${id}`)) > 0,
			    { timeout: 10000, message: 'a failed delivery attempt' });
			assert.equal(await dbValue(`SELECT sent_at IS NULL FROM outbox WHERE id = ${id}`), '1');
		} finally {
			repair();
		}
		await dbValue(`UPDATE outbox SET next_attempt_at = NOW() WHERE id = ${id}; SELECT ROW_COUNT()`);
		const m = await waitForMail({ to: s.email, link: /\/portal\/l\/[A-Za-z0-9_-]{43}/, timeout: 10000 });
		const c = new Client();
		await c.get(pathOf(m.link));
		assert.equal((await c.post(pathOf(m.link), {})).status, 303, 'the delayed link still signs in');
	});
});
