/*
 * Estimates and invoices (one table, `documents`, told apart by kind),
 * their lines, their payments, the per-company numbers they take, and
 * what they show of their job and customer (read here with statements of
 * our own, so the feature stands apart from the job pages).  Numbers come
 * from db_counter_next (db_jobs.c), in the creating transaction.  Totals and
 * paid_cents live on the document row, written in the transaction that
 * writes the lines or the payment, so lists never sum lines.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"

enum {
	Q_DEFAULTS_GET, Q_DEFAULTS_UPDATE, Q_JOB_GET, Q_JOB_CHOICES, Q_INSERT, Q_UPDATE, Q_GET, Q_LOCK,
	Q_SET_STATUS, Q_APPROVE, Q_SET_PAID, Q_LIST, Q_DERIVED, Q_LINES_DELETE,
	Q_LINE_INSERT, Q_LINES_COPY, Q_LINES_GET, Q_PAYMENT_INSERT,
	Q_PAYMENT_LIST, Q_REVISION_REQUEST
};

#define DOC_COLS	"d.id, d.kind, d.number, d.revision, " \
			"COALESCE(d.parent_id, 0), COALESCE(d.source_id, 0), " \
			"d.job_id, d.customer_id, d.status, d.title, d.issued_on, " \
			"COALESCE(d.valid_until, ''), COALESCE(d.due_on, ''), " \
			"d.tax_rate_bp, d.discount_is_percent, d.discount_value, " \
			"d.deposit_is_percent, d.deposit_value, d.terms, d.notes, " \
			"d.subtotal_cents, d.discount_cents, d.tax_cents, " \
			"d.total_cents, d.deposit_cents, d.paid_cents, " \
			"COALESCE(d.approved_name, ''), COALESCE(d.approved_at, ''), " \
			"d.version, d.updated_at"
#define DOC_NCOLS	30

#define JOB_COLS	"j.id, j.number, j.title, j.status, j.customer_id, " \
			"c.name, c.email, c.phone, COALESCE(p.street, ''), " \
			"COALESCE(p.city, ''), COALESCE(p.region, ''), " \
			"COALESCE(p.postal_code, '')"
#define PROPERTY_JOIN	"LEFT JOIN properties p ON p.company_id = j.company_id " \
			"AND p.id = j.property_id"

/* What a list row shows: all of it is in documents_board. */
#define ROW_COLS	"d.id, d.number, d.revision, d.status, d.title, " \
			"COALESCE(IF(d.kind = 'estimate', d.valid_until, " \
			"d.due_on), ''), d.total_cents, d.paid_cents, " \
			"d.customer_name"

