// Issue 5, "Done when", as a new user tries it: from an invoice in the browser, download
// the PDF, read its QR code with a decoder (zbarimg on a 150 dpi render), land on the
// verification page; print the invoice page and get the document without the back office
// around it (navigation, buttons, forms) and with its lines, totals and payments.
//
// With REVIEW_SHOTS_DIR set, the verification page and the printed invoice (as PNG pages)
// go there for a person to look at.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { assert, useBrowser, story, signUp, BASE_URL, REVIEW_SHOTS_DIR } from './lib.mjs';
import { db, dbValue, sqlString } from '../lib/index.mjs';
import { makeJob } from '../http/documents-fixtures.mjs';

useBrowser();

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-browser-'));

/* A sent invoice of n lines for the company of ownerEmail, written in the database. */
async function invoice(ownerEmail, n) {
	const companyId = await dbValue(`SELECT company_id FROM users WHERE email = ${sqlString(ownerEmail)}`);
	const job = await makeJob(companyId, { customer: 'Zoë Ångström-Núñez', street: '9 Chemin du Lac', city: 'Québec' });
	const total = n * 12500;
	const id = (await db(`INSERT INTO documents (company_id, kind, number, job_id, customer_id, customer_name, status, title,
	    issued_on, due_on, terms, notes, subtotal_cents, total_cents, paid_cents) VALUES (${companyId}, 'invoice', 1, ${job.jobId},
	    ${job.customerId}, (SELECT name FROM customers WHERE id = ${job.customerId}), 'partial', 'Chauffe-eau et tuyauterie', '2026-03-02', '2026-04-01', 'Net 30 — merci !', '',
	    ${total}, ${total}, 20000); SELECT LAST_INSERT_ID()`))[0][0];
	const rows = Array.from({ length: n }, (_, i) => `(${companyId}, ${id}, ${i + 1}, ${sqlString(`Pièce n° ${i + 1} — raccord laiton ½"`)},
	    1000, 'ea', 12500, 1, 12500, NULL)`);
	await db(`INSERT INTO document_lines (company_id, document_id, position, description, qty_milli, unit,
	    unit_price_cents, taxable, amount_cents, price_item_id) VALUES ${rows.join(',')};
	    INSERT INTO payments (company_id, document_id, method, amount_cents, received_on, reference, reason)
	    VALUES (${companyId}, ${id}, 'check', 20000, '2026-03-05', 'No. 1187', '')`);
	return Number(id);
}

story('download the PDF, scan its QR, land on the verification page, print the page', async ({ page, step }) => {
	let id, file, url;

	await step('a new company with a 40-line invoice opens it', async () => {
		const c = await signUp(page);
		id = await invoice(c.owner_email, 40);
		await page.goto(`/app/invoices/${id}`);
		await page.getByRole('heading', { name: /Invoice #1/ }).first().waitFor();
	});

	await step('"Download PDF" gives a PDF with a clear name', async () => {
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'Download PDF' }).click(),
		]);
		assert.match(download.suggestedFilename(), /^Invoice-1-Plomberie-Hélène-&-Fils-\w+\.pdf$/);	// filename* (UTF-8) wins
		file = path.join(tmp, 'invoice.pdf');
		await download.saveAs(file);
		assert.equal(fs.readFileSync(file).subarray(0, 5).toString(), '%PDF-');
		execFileSync('qpdf', ['--check', file]);
	});

	await step('its QR code decodes to the verification address', async () => {
		execFileSync('pdftoppm', ['-r', '150', '-png', file, path.join(tmp, 'page')]);
		const found = fs.readdirSync(tmp).filter((f) => f.startsWith('page')).map((f) => {
			try { return execFileSync('zbarimg', ['--raw', '-q', path.join(tmp, f)], { encoding: 'utf8' }).trim(); } catch { return ''; }
		}).filter(Boolean);
		const token = await dbValue(`SELECT token FROM documents WHERE id = ${id}`);
		assert.deepEqual(found, [`${BASE_URL}/d/${token}`]);
		url = found[0];
	});

	await step('the address says the invoice is genuine and current', async () => {
		await page.goto(url);
		await page.getByText('Genuine and current').waitFor();
		await page.getByRole('heading', { name: 'Invoice #1', exact: true }).waitFor();
		assert.ok(await page.getByRole('link', { name: 'Open in the customer portal' }).isVisible());
		if (REVIEW_SHOTS_DIR) {
			fs.mkdirSync(REVIEW_SHOTS_DIR, { recursive: true });
			await page.screenshot({ path: path.join(REVIEW_SHOTS_DIR, 'pdf-verify.png'), fullPage: true });
		}
	});

	await step('printed, the page is the document alone', async () => {
		await page.goto(`/app/invoices/${id}`);
		await page.emulateMedia({ media: 'print' });
		for (const hidden of [page.getByRole('navigation', { name: 'Main' }), page.getByRole('link', { name: 'Download PDF' }),
			page.getByRole('button', { name: /Record/ })])
			assert.equal(await hidden.isVisible(), false);
		assert.ok(await page.getByRole('cell', { name: /Pièce n° 40/ }).isVisible());
		assert.ok(await page.getByText('No. 1187').isVisible(), 'payments are printed');
		const printed = path.join(tmp, 'printed.pdf');
		await page.pdf({ path: printed, format: 'Letter', printBackground: true });
		const text = execFileSync('pdftotext', [printed, '-'], { encoding: 'utf8' });
		for (const s of ['Pièce n° 1 ', 'Pièce n° 40', 'Balance due', 'Zoë Ångström-Núñez'])
			assert.ok(text.includes(s), `printed page has ${s}`);
		assert.ok(!text.includes('Sign out'), 'no back-office chrome');
		if (REVIEW_SHOTS_DIR)
			execFileSync('pdftoppm', ['-r', '60', '-png', printed, path.join(REVIEW_SHOTS_DIR, 'pdf-printed')]);
	});
});

story('a printed estimate carries the approval block of its PDF', async ({ page, step }) => {
	let id, shot = 0;

	/* The page printed to PDF, as text; a PNG of it for a person when REVIEW_SHOTS_DIR is set. */
	async function printed() {
		const file = path.join(tmp, `estimate-${++shot}.pdf`);
		await page.pdf({ path: file, format: 'Letter', printBackground: true });
		if (REVIEW_SHOTS_DIR)
			execFileSync('pdftoppm', ['-r', '60', '-png', file, path.join(REVIEW_SHOTS_DIR, `pdf-estimate-${shot}`)]);
		return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
	}

	await step('an estimate the customer has not approved yet', async () => {
		const c = await signUp(page);
		const companyId = await dbValue(`SELECT company_id FROM users WHERE email = ${sqlString(c.owner_email)}`);
		const job = await makeJob(companyId, { customer: 'Zoë Ångström-Núñez' });
		id = Number((await db(`INSERT INTO documents (company_id, kind, number, job_id, customer_id, customer_name, status, title,
		    issued_on, terms, notes, subtotal_cents, total_cents) VALUES (${companyId}, 'estimate', 1, ${job.jobId}, ${job.customerId},
		    (SELECT name FROM customers WHERE id = ${job.customerId}), 'sent', 'Chauffe-eau', '2026-03-02', '', '', 90000, 90000); SELECT LAST_INSERT_ID()`))[0][0]);
		await db(`INSERT INTO document_lines (company_id, document_id, position, description, qty_milli, unit, unit_price_cents,
		    taxable, amount_cents, price_item_id) VALUES (${companyId}, ${id}, 1, 'Water heater', 1000, 'ea', 90000, 1, 90000, NULL)`);
	});

	await step('on screen there are no signature lines; printed, there are', async () => {
		await page.goto(`/app/estimates/${id}`);
		const sign = page.locator('.doc-sign');
		assert.equal(await sign.isVisible(), false);
		await page.emulateMedia({ media: 'print' });
		assert.ok(await sign.isVisible());
		const text = await printed();
		for (const s of ['APPROVAL', 'Signature', 'Date', 'Name', 'Water heater'])
			assert.ok(text.toUpperCase().includes(s.toUpperCase()), `printed page has ${s}`);
	});

	await step('once approved, it prints who approved it and when instead', async () => {
		await db(`UPDATE documents SET status = 'approved', approved_name = 'Zoë Ångström', approved_at = '2026-03-04 15:00:00'
		    WHERE id = ${id}`);
		await page.goto(`/app/estimates/${id}`);
		await page.emulateMedia({ media: 'print' });
		assert.equal(await page.locator('.doc-sign').count(), 0);
		const text = await printed();
		assert.match(text, /Approved by Zoë Ångström on/);
		assert.ok(!text.includes('Signature'));
	});
});
