/*
 * Jobs: the list with filters, a new job for a customer (and one of its
 * properties), the job page — its card, the status pipeline with the
 * moves staff may make, visits, project stages and the Job Message
 * History — editing with a version, notes, and the two calls other
 * features make inside their own transactions: job_event_add and
 * job_status_by_fact.  The legal moves live in job_status.c's table.
 *
 * Office and owners change jobs; field staff see the jobs they have a
 * visit on (any other job is a 404 to them, like another company's).
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"

#define JOBS_PAGE	50
#define TITLE_MAX	160
#define DESC_MAX	10000
#define NOTE_MAX	5000

static const char *const job_fields[] = {
	"customer_id", "property_id", "title", "description", "is_project", NULL
};

/* The pipeline as people read it, left to right; Cancelled stands apart. */
static const enum job_status pipeline[] = {
	JOB_REQUESTED, JOB_ESTIMATING, JOB_APPROVED, JOB_SCHEDULED,
	JOB_IN_PROGRESS, JOB_COMPLETED, JOB_INVOICED, JOB_PAID
};

#define NPIPELINE	(sizeof(pipeline) / sizeof(pipeline[0]))

/* "Tue 4 Mar 2025, 14:05": the instant t in zone. */
char *
job_when(struct req *r, const char *zone, time_t t)
{
	struct tm	 tm;
	char		 s[64];

	if (!tz_utc_to_local(zone, t, &tm))
		gmtime_r(&t, &tm);
	strftime(s, sizeof(s), "%a %-d %b %Y, %H:%M", &tm);
	return arena_strdup(r->arena, s);
}

static const char *
when_utc(struct req *r, const char *zone, const char *datetime)
{
	time_t	 t;

	return tz_parse_utc(datetime, &t) ? job_when(r, zone, t) : datetime;
}

static bool
office(const struct req *r)
{
	return r->sess.role >= ROLE_OFFICE;
}

/* A positive id from a form or query value, else 0. */
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

/*
 * Load job id of the company into j, as the signed-in person may see it.
 * Returns 0, or the status to answer: 404 for no such job — another
 * company's, or one a field user has no visit on — and 500.
 */
int
job_load(struct req *r, int64_t id, struct job *j)
{
	int	 rc;

	switch (db_job_get(r, id, j)) {
	case DB_OK:
		break;
	case DB_NONE:
		return HTTP_404;
	default:
		return HTTP_500;
	}
	if (office(r))
		return 0;
	rc = db_job_assigned(r, id, r->sess.user_id);
	return rc == DB_OK ? 0 : rc == DB_NONE ? HTTP_404 : HTTP_500;
}

static int
load_route(struct req *r, struct job *j)
{
	int64_t	 id;

	if (!route_id(r, "id", &id))
		return HTTP_404;
	return job_load(r, id, j);
}

static void
put_status(struct req *r, const char *p, enum job_status s)
{
	hdf_set(r, arena_printf(r->arena, "%s.Status", p), job_status_name(s));
	hdf_set(r, arena_printf(r->arena, "%s.StatusLabel", p),
	    job_status_label(s));
}

/* Job.* (or another prefix) for pages. */
static void
put_job(struct req *r, const char *p, const struct job *j, const char *zone)
{
	hdf_set_int(r, arena_printf(r->arena, "%s.Id", p), j->id);
	hdf_set_int(r, arena_printf(r->arena, "%s.Number", p), j->number);
	hdf_set(r, arena_printf(r->arena, "%s.Title", p), j->title);
	hdf_set(r, arena_printf(r->arena, "%s.Description", p), j->description);
	hdf_set(r, arena_printf(r->arena, "%s.Href", p),
	    arena_printf(r->arena, "/app/jobs/%lld", (long long)j->id));
	hdf_set(r, arena_printf(r->arena, "%s.CustomerName", p),
	    j->customer_name);
	hdf_set(r, arena_printf(r->arena, "%s.CustomerHref", p),
	    arena_printf(r->arena, "/app/customers/%lld",
	    (long long)j->customer_id));
	hdf_set(r, arena_printf(r->arena, "%s.Property", p), j->property);
	hdf_set(r, arena_printf(r->arena, "%s.IsProject", p),
	    j->is_project ? "1" : "0");
	hdf_set(r, arena_printf(r->arena, "%s.Created", p),
	    when_utc(r, zone, j->created_at));
	put_status(r, p, j->status);
}

