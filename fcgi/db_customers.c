/*
 * Customers, their properties (service addresses) and contacts, and what a
 * customer page reads from jobs and documents: the customer's jobs, its
 * documents and the balance due on its invoices.
 *
 * Lists are paged by keys (name, id) or (created_at, id), never OFFSET, so
 * a page costs the same at any depth.  The "first" property of a customer
 * is the one with the lowest id.  Properties and contacts are written with
 * INSERT ... SELECT from the customer row, so a child can only ever hang
 * off a customer of the same company.
 */
#include <string.h>

#include "app.h"

enum {
	Q_GET, Q_CURSOR, Q_LIST_NAME, Q_LIST_RECENT, Q_FULL_NAME, Q_FULL_RECENT,
	Q_INSERT, Q_UPDATE, Q_DOCS_NAME, Q_LOCK, Q_USAGE, Q_DELETE_CONTACTS,
	Q_DELETE_PROPERTIES, Q_DELETE, Q_BALANCE, Q_JOBS, Q_DOCUMENTS,
	Q_JOB_DOCUMENTS,
	Q_PROPERTY_GET, Q_PROPERTY_LOCK, Q_PROPERTY_LIST, Q_PROPERTY_INSERT,
	Q_PROPERTY_UPDATE, Q_PROPERTY_DELETE, Q_CONTACT_GET, Q_CONTACT_LIST,
	Q_CONTACT_INSERT, Q_CONTACT_DELETE
};

#define CUSTOMER_COLS	"c.id, c.kind, c.name, c.email, c.phone, c.notes, " \
			"c.tags, c.version, c.created_at"
/* Lists leave the notes out: they can be long. */
#define CUSTOMER_BRIEF	"c.id, c.kind, c.name, c.email, c.phone, '', " \
			"c.tags, c.version, c.created_at"
#define FIRST_COLS	"COALESCE(p.id, 0), COALESCE(p.street, ''), " \
			"COALESCE(p.city, ''), COALESCE(p.region, ''), " \
			"COALESCE(p.postal_code, '')"
#define FIRST_JOIN	" LEFT JOIN properties p ON p.company_id = :company " \
			"AND p.id = (SELECT MIN(f.id) FROM properties f " \
			"WHERE f.company_id = :company AND f.customer_id = c.id)"
/*
 * Filters that are off when their parameter is '': kind, kind, tag, tag,
 * q, then the LIKE pattern five times.
 */
#define FILTERS		" WHERE c.company_id = :company " \
			"AND (? = '' OR c.kind = ?) " \
			"AND (? = '' OR FIND_IN_SET(?, c.tags) > 0) " \
			"AND (? = '' OR c.name LIKE ? OR c.email LIKE ? " \
			"OR c.phone LIKE ? OR EXISTS (SELECT 1 FROM " \
			"properties s WHERE s.company_id = :company AND " \
			"s.customer_id = c.id AND (s.street LIKE ? OR " \
			"s.city LIKE ?))) "
/*
 * After the key of the last row seen: has-cursor, key, key, id; then the
 * limit.  Written as "key >= k AND (key > k OR id > i)", one range of the
 * index that a LIMIT stops early in.
 */
#define BY_NAME		"AND (? = 0 OR (c.name >= ? AND (c.name > ? OR " \
			"c.id > ?))) ORDER BY c.name, c.id LIMIT ?"
#define BY_RECENT	"AND (? = 0 OR (c.created_at <= ? AND (c.created_at " \
			"< ? OR c.id < ?))) ORDER BY c.created_at DESC, " \
			"c.id DESC LIMIT ?"
/*
 * The index of the sort, always: with the filters' "? = ''" terms MariaDB
 * otherwise reads the company's rows from the first one to the cursor
 * (200,000 customers: 0.5 ms a page forced, 100+ ms not).
 */
#define BY_NAME_INDEX	" FROM customers c FORCE INDEX (customers_name)"
#define BY_RECENT_INDEX	" FROM customers c FORCE INDEX (customers_created)"
#define PROPERTY_COLS	"p.id, p.customer_id, p.label, p.street, p.city, " \
			"p.region, p.postal_code, p.notes, p.version, " \
			"(SELECT COUNT(*) FROM jobs j WHERE j.company_id = " \
			":company AND j.property_id = p.id)"
#define CONTACT_COLS	"id, customer_id, name, email, phone, role"

