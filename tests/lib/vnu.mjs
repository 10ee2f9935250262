/*
 * The Nu HTML checker (npm vnu-jar, run with the installed Java) over many
 * documents in one JVM start (a start costs seconds).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ROOT } from './env.mjs';

export const VNU_JAR = join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');

/*
 * Check docs ([{ name, html }]; names are used as file names, so keep them
 * simple).  Resolves a Map name → [{ type, message, line, extract }] with
 * errors only; an empty list means the document is valid.
 */
export async function validateHtml(docs) {
	const dir = await mkdtemp(join(tmpdir(), 'plumbline-vnu-'));
	try {
		const files = [];
		for (const d of docs) {
			const f = join(dir, `${d.name.replace(/[^A-Za-z0-9_.-]/g, '_')}.html`);
			await writeFile(f, d.html);
			files.push([d.name, f]);
		}
		const out = await new Promise((resolve, reject) => {
			execFile('java', ['-Xss4m', '-jar', VNU_JAR, '--errors-only', '--format', 'json', '--stdout',
			    ...files.map(([, f]) => f)], { maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
				/* vnu exits 1 when it found errors: that's an answer, not a failure. */
				if (err && !stdout)
					reject(new Error(`vnu: ${stderr || err.message}`));
				else
					resolve(stdout);
			});
		});
		const byFile = new Map(files.map(([name, f]) => [f, name]));
		const result = new Map(docs.map((d) => [d.name, []]));
		for (const m of JSON.parse(out).messages ?? []) {
			const path = m.url ? decodeURIComponent(new URL(m.url).pathname) : null;
			const name = byFile.get(path);
			if (name === undefined) {
				/* A message about the run itself: report it against every document. */
				for (const list of result.values())
					list.push({ type: m.type, message: m.message });
				continue;
			}
			result.get(name).push({ type: m.type, message: m.message, line: m.lastLine, extract: m.extract });
		}
		return result;
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}
