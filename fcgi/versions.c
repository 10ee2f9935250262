/*
 * Versions of an estimate and comparing two of them.  Revising makes a new
 * row under the same number (revision + 1, parent_id = the version it came
 * from, lines copied) as a draft; the earlier rows are records and never
 * change again, except that an open one (sent, revision requested,
 * declined) becomes 'superseded' once a later version reaches the customer
 * — doc_supersede_previous, called by every path that sends or shares.
 * The compare page is one partial template shown on both sides; the data
 * is put here (doc_compare_put) from doc_compare.c's pure matcher.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"

#define B(s)		(1U << (s))

/* Statuses an estimate can be revised from: the customer has it, no answer
 * that closes it (approved) yet. */
static const unsigned revisable = B(DOCST_SENT) | B(DOCST_REVISION_REQUESTED) |
    B(DOCST_DECLINED);

int
doc_supersede_previous(struct req *r, const struct document *d)
{
	uint64_t	 n;
	int		 rc;

	if (d->revision <= 1)
		return DB_OK;
	if ((rc = db_doc_supersede(r, d, &n)) != DB_OK || n == 0)
		return rc;
	return job_event_add(r, d->job_id, doc_kind_name(d->kind),
	    arena_printf(r->arena, "%s #%lld version %lld replaces the earlier "
	    "version%s", d->kind == DOC_INVOICE ? "Invoice" : "Estimate",
	    (long long)d->number, (long long)d->revision, n > 1 ? "s" : ""),
	    false, d->id);
}

/*
 * Versions.N of d's number for the page of d: base is where a version's
 * page lives ("/app/estimates" or "/portal/documents"), portal whether
 * only what the portal's customer may see.  Each other version links to
 * the compare page of d with it.  -1 on a database error.
 */
int
doc_versions_put(struct req *r, const struct document *d, const char *base,
    const char *currency, bool portal)
{
	struct arena		*a = r->arena;
	struct doc_version	*v;
	const char		*p;
	size_t			 i, n;

	if (db_doc_versions(r, d->kind, d->number, portal, &v, &n) != DB_OK)
		return -1;
	for (i = 0; i < n && n > 1; i++) {
		p = arena_printf(a, "Versions.%zu", i);
		hdf_set_int(r, arena_printf(a, "%s.Revision", p), v[i].revision);
		hdf_set(r, arena_printf(a, "%s.Href", p), arena_printf(a,
		    "%s/%lld", base, (long long)v[i].id));
		hdf_set(r, arena_printf(a, "%s.Status", p),
		    doc_status_name(v[i].status));
		hdf_set(r, arena_printf(a, "%s.StatusLabel", p),
		    doc_status_label(v[i].status));
		hdf_set(r, arena_printf(a, "%s.IssuedOn", p),
		    lines_date_label(a, v[i].issued_on));
		hdf_set(r, arena_printf(a, "%s.Total", p), money_format(a,
		    v[i].total_cents, currency));
		if (v[i].id == d->id)
			hdf_set(r, arena_printf(a, "%s.Current", p), "1");
		else
			hdf_set(r, arena_printf(a, "%s.CompareHref", p),
			    arena_printf(a, "%s/%lld/compare?with=%lld", base,
			    (long long)d->id, (long long)v[i].id));
	}
	hdf_set_int(r, "Doc.Revision", d->revision);
	if (!portal && d->kind == DOC_ESTIMATE && (B(d->status) & revisable) &&
	    n > 0 && v[n - 1].id == d->id) {
		hdf_set(r, "Doc.Can.Revise", "1");
		hdf_set(r, "Doc.Href.Revise", doc_href(r, DOC_ESTIMATE, d->id,
		    "/revise"));
	}
	return 0;
}

/*
 * RevisionRequest.* — what the customer asked to change, where the owner
 * acts on it: on d when d is the revision-requested version, or on the
 * version d was drafted from.  zone is the company's time zone.  -1 on a
 * database error.
 */