/* The moves staff may make from the job's status, as buttons. */
static void
put_moves(struct req *r, const struct job *j)
{
	enum job_status	 next[JOB__MAX];
	size_t		 i, k, n;
	const char	*p, *kind;

	n = job_status_next(j->status, JOB_BY_STAFF, next);
	for (i = 0; i < n; i++) {
		p = arena_printf(r->arena, "Job.Next.%zu", i);
		hdf_set(r, arena_printf(r->arena, "%s.Value", p),
		    job_status_name(next[i]));
		kind = next[i] == JOB_CANCELLED ? "cancel" :
		    j->status == JOB_CANCELLED ? "reopen" : "forward";
		hdf_set(r, arena_printf(r->arena, "%s.Kind", p), kind);
		hdf_set(r, arena_printf(r->arena, "%s.Label", p),
		    strcmp(kind, "cancel") == 0 ? "Cancel job" :
		    strcmp(kind, "reopen") == 0 ? "Reopen job" :
		    arena_printf(r->arena, "Move to %s",
		    job_status_label(next[i])));
	}
	for (i = 0, k = 0; i < NPIPELINE; i++) {
		p = arena_printf(r->arena, "Job.Pipeline.%zu", i);
		hdf_set(r, arena_printf(r->arena, "%s.Label", p),
		    job_status_label(pipeline[i]));
		if (pipeline[i] == j->status)
			k = i + 1;
	}
	for (i = 0; i < NPIPELINE; i++)
		hdf_set(r, arena_printf(r->arena, "Job.Pipeline.%zu.State", i),
		    k == 0 ? "ahead" : i + 1 < k ? "done" : i + 1 == k ?
		    "current" : "ahead");
}

/* A history kind's label; unknown kinds read as "Update". */
static const char *
kind_label(const char *kind)
{
	static const struct choice kinds[] = {
		{ "created", "Created" }, { "status", "Status" },
		{ "note", "Note" }, { "visit", "Visit" }, { "stage", "Stage" },
		{ "estimate", "Estimate" }, { "invoice", "Invoice" },
		{ "payment", "Payment" }, { "approval", "Approval" },
		{ "message", "Message" }, { "document", "Document" },
		{ "share", "Shared" }, { "view", "Viewed" },
		{ "revision", "Revision requested" }, { "dispute", "Dispute" },
		{ NULL, NULL }
	};
	const struct choice	*k;

	for (k = kinds; k->value != NULL; k++)
		if (strcmp(k->value, kind) == 0)
			return k->label;
	return NULL;
}

/* <list>.N (History.N, Activity.N) from events, times in zone. */
void
job_put_events(struct req *r, const char *list, const struct job_event *e,
    size_t n, const char *zone)
{
	const char	*p, *label;
	size_t		 i;

	for (i = 0; i < n; i++) {
		p = arena_printf(r->arena, "%s.%zu", list, i);
		label = kind_label(e[i].kind);
		hdf_set(r, arena_printf(r->arena, "%s.Kind", p),
		    label ? e[i].kind : "other");
		hdf_set(r, arena_printf(r->arena, "%s.KindLabel", p),
		    label ? label : "Update");
		hdf_set(r, arena_printf(r->arena, "%s.Body", p), e[i].body);
		hdf_set(r, arena_printf(r->arena, "%s.Who", p), e[i].user_name);
		hdf_set(r, arena_printf(r->arena, "%s.When", p),
		    when_utc(r, zone, e[i].created_at));
		hdf_set(r, arena_printf(r->arena, "%s.Visible", p),
		    e[i].visible ? "1" : "0");
		hdf_set_int(r, arena_printf(r->arena, "%s.JobNumber", p),
		    e[i].job_number);
		hdf_set(r, arena_printf(r->arena, "%s.JobTitle", p),
		    e[i].job_title);
		hdf_set(r, arena_printf(r->arena, "%s.JobHref", p),
		    arena_printf(r->arena, "/app/jobs/%lld",
		    (long long)e[i].job_id));
	}
}

