/*
 * Sharing an estimate or invoice with the customer (F4): the Share panel
 * of the back-office document page, Display to customer, the Share action
 * (one transaction: shown to the customer, a draft sent, a share row, a
 * fresh sign-in link and a mail per chosen person, a line in the job's
 * history) and revoking the links.  `plumbline demo-share` runs the same
 * path for the demo company, so `make run` has a link to click.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"

#define SHARE_MESSAGE_MAX	2000
#define SHARE_TO_MAX		20

static const char *
when(struct req *r, const char *zone, const char *utc)
{
	time_t	 t;

	return tz_parse_utc(utc, &t) ? job_when(r, zone, t) : utc;
}

/* "Phone, Safari" from a User-Agent: enough to tell devices apart. */
static const char *
device(struct req *r, const char *ua)
{
	const char	*kind, *app;

	kind = strstr(ua, "iPhone") || strstr(ua, "Android") ? "Phone" :
	    strstr(ua, "iPad") || strstr(ua, "Tablet") ? "Tablet" : "Computer";
	app = strstr(ua, "Edg/") ? "Edge" : strstr(ua, "Firefox/") ? "Firefox" :
	    strstr(ua, "Chrome/") ? "Chrome" : strstr(ua, "Safari/") ? "Safari" :
	    NULL;
	return app ? arena_printf(r->arena, "%s, %s", kind, app) : kind;
}

static const char *
first_name(struct req *r, const char *name)
{
	size_t	 n = strcspn(name, " ");

	return n ? arena_strndup(r->arena, name, n) : "there";
}

/* The message the Share form starts with. */
static const char *
default_message(struct req *r, const struct document *d)
{
	const char	*what = d->kind == DOC_INVOICE ? "invoice" : "estimate";
	const char	*can;

	/* Promise only what the portal will offer: an answered estimate
	 * (approved, declined) is there to read, not to approve. */
	if (d->kind == DOC_INVOICE)
		can = ", ask us questions and download it";
	else if (d->status == DOCST_DRAFT || d->status == DOCST_SENT ||
	    d->status == DOCST_REVISION_REQUESTED)
		can = ", ask us questions and approve it";
	else
		can = " and ask us questions about it";
	/* "link": the mail's text part has no button, its HTML part's is one. */
	return arena_printf(r->arena, "Hi %s,\n\nHere is %s %s #%lld%s%s. "
	    "You can read it%s online through the link below."
	    "\n\nThank you,\n%s", first_name(r, d->job.customer_name),
	    d->parent_id ? "the new version of your" : "your", what,
	    (long long)d->number, *d->title ? " for " : "", d->title, can,
	    r->sess.user_name ? r->sess.user_name : "");
}

static bool
shareable(const struct document *d)
{
	return d->status != DOCST_VOID && d->status != DOCST_SUPERSEDED;
}

