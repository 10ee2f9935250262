/*
 * Visits and the week schedule.  A visit is a date with a start and an
 * end, typed in the company's time zone and stored in UTC, an assigned
 * team member (or none) and notes; it is scheduled, then done or
 * cancelled.  The first visit of an Approved job makes it Scheduled (a
 * fact of the pipeline's table).  Field staff see their own visits only,
 * here and on the dashboard.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"

#define VISIT_NOTES_MAX	2000
#define AFTER_START	"The end must be after the start"

static const char *const visit_fields[] = {
	"visit_date", "visit_start", "visit_end", "visit_user", "visit_notes",
	NULL
};

static bool
office(const struct req *r)
{
	return r->sess.role >= ROLE_OFFICE;
}

static int64_t
id_of(const char *s)
{
	char		*end;
	long long	 v;

	if (s == NULL || *s < '1' || *s > '9')
		return 0;
	v = strtoll(s, &end, 10);
	return *end == '\0' && v > 0 && v < INT64_MAX ? v : 0;
}

static const char *
status_label(const char *s)
{
	return strcmp(s, "done") == 0 ? "Done" :
	    strcmp(s, "cancelled") == 0 ? "Cancelled" : "Scheduled";
}

static struct tm
local(const char *zone, time_t t)
{
	struct tm	 tm;

	if (!tz_utc_to_local(zone, t, &tm))
		gmtime_r(&t, &tm);
	return tm;
}

static char	*fmt(struct req *, const struct tm *, const char *)
		    __attribute__((format(strftime, 3, 0)));

/* Every caller passes a literal, which the attribute checks there. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static char *
fmt(struct req *r, const struct tm *tm, const char *f)
{
	char	 s[64];

	strftime(s, sizeof(s), f, tm);
	return arena_strdup(r->arena, s);
}
#pragma GCC diagnostic pop

/* "Tue 4 Mar 2025, 08:00–10:00" */
static char *
visit_when(struct req *r, const struct visit *v, const char *zone)
{
	struct tm	 a = local(zone, v->starts_at);
	struct tm	 b = local(zone, v->ends_at);

	return arena_printf(r->arena, "%s, %s–%s", fmt(r, &a, "%a %-d %b %Y"),
	    fmt(r, &a, "%H:%M"), fmt(r, &b, "%H:%M"));
}

/* One visit's fields under prefix p (Visits.3, Visit, ...), times in zone. */
static void
put_one(struct req *r, const char *p, const struct visit *v, const char *zone)
{
	struct tm	 a = local(zone, v->starts_at);
	struct tm	 b = local(zone, v->ends_at);

	hdf_set_int(r, arena_printf(r->arena, "%s.Id", p), v->id);
	hdf_set(r, arena_printf(r->arena, "%s.Href", p),
	    arena_printf(r->arena, "/app/visits/%lld", (long long)v->id));
	hdf_set(r, arena_printf(r->arena, "%s.Date", p),
	    fmt(r, &a, "%a %-d %b %Y"));
	hdf_set(r, arena_printf(r->arena, "%s.Day", p),
	    fmt(r, &a, "%a %-d %b"));
	hdf_set(r, arena_printf(r->arena, "%s.Start", p), fmt(r, &a, "%H:%M"));
	hdf_set(r, arena_printf(r->arena, "%s.End", p), fmt(r, &b, "%H:%M"));
	hdf_set(r, arena_printf(r->arena, "%s.Status", p), v->status);
	hdf_set(r, arena_printf(r->arena, "%s.StatusLabel", p),
	    status_label(v->status));
	hdf_set(r, arena_printf(r->arena, "%s.Notes", p), v->notes);
	hdf_set(r, arena_printf(r->arena, "%s.UserName", p), v->user_name);
	hdf_set_int(r, arena_printf(r->arena, "%s.JobNumber", p),
	    v->job_number);
	hdf_set(r, arena_printf(r->arena, "%s.JobTitle", p), v->job_title);
	hdf_set(r, arena_printf(r->arena, "%s.JobHref", p),
	    arena_printf(r->arena, "/app/jobs/%lld", (long long)v->job_id));
	hdf_set(r, arena_printf(r->arena, "%s.CustomerName", p),
	    v->customer_name);
}

