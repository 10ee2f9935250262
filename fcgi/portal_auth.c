/*
 * Signing in to the customer portal: by password, by a link sent by mail,
 * and the 6-digit code that proves the address again when a link is old.
 * A link's GET only shows a confirm page (mail scanners fetch links); its
 * POST spends the token exactly once.  Every "email me" answers the same
 * whether or not the address is known, and each is rate limited.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "app.h"

#define LOGIN_WINDOW_S	900
#define LOGIN_MAX_FAILS	10
#define LOGIN_PEOPLE	3	/* same address at several companies: hashes tried */
#define LINK_PEOPLE	10	/* links mailed for one address */
#define CODE_TTL_S	600
#define CODE_TRIES	5
#define CODES_PER_HOUR	5

static void
keep_next(struct req *r)
{
	const char	*next = req_field(r, "next");

	if (next == NULL)
		next = req_arg(r, "next");
	if (next != NULL && strcmp(portal_next(next), next) == 0)
		hdf_set(r, "Form.Values.next", next);
}

static int
login_show(struct req *r, int status)
{
	keep_next(r);
	portal_page(r);
	hdf_set(r, "Page.Title", "Sign in to your customer portal");
	return render_as(r, "portal/login.cs", status);
}

/* GET /portal/login */
int
portal_login_new(struct req *r)
{
	return login_show(r, HTTP_200);
}

/* POST /portal/login: address and password. */
int
portal_login_create(struct req *r)
{
	struct portal_person	*p, *hit = NULL;
	const char		*email, *pw, *key;
	int64_t			 fails;
	size_t			 n, i, tried = 0;

	email = str_email(r->arena, req_field(r, "email"));
	pw = req_field(r, "password");
	hdf_set(r, "Form.Values.email", email);
	if (*email == '\0' || *pw == '\0') {
		hdf_set(r, "Form.Error", "Enter your email and password.");
		return login_show(r, HTTP_422);
	}
	/* Only failures count; a success clears the address's counter. */
	key = token_hash(r->arena, arena_printf(r->arena, "portal-login:%s",
	    email));
	if (db_limit_get(r, key, LOGIN_WINDOW_S, &fails) != DB_OK)
		return HTTP_500;
	if (fails >= LOGIN_MAX_FAILS) {
		hdf_set(r, "Form.Error", "Too many sign-in attempts. Wait 15 "
		    "minutes, or get a sign-in link by email below.");
		return login_show(r, HTTP_429);
	}
	if (db_portal_people_by_email(r, email, LINK_PEOPLE, &p, &n) != DB_OK)
		return HTTP_500;
	for (i = 0; i < n && hit == NULL && tried < LOGIN_PEOPLE; i++) {
		if (*p[i].password_hash == '\0')
			continue;
		tried++;
		switch (password_check(p[i].password_hash, pw)) {
		case 1:
			hit = &p[i];
			break;
		case 0:
			break;
		default:
			return HTTP_503;	/* too many sign-ins at once */
		}
	}
	if (tried == 0)
		password_dummy(pw);	/* the same time with or without an account */
	if (hit == NULL) {
		db_limit_hit(r, key, LOGIN_WINDOW_S, &fails);
		hdf_set(r, "Form.Error", "That email and password don't match. "
		    "Check them, or get a sign-in link by email below.");
		return login_show(r, HTTP_422);
	}
	if (portal_start(r, hit->company_id, hit->id, 0, NULL) != DB_OK ||
	    db_limit_clear(r, key) != DB_OK)
		return HTTP_500;
	log_info("portal login company=%lld person=%lld",
	    (long long)hit->company_id, (long long)hit->id);
	return redirect(r, portal_next(req_field(r, "next")));
}

/* POST /portal/login/link: one dashboard link per person with this address. */
int
portal_login_link(struct req *r)
{
	struct portal_person	*p;
	const char		*email, *url;
	size_t			 n, i;

	email = str_email(r->arena, req_field(r, "link_email"));
	hdf_set(r, "Form.Values.link_email", email);
	if (form_error(r, "link_email", valid_email(email)))
		return login_show(r, HTTP_422);
	hdf_set(r, "Page.LinkSent", "1");
	if (rate_limited(r, arena_printf(r->arena, "portal-link:%s", email),
	    3600, 5))
		return login_show(r, HTTP_200);
	if (db_portal_people_by_email(r, email, LINK_PEOPLE, &p, &n) != DB_OK)
		return HTTP_500;
	for (i = 0; i < n; i++) {
		r->sess.company_id = p[i].company_id;
		hdf_set(r, "Mail.Name", p[i].name);
		hdf_set(r, "Mail.Expires", "7 days");
		if (db_begin(r) != DB_OK)
			return HTTP_500;
		if (portal_link_new(r, p[i].id, 0, &url) != DB_OK) {
			db_rollback(r);
			return HTTP_500;
		}
		hdf_set(r, "Mail.Link", url);
		if (mail_queue(r, "portal_link", p[i].email, p[i].name) !=
		    DB_OK || db_commit(r) != DB_OK) {
			db_rollback(r);
			return HTTP_500;
		}
	}
	r->sess.company_id = 0;
	return login_show(r, HTTP_200);
}

