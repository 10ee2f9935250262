/*
 * Project stages: a project (a job with is_project) has ordered stages,
 * each with a name, a status (pending, in progress, done) and optional
 * start and end dates.  Progress is derived: done stages over all of
 * them.  Stage moves lock the job's row, so positions stay distinct.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"

#define STAGES_MAX	100
#define STAGE_NAME_MAX	160

static const struct choice stage_statuses[] = {
	{ "pending", "Pending" },
	{ "in_progress", "In progress" },
	{ "done", "Done" },
	{ NULL, NULL }
};

static const char *
stage_label(const char *s)
{
	const struct choice	*c;

	for (c = stage_statuses; c->value != NULL; c++)
		if (strcmp(c->value, s) == 0)
			return c->label;
	return NULL;
}

/* "4 Mar 2025" from "2025-03-04"; "" stays "". */
static const char *
day(struct req *r, const char *iso)
{
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tz_date	 dt;

	if (!tz_parse_date(iso, &dt))
		return iso;
	return arena_printf(r->arena, "%d %s %d", dt.d, mon[dt.m - 1], dt.y);
}

static void
put_statuses(struct req *r)
{
	int	 i;

	for (i = 0; stage_statuses[i].value != NULL; i++) {
		hdf_set(r, arena_printf(r->arena, "StageStatuses.%d.Value", i),
		    stage_statuses[i].value);
		hdf_set(r, arena_printf(r->arena, "StageStatuses.%d.Label", i),
		    stage_statuses[i].label);
	}
}

/* Stages.N and Progress.* for a project's page; -1 on a database error. */
int
stages_put_job(struct req *r, const struct job *j)
{
	struct stage	*ss;
	const char	*p;
	size_t		 i, n, done = 0;

	if (db_stage_list(r, j->id, &ss, &n) != DB_OK)
		return -1;
	for (i = 0; i < n; i++) {
		p = arena_printf(r->arena, "Stages.%zu", i);
		hdf_set_int(r, arena_printf(r->arena, "%s.Id", p), ss[i].id);
		hdf_set(r, arena_printf(r->arena, "%s.Name", p), ss[i].name);
		hdf_set(r, arena_printf(r->arena, "%s.Status", p),
		    ss[i].status);
		hdf_set(r, arena_printf(r->arena, "%s.StatusLabel", p),
		    stage_label(ss[i].status));
		hdf_set(r, arena_printf(r->arena, "%s.StartsOn", p),
		    day(r, ss[i].starts_on));
		hdf_set(r, arena_printf(r->arena, "%s.EndsOn", p),
		    day(r, ss[i].ends_on));
		hdf_set(r, arena_printf(r->arena, "%s.Href", p),
		    arena_printf(r->arena, "/app/stages/%lld",
		    (long long)ss[i].id));
		hdf_set_int(r, arena_printf(r->arena, "%s.Number", p),
		    (int64_t)i + 1);
		if (i == 0)
			hdf_set(r, arena_printf(r->arena, "%s.First", p), "1");
		if (i + 1 == n)
			hdf_set(r, arena_printf(r->arena, "%s.Last", p), "1");
		done += strcmp(ss[i].status, "done") == 0;
	}
	hdf_set_int(r, "Progress.Count", (int64_t)n);
	hdf_set_int(r, "Progress.Done", (int64_t)done);
	hdf_set_int(r, "Progress.Percent", n ? (int64_t)(done * 100 / n) : 0);
	put_statuses(r);
	return 0;
}

/*
 * Name and dates from the form fields <prefix>name, <prefix>starts_on,
 * <prefix>ends_on into s; returns the number of errors.
 */
static int
read_stage(struct req *r, const char *prefix, struct stage *s)
{
	const char	*fn = arena_printf(r->arena, "%sname", prefix);
	const char	*fs = arena_printf(r->arena, "%sstarts_on", prefix);
	const char	*fe = arena_printf(r->arena, "%sends_on", prefix);
	struct tz_date	 a, b;
	bool		 aok, bok;
	int		 n = 0;

	s->name = str_trim(r->arena, req_field(r, fn));
	s->starts_on = str_trim(r->arena, req_field(r, fs));
	s->ends_on = str_trim(r->arena, req_field(r, fe));
	n += form_error(r, fn, valid_line(s->name, 1, STAGE_NAME_MAX));
	aok = *s->starts_on == '\0' || tz_parse_date(s->starts_on, &a);
	bok = *s->ends_on == '\0' || tz_parse_date(s->ends_on, &b);
	n += form_error(r, fs, aok ? NULL :
	    "Enter a date that exists, as YYYY-MM-DD");
	n += form_error(r, fe, bok ? NULL :
	    "Enter a date that exists, as YYYY-MM-DD");
	if (aok && bok && *s->starts_on && *s->ends_on &&
	    tz_days(&b) < tz_days(&a))
		n += form_error(r, fe, "The end can't be before the start");
	return n;
}

