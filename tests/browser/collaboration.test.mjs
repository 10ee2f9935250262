// Issue 6 end to end, by clicking, in two browsers: a contractor (this story's
// context) and the customer (a second context, as on another computer).
// Share an estimate → the customer opens the captured mail's link → confirm →
// reads it → writes a note → the contractor sees the Inbox badge and replies
// on the job, visible to the customer → the customer reads the reply → asks
// for a revision → the contractor makes version 2 (a new price, a new line)
// and shares it → the customer compares v1 and v2 (the changed cells and the
// changed total are read from the highlighted cells) → approves v2 → the job
// is Approved, both sides show the history, and the approval record holds the
// typed name and a SHA-256.  The only SQL is the read of that record.
//
// Screenshots of the key steps go to SHOTS_DIR (collaboration-*.png).
import fs from 'node:fs';
import path from 'node:path';

import {
	assert, escapeRe, field, localPath, newContext, SHOTS_DIR, screenshot, signUp, story, useBrowser,
} from './lib.mjs';
import { dbRow, waitForMail } from '../lib/index.mjs';

useBrowser();

const CUSTOMER = { name: 'Amélie Tremblay-Nguyen', email: `amelie-${Date.now().toString(36)}-${process.pid}@example.com` };
const PROPERTY = { street: '77 Rue Saint-Denis', city: 'Montréal', region: 'QC', postal_code: 'H2X 3K8' };
const JOB_TITLE = 'Leaking water heater';
const V1 = [
	{ desc: 'Water heater, 40 gal, supplied', qty: '1', unit: 'ea', price: '980.00' },
	{ desc: 'Labour', qty: '3', unit: 'h', price: '95.00' },
];
const NOTE = 'Could you use a 50 gallon tank instead? Merci !';
const REPLY = 'A 50 gal costs more; we can do it. Labour is less than we thought.';
const CHANGES = 'Please quote the 50 gallon tank and add the expansion tank.';
// Version 2: line 2's price goes down, a line is added.
const V2_LABOUR = '85.00';
const V2_NEW = { desc: 'Expansion tank, 2 gal', qty: '1', unit: 'ea', price: '64.50' };
const SIGNATURE = 'Amélie B. Tremblay-Nguyen';

const main = (page) => page.getByRole('main');
const nav = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
const LINK = /https?:\/\/\S+\/portal\/l\/[A-Za-z0-9_-]{43}/;

/** A step's picture for a person to look at (SHOTS_DIR/collaboration-<name>.png). */
async function shot(page, name) {
	if (!SHOTS_DIR) return;
	fs.mkdirSync(SHOTS_DIR, { recursive: true });
	await page.evaluate(() => window.scrollTo(0, 0));
	await page.screenshot({ path: path.join(SHOTS_DIR, `collaboration-${name}.png`), fullPage: true });
}

