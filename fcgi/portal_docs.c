/*
 * The customer's side of an estimate or invoice (/portal/documents/:id):
 * the document as a page that reads well on a phone, its PDF, its
 * versions and their compare page, and the customer's answers — approve
 * (typed name, the terms accepted, and the fingerprint of exactly what the
 * page showed), ask for a revision, dispute an invoice.  Every answer
 * writes the Job Message History with the person and alerts the staff.
 *
 * A document is the portal's only when portal_doc_allowed says so: the
 * session's company and customer, shown to the customer, not a draft, and
 * the link's document or a recent proof of the address; anything else is a
 * 404, whatever the id.  Every view is logged (document_views).
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"

#define B(s)		(1U << (s))
#define NAME_MAX_CP	160
#define NOTE_MAX_CP	2000

/* Statuses in which the customer may still answer an estimate. */
static const unsigned answerable = B(DOCST_SENT) | B(DOCST_REVISION_REQUESTED);

/* The portal's document of the route, with lines, and the money settings. */
static int
portal_doc(struct req *r, struct document *d, struct doc_defaults *dd)
{
	enum doc_kind	 kind;
	int64_t		 id;
	int		 st;

	if (!route_id(r, "id", &id))
		return HTTP_404;
	if ((st = portal_doc_allowed(r, id, &kind)) != 0)
		return st;
	return doc_load(r, kind, id, d, dd);
}

/* The SHA-256 of doc_canon(d) in hex: what the approve form carries. */
char *
doc_approval_hash(struct req *r, const struct document *d)
{
	static const char	 hex[] = "0123456789abcdef";
	const unsigned char	*h;
	char			*s = arena_alloc(r->arena, 65);
	int			 i;

	h = (const unsigned char *)token_hash(r->arena, doc_canon(r->arena, d));
	for (i = 0; i < 32; i++) {
		s[2 * i] = hex[h[i] >> 4];
		s[2 * i + 1] = hex[h[i] & 15];
	}
	s[64] = '\0';
	return s;
}

static const char *
portal_href(struct req *r, int64_t id, const char *suffix)
{
	return arena_printf(r->arena, "/portal/documents/%lld%s", (long long)id,
	    suffix);
}

/* "4 Mar 2026, 14:05" in the company's zone, from a UTC DATETIME. */
static const char *
local_time(struct req *r, const char *zone, const char *utc)
{
	time_t	 t;

	if (utc == NULL || *utc == '\0' || !tz_parse_utc(utc, &t))
		return "";
	return job_when(r, zone, t);
}