struct db_stmt db_customers_sql[] = {
	[Q_GET] = { "customer_get", NULL,
	    "SELECT " CUSTOMER_COLS " FROM customers c "
	    "WHERE c.company_id = :company AND c.id = ?" },
	[Q_CURSOR] = { "customer_cursor", NULL,
	    "SELECT name, created_at FROM customers "
	    "WHERE company_id = :company AND id = ?" },
	[Q_LIST_NAME] = { "customer_list_name", NULL,
	    "SELECT " CUSTOMER_BRIEF ", " FIRST_COLS BY_NAME_INDEX
	    FIRST_JOIN FILTERS BY_NAME },
	[Q_LIST_RECENT] = { "customer_list_recent", NULL,
	    "SELECT " CUSTOMER_BRIEF ", " FIRST_COLS BY_RECENT_INDEX
	    FIRST_JOIN FILTERS BY_RECENT },
	[Q_FULL_NAME] = { "customer_full_name", NULL,
	    "SELECT " CUSTOMER_COLS ", " FIRST_COLS BY_NAME_INDEX
	    FIRST_JOIN FILTERS BY_NAME },
	[Q_FULL_RECENT] = { "customer_full_recent", NULL,
	    "SELECT " CUSTOMER_COLS ", " FIRST_COLS BY_RECENT_INDEX
	    FIRST_JOIN FILTERS BY_RECENT },
	[Q_INSERT] = { "customer_insert", NULL,
	    "INSERT INTO customers (company_id, kind, name, email, phone, "
	    "notes, tags) VALUES (:company, ?, ?, ?, ?, ?, ?)" },
	[Q_UPDATE] = { "customer_update", NULL,
	    "UPDATE customers SET kind = ?, name = ?, email = ?, phone = ?, "
	    "notes = ?, tags = ?, version = version + 1, updated_at = NOW() "
	    "WHERE company_id = :company AND id = ? AND version = ?" },
	/* The copy the estimate and invoice lists show (db_documents.c),
	 * in the renaming transaction. */
	[Q_DOCS_NAME] = { "customer_docs_name", NULL,
	    "UPDATE documents SET customer_name = ? "
	    "WHERE company_id = :company AND customer_id = ? "
	    "AND customer_name <> ?" },
	[Q_LOCK] = { "customer_lock", NULL,
	    "SELECT id FROM customers WHERE company_id = :company AND id = ? "
	    "FOR UPDATE" },
	[Q_USAGE] = { "customer_usage", NULL,
	    "SELECT (SELECT COUNT(*) FROM jobs j WHERE j.company_id = :company "
	    "AND (j.customer_id = ? OR j.property_id IN (SELECT p.id FROM "
	    "properties p WHERE p.company_id = :company AND p.customer_id = ?))), "
	    "(SELECT COUNT(*) FROM documents d WHERE d.company_id = :company "
	    "AND d.customer_id = ?)" },
	[Q_DELETE_CONTACTS] = { "customer_delete_contacts", NULL,
	    "DELETE FROM contacts WHERE company_id = :company AND customer_id = ?" },
	[Q_DELETE_PROPERTIES] = { "customer_delete_properties", NULL,
	    "DELETE FROM properties WHERE company_id = :company "
	    "AND customer_id = ?" },
	[Q_DELETE] = { "customer_delete", NULL,
	    "DELETE FROM customers WHERE company_id = :company AND id = ?" },
	[Q_BALANCE] = { "customer_balance", NULL,
	    "SELECT COALESCE(SUM(total_cents - paid_cents), 0), "
	    "(SELECT currency FROM companies WHERE id = :company) "
	    "FROM documents WHERE company_id = :company AND customer_id = ? "
	    "AND kind = 'invoice' AND status NOT IN ('draft', 'void')" },
	[Q_JOBS] = { "customer_jobs", NULL,
	    "SELECT id, number, title, status FROM jobs "
	    "WHERE company_id = :company AND customer_id = ? "
	    "ORDER BY created_at DESC, id DESC LIMIT 100" },
	[Q_DOCUMENTS] = { "customer_documents", NULL,
	    "SELECT id, kind, number, revision, title, status, total_cents, "
	    "paid_cents FROM documents WHERE company_id = :company "
	    "AND customer_id = ? AND status <> 'superseded' "
	    "ORDER BY created_at DESC, id DESC LIMIT 100" },
	[Q_JOB_DOCUMENTS] = { "job_documents", NULL,
	    "SELECT id, kind, number, revision, title, status, total_cents, "
	    "paid_cents FROM documents WHERE company_id = :company "
	    "AND job_id = ? AND status <> 'superseded' "
	    "ORDER BY kind, number, revision LIMIT 100" },
	[Q_PROPERTY_GET] = { "property_get", NULL,
	    "SELECT " PROPERTY_COLS " FROM properties p "
	    "WHERE p.company_id = :company AND p.id = ?" },
	[Q_PROPERTY_LOCK] = { "property_lock", NULL,
	    "SELECT " PROPERTY_COLS " FROM properties p "
	    "WHERE p.company_id = :company AND p.id = ? FOR UPDATE" },
	[Q_PROPERTY_LIST] = { "property_list", NULL,
	    "SELECT " PROPERTY_COLS " FROM properties p "
	    "WHERE p.company_id = :company AND p.customer_id = ? "
	    "ORDER BY p.id LIMIT 200" },
	[Q_PROPERTY_INSERT] = { "property_insert", NULL,
	    "INSERT INTO properties (company_id, customer_id, label, street, "
	    "city, region, postal_code, notes) SELECT :company, id, ?, ?, ?, "
	    "?, ?, ? FROM customers WHERE company_id = :company AND id = ?" },
	[Q_PROPERTY_UPDATE] = { "property_update", NULL,
	    "UPDATE properties SET label = ?, street = ?, city = ?, region = ?, "
	    "postal_code = ?, notes = ?, version = version + 1 "
	    "WHERE company_id = :company AND id = ? AND version = ?" },
	[Q_PROPERTY_DELETE] = { "property_delete", NULL,
	    "DELETE FROM properties WHERE company_id = :company AND id = ?" },
	[Q_CONTACT_GET] = { "contact_get", NULL,
	    "SELECT " CONTACT_COLS " FROM contacts "
	    "WHERE company_id = :company AND id = ?" },
	[Q_CONTACT_LIST] = { "contact_list", NULL,
	    "SELECT " CONTACT_COLS " FROM contacts "
	    "WHERE company_id = :company AND customer_id = ? "
	    "ORDER BY name, id LIMIT 200" },
	[Q_CONTACT_INSERT] = { "contact_insert", NULL,
	    "INSERT INTO contacts (company_id, customer_id, name, email, phone, "
	    "role) SELECT :company, id, ?, ?, ?, ? FROM customers "
	    "WHERE company_id = :company AND id = ?" },
	[Q_CONTACT_DELETE] = { "contact_delete", NULL,
	    "DELETE FROM contacts WHERE company_id = :company AND id = ?" },
	{ NULL, NULL, NULL, NULL, 0, 0 }
};

