/*
 * Where the stack under test is, from the environment tests/run sets:
 *   BASE_URL   http://127.0.0.1:PORT (nginx of the stack)
 *   STACK_DIR  the stack's directory (tools/stack up DIR PORT): run/*.pid, log/, mig.cnf
 *   MAIL_DIR   where tools/mail-capture drops .eml files (STACK_DIR/mail by default)
 *   SHOTS_DIR  where browser tests put screenshots of failures
 */
import { resolve } from 'node:path';

function required(name) {
	const v = process.env[name];
	if (!v)
		throw new Error(`${name} is not set: run the tests through tests/run, or set ` +
		    'BASE_URL, STACK_DIR and MAIL_DIR for a stack started with tools/stack up');
	return v;
}

export const BASE_URL = required('BASE_URL').replace(/\/+$/, '');
export const STACK_DIR = resolve(required('STACK_DIR'));
export const MAIL_DIR = resolve(process.env.MAIL_DIR || `${STACK_DIR}/mail`);
export const SHOTS_DIR = process.env.SHOTS_DIR ? resolve(process.env.SHOTS_DIR) : null;
/* The repository root (tests/lib/../..). */
export const ROOT = resolve(new URL('../..', import.meta.url).pathname);
