// The main journey, as people click through it: a contractor signs up, invites
// an office manager, who joins from the e-mail, later forgets the password and
// resets it.
import {
	assert, useBrowser, story, signOut, newCompany, unique, waitForMail, localPath, navLinks, field, escapeRe,
} from './lib.mjs';

useBrowser();

story('a contractor signs up, invites office staff, who joins and resets a password', async ({ page, ctx, step }) => {
	const company = newCompany({ trade: 'Heating & cooling', name: `Chauffage Émile & Zoë ${unique().slice(-5)}` });
	const staff = { name: 'Zoë Ångström-Núñez', email: `${unique('office-')}@example.com`, password: 'staff pass one 1' };
	const newPassword = 'staff pass two 2';

	await step('the home page leads a guest to sign in', async () => {
		await page.goto('/');
		await page.waitForURL('**/login');
		await assert.doesNotReject(page.getByRole('heading', { name: 'Sign in' }).waitFor());
		assert.equal(await page.title(), 'Sign in · Plumbline');
	});

	await step('"Create your company" opens the sign-up form', async () => {
		await page.getByRole('link', { name: 'Create your company' }).click();
		await page.waitForURL('**/signup');
		await page.getByRole('heading', { name: 'Create your company' }).waitFor();
		// Sensible defaults a person need not change.
		assert.equal(await field(page, 'Time zone').inputValue(), 'America/New_York');
	});

	await step('filling in the form and submitting creates the company and signs the owner in', async () => {
		const fill = (label, v) => field(page, label).fill(v);
		await fill('Company name', company.name);
		await field(page, 'Trade').selectOption({ label: company.trade });
		await fill('Street address', company.street);
		await fill('City', company.city);
		await fill('State or region', company.region);
		await fill('Postal code', company.postal_code);
		await fill('Phone', company.phone);
		await fill('Email', company.email);
		await fill('Business hours', company.hours);
		await field(page, 'Time zone').selectOption(company.timezone);
		await fill('Your name', company.owner_name);
		await fill('Your email', company.owner_email);
		await fill('Password', company.password);
		await page.getByRole('button', { name: 'Create company' }).click();
		await page.waitForURL('**/app/');
	});

	await step('the dashboard greets the owner, shows the company and a "Get set up" checklist', async () => {
		await page.getByRole('heading', { level: 1, name: `Good to see you, ${company.owner_name}` }).waitFor();
		assert.match(await page.getByRole('status').innerText(), /Welcome to Plumbline! Your company is ready\./);
		const header = page.getByRole('banner');
		assert.match(await header.innerText(), new RegExp(escapeRe(company.name)));
		assert.match(await header.innerText(), /Owner/);
		const card = page.getByRole('region', { name: 'Your company' });
		const text = await card.innerText();
		for (const want of [company.name, 'Heating & cooling', company.street, company.city, company.phone,
			company.email, 'Mon–Fri 7:30–17:00', 'America/Toronto'])
			assert.ok(text.includes(want), `the company card shows ${JSON.stringify(want)}; it reads:\n${text}`);
		const setup = page.getByRole('region', { name: 'Get set up' });
		assert.match(await setup.innerText(), /2 of 6 done/);
		const items = await setup.getByRole('listitem').allInnerTexts();
		assert.deepEqual(items.map((s) => s.replace(/\s*\(done\)$/, '').trim()),
			['Create your company', 'Add your address and business hours', 'Upload your logo', 'Invite your team',
				'Add your first customer', 'Create a job']);
		assert.deepEqual(await navLinks(page), ['Dashboard', 'Inbox', 'Customers', 'Jobs', 'Schedule', 'Estimates', 'Invoices', 'Price book', 'Team', 'Company settings', 'My account']);
	});

	await step('the owner gets a welcome mail with a link to the back office', async () => {
		const mail = await waitForMail(company.owner_email, /^Welcome to Plumbline/);
		assert.ok(mail.subject.includes(company.name), mail.subject);
		assert.ok(mail.to.includes(company.owner_name), `addressed by name: ${mail.to}`);
		assert.equal(mail.link && localPath(mail.link), '/app/');
	});

	await step('the owner invites an office manager from the Team page', async () => {
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
		await page.waitForURL('**/app/staff');
		await page.getByRole('link', { name: 'Invite a team member' }).click();
		const form = page.getByRole('region', { name: 'Invite a team member' });
		await field(form, 'Name').fill(staff.name);
		await field(form, 'Email').fill(staff.email);
		await field(form, 'Role').selectOption({ label: 'Office' });
		await form.getByRole('button', { name: 'Send invitation' }).click();
		await page.waitForURL('**/app/staff');
		assert.match(await page.getByRole('status').innerText(), /Invitation sent\./);
		const row = page.getByRole('row').filter({ hasText: staff.email });
		assert.match(await row.innerText(), /Invited/);
		assert.match(await row.innerText(), new RegExp(escapeRe(staff.name)));
	});

	await step('the owner signs out with the header button', async () => {
		await signOut(page);
		assert.match(await page.getByRole('status').innerText(), /You're signed out\./);
		await page.goto('/app/');
		await page.waitForURL(/\/login/);
	});

	let invite;
	await step('the invitation mail names the company and role and carries a link', async () => {
		invite = await waitForMail(staff.email, /invited you/);
		assert.ok(invite.subject.includes(company.name) || invite.text.includes(company.name),
			`the invitation names the company: ${invite.subject}\n${invite.text}`);
		assert.match(invite.text, /Office/);
		assert.ok(invite.link, `a link in:\n${invite.text}`);
		assert.match(invite.link, /\/invite\?token=/);
	});

	await step('the invitation page shows the company and role', async () => {
		await page.goto(localPath(invite.link));
		await page.getByRole('heading', { level: 1, name: `Join ${company.name}` }).waitFor();
		const details = await page.locator('dl.details').innerText();
		assert.match(details, /Office/);
		assert.ok(details.includes(staff.email), details);
		assert.ok(details.includes(company.name), details);
	});

	await step('choosing a name and password signs the new member in', async () => {
		await field(page, 'Your name').fill(staff.name);
		await field(page, 'Password').fill(staff.password);
		await field(page, 'Confirm password').fill(staff.password);
		await page.getByRole('button', { name: 'Accept invitation' }).click();
		await page.waitForURL('**/app/');
		await page.getByRole('heading', { level: 1, name: `Good to see you, ${staff.name}` }).waitFor();
		assert.match(await page.getByRole('status').innerText(), /Welcome aboard/);
		const who = await page.getByRole('banner').innerText();
		assert.ok(who.includes(staff.name), who);
		assert.match(who, /Office/);
	});

	await step('office staff see the team and settings but cannot invite or edit', async () => {
		assert.deepEqual(await navLinks(page), ['Dashboard', 'Inbox', 'Customers', 'Jobs', 'Schedule', 'Estimates', 'Invoices', 'Price book', 'Team', 'Company settings', 'My account']);
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
		await page.waitForURL('**/app/staff');
		const team = await page.getByRole('table').innerText();
		assert.ok(team.includes(company.owner_email) && team.includes(staff.email), team);
		assert.equal(await page.getByRole('link', { name: 'Invite a team member' }).count(), 0);
		assert.equal(await page.getByRole('button', { name: 'Send invitation' }).count(), 0);
		assert.equal(await page.getByRole('button', { name: /Remove access/ }).count(), 0);

		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Company settings' }).click();
		await page.waitForURL('**/app/settings');
		assert.match(await page.locator('main').innerText(), /Only an owner can change/);
		assert.equal(await field(page, 'Company name').inputValue(), company.name);
		assert.ok(await field(page, 'Company name').isDisabled(), 'the company name is read-only for office staff');
		assert.equal(await page.getByRole('button', { name: 'Save changes' }).count(), 0);
		assert.equal(await page.getByRole('button', { name: 'Upload logo' }).count(), 0);
	});

	await step('office staff sign out', async () => {
		await signOut(page);
	});

	await step('"Forgot your password?" sends a reset link', async () => {
		await page.getByRole('link', { name: 'Forgot your password?' }).click();
		await page.waitForURL('**/password/forgot');
		await field(page, 'Email').fill(staff.email);
		await page.getByRole('button', { name: 'Send reset link' }).click();
		assert.match(await page.getByRole('status').innerText(), /If an account exists for that address/);
	});

	let reset;
	await step('the reset mail carries a link', async () => {
		reset = await waitForMail(staff.email, /^Reset your Plumbline password$/);
		assert.ok(reset.link, `a link in:\n${reset.text}`);
		assert.match(reset.link, /\/password\/reset\?token=/);
	});

	await step('the reset link lets the member choose a new password', async () => {
		await page.goto(localPath(reset.link));
		await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
		await field(page, 'New password').fill(newPassword);
		await field(page, 'Confirm new password').fill(newPassword);
		await page.getByRole('button', { name: 'Save password' }).click();
		await page.waitForURL(/\/login/);
		assert.match(await page.getByRole('status').innerText(), /Your password was changed/);
	});

	await step('the old password no longer works, with a clear message', async () => {
		await field(page, 'Email').fill(staff.email);
		await field(page, 'Password').fill(staff.password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		assert.match(await page.getByRole('alert').innerText(), /email and password don't match/);
		assert.match(page.url(), /\/login$/);
		// What was typed stays, except the password.
		assert.equal(await field(page, 'Email').inputValue(), staff.email);
		assert.equal(await field(page, 'Password').inputValue(), '');
	});

	await step('the new password signs the member in', async () => {
		await field(page, 'Password').fill(newPassword);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForURL('**/app/');
		await page.getByRole('heading', { level: 1, name: `Good to see you, ${staff.name}` }).waitFor();
	});

	await step('the member is told by mail that the password changed', async () => {
		const mail = await waitForMail(staff.email, /password was changed/);
		assert.ok(mail.text.includes(company.name), mail.text);
	});

	await step('the reset link cannot be used twice', async () => {
		await page.goto(localPath(reset.link));
		await page.getByRole('heading', { name: "This link can't be used" }).waitFor();
	});

	await step('no console errors or CSP violations along the way', async () => {
		assert.deepEqual(ctx.problems, []);
	});
});
