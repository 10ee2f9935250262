/*
 * The portal's people, sign-in links, sessions with their pending codes,
 * and the dashboard's reads.  Tokens and codes are kept only as 32-byte
 * hashes.  Expiry is decided in SQL against the database clock, like the
 * staff sessions.  Every portal read of a record filters by the customer
 * as well as the company: a customer sees only its own.
 */
#include <string.h>

#include "app.h"

enum {
	Q_SESS_LOAD, Q_SESS_TOUCH, Q_SESS_INSERT, Q_SESS_DELETE, Q_SESS_DELETE_TOKEN,
	Q_SESS_DELETE_OTHERS, Q_SESS_DELETE_ALL, Q_SESS_LIST, Q_SESS_VERIFY,
	Q_CODE_SET, Q_CODE_TRY, Q_CODE_GET,
	Q_PERSON_LOGIN, Q_PERSON_GET, Q_PERSON_UPSERT, Q_ADDR_CUSTOMER,
	Q_ADDR_CONTACT, Q_PERSON_PASSWORD,
	Q_LINK_INSERT, Q_LINK_FIND, Q_LINK_SPEND, Q_LINKS_REVOKE, Q_LINKS_END,
	Q_DOC_ALLOWED, Q_DOCS, Q_VISITS, Q_UNREAD
};

/* A session is alive while both its idle and absolute limits hold. */
#define ALIVE	"s.last_seen_at > NOW() - INTERVAL ? SECOND " \
		"AND s.created_at > NOW() - INTERVAL ? SECOND"

/* A document the customer may see: shared (displayed) and sent. */
#define SHOWN	"d.display_to_customer = 1 AND d.status <> 'draft'"