struct db_stmt db_documents_sql[] = {
	[Q_DEFAULTS_GET] = { "doc_defaults_get", NULL,
	    "SELECT currency, default_tax_rate_bp, default_terms, timezone, "
	    "version FROM companies WHERE id = :company" },
	[Q_DEFAULTS_UPDATE] = { "doc_defaults_update", NULL,
	    "UPDATE companies SET currency = ?, default_tax_rate_bp = ?, "
	    "default_terms = ?, version = version + 1, updated_at = NOW() "
	    "WHERE id = :company AND version = ?" },
	[Q_JOB_GET] = { "doc_job_get", NULL,
	    "SELECT " JOB_COLS " FROM jobs j JOIN customers c "
	    "ON c.company_id = j.company_id AND c.id = j.customer_id "
	    PROPERTY_JOIN " WHERE j.company_id = :company AND j.id = ?" },
	[Q_JOB_CHOICES] = { "doc_job_choices", NULL,
	    "SELECT j.id, j.number, j.title, c.name FROM jobs j "
	    "JOIN customers c ON c.company_id = j.company_id "
	    "AND c.id = j.customer_id "
	    "WHERE j.company_id = :company AND j.status <> 'cancelled' "
	    "ORDER BY j.number DESC LIMIT 300" },
	/* The customer's name is copied from their row, which must be ours
	 * (customer_name: what the lists show, sql/0006_list_reads.sql). */
	[Q_INSERT] = { "document_insert", NULL,
	    "INSERT INTO documents (company_id, kind, number, source_id, "
	    "job_id, title, issued_on, valid_until, due_on, "
	    "tax_rate_bp, discount_is_percent, discount_value, "
	    "deposit_is_percent, deposit_value, terms, notes, subtotal_cents, "
	    "discount_cents, tax_cents, total_cents, deposit_cents, created_by, "
	    "customer_id, customer_name) "
	    "SELECT :company, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	    "?, ?, ?, ?, ?, c.id, c.name FROM customers c "
	    "WHERE c.company_id = :company AND c.id = ?" },
	[Q_UPDATE] = { "document_update", NULL,
	    "UPDATE documents SET title = ?, issued_on = ?, valid_until = ?, "
	    "due_on = ?, tax_rate_bp = ?, discount_is_percent = ?, "
	    "discount_value = ?, deposit_is_percent = ?, deposit_value = ?, "
	    "terms = ?, notes = ?, subtotal_cents = ?, discount_cents = ?, "
	    "tax_cents = ?, total_cents = ?, deposit_cents = ?, "
	    "version = version + 1, updated_at = NOW() "
	    "WHERE company_id = :company AND id = ? AND version = ? "
	    "AND status = 'draft'" },
	[Q_GET] = { "document_get", NULL,
	    "SELECT " DOC_COLS ", " JOB_COLS " FROM documents d "
	    "JOIN jobs j ON j.company_id = d.company_id AND j.id = d.job_id "
	    "JOIN customers c ON c.company_id = d.company_id "
	    "AND c.id = d.customer_id " PROPERTY_JOIN " "
	    "WHERE d.company_id = :company AND d.id = ? AND d.kind = ?" },
	[Q_LOCK] = { "document_lock", NULL,
	    "SELECT " DOC_COLS " FROM documents d "
	    "WHERE d.company_id = :company AND d.id = ? AND d.kind = ? "
	    "FOR UPDATE" },
	[Q_SET_STATUS] = { "document_set_status", NULL,
	    "UPDATE documents SET status = ?, version = version + 1, "
	    "updated_at = NOW() WHERE company_id = :company AND id = ?" },
	[Q_APPROVE] = { "document_approve", NULL,
	    "UPDATE documents SET status = 'approved', approved_name = ?, "
	    "approved_at = NOW(), version = version + 1, updated_at = NOW() "
	    "WHERE company_id = :company AND id = ?" },
	[Q_SET_PAID] = { "document_set_paid", NULL,
	    "UPDATE documents SET paid_cents = ?, status = ?, "
	    "version = version + 1, updated_at = NOW() "
	    "WHERE company_id = :company AND id = ?" },
	/* Newest number first, keyset-paged; the optional filters fold
	 * away when empty (MariaDB plans each execution with its values).
	 * 51 rows read backwards from the covering documents_board and
	 * nothing else: with documents_number, a look-up of each wide row
	 * and of each customer cost 0.31 ms instead of 0.13 ms. */
	[Q_LIST] = { "document_list", NULL,
	    "SELECT " ROW_COLS " FROM documents d "
	    "FORCE INDEX (documents_board) "
	    "WHERE d.company_id = :company AND d.kind = ? "
	    "AND d.status <> 'superseded' "
	    "AND (? = '' OR d.status = ? "
	    "OR (? = 'unpaid' AND d.status IN ('sent', 'partial')) "
	    "OR (? = 'overdue' AND d.status IN ('sent', 'partial') "
	    "AND d.due_on < ?)) "
	    "AND (? = 0 OR d.number < ? OR (d.number = ? AND d.revision < ?)) "
	    "AND (? = '' OR d.number = ? OR d.customer_name LIKE ? "
	    "OR d.title LIKE ?) "
	    "ORDER BY d.number DESC, d.revision DESC LIMIT 51" },
	[Q_DERIVED] = { "document_derived", NULL,
	    "SELECT " ROW_COLS " FROM documents d "
	    "WHERE d.company_id = :company AND d.source_id = ? "
	    "ORDER BY d.number LIMIT 100" },
	[Q_LINES_DELETE] = { "lines_delete", NULL,
	    "DELETE FROM document_lines "
	    "WHERE company_id = :company AND document_id = ?" },
	[Q_LINE_INSERT] = { "line_insert", NULL,
	    "INSERT INTO document_lines (company_id, document_id, position, "
	    "description, qty_milli, unit, unit_price_cents, taxable, "
	    "amount_cents, price_item_id) "
	    "VALUES (:company, ?, ?, ?, ?, ?, ?, ?, ?, ?)" },
	[Q_LINES_COPY] = { "lines_copy", NULL,
	    "INSERT INTO document_lines (company_id, document_id, position, "
	    "description, qty_milli, unit, unit_price_cents, taxable, "
	    "amount_cents, price_item_id) "
	    "SELECT company_id, ?, position, description, qty_milli, unit, "
	    "unit_price_cents, taxable, amount_cents, price_item_id "
	    "FROM document_lines WHERE company_id = :company "
	    "AND document_id = ? ORDER BY position" },
	[Q_LINES_GET] = { "lines_get", NULL,
	    "SELECT description, qty_milli, unit, unit_price_cents, taxable, "
	    "amount_cents, COALESCE(price_item_id, 0) FROM document_lines "
	    "WHERE company_id = :company AND document_id = ? "
	    "ORDER BY position, id" },
	[Q_PAYMENT_INSERT] = { "payment_insert", NULL,
	    "INSERT INTO payments (company_id, document_id, method, "
	    "amount_cents, received_on, reference, reason, created_by) "
	    "VALUES (:company, ?, ?, ?, ?, ?, ?, ?)" },
	[Q_PAYMENT_LIST] = { "payment_list", NULL,
	    "SELECT p.id, p.document_id, p.method, p.amount_cents, "
	    "p.received_on, p.reference, p.reason, COALESCE(u.name, ''), "
	    "p.created_at FROM payments p LEFT JOIN users u "
	    "ON u.company_id = p.company_id AND u.id = p.created_by "
	    "WHERE p.company_id = :company AND p.document_id = ? "
	    "ORDER BY p.received_on DESC, p.id DESC LIMIT 500" },
	/* The customer's latest "please change it" on one version; job_id
	 * keeps it to the job's range of job_events_job. */
	[Q_REVISION_REQUEST] = { "doc_revision_request", NULL,
	    "SELECT e.body, e.created_at, COALESCE(p.name, '') "
	    "FROM job_events e LEFT JOIN portal_people p "
	    "ON p.company_id = e.company_id AND p.id = e.person_id "
	    "WHERE e.company_id = :company AND e.job_id = ? "
	    "AND e.document_id = ? AND e.kind = 'revision' "
	    "ORDER BY e.id DESC LIMIT 1" },
	{ NULL, NULL, NULL, NULL, 0, 0 }
};

