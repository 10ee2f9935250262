/*
 * Alerts (F8): the mails each side gets about the other's words and acts,
 * who wants which kind (alerts_off on users and portal_people), the
 * one-click unsubscribe (/u/<token>, stateless: the token is an HMAC of the
 * company, who and the kind), and the unread badge of the back office.
 *
 * Every alert goes through mail_queue, so it is written to the outbox in
 * the caller's transaction and delivered (and retried) by `plumbline deliver`.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"

struct alert_kind {
	const char	*name;
	bool		 staff;		/* else the customer's */
	const char	*label;		/* "no more emails about <label>" */
	const char	*field;		/* the settings checkbox's words, also
					 * the unsubscribe page's */
};

static const struct alert_kind kinds[] = {
	{ "note", true, "customer notes and questions",
	    "A customer writes a note or a question" },
	{ "approval", true, "approvals", "A customer approves an estimate" },
	{ "revision", true, "revision requests",
	    "A customer asks for a revision of an estimate" },
	{ "dispute", true, "disputed invoices", "A customer disputes an invoice" },
	{ "view", true, "documents viewed",
	    "A customer opens a shared estimate or invoice" },
	{ "shared", false, "new estimates and invoices",
	    "An estimate or invoice is shared with you" },
	{ "reply", false, "replies", "We reply to you or write you a note" },
	{ "version", false, "new versions",
	    "A new version of an estimate is ready" },
};

#define NKINDS	(sizeof(kinds) / sizeof(kinds[0]))

static const struct alert_kind *
kind_find(const char *name, bool staff)
{
	size_t	 i;

	for (i = 0; i < NKINDS; i++)
		if (kinds[i].staff == staff && strcmp(kinds[i].name, name) == 0)
			return &kinds[i];
	return NULL;
}

int
mail_attach(struct req *r, const char *name, const char *type,
    const void *data, size_t len)
{
	struct outmail	*m = arena_zalloc(r->arena, sizeof(*m));

	if (name == NULL || *name == '\0' || type == NULL || data == NULL)
		return DB_ERR;
	m->attach_name = arena_strdup(r->arena, name);
	m->attach_type = arena_strdup(r->arena, type);
	m->attach_data = data;
	m->attach_len = len;
	r->attach = m;
	return DB_OK;
}

/* ------------------------------------------------------- unsubscribe */

/* "<company>.<s|p><id>.<kind>": what the HMAC covers and the URL names. */
static const char *
unsub_subject(struct req *r, int64_t company, bool staff, int64_t id,
    const char *kind)
{
	return arena_printf(r->arena, "%lld.%c%lld.%s", (long long)company,
	    staff ? 's' : 'p', (long long)id, kind);
}

static const char *
unsub_mac(struct req *r, const char *subject)
{
	/* csrf_token is HMAC(secret, "csrf:" seed); CSRF seeds are random
	 * base64url tokens and never start with "unsub:". */
	return csrf_token(r->arena, arena_printf(r->arena, "unsub:%s",
	    subject));
}

const char *
alert_unsubscribe_url(struct req *r, bool staff, int64_t id, const char *kind)
{
	const char	*s = unsub_subject(r, r->sess.company_id, staff, id, kind);

	return arena_printf(r->arena, "%s/u/%s.%s", cfg.base_url, s,
	    unsub_mac(r, s));
}

/* Parse and check /u/:token; sets the company of the request.  false: 404. */
static bool
unsub_token(struct req *r, bool *staff, int64_t *id,
    const struct alert_kind **k)
{
	const char	*tok = params_get(&r->route_args, "token");
	char		*s, *p, *dot, *end;
	long long	 company, who;
	const char	*mac;

	if (tok == NULL || strlen(tok) > 200 ||
	    (dot = strrchr(tok, '.')) == NULL)
		return false;
	s = arena_strndup(r->arena, tok, (size_t)(dot - tok));
	mac = unsub_mac(r, s);
	if (strlen(dot + 1) != strlen(mac) ||
	    !ct_equal(mac, dot + 1, strlen(mac)))
		return false;
	company = strtoll(s, &p, 10);
	if (company <= 0 || *p != '.' || (p[1] != 's' && p[1] != 'p'))
		return false;
	*staff = p[1] == 's';
	who = strtoll(p + 2, &end, 10);
	if (who <= 0 || *end != '.' ||
	    (*k = kind_find(end + 1, *staff)) == NULL)
		return false;
	*id = who;
	/* The token alone says whose preference this is: a page of no one's
	 * session, in the token's company. */
	r->sess.valid = false;
	r->sess.company_id = company;
	hdf_set(r, "Page.Layout", "layout/public.cs");
	return true;
}

