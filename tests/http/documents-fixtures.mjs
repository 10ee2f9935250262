/*
 * Shared by the estimate, invoice, payment and price book tests: a company
 * with jobs to write documents for (customers and jobs inserted in the
 * database: their pages belong to other features), the document form as
 * fields, the document rows as the database keeps them, and an independent
 * computation of the money rules (fcgi/money.c's header) in BigInt.
 */
import { db, dbRow, dbValue, fieldErrors, formError, signup, sqlString, uniq } from '../lib/index.mjs';

/* A new company and its signed-in owner ({ client, companyId, userId, ... }). */
export async function company(overrides = {}) {
	return signup(overrides);
}

/*
 * A customer with a property and a job of companyId, inserted directly.
 * Resolves { jobId, jobNumber, customerId, customerName, title }.
 */
export async function makeJob(companyId, { customer = `Customer ${uniq('c')}`, title = `Job ${uniq('j')}`,
	street = '12 Elm Street', city = 'Springfield' } = {}) {
	const customerId = (await db(`INSERT INTO customers (company_id, name, email, notes) VALUES
	    (${companyId}, ${sqlString(customer)}, 'customer@example.test', ''); SELECT LAST_INSERT_ID()`))[0][0];
	const propertyId = (await db(`INSERT INTO properties (company_id, customer_id, street, city) VALUES
	    (${companyId}, ${customerId}, ${sqlString(street)}, ${sqlString(city)}); SELECT LAST_INSERT_ID()`))[0][0];
	const number = Number(await dbValue(`SELECT COALESCE(MAX(number), 0) + 1 FROM jobs WHERE company_id = ${companyId}`));
	const jobId = (await db(`INSERT INTO jobs (company_id, number, customer_id, property_id, title, description)
	    VALUES (${companyId}, ${number}, ${customerId}, ${propertyId}, ${sqlString(title)}, ''); SELECT LAST_INSERT_ID()`))[0][0];
	return { jobId: Number(jobId), jobNumber: number, customerId: Number(customerId), customerName: customer, title };
}

/*
 * The document form as [name, value] pairs.  lines: [{ desc, qty, unit,
 * price, taxable (default true), item }]; the rest as the form's names
 * (title, issued_on, valid_until/due_on, tax_rate, discount, discount_kind,
 * deposit, deposit_kind, terms, notes, version, job_id, action).
 */
export function docFields({ lines = [], ...rest } = {}) {
	const pairs = [];
	const base = { issued_on: '2026-03-02', discount_kind: 'amount', deposit_kind: 'amount', ...rest };
	for (const [k, v] of Object.entries(base))
		if (v !== undefined && v !== null)
			pairs.push([k, String(v)]);
	lines.forEach((l, i) => {
		pairs.push([`lines[${i}][desc]`, l.desc ?? '']);
		pairs.push([`lines[${i}][qty]`, l.qty ?? '']);
		pairs.push([`lines[${i}][unit]`, l.unit ?? '']);
		pairs.push([`lines[${i}][price]`, l.price ?? '']);
		if (l.taxable ?? true)
			pairs.push([`lines[${i}][taxable]`, '1']);
		if (l.item)
			pairs.push([`lines[${i}][item]`, String(l.item)]);
	});
	return pairs;
}

/* POST a new document of kind ('estimate' | 'invoice'); resolves the response. */
export function createDoc(client, kind, jobId, fields = {}) {
	return client.post(`/app/${kind}s`, docFields({ job_id: jobId, ...fields }));
}

/* The id of the document a create redirected to (throws if it did not). */
export function idFrom(res) {
	const m = /^\/app\/(?:estimates|invoices)\/(\d+)$/.exec(res.location ?? '');
	if (res.status !== 303 || !m)
		throw new Error(`expected a redirect to the document, got ${res.status} ${res.location ?? ''}: ` +
		    `${formError(res.text) ?? ''} ${JSON.stringify(fieldErrors(res.text))}`);
	return Number(m[1]);
}

/* Create a document and resolve its id. */
export async function newDoc(client, kind, jobId, fields = {}) {
	return idFrom(await createDoc(client, kind, jobId, fields));
}

const DOC_COLUMNS = ['id', 'company_id', 'kind', 'number', 'status', 'job_id', 'customer_id', 'subtotal_cents',
	'discount_cents', 'tax_cents', 'total_cents', 'deposit_cents', 'paid_cents', 'version', 'tax_rate_bp',
	'discount_is_percent', 'discount_value', 'deposit_is_percent', 'deposit_value', 'source_id', 'title',
	'approved_name', 'issued_on', 'valid_until', 'due_on', 'terms', 'notes'];

/* The document row as the database keeps it ({ column: string }). */
export function docRow(id) {
	return dbRow(`SELECT ${DOC_COLUMNS.join(', ')} FROM documents WHERE id = ${Number(id)}`, DOC_COLUMNS);
}

/* Its lines: [{ description, qty_milli, unit, unit_price_cents, taxable, amount_cents, price_item_id }]. */
export async function docLines(id) {
	const rows = await db(`SELECT description, qty_milli, unit, unit_price_cents, taxable, amount_cents, price_item_id
	    FROM document_lines WHERE document_id = ${Number(id)} ORDER BY position`);
	return rows.map(([description, qty, unit, price, taxable, amount, item]) => ({
		description, qty_milli: Number(qty), unit, unit_price_cents: Number(price), taxable: taxable === '1',
		amount_cents: Number(amount), price_item_id: item === null ? null : Number(item),
	}));
}

export { CASES, expectedTotals, pricingFields, scaled } from './documents-money.mjs';
