-- `make bench` P3 set-up, loaded after `SET @co = <company>;` and one
-- `INSERT INTO bench_tokens` row per cookie (tables: sql/0004_portal.sql).
-- The customer of the company's newest document (the fixture's invoice, so
-- also its estimate) gets a portal person; each of its documents that is not
-- a draft is shared with that person (display_to_customer, a
-- document_shares row, as the Share action leaves them), so the dashboard
-- has rows in every group; then one portal session per token, verified now
-- (the dashboard needs a fresh proof), stored as SHA-256 like every token.
-- Prints how many documents the dashboard shows.
START TRANSACTION;
SELECT customer_id INTO @cust FROM documents WHERE company_id = @co ORDER BY id DESC LIMIT 1;
INSERT INTO portal_people (company_id, customer_id, name, email)
VALUES (@co, @cust, 'Bench Customer', 'bench-portal@mail.example');
SET @person = LAST_INSERT_ID();
UPDATE documents SET display_to_customer = 1
	WHERE company_id = @co AND customer_id = @cust AND status <> 'draft';
INSERT INTO document_shares (company_id, document_id, person_id, message)
SELECT @co, id, @person, 'Here is your document.' FROM documents
	WHERE company_id = @co AND customer_id = @cust AND display_to_customer = 1;
INSERT INTO portal_sessions (token_hash, company_id, person_id, verified_at)
SELECT UNHEX(SHA2(tok, 256)), @co, @person, NOW() FROM bench_tokens;
COMMIT;
SELECT COUNT(*) FROM documents WHERE company_id = @co AND customer_id = @cust AND display_to_customer = 1;