static void
customer_row(const struct db_row *row, struct customer *c)
{
	memset(c, 0, sizeof(*c));
	c->id = db_int(row, 0);
	c->kind = db_str(row, 1);
	c->name = db_str(row, 2);
	c->email = db_str(row, 3);
	c->phone = db_str(row, 4);
	c->notes = db_str(row, 5);
	c->tags = db_str(row, 6);
	c->version = db_int(row, 7);
	c->created_at = db_str(row, 8);
	c->first.label = c->first.street = c->first.city = c->first.region =
	    c->first.postal_code = c->first.notes = "";
}

static void
property_row(const struct db_row *row, struct property *p)
{
	p->id = db_int(row, 0);
	p->customer_id = db_int(row, 1);
	p->label = db_str(row, 2);
	p->street = db_str(row, 3);
	p->city = db_str(row, 4);
	p->region = db_str(row, 5);
	p->postal_code = db_str(row, 6);
	p->notes = db_str(row, 7);
	p->version = db_int(row, 8);
	p->jobs = db_int(row, 9);
}

static void
contact_row(const struct db_row *row, struct contact *c)
{
	c->id = db_int(row, 0);
	c->customer_id = db_int(row, 1);
	c->name = db_str(row, 2);
	c->email = db_str(row, 3);
	c->phone = db_str(row, 4);
	c->role = db_str(row, 5);
}

int
db_customer_get(struct req *r, int64_t id, struct customer *c)
{
	struct dbv	 v[] = { DV_INT(id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_customers_sql[Q_GET], v, 1, &res)) == DB_OK)
		customer_row(&res.rows[0], c);
	return rc;
}

