// Helpers for the browser tests: one Chromium per file, a fresh context per
// test, a screenshot in SHOTS_DIR when a test fails, captured mail read from
// MAIL_DIR, and the clicks a new customer makes to sign up.
//
// Environment (set by tests/run): BASE_URL, STACK_DIR, MAIL_DIR, SHOTS_DIR.
// REVIEW_SHOTS_DIR (optional): where layout.test.mjs puts full-page
// screenshots of every main page for a person to look at.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export { test, assert };

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
export const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
export const STACK_DIR = process.env.STACK_DIR || '';
export const MAIL_DIR = process.env.MAIL_DIR || (STACK_DIR ? path.join(STACK_DIR, 'mail') : '');
export const SHOTS_DIR = process.env.SHOTS_DIR || '';
export const REVIEW_SHOTS_DIR = process.env.REVIEW_SHOTS_DIR || '';
export const AXE_PATH = path.join(ROOT, 'node_modules/axe-core/axe.min.js');

export const LAUNCH = {
	executablePath: process.env.CHROMIUM || '/usr/lib/chromium/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
		'--disable-background-networking', '--disable-component-update',
		'--no-first-run', '--disable-sync'],
};

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 800 };

// Playwright's own waits: short, so a broken page fails fast, not at the
// runner's timeout.
const ACTION_TIMEOUT = 5000;

// Launched on first use (Node 20 runs root-level `before` hooks concurrently,
// so a hook of a test file can't count on another one having finished).
let launching = null;

/** The file's browser, launched once. */
export function getBrowser() {
	launching ??= chromium.launch(LAUNCH);
	return launching;
}

/** One browser for the file, closed after its tests (call at the top level of a test file). */
export function useBrowser() {
	after(async () => {
		if (launching) await (await launching).close();
		launching = null;
	});
	return getBrowser;
}

/** A file-system-safe name from a test's name. */
export function slug(s) {
	return s.normalize('NFKD').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100) || 'test';
}

/** A new context on BASE_URL with console errors, page errors and failed requests recorded. */
export async function newContext(opts = {}) {
	const ctx = await (await getBrowser()).newContext({
		baseURL: BASE_URL, viewport: DESKTOP, locale: 'en-US', ...opts,
	});
	ctx.setDefaultTimeout(ACTION_TIMEOUT);
	ctx.setDefaultNavigationTimeout(10000);
	ctx.problems = [];
	ctx.on('page', (p) => watch(p, ctx.problems));
	return ctx;
}

// Chromium logs "Failed to load resource" for every 4xx page, too; a 422 or
// 404 page is often the point of a test, so those (documents) are not
// problems.  A failed style sheet, image or script is.
function watch(page, problems) {
	const errorDocs = new Set();
	page.on('response', (r) => {
		if (r.status() < 400) return;
		if (r.request().resourceType() === 'document') errorDocs.add(r.url());
		else problems.push(`${r.status()} for ${r.request().resourceType()} ${r.url()}`);
	});
	page.on('console', (m) => {
		if (m.type() !== 'error') return;
		if (/^Failed to load resource/.test(m.text()) && errorDocs.has(m.location().url)) return;
		problems.push(`console error on ${page.url()}: ${m.text()}`);
	});
	page.on('pageerror', (e) => problems.push(`page error on ${page.url()}: ${e.message}`));
}

/** Save the page as SHOTS_DIR/<name>.png (for failures; never throws). */
export async function screenshot(page, name) {
	if (!SHOTS_DIR || !page || page.isClosed()) return;
	try {
		fs.mkdirSync(SHOTS_DIR, { recursive: true });
		await page.screenshot({ path: path.join(SHOTS_DIR, `${slug(name)}.png`), fullPage: true, timeout: 3000 });
	} catch { /* a screenshot must not hide the real failure */ }
}

/**
 * A test with a fresh context and page: fn({ page, ctx, t }).  Afterwards no
 * console error, CSP violation or failed asset may have been seen.  On
 * failure the current page is saved as SHOTS_DIR/<test name>.png.
 */
export function browserTest(name, fn, ctxOpts = {}) {
	test(name, async (t) => {
		const ctx = await newContext(ctxOpts);
		const page = await ctx.newPage();
		try {
			await fn({ page, ctx, t });
			assert.deepEqual(ctx.problems, [], 'no console errors, CSP violations or failed requests');
		} catch (e) {
			await screenshot(pickPage(ctx, page), name);
			throw e;
		} finally {
			await ctx.close();
		}
	});
}

function pickPage(ctx, page) {
	const open = ctx.pages().filter((p) => !p.isClosed());
	return open.includes(page) ? page : open[open.length - 1];
}

/**
 * A story in steps: each step is a subtest; after a failed step the rest are
 * skipped (they would only fail for the same reason) and the page is saved
 * as SHOTS_DIR/<story>--<step>.png.
 */
