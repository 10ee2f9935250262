// The customer's document page and the compare page as a person uses them:
// at 375 px the page doesn't scroll sideways and the lines are stacked cards,
// Print works (the script runs under the strict CSP), axe finds nothing
// serious, and approving by clicking records the approval.  With
// REVIEW_SHOTS_DIR set, full-page screenshots are left there to look at.
import fs from 'node:fs';
import path from 'node:path';

import {
	assert, axeViolations, browserTest, horizontalOverflow, overflowingElements, PHONE, REVIEW_SHOTS_DIR, useBrowser,
} from './lib.mjs';
import { db, dbValue, portalPerson, PORTAL_COOKIE, portalSession, uniqueEmail } from '../lib/index.mjs';
import { company, docFields, makeJob, newDoc } from '../http/documents-fixtures.mjs';

useBrowser();

const LINES = [
	{ desc: 'Replace the kitchen shut-off valve (½″ brass, quarter turn)', qty: '1', unit: 'ea', price: '120' },
	{ desc: 'Labour', qty: '2.5', unit: 'h', price: '80' },
	{ desc: 'Haul away old parts', qty: '1', unit: '', price: '25', taxable: false },
];

async function review(page, name) {
	if (!REVIEW_SHOTS_DIR) return;
	fs.mkdirSync(REVIEW_SHOTS_DIR, { recursive: true });
	await page.screenshot({ path: path.join(REVIEW_SHOTS_DIR, `${name}.png`), fullPage: true });
}

/* An estimate in two versions shown to a customer signed in to the portal. */
async function setup() {
	const owner = await company();
	const job = await makeJob(owner.companyId, { customer: 'Grace Hopper', title: 'Kitchen valve' });
	const fields = { lines: LINES, tax_rate: '8.25', deposit: '50', terms: 'Payment due on completion.' };
	const v1 = await newDoc(owner.client, 'estimate', job.jobId, fields);
	await owner.client.post(`/app/estimates/${v1}/send`, {});
	const rev = await owner.client.post(`/app/estimates/${v1}/revise`, {});
	const v2 = Number(/\/app\/estimates\/(\d+)\/edit/.exec(rev.location)[1]);
	const version = await dbValue(`SELECT version FROM documents WHERE id = ${v2}`);
	await owner.client.post(`/app/estimates/${v2}`, docFields({ ...fields, version, lines: [LINES[0],
		{ ...LINES[1], qty: '2' }, { desc: 'Pressure test', qty: '1', unit: 'ea', price: '40' }] }));
	await owner.client.post(`/app/estimates/${v2}/send`, {});
	await db(`UPDATE documents SET display_to_customer = 1 WHERE id IN (${v1}, ${v2})`);
	const person = await portalPerson({ companyId: owner.companyId, customerId: job.customerId, name: 'Grace Hopper',
		email: uniqueEmail('grace') });
	const { token } = await portalSession(person);
	return { owner, job, v1, v2, person, token };
}

async function signIn(ctx, token) {
	await ctx.addCookies([{ name: PORTAL_COOKIE, value: token, url: process.env.BASE_URL }]);
}

browserTest('on a phone: stacked lines, no sideways scroll, print, axe; approve by clicking', async ({ page, ctx }) => {
	const s = await setup();
	await signIn(ctx, s.token);
	await page.goto(`/portal/documents/${s.v2}`);
	assert.equal(await horizontalOverflow(page), 0, (await overflowingElements(page)).join(', '));
	/* Each line is a card: the table header is out of sight, cells are blocks. */
	assert.equal(await page.locator('.pdoc-paper .doc-lines thead').evaluate((el) => getComputedStyle(el).position), 'absolute');
	assert.notEqual(await page.locator('.pdoc-paper .doc-lines tbody tr').first().evaluate((el) => getComputedStyle(el).display),
		'table-row');
	await page.getByRole('button', { name: 'Print' }).waitFor();
	assert.ok(await page.getByRole('link', { name: 'Download PDF' }).isVisible());
	assert.deepEqual(await axeViolations(page), []);
	await review(page, 'portal-document-phone');

	await page.getByRole('link', { name: 'Compare with this one' }).click();
	await page.waitForURL(/\/compare\?with=/);
	assert.equal(await horizontalOverflow(page), 0, (await overflowingElements(page)).join(', '));
	assert.deepEqual(await axeViolations(page), []);
	await review(page, 'portal-compare-phone');
	await page.getByRole('link', { name: 'Open version 2' }).click();

	await page.getByLabel('Your full name').fill('Grace B. Hopper');
	await page.getByLabel('I have read this estimate and I accept its terms').check();
	await page.getByRole('button', { name: 'Approve estimate' }).click();
	await page.locator('.alert--ok').getByText('Approved by Grace B. Hopper').waitFor();
	assert.equal(await dbValue(`SELECT status FROM documents WHERE id = ${s.v2}`), 'approved');
	assert.equal(await dbValue(`SELECT status FROM jobs WHERE id = ${s.job.jobId}`), 'approved');
	await review(page, 'portal-document-approved-phone');
}, { viewport: PHONE });

browserTest('on a desktop: the document, a form error next to its field, the compare page', async ({ page, ctx }) => {
	const s = await setup();
	await signIn(ctx, s.token);
	await page.goto(`/portal/documents/${s.v2}`);
	await page.getByLabel('Your full name').fill('');
	await page.getByRole('button', { name: 'Approve estimate' }).click();
	await page.locator('#f-accept-error').waitFor();
	assert.match(await page.locator('#f-name-error').textContent(), /full name/);
	assert.deepEqual(await axeViolations(page), []);
	await review(page, 'portal-document-desktop-422');
	await page.goto(`/portal/documents/${s.v2}/compare?with=${s.v1}`);
	await review(page, 'portal-compare-desktop');
});