static bool
is_off(const char *off, const char *kind)
{
	const char	*p = off;
	size_t		 n = strlen(kind);

	while (p != NULL && *p != '\0') {
		if (strncmp(p, kind, n) == 0 && (p[n] == ',' || p[n] == '\0'))
			return true;
		if ((p = strchr(p, ',')) != NULL)
			p++;
	}
	return false;
}

static const char *
off_with(struct req *r, const char *off, const char *kind)
{
	if (is_off(off, kind))
		return off;
	return *off ? arena_printf(r->arena, "%s,%s", off, kind) : kind;
}

static int
unsub_page(struct req *r, bool staff, const struct alert_to *who,
    const struct alert_kind *k, bool off, int status)
{
	struct company	 c;

	/* The mail came from the contractor: their name, and for a customer
	 * their portal's frame, not Plumbline's. */
	if (db_company_get(r, &c) != DB_OK)
		return HTTP_500;
	hdf_set(r, "Unsub.Company", c.name);
	if (!staff) {
		hdf_set(r, "Page.Layout", "layout/portal.cs");
		hdf_set(r, "Portal.CompanyName", c.name);
	}
	hdf_set(r, "Unsub.Label", k->label);
	hdf_set(r, "Unsub.When", k->field);
	hdf_set(r, "Unsub.Email", who->email);
	hdf_set(r, "Unsub.Off", off ? "1" : "");
	hdf_set(r, "Unsub.Action", r->path);
	hdf_set(r, "Unsub.Settings", staff ? "/app/account#alerts" :
	    "/portal/settings#alerts");
	hdf_set(r, "Page.Title", off ? "Unsubscribed" : "Stop these emails?");
	return render_as(r, "auth/unsubscribe.cs", status);
}

/* GET /u/:token — asks; a mail scanner's GET changes nothing. */
int
unsubscribe_show(struct req *r)
{
	const struct alert_kind	*k;
	struct alert_to		 who;
	const char		*off;
	bool			 staff;
	int64_t			 id;

	if (!unsub_token(r, &staff, &id, &k))
		return HTTP_404;
	switch (db_alert_prefs_get(r, staff, id, &who, &off)) {
	case DB_OK:
		break;
	case DB_NONE:
		return HTTP_404;
	default:
		return HTTP_500;
	}
	return unsub_page(r, staff, &who, k, is_off(off, k->name), HTTP_200);
}

/* POST /u/:token — the button, or a mail client's RFC 8058 one-click. */
int
unsubscribe_update(struct req *r)
{
	const struct alert_kind	*k;
	struct alert_to		 who;
	const char		*off;
	bool			 staff;
	int64_t			 id;
	int			 rc;

	if (!unsub_token(r, &staff, &id, &k))
		return HTTP_404;
	if (db_begin(r) != DB_OK)
		return HTTP_500;
	rc = db_alert_prefs_get(r, staff, id, &who, &off);
	if (rc == DB_OK)
		rc = db_alert_prefs_set(r, staff, id, off_with(r, off, k->name));
	if (rc != DB_OK || db_commit(r) != DB_OK) {
		db_rollback(r);
		return rc == DB_NONE ? HTTP_404 : HTTP_500;
	}
	return unsub_page(r, staff, &who, k, true, HTTP_200);
}

/* ------------------------------------------------------------ alerts */