struct db_stmt db_portal_sql[] = {
	[Q_SESS_LOAD] = { "portal_session_load",
	    "the portal session is what tells the company",
	    "SELECT s.id, s.company_id, s.person_id, p.customer_id, "
	    "COALESCE(s.document_id, 0), s.verified_at > NOW() - INTERVAL ? DAY, "
	    "p.name, p.email, cu.name, c.name, c.logo_file IS NOT NULL, "
	    "TIMESTAMPDIFF(SECOND, s.last_seen_at, NOW()), p.seen_event_id, "
	    "p.password_hash IS NOT NULL "
	    "FROM portal_sessions s "
	    "JOIN portal_people p ON p.id = s.person_id AND p.company_id = s.company_id "
	    "JOIN customers cu ON cu.id = p.customer_id AND cu.company_id = s.company_id "
	    "JOIN companies c ON c.id = s.company_id "
	    "WHERE s.token_hash = ? AND " ALIVE },
	[Q_SESS_TOUCH] = { "portal_session_touch", NULL,
	    "UPDATE portal_sessions s JOIN portal_people p ON p.id = s.person_id "
	    "SET s.last_seen_at = NOW(), p.last_seen_at = NOW() "
	    "WHERE s.company_id = :company AND p.company_id = :company AND s.id = ?" },
	[Q_SESS_INSERT] = { "portal_session_insert", NULL,
	    "INSERT INTO portal_sessions (token_hash, company_id, person_id, "
	    "document_id, verified_at, ip, user_agent) VALUES (?, :company, ?, "
	    "NULLIF(?, 0), COALESCE(?, NOW()), ?, LEFT(?, 255))" },
	[Q_SESS_DELETE] = { "portal_session_delete", NULL,
	    "DELETE FROM portal_sessions WHERE company_id = :company "
	    "AND person_id = ? AND id = ?" },
	[Q_SESS_DELETE_TOKEN] = { "portal_session_delete_token", NULL,
	    "DELETE FROM portal_sessions WHERE company_id = :company "
	    "AND token_hash = ?" },
	[Q_SESS_DELETE_OTHERS] = { "portal_session_delete_others", NULL,
	    "DELETE FROM portal_sessions WHERE company_id = :company "
	    "AND person_id = ? AND id <> ?" },
	[Q_SESS_DELETE_ALL] = { "portal_session_delete_all", NULL,
	    "DELETE FROM portal_sessions WHERE company_id = :company "
	    "AND person_id = ?" },
	[Q_SESS_LIST] = { "portal_session_list", NULL,
	    "SELECT s.id, s.ip, s.user_agent, s.created_at, s.last_seen_at "
	    "FROM portal_sessions s WHERE s.company_id = :company "
	    "AND s.person_id = ? AND " ALIVE " ORDER BY s.last_seen_at DESC, "
	    "s.id DESC LIMIT 50" },
	[Q_SESS_VERIFY] = { "portal_session_verify", NULL,
	    "UPDATE portal_sessions SET verified_at = NOW(), code_hash = NULL, "
	    "code_expires_at = NULL, code_tries = 0 "
	    "WHERE company_id = :company AND id = ?" },
	[Q_CODE_SET] = { "portal_code_set", NULL,
	    "UPDATE portal_sessions SET code_hash = ?, code_expires_at = NOW() + "
	    "INTERVAL ? SECOND, code_tries = 0 "
	    "WHERE company_id = :company AND id = ?" },
	/* One try is spent before the code is compared, atomically. */
	[Q_CODE_TRY] = { "portal_code_try", NULL,
	    "UPDATE portal_sessions SET code_tries = code_tries + 1 "
	    "WHERE company_id = :company AND id = ? AND code_hash IS NOT NULL "
	    "AND code_expires_at > NOW() AND code_tries < ?" },
	[Q_CODE_GET] = { "portal_code_get", NULL,
	    "SELECT code_hash, code_tries FROM portal_sessions "
	    "WHERE company_id = :company AND id = ? AND code_hash IS NOT NULL" },
	[Q_PERSON_LOGIN] = { "portal_person_login",
	    "sign-in at /portal/login starts from the address alone, before any "
	    "company is known; each match is one company's customer",
	    "SELECT p.id, p.company_id, p.customer_id, p.name, p.email, "
	    "COALESCE(p.password_hash, '') FROM portal_people p "
	    "JOIN customers cu ON cu.id = p.customer_id AND cu.company_id = p.company_id "
	    "WHERE p.email = ? ORDER BY p.last_seen_at IS NULL, p.last_seen_at DESC, "
	    "p.id LIMIT ?" },
	[Q_PERSON_GET] = { "portal_person_get", NULL,
	    "SELECT id, company_id, customer_id, name, email, "
	    "COALESCE(password_hash, '') FROM portal_people "
	    "WHERE company_id = :company AND id = ?" },
	/* The address is the person: a contact sharing the customer's address is the same one. */
	[Q_PERSON_UPSERT] = { "portal_person_upsert", NULL,
	    "INSERT INTO portal_people (company_id, customer_id, contact_id, name, "
	    "email) VALUES (:company, ?, NULLIF(?, 0), ?, ?) "
	    "ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)" },
	[Q_ADDR_CUSTOMER] = { "portal_address_customer", NULL,
	    "SELECT name, email FROM customers WHERE company_id = :company AND id = ?" },
	[Q_ADDR_CONTACT] = { "portal_address_contact", NULL,
	    "SELECT name, email FROM contacts WHERE company_id = :company "
	    "AND customer_id = ? AND id = ?" },
	[Q_PERSON_PASSWORD] = { "portal_person_password", NULL,
	    "UPDATE portal_people SET password_hash = ? "
	    "WHERE company_id = :company AND id = ?" },
	[Q_LINK_INSERT] = { "portal_link_insert", NULL,
	    "INSERT INTO portal_links (token_hash, company_id, person_id, "
	    "document_id, created_by, expires_at) VALUES (?, :company, ?, "
	    "NULLIF(?, 0), NULLIF(?, 0), NOW() + INTERVAL ? DAY)" },
	[Q_LINK_FIND] = { "portal_link_find",
	    "a sign-in link is what tells the company",
	    "SELECT l.id, l.company_id, l.person_id, COALESCE(l.document_id, 0), "
	    "DATE_FORMAT(l.created_at, '%Y-%m-%d %H:%i:%s'), "
	    "l.used_at IS NULL AND l.revoked_at IS NULL AND l.expires_at > NOW(), "
	    "l.used_at IS NOT NULL, l.revoked_at IS NOT NULL, c.name, p.name, "
	    "COALESCE(d.kind, ''), COALESCE(d.number, 0), "
	    "l.document_id IS NULL OR COALESCE(" SHOWN ", 0), "
	    "COALESCE(d.revision, 0) "
	    "FROM portal_links l JOIN companies c ON c.id = l.company_id "
	    "JOIN portal_people p ON p.id = l.person_id AND p.company_id = l.company_id "
	    "LEFT JOIN documents d ON d.id = l.document_id AND d.company_id = l.company_id "
	    "WHERE l.token_hash = ?" },
	/* Spent once: of concurrent spenders, the row lock lets one through. */
	[Q_LINK_SPEND] = { "portal_link_spend", NULL,
	    "UPDATE portal_links SET used_at = NOW() WHERE company_id = :company "
	    "AND id = ? AND used_at IS NULL AND revoked_at IS NULL "
	    "AND expires_at > NOW()" },
	/* Any version of the document (same kind and number) counts. */
	[Q_LINKS_REVOKE] = { "portal_links_revoke", NULL,
	    "UPDATE portal_links l JOIN documents d ON d.id = l.document_id "
	    "AND d.company_id = l.company_id JOIN documents o ON o.company_id = "
	    "d.company_id AND o.kind = d.kind AND o.number = d.number "
	    "SET l.revoked_at = NOW() WHERE l.company_id = :company AND o.id = ? "
	    "AND l.used_at IS NULL AND l.revoked_at IS NULL" },
	[Q_LINKS_END] = { "portal_links_end_sessions", NULL,
	    "DELETE s FROM portal_sessions s JOIN documents d ON d.id = "
	    "s.document_id AND d.company_id = s.company_id JOIN documents o ON "
	    "o.company_id = d.company_id AND o.kind = d.kind AND o.number = d.number "
	    "WHERE s.company_id = :company AND o.id = ?" },
	[Q_DOC_ALLOWED] = { "portal_doc_allowed", NULL,
	    "SELECT d.kind, o.id IS NOT NULL FROM documents d LEFT JOIN documents o "
	    "ON o.company_id = d.company_id AND o.id = ? AND o.kind = d.kind "
	    "AND o.number = d.number WHERE d.company_id = :company AND d.id = ? "
	    "AND d.customer_id = ? AND " SHOWN },
	/* The newest shown version of each number. */
	[Q_DOCS] = { "portal_documents", NULL,
	    "SELECT d.id, d.kind, d.number, d.revision, d.status, d.title, "
	    "d.total_cents, d.paid_cents, d.issued_on FROM documents d "
	    "WHERE d.company_id = :company AND d.customer_id = ? AND " SHOWN
	    " AND NOT EXISTS (SELECT 1 FROM documents n WHERE n.company_id = "
	    "d.company_id AND n.kind = d.kind AND n.number = d.number AND "
	    "n.revision > d.revision AND n.display_to_customer = 1 AND "
	    "n.status <> 'draft') ORDER BY d.issued_on DESC, d.id DESC LIMIT 200" },
	[Q_VISITS] = { "portal_visits", NULL,
	    "SELECT v.starts_at, v.ends_at, j.number, j.title FROM visits v "
	    "JOIN jobs j ON j.id = v.job_id AND j.company_id = v.company_id "
	    "WHERE v.company_id = :company AND j.customer_id = ? "
	    "AND v.status = 'scheduled' AND v.ends_at > NOW() "
	    "ORDER BY v.starts_at, v.id LIMIT 10" },
	[Q_UNREAD] = { "portal_unread", NULL,
	    "SELECT COUNT(*) FROM job_events e JOIN jobs j ON j.id = e.job_id "
	    "AND j.company_id = e.company_id WHERE e.company_id = :company "
	    "AND j.customer_id = ? AND e.visible_to_customer = 1 "
	    /* Unread is what someone wrote: a status change is not a message. */
	    "AND e.person_id IS NULL AND e.kind = 'note' AND e.id > ?" },
	{ NULL, NULL, NULL, NULL, 0, 0 }
};