/* The document page's data; the caller renders it. */
static int
put_page(struct req *r, const struct document *d, const struct doc_defaults *dd)
{
	struct arena	*a = r->arena;
	struct company	 c;
	int64_t		 newer = 0, balance = d->t.total_cents - d->paid_cents;
	bool		 est = d->kind == DOC_ESTIMATE;
	int		 rc;

	if (db_company_get(r, &c) != DB_OK)
		return HTTP_500;
	hdf_put_company(r, &c);
	portal_page(r);
	if ((rc = db_doc_newer_sent(r, d, &newer)) == DB_ERR)
		return HTTP_500;
	hdf_set(r, "Doc.Kind", est ? "estimate" : "invoice");
	hdf_set(r, "Doc.KindLabel", est ? "Estimate" : "Invoice");
	hdf_set(r, "Doc.UntilLabel", est ? "Valid until" : "Due");
	doc_put_fields(r, d, dd->currency);
	if (d->paid_cents != 0 || !est) {
		if (d->status != DOCST_VOID && balance > 0)
			hdf_set(r, "Doc.Owing", "1");
		payments_put(r, d, dd);
	}
	if (*d->approved_name) {
		hdf_set(r, "Doc.ApprovedName", d->approved_name);
		hdf_set(r, "Doc.ApprovedAt", local_time(r, dd->timezone,
		    d->approved_at));
	}
	hdf_set(r, "Job.Customer", d->job.customer_name);
	hdf_set(r, "Job.Title", d->job.title);
	hdf_set_int(r, "Job.Number", d->job.number);
	hdf_set(r, "Job.Street", d->job.street);
	hdf_set(r, "Job.City", d->job.city);
	hdf_set(r, "Job.Region", d->job.region);
	hdf_set(r, "Job.PostalCode", d->job.postal_code);
	hdf_set(r, "Doc.Href.Show", portal_href(r, d->id, ""));
	hdf_set(r, "Doc.Href.Pdf", portal_href(r, d->id, "/pdf"));
	hdf_set(r, "Doc.Href.Approve", portal_href(r, d->id, "/approve"));
	hdf_set(r, "Doc.Href.Revision", portal_href(r, d->id, "/revision"));
	hdf_set(r, "Doc.Href.Dispute", portal_href(r, d->id, "/dispute"));
	hdf_set(r, "Doc.Href.Notes", portal_href(r, d->id, "/notes"));
	if (rc == DB_OK) {
		hdf_set(r, "Doc.Newer.Href", portal_href(r, newer, ""));
		hdf_set(r, "Doc.Newer.Compare", portal_href(r, newer,
		    arena_printf(a, "/compare?with=%lld", (long long)d->id)));
	} else if (est && (B(d->status) & answerable)) {
		hdf_set(r, "Doc.Can.Approve", "1");
		hdf_set(r, "Doc.Can.Revision", d->status == DOCST_SENT ? "1" :
		    "0");
		hdf_set(r, "Approve.Hash", doc_approval_hash(r, d));
	}
	if (!est && (d->status == DOCST_SENT || d->status == DOCST_PARTIAL))
		hdf_set(r, "Doc.Can.Dispute", "1");
	if (doc_versions_put(r, d, "/portal/documents", dd->currency, true) == -1)
		return HTTP_500;
	messages_doc_put(r, d->job_id, d->id);
	hdf_set(r, "Page.Title", arena_printf(a, "%s #%lld", est ? "Estimate" :
	    "Invoice", (long long)d->number));
	return 0;
}

/* The page of d with status (200, or 409/422 from an answer). */
static int
doc_page(struct req *r, const struct document *d, const struct doc_defaults *dd,
    int status)
{
	int	 st;

	if ((st = put_page(r, d, dd)) != 0)
		return st;
	return render_as(r, "portal/document.cs", status);
}

/*
 * Log a view; the first by this person puts "Viewed by NAME" in the
 * history and alerts the staff.  A failure here never hides the page.
 */
static void
log_view(struct req *r, const struct document *d)
{
	const char	*body;
	bool		 first = false;
	int		 rc;

	if (r->method != METHOD_GET || db_begin(r) != DB_OK)
		return;
	body = arena_printf(r->arena, "%s #%lld version %lld viewed by %s",
	    d->kind == DOC_INVOICE ? "Invoice" : "Estimate",
	    (long long)d->number, (long long)d->revision, r->portal.name);
	if ((rc = db_doc_view_insert(r, d->id, &first)) == DB_OK && first &&
	    (rc = db_portal_event_insert(r, d->job_id, "view", body, false,
	    d->id)) == DB_OK)
		rc = alert_staff(r, d->job_id, d->id, "view", body);
	if (rc != DB_OK || db_commit(r) != DB_OK)
		db_rollback(r);
}

/* GET /portal/documents/:id */
int
portal_doc_show(struct req *r)
{
	struct doc_defaults	 dd;
	struct document		 d;
	int			 st;

	if ((st = portal_doc(r, &d, &dd)) != 0)
		return st;
	log_view(r, &d);
	if (d.kind == DOC_ESTIMATE && hdf_get(r, "Form.Values.name") == NULL)
		hdf_set(r, "Form.Values.name", r->portal.name);
	return doc_page(r, &d, &dd, HTTP_200);
}

/* GET /portal/documents/:id/pdf */
int
portal_doc_pdf(struct req *r)
{
	struct doc_defaults	 dd;
	struct document		 d;
	int			 st;

	if ((st = portal_doc(r, &d, &dd)) != 0)
		return st;
	return doc_pdf_send(r, &d);
}

