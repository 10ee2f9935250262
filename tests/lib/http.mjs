/*
 * A small HTTP client for the tests: node:http (no redirects followed), a
 * cookie jar, CSRF tokens picked up from pages, urlencoded and multipart
 * bodies, and raw requests over node:net for what a client library refuses
 * to send.
 *
 * Every Client talks from its own random loopback address (127.x.y.z):
 * nginx limits sign-in POSTs per client address, so tests that each sign in
 * a few times don't eat one another's allowance.  A test about that limit
 * keeps one address on purpose; one about the app's per-account limit
 * changes address with client.newAddress().
 */
import http from 'node:http';
import net from 'node:net';
import { randomBytes, randomInt } from 'node:crypto';

import { BASE_URL } from './env.mjs';

const base = new URL(BASE_URL);
export const HOST = base.hostname;
export const PORT = Number(base.port || 80);

/* A short unique word: prefix-<time><random>. */
export function uniq(prefix = 't') {
	return `${prefix}-${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
}

/* A unique, lower-case address at example.test. */
export function uniqueEmail(prefix = 'user') {
	return `${uniq(prefix)}@example.test`.toLowerCase();
}

/* A random loopback address other than 127.0.0.1. */
export function randomLoopback() {
	return `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

/* ---- Reading pages ---------------------------------------------------- */

const entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'", nbsp: ' ' };

export function decodeEntities(s) {
	return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z0-9]+);/gi, (m, e) => {
		if (entities[e.toLowerCase()] !== undefined)
			return entities[e.toLowerCase()];
		if (e[0] === '#')
			return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ?
			    parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
		return m;
	});
}

/*
 * Visible text of an HTML fragment: <wbr> dropped (it splits e-mail
 * addresses for line breaking), other tags turned into blanks, entities
 * decoded, blanks squeezed.
 */
export function textOf(html) {
	return decodeEntities(String(html).replace(/<wbr\s*\/?>/gi, '').replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

/* The CSRF token of the first form in html (hidden input name="csrf"), or null. */
export function csrfFrom(html) {
	const m = /<input[^>]*name="csrf"[^>]*value="([^"]*)"/.exec(String(html));
	return m ? decodeEntities(m[1]) : null;
}

/* Messages next to fields: { field: "message" } from <p id="f-FIELD-error">. */
export function fieldErrors(html) {
	const out = {};
	for (const m of String(html).matchAll(/<p[^>]*id="f-([A-Za-z0-9_]+)-error"[^>]*>([\s\S]*?)<\/p>/g))
		out[m[1]] = textOf(m[2]).replace(/^Error:\s*/, '');
	return out;
}

/* The whole-form message (Form.Error: div.alert--error), or null. */
export function formError(html) {
	const m = /<div class="alert alert--error"[^>]*>([\s\S]*?)<\/div>/.exec(String(html));
	return m ? textOf(m[1]) : null;
}

/* The flash message shown after a redirect: { kind: 'ok'|'error', text } or null. */
export function flashFrom(html) {
	const m = /<div class="flash flash--(ok|error)"[^>]*>([\s\S]*?)<\/div>/.exec(String(html));
	return m ? { kind: m[1], text: textOf(m[2]) } : null;
}

/* The value attribute of the input named name, or null. */
export function inputValue(html, name) {
	const re = new RegExp(`<input[^>]*name="${name}"[^>]*>`);
	const tag = re.exec(String(html));
	if (!tag)
		return null;
	const v = /value="([^"]*)"/.exec(tag[0]);
	return v ? decodeEntities(v[1]) : '';
}

/* The <title> text of a page. */
export function titleOf(html) {
	const m = /<title>([\s\S]*?)<\/title>/.exec(String(html));
	return m ? textOf(m[1]) : null;
}

/* ---- Bodies ------------------------------------------------------------- */

/* application/x-www-form-urlencoded from an object or [name, value] pairs. */
export function urlencoded(fields) {
	const p = new URLSearchParams();
	for (const [k, v] of Array.isArray(fields) ? fields : Object.entries(fields))
		p.append(k, String(v));
	return p.toString();
}

