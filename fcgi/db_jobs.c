/*
 * Jobs, their numbers, project stages and the Job Message History; and
 * the customers and properties a job form offers, read with statements of
 * our own.  Job numbers come from the counters table with one atomic
 * upsert inside the creating transaction, never from MAX()+1.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"

enum {
	Q_COUNTER, Q_LAST_ID, Q_CATCH_UP, Q_INSERT, Q_GET, Q_LOCK, Q_SET_STATUS,
	Q_UPDATE, Q_LIST, Q_ASSIGNED, Q_CUSTOMERS, Q_CUSTOMER, Q_PROPERTIES,
	Q_EVENT_INSERT, Q_EVENTS, Q_RECENT, Q_STAGES, Q_STAGE_GET,
	Q_STAGE_INSERT, Q_STAGE_UPDATE, Q_STAGE_STATUS, Q_STAGE_BEFORE,
	Q_STAGE_AFTER, Q_STAGE_POSITION, Q_STAGE_DELETE
};

#define JOB_FROM	"FROM jobs j " \
			"JOIN customers c ON c.company_id = j.company_id " \
			"AND c.id = j.customer_id " \
			"LEFT JOIN properties p ON p.company_id = j.company_id " \
			"AND p.id = j.property_id "
#define JOB_SELECT	"SELECT j.id, j.number, j.customer_id, " \
			"COALESCE(j.property_id, 0), j.title, "
#define JOB_REST	"j.status, j.is_project, j.version, j.created_at, " \
			"c.name, COALESCE(p.label, ''), COALESCE(p.street, ''), " \
			"COALESCE(p.city, ''), COALESCE(p.region, ''), " \
			"COALESCE(p.postal_code, '') "
#define EVENT_COLS	"e.id, e.job_id, j.number, j.title, e.kind, e.body, " \
			"e.visible_to_customer, COALESCE(u.name, " \
			"CONCAT(p.name, ' (customer)'), ''), " \
			"e.created_at, COALESCE(e.document_id, 0) "
#define EVENT_FROM	"FROM job_events e " \
			"JOIN jobs j ON j.company_id = e.company_id AND j.id = e.job_id " \
			"LEFT JOIN users u ON u.company_id = e.company_id " \
			"AND u.id = e.user_id " \
			"LEFT JOIN portal_people p ON p.company_id = e.company_id " \
			"AND p.id = e.person_id "
#define STAGE_COLS	"id, job_id, position, name, status, " \
			"COALESCE(starts_on, ''), COALESCE(ends_on, ''), version "
/* A field user sees the jobs with a visit of theirs (0: everyone sees all). */
#define MINE(j)		"(? = 0 OR EXISTS (SELECT 1 FROM visits v " \
			"WHERE v.company_id = " j ".company_id AND v.job_id = " j ".id " \
			"AND v.user_id = ? AND v.status <> 'cancelled')) "

