/*
 * The process model: a worker killed mid-traffic is respawned at once and
 * the app keeps answering (only the request that worker held may fail,
 * with 502); SIGHUP replaces every worker without a failed request; a
 * request past the hard timeout ends its worker, not the service; workers
 * are recycled after max_requests; a dead worker never takes shared
 * resources (its password-hashing slot) with it.
 *
 * These tests signal the stack's processes: run this file alone or last,
 * never beside other files (tests/run runs files one at a time).  The ones
 * that need other settings, or could leave the stack damaged, start a
 * private stack of their own.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import {
	Client, STACK_DIR, alive, masterPid, privateStack, procStat, signup, sleep, tryLogin, uniqueEmail, waitFor,
	workerPids,
} from '../lib/index.mjs';

const appLog = () => readFileSync(`${STACK_DIR}/log/app.log`, 'latin1');
const status = (p) => p.then((r) => r.status, (e) => `error ${e.message}`);

describe('workers of the stack under test', () => {
	let owner, slowPage;

	before(async () => {
		owner = await signup();
		/* The dev stack has a slow page (GET /dev/sleep?ms=N): requests that are really in flight. */
		slowPage = (await new Client().get('/dev/sleep?ms=1')).status === 200;
	});

	it('kill -9 of a worker with 50 requests in flight: only its own request fails (502), it is respawned, the rest succeed', async () => {
		const before = workerPids();
		assert.ok(before.length >= 2, `at least 2 workers: ${before}`);
		const victim = before[0];
		const logStart = appLog().length;
		const guest = new Client();
		await guest.get('/login');
		/* 50 at once: slow requests, dashboards (session + DB + template) and sign-in pages. */
		const inflight = Array.from({ length: 50 }, (_, i) => status(
			i % 3 === 0 && slowPage ? new Client().get('/dev/sleep?ms=40') : i % 3 === 1 ? owner.client.get('/app/') : guest.get('/login')));
		await sleep(60);
		process.kill(victim, 'SIGKILL');
		const statuses = await Promise.all(inflight);
		const bad = statuses.filter((s) => s !== 200 && s !== 502);
		assert.deepEqual(bad, [], `in-flight answers are 200, or 502 for the killed worker's: ${statuses}`);
		assert.ok(statuses.filter((s) => s === 502).length <= 1, `only the request the killed worker held fails: ${statuses}`);

		/* Respawned within 2 s. */
		const t0 = Date.now();
		const after = await waitFor(() => {
			const now = workerPids();
			return now.length === before.length && !now.includes(victim) && now;
		}, { timeout: 2000, interval: 20, message: 'a new worker in place of the killed one' });
		assert.ok(Date.now() - t0 <= 2000);
		assert.ok(!alive(victim));
		assert.equal(after.filter((p) => !before.includes(p)).length, 1, 'exactly one new worker');

		/* Everything after succeeds. */
		const later = await Promise.all(Array.from({ length: 40 }, (_, i) =>
			status(i % 2 ? owner.client.get('/app/') : new Client().get('/healthz'))));
		assert.deepEqual(later, Array(40).fill(200));

		/* The master says what happened, by signal name. */
		const line = new RegExp(`worker ${victim} killed by signal KILL while serving route=.+ after \\d+ requests; respawn in \\d+ ms`);
		await waitFor(() => line.test(appLog().slice(logStart)), { timeout: 2000, message: `the log line ${line}` });
	});

	it('SIGHUP replaces every worker while requests keep succeeding', async () => {
		const master = masterPid();
		const before = workerPids();
		const logStart = appLog().length;
		const statuses = [];
		let stop = false;
		const loop = async (i) => {
			const c = i % 2 ? owner.client : new Client();
			while (!stop)
				statuses.push(await status(i % 2 ? c.get('/app/') : c.get('/login')));
		};
		const loops = [0, 1, 2, 3].map(loop);
		if (slowPage)	/* one request in flight across the reload: it must finish, not fail */
			loops.push(status(new Client().get('/dev/sleep?ms=400')).then((s) => { statuses.push(s); }));
		await sleep(200);
		process.kill(master, 'SIGHUP');
		const replaced = await waitFor(() => {
			const now = workerPids();
			return now.length === before.length && now.every((p) => !before.includes(p)) && now;
		}, { timeout: 5000, interval: 20, message: 'all workers replaced' });
		await sleep(300);	/* traffic on the new workers too */
		stop = true;
		await Promise.all(loops);
		assert.ok(statuses.length > 50, `traffic throughout: ${statuses.length} requests`);
		const failed = statuses.filter((s) => s !== 200);
		assert.deepEqual(failed, [], `every request during the reload succeeded (${statuses.length} sent)`);
		for (const p of before)
			assert.ok(!alive(p), `old worker ${p} is gone`);
		assert.equal(masterPid(), master, 'same master');
		assert.ok(alive(master));
		assert.equal(replaced.length, before.length);
		assert.match(appLog().slice(logStart), /reloaded .* \d+ workers/);
		assert.doesNotMatch(appLog().slice(logStart), /killed by signal/, 'old workers left cleanly');
		/* Sessions survive a reload (they live in the database). */
		assert.equal((await owner.client.get('/app/')).status, 200);
	});
});

