/*
 * The SQL of versions and of the customer's side of a document.  Every
 * portal statement is scoped three ways: the company (:company, bound
 * from the portal session), the customer of the session (a parameter),
 * and what the company chose to show — display_to_customer = 1 and never
 * a draft.  A document outside that answers DB_NONE, the handler's 404.
 */
#include <string.h>

#include "app.h"

enum {
	Q_PORTAL_FIND, Q_VERSIONS, Q_PORTAL_VERSIONS, Q_NEWER_SENT, Q_SUPERSEDE,
	Q_LATEST, Q_REVISE, Q_VIEW_COUNT, Q_VIEW_INSERT, Q_APPROVE, Q_DISPUTE,
	Q_EVENT_INSERT
};

#define PORTAL_SCOPE	"company_id = :company AND customer_id = ? " \
			"AND display_to_customer = 1 AND status <> 'draft'"

struct db_stmt db_portal_docs_sql[] = {
	[Q_PORTAL_FIND] = { "portal_doc_find", NULL,
	    "SELECT kind FROM documents WHERE " PORTAL_SCOPE " AND id = ?" },
	[Q_VERSIONS] = { "doc_versions", NULL,
	    "SELECT id, revision, status, issued_on, total_cents "
	    "FROM documents WHERE company_id = :company AND kind = ? "
	    "AND number = ? ORDER BY revision LIMIT 100" },
	[Q_PORTAL_VERSIONS] = { "portal_doc_versions", NULL,
	    "SELECT id, revision, status, issued_on, total_cents "
	    "FROM documents WHERE " PORTAL_SCOPE " AND kind = ? "
	    "AND number = ? ORDER BY revision LIMIT 100" },
	/* A later version the customer was given (sent or beyond). */
	[Q_NEWER_SENT] = { "doc_newer_sent", NULL,
	    "SELECT id FROM documents WHERE company_id = :company AND kind = ? "
	    "AND number = ? AND revision > ? AND status <> 'draft' "
	    "ORDER BY revision DESC LIMIT 1" },
	/* Approved, paid or void versions keep their status: they are records. */
	[Q_SUPERSEDE] = { "doc_supersede", NULL,
	    "UPDATE documents SET status = 'superseded', version = version + 1, "
	    "updated_at = NOW() WHERE company_id = :company AND kind = ? "
	    "AND number = ? AND revision < ? "
	    "AND status IN ('sent', 'revision_requested', 'declined')" },
	[Q_LATEST] = { "doc_latest_revision", NULL,
	    "SELECT id, revision FROM documents WHERE company_id = :company "
	    "AND kind = ? AND number = ? ORDER BY revision DESC LIMIT 1 "
	    "FOR UPDATE" },
	/* The next version: a draft copy (lines copied by db_lines_copy),
	 * issued today, shown to the customer once sent if its parent was. */
	[Q_REVISE] = { "doc_revise", NULL,
	    "INSERT INTO documents (company_id, kind, number, revision, "
	    "parent_id, source_id, job_id, customer_id, customer_name, title, "
	    "issued_on, "
	    "valid_until, due_on, tax_rate_bp, discount_is_percent, "
	    "discount_value, deposit_is_percent, deposit_value, terms, notes, "
	    "subtotal_cents, discount_cents, tax_cents, total_cents, "
	    "deposit_cents, display_to_customer, created_by) "
	    "SELECT company_id, kind, number, ?, id, source_id, job_id, "
	    "customer_id, customer_name, title, ?, ?, due_on, tax_rate_bp, "
	    "discount_is_percent, discount_value, deposit_is_percent, "
	    "deposit_value, terms, notes, subtotal_cents, discount_cents, "
	    "tax_cents, total_cents, deposit_cents, display_to_customer, ? "
	    "FROM documents WHERE company_id = :company AND id = ?" },
	/* A view is a visit: page loads within half an hour are one. */
	[Q_VIEW_COUNT] = { "doc_view_count", NULL,
	    "SELECT COUNT(*), COALESCE(MAX(viewed_at) > NOW() - INTERVAL 30 MINUTE, 0) "
	    "FROM document_views WHERE company_id = :company "
	    "AND document_id = ? AND person_id = ?" },
	[Q_VIEW_INSERT] = { "doc_view_insert", NULL,
	    "INSERT INTO document_views (company_id, document_id, person_id, "
	    "ip, user_agent) VALUES (:company, ?, ?, ?, LEFT(?, 255))" },
	[Q_APPROVE] = { "doc_customer_approve", NULL,
	    "UPDATE documents SET status = 'approved', approved_name = ?, "
	    "approved_at = NOW(), approved_ip = ?, approved_ua = LEFT(?, 255), "
	    "approved_person_id = ?, approved_hash = ?, version = version + 1, "
	    "updated_at = NOW() WHERE company_id = :company AND id = ?" },
	[Q_DISPUTE] = { "doc_dispute", NULL,
	    "UPDATE documents SET disputed_at = NOW(), dispute_reason = ?, "
	    "version = version + 1, updated_at = NOW() "
	    "WHERE company_id = :company AND id = ?" },
	/* The customer's own words in the Job Message History. */
	[Q_EVENT_INSERT] = { "portal_event_insert", NULL,
	    "INSERT INTO job_events (company_id, job_id, kind, body, "
	    "visible_to_customer, person_id, document_id) "
	    "SELECT :company, id, ?, ?, ?, ?, ? FROM jobs "
	    "WHERE company_id = :company AND id = ?" },
	{ NULL, NULL, NULL, NULL, 0, 0 }
};