struct db_stmt db_jobs_sql[] = {
	[Q_COUNTER] = { "counter_next", NULL,
	    "INSERT INTO counters (company_id, kind, last_value) "
	    "VALUES (:company, ?, LAST_INSERT_ID(1)) "
	    "ON DUPLICATE KEY UPDATE last_value = LAST_INSERT_ID(last_value + 1)" },
	[Q_LAST_ID] = { "counter_value", NULL,
	    "SELECT LAST_INSERT_ID()" },
	[Q_CATCH_UP] = { "job_counter_catch_up", NULL,
	    "UPDATE counters SET last_value = GREATEST(last_value, "
	    "(SELECT COALESCE(MAX(number), 0) FROM jobs WHERE company_id = :company)) "
	    "WHERE company_id = :company AND kind = 'job'" },
	[Q_INSERT] = { "job_insert", NULL,
	    "INSERT INTO jobs (company_id, number, customer_id, property_id, "
	    "title, description, is_project) "
	    "VALUES (:company, ?, ?, ?, ?, ?, ?)" },
	[Q_GET] = { "job_get", NULL,
	    JOB_SELECT "j.description, " JOB_REST JOB_FROM
	    "WHERE j.company_id = :company AND j.id = ?" },
	[Q_LOCK] = { "job_lock", NULL,
	    "SELECT status FROM jobs WHERE company_id = :company AND id = ? "
	    "FOR UPDATE" },
	[Q_SET_STATUS] = { "job_set_status", NULL,
	    "UPDATE jobs SET status = ?, updated_at = NOW() "
	    "WHERE company_id = :company AND id = ?" },
	[Q_UPDATE] = { "job_update", NULL,
	    "UPDATE jobs SET title = ?, description = ?, property_id = ?, "
	    "is_project = ?, version = version + 1, updated_at = NOW() "
	    "WHERE company_id = :company AND id = ? AND version = ?" },
	[Q_LIST] = { "job_list", NULL,
	    JOB_SELECT "'', " JOB_REST JOB_FROM
	    "WHERE j.company_id = :company AND j.number < ? "
	    "AND (? = '' OR j.status = ?) "
	    "AND (? = 0 OR j.status NOT IN ('paid', 'cancelled')) "
	    "AND (? = '' OR j.title LIKE ? OR c.name LIKE ? OR j.number = ?) "
	    "AND " MINE("j")
	    "ORDER BY j.number DESC LIMIT 51" },
	[Q_ASSIGNED] = { "job_assigned", NULL,
	    "SELECT 1 FROM visits WHERE company_id = :company AND job_id = ? "
	    "AND user_id = ? AND status <> 'cancelled' LIMIT 1" },
	[Q_CUSTOMERS] = { "job_customer_choices", NULL,
	    "SELECT id, name FROM customers WHERE company_id = :company "
	    "ORDER BY name, id LIMIT 1000" },
	[Q_CUSTOMER] = { "job_customer_name", NULL,
	    "SELECT name FROM customers WHERE company_id = :company AND id = ?" },
	[Q_PROPERTIES] = { "job_property_choices", NULL,
	    "SELECT id, label, street, city, region, postal_code FROM properties "
	    "WHERE company_id = :company AND customer_id = ? "
	    "ORDER BY id LIMIT 500" },
	[Q_EVENT_INSERT] = { "job_event_insert", NULL,
	    "INSERT INTO job_events (company_id, job_id, kind, body, "
	    "visible_to_customer, user_id, document_id) "
	    "SELECT :company, id, ?, ?, ?, ?, ? FROM jobs "
	    "WHERE company_id = :company AND id = ?" },
	[Q_EVENTS] = { "job_event_list", NULL,
	    "SELECT " EVENT_COLS EVENT_FROM
	    "WHERE e.company_id = :company AND e.job_id = ? "
	    "ORDER BY e.id DESC LIMIT 200" },
	/* Newest first, read from job_events_recent: no sort of a history. */
	[Q_RECENT] = { "job_event_recent", NULL,
	    "SELECT STRAIGHT_JOIN " EVENT_COLS EVENT_FROM
	    "WHERE e.company_id = :company AND " MINE("j")
	    "ORDER BY e.id DESC LIMIT 10" },
	[Q_STAGES] = { "stage_list", NULL,
	    "SELECT " STAGE_COLS "FROM stages "
	    "WHERE company_id = :company AND job_id = ? "
	    "ORDER BY position, id LIMIT 200" },
	[Q_STAGE_GET] = { "stage_get", NULL,
	    "SELECT " STAGE_COLS "FROM stages "
	    "WHERE company_id = :company AND id = ?" },
	[Q_STAGE_INSERT] = { "stage_insert", NULL,
	    "INSERT INTO stages (company_id, job_id, position, name, starts_on, "
	    "ends_on) SELECT :company, ?, COALESCE(MAX(position), 0) + 1, ?, ?, ? "
	    "FROM stages WHERE company_id = :company AND job_id = ?" },
	[Q_STAGE_UPDATE] = { "stage_update", NULL,
	    "UPDATE stages SET name = ?, status = ?, starts_on = ?, ends_on = ?, "
	    "version = version + 1 "
	    "WHERE company_id = :company AND id = ? AND version = ?" },
	[Q_STAGE_STATUS] = { "stage_set_status", NULL,
	    "UPDATE stages SET status = ?, version = version + 1 "
	    "WHERE company_id = :company AND id = ?" },
	[Q_STAGE_BEFORE] = { "stage_before", NULL,
	    "SELECT " STAGE_COLS "FROM stages "
	    "WHERE company_id = :company AND job_id = ? "
	    "AND (position < ? OR (position = ? AND id < ?)) "
	    "ORDER BY position DESC, id DESC LIMIT 1" },
	[Q_STAGE_AFTER] = { "stage_after", NULL,
	    "SELECT " STAGE_COLS "FROM stages "
	    "WHERE company_id = :company AND job_id = ? "
	    "AND (position > ? OR (position = ? AND id > ?)) "
	    "ORDER BY position, id LIMIT 1" },
	[Q_STAGE_POSITION] = { "stage_set_position", NULL,
	    "UPDATE stages SET position = ? WHERE company_id = :company AND id = ?" },
	[Q_STAGE_DELETE] = { "stage_delete", NULL,
	    "DELETE FROM stages WHERE company_id = :company AND id = ?" },
	{ NULL, NULL, NULL, NULL, 0, 0 }
};

