/*
 * Payments: deposits on estimates, partial payments on invoices, the
 * balance always derived, overpayment refused with the balance named,
 * refunds as negative payments with a reason, an invoice partly paid and
 * paid by the facts (its job told), bad input answered 422 with nothing
 * saved, and two payments at once never taking more than the balance.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';

import { db, dbValue, fieldErrors, flashFrom, formError, inputValue, textOf } from '../lib/index.mjs';
import { company, docRow, makeJob, newDoc } from './documents-fixtures.mjs';

const pay = (client, kind, id, fields) => client.post(`/app/${kind}s/${id}/payments`, {
	kind: 'payment', method: 'cash', received_on: '2026-02-01', reference: '', reason: '', ...fields,
});
const payments = (id) => db(`SELECT method, amount_cents, received_on, reference, reason FROM payments WHERE document_id = ${id} ORDER BY id`);
const jobStatus = (id) => dbValue(`SELECT status FROM jobs WHERE id = ${id}`);

/* An issued invoice of $total (no tax) for a job that is completed (so it turns invoiced, then paid). */
async function issuedInvoice(client, companyId, total = '250') {
	const job = await makeJob(companyId);
	await db(`UPDATE jobs SET status = 'completed' WHERE id = ${job.jobId}`);
	const id = await newDoc(client, 'invoice', job.jobId, { lines: [{ desc: 'Work', qty: '1', price: total }] });
	assert.equal((await client.post(`/app/invoices/${id}/send`, {})).status, 303);
	return { id, job };
}