/* ------------------------------------------------------------ company */

int
db_doc_defaults_get(struct req *r, struct doc_defaults *dd)
{
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_documents_sql[Q_DEFAULTS_GET], NULL, 0,
	    &res)) != DB_OK)
		return rc;
	dd->currency = db_str(&res.rows[0], 0);
	dd->tax_rate_bp = db_int(&res.rows[0], 1);
	dd->terms = db_str(&res.rows[0], 2);
	dd->timezone = db_str(&res.rows[0], 3);
	dd->version = db_int(&res.rows[0], 4);
	return DB_OK;
}

/* DB_STALE when the company row moved past dd->version. */
int
db_doc_defaults_update(struct req *r, const struct doc_defaults *dd)
{
	struct dbv	 v[] = { DV_STR(dd->currency), DV_INT(dd->tax_rate_bp),
	    DV_STR(dd->terms), DV_INT(dd->version) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_documents_sql[Q_DEFAULTS_UPDATE], v, 4,
	    &res)) != DB_OK)
		return rc;
	return res.affected == 1 ? DB_OK : DB_STALE;
}

/* ---------------------------------------------------------------- jobs */

static void
job_row(const struct db_row *row, size_t at, struct doc_job *j)
{
	j->id = db_int(row, at);
	j->number = db_int(row, at + 1);
	j->title = db_str(row, at + 2);
	j->status = job_status_parse(db_str(row, at + 3));
	j->customer_id = db_int(row, at + 4);
	j->customer_name = db_str(row, at + 5);
	j->customer_email = db_str(row, at + 6);
	j->customer_phone = db_str(row, at + 7);
	j->street = db_str(row, at + 8);
	j->city = db_str(row, at + 9);
	j->region = db_str(row, at + 10);
	j->postal_code = db_str(row, at + 11);
}

