/*
 * Captured mail: tools/mail-capture writes each message the delivery loop
 * sends as MAIL_DIR/<time>-<pid>-<random>.eml (whole or not at all).
 * waitForMail() polls for one that matches, parses it with mailparser and
 * hands it out once per test process (a second call for the same
 * recipient waits for the next message).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { simpleParser } from 'mailparser';

import { BASE_URL, MAIL_DIR } from './env.mjs';
import { sleep } from './procs.mjs';

const parsed = new Map();	/* file name → parsed message */
const taken = new Set();	/* file names already handed out */

/* The .eml files in MAIL_DIR, oldest first. */
export async function mailFiles() {
	let names;
	try {
		names = await readdir(MAIL_DIR);
	} catch (e) {
		if (e.code === 'ENOENT')
			return [];
		throw e;
	}
	return names.filter((n) => n.endsWith('.eml') && !n.startsWith('.')).sort();
}

/* Parse one captured file (cached). */
export async function readMail(name) {
	if (!parsed.has(name)) {
		const raw = await readFile(`${MAIL_DIR}/${name}`);
		const mail = await simpleParser(raw);
		mail.raw = raw;
		parsed.set(name, mail);
	}
	return parsed.get(name);
}

function addresses(field) {
	if (!field)
		return [];
	const list = Array.isArray(field) ? field : [field];
	return list.flatMap((a) => a.value ?? []).map((v) => (v.address ?? '').toLowerCase());
}

function matches(value, want) {
	if (want === undefined)
		return true;
	return want instanceof RegExp ? want.test(value ?? '') : (value ?? '').includes(want);
}

/* Escape a string for use inside a RegExp. */
export const reEscape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/*
 * Wait for a mail not handed out before, addressed to `to`, whose subject
 * contains `subject` (string) or matches it (RegExp).  `link`: a RegExp
 * for the link to pick from the text part (default: the first URL of this
 * site).  Resolves { file, mail (mailparser's), subject, text, html, link }.
 */
export async function waitForMail({ to, subject, link, timeout = 15000 } = {}) {
	const linkRe = link ?? new RegExp(`${reEscape(BASE_URL)}/\\S+`);
	const end = Date.now() + timeout;
	for (;;) {
		for (const name of await mailFiles()) {
			if (taken.has(name))
				continue;
			let mail;
			try {
				mail = await readMail(name);
			} catch {
				continue;	/* vanished or unreadable: not ours */
			}
			if (to !== undefined && !addresses(mail.to).includes(to.toLowerCase()))
				continue;
			if (!matches(mail.subject, subject))
				continue;
			taken.add(name);
			const m = linkRe.exec(mail.text ?? '');
			return {
				file: `${MAIL_DIR}/${name}`, mail, subject: mail.subject,
				text: mail.text ?? '', html: typeof mail.html === 'string' ? mail.html : '',
				link: m ? m[0] : null,
			};
		}
		if (Date.now() > end)
			throw new Error(`no mail to ${to ?? 'anyone'}${subject ? ` about ${subject}` : ''} in ${timeout} ms`);
		await sleep(100);
	}
}

/* Files of mail addressed to `to` captured so far (handed out or not). */
export async function mailsTo(to) {
	const out = [];
	for (const name of await mailFiles()) {
		try {
			const mail = await readMail(name);
			if (addresses(mail.to).includes(to.toLowerCase()))
				out.push(name);
		} catch { /* skip */ }
	}
	return out;
}

/* Modification time of a captured file, ms. */
export async function mailTime(file) {
	return (await stat(file)).mtimeMs;
}