/* The browser's own words, kept only when they are text (UTF-8). */
static const char *
user_agent(const struct req *r)
{
	const char	*ua = r->user_agent ? r->user_agent : "";

	return utf8_valid(ua, strlen(ua)) ? ua : "";
}

/* The kind of document id when the portal's customer may see it. */
int
db_portal_doc_find(struct req *r, int64_t id, enum doc_kind *kind)
{
	struct dbv	 v[] = { DV_INT(r->portal.customer_id), DV_INT(id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_portal_docs_sql[Q_PORTAL_FIND], v, 2,
	    &res)) == DB_OK)
		*kind = strcmp(db_str(&res.rows[0], 0), "invoice") == 0 ?
		    DOC_INVOICE : DOC_ESTIMATE;
	return rc;
}

/*
 * The versions of number, oldest first: all of them (back office), or
 * with portal set only those the portal's customer may see.
 */
int
db_doc_versions(struct req *r, enum doc_kind kind, int64_t number,
    bool portal, struct doc_version **out, size_t *n)
{
	struct dbv	 v[] = { DV_INT(r->portal.customer_id),
	    DV_STR(doc_kind_name(kind)), DV_INT(number) };
	struct db_res	 res;
	size_t		 i;
	int		 rc;

	*out = NULL;
	*n = 0;
	rc = portal ? db_run(r, &db_portal_docs_sql[Q_PORTAL_VERSIONS], v, 3,
	    &res) : db_run(r, &db_portal_docs_sql[Q_VERSIONS], v + 1, 2, &res);
	if (rc != DB_OK)
		return rc == DB_NONE ? DB_OK : rc;
	*out = arena_zalloc(r->arena, res.nrows * sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		(*out)[i].id = db_int(&res.rows[i], 0);
		(*out)[i].revision = db_int(&res.rows[i], 1);
		(*out)[i].status = doc_status_parse(db_str(&res.rows[i], 2));
		(*out)[i].issued_on = db_str(&res.rows[i], 3);
		(*out)[i].total_cents = db_int(&res.rows[i], 4);
	}
	*n = res.nrows;
	return DB_OK;
}

/* *id of the newest version after d that was sent; DB_NONE when none. */
int
db_doc_newer_sent(struct req *r, const struct document *d, int64_t *id)
{
	struct dbv	 v[] = { DV_STR(doc_kind_name(d->kind)),
	    DV_INT(d->number), DV_INT(d->revision) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_portal_docs_sql[Q_NEWER_SENT], v, 3,
	    &res)) == DB_OK)
		*id = db_int(&res.rows[0], 0);
	return rc;
}

