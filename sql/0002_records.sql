-- Back-office records (F2): customers with contacts and properties, jobs with visits and
-- project stages, the price book, estimates and invoices with lines, payments, and the job
-- message history.  Money is BIGINT cents, quantities thousandths, rates basis points.
-- Every table is tenant-owned: company_id first in each index.  Editable records carry a
-- version for concurrent-edit detection.

ALTER TABLE companies
	ADD currency CHAR(3) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT 'USD',
	ADD default_tax_rate_bp INT UNSIGNED NOT NULL DEFAULT 0,
	ADD default_terms VARCHAR(2000) NOT NULL DEFAULT '';

-- Per-company document and job numbers: taken with one atomic UPDATE, never MAX()+1.
CREATE TABLE counters (
	company_id	BIGINT UNSIGNED NOT NULL,
	kind		ENUM('job','estimate','invoice') NOT NULL,
	last_value	BIGINT UNSIGNED NOT NULL DEFAULT 0,
	PRIMARY KEY (company_id, kind),
	CONSTRAINT counters_company_fk FOREIGN KEY (company_id) REFERENCES companies (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE customers (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	company_id	BIGINT UNSIGNED NOT NULL,
	kind		ENUM('person','business') NOT NULL DEFAULT 'person',
	name		VARCHAR(160) NOT NULL,
	email		VARCHAR(254) NOT NULL DEFAULT '',
	phone		VARCHAR(40) NOT NULL DEFAULT '',
	notes		TEXT NOT NULL,
	tags		VARCHAR(400) NOT NULL DEFAULT '',
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	updated_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	KEY customers_name (company_id, name, id),
	KEY customers_created (company_id, created_at, id),
	KEY customers_email (company_id, email),
	CONSTRAINT customers_company_fk FOREIGN KEY (company_id) REFERENCES companies (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE contacts (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	company_id	BIGINT UNSIGNED NOT NULL,
	customer_id	BIGINT UNSIGNED NOT NULL,
	name		VARCHAR(160) NOT NULL,
	email		VARCHAR(254) NOT NULL DEFAULT '',
	phone		VARCHAR(40) NOT NULL DEFAULT '',
	role		VARCHAR(80) NOT NULL DEFAULT '',
	KEY contacts_customer (company_id, customer_id, id),
	CONSTRAINT contacts_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE properties (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	company_id	BIGINT UNSIGNED NOT NULL,
	customer_id	BIGINT UNSIGNED NOT NULL,
	label		VARCHAR(80) NOT NULL DEFAULT '',
	street		VARCHAR(160) NOT NULL,
	city		VARCHAR(80) NOT NULL DEFAULT '',
	region		VARCHAR(80) NOT NULL DEFAULT '',
	postal_code	VARCHAR(20) NOT NULL DEFAULT '',
	notes		VARCHAR(2000) NOT NULL DEFAULT '',
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	KEY properties_customer (company_id, customer_id, id),
	CONSTRAINT properties_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE jobs (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	company_id	BIGINT UNSIGNED NOT NULL,
	number		INT UNSIGNED NOT NULL,
	customer_id	BIGINT UNSIGNED NOT NULL,
	property_id	BIGINT UNSIGNED NULL,
	title		VARCHAR(160) NOT NULL,
	description	TEXT NOT NULL,
	status		ENUM('requested','estimating','approved','scheduled','in_progress',
			     'completed','invoiced','paid','cancelled') NOT NULL DEFAULT 'requested',
	is_project	TINYINT(1) NOT NULL DEFAULT 0,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	updated_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	UNIQUE KEY jobs_number (company_id, number),
	KEY jobs_status (company_id, status, id),
	KEY jobs_customer (company_id, customer_id, id),
	CONSTRAINT jobs_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id),
	CONSTRAINT jobs_property_fk FOREIGN KEY (property_id) REFERENCES properties (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE stages (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	company_id	BIGINT UNSIGNED NOT NULL,
	job_id		BIGINT UNSIGNED NOT NULL,
	position	INT UNSIGNED NOT NULL,
	name		VARCHAR(160) NOT NULL,
	status		ENUM('pending','in_progress','done') NOT NULL DEFAULT 'pending',
	starts_on	DATE NULL,
	ends_on		DATE NULL,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	KEY stages_job (company_id, job_id, position),
	CONSTRAINT stages_job_fk FOREIGN KEY (job_id) REFERENCES jobs (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE visits (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	company_id	BIGINT UNSIGNED NOT NULL,
	job_id		BIGINT UNSIGNED NOT NULL,
	user_id		BIGINT UNSIGNED NULL,
	starts_at	DATETIME NOT NULL,
	ends_at		DATETIME NOT NULL,
	status		ENUM('scheduled','done','cancelled') NOT NULL DEFAULT 'scheduled',
	notes		VARCHAR(2000) NOT NULL DEFAULT '',
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	KEY visits_when (company_id, starts_at, id),
	KEY visits_user (company_id, user_id, starts_at),
	KEY visits_job (company_id, job_id, starts_at),
	CONSTRAINT visits_job_fk FOREIGN KEY (job_id) REFERENCES jobs (id),
	CONSTRAINT visits_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE price_items (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	company_id	BIGINT UNSIGNED NOT NULL,
	name		VARCHAR(160) NOT NULL,
	description	VARCHAR(2000) NOT NULL DEFAULT '',
	unit		VARCHAR(20) NOT NULL DEFAULT '',
	unit_price_cents BIGINT NOT NULL,
	taxable		TINYINT(1) NOT NULL DEFAULT 1,
	archived	TINYINT(1) NOT NULL DEFAULT 0,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	KEY price_items_name (company_id, archived, name, id),
	CONSTRAINT price_items_company_fk FOREIGN KEY (company_id) REFERENCES companies (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Estimates and invoices share one shape.  A revision of an estimate is a new row with the
-- same number and revision + 1 (parent_id the one it replaces); totals are kept on the row
-- in the transaction that writes the lines or payments, so lists never sum lines.
CREATE TABLE documents (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	company_id	BIGINT UNSIGNED NOT NULL,
	kind		ENUM('estimate','invoice') NOT NULL,
	number		INT UNSIGNED NOT NULL,
	revision	INT UNSIGNED NOT NULL DEFAULT 1,
	parent_id	BIGINT UNSIGNED NULL,
	source_id	BIGINT UNSIGNED NULL,
	job_id		BIGINT UNSIGNED NOT NULL,
	customer_id	BIGINT UNSIGNED NOT NULL,
	status		ENUM('draft','sent','approved','declined','superseded','partial','paid','void')
			NOT NULL DEFAULT 'draft',
	title		VARCHAR(160) NOT NULL DEFAULT '',
	issued_on	DATE NOT NULL,
	valid_until	DATE NULL,
	due_on		DATE NULL,
	tax_rate_bp	INT UNSIGNED NOT NULL DEFAULT 0,
	discount_is_percent TINYINT(1) NOT NULL DEFAULT 0,
	discount_value	BIGINT NOT NULL DEFAULT 0,
	deposit_is_percent TINYINT(1) NOT NULL DEFAULT 0,
	deposit_value	BIGINT NOT NULL DEFAULT 0,
	terms		TEXT NOT NULL,
	notes		TEXT NOT NULL,
	subtotal_cents	BIGINT NOT NULL DEFAULT 0,
	discount_cents	BIGINT NOT NULL DEFAULT 0,
	tax_cents	BIGINT NOT NULL DEFAULT 0,
	total_cents	BIGINT NOT NULL DEFAULT 0,
	deposit_cents	BIGINT NOT NULL DEFAULT 0,
	paid_cents	BIGINT NOT NULL DEFAULT 0,
	display_to_customer TINYINT(1) NOT NULL DEFAULT 0,
	approved_name	VARCHAR(160) NULL,
	approved_at	DATETIME NULL,
	approved_ip	VARCHAR(45) NULL,
	approved_ua	VARCHAR(255) NULL,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	created_by	BIGINT UNSIGNED NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	updated_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	UNIQUE KEY documents_number (company_id, kind, number, revision),
	KEY documents_list (company_id, kind, created_at, id),
	KEY documents_status (company_id, kind, status, id),
	KEY documents_customer (company_id, customer_id, kind),
	KEY documents_job (company_id, job_id),
	CONSTRAINT documents_job_fk FOREIGN KEY (job_id) REFERENCES jobs (id),
	CONSTRAINT documents_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE document_lines (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	company_id	BIGINT UNSIGNED NOT NULL,
	document_id	BIGINT UNSIGNED NOT NULL,
	position	INT UNSIGNED NOT NULL,
	description	VARCHAR(2000) NOT NULL,
	qty_milli	BIGINT NOT NULL,
	unit		VARCHAR(20) NOT NULL DEFAULT '',
	unit_price_cents BIGINT NOT NULL,
	taxable		TINYINT(1) NOT NULL DEFAULT 1,
	amount_cents	BIGINT NOT NULL,
	price_item_id	BIGINT UNSIGNED NULL,
	KEY document_lines_doc (company_id, document_id, position),
	CONSTRAINT document_lines_doc_fk FOREIGN KEY (document_id) REFERENCES documents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Payments on invoices and deposits on estimates; refunds are negative with a reason.
-- 'deposit' credits an invoice with what was paid on the estimate it was made from.
CREATE TABLE payments (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	company_id	BIGINT UNSIGNED NOT NULL,
	document_id	BIGINT UNSIGNED NOT NULL,
	method		ENUM('cash','check','card','bank','online','other','deposit') NOT NULL,
	amount_cents	BIGINT NOT NULL,
	received_on	DATE NOT NULL,
	reference	VARCHAR(120) NOT NULL DEFAULT '',
	reason		VARCHAR(400) NOT NULL DEFAULT '',
	created_by	BIGINT UNSIGNED NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	KEY payments_doc (company_id, document_id, id),
	KEY payments_when (company_id, received_on),
	CONSTRAINT payments_doc_fk FOREIGN KEY (document_id) REFERENCES documents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The Job Message History: every note, status change, document event and payment.
CREATE TABLE job_events (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	company_id	BIGINT UNSIGNED NOT NULL,
	job_id		BIGINT UNSIGNED NOT NULL,
	kind		VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	body		TEXT NOT NULL,
	visible_to_customer TINYINT(1) NOT NULL DEFAULT 0,
	user_id		BIGINT UNSIGNED NULL,
	document_id	BIGINT UNSIGNED NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	KEY job_events_job (company_id, job_id, id),
	KEY job_events_recent (company_id, id),
	CONSTRAINT job_events_job_fk FOREIGN KEY (job_id) REFERENCES jobs (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