static int
to_job(struct req *r, int64_t job_id, const char *code)
{
	flash(r, code);
	return redirect(r, arena_printf(r->arena, "/app/jobs/%lld#stages",
	    (long long)job_id));
}

/* POST /app/jobs/:id/stages (stage_name, stage_starts_on, stage_ends_on) */
int
stages_create(struct req *r)
{
	static const char *const fields[] = { "stage_name", "stage_starts_on",
	    "stage_ends_on", NULL };
	struct job	 j;
	struct stage	 s, *ss;
	enum job_status	 st;
	int64_t		 id;
	size_t		 n;
	int		 rc;

	if (!route_id(r, "id", &id))
		return HTTP_404;
	if ((rc = job_load(r, id, &j)) != 0)
		return rc;
	memset(&s, 0, sizeof(s));
	s.job_id = j.id;
	rc = read_stage(r, "stage_", &s);
	if (!j.is_project) {
		hdf_set(r, "Form.Error", "Stages belong to projects: edit the "
		    "job and mark it as a project first.");
		rc++;
	}
	if (rc > 0) {
		form_keep(r, fields);
		return job_page(r, &j, HTTP_422);
	}
	if (db_begin(r) != DB_OK)
		return HTTP_500;
	if (db_job_lock(r, j.id, &st) != DB_OK ||
	    db_stage_list(r, j.id, &ss, &n) != DB_OK) {
		db_rollback(r);
		return HTTP_500;
	}
	if (n >= STAGES_MAX) {
		db_rollback(r);
		form_keep(r, fields);
		form_error(r, "stage_name", "A project has at most 100 stages");
		return job_page(r, &j, HTTP_422);
	}
	if (db_stage_insert(r, &s) != DB_OK || db_commit(r) != DB_OK) {
		db_rollback(r);
		return HTTP_500;
	}
	return to_job(r, j.id, "stage_added");
}

/* The stage of the route and its job (office routes: no field check). */
static int
load(struct req *r, struct stage *s, struct job *j)
{
	int64_t	 id;

	if (!route_id(r, "id", &id))
		return HTTP_404;
	switch (db_stage_get(r, id, s)) {
	case DB_OK:
		break;
	case DB_NONE:
		return HTTP_404;
	default:
		return HTTP_500;
	}
	return job_load(r, s->job_id, j);
}

static void
keep_stage(struct req *r, const struct stage *s)
{
	hdf_set(r, "Form.Values.name", s->name);
	hdf_set(r, "Form.Values.status", s->status);
	hdf_set(r, "Form.Values.starts_on", s->starts_on);
	hdf_set(r, "Form.Values.ends_on", s->ends_on);
	hdf_set_int(r, "Form.Values.version", s->version);
}

static int
edit_page(struct req *r, const struct stage *s, const struct job *j,
    int status)
{
	hdf_set_int(r, "Stage.Id", s->id);
	hdf_set(r, "Stage.Name", s->name);
	hdf_set(r, "Stage.Href", arena_printf(r->arena, "/app/stages/%lld",
	    (long long)s->id));
	hdf_set_int(r, "Job.Number", j->number);
	hdf_set(r, "Job.Title", j->title);
	hdf_set(r, "Job.Href", arena_printf(r->arena, "/app/jobs/%lld",
	    (long long)j->id));
	put_statuses(r);
	hdf_set(r, "Page.Title", arena_printf(r->arena, "Stage of job #%lld",
	    (long long)j->number));
	hdf_set(r, "Page.Nav", "jobs");
	return render_as(r, "app/jobs/stage.cs", status);
}

/* GET /app/stages/:id */
int
stages_edit(struct req *r)
{
	struct stage	 s;
	struct job	 j;
	int		 st;

	if ((st = load(r, &s, &j)) != 0)
		return st;
	keep_stage(r, &s);
	return edit_page(r, &s, &j, HTTP_200);
}