/* s as a LIKE pattern that matches it anywhere, its wildcards escaped. */
static const char *
like_anywhere(struct arena *a, const char *s)
{
	struct buf	 b;

	buf_init(&b, a);
	buf_putc(&b, '%');
	for (; *s; s++) {
		if (*s == '%' || *s == '_' || *s == '\\')
			buf_putc(&b, '\\');
		buf_putc(&b, *s);
	}
	buf_putc(&b, '%');
	return b.data;
}

/*
 * One page of the company's customers matching f: *n of them, at most
 * f->limit.  DB_NONE when f->after is not a customer of the company.
 */
int
db_customer_list(struct req *r, const struct customer_filter *f,
    struct customer **out, size_t *n)
{
	struct dbv	 v[15];
	struct db_res	 res;
	const char	*pat = like_anywhere(r->arena, f->q), *key = "";
	size_t		 i;
	int		 rc, q;

	*out = NULL;
	*n = 0;
	if (f->after > 0) {
		v[0] = DV_INT(f->after);
		if ((rc = db_run(r, &db_customers_sql[Q_CURSOR], v, 1,
		    &res)) != DB_OK)
			return rc;
		key = db_str(&res.rows[0], f->recent ? 1 : 0);
	}
	v[0] = DV_STR(f->kind);
	v[1] = DV_STR(f->kind);
	v[2] = DV_STR(f->tag);
	v[3] = DV_STR(f->tag);
	v[4] = DV_STR(f->q);
	for (i = 5; i < 10; i++)
		v[i] = DV_STR(pat);
	v[10] = DV_INT(f->after > 0);
	v[11] = DV_STR(key);
	v[12] = DV_STR(key);
	v[13] = DV_INT(f->after);
	v[14] = DV_INT(f->limit);
	q = f->full ? (f->recent ? Q_FULL_RECENT : Q_FULL_NAME) :
	    (f->recent ? Q_LIST_RECENT : Q_LIST_NAME);
	if ((rc = db_run(r, &db_customers_sql[q], v, 15, &res)) != DB_OK)
		return rc == DB_NONE ? DB_OK : rc;
	*out = arena_alloc(r->arena, res.nrows * sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		customer_row(&res.rows[i], &(*out)[i]);
		(*out)[i].first.id = db_int(&res.rows[i], 9);
		(*out)[i].first.street = db_str(&res.rows[i], 10);
		(*out)[i].first.city = db_str(&res.rows[i], 11);
		(*out)[i].first.region = db_str(&res.rows[i], 12);
		(*out)[i].first.postal_code = db_str(&res.rows[i], 13);
	}
	*n = res.nrows;
	return DB_OK;
}

int
db_customer_insert(struct req *r, const struct customer *c, int64_t *id)
{
	struct dbv	 v[] = { DV_STR(c->kind), DV_STR(c->name),
	    DV_STR(c->email), DV_STR(c->phone), DV_STR(c->notes),
	    DV_STR(c->tags) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_customers_sql[Q_INSERT], v, 6, &res)) == DB_OK)
		*id = res.insert_id;
	return rc;
}

/*
 * Update c if it is still at c->version: DB_STALE if not, DB_NONE if gone.
 * Inside the caller's transaction: the documents' copy of the name moves
 * with it.
 */
int
db_customer_update(struct req *r, const struct customer *c)
{
	struct dbv	 v[] = { DV_STR(c->kind), DV_STR(c->name),
	    DV_STR(c->email), DV_STR(c->phone), DV_STR(c->notes),
	    DV_STR(c->tags), DV_INT(c->id), DV_INT(c->version) };
	struct dbv	 docs[] = { DV_STR(c->name), DV_INT(c->id),
	    DV_STR(c->name) };
	struct customer	 cur;
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_customers_sql[Q_UPDATE], v, 8, &res)) != DB_OK)
		return rc;
	if (res.affected == 1)
		return db_run(r, &db_customers_sql[Q_DOCS_NAME], docs, 3, NULL);
	rc = db_customer_get(r, c->id, &cur);
	return rc == DB_OK ? DB_STALE : rc;
}

/* Lock the customer's row for the transaction; DB_NONE if not ours. */
int
db_customer_lock(struct req *r, int64_t id)
{
	struct dbv	 v[] = { DV_INT(id) };

	return db_run(r, &db_customers_sql[Q_LOCK], v, 1, NULL);
}