/* Share.*: the panel's data (display, people, form, history, views, links). */
void
shares_put(struct req *r, const struct document *d)
{
	struct doc_defaults	 dd;
	struct contact		*cs;
	struct share_row	*s;
	const char		*p, *msg;
	size_t			 i, n, k = 0;
	int64_t			 links;
	bool			 on = false;

	if (db_doc_defaults_get(r, &dd) != DB_OK ||
	    db_share_display_get(r, d->id, &on) != DB_OK)
		return;
	hdf_set(r, "Share.Display", on ? "1" : "");
	hdf_set(r, "Share.Can", shareable(d) ? "1" : "");
	hdf_set(r, "Share.Href.Display", doc_href(r, d->kind, d->id, "/display"));
	hdf_set(r, "Share.Href.Share", doc_href(r, d->kind, d->id, "/share"));
	hdf_set(r, "Share.Href.Revoke", doc_href(r, d->kind, d->id,
	    "/links/revoke"));
	hdf_set(r, "Share.Href.Customer", arena_printf(r->arena,
	    "/app/customers/%lld", (long long)d->customer_id));
	hdf_set(r, "Share.Version", d->parent_id ? "1" : "");
	if (*d->job.customer_email) {
		hdf_set(r, "Share.To.0.Value", "customer");
		hdf_set(r, "Share.To.0.Name", d->job.customer_name);
		hdf_set(r, "Share.To.0.Email", d->job.customer_email);
		hdf_set(r, "Share.To.0.Checked", "1");
		k = 1;
	}
	if (db_contact_list(r, d->customer_id, &cs, &n) == DB_OK)
		for (i = 0; i < n; i++) {
			if (*cs[i].email == '\0')
				continue;
			p = arena_printf(r->arena, "Share.To.%zu", k++);
			hdf_setf(r, arena_printf(r->arena, "%s.Value", p),
			    "contact-%lld", (long long)cs[i].id);
			hdf_set(r, arena_printf(r->arena, "%s.Name", p),
			    cs[i].role && *cs[i].role ? arena_printf(r->arena,
			    "%s (%s)", cs[i].name, cs[i].role) : cs[i].name);
			hdf_set(r, arena_printf(r->arena, "%s.Email", p),
			    cs[i].email);
			hdf_set(r, arena_printf(r->arena, "%s.Checked", p),
			    k == 1 ? "1" : "");
		}
	if ((msg = hdf_get(r, "Form.Values.message")) == NULL)
		hdf_set(r, "Form.Values.message", default_message(r, d));
	if (db_share_list(r, d->id, false, &s, &n) == DB_OK)
		for (i = 0; i < n; i++) {
			p = arena_printf(r->arena, "Share.Shared.%zu", i);
			hdf_set(r, arena_printf(r->arena, "%s.Name", p), s[i].name);
			hdf_set(r, arena_printf(r->arena, "%s.Email", p), s[i].email);
			hdf_set(r, arena_printf(r->arena, "%s.When", p),
			    when(r, dd.timezone, s[i].at));
			hdf_set(r, arena_printf(r->arena, "%s.By", p), s[i].extra);
		}
	if (db_share_list(r, d->id, true, &s, &n) == DB_OK)
		for (i = 0; i < n; i++) {
			p = arena_printf(r->arena, "Share.Views.%zu", i);
			hdf_set(r, arena_printf(r->arena, "%s.Name", p), s[i].name);
			hdf_set(r, arena_printf(r->arena, "%s.When", p),
			    when(r, dd.timezone, s[i].at));
			hdf_set(r, arena_printf(r->arena, "%s.Device", p),
			    device(r, s[i].extra));
		}
	if (db_share_links_open(r, d->id, &links) == DB_OK)
		hdf_set_int(r, "Share.Links", links);
}

/* ------------------------------------------------------------ actions */

static int
lock(struct req *r, enum doc_kind kind, struct document *d,
    struct doc_defaults *dd)
{
	int64_t	 id;
	int	 rc;

	if (!route_id(r, "id", &id))
		return HTTP_404;
	if (db_doc_defaults_get(r, dd) != DB_OK || db_begin(r) != DB_OK)
		return HTTP_500;
	if ((rc = db_document_lock(r, kind, id, d)) != DB_OK) {
		db_rollback(r);
		return rc == DB_NONE ? HTTP_404 : HTTP_500;
	}
	return 0;
}

static int
done(struct req *r, const struct document *d, const char *code)
{
	if (db_commit(r) != DB_OK) {
		db_rollback(r);
		return HTTP_500;
	}
	flash(r, code);
	return redirect(r, doc_href(r, d->kind, d->id, "#share"));
}

/* The document page again with status and the form's messages. */
static int
again(struct req *r, enum doc_kind kind, int64_t id, int status)
{
	struct doc_defaults	 dd;
	struct document		 d;
	int			 st;

	db_rollback(r);
	hdf_set(r, "Form.Values.message", req_field(r, "message"));
	hdf_set(r, "Share.Open", "1");
	if ((st = doc_load(r, kind, id, &d, &dd)) != 0)
		return st;
	return doc_show_page(r, &d, &dd, status);
}

static int
display(struct req *r, enum doc_kind kind)
{
	struct doc_defaults	 dd;
	struct document		 d;
	bool			 on = strcmp(req_field(r, "display"), "1") == 0;
	int			 st;

	if ((st = lock(r, kind, &d, &dd)) != 0)
		return st;
	if (db_share_display_set(r, d.id, on) != DB_OK ||
	    job_event_add(r, d.job_id, doc_kind_name(kind), doc_event(r, &d,
	    on ? "shown in the customer's portal" :
	    "hidden from the customer's portal", dd.currency), false,
	    d.id) != DB_OK) {
		db_rollback(r);
		return HTTP_500;
	}
	return done(r, &d, on ? "doc_displayed" : "doc_hidden");
}

int
estimates_display(struct req *r)
{
	return display(r, DOC_ESTIMATE);
}

int
invoices_display(struct req *r)
{
	return display(r, DOC_INVOICE);
}

/* The chosen people ("customer", "contact-<id>") as contact ids (0: the
 * customer's own address); -1 when one isn't either. */
static int
chosen(struct req *r, int64_t *ids, size_t *n)
{
	const struct param	*p;
	char			*end;
	long long		 v;

	*n = 0;
	for (p = r->form.head; p != NULL; p = p->next) {
		if (strcmp(p->name, "to") != 0)
			continue;
		if (*n == SHARE_TO_MAX)
			return -1;
		if (strcmp(p->value, "customer") == 0)
			v = 0;
		else if (strncmp(p->value, "contact-", 8) == 0) {
			v = strtoll(p->value + 8, &end, 10);
			if (v <= 0 || *end != '\0')
				return -1;
		} else
			return -1;
		ids[(*n)++] = v;
	}
	return 0;
}

