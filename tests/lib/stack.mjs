/*
 * A private stack of its own for a test that would damage the shared one
 * (e.g. one that kills workers at a bad moment): tools/stack up in a temp
 * directory on a free port, with the binary the shared stack runs.
 * Costs about a second to start; always call down().
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readlink, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ROOT } from './env.mjs';
import { Client } from './http.mjs';
import { masterPid, workerPids } from './procs.mjs';

function freePort() {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.on('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => resolve(port));
		});
	});
}

/*
 * The binary the stack under test runs.  When it was rebuilt since the
 * master started, /proc says "PATH (deleted)": the new build at PATH is
 * the one to use.
 */
export async function appBinary() {
	return (await readlink(`/proc/${masterPid()}/exe`)).replace(/ \(deleted\)$/, '');
}

function stackTool(args, env = {}) {
	return new Promise((resolve, reject) => {
		execFile(join(ROOT, 'tools/stack'), args, { env: { ...process.env, ...env }, maxBuffer: 16 << 20 },
		    (err, stdout, stderr) => (err ? reject(new Error(`tools/stack ${args.join(' ')}: ${stderr || err.message}`)) : resolve(stdout)));
	});
}

/*
 * Start a private stack.  opts: workers (2), maxRequests (5000),
 * requestTimeout (s, 30) — tools/stack's knobs.  Resolves { base, dir,
 * port, client(opts) → Client for it, masterPid(), workerPids(), log()
 * (its app.log), down() }.
 */
export async function privateStack({ workers = 2, maxRequests = 5000, requestTimeout = 30 } = {}) {
	const bin = await appBinary();
	const dir = await mkdtemp(join(tmpdir(), 'plumbline-private-'));
	const port = await freePort();
	try {
		await stackTool(['up', dir, String(port)], {
			PLUMBLINE_BIN: bin, WORKERS: String(workers), MAX_REQUESTS: String(maxRequests),
			REQUEST_TIMEOUT_S: String(requestTimeout),
		});
	} catch (e) {
		await stackTool(['down', dir]).catch(() => {});
		await rm(dir, { recursive: true, force: true });
		throw e;
	}
	const base = `http://127.0.0.1:${port}`;
	const master = () => masterPid(dir);
	return {
		base, dir, port,
		client: (opts = {}) => new Client({ ...opts, base }),
		masterPid: master,
		workerPids: () => workerPids(master()),
		log: () => readFileSync(`${dir}/log/app.log`, 'latin1'),
		async down() {
			await stackTool(['down', dir]).catch(() => {});
			await rm(dir, { recursive: true, force: true });
		},
	};
}

/*
 * The app's route table as the running binary prints it (`plumbline
 * routes`): [{ method, pattern, access }].  Tests compare it with what they
 * cover, so a new route can't go untested.
 */
export async function routeTable() {
	const bin = await appBinary();
	const out = await new Promise((resolve, reject) => {
		execFile(bin, ['routes'], (err, stdout, stderr) => (err ? reject(new Error(`${bin} routes: ${stderr || err.message}`)) : resolve(stdout)));
	});
	return out.trim().split('\n').map((l) => {
		const [method, pattern, access] = l.split('\t');
		return { method, pattern, access };
	});
}