/* <list>.N: the job history entries about one document, newest first
 * (created, sent, shared, viewed, answered, paid).  0, or -1. */
int
job_put_doc_events(struct req *r, const char *list, int64_t job_id,
    int64_t document_id, const char *zone)
{
	struct job_event	*e, *mine;
	size_t			 i, n, k = 0;

	if (db_job_event_list(r, job_id, &e, &n) != DB_OK)
		return -1;
	mine = arena_alloc(r->arena, (n ? n : 1) * sizeof(*mine));
	for (i = 0; i < n; i++)
		if (e[i].document_id == document_id)
			mine[k++] = e[i];
	job_put_events(r, list, mine, k, zone);
	return 0;
}

/* Documents.N: the job's estimates and invoices, with totals and balances. */
static int
put_documents(struct req *r, const struct job *j)
{
	struct doc_defaults	 dd;
	struct customer_doc	*ds;
	const char		*p;
	size_t			 i, n;
	bool			 invoice;

	if (db_doc_defaults_get(r, &dd) != DB_OK ||
	    db_job_documents(r, j->id, &ds, &n) != DB_OK)
		return -1;
	for (i = 0; i < n; i++) {
		p = arena_printf(r->arena, "Documents.%zu", i);
		invoice = strcmp(ds[i].kind, "invoice") == 0;
#define KEY(s)	arena_printf(r->arena, "%s.%s", p, (s))
		hdf_set(r, KEY("KindLabel"), invoice ? "Invoice" : "Estimate");
		hdf_set_int(r, KEY("Number"), ds[i].number);
		if (ds[i].revision > 1)
			hdf_set_int(r, KEY("Revision"), ds[i].revision);
		hdf_set(r, KEY("Status"), ds[i].status);
		hdf_set(r, KEY("StatusLabel"), doc_status_label(
		    doc_status_parse(ds[i].status)));
		hdf_set(r, KEY("Total"), money_format(r->arena,
		    ds[i].total_cents, dd.currency));
		if (invoice)
			hdf_set(r, KEY("Balance"), money_format(r->arena,
			    ds[i].total_cents - ds[i].paid_cents, dd.currency));
		hdf_set(r, KEY("Href"), doc_href(r, invoice ? DOC_INVOICE :
		    DOC_ESTIMATE, ds[i].id, ""));
#undef KEY
	}
	hdf_set(r, "Job.Href.NewEstimate", arena_printf(r->arena,
	    "/app/jobs/%lld/estimates/new", (long long)j->id));
	hdf_set(r, "Job.Href.NewInvoice", arena_printf(r->arena,
	    "/app/jobs/%lld/invoices/new", (long long)j->id));
	return 0;
}

/*
 * The job page with everything on it, answering `status` (200, or 422
 * and 409 with the messages already in Form.*).
 */
int
job_page(struct req *r, const struct job *j, int status)
{
	struct company		 c;
	struct job_event	*ev;
	size_t			 n;

	if (db_company_get(r, &c) != DB_OK ||
	    db_job_event_list(r, j->id, &ev, &n) != DB_OK)
		return HTTP_500;
	put_job(r, "Job", j, c.timezone);
	hdf_set(r, "Company.Timezone", c.timezone);
	put_moves(r, j);
	job_put_events(r, "History", ev, n, c.timezone);
	if (office(r))
		hdf_set(r, "User.Can.EditJobs", "1");
	if (visits_put_job(r, j, c.timezone) == -1 ||
	    (j->is_project && stages_put_job(r, j) == -1) ||
	    (office(r) && put_documents(r, j) == -1))
		return HTTP_500;
	hdf_set(r, "Page.Title", arena_printf(r->arena, "Job #%lld · %s",
	    (long long)j->number, j->title));
	hdf_set(r, "Page.Nav", "jobs");
	return render_as(r, "app/jobs/show.cs", status);
}

/* ------------------------------------------------------------------ */

/*
 * Add an entry to job_id's history, written by the signed-in user (none
 * in the portal): kind is a short word (note, status, estimate, invoice,
 * payment, ...), body what people read, visible whether the customer sees
 * it, document_id the estimate or invoice it is about (0: none).  Runs in
 * the caller's transaction.  DB_OK, DB_NONE when the job is not the
 * company's, DB_ERR.
 */
