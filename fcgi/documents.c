/*
 * Estimates and invoices: the lists, the form (new and edit, drafts only),
 * the document page (print-friendly), and the company's money settings
 * (currency, default tax rate and terms).  Both kinds share one shape and
 * one set of templates; the handlers below are thin per-kind doors into
 * the shared code.  Status changes live in doc_actions.c, payments in
 * payments.c, the form's parsing in lines.c.
 *
 * A document belongs to a job and, through it, to a customer; every id
 * of the request (route, job_id, a price book item) is resolved within
 * the signed-in company, so another company's id is a 404.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"

#define DOC_PAGE	50	/* rows of a list page */
#define FORM_ROWS	3	/* blank rows of a new document */

static const struct kind {
	const char	*name;
	const char	*label;
	const char	*plural;
	const char	*path;
	const char	*until;		/* the date field after the issue date */
	const char	*until_label;
} kinds[DOC__MAX] = {
	[DOC_ESTIMATE] = { "estimate", "Estimate", "Estimates",
	    "/app/estimates", "valid_until", "Valid until" },
	[DOC_INVOICE] = { "invoice", "Invoice", "Invoices",
	    "/app/invoices", "due_on", "Due" },
};

static const struct choice statuses[DOCST__MAX] = {
	[DOCST_DRAFT] =		{ "draft",	"Draft" },
	[DOCST_SENT] =		{ "sent",	"Sent" },
	[DOCST_APPROVED] =	{ "approved",	"Approved" },
	[DOCST_DECLINED] =	{ "declined",	"Declined" },
	[DOCST_SUPERSEDED] =	{ "superseded",	"Superseded" },
	[DOCST_PARTIAL] =	{ "partial",	"Partly paid" },
	[DOCST_PAID] =		{ "paid",	"Paid" },
	[DOCST_VOID] =		{ "void",	"Void" },
	[DOCST_REVISION_REQUESTED] = { "revision_requested", "Revision requested" },
};

/* The status filters of each list. */
static const struct choice estimate_filters[] = {
	{ "", "All" }, { "draft", "Draft" }, { "sent", "Sent" },
	{ "approved", "Approved" }, { "declined", "Declined" }, { NULL, NULL }
};
static const struct choice invoice_filters[] = {
	{ "", "All" }, { "draft", "Draft" }, { "unpaid", "Unpaid" },
	{ "overdue", "Overdue" }, { "partial", "Partly paid" },
	{ "paid", "Paid" }, { "void", "Void" }, { NULL, NULL }
};

static const struct choice currencies[] = {
	{ "USD", "US dollar ($)" }, { "CAD", "Canadian dollar ($)" },
	{ "AUD", "Australian dollar ($)" }, { "NZD", "New Zealand dollar ($)" },
	{ "MXN", "Mexican peso ($)" }, { "EUR", "Euro (€)" },
	{ "GBP", "Pound sterling (£)" }, { NULL, NULL }
};

const char *
doc_kind_name(enum doc_kind k)
{
	return kinds[k < DOC__MAX ? k : DOC_ESTIMATE].name;
}

const char *
doc_status_name(enum doc_status s)
{
	return s < DOCST__MAX ? statuses[s].value : "";
}

const char *
doc_status_label(enum doc_status s)
{
	return s < DOCST__MAX ? statuses[s].label : "";
}

/* The status named s; DOCST__MAX when none is. */
enum doc_status
doc_status_parse(const char *s)
{
	int	 i;

	for (i = 0; i < DOCST__MAX; i++)
		if (strcmp(s, statuses[i].value) == 0)
			return (enum doc_status)i;
	return DOCST__MAX;
}

/* "/app/estimates/12" + suffix ("", "/edit", ...). */
const char *
doc_href(struct req *r, enum doc_kind k, int64_t id, const char *suffix)
{
	return arena_printf(r->arena, "%s/%lld%s", kinds[k].path,
	    (long long)id, suffix);
}

static void
put_kind(struct req *r, enum doc_kind k)
{
	hdf_set(r, "Doc.Kind", kinds[k].name);
	hdf_set(r, "Doc.KindLabel", kinds[k].label);
	hdf_set(r, "Doc.KindPlural", kinds[k].plural);
	hdf_set(r, "Doc.UntilField", kinds[k].until);
	hdf_set(r, "Doc.UntilLabel", kinds[k].until_label);
	hdf_set(r, "Doc.Href.Index", kinds[k].path);
	hdf_set(r, "Page.Nav", k == DOC_ESTIMATE ? "estimates" : "invoices");
}

/* A positive id written in decimal, else 0. */
static int64_t
id_of(const char *s)
{
	char		*end;
	long long	 v;

	if (s == NULL || *s < '1' || *s > '9')
		return 0;
	v = strtoll(s, &end, 10);
	return *end == '\0' && v > 0 ? v : 0;
}