/* GET /portal/documents/:id/compare?with=<id>: both the portal's, one number. */
int
portal_doc_compare(struct req *r)
{
	struct doc_defaults	 dd;
	struct document		 a, b;
	enum doc_kind		 kind;
	const char		*w = req_arg(r, "with");
	char			*end;
	int64_t			 with;
	int			 st;

	if ((st = portal_doc(r, &a, &dd)) != 0)
		return st;
	/* No version to compare with: the document lists them. */
	if (w == NULL)
		return redirect(r, portal_href(r, a.id, ""));
	if (*w < '1' || *w > '9')
		return HTTP_404;
	with = strtoll(w, &end, 10);
	if (*end != '\0' || with <= 0 ||
	    portal_doc_allowed(r, with, &kind) != 0)
		return HTTP_404;
	if (kind != a.kind || (st = doc_load(r, kind, with, &b, &dd)) != 0 ||
	    a.number != b.number)
		return st ? st : HTTP_404;
	portal_page(r);
	hdf_set(r, "Doc.KindLabel", a.kind == DOC_INVOICE ? "Invoice" :
	    "Estimate");
	hdf_set_int(r, "Doc.Number", a.number);
	hdf_set(r, "Doc.Href.Show", portal_href(r, a.id, ""));
	hdf_set(r, "Compare.Old.Href", portal_href(r, a.revision < b.revision ?
	    a.id : b.id, ""));
	hdf_set(r, "Compare.New.Href", portal_href(r, a.revision < b.revision ?
	    b.id : a.id, ""));
	doc_compare_put(r, a.revision < b.revision ? &a : &b,
	    a.revision < b.revision ? &b : &a, dd.currency);
	hdf_set(r, "Page.Title", arena_printf(r->arena, "%s #%lld: compare "
	    "versions", a.kind == DOC_INVOICE ? "Invoice" : "Estimate",
	    (long long)a.number));
	return render(r, "portal/compare.cs");
}

/*
 * The stale answer (409): nothing changed; the page of the version the
 * customer should read now (the newest one shown to them) says why.
 */
static int
stale(struct req *r, const struct document *d, const char *why)
{
	struct doc_defaults	 dd;
	struct document		 cur;
	enum doc_kind		 kind;
	int64_t			 newer;
	int			 st;

	db_rollback(r);
	if (db_doc_newer_sent(r, d, &newer) != DB_OK ||
	    db_portal_doc_find(r, newer, &kind) != DB_OK)
		newer = d->id;
	if ((st = doc_load(r, d->kind, newer, &cur, &dd)) != 0)
		return st;
	hdf_set(r, "Form.Error", why);
	if (newer != d->id) {
		hdf_set(r, "Stale.Compare", portal_href(r, newer, arena_printf(
		    r->arena, "/compare?with=%lld", (long long)d->id)));
		hdf_set_int(r, "Stale.Revision", d->revision);
	}
	hdf_set(r, "Form.Values.name", str_trim(r->arena, req_field(r,
	    "name")));
	return doc_page(r, &cur, &dd, HTTP_409);
}

/* A form error (422): the page again, the message next to the field. */
static int
invalid(struct req *r, const struct document *d, const struct doc_defaults *dd,
    const char *open)
{
	static const char *const fields[] = { "name", "changes", "reason",
	    NULL };

	form_keep(r, fields);
	hdf_set(r, "Form.Open", open);
	return doc_page(r, d, dd, HTTP_422);
}

