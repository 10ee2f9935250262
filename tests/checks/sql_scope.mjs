// Tenancy check: every statement that touches a table carrying company_id must bind the
// company from the session (":company" in its SQL) or say why it can't (its `why`).
// Input: `plumbline statements` on stdin; tenant tables are read from sql/*.sql.
// With --self-test it proves it catches a bad statement.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

export function tenantTables(sqlDir) {
	const tables = new Set();
	for (const f of readdirSync(sqlDir).filter((f) => /^\d{4}_.*\.sql$/.test(f)).sort()) {
		const text = readFileSync(join(sqlDir, f), 'utf8');
		for (const m of text.matchAll(/CREATE TABLE\s+`?(\w+)`?\s*\(([\s\S]*?)\)\s*ENGINE/gi))
			if (/^\s*company_id\s/im.test(m[2])) tables.add(m[1].toLowerCase());
		for (const m of text.matchAll(/ALTER TABLE\s+`?(\w+)`?[^;]*ADD\s+(COLUMN\s+)?company_id\s/gi))
			tables.add(m[1].toLowerCase());
	}
	return tables;
}

export function violations(lines, tenants) {
	const bad = [];
	for (const line of lines) {
		if (!line.trim()) continue;
		const [name, why, sql] = line.split('\t');
		const used = [...sql.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE)\s+`?(\w+)`?/gi)]
			.map((m) => m[1].toLowerCase()).filter((t) => tenants.has(t));
		if (used.length === 0) continue;
		if (sql.includes(':company')) continue;
		if (why && why !== '-') continue;
		bad.push(`${name}: touches ${used.join(', ')} without :company or a reason`);
	}
	return bad;
}

const tenants = tenantTables(join(root, 'sql'));
if (process.argv.includes('--self-test')) {
	const caught = violations(['x\t-\tSELECT id FROM users WHERE id = ?'], tenants);
	const passed = violations(['y\t-\tSELECT id FROM users WHERE company_id = :company'], tenants);
	if (caught.length !== 1 || passed.length !== 0 || !tenants.has('users')) {
		console.error('sql_scope self-test failed');
		process.exit(1);
	}
	process.exit(0);
}
const bad = violations(readFileSync(0, 'utf8').split('\n'), tenants);
if (bad.length) {
	console.error(bad.join('\n'));
	process.exit(1);
}