/* <list>.N for pages, times in zone. */
void
visits_put(struct req *r, const char *list, const struct visit *vs, size_t n,
    const char *zone)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		put_one(r, arena_printf(r->arena, "%s.%zu", list, i), &vs[i],
		    zone);
}

/* Assignees.N: the team, for the "assigned to" select. */
static int
put_assignees(struct req *r)
{
	struct user	*us;
	size_t		 i, n;

	if (db_user_list(r, &us, &n) != DB_OK)
		return -1;
	for (i = 0; i < n; i++) {
		hdf_setf(r, arena_printf(r->arena, "Assignees.%zu.Value", i),
		    "%lld", (long long)us[i].id);
		hdf_set(r, arena_printf(r->arena, "Assignees.%zu.Label", i),
		    *us[i].name ? us[i].name : us[i].email);
	}
	return 0;
}

/*
 * The job page's visits: the job's (a field user's own only), and for
 * office staff the add form's choices.  -1 on a database error.
 */
int
visits_put_job(struct req *r, const struct job *j, const char *zone)
{
	struct visit	*vs;
	struct tz_date	 today;
	char		 day[11];
	size_t		 n;

	if (db_visit_list_job(r, j->id, office(r) ? 0 : r->sess.user_id, &vs,
	    &n) != DB_OK)
		return -1;
	visits_put(r, "Visits", vs, n, zone);
	if (!office(r))
		return 0;
	if (put_assignees(r) == -1)
		return -1;
	if (hdf_get(r, "Form.Values.visit_date") == NULL) {
		tz_local_date(zone, time(NULL), &today);
		tz_date_str(&today, day);
		hdf_set(r, "Form.Values.visit_date", day);
	}
	return 0;
}

/*
 * Read the visit form into v (times into UTC through zone); messages next
 * to the fields.  Returns the number of errors, or -1 on a database error.
 */
static int
read_visit(struct req *r, const char *zone, struct visit *v)
{
	const char	*date = req_field(r, "visit_date");
	const char	*start = req_field(r, "visit_start");
	const char	*end = req_field(r, "visit_end");
	const char	*user = req_field(r, "visit_user");
	struct tz_date	 dt;
	struct user	 u;
	bool		 dok, sok, eok;
	int		 n = 0, sh = 0, sm = 0, eh = 0, em = 0, rc;

	v->notes = str_trim(r->arena, req_field(r, "visit_notes"));
	dok = tz_parse_date(date, &dt);
	sok = tz_parse_clock(start, &sh, &sm);
	eok = tz_parse_clock(end, &eh, &em);
	n += form_error(r, "visit_date", dok ? NULL : *date == '\0' ?
	    "Enter the date" : "Enter a date that exists, as YYYY-MM-DD");
	n += form_error(r, "visit_start", sok ? NULL : *start == '\0' ?
	    "Enter the start time" : "Enter a time like 08:30");
	if (!eok)
		n += form_error(r, "visit_end", *end == '\0' ?
		    "Enter the end time" : "Enter a time like 10:30");
	else if (sok && eh * 60 + em <= sh * 60 + sm)
		n += form_error(r, "visit_end", AFTER_START);
	if (dok && sok && !tz_local_to_utc(zone, &dt, sh, sm, &v->starts_at))
		n += form_error(r, "visit_start", "This time doesn't exist on "
		    "that day (the clocks go forward)");
	if (dok && eok && !tz_local_to_utc(zone, &dt, eh, em, &v->ends_at))
		n += form_error(r, "visit_end", "This time doesn't exist on "
		    "that day (the clocks go forward)");
	if (n == 0 && v->ends_at <= v->starts_at)
		n += form_error(r, "visit_end", AFTER_START);
	v->user_id = 0;
	if (*user != '\0') {
		rc = (v->user_id = id_of(user)) ? db_user_get(r, v->user_id,
		    &u) : DB_NONE;
		if (rc == DB_ERR)
			return -1;
		if (rc == DB_NONE || strcmp(u.status, "removed") == 0)
			n += form_error(r, "visit_user",
			    "Choose someone from your team");
	}
	n += form_error(r, "visit_notes", valid_text(v->notes, 0,
	    VISIT_NOTES_MAX));
	return n;
}

