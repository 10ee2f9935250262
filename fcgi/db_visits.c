/*
 * Visits: a job's appointments, with start and end in UTC, an assigned
 * staff member or none, notes and a status.  Read with their job's
 * number and title, the customer's name and the assignee's name, for the
 * job page, the week schedule and the dashboard.
 */
#include <string.h>

#include "app.h"

enum {
	Q_INSERT, Q_GET, Q_UPDATE, Q_SET_STATUS, Q_CANCEL_JOB, Q_LIST_JOB,
	Q_LIST_RANGE
};

#define VISIT_SELECT	"SELECT v.id, v.job_id, COALESCE(v.user_id, 0), " \
			"v.starts_at, v.ends_at, v.status, v.notes, v.version, " \
			"j.number, j.title, c.name, COALESCE(u.name, '') " \
			"FROM visits v " \
			"JOIN jobs j ON j.company_id = v.company_id AND j.id = v.job_id " \
			"JOIN customers c ON c.company_id = v.company_id " \
			"AND c.id = j.customer_id " \
			"LEFT JOIN users u ON u.company_id = v.company_id " \
			"AND u.id = v.user_id "

struct db_stmt db_visits_sql[] = {
	[Q_INSERT] = { "visit_insert", NULL,
	    "INSERT INTO visits (company_id, job_id, user_id, starts_at, "
	    "ends_at, notes) VALUES (:company, ?, ?, ?, ?, ?)" },
	[Q_GET] = { "visit_get", NULL,
	    VISIT_SELECT "WHERE v.company_id = :company AND v.id = ?" },
	[Q_UPDATE] = { "visit_update", NULL,
	    "UPDATE visits SET user_id = ?, starts_at = ?, ends_at = ?, "
	    "notes = ?, version = version + 1 "
	    "WHERE company_id = :company AND id = ? AND version = ? "
	    "AND status = 'scheduled'" },
	[Q_SET_STATUS] = { "visit_set_status", NULL,
	    "UPDATE visits SET status = ?, version = version + 1 "
	    "WHERE company_id = :company AND id = ? AND status = 'scheduled'" },
	[Q_CANCEL_JOB] = { "visit_cancel_job", NULL,
	    "UPDATE visits SET status = 'cancelled', version = version + 1 "
	    "WHERE company_id = :company AND job_id = ? AND status = 'scheduled'" },
	[Q_LIST_JOB] = { "visit_list_job", NULL,
	    VISIT_SELECT "WHERE v.company_id = :company AND v.job_id = ? "
	    "AND (? = 0 OR v.user_id = ?) "
	    "ORDER BY v.starts_at, v.id LIMIT 500" },
	[Q_LIST_RANGE] = { "visit_list_range", NULL,
	    VISIT_SELECT "WHERE v.company_id = :company "
	    "AND v.starts_at >= ? AND v.starts_at < ? "
	    "AND v.status <> 'cancelled' AND (? = 0 OR v.user_id = ?) "
	    "ORDER BY v.starts_at, v.id LIMIT 2000" },
	{ NULL, NULL, NULL, NULL, 0, 0 }
};

static void
visit_row(const struct db_row *row, struct visit *v)
{
	v->id = db_int(row, 0);
	v->job_id = db_int(row, 1);
	v->user_id = db_int(row, 2);
	if (!tz_parse_utc(db_str(row, 3), &v->starts_at))
		v->starts_at = 0;
	if (!tz_parse_utc(db_str(row, 4), &v->ends_at))
		v->ends_at = 0;
	v->status = db_str(row, 5);
	v->notes = db_str(row, 6);
	v->version = db_int(row, 7);
	v->job_number = db_int(row, 8);
	v->job_title = db_str(row, 9);
	v->customer_name = db_str(row, 10);
	v->user_name = db_str(row, 11);
}

static int
list(struct req *r, int q, const struct dbv *v, size_t nv, struct visit **out,
    size_t *n)
{
	struct db_res	 res;
	size_t		 i;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_run(r, &db_visits_sql[q], v, nv, &res)) != DB_OK)
		return rc == DB_NONE ? DB_OK : rc;
	*out = arena_zalloc(r->arena, res.nrows * sizeof(**out));
	for (i = 0; i < res.nrows; i++)
		visit_row(&res.rows[i], &(*out)[i]);
	*n = res.nrows;
	return DB_OK;
}

static const char *
utc(struct req *r, time_t t)
{
	char	*s = arena_alloc(r->arena, 20);

	tz_format_utc(t, s);
	return s;
}

int
db_visit_insert(struct req *r, const struct visit *v, int64_t *id)
{
	struct dbv	 p[] = { DV_INT(v->job_id),
	    v->user_id ? DV_INT(v->user_id) : DV_NULL,
	    DV_STR(utc(r, v->starts_at)), DV_STR(utc(r, v->ends_at)),
	    DV_STR(v->notes) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_visits_sql[Q_INSERT], p, 5, &res)) == DB_OK)
		*id = res.insert_id;
	return rc;
}

int
db_visit_get(struct req *r, int64_t id, struct visit *v)
{
	struct dbv	 p[] = { DV_INT(id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_visits_sql[Q_GET], p, 1, &res)) == DB_OK)
		visit_row(&res.rows[0], v);
	return rc;
}

/*
 * Save assignee, times and notes of a scheduled visit if v->version is
 * current; DB_STALE if it changed (or was done or cancelled meanwhile).
 */
int
db_visit_update(struct req *r, const struct visit *v)
{
	struct dbv	 p[] = { v->user_id ? DV_INT(v->user_id) : DV_NULL,
	    DV_STR(utc(r, v->starts_at)), DV_STR(utc(r, v->ends_at)),
	    DV_STR(v->notes), DV_INT(v->id), DV_INT(v->version) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_visits_sql[Q_UPDATE], p, 6, &res)) != DB_OK)
		return rc;
	return res.affected == 1 ? DB_OK : DB_STALE;
}

/* Mark a scheduled visit done or cancelled; DB_NONE if it is not scheduled. */
int
db_visit_set_status(struct req *r, int64_t id, const char *status)
{
	struct dbv	 p[] = { DV_STR(status), DV_INT(id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_visits_sql[Q_SET_STATUS], p, 2, &res)) != DB_OK)
		return rc;
	return res.affected == 1 ? DB_OK : DB_NONE;
}

/* Cancel the job's scheduled visits; *n of them. */
int
db_visit_cancel_job(struct req *r, int64_t job_id, uint64_t *n)
{
	struct dbv	 p[] = { DV_INT(job_id) };
	struct db_res	 res;
	int		 rc;

	rc = db_run(r, &db_visits_sql[Q_CANCEL_JOB], p, 1, &res);
	*n = res.affected;
	return rc;
}

/* A job's visits by start time; with user_id, only that person's. */
int
db_visit_list_job(struct req *r, int64_t job_id, int64_t user_id,
    struct visit **out, size_t *n)
{
	struct dbv	 p[] = { DV_INT(job_id), DV_INT(user_id),
	    DV_INT(user_id) };

	return list(r, Q_LIST_JOB, p, 3, out, n);
}

/*
 * The visits starting in [from, to) that are not cancelled, by start
 * time; with user_id, only that person's.
 */
int
db_visit_list_range(struct req *r, time_t from, time_t to, int64_t user_id,
    struct visit **out, size_t *n)
{
	struct dbv	 p[] = { DV_STR(utc(r, from)), DV_STR(utc(r, to)),
	    DV_INT(user_id), DV_INT(user_id) };

	return list(r, Q_LIST_RANGE, p, 4, out, n);
}
