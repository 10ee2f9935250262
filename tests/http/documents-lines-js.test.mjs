/*
 * templates/static/js/lines.js, the browser's live totals, run in node (vm)
 * against the same rules the server follows: the tricky cases of the
 * document tests and 20,000 random documents against the independent
 * computation of documents-money.mjs; its decimal parser and money format
 * against the server's (fcgi/money.c) on a table of inputs.  No stack needed.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

import { CASES, expectedTotals, scaled } from './documents-money.mjs';

const source = readFileSync(new URL('../../templates/static/js/lines.js', import.meta.url), 'utf8');
const sandbox = {};
sandbox.globalThis = sandbox;
vm.runInNewContext(source, sandbox, { filename: 'lines.js' });
const L = sandbox.PlumblineLines;

/* A document of the test shape through lines.js. */
function viaScript(doc) {
	const pct = (s) => String(s ?? '').endsWith('%');
	const val = (s) => (s ? scaled(String(s).replace(/%$/, ''), 2) : 0n);
	const lines = doc.lines.map((l) => ({
		amount: L.lineAmount(scaled(l.qty, 3), scaled(l.price, 2)), taxable: l.taxable ?? true,
	}));
	const t = L.totals({ lines, taxRateBp: scaled(doc.tax ?? '0', 2),
		discountIsPercent: pct(doc.discount), discountValue: val(doc.discount),
		depositIsPercent: pct(doc.deposit), depositValue: val(doc.deposit) });
	return { lines: lines.map((l) => l.amount), subtotal: t.subtotal, discount: t.discount, tax: t.tax,
		total: t.total, deposit: t.deposit };
}

describe('lines.js totals', () => {
	it('match the independent rules on the shared tricky cases', () => {
		for (const doc of CASES)
			assert.deepEqual(viaScript(doc), expectedTotals(doc), JSON.stringify(doc));
	});

	it('match the independent rules on 20,000 random documents', () => {
		let seed = 20260302;
		const rnd = (n) => {
			seed = (seed * 1103515245 + 12345) % 2147483648;
			return seed % n;
		};
		const dec = (max, places) => {
			const v = rnd(max * 10 ** places + 1);
			return places ? `${Math.floor(v / 10 ** places)}.${String(v % 10 ** places).padStart(places, '0')}` : String(v);
		};
		for (let i = 0; i < 20000; i++) {
			const lines = Array.from({ length: 1 + rnd(8) }, () => ({
				qty: dec(rnd(3) ? 20 : 5000, rnd(4)), price: (rnd(10) ? '' : '-') + dec(rnd(2) ? 500 : 99999, 2),
				taxable: rnd(3) !== 0,
			}));
			const doc = {
				lines, tax: dec(30, 2),
				discount: rnd(3) === 0 ? undefined : rnd(2) ? `${dec(100, 2)}%` : dec(2000, 2),
				deposit: rnd(3) === 0 ? undefined : rnd(2) ? `${dec(100, 2)}%` : dec(5000, 2),
			};
			assert.deepEqual(viaScript(doc), expectedTotals(doc), JSON.stringify(doc));
		}
	});

	it('rounds half away from zero, negatives included', () => {
		assert.equal(L.divRound(5n, 10n), 1n);
		assert.equal(L.divRound(-5n, 10n), -1n);
		assert.equal(L.divRound(4n, 10n), 0n);
		assert.equal(L.divRound(-15n, -10n), 2n);
		assert.equal(L.divRound(15n, -10n), -2n);
		assert.equal(L.lineAmount(1500n, 1n), 2n);	/* 1.5 × $0.01 = 1.5¢ → 2¢ */
		assert.equal(L.lineAmount(1500n, -1n), -2n);
		assert.equal(L.lineAmount(1000000000n, 100000000000n), null);	/* past $10 billion */
	});
});

describe('lines.js parsing and format, like fcgi/money.c', () => {
	/* money_parse_decimal's table (tests/unit/test_money.c and the form's messages). */
	const parse = [
		['12', 2, false, 1e12, 1200n], ['12.5', 2, false, 1e12, 1250n], ['1,234.56', 2, false, 1e12, 123456n],
		['$7', 2, false, 1e12, 700n], ['\u20ac0.99', 2, false, 1e12, 99n], [' 3 ', 2, false, 1e12, 300n],
		['-4', 2, true, 1e12, -400n], ['-4', 2, false, 1e12, null], ['1.234', 2, false, 1e12, null],
		['1.5', 3, false, 1e12, 1500n], ['abc', 2, false, 1e12, null], ['', 2, false, 1e12, null],
		['1e5', 2, false, 1e12, null], ['10^12', 3, false, 1e12, null], ['1,,000', 2, false, 1e12, null],
		['100.01', 2, false, 10000, null], ['100', 2, false, 10000, 10000n], ['.5', 2, false, 1e12, 50n],
		['5.', 2, false, 1e12, 500n], ['1 2', 2, false, 1e12, null], ['٣', 2, false, 1e12, null],
	];
	for (const [s, places, neg, max, want] of parse)
		it(`parses ${JSON.stringify(s)} (${places} places${neg ? ', negative ok' : ''}) as ${want}`, () => {
			assert.equal(L.parseDecimal(s, places, neg, max), want);
		});

	it('formats money like money_format', () => {
		assert.equal(L.formatMoney(123456n, 'USD'), '$1,234.56');
		assert.equal(L.formatMoney(-500n, 'USD'), '-$5.00');
		assert.equal(L.formatMoney(99n, 'EUR'), '\u20ac0.99');
		assert.equal(L.formatMoney(100000000000n, 'GBP'), '\u00a31,000,000,000.00');
		assert.equal(L.formatMoney(5n, 'XYZ'), '0.05 XYZ');
		assert.equal(L.formatMoney(0n, 'CAD'), '$0.00');
	});
});
