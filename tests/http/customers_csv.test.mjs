/*
 * Customers as CSV.  Export: RFC 4180 (checked by csv-parse in strict
 * mode), UTF-8 without a byte-order mark, formula-like cells neutralised,
 * the list's filters applied, an attachment.  Import: upload (BOM or not,
 * comma or semicolon) → column mapping guessed from the headers → preview
 * with each row's problems → the valid rows in one go; bad files and bad
 * mappings answered with messages (422); the stored upload is the
 * company's own (another company's file name is a 404) and is imported
 * once.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, existsSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

import {
	STACK_DIR, db, dbValue, decodeEntities, fieldErrors, flashFrom, formError, inputValue, signup, textOf, uniq,
} from '../lib/index.mjs';

const HEADER = ['name', 'kind', 'email', 'phone', 'notes', 'tags', 'street', 'city', 'region', 'postal_code'];

async function create(client, fields) {
	const r = await client.post('/app/customers', { kind: 'person', ...fields });
	assert.equal(r.status, 303, JSON.stringify(fieldErrors(r.text)));
	return Number(/(\d+)$/.exec(r.location)[1]);
}

function records(text) {
	return parse(text, { relax_quotes: false, relax_column_count: false, skip_empty_lines: false });
}

function upload(client, data, filename = 'customers.csv') {
	return client.post('/app/customers/import', { file: { filename, contentType: 'text/csv', data } }, { multipart: true });
}

/* The hidden file name and the mapping select values of a mapping page. */
function mappingOf(html) {
	const out = { file: inputValue(html, 'file') };
	for (const m of String(html).matchAll(/<select[^>]*name="(map_\d+)"[^>]*>([\s\S]*?)<\/select>/g)) {
		const sel = /<option value="([^"]*)" selected>/.exec(m[2]);
		out[m[1]] = sel ? decodeEntities(sel[1]) : '';
	}
	return out;
}

/* The preview table: [{ line, name, status }] */
function previewRows(html) {
	return [...String(html).matchAll(/<tr>\s*<td data-label="Line">(\d+)<\/td>\s*<td data-label="Name">([\s\S]*?)<\/td>[\s\S]*?<td data-label="Status">([\s\S]*?)<\/td>\s*<\/tr>/g)]
		.map((m) => ({ line: Number(m[1]), name: textOf(m[2]), status: textOf(m[3]) }));
}

function importDir(companyId) {
	return `${STACK_DIR}/files/imports/${companyId}`;
}

