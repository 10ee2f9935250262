-- Demo data for `make run` (never applied by tests or in production).  Every demo login
-- uses the password "plumbline-demo"; the hash below is its argon2id hash
-- (echo plumbline-demo | build/plumbline hash).

INSERT INTO companies (name, trade, street, city, region, postal_code, phone, email, hours, timezone)
VALUES ('Rivera Plumbing & Heating', 'plumbing', '1420 Alder Street', 'Portland', 'OR', '97205',
	'(503) 555-0142', 'office@rivera-plumbing.example',
	'Mon–Fri 7:30–17:00, Sat 9:00–13:00, emergency calls 24/7', 'America/Los_Angeles');
SET @rivera = LAST_INSERT_ID();

INSERT INTO users (company_id, email, name, role, status, password_hash, password_changed_at) VALUES
	(@rivera, 'maria@rivera-plumbing.example', 'Maria Rivera', 'owner', 'active', '$argon2id$v=19$m=65536,t=2,p=1$heAfUVCwfrHqhW//T/wzrQ$RSCVXrCgwznaSVunv2gBUW9V+Pf5rPN+94wKA0De8jk', NOW()),
	(@rivera, 'dana@rivera-plumbing.example', 'Dana Brooks', 'office', 'active', '$argon2id$v=19$m=65536,t=2,p=1$heAfUVCwfrHqhW//T/wzrQ$RSCVXrCgwznaSVunv2gBUW9V+Pf5rPN+94wKA0De8jk', NOW()),
	(@rivera, 'luis@rivera-plumbing.example', 'Luis Ortega', 'field', 'active', '$argon2id$v=19$m=65536,t=2,p=1$heAfUVCwfrHqhW//T/wzrQ$RSCVXrCgwznaSVunv2gBUW9V+Pf5rPN+94wKA0De8jk', NOW());

INSERT INTO companies (name, trade, street, city, region, postal_code, phone, email, hours, timezone)
VALUES ('Bright Spark Electric', 'electrical', '88 Harbor Road', 'Tacoma', 'WA', '98402',
	'(253) 555-0188', 'hello@brightspark.example', 'Mon–Fri 8:00–16:30', 'America/Los_Angeles');
SET @spark = LAST_INSERT_ID();

INSERT INTO users (company_id, email, name, role, status, password_hash, password_changed_at) VALUES
	(@spark, 'sam@brightspark.example', 'Sam Okafor', 'owner', 'active', '$argon2id$v=19$m=65536,t=2,p=1$heAfUVCwfrHqhW//T/wzrQ$RSCVXrCgwznaSVunv2gBUW9V+Pf5rPN+94wKA0De8jk', NOW());