/*
 * The live session whose token hashes to hash into r->portal, and its
 * company into r->sess.company_id.  *idle_s: seconds since last seen.
 */
int
db_portal_session_load(struct req *r, const char *hash, int idle_s,
    int absolute_s, int64_t *since_s)
{
	struct dbv	 v[] = { DV_INT(PORTAL_FRESH_DAYS), DV_BLOB(hash, 32),
	    DV_INT(idle_s), DV_INT(absolute_s) };
	struct db_res	 res;
	struct db_row	*row;
	int		 rc;

	if ((rc = db_run(r, &db_portal_sql[Q_SESS_LOAD], v, 4, &res)) != DB_OK)
		return rc;
	row = &res.rows[0];
	r->portal.valid = true;
	r->portal.session_id = db_int(row, 0);
	r->sess.company_id = db_int(row, 1);
	r->portal.person_id = db_int(row, 2);
	r->portal.customer_id = db_int(row, 3);
	r->portal.document_id = db_int(row, 4);
	r->portal.verified = db_int(row, 5) != 0;
	r->portal.name = db_str(row, 6);
	r->portal.email = db_str(row, 7);
	r->portal.customer_name = db_str(row, 8);
	r->portal.company_name = db_str(row, 9);
	r->portal.has_logo = db_int(row, 10) != 0;
	r->portal.token_hash = hash;
	*since_s = db_int(row, 11);
	r->portal.seen_event_id = db_int(row, 12);
	r->portal.has_password = db_int(row, 13) != 0;
	return DB_OK;
}

