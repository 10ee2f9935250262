/*
 * The customer portal's own pages: the dashboard (what waits for the
 * customer, what is to pay, what is done, the coming visits, unread
 * messages), the company's logo, and the settings with the password and
 * the signed-in devices.  Every read is the session's customer's only.
 */
#include <string.h>
#include <time.h>

#include "app.h"

/* Put the company (header, contact details) and return its time zone. */
static const char *
company_put(struct req *r)
{
	struct company	 c;

	if (db_company_get(r, &c) != DB_OK)
		return NULL;
	hdf_put_company(r, &c);
	hdf_set(r, "Company.LogoHref", "");
	return c.timezone;
}

static const char *
status_label(const char *status)
{
	enum doc_status	 s = doc_status_parse(status);

	if (s < DOCST__MAX)
		return doc_status_label(s);
	return strcmp(status, "revision_requested") == 0 ?
	    "Revision requested" : status;
}

/* The groups of the dashboard, in the order of count[] below. */
static const char *const groups[] = { "Waiting", "ToPay", "Answered", "Done" };

/* Which group of the dashboard a document belongs to: answered estimates
 * and settled invoices apart, so neither heading says what isn't so. */
static int
doc_group(const struct portal_doc *d)
{
	if (d->kind == DOC_ESTIMATE)
		return strcmp(d->status, "sent") == 0 ||
		    strcmp(d->status, "revision_requested") == 0 ? 0 : 2;
	if (strcmp(d->status, "void") != 0 && d->total_cents > d->paid_cents)
		return 1;
	return 3;
}

static void
docs_put(struct req *r, const struct portal_doc *docs, size_t n,
    const char *currency)
{
	struct arena		*a = r->arena;
	const struct portal_doc	*d;
	const char		*p;
	size_t			 i, count[4] = { 0, 0, 0, 0 };
	int			 g;

	for (i = 0; i < n; i++) {
		d = &docs[i];
		g = doc_group(d);
		p = arena_printf(a, "Docs.%s.%zu", groups[g], count[g]++);
		if (g == 2 && strcmp(d->status, "approved") != 0)
			hdf_set(r, "Docs.AnsweredMixed", "1");
		hdf_set(r, arena_printf(a, "%s.Href", p), arena_printf(a,
		    "/portal/documents/%lld", (long long)d->id));
		hdf_set(r, arena_printf(a, "%s.Kind", p), d->kind == DOC_INVOICE ?
		    "Invoice" : "Estimate");
		hdf_set_int(r, arena_printf(a, "%s.Number", p), d->number);
		hdf_set_int(r, arena_printf(a, "%s.Version", p), d->revision);
		hdf_set(r, arena_printf(a, "%s.Title", p), d->title);
		hdf_set(r, arena_printf(a, "%s.Status", p), d->status);
		hdf_set(r, arena_printf(a, "%s.StatusLabel", p),
		    status_label(d->status));
		hdf_set(r, arena_printf(a, "%s.IssuedOn", p),
		    lines_date_label(a, d->issued_on));
		hdf_set(r, arena_printf(a, "%s.Total", p),
		    money_format(a, d->total_cents, currency));
		if (d->kind == DOC_INVOICE)
			hdf_set(r, arena_printf(a, "%s.Balance", p), money_format(a,
			    d->total_cents - d->paid_cents, currency));
	}
}

/* "14:30" in zone: a visit's end, after its start's date. */
static const char *
clock_time(struct req *r, const char *zone, time_t t)
{
	struct tm	 tm;
	char		 s[16];

	if (!tz_utc_to_local(zone, t, &tm))
		gmtime_r(&t, &tm);
	strftime(s, sizeof(s), "%H:%M", &tm);
	return arena_strdup(r->arena, s);
}

/* GET /portal/ — the dashboard. */
int
portal_home(struct req *r)
{
	struct doc_defaults	 dd;
	struct portal_doc	*docs;
	struct visit		*v;
	const char		*zone;
	size_t			 ndocs, n, i;

	portal_page(r);
	if ((zone = company_put(r)) == NULL ||
	    db_doc_defaults_get(r, &dd) != DB_OK ||
	    db_portal_documents(r, r->portal.customer_id, &docs, &ndocs) !=
	    DB_OK ||
	    db_portal_visits(r, r->portal.customer_id, &v, &n) != DB_OK)
		return HTTP_500;
	docs_put(r, docs, ndocs, dd.currency);
	for (i = 0; i < n; i++) {
		hdf_set(r, arena_printf(r->arena, "Visits.%zu.When", i),
		    job_when(r, zone, v[i].starts_at));
		hdf_set(r, arena_printf(r->arena, "Visits.%zu.Until", i),
		    clock_time(r, zone, v[i].ends_at));
		hdf_set(r, arena_printf(r->arena, "Visits.%zu.Job", i),
		    v[i].job_title);
	}
	hdf_set(r, "Page.Title", "Your documents");
	hdf_set(r, "Page.Nav", "home");
	req_header(r, "Cache-Control", "no-store");
	return render(r, "portal/home.cs");
}