int
job_event_add(struct req *r, int64_t job_id, const char *kind,
    const char *body, bool visible, int64_t document_id)
{
	if (kind == NULL || *kind == '\0' || strlen(kind) > 32 || body == NULL)
		abort();
	return db_job_event_insert(r, job_id, kind, body, visible, document_id);
}

/* Move a locked job from `from` to `to` and say so in its history. */
static int
move(struct req *r, int64_t job_id, enum job_status from, enum job_status to)
{
	int	 rc;

	if ((rc = db_job_set_status(r, job_id, to)) != DB_OK)
		return rc;
	return job_event_add(r, job_id, "status", arena_printf(r->arena,
	    "%s → %s", job_status_label(from), job_status_label(to)), false, 0);
}

/*
 * A fact moves the job: an estimate approved (JOB_APPROVED), a first
 * visit (JOB_SCHEDULED), an invoice issued (JOB_INVOICED), the invoices
 * paid (JOB_PAID), a refund or void undoing those.  Locks the job row in
 * the caller's transaction; when the table has the move for a fact, the
 * status changes and a 'status' entry joins the history.  A fact that
 * does not move the job from where it is (an invoice issued while the
 * job is still in progress) changes nothing and is still DB_OK.  DB_NONE
 * when the job is not the company's, DB_ERR.
 */
int
job_status_by_fact(struct req *r, int64_t job_id, enum job_status to)
{
	enum job_status	 from;
	int		 rc;

	if ((rc = db_job_lock(r, job_id, &from)) != DB_OK)
		return rc;
	if (from == to || !job_status_allowed(from, to, JOB_BY_FACT))
		return DB_OK;
	return move(r, job_id, from, to);
}

/* ------------------------------------------------------------------ */

static void
status_choices(struct req *r)
{
	int	 i;

	hdf_set(r, "StatusChoices.0.Value", "open");
	hdf_set(r, "StatusChoices.0.Label", "Open jobs");
	hdf_set(r, "StatusChoices.1.Value", "all");
	hdf_set(r, "StatusChoices.1.Label", "All jobs");
	for (i = 0; i < JOB__MAX; i++) {
		hdf_set(r, arena_printf(r->arena, "StatusChoices.%d.Value",
		    i + 2), job_status_name((enum job_status)i));
		hdf_set(r, arena_printf(r->arena, "StatusChoices.%d.Label",
		    i + 2), job_status_label((enum job_status)i));
	}
}

/* GET /app/jobs?status=open|all|<status>&q=&before=<number> */
int
jobs_index(struct req *r)
{
	struct company	 c;
	struct job_filter f;
	struct job	*js;
	const char	*st = req_arg(r, "status"), *q = req_arg(r, "q");
	const char	*before = req_arg(r, "before"), *p;
	size_t		 i, n;
	int		 status = HTTP_200;

	memset(&f, 0, sizeof(f));
	f.status = JOB__MAX;
	if (st == NULL || *st == '\0')
		st = "open";
	if (strcmp(st, "open") == 0)
		f.open = true;
	else if ((f.status = job_status_parse(st)) == JOB__MAX)
		st = "all";
	f.q = str_trim(r->arena, q ? q : "");
	if (form_error(r, "q", valid_text(f.q, 0, 100))) {
		status = HTTP_422;
		f.q = "";
	}
	f.before = id_of(before);
	if (!office(r))
		f.user_id = r->sess.user_id;
	if (db_company_get(r, &c) != DB_OK ||
	    db_job_list(r, &f, &js, &n) != DB_OK)
		return HTTP_500;
	for (i = 0; i < n && i < JOBS_PAGE; i++) {
		p = arena_printf(r->arena, "Jobs.%zu", i);
		put_job(r, p, &js[i], c.timezone);
	}
	if (n > JOBS_PAGE)
		hdf_set(r, "Paging.Next", arena_printf(r->arena,
		    "/app/jobs?status=%s&q=%s&before=%lld", url_encode(r->arena,
		    st), url_encode(r->arena, f.q),
		    (long long)js[JOBS_PAGE - 1].number));
	if (f.before > 0)
		hdf_set(r, "Paging.First", arena_printf(r->arena,
		    "/app/jobs?status=%s&q=%s", url_encode(r->arena, st),
		    url_encode(r->arena, f.q)));
	hdf_set(r, "Form.Values.status", st);
	if (status == HTTP_200)
		hdf_set(r, "Form.Values.q", f.q);
	else
		hdf_set(r, "Form.Values.q", q);
	hdf_set(r, "Filter.Active", *f.q || !f.open ? "1" : "0");
	if (office(r))
		hdf_set(r, "User.Can.EditJobs", "1");
	status_choices(r);
	hdf_set(r, "Page.Title", "Jobs");
	hdf_set(r, "Page.Nav", "jobs");
	return render_as(r, "app/jobs/index.cs", status);
}