/* Rows of a read as *n structs of size sz, filled by fn; none is DB_OK. */
static int
list_of(struct req *r, int q, const struct dbv *v, size_t nv, size_t sz,
    void (*fn)(struct req *, const struct db_row *, void *), void **out,
    size_t *n)
{
	struct db_res	 res;
	size_t		 i;
	char		*p;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_run(r, &db_jobs_sql[q], v, nv, &res)) != DB_OK)
		return rc == DB_NONE ? DB_OK : rc;
	p = arena_zalloc(r->arena, res.nrows * sz);
	for (i = 0; i < res.nrows; i++)
		fn(r, &res.rows[i], p + i * sz);
	*out = p;
	*n = res.nrows;
	return DB_OK;
}

/* "Label: street, city, region postal" without the empty parts. */
static const char *
address_line(struct req *r, const struct db_row *row, size_t at)
{
	struct buf	 b;
	const char	*label = db_str(row, at), *street = db_str(row, at + 1);
	const char	*city = db_str(row, at + 2), *region = db_str(row, at + 3);
	const char	*postal = db_str(row, at + 4);

	buf_init(&b, r->arena);
	if (*label)
		buf_printf(&b, "%s: ", label);
	buf_puts(&b, street);
	if (*city)
		buf_printf(&b, "%s%s", b.len ? ", " : "", city);
	if (*region)
		buf_printf(&b, "%s%s", b.len ? ", " : "", region);
	if (*postal)
		buf_printf(&b, "%s%s", b.len ? " " : "", postal);
	return b.data;
}

static void
job_row(struct req *r, const struct db_row *row, void *out)
{
	struct job	*j = out;

	j->id = db_int(row, 0);
	j->number = db_int(row, 1);
	j->customer_id = db_int(row, 2);
	j->property_id = db_int(row, 3);
	j->title = db_str(row, 4);
	j->description = db_str(row, 5);
	j->status = job_status_parse(db_str(row, 6));
	j->is_project = db_int(row, 7) != 0;
	j->version = db_int(row, 8);
	j->created_at = db_str(row, 9);
	j->customer_name = db_str(row, 10);
	j->property = j->property_id ? address_line(r, row, 11) : "";
}

