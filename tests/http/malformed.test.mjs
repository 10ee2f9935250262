/*
 * Malformed requests each get their 4xx (from the app, or from nginx
 * where it answers first), and none of them hurts a worker: afterwards
 * /healthz is 200 and every worker that was there is still alive.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { Client, STACK_DIR, alive, rawHttp, workerPids } from '../lib/index.mjs';

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
const mp = (boundary, body) => ({
	method: 'POST', path: '/login',
	headers: { 'Content-Type': boundary === null ? 'multipart/form-data' : `multipart/form-data; boundary=${boundary}` },
	body,
});
const fields = (n, sep = '&') => Array.from({ length: n }, (_, i) => `f${i}=v`).join(sep);

/* [name, raw request, allowed statuses, who answers: 'app' | 'nginx' | 'either'] */
const cases = [
	['multipart without a boundary', mp(null, '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n'), [400], 'app'],
	['multipart without the closing boundary', mp('x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n'), [400], 'app'],
	['multipart with an empty body', mp('x', ''), [400], 'app'],
	['multipart part without Content-Disposition', mp('x', '--x\r\nContent-Type: text/plain\r\n\r\nb\r\n--x--\r\n'), [400], 'app'],
	['multipart boundary over 70 characters', mp('x'.repeat(71), `--${'x'.repeat(71)}\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--${'x'.repeat(71)}--\r\n`), [400], 'app'],
	['multipart nested in multipart', mp('x', '--x\r\nContent-Disposition: form-data; name="a"\r\nContent-Type: multipart/mixed; boundary=y\r\n\r\n--y\r\n\r\nz\r\n--y--\r\n--x--\r\n'), [400], 'app'],
	['multipart part header line over 4 KB', mp('x', `--x\r\nContent-Disposition: form-data; name="a"; x="${'y'.repeat(5000)}"\r\n\r\nb\r\n--x--\r\n`), [400, 413], 'app'],
	['multipart file name not UTF-8', mp('x', Buffer.concat([Buffer.from('--x\r\nContent-Disposition: form-data; name="a"; filename="'), Buffer.from([0xff, 0xfe]), Buffer.from('"\r\n\r\nb\r\n--x--\r\n')])), [400], 'app'],
	['multipart with 1,100 parts', mp('x', `${Array.from({ length: 1100 }, (_, i) => `--x\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\nv\r\n`).join('')}--x--\r\n`), [413], 'app'],
	['2 MB urlencoded body', { method: 'POST', path: '/login', headers: FORM, body: `a=${'x'.repeat(2 * 1024 * 1024)}` }, [413], 'either'],
	['7 MB body (over nginx\'s limit)', { method: 'POST', path: '/login', headers: FORM, body: `a=${'x'.repeat(7 * 1024 * 1024)}` }, [413], 'nginx'],
	['one 140 KB form value', { method: 'POST', path: '/login', headers: FORM, body: `a=${'v'.repeat(140000)}` }, [413], 'app'],
	['a 200-byte field name', { method: 'POST', path: '/login', headers: FORM, body: `${'n'.repeat(200)}=1` }, [413], 'app'],
	['invalid UTF-8 in the query string', { path: '/login?q=%FF' }, [400], 'app'],
	['overlong UTF-8 in the query string', { path: '/login?q=%C0%AF' }, [400], 'app'],
	['invalid UTF-8 in a form body', { method: 'POST', path: '/login', headers: FORM, body: 'email=%FF&password=x' }, [400], 'app'],
	['a NUL byte in a form value', { method: 'POST', path: '/login', headers: FORM, body: 'email=a%00b&password=x' }, [400], 'app'],
	['a broken percent escape', { method: 'POST', path: '/login', headers: FORM, body: 'a=%zz' }, [400], 'app'],
	['a percent sign at the end', { method: 'POST', path: '/login', headers: FORM, body: 'a=%' }, [400], 'app'],
	['a body that is neither form type', { method: 'POST', path: '/login', headers: { 'Content-Type': 'text/plain' }, body: 'hello' }, [400, 415], 'app'],
	['a 10 KB cookie', { path: '/login', headers: { Cookie: `a=${'x'.repeat(10240)}` } }, [400], 'either'],
	['a 7 KB cookie (under nginx\'s buffer)', { path: '/login', headers: { Cookie: `a=${'x'.repeat(7000)}` } }, [400], 'app'],
	['250 cookies (over the app\'s 200)', { path: '/login', headers: { Cookie: fields(250, '; ') } }, [400], 'app'],
	['PUT', { method: 'PUT', path: '/login', headers: FORM, body: 'a=b' }, [405], 'app'],
	['DELETE', { method: 'DELETE', path: '/app/staff/1/remove' }, [405], 'app'],
	['PATCH', { method: 'PATCH', path: '/app/settings', headers: FORM, body: 'a=b' }, [405], 'app'],
	['a made-up method', { method: 'FROB', path: '/' }, [405], 'app'],
	['%FF in the path', { path: '/%FF' }, [400], 'app'],
	['a raw 0xFF byte in the path', { path: Buffer.from([0x2f, 0x61, 0x70, 0x70, 0x2f, 0xff]) }, [400], 'app'],
	['an overlong / in the path', { path: '/app/%C0%AF' }, [400], 'app'],
	['1,100 form fields', { method: 'POST', path: '/login', headers: FORM, body: fields(1100) }, [413], 'app'],
	['1,100 query fields', { path: `/login?${fields(1100)}` }, [413], 'app'],
	['deep field nesting a[b][c][d]', { method: 'POST', path: '/login', headers: FORM, body: 'a[b][c][d]=1' }, [413], 'app'],
	['deep nesting in the query', { path: '/login?a[b][c][d]=1' }, [413], 'app'],
	['an unclosed bracket in a field name', { method: 'POST', path: '/login', headers: FORM, body: 'a[b=1' }, [400], 'app'],
	['a Content-Length that is not a number', { method: 'POST', path: '/login', headers: { ...FORM, 'Content-Length': 'abc' }, body: 'a=b' }, [400], 'either'],
	['a route id past 64 bits', { method: 'POST', path: '/app/staff/99999999999999999999999/role', headers: FORM, body: 'role=field' }, [403, 404], 'app'],
];

