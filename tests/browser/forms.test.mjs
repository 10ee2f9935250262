// Forms as people meet them: mistakes are pointed out next to the field they
// concern, what was typed stays (passwords excepted), and saving says so.
import {
	assert, useBrowser, browserTest, signUp, newCompany, fillCompanyForm, field, describedBy,
	pngBuffer, unique, escapeRe,
} from './lib.mjs';

useBrowser();

/** The error shown for a control: visible, tied to it and inside its field. */
async function fieldError(control) {
	assert.equal(await control.getAttribute('aria-invalid'), 'true',
		`${await control.getAttribute('name')} is marked aria-invalid`);
	const text = await describedBy(control);
	const shown = control.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " field ")][1]')
		.locator('.field-error');
	assert.ok(await shown.isVisible(), `an error is shown in the field of ${await control.getAttribute('name')}`);
	const shownText = (await shown.innerText()).trim();
	assert.ok(text.includes(shownText.replace(/^Error:\s*/, '')), `the visible error "${shownText}" is in the description "${text}"`);
	return shownText;
}

async function isValid(control) {
	return (await control.getAttribute('aria-invalid')) !== 'true';
}

browserTest('signup: empty required fields are caught by the browser before sending', async ({ page }) => {
	await page.goto('/signup');
	await page.getByRole('button', { name: 'Create company' }).click();
	// Nothing was sent: the browser points at the first empty required field.
	assert.match(page.url(), /\/signup$/);
	const name = field(page, 'Company name');
	assert.equal(await name.evaluate((el) => el.validity.valueMissing), true);
	assert.equal(await name.evaluate((el) => el === document.activeElement), true, 'focus is on "Company name"');
});

browserTest('signup: the server names every missing required field next to it, and only those', async ({ page }) => {
	await page.goto('/signup');
	// A browser that doesn't check forms (or a person who removed the checks).
	const form = page.locator('form[action="/signup"]');
	await form.evaluate((f) => { f.noValidate = true; });
	await field(page, 'Trade').selectOption('');
	await field(page, 'Time zone').evaluate((el) => { el.value = ''; });	// no empty choice: as if tampered with
	const response = page.waitForResponse((r) => r.url().endsWith('/signup') && r.request().method() === 'POST');
	await page.getByRole('button', { name: 'Create company' }).click();
	assert.equal((await response).status(), 422);
	await page.waitForLoadState();
	assert.match(page.url(), /\/signup$/);
	await page.getByRole('heading', { name: 'Create your company' }).waitFor();

	// What the form marks with a "*" is what the server insists on.
	const fields = await form.locator('.field').evaluateAll((els) => els.map((el) => ({
		label: el.querySelector('label').firstChild.textContent.trim(),
		starred: !!el.querySelector('label .req'),
	})));
	assert.ok(fields.length >= 13, `the sign-up form has its fields (${fields.length})`);
	const wrong = [];
	for (const { label, starred } of fields) {
		const control = field(page, label);
		const flagged = !(await isValid(control));
		if (starred && !flagged) wrong.push(`${label} is marked required but an empty value was not flagged`);
		if (!starred && flagged) wrong.push(`${label} looks optional but was flagged: ${await describedBy(control)}`);
		if (starred && flagged) {
			const msg = await fieldError(control);
			assert.ok(msg.replace(/^Error:\s*/, '').length > 8, `a real message for ${label}: "${msg}"`);
		}
	}
	assert.deepEqual(wrong, []);
	for (const label of ['Company name', 'Your name', 'Your email', 'Password'])
		assert.ok(fields.some((f) => f.label === label && f.starred), `${label} is marked required`);
});

browserTest('signup: invalid values are flagged and everything typed but the password stays', async ({ page }) => {
	const c = newCompany({
		phone: 'call the office', email: 'office@localhost', owner_email: 'owner@localhost',
		password: 'short',
	});
	await page.goto('/signup');
	await fillCompanyForm(page, c);
	await page.getByRole('button', { name: 'Create company' }).click();
	await page.getByRole('heading', { name: 'Create your company' }).waitFor();
	assert.match(page.url(), /\/signup$/);

	assert.match(await fieldError(field(page, 'Phone')), /phone/i);
	assert.match(await fieldError(field(page, 'Email')), /email/i);
	assert.match(await fieldError(field(page, 'Your email')), /email/i);
	assert.match(await fieldError(field(page, 'Password')), /10 characters|password/i);
	for (const label of ['Company name', 'City', 'Business hours', 'Your name'])
		assert.ok(await isValid(field(page, label)), `${label} is fine and not flagged`);

	// Kept as typed, accents and line breaks included.
	assert.equal(await field(page, 'Company name').inputValue(), c.name);
	assert.equal(await field(page, 'Street address').inputValue(), c.street);
	assert.equal(await field(page, 'City').inputValue(), c.city);
	assert.equal(await field(page, 'Business hours').inputValue(), c.hours);
	assert.equal(await field(page, 'Phone').inputValue(), c.phone);
	assert.equal(await field(page, 'Your name').inputValue(), c.owner_name);
	assert.equal(await field(page, 'Your email').inputValue(), c.owner_email);
	assert.equal(await field(page, 'Trade').inputValue(), 'plumbing');
	assert.equal(await field(page, 'Time zone').inputValue(), c.timezone);
	assert.equal(await field(page, 'Password').inputValue(), '', 'the password is never sent back');

	// Fixing the mistakes is enough to get in.
	await fillCompanyForm(page, { phone: '(514) 555-0100', email: `office-${unique()}@example.com`,
		owner_email: `owner-${unique()}@example.com`, password: 'long enough password' });
	await page.getByRole('button', { name: 'Create company' }).click();
	await page.waitForURL('**/app/');
	await page.getByRole('heading', { level: 1, name: `Good to see you, ${c.owner_name}` }).waitFor();
});