/*
 * Share d (locked) with the customer's people of contact ids: shown in the
 * portal, sent when a draft, a share row, link and mail each, the history.
 * DB_NONE when one of them has no address.
 */
static int
share_locked(struct req *r, struct document *d, const struct doc_defaults *dd,
    const int64_t *ids, size_t n, const char *message)
{
	struct alert_to	 to;
	struct buf	 names;
	const char	*off;
	int64_t		 pid;
	size_t		 i;
	int		 rc = DB_OK;

	if (d->status == DOCST_DRAFT)
		rc = doc_move_locked(r, d, "send", dd);
	if (rc == DB_OK)
		rc = db_share_display_set(r, d->id, true);
	buf_init(&names, r->arena);
	for (i = 0; i < n && rc == DB_OK; i++) {
		if ((rc = portal_person_for(r, d->customer_id, ids[i], &pid)) !=
		    DB_OK || (rc = db_alert_prefs_get(r, false, pid, &to, &off)) !=
		    DB_OK || (rc = db_share_insert(r, d->id, pid, message)) != DB_OK)
			break;
		buf_printf(&names, "%s%s <%s>", i ? ", " : "", to.name, to.email);
		rc = alert_person(r, &to, d->job_id, d->id, d->parent_id ?
		    "version" : "shared", message);
	}
	if (rc == DB_OK)
		rc = job_event_add(r, d->job_id, "share", arena_printf(r->arena,
		    "%s #%lld%s shared with %s", d->kind == DOC_INVOICE ?
		    "Invoice" : "Estimate", (long long)d->number, d->parent_id ?
		    arena_printf(r->arena, " (version %lld)",
		    (long long)d->revision) : "", names.data), false, d->id);
	return rc;
}

static int
share(struct req *r, enum doc_kind kind)
{
	struct doc_defaults	 dd;
	struct document		 d;
	int64_t			 ids[SHARE_TO_MAX];
	const char		*message = str_trim(r->arena,
				    req_field(r, "message")), *why;
	size_t			 n;
	int			 st, rc;

	if ((st = lock(r, kind, &d, &dd)) != 0)
		return st;
	if (!shareable(&d)) {
		hdf_set(r, "Form.Error", arena_printf(r->arena, "This %s is %s, "
		    "so it can't be shared.", doc_kind_name(kind),
		    doc_status_label(d.status)));
		return again(r, kind, d.id, HTTP_409);
	}
	why = valid_text(message, 0, SHARE_MESSAGE_MAX);
	if (chosen(r, ids, &n) == -1)
		return HTTP_400;
	if (n == 0)
		form_error(r, "to", "Choose at least one person to send it to.");
	form_error(r, "message", why);
	if (n == 0 || why != NULL)
		return again(r, kind, d.id, HTTP_422);
	rc = share_locked(r, &d, &dd, ids, n, message);
	if (rc == DB_NONE) {
		form_error(r, "to", "That person has no email address any more. "
		    "Reload the page and choose again.");
		return again(r, kind, d.id, HTTP_422);
	}
	if (rc != DB_OK) {
		db_rollback(r);
		return HTTP_500;
	}
	return done(r, &d, "doc_shared");
}

int
estimates_share(struct req *r)
{
	return share(r, DOC_ESTIMATE);
}

int
invoices_share(struct req *r)
{
	return share(r, DOC_INVOICE);
}

static int
revoke(struct req *r, enum doc_kind kind)
{
	struct doc_defaults	 dd;
	struct document		 d;
	int			 st;

	if ((st = lock(r, kind, &d, &dd)) != 0)
		return st;
	if (portal_links_revoke(r, d.id) != DB_OK ||
	    job_event_add(r, d.job_id, doc_kind_name(kind), doc_event(r, &d,
	    "links revoked", dd.currency), false, d.id) != DB_OK) {
		db_rollback(r);
		return HTTP_500;
	}
	return done(r, &d, "links_revoked");
}

int
estimates_links_revoke(struct req *r)
{
	return revoke(r, DOC_ESTIMATE);
}

int
invoices_links_revoke(struct req *r)
{
	return revoke(r, DOC_INVOICE);
}

/*
 * A new job of d's customer and property, still Estimating, for the draft
 * demo_draft makes: approving that estimate in the demo then visibly moves
 * its job to Approved (d's own job went on long ago).  d moves to it.
 */