int
doc_revision_request_put(struct req *r, const struct document *d,
    const char *zone)
{
	struct document	 parent;
	const struct document *on = d;
	const char	*body, *at, *who, *nl;
	time_t		 t;
	int		 rc;

	if (d->kind != DOC_ESTIMATE)
		return 0;
	if (d->status == DOCST_DRAFT && d->parent_id != 0) {
		if ((rc = db_document_get(r, DOC_ESTIMATE, d->parent_id,
		    &parent)) != DB_OK)
			return rc == DB_NONE ? 0 : -1;
		on = &parent;
	}
	if (on->status != DOCST_REVISION_REQUESTED)
		return 0;
	if ((rc = db_doc_revision_request(r, on->job_id, on->id, &body, &at,
	    &who)) != DB_OK)
		return rc == DB_NONE ? 0 : -1;
	/* The event opens with a line naming the version and the person
	 * (portal_docs.c); the notice says that itself: keep their words. */
	if ((nl = strchr(body, '\n')) != NULL && nl[1] != '\0')
		body = nl + 1;
	hdf_set(r, "RevisionRequest.Body", body);
	hdf_set(r, "RevisionRequest.Who", *who ? who : "The customer");
	hdf_set(r, "RevisionRequest.When", tz_parse_utc(at, &t) ?
	    job_when(r, zone, t) : at);
	hdf_set_int(r, "RevisionRequest.Revision", on->revision);
	if (on != d)
		hdf_set(r, "RevisionRequest.Href", doc_href(r, DOC_ESTIMATE,
		    on->id, ""));
	return 0;
}

/* "+$10.00", "−$5.00" or "" (no change): the change of a total. */
static const char *
change_of(struct arena *a, int64_t delta, const char *currency)
{
	if (delta == 0)
		return "";
	return arena_printf(a, "%s%s", delta > 0 ? "+" : "−",
	    money_format(a, delta > 0 ? delta : -delta, currency));
}

static void
put_side(struct req *r, const char *p, const struct doc_line *l,
    const char *currency)
{
	struct arena	*a = r->arena;

	hdf_set(r, arena_printf(a, "%s.Desc", p), l->desc);
	hdf_set(r, arena_printf(a, "%s.Qty", p), lines_decimal(a, l->qty_milli,
	    3, true));
	hdf_set(r, arena_printf(a, "%s.Unit", p), l->unit);
	hdf_set(r, arena_printf(a, "%s.Price", p), money_format(a,
	    l->unit_cents, currency));
	hdf_set(r, arena_printf(a, "%s.Amount", p), money_format(a,
	    l->amount_cents, currency));
}

static void
put_total(struct req *r, size_t i, const char *label, int64_t o, int64_t n,
    const char *currency)
{
	struct arena	*a = r->arena;
	const char	*p = arena_printf(a, "Compare.Totals.%zu", i);

	hdf_set(r, arena_printf(a, "%s.Label", p), label);
	hdf_set(r, arena_printf(a, "%s.Old", p), money_format(a, o, currency));
	hdf_set(r, arena_printf(a, "%s.New", p), money_format(a, n, currency));
	hdf_set(r, arena_printf(a, "%s.Change", p), change_of(a, n - o,
	    currency));
	if (n != o)
		hdf_set(r, arena_printf(a, "%s.Dir", p), n > o ? "up" : "down");
}

/*
 * Compare.* for the compare partial: old and new are two versions of one
 * number (old the earlier); rows in the newer version's order, each
 * same, changed (with what changed), added or removed; then the totals
 * old, new and the change.
 */
