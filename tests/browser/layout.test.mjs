// The main pages on a phone (375 px) and a desktop (1280 px): no sideways
// scrolling, navigation within reach, no console errors or CSP violations,
// and no serious or critical accessibility violations (axe-core, run in the
// same page under the app's own CSP; see axeViolations in lib.mjs).
//
// With REVIEW_SHOTS_DIR set, full-page screenshots of every main page at both
// sizes land there for a person to look at.
import fs from 'node:fs';
import path from 'node:path';
import { before } from 'node:test';
import {
	assert, useBrowser, test, newContext, signUp, field, unique, waitForMail, localPath,
	horizontalOverflow, overflowingElements, axeViolations, screenshot, DESKTOP, PHONE, REVIEW_SHOTS_DIR,
} from './lib.mjs';

useBrowser();

// One company for the file, signed up once; each test gets a fresh context
// that carries the owner's session.
let owner = null;	// { state, company, staffEmail }
before(async () => {
	const ctx = await newContext();
	const page = await ctx.newPage();
	try {
		// A long name with accents: the header has to cope with real ones.
		const company = await signUp(page, { name: `Entreprises de plomberie Hélène-Côté & Fils ${unique().slice(-4)}` });
		// Someone on the team, so the team table has rows to lay out.
		await page.goto('/app/staff');
		const form = page.getByRole('region', { name: 'Invite a team member' });
		const staffEmail = `${unique('field-')}@example.com`;
		await field(form, 'Name').fill('Maximilian Ostrowski-Vandenberghe');
		await field(form, 'Email').fill(staffEmail);
		await field(form, 'Role').selectOption({ label: 'Field' });
		await form.getByRole('button', { name: 'Send invitation' }).click();
		await page.waitForURL('**/app/staff');
		owner = { state: await ctx.storageState(), company, staffEmail };
	} finally {
		await ctx.close();
	}
});

const PAGES = [
	{ name: 'login', path: '/login', heading: 'Sign in', reach: ['link:Create your company', 'link:Forgot your password?', 'button:Sign in'] },
	{ name: 'signup', path: '/signup', heading: 'Create your company', reach: ['link:Sign in', 'button:Create company'] },
	{ name: 'dashboard', path: '/app/', heading: /Good to see you/, owner: true },
	{ name: 'team', path: '/app/staff', heading: 'Team', owner: true, reach: ['button:Send invitation', 'button:/Remove access/'] },
	{ name: 'settings', path: '/app/settings', heading: 'Company settings', owner: true, reach: ['button:Save changes', 'button:Upload logo'] },
];
const NAV = ['Dashboard', 'Inbox', 'Customers', 'Jobs', 'Schedule', 'Estimates', 'Invoices', 'Price book', 'Team', 'Company settings', 'My account'];

/** The control is visible, inside the viewport's width, and nothing covers it. */
async function assertReachable(page, locator, what) {
	await locator.scrollIntoViewIfNeeded();
	assert.ok(await locator.isVisible(), `${what} is visible`);
	const box = await locator.boundingBox();
	const width = page.viewportSize().width;
	assert.ok(box && box.x >= 0 && box.x + box.width <= width + 0.5,
		`${what} lies within the ${width} px wide viewport (x ${box?.x}, width ${box?.width})`);
	await locator.click({ trial: true, timeout: 2000 });	// not covered, enabled, stable
}

function byRoleSpec(scope, spec) {
	const [role, name] = spec.split(/:(.*)/s);
	const m = /^\/(.*)\/$/.exec(name);
	return scope.getByRole(role, { name: m ? new RegExp(m[1]) : name, exact: !m }).first();
}

async function open(ctx, p) {
	const page = await ctx.newPage();
	const res = await page.goto(p.path);
	assert.equal(res.status(), 200, `${p.path} answers 200`);
	await page.getByRole('heading', { level: 1, name: p.heading }).waitFor();
	return page;
}

