// The back office end to end, as a new contractor clicks through it (issue 4,
// "Done when"): sign up → three price-book items → a customer with a property
// → a job there → an estimate of three lines picked from the price book with
// a 10 % discount, tax and a 25 % deposit (totals checked against an
// independent computation) → sent → approved → a visit → in progress →
// completed → the invoice from the estimate → issued → a partial payment →
// the rest → the job is Paid and its history lists every step, newest first;
// the dashboard's recent activity shows the last payment.
//
// With REVIEW_SHOTS_DIR set, full-page screenshots of the estimate form, the
// invoice and the job page at 1280 and 375 px go there for a person to look at.
import fs from 'node:fs';
import path from 'node:path';
import {
	assert, useBrowser, story, signUp, field, escapeRe, REVIEW_SHOTS_DIR, DESKTOP, PHONE,
} from './lib.mjs';

useBrowser();

// ---- an independent computation of the money (BigInt cents, no floats) ----

/** "92.50" → 9250n; "1.25" with places 3 → 1250n. */
function scaled(s, places) {
	const [whole, frac = ''] = String(s).split('.');
	assert.ok(frac.length <= places, `${s} has at most ${places} decimals`);
	return BigInt(whole + frac.padEnd(places, '0'));
}

/** n / d rounded half away from zero, n and d BigInt, d > 0. */
function roundDiv(n, d) {
	const neg = n < 0n;
	const a = neg ? -n : n;
	const q = (a * 2n + d) / (d * 2n);
	return neg ? -q : q;
}

/** Per line round(qty × price); discount % of the subtotal, spread pro rata
 *  over the taxable part; tax on the taxable part after its share; total;
 *  deposit % of the total. */
function expectedTotals(lines, { taxPct, discountPct, depositPct }) {
	const amounts = lines.map((l) => roundDiv(scaled(l.qty, 3) * scaled(l.price, 2), 1000n));
	const subtotal = amounts.reduce((a, b) => a + b, 0n);
	const taxableSub = amounts.reduce((a, b, i) => a + (lines[i].taxable ? b : 0n), 0n);
	const discount = roundDiv(subtotal * scaled(discountPct, 2), 10000n);
	const taxableAfter = taxableSub - roundDiv(discount * taxableSub, subtotal);
	const tax = roundDiv(taxableAfter * scaled(taxPct, 2), 10000n);
	const total = subtotal - discount + tax;
	const deposit = roundDiv(total * scaled(depositPct, 2), 10000n);
	return { amounts, subtotal, discount, tax, total, deposit };
}

