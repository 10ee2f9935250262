/*
 * Losing the database: the app answers at once with an error (503 from
 * /healthz and for signed-in pages, never a hang or a crash), and comes
 * back by itself when the database does — same sessions, no restart.
 * Runs on a private stack (its database is stopped and started).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';

import { ROOT, privateStack, signup, sleep, tryLogin, waitFor } from '../lib/index.mjs';

function dbTool(cmd, dir) {
	return new Promise((resolve, reject) => {
		execFile(`${ROOT}/tools/db`, [cmd, `${dir}/db`], (err, out, errOut) => (err ? reject(new Error(errOut || err.message)) : resolve(out)));
	});
}

const timed = async (p) => {
	const t = Date.now();
	const status = await p.then((r) => r.status, (e) => `error ${e.message}`);
	return { status, ms: Date.now() - t };
};

describe('database loss', () => {
	it('answers 503 at once while the database is down, and recovers by itself', { timeout: 60000 }, async () => {
		const stack = await privateStack({ workers: 2 });
		try {
			const o = await signup(stack.client());
			const guest = stack.client({ timeout: 8000 });
			o.client.timeout = 8000;
			await o.client.csrf();
			const pidsBefore = stack.workerPids();

			await dbTool('stop', stack.dir);
			const health = await timed(guest.get('/healthz'));
			assert.equal(health.status, 503, '/healthz says the database is gone');
			assert.ok(health.ms < 2000, `at once: ${health.ms} ms`);
			for (const path of ['/app/', '/app/settings', '/app/account']) {
				const r = await timed(o.client.get(path));
				assert.equal(r.status, 503, `${path} while the database is down`);
				assert.ok(r.ms < 2000, `${path}: ${r.ms} ms`);
			}
			const post = await timed(o.client.post('/app/account', { action: 'profile', name: 'Offline' }));
			assert.ok([500, 503].includes(post.status), `a POST fails cleanly: ${post.status}`);
			const login = await timed(tryLogin(o.email, o.password, { client: stack.client({ timeout: 8000 }) }));
			assert.ok([500, 503].includes(login.status), `sign-in fails cleanly: ${login.status}`);
			assert.ok(login.ms < 3000, `sign-in answers at once: ${login.ms} ms`);
			/* The sign-in page itself needs no database. */
			assert.equal((await guest.get('/login')).status, 200);

			await dbTool('start', stack.dir);
			await waitFor(async () => (await guest.get('/healthz')).status === 200, { timeout: 5000, interval: 100, message: '/healthz back to 200' });
			const back = await o.client.get('/app/');
			assert.equal(back.status, 200, 'the same session works again');
			assert.equal((await tryLogin(o.email, o.password, { client: stack.client() })).status, 303);
			const r = await o.client.post('/app/account', { action: 'profile', name: 'Back Online' });
			assert.equal(r.status, 303, 'writes work again');
			await sleep(100);
			assert.doesNotMatch(stack.log(), /killed by signal|AddressSanitizer|runtime error:/, 'no worker crashed');
			assert.equal(stack.workerPids().length, pidsBefore.length, 'the pool is whole');
		} finally {
			await stack.down();
		}
	});
});