/* Load document id (from the route) of kind, and the money settings. */
int
doc_load(struct req *r, enum doc_kind kind, int64_t id, struct document *d,
    struct doc_defaults *dd)
{
	if (db_doc_defaults_get(r, dd) != DB_OK)
		return HTTP_500;
	switch (db_document_get(r, kind, id, d)) {
	case DB_OK:
		return 0;
	case DB_NONE:
		return HTTP_404;
	default:
		return HTTP_500;
	}
}

static int
route_doc(struct req *r, enum doc_kind kind, struct document *d,
    struct doc_defaults *dd)
{
	int64_t	 id;

	if (!route_id(r, "id", &id))
		return HTTP_404;
	return doc_load(r, kind, id, d, dd);
}

/* "Estimate #12 sent (total $1,234.00)" for the job's history. */
char *
doc_event(struct req *r, const struct document *d, const char *what,
    const char *currency)
{
	return arena_printf(r->arena, "%s #%lld %s (total %s)",
	    kinds[d->kind].label, (long long)d->number, what,
	    money_format(r->arena, d->t.total_cents, currency));
}

/* ---------------------------------------------------------------- lists */

static void
put_row(struct req *r, struct hdf_node *list, size_t i, enum doc_kind kind,
    const struct doc_row *d, const char *currency, const char *today)
{
	struct arena	*a = r->arena;
	struct hdf_node	*n = hdf_node_at(list, i);
	bool		 open = d->status == DOCST_SENT ||
			    d->status == DOCST_PARTIAL;

	/* What the list and the derived invoices show, and no more: a page
	 * of 50 rows is 400 values, each a node ClearSilver allocates. */
	hdf_node_int(n, "Id", d->id);
	hdf_node_int(n, "Number", d->number);
	hdf_node_set(n, "Title", d->title);
	hdf_node_set(n, "Status", doc_status_name(d->status));
	hdf_node_set(n, "StatusLabel", doc_status_label(d->status));
	hdf_node_set(n, "Customer", d->customer_name);
	hdf_node_set(n, "Until", lines_date_label(a, d->until));
	hdf_node_set(n, "Total", money_format(a, d->total_cents, currency));
	if (kind != DOC_INVOICE)
		return;
	hdf_node_set(n, "Balance", money_format(a,
	    d->status == DOCST_VOID ? 0 : d->total_cents - d->paid_cents,
	    currency));
	if (open && *d->until && today != NULL && strcmp(d->until, today) < 0)
		hdf_node_set(n, "Overdue", "1");
}

static const char *
list_query(struct req *r, const char *status, const char *q)
{
	return arena_printf(r->arena, "%s%s%s%s", *status ? "&status=" : "",
	    *status ? url_encode(r->arena, status) : "", *q ? "&q=" : "",
	    *q ? url_encode(r->arena, q) : "");
}

static int
index_page(struct req *r, enum doc_kind kind)
{
	const struct choice	*fl = kind == DOC_ESTIMATE ? estimate_filters :
				    invoice_filters;
	struct doc_filter	 f;
	struct doc_row		*rows;
	struct hdf_node		*list;
	const char		*s, *q;
	size_t			 i, n;

	memset(&f, 0, sizeof(f));
	f.kind = kind;
	f.status = "";
	s = req_arg(r, "status");
	for (i = 0; s != NULL && fl[i].value != NULL; i++)
		if (strcmp(s, fl[i].value) == 0)
			f.status = fl[i].value;
	q = str_trim(r->arena, req_arg(r, "q") ? req_arg(r, "q") : "");
	if (valid_text(q, 0, 100) != NULL)
		q = "";
	f.q = q;
	f.today = lines_today(r, r->sess.timezone, 0);
	f.before = id_of(req_arg(r, "before"));
	f.before_rev = f.before ? id_of(req_arg(r, "rev")) : 0;
	if (f.before && f.before_rev == 0)
		f.before_rev = 1;
	if (db_document_list(r, &f, &rows, &n) != DB_OK)
		return HTTP_500;
	list = hdf_node(r, "Docs");
	for (i = 0; i < n && i < DOC_PAGE; i++)
		put_row(r, list, i, kind, &rows[i], r->sess.currency, f.today);
	if (n > DOC_PAGE)
		hdf_set(r, "Paging.Next", arena_printf(r->arena,
		    "%s?before=%lld&rev=%lld%s", kinds[kind].path,
		    (long long)rows[DOC_PAGE - 1].number,
		    (long long)rows[DOC_PAGE - 1].revision,
		    list_query(r, f.status, q)));
	if (f.before)
		hdf_set(r, "Paging.First", arena_printf(r->arena, "%s%s%s",
		    kinds[kind].path, *f.status || *q ? "?" : "",
		    *f.status || *q ? list_query(r, f.status, q) + 1 : ""));
	for (i = 0; fl[i].value != NULL; i++) {
		s = arena_printf(r->arena, "Filters.%zu", i);
		hdf_set(r, arena_printf(r->arena, "%s.Value", s), fl[i].value);
		hdf_set(r, arena_printf(r->arena, "%s.Label", s), fl[i].label);
	}
	hdf_set(r, "Filter.Status", f.status);
	hdf_set(r, "Filter.Q", q);
	if (*f.status || *q)
		hdf_set(r, "Filter.Any", "1");
	put_kind(r, kind);
	hdf_set(r, "Page.Title", kinds[kind].plural);
	return render(r, "app/documents/index.cs");
}