static int
job_redirect(struct req *r, int64_t job_id, const char *code)
{
	flash(r, code);
	return redirect(r, arena_printf(r->arena, "/app/jobs/%lld#visits",
	    (long long)job_id));
}

static const char *
assignee_note(struct req *r, int64_t user_id)
{
	struct user	 u;

	if (user_id == 0 || db_user_get(r, user_id, &u) != DB_OK)
		return "";
	return arena_printf(r->arena, " with %s", *u.name ? u.name : u.email);
}

/* POST /app/jobs/:id/visits */
int
visits_create(struct req *r)
{
	struct company	 c;
	struct job	 j;
	struct visit	 v;
	int64_t		 id, job_id;
	int		 st, n;

	if (!route_id(r, "id", &job_id))
		return HTTP_404;
	if ((st = job_load(r, job_id, &j)) != 0)
		return st;
	if (db_company_get(r, &c) != DB_OK)
		return HTTP_500;
	memset(&v, 0, sizeof(v));
	v.job_id = j.id;
	if ((n = read_visit(r, c.timezone, &v)) == -1)
		return HTTP_500;
	if (n == 0 && j.status == JOB_CANCELLED) {
		hdf_set(r, "Form.Error", "This job is cancelled: reopen it to "
		    "schedule visits.");
		n = 1;
	}
	if (n > 0) {
		form_keep(r, visit_fields);
		return job_page(r, &j, HTTP_422);
	}
	if (db_begin(r) != DB_OK)
		return HTTP_500;
	if (db_visit_insert(r, &v, &id) != DB_OK ||
	    job_event_add(r, j.id, "visit", arena_printf(r->arena,
	    "Visit scheduled for %s%s", visit_when(r, &v, c.timezone),
	    assignee_note(r, v.user_id)), false, 0) != DB_OK ||
	    job_status_by_fact(r, j.id, JOB_SCHEDULED) != DB_OK ||
	    db_commit(r) != DB_OK) {
		db_rollback(r);
		return HTTP_500;
	}
	return job_redirect(r, j.id, "visit_added");
}

static void
keep_visit(struct req *r, const struct visit *v, const char *zone)
{
	struct tm	 a = local(zone, v->starts_at);
	struct tm	 b = local(zone, v->ends_at);

	hdf_set(r, "Form.Values.visit_date", fmt(r, &a, "%Y-%m-%d"));
	hdf_set(r, "Form.Values.visit_start", fmt(r, &a, "%H:%M"));
	hdf_set(r, "Form.Values.visit_end", fmt(r, &b, "%H:%M"));
	if (v->user_id)
		hdf_setf(r, "Form.Values.visit_user", "%lld",
		    (long long)v->user_id);
	hdf_set(r, "Form.Values.visit_notes", v->notes);
	hdf_set_int(r, "Form.Values.version", v->version);
}

static int
edit_page(struct req *r, const struct visit *v, const char *zone, int status)
{
	put_one(r, "Visit", v, zone);
	hdf_set(r, "Visit.When", visit_when(r, v, zone));
	hdf_set(r, "Visit.Open", strcmp(v->status, "scheduled") == 0 ? "1" :
	    "0");
	hdf_set(r, "Company.Timezone", zone);
	if (put_assignees(r) == -1)
		return HTTP_500;
	hdf_set(r, "Page.Title", arena_printf(r->arena, "Visit for job #%lld",
	    (long long)v->job_number));
	hdf_set(r, "Page.Nav", "jobs");
	return render_as(r, "app/jobs/visit.cs", status);
}

static int
load_visit(struct req *r, struct visit *v)
{
	int64_t	 id;

	if (!route_id(r, "id", &id))
		return HTTP_404;
	switch (db_visit_get(r, id, v)) {
	case DB_OK:
		return 0;
	case DB_NONE:
		return HTTP_404;
	default:
		return HTTP_500;
	}
}

