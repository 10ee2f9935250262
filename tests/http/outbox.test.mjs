/*
 * The outbox while mail is down: the message stays queued with the error
 * recorded and a back-off, and goes out once mail works again.
 *
 * tools/mail-capture has no failure switch, so mail is broken from outside:
 * MAIL_DIR is moved aside and a plain file put in its place, which makes
 * the capture script's `mkdir -p` fail (exit status 1).  This file must not
 * run beside others that wait for mail (tests/run runs files one at a time).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';

import {
	BASE_URL, Client, MAIL_DIR, STACK_DIR, dbRow, dbValue, login, signup, sqlString, waitFor, waitForMail, sleep,
} from '../lib/index.mjs';

const aside = `${MAIL_DIR}.outbox-test-${process.pid}`;

function breakMail() {
	renameSync(MAIL_DIR, aside);
	writeFileSync(MAIL_DIR, 'not a directory: tests/http/outbox.test.mjs breaks mail on purpose\n');
}

function repairMail() {
	if (existsSync(aside)) {
		if (existsSync(MAIL_DIR) && !statSync(MAIL_DIR).isDirectory())
			rmSync(MAIL_DIR);
		renameSync(aside, MAIL_DIR);
	}
}

async function row(id) {
	return dbRow(`SELECT COALESCE(sent_at, '-'), attempts, last_error, TIMESTAMPDIFF(SECOND, NOW(), next_attempt_at) FROM outbox WHERE id = ${id}`,
	    ['sent', 'attempts', 'error', 'dueIn']);
}

describe('outbox while mail is down', () => {
	let owner, id;

	before(async () => {
		owner = await signup();
		/* Let the welcome mail go first, so only our message meets the broken mail. */
		await waitForMail({ to: owner.email, subject: 'Welcome' });
	});

	after(repairMail);

	it('a failed send stays queued: attempts > 0, last_error set, retried later', async () => {
		const logBefore = readFileSync(`${STACK_DIR}/log/deliver.log`, 'latin1').length;
		breakMail();
		try {
			const r = await new Client().post('/password/forgot', { email: owner.email });
			assert.equal(r.status, 200);
			id = (await dbRow(`SELECT MAX(id) FROM outbox WHERE to_addr = ${sqlString(owner.email)} AND kind = 'reset'`, ['id'])).id;
			assert.ok(id, 'queued in the outbox');
			const failed = await waitFor(async () => {
				const x = await row(id);
				return Number(x.attempts) > 0 && x;
			}, { timeout: 10000, message: 'a delivery attempt' });
			assert.equal(failed.sent, '-', 'not marked sent');
			assert.equal(failed.attempts, '1');
			assert.equal(failed.error, 'sendmail exited with an error');
			assert.ok(Number(failed.dueIn) > 30 && Number(failed.dueIn) <= 60, `retried in about a minute, not at once: ${failed.dueIn} s`);
			const log = readFileSync(`${STACK_DIR}/log/deliver.log`, 'latin1').slice(logBefore);
			assert.match(log, new RegExp(`mail ${id} to ${owner.email.replace(/[.]/g, '\\.')}: sendmail exited with an error; retry in 60 s`));
		} finally {
			repairMail();
		}
		/* Mail works again, but the back-off holds: no retry before it is due. */
		await sleep(1500);
		assert.equal((await row(id)).sent, '-');
	});

	it('once due again it is delivered, and the link in it works', async () => {
		assert.ok(id, 'the previous test queued a message');
		assert.equal(await dbValue(`UPDATE outbox SET next_attempt_at = NOW() WHERE id = ${id}; SELECT ROW_COUNT()`), '1');
		const m = await waitForMail({ to: owner.email, subject: 'Reset your Plumbline password', timeout: 10000 });
		const done = await row(id);
		assert.notEqual(done.sent, '-', 'marked sent');
		assert.equal(done.attempts, '2');
		assert.equal(done.error, '', 'the error is cleared');
		assert.ok(m.link.startsWith(`${BASE_URL}/password/reset?token=`));
		const c = new Client();
		const page = await c.get(new URL(m.link).pathname + new URL(m.link).search);
		assert.equal(page.status, 200, 'the delayed link still works');
		const token = new URL(m.link).searchParams.get('token');
		const r = await c.post('/password/reset', { token, password: 'after the outage 1', password2: 'after the outage 1' });
		assert.equal(r.status, 303);
		await login(owner.email, 'after the outage 1');
	});
});