/** 123456n → "$1,234.56" (negative: "-$1,234.56"). */
function money(cents) {
	const neg = cents < 0n;
	const v = neg ? -cents : cents;
	const whole = (v / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	return `${neg ? '-' : ''}$${whole}.${(v % 100n).toString().padStart(2, '0')}`;
}

/** "$1,234.56" → 123456n. */
function cents(text) {
	const m = /(-?)\$([\d,]+)\.(\d\d)/.exec(text);
	assert.ok(m, `an amount in ${JSON.stringify(text)}`);
	return BigInt(m[2].replace(/,/g, '') + m[3]) * (m[1] ? -1n : 1n);
}

/** The calendar day `days` after today in a time zone, as a UTC Date at midnight. */
function dayAfter(timeZone, days) {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
	const d = new Date(`${today}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d;
}

/** YYYY-MM-DD of today + days in a time zone (what a date input holds). */
function dayIn(timeZone, days = 0) {
	return dayAfter(timeZone, days).toISOString().slice(0, 10);
}

/** "Wed 25 Nov 2026": today + days in a time zone, as the app writes a visit's day. */
function longDay(timeZone, days = 0) {
	const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
		timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric',
	}).formatToParts(dayAfter(timeZone, days)).map((x) => [x.type, x.value]));
	return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}

// ---- page helpers ----------------------------------------------------------

const main = (page) => page.getByRole('main');
const nav = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

/** Choose the option of a select whose text matches re (labels made by the app). */
async function chooseOption(select, re) {
	const options = await select.locator('option').evaluateAll((os) => os.map((o) => ({ value: o.value, text: o.textContent })));
	const hit = options.find((o) => re.test(o.text));
	assert.ok(hit, `an option matching ${re} in ${JSON.stringify(options.map((o) => o.text))}`);
	await select.selectOption(hit.value);
}

/** The job's status badge (under the title). */
async function jobStatus(page) {
	return (await page.locator('.page-head .badge').first().innerText()).trim();
}

/** The document's status badge (in the title). */
async function docStatus(page) {
	return (await page.getByRole('heading', { level: 1 }).locator('.badge').innerText()).trim();
}

/** The totals of a stored document (the read-only "doc-totals" list) by their label. */
async function paperTotals(page) {
	const rows = await page.locator('.doc-paper .doc-totals > div').evaluateAll((ds) => ds.map((d) => [
		d.querySelector('dt').textContent.trim(), d.querySelector('dd').textContent.trim()]));
	return Object.fromEntries(rows.map(([k, v]) => [k.replace(/\s*\(.*\)$/, ''), v]));
}

/** Full-page screenshots at 1280 and 375 px into REVIEW_SHOTS_DIR (when set). */
async function review(page, name) {
	if (!REVIEW_SHOTS_DIR) return;
	fs.mkdirSync(REVIEW_SHOTS_DIR, { recursive: true });
	for (const [w, size] of [['1280', DESKTOP], ['375', PHONE]]) {
		await page.setViewportSize(size);
		// From the top: a full-page shot of a scrolled page repeats the sticky header mid-page.
		await page.evaluate(() => window.scrollTo(0, 0));
		await page.screenshot({ path: path.join(REVIEW_SHOTS_DIR, `backoffice-${name}-${w}.png`), fullPage: true });
	}
	await page.setViewportSize(DESKTOP);
}

// ---- the story -------------------------------------------------------------

const ITEMS = [
	{ name: 'Service call', description: 'Travel and the first half hour on site', unit: 'ea', price: '89.00', taxable: true },
	{ name: 'Labour', description: 'Licensed plumber, per hour', unit: 'hr', price: '92.50', taxable: false },
	{ name: 'Pressure-reducing valve ¾″', description: 'Watts LFN45B, supplied and fitted', unit: 'ea', price: '147.35', taxable: true },
];
// What the person types into the estimate after picking the items: the
// quantities (1.25 h × $92.50 = $115.625: a half cent, rounded up).
const QTY = ['1', '1.25', '2'];
const PRICING = { taxPct: '8.25', discountPct: '10', depositPct: '25' };
const CUSTOMER = { name: 'Nadia Okonkwo-Bergström', email: 'nadia.okonkwo@example.com', phone: '+1 514 555 0142' };
const PROPERTY = { street: '4820 Avenue du Parc', city: 'Montréal', region: 'QC', postal_code: 'H2V 4E6' };
const JOB_TITLE = 'Replace the pressure-reducing valve';

story('the back office from the first customer to a paid job', async ({ page, ctx, step }) => {
	const lines = ITEMS.map((it, i) => ({ ...it, qty: QTY[i] }));
	const want = expectedTotals(lines, PRICING);
	let company, estimateHref, estimateNumber, invoiceHref, invoiceNumber, jobHref, total, firstPayment;

	await step('a contractor signs up', async () => {
		company = await signUp(page);
	});

	await step('adds three items to the price book', async () => {
		await nav(page, 'Price book').click();
		await page.waitForURL('**/app/price-book');
		for (const it of ITEMS) {
			await main(page).getByRole('link', { name: 'New item' }).click();
			await page.waitForURL('**/app/price-book/new');
			await field(page, 'Name').fill(it.name);
			await field(page, 'Description').fill(it.description);
			await field(page, 'Unit').fill(it.unit);
			await field(page, 'Unit price').fill(it.price);
			await field(page, 'Taxable').setChecked(it.taxable);
			await page.getByRole('button', { name: 'Add item' }).click();
			await page.waitForURL('**/app/price-book');
		}
		const table = await main(page).getByRole('table').innerText();
		for (const it of ITEMS) {
			assert.ok(table.includes(it.name), `the price book lists ${it.name}:\n${table}`);
			assert.ok(table.includes(money(scaled(it.price, 2))), `${it.name} at ${it.price}:\n${table}`);
		}
	});

	await step('adds a customer with a service address through the customer form', async () => {
		await nav(page, 'Customers').click();
		await main(page).getByRole('link', { name: /^Add (your first )?customer$/ }).first().click();
		await page.waitForURL('**/app/customers/new');
		await field(page, 'Kind').selectOption({ label: 'Person' });
		await field(page, 'Name').fill(CUSTOMER.name);
		await field(page, 'Email').fill(CUSTOMER.email);
		await field(page, 'Phone').fill(CUSTOMER.phone);
		await field(page, 'Street address').fill(PROPERTY.street);
		await field(page, 'City').fill(PROPERTY.city);
		await field(page, 'State or region').fill(PROPERTY.region);
		await field(page, 'Postal code').fill(PROPERTY.postal_code);
		await page.getByRole('button', { name: 'Add customer' }).click();
		await page.waitForURL(/\/app\/customers\/\d+$/);
		await page.getByRole('heading', { level: 1, name: CUSTOMER.name }).waitFor();
		const props = await page.getByRole('region', { name: 'Properties' }).innerText();
		assert.ok(props.includes(PROPERTY.street) && props.includes(PROPERTY.city), props);
	});

	await step('creates a job at that property', async () => {
		await nav(page, 'Jobs').click();
		await main(page).getByRole('link', { name: 'New job' }).click();
		await chooseOption(field(page, 'Customer'), new RegExp(escapeRe(CUSTOMER.name)));
		await page.getByRole('button', { name: 'Continue' }).click();
		await field(page, 'Title').fill(JOB_TITLE);
		await chooseOption(field(page, 'Property'), new RegExp(escapeRe(PROPERTY.street)));
		await field(page, 'Description').fill('Water hammer and 95 psi at the kitchen tap; replace the PRV in the basement.');
		await page.getByRole('button', { name: 'Create job' }).click();
		await page.waitForURL(/\/app\/jobs\/\d+$/);
		jobHref = new URL(page.url()).pathname;
		await page.getByRole('heading', { level: 1, name: new RegExp(escapeRe(JOB_TITLE)) }).waitFor();
		assert.equal(await jobStatus(page), 'Requested');
		const details = await page.getByRole('region', { name: 'Details' }).innerText();
		assert.ok(details.includes(CUSTOMER.name) && details.includes(PROPERTY.street), details);
	});

	await step('starts an estimate from the job page', async () => {
		const docs = page.getByRole('region', { name: 'Estimates and invoices' });
		assert.match(await docs.innerText(), /No estimates or invoices for this job yet/);
		await docs.getByRole('link', { name: 'New estimate' }).click();
		await page.waitForURL(`**${jobHref}/estimates/new`);
		await page.getByRole('heading', { level: 1, name: 'New estimate' }).waitFor();
		assert.match(await page.locator('.page-head').innerText(), new RegExp(`job #\\d+ ${escapeRe(JOB_TITLE)} · ${escapeRe(CUSTOMER.name)}`));
		assert.equal(await field(page, 'Title').inputValue(), JOB_TITLE, 'the title starts as the job\'s');
		assert.equal(await field(page, 'Issue date').inputValue(), dayIn(company.timezone), 'issued today');
		// Wait for lines.js: it hides the no-JS "Update totals" button.
		await page.getByRole('button', { name: 'Update totals' }).waitFor({ state: 'hidden' });
	});

	await step('picks three lines from the price book and sets the quantities', async () => {
		const picker = field(page, 'From the price book');
		for (const [i, it] of ITEMS.entries()) {
			await chooseOption(picker, new RegExp(`^${escapeRe(it.name)} —`));
			await page.getByRole('button', { name: 'Add', exact: true }).click();
			const n = i + 1;
			assert.match(await field(page, `Line ${n} description`).inputValue(), new RegExp(escapeRe(it.name)));
			assert.equal(await field(page, `Line ${n} unit`).inputValue(), it.unit);
			assert.equal(cents(`$${await field(page, `Line ${n} unit price`).inputValue()}`), scaled(it.price, 2));
			assert.equal(await page.getByRole('checkbox', { name: `Line ${n} is Taxable` }).isChecked(), it.taxable);
			await field(page, `Line ${n} quantity`).fill(QTY[i]);
		}
		const rows = page.locator('[data-rows] > [data-line]');
		const amounts = await rows.locator('[data-amount]').allInnerTexts();
		assert.deepEqual(amounts.slice(0, 3), want.amounts.map(money), 'each line: qty × price, half a cent rounded up');
		assert.ok(amounts.slice(3).every((a) => a === '—'), `no other line has an amount: ${amounts}`);
	});

	await step('sets tax, a 10 % discount and a 25 % deposit; the live totals are right', async () => {
		await field(page, 'Tax rate (%)').fill(PRICING.taxPct);
		await field(page, 'Discount').fill(PRICING.discountPct);
		await field(page, 'Discount as').selectOption({ label: '% of subtotal' });
		await field(page, 'Deposit required').fill(PRICING.depositPct);
		await field(page, 'Deposit required as').selectOption({ label: '% of total' });
		const live = async (name) => (await page.locator(`[data-total="${name}"]`).innerText()).trim();
		assert.equal(await live('subtotal'), money(want.subtotal));
		assert.equal(cents(await live('discount')), -want.discount, 'the discount shows as a deduction');
		assert.equal(await live('tax'), money(want.tax));
		assert.equal(await live('total'), money(want.total));
		assert.equal(await live('deposit'), money(want.deposit));
		await review(page, 'estimate-form');
	});

	await step('saves the draft; the server shows the same totals', async () => {
		await page.getByRole('button', { name: 'Save draft' }).click();
		await page.waitForURL(/\/app\/estimates\/\d+$/);
		estimateHref = new URL(page.url()).pathname;
		estimateNumber = /#(\d+)/.exec(await page.getByRole('heading', { level: 1 }).innerText())[1];
		assert.equal(await docStatus(page), 'Draft');
		const t = await paperTotals(page);
		assert.deepEqual(t, {
			Subtotal: money(want.subtotal), Discount: t.Discount, Tax: money(want.tax),
			Total: money(want.total), 'Deposit required': money(want.deposit),
		});
		assert.equal(cents(t.Discount) < 0n ? -cents(t.Discount) : cents(t.Discount), want.discount);
		const paper = page.locator('.doc-paper');
		const lineRows = await paper.locator('table.doc-lines tbody tr').allInnerTexts();
		assert.equal(lineRows.length, 3, lineRows.join('\n'));
		lineRows.forEach((r, i) => {
			assert.ok(r.includes(ITEMS[i].name), r);
			assert.ok(r.includes(money(want.amounts[i])), `${r} has ${money(want.amounts[i])}`);
		});
		assert.match(lineRows[1], /\(no tax\)/, 'the untaxed line says so');
		const paperText = await paper.innerText();
		assert.ok(paperText.includes(CUSTOMER.name) && paperText.includes(PROPERTY.street), paperText);
	});

	await step('marks the estimate sent, then approved', async () => {
		await page.getByRole('button', { name: 'Mark as sent', exact: true }).click();
		await page.getByRole('button', { name: 'Mark approved' }).waitFor();
		assert.equal(await docStatus(page), 'Sent');
		await page.getByRole('button', { name: 'Mark approved' }).click();
		await page.getByRole('button', { name: 'Create invoice from estimate' }).waitFor();
		assert.equal(await docStatus(page), 'Approved');
		assert.equal(await page.getByRole('link', { name: 'Edit draft' }).count(), 0, 'an approved estimate is not edited');
	});

	await step('the job shows Approved', async () => {
		await page.getByRole('link', { name: new RegExp(`job #\\d+ ${escapeRe(JOB_TITLE)}`) }).first().click();
		await page.waitForURL(`**${jobHref}`);
		assert.equal(await jobStatus(page), 'Approved');
	});

	await step('schedules a visit tomorrow 09:00–11:00 for the owner; the job shows Scheduled', async () => {
		const form = page.locator('form', { has: page.getByRole('button', { name: 'Schedule visit' }) });
		await field(form, 'Date').fill(dayIn(company.timezone, 1));
		await field(form, 'Start').fill('09:00');
		await field(form, 'End').fill('11:00');
		await field(form, 'Assigned to').selectOption({ label: company.owner_name });
		await field(form, 'Notes for the visit').fill('Shut-off is behind the furnace; bring a 3/4" union.');
		await form.getByRole('button', { name: 'Schedule visit' }).click();
		await page.getByRole('status').getByText('Visit scheduled.').waitFor();
		assert.equal(new URL(page.url()).pathname, jobHref);
		const visits = await page.locator('.visit-list').innerText();
		assert.match(visits, /9:00\s*(AM)?\s*–\s*11:00/i, visits);
		assert.ok(visits.includes(company.owner_name), visits);
		assert.equal(await jobStatus(page), 'Scheduled');
	});

	await step('moves the job to In progress, then Completed', async () => {
		await page.getByRole('button', { name: 'Move to In progress' }).click();
		await page.getByRole('button', { name: 'Move to Completed' }).waitFor();
		assert.equal(await jobStatus(page), 'In progress');
		await page.getByRole('button', { name: 'Move to Completed' }).click();
		await page.waitForFunction(() => document.querySelector('.page-head .badge')?.textContent.trim() === 'Completed');
		assert.equal(await page.getByRole('button', { name: /^Move to / }).count(), 0,
			'Invoiced and Paid follow from facts: no button for them');
	});

	await step('creates the invoice from the estimate; its lines and totals are copied', async () => {
		// From the job page's list of its documents.
		const docs = page.getByRole('region', { name: 'Estimates and invoices' });
		const row = docs.getByRole('row').filter({ hasText: `Estimate #${estimateNumber}` });
		assert.match(await row.innerText(), /Approved/);
		assert.ok((await row.innerText()).includes(money(want.total)), await row.innerText());
		await row.getByRole('link', { name: `Estimate #${estimateNumber}` }).click();
		await page.waitForURL(`**${estimateHref}`);
		await page.getByRole('button', { name: 'Create invoice from estimate' }).click();
		await page.waitForURL(/\/app\/invoices\/\d+$/);
		invoiceHref = new URL(page.url()).pathname;
		invoiceNumber = /#(\d+)/.exec(await page.getByRole('heading', { level: 1 }).innerText())[1];
		assert.equal(await docStatus(page), 'Draft');
		assert.match(await page.locator('.page-head').innerText(), new RegExp(`from estimate #${estimateNumber}`));
		const t = await paperTotals(page);
		assert.equal(t.Subtotal, money(want.subtotal));
		assert.equal(t.Tax, money(want.tax));
		assert.equal(t.Total, money(want.total));
		total = cents(t.Total);
		const lineRows = await page.locator('.doc-paper table.doc-lines tbody tr').allInnerTexts();
		assert.equal(lineRows.length, 3, lineRows.join('\n'));
	});

	await step('issues the invoice; the job shows Invoiced', async () => {
		await page.getByRole('button', { name: 'Issue invoice' }).click();
		await page.getByRole('status').getByText('Invoice issued.').waitFor();
		assert.equal(await docStatus(page), 'Sent');
		await review(page, 'invoice-issued');
		await page.getByRole('link', { name: new RegExp(`job #\\d+ ${escapeRe(JOB_TITLE)}`) }).first().click();
		await page.waitForURL(`**${jobHref}`);
		assert.equal(await jobStatus(page), 'Invoiced');
		await page.goBack();
		await page.waitForURL(`**${invoiceHref}`);
	});

	/** Open "Record a payment" and record amount (cents) by method with reference: the nth payment. */
	async function pay(nth, amount, method, reference) {
		const section = page.getByRole('region', { name: 'Payments' });
		const summary = section.locator('summary');
		if (!(await section.locator('details').evaluate((d) => d.open))) await summary.click();
		const amountText = `${amount / 100n}.${(amount % 100n).toString().padStart(2, '0')}`;
		await field(section, 'Amount').fill(amountText);
		await field(section, 'Method').selectOption({ label: method });
		assert.equal(await field(section, 'Date').inputValue(), dayIn(company.timezone), 'the date defaults to today');
		await field(section, 'Reference').fill(reference);
		await section.getByRole('button', { name: 'Record' }).click();
		// The page comes back on the same address: wait for the new row.
		await page.getByRole('region', { name: 'Payments' }).getByRole('table').locator('tbody tr').nth(nth - 1).waitFor();
		assert.equal(new URL(page.url()).pathname, invoiceHref);
		await page.getByRole('status').getByText('Payment recorded.').waitFor();
	}

	await step('records a partial payment of 40 % by check; the invoice is Partly paid with the right balance', async () => {
		firstPayment = roundDiv(total * 40n, 100n);
		await pay(1, firstPayment, 'Check', 'Check #1042');
		assert.equal(await docStatus(page), 'Partly paid');
		const section = page.getByRole('region', { name: 'Payments' });
		assert.match(await section.locator('.card__head').innerText(), new RegExp(`Balance due\\s*${escapeRe(money(total - firstPayment))}`));
		const t = await paperTotals(page);
		assert.equal(t.Paid, money(firstPayment));
		assert.equal(t['Balance due'], money(total - firstPayment));
		const rows = await section.getByRole('table').locator('tbody tr').allInnerTexts();
		assert.equal(rows.length, 1, rows.join('\n'));
		assert.match(rows[0], /Check/);
		assert.ok(rows[0].includes(money(firstPayment)) && rows[0].includes('Check #1042'), rows[0]);
		assert.ok(rows[0].includes(company.owner_name), `who recorded it: ${rows[0]}`);
	});

	await step('records the rest; the invoice is Paid with a balance of $0.00', async () => {
		await pay(2, total - firstPayment, 'Bank transfer', 'Interac e-Transfer CA7Q2X');
		assert.equal(await docStatus(page), 'Paid');
		const t = await paperTotals(page);
		assert.equal(t.Paid, money(total));
		assert.equal(t['Balance due'], '$0.00');
		const rows = await page.getByRole('region', { name: 'Payments' }).getByRole('table').locator('tbody tr').allInnerTexts();
		assert.equal(rows.length, 2, rows.join('\n'));
	});

	await step('the job shows Paid', async () => {
		await page.getByRole('link', { name: new RegExp(`job #\\d+ ${escapeRe(JOB_TITLE)}`) }).first().click();
		await page.waitForURL(`**${jobHref}`);
		assert.equal(await jobStatus(page), 'Paid');
		assert.equal(await page.locator('.pipeline [aria-current="step"]').innerText(), 'Paid');
		const docs = page.getByRole('region', { name: 'Estimates and invoices' });
		const est = await docs.getByRole('row').filter({ hasText: `Estimate #${estimateNumber}` }).innerText();
		const inv = await docs.getByRole('row').filter({ hasText: `Invoice #${invoiceNumber}` }).innerText();
		assert.match(est, /Approved/);
		assert.match(inv, /Paid/);
		assert.ok(inv.includes(money(total)) && inv.includes('$0.00'), `the invoice's total and a balance of $0.00: ${inv}`);
		await review(page, 'job-paid');
	});

	await step("the job's history lists every step, newest first", async () => {
		const entries = await page.getByRole('region', { name: 'History' }).locator('.timeline__item').evaluateAll((lis) => lis.map((li) => ({
			kind: li.querySelector('.timeline__kind').textContent.trim(),
			text: li.querySelector('.timeline__text').textContent.replace(/\s+/g, ' ').trim(),
			who: li.querySelector('.timeline__who').textContent.replace(/\s+/g, ' ').trim(),
		})));
		const est = `Estimate #${estimateNumber}`;
		const inv = `Invoice #${invoiceNumber}`;
		const sum = `(total ${money(total)})`;
		const rest = money(total - firstPayment);
		// What happened, oldest first; the page shows it newest first.
		const happened = [
			['Created', 'Job created'],
			['Estimate', `${est} created ${sum}`],
			['Status', 'Requested → Estimating'],
			['Estimate', `${est} marked as sent ${sum}`],
			['Approval', `${est} approved ${sum}`],
			['Status', 'Estimating → Approved'],
			['Visit', `Visit scheduled for ${longDay(company.timezone, 1)}, 09:00–11:00 with ${company.owner_name}`],
			['Status', 'Approved → Scheduled'],
			['Status', 'Scheduled → In progress'],
			['Status', 'In progress → Completed'],
			['Invoice', `${inv} created from estimate #${estimateNumber} ${sum}`],
			['Invoice', `${inv} issued ${sum}`],
			['Status', 'Completed → Invoiced'],
			['Payment', `Payment of ${money(firstPayment)} received (Check) on invoice #${invoiceNumber}; balance due ${rest}`],
			['Payment', `Payment of ${rest} received (Bank transfer) on invoice #${invoiceNumber}; balance due $0.00`],
			['Status', 'Invoiced → Paid'],
		].reverse();
		const show = (es) => es.map((e) => `${e.kind}: ${e.text}`).join('\n');
		assert.deepEqual(entries.map(({ kind, text }) => `${kind}: ${text}`), happened.map(([k, t]) => `${k}: ${t}`),
			`the history, newest first, reads:\n${show(entries)}`);
		for (const e of entries) assert.ok(e.who.startsWith(`${company.owner_name} · `), `who and when: ${e.who}`);
	});

	await step("the dashboard's recent activity shows the last payment", async () => {
		await nav(page, 'Dashboard').click();
		await page.waitForURL('**/app/');
		const activity = page.getByRole('region', { name: 'Recent activity' });
		const items = (await activity.locator('.timeline__item').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
		const rest = money(total - firstPayment);
		// Newest first: the job moved to Paid by the last payment, then that payment.
		assert.ok(items.length >= 2, items.join('\n'));
		assert.match(items[0], new RegExp(`^Status · #\\d+ ${escapeRe(JOB_TITLE)} Invoiced → Paid`), items.join('\n'));
		assert.match(items[1], new RegExp(`^Payment · #\\d+ ${escapeRe(JOB_TITLE)} .*Payment of ${escapeRe(rest)} received \\(Bank transfer\\) on invoice #${invoiceNumber}; balance due \\$0\\.00`),
			items.join('\n'));
		await activity.getByRole('link', { name: new RegExp(`#\\d+ ${escapeRe(JOB_TITLE)}`) }).first().click();
		await page.waitForURL(`**${jobHref}#history`);
	});

	await step('no console errors or CSP violations along the way', async () => {
		assert.deepEqual(ctx.problems, []);
	});
});