/* GET /app/visits/:id — the edit form of a visit. */
int
visits_edit(struct req *r)
{
	struct company	 c;
	struct visit	 v;
	int		 st;

	if ((st = load_visit(r, &v)) != 0)
		return st;
	if (db_company_get(r, &c) != DB_OK)
		return HTTP_500;
	keep_visit(r, &v, c.timezone);
	return edit_page(r, &v, c.timezone, HTTP_200);
}

/* POST /app/visits/:id */
int
visits_update(struct req *r)
{
	struct company	 c;
	struct visit	 v, cur;
	int		 st, n, rc;

	if ((st = load_visit(r, &cur)) != 0)
		return st;
	if (db_company_get(r, &c) != DB_OK)
		return HTTP_500;
	v = cur;
	if ((n = read_visit(r, c.timezone, &v)) == -1)
		return HTTP_500;
	v.version = strtoll(req_field(r, "version"), NULL, 10);
	if (n > 0) {
		form_keep(r, visit_fields);
		hdf_set_int(r, "Form.Values.version", v.version);
		return edit_page(r, &cur, c.timezone, HTTP_422);
	}
	if (db_begin(r) != DB_OK)
		return HTTP_500;
	rc = db_visit_update(r, &v);
	if (rc == DB_OK && (job_event_add(r, v.job_id, "visit",
	    arena_printf(r->arena, "Visit changed to %s%s", visit_when(r, &v,
	    c.timezone), assignee_note(r, v.user_id)), false, 0) != DB_OK ||
	    db_commit(r) != DB_OK))
		rc = DB_ERR;
	if (rc != DB_OK)
		db_rollback(r);
	switch (rc) {
	case DB_OK:
		return job_redirect(r, v.job_id, "visit_saved");
	case DB_STALE:
		if (db_visit_get(r, cur.id, &cur) != DB_OK)
			return HTTP_500;
		keep_visit(r, &cur, c.timezone);
		hdf_set(r, "Form.Error", strcmp(cur.status, "scheduled") != 0 ?
		    "This visit was marked done or cancelled meanwhile, so "
		    "it can't be changed." : "Someone else changed this visit "
		    "while you were editing. These are the current values: "
		    "review them and save again.");
		hdf_set(r, "Mine.When", visit_when(r, &v, c.timezone));
		return edit_page(r, &cur, c.timezone, HTTP_409);
	default:
		return HTTP_500;
	}
}

/* Mark a scheduled visit done or cancelled, with a history entry. */
static int
close_visit(struct req *r, const char *status, const char *what,
    const char *code)
{
	struct company	 c;
	struct visit	 v;
	int		 st, rc;

	if ((st = load_visit(r, &v)) != 0)
		return st;
	if (db_company_get(r, &c) != DB_OK || db_begin(r) != DB_OK)
		return HTTP_500;
	rc = db_visit_set_status(r, v.id, status);
	if (rc == DB_OK && (job_event_add(r, v.job_id, "visit",
	    arena_printf(r->arena, "Visit of %s %s", visit_when(r, &v,
	    c.timezone), what), false, 0) != DB_OK || db_commit(r) != DB_OK))
		rc = DB_ERR;
	if (rc != DB_OK)
		db_rollback(r);
	if (rc == DB_NONE)
		return job_redirect(r, v.job_id, "visit_closed");
	if (rc != DB_OK)
		return HTTP_500;
	return job_redirect(r, v.job_id, code);
}

/* POST /app/visits/:id/done */
int
visits_done(struct req *r)
{
	return close_visit(r, "done", "marked done", "visit_done");
}

/* POST /app/visits/:id/cancel */
int
visits_cancel(struct req *r)
{
	return close_visit(r, "cancelled", "cancelled", "visit_cancelled");
}

/* ------------------------------------------------------------------ */

