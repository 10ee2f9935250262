/*
 * Payments recorded by staff: against an invoice, or as a deposit against
 * an estimate; partial payments; refunds as negative payments with a
 * reason.  The balance due is derived (total − paid), never typed: a
 * payment can't be more than it, a refund not more than what was paid.
 * One transaction writes the payment, the document's paid_cents and
 * status (an invoice is partly paid or paid by the facts), the job's
 * history, and tells the job when an invoice is paid (or no longer).
 */
#include <string.h>

#include "app.h"

#define REFERENCE_MAX	120
#define REASON_MAX	400

/* What staff record by hand ("online" and "deposit" are written by the app). */
static const struct choice methods[] = {
	{ "cash", "Cash" }, { "check", "Check" }, { "card", "Card" },
	{ "bank", "Bank transfer" }, { "other", "Other" }, { NULL, NULL }
};

static const struct choice method_labels[] = {
	{ "cash", "Cash" }, { "check", "Check" }, { "card", "Card" },
	{ "bank", "Bank transfer" }, { "other", "Other" },
	{ "online", "Online" }, { "deposit", "Deposit from the estimate" },
	{ NULL, NULL }
};

static const char *const pay_fields[] = { "kind", "method", "amount",
	"received_on", "reference", "reason", NULL };

/* What people read for method m (the page's words, also the PDF's). */
const char *
payments_method_label(const char *m)
{
	size_t	 i;

	for (i = 0; method_labels[i].value != NULL; i++)
		if (strcmp(m, method_labels[i].value) == 0)
			return method_labels[i].label;
	return m;
}

/* The payment history and the form's choices and defaults on a document page. */
void
payments_put(struct req *r, const struct document *d,
    const struct doc_defaults *dd)
{
	struct arena	*a = r->arena;
	struct payment	*ps;
	const char	*p;
	size_t		 i, n;

	if (db_payment_list(r, d->id, &ps, &n) == DB_OK)
		for (i = 0; i < n; i++) {
			p = arena_printf(a, "Payments.%zu", i);
			hdf_set(r, arena_printf(a, "%s.Date", p),
			    lines_date_label(a, ps[i].received_on));
			hdf_set(r, arena_printf(a, "%s.Method", p),
			    payments_method_label(ps[i].method));
			hdf_set(r, arena_printf(a, "%s.Amount", p),
			    money_format(a, ps[i].amount_cents, dd->currency));
			hdf_set(r, arena_printf(a, "%s.Reference", p),
			    ps[i].reference);
			hdf_set(r, arena_printf(a, "%s.Reason", p), ps[i].reason);
			hdf_set(r, arena_printf(a, "%s.By", p), ps[i].created_by);
			if (ps[i].amount_cents < 0)
				hdf_set(r, arena_printf(a, "%s.Refund", p), "1");
		}
	for (i = 0; methods[i].value != NULL; i++) {
		p = arena_printf(a, "Methods.%zu", i);
		hdf_set(r, arena_printf(a, "%s.Value", p), methods[i].value);
		hdf_set(r, arena_printf(a, "%s.Label", p), methods[i].label);
	}
	if (hdf_get(r, "Form.Values.received_on") == NULL) {
		hdf_set(r, "Form.Values.received_on", lines_today(r,
		    dd->timezone, 0));
		hdf_set(r, "Form.Values.method", "cash");
		hdf_set(r, "Form.Values.kind", doc_can(d, "pay") ? "payment" :
		    "refund");
	}
	hdf_set(r, "Pay.Balance", money_format(a, d->t.total_cents -
	    d->paid_cents, dd->currency));
}

/* The payment form as typed; messages next to the fields. */
static int
read_form(struct req *r, const struct doc_defaults *dd, struct payment *p,
    bool *refund)
{
	const char	*kind = req_field(r, "kind");
	const char	*amount = str_trim(r->arena, req_field(r, "amount"));
	const char	*m;
	size_t		 i;
	int		 n = 0;

	memset(p, 0, sizeof(p[0]));
	*refund = strcmp(kind, "refund") == 0;
	n += form_error(r, "kind", *refund || strcmp(kind, "payment") == 0 ?
	    NULL : "Choose a payment or a refund");
	p->method = NULL;
	for (i = 0; methods[i].value != NULL; i++)
		if (strcmp(req_field(r, "method"), methods[i].value) == 0)
			p->method = methods[i].value;
	n += form_error(r, "method", p->method ? NULL : "Choose how it was paid");
	m = NULL;
	if (*amount == '\0')
		m = "Enter the amount";
	else if (!money_parse_decimal(amount, 2, false, MONEY_MAX_CENTS,
	    &p->amount_cents))
		m = "Enter an amount like 250 or 249.99";
	else if (p->amount_cents == 0)
		m = "Enter an amount above zero";
	n += form_error(r, "amount", m);
	p->received_on = str_trim(r->arena, req_field(r, "received_on"));
	m = lines_date(p->received_on, true);
	if (m == NULL && strcmp(p->received_on, lines_today(r, dd->timezone,
	    1)) > 0)
		m = "The date can't be in the future";
	n += form_error(r, "received_on", m);
	p->reference = str_trim(r->arena, req_field(r, "reference"));
	n += form_error(r, "reference", valid_line(p->reference, 0,
	    REFERENCE_MAX));
	p->reason = str_trim(r->arena, req_field(r, "reason"));
	m = valid_line(p->reason, *refund ? 1 : 0, REASON_MAX);
	if (m != NULL && *p->reason == '\0')
		m = "Say why the money is refunded";
	n += form_error(r, "reason", m);
	return n;
}