int
estimates_index(struct req *r)
{
	return index_page(r, DOC_ESTIMATE);
}

int
invoices_index(struct req *r)
{
	return index_page(r, DOC_INVOICE);
}

/* ----------------------------------------------------------------- form */

static void
put_job(struct req *r, const char *p, const struct doc_job *j)
{
	struct arena	*a = r->arena;

	hdf_set_int(r, arena_printf(a, "%s.Id", p), j->id);
	hdf_set_int(r, arena_printf(a, "%s.Number", p), j->number);
	hdf_set(r, arena_printf(a, "%s.Title", p), j->title);
	hdf_set(r, arena_printf(a, "%s.Href", p), arena_printf(a,
	    "/app/jobs/%lld", (long long)j->id));
	hdf_set(r, arena_printf(a, "%s.Customer", p), j->customer_name);
	hdf_set(r, arena_printf(a, "%s.CustomerHref", p), arena_printf(a,
	    "/app/customers/%lld", (long long)j->customer_id));
	hdf_set(r, arena_printf(a, "%s.CustomerEmail", p), j->customer_email);
	hdf_set(r, arena_printf(a, "%s.CustomerPhone", p), j->customer_phone);
	hdf_set(r, arena_printf(a, "%s.Street", p), j->street);
	hdf_set(r, arena_printf(a, "%s.City", p), j->city);
	hdf_set(r, arena_printf(a, "%s.Region", p), j->region);
	hdf_set(r, arena_printf(a, "%s.PostalCode", p), j->postal_code);
	/* Approving an estimate moves only a job that isn't that far yet. */
	if (j->status < JOB_APPROVED)
		hdf_set(r, arena_printf(a, "%s.BeforeApproved", p), "1");
}

/* Items.N for the "add from the price book" control. */
static int
put_items(struct req *r, const char *currency)
{
	struct price_item	*it;
	const char		*p;
	size_t			 i, n;

	if (db_price_item_list(r, false, "", "", 0, 500, &it, &n) != DB_OK)
		return -1;
	for (i = 0; i < n; i++) {
		p = arena_printf(r->arena, "Items.%zu", i);
		hdf_set_int(r, arena_printf(r->arena, "%s.Value", p), it[i].id);
		hdf_set(r, arena_printf(r->arena, "%s.Label", p),
		    arena_printf(r->arena, "%s — %s%s%s", it[i].name,
		    money_format(r->arena, it[i].unit_cents, currency),
		    *it[i].unit ? " / " : "", it[i].unit));
		hdf_set(r, arena_printf(r->arena, "%s.Desc", p),
		    *it[i].description ? arena_printf(r->arena, "%s\n%s",
		    it[i].name, it[i].description) : it[i].name);
		hdf_set(r, arena_printf(r->arena, "%s.Unit", p), it[i].unit);
		hdf_set(r, arena_printf(r->arena, "%s.Price", p),
		    lines_decimal(r->arena, it[i].unit_cents, 2, false));
		hdf_set(r, arena_printf(r->arena, "%s.Taxable", p),
		    it[i].taxable ? "1" : "0");
	}
	return 0;
}

/* The document's lines and totals under p: its page, the 409 panel, the
 * portal's page and the compare page. */
void
doc_put_lines(struct req *r, const char *p, const struct document *d,
    const char *currency)
{
	struct arena	*a = r->arena;
	const char	*l;
	size_t		 i;

	for (i = 0; i < d->nlines; i++) {
		l = arena_printf(a, "%s.Lines.%zu", p, i);
		hdf_set(r, arena_printf(a, "%s.Desc", l), d->lines[i].desc);
		hdf_set(r, arena_printf(a, "%s.Qty", l), lines_decimal(a,
		    d->lines[i].qty_milli, 3, true));
		hdf_set(r, arena_printf(a, "%s.Unit", l), d->lines[i].unit);
		hdf_set(r, arena_printf(a, "%s.Price", l), money_format(a,
		    d->lines[i].unit_cents, currency));
		hdf_set(r, arena_printf(a, "%s.Amount", l), money_format(a,
		    d->lines[i].amount_cents, currency));
		if (d->lines[i].taxable)
			hdf_set(r, arena_printf(a, "%s.Taxable", l), "1");
	}
	hdf_set(r, arena_printf(a, "%s.Subtotal", p),
	    money_format(a, d->t.subtotal_cents, currency));
	if (d->t.discount_cents != 0) {
		hdf_set(r, arena_printf(a, "%s.Discount", p),
		    money_format(a, -d->t.discount_cents, currency));
		if (d->t.discount_is_percent)
			hdf_set(r, arena_printf(a, "%s.DiscountRate", p),
			    arena_printf(a, "%s%%", lines_decimal(a,
			    d->t.discount_value, 2, true)));
	}
	if (d->t.tax_rate_bp != 0 || d->t.tax_cents != 0) {
		hdf_set(r, arena_printf(a, "%s.Tax", p),
		    money_format(a, d->t.tax_cents, currency));
		hdf_set(r, arena_printf(a, "%s.TaxRate", p), arena_printf(a,
		    "%s%%", lines_decimal(a, d->t.tax_rate_bp, 2, true)));
	}
	hdf_set(r, arena_printf(a, "%s.Total", p),
	    money_format(a, d->t.total_cents, currency));
	if (d->t.deposit_cents != 0) {
		hdf_set(r, arena_printf(a, "%s.Deposit", p),
		    money_format(a, d->t.deposit_cents, currency));
		if (d->t.deposit_is_percent)
			hdf_set(r, arena_printf(a, "%s.DepositRate", p),
			    arena_printf(a, "%s%%", lines_decimal(a,
			    d->t.deposit_value, 2, true)));
	}
}