describe('payments on invoices', () => {
	let owner;

	before(async () => {
		owner = await company();
	});

	it('partial payments make the invoice partly paid, the last one paid, and the job paid', async () => {
		const { id, job } = await issuedInvoice(owner.client, owner.companyId);
		assert.equal(await jobStatus(job.jobId), 'invoiced');
		let r = await pay(owner.client, 'invoice', id, { amount: '100', method: 'check', reference: 'Check #4411' });
		assert.equal(r.status, 303);
		assert.equal(r.location, `/app/invoices/${id}#payments`);
		assert.equal(flashFrom((await owner.client.follow(r)).text)?.text, 'Payment recorded.');
		let row = await docRow(id);
		assert.equal(row.status, 'partial');
		assert.equal(row.paid_cents, '10000');
		assert.equal(await jobStatus(job.jobId), 'invoiced');
		r = await pay(owner.client, 'invoice', id, { amount: '$150.00', method: 'card' });
		assert.equal(r.status, 303);
		row = await docRow(id);
		assert.equal(row.status, 'paid');
		assert.equal(row.paid_cents, '25000');
		assert.equal(await jobStatus(job.jobId), 'paid');
		assert.deepEqual(await payments(id), [['check', '10000', '2026-02-01', 'Check #4411', ''], ['card', '15000', '2026-02-01', '', '']]);
		const page = textOf((await owner.client.get(`/app/invoices/${id}`)).text);
		assert.match(page, /Paid \$250\.00 Balance due \$0\.00/);
		assert.match(page, /1 Feb 2026 Card \$150\.00/);
		assert.match(page, /Check \$100\.00 Check #4411/);
		const ev = await db(`SELECT kind, body, visible_to_customer FROM job_events WHERE job_id = ${job.jobId} AND kind = 'payment' ORDER BY id`);
		assert.deepEqual(ev.map((e) => e[1].replace(/#\d+/, '#N')), [
			'Payment of $100.00 received (Check) on invoice #N; balance due $150.00',
			'Payment of $150.00 received (Card) on invoice #N; balance due $0.00']);
		assert.ok(ev.every((e) => e[2] === '1'));
	});

	it('refuses more than the balance due, saying what it is; nothing saved', async () => {
		const { id } = await issuedInvoice(owner.client, owner.companyId, '80.50');
		await pay(owner.client, 'invoice', id, { amount: '30' });
		const before = await docRow(id);
		const r = await pay(owner.client, 'invoice', id, { amount: '50.51' });
		assert.equal(r.status, 422);
		assert.equal(fieldErrors(r.text).amount, "The balance due is $50.50; a payment can't be more than that");
		assert.equal(inputValue(r.text, 'amount'), '50.51', 'the amount typed is kept');
		assert.deepEqual(await docRow(id), before);
		assert.equal((await payments(id)).length, 1);
		assert.equal((await pay(owner.client, 'invoice', id, { amount: '50.50' })).status, 303);
		const paid = await pay(owner.client, 'invoice', id, { amount: '0.01' });
		assert.equal(paid.status, 422);
		assert.equal(fieldErrors(paid.text).amount, "The balance due is $0.00; a payment can't be more than that");
	});

	it('refunds are negative payments with a reason, up to what was paid; they reopen the balance and the job', async () => {
		const { id, job } = await issuedInvoice(owner.client, owner.companyId, '100');
		await pay(owner.client, 'invoice', id, { amount: '100' });
		assert.equal(await jobStatus(job.jobId), 'paid');
		let r = await pay(owner.client, 'invoice', id, { kind: 'refund', amount: '10' });
		assert.equal(r.status, 422);
		assert.match(fieldErrors(r.text).reason ?? '', /Say why/);
		r = await pay(owner.client, 'invoice', id, { kind: 'refund', amount: '100.01', reason: 'Too much' });
		assert.equal(r.status, 422);
		assert.equal(fieldErrors(r.text).amount, "Only $100.00 has been paid; a refund can't be more than that");
		r = await pay(owner.client, 'invoice', id, { kind: 'refund', amount: '25', reason: 'Cabinet scratched', method: 'card' });
		assert.equal(r.status, 303);
		const row = await docRow(id);
		assert.equal(row.status, 'partial');
		assert.equal(row.paid_cents, '7500');
		assert.equal(await jobStatus(job.jobId), 'invoiced');
		assert.deepEqual((await payments(id))[1], ['card', '-2500', '2026-02-01', '', 'Cabinet scratched']);
		assert.match(textOf((await owner.client.get(`/app/invoices/${id}`)).text), /Refund · Card -\$25\.00 Cabinet scratched/);
		await pay(owner.client, 'invoice', id, { kind: 'refund', amount: '75', reason: 'Job cancelled' });
		assert.equal((await docRow(id)).status, 'sent');
		assert.equal((await docRow(id)).paid_cents, '0');
		r = await pay(owner.client, 'invoice', id, { kind: 'refund', amount: '1', reason: 'x' });
		assert.equal(r.status, 422);
		assert.match(fieldErrors(r.text).amount ?? '', /nothing to refund/);
	});

	it('a draft or void invoice takes no payment', async () => {
		const job = await makeJob(owner.companyId);
		const id = await newDoc(owner.client, 'invoice', job.jobId, { lines: [{ desc: 'W', qty: '1', price: '10' }] });
		let r = await pay(owner.client, 'invoice', id, { amount: '5' });
		assert.equal(r.status, 422);
		assert.equal(formError(r.text), 'Mark this invoice as sent before recording payments.');
		await owner.client.post(`/app/invoices/${id}/void`, {});
		r = await pay(owner.client, 'invoice', id, { amount: '5' });
		assert.equal(r.status, 422);
		assert.match(formError(r.text) ?? '', /Void: it takes no payments/);
		assert.equal((await payments(id)).length, 0);
	});

	const bad = [
		['no amount', { amount: '' }, 'amount', /Enter the amount/],
		['an amount of "abc"', { amount: 'abc' }, 'amount', /Enter an amount/],
		['an amount of 0', { amount: '0' }, 'amount', /above zero/],
		['a negative amount', { amount: '-5' }, 'amount', /Enter an amount/],
		['3 decimals', { amount: '1.005' }, 'amount', /Enter an amount/],
		['an amount of 10^13', { amount: '10000000000000' }, 'amount', /Enter an amount/],
		['the 30th of February', { amount: '5', received_on: '2025-02-30' }, 'received_on', /real date/],
		['a date next year', { amount: '5', received_on: `${new Date().getUTCFullYear() + 1}-06-01` }, 'received_on', /future/],
		['no date', { amount: '5', received_on: '' }, 'received_on', /Enter a date/],
		['a made-up method', { amount: '5', method: 'bitcoin' }, 'method', /Choose how/],
		['the app-only method', { amount: '5', method: 'deposit' }, 'method', /Choose how/],
		['a made-up kind', { amount: '5', kind: 'gift' }, 'kind', /payment or a refund/],
		['a 121-character reference', { amount: '5', reference: 'r'.repeat(121) }, 'reference', /too long/],
		['a 401-character reason', { amount: '5', reason: 'r'.repeat(401) }, 'reason', /too long/],
	];
	for (const [what, fields, field, message] of bad)
		it(`${what} → 422 on ${field}, nothing saved`, async () => {
			const { id } = await issuedInvoice(owner.client, owner.companyId, '50');
			const before = await docRow(id);
			const r = await pay(owner.client, 'invoice', id, fields);
			assert.equal(r.status, 422, what);
			assert.match(fieldErrors(r.text)[field] ?? '', message, JSON.stringify(fieldErrors(r.text)));
			assert.match(r.text, /<details class="doc-pay" open>/, 'the form is open with its messages');
			assert.deepEqual(await docRow(id), before);
			assert.equal((await payments(id)).length, 0);
		});

	it('two payments at once never take more than the balance', async () => {
		const { id } = await issuedInvoice(owner.client, owner.companyId, '100');
		await owner.client.csrf();
		const answers = await Promise.all([0, 1, 2, 3].map(() => pay(owner.client.clone(), 'invoice', id, { amount: '60' })));
		assert.deepEqual(answers.map((r) => r.status).sort(), [303, 422, 422, 422]);
		assert.equal((await docRow(id)).paid_cents, '6000');
		assert.equal(await dbValue(`SELECT SUM(amount_cents) FROM payments WHERE document_id = ${id}`), '6000');
	});
});

describe('deposits on estimates', () => {
	it('a sent or approved estimate takes deposits up to its total; its status stays', async () => {
		const owner = await company();
		const job = await makeJob(owner.companyId);
		const id = await newDoc(owner.client, 'estimate', job.jobId, { lines: [{ desc: 'Roof', qty: '1', price: '5000' }], deposit: '30', deposit_kind: 'percent' });
		let r = await pay(owner.client, 'estimate', id, { amount: '1500' });
		assert.equal(r.status, 422);
		assert.equal(formError(r.text), 'Mark this estimate as sent before recording payments.');
		await owner.client.post(`/app/estimates/${id}/send`, {});
		const page = await owner.client.get(`/app/estimates/${id}`);
		assert.match(textOf(page.text), /Deposit required \(30%\) \$1,500\.00/);
		assert.match(textOf(page.text), /Record a deposit/);
		r = await pay(owner.client, 'estimate', id, { amount: '1500', method: 'bank', reference: 'TRX-9' });
		assert.equal(r.status, 303);
		assert.equal(r.location, `/app/estimates/${id}#payments`);
		let row = await docRow(id);
		assert.equal(row.status, 'sent');
		assert.equal(row.paid_cents, '150000');
		r = await pay(owner.client, 'estimate', id, { amount: '3500.01' });
		assert.equal(fieldErrors(r.text).amount, "The balance due is $3,500.00; a payment can't be more than that");
		await owner.client.post(`/app/estimates/${id}/approve`, {});
		assert.equal((await pay(owner.client, 'estimate', id, { amount: '500' })).status, 303);
		row = await docRow(id);
		assert.equal(row.status, 'approved');
		assert.equal(row.paid_cents, '200000');
		const ev = await db(`SELECT body FROM job_events WHERE job_id = ${job.jobId} AND kind = 'payment' ORDER BY id`);
		assert.match(ev[0][0], /^Deposit of \$1,500\.00 received \(Bank transfer\) on estimate #\d+; balance due \$3,500\.00$/);
		const t = textOf((await owner.client.get(`/app/estimates/${id}`)).text);
		assert.match(t, /Deposits Balance due \$3,000\.00/);
		assert.match(t, /Bank transfer \$1,500\.00 TRX-9/);
	});
});