static void
event_row(struct req *r, const struct db_row *row, void *out)
{
	struct job_event	*e = out;

	e->id = db_int(row, 0);
	e->job_id = db_int(row, 1);
	e->job_number = db_int(row, 2);
	e->job_title = db_str(row, 3);
	e->kind = db_str(row, 4);
	e->body = db_str(row, 5);
	e->visible = db_int(row, 6) != 0;
	e->user_name = db_str(row, 7);
	e->created_at = db_str(row, 8);
	e->document_id = db_int(row, 9);
}

static void
stage_row(struct req *r, const struct db_row *row, void *out)
{
	struct stage	*s = out;

	s->id = db_int(row, 0);
	s->job_id = db_int(row, 1);
	s->position = db_int(row, 2);
	s->name = db_str(row, 3);
	s->status = db_str(row, 4);
	s->starts_on = db_str(row, 5);
	s->ends_on = db_str(row, 6);
	s->version = db_int(row, 7);
}

/*
 * The next number of a per-company sequence (kind: job, estimate,
 * invoice).  Call inside the transaction that uses it: the counter row
 * stays locked until commit, so concurrent callers get distinct numbers
 * and a rolled-back one gives its number back.
 */
int
db_counter_next(struct req *r, const char *kind, int64_t *out)
{
	struct dbv	 v[] = { DV_STR(kind) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_jobs_sql[Q_COUNTER], v, 1, NULL)) != DB_OK)
		return rc;
	if ((rc = db_run(r, &db_jobs_sql[Q_LAST_ID], NULL, 0, &res)) != DB_OK)
		return DB_ERR;
	*out = db_int(&res.rows[0], 0);
	return *out > 0 ? DB_OK : DB_ERR;
}

/*
 * Move the job counter past the highest job number there is: jobs written
 * by something other than the app (an import) left it behind, and an
 * insert met their number (DB_DUP).
 */
int
db_job_counter_catch_up(struct req *r)
{
	return db_run(r, &db_jobs_sql[Q_CATCH_UP], NULL, 0, NULL);
}

int
db_job_insert(struct req *r, const struct job *j, int64_t *id)
{
	struct dbv	 v[] = { DV_INT(j->number), DV_INT(j->customer_id),
	    j->property_id ? DV_INT(j->property_id) : DV_NULL,
	    DV_STR(j->title), DV_STR(j->description), DV_INT(j->is_project) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_jobs_sql[Q_INSERT], v, 6, &res)) == DB_OK)
		*id = res.insert_id;
	return rc;
}

int
db_job_get(struct req *r, int64_t id, struct job *j)
{
	struct dbv	 v[] = { DV_INT(id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_jobs_sql[Q_GET], v, 1, &res)) == DB_OK)
		job_row(r, &res.rows[0], j);
	return rc;
}

/* Lock the job's row for the transaction and read its status. */
int
db_job_lock(struct req *r, int64_t id, enum job_status *st)
{
	struct dbv	 v[] = { DV_INT(id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_jobs_sql[Q_LOCK], v, 1, &res)) == DB_OK)
		*st = job_status_parse(db_str(&res.rows[0], 0));
	return rc;
}

int
db_job_set_status(struct req *r, int64_t id, enum job_status st)
{
	struct dbv	 v[] = { DV_STR(job_status_name(st)), DV_INT(id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_jobs_sql[Q_SET_STATUS], v, 2, &res)) != DB_OK)
		return rc;
	return res.affected == 1 ? DB_OK : DB_NONE;
}

/* Save the editable fields if j->version is still current: DB_STALE if not. */
int
db_job_update(struct req *r, const struct job *j)
{
	struct dbv	 v[] = { DV_STR(j->title), DV_STR(j->description),
	    j->property_id ? DV_INT(j->property_id) : DV_NULL,
	    DV_INT(j->is_project), DV_INT(j->id), DV_INT(j->version) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_jobs_sql[Q_UPDATE], v, 6, &res)) != DB_OK)
		return rc;
	return res.affected == 1 ? DB_OK : DB_STALE;
}