static char *
date_href(struct req *r, int64_t days, int64_t user)
{
	struct tz_date	 dt;
	char		 s[11];

	tz_civil(days, &dt);
	tz_date_str(&dt, s);
	if (user)
		return arena_printf(r->arena, "/app/schedule?week=%s&user=%lld",
		    s, (long long)user);
	return arena_printf(r->arena, "/app/schedule?week=%s", s);
}

/* "3 – 9 Mar 2025", "28 Feb – 6 Mar 2025", "29 Dec 2025 – 4 Jan 2026" */
static char *
week_title(struct req *r, int64_t monday)
{
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tz_date	 a, b;

	tz_civil(monday, &a);
	tz_civil(monday + 6, &b);
	if (a.y != b.y)
		return arena_printf(r->arena, "%d %s %d – %d %s %d", a.d,
		    mon[a.m - 1], a.y, b.d, mon[b.m - 1], b.y);
	if (a.m != b.m)
		return arena_printf(r->arena, "%d %s – %d %s %d", a.d,
		    mon[a.m - 1], b.d, mon[b.m - 1], b.y);
	return arena_printf(r->arena, "%d – %d %s %d", a.d, b.d, mon[b.m - 1],
	    b.y);
}


static const char *
user_label(const struct user *u)
{
	return *u->name ? u->name : u->email;
}

/*
 * GET /app/schedule?week=YYYY-MM-DD&user=ID — the week (Monday to Sunday,
 * in the company's zone) holding that date, a row per team member and a
 * column per day; office staff may narrow it to one person, field staff
 * only ever see their own row.
 */