export function story(name, fn, ctxOpts = {}) {
	test(name, async (t) => {
		const ctx = await newContext(ctxOpts);
		const page = await ctx.newPage();
		let failed = null;
		const step = (title, body) => t.test(title, async (st) => {
			if (failed) { st.skip(`after the failed step "${failed}"`); return; }
			try {
				await body(st);
			} catch (e) {
				failed = title;
				await screenshot(pickPage(ctx, page), `${name}--${title}`);
				throw e;
			}
		});
		try {
			await fn({ page, ctx, step, t });
		} finally {
			await ctx.close();
		}
	});
}

let counter = 0;
/** A name no other run or test has used: for e-mail addresses and companies. */
export function unique(prefix = 't') {
	counter += 1;
	return `${prefix}${Date.now().toString(36)}${process.pid.toString(36)}${counter}`;
}

export const PASSWORD = 'correct horse battery';

/** What a new contractor types into the sign-up form. */
export function newCompany(over = {}) {
	const id = unique();
	return {
		name: `Plomberie Hélène & Fils ${id.slice(-5)}`,
		trade: 'Plumbing',
		street: '12 Rue de l’Église',
		city: 'Montréal',
		region: 'QC',
		postal_code: 'H2X 1Y4',
		phone: '+1 514 555 0199',
		email: `office-${id}@example.com`,
		hours: 'Mon–Fri 7:30–17:00\nSat 9:00–12:00',
		timezone: 'America/Toronto',
		owner_name: 'Hélène Côté',
		owner_email: `owner-${id}@example.com`,
		password: PASSWORD,
		...over,
	};
}

/** The labels of the sign-up form's fields, as a person reads them. */
export const SIGNUP_LABELS = {
	name: 'Company name', trade: 'Trade', street: 'Street address', city: 'City',
	region: 'State or region', postal_code: 'Postal code', phone: 'Phone', email: 'Email',
	hours: 'Business hours', timezone: 'Time zone', owner_name: 'Your name',
	owner_email: 'Your email', password: 'Password',
};

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export { escapeRe };

/**
 * The form control labelled exactly `label` in scope (a page or locator); a
 * required field's label ends in a "*" (aria-hidden, but part of the label's
 * text, which is what getByLabel matches).
 */
export function field(scope, label) {
	return scope.getByLabel(new RegExp(`^\\s*${escapeRe(label)}\\s*\\*?\\s*$`));
}

/** Fill the sign-up (or settings) form by its labels; selects take the visible label. */
export async function fillCompanyForm(page, values) {
	for (const [key, value] of Object.entries(values)) {
		if (value === undefined) continue;
		const control = field(page, SIGNUP_LABELS[key]);
		if (key === 'trade' || key === 'timezone') await control.selectOption({ label: value });
		else await control.fill(value);
	}
}

/**
 * From the sign-in page, as a new customer: "Create your company", fill in,
 * submit.  Ends on the dashboard (asserted).  Returns the values typed.
 */
export async function signUp(page, over = {}) {
	const c = newCompany(over);
	await page.goto('/login');
	await page.getByRole('link', { name: 'Create your company' }).click();
	await page.waitForURL('**/signup');
	await fillCompanyForm(page, c);
	await page.getByRole('button', { name: 'Create company' }).click();
	await page.waitForURL('**/app/');
	return c;
}

/** Sign out with the header's button; ends on the sign-in page (asserted). */
export async function signOut(page) {
	await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
	await page.waitForURL('**/login');
}

/** Sign in from the sign-in page. */
export async function signIn(page, email, password) {
	await page.goto('/login');
	await field(page, 'Email').fill(email);
	await field(page, 'Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForLoadState();
}

/** The names of the main navigation's links. */
export async function navLinks(page) {
	return page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();
}

// ---- captured mail -------------------------------------------------------

function qpDecode(s) {
	const bytes = [];
	const text = s.replace(/=\r?\n/g, '');
	for (let i = 0; i < text.length; i++) {
		const m = /^=([0-9A-Fa-f]{2})/.exec(text.slice(i, i + 3));
		if (m) { bytes.push(parseInt(m[1], 16)); i += 2; continue; }
		bytes.push(...Buffer.from(text[i], 'utf8'));
	}
	return Buffer.from(bytes).toString('utf8');
}

function decodeWords(s) {
	return s.replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc, data) =>
		enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8')
			: qpDecode(data.replace(/_/g, ' ')));
}

function splitHead(raw) {
	const at = raw.search(/\r?\n\r?\n/);
	const head = at < 0 ? raw : raw.slice(0, at);
	const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '');
	const headers = {};
	for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
		const i = line.indexOf(':');
		if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
	}
	return { headers, body };
}