browserTest('signup: an e-mail address that already has an account is refused at "Your email"', async ({ page, ctx }) => {
	const first = await signUp(page);
	await ctx.clearCookies();
	await page.goto('/signup');
	await fillCompanyForm(page, newCompany({ owner_email: first.owner_email }));
	await page.getByRole('button', { name: 'Create company' }).click();
	await page.getByRole('heading', { name: 'Create your company' }).waitFor();
	assert.match(await fieldError(field(page, 'Your email')), /already exists/);
	assert.match(await fieldError(field(page, 'Your email')), /Sign in/);
});

browserTest('settings: the owner edits the company details and sees them saved', async ({ page }) => {
	const c = await signUp(page);
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Company settings' }).click();
	await page.waitForURL('**/app/settings');
	assert.equal(await field(page, 'Company name').inputValue(), c.name);
	assert.equal(await field(page, 'Business hours').inputValue(), c.hours);

	const changed = {
		name: `Électricité Noël ${unique().slice(-4)}`, trade: 'Electrical', street: '5 Chemin du Lac',
		city: 'Québec', phone: '+1 418 555 0123', hours: 'Mon–Thu 8–16\nFri 8–12', timezone: 'America/Halifax',
	};
	await fillCompanyForm(page, changed);
	await page.getByRole('button', { name: 'Save changes' }).click();
	await page.waitForURL('**/app/settings');
	assert.match(await page.getByRole('status').innerText(), /Changes saved\./);
	assert.match(await page.getByRole('banner').innerText(), new RegExp(escapeRe(changed.name)));

	// Still there after a fresh load, and on the dashboard.
	await page.reload();
	assert.equal(await field(page, 'Company name').inputValue(), changed.name);
	assert.equal(await field(page, 'Trade').inputValue(), 'electrical');
	assert.equal(await field(page, 'City').inputValue(), changed.city);
	assert.equal(await field(page, 'Business hours').inputValue(), changed.hours);
	assert.equal(await field(page, 'Time zone').inputValue(), changed.timezone);
	assert.equal(await page.getByRole('status').count(), 0, 'the flash shows once');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
	const card = await page.getByRole('region', { name: 'Your company' }).innerText();
	for (const want of [changed.name, 'Electrical', changed.street, changed.city, changed.phone, 'America/Halifax'])
		assert.ok(card.includes(want), `the dashboard shows ${want}:\n${card}`);
});

browserTest('settings: a bad phone number is pointed out and the other edits are kept', async ({ page }) => {
	await signUp(page);
	await page.goto('/app/settings');
	await fillCompanyForm(page, { city: 'Trois-Rivières', phone: 'not a number' });
	await page.getByRole('button', { name: 'Save changes' }).click();
	await page.getByRole('heading', { name: 'Company settings' }).waitFor();
	assert.match(await fieldError(field(page, 'Phone')), /phone/i);
	assert.equal(await field(page, 'City').inputValue(), 'Trois-Rivières');
	assert.equal(await field(page, 'Phone').inputValue(), 'not a number');
	assert.equal(await page.getByRole('status').count(), 0, 'no "saved" message');
	// Nothing was saved.
	await page.goto('/app/settings');
	assert.equal(await field(page, 'City').inputValue(), 'Montréal');
});

browserTest('settings: an uploaded logo replaces the name in the header', async ({ page }) => {
	const c = await signUp(page);
	await page.goto('/app/settings');
	assert.match(await page.getByRole('region', { name: 'Logo' }).innerText(), /No logo yet/);
	await field(page, 'Upload a new logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: pngBuffer(240, 80) });
	await page.getByRole('button', { name: 'Upload logo' }).click();
	await page.waitForURL('**/app/settings');
	assert.match(await page.getByRole('status').innerText(), /Logo updated\./);

	const logo = page.getByRole('banner').getByRole('img', { name: c.name });
	await logo.waitFor();
	const size = await logo.evaluate(async (img) => {
		await img.decode().catch(() => {});
		return [img.naturalWidth, img.naturalHeight, img.getBoundingClientRect().height];
	});
	assert.deepEqual(size.slice(0, 2), [240, 80], 'the header shows the uploaded image');
	assert.ok(size[2] > 10 && size[2] <= 80, `the header logo has a sensible height (${size[2]}px)`);
	assert.ok(await page.getByRole('img', { name: `Current logo of ${c.name}` }).isVisible(), 'a preview on the settings page');

	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
	await page.getByRole('banner').getByRole('img', { name: c.name }).waitFor();
	const done = await page.getByRole('region', { name: 'Get set up' }).locator('li.is-done').allInnerTexts();
	assert.ok(done.some((s) => s.includes('Upload your logo')), `"Upload your logo" is ticked: ${done}`);
});

browserTest('settings: a file that is not a PNG or JPEG is refused next to the file input', async ({ page }) => {
	const c = await signUp(page);
	await page.goto('/app/settings');
	await field(page, 'Upload a new logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('GIF89a not really a png') });
	await page.getByRole('button', { name: 'Upload logo' }).click();
	await page.getByRole('heading', { name: 'Company settings' }).waitFor();
	assert.match(await fieldError(field(page, 'Upload a new logo')), /PNG|JPEG/);
	assert.match(await page.getByRole('region', { name: 'Logo' }).innerText(), /No logo yet/);
	assert.equal(await page.getByRole('banner').getByRole('img', { name: c.name }).count(), 0, 'no logo in the header');
	assert.match(await page.getByRole('banner').innerText(), new RegExp(escapeRe(c.name)), 'the name stays in the header');
});