/* The customer's copy of what they approved: the PDF, by mail. */
static int
approved_copy(struct req *r, const struct document *approved,
    const char *hash)
{
	struct doc_defaults	 dd;
	struct document		 d;
	struct header		*h = r->headers;
	const char		*ctype = r->ctype, *pdf;
	size_t			 len;
	int			 rc;

	if ((rc = doc_load(r, approved->kind, approved->id, &d, &dd)) != 0)
		return DB_ERR;
	if (doc_pdf_send(r, &d) != HTTP_200)
		return DB_ERR;
	/* doc_pdf_send answers the request: keep its bytes, not its answer. */
	pdf = r->body.data;
	len = r->body.len;
	buf_init(&r->body, r->arena);
	r->headers = h;
	r->ctype = ctype;
	hdf_set(r, "Mail.Name", r->portal.name);
	hdf_set(r, "Mail.Unsubscribe", "");
	hdf_set_int(r, "Mail.Number", d.number);
	hdf_set_int(r, "Mail.Revision", d.revision);
	hdf_set(r, "Mail.Title", d.title);
	hdf_set(r, "Mail.Total", money_format(r->arena, d.t.total_cents,
	    dd.currency));
	if (d.t.deposit_cents != 0)
		hdf_set(r, "Mail.Deposit", money_format(r->arena,
		    d.t.deposit_cents, dd.currency));
	hdf_set(r, "Mail.ApprovedName", d.approved_name);
	hdf_set(r, "Mail.ApprovedAt", local_time(r, dd.timezone,
	    d.approved_at));
	hdf_set(r, "Mail.Hash", hash);
	hdf_set(r, "Mail.Link", arena_printf(r->arena, "%s%s", cfg.base_url,
	    portal_href(r, d.id, "")));
	if ((rc = mail_attach(r, arena_printf(r->arena,
	    "Estimate-%lld-v%lld-approved.pdf", (long long)d.number,
	    (long long)d.revision), "application/pdf", pdf, len)) != DB_OK)
		return rc;
	return mail_queue(r, "approved_copy", r->portal.email, r->portal.name);
}

/* POST /portal/documents/:id/approve: name, accept, hash. */
int
portal_doc_approve(struct req *r)
{
	struct doc_defaults	 dd;
	struct document		 d, locked;
	const char		*name, *hash, *body;
	char			*raw;
	int			 st, n = 0, rc;

	if ((st = portal_doc(r, &d, &dd)) != 0)
		return st;
	if (d.kind != DOC_ESTIMATE)
		return HTTP_404;
	name = str_trim(r->arena, req_field(r, "name"));
	hash = req_field(r, "hash");
	if (valid_line(name, 1, NAME_MAX_CP) != NULL || strlen(name) < 2)
		n += form_error(r, "name", "Type your full name: it is your "
		    "signature");
	if (strcmp(req_field(r, "accept"), "1") != 0)
		n += form_error(r, "accept", "Tick the box to accept the terms");
	if (n > 0 && (B(d.status) & answerable))
		return invalid(r, &d, &dd, "approve");

	if (db_begin(r) != DB_OK)
		return HTTP_500;
	if ((rc = db_document_lock(r, d.kind, d.id, &locked)) != DB_OK ||
	    (rc = db_lines_get(r, d.id, &locked.lines, &locked.nlines)) !=
	    DB_OK) {
		db_rollback(r);
		return rc == DB_NONE ? HTTP_404 : HTTP_500;
	}
	if (!(B(locked.status) & answerable))
		return stale(r, &locked, arena_printf(r->arena, "This estimate "
		    "is %s now, so it can't be approved. Nothing was changed.",
		    doc_status_label(locked.status)));
	if ((rc = db_doc_newer_sent(r, &locked, &(int64_t){ 0 })) != DB_NONE)
		return rc == DB_OK ? stale(r, &locked, "This estimate was "
		    "changed after you opened it: the new version is below. "
		    "Nothing was approved. Please read it, then approve it if "
		    "it suits you.") : HTTP_500;
	if (strcmp(hash, doc_approval_hash(r, &locked)) != 0)
		return stale(r, &locked, "This estimate changed after you "
		    "opened it, so the approval was not recorded. Please read it "
		    "again below, then approve it if it suits you.");
	if (n > 0) {
		db_rollback(r);
		return invalid(r, &d, &dd, "approve");
	}
	raw = token_hash(r->arena, doc_canon(r->arena, &locked));
	body = arena_printf(r->arena, "Estimate #%lld version %lld approved by "
	    "%s (total %s)", (long long)locked.number,
	    (long long)locked.revision, name, money_format(r->arena,
	    locked.t.total_cents, dd.currency));
	if ((rc = db_doc_customer_approve(r, d.id, name, raw)) == DB_OK &&
	    (rc = db_portal_event_insert(r, d.job_id, "approval", body, true,
	    d.id)) == DB_OK &&
	    (rc = job_status_by_fact(r, d.job_id, JOB_APPROVED)) != DB_ERR &&
	    (rc = alert_staff(r, d.job_id, d.id, "approval", body)) == DB_OK)
		rc = approved_copy(r, &locked, hash);
	if (rc != DB_OK || db_commit(r) != DB_OK) {
		db_rollback(r);
		return HTTP_500;
	}
	flash(r, "portal_approved");
	return redirect(r, portal_href(r, d.id, ""));
}