/*
 * The form page: new (cur NULL) or edit of cur; job NULL means "choose a
 * job" (the select of Jobs).  f is what the person typed or what is stored.
 */
static int
form_page(struct req *r, enum doc_kind kind, const struct document *cur,
    const struct doc_job *job, const struct doc_form *f,
    const struct doc_defaults *dd, int status)
{
	struct choice	*jobs;
	size_t		 i, n;

	put_kind(r, kind);
	lines_put(r, f, dd->currency);
	hdf_set(r, "Doc.Currency", dd->currency);
	if (put_items(r, dd->currency) == -1)
		return HTTP_500;
	if (job != NULL)
		put_job(r, "Job", job);
	else {
		if (db_doc_job_choices(r, &jobs, &n) != DB_OK)
			return HTTP_500;
		for (i = 0; i < n; i++) {
			hdf_set(r, arena_printf(r->arena, "Jobs.%zu.Value", i),
			    jobs[i].value);
			hdf_set(r, arena_printf(r->arena, "Jobs.%zu.Label", i),
			    jobs[i].label);
		}
	}
	if (cur != NULL) {
		hdf_set_int(r, "Doc.Id", cur->id);
		hdf_set_int(r, "Doc.Number", cur->number);
		hdf_set_int(r, "Doc.Revision", cur->revision);
		hdf_set(r, "Doc.Status", doc_status_name(cur->status));
		hdf_set(r, "Doc.Href.Show", doc_href(r, kind, cur->id, ""));
		hdf_set(r, "Doc.Href.Form", doc_href(r, kind, cur->id, ""));
		hdf_set(r, "Page.Title", cur->revision > 1 ?
		    arena_printf(r->arena, "Edit %s #%lld · version %lld",
		    kinds[kind].name, (long long)cur->number,
		    (long long)cur->revision) : arena_printf(r->arena,
		    "Edit %s #%lld", kinds[kind].name, (long long)cur->number));
	} else {
		hdf_set(r, "Doc.Href.Form", kinds[kind].path);
		hdf_set(r, "Page.Title", arena_printf(r->arena, "New %s",
		    kinds[kind].name));
	}
	return render_as(r, "app/documents/form.cs", status);
}

/* A new document's form: today, the company's defaults, blank rows. */
static void
form_blank(struct req *r, enum doc_kind kind, const struct doc_job *job,
    const struct doc_defaults *dd, struct doc_form *f)
{
	size_t	 i;

	memset(f, 0, sizeof(*f));
	f->kind = kind;
	f->job_id = job ? arena_printf(r->arena, "%lld", (long long)job->id) :
	    "";
	f->title = job ? job->title : "";
	f->issued_on = lines_today(r, dd->timezone, 0);
	f->until = lines_today(r, dd->timezone, DOC_DAYS);
	f->tax_rate = dd->tax_rate_bp ? lines_decimal(r->arena, dd->tax_rate_bp,
	    2, true) : "";
	f->discount_kind = f->deposit_kind = "amount";
	f->discount = f->deposit = "";
	f->terms = dd->terms;
	f->notes = "";
	f->version = "";
	for (i = 0; i < FORM_ROWS; i++) {
		f->rows[i].desc = f->rows[i].qty = f->rows[i].unit = "";
		f->rows[i].price = f->rows[i].item = "";
		f->rows[i].taxable = true;
	}
	f->nrows = FORM_ROWS;
}

/* The job of a new document: from the route (/app/jobs/:id/...) or ?job_id=. */
static int
job_of_request(struct req *r, struct doc_job *job, bool *found)
{
	const char	*s;
	int64_t		 id = 0;

	*found = false;
	if (params_get(&r->route_args, "id") != NULL) {
		if (!route_id(r, "id", &id))
			return HTTP_404;
	} else if ((s = r->method == METHOD_POST ? req_field(r, "job_id") :
	    req_arg(r, "job_id")) != NULL && *s != '\0') {
		if ((id = id_of(s)) == 0)
			return HTTP_404;
	}
	if (id == 0)
		return 0;
	switch (db_doc_job_get(r, id, job)) {
	case DB_OK:
		*found = true;
		return 0;
	case DB_NONE:
		return HTTP_404;
	default:
		return HTTP_500;
	}
}