int
db_portal_session_touch(struct req *r, int64_t id)
{
	struct dbv	 v[] = { DV_INT(id) };

	return db_run(r, &db_portal_sql[Q_SESS_TOUCH], v, 1, NULL);
}

/* A new session; verified_at NULL means now. */
int
db_portal_session_insert(struct req *r, const char *hash, int64_t person_id,
    int64_t document_id, const char *verified_at, int64_t *id)
{
	struct dbv	 v[] = { DV_BLOB(hash, 32), DV_INT(person_id),
	    DV_INT(document_id), verified_at ? DV_STR(verified_at) : DV_NULL,
	    DV_STR(r->remote_addr ? r->remote_addr : ""),
	    DV_STR(r->user_agent ? r->user_agent : "") };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_portal_sql[Q_SESS_INSERT], v, 6, &res)) ==
	    DB_OK && id != NULL)
		*id = res.insert_id;
	return rc;
}

/* End session id of person_id; DB_NONE when it isn't theirs (or gone). */
int
db_portal_session_delete(struct req *r, int64_t person_id, int64_t id)
{
	struct dbv	 v[] = { DV_INT(person_id), DV_INT(id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_portal_sql[Q_SESS_DELETE], v, 2, &res)) !=
	    DB_OK)
		return rc;
	return res.affected ? DB_OK : DB_NONE;
}

int
db_portal_session_delete_token(struct req *r, const char *hash)
{
	struct dbv	 v[] = { DV_BLOB(hash, 32) };

	return db_run(r, &db_portal_sql[Q_SESS_DELETE_TOKEN], v, 1, NULL);
}

/* End every session of person_id but keep_id (0: all of them). */
int
db_portal_session_delete_others(struct req *r, int64_t person_id,
    int64_t keep_id)
{
	struct dbv	 v[] = { DV_INT(person_id), DV_INT(keep_id) };

	if (keep_id == 0)
		return db_run(r, &db_portal_sql[Q_SESS_DELETE_ALL], v, 1, NULL);
	return db_run(r, &db_portal_sql[Q_SESS_DELETE_OTHERS], v, 2, NULL);
}