void
doc_compare_put(struct req *r, const struct document *old,
    const struct document *new, const char *currency)
{
	static const char *const kinds[] = { "same", "changed", "added",
	    "removed" };
	struct arena	*a = r->arena;
	struct cmp_row	*rows;
	const char	*p;
	size_t		 i, n, count[4] = { 0, 0, 0, 0 };

	n = doc_compare_lines(a, old->lines, old->nlines, new->lines,
	    new->nlines, &rows);
	for (i = 0; i < n; i++) {
		p = arena_printf(a, "Compare.Rows.%zu", i);
		hdf_set(r, arena_printf(a, "%s.Kind", p), kinds[rows[i].kind]);
		count[rows[i].kind]++;
		if (rows[i].old != NULL)
			put_side(r, arena_printf(a, "%s.Old", p), rows[i].old,
			    currency);
		if (rows[i].new != NULL)
			put_side(r, arena_printf(a, "%s.New", p), rows[i].new,
			    currency);
		if (rows[i].changed & CMP_DESC)
			hdf_set(r, arena_printf(a, "%s.DescChanged", p), "1");
		if (rows[i].changed & (CMP_QTY | CMP_UNIT))
			hdf_set(r, arena_printf(a, "%s.QtyChanged", p), "1");
		if (rows[i].changed & CMP_PRICE)
			hdf_set(r, arena_printf(a, "%s.PriceChanged", p), "1");
		if (rows[i].changed & CMP_AMOUNT)
			hdf_set(r, arena_printf(a, "%s.AmountChanged", p), "1");
		if (rows[i].changed & CMP_TAXABLE)
			hdf_set(r, arena_printf(a, "%s.TaxNote", p),
			    rows[i].new->taxable ? "now taxed" : "no longer taxed");
	}
	hdf_set_int(r, "Compare.Count.Changed", (int64_t)count[CMP_CHANGED]);
	hdf_set_int(r, "Compare.Count.Added", (int64_t)count[CMP_ADDED]);
	hdf_set_int(r, "Compare.Count.Removed", (int64_t)count[CMP_REMOVED]);
	hdf_set_int(r, "Compare.Old.Revision", old->revision);
	hdf_set_int(r, "Compare.New.Revision", new->revision);
	hdf_set(r, "Compare.Old.IssuedOn", lines_date_label(a, old->issued_on));
	hdf_set(r, "Compare.New.IssuedOn", lines_date_label(a, new->issued_on));
	put_total(r, 0, "Subtotal", old->t.subtotal_cents, new->t.subtotal_cents,
	    currency);
	/* Discount and deposit only when one of the versions has one. */
	if (old->t.discount_cents != 0 || new->t.discount_cents != 0)
		put_total(r, 1, "Discount", -old->t.discount_cents,
		    -new->t.discount_cents, currency);
	put_total(r, 2, "Tax", old->t.tax_cents, new->t.tax_cents, currency);
	put_total(r, 3, "Total", old->t.total_cents, new->t.total_cents,
	    currency);
	hdf_set(r, "Compare.Totals.3.Main", "1");
	if (old->t.deposit_cents != 0 || new->t.deposit_cents != 0)
		put_total(r, 4, "Deposit", old->t.deposit_cents,
		    new->t.deposit_cents, currency);
	if (strcmp(old->terms, new->terms) != 0) {
		hdf_set(r, "Compare.Terms.Old", old->terms);
		hdf_set(r, "Compare.Terms.New", new->terms);
	}
}

/* The 409 page of an estimate that can't be revised now. */
static int
refuse(struct req *r, int64_t id, const char *why)
{
	struct doc_defaults	 dd;
	struct document		 d;
	int			 st;

	db_rollback(r);
	if ((st = doc_load(r, DOC_ESTIMATE, id, &d, &dd)) != 0)
		return st;
	hdf_set(r, "Form.Error", why);
	return doc_show_page(r, &d, &dd, HTTP_409);
}