/*
 * The link of the path's token, or the page that says it doesn't work
 * (404 unknown, 410 spent, revoked or expired) rendered, and false.
 */
static bool
link_get(struct req *r, struct portal_link *l, int *status)
{
	const char	*tok = params_get(&r->route_args, "token");
	const char	*why = "unknown";
	int		 rc = DB_NONE;

	portal_page(r);
	req_header(r, "Referrer-Policy", "no-referrer");
	req_header(r, "Cache-Control", "no-store");
	hdf_set(r, "Page.Title", "Your sign-in link");
	if (token_shaped(tok))
		rc = db_portal_link_find(r, token_hash(r->arena, tok), l);
	if (rc == DB_ERR) {
		*status = HTTP_500;
		return false;
	}
	if (rc == DB_OK && l->live)
		return true;
	if (rc == DB_OK)
		why = l->revoked ? "revoked" : l->used ? "used" : "expired";
	hdf_set(r, "Link.Dead", why);
	*status = render_as(r, "portal/link.cs", rc == DB_OK ? HTTP_410 :
	    HTTP_404);
	return false;
}

static void
link_put(struct req *r, const struct portal_link *l)
{
	const char	*what = strcmp(l->doc_kind, "invoice") == 0 ? "invoice" :
	    strcmp(l->doc_kind, "estimate") == 0 ? "estimate" : "";

	hdf_set(r, "Link.Action", r->path);
	hdf_set(r, "Link.CompanyName", l->company_name);
	hdf_set(r, "Portal.CompanyName", l->company_name);
	hdf_set(r, "Link.PersonName", l->person_name);
	hdf_set(r, "Link.Kind", what);
	if (*what != '\0') {
		hdf_set_int(r, "Link.Number", l->doc_number);
		hdf_set_int(r, "Link.Revision", l->doc_revision);
	}
}

/* GET /portal/l/:token — never spends the token: scanners fetch links. */
int
portal_link_show(struct req *r)
{
	struct portal_link	 l;
	int			 status;

	if (!link_get(r, &l, &status))
		return status;
	link_put(r, &l);
	return render(r, "portal/link.cs");
}

/* POST /portal/l/:token — spends it once and signs in. */
int
portal_link_spend(struct req *r)
{
	struct portal_link	 l;
	int			 status;

	if (!link_get(r, &l, &status))
		return status;
	/* Whoever was signed in to the portal in this browser signs out. */
	if (portal_load(r) == -1)
		return HTTP_503;
	if (db_begin(r) != DB_OK)
		return HTTP_500;
	if (r->portal.valid && r->sess.company_id != l.company_id) {
		if (db_portal_session_delete_token(r, r->portal.token_hash) !=
		    DB_OK) {
			db_rollback(r);
			return HTTP_500;
		}
		r->portal.valid = false;
	}
	r->sess.company_id = l.company_id;
	switch (db_portal_link_spend(r, l.id)) {
	case DB_OK:
		break;
	case DB_NONE:
		db_rollback(r);
		hdf_set(r, "Link.Dead", "used");
		return render_as(r, "portal/link.cs", HTTP_410);
	default:
		db_rollback(r);
		return HTTP_500;
	}
	/* An old link opens its document; the rest asks for a fresh proof. */
	if (portal_start(r, l.company_id, l.person_id, l.document_id,
	    l.created_at) != DB_OK || db_commit(r) != DB_OK) {
		db_rollback(r);
		return HTTP_500;
	}
	log_info("portal link company=%lld person=%lld link=%lld",
	    (long long)l.company_id, (long long)l.person_id, (long long)l.id);
	if (l.document_id != 0)
		return redirect(r, arena_printf(r->arena,
		    "/portal/documents/%lld", (long long)l.document_id));
	return redirect(r, "/portal/");
}

