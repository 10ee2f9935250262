/*
 * The stack's database, for assertions and for setting up what HTTP can't
 * (an expired token, a mail due now).  Runs the mariadb client as the
 * migration user (STACK_DIR/mig.cnf), session time zone UTC like the app.
 * Never use it to do what a test should do through the app.
 */
import { execFile } from 'node:child_process';

import { STACK_DIR } from './env.mjs';

function unescape(cell) {
	if (cell === 'NULL')
		return null;
	return cell.replace(/\\(.)/g, (m, c) => ({ n: '\n', t: '\t', 0: '\0', '\\': '\\' }[c] ?? c));
}

/* Run sql (one or more statements); resolves the rows of the last result as arrays of strings (NULL → null). */
export function db(sql) {
	return new Promise((resolve, reject) => {
		execFile('mariadb', [`--defaults-file=${STACK_DIR}/mig.cnf`, '-N', '-B',
		    "--init-command=SET time_zone = '+00:00'", '-e', sql],
		    { maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
			if (err) {
				reject(new Error(`db: ${stderr.trim() || err.message}\n  in: ${sql}`));
				return;
			}
			const rows = stdout.split('\n').filter((l) => l !== '').map((l) => l.split('\t').map(unescape));
			resolve(rows);
		});
	});
}

/* The first column of the first row, or undefined when there is no row. */
export async function dbValue(sql) {
	const rows = await db(sql);
	return rows.length ? rows[0][0] : undefined;
}

/* The first row as { column: value } for the given column names, or undefined. */
export async function dbRow(sql, names) {
	const rows = await db(sql);
	if (!rows.length)
		return undefined;
	return Object.fromEntries(names.map((n, i) => [n, rows[0][i]]));
}

/* A quoted SQL string literal for s. */
export function sqlString(s) {
	return `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\0/g, '\\0')}'`;
}