for (const viewport of [PHONE, DESKTOP]) {
	for (const p of PAGES) {
		test(`${p.name} at ${viewport.width}×${viewport.height}: fits, navigable, clean, accessible`, async () => {
			if (p.owner) assert.ok(owner, 'the owner was signed up (the before hook failed)');
			const opts = { viewport, storageState: p.owner ? owner.state : undefined };
			const ctx = await newContext(opts);
			let page;
			try {
				page = await open(ctx, p);
				if (REVIEW_SHOTS_DIR) {
					fs.mkdirSync(REVIEW_SHOTS_DIR, { recursive: true });
					await page.screenshot({ path: path.join(REVIEW_SHOTS_DIR, `${p.name}-${viewport.width}.png`), fullPage: true });
				}

				const over = await horizontalOverflow(page);
				assert.ok(over <= 0, `no horizontal scroll: the page is ${over} px wider than the viewport; ` +
					`sticking out: ${(await overflowingElements(page)).join(', ')}`);

				if (p.owner) {
					const nav = page.getByRole('navigation', { name: 'Main' });
					assert.deepEqual(await nav.getByRole('link').allInnerTexts(), NAV);
					for (const name of NAV)
						await assertReachable(page, nav.getByRole('link', { name, exact: true }), `nav link "${name}"`);
					await assertReachable(page, page.getByRole('banner').getByRole('button', { name: 'Sign out' }), '"Sign out"');
				}
				for (const spec of p.reach || [])
					await assertReachable(page, byRoleSpec(page, spec), spec);

				assert.deepEqual(ctx.problems, [], 'no console errors, CSP violations or failed requests');

				const bad = await axeViolations(page);
				assert.deepEqual(bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.join('\n    ')}`), [],
					'no serious or critical axe violations');
			} catch (e) {
				if (page) await screenshot(page, `layout-${p.name}-${viewport.width}`);
				throw e;
			} finally {
				await ctx.close();
			}
		});
	}
}

// Screenshots of the remaining pages for a person's review; only with REVIEW_SHOTS_DIR.
test('review screenshots of the other pages', { skip: !REVIEW_SHOTS_DIR && 'REVIEW_SHOTS_DIR not set' }, async () => {
	const shots = [];
	const invite = await waitForMail(owner.staffEmail, /invited you/);
	const guest = await newContext();
	const gp = await guest.newPage();
	// A reset link for the owner (one rate-limited POST).
	await gp.goto('/password/forgot');
	await field(gp, 'Email').fill(owner.company.owner_email);
	await gp.getByRole('button', { name: 'Send reset link' }).click();
	const reset = await waitForMail(owner.company.owner_email, /^Reset your/);
	await guest.close();

	const guestPages = [
		['forgot', '/password/forgot'], ['reset', localPath(reset.link)], ['reset-invalid', '/password/reset?token=nope'],
		['invite', localPath(invite.link)], ['notfound', '/no/such/page'],
	];
	const ownerPages = [['account', '/app/account'], ['logout', '/logout'], ['app-notfound', '/app/nope']];
	for (const viewport of [PHONE, DESKTOP]) {
		for (const [pages, state] of [[guestPages, undefined], [ownerPages, owner.state]]) {
			const ctx = await newContext({ viewport, storageState: state });
			const page = await ctx.newPage();
			for (const [name, p] of pages) {
				await page.goto(p);
				const file = path.join(REVIEW_SHOTS_DIR, `${name}-${viewport.width}.png`);
				await page.screenshot({ path: file, fullPage: true });
				shots.push(file);
			}
			// A form with errors, as people see it after a mistake.
			if (!state) {
				await page.goto('/signup');
				await page.locator('form[action="/signup"]').evaluate((f) => { f.noValidate = true; });
				await page.getByRole('button', { name: 'Create company' }).click();
				await page.getByRole('heading', { name: 'Create your company' }).waitFor();
				await page.screenshot({ path: path.join(REVIEW_SHOTS_DIR, `signup-errors-${viewport.width}.png`), fullPage: true });
			}
			await ctx.close();
		}
	}
	assert.ok(shots.length > 0);
});

// The checks above would be worthless if a CSP violation went unnoticed.
test('an inline script is refused by the CSP, and that is noticed', async () => {
	const ctx = await newContext();
	try {
		const page = await ctx.newPage();
		await page.goto('/login');
		await page.addScriptTag({ content: 'window.__inline = 1;' }).catch(() => {});
		assert.equal(await page.evaluate(() => window.__inline), undefined, 'the inline script did not run');
		await page.waitForTimeout(50);
		assert.ok(ctx.problems.some((s) => /Content Security Policy/.test(s)), `a CSP report among: ${ctx.problems}`);
	} finally {
		await ctx.close();
	}
});