static int
code_show(struct req *r, int status)
{
	keep_next(r);
	portal_page(r);
	hdf_set(r, "Page.Title", "Confirm it's you");
	if (req_arg(r, "sent") != NULL || r->method == METHOD_POST)
		hdf_set(r, "Page.CodeSent", "1");
	return render_as(r, "portal/verify.cs", status);
}

/* GET /portal/verify: the code page. */
int
portal_verify_new(struct req *r)
{
	if (r->portal.verified)
		return redirect(r, portal_next(req_arg(r, "next")));
	return code_show(r, HTTP_200);
}

/* The keyed hash of a code: a leaked table can't be tried offline. */
static const char *
code_hash(struct req *r, const char *code)
{
	return token_hash(r->arena, csrf_token(r->arena, arena_printf(r->arena,
	    "portal-code:%lld:%s", (long long)r->portal.session_id, code)));
}

/* POST /portal/verify/send: a new code by mail, the old one void. */
int
portal_verify_send(struct req *r)
{
	const unsigned char	*h;
	char			*tok, code[8];
	uint64_t		 x = 0;
	int			 i;

	if (rate_limited(r, arena_printf(r->arena, "portal-code:%lld",
	    (long long)r->portal.person_id), 3600, CODES_PER_HOUR)) {
		hdf_set(r, "Form.Error", "Too many codes were sent. Wait an "
		    "hour, or use the link in your latest email from us.");
		keep_next(r);
		portal_page(r);
		hdf_set(r, "Page.Title", "Confirm it's you");
		return render_as(r, "portal/verify.cs", HTTP_429);
	}
	/* Six digits from 256 random bits: the bias of the modulo is ~1e-13. */
	token_new(r->arena, &tok, NULL);
	h = (const unsigned char *)token_hash(r->arena, tok);
	for (i = 0; i < 8; i++)
		x = x << 8 | h[i];
	snprintf(code, sizeof(code), "%06u", (unsigned)(x % 1000000));
	hdf_set(r, "Mail.Code", code);
	hdf_set(r, "Mail.Name", r->portal.name);
	hdf_set(r, "Mail.ExpiresMinutes", "10");
	if (db_begin(r) != DB_OK)
		return HTTP_500;
	if (db_portal_code_set(r, r->portal.session_id, code_hash(r, code),
	    CODE_TTL_S) != DB_OK ||
	    mail_queue(r, "portal_code", r->portal.email, r->portal.name) !=
	    DB_OK || db_commit(r) != DB_OK) {
		db_rollback(r);
		return HTTP_500;
	}
	return redirect(r, arena_printf(r->arena, "/portal/verify?sent=1&next=%s",
	    url_encode(r->arena, portal_next(req_field(r, "next")))));
}

/* The code as typed, spaces and dashes dropped; NULL unless six digits. */
static const char *
code_read(struct req *r)
{
	const char	*s = req_field(r, "code");
	char		*out = arena_zalloc(r->arena, 7);
	size_t		 n = 0;

	for (; s != NULL && *s != '\0'; s++) {
		if (*s == ' ' || *s == '-')
			continue;
		if (!isdigit((unsigned char)*s) || n == 6)
			return NULL;
		out[n++] = *s;
	}
	return n == 6 ? out : NULL;
}

/* POST /portal/verify: check the code; CODE_TRIES tries, then a new code. */
int
portal_verify_check(struct req *r)
{
	const char	*code, *want;

	if ((code = code_read(r)) == NULL) {
		form_error(r, "code", "Enter the 6 digits from the email.");
		return code_show(r, HTTP_422);
	}
	switch (db_portal_code_try(r, r->portal.session_id, CODE_TRIES, &want)) {
	case DB_OK:
		break;
	case DB_NONE:
		form_error(r, "code", "This code has expired or was tried too "
		    "many times. Send a new code.");
		return code_show(r, HTTP_422);
	default:
		return HTTP_500;
	}
	if (!ct_equal(want, code_hash(r, code), 32)) {
		form_error(r, "code", "That code isn't right. Check the "
		    "latest email from us and try again.");
		return code_show(r, HTTP_422);
	}
	if (db_portal_session_verify(r, r->portal.session_id) != DB_OK)
		return HTTP_500;
	return redirect(r, portal_next(req_field(r, "next")));
}

/* GET /portal/logout: a link can't sign anyone out; this asks first. */
int
portal_logout_confirm(struct req *r)
{
	portal_page(r);
	hdf_set(r, "Page.Title", "Sign out");
	return render(r, "portal/logout.cs");
}

/* POST /portal/logout */
int
portal_logout(struct req *r)
{
	portal_end(r);
	flash(r, "signed_out");
	return redirect(r, "/portal/login");
}
