-- What every back-office page reads, read cheaply (issue 7, make bench).
--
-- The unread badge is on every page, so the session look-up reads it from two
-- stored counts instead of counting job_events: companies.customer_events is
-- how many customer entries the Job Message History has (recounted from the
-- rows, with a locking read, in the statement after each one is written:
-- db_alerts.c), users.seen_customer_events how many of them were at or before
-- the user's seen_event_id (recounted when that mark moves).  Events are never
-- changed or deleted, so the difference is the unread count.
ALTER TABLE companies
	ADD customer_events INT UNSIGNED NOT NULL DEFAULT 0;
ALTER TABLE users
	ADD seen_customer_events INT UNSIGNED NOT NULL DEFAULT 0;
UPDATE companies c SET customer_events = (SELECT COUNT(*) FROM job_events e
	WHERE e.company_id = c.id AND e.from_customer = 1);
UPDATE users u SET seen_customer_events = (SELECT COUNT(*) FROM job_events e
	WHERE e.company_id = u.company_id AND e.from_customer = 1
	AND e.id <= u.seen_event_id);

-- The estimate and invoice lists read 51 rows newest number first, from one
-- index that holds every column they show: no look-up of each wide document
-- row, nor of each customer.  customer_name is the customer's name, copied when
-- a document is written (from the customer's row, db_documents.c) and rewritten
-- in the transaction that renames the customer (db_customers.c); the lists
-- show and search it.
ALTER TABLE documents
	ADD customer_name VARCHAR(160) NOT NULL DEFAULT '' AFTER customer_id;
UPDATE documents d JOIN customers c ON c.id = d.customer_id
	SET d.customer_name = c.name;
ALTER TABLE documents
	ADD KEY documents_board (company_id, kind, number, revision, status,
		due_on, valid_until, total_cents, paid_cents, customer_name, title);
