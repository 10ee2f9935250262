-- Documents (F3): the paper size of a company's PDFs, and each document's verification
-- token — the unguessable part of the address its QR code holds (/d/<token>).  The token is a
-- read-only capability (it shows number, version, totals and status, nothing personal), so it
-- is stored as is.  256 random bits from the server's RANDOM_BYTES (OpenSSL), base64url
-- without padding: 43 characters.  The column default makes one for every new row, whichever
-- statement inserts it (a new document, a revision, an invoice from an estimate).

ALTER TABLE companies
	ADD paper ENUM('letter','a4') NOT NULL DEFAULT 'letter';

ALTER TABLE documents
	ADD token CHAR(43) CHARACTER SET ascii COLLATE ascii_bin NULL;

UPDATE documents
	SET token = TRIM(TRAILING '=' FROM REPLACE(REPLACE(TO_BASE64(RANDOM_BYTES(32)), '+', '-'), '/', '_'));

ALTER TABLE documents
	MODIFY token CHAR(43) CHARACTER SET ascii COLLATE ascii_bin NOT NULL
		DEFAULT (TRIM(TRAILING '=' FROM REPLACE(REPLACE(TO_BASE64(RANDOM_BYTES(32)), '+', '-'), '/', '_'))),
	ADD UNIQUE KEY documents_token (token);