int
db_portal_session_list(struct req *r, int64_t person_id, int idle_s,
    int absolute_s, struct portal_session_row **out, size_t *n)
{
	struct dbv	 v[] = { DV_INT(person_id), DV_INT(idle_s),
	    DV_INT(absolute_s) };
	struct db_res	 res;
	size_t		 i;
	int		 rc;

	*out = NULL;
	*n = 0;
	rc = db_run(r, &db_portal_sql[Q_SESS_LIST], v, 3, &res);
	if (rc != DB_OK)
		return rc == DB_NONE ? DB_OK : rc;
	*out = arena_zalloc(r->arena, res.nrows * sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		(*out)[i].id = db_int(&res.rows[i], 0);
		(*out)[i].ip = db_str(&res.rows[i], 1);
		(*out)[i].user_agent = db_str(&res.rows[i], 2);
		(*out)[i].created_at = db_str(&res.rows[i], 3);
		(*out)[i].last_seen_at = db_str(&res.rows[i], 4);
	}
	*n = res.nrows;
	return DB_OK;
}

/* The address was just proven: the whole portal opens; any code is spent. */
int
db_portal_session_verify(struct req *r, int64_t id)
{
	struct dbv	 v[] = { DV_INT(id) };

	return db_run(r, &db_portal_sql[Q_SESS_VERIFY], v, 1, NULL);
}

int
db_portal_code_set(struct req *r, int64_t id, const char *hash, int ttl_s)
{
	struct dbv	 v[] = { DV_BLOB(hash, 32), DV_INT(ttl_s), DV_INT(id) };

	return db_run(r, &db_portal_sql[Q_CODE_SET], v, 3, NULL);
}

/*
 * Spend one of max_tries on session id's pending code and give its hash
 * (32 bytes).  DB_NONE: no live code, or no try left.
 */
int
db_portal_code_try(struct req *r, int64_t id, int max_tries,
    const char **hash)
{
	struct dbv	 v[] = { DV_INT(id), DV_INT(max_tries) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_portal_sql[Q_CODE_TRY], v, 2, &res)) != DB_OK)
		return rc;
	if (res.affected == 0)
		return DB_NONE;
	if ((rc = db_run(r, &db_portal_sql[Q_CODE_GET], v, 1, &res)) != DB_OK)
		return rc;
	if (res.rows[0].len[0] != 32)
		return DB_NONE;
	*hash = res.rows[0].col[0];
	return DB_OK;
}

static void
person_row(const struct db_row *row, struct portal_person *p)
{
	p->id = db_int(row, 0);
	p->company_id = db_int(row, 1);
	p->customer_id = db_int(row, 2);
	p->name = db_str(row, 3);
	p->email = db_str(row, 4);
	p->password_hash = db_str(row, 5);
}

/* The people (of any company) who sign in with email; at most max. */
int
db_portal_people_by_email(struct req *r, const char *email, int max,
    struct portal_person **out, size_t *n)
{
	struct dbv	 v[] = { DV_STR(email), DV_INT(max) };
	struct db_res	 res;
	size_t		 i;
	int		 rc;

	*out = NULL;
	*n = 0;
	rc = db_run(r, &db_portal_sql[Q_PERSON_LOGIN], v, 2, &res);
	if (rc != DB_OK)
		return rc == DB_NONE ? DB_OK : rc;
	*out = arena_zalloc(r->arena, res.nrows * sizeof(**out));
	for (i = 0; i < res.nrows; i++)
		person_row(&res.rows[i], &(*out)[i]);
	*n = res.nrows;
	return DB_OK;
}