int
db_doc_job_get(struct req *r, int64_t id, struct doc_job *j)
{
	struct dbv	 v[] = { DV_INT(id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_documents_sql[Q_JOB_GET], v, 1, &res)) == DB_OK)
		job_row(&res.rows[0], 0, j);
	return rc;
}

/* The jobs a new document may belong to, newest first, as select choices. */
int
db_doc_job_choices(struct req *r, struct choice **out, size_t *n)
{
	struct db_res	 res;
	struct db_row	*row;
	size_t		 i;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_run(r, &db_documents_sql[Q_JOB_CHOICES], NULL, 0,
	    &res)) != DB_OK)
		return rc == DB_NONE ? DB_OK : rc;
	*out = arena_alloc(r->arena, res.nrows * sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		row = &res.rows[i];
		(*out)[i].value = db_str(row, 0);
		(*out)[i].label = arena_printf(r->arena, "#%s %s — %s",
		    db_str(row, 1), db_str(row, 2), db_str(row, 3));
	}
	*n = res.nrows;
	return DB_OK;
}

/* ----------------------------------------------------------- documents */

static struct dbv
date_or_null(const char *s)
{
	return s != NULL && *s ? DV_STR(s) : DV_NULL;
}

/* A new draft (d->number already taken); *id is its id. */
int
db_document_insert(struct req *r, const struct document *d, int64_t *id)
{
	bool		 est = d->kind == DOC_ESTIMATE;
	struct dbv	 v[] = { DV_STR(doc_kind_name(d->kind)),
	    DV_INT(d->number), d->source_id ? DV_INT(d->source_id) : DV_NULL,
	    DV_INT(d->job_id), DV_STR(d->title),
	    DV_STR(d->issued_on), est ? date_or_null(d->until) : DV_NULL,
	    est ? DV_NULL : date_or_null(d->until), DV_INT(d->t.tax_rate_bp),
	    DV_INT(d->t.discount_is_percent), DV_INT(d->t.discount_value),
	    DV_INT(d->t.deposit_is_percent), DV_INT(d->t.deposit_value),
	    DV_STR(d->terms), DV_STR(d->notes), DV_INT(d->t.subtotal_cents),
	    DV_INT(d->t.discount_cents), DV_INT(d->t.tax_cents),
	    DV_INT(d->t.total_cents), DV_INT(d->t.deposit_cents),
	    DV_INT(r->sess.user_id), DV_INT(d->customer_id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_documents_sql[Q_INSERT], v,
	    sizeof(v) / sizeof(v[0]), &res)) != DB_OK)
		return rc;
	if (res.affected != 1)
		return DB_NONE;
	*id = res.insert_id;
	return DB_OK;
}

/*
 * Save a draft's fields and totals if it is still a draft at d->version;
 * DB_STALE otherwise (the caller reads it again to say which).
 */