describe('workers of a private stack', () => {
	it('a request past request_timeout_s ends its worker (logged), the service goes on; workers recycle after max_requests', { timeout: 60000 }, async () => {
		const stack = await privateStack({ workers: 2, requestTimeout: 1, maxRequests: 5 });
		try {
			const c = stack.client();
			if ((await c.get('/dev/sleep?ms=1')).status !== 200)
				return;	/* no slow page in this build: nothing to time out */
			const before = stack.workerPids();
			const t0 = Date.now();
			const slow = await status(c.get('/dev/sleep?ms=5000', { timeout: 8000 }));
			const ms = Date.now() - t0;
			assert.ok([502, 504].includes(slow), `the timed-out request fails cleanly: ${slow}`);
			assert.ok(ms < 3500, `cut after about the 1 s limit, not 5 s: ${ms} ms`);
			await waitFor(() => /killed by signal ALRM \(request timeout\) while serving route=GET \/dev\/sleep/.test(stack.log()),
			    { timeout: 2000, message: 'the timeout in the log, with the route' });
			/* Recycling: 5 requests per worker, so 30 requests see several generations, none failing. */
			const statuses = [];
			for (let i = 0; i < 30; i++)
				statuses.push(await status(c.get(i % 2 ? '/healthz' : '/login')));
			assert.deepEqual(statuses, Array(30).fill(200));
			assert.match(stack.log(), /worker \d+ recycled after 5 requests/);
			/* (a worker that just left is replaced on the master's next tick) */
			await waitFor(() => {
				const now = stack.workerPids();
				return now.length === 2 && now.every((p) => !before.includes(p));
			}, { timeout: 2000, message: 'two workers, both new' });
		} finally {
			await stack.down();
		}
	});

	it('a worker killed while hashing gives its hash slot back (sign-in keeps working)', { timeout: 60000 }, async () => {
		/* On a private stack: if the slot leaks, sign-in there hangs, not here. */
		const stack = await privateStack({ workers: 2 });
		try {
			const o = await signup(stack.client());
			const kills = [];
			const midSignIn = () => kills.filter((p) => new RegExp(`worker ${p} killed by signal KILL while serving route=POST /login`).test(stack.log()));
			/* As many kills inside a sign-in as there are slots (hash_slots = 2): with the leak, none is left.
			 * A kill that lands between two requests (a busy machine) doesn't count: try again, a few times. */
			for (let round = 0; midSignIn().length < 2 && round < 8; round++) {
				const pids = stack.workerPids();
				/* Load that keeps both workers hashing: failed sign-ins of unknown addresses hash too. */
				const load = Array.from({ length: 12 }, () =>
					status(tryLogin(uniqueEmail('load'), 'not the password', { client: stack.client({ timeout: 5000 }) })));
				/* Kill it while it runs (state R) once the sign-ins are under way: that is inside argon2. */
				const victim = pids[round % pids.length];
				await sleep(50);
				await waitFor(() => procStat(victim)?.state === 'R', { timeout: 3000, interval: 1 }).catch(() => {});
				process.kill(victim, 'SIGKILL');
				kills.push(victim);
				await waitFor(() => stack.workerPids().length === pids.length && !stack.workerPids().includes(victim),
				    { timeout: 3000, message: 'respawn' });
				/* Don't wait out a hung queue: give the load a few seconds at most. */
				await Promise.race([Promise.all(load), sleep(3000)]);
			}
			assert.equal(midSignIn().length, 2, `two workers killed mid sign-in (${kills.length} kills)`);
			/* Both slots must still be there: two right-password sign-ins at once answer promptly. */
			const t0 = Date.now();
			const got = await Promise.all([0, 1].map(() => status(tryLogin(o.email, o.password, { client: stack.client({ timeout: 6000 }) }))));
			const ms = Date.now() - t0;
			assert.deepEqual(got, [303, 303], `sign-in with the right password after the kills (${ms} ms)`);
			assert.ok(ms < 5000, `answered in ${ms} ms (a leaked slot makes it wait 10 s)`);
		} finally {
			await stack.down();
		}
	});
});