/* `s` for LIKE: its own %, _ and \ escaped, wrapped in %. */
static char *
like_any(struct arena *a, const char *s)
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
 * A page of jobs, newest number first: up to 51 rows, so the caller
 * knows whether there is a next page (the 51st is not shown).
 */
int
db_job_list(struct req *r, const struct job_filter *f, struct job **out,
    size_t *n)
{
	const char	*st = f->status < JOB__MAX ?
			    job_status_name(f->status) : "";
	const char	*q = f->q ? f->q : "", *like = like_any(r->arena, q);
	const char	*digits = *q == '#' ? q + 1 : q;
	int64_t		 number = 0;
	char		*end;

	if (*digits >= '0' && *digits <= '9') {
		number = strtoll(digits, &end, 10);
		if (*end != '\0' || number < 0 || number > 4294967295LL)
			number = 0;
	}
	{
		struct dbv	 v[] = { DV_INT(f->before > 0 ? f->before :
		    INT64_MAX), DV_STR(st), DV_STR(st), DV_INT(f->open),
		    DV_STR(q), DV_STR(like), DV_STR(like), DV_INT(number),
		    DV_INT(f->user_id), DV_INT(f->user_id) };

		return list_of(r, Q_LIST, v, 10, sizeof(**out), job_row,
		    (void **)out, n);
	}
}

/* DB_OK when user_id has a (not cancelled) visit on the job, else DB_NONE. */
int
db_job_assigned(struct req *r, int64_t job_id, int64_t user_id)
{
	struct dbv	 v[] = { DV_INT(job_id), DV_INT(user_id) };

	return db_run(r, &db_jobs_sql[Q_ASSIGNED], v, 2, NULL);
}

static int
choices(struct req *r, int q, const struct dbv *v, size_t nv,
    struct choice **out, size_t *n, bool address)
{
	struct db_res	 res;
	size_t		 i;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_run(r, &db_jobs_sql[q], v, nv, &res)) != DB_OK)
		return rc == DB_NONE ? DB_OK : rc;
	*out = arena_alloc(r->arena, res.nrows * sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		(*out)[i].value = db_str(&res.rows[i], 0);
		(*out)[i].label = address ? address_line(r, &res.rows[i], 1) :
		    db_str(&res.rows[i], 1);
	}
	*n = res.nrows;
	return DB_OK;
}

/* The company's customers by name (value: id, label: name). */
int
db_customer_choices(struct req *r, struct choice **out, size_t *n)
{
	return choices(r, Q_CUSTOMERS, NULL, 0, out, n, false);
}

int
db_customer_name(struct req *r, int64_t id, const char **name)
{
	struct dbv	 v[] = { DV_INT(id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_jobs_sql[Q_CUSTOMER], v, 1, &res)) == DB_OK)
		*name = db_str(&res.rows[0], 0);
	return rc;
}

/* A customer's properties (value: id, label: one-line address). */
int
db_property_choices(struct req *r, int64_t customer_id, struct choice **out,
    size_t *n)
{
	struct dbv	 v[] = { DV_INT(customer_id) };

	return choices(r, Q_PROPERTIES, v, 1, out, n, true);
}

/*
 * Add an entry to the job's history; user_id 0 is none.  DB_NONE when the
 * job is not the company's.
 */
int
db_job_event_insert(struct req *r, int64_t job_id, const char *kind,
    const char *body, bool visible, int64_t document_id)
{
	struct dbv	 v[] = { DV_STR(kind), DV_STR(body), DV_INT(visible),
	    r->sess.user_id > 0 ? DV_INT(r->sess.user_id) : DV_NULL,
	    document_id > 0 ? DV_INT(document_id) : DV_NULL, DV_INT(job_id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_jobs_sql[Q_EVENT_INSERT], v, 6, &res)) != DB_OK)
		return rc;
	return res.affected == 1 ? DB_OK : DB_NONE;
}