/*
 * multipart/form-data from an object or pairs; a file is
 * { filename, contentType, data: Buffer|string }.  Returns { body, contentType }.
 */
export function multipart(fields) {
	const boundary = `----plumbline${randomBytes(12).toString('hex')}`;
	const chunks = [];
	for (const [k, v] of Array.isArray(fields) ? fields : Object.entries(fields)) {
		if (v !== null && typeof v === 'object' && 'data' in v) {
			chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; ` +
			    `name="${k}"; filename="${v.filename ?? 'file'}"\r\nContent-Type: ` +
			    `${v.contentType ?? 'application/octet-stream'}\r\n\r\n`));
			chunks.push(Buffer.isBuffer(v.data) ? v.data : Buffer.from(v.data));
			chunks.push(Buffer.from('\r\n'));
		} else {
			chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; ` +
			    `name="${k}"\r\n\r\n${v}\r\n`));
		}
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/* ---- Responses ---------------------------------------------------------- */

export class Response {
	constructor(status, headers, body, setCookies) {
		this.status = status;
		/* Header names lower-case; repeated headers joined with ", " (not Set-Cookie). */
		this.headers = headers;
		this.body = body;
		/* Every Set-Cookie line as sent. */
		this.setCookies = setCookies;
	}
	get text() { return this._text ??= this.body.toString('utf8'); }
	get location() { return this.headers.location ?? null; }
	get csrf() { return csrfFrom(this.text); }
	header(name) { return this.headers[name.toLowerCase()]; }
	/* The Set-Cookie line of cookie name, parsed: { value, attrs: {lower-case: value|true} } or null. */
	cookie(name) {
		for (const line of this.setCookies) {
			const c = parseSetCookie(line);
			if (c.name === name)
				return c;
		}
		return null;
	}
}

export function parseSetCookie(line) {
	const [pair, ...attrs] = line.split(';');
	const eq = pair.indexOf('=');
	const out = { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), attrs: {} };
	for (const a of attrs) {
		const i = a.indexOf('=');
		if (i === -1)
			out.attrs[a.trim().toLowerCase()] = true;
		else
			out.attrs[a.slice(0, i).trim().toLowerCase()] = a.slice(i + 1).trim();
	}
	return out;
}

/* ---- The client ---------------------------------------------------------- */

const SEEDS = ['pl_session', '__Host-pl_session', 'pl_guest', '__Host-pl_guest', 'pl_portal', '__Host-pl_portal'];

export class Client {
	/*
	 * opts.localAddress: the source address (default: a random 127.x.y.z);
	 * opts.cookies: initial cookies { name: value };
	 * opts.base: another site than BASE_URL (e.g. a private stack's);
	 * opts.timeout: default ms to wait for an answer (20 s).
	 */
	constructor(opts = {}) {
		this.base = (opts.base ?? BASE_URL).replace(/\/+$/, '');
		const u = new URL(this.base);
		this.host = u.hostname;
		this.port = Number(u.port || 80);
		this.localAddress = opts.localAddress ?? randomLoopback();
		this.timeout = opts.timeout ?? 20000;
		this.jar = new Map(Object.entries(opts.cookies ?? {}));
		this.token = null;	/* CSRF token for the current seed cookie */
	}

	/* Talk from a new random loopback address from now on. */
	newAddress() {
		this.localAddress = randomLoopback();
		return this.localAddress;
	}

	cookie(name) { return this.jar.get(name) ?? null; }

	/* Set (or with value null, drop) a cookie by hand. */
	setCookie(name, value) {
		if (value === null || value === undefined)
			this.jar.delete(name);
		else
			this.jar.set(name, value);
		if (SEEDS.includes(name))
			this.token = null;
	}

	/* The session cookie's value (pl_session or __Host-pl_session), or null. */
	get session() { return this.cookie('pl_session') ?? this.cookie('__Host-pl_session'); }

	/* A new client with a copy of this one's cookies (another "device" of the same login). */
	clone(opts = {}) {
		const c = new Client({ base: this.base, timeout: this.timeout, ...opts, cookies: Object.fromEntries(this.jar) });
		c.token = this.token;
		return c;
	}