int
schedule_show(struct req *r)
{
	struct company	 c;
	struct tz_date	 dt, today;
	struct user	*us, one;
	struct visit	*vs;
	const char	*week = req_arg(r, "week"), *uarg = req_arg(r, "user");
	const char	*zone, *p;
	int64_t		 monday, tdays, user = 0, *row_id, d;
	int		*count, *agenda;
	size_t		 nu, nv, nrows = 0, i, k;
	struct tm	 tm;
	char		 iso[11];
	time_t		 from, to;

	if (db_company_get(r, &c) != DB_OK)
		return HTTP_500;
	zone = c.timezone;
	tz_local_date(zone, time(NULL), &today);
	tdays = tz_days(&today);
	dt = today;
	if (week != NULL && *week != '\0' && !tz_parse_date(week, &dt))
		return HTTP_400;
	monday = tz_days(&dt) - tz_weekday(tz_days(&dt));
	if (!office(r))
		user = r->sess.user_id;
	else if (uarg != NULL && *uarg != '\0') {
		if ((user = id_of(uarg)) == 0)
			return HTTP_404;
		switch (db_user_get(r, user, &one)) {
		case DB_OK:
			break;
		case DB_NONE:
			return HTTP_404;
		default:
			return HTTP_500;
		}
	}
	tz_civil(monday, &dt);
	from = tz_day_start(zone, &dt);
	tz_civil(monday + 7, &dt);
	to = tz_day_start(zone, &dt);
	if (db_visit_list_range(r, from, to, user, &vs, &nv) != DB_OK ||
	    db_user_list(r, &us, &nu) != DB_OK)
		return HTTP_500;

	/* Rows: the team (or the one person), then whoever else has visits. */
	row_id = arena_alloc(r->arena, (nu + nv + 1) * sizeof(*row_id));
	for (i = 0; i < nu; i++)
		if (user == 0 || us[i].id == user) {
			hdf_set(r, arena_printf(r->arena, "Week.Rows.%zu.Name",
			    nrows), user_label(&us[i]));
			row_id[nrows++] = us[i].id;
		}
	if (user != 0 && nrows == 0) {
		hdf_set(r, "Week.Rows.0.Name", user_label(&one));
		row_id[nrows++] = user;
	}
	for (k = 0; k < nv; k++) {
		for (i = 0; i < nrows && row_id[i] != vs[k].user_id; i++)
			;
		if (i == nrows) {
			hdf_set(r, arena_printf(r->arena, "Week.Rows.%zu.Name",
			    nrows), vs[k].user_id ? vs[k].user_name :
			    "Not assigned");
			if (vs[k].user_id == 0)
				hdf_set(r, arena_printf(r->arena,
				    "Week.Rows.%zu.Unassigned", nrows), "1");
			row_id[nrows++] = vs[k].user_id;
		}
	}
	count = arena_zalloc(r->arena, nrows * 7 * sizeof(*count));
	agenda = arena_zalloc(r->arena, 7 * sizeof(*agenda));
	for (d = 0; d < 7; d++) {
		tz_civil(monday + d, &dt);
		memset(&tm, 0, sizeof(tm));
		tm.tm_year = dt.y - 1900;
		tm.tm_mon = dt.m - 1;
		tm.tm_mday = dt.d;
		tm.tm_wday = (int)((d + 1) % 7);
		tz_date_str(&dt, iso);
		p = arena_printf(r->arena, "Week.Days.%lld", (long long)d);
		hdf_set(r, arena_printf(r->arena, "%s.Name", p),
		    fmt(r, &tm, "%a"));
		hdf_set(r, arena_printf(r->arena, "%s.Date", p),
		    fmt(r, &tm, "%-d %b"));
		hdf_set(r, arena_printf(r->arena, "%s.Long", p),
		    fmt(r, &tm, "%A %-d %B"));
		hdf_set(r, arena_printf(r->arena, "%s.Iso", p), iso);
		if (monday + d == tdays)
			hdf_set(r, arena_printf(r->arena, "%s.IsToday", p), "1");
		for (i = 0; i < nrows; i++) {
			p = arena_printf(r->arena, "Week.Rows.%zu.Days.%lld", i,
			    (long long)d);
			hdf_set(r, arena_printf(r->arena, "%s.Iso", p), iso);
			if (monday + d == tdays)
				hdf_set(r, arena_printf(r->arena,
				    "%s.IsToday", p), "1");
		}
	}
	for (k = 0; k < nv; k++) {
		tz_local_date(zone, vs[k].starts_at, &dt);
		d = tz_days(&dt) - monday;
		if (d < 0 || d > 6)
			continue;
		for (i = 0; i < nrows && row_id[i] != vs[k].user_id; i++)
			;
		put_one(r, arena_printf(r->arena,
		    "Week.Rows.%zu.Days.%lld.Visits.%d", i, (long long)d,
		    count[i * 7 + (size_t)d]++), &vs[k], zone);
		p = arena_printf(r->arena, "Week.Days.%lld.Visits.%d",
		    (long long)d, agenda[d]++);
		put_one(r, p, &vs[k], zone);
	}
	hdf_set_int(r, "Week.Count", (int64_t)nv);
	hdf_set(r, "Week.Title", week_title(r, monday));
	hdf_set(r, "Week.PrevHref", date_href(r, monday - 7,
	    office(r) ? user : 0));
	hdf_set(r, "Week.NextHref", date_href(r, monday + 7,
	    office(r) ? user : 0));
	hdf_set(r, "Week.TodayHref", office(r) && user ?
	    arena_printf(r->arena, "/app/schedule?user=%lld", (long long)user) :
	    "/app/schedule");
	if (tdays >= monday && tdays < monday + 7)
		hdf_set(r, "Week.IsCurrent", "1");
	tz_civil(monday, &dt);
	tz_date_str(&dt, iso);
	hdf_set(r, "Form.Values.week", iso);
	hdf_set(r, "Company.Timezone", zone);
	if (office(r)) {
		hdf_set(r, "Week.CanFilter", "1");
		if (user)
			hdf_setf(r, "Form.Values.user", "%lld",
			    (long long)user);
		for (i = 0; i < nu; i++) {
			hdf_setf(r, arena_printf(r->arena,
			    "Assignees.%zu.Value", i), "%lld",
			    (long long)us[i].id);
			hdf_set(r, arena_printf(r->arena, "Assignees.%zu.Label",
			    i), user_label(&us[i]));
		}
	}
	hdf_set(r, "Page.Title", "Schedule");
	hdf_set(r, "Page.Nav", "schedule");
	return render(r, "app/schedule/index.cs");
}