/* The document page again with the payment form's messages, nothing saved. */
static int
again(struct req *r, enum doc_kind kind, int64_t id, int status)
{
	struct doc_defaults	 dd;
	struct document		 d;
	int			 st;

	db_rollback(r);
	form_keep(r, pay_fields);
	if (lines_date(req_field(r, "received_on"), false) != NULL)
		hdf_set(r, "Form.Values.received_on", "");
	if ((st = doc_load(r, kind, id, &d, &dd)) != 0)
		return st;
	hdf_set(r, "Pay.Open", "1");
	return doc_show_page(r, &d, &dd, status);
}

/* The new status of a document whose paid amount becomes paid. */
static enum doc_status
status_by_paid(const struct document *d, int64_t paid)
{
	if (d->kind == DOC_ESTIMATE || d->status == DOCST_DRAFT)
		return d->status;
	if (paid >= d->t.total_cents && paid > 0)
		return DOCST_PAID;
	return paid > 0 ? DOCST_PARTIAL : DOCST_SENT;
}

static int
create(struct req *r, enum doc_kind kind)
{
	struct doc_defaults	 dd;
	struct document		 d;
	struct payment		 p;
	enum doc_status		 to;
	const char		*verb, *cur;
	int64_t			 id, paid;
	bool			 refund;
	int			 rc;

	if (!route_id(r, "id", &id))
		return HTTP_404;
	if (db_doc_defaults_get(r, &dd) != DB_OK)
		return HTTP_500;
	cur = dd.currency;
	if (read_form(r, &dd, &p, &refund) > 0)
		return again(r, kind, id, HTTP_422);
	if (db_begin(r) != DB_OK)
		return HTTP_500;
	if ((rc = db_document_lock(r, kind, id, &d)) != DB_OK) {
		db_rollback(r);
		return rc == DB_NONE ? HTTP_404 : HTTP_500;
	}
	if (refund && d.paid_cents <= 0) {
		form_error(r, "amount", "Nothing has been paid, so there is "
		    "nothing to refund");
		return again(r, kind, id, HTTP_422);
	}
	if (refund && p.amount_cents > d.paid_cents) {
		form_error(r, "amount", arena_printf(r->arena, "Only %s has "
		    "been paid; a refund can't be more than that",
		    money_format(r->arena, d.paid_cents, cur)));
		return again(r, kind, id, HTTP_422);
	}
	/* A paid invoice hears about its balance (nothing) below. */
	if (!refund && !doc_can(&d, "pay") && d.status != DOCST_PAID) {
		hdf_set(r, "Form.Error", d.status == DOCST_DRAFT ?
		    arena_printf(r->arena, "Mark this %s as sent before "
		    "recording payments.", doc_kind_name(kind)) :
		    arena_printf(r->arena, "This %s is %s: it takes no "
		    "payments.", doc_kind_name(kind),
		    doc_status_label(d.status)));
		return again(r, kind, id, HTTP_422);
	}
	if (!refund && p.amount_cents > d.t.total_cents - d.paid_cents) {
		form_error(r, "amount", arena_printf(r->arena, "The balance due "
		    "is %s; a payment can't be more than that",
		    money_format(r->arena, d.t.total_cents - d.paid_cents,
		    cur)));
		return again(r, kind, id, HTTP_422);
	}
	p.document_id = d.id;
	if (refund)
		p.amount_cents = -p.amount_cents;
	paid = d.paid_cents + p.amount_cents;
	to = status_by_paid(&d, paid);
	verb = refund ? arena_printf(r->arena, "Refund of %s on %s #%lld: %s",
	    money_format(r->arena, -p.amount_cents, cur), doc_kind_name(kind),
	    (long long)d.number, p.reason) : arena_printf(r->arena,
	    "%s of %s received (%s) on %s #%lld; balance due %s",
	    kind == DOC_ESTIMATE ? "Deposit" : "Payment",
	    money_format(r->arena, p.amount_cents, cur),
	    payments_method_label(p.method), doc_kind_name(kind),
	    (long long)d.number,
	    money_format(r->arena, d.t.total_cents - paid, cur));
	if ((rc = db_payment_insert(r, &p)) == DB_OK &&
	    (rc = db_document_set_paid(r, d.id, paid, to)) == DB_OK)
		rc = job_event_add(r, d.job_id, "payment", verb, true, d.id);
	if (rc == DB_OK && to != d.status && (to == DOCST_PAID ||
	    d.status == DOCST_PAID))
		rc = job_status_by_fact(r, d.job_id, to == DOCST_PAID ?
		    JOB_PAID : JOB_INVOICED) == DB_ERR ? DB_ERR : DB_OK;
	if (rc != DB_OK || db_commit(r) != DB_OK) {
		db_rollback(r);
		return HTTP_500;
	}
	flash(r, refund ? "refund_recorded" : "payment_recorded");
	return redirect(r, doc_href(r, kind, d.id, "#payments"));
}

/* POST /app/estimates/:id/payments: a deposit (or its refund). */
int
payments_estimate_create(struct req *r)
{
	return create(r, DOC_ESTIMATE);
}

/* POST /app/invoices/:id/payments */
int
payments_invoice_create(struct req *r)
{
	return create(r, DOC_INVOICE);
}