static void
put_about(struct req *r, const struct alert_about *a)
{
	hdf_set_int(r, "Mail.Job.Number", a->job_number);
	hdf_set(r, "Mail.Job.Title", a->job_title);
	hdf_set(r, "Mail.Customer", a->customer_name);
	if (a->doc_kind == DOC__MAX) {
		hdf_set(r, "Mail.Doc.Label", "");
		hdf_set(r, "Mail.Doc.Kind", "");
		return;
	}
	hdf_set(r, "Mail.Doc.Kind", doc_kind_name(a->doc_kind));
	hdf_setf(r, "Mail.Doc.Label", "%s #%lld", a->doc_kind == DOC_INVOICE ?
	    "Invoice" : "Estimate", (long long)a->doc_number);
	hdf_setf(r, "Mail.Doc.Noun", "%s", a->doc_kind == DOC_INVOICE ?
	    "invoice" : "estimate");
	hdf_set_int(r, "Mail.Doc.Version", a->doc_revision);
	hdf_set(r, "Mail.Doc.Title", a->doc_title);
}

/* Queue one mail of kind with the attachment (if any) kept for the next. */
static int
queue(struct req *r, const char *kind, const struct alert_to *to,
    struct outmail *attach)
{
	r->attach = attach;
	return mail_queue(r, kind, to->email, to->name);
}

int
alert_staff(struct req *r, int64_t job_id, int64_t document_id,
    const char *kind, const char *text)
{
	struct alert_about	 a;
	struct alert_to		*to;
	struct outmail		*attach = r->attach;
	size_t			 n, i;
	int			 rc;

	if (kind_find(kind, true) == NULL)
		abort();
	if ((rc = db_alert_about(r, job_id, document_id, &a)) != DB_OK ||
	    (rc = db_alert_staff_list(r, kind, &to, &n)) != DB_OK)
		return rc;
	put_about(r, &a);
	hdf_set(r, "Mail.Who", r->portal.valid && r->portal.name &&
	    *r->portal.name ? r->portal.name : a.customer_name);
	hdf_set(r, "Mail.Quote", text ? text : "");
	/* A note is answered in the job's history; the rest is about the document. */
	hdf_set(r, "Mail.Link", arena_printf(r->arena, "%s%s", cfg.base_url,
	    a.doc_kind == DOC__MAX || strcmp(kind, "note") == 0 ?
	    arena_printf(r->arena, "/app/jobs/%lld#history", (long long)job_id) :
	    doc_href(r, a.doc_kind, document_id, "")));
	hdf_set(r, "Mail.Inbox", arena_printf(r->arena, "%s/app/inbox",
	    cfg.base_url));
	for (i = 0, rc = DB_OK; i < n && rc == DB_OK; i++) {
		hdf_set(r, "Mail.Name", to[i].name);
		hdf_set(r, "Mail.Unsubscribe", alert_unsubscribe_url(r, true,
		    to[i].id, kind));
		rc = queue(r, kind, &to[i], attach);
	}
	r->attach = NULL;
	hdf_set(r, "Mail.Unsubscribe", "");
	return rc;
}

/* The portal link of a person: an absolute URL whatever portal_link_new gives. */
static const char *
absolute(struct req *r, const char *link)
{
	if (link[0] == '/')
		return arena_printf(r->arena, "%s%s", cfg.base_url, link);
	return link;
}

int
alert_person(struct req *r, const struct alert_to *to, int64_t job_id,
    int64_t document_id, const char *kind, const char *text)
{
	struct alert_about	 a;
	const char		*link;
	int			 rc;

	if (kind_find(kind, false) == NULL)
		abort();
	if ((rc = db_alert_about(r, job_id, document_id, &a)) != DB_OK ||
	    (rc = portal_link_new(r, to->id, document_id, &link)) != DB_OK)
		return rc;
	put_about(r, &a);
	hdf_set(r, "Mail.Who", r->sess.valid && r->sess.user_name &&
	    *r->sess.user_name ? r->sess.user_name : "");
	hdf_set(r, "Mail.Quote", text ? text : "");
	hdf_set(r, "Mail.Name", to->name);
	hdf_set(r, "Mail.Link", absolute(r, link));
	hdf_setf(r, "Mail.Expires", "%d days", PORTAL_LINK_DAYS);
	hdf_set(r, "Mail.Unsubscribe", alert_unsubscribe_url(r, false, to->id,
	    kind));
	rc = mail_queue(r, kind, to->email, to->name);
	hdf_set(r, "Mail.Unsubscribe", "");
	return rc;
}

