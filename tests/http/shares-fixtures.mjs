/*
 * Shared by the sharing, conversation and alert tests: a company with a
 * customer that has a fresh address and a draft document, and a check that
 * a raw message is well formed.
 */
import assert from 'node:assert/strict';

import { db, sqlString, uniqueEmail } from '../lib/index.mjs';
import { company, createDoc, makeJob } from './documents-fixtures.mjs';

/* A company, a job whose customer has a fresh address, and a draft estimate. */
export async function sharedSetup(kind = 'estimate') {
	const owner = await company();
	await db(`UPDATE companies SET name = 'Ölund & Söhne Plumbing', phone = '555-0100',
	    street = '1 Main Street', city = 'Springfield' WHERE id = ${owner.companyId}`);
	const job = await makeJob(owner.companyId, { customer: 'Jane Müller' });
	const email = uniqueEmail('share');
	await db(`UPDATE customers SET email = ${sqlString(email)} WHERE id = ${job.customerId}`);
	const res = await createDoc(owner.client, kind, job.jobId, {
		title: 'Kitchen sink', [kind === 'invoice' ? 'due_on' : 'valid_until']: '2026-04-01',
		lines: [{ desc: 'New tap', qty: '1', unit: 'ea', price: '120.00' }],
	});
	assert.equal(res.status, 303, `create ${kind}: ${res.status}`);
	const id = Number(res.location.match(/\/(\d+)$/)[1]);
	return { owner, job, email, id, kind, href: `/app/${kind}s/${id}` };
}

/* Every line of a raw message is at most 998 octets and ends in CRLF (RFC 5322). */
export function assertWellFormed(raw) {
	const s = raw.toString('latin1');
	assert.ok(!/[^\r]\n/.test(s), 'bare LF in the message');
	for (const line of s.split('\r\n'))
		assert.ok(line.length <= 998, `line of ${line.length} octets`);
}

