/*
 * What happens to an estimate or invoice after it is written: the status
 * moves people make by a button (one table of them), and an invoice made
 * from an estimate.  Each runs in one transaction with the document row
 * locked, writes the job's history, and tells the job the facts it moves
 * by (approved, invoiced; a voided invoice undoes "invoiced").  A move the
 * document's status doesn't allow answers 409 with the page and why.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"

#define B(s)		(1U << (s))

static const struct move {
	enum doc_kind	 kind;
	const char	*action;
	unsigned	 from;		/* statuses it may start from */
	enum doc_status	 to;
	const char	*what;		/* for people and the history */
	const char	*flash;
	enum job_status	 fact;		/* what the job learns; JOB__MAX: none */
} moves[] = {
	{ DOC_ESTIMATE,	"send",		B(DOCST_DRAFT),	DOCST_SENT,
	    "marked as sent",	"doc_sent",	JOB__MAX },
	{ DOC_ESTIMATE,	"approve",	B(DOCST_SENT) | B(DOCST_REVISION_REQUESTED),
	    DOCST_APPROVED,	"approved",	"doc_approved",	JOB_APPROVED },
	{ DOC_ESTIMATE,	"decline",	B(DOCST_SENT) | B(DOCST_REVISION_REQUESTED),
	    DOCST_DECLINED,	"declined",	"doc_declined",	JOB__MAX },
	{ DOC_INVOICE,	"send",		B(DOCST_DRAFT),	DOCST_SENT,
	    "issued",		"doc_issued",	JOB_INVOICED },
	{ DOC_INVOICE,	"void",		B(DOCST_DRAFT) | B(DOCST_SENT),
	    DOCST_VOID,		"voided",	"doc_void",	JOB_COMPLETED },
};

#define NMOVES	(sizeof(moves) / sizeof(moves[0]))

/* Statuses that take payments (deposits on estimates). */
static const unsigned payable[DOC__MAX] = {
	[DOC_ESTIMATE] = B(DOCST_SENT) | B(DOCST_APPROVED),
	[DOC_INVOICE] = B(DOCST_SENT) | B(DOCST_PARTIAL),
};

static const struct move *
move_find(enum doc_kind kind, const char *action)
{
	size_t	 i;

	for (i = 0; i < NMOVES; i++)
		if (moves[i].kind == kind && strcmp(moves[i].action, action) == 0)
			return &moves[i];
	return NULL;
}

/*
 * May d take action now: a move of the table, "invoice" (an invoice from
 * a sent or approved estimate) or "pay" (a payment or deposit)?
 */
bool
doc_can(const struct document *d, const char *action)
{
	const struct move	*m;

	if (strcmp(action, "invoice") == 0)
		return d->kind == DOC_ESTIMATE && (B(d->status) &
		    (B(DOCST_SENT) | B(DOCST_APPROVED)));
	if (strcmp(action, "pay") == 0)
		return (payable[d->kind] & B(d->status)) != 0;
	if ((m = move_find(d->kind, action)) == NULL ||
	    (m->from & B(d->status)) == 0)
		return false;
	/* Money received stays on the books: refund it first. */
	return !(m->to == DOCST_VOID && d->paid_cents != 0);
}

/* Tell the job a fact; jobs.c decides what it means for its status. */
static int
job_fact(struct req *r, int64_t job_id, enum job_status fact)
{
	return job_status_by_fact(r, job_id, fact) == DB_ERR ? DB_ERR : DB_OK;
}

/* The document's page, 409, saying why the action can't be done now. */
static int
refuse(struct req *r, enum doc_kind kind, int64_t id, const char *why)
{
	struct doc_defaults	 dd;
	struct document		 d;
	int			 st;

	db_rollback(r);
	if ((st = doc_load(r, kind, id, &d, &dd)) != 0)
		return st;
	hdf_set(r, "Form.Error", why);
	return doc_show_page(r, &d, &dd, HTTP_409);
}

/*
 * Make move action of d, a document locked in the caller's transaction
 * that doc_can it: the status, the history, the versions it replaces and
 * what the job learns.  Sharing a draft sends it this way too.
 */
int
doc_move_locked(struct req *r, struct document *d, const char *action,
    const struct doc_defaults *dd)
{
	const struct move	*m = move_find(d->kind, action);
	enum doc_status		 was = d->status;
	bool			 full;
	int			 rc;

	if (m == NULL)
		abort();
	rc = m->to == DOCST_APPROVED ? db_document_approve(r, d->id,
	    r->sess.user_name) : db_document_set_status(r, d->id, m->to);
	if (rc == DB_OK)
		rc = job_event_add(r, d->job_id, m->to == DOCST_APPROVED ?
		    "approval" : doc_kind_name(d->kind),
		    doc_event(r, d, m->what, dd->currency), was != DOCST_DRAFT ||
		    m->to != DOCST_VOID, d->id);
	/* A later version reaching the customer replaces the open earlier ones. */
	if (rc == DB_OK && m->to == DOCST_SENT)
		rc = doc_supersede_previous(r, d);
	/* Voiding a draft undoes nothing the job knew. */
	if (rc == DB_OK && m->fact != JOB__MAX &&
	    !(m->to == DOCST_VOID && was == DOCST_DRAFT))
		rc = job_fact(r, d->job_id, m->fact);
	/* An invoice issued with its deposit already covering it is paid. */
	if (rc == DB_OK && m->to == DOCST_SENT && d->kind == DOC_INVOICE &&
	    d->paid_cents > 0) {
		full = d->paid_cents >= d->t.total_cents;
		rc = db_document_set_paid(r, d->id, d->paid_cents, full ?
		    DOCST_PAID : DOCST_PARTIAL);
		if (rc == DB_OK && full)
			rc = job_fact(r, d->job_id, JOB_PAID);
	}
	if (rc == DB_OK)
		d->status = m->to;
	return rc;
}