int
db_document_update(struct req *r, const struct document *d)
{
	bool		 est = d->kind == DOC_ESTIMATE;
	struct dbv	 v[] = { DV_STR(d->title), DV_STR(d->issued_on),
	    est ? date_or_null(d->until) : DV_NULL,
	    est ? DV_NULL : date_or_null(d->until), DV_INT(d->t.tax_rate_bp),
	    DV_INT(d->t.discount_is_percent), DV_INT(d->t.discount_value),
	    DV_INT(d->t.deposit_is_percent), DV_INT(d->t.deposit_value),
	    DV_STR(d->terms), DV_STR(d->notes), DV_INT(d->t.subtotal_cents),
	    DV_INT(d->t.discount_cents), DV_INT(d->t.tax_cents),
	    DV_INT(d->t.total_cents), DV_INT(d->t.deposit_cents),
	    DV_INT(d->id), DV_INT(d->version) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_documents_sql[Q_UPDATE], v,
	    sizeof(v) / sizeof(v[0]), &res)) != DB_OK)
		return rc;
	return res.affected == 1 ? DB_OK : DB_STALE;
}

static void
doc_row(const struct db_row *row, struct document *d)
{
	memset(d, 0, sizeof(*d));
	d->id = db_int(row, 0);
	d->kind = strcmp(db_str(row, 1), "invoice") == 0 ? DOC_INVOICE :
	    DOC_ESTIMATE;
	d->number = db_int(row, 2);
	d->revision = db_int(row, 3);
	d->parent_id = db_int(row, 4);
	d->source_id = db_int(row, 5);
	d->job_id = db_int(row, 6);
	d->customer_id = db_int(row, 7);
	d->status = doc_status_parse(db_str(row, 8));
	d->title = db_str(row, 9);
	d->issued_on = db_str(row, 10);
	d->until = db_str(row, d->kind == DOC_ESTIMATE ? 11 : 12);
	d->t.tax_rate_bp = db_int(row, 13);
	d->t.discount_is_percent = db_int(row, 14) != 0;
	d->t.discount_value = db_int(row, 15);
	d->t.deposit_is_percent = db_int(row, 16) != 0;
	d->t.deposit_value = db_int(row, 17);
	d->terms = db_str(row, 18);
	d->notes = db_str(row, 19);
	d->t.subtotal_cents = db_int(row, 20);
	d->t.discount_cents = db_int(row, 21);
	d->t.tax_cents = db_int(row, 22);
	d->t.total_cents = db_int(row, 23);
	d->t.deposit_cents = db_int(row, 24);
	d->paid_cents = db_int(row, 25);
	d->approved_name = db_str(row, 26);
	d->approved_at = db_str(row, 27);
	d->version = db_int(row, 28);
	d->updated_at = db_str(row, 29);
}

/* Document id of kind with its job, customer and lines; DB_NONE elsewhere. */
int
db_document_get(struct req *r, enum doc_kind kind, int64_t id,
    struct document *d)
{
	struct dbv	 v[] = { DV_INT(id), DV_STR(doc_kind_name(kind)) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_documents_sql[Q_GET], v, 2, &res)) != DB_OK)
		return rc;
	doc_row(&res.rows[0], d);
	job_row(&res.rows[0], DOC_NCOLS, &d->job);
	return db_lines_get(r, d->id, &d->lines, &d->nlines);
}

/* The document row alone, locked until the transaction ends. */
int
db_document_lock(struct req *r, enum doc_kind kind, int64_t id,
    struct document *d)
{
	struct dbv	 v[] = { DV_INT(id), DV_STR(doc_kind_name(kind)) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_documents_sql[Q_LOCK], v, 2, &res)) == DB_OK)
		doc_row(&res.rows[0], d);
	return rc;
}

int
db_document_set_status(struct req *r, int64_t id, enum doc_status s)
{
	struct dbv	 v[] = { DV_STR(doc_status_name(s)), DV_INT(id) };

	return db_run(r, &db_documents_sql[Q_SET_STATUS], v, 2, NULL);
}

int
db_document_approve(struct req *r, int64_t id, const char *name)
{
	struct dbv	 v[] = { DV_STR(name), DV_INT(id) };

	return db_run(r, &db_documents_sql[Q_APPROVE], v, 2, NULL);
}

