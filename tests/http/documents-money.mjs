/*
 * The money rules of estimates and invoices written again from their
 * description (the header of fcgi/money.c), in BigInt, without looking at
 * either implementation: the second opinion the server's totals and
 * templates/static/js/lines.js are both checked against.  Pure: no stack
 * needed to import it.
 */
function roundDiv(n, d) {
	/* half away from zero */
	const neg = (n < 0n) !== (d < 0n);
	const an = n < 0n ? -n : n, ad = d < 0n ? -d : d;
	let q = an / ad;
	if ((an % ad) * 2n >= ad)
		q += 1n;
	return neg ? -q : q;
}

/* Exact decimal text ("1,234.5", "$12", "-3") scaled by 10^places, as BigInt. */
export function scaled(text, places) {
	let s = String(text).trim().replace(/^\$/, '').replace(/,/g, '');
	const neg = s.startsWith('-');
	if (neg)
		s = s.slice(1).replace(/^\$/, '');
	const [whole, frac = ''] = s.split('.');
	const v = BigInt(whole || '0') * 10n ** BigInt(places) + BigInt((frac + '0'.repeat(places)).slice(0, places) || '0');
	return neg ? -v : v;
}

/*
 * doc: { lines: [{ qty: '1.5', price: '12.34', taxable }], tax: '8.25' (percent),
 * discount: '10' | '5%', deposit: '100' | '50%' }.  Resolves BigInt cents
 * { lines: [...], subtotal, discount, tax, total, deposit }.
 */
export function expectedTotals(doc) {
	const amounts = doc.lines.map((l) => roundDiv(scaled(l.qty, 3) * scaled(l.price, 2), 1000n));
	const subtotal = amounts.reduce((a, b) => a + b, 0n);
	const taxableSub = amounts.reduce((a, b, i) => a + ((doc.lines[i].taxable ?? true) ? b : 0n), 0n);
	const share = (spec, base) => {
		if (!spec)
			return 0n;
		const s = String(spec);
		return s.endsWith('%') ? roundDiv(base * scaled(s.slice(0, -1), 2), 10000n) : scaled(s, 2);
	};
	let discount = share(doc.discount, subtotal);
	if (discount > subtotal)
		discount = subtotal > 0n ? subtotal : 0n;
	if (discount < 0n)
		discount = 0n;
	const taxDiscount = subtotal === 0n ? 0n : roundDiv(discount * taxableSub, subtotal);
	const tax = roundDiv((taxableSub - taxDiscount) * scaled(doc.tax ?? '0', 2), 10000n);
	const total = subtotal - discount + tax;
	let deposit = share(doc.deposit, total);
	if (deposit > total)
		deposit = total > 0n ? total : 0n;
	if (deposit < 0n)
		deposit = 0n;
	return { lines: amounts, subtotal, discount, tax, total, deposit };
}

/* The form fields of such a doc (tax, discount and deposit as the form takes them). */
export function pricingFields(doc) {
	const kindOf = (s) => (String(s ?? '').endsWith('%') ? 'percent' : 'amount');
	const valueOf = (s) => String(s ?? '').replace(/%$/, '');
	return {
		tax_rate: doc.tax ?? '', discount: valueOf(doc.discount), discount_kind: kindOf(doc.discount),
		deposit: valueOf(doc.deposit), deposit_kind: kindOf(doc.deposit),
	};
}

/* Tricky documents: the server (documents.test.mjs) and lines.js are both checked on them. */
export const CASES = [
	{ lines: [{ qty: '1', price: '100' }], tax: '8.25' },
	{ lines: [{ qty: '2.5', price: '85' }, { qty: '3', price: '12.34', taxable: false }], tax: '8.25', discount: '10%', deposit: '50%' },
	{ lines: [{ qty: '0.333', price: '0.01' }, { qty: '0.5', price: '0.01' }, { qty: '1.005', price: '0.99' }], tax: '7.13' },
	{ lines: [{ qty: '3', price: '33.33' }, { qty: '1', price: '0.01', taxable: false }], discount: '0.01', tax: '19.99' },
	{ lines: [{ qty: '1', price: '10' }, { qty: '1', price: '-2.5' }], tax: '5', discount: '12.5%' },
	{ lines: [{ qty: '999999.999', price: '1000' }], tax: '0.01', deposit: '33.33%' },
	{ lines: [{ qty: '1', price: '0.05' }, { qty: '1', price: '0.05', taxable: false }], discount: '0.05', tax: '10' },
	{ lines: [{ qty: '7', price: '1.43' }], discount: '50%', tax: '8', deposit: '2.5' },
	{ lines: [{ qty: '2', price: '19.99' }], discount: '100%', tax: '8' },
	{ lines: [{ qty: '12.5', price: '3.99', taxable: false }], tax: '20', deposit: '49.88' },
	{ lines: [{ qty: '0.001', price: '0.02' }, { qty: '0.025', price: '0.2' }], tax: '50', discount: '0.01' },
	{ lines: [{ qty: '1', price: '1234567.89' }, { qty: '4.5', price: '0.07', taxable: false }], tax: '13', discount: '33.33%', deposit: '10%' },
];