static int
new_page(struct req *r, enum doc_kind kind)
{
	struct doc_defaults	 dd;
	struct doc_form		 f;
	struct doc_job		 job;
	bool			 found;
	int			 st;

	if ((st = job_of_request(r, &job, &found)) != 0)
		return st;
	if (db_doc_defaults_get(r, &dd) != DB_OK)
		return HTTP_500;
	form_blank(r, kind, found ? &job : NULL, &dd, &f);
	return form_page(r, kind, NULL, found ? &job : NULL, &f, &dd, HTTP_200);
}

int
estimates_new(struct req *r)
{
	return new_page(r, DOC_ESTIMATE);
}

int
invoices_new(struct req *r)
{
	return new_page(r, DOC_INVOICE);
}

/*
 * The form's buttons other than Save (rows, the price book) answer with
 * the form again, nothing saved.  Returns 0 when action is Save.
 */
static int
form_action(struct req *r, struct doc_form *f, int *status)
{
	struct price_item	 it;
	const char		*action = req_field(r, "action");
	const char		*m;
	int64_t			 id;

	*status = HTTP_200;
	if (*action == '\0' || strcmp(action, "save") == 0)
		return 0;
	if (strcmp(action, "add_item") == 0) {
		if ((id = id_of(req_field(r, "item"))) == 0) {
			form_error(r, "item", "Choose an item of the price book");
			*status = HTTP_422;
			return 1;
		}
		switch (db_price_item_get(r, id, &it)) {
		case DB_OK:
			break;
		case DB_NONE:
			*status = HTTP_404;
			return 1;
		default:
			*status = HTTP_500;
			return 1;
		}
		if (!lines_add_item(f, &it, r->arena))
			hdf_set(r, "Form.Error", "A document can have at most "
			    "30 lines");
		return 1;
	}
	if ((m = lines_row_action(f, action)) == NULL) {
		*status = HTTP_400;
		return 1;
	}
	if (*m != '\0')
		hdf_set(r, "Form.Error", m);
	return 1;
}

/* Each line's price book item must be one of ours; DB_NONE if not. */
static int
items_ours(struct req *r, const struct document *d)
{
	struct price_item	 it;
	size_t			 i;
	int			 rc;

	for (i = 0; i < d->nlines; i++)
		if (d->lines[i].price_item_id != 0 &&
		    (rc = db_price_item_get(r, d->lines[i].price_item_id,
		    &it)) != DB_OK)
			return rc;
	return DB_OK;
}

static int
create(struct req *r, enum doc_kind kind)
{
	struct doc_defaults	 dd;
	struct document		 d;
	struct doc_form		 f;
	struct doc_job		 job;
	bool			 found;
	int			 st, n, rc;

	if ((st = job_of_request(r, &job, &found)) != 0)
		return st;
	if (db_doc_defaults_get(r, &dd) != DB_OK)
		return HTTP_500;
	lines_read(r, kind, &f);
	if (form_action(r, &f, &st) != 0)
		return st >= HTTP_400 && st != HTTP_422 ? st : form_page(r,
		    kind, NULL, found ? &job : NULL, &f, &dd, st);
	memset(&d, 0, sizeof(d));
	n = found ? 0 : form_error(r, "job_id", "Choose a job");
	n += lines_check(r, &f, dd.currency, &d);
	if ((rc = items_ours(r, &d)) != DB_OK)
		return rc == DB_NONE ? HTTP_404 : HTTP_500;
	if (n > 0)
		return form_page(r, kind, NULL, found ? &job : NULL, &f, &dd,
		    HTTP_422);
	d.job_id = job.id;
	d.customer_id = job.customer_id;
	if (db_begin(r) != DB_OK)
		return HTTP_500;
	if ((rc = db_counter_next(r, doc_kind_name(kind), &d.number)) == DB_OK &&
	    (rc = db_document_insert(r, &d, &d.id)) == DB_OK &&
	    (rc = db_lines_replace(r, d.id, d.lines, d.nlines)) == DB_OK)
		rc = job_event_add(r, job.id, kinds[kind].name, doc_event(r,
		    &d, "created", dd.currency), false, d.id);
	/* A job asked for is being estimated once it has an estimate. */
	if (rc == DB_OK && kind == DOC_ESTIMATE)
		rc = job_status_by_fact(r, job.id, JOB_ESTIMATING) == DB_ERR ?
		    DB_ERR : DB_OK;
	if (rc != DB_OK || db_commit(r) != DB_OK) {
		db_rollback(r);
		return HTTP_500;
	}
	flash(r, "doc_created");
	return redirect(r, doc_href(r, kind, d.id, ""));
}

int
estimates_create(struct req *r)
{
	return create(r, DOC_ESTIMATE);
}

int
invoices_create(struct req *r)
{
	return create(r, DOC_INVOICE);
}