static int
demo_job(struct req *r, struct document *d)
{
	struct job	 j;
	int64_t		 id;
	int		 rc;

	if ((rc = db_job_get(r, d->job_id, &j)) != DB_OK)
		return rc;
	j.title = *d->title ? d->title : d->nlines > 0 ? d->lines[0].desc :
	    j.title;
	j.description = "";
	j.is_project = false;
	/* The generator writes job numbers without the counter: catch up. */
	if ((rc = db_counter_next(r, "job", &j.number)) == DB_OK &&
	    (rc = db_job_insert(r, &j, &id)) == DB_DUP &&
	    (rc = db_job_counter_catch_up(r)) == DB_OK &&
	    (rc = db_counter_next(r, "job", &j.number)) == DB_OK)
		rc = db_job_insert(r, &j, &id);
	if (rc != DB_OK || (rc = job_event_add(r, id, "created", "Job created",
	    false, 0)) != DB_OK)
		return rc;
	d->job_id = d->job.id = id;
	d->job.number = j.number;
	d->job.title = j.title;
	d->job.status = JOB_REQUESTED;
	return DB_OK;
}

/* A draft estimate with the lines and prices of approved estimate d, on a
 * new job (demo_job), for the demo's customer to answer; d becomes it. */
static int
demo_draft(struct req *r, struct document *d, const struct doc_defaults *dd)
{
	int64_t	 from = d->id;
	int	 rc;

	if ((rc = demo_job(r, d)) != DB_OK)
		return rc;
	d->status = DOCST_DRAFT;
	d->parent_id = d->source_id = 0;
	d->revision = 1;
	d->paid_cents = 0;
	d->approved_name = d->approved_at = "";
	d->issued_on = lines_today(r, dd->timezone, 0);
	d->until = lines_today(r, dd->timezone, DOC_DAYS);
	if ((rc = db_counter_next(r, "estimate", &d->number)) == DB_OK &&
	    (rc = db_document_insert(r, d, &d->id)) == DB_OK &&
	    (rc = db_lines_copy(r, d->id, from)) == DB_OK)
		rc = job_event_add(r, d->job_id, "estimate", doc_event(r, d,
		    "drafted", dd->currency), false, d->id);
	if (rc == DB_OK && job_status_by_fact(r, d->job_id, JOB_ESTIMATING) ==
	    DB_ERR)
		rc = DB_ERR;
	return rc;
}

/*
 * `plumbline -f CONF demo-share OWNER_EMAIL`: share an open estimate of
 * the owner's company with its customer, by the same path as the Share
 * button, so the demo's captured mail holds a sign-in link to click.
 */
int
shares_demo(int argc, char *argv[])
{
	struct req		 r;
	struct user		 u;
	struct doc_defaults	 dd;
	struct document		 d;
	int64_t			 id, customer = 0;
	bool			 open = false;
	int			 rc;

	if (argc != 2) {
		fprintf(stderr, "usage: plumbline -f CONF demo-share OWNER_EMAIL\n");
		return 2;
	}
	if (crypto_init() == -1)
		return 1;
	memset(&r, 0, sizeof(r));
	r.arena = arena_new();
	buf_init(&r.body, r.arena);
	render_begin(&r);
	if ((rc = db_user_find_email(&r, argv[1], &u)) == DB_OK) {
		r.sess.valid = true;
		r.sess.company_id = u.company_id;
		r.sess.user_id = u.id;
		r.sess.user_name = u.name;
		r.sess.role = u.role;
		rc = db_share_demo_doc(&r, &id, &open);
	}
	if (rc == DB_OK && (rc = db_doc_defaults_get(&r, &dd)) == DB_OK &&
	    (rc = db_begin(&r)) == DB_OK) {
		/* The generated demo's estimates are all answered already. */
		if ((rc = db_document_lock(&r, DOC_ESTIMATE, id, &d)) == DB_OK)
			rc = db_document_get(&r, DOC_ESTIMATE, id, &d);
		if (rc == DB_OK && !open)
			rc = demo_draft(&r, &d, &dd);
		if (rc == DB_OK)
			rc = share_locked(&r, &d, &dd, &customer, 1,
			    default_message(&r, &d));
		if (rc != DB_OK || (rc = db_commit(&r)) != DB_OK)
			db_rollback(&r);
	}
	if (rc == DB_OK)
		printf("shared estimate #%lld with %s <%s>\n",
		    (long long)d.number, d.job.customer_name,
		    d.job.customer_email);
	else
		fprintf(stderr, "plumbline demo-share: %s\n", rc == DB_NONE ?
		    "no such owner, or no open estimate of a customer with an "
		    "email address" : "database error");
	arena_free(r.arena);
	db_close();
	return rc == DB_OK ? 0 : 1;
}