function appLog() {
	try {
		return readFileSync(`${STACK_DIR}/log/app.log`, 'latin1');
	} catch {
		return '';
	}
}

describe('malformed requests', () => {
	let pids, logBefore;

	before(() => {
		pids = workerPids();
		logBefore = appLog().length;
		assert.ok(pids.length > 0, 'workers are running');
	});

	for (const [name, req, statuses, who] of cases)
		it(`${name} → ${statuses.join(' or ')}`, async () => {
			const r = await rawHttp(req);
			assert.ok(statuses.includes(r.status), `got ${r.status}${r.error ? ` (${r.error.code ?? r.error.message})` : ''}: ${r.text.slice(0, 120)}`);
			assert.equal(r.headers.server, 'nginx');
			if (who === 'app') {
				/* The app's own error page, with its headers. */
				assert.match(r.headers['content-type'] ?? '', /^text\/html; charset=utf-8/);
				assert.match(r.text, /<title>[^<]+ · Plumbline<\/title>/);
				assert.equal(r.headers['x-content-type-options'], 'nosniff');
			}
		});

	after(async () => {
		/* Checked in after() too, so a failure of one case can't hide it. */
		const r = await new Client().get('/healthz');
		assert.equal(r.status, 200);
	});

	it('afterwards /healthz is 200, every worker is alive and none was replaced', async () => {
		const r = await new Client().get('/healthz');
		assert.equal(r.status, 200);
		assert.equal(r.text, 'ok\n');
		for (const pid of pids)
			assert.ok(alive(pid), `worker ${pid} is alive`);
		assert.deepEqual(workerPids(), pids);
		const log = appLog().slice(logBefore);
		assert.doesNotMatch(log, /killed by signal|exited with status|AddressSanitizer|runtime error:/);
		assert.doesNotMatch(log, /status=5\d\d/, 'no 5xx answered');
	});
});