static int
edit_page(struct req *r, enum doc_kind kind)
{
	struct doc_defaults	 dd;
	struct document		 d;
	struct doc_form		 f;
	int			 st;

	if ((st = route_doc(r, kind, &d, &dd)) != 0)
		return st;
	if (d.status != DOCST_DRAFT) {
		flash(r, "doc_readonly");
		return redirect(r, doc_href(r, kind, d.id, ""));
	}
	if (doc_revision_request_put(r, &d, dd.timezone) == -1)
		return HTTP_500;
	lines_from_doc(r, &d, &f);
	lines_row_action(&f, "add_row");
	return form_page(r, kind, &d, &d.job, &f, &dd, HTTP_200);
}

int
estimates_edit(struct req *r)
{
	return edit_page(r, DOC_ESTIMATE);
}

int
invoices_edit(struct req *r)
{
	return edit_page(r, DOC_INVOICE);
}

/*
 * A save that lost the race: the form as typed, the version to save over
 * now, and the saved document beside it (Current.*) to compare.
 */
static int
conflict_page(struct req *r, enum doc_kind kind, const struct document *cur,
    struct doc_form *f, const struct doc_defaults *dd)
{
	f->version = arena_printf(r->arena, "%lld", (long long)cur->version);
	doc_put_lines(r, "Current", cur, dd->currency);
	hdf_set(r, "Current.Status", doc_status_label(cur->status));
	hdf_set(r, "Current.Title", cur->title);
	hdf_set(r, "Current.IssuedOn", lines_date_label(r->arena,
	    cur->issued_on));
	hdf_set(r, "Current.Until", lines_date_label(r->arena, cur->until));
	hdf_set(r, "Current.Terms", cur->terms);
	hdf_set(r, "Current.Notes", cur->notes);
	if (cur->status == DOCST_DRAFT)
		hdf_set(r, "Form.Error", arena_printf(r->arena, "Someone else "
		    "saved this %s while you were editing. Your changes are "
		    "below, not saved yet; the saved version is shown after "
		    "them. Review both, then save again to replace it.",
		    kinds[kind].name));
	else {
		hdf_set(r, "Form.Error", arena_printf(r->arena, "This %s was "
		    "marked %s while you were editing, so it can't be changed "
		    "here any more. Your changes are below, not saved.",
		    kinds[kind].name, doc_status_label(cur->status)));
		hdf_set(r, "Form.Locked", "1");
	}
	return form_page(r, kind, cur, &cur->job, f, dd, HTTP_409);
}

static int
update(struct req *r, enum doc_kind kind)
{
	struct doc_defaults	 dd;
	struct document		 cur, d;
	struct doc_form		 f;
	int			 st, n, rc;

	if ((st = route_doc(r, kind, &cur, &dd)) != 0)
		return st;
	lines_read(r, kind, &f);
	f.job_id = arena_printf(r->arena, "%lld", (long long)cur.job_id);
	if (cur.status != DOCST_DRAFT)
		return conflict_page(r, kind, &cur, &f, &dd);
	if (form_action(r, &f, &st) != 0)
		return st >= HTTP_400 && st != HTTP_422 ? st : form_page(r,
		    kind, &cur, &cur.job, &f, &dd, st);
	memset(&d, 0, sizeof(d));
	n = lines_check(r, &f, dd.currency, &d);
	if (n == 0 && d.t.total_cents < cur.paid_cents)
		n += form_error(r, "lines", arena_printf(r->arena, "The total "
		    "can't be less than what has been paid already (%s)",
		    money_format(r->arena, cur.paid_cents, dd.currency)));
	if ((rc = items_ours(r, &d)) != DB_OK)
		return rc == DB_NONE ? HTTP_404 : HTTP_500;
	if (n > 0)
		return form_page(r, kind, &cur, &cur.job, &f, &dd, HTTP_422);
	d.id = cur.id;
	d.number = cur.number;
	d.version = strtoll(f.version, NULL, 10);
	if (db_begin(r) != DB_OK)
		return HTTP_500;
	if ((rc = db_document_update(r, &d)) == DB_OK &&
	    (rc = db_lines_replace(r, d.id, d.lines, d.nlines)) == DB_OK)
		rc = job_event_add(r, cur.job_id, kinds[kind].name,
		    doc_event(r, &d, "edited", dd.currency), false, d.id);
	if (rc == DB_OK && db_commit(r) == DB_OK) {
		flash(r, "doc_saved");
		return redirect(r, doc_href(r, kind, d.id, ""));
	}
	db_rollback(r);
	if (rc != DB_STALE)
		return HTTP_500;
	if ((st = doc_load(r, kind, cur.id, &cur, &dd)) != 0)
		return st;
	return conflict_page(r, kind, &cur, &f, &dd);
}

int
estimates_update(struct req *r)
{
	return update(r, DOC_ESTIMATE);
}

int
invoices_update(struct req *r)
{
	return update(r, DOC_INVOICE);
}

/* ------------------------------------------------------------ the page */

/*
 * What the staff's and the customer's pages of d both show under Doc: its
 * fields, lines and totals, and what was paid and is owed (invoices, and
 * estimates with a deposit).
 */