int
db_portal_person_get(struct req *r, int64_t id, struct portal_person *p)
{
	struct dbv	 v[] = { DV_INT(id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_portal_sql[Q_PERSON_GET], v, 1, &res)) != DB_OK)
		return rc;
	person_row(&res.rows[0], p);
	return DB_OK;
}

/* The name and address of a customer (contact_id 0) or of its contact. */
int
db_portal_address(struct req *r, int64_t customer_id, int64_t contact_id,
    const char **name, const char **email)
{
	struct dbv	 v[] = { DV_INT(customer_id), DV_INT(contact_id) };
	struct db_res	 res;
	int		 rc;

	rc = contact_id ? db_run(r, &db_portal_sql[Q_ADDR_CONTACT], v, 2, &res) :
	    db_run(r, &db_portal_sql[Q_ADDR_CUSTOMER], v, 1, &res);
	if (rc != DB_OK)
		return rc;
	*name = db_str(&res.rows[0], 0);
	*email = db_str(&res.rows[0], 1);
	return DB_OK;
}

int
db_portal_person_upsert(struct req *r, int64_t customer_id, int64_t contact_id,
    const char *name, const char *email, int64_t *id)
{
	struct dbv	 v[] = { DV_INT(customer_id), DV_INT(contact_id),
	    DV_STR(name), DV_STR(email) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_portal_sql[Q_PERSON_UPSERT], v, 4, &res)) !=
	    DB_OK)
		return rc;
	*id = res.insert_id;
	return DB_OK;
}

int
db_portal_person_set_password(struct req *r, int64_t id, const char *hash)
{
	struct dbv	 v[] = { DV_STR(hash), DV_INT(id) };

	return db_run(r, &db_portal_sql[Q_PERSON_PASSWORD], v, 2, NULL);
}

int
db_portal_link_insert(struct req *r, const char *hash, int64_t person_id,
    int64_t document_id, int days)
{
	struct dbv	 v[] = { DV_BLOB(hash, 32), DV_INT(person_id),
	    DV_INT(document_id), DV_INT(r->sess.valid ? r->sess.user_id : 0),
	    DV_INT(days) };

	return db_run(r, &db_portal_sql[Q_LINK_INSERT], v, 5, NULL);
}

/* The link whose token hashes to hash, alive or not. */
int
db_portal_link_find(struct req *r, const char *hash, struct portal_link *l)
{
	struct dbv	 v[] = { DV_BLOB(hash, 32) };
	struct db_res	 res;
	struct db_row	*row;
	int		 rc;

	if ((rc = db_run(r, &db_portal_sql[Q_LINK_FIND], v, 1, &res)) != DB_OK)
		return rc;
	row = &res.rows[0];
	l->id = db_int(row, 0);
	l->company_id = db_int(row, 1);
	l->person_id = db_int(row, 2);
	l->document_id = db_int(row, 3);
	l->created_at = db_str(row, 4);
	l->live = db_int(row, 5) != 0;
	l->used = db_int(row, 6) != 0;
	l->revoked = db_int(row, 7) != 0;
	l->company_name = db_str(row, 8);
	l->person_name = db_str(row, 9);
	l->doc_kind = db_str(row, 10);
	l->doc_number = db_int(row, 11);
	l->doc_revision = db_int(row, 13);
	/* A document hidden from the customer since takes its links with it. */
	if (db_int(row, 12) == 0 && l->live) {
		l->live = false;
		l->revoked = true;
	}
	return DB_OK;
}

/* Spend link id (of r->sess.company_id); DB_NONE when already spent or dead. */
int
db_portal_link_spend(struct req *r, int64_t id)
{
	struct dbv	 v[] = { DV_INT(id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_portal_sql[Q_LINK_SPEND], v, 1, &res)) != DB_OK)
		return rc;
	return res.affected == 1 ? DB_OK : DB_NONE;
}