static int
status_event(struct req *r, const struct stage *s, const char *to)
{
	if (strcmp(s->status, to) == 0)
		return DB_OK;
	return job_event_add(r, s->job_id, "stage", arena_printf(r->arena,
	    "Stage “%s”: %s → %s", s->name, stage_label(s->status),
	    stage_label(to)), false, 0);
}

/* POST /app/stages/:id (name, status, starts_on, ends_on, version) */
int
stages_update(struct req *r)
{
	static const char *const fields[] = { "name", "status", "starts_on",
	    "ends_on", NULL };
	struct stage	 s, cur;
	struct job	 j;
	int		 st, n, rc;

	if ((st = load(r, &cur, &j)) != 0)
		return st;
	s = cur;
	n = read_stage(r, "", &s);
	s.status = req_field(r, "status");
	if (stage_label(s.status) == NULL)
		n += form_error(r, "status", "Choose a status");
	s.version = strtoll(req_field(r, "version"), NULL, 10);
	if (n > 0) {
		form_keep(r, fields);
		hdf_set_int(r, "Form.Values.version", s.version);
		return edit_page(r, &cur, &j, HTTP_422);
	}
	if (db_begin(r) != DB_OK)
		return HTTP_500;
	rc = db_stage_update(r, &s);
	if (rc == DB_OK && (status_event(r, &cur, s.status) != DB_OK ||
	    db_commit(r) != DB_OK))
		rc = DB_ERR;
	if (rc != DB_OK)
		db_rollback(r);
	switch (rc) {
	case DB_OK:
		return to_job(r, j.id, "stage_saved");
	case DB_STALE:
		if (db_stage_get(r, cur.id, &cur) != DB_OK)
			return HTTP_500;
		keep_stage(r, &cur);
		hdf_set(r, "Form.Error", "Someone else changed this stage "
		    "while you were editing. These are the current values: "
		    "review them and save again.");
		hdf_set(r, "Mine.Name", s.name);
		return edit_page(r, &cur, &j, HTTP_409);
	default:
		return HTTP_500;
	}
}

/* POST /app/stages/:id/status (status) */
int
stages_status(struct req *r)
{
	struct stage	 s;
	struct job	 j;
	const char	*to = req_field(r, "status");
	int		 st;

	if ((st = load(r, &s, &j)) != 0)
		return st;
	if (stage_label(to) == NULL) {
		hdf_set(r, "Form.Error", "Choose a stage status: pending, in "
		    "progress or done.");
		return job_page(r, &j, HTTP_422);
	}
	if (db_begin(r) != DB_OK)
		return HTTP_500;
	if (db_stage_set_status(r, s.id, to) != DB_OK ||
	    status_event(r, &s, to) != DB_OK || db_commit(r) != DB_OK) {
		db_rollback(r);
		return HTTP_500;
	}
	return to_job(r, j.id, "stage_saved");
}

/* Swap the stage with its neighbour before (or after) it. */
static int
move(struct req *r, bool later)
{
	struct stage	 s, nb;
	struct job	 j;
	enum job_status	 js;
	int		 st, rc;

	if ((st = load(r, &s, &j)) != 0)
		return st;
	if (db_begin(r) != DB_OK)
		return HTTP_500;
	/* The job's lock orders concurrent moves; re-read under it. */
	if (db_job_lock(r, j.id, &js) != DB_OK ||
	    db_stage_get(r, s.id, &s) != DB_OK) {
		db_rollback(r);
		return HTTP_500;
	}
	rc = db_stage_neighbour(r, &s, later, &nb);
	if (rc == DB_NONE) {		/* first (or last) already */
		db_rollback(r);
		return to_job(r, j.id, "stage_moved");
	}
	if (rc != DB_OK ||
	    db_stage_set_position(r, s.id, nb.position) != DB_OK ||
	    db_stage_set_position(r, nb.id, s.position) != DB_OK ||
	    db_commit(r) != DB_OK) {
		db_rollback(r);
		return HTTP_500;
	}
	return to_job(r, j.id, "stage_moved");
}

/* POST /app/stages/:id/up */
int
stages_up(struct req *r)
{
	return move(r, false);
}

/* POST /app/stages/:id/down */
int
stages_down(struct req *r)
{
	return move(r, true);
}

/* POST /app/stages/:id/delete */
int
stages_delete(struct req *r)
{
	struct stage	 s;
	struct job	 j;
	int		 st;

	if ((st = load(r, &s, &j)) != 0)
		return st;
	if (db_stage_delete(r, s.id) != DB_OK)
		return HTTP_500;
	return to_job(r, j.id, "stage_deleted");
}
