/*
 * The app's processes: the master (STACK_DIR/run/plumbline.pid) and its
 * workers (its live children), plus a small polling helper.
 */
import { readFileSync, readdirSync } from 'node:fs';

import { STACK_DIR } from './env.mjs';

/* The master's pid from its pid file (of the stack under test, or of stackDir). */
export function masterPid(stackDir = STACK_DIR) {
	const pid = Number(readFileSync(`${stackDir}/run/plumbline.pid`, 'utf8').trim());
	if (!Number.isInteger(pid) || pid <= 0)
		throw new Error(`bad pid file ${stackDir}/run/plumbline.pid`);
	return pid;
}

/* { ppid, state } of pid from /proc, or null when it is gone. */
export function procStat(pid) {
	try {
		const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const rest = s.slice(s.lastIndexOf(')') + 2).split(' ');
		return { state: rest[0], ppid: Number(rest[1]) };
	} catch {
		return null;
	}
}

/* Alive and not a zombie. */
export function alive(pid) {
	const st = procStat(pid);
	return st !== null && st.state !== 'Z' && st.state !== 'X';
}

/* The master's live children (its workers), sorted. */
export function workerPids(master = masterPid()) {
	const out = [];
	for (const d of readdirSync('/proc')) {
		if (!/^\d+$/.test(d))
			continue;
		const st = procStat(d);
		if (st && st.ppid === master && st.state !== 'Z' && st.state !== 'X')
			out.push(Number(d));
	}
	return out.sort((a, b) => a - b);
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/* Poll fn (sync or async) until it returns a truthy value; that value, or throw after timeout ms. */
export async function waitFor(fn, { timeout = 5000, interval = 50, message = 'condition' } = {}) {
	const end = Date.now() + timeout;
	let last;
	for (;;) {
		last = await fn();
		if (last)
			return last;
		if (Date.now() > end)
			throw new Error(`waitFor: ${message} not met in ${timeout} ms`);
		await sleep(interval);
	}
}