static void
put_choices(struct req *r, const char *list, const struct choice *c, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		hdf_set(r, arena_printf(r->arena, "%s.%zu.Value", list, i),
		    c[i].value);
		hdf_set(r, arena_printf(r->arena, "%s.%zu.Label", list, i),
		    c[i].label);
	}
}

/*
 * The new-job page: without a customer, the choice of one; with one, the
 * job form for it and its properties.
 */
static int
new_page(struct req *r, int64_t customer_id, const char *customer_name,
    int status)
{
	struct choice	*cs;
	size_t		 n;

	if (customer_id == 0) {
		if (db_customer_choices(r, &cs, &n) != DB_OK)
			return HTTP_500;
		put_choices(r, "Customers", cs, n);
	} else {
		if (db_property_choices(r, customer_id, &cs, &n) != DB_OK)
			return HTTP_500;
		put_choices(r, "Properties", cs, n);
		hdf_set_int(r, "NewJob.CustomerId", customer_id);
		hdf_set(r, "NewJob.CustomerName", customer_name);
		hdf_set(r, "NewJob.CustomerHref", arena_printf(r->arena,
		    "/app/customers/%lld", (long long)customer_id));
		hdf_setf(r, "Form.Values.customer_id", "%lld",
		    (long long)customer_id);
	}
	hdf_set(r, "Page.Title", "New job");
	hdf_set(r, "Page.Nav", "jobs");
	return render_as(r, "app/jobs/new.cs", status);
}

/* GET /app/jobs/new[?customer_id=] */
int
jobs_new(struct req *r)
{
	const char	*arg = req_arg(r, "customer_id"), *name = "";
	int64_t		 cid = 0;

	if (arg != NULL && *arg != '\0') {
		if ((cid = id_of(arg)) == 0)
			return HTTP_404;
		switch (db_customer_name(r, cid, &name)) {
		case DB_OK:
			break;
		case DB_NONE:
			return HTTP_404;
		default:
			return HTTP_500;
		}
	}
	return new_page(r, cid, name, HTTP_200);
}

/* Is id one of the customer's properties? (0, none, always is.) */
static int
property_ok(struct req *r, int64_t customer_id, int64_t id, bool *ok)
{
	struct choice	*cs;
	size_t		 i, n;
	char		*s;

	*ok = id == 0;
	if (id == 0)
		return DB_OK;
	if (db_property_choices(r, customer_id, &cs, &n) != DB_OK)
		return DB_ERR;
	s = arena_printf(r->arena, "%lld", (long long)id);
	for (i = 0; i < n; i++)
		if (strcmp(cs[i].value, s) == 0)
			*ok = true;
	return DB_OK;
}

/* Read and check title, description, property and is_project into j. */
static int
read_job(struct req *r, struct job *j, int *errors)
{
	const char	*prop = req_field(r, "property_id");
	bool		 ok;

	j->title = str_trim(r->arena, req_field(r, "title"));
	j->description = str_trim(r->arena, req_field(r, "description"));
	j->is_project = strcmp(req_field(r, "is_project"), "1") == 0;
	j->property_id = id_of(prop);
	*errors += form_error(r, "title", valid_line(j->title, 1, TITLE_MAX));
	*errors += form_error(r, "description", valid_text(j->description, 0,
	    DESC_MAX));
	if (*prop != '\0' && j->property_id == 0)
		ok = false;
	else if (property_ok(r, j->customer_id, j->property_id, &ok) != DB_OK)
		return DB_ERR;
	*errors += form_error(r, "property_id", ok ? NULL :
	    "Choose one of this customer's properties");
	return DB_OK;
}

