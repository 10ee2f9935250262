-- The demo customer's portal sign-in (docs/PORTAL.md), loaded by tools/stack after the
-- generator made Rivera's customers and documents: the customer of Rivera's open estimate
-- gets a memorable address and a portal person with the demo password
-- (plumbline-demo), so /portal/login works at once.  Sharing that estimate (a link by mail)
-- is the share path's business.
SET NAMES utf8mb4;
SET @rivera = (SELECT id FROM companies WHERE email = 'office@rivera-plumbing.example');
-- The same estimate `plumbline demo-share` picks (db_shares.c, share_demo_doc), so the shared
-- link's mail goes to this person.
SET @customer = COALESCE(
	(SELECT d.customer_id FROM documents d JOIN customers c ON c.company_id = d.company_id
	 AND c.id = d.customer_id JOIN jobs j ON j.company_id = d.company_id AND j.id = d.job_id
	 WHERE d.company_id = @rivera AND d.kind = 'estimate'
	 AND d.status IN ('sent', 'draft', 'approved') AND d.parent_id IS NULL AND c.email <> ''
	 ORDER BY d.status <> 'approved' AND j.status IN ('requested', 'estimating') DESC,
	 d.status = 'sent' DESC, d.status = 'draft' DESC, d.id DESC LIMIT 1),
	(SELECT MIN(id) FROM customers WHERE company_id = @rivera));
UPDATE customers SET email = 'homeowner@example.com' WHERE company_id = @rivera AND id = @customer;
INSERT INTO portal_people (company_id, customer_id, name, email, password_hash)
	SELECT @rivera, id, name, email,
	    '$argon2id$v=19$m=65536,t=2,p=1$heAfUVCwfrHqhW//T/wzrQ$RSCVXrCgwznaSVunv2gBUW9V+Pf5rPN+94wKA0De8jk'
	FROM customers WHERE company_id = @rivera AND id = @customer;