describe('customers CSV export', () => {
	let owner;
	const nasty = {
		formula: '=HYPERLINK("http://evil.example","click")',
		plus: '+1 555 010 0100',
		minus: '-2+3',
		at: '@SUM(A1:A9)',
		tab: '\tTabbed',
	};

	before(async () => {
		owner = await signup();
		await create(owner.client, {
			kind: 'business', name: nasty.formula, email: 'Quote@Example.test', phone: nasty.plus,
			notes: 'Line one, with "quotes"\nLine two; semicolon', tags: 'vip, roof',
			street: '1 "Main" St, Unit 2', city: 'Zürich', region: 'ZH', postal_code: '8001',
		});
		await create(owner.client, { name: nasty.minus, notes: nasty.at, tags: 'other' });
		await create(owner.client, { name: `${nasty.tab.slice(1)} 😀 שלום`, notes: '' });
		await create(owner.client, { name: '@home', email: '' });
	});

	it('is an RFC 4180 attachment in UTF-8 without a byte-order mark, the header first', async () => {
		const r = await owner.client.get('/app/customers.csv');
		assert.equal(r.status, 200);
		assert.equal(r.headers['content-type'], 'text/csv; charset=utf-8');
		assert.equal(r.headers['content-disposition'], 'attachment; filename="customers.csv"');
		assert.equal(r.headers['cache-control'], 'no-store');
		assert.notDeepEqual([...r.body.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
		assert.ok(r.text.endsWith('\r\n'));
		assert.ok(!/[^\r]\n/.test(r.text.replace(/"(?:[^"]|"")*"/g, '')), 'records end with CRLF');
		const rows = records(r.text);
		assert.deepEqual(rows[0], HEADER);
		assert.equal(rows.length, 5);
		assert.ok(rows.every((row) => row.length === HEADER.length));
	});

	it('neutralises cells a spreadsheet would run, and quotes what needs quoting', async () => {
		const rows = records((await owner.client.get('/app/customers.csv')).text).slice(1);
		const byName = (n) => rows.find((row) => row[0] === n);
		const f = byName(`'${nasty.formula}`);
		assert.ok(f, 'the formula name starts with a quote');
		assert.deepEqual(f, [`'${nasty.formula}`, 'business', 'quote@example.test', `'${nasty.plus}`,
			'Line one, with "quotes"\nLine two; semicolon', 'vip,roof', '1 "Main" St, Unit 2', 'Zürich', 'ZH', '8001']);
		const m = byName(`'${nasty.minus}`);
		assert.ok(m);
		assert.equal(m[4], `'${nasty.at}`);
		assert.ok(byName('\'@home'));
		assert.ok(byName(`${nasty.tab.slice(1)} 😀 שלום`), 'plain text stays as it is');
		for (const row of rows)
			for (const cell of row)
				assert.ok(!/^[=+\-@\t\r]/.test(cell), `cell ${JSON.stringify(cell)} is neutralised`);
	});

	it('applies the list filters', async () => {
		let rows = records((await owner.client.get('/app/customers.csv?tag=vip')).text);
		assert.equal(rows.length, 2);
		rows = records((await owner.client.get('/app/customers.csv?q=Z%C3%BCrich&kind=business')).text);
		assert.equal(rows.length, 2);
		rows = records((await owner.client.get('/app/customers.csv?kind=person&sort=recent')).text);
		assert.equal(rows.length, 4);
		rows = records((await owner.client.get('/app/customers.csv?q=nobody-at-all')).text);
		assert.deepEqual(rows, [HEADER]);
	});

	it('exports every customer of a long list, past one batch', async () => {
		const co = await signup();
		const values = Array.from({ length: 1205 }, (_, i) => `(${co.companyId}, 'person', 'Bulk ${String(i).padStart(4, '0')}', '', '', '', '')`);
		await db(`INSERT INTO customers (company_id, kind, name, email, phone, notes, tags) VALUES ${values.join(',')}`);
		const rows = records((await co.client.get('/app/customers.csv')).text);
		assert.equal(rows.length, 1206);
		assert.equal(new Set(rows.map((row) => row[0])).size, 1206);
		assert.equal(rows[1][0], 'Bulk 0000');
		assert.equal(rows[1205][0], 'Bulk 1204');
	});

	it('an export imports back into another company as the same customers', async () => {
		const text = (await owner.client.get('/app/customers.csv')).text;
		const other = await signup();
		const map = await upload(other.client, text);
		assert.equal(map.status, 200);
		const m = mappingOf(map.text);
		assert.deepEqual(Object.values(m).slice(1), HEADER, 'every column guessed');
		const preview = await other.client.post('/app/customers/import/preview', m);
		assert.equal(preview.status, 200);
		assert.match(textOf(preview.text), /Ready to import 4/);
		assert.equal((await other.client.post('/app/customers/import/run', m)).status, 303);
		const cols = 'name, kind, email, phone, notes, tags';
		const mine = await db(`SELECT ${cols} FROM customers WHERE company_id = ${owner.companyId} ORDER BY name`);
		const theirs = await db(`SELECT ${cols} FROM customers WHERE company_id = ${other.companyId} ORDER BY name`);
		assert.equal(theirs.length, 4);
		assert.deepEqual(theirs, mine);
		assert.equal(await dbValue(`SELECT CONCAT_WS('|', street, city, region, postal_code) FROM properties WHERE company_id = ${other.companyId}`),
		    '1 "Main" St, Unit 2|Zürich|ZH|8001');
	});
});

describe('customers CSV import', () => {
	let owner;

	before(async () => {
		owner = await signup();
	});

	it('the upload page explains the format', async () => {
		const r = await owner.client.get('/app/customers/import');
		assert.equal(r.status, 200);
		assert.match(textOf(r.text), /Step 1 of 3/);
		assert.match(r.text, /enctype="multipart\/form-data"/);
	});

	it('upload → mapping guessed from the headers → preview with per-row problems → import of the valid rows', async () => {
		const tag = uniq('imp');
		const csv = '\ufeffFull Name;E-mail;Phone Number;Type;Address;Town;ZIP;Tags;Favourite colour\r\n' +
			`Ann Import;ann@example.test;+1 555 010 0101;person;1 Elm St;Salem;97301;"${tag}, vip";red\r\n` +
			`"Bob ""The Builder"" Ltd";BOB@EXAMPLE.TEST;;Business;"2 Oak St\r\nUnit 5";Eugene;97401;${tag};blue\r\n` +
			';nobody@example.test;;;;;;;green\r\n' +
			'Bad Email;not-an-email;12;robot;;Nowhere;;;\r\n' +
			`'=Formula Guy;;'+1 555 010 0199;;;;;${tag};\r\n` +
			'\r\n' +
			'Zoë 😀 שלום;;;;;;;;\r\n';
		const map = await upload(owner.client, csv);
		assert.equal(map.status, 200);
		assert.match(textOf(map.text), /Step 2 of 3/);
		assert.match(textOf(map.text), /The file has 6 rows below its header/);
		const m = mappingOf(map.text);
		assert.match(m.file, /^[A-Za-z0-9_-]{43}\.csv$/);
		assert.deepEqual({ ...m, file: undefined }, {
			file: undefined, map_0: 'name', map_1: 'email', map_2: 'phone', map_3: 'kind', map_4: 'street', map_5: 'city',
			map_6: 'postal_code', map_7: 'tags', map_8: 'ignore',
		});
		assert.match(textOf(map.text), /For example: red · blue · green/);
		assert.ok(existsSync(`${importDir(owner.companyId)}/${m.file}`), 'stored under imports/<company>/');

		const preview = await owner.client.post('/app/customers/import/preview', m);
		assert.equal(preview.status, 200);
		const t = textOf(preview.text);
		assert.match(t, /Rows in the file 6 Ready to import 4 With problems 2/);
		const rows = previewRows(preview.text);
		assert.deepEqual(rows.map((r) => r.line), [2, 3, 5, 6, 7, 9], 'file line numbers, a quoted line break counted');
		assert.equal(rows[2].status, 'Name: This field is required');
		assert.equal(rows[3].status, 'Kind: Choose person or business; Email: Enter a valid email address; Phone: Enter a phone number; Street: Enter the street address');
		assert.deepEqual(rows.filter((r) => r.status === 'Ready').map((r) => r.name),
		    ['Ann Import', 'Bob "The Builder" Ltd', '=Formula Guy', 'Zoë 😀 שלום']);
		assert.match(preview.text, /<button class="btn btn--primary" type="submit">Import 4 customers<\/button>/);
		assert.equal(await dbValue(`SELECT COUNT(*) FROM customers WHERE company_id = ${owner.companyId}`), '0', 'nothing imported yet');

		const run = await owner.client.post('/app/customers/import/run', m);
		assert.equal(run.status, 303);
		assert.equal(run.location, '/app/customers?sort=recent');
		const list = await owner.client.follow(run);
		assert.deepEqual(flashFrom(list.text), { kind: 'ok', text: 'Import finished: the valid rows were added as customers.' });
		const got = await db(`SELECT name, kind, email, phone, tags FROM customers WHERE company_id = ${owner.companyId} ORDER BY name`);
		assert.deepEqual(got, [
			['=Formula Guy', 'person', '', '+1 555 010 0199', tag.toLowerCase()],
			['Ann Import', 'person', 'ann@example.test', '+1 555 010 0101', `${tag.toLowerCase()},vip`],
			['Bob "The Builder" Ltd', 'business', 'bob@example.test', '', tag.toLowerCase()],
			['Zoë 😀 שלום', 'person', '', '', ''],
		]);
		assert.deepEqual(await db(`SELECT street, city, postal_code FROM properties WHERE company_id = ${owner.companyId} ORDER BY street`),
		    [['1 Elm St', 'Salem', '97301'], ['2 Oak St, Unit 5', 'Eugene', '97401']]);
		assert.ok(!existsSync(`${importDir(owner.companyId)}/${m.file}`), 'the upload is gone once imported');

		/* Once: the same form again finds nothing to import. */
		const again = await owner.client.post('/app/customers/import/run', m);
		assert.equal(again.status, 404);
		assert.match(formError(again.text), /isn't available any more/);
		assert.equal(await dbValue(`SELECT COUNT(*) FROM customers WHERE company_id = ${owner.companyId}`), '4');
	});

	it('the preview can go back to the mapping, with the choice kept', async () => {
		const map = await upload(owner.client, 'who,mail\nCarl,carl@example.test\n');
		const guessed = mappingOf(map.text);
		assert.deepEqual({ ...guessed, file: undefined }, { file: undefined, map_0: 'ignore', map_1: 'email' });
		const m = { ...guessed, map_0: 'name', map_1: 'ignore' };
		const back = await owner.client.post('/app/customers/import/map', m);
		assert.equal(back.status, 200);
		assert.deepEqual(mappingOf(back.text), m);
	});

	it('a mapping without a name, or with a field twice, is a 422 with messages at the columns', async () => {
		const map = await upload(owner.client, 'name,email,other\nDee,dee@example.test,x\n');
		const m = mappingOf(map.text);
		let r = await owner.client.post('/app/customers/import/preview', { ...m, map_0: 'ignore' });
		assert.equal(r.status, 422);
		assert.deepEqual(fieldErrors(r.text), { map_0: "Choose the column that holds the customer's name" });
		assert.match(textOf(r.text), /Please fix 1 field below/);
		r = await owner.client.post('/app/customers/import/preview', { ...m, map_2: 'email' });
		assert.equal(r.status, 422);
		assert.deepEqual(fieldErrors(r.text), { map_2: 'Email is already taken by the column "email"' });
		r = await owner.client.post('/app/customers/import/preview', { ...m, map_2: 'password_hash' });
		assert.equal(r.status, 422);
		assert.deepEqual(fieldErrors(r.text), { map_2: 'Choose what this column holds' });
		r = await owner.client.post('/app/customers/import/run', { ...m, map_0: 'ignore' });
		assert.equal(r.status, 422);
		assert.equal(await dbValue(`SELECT COUNT(*) FROM customers WHERE company_id = ${owner.companyId} AND name = 'Dee'`), '0');
		/* The refused run left the upload in place. */
		assert.equal((await owner.client.post('/app/customers/import/preview', m)).status, 200);
	});

	it('a file with no valid row imports nothing and says so', async () => {
		const map = await upload(owner.client, 'name,email\n,a@example.test\n,b@example.test\n');
		const m = mappingOf(map.text);
		const preview = await owner.client.post('/app/customers/import/preview', m);
		assert.match(textOf(preview.text), /Ready to import 0 With problems 2/);
		assert.ok(!/Import 0 customers/.test(preview.text), 'no import button');
		const r = await owner.client.post('/app/customers/import/run', m);
		assert.equal(r.status, 422);
		assert.match(formError(r.text), /None of the rows can be imported/);
	});

	it('bad files are messages next to the file field (422), never stored', async () => {
		const before = existsSync(importDir(owner.companyId)) ? readdirSync(importDir(owner.companyId)).length : 0;
		const cases = [
			[Buffer.alloc(0), 'Choose a CSV file'],
			[Buffer.from('name,email\nJos\xe9,x\n', 'latin1'), 'This file isn\'t UTF-8 text. Save it as "CSV UTF-8" and upload it again.'],
			[Buffer.from('\ufeff'), 'This file is empty.'],
			['name,email\r\n', 'This file has a header line but no customers below it.'],
			['name,notes\nAnn,"open quote\nBen,x\n', 'Line 2: a quoted value is not closed'],
			['name,notes\nAnn,"x"y\n', 'Line 2: there is text after a closing quote (a quote inside a quoted value is written twice: "")'],
			['name\nA\0B\n', 'Line 2: the file contains a NUL character'],
			[`${Array.from({ length: 51 }, (_, i) => `c${i}`).join(',')}\nx\n`, 'This file has more than 50 columns.'],
			[`name\n${'x\n'.repeat(10001)}`, 'This file has more than 10,000 rows: split it into smaller files.'],
			[`name,notes\n${`Ann,${'n'.repeat(100)}\n`.repeat(21000)}`, 'The file must be 2 MB or smaller'],
		];
		for (const [data, message] of cases) {
			const r = await upload(owner.client, data);
			assert.equal(r.status, 422, message);
			assert.deepEqual(fieldErrors(r.text), { file: message });
		}
		const none = await owner.client.post('/app/customers/import', { other: 'x' }, { multipart: true });
		assert.equal(none.status, 422);
		const after = existsSync(importDir(owner.companyId)) ? readdirSync(importDir(owner.companyId)).length : 0;
		assert.equal(after, before);
	});

	it('10,000 rows import in one go', async () => {
		const co = await signup();
		const body = `name,email\n${Array.from({ length: 10000 }, (_, i) => `Many ${i},m${i}@example.test`).join('\n')}\n`;
		const map = await upload(co.client, body);
		assert.equal(map.status, 200);
		const run = await co.client.post('/app/customers/import/run', mappingOf(map.text), { timeout: 60000 });
		assert.equal(run.status, 303);
		assert.equal(await dbValue(`SELECT COUNT(*) FROM customers WHERE company_id = ${co.companyId}`), '10000');
	});

	it("another company's upload, or anything but an upload's name, is not found (404)", async () => {
		const map = await upload(owner.client, 'name\nMine Only\n');
		const m = mappingOf(map.text);
		const other = await signup();
		for (const file of [m.file, '../../plumbline.conf', `../${owner.companyId}/${m.file}`, 'x.csv', '', `${m.file}.importing`,
			`${'A'.repeat(43)}.csv`, m.file.replace('.csv', '.txt')]) {
			for (const step of ['map', 'preview', 'run']) {
				const r = await other.client.post(`/app/customers/import/${step}`, { ...m, file });
				assert.equal(r.status, 404, `${step} ${file}`);
				assert.match(formError(r.text), /isn't available any more/);
			}
		}
		assert.equal(await dbValue(`SELECT COUNT(*) FROM customers WHERE company_id = ${other.companyId}`), '0');
		assert.ok(existsSync(`${importDir(owner.companyId)}/${m.file}`), "the owner's upload is untouched");
		assert.equal((await owner.client.post('/app/customers/import/preview', m)).status, 200);
	});
});
