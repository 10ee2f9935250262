-- `make bench` fixture, loaded after `SET @co = <company>, @u = <office user>;`:
-- P2's estimate (20 lines, two deposits, an invoice made from it) and the
-- PDF contenders' invoice (40 lines: two pages), on the company's newest job.
-- Totals are exact and kept on the row, as the app keeps them (tax 0).
SET time_zone = '+00:00';
START TRANSACTION;
SELECT id, customer_id INTO @job, @cust FROM jobs
	WHERE company_id = @co ORDER BY id DESC LIMIT 1;

UPDATE counters SET last_value = last_value + 1 WHERE company_id = @co AND kind = 'estimate';
SELECT last_value INTO @en FROM counters WHERE company_id = @co AND kind = 'estimate';
SELECT name INTO @cname FROM customers WHERE id = @cust;
INSERT INTO documents (company_id, kind, number, job_id, customer_id, customer_name, status, title,
	issued_on, valid_until, terms, notes, subtotal_cents, total_cents, paid_cents,
	approved_name, approved_at, created_by)
VALUES (@co, 'estimate', @en, @job, @cust, @cname, 'approved', 'Bench: whole-house repipe',
	'2025-11-20', '2025-12-20', 'Valid for 30 days.', 'Access through the side gate.',
	20 * 24690, 20 * 24690, 150000, 'Bench Customer', '2025-11-21 10:00:00', @u);
SET @est = LAST_INSERT_ID();
INSERT INTO document_lines (company_id, document_id, position, description, qty_milli,
	unit, unit_price_cents, taxable, amount_cents)
SELECT @co, @est, seq, CONCAT('Copper repipe, section ', seq, ': pipe, fittings and labor'),
	2000, 'each', 12345, 1, 24690 FROM seq_1_to_20;
INSERT INTO payments (company_id, document_id, method, amount_cents, received_on, reference, created_by)
VALUES (@co, @est, 'card', 100000, '2025-11-21', 'BENCH-DEP-1', @u),
	(@co, @est, 'check', 50000, '2025-11-22', 'BENCH-DEP-2', @u);

UPDATE counters SET last_value = last_value + 1 WHERE company_id = @co AND kind = 'invoice';
SELECT last_value INTO @inum FROM counters WHERE company_id = @co AND kind = 'invoice';
INSERT INTO documents (company_id, kind, number, source_id, job_id, customer_id, customer_name, status, title,
	issued_on, due_on, terms, notes, subtotal_cents, total_cents, paid_cents, created_by)
VALUES (@co, 'invoice', @inum, @est, @job, @cust, @cname, 'partial', 'Bench: whole-house repipe',
	'2025-11-25', '2025-12-25', 'Due in 30 days.', 'Thank you for your business.',
	40 * 12345, 40 * 12345, 150000, @u);
SET @inv = LAST_INSERT_ID();
INSERT INTO document_lines (company_id, document_id, position, description, qty_milli,
	unit, unit_price_cents, taxable, amount_cents)
SELECT @co, @inv, seq, CONCAT('Copper repipe, section ', seq, ': pipe, fittings and labor'),
	1000, 'each', 12345, 1, 12345 FROM seq_1_to_40;
INSERT INTO payments (company_id, document_id, method, amount_cents, received_on, reference, created_by)
VALUES (@co, @inv, 'deposit', 150000, '2025-11-25', 'Estimate deposit', @u);
INSERT INTO job_events (company_id, job_id, kind, body, user_id, document_id) VALUES
	(@co, @job, 'estimate', CONCAT('Estimate #', @en, ' sent'), @u, @est),
	(@co, @job, 'approval', CONCAT('Estimate #', @en, ' approved'), @u, @est),
	(@co, @job, 'invoice', CONCAT('Invoice #', @inum, ' issued'), @u, @inv);
COMMIT;
SELECT @est, @en, @inv, @inum;
