/*
 * Sharing a document: whether the customer may see it, whom it was shared
 * with (document_shares), who opened it (document_views, written by the
 * portal) and its sign-in links still open.
 */
#include <string.h>

#include "app.h"

enum { Q_DISPLAY_GET, Q_DISPLAY_SET, Q_INSERT, Q_LIST, Q_VIEWS, Q_LINKS,
	Q_DEMO_DOC };

struct db_stmt db_shares_sql[] = {
	[Q_DISPLAY_GET] = { "share_display_get", NULL,
	    "SELECT display_to_customer FROM documents "
	    "WHERE company_id = :company AND id = ?" },
	[Q_DISPLAY_SET] = { "share_display_set", NULL,
	    "UPDATE documents SET display_to_customer = ? "
	    "WHERE company_id = :company AND id = ?" },
	[Q_INSERT] = { "share_insert", NULL,
	    "INSERT INTO document_shares (company_id, document_id, person_id, "
	    "user_id, message) VALUES (:company, ?, ?, ?, ?)" },
	[Q_LIST] = { "share_list", NULL,
	    "SELECT s.created_at, p.name, p.email, COALESCE(u.name, '') "
	    "FROM document_shares s "
	    "JOIN portal_people p ON p.company_id = s.company_id "
	    "AND p.id = s.person_id "
	    "LEFT JOIN users u ON u.company_id = s.company_id AND u.id = s.user_id "
	    "WHERE s.company_id = :company AND s.document_id = ? "
	    "ORDER BY s.id DESC LIMIT 50" },
	[Q_VIEWS] = { "share_views", NULL,
	    "SELECT v.viewed_at, p.name, p.email, v.user_agent "
	    "FROM document_views v "
	    "JOIN portal_people p ON p.company_id = v.company_id "
	    "AND p.id = v.person_id "
	    "WHERE v.company_id = :company AND v.document_id = ? "
	    "ORDER BY v.id DESC LIMIT 50" },
	[Q_LINKS] = { "share_links_open", NULL,
	    "SELECT COUNT(*) FROM portal_links "
	    "WHERE company_id = :company AND document_id = ? "
	    "AND used_at IS NULL AND revoked_at IS NULL AND expires_at > NOW()" },
	/* `plumbline demo-share`: an estimate of a customer with an address,
	 * one still open if any (sent first), else the newest approved. */
	/* Open: unanswered, on a job not past Estimating (else the demo
	 * drafts a copy on a new job).  sql/demo-portal.sql picks the same. */
	[Q_DEMO_DOC] = { "share_demo_doc", NULL,
	    "SELECT d.id, d.status <> 'approved' AND j.status IN ('requested', "
	    "'estimating') AS open FROM documents d JOIN customers c "
	    "ON c.company_id = d.company_id AND c.id = d.customer_id "
	    "JOIN jobs j ON j.company_id = d.company_id AND j.id = d.job_id "
	    "WHERE d.company_id = :company AND d.kind = 'estimate' "
	    "AND d.status IN ('sent', 'draft', 'approved') AND d.parent_id IS NULL "
	    "AND c.email <> '' ORDER BY open DESC, d.status = 'sent' DESC, "
	    "d.status = 'draft' DESC, d.id DESC LIMIT 1" },
	{ NULL, NULL, NULL, NULL, 0, 0 }
};

int
db_share_display_get(struct req *r, int64_t doc_id, bool *on)
{
	struct dbv	 v[] = { DV_INT(doc_id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_shares_sql[Q_DISPLAY_GET], v, 1, &res)) == DB_OK)
		*on = db_int(&res.rows[0], 0) != 0;
	return rc;
}

int
db_share_display_set(struct req *r, int64_t doc_id, bool on)
{
	struct dbv	 v[] = { DV_INT(on), DV_INT(doc_id) };

	return db_run(r, &db_shares_sql[Q_DISPLAY_SET], v, 2, NULL);
}

int
db_share_insert(struct req *r, int64_t doc_id, int64_t person_id,
    const char *message)
{
	struct dbv	 v[] = { DV_INT(doc_id), DV_INT(person_id),
	    r->sess.user_id > 0 ? DV_INT(r->sess.user_id) : DV_NULL,
	    DV_STR(message) };

	return db_run(r, &db_shares_sql[Q_INSERT], v, 4, NULL);
}

/* Shares (views: false) or views (true) of a document, newest first. */
int
db_share_list(struct req *r, int64_t doc_id, bool views,
    struct share_row **out, size_t *n)
{
	struct dbv	 v[] = { DV_INT(doc_id) };
	struct db_res	 res;
	size_t		 i;
	int		 rc;

	*out = NULL;
	*n = 0;
	rc = db_run(r, &db_shares_sql[views ? Q_VIEWS : Q_LIST], v, 1, &res);
	if (rc != DB_OK)
		return rc == DB_NONE ? DB_OK : rc;
	*out = arena_zalloc(r->arena, res.nrows * sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		(*out)[i].at = db_str(&res.rows[i], 0);
		(*out)[i].name = db_str(&res.rows[i], 1);
		(*out)[i].email = db_str(&res.rows[i], 2);
		(*out)[i].extra = db_str(&res.rows[i], 3);
	}
	*n = res.nrows;
	return DB_OK;
}

int
db_share_links_open(struct req *r, int64_t doc_id, int64_t *n)
{
	struct dbv	 v[] = { DV_INT(doc_id) };
	struct db_res	 res;
	int		 rc;

	*n = 0;
	if ((rc = db_run(r, &db_shares_sql[Q_LINKS], v, 1, &res)) == DB_OK)
		*n = db_int(&res.rows[0], 0);
	return rc == DB_NONE ? DB_OK : rc;
}

int
db_share_demo_doc(struct req *r, int64_t *id, bool *open)
{
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_shares_sql[Q_DEMO_DOC], NULL, 0, &res)) == DB_OK) {
		*id = db_int(&res.rows[0], 0);
		*open = db_int(&res.rows[0], 1) != 0;
	}
	return rc;
}