	cookieHeader() {
		return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	/*
	 * One request; redirects are returned, not followed.  opts: headers,
	 * body (string|Buffer), timeout (ms, default the client's), cookies:
	 * false to send none.
	 */
	request(method, path, opts = {}) {
		const headers = { ...(opts.headers ?? {}) };
		const lower = Object.fromEntries(Object.keys(headers).map((k) => [k.toLowerCase(), k]));
		if (opts.cookies !== false && this.jar.size > 0 && !lower.cookie)
			headers.Cookie = this.cookieHeader();
		let body = opts.body;
		if (body !== undefined && !Buffer.isBuffer(body))
			body = Buffer.from(String(body));
		if (body !== undefined && !lower['content-length'])
			headers['Content-Length'] = body.length;
		return new Promise((resolve, reject) => {
			const req = http.request({
				host: this.host, port: this.port, method, path, headers,
				localAddress: this.localAddress, agent: false,
			}, (res) => {
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('error', reject);
				res.on('end', () => {
					const set = res.headers['set-cookie'] ?? [];
					const h = { ...res.headers };
					delete h['set-cookie'];
					const r = new Response(res.statusCode, h, Buffer.concat(chunks), set);
					this.absorb(r);
					resolve(r);
				});
			});
			const ms = opts.timeout ?? this.timeout;
			req.setTimeout(ms, () => req.destroy(new Error(`${method} ${path}: no answer in ${ms} ms`)));
			req.on('error', reject);
			req.end(body);
		});
	}

	/* Take cookies and the page's CSRF token from a response. */
	absorb(r) {
		for (const line of r.setCookies) {
			const c = parseSetCookie(line);
			const gone = c.attrs['max-age'] === '0' || c.value === '';
			const before = this.jar.get(c.name);
			if (gone)
				this.jar.delete(c.name);
			else
				this.jar.set(c.name, c.value);
			if (SEEDS.includes(c.name) && before !== this.jar.get(c.name))
				this.token = null;
		}
		if (/^text\/html/.test(r.headers['content-type'] ?? '')) {
			const t = r.csrf;
			if (t)
				this.token = t;
		}
	}

	get(path, opts = {}) { return this.request('GET', path, opts); }
	head(path, opts = {}) { return this.request('HEAD', path, opts); }

	/*
	 * The CSRF token for this client's current session or guest cookie: the
	 * last one seen on a page, else one read from /logout (signed in) or
	 * /login (signed out).
	 */
	async csrf() {
		if (this.token)
			return this.token;
		/* A portal session seeds the portal's forms (/portal/logout shows one). */
		if (this.cookie('pl_portal') ?? this.cookie('__Host-pl_portal')) {
			await this.get('/portal/logout');
			if (this.token)
				return this.token;
		}
		let r = await this.get('/logout');
		if (r.status === 200 && this.token)
			return this.token;
		r = await this.get('/login');
		if (!this.token)
			throw new Error(`no CSRF token on /login (status ${r.status})`);
		return this.token;
	}

	/*
	 * POST a form.  fields: object, [name, value] pairs, or an already
	 * encoded urlencoded string.  opts.csrf: true (default) adds this
	 * client's token, false sends none, a string sends that value.
	 * opts.multipart: send multipart/form-data (files as { filename,
	 * contentType, data }).  opts.headers, opts.timeout as for request().
	 */
	async post(path, fields = {}, opts = {}) {
		const csrf = opts.csrf === undefined || opts.csrf === true ? await this.csrf() :
		    opts.csrf === false ? null : String(opts.csrf);
		let body, ctype;
		if (opts.multipart) {
			const pairs = Array.isArray(fields) ? [...fields] : Object.entries(fields);
			if (csrf !== null)
				pairs.unshift(['csrf', csrf]);
			({ body, contentType: ctype } = multipart(pairs));
		} else if (typeof fields === 'string') {
			body = csrf !== null ? `csrf=${encodeURIComponent(csrf)}${fields ? '&' + fields : ''}` : fields;
			ctype = 'application/x-www-form-urlencoded';
		} else {
			const pairs = Array.isArray(fields) ? [...fields] : Object.entries(fields);
			if (csrf !== null)
				pairs.unshift(['csrf', csrf]);
			body = urlencoded(pairs);
			ctype = 'application/x-www-form-urlencoded';
		}
		return this.request('POST', path, {
			...opts, body, headers: { 'Content-Type': ctype, ...(opts.headers ?? {}) },
		});
	}

	/* GET the Location of a redirect response (relative to the site). */
	follow(r, opts = {}) {
		if (!r.location)
			throw new Error(`not a redirect: ${r.status}`);
		const u = new URL(r.location, this.base);
		return this.get(u.pathname + u.search, opts);
	}
}

/* ---- Raw requests ---------------------------------------------------------- */

/*
 * Send bytes as they are on a fresh connection and read the answer until
 * the server closes it (send "Connection: close").  Resolves
 * { status, headers, body, raw } — status 0 when the connection ended
 * without an answer; never rejects on a reset (error is then set).
 */
export function rawRequest(data, opts = {}) {
	return new Promise((resolve) => {
		const chunks = [];
		let error = null, done = false;
		const sock = net.connect({ host: HOST, port: PORT, localAddress: opts.localAddress ?? randomLoopback() });
		const finish = () => {
			if (done)
				return;
			done = true;
			clearTimeout(timer);
			sock.destroy();
			resolve(parseRaw(Buffer.concat(chunks), error));
		};
		const timer = setTimeout(() => { error = new Error('timeout'); finish(); }, opts.timeout ?? 15000);
		sock.on('data', (c) => chunks.push(c));
		sock.on('end', finish);
		sock.on('close', finish);
		sock.on('error', (e) => { error = e; });
		/* write, not end: a half-closed connection makes nginx give up on the
		 * answer (499) when the app is slower than the FIN. */
		sock.on('connect', () => sock.write(data));
	});
}

/*
 * A raw request from parts: method, path (sent byte for byte: use a Buffer
 * for bytes that aren't UTF-8), headers { name: value }, body.  Host and
 * Connection: close are added; Content-Length when there is a body.
 */
export function rawHttp({ method = 'GET', path = '/', headers = {}, body, localAddress, timeout } = {}) {
	const b = body === undefined ? null : Buffer.isBuffer(body) ? body : Buffer.from(String(body));
	const h = { Host: `${HOST}:${PORT}`, Connection: 'close', ...headers };
	if (b && !Object.keys(h).some((k) => k.toLowerCase() === 'content-length'))
		h['Content-Length'] = b.length;
	const head = Buffer.concat([
		Buffer.from(`${method} `), Buffer.isBuffer(path) ? path : Buffer.from(path),
		Buffer.from(` HTTP/1.1\r\n${Object.entries(h).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`),
	]);
	return rawRequest(b ? Buffer.concat([head, b]) : head, { localAddress, timeout });
}

function parseRaw(buf, error) {
	const sep = buf.indexOf('\r\n\r\n');
	if (sep === -1)
		return { status: 0, headers: {}, body: Buffer.alloc(0), text: '', raw: buf, error };
	const lines = buf.subarray(0, sep).toString('latin1').split('\r\n');
	const m = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0]);
	const headers = {};
	for (const l of lines.slice(1)) {
		const i = l.indexOf(':');
		if (i > 0) {
			const k = l.slice(0, i).trim().toLowerCase();
			const v = l.slice(i + 1).trim();
			headers[k] = headers[k] !== undefined ? `${headers[k]}, ${v}` : v;
		}
	}
	let body = buf.subarray(sep + 4);
	if (/chunked/i.test(headers['transfer-encoding'] ?? ''))
		body = dechunk(body);
	return { status: m ? Number(m[1]) : 0, headers, body, text: body.toString('utf8'), raw: buf, error };
}

function dechunk(b) {
	const out = [];
	let i = 0;
	while (i < b.length) {
		const eol = b.indexOf('\r\n', i);
		if (eol === -1)
			break;
		const n = parseInt(b.subarray(i, eol).toString('latin1'), 16);
		if (!n)
			break;
		out.push(b.subarray(eol + 2, eol + 2 + n));
		i = eol + 2 + n + 2;
	}
	return Buffer.concat(out);
}
