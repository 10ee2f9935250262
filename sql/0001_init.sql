-- Companies (tenants), their staff, sessions, one-time tokens, the mail outbox and
-- rate-limit counters.  Every tenant-owned table carries company_id and its indexes lead
-- with it.  Tokens are stored only as SHA-256 (BINARY(32)).

CREATE TABLE companies (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	name		VARCHAR(120) NOT NULL,
	trade		VARCHAR(40) NOT NULL,
	street		VARCHAR(160) NOT NULL DEFAULT '',
	city		VARCHAR(80) NOT NULL DEFAULT '',
	region		VARCHAR(80) NOT NULL DEFAULT '',
	postal_code	VARCHAR(20) NOT NULL DEFAULT '',
	phone		VARCHAR(40) NOT NULL DEFAULT '',
	email		VARCHAR(254) NOT NULL DEFAULT '',
	hours		VARCHAR(400) NOT NULL DEFAULT '',
	timezone	VARCHAR(64) NOT NULL DEFAULT 'UTC',
	logo_file	VARCHAR(64) NULL,
	logo_type	VARCHAR(32) NULL,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	updated_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One login per e-mail address across the installation; the address is stored lower-cased.
CREATE TABLE users (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	company_id	BIGINT UNSIGNED NOT NULL,
	email		VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	name		VARCHAR(120) NOT NULL DEFAULT '',
	role		ENUM('owner','office','field') NOT NULL,
	status		ENUM('invited','active','removed') NOT NULL DEFAULT 'active',
	password_hash	VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NULL,
	invited_by	BIGINT UNSIGNED NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	password_changed_at DATETIME NULL,
	UNIQUE KEY users_email (email),
	KEY users_company (company_id, status, name),
	CONSTRAINT users_company_fk FOREIGN KEY (company_id) REFERENCES companies (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE sessions (
	token_hash	BINARY(32) NOT NULL PRIMARY KEY,
	company_id	BIGINT UNSIGNED NOT NULL,
	user_id		BIGINT UNSIGNED NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	last_seen_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	ip		VARCHAR(45) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '',
	user_agent	VARCHAR(255) NOT NULL DEFAULT '',
	KEY sessions_user (company_id, user_id),
	KEY sessions_seen (last_seen_at),
	CONSTRAINT sessions_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Single-use links: staff invitations and password resets.
CREATE TABLE tokens (
	token_hash	BINARY(32) NOT NULL PRIMARY KEY,
	company_id	BIGINT UNSIGNED NOT NULL,
	user_id		BIGINT UNSIGNED NOT NULL,
	kind		ENUM('invite','reset') NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	expires_at	DATETIME NOT NULL,
	used_at		DATETIME NULL,
	KEY tokens_user (company_id, user_id, kind),
	KEY tokens_expiry (expires_at),
	CONSTRAINT tokens_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Mail waiting to go out, written in the transaction of the change that caused it.
CREATE TABLE outbox (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	company_id	BIGINT UNSIGNED NOT NULL,
	kind		VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	to_addr		VARCHAR(254) NOT NULL,
	to_name		VARCHAR(120) NOT NULL DEFAULT '',
	from_name	VARCHAR(160) NOT NULL DEFAULT '',
	reply_to	VARCHAR(254) NOT NULL DEFAULT '',
	subject		VARCHAR(255) NOT NULL,
	body_text	MEDIUMTEXT NOT NULL,
	body_html	MEDIUMTEXT NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	attempts	INT UNSIGNED NOT NULL DEFAULT 0,
	next_attempt_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	sent_at		DATETIME NULL,
	last_error	VARCHAR(255) NOT NULL DEFAULT '',
	KEY outbox_company (company_id, created_at),
	KEY outbox_due (sent_at, next_attempt_at),
	CONSTRAINT outbox_company_fk FOREIGN KEY (company_id) REFERENCES companies (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Fixed-window counters per account or address (login, reset); the key is a SHA-256.
CREATE TABLE rate_limits (
	key_hash	BINARY(32) NOT NULL PRIMARY KEY,
	window_start	DATETIME NOT NULL,
	hits		INT UNSIGNED NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
