// Customers as a person uses them: add the first customer from the empty
// list, add a contact and a property, import a CSV file through its three
// steps; and every customer page on a phone (375 px) and a desktop
// (1280 px) fits without sideways scrolling, loads cleanly and has no
// serious or critical accessibility violations.
import {
	assert, useBrowser, test, story, newContext, signUp, field,
	horizontalOverflow, overflowingElements, axeViolations, screenshot, DESKTOP, PHONE,
} from './lib.mjs';

useBrowser();

let owner = null;	// { state, customerId, propertyId }

story('a new owner adds a customer with a contact and a second address', async ({ page, step }) => {
	await step('signs up and finds the empty customer list', async () => {
		await signUp(page);
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
		await page.getByText('No customers yet — add your first customer').waitFor();
	});
	await step('adds the first customer with an address', async () => {
		await page.getByRole('link', { name: 'Add your first customer' }).click();
		await field(page, 'Kind').selectOption({ label: 'Business' });
		await field(page, 'Name').fill('Álvarez & Hijos 😀');
		await field(page, 'Email').fill('oficina@alvarez.example');
		await field(page, 'Phone').fill('+1 555 010 0142');
		await field(page, 'Tags').fill('VIP, landlord');
		await field(page, 'Street address').fill('18 Harbor Rd');
		await field(page, 'City').fill('Astoria');
		await page.getByRole('button', { name: 'Add customer' }).click();
		await page.waitForURL(/\/app\/customers\/\d+$/);
		await page.getByText('Customer added.').waitFor();
		await page.getByRole('heading', { level: 1, name: 'Álvarez & Hijos 😀' }).waitFor();
	});
	await step('adds a contact; a bad email is shown next to the field first', async () => {
		const form = page.locator('form', { has: page.getByRole('button', { name: 'Add contact' }) });
		await field(form, 'Name').fill('Marta Álvarez');
		await field(form, 'Email').fill('marta@');
		await form.evaluate((f) => { f.noValidate = true; });
		await form.getByRole('button', { name: 'Add contact' }).click();
		await page.getByText('Enter a valid email address').waitFor();
		const again = page.locator('form', { has: page.getByRole('button', { name: 'Add contact' }) });
		assert.equal(await field(again, 'Name').inputValue(), 'Marta Álvarez', 'the name is kept');
		await field(again, 'Email').fill('marta@alvarez.example');
		await again.getByRole('button', { name: 'Add contact' }).click();
		await page.getByText('Contact added.').waitFor();
		await page.getByRole('cell', { name: 'Marta Álvarez', exact: true }).waitFor();
	});
	await step('adds a second property', async () => {
		await page.getByRole('link', { name: 'Add a property' }).first().click();
		await field(page, 'Label').fill('Warehouse');
		await field(page, 'Street address').fill('4 Dock St');
		await page.getByRole('button', { name: 'Add property' }).click();
		await page.getByText('Property saved.').waitFor();
		await page.getByText('Warehouse').waitFor();
		owner = {
			state: await page.context().storageState(),
			customerId: Number(/\/app\/customers\/(\d+)/.exec(page.url())[1]),
			propertyId: Number(/\/app\/properties\/(\d+)\/edit/.exec(await page.locator('a[href^="/app/properties/"]').first().getAttribute('href'))[1]),
		};
	});
	await step('imports two more customers from a CSV file', async () => {
		await page.goto('/app/customers');
		await page.getByRole('link', { name: 'Import CSV' }).click();
		await page.getByLabel(/CSV file/).setInputFiles({
			name: 'clients.csv', mimeType: 'text/csv',
			buffer: Buffer.from('\ufeffClient;Mail;Town\r\nBea Import;bea@example.test;Salem\r\n;nobody@example.test;\r\nCal Import;;\r\n'),
		});
		await page.getByRole('button', { name: 'Upload and continue' }).click();
		await page.getByText('Step 2 of 3').waitFor();
		assert.equal(await field(page, 'Mail').inputValue(), 'email');
		await field(page, 'Client').selectOption({ label: 'Name' });
		await field(page, 'Town').selectOption({ label: "Don't import" });
		await page.getByRole('button', { name: 'Preview the import' }).click();
		await page.getByText('Name: This field is required').waitFor();
		await page.getByRole('button', { name: 'Import 2 customers' }).click();
		await page.getByText('Import finished').waitFor();
		for (const name of ['Bea Import', 'Cal Import'])
			await page.getByRole('link', { name }).waitFor();
	});
});

const PAGES = [
	{ name: 'customers', path: () => '/app/customers', heading: 'Customers' },
	{ name: 'customer', path: () => `/app/customers/${owner.customerId}`, heading: 'Álvarez & Hijos 😀' },
	{ name: 'customer-new', path: () => '/app/customers/new', heading: 'New customer' },
	{ name: 'customer-edit', path: () => `/app/customers/${owner.customerId}/edit`, heading: 'Edit customer' },
	{ name: 'property-edit', path: () => `/app/properties/${owner.propertyId}/edit`, heading: 'Edit property' },
	{ name: 'import', path: () => '/app/customers/import', heading: 'Import customers' },
];

for (const viewport of [PHONE, DESKTOP]) {
	for (const p of PAGES) {
		test(`${p.name} at ${viewport.width}×${viewport.height}: fits, clean, accessible`, async () => {
			assert.ok(owner, 'the story made a customer (it failed otherwise)');
			const ctx = await newContext({ viewport, storageState: owner.state });
			const page = await ctx.newPage();
			try {
				const res = await page.goto(p.path());
				assert.equal(res.status(), 200);
				await page.getByRole('heading', { level: 1, name: p.heading }).waitFor();
				const over = await horizontalOverflow(page);
				assert.ok(over <= 0, `no horizontal scroll: ${over} px too wide; ${(await overflowingElements(page)).join(', ')}`);
				assert.deepEqual(ctx.problems, [], 'no console errors, CSP violations or failed requests');
				const bad = await axeViolations(page);
				assert.deepEqual(bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.join('\n    ')}`), []);
			} catch (e) {
				await screenshot(page, `customers-${p.name}-${viewport.width}`);
				throw e;
			} finally {
				await ctx.close();
			}
		});
	}
}