/* How many jobs (by customer or at its properties) and documents it has. */
int
db_customer_usage(struct req *r, int64_t id, int64_t *jobs, int64_t *docs)
{
	struct dbv	 v[] = { DV_INT(id), DV_INT(id), DV_INT(id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_customers_sql[Q_USAGE], v, 3, &res)) != DB_OK)
		return rc;
	*jobs = db_int(&res.rows[0], 0);
	*docs = db_int(&res.rows[0], 1);
	return DB_OK;
}

/* Delete the customer with its contacts and properties (in a transaction). */
int
db_customer_delete(struct req *r, int64_t id)
{
	struct dbv	 v[] = { DV_INT(id) };
	int		 rc;

	if ((rc = db_run(r, &db_customers_sql[Q_DELETE_CONTACTS], v, 1,
	    NULL)) != DB_OK ||
	    (rc = db_run(r, &db_customers_sql[Q_DELETE_PROPERTIES], v, 1,
	    NULL)) != DB_OK)
		return rc;
	return db_run(r, &db_customers_sql[Q_DELETE], v, 1, NULL);
}

/*
 * The balance due: what is left to pay on the customer's invoices that
 * were issued (not drafts, not void), and the company's currency.
 */
int
db_customer_balance(struct req *r, int64_t id, int64_t *cents,
    const char **currency)
{
	struct dbv	 v[] = { DV_INT(id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_customers_sql[Q_BALANCE], v, 1, &res)) != DB_OK)
		return rc;
	*cents = db_int(&res.rows[0], 0);
	*currency = db_str(&res.rows[0], 1);
	return DB_OK;
}

/* The customer's latest jobs (at most 100), newest first. */
int
db_customer_jobs(struct req *r, int64_t id, struct customer_job **out,
    size_t *n)
{
	struct dbv	 v[] = { DV_INT(id) };
	struct db_res	 res;
	size_t		 i;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_run(r, &db_customers_sql[Q_JOBS], v, 1, &res)) != DB_OK)
		return rc == DB_NONE ? DB_OK : rc;
	*out = arena_alloc(r->arena, res.nrows * sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		(*out)[i].id = db_int(&res.rows[i], 0);
		(*out)[i].number = db_int(&res.rows[i], 1);
		(*out)[i].title = db_str(&res.rows[i], 2);
		(*out)[i].status = db_str(&res.rows[i], 3);
	}
	*n = res.nrows;
	return DB_OK;
}

static int
documents_of(struct req *r, int q, int64_t id, struct customer_doc **out,
    size_t *n)
{
	struct dbv	 v[] = { DV_INT(id) };
	struct db_res	 res;
	size_t		 i;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_run(r, &db_customers_sql[q], v, 1, &res)) != DB_OK)
		return rc == DB_NONE ? DB_OK : rc;
	*out = arena_alloc(r->arena, res.nrows * sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		(*out)[i].id = db_int(&res.rows[i], 0);
		(*out)[i].kind = db_str(&res.rows[i], 1);
		(*out)[i].number = db_int(&res.rows[i], 2);
		(*out)[i].revision = db_int(&res.rows[i], 3);
		(*out)[i].title = db_str(&res.rows[i], 4);
		(*out)[i].status = db_str(&res.rows[i], 5);
		(*out)[i].total_cents = db_int(&res.rows[i], 6);
		(*out)[i].paid_cents = db_int(&res.rows[i], 7);
	}
	*n = res.nrows;
	return DB_OK;
}

/* The customer's current estimates and invoices (at most 100), newest first. */
int
db_customer_documents(struct req *r, int64_t id, struct customer_doc **out,
    size_t *n)
{
	return documents_of(r, Q_DOCUMENTS, id, out, n);
}

/* The job's current estimates and invoices (at most 100), by kind and number. */
int
db_job_documents(struct req *r, int64_t job_id, struct customer_doc **out,
    size_t *n)
{
	return documents_of(r, Q_JOB_DOCUMENTS, job_id, out, n);
}

int
db_property_get(struct req *r, int64_t id, struct property *p)
{
	struct dbv	 v[] = { DV_INT(id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_customers_sql[Q_PROPERTY_GET], v, 1,
	    &res)) == DB_OK)
		property_row(&res.rows[0], p);
	return rc;
}

