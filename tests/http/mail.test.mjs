/*
 * Mail as it leaves the outbox (captured by tools/mail-capture), checked
 * with mailparser: text and HTML parts, Message-ID, Date, a UTF-8 subject
 * that round-trips, the company's contact details in both parts, absolute
 * links, escaped HTML, no header injection.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';

import {
	BASE_URL, Client, acceptInvite, dbValue, invite, signup, uniqueEmail, waitForMail,
} from '../lib/index.mjs';

const COMPANY = 'Fontanería Núñez & Hijos';
const PHONE = '+34 954 000 111';
const EMAIL = 'oficina@fontaneria-nunez.example';

describe('mail', () => {
	let owner;
	const mails = {};

	before(async () => {
		owner = await signup({ name: COMPANY, phone: PHONE, email: EMAIL, owner_name: 'Íñigo Núñez' });
		const welcome = waitForMail({ to: owner.email, subject: 'Welcome to Plumbline' });
		const inv = invite(owner.client, { role: 'office', name: 'Zoë Ångström' });
		await new Client().post('/password/forgot', { email: owner.email });
		const reset = waitForMail({ to: owner.email, subject: 'Reset your Plumbline password' });
		[mails.welcome, mails.invite, mails.reset] = await Promise.all([welcome, inv.then((i) => i.mail), reset]);
		/* A password change (from My account: the owner stays signed in) sends a notice. */
		const r = await owner.client.post('/app/account', {
			action: 'password', current_password: owner.password, password: 'nueva contraseña 1', password2: 'nueva contraseña 1',
		});
		assert.equal(r.status, 303);
		mails.password_changed = await waitForMail({ to: owner.email, subject: 'Your Plumbline password was changed' });
	});

	const kinds = ['welcome', 'invite', 'reset', 'password_changed'];

	for (const kind of kinds)
		it(`${kind}: a well-formed multipart/alternative message`, () => {
			const m = mails[kind];
			const { mail } = m;
			assert.match(mail.headers.get('content-type').value, /^multipart\/alternative$/);
			assert.ok(mail.text && mail.text.trim().length > 40, 'a text part');
			assert.ok(typeof mail.html === 'string' && /<html[\s>]/.test(mail.html), 'an HTML part');
			assert.match(mail.messageId ?? '', /^<[^<>@\s]+@[^<>@\s]+>$/, 'Message-ID');
			assert.ok(mail.date instanceof Date && !Number.isNaN(mail.date.getTime()), 'Date');
			assert.ok(Math.abs(Date.now() - mail.date.getTime()) < 10 * 60 * 1000, 'Date is now');
			assert.equal(mail.from.value[0].address, 'no-reply@plumbline.test');
			assert.equal(mail.from.value[0].name, `${COMPANY} via Plumbline`, 'From name round-trips');
			assert.equal(mail.replyTo?.value[0].address, EMAIL, 'replies go to the company');
			/* Raw message: 7-bit headers, no over-long lines. */
			const raw = mail.raw.toString('latin1');
			const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
			assert.doesNotMatch(head, /[^\x00-\x7f]/, 'headers are ASCII (RFC 2047 words for the rest)');
			for (const line of raw.split('\r\n'))
				assert.ok(line.length <= 998, `line of ${line.length} octets`);
			assert.doesNotMatch(raw, /[^\r]\n/, 'CRLF line ends only');
		});

	for (const kind of kinds)
		it(`${kind}: the company's name, phone and e-mail in both parts`, () => {
			const { mail } = mails[kind];
			for (const [part, body] of [['text', mail.text], ['html', mail.html]]) {
				assert.ok(body.includes(PHONE), `${part} has the phone`);
				assert.ok(body.includes(EMAIL), `${part} has the e-mail`);
			}
			assert.ok(mail.text.includes(COMPANY), 'text has the name as typed');
			assert.ok(mail.html.includes('Fontanería Núñez &amp; Hijos'), 'html has the name, escaped');
		});

	it('subjects are UTF-8 and round-trip', () => {
		assert.equal(mails.welcome.subject, `Welcome to Plumbline: ${COMPANY} is ready`);
		assert.equal(mails.invite.subject, `Íñigo Núñez invited you to join ${COMPANY} on Plumbline`);
		assert.equal(mails.reset.subject, 'Reset your Plumbline password');
		assert.match(mails.invite.mail.raw.toString('latin1'), /^Subject: =\?UTF-8\?[BQ]\?/m);
	});

	it('recipients get their own names, encoded', () => {
		const to = mails.invite.mail.to.value[0];
		assert.equal(to.name, 'Zoë Ångström');
		assert.equal(to.address, mails.invite.mail.to.value[0].address.toLowerCase());
	});

	it('links are absolute on the configured base URL and the same in both parts', () => {
		const base = BASE_URL.replace(/[.]/g, '\\.');
		assert.equal(mails.welcome.link, `${BASE_URL}/app/`);
		assert.match(mails.invite.link, new RegExp(`^${base}/invite\\?token=[A-Za-z0-9_-]{43}$`));
		assert.match(mails.reset.link, new RegExp(`^${base}/password/reset\\?token=[A-Za-z0-9_-]{43}$`));
		for (const kind of ['invite', 'reset'])
			assert.ok(mails[kind].html.includes(`href="${mails[kind].link}"`), `${kind}: the html button has the same link`);
		assert.match(mails.password_changed.text, new RegExp(`${base}/password/forgot`));
	});

	it('every message has its own Message-ID', () => {
		const ids = kinds.map((k) => mails[k].mail.messageId);
		assert.equal(new Set(ids).size, ids.length);
	});

	it('the outbox marks them sent, with no error', async () => {
		const rows = await dbValue(`SELECT COUNT(*) FROM outbox WHERE company_id = ${owner.companyId} AND (sent_at IS NULL OR last_error <> '')`);
		assert.equal(rows, '0');
		assert.equal(await dbValue(`SELECT COUNT(*) FROM outbox WHERE company_id = ${owner.companyId}`), '4');
	});

	it('markup in a name is escaped in HTML mail and left as typed in text mail', async () => {
		const i = await invite(owner.client, { role: 'field', name: '<img src=x onerror=alert(1)>' });
		assert.ok(!i.mail.html.includes('<img src=x'), 'escaped in html');
		assert.ok(i.mail.html.includes('&lt;img src=x onerror=alert(1)&gt;'));
		assert.ok(i.mail.text.includes('<img src=x onerror=alert(1)>'), 'plain in text');
		await acceptInvite(i.link);
	});

	it('no header injection through a name with a line break', async () => {
		const email = uniqueEmail('inj');
		const r = await owner.client.post('/app/staff/invite', { name: 'Eve\r\nBcc: victim@example.test', email, role: 'field' });
		if (r.status === 422)
			return;	/* refused outright: nothing to send */
		assert.equal(r.status, 303);
		const m = await waitForMail({ to: email });
		assert.equal(m.mail.headers.get('bcc'), undefined, 'no Bcc header');
		assert.deepEqual(m.mail.to.value.map((v) => v.address), [email], 'one recipient');
		const raw = m.mail.raw.toString('latin1');
		assert.doesNotMatch(raw.slice(0, raw.indexOf('\r\n\r\n')), /^Bcc:/mi);
	});

	it('one-line fields refuse line breaks (names end up in headers and subjects)', async () => {
		const r = await owner.client.post('/app/staff/invite', { name: 'Eve\nMallory', email: uniqueEmail('nl'), role: 'field' });
		assert.equal(r.status, 422, 'a person\'s name with a line break');
		const s = await new Client().post('/signup', {
			name: 'Two\nLines Co', trade: 'plumbing', phone: PHONE, email: EMAIL, timezone: 'UTC',
			owner_name: 'X', owner_email: uniqueEmail('nl'), password: 'long enough password',
		});
		assert.equal(s.status, 422, 'a company name with a line break');
	});
});
