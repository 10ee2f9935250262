// Portal sign-in as a customer does it on a phone (375 px): ask for a link at /portal/login,
// open it from the captured mail, confirm, land on the dashboard; set a password, sign out and
// back in with it; the code page and a dead link's page.  Every page: no sideways scroll, no
// console error or CSP violation, no serious axe violation.  With REVIEW_SHOTS_DIR set,
// full-page screenshots are left there to look at.
import fs from 'node:fs';
import path from 'node:path';

import {
	assert, axeViolations, field, horizontalOverflow, localPath, newContext, overflowingElements, PHONE,
	REVIEW_SHOTS_DIR, screenshot, story, test, useBrowser,
} from './lib.mjs';
import {
	db, PORTAL_COOKIE, portalCustomer, portalLink, portalSession, waitForMail,
} from '../lib/index.mjs';
import { company, makeJob, newDoc } from '../http/documents-fixtures.mjs';

useBrowser();

const PW = 'a long portal password';

async function review(page, name) {
	if (!REVIEW_SHOTS_DIR) return;
	fs.mkdirSync(REVIEW_SHOTS_DIR, { recursive: true });
	await page.screenshot({ path: path.join(REVIEW_SHOTS_DIR, `${name}.png`), fullPage: true });
}

/* Fits the phone, and axe finds nothing serious. */
async function clean(page, what) {
	assert.equal(await horizontalOverflow(page), 0, `${what}: ${(await overflowingElements(page)).join(', ')}`);
	const bad = await axeViolations(page);
	assert.deepEqual(bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.join('\n    ')}`), [], `${what}: axe`);
}

/* A company, a customer with a portal person, and a sent estimate shown to it. */
async function setup() {
	const owner = await company({ name: 'Rivera Plumbing & Heating' });
	const person = await portalCustomer(owner.companyId, { name: 'Grace Hopper' });
	const job = await makeJob(owner.companyId, { title: 'Kitchen valve' });
	await db(`UPDATE jobs SET customer_id = ${person.customerId} WHERE id = ${job.jobId}`);
	const id = await newDoc(owner.client, 'estimate', job.jobId, { title: 'Replace the kitchen shut-off valve',
		lines: [{ desc: 'Shut-off valve', qty: '1', unit: 'ea', price: '120' }, { desc: 'Labour', qty: '2', unit: 'h', price: '80' }] });
	await owner.client.post(`/app/estimates/${id}/send`, {});
	await db(`UPDATE documents SET display_to_customer = 1 WHERE id = ${id}`);
	return { owner, person, id };
}

story('on a phone: a sign-in link by mail, the dashboard, a password, and back in with it', async ({ page, ctx, step }) => {
	const s = await setup();

	await step('asks for a link at /portal/login', async () => {
		await page.goto('/portal/login');
		await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
		await clean(page, 'login');
		await review(page, 'portal-login-375');
		await field(page, 'Your email').fill(s.person.email);
		await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
		await page.getByRole('status').filter({ hasText: "we've sent a sign-in link" }).waitFor();
	});

	let link;
	await step('opens the link from the mail: a confirm page, then the dashboard', async () => {
		const m = await waitForMail({ to: s.person.email, subject: 'sign-in link', link: /https?:\/\/\S+\/portal\/l\/[A-Za-z0-9_-]{43}/ });
		link = localPath(m.link);
		await page.goto(link);
		await page.getByRole('heading', { level: 1, name: /Your customer portal at Rivera Plumbing/ }).waitFor();
		await clean(page, 'confirm');
		await review(page, 'portal-link-375');
		assert.equal((await ctx.cookies()).some((c) => c.name === PORTAL_COOKIE), false, 'the GET signed nobody in');
		await page.getByRole('button', { name: 'Continue to your portal' }).click();
		await page.waitForURL('**/portal/');
		await page.getByRole('heading', { level: 1, name: 'Hello Grace Hopper' }).waitFor();
		const waiting = page.getByRole('region', { name: 'Waiting for your approval' });
		await waiting.getByRole('link', { name: /Estimate #\d+/ }).waitFor();
		const nav = page.getByRole('navigation', { name: 'Portal' });
		for (const name of ['Home', /^Messages/, 'Settings'])
			assert.ok(await nav.getByRole('link', { name, exact: typeof name === 'string' }).isVisible(), String(name));
		assert.ok(await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).isVisible());
		await clean(page, 'dashboard');
		await review(page, 'portal-home-375');
	});

	await step('the link is spent: opening it again says so, with a way to get a new one', async () => {
		const other = await newContext({ viewport: PHONE });
		const p2 = await other.newPage();
		try {
			const res = await p2.goto(link);
			assert.equal(res.status(), 410);
			await p2.getByRole('heading', { level: 1, name: 'This link was already used' }).waitFor();
			await p2.getByRole('button', { name: 'Email me a new sign-in link' }).waitFor();
			await clean(p2, 'dead link');
			await review(p2, 'portal-link-used-375');
		} catch (e) {
			await screenshot(p2, 'portal-link-used');
			throw e;
		} finally {
			await other.close();
		}
	});

	await step('sets a password in Settings and sees this device listed', async () => {
		await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Settings' }).click();
		await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
		await page.getByText('This device').waitFor();
		await field(page, 'New password').fill(PW);
		await field(page, 'New password again').fill(PW);
		await page.getByRole('button', { name: 'Set password' }).click();
		await page.getByRole('status').filter({ hasText: 'Password saved' }).waitFor();
		await clean(page, 'settings');
		await review(page, 'portal-settings-375');
	});

	await step('signs out, and back in with the password', async () => {
		await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
		await page.waitForURL('**/portal/login');
		await field(page, 'Email').fill(s.person.email);
		await field(page, 'Password').fill(PW);
		await page.getByRole('button', { name: 'Sign in', exact: true }).click();
		await page.waitForURL('**/portal/');
		await page.getByRole('heading', { level: 1, name: 'Hello Grace Hopper' }).waitFor();
	});

	await step('no console errors, CSP violations or failed requests', async () => {
		assert.deepEqual(ctx.problems, []);
	});
}, { viewport: PHONE });

test('on a phone: an old link opens its document; the rest asks for the mailed code', async () => {
	const s = await setup();
	const l = await portalLink(s.person, { documentId: s.id, createdAgo: 4 * 86400 });
	const ctx = await newContext({ viewport: PHONE });
	const page = await ctx.newPage();
	try {
		await page.goto(l.path);
		await page.getByRole('button', { name: 'Continue to your estimate' }).click();
		await page.waitForURL(`**/portal/documents/${s.id}`);
		await page.goto('/portal/');
		await page.waitForURL('**/portal/verify?next=*');
		await page.getByRole('heading', { level: 1, name: "Confirm it's you" }).waitFor();
		await clean(page, 'verify');
		await page.getByRole('button', { name: 'Email me a code' }).click();
		await page.getByRole('status').filter({ hasText: 'We sent a 6-digit code' }).waitFor();
		await review(page, 'portal-verify-375');
		const m = await waitForMail({ to: s.person.email, subject: 'is your code' });
		await field(page, '6-digit code').fill(/\b(\d{6})\b/.exec(m.text)[1]);
		await page.getByRole('button', { name: 'Confirm' }).click();
		await page.waitForURL('**/portal/');
		await page.getByRole('heading', { level: 1, name: 'Hello Grace Hopper' }).waitFor();
		assert.deepEqual(ctx.problems, []);
	} catch (e) {
		await screenshot(page, 'portal-verify');
		throw e;
	} finally {
		await ctx.close();
	}
});

test('on a desktop: the settings list several devices and end one', async () => {
	const s = await setup();
	const mine = await portalSession(s.person);
	await portalSession(s.person, { userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0 Safari/537.36' });
	const ctx = await newContext();
	await ctx.addCookies([{ name: PORTAL_COOKIE, value: mine.token, url: process.env.BASE_URL }]);
	const page = await ctx.newPage();
	try {
		await page.goto('/portal/settings');
		const devices = page.getByRole('region', { name: "Where you're signed in" });
		await devices.getByText('Chrome on Windows', { exact: true }).waitFor();
		await clean(page, 'settings (desktop)');
		await review(page, 'portal-settings-1280');
		await devices.getByRole('button', { name: /^End the session on Chrome on Windows/ }).click();
		await page.getByRole('status').filter({ hasText: 'That device is signed out' }).waitFor();
		assert.equal(await devices.getByText('Chrome on Windows', { exact: true }).count(), 0);
		assert.deepEqual(ctx.problems, []);
	} catch (e) {
		await screenshot(page, 'portal-settings');
		throw e;
	} finally {
		await ctx.close();
	}
});