int
db_document_set_paid(struct req *r, int64_t id, int64_t paid,
    enum doc_status s)
{
	struct dbv	 v[] = { DV_INT(paid), DV_STR(doc_status_name(s)),
	    DV_INT(id) };

	return db_run(r, &db_documents_sql[Q_SET_PAID], v, 3, NULL);
}

static int
rows_of(struct req *r, struct db_res *res, struct doc_row **out, size_t *n)
{
	struct db_row	*row;
	struct doc_row	*d;
	size_t		 i;

	*out = arena_zalloc(r->arena, (res->nrows + 1) * sizeof(**out));
	for (i = 0; i < res->nrows; i++) {
		row = &res->rows[i];
		d = &(*out)[i];
		d->id = db_int(row, 0);
		d->number = db_int(row, 1);
		d->revision = db_int(row, 2);
		d->status = doc_status_parse(db_str(row, 3));
		d->title = db_str(row, 4);
		d->until = db_str(row, 5);
		d->total_cents = db_int(row, 6);
		d->paid_cents = db_int(row, 7);
		d->customer_name = db_str(row, 8);
	}
	*n = res->nrows;
	return DB_OK;
}

/* "%q%" for LIKE, with the wildcards of q taken literally. */
static char *
like_of(struct arena *a, const char *q)
{
	struct buf	 b;

	buf_init(&b, a);
	buf_putc(&b, '%');
	for (; *q; q++) {
		if (*q == '%' || *q == '_' || *q == '\\')
			buf_putc(&b, '\\');
		buf_putc(&b, *q);
	}
	buf_putc(&b, '%');
	return b.data;
}

/* One page (up to 51 rows: the 51st says there is a next page). */
int
db_document_list(struct req *r, const struct doc_filter *f,
    struct doc_row **out, size_t *n)
{
	const char	*q = f->q ? f->q : "";
	char		*end;
	long long	 num = strtoll(q, &end, 10);
	struct dbv	 v[] = { DV_STR(doc_kind_name(f->kind)),
	    DV_STR(f->status), DV_STR(f->status), DV_STR(f->status),
	    DV_STR(f->status), DV_STR(f->today), DV_INT(f->before),
	    DV_INT(f->before), DV_INT(f->before), DV_INT(f->before_rev),
	    DV_STR(q), DV_INT(*q && *end == '\0' ? num : -1),
	    DV_STR(like_of(r->arena, q)), DV_STR(like_of(r->arena, q)) };
	struct db_res	 res;
	int		 rc;

	*out = NULL;
	*n = 0;
	if (*q == '#')
		v[11] = DV_INT(strtoll(q + 1, NULL, 10));
	if ((rc = db_run(r, &db_documents_sql[Q_LIST], v,
	    sizeof(v) / sizeof(v[0]), &res)) != DB_OK)
		return rc == DB_NONE ? DB_OK : rc;
	return rows_of(r, &res, out, n);
}

/* The documents made from document id (invoices of an estimate). */
int
db_document_derived(struct req *r, int64_t id, struct doc_row **out,
    size_t *n)
{
	struct dbv	 v[] = { DV_INT(id) };
	struct db_res	 res;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_run(r, &db_documents_sql[Q_DERIVED], v, 1, &res)) != DB_OK)
		return rc == DB_NONE ? DB_OK : rc;
	return rows_of(r, &res, out, n);
}

/*
 * The latest revision request on version id of job job_id: its text, when
 * (UTC DATETIME) and the person's name ("" if gone).  DB_NONE when none.
 */
int
db_doc_revision_request(struct req *r, int64_t job_id, int64_t id,
    const char **body, const char **at, const char **who)
{
	struct dbv	 v[] = { DV_INT(job_id), DV_INT(id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_documents_sql[Q_REVISION_REQUEST], v, 2,
	    &res)) != DB_OK)
		return rc;
	*body = db_str(&res.rows[0], 0);
	*at = db_str(&res.rows[0], 1);
	*who = db_str(&res.rows[0], 2);
	return DB_OK;
}

/* --------------------------------------------------------------- lines */