/* The property, its row locked for the transaction, with its job count. */
int
db_property_lock(struct req *r, int64_t id, struct property *p)
{
	struct dbv	 v[] = { DV_INT(id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_customers_sql[Q_PROPERTY_LOCK], v, 1,
	    &res)) == DB_OK)
		property_row(&res.rows[0], p);
	return rc;
}

int
db_property_list(struct req *r, int64_t customer_id, struct property **out,
    size_t *n)
{
	struct dbv	 v[] = { DV_INT(customer_id) };
	struct db_res	 res;
	size_t		 i;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_run(r, &db_customers_sql[Q_PROPERTY_LIST], v, 1, &res)) !=
	    DB_OK)
		return rc == DB_NONE ? DB_OK : rc;
	*out = arena_alloc(r->arena, res.nrows * sizeof(**out));
	for (i = 0; i < res.nrows; i++)
		property_row(&res.rows[i], &(*out)[i]);
	*n = res.nrows;
	return DB_OK;
}

/* Add p to customer p->customer_id; DB_NONE if that is not ours. */
int
db_property_insert(struct req *r, const struct property *p, int64_t *id)
{
	struct dbv	 v[] = { DV_STR(p->label), DV_STR(p->street),
	    DV_STR(p->city), DV_STR(p->region), DV_STR(p->postal_code),
	    DV_STR(p->notes), DV_INT(p->customer_id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_customers_sql[Q_PROPERTY_INSERT], v, 7,
	    &res)) != DB_OK)
		return rc;
	if (res.affected != 1)
		return DB_NONE;
	*id = res.insert_id;
	return DB_OK;
}

/* Update p if it is still at p->version: DB_STALE if not, DB_NONE if gone. */
int
db_property_update(struct req *r, const struct property *p)
{
	struct dbv	 v[] = { DV_STR(p->label), DV_STR(p->street),
	    DV_STR(p->city), DV_STR(p->region), DV_STR(p->postal_code),
	    DV_STR(p->notes), DV_INT(p->id), DV_INT(p->version) };
	struct property	 cur;
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_customers_sql[Q_PROPERTY_UPDATE], v, 8,
	    &res)) != DB_OK)
		return rc;
	if (res.affected == 1)
		return DB_OK;
	rc = db_property_get(r, p->id, &cur);
	return rc == DB_OK ? DB_STALE : rc;
}

int
db_property_delete(struct req *r, int64_t id)
{
	struct dbv	 v[] = { DV_INT(id) };

	return db_run(r, &db_customers_sql[Q_PROPERTY_DELETE], v, 1, NULL);
}

int
db_contact_get(struct req *r, int64_t id, struct contact *c)
{
	struct dbv	 v[] = { DV_INT(id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_customers_sql[Q_CONTACT_GET], v, 1,
	    &res)) == DB_OK)
		contact_row(&res.rows[0], c);
	return rc;
}

int
db_contact_list(struct req *r, int64_t customer_id, struct contact **out,
    size_t *n)
{
	struct dbv	 v[] = { DV_INT(customer_id) };
	struct db_res	 res;
	size_t		 i;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_run(r, &db_customers_sql[Q_CONTACT_LIST], v, 1, &res)) !=
	    DB_OK)
		return rc == DB_NONE ? DB_OK : rc;
	*out = arena_alloc(r->arena, res.nrows * sizeof(**out));
	for (i = 0; i < res.nrows; i++)
		contact_row(&res.rows[i], &(*out)[i]);
	*n = res.nrows;
	return DB_OK;
}

/* Add c to customer c->customer_id; DB_NONE if that is not ours. */
int
db_contact_insert(struct req *r, const struct contact *c, int64_t *id)
{
	struct dbv	 v[] = { DV_STR(c->name), DV_STR(c->email),
	    DV_STR(c->phone), DV_STR(c->role), DV_INT(c->customer_id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_customers_sql[Q_CONTACT_INSERT], v, 5,
	    &res)) != DB_OK)
		return rc;
	if (res.affected != 1)
		return DB_NONE;
	*id = res.insert_id;
	return DB_OK;
}

int
db_contact_delete(struct req *r, int64_t id)
{
	struct dbv	 v[] = { DV_INT(id) };

	return db_run(r, &db_customers_sql[Q_CONTACT_DELETE], v, 1, NULL);
}