function partText(headers, body) {
	const cte = (headers['content-transfer-encoding'] || '').toLowerCase();
	if (cte === 'quoted-printable') return qpDecode(body);
	if (cte === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
	return body;
}

/** A captured .eml as { file, to, subject, text, html, link }. */
export function parseMail(file) {
	const raw = fs.readFileSync(file, 'utf8');
	const { headers, body } = splitHead(raw);
	const mail = { file, to: decodeWords(headers.to || ''), subject: decodeWords(headers.subject || ''), text: '', html: '' };
	const b = /boundary="?([^";]+)"?/i.exec(headers['content-type'] || '');
	if (b) {
		for (const chunk of body.split(`--${b[1]}`).slice(1)) {
			if (chunk.startsWith('--')) break;
			const part = splitHead(chunk.replace(/^\r?\n/, ''));
			const type = (part.headers['content-type'] || '').toLowerCase();
			if (type.startsWith('text/plain')) mail.text = partText(part.headers, part.body);
			else if (type.startsWith('text/html')) mail.html = partText(part.headers, part.body);
		}
	} else {
		mail.text = partText(headers, body);
	}
	const m = /https?:\/\/[^\s<>"']+/.exec(mail.text);
	mail.link = m ? m[0] : null;
	return mail;
}

/** Wait (up to ms) for a captured mail to `to` whose subject matches. */
export async function waitForMail(to, subject = /./, ms = 8000) {
	assert.ok(MAIL_DIR, 'MAIL_DIR is not set');
	const deadline = Date.now() + ms;
	for (;;) {
		let names = [];
		try { names = fs.readdirSync(MAIL_DIR).filter((n) => n.endsWith('.eml')).sort().reverse(); } catch { /* not yet */ }
		for (const n of names) {
			const mail = parseMail(path.join(MAIL_DIR, n));
			if (mail.to.toLowerCase().includes(to.toLowerCase()) && subject.test(mail.subject)) return mail;
		}
		if (Date.now() > deadline) assert.fail(`no mail to ${to} with subject ${subject} in ${MAIL_DIR} after ${ms} ms`);
		await new Promise((r) => setTimeout(r, 150));
	}
}

/** The path and query of a link from a mail, so it opens on BASE_URL. */
export function localPath(link) {
	const u = new URL(link);
	return u.pathname + u.search;
}

// ---- page checks ---------------------------------------------------------

/** The horizontal overflow of the page in CSS pixels (0 when none). */
export function horizontalOverflow(page) {
	return page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
}

/** Elements that stick out of the viewport on the right (for a useful message). */
export function overflowingElements(page) {
	return page.evaluate(() => {
		const w = window.innerWidth;
		const out = [];
		for (const el of document.body.querySelectorAll('*')) {
			const r = el.getBoundingClientRect();
			if (r.right > w + 0.5 && r.width > 0) {
				const id = el.id ? `#${el.id}` : '';
				const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
				out.push(`${el.tagName.toLowerCase()}${id}${cls} right=${Math.round(r.right)}`);
			}
		}
		return out.slice(0, 8);
	});
}

/**
 * Run axe-core on the page; its serious and critical violations.  The CSP
 * (script-src 'self') refuses inline scripts, so axe is served as a
 * same-origin script through a route of this page only: the page and its
 * CSP stay as they are.
 */
export async function axeViolations(page) {
	await page.route('**/__axe-core.js', (r) => r.fulfill({ path: AXE_PATH, contentType: 'text/javascript' }));
	await page.addScriptTag({ url: '/__axe-core.js' });
	const res = await page.evaluate(async () => {
		// eslint-disable-next-line no-undef
		const r = await axe.run(document, { resultTypes: ['violations'] });
		return r.violations.map((v) => ({
			id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`),
		}));
	});
	return res.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The description of a form control: the texts of the ids in aria-describedby. */
export function describedBy(locator) {
	return locator.evaluate((el) => (el.getAttribute('aria-describedby') || '').split(/\s+/)
		.filter(Boolean).map((id) => document.getElementById(id)?.textContent.trim() || `(missing #${id})`).join(' | '));
}

/** A small valid PNG (solid colour, w×h) for upload tests. */
export function pngBuffer(w = 120, h = 40, rgb = [0x1f, 0x6f, 0xb5]) {
	const crcTable = Array.from({ length: 256 }, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c >>> 0;
	});
	const crc = (buf) => {
		let c = 0xffffffff;
		for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
		return (c ^ 0xffffffff) >>> 0;
	};
	const chunk = (type, data) => {
		const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
		const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
		const c = Buffer.alloc(4); c.writeUInt32BE(crc(td));
		return Buffer.concat([len, td, c]);
	};
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4);
	ihdr[8] = 8; ihdr[9] = 2; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
	const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(w * 3).map((_, i) => rgb[i % 3])]);
	const raw = Buffer.concat(Array.from({ length: h }, () => row));
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
	]);
}