/* POST /app/estimates/:id/revise: the next version as a draft, then its form. */
int
estimates_revise(struct req *r)
{
	struct doc_defaults	 dd;
	struct document		 d;
	int64_t			 id, latest, rev, nid;
	int			 rc;

	if (!route_id(r, "id", &id))
		return HTTP_404;
	if (db_doc_defaults_get(r, &dd) != DB_OK || db_begin(r) != DB_OK)
		return HTTP_500;
	if ((rc = db_document_lock(r, DOC_ESTIMATE, id, &d)) != DB_OK) {
		db_rollback(r);
		return rc == DB_NONE ? HTTP_404 : HTTP_500;
	}
	if (!(B(d.status) & revisable))
		return refuse(r, id, arena_printf(r->arena, "This estimate is "
		    "%s: only a sent, declined or revision-requested estimate "
		    "gets a new version.", doc_status_label(d.status)));
	if ((rc = db_doc_max_revision(r, DOC_ESTIMATE, d.number, &latest,
	    &rev)) != DB_OK) {
		db_rollback(r);
		return HTTP_500;
	}
	if (latest != id)
		return refuse(r, id, arena_printf(r->arena, "Version %lld of "
		    "this estimate already exists: revise that one.",
		    (long long)rev));
	d.issued_on = lines_today(r, dd.timezone, 0);
	d.until = lines_today(r, dd.timezone, DOC_DAYS);
	if ((rc = db_doc_revise(r, &d, rev + 1, &nid)) == DB_OK &&
	    (rc = db_lines_copy(r, nid, id)) == DB_OK)
		rc = job_event_add(r, d.job_id, "estimate", arena_printf(r->arena,
		    "Estimate #%lld version %lld drafted from version %lld",
		    (long long)d.number, (long long)rev + 1,
		    (long long)d.revision), false, nid);
	if (rc == DB_DUP)
		return refuse(r, id, "Someone else made a new version of this "
		    "estimate a moment ago: revise that one.");
	if (rc != DB_OK || db_commit(r) != DB_OK) {
		db_rollback(r);
		return HTTP_500;
	}
	flash(r, "doc_revised");
	return redirect(r, doc_href(r, DOC_ESTIMATE, nid, "/edit"));
}

/* GET /app/estimates/:id/compare?with=<id> */
int
estimates_compare(struct req *r)
{
	struct doc_defaults	 dd;
	struct document		 a, b;
	const char		*w = req_arg(r, "with");
	char			*end;
	int64_t			 id, with;
	int			 st;

	if (!route_id(r, "id", &id))
		return HTTP_404;
	if ((st = doc_load(r, DOC_ESTIMATE, id, &a, &dd)) != 0)
		return st;
	/* Without ?with=: what changed since the version before, if any. */
	if (w == NULL && a.parent_id == 0) {
		hdf_set_int(r, "Doc.Number", a.number);
		hdf_set_int(r, "Doc.Revision", a.revision);
		hdf_set(r, "Doc.Href.Show", doc_href(r, DOC_ESTIMATE, id, ""));
		hdf_set(r, "Compare.Only", "1");
		hdf_set(r, "Page.Nav", "estimates");
		hdf_set(r, "Page.Title", arena_printf(r->arena, "Estimate #%lld: "
		    "compare versions", (long long)a.number));
		return render(r, "app/documents/compare.cs");
	}
	if (w == NULL)
		with = a.parent_id;
	else if (*w < '1' || *w > '9' ||
	    ((with = strtoll(w, &end, 10)), *end != '\0') || with <= 0)
		return HTTP_404;
	if ((st = doc_load(r, DOC_ESTIMATE, with, &b, &dd)) != 0)
		return st;
	if (a.number != b.number)
		return HTTP_404;
	hdf_set(r, "Doc.Currency", dd.currency);
	hdf_set_int(r, "Doc.Number", a.number);
	hdf_set(r, "Doc.KindLabel", "Estimate");
	hdf_set(r, "Doc.Href.Show", doc_href(r, DOC_ESTIMATE, id, ""));
	hdf_set(r, "Compare.Old.Href", doc_href(r, DOC_ESTIMATE,
	    a.revision < b.revision ? a.id : b.id, ""));
	hdf_set(r, "Compare.New.Href", doc_href(r, DOC_ESTIMATE,
	    a.revision < b.revision ? b.id : a.id, ""));
	doc_compare_put(r, a.revision < b.revision ? &a : &b,
	    a.revision < b.revision ? &b : &a, dd.currency);
	hdf_set(r, "Job.Customer", a.job.customer_name);
	hdf_set(r, "Page.Nav", "estimates");
	hdf_set(r, "Page.Title", arena_printf(r->arena, "Estimate #%lld: "
	    "compare versions", (long long)a.number));
	return render(r, "app/documents/compare.cs");
}
