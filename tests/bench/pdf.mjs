// `make bench`'s Chromium contenders for the invoice PDF: the invoice's own
// page (GET /app/invoices/:id, print stylesheet) printed by Debian's
// Chromium through playwright-core, signed in with a session cookie.
//   cold: a new browser process per document (launch, load, print, close) —
//         what `chromium --headless --print-to-pdf URL` does, with a cookie;
//   warm: one browser and one tab kept open; per document the page is loaded
//         (timed apart: warm_load_ms) and page.pdf() is timed (warm_ms) —
//         Chromium's best case, the HTML already there.
//   node tests/bench/pdf.mjs URL COOKIE_VALUE COLD_N WARM_N OUT_DIR
// Prints: BENCH cold_ms=… warm_ms=… warm_load_ms=… cold_bytes=… warm_bytes=… pages=…
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';

const [url, cookie, coldN, warmN, outDir] = process.argv.slice(2);
const LAUNCH = {
	executablePath: process.env.CHROMIUM || '/usr/lib/chromium/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
		'--disable-background-networking', '--disable-component-update',
		'--no-first-run', '--disable-sync'],
};
const cookies = [{ name: 'pl_session', value: cookie, url }];

async function load(page) {
	const res = await page.goto(url, { waitUntil: 'load' });
	if (res.status() !== 200) throw new Error(`${url}: status ${res.status()}`);
}
const print = (page) => page.pdf({ format: 'Letter', printBackground: true });
async function printOnce(page) {
	await load(page);
	return print(page);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pagesOf = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;

const cold = [];
let coldPdf;
for (let i = 0; i < Number(coldN); i++) {
	const t0 = performance.now();
	const browser = await chromium.launch(LAUNCH);
	const ctx = await browser.newContext();
	await ctx.addCookies(cookies);
	coldPdf = await printOnce(await ctx.newPage());
	await browser.close();
	cold.push(performance.now() - t0);
}

const browser = await chromium.launch(LAUNCH);
const ctx = await browser.newContext();
await ctx.addCookies(cookies);
const page = await ctx.newPage();
await printOnce(page);		// warm-up: fonts, styles, the renderer
const warm = [], warmLoad = [];
let warmPdf;
for (let i = 0; i < Number(warmN); i++) {
	const t0 = performance.now();
	await load(page);
	const t1 = performance.now();
	warmPdf = await print(page);
	warm.push(performance.now() - t1);
	warmLoad.push(t1 - t0);
}
await browser.close();

writeFileSync(`${outDir}/chromium-warm.pdf`, warmPdf);
if (coldPdf) writeFileSync(`${outDir}/chromium-cold.pdf`, coldPdf);
console.log(`BENCH cold_ms=${cold.length ? median(cold).toFixed(1) : 'nan'} ` +
	`warm_ms=${median(warm).toFixed(1)} warm_load_ms=${median(warmLoad).toFixed(1)} cold_bytes=${coldPdf ? coldPdf.length : 0} ` +
	`warm_bytes=${warmPdf.length} pages=${pagesOf(warmPdf)}`);
