/*
 * The SQL of documents' PDFs and their verification page: a document's
 * token, the one look-up by token (across companies, on purpose), the
 * newest revision of a number, and the company's paper size.
 */
#include <string.h>

#include "app.h"

enum { Q_TOKEN_FIND, Q_LATEST, Q_TOKEN_GET, Q_PAPER_GET, Q_PAPER_SET };

struct db_stmt db_pdf_sql[] = {
	[Q_TOKEN_FIND] = { "doc_token_find",
	    "the public verification page (/d/<token>) finds a document by "
	    "its unguessable 256-bit token before any company is known; the "
	    "handler then scopes every other statement to the row's company",
	    "SELECT company_id, id, kind, number, revision, status, issued_on, "
	    "total_cents, paid_cents, updated_at FROM documents "
	    "WHERE token = ? AND status <> 'draft'" },
	[Q_LATEST] = { "doc_latest", NULL,
	    "SELECT revision, DATE_FORMAT(created_at, '%Y-%m-%d') "
	    "FROM documents WHERE company_id = :company AND kind = ? "
	    "AND number = ? AND status <> 'draft' "
	    "ORDER BY revision DESC LIMIT 1" },
	[Q_TOKEN_GET] = { "doc_token_get", NULL,
	    "SELECT token FROM documents WHERE company_id = :company AND id = ?" },
	[Q_PAPER_GET] = { "company_paper_get", NULL,
	    "SELECT paper FROM companies WHERE id = :company" },
	[Q_PAPER_SET] = { "company_paper_set", NULL,
	    "UPDATE companies SET paper = ? WHERE id = :company" },
	{ NULL, NULL, NULL, NULL, 0, 0 }
};

/*
 * The sent (not draft) document whose token is tok; DB_NONE otherwise.
 * The caller must take s->company_id as the session's company before any
 * other statement.
 */
int
db_doc_token_find(struct req *r, const char *tok, struct doc_seal *s)
{
	struct dbv	 v[] = { DV_STR(tok) };
	struct db_res	 res;
	struct db_row	*row;
	int		 rc;

	if ((rc = db_run(r, &db_pdf_sql[Q_TOKEN_FIND], v, 1, &res)) != DB_OK)
		return rc;
	row = &res.rows[0];
	memset(s, 0, sizeof(*s));
	s->company_id = db_int(row, 0);
	s->id = db_int(row, 1);
	s->kind = strcmp(db_str(row, 2), "invoice") == 0 ? DOC_INVOICE :
	    DOC_ESTIMATE;
	s->number = db_int(row, 3);
	s->revision = db_int(row, 4);
	s->status = doc_status_parse(db_str(row, 5));
	s->issued_on = db_str(row, 6);
	s->total_cents = db_int(row, 7);
	s->paid_cents = db_int(row, 8);
	s->updated_at = db_str(row, 9);
	return DB_OK;
}

/* The newest sent revision of s's number into s->latest_*. */
int
db_doc_latest(struct req *r, struct doc_seal *s)
{
	struct dbv	 v[] = { DV_STR(doc_kind_name(s->kind)),
	    DV_INT(s->number) };
	struct db_res	 res;
	int		 rc;

	s->latest_revision = s->revision;
	s->latest_at = "";
	if ((rc = db_run(r, &db_pdf_sql[Q_LATEST], v, 2, &res)) != DB_OK)
		return rc == DB_NONE ? DB_OK : rc;
	s->latest_revision = db_int(&res.rows[0], 0);
	s->latest_at = db_str(&res.rows[0], 1);
	return DB_OK;
}

int
db_doc_token_get(struct req *r, int64_t id, const char **tok)
{
	struct dbv	 v[] = { DV_INT(id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_pdf_sql[Q_TOKEN_GET], v, 1, &res)) == DB_OK)
		*tok = db_str(&res.rows[0], 0);
	return rc;
}

/* *a4: the company prints on A4, else US Letter. */
int
db_company_paper_get(struct req *r, bool *a4)
{
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_pdf_sql[Q_PAPER_GET], NULL, 0, &res)) == DB_OK)
		*a4 = strcmp(db_str(&res.rows[0], 0), "a4") == 0;
	return rc;
}

int
db_company_paper_set(struct req *r, bool a4)
{
	struct dbv	 v[] = { DV_STR(a4 ? "a4" : "letter") };

	return db_run(r, &db_pdf_sql[Q_PAPER_SET], v, 1, NULL);
}