/*
 * The customer's people concerned with the job: those who were shared one
 * of its documents or wrote in its history, and the signed-in person.
 * Each who wants kind gets a fresh link.  (The copy of an approved
 * estimate is not an alert: it is the signer's record, always sent.)
 */
int
alert_customer(struct req *r, int64_t job_id, int64_t document_id,
    const char *kind, const char *text)
{
	struct alert_to	*to;
	struct outmail	*attach = r->attach;
	size_t		 n, i;
	int		 rc;

	if (kind_find(kind, false) == NULL)
		abort();
	rc = db_alert_people_list(r, job_id, kind, r->portal.valid ?
	    r->portal.person_id : 0, &to, &n);
	for (i = 0; i < n && rc == DB_OK; i++) {
		r->attach = attach;
		rc = alert_person(r, &to[i], job_id, document_id, kind, text);
	}
	r->attach = NULL;
	return rc;
}

int
portal_note_add(struct req *r, int64_t job_id, int64_t document_id,
    const char *body)
{
	int	 rc;

	if (!r->portal.valid)
		abort();
	if ((rc = db_alert_note_insert(r, job_id, document_id,
	    r->portal.person_id, body, NULL)) != DB_OK)
		return rc;
	return alert_staff(r, job_id, document_id, "note", body);
}

/* User.Unread for the navigation's badge (owners and office). */
void
alert_badge(struct req *r)
{
	int64_t	 n;

	/* Counted by the session's own query: no extra round trip a page. */
	if (!r->sess.valid || r->sess.role < ROLE_OFFICE ||
	    (n = r->sess.unread) == 0)
		return;
	hdf_set(r, "User.Unread", n >= 100 ? "99+" : arena_printf(r->arena,
	    "%lld", (long long)n));
}

/* ------------------------------------------------------- preferences */

/*
 * Alerts.N.{Name,Label,On}: the choices of the signed-in user (staff) or
 * portal person, for the settings pages.  0, or -1 on a database error.
 */
int
alert_prefs_put(struct req *r, bool staff)
{
	const char	*off;
	size_t		 i, n = 0;

	if (db_alert_prefs_get(r, staff, staff ? r->sess.user_id :
	    r->portal.person_id, NULL, &off) != DB_OK)
		return -1;
	for (i = 0; i < NKINDS; i++) {
		if (kinds[i].staff != staff)
			continue;
		hdf_set(r, arena_printf(r->arena, "Alerts.%zu.Name", n),
		    kinds[i].name);
		hdf_set(r, arena_printf(r->arena, "Alerts.%zu.Label", n),
		    kinds[i].field);
		hdf_set(r, arena_printf(r->arena, "Alerts.%zu.On", n),
		    is_off(off, kinds[i].name) ? "" : "1");
		n++;
	}
	return 0;
}

/* alerts_off from the form's checkboxes alert_<kind> (ticked: on). */
static void
prefs_read(struct req *r, bool staff, const char **off)
{
	struct buf	 b;
	size_t		 i;

	buf_init(&b, r->arena);
	buf_puts(&b, "");
	for (i = 0; i < NKINDS; i++) {
		if (kinds[i].staff != staff || strcmp(req_field(r,
		    arena_printf(r->arena, "alert_%s", kinds[i].name)), "1") == 0)
			continue;
		if (b.len)
			buf_putc(&b, ',');
		buf_puts(&b, kinds[i].name);
	}
	*off = b.data;
}

static int
prefs_update(struct req *r, bool staff, int64_t id, const char *back)
{
	const char	*off;

	prefs_read(r, staff, &off);
	if (db_begin(r) != DB_OK)
		return HTTP_500;
	if (db_alert_prefs_set(r, staff, id, off) != DB_OK ||
	    db_commit(r) != DB_OK) {
		db_rollback(r);
		return HTTP_500;
	}
	flash(r, "alerts_saved");
	return redirect(r, back);
}

/* POST /app/account/alerts */
int
account_alerts_update(struct req *r)
{
	return prefs_update(r, true, r->sess.user_id, "/app/account#alerts");
}

/* POST /portal/settings/alerts */
int
portal_alerts_update(struct req *r)
{
	return prefs_update(r, false, r->portal.person_id,
	    "/portal/settings#alerts");
}