/* "Firefox on Linux" from a User-Agent, or the raw text when unknown. */
static const char *
device_label(struct req *r, const char *ua)
{
	static const struct { const char *needle, *name; } browsers[] = {
		{ "Edg/", "Edge" }, { "OPR/", "Opera" }, { "Firefox/", "Firefox" },
		{ "Chrome/", "Chrome" }, { "Safari/", "Safari" },
	}, systems[] = {
		{ "iPhone", "iPhone" }, { "iPad", "iPad" }, { "Android", "Android" },
		{ "Windows", "Windows" }, { "Mac OS X", "Mac" },
		{ "CrOS", "ChromeOS" }, { "Linux", "Linux" },
	};
	const char	*b = NULL, *s = NULL;
	size_t		 i;

	for (i = 0; b == NULL && i < sizeof(browsers) / sizeof(browsers[0]); i++)
		if (strstr(ua, browsers[i].needle) != NULL)
			b = browsers[i].name;
	for (i = 0; s == NULL && i < sizeof(systems) / sizeof(systems[0]); i++)
		if (strstr(ua, systems[i].needle) != NULL)
			s = systems[i].name;
	if (b != NULL && s != NULL)
		return arena_printf(r->arena, "%s on %s", b, s);
	if (b != NULL || s != NULL)
		return b != NULL ? b : s;
	return *ua ? str_oneline(r->arena, ua) : "Unknown device";
}

static int
settings_show(struct req *r, int status)
{
	struct portal_session_row	*s;
	const char			*zone, *p;
	time_t				 t;
	size_t				 n, i;

	portal_page(r);
	if ((zone = company_put(r)) == NULL || alert_prefs_put(r, false) == -1 ||
	    db_portal_session_list(r, r->portal.person_id, PORTAL_IDLE_S,
	    PORTAL_ABSOLUTE_S, &s, &n) != DB_OK)
		return HTTP_500;
	for (i = 0; i < n; i++) {
		p = arena_printf(r->arena, "Sessions.%zu", i);
		hdf_set_int(r, arena_printf(r->arena, "%s.Id", p), s[i].id);
		hdf_set(r, arena_printf(r->arena, "%s.Device", p),
		    device_label(r, s[i].user_agent));
		hdf_set(r, arena_printf(r->arena, "%s.Ip", p), s[i].ip);
		if (tz_parse_utc(s[i].created_at, &t))
			hdf_set(r, arena_printf(r->arena, "%s.Started", p),
			    job_when(r, zone, t));
		if (tz_parse_utc(s[i].last_seen_at, &t))
			hdf_set(r, arena_printf(r->arena, "%s.LastSeen", p),
			    job_when(r, zone, t));
		if (s[i].id == r->portal.session_id)
			hdf_set(r, arena_printf(r->arena, "%s.Current", p), "1");
	}
	hdf_set_int(r, "SessionCount", (int64_t)n);
	hdf_set(r, "Page.Title", "Settings");
	hdf_set(r, "Page.Nav", "settings");
	req_header(r, "Cache-Control", "no-store");
	return render_as(r, "portal/settings.cs", status);
}

/* GET /portal/settings */
int
portal_settings(struct req *r)
{
	return settings_show(r, HTTP_200);
}

/* POST /portal/settings/password: set one, or change it (the current one first). */
int
portal_password_update(struct req *r)
{
	struct portal_person	 p;
	const char		*pw;
	char			 hash[256];

	if (db_portal_person_get(r, r->portal.person_id, &p) != DB_OK)
		return HTTP_500;
	if (*p.password_hash != '\0') {
		switch (password_check(p.password_hash, req_field(r, "current"))) {
		case 1:
			break;
		case 0:
			form_error(r, "current", "That isn't your current "
			    "password.");
			return settings_show(r, HTTP_422);
		default:
			return HTTP_503;
		}
	}
	if (password_read_form(r, &pw) > 0)
		return settings_show(r, HTTP_422);
	if (password_hash(pw, hash, sizeof(hash)) == -1)
		return HTTP_503;
	/* A new password ends the other devices, like the staff's. */
	if (db_begin(r) != DB_OK)
		return HTTP_500;
	if (db_portal_person_set_password(r, p.id, hash) != DB_OK ||
	    db_portal_session_delete_others(r, p.id, r->portal.session_id) !=
	    DB_OK || db_portal_session_verify(r, r->portal.session_id) !=
	    DB_OK || db_commit(r) != DB_OK) {
		db_rollback(r);
		return HTTP_500;
	}
	flash(r, "portal_password");
	return redirect(r, "/portal/settings");
}

/* POST /portal/sessions/:id/end — one device of this person. */
int
portal_session_end(struct req *r)
{
	int64_t	 id;

	if (!route_id(r, "id", &id))
		return HTTP_404;
	switch (db_portal_session_delete(r, r->portal.person_id, id)) {
	case DB_OK:
		break;
	case DB_NONE:
		return HTTP_404;
	default:
		return HTTP_500;
	}
	if (id == r->portal.session_id) {
		portal_end(r);
		flash(r, "signed_out");
		return redirect(r, "/portal/login");
	}
	flash(r, "portal_session_ended");
	return redirect(r, "/portal/settings");
}

/* POST /portal/sessions/end-others — "sign out everywhere else". */
int
portal_sessions_end_others(struct req *r)
{
	if (db_portal_session_delete_others(r, r->portal.person_id,
	    r->portal.session_id) != DB_OK)
		return HTTP_500;
	flash(r, "portal_others_ended");
	return redirect(r, "/portal/settings");
}