/* The open versions before d become superseded; *n says how many. */
int
db_doc_supersede(struct req *r, const struct document *d, uint64_t *n)
{
	struct dbv	 v[] = { DV_STR(doc_kind_name(d->kind)),
	    DV_INT(d->number), DV_INT(d->revision) };
	struct db_res	 res;
	int		 rc;

	*n = 0;
	if ((rc = db_run(r, &db_portal_docs_sql[Q_SUPERSEDE], v, 3,
	    &res)) == DB_OK)
		*n = res.affected;
	return rc;
}

/* The newest version of number (id, revision), its row locked. */
int
db_doc_max_revision(struct req *r, enum doc_kind kind, int64_t number,
    int64_t *id, int64_t *revision)
{
	struct dbv	 v[] = { DV_STR(doc_kind_name(kind)), DV_INT(number) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_portal_docs_sql[Q_LATEST], v, 2,
	    &res)) == DB_OK) {
		*id = db_int(&res.rows[0], 0);
		*revision = db_int(&res.rows[0], 1);
	}
	return rc;
}

/* A draft copy of d as revision (issued today, valid until until); *id. */
int
db_doc_revise(struct req *r, const struct document *d, int64_t revision,
    int64_t *id)
{
	struct dbv	 v[] = { DV_INT(revision), DV_STR(d->issued_on),
	    *d->until ? DV_STR(d->until) : DV_NULL, DV_INT(r->sess.user_id),
	    DV_INT(d->id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_portal_docs_sql[Q_REVISE], v, 5,
	    &res)) == DB_OK)
		*id = res.insert_id;
	return rc;
}

/* Record that the portal's person opened document id; *first on the
 * person's first view of it. */
int
db_doc_view_insert(struct req *r, int64_t id, bool *first)
{
	struct dbv	 v[] = { DV_INT(id), DV_INT(r->portal.person_id),
	    DV_STR(r->remote_addr ? r->remote_addr : ""),
	    DV_STR(user_agent(r)) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_portal_docs_sql[Q_VIEW_COUNT], v, 2,
	    &res)) != DB_OK)
		return rc;
	*first = db_int(&res.rows[0], 0) == 0;
	if (db_int(&res.rows[0], 1) != 0)
		return DB_OK;
	return db_run(r, &db_portal_docs_sql[Q_VIEW_INSERT], v, 4, NULL);
}

/* The customer approves document id under name; hash is 32 raw bytes. */
int
db_doc_customer_approve(struct req *r, int64_t id, const char *name,
    const char *hash)
{
	struct dbv	 v[] = { DV_STR(name),
	    DV_STR(r->remote_addr ? r->remote_addr : ""), DV_STR(user_agent(r)),
	    DV_INT(r->portal.person_id), DV_BLOB(hash, 32), DV_INT(id) };

	return db_run(r, &db_portal_docs_sql[Q_APPROVE], v, 6, NULL);
}

int
db_doc_dispute(struct req *r, int64_t id, const char *reason)
{
	struct dbv	 v[] = { DV_STR(reason), DV_INT(id) };

	return db_run(r, &db_portal_docs_sql[Q_DISPUTE], v, 2, NULL);
}

/* The portal person's entry of kind in job_id's history, about document_id
 * (visible: to the customer too, as their own words are). */
int
db_portal_event_insert(struct req *r, int64_t job_id, const char *kind,
    const char *body, bool visible, int64_t document_id)
{
	struct dbv	 v[] = { DV_STR(kind), DV_STR(body), DV_INT(visible),
	    DV_INT(r->portal.person_id), DV_INT(document_id), DV_INT(job_id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_portal_docs_sql[Q_EVENT_INSERT], v, 6,
	    &res)) != DB_OK)
		return rc;
	if (res.affected != 1)
		return DB_NONE;
	return visible ? db_customer_events_recount(r) : DB_OK;
}
