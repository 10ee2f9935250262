-- The customer portal and collaboration (F4, F5, F8, F10): the people who sign in to the
-- portal, their sign-in links and sessions; shares and views of documents; approvals,
-- revision requests and disputes; who wants which alert; what each side has read.
-- Tokens and codes are stored only as SHA-256.

-- Someone who signs in to a company's portal for one customer: the customer's own address
-- (contact_id NULL) or one of its contacts.  The same address at another customer or
-- another company is another person, with its own password and preferences.
CREATE TABLE portal_people (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	company_id	BIGINT UNSIGNED NOT NULL,
	customer_id	BIGINT UNSIGNED NOT NULL,
	contact_id	BIGINT UNSIGNED NULL,
	name		VARCHAR(160) NOT NULL,
	email		VARCHAR(254) NOT NULL,
	password_hash	VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NULL,
	alerts_off	SET('shared','reply','version') NOT NULL DEFAULT '',
	seen_event_id	BIGINT UNSIGNED NOT NULL DEFAULT 0,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	last_seen_at	DATETIME NULL,
	UNIQUE KEY portal_people_email (company_id, customer_id, email),
	-- Sign-in at /portal/login starts from the address alone, before any company is known.
	KEY portal_people_login (email),
	CONSTRAINT portal_people_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A sign-in link sent by mail: single use, expiring, revocable; opens one document (or the
-- portal's dashboard when document_id is NULL).
CREATE TABLE portal_links (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	token_hash	BINARY(32) NOT NULL,
	company_id	BIGINT UNSIGNED NOT NULL,
	person_id	BIGINT UNSIGNED NOT NULL,
	document_id	BIGINT UNSIGNED NULL,
	created_by	BIGINT UNSIGNED NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	expires_at	DATETIME NOT NULL,
	used_at		DATETIME NULL,
	revoked_at	DATETIME NULL,
	UNIQUE KEY portal_links_token (token_hash),
	KEY portal_links_document (company_id, document_id, id),
	KEY portal_links_person (company_id, person_id, id),
	CONSTRAINT portal_links_person_fk FOREIGN KEY (person_id) REFERENCES portal_people (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A portal session.  verified_at is when the person last proved the address (a fresh link,
-- a code, a password); beyond document_id the portal needs it to be recent.  A pending
-- sign-in code lives on the session that asked for it.
CREATE TABLE portal_sessions (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	token_hash	BINARY(32) NOT NULL,
	company_id	BIGINT UNSIGNED NOT NULL,
	person_id	BIGINT UNSIGNED NOT NULL,
	document_id	BIGINT UNSIGNED NULL,
	verified_at	DATETIME NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	last_seen_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	ip		VARCHAR(45) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '',
	user_agent	VARCHAR(255) NOT NULL DEFAULT '',
	code_hash	BINARY(32) NULL,
	code_expires_at	DATETIME NULL,
	code_tries	INT UNSIGNED NOT NULL DEFAULT 0,
	UNIQUE KEY portal_sessions_token (token_hash),
	KEY portal_sessions_person (company_id, person_id, id),
	KEY portal_sessions_seen (last_seen_at),
	CONSTRAINT portal_sessions_person_fk FOREIGN KEY (person_id) REFERENCES portal_people (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Each Share of a document: to whom, by whom, with which message.
CREATE TABLE document_shares (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	company_id	BIGINT UNSIGNED NOT NULL,
	document_id	BIGINT UNSIGNED NOT NULL,
	person_id	BIGINT UNSIGNED NOT NULL,
	user_id		BIGINT UNSIGNED NULL,
	message		VARCHAR(2000) NOT NULL DEFAULT '',
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	KEY document_shares_doc (company_id, document_id, id),
	CONSTRAINT document_shares_doc_fk FOREIGN KEY (document_id) REFERENCES documents (id),
	CONSTRAINT document_shares_person_fk FOREIGN KEY (person_id) REFERENCES portal_people (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Each time a person opened a document in the portal (who, when, which device).
CREATE TABLE document_views (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	company_id	BIGINT UNSIGNED NOT NULL,
	document_id	BIGINT UNSIGNED NOT NULL,
	person_id	BIGINT UNSIGNED NOT NULL,
	viewed_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	ip		VARCHAR(45) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '',
	user_agent	VARCHAR(255) NOT NULL DEFAULT '',
	KEY document_views_doc (company_id, document_id, id),
	CONSTRAINT document_views_doc_fk FOREIGN KEY (document_id) REFERENCES documents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An estimate the customer sent back asks for a revision; an invoice may be disputed.  The
-- approval keeps the person and the SHA-256 of exactly what was approved.
ALTER TABLE documents
	MODIFY status ENUM('draft','sent','approved','declined','superseded','partial','paid',
			   'void','revision_requested') NOT NULL DEFAULT 'draft',
	ADD approved_person_id BIGINT UNSIGNED NULL,
	ADD approved_hash BINARY(32) NULL,
	ADD disputed_at DATETIME NULL,
	ADD dispute_reason VARCHAR(2000) NOT NULL DEFAULT '';

-- A customer's words in the Job Message History carry the person who wrote them.
ALTER TABLE job_events
	ADD person_id BIGINT UNSIGNED NULL;

-- Staff choose their alerts; seen_event_id is the newest customer event they have read.
ALTER TABLE users
	ADD alerts_off SET('note','approval','revision','dispute','view') NOT NULL DEFAULT '',
	ADD seen_event_id BIGINT UNSIGNED NOT NULL DEFAULT 0;

-- An alert may carry one file (the approved estimate's PDF).
ALTER TABLE outbox
	ADD attach_name VARCHAR(160) NOT NULL DEFAULT '',
	ADD attach_type VARCHAR(80) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '',
	ADD attach_data MEDIUMBLOB NULL;
