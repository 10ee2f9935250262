/*
 * The estimate and invoice form in the browser: live totals, rows added,
 * moved and removed in the page, items of the price book filled into a
 * row.  Without this script the same buttons post the form and the server
 * answers with the change, so nothing here is needed to use the form.
 *
 * The totals follow fcgi/money.c's rules exactly, in integer cents with
 * BigInt (no floating point): a line is qty × unit price rounded half away
 * from zero; the discount is an amount or a percentage of the subtotal;
 * the taxable part of the discount is spread pro rata; tax is charged once
 * on the taxable subtotal after its share of the discount; the deposit is
 * an amount or a percentage of the total.  The server recomputes on save
 * and is the truth.
 *
 * The pure functions are PlumblineLines on globalThis, so tests run them
 * in node (vm) against the same cases as the server.
 */
(function (root) {
	'use strict';

	var MAX = 1000000000000n;	/* MONEY_MAX_CENTS */

	/* n / d rounded half away from zero (BigInt, d != 0). */
	function divRound(n, d) {
		if (d < 0n) {
			n = -n;
			d = -d;
		}
		var q = n / d;
		var r = n % d;
		if (r < 0n)
			r = -r;
		if (2n * r >= d)
			q += n < 0n ? -1n : 1n;
		return q;
	}

	/* Rule 1: the cents of qty (thousandths) × unit (cents); null past MAX. */
	function lineAmount(qtyMilli, unitCents) {
		var v = divRound(BigInt(qtyMilli) * BigInt(unitCents), 1000n);
		return v > MAX || v < -MAX ? null : v;
	}

	function percent(base, bp) {
		return divRound(BigInt(base) * BigInt(bp), 10000n);
	}

	/*
	 * Rules 2–7.  doc: { lines: [{ amount (BigInt cents), taxable }],
	 * taxRateBp, discountIsPercent, discountValue, depositIsPercent,
	 * depositValue } (numbers or BigInts).  Returns BigInt cents
	 * { subtotal, discount, taxable, tax, total, deposit }, or null when a
	 * total leaves MAX.
	 */
	function totals(doc) {
		var sub = 0n, taxable = 0n, i, t = {};
		for (i = 0; i < doc.lines.length; i++) {
			sub += BigInt(doc.lines[i].amount);
			if (doc.lines[i].taxable)
				taxable += BigInt(doc.lines[i].amount);
		}
		if (sub > MAX || sub < -MAX)
			return null;
		t.subtotal = sub;
		t.discount = doc.discountIsPercent ?
		    percent(sub, doc.discountValue || 0) : BigInt(doc.discountValue || 0);
		if (t.discount > sub)
			t.discount = sub > 0n ? sub : 0n;
		if (t.discount < 0n)
			t.discount = 0n;
		var taxDisc = sub === 0n ? 0n : divRound(t.discount * taxable, sub);
		t.taxable = taxable - taxDisc;
		t.tax = divRound(t.taxable * BigInt(doc.taxRateBp || 0), 10000n);
		t.total = sub - t.discount + t.tax;
		t.deposit = doc.depositIsPercent ?
		    percent(t.total, doc.depositValue || 0) : BigInt(doc.depositValue || 0);
		if (t.deposit > t.total)
			t.deposit = t.total > 0n ? t.total : 0n;
		if (t.deposit < 0n)
			t.deposit = 0n;
		return t;
	}

	/*
	 * money_parse_decimal: s with at most `places` fraction digits, scaled
	 * by 10^places, as a BigInt; commas between digit groups and a leading
	 * $, € or £ allowed; a minus only with allowNegative; null otherwise or
	 * past max.
	 */
	function parseDecimal(s, places, allowNegative, max) {
		var i = 0, v = 0n, frac = -1, digits = 0, neg = false, c;
		var big = BigInt(max) * 1000n;
		s = String(s);
		while (s[i] === ' ')
			i++;
		if (s[i] === '-' && allowNegative) {
			neg = true;
			i++;
		}
		if (s[i] === '$' || s[i] === '\u20ac' || s[i] === '\u00a3')
			i++;
		for (; i < s.length && s[i] !== ' '; i++) {
			c = s[i];
			if (c === ',' && frac < 0 && digits > 0 && s[i + 1] >= '0' &&
			    s[i + 1] <= '9')
				continue;
			if (c === '.' && frac < 0) {
				frac = 0;
				continue;
			}
			if (c < '0' || c > '9' || c.length !== 1)
				return null;
			if (frac >= 0 && ++frac > places)
				return null;
			v = v * 10n + BigInt(c.charCodeAt(0) - 48);
			if (v > big)
				return null;
			digits++;
		}
		while (s[i] === ' ')
			i++;
		if (i < s.length || digits === 0)
			return null;
		for (frac = frac < 0 ? 0 : frac; frac < places; frac++)
			v *= 10n;
		if (v > BigInt(max))
			return null;
		return neg ? -v : v;
	}

	var SYMBOLS = { USD: '$', CAD: '$', AUD: '$', NZD: '$', MXN: '$',
	    EUR: '\u20ac', GBP: '\u00a3' };

	/* money_format: "$1,234.56", "-$5.00", "1.00 XYZ". */
	function formatMoney(cents, currency) {
		var v = BigInt(cents), sym = SYMBOLS[currency] || '';
		var neg = v < 0n, whole, frac, out = '';
		if (neg)
			v = -v;
		whole = (v / 100n).toString();
		frac = (v % 100n).toString().padStart(2, '0');
		whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
		out = (neg ? '-' : '') + sym + whole + '.' + frac;
		return sym ? out : out + ' ' + currency;
	}

	var api = { divRound: divRound, lineAmount: lineAmount, percent: percent,
	    totals: totals, parseDecimal: parseDecimal, formatMoney: formatMoney };
	root.PlumblineLines = api;

	if (typeof document === 'undefined')
		return;

	/* ------------------------------------------------------------ the page */

	var RATE_MAX = 10000, QTY_MAX = 1000000000n;

	function rowsOf(form) {
		return Array.prototype.slice.call(form.querySelectorAll('[data-rows] > [data-line]'));
	}

	function field(row, name) {
		return row.querySelector('[data-field="' + name + '"]');
	}

	/* A share field (discount, deposit): [isPercent, value] or null. */
	function share(form, name) {
		var input = form.querySelector('[data-share="' + name + '"]');
		var kind = form.querySelector('[data-share-kind="' + name + '"]');
		var s = input ? input.value.trim() : '', pct = kind && kind.value === 'percent';
		if (s.slice(-1) === '%') {
			pct = true;
			s = s.slice(0, -1).trim();
		}
		if (s === '')
			return [pct, 0n];
		var v = parseDecimal(s, 2, false, pct ? RATE_MAX : Number(MAX));
		return v === null ? null : [pct, v];
	}

	function recompute(form) {
		var currency = form.getAttribute('data-currency') || 'USD';
		var lines = [];
		rowsOf(form).forEach(function (row) {
			var out = row.querySelector('[data-amount]');
			var desc = field(row, 'desc').value.trim();
			var qs = field(row, 'qty').value.trim(), ps = field(row, 'price').value.trim();
			var q = parseDecimal(qs, 3, true, Number.MAX_SAFE_INTEGER);
			var p = parseDecimal(ps, 2, true, Number(MAX));
			var a = q !== null && p !== null && q > 0n && q <= QTY_MAX ?
			    lineAmount(q, p) : null;
			if (a === null || desc === '') {
				out.textContent = '\u2014';
				return;
			}
			out.textContent = formatMoney(a, currency);
			lines.push({ amount: a, taxable: field(row, 'taxable').checked });
		});
		var rateInput = form.querySelector('[data-tax-rate]');
		var rs = rateInput ? rateInput.value.trim().replace(/%$/, '').trim() : '';
		var rate = rs === '' ? 0n : parseDecimal(rs, 2, false, RATE_MAX);
		var disc = share(form, 'discount'), dep = share(form, 'deposit');
		var t = totals({ lines: lines, taxRateBp: rate || 0n,
		    discountIsPercent: disc ? disc[0] : false, discountValue: disc ? disc[1] : 0n,
		    depositIsPercent: dep ? dep[0] : false, depositValue: dep ? dep[1] : 0n });
		var show = function (name, v) {
			var el = form.querySelector('[data-total="' + name + '"]');
			if (el)
				el.textContent = t ? formatMoney(v, currency) : '\u2014';
		};
		show('subtotal', t && t.subtotal);
		show('discount', t && -t.discount);
		show('tax', t && t.tax);
		show('total', t && t.total);
		show('deposit', t && t.deposit);
	}

	/* Row numbers, names, ids and labels after rows moved. */
	function renumber(form) {
		var rows = rowsOf(form), max = Number(form.getAttribute('data-max-lines') || 30);
		rows.forEach(function (row, i) {
			var n = i + 1;
			row.querySelector('[data-number]').textContent = String(n);
			Array.prototype.forEach.call(row.querySelectorAll('[name^="lines["]'), function (el) {
				var f = el.getAttribute('data-field');
				el.name = 'lines[' + i + '][' + f + ']';
				if (el.id)
					el.id = 'f-lines_' + i + '_' + f;
			});
			Array.prototype.forEach.call(row.querySelectorAll('label[for^="f-lines_"]'), function (l) {
				l.htmlFor = l.htmlFor.replace(/^f-lines_\d+_/, 'f-lines_' + i + '_');
				l.textContent = l.textContent.replace(/Line \d+/, 'Line ' + n);
			});
			Array.prototype.forEach.call(row.querySelectorAll('[data-move]'), function (b) {
				b.value = b.getAttribute('data-move') + '-' + i;
				b.setAttribute('aria-label', b.getAttribute('aria-label').replace(/line \d+/, 'line ' + n));
			});
			var out = row.querySelector('[data-amount]');
			out.setAttribute('for', 'f-lines_' + i + '_qty f-lines_' + i + '_price');
		});
		var add = form.querySelector('[data-add-row]');
		if (add)
			add.disabled = rows.length >= max;
	}

	function blankRow(row) {
		return ['desc', 'qty', 'unit', 'price'].every(function (f) {
			return field(row, f).value.trim() === '';
		});
	}

	/* A new empty row after the last, like the server's. */
	function addRow(form) {
		var rows = rowsOf(form), max = Number(form.getAttribute('data-max-lines') || 30);
		if (rows.length >= max)
			return null;
		var row = rows[rows.length - 1].cloneNode(true);
		Array.prototype.forEach.call(row.querySelectorAll('input, textarea'), function (el) {
			if (el.type === 'checkbox')
				el.checked = true;
			else
				el.value = '';
			el.removeAttribute('aria-invalid');
			el.removeAttribute('aria-describedby');
		});
		Array.prototype.forEach.call(row.querySelectorAll('.field-error'), function (p) {
			p.parentNode.removeChild(p);
		});
		rows[rows.length - 1].parentNode.appendChild(row);
		renumber(form);
		return row;
	}

	function fillItem(form) {
		var sel = form.querySelector('[data-items]');
		var opt = sel && sel.options[sel.selectedIndex];
		if (!opt || !opt.value) {
			if (sel)
				sel.focus();
			return;
		}
		var row = rowsOf(form).filter(blankRow)[0] || addRow(form);
		if (!row)
			return;
		field(row, 'desc').value = opt.getAttribute('data-desc');
		field(row, 'qty').value = '1';
		field(row, 'unit').value = opt.getAttribute('data-unit');
		field(row, 'price').value = opt.getAttribute('data-price');
		field(row, 'taxable').checked = opt.getAttribute('data-taxable') === '1';
		field(row, 'item').value = opt.value;
		sel.selectedIndex = 0;
		field(row, 'qty').focus();
	}

	function onClick(form, e) {
		var b = e.target.closest('button[name="action"]');
		if (!b || !form.contains(b))
			return;
		var row = b.closest('[data-line]'), move = b.getAttribute('data-move');
		if (b.hasAttribute('data-add-row')) {
			e.preventDefault();
			var r = addRow(form);
			if (r)
				field(r, 'desc').focus();
		} else if (b.hasAttribute('data-add-item')) {
			e.preventDefault();
			fillItem(form);
		} else if (b.hasAttribute('data-recalc')) {
			e.preventDefault();
		} else if (move && row) {
			e.preventDefault();
			if (move === 'up' && row.previousElementSibling)
				row.parentNode.insertBefore(row, row.previousElementSibling);
			else if (move === 'down' && row.nextElementSibling)
				row.parentNode.insertBefore(row.nextElementSibling, row);
			else if (move === 'remove') {
				if (rowsOf(form).length === 1)
					addRow(form);
				row.parentNode.removeChild(row);
			}
			renumber(form);
			/* Keep the focus on the button that moved with its row. */
			if (move !== 'remove')
				row.querySelector('[data-move="' + move + '"]').focus();
		} else
			return;
		recompute(form);
	}

	function init() {
		Array.prototype.forEach.call(document.querySelectorAll('[data-print]'), function (b) {
			b.hidden = false;
			b.addEventListener('click', function () { window.print(); });
		});
		var form = document.querySelector('form[data-lines]');
		if (!form)
			return;
		var recalc = form.querySelector('[data-recalc]');
		if (recalc)
			recalc.hidden = true;
		form.addEventListener('input', function () { recompute(form); });
		form.addEventListener('change', function () { recompute(form); });
		form.addEventListener('click', function (e) { onClick(form, e); });
		recompute(form);
	}

	if (document.readyState === 'loading')
		document.addEventListener('DOMContentLoaded', init);
	else
		init();
})(globalThis);