static int
move(struct req *r, enum doc_kind kind, const char *action)
{
	const struct move	*m = move_find(kind, action);
	struct doc_defaults	 dd;
	struct document		 d;
	int64_t			 id;
	int			 rc;

	if (m == NULL || !route_id(r, "id", &id))
		return HTTP_404;
	if (db_doc_defaults_get(r, &dd) != DB_OK || db_begin(r) != DB_OK)
		return HTTP_500;
	if ((rc = db_document_lock(r, kind, id, &d)) != DB_OK) {
		db_rollback(r);
		return rc == DB_NONE ? HTTP_404 : HTTP_500;
	}
	if (!doc_can(&d, action))
		return refuse(r, kind, id, m->to == DOCST_VOID &&
		    d.paid_cents != 0 ? "This invoice has payments: refund "
		    "them before voiding it." : arena_printf(r->arena,
		    "This %s's status is %s, so it can't be %s.", doc_kind_name(kind),
		    doc_status_label(d.status), m->what));
	rc = doc_move_locked(r, &d, action, &dd);
	if (rc != DB_OK || db_commit(r) != DB_OK) {
		db_rollback(r);
		return HTTP_500;
	}
	flash(r, m->flash);
	return redirect(r, doc_href(r, kind, id, ""));
}

int
estimates_send(struct req *r)
{
	return move(r, DOC_ESTIMATE, "send");
}

int
estimates_approve(struct req *r)
{
	return move(r, DOC_ESTIMATE, "approve");
}

int
estimates_decline(struct req *r)
{
	return move(r, DOC_ESTIMATE, "decline");
}

int
invoices_send(struct req *r)
{
	return move(r, DOC_INVOICE, "send");
}

int
invoices_void(struct req *r)
{
	return move(r, DOC_INVOICE, "void");
}

/*
 * POST /app/estimates/:id/invoice: a draft invoice with the estimate's
 * lines and pricing (its deposit is the estimate's business, not the
 * invoice's); deposits already paid on the estimate are credited to it.
 */
int
estimates_invoice(struct req *r)
{
	struct doc_defaults	 dd;
	struct document		 est, inv;
	struct payment		 p;
	int64_t			 id;
	int			 rc;

	if (!route_id(r, "id", &id))
		return HTTP_404;
	if (db_doc_defaults_get(r, &dd) != DB_OK || db_begin(r) != DB_OK)
		return HTTP_500;
	if ((rc = db_document_lock(r, DOC_ESTIMATE, id, &est)) != DB_OK) {
		db_rollback(r);
		return rc == DB_NONE ? HTTP_404 : HTTP_500;
	}
	if (!doc_can(&est, "invoice"))
		return refuse(r, DOC_ESTIMATE, id, arena_printf(r->arena,
		    "This estimate is %s: only a sent or approved estimate "
		    "can be invoiced.", doc_status_label(est.status)));
	inv = est;
	inv.kind = DOC_INVOICE;
	inv.source_id = est.id;
	inv.status = DOCST_DRAFT;
	inv.issued_on = lines_today(r, dd.timezone, 0);
	inv.until = lines_today(r, dd.timezone, DOC_DAYS);
	inv.t.deposit_is_percent = false;
	inv.t.deposit_value = inv.t.deposit_cents = 0;
	if ((rc = db_counter_next(r, "invoice", &inv.number)) == DB_OK &&
	    (rc = db_document_insert(r, &inv, &inv.id)) == DB_OK &&
	    (rc = db_lines_copy(r, inv.id, est.id)) == DB_OK)
		rc = job_event_add(r, est.job_id, "invoice", doc_event(r, &inv,
		    arena_printf(r->arena, "created from estimate #%lld",
		    (long long)est.number), dd.currency), false, inv.id);
	if (rc == DB_OK && est.paid_cents > 0) {
		memset(&p, 0, sizeof(p));
		p.document_id = inv.id;
		p.method = "deposit";
		p.amount_cents = est.paid_cents;
		p.received_on = inv.issued_on;
		p.reference = arena_printf(r->arena, "Deposit on estimate #%lld",
		    (long long)est.number);
		p.reason = "";
		if ((rc = db_payment_insert(r, &p)) == DB_OK)
			rc = db_document_set_paid(r, inv.id, est.paid_cents,
			    DOCST_DRAFT);
	}
	if (rc != DB_OK || db_commit(r) != DB_OK) {
		db_rollback(r);
		return HTTP_500;
	}
	flash(r, "invoice_created");
	return redirect(r, doc_href(r, DOC_INVOICE, inv.id, ""));
}