/** The whitespace-normalised visible text of a locator. */
async function text(locator) {
	return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/** Choose the option of a select whose text matches re. */
async function chooseOption(select, re) {
	const options = await select.locator('option').evaluateAll((os) => os.map((o) => ({ value: o.value, text: o.textContent })));
	const hit = options.find((o) => re.test(o.text));
	assert.ok(hit, `an option matching ${re} in ${JSON.stringify(options.map((o) => o.text))}`);
	await select.selectOption(hit.value);
}

/** Fill estimate line n (1-based). */
async function fillLine(page, n, l) {
	await field(page, `Line ${n} description`).fill(l.desc);
	await field(page, `Line ${n} quantity`).fill(l.qty);
	await field(page, `Line ${n} unit`).fill(l.unit);
	await field(page, `Line ${n} unit price`).fill(l.price);
}

/** The totals of the shown document by label ("Total" → "$1,234.56"). */
async function paperTotals(page) {
	const rows = await page.locator('.doc-paper .doc-totals > div').evaluateAll((ds) => ds.map((d) => [
		d.querySelector('dt').textContent.trim(), d.querySelector('dd').textContent.trim()]));
	return Object.fromEntries(rows.map(([k, v]) => [k.replace(/\s*\(.*\)$/, ''), v]));
}

story('a customer and a contractor agree on an estimate through the portal', async ({ page, ctx, step }) => {
	const customerCtx = await newContext();
	const cpage = await customerCtx.newPage();
	let company, jobHref, estimateHref, number, v2Href, v1Total, v2Total, v1Id, v2Id;
	// A failed customer step leaves a picture of the customer's page too.
	const customerStep = (title, body) => step(title, async (st) => {
		try {
			await body(st);
		} catch (e) {
			await screenshot(cpage, `collaboration--customer--${title}`);
			throw e;
		}
	});

	try {
		await step('a contractor signs up and adds a customer with an email', async () => {
			company = await signUp(page);
			await nav(page, 'Customers').click();
			await main(page).getByRole('link', { name: /^Add (your first )?customer$/ }).first().click();
			await page.waitForURL('**/app/customers/new');
			await field(page, 'Kind').selectOption({ label: 'Person' });
			await field(page, 'Name').fill(CUSTOMER.name);
			await field(page, 'Email').fill(CUSTOMER.email);
			await field(page, 'Street address').fill(PROPERTY.street);
			await field(page, 'City').fill(PROPERTY.city);
			await field(page, 'State or region').fill(PROPERTY.region);
			await field(page, 'Postal code').fill(PROPERTY.postal_code);
			await page.getByRole('button', { name: 'Add customer' }).click();
			await page.waitForURL(/\/app\/customers\/\d+$/);
		});

		await step('creates a job and an estimate of two lines', async () => {
			await nav(page, 'Jobs').click();
			await main(page).getByRole('link', { name: 'New job' }).click();
			await chooseOption(field(page, 'Customer'), new RegExp(escapeRe(CUSTOMER.name)));
			await page.getByRole('button', { name: 'Continue' }).click();
			await field(page, 'Title').fill(JOB_TITLE);
			await chooseOption(field(page, 'Property'), new RegExp(escapeRe(PROPERTY.street)));
			await page.getByRole('button', { name: 'Create job' }).click();
			await page.waitForURL(/\/app\/jobs\/\d+$/);
			jobHref = new URL(page.url()).pathname;

			await page.getByRole('region', { name: 'Estimates and invoices' }).getByRole('link', { name: 'New estimate' }).click();
			await page.waitForURL(`**${jobHref}/estimates/new`);
			await page.getByRole('button', { name: 'Update totals' }).waitFor({ state: 'hidden' });
			for (const [i, l] of V1.entries()) await fillLine(page, i + 1, l);
			await field(page, 'Tax rate (%)').fill('5');
			await page.getByRole('button', { name: 'Save draft' }).click();
			await page.waitForURL(/\/app\/estimates\/\d+$/);
			estimateHref = new URL(page.url()).pathname;
			v1Id = Number(/(\d+)$/.exec(estimateHref)[1]);
			number = /#(\d+)/.exec(await page.getByRole('heading', { level: 1 }).innerText())[1];
			v1Total = (await paperTotals(page)).Total;
		});

		await step('shares it from the Customer portal panel', async () => {
			const panel = page.getByRole('region', { name: 'Customer portal' });
			assert.match(await text(panel), /Not visible until you share or send it/);
			const to = panel.getByRole('checkbox', { name: new RegExp(escapeRe(CUSTOMER.name)) });
			assert.ok(await to.isChecked(), 'the customer is ticked');
			await field(panel, 'Message').fill(`Bonjour ${CUSTOMER.name}, here is the estimate for the water heater.`);
			await shot(page, '01-share-panel');
			await panel.getByRole('button', { name: /^Share/ }).click();
			await page.getByRole('region', { name: 'Customer portal' }).getByText('Displayed to the customer').waitFor();
			const after = await text(page.getByRole('region', { name: 'Customer portal' }));
			assert.match(after, new RegExp(`Shared ${escapeRe(CUSTOMER.name)}`), after);
			assert.match(after, /Not viewed yet/, after);
			assert.match(await text(page.getByRole('heading', { level: 1 })), /Sent/);
		});

		await customerStep('the customer opens the mail link: a confirm page, then the estimate', async () => {
			const m = await waitForMail({ to: CUSTOMER.email, subject: `Estimate #${number}`, link: LINK });
			assert.ok(m.text.includes('here is the estimate for the water heater'), m.text);
			assert.ok(m.html && m.html.includes(company.phone), 'the HTML part has the company phone');
			await cpage.goto(localPath(m.link));
			await cpage.getByRole('heading', { level: 1, name: `Your estimate from ${company.name}` }).waitFor();
			assert.deepEqual((await customerCtx.cookies()).filter((c) => /pl_portal/.test(c.name)), [],
				'the GET of the link signs nobody in');
			await shot(cpage, '02-confirm');
			await cpage.getByRole('button', { name: 'Continue to your estimate' }).click();
			await cpage.waitForURL(`**/portal/documents/${v1Id}`);
			await cpage.getByRole('heading', { level: 1, name: new RegExp(`Estimate #${number}`) }).waitFor();
			const paper = await text(cpage.locator('.pdoc-paper'));
			for (const l of V1) assert.ok(paper.includes(l.desc), `${l.desc} in ${paper}`);
			assert.ok(paper.includes(v1Total), `total ${v1Total} in ${paper}`);
			await shot(cpage, '03-estimate-v1');
		});

		await customerStep('the customer writes a note', async () => {
			await field(cpage, 'Write a note or a question').fill(NOTE);
			await cpage.getByRole('region', { name: 'Questions and notes' }).getByRole('button', { name: 'Send' }).click();
			await cpage.waitForURL(/#messages$/);
			assert.ok((await text(cpage.locator('.thread'))).includes(NOTE));
		});

		await step('the contractor sees the Inbox badge, reads the note and replies visible to the customer', async () => {
			const alert = await waitForMail({ to: company.owner_email, subject: /wrote about Estimate #/ });
			assert.ok(alert.text.includes(NOTE), alert.text);
			await page.reload();
			const inbox = nav(page, /^Inbox/);
			const badge = Number(await inbox.locator('[data-unread]').getAttribute('data-unread'));
			assert.ok(badge >= 1, `the Inbox badge counts the note: ${badge}`);
			await shot(page, '04-unread-badge');
			await inbox.click();
			await page.waitForURL('**/app/inbox');
			const unread = main(page).locator('.inbox__item--unread');
			assert.equal(await unread.count(), badge, 'the badge counts what the inbox highlights');
			const item = unread.filter({ hasText: NOTE });
			assert.match(await text(item), new RegExp(`^${escapeRe(CUSTOMER.name)} .*New ${escapeRe(NOTE)}`));
			await shot(page, '04-inbox');
			assert.equal(await page.locator('[data-unread]').count(), 0, 'opening the inbox reads it');
			await item.getByRole('link', { name: new RegExp(escapeRe(JOB_TITLE)) }).click();
			await page.waitForURL(`**${jobHref}#history`);
			const history = page.getByRole('region', { name: 'History' });
			await field(history, 'Add a note').fill(REPLY);
			await history.getByRole('checkbox', { name: 'Visible to the customer' }).check();
			await history.getByRole('button', { name: 'Add note' }).click();
			await page.getByRole('region', { name: 'History' }).locator('.timeline__item', { hasText: REPLY }).waitFor();
		});

		await customerStep('the customer sees the reply under Messages', async () => {
			const m = await waitForMail({ to: CUSTOMER.email, subject: /replied about job #/, link: LINK });
			assert.ok(m.text.includes(REPLY), m.text);
			// The document page shows its conversation (and so reads it): come back to Home.
			await cpage.getByRole('link', { name: company.name }).first().click();
			await cpage.waitForURL('**/portal/');
			const messages = cpage.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: /^Messages/ });
			assert.match(await text(messages), /Messages 1 unread/);
			await messages.click();
			await cpage.waitForURL('**/portal/messages');
			assert.match(await text(main(cpage).locator('.threads__item')), /1 unread/);
			await main(cpage).getByRole('link', { name: new RegExp(escapeRe(JOB_TITLE)) }).click();
			const reply = cpage.locator('.thread__item', { hasText: REPLY });
			await reply.waitFor();
			assert.match(await text(reply.locator('.thread__meta')), new RegExp(escapeRe(company.owner_name)));
			await shot(cpage, '05-messages');
		});

		await customerStep('the customer asks for a revision', async () => {
			await cpage.goto(`/portal/documents/${v1Id}`);
			await cpage.getByRole('heading', { name: 'Ask for changes' }).click();
			await field(cpage, 'What would you like changed?').fill(CHANGES);
			await cpage.getByRole('button', { name: 'Request a revision' }).click();
			await cpage.getByRole('status').getByText('You asked for a revision.').waitFor();
			assert.match(await text(cpage.getByRole('heading', { level: 1 })), /Revision requested/);
		});

		await step('the contractor makes version 2: a lower price for labour, a new line; shares it', async () => {
			const alert = await waitForMail({ to: company.owner_email, subject: /revision/i });
			assert.ok(alert.text.includes(CHANGES), alert.text);
			await page.goto(estimateHref);
			assert.match(await text(page.getByRole('heading', { level: 1 })), /Revision requested/);
			await page.getByRole('button', { name: 'Make a new version' }).click();
			await page.waitForURL(/\/app\/estimates\/\d+\/edit$/);
			v2Href = new URL(page.url()).pathname.replace(/\/edit$/, '');
			v2Id = Number(/(\d+)$/.exec(v2Href)[1]);
			assert.notEqual(v2Id, v1Id);
			assert.equal(await field(page, 'Line 2 unit price').inputValue(), V1[1].price, 'v2 starts as a copy of v1');
			await field(page, 'Line 2 unit price').fill(V2_LABOUR);
			await fillLine(page, 3, V2_NEW);
			await page.getByRole('button', { name: 'Save draft' }).click();
			await page.waitForURL(`**${v2Href}`);
			assert.match(await text(page.getByRole('heading', { level: 1 })), new RegExp(`#${number} v2`));
			v2Total = (await paperTotals(page)).Total;
			assert.notEqual(v2Total, v1Total);
			const panel = page.getByRole('region', { name: 'Customer portal' });
			await panel.getByRole('button', { name: /^Share/ }).click();
			await page.getByRole('region', { name: 'Customer portal' }).getByText('Displayed to the customer').waitFor();
			await shot(page, '06-v2-shared');
		});

		await customerStep('the customer opens v2 from the new mail and compares it with v1', async () => {
			const m = await waitForMail({ to: CUSTOMER.email, subject: `Estimate #${number}`, link: LINK });
			/* The sender's message greets them; no second, system greeting; no button in plain text. */
			assert.match(m.text, /^Hi /);
			assert.doesNotMatch(m.text, /Hello/);
			assert.doesNotMatch(m.text, /button/);
			await cpage.goto(localPath(m.link));
			assert.match(await text(cpage.locator('.lede')), /version 2/);
			await cpage.getByRole('button', { name: /^Continue to your/ }).click();
			await cpage.waitForURL(`**/portal/documents/${v2Id}`);
			assert.match(await text(cpage.locator('.pdoc-head')), /Version 2/);
			const versions = cpage.getByRole('region', { name: 'Versions' });
			await versions.getByRole('link', { name: 'Compare with this one' }).click();
			await cpage.waitForURL(/\/compare\?with=\d+/);
			await cpage.getByRole('heading', { level: 1, name: /what changed/ }).waitFor();

			const changed = cpage.locator('.cmp-row--changed');
			assert.equal(await changed.count(), 1, 'one changed line');
			assert.ok((await text(changed)).includes('Labour'));
			assert.equal(await text(changed.locator('.cmp-old').first()), `was $${V1[1].price}`);
			assert.equal(await text(changed.locator('.cmp-new').first()), `now $${V2_LABOUR}`);
			const added = cpage.locator('.cmp-row--added');
			assert.equal(await added.count(), 1, 'one added line');
			assert.match(await text(added), new RegExp(`Added ${escapeRe(V2_NEW.desc)}.*\\$${escapeRe(V2_NEW.price)}`));
			assert.equal(await cpage.locator('.cmp-row--removed').count(), 0);

			const total = cpage.locator('.cmp-totals tr', { has: cpage.locator('th', { hasText: /^Total$/ }) });
			const cells = await total.locator('td').allInnerTexts();
			assert.deepEqual(cells.slice(0, 2), [v1Total, v2Total]);
			assert.match(cells[2], /^[+−-]?\$[\d,]+\.\d\d$/, `the change: ${cells[2]}`);
			assert.match(await total.locator('td').nth(2).getAttribute('class'), /cmp-change--/, 'the change is highlighted');
			await shot(cpage, '07-compare');
		});

		await customerStep('the customer approves version 2', async () => {
			await cpage.getByRole('link', { name: 'Open version 2' }).click();
			await cpage.waitForURL(`**/portal/documents/${v2Id}`);
			const approve = cpage.getByRole('region', { name: 'Approve this estimate' });
			assert.ok((await text(approve)).includes(v2Total));
			await field(approve, 'Your full name').fill(SIGNATURE);
			await approve.getByLabel('I have read this estimate and I accept its terms').check();
			await approve.getByRole('button', { name: 'Approve estimate' }).click();
			await cpage.locator('.alert--ok').getByText(`by ${SIGNATURE}`).waitFor();
			assert.match(await text(cpage.getByRole('heading', { level: 1 })), /Approved/);
			await shot(cpage, '08-approved');
			const copy = await waitForMail({ to: CUSTOMER.email, subject: /approved/i });
			assert.ok(copy.mail.attachments.some((a) => a.contentType === 'application/pdf'), 'the approved PDF is attached');
		});

		await step('the job is Approved and its history has every step', async () => {
			await waitForMail({ to: company.owner_email, subject: /approved/i });
			await page.goto(jobHref);
			assert.equal(await text(page.locator('.page-head .badge').first()), 'Approved');
			const entries = await page.getByRole('region', { name: 'History' }).locator('.timeline__item').allInnerTexts();
			const all = entries.map((e) => e.replace(/\s+/g, ' ')).join('\n');
			for (const want of [NOTE, REPLY, CHANGES, SIGNATURE, `shared with ${CUSTOMER.name}`])
				assert.ok(all.includes(want), `the history has "${want}":\n${all}`);
			await shot(page, '09-job-approved');
		});

		await customerStep("the customer's conversation has the same history", async () => {
			await cpage.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: /^Messages/ }).click();
			await main(cpage).getByRole('link', { name: new RegExp(escapeRe(JOB_TITLE)) }).click();
			const thread = (await cpage.locator('.thread__item').allInnerTexts()).map((e) => e.replace(/\s+/g, ' ')).join('\n');
			for (const want of [NOTE, REPLY, CHANGES, SIGNATURE])
				assert.ok(thread.includes(want), `the conversation has "${want}":\n${thread}`);
			await shot(cpage, '10-conversation');
		});

		await step('the approval record holds the typed name and a SHA-256', async () => {
			const row = await dbRow(`SELECT approved_name, LENGTH(approved_hash), status FROM documents WHERE id = ${v2Id}`,
				['name', 'hashLength', 'status']);
			assert.deepEqual(row, { name: SIGNATURE, hashLength: '32', status: 'approved' });
		});

		await step('no console errors or CSP violations on either side', async () => {
			assert.deepEqual([...ctx.problems, ...customerCtx.problems], []);
		});
	} finally {
		await customerCtx.close();
	}
});