/* The customer's words of an answer (note or reason): 1..NOTE_MAX_CP. */
static const char *
words(struct req *r, const char *field, const char *missing)
{
	const char	*s = str_trim(r->arena, req_field(r, field));
	const char	*m;

	if (*s == '\0')
		m = missing;
	else
		m = valid_text(s, 1, NOTE_MAX_CP);
	return form_error(r, field, m) ? NULL : s;
}

/*
 * An answer in words (a revision request, a dispute): the document's new
 * state, the history and the staff alert in one transaction.
 */
static int
answer(struct req *r, bool dispute)
{
	struct doc_defaults	 dd;
	struct document		 d, locked;
	const char		*text, *body;
	int			 st, rc;

	if ((st = portal_doc(r, &d, &dd)) != 0)
		return st;
	if (d.kind != (dispute ? DOC_INVOICE : DOC_ESTIMATE))
		return HTTP_404;
	text = dispute ? words(r, "reason", "Say what is wrong with this "
	    "invoice") : words(r, "changes", "Say what you would like changed");
	if (text == NULL)
		return invalid(r, &d, &dd, dispute ? "dispute" : "revision");
	if (db_begin(r) != DB_OK)
		return HTTP_500;
	if ((rc = db_document_lock(r, d.kind, d.id, &locked)) != DB_OK) {
		db_rollback(r);
		return rc == DB_NONE ? HTTP_404 : HTTP_500;
	}
	if (dispute ? !(locked.status == DOCST_SENT ||
	    locked.status == DOCST_PARTIAL) : locked.status != DOCST_SENT)
		return stale(r, &locked, arena_printf(r->arena, "This %s is %s "
		    "now, so this can't be sent from here. Nothing was changed: "
		    "write us a note instead.", dispute ? "invoice" : "estimate",
		    doc_status_label(locked.status)));
	body = arena_printf(r->arena, "%s #%lld%s: %s asks %s:\n%s",
	    dispute ? "Invoice" : "Estimate", (long long)d.number, dispute ?
	    "" : arena_printf(r->arena, " version %lld", (long long)d.revision),
	    r->portal.name, dispute ? "about a dispute" : "for a revision",
	    text);
	rc = dispute ? db_doc_dispute(r, d.id, text) :
	    db_document_set_status(r, d.id, DOCST_REVISION_REQUESTED);
	if (rc == DB_OK && (rc = db_portal_event_insert(r, d.job_id, dispute ?
	    "dispute" : "revision", body, true, d.id)) == DB_OK)
		rc = alert_staff(r, d.job_id, d.id, dispute ? "dispute" :
		    "revision", text);
	if (rc != DB_OK || db_commit(r) != DB_OK) {
		db_rollback(r);
		return HTTP_500;
	}
	flash(r, dispute ? "portal_disputed" : "portal_revision");
	return redirect(r, portal_href(r, d.id, ""));
}

/* POST /portal/documents/:id/revision: changes (the customer's note). */
int
portal_doc_revision(struct req *r)
{
	return answer(r, false);
}

/* POST /portal/documents/:id/dispute: reason. */
int
portal_doc_dispute(struct req *r)
{
	return answer(r, true);
}