/* The job's history, newest first (the latest 200). */
int
db_job_event_list(struct req *r, int64_t job_id, struct job_event **out,
    size_t *n)
{
	struct dbv	 v[] = { DV_INT(job_id) };

	return list_of(r, Q_EVENTS, v, 1, sizeof(**out), event_row,
	    (void **)out, n);
}

/* The company's last 10 entries; with user_id, of that user's jobs only. */
int
db_job_event_recent(struct req *r, int64_t user_id, struct job_event **out,
    size_t *n)
{
	struct dbv	 v[] = { DV_INT(user_id), DV_INT(user_id) };

	return list_of(r, Q_RECENT, v, 2, sizeof(**out), event_row,
	    (void **)out, n);
}

int
db_stage_list(struct req *r, int64_t job_id, struct stage **out, size_t *n)
{
	struct dbv	 v[] = { DV_INT(job_id) };

	return list_of(r, Q_STAGES, v, 1, sizeof(**out), stage_row,
	    (void **)out, n);
}

int
db_stage_get(struct req *r, int64_t id, struct stage *s)
{
	struct dbv	 v[] = { DV_INT(id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_jobs_sql[Q_STAGE_GET], v, 1, &res)) == DB_OK)
		stage_row(r, &res.rows[0], s);
	return rc;
}

static struct dbv
date_or_null(const char *s)
{
	return s && *s ? DV_STR(s) : DV_NULL;
}

/* Append a stage to s->job_id's list (lock the job first). */
int
db_stage_insert(struct req *r, const struct stage *s)
{
	struct dbv	 v[] = { DV_INT(s->job_id), DV_STR(s->name),
	    date_or_null(s->starts_on), date_or_null(s->ends_on),
	    DV_INT(s->job_id) };

	return db_run(r, &db_jobs_sql[Q_STAGE_INSERT], v, 5, NULL);
}

/* Save name, status and dates if s->version is current: DB_STALE if not. */
int
db_stage_update(struct req *r, const struct stage *s)
{
	struct dbv	 v[] = { DV_STR(s->name), DV_STR(s->status),
	    date_or_null(s->starts_on), date_or_null(s->ends_on),
	    DV_INT(s->id), DV_INT(s->version) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_jobs_sql[Q_STAGE_UPDATE], v, 6, &res)) != DB_OK)
		return rc;
	return res.affected == 1 ? DB_OK : DB_STALE;
}

int
db_stage_set_status(struct req *r, int64_t id, const char *status)
{
	struct dbv	 v[] = { DV_STR(status), DV_INT(id) };

	return db_run(r, &db_jobs_sql[Q_STAGE_STATUS], v, 2, NULL);
}

/* The stage just before (or, with after, just after) s in its job's order. */
int
db_stage_neighbour(struct req *r, const struct stage *s, bool after,
    struct stage *out)
{
	struct dbv	 v[] = { DV_INT(s->job_id), DV_INT(s->position),
	    DV_INT(s->position), DV_INT(s->id) };
	struct db_res	 res;
	int		 rc;

	rc = db_run(r, &db_jobs_sql[after ? Q_STAGE_AFTER : Q_STAGE_BEFORE],
	    v, 4, &res);
	if (rc == DB_OK)
		stage_row(r, &res.rows[0], out);
	return rc;
}

int
db_stage_set_position(struct req *r, int64_t id, int64_t position)
{
	struct dbv	 v[] = { DV_INT(position), DV_INT(id) };

	return db_run(r, &db_jobs_sql[Q_STAGE_POSITION], v, 2, NULL);
}

int
db_stage_delete(struct req *r, int64_t id)
{
	struct dbv	 v[] = { DV_INT(id) };

	return db_run(r, &db_jobs_sql[Q_STAGE_DELETE], v, 1, NULL);
}
