/*
 * The company logo: PNG or JPEG by content, size-limited, stored under a
 * random name outside the web root, served through X-Accel-Redirect to
 * the company's own staff only.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';

import {
	Client, STACK_DIR, addStaff, bigPng, dbValue, fieldErrors, flashFrom, makePng, signup, uniq,
} from '../lib/index.mjs';

/* A small but well-formed JPEG (SOI, APP0/JFIF, ..., EOI) — the app checks the magic bytes. */
const JPEG = Buffer.concat([
	Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'),
	Buffer.from('ffdb004300' + '01'.repeat(64), 'hex'),
	Buffer.from('ffc0000b080001000101011100', 'hex'),
	Buffer.from('ffc4001f0000010501010101010100000000000000000102030405060708090a0b', 'hex'),
	Buffer.from('ffda0008010100003f00d2cf20ffd9', 'hex'),
]);

function upload(client, data, filename = 'logo.png', contentType = 'image/png') {
	return client.post('/app/settings/logo', { logo: { filename, contentType, data } }, { multipart: true });
}

async function logoOf(companyId) {
	return dbValue(`SELECT COALESCE(logo_file, '-') FROM companies WHERE id = ${companyId}`);
}

describe('logo', () => {
	let a, aField, b;
	const png = makePng(16, 8);

	before(async () => {
		[a, b] = await Promise.all([signup(), signup()]);
		aField = await addStaff(a.client, 'field');
	});

	it('no logo yet: /app/logo is 404', async () => {
		assert.equal((await a.client.get('/app/logo')).status, 404);
	});

	it('a real PNG is stored and served back byte for byte', async () => {
		const r = await upload(a.client, png, 'My Logo.png');
		assert.equal(r.status, 303);
		assert.equal(r.location, '/app/settings');
		assert.equal(flashFrom((await a.client.follow(r)).text)?.text, 'Logo updated.');
		const got = await a.client.get('/app/logo');
		assert.equal(got.status, 200);
		assert.equal(got.headers['content-type'], 'image/png');
		assert.ok(got.body.equals(png), 'the same bytes');
		assert.equal(got.headers['x-content-type-options'], 'nosniff');
		assert.equal(got.headers['x-accel-redirect'], undefined, 'the internal header never reaches the client');
		assert.match(got.headers['content-security-policy'] ?? '', /sandbox/);
	});

	it('is stored under a random name, not the uploaded one, outside the web root', async () => {
		const name = await logoOf(a.companyId);
		assert.match(name, /^[A-Za-z0-9_-]{43}\.png$/);
		const path = `${STACK_DIR}/files/logos/${name}`;
		assert.ok(existsSync(path));
		assert.ok(readFileSync(path).equals(png));
		/* The internal location can't be reached directly. */
		assert.equal((await a.client.get(`/_files/logos/${name}`)).status, 404);
		assert.equal((await new Client().get(`/_files/logos/${name}`)).status, 404);
	});

	it('pages show it, and field staff of the company get it', async () => {
		const dash = await a.client.get('/app/');
		assert.match(dash.text, /<img class="brand__logo" src="\/app\/logo"/);
		const r = await aField.client.get('/app/logo');
		assert.equal(r.status, 200);
		assert.ok(r.body.equals(png));
	});

	it("another company never gets it: B's /app/logo is 404 while B has none", async () => {
		const r = await b.client.get('/app/logo');
		assert.equal(r.status, 404);
		assert.ok(!r.body.includes(png.subarray(8, 24)), 'no PNG bytes');
		assert.doesNotMatch((await b.client.get('/app/')).text, /src="\/app\/logo"/);
	});

	it('signed out, /app/logo sends to sign-in', async () => {
		const r = await new Client().get('/app/logo');
		assert.equal(r.status, 303);
		assert.match(r.location, /^\/login\?next=/);
	});

	it('a JPEG is accepted and served as image/jpeg', async () => {
		const r = await upload(b.client, JPEG, 'photo.jpg', 'image/jpeg');
		assert.equal(r.status, 303);
		const got = await b.client.get('/app/logo');
		assert.equal(got.status, 200);
		assert.equal(got.headers['content-type'], 'image/jpeg');
		assert.ok(got.body.equals(JPEG));
		assert.match(await logoOf(b.companyId), /\.jpg$/);
		/* And A still gets its own. */
		assert.ok((await a.client.get('/app/logo')).body.equals(png));
	});

	const refused = [
		['a text file named logo.png', Buffer.from('just some text, not an image\n'), 'logo.png', 'image/png'],
		['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'logo.svg', 'image/svg+xml'],
		['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 'logo.gif', 'image/gif'],
		['HTML with a PNG content type', Buffer.from('<html><script>alert(1)</script></html>'), 'x.png', 'image/png'],
		['an empty file', Buffer.alloc(0), 'logo.png', 'image/png'],
	];
	for (const [what, data, filename, ctype] of refused)
		it(`${what} → 422 next to the field, the old logo stays`, async () => {
			const before = await logoOf(a.companyId);
			const r = await upload(a.client, data, filename, ctype);
			assert.equal(r.status, 422);
			assert.ok(fieldErrors(r.text).logo, 'message next to the logo field');
			assert.equal(await logoOf(a.companyId), before);
			assert.ok((await a.client.get('/app/logo')).body.equals(png));
		});

	it('no file at all → 422', async () => {
		const r = await a.client.post('/app/settings/logo', { other: 'x' }, { multipart: true });
		assert.equal(r.status, 422);
		assert.match(fieldErrors(r.text).logo ?? '', /Choose a PNG or JPEG/);
	});

	it('a 3 MB PNG → 422 (over the 2 MB logo limit) or 413', async () => {
		const big = bigPng(3 * 1024 * 1024);
		assert.ok(big.length > 3 * 1000 * 1000);
		const before = await logoOf(a.companyId);
		const r = await upload(a.client, big);
		assert.ok([413, 422].includes(r.status), `got ${r.status}`);
		if (r.status === 422)
			assert.match(fieldErrors(r.text).logo ?? '', /2 MB/);
		assert.equal(await logoOf(a.companyId), before);
	});

	it('a 7 MB upload is refused by nginx (413) before the app reads it', async () => {
		const r = await upload(a.client, Buffer.concat([png, Buffer.alloc(7 * 1024 * 1024)]));
		assert.equal(r.status, 413);
	});

	it('a path in the file name goes nowhere', async () => {
		const evil = `evil-${uniq('x')}.png`;
		const r = await upload(a.client, png, `../../../../../../../../tmp/${evil}`);
		assert.equal(r.status, 303);
		assert.match(await logoOf(a.companyId), /^[A-Za-z0-9_-]{43}\.png$/);
		assert.ok(!existsSync(`/tmp/${evil}`));
		assert.ok(!readdirSync(`${STACK_DIR}/files/logos`).includes(evil));
	});

	it('a new logo replaces the old one', async () => {
		const other = makePng(3, 3, () => [200, 10, 10, 255]);
		assert.equal((await upload(a.client, other)).status, 303);
		assert.ok((await a.client.get('/app/logo')).body.equals(other));
		assert.ok((await aField.client.get('/app/logo')).body.equals(other));
	});
});