/* The lines of document id become lines[0..n), in that order. */
int
db_lines_replace(struct req *r, int64_t id, const struct doc_line *lines,
    size_t n)
{
	struct dbv	 v[9];
	size_t		 i;
	int		 rc;

	v[0] = DV_INT(id);
	if ((rc = db_run(r, &db_documents_sql[Q_LINES_DELETE], v, 1,
	    NULL)) != DB_OK)
		return rc;
	for (i = 0; i < n; i++) {
		v[1] = DV_INT((int64_t)i + 1);
		v[2] = DV_STR(lines[i].desc);
		v[3] = DV_INT(lines[i].qty_milli);
		v[4] = DV_STR(lines[i].unit);
		v[5] = DV_INT(lines[i].unit_cents);
		v[6] = DV_INT(lines[i].taxable);
		v[7] = DV_INT(lines[i].amount_cents);
		v[8] = lines[i].price_item_id ? DV_INT(lines[i].price_item_id) :
		    DV_NULL;
		if ((rc = db_run(r, &db_documents_sql[Q_LINE_INSERT], v, 9,
		    NULL)) != DB_OK)
			return rc;
	}
	return DB_OK;
}

/* Copy the lines of document from to document to. */
int
db_lines_copy(struct req *r, int64_t to, int64_t from)
{
	struct dbv	 v[] = { DV_INT(to), DV_INT(from) };

	return db_run(r, &db_documents_sql[Q_LINES_COPY], v, 2, NULL);
}

int
db_lines_get(struct req *r, int64_t id, struct doc_line **out, size_t *n)
{
	struct dbv	 v[] = { DV_INT(id) };
	struct db_res	 res;
	struct db_row	*row;
	size_t		 i;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_run(r, &db_documents_sql[Q_LINES_GET], v, 1, &res)) != DB_OK)
		return rc == DB_NONE ? DB_OK : rc;
	*out = arena_zalloc(r->arena, res.nrows * sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		row = &res.rows[i];
		(*out)[i].desc = db_str(row, 0);
		(*out)[i].qty_milli = db_int(row, 1);
		(*out)[i].unit = db_str(row, 2);
		(*out)[i].unit_cents = db_int(row, 3);
		(*out)[i].taxable = db_int(row, 4) != 0;
		(*out)[i].amount_cents = db_int(row, 5);
		(*out)[i].price_item_id = db_int(row, 6);
	}
	*n = res.nrows;
	return DB_OK;
}

/* ------------------------------------------------------------ payments */

int
db_payment_insert(struct req *r, const struct payment *p)
{
	struct dbv	 v[] = { DV_INT(p->document_id), DV_STR(p->method),
	    DV_INT(p->amount_cents), DV_STR(p->received_on),
	    DV_STR(p->reference), DV_STR(p->reason), DV_INT(r->sess.user_id) };

	return db_run(r, &db_documents_sql[Q_PAYMENT_INSERT], v, 7, NULL);
}

/* The payments of document id, latest first. */
int
db_payment_list(struct req *r, int64_t id, struct payment **out, size_t *n)
{
	struct dbv	 v[] = { DV_INT(id) };
	struct db_res	 res;
	struct db_row	*row;
	size_t		 i;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_run(r, &db_documents_sql[Q_PAYMENT_LIST], v, 1,
	    &res)) != DB_OK)
		return rc == DB_NONE ? DB_OK : rc;
	*out = arena_zalloc(r->arena, res.nrows * sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		row = &res.rows[i];
		(*out)[i].id = db_int(row, 0);
		(*out)[i].document_id = db_int(row, 1);
		(*out)[i].method = db_str(row, 2);
		(*out)[i].amount_cents = db_int(row, 3);
		(*out)[i].received_on = db_str(row, 4);
		(*out)[i].reference = db_str(row, 5);
		(*out)[i].reason = db_str(row, 6);
		(*out)[i].created_by = db_str(row, 7);
		(*out)[i].created_at = db_str(row, 8);
	}
	*n = res.nrows;
	return DB_OK;
}