void
doc_put_fields(struct req *r, const struct document *d, const char *currency)
{
	struct arena	*a = r->arena;
	int64_t		 balance = d->t.total_cents - d->paid_cents;

	hdf_set_int(r, "Doc.Id", d->id);
	hdf_set_int(r, "Doc.Number", d->number);
	hdf_set_int(r, "Doc.Revision", d->revision);
	hdf_set(r, "Doc.Title", d->title);
	hdf_set(r, "Doc.Status", doc_status_name(d->status));
	hdf_set(r, "Doc.StatusLabel", doc_status_label(d->status));
	hdf_set(r, "Doc.IssuedOn", lines_date_label(a, d->issued_on));
	hdf_set(r, "Doc.Until", lines_date_label(a, d->until));
	hdf_set(r, "Doc.Terms", d->terms);
	hdf_set(r, "Doc.Notes", d->notes);
	hdf_set(r, "Doc.Currency", currency);
	doc_put_lines(r, "Doc", d, currency);
	if (d->paid_cents != 0 || d->kind == DOC_INVOICE) {
		hdf_set(r, "Doc.Paid", money_format(a, d->paid_cents, currency));
		hdf_set(r, "Doc.Balance", money_format(a, d->status ==
		    DOCST_VOID ? 0 : balance, currency));
	}
}

static void
put_doc(struct req *r, const struct document *d, const char *currency)
{
	struct arena	*a = r->arena;

	put_kind(r, d->kind);
	doc_put_fields(r, d, currency);
	if (*d->approved_name) {
		hdf_set(r, "Doc.ApprovedName", d->approved_name);
		hdf_set(r, "Doc.ApprovedAt", lines_date_label(a,
		    d->approved_at));
	}
	put_job(r, "Job", &d->job);
	hdf_set(r, "Doc.Href.Show", doc_href(r, d->kind, d->id, ""));
	hdf_set(r, "Doc.Href.Pdf", doc_href(r, d->kind, d->id, "/pdf"));
	hdf_set(r, "Doc.Href.Edit", doc_href(r, d->kind, d->id, "/edit"));
	hdf_set(r, "Doc.Href.Send", doc_href(r, d->kind, d->id, "/send"));
	hdf_set(r, "Doc.Href.Approve", doc_href(r, d->kind, d->id, "/approve"));
	hdf_set(r, "Doc.Href.Decline", doc_href(r, d->kind, d->id, "/decline"));
	hdf_set(r, "Doc.Href.Invoice", doc_href(r, d->kind, d->id, "/invoice"));
	hdf_set(r, "Doc.Href.Void", doc_href(r, d->kind, d->id, "/void"));
	hdf_set(r, "Doc.Href.Payments", doc_href(r, d->kind, d->id,
	    "/payments"));
	hdf_set(r, "Doc.Can.Edit", d->status == DOCST_DRAFT ? "1" : "0");
	hdf_set(r, "Doc.Can.Send", doc_can(d, "send") ? "1" : "0");
	hdf_set(r, "Doc.Can.Approve", doc_can(d, "approve") ? "1" : "0");
	hdf_set(r, "Doc.Can.Decline", doc_can(d, "decline") ? "1" : "0");
	hdf_set(r, "Doc.Can.Invoice", doc_can(d, "invoice") ? "1" : "0");
	hdf_set(r, "Doc.Can.Void", doc_can(d, "void") ? "1" : "0");
	hdf_set(r, "Doc.Can.Pay", doc_can(d, "pay") ? "1" : "0");
	hdf_set(r, "Doc.Can.Refund", d->paid_cents > 0 ? "1" : "0");
}

/* The document page with status (200, or 409/422 from an action). */
int
doc_show_page(struct req *r, const struct document *d,
    const struct doc_defaults *dd, int status)
{
	struct company	 c;
	struct document	 src;
	struct doc_row	*rows;
	struct hdf_node	*list;
	size_t		 i, n;

	if (db_company_get(r, &c) != DB_OK)
		return HTTP_500;
	hdf_put_company(r, &c);
	put_doc(r, d, dd->currency);
	payments_put(r, d, dd);
	shares_put(r, d);
	if (job_put_doc_events(r, "DocHistory", d->job_id, d->id,
	    dd->timezone) == -1)
		return HTTP_500;
	if (d->source_id != 0 && db_document_get(r, DOC_ESTIMATE, d->source_id,
	    &src) == DB_OK) {
		hdf_set_int(r, "Source.Number", src.number);
		hdf_set(r, "Source.Href", doc_href(r, DOC_ESTIMATE, src.id, ""));
	}
	if (d->kind == DOC_ESTIMATE) {
		if (db_document_derived(r, d->id, &rows, &n) != DB_OK)
			return HTTP_500;
		list = hdf_node(r, "Derived");
		for (i = 0; i < n; i++)
			put_row(r, list, i, DOC_INVOICE, &rows[i],
			    dd->currency, NULL);
		if (doc_versions_put(r, d, kinds[d->kind].path, dd->currency,
		    false) == -1)
			return HTTP_500;
		if (doc_revision_request_put(r, d, dd->timezone) == -1)
			return HTTP_500;
	}
	/* The badge the list shows (put_row): past due and still owed. */
	if (d->kind == DOC_INVOICE && (d->status == DOCST_SENT ||
	    d->status == DOCST_PARTIAL) && *d->until && strcmp(d->until,
	    lines_today(r, dd->timezone, 0)) < 0)
		hdf_set(r, "Doc.Overdue", "1");
	hdf_set(r, "Page.Title", arena_printf(r->arena, "%s #%lld",
	    kinds[d->kind].label, (long long)d->number));
	return render_as(r, "app/documents/show.cs", status);
}