int
db_portal_links_revoke(struct req *r, int64_t document_id)
{
	struct dbv	 v[] = { DV_INT(document_id) };
	int		 rc;

	if ((rc = db_run(r, &db_portal_sql[Q_LINKS_REVOKE], v, 1, NULL)) !=
	    DB_OK)
		return rc;
	return db_run(r, &db_portal_sql[Q_LINKS_END], v, 1, NULL);
}

/*
 * Whether customer_id sees document id, and its kind; *of_link: it is a
 * version of link_doc (the document the session's link opened).
 */
int
db_portal_doc_allowed(struct req *r, int64_t customer_id, int64_t id,
    int64_t link_doc, enum doc_kind *kind, bool *of_link)
{
	struct dbv	 v[] = { DV_INT(link_doc), DV_INT(id),
	    DV_INT(customer_id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_portal_sql[Q_DOC_ALLOWED], v, 3, &res)) !=
	    DB_OK)
		return rc;
	*kind = strcmp(db_str(&res.rows[0], 0), "invoice") == 0 ?
	    DOC_INVOICE : DOC_ESTIMATE;
	*of_link = db_int(&res.rows[0], 1) != 0;
	return DB_OK;
}

int
db_portal_documents(struct req *r, int64_t customer_id, struct portal_doc **out,
    size_t *n)
{
	struct dbv	 v[] = { DV_INT(customer_id) };
	struct db_res	 res;
	struct portal_doc *d;
	size_t		 i;
	int		 rc;

	*out = NULL;
	*n = 0;
	rc = db_run(r, &db_portal_sql[Q_DOCS], v, 1, &res);
	if (rc != DB_OK)
		return rc == DB_NONE ? DB_OK : rc;
	*out = arena_zalloc(r->arena, res.nrows * sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		d = &(*out)[i];
		d->id = db_int(&res.rows[i], 0);
		d->kind = strcmp(db_str(&res.rows[i], 1), "invoice") == 0 ?
		    DOC_INVOICE : DOC_ESTIMATE;
		d->number = db_int(&res.rows[i], 2);
		d->revision = db_int(&res.rows[i], 3);
		d->status = db_str(&res.rows[i], 4);
		d->title = db_str(&res.rows[i], 5);
		d->total_cents = db_int(&res.rows[i], 6);
		d->paid_cents = db_int(&res.rows[i], 7);
		d->issued_on = db_str(&res.rows[i], 8);
	}
	*n = res.nrows;
	return DB_OK;
}

/* The customer's upcoming visits: starts/ends as UTC text, job number and title. */
int
db_portal_visits(struct req *r, int64_t customer_id, struct visit **out,
    size_t *n)
{
	struct dbv	 v[] = { DV_INT(customer_id) };
	struct db_res	 res;
	struct visit	*x;
	size_t		 i;
	int		 rc;

	*out = NULL;
	*n = 0;
	rc = db_run(r, &db_portal_sql[Q_VISITS], v, 1, &res);
	if (rc != DB_OK)
		return rc == DB_NONE ? DB_OK : rc;
	*out = arena_zalloc(r->arena, res.nrows * sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		x = &(*out)[i];
		if (!tz_parse_utc(db_str(&res.rows[i], 0), &x->starts_at) ||
		    !tz_parse_utc(db_str(&res.rows[i], 1), &x->ends_at))
			return DB_ERR;
		x->job_number = db_int(&res.rows[i], 2);
		x->job_title = db_str(&res.rows[i], 3);
	}
	*n = res.nrows;
	return DB_OK;
}

/* Staff entries the customer may read, newer than seen_event_id. */
int
db_portal_unread(struct req *r, int64_t customer_id, int64_t seen_event_id,
    int64_t *count)
{
	struct dbv	 v[] = { DV_INT(customer_id), DV_INT(seen_event_id) };
	struct db_res	 res;
	int		 rc;

	*count = 0;
	if ((rc = db_run(r, &db_portal_sql[Q_UNREAD], v, 2, &res)) != DB_OK)
		return rc == DB_NONE ? DB_OK : rc;
	*count = db_int(&res.rows[0], 0);
	return DB_OK;
}