/* POST /app/jobs */
int
jobs_create(struct req *r)
{
	struct job	 j;
	const char	*name = "";
	int64_t		 id;
	int		 n = 0, rc;

	memset(&j, 0, sizeof(j));
	j.customer_id = id_of(req_field(r, "customer_id"));
	rc = j.customer_id ? db_customer_name(r, j.customer_id, &name) :
	    DB_NONE;
	if (rc == DB_ERR)
		return HTTP_500;
	if (rc == DB_NONE) {
		form_error(r, "customer_id", "Choose a customer");
		return new_page(r, 0, "", HTTP_422);
	}
	if (read_job(r, &j, &n) != DB_OK)
		return HTTP_500;
	if (n > 0) {
		form_keep(r, job_fields);
		return new_page(r, j.customer_id, name, HTTP_422);
	}
	if (db_begin(r) != DB_OK)
		return HTTP_500;
	if ((rc = db_counter_next(r, "job", &j.number)) == DB_OK &&
	    (rc = db_job_insert(r, &j, &id)) == DB_DUP &&
	    (rc = db_job_counter_catch_up(r)) == DB_OK &&
	    (rc = db_counter_next(r, "job", &j.number)) == DB_OK)
		rc = db_job_insert(r, &j, &id);
	if (rc != DB_OK ||
	    job_event_add(r, id, "created", "Job created", false, 0) != DB_OK ||
	    db_commit(r) != DB_OK) {
		db_rollback(r);
		return HTTP_500;
	}
	flash(r, "job_created");
	return redirect(r, arena_printf(r->arena, "/app/jobs/%lld",
	    (long long)id));
}

/* GET /app/jobs/:id */
int
jobs_show(struct req *r)
{
	struct job	 j;
	int		 st;

	if ((st = load_route(r, &j)) != 0)
		return st;
	return job_page(r, &j, HTTP_200);
}

static void
keep_job(struct req *r, const struct job *j)
{
	hdf_set(r, "Form.Values.title", j->title);
	hdf_set(r, "Form.Values.description", j->description);
	hdf_setf(r, "Form.Values.property_id", "%lld",
	    (long long)j->property_id);
	hdf_set(r, "Form.Values.is_project", j->is_project ? "1" : "");
	hdf_set_int(r, "Form.Values.version", j->version);
}

static int
edit_page(struct req *r, const struct job *j, int status)
{
	struct company	 c;
	struct choice	*cs;
	size_t		 n;

	if (db_company_get(r, &c) != DB_OK ||
	    db_property_choices(r, j->customer_id, &cs, &n) != DB_OK)
		return HTTP_500;
	put_job(r, "Job", j, c.timezone);
	put_choices(r, "Properties", cs, n);
	hdf_set(r, "Page.Title", arena_printf(r->arena, "Edit job #%lld",
	    (long long)j->number));
	hdf_set(r, "Page.Nav", "jobs");
	return render_as(r, "app/jobs/edit.cs", status);
}

/* GET /app/jobs/:id/edit */
int
jobs_edit(struct req *r)
{
	struct job	 j;
	int		 st;

	if ((st = load_route(r, &j)) != 0)
		return st;
	keep_job(r, &j);
	return edit_page(r, &j, HTTP_200);
}

/* POST /app/jobs/:id */
int
jobs_update(struct req *r)
{
	struct job	 j, cur;
	int		 st, n = 0;

	if ((st = load_route(r, &cur)) != 0)
		return st;
	j = cur;
	if (read_job(r, &j, &n) != DB_OK)
		return HTTP_500;
	j.version = strtoll(req_field(r, "version"), NULL, 10);
	if (n > 0) {
		form_keep(r, job_fields);
		hdf_set_int(r, "Form.Values.version", j.version);
		return edit_page(r, &cur, HTTP_422);
	}
	switch (db_job_update(r, &j)) {
	case DB_OK:
		flash(r, "job_saved");
		return redirect(r, arena_printf(r->arena, "/app/jobs/%lld",
		    (long long)j.id));
	case DB_STALE:
		if (db_job_get(r, cur.id, &cur) != DB_OK)
			return HTTP_500;
		keep_job(r, &cur);
		hdf_set(r, "Form.Error", "Someone else changed this job while "
		    "you were editing. These are the current values: review "
		    "them and save again.");
		hdf_set(r, "Mine.Title", j.title);
		hdf_set(r, "Mine.Description", j.description);
		return edit_page(r, &cur, HTTP_409);
	default:
		return HTTP_500;
	}
}