static int
show(struct req *r, enum doc_kind kind)
{
	struct doc_defaults	 dd;
	struct document		 d;
	int			 st;

	if ((st = route_doc(r, kind, &d, &dd)) != 0)
		return st;
	return doc_show_page(r, &d, &dd, HTTP_200);
}

int
estimates_show(struct req *r)
{
	return show(r, DOC_ESTIMATE);
}

int
invoices_show(struct req *r)
{
	return show(r, DOC_INVOICE);
}

/* ------------------------------------------------- the money settings */

static int
settings_page(struct req *r, int status)
{
	size_t	 i;

	for (i = 0; currencies[i].value != NULL; i++) {
		hdf_set(r, arena_printf(r->arena, "Currencies.%zu.Value", i),
		    currencies[i].value);
		hdf_set(r, arena_printf(r->arena, "Currencies.%zu.Label", i),
		    arena_printf(r->arena, "%s — %s", currencies[i].value,
		    currencies[i].label));
	}
	hdf_set(r, "Page.Title", "Estimates and invoices");
	hdf_set(r, "Page.Nav", "settings");
	return render_as(r, "app/documents/settings.cs", status);
}

static void
keep_defaults(struct req *r, const struct doc_defaults *dd)
{
	hdf_set(r, "Form.Values.currency", dd->currency);
	hdf_set(r, "Form.Values.tax_rate", dd->tax_rate_bp ?
	    lines_decimal(r->arena, dd->tax_rate_bp, 2, true) : "");
	hdf_set(r, "Form.Values.terms", dd->terms);
	hdf_set_int(r, "Form.Values.version", dd->version);
}

/* GET /app/settings/documents */
int
doc_settings_edit(struct req *r)
{
	struct doc_defaults	 dd;

	if (db_doc_defaults_get(r, &dd) != DB_OK ||
	    pdf_paper_put(r, NULL) == -1)
		return HTTP_500;
	keep_defaults(r, &dd);
	return settings_page(r, HTTP_200);
}

/* POST /app/settings/documents (owner) */
int
doc_settings_update(struct req *r)
{
	static const char *const fields[] = { "currency", "tax_rate", "terms",
	    "version", NULL };
	struct doc_defaults	 dd, cur;
	const char		*rate;
	size_t			 i;
	int			 n = 0;

	if (db_doc_defaults_get(r, &cur) != DB_OK)
		return HTTP_500;
	dd = cur;
	dd.currency = NULL;
	for (i = 0; currencies[i].value != NULL; i++)
		if (strcmp(req_field(r, "currency"), currencies[i].value) == 0)
			dd.currency = currencies[i].value;
	n += form_error(r, "currency", dd.currency ? NULL :
	    "Choose a currency");
	rate = str_trim(r->arena, req_field(r, "tax_rate"));
	if (*rate && rate[strlen(rate) - 1] == '%')
		rate = str_trim(r->arena, arena_strndup(r->arena, rate,
		    strlen(rate) - 1));
	dd.tax_rate_bp = 0;
	if (*rate && (!money_parse_decimal(rate, 2, false, 10000,
	    &dd.tax_rate_bp)))
		n += form_error(r, "tax_rate", "Enter a rate from 0 to 100, "
		    "like 8.25");
	dd.terms = lines_text(r->arena, req_field(r, "terms"));
	n += form_error(r, "terms", valid_text(dd.terms, 0, DOC_TEXT_MAX));
	dd.version = strtoll(req_field(r, "version"), NULL, 10);
	n += pdf_paper_check(r);
	if (pdf_paper_put(r, *req_field(r, "paper") ? req_field(r, "paper") :
	    NULL) == -1)
		return HTTP_500;
	if (n > 0) {
		form_keep(r, fields);
		return settings_page(r, HTTP_422);
	}
	switch (db_doc_defaults_update(r, &dd)) {
	case DB_OK:
		if (pdf_paper_save(r) != DB_OK)
			return HTTP_500;
		flash(r, "saved");
		return redirect(r, "/app/settings/documents");
	case DB_STALE:
		keep_defaults(r, &cur);
		hdf_set(r, "Form.Error", "Someone else changed the company "
		    "settings while you were editing. These are the current "
		    "values: review them and save again.");
		return settings_page(r, HTTP_409);
	default:
		return HTTP_500;
	}
}