/* A cancelled job's scheduled visits are called off with it. */
static int
cancel_visits(struct req *r, int64_t job_id)
{
	uint64_t	 n;
	int		 rc;

	if ((rc = db_visit_cancel_job(r, job_id, &n)) != DB_OK || n == 0)
		return rc;
	return job_event_add(r, job_id, "visit", n == 1 ?
	    "The scheduled visit was cancelled with the job" :
	    arena_printf(r->arena, "The %llu scheduled visits were cancelled "
	    "with the job", (unsigned long long)n), false, 0);
}

/* Why staff can't make a move, in words. */
static const char *
refusal(struct req *r, enum job_status from, enum job_status to)
{
	if (to == JOB_INVOICED)
		return "Invoiced can't be chosen by hand: a job becomes "
		    "Invoiced when an invoice is issued for it.";
	if (to == JOB_PAID)
		return "Paid can't be chosen by hand: a job becomes Paid when "
		    "its invoices are paid in full.";
	if (from == to)
		return arena_printf(r->arena, "This job is already %s.",
		    job_status_label(to));
	return arena_printf(r->arena, "A job that is %s can't be moved to %s.",
	    job_status_label(from), job_status_label(to));
}

/* POST /app/jobs/:id/status (to=<status>) */
int
jobs_status(struct req *r)
{
	struct job	 j;
	enum job_status	 to = job_status_parse(req_field(r, "to")), from;
	int		 st;

	if ((st = load_route(r, &j)) != 0)
		return st;
	if (to == JOB__MAX) {
		hdf_set(r, "Form.Error", "Choose a status to move the job to.");
		return job_page(r, &j, HTTP_422);
	}
	if (db_begin(r) != DB_OK)
		return HTTP_500;
	if (db_job_lock(r, j.id, &from) != DB_OK) {
		db_rollback(r);
		return HTTP_500;
	}
	if (!job_status_allowed(from, to, JOB_BY_STAFF)) {
		db_rollback(r);
		j.status = from;
		hdf_set(r, "Form.Error", refusal(r, from, to));
		return job_page(r, &j, HTTP_422);
	}
	if (move(r, j.id, from, to) != DB_OK ||
	    (to == JOB_CANCELLED && cancel_visits(r, j.id) != DB_OK) ||
	    db_commit(r) != DB_OK) {
		db_rollback(r);
		return HTTP_500;
	}
	flash(r, "job_status");
	return redirect(r, arena_printf(r->arena, "/app/jobs/%lld",
	    (long long)j.id));
}

/* POST /app/jobs/:id/notes (note, note_visible) */
int
jobs_note(struct req *r)
{
	struct job	 j;
	const char	*body = str_trim(r->arena, req_field(r, "note"));
	bool		 visible;
	int		 st;

	if ((st = load_route(r, &j)) != 0)
		return st;
	visible = strcmp(req_field(r, "note_visible"), "1") == 0;
	if (form_error(r, "note", valid_text(body, 1, NOTE_MAX))) {
		hdf_set(r, "Form.Values.note", req_field(r, "note"));
		hdf_set(r, "Form.Values.note_visible", visible ? "1" : "");
		return job_page(r, &j, HTTP_422);
	}
	if (db_begin(r) != DB_OK)
		return HTTP_500;
	if (job_event_add(r, j.id, "note", body, visible, 0) != DB_OK ||
	    (visible && alert_customer(r, j.id, 0, "reply", body) != DB_OK) ||
	    db_commit(r) != DB_OK) {
		db_rollback(r);
		return HTTP_500;
	}
	flash(r, "note_added");
	return redirect(r, arena_printf(r->arena, "/app/jobs/%lld#history",
	    (long long)j.id));
}
