/*
 * Signing up, in and out (F1).  Sign-in answers the same whether or not
 * the account exists, spends the time of a hash either way, and is rate
 * limited per account on top of nginx's per-address limit.
 */
#include <string.h>

#include "app.h"

#define LOGIN_WINDOW_S	900
#define LOGIN_MAX_HITS	10

static const char *const owner_fields[] = {
	"owner_name", "owner_email", NULL
};

/* GET / */
int
home(struct req *r)
{
	return redirect(r, r->sess.valid ? "/app/" : "/login");
}

/* GET /healthz: the worker is up and reaches the database. */
int
health(struct req *r)
{
	if (db_ping() != 0)
		return HTTP_503;
	r->ctype = "text/plain; charset=utf-8";
	buf_puts(&r->body, "ok\n");
	return HTTP_200;
}

static int
signup_show(struct req *r, int status)
{
	form_company_choices(r);
	hdf_set(r, "Page.Title", "Create your company");
	return render_as(r, "auth/signup.cs", status);
}

/* GET /signup */
int
auth_signup_new(struct req *r)
{
	hdf_set(r, "Form.Values.timezone", "America/New_York");
	return signup_show(r, HTTP_200);
}

/* POST /signup: a company and its first owner, signed in. */
int
auth_signup_create(struct req *r)
{
	struct company	 c;
	struct user	 u;
	char		 hash[256];
	const char	*pw;
	int64_t		 cid, uid;
	int		 n, rc;

	memset(&c, 0, sizeof(c));
	memset(&u, 0, sizeof(u));
	n = company_read_form(r, &c);
	u.name = str_trim(r->arena, req_field(r, "owner_name"));
	u.email = str_email(r->arena, req_field(r, "owner_email"));
	u.role = ROLE_OWNER;
	u.status = "active";
	pw = req_field(r, "password");
	n += form_error(r, "owner_name", valid_line(u.name, 1, 120));
	n += form_error(r, "owner_email", valid_email(u.email));
	n += form_error(r, "password", valid_password(pw));
	form_keep(r, company_fields);
	form_keep(r, owner_fields);
	if (n > 0)
		return signup_show(r, HTTP_422);
	if (password_hash(pw, hash, sizeof(hash)) == -1)
		return HTTP_503;

	if (db_begin(r) != DB_OK)
		return HTTP_500;
	if (db_company_insert(r, &c, &cid) != DB_OK)
		goto fail;
	r->sess.company_id = cid;
	rc = db_user_insert(r, &u, hash, 0, &uid);
	if (rc == DB_DUP) {
		db_rollback(r);
		form_error(r, "owner_email", "An account with this email "
		    "already exists. Sign in instead, or use another address.");
		return signup_show(r, HTTP_422);
	}
	if (rc != DB_OK)
		goto fail;
	hdf_set(r, "Mail.Name", u.name);
	hdf_set(r, "Mail.Link", arena_printf(r->arena, "%s/app/", cfg.base_url));
	if (mail_queue(r, "welcome", u.email, u.name) != DB_OK ||
	    session_start(r, cid, uid) != DB_OK || db_commit(r) != DB_OK)
		goto fail;
	log_info("signup company=%lld user=%lld", (long long)cid,
	    (long long)uid);
	flash(r, "welcome");
	return redirect(r, "/app/");
fail:
	db_rollback(r);
	return HTTP_500;
}

static int
login_show(struct req *r, int status)
{
	const char	*next = req_arg(r, "next");

	if (next == NULL)
		next = req_field(r, "next");
	hdf_set(r, "Form.Values.next", next);
	hdf_set(r, "Page.Title", "Sign in");
	return render_as(r, "auth/login.cs", status);
}

/* GET /login */
int
auth_login_new(struct req *r)
{
	return login_show(r, HTTP_200);
}

/* Count an attempt on key; true when over max in the window. */
bool
rate_limited(struct req *r, const char *key, int window_s, int max)
{
	int64_t	 hits = 0;

	if (db_limit_hit(r, token_hash(r->arena, key), window_s, &hits) !=
	    DB_OK)
		return false;	/* nginx's limit still holds */
	return hits > max;
}

/* A local back-office path to return to after sign-in, else /app/. */
static const char *
next_path(const char *next)
{
	if (next != NULL && strncmp(next, "/app/", 5) == 0 &&
	    strpbrk(next, "\\\r\n") == NULL && strstr(next, "//") == NULL)
		return next;
	return "/app/";
}

/* POST /login */
int
auth_login_create(struct req *r)
{
	struct user	 u;
	const char	*email, *pw, *key;
	int64_t		 fails;
	int		 rc;

	email = str_email(r->arena, req_field(r, "email"));
	pw = req_field(r, "password");
	hdf_set(r, "Form.Values.email", email);
	if (*email == '\0' || *pw == '\0') {
		hdf_set(r, "Form.Error", "Enter your email and password.");
		return login_show(r, HTTP_422);
	}
	/* Only failures count; a success clears the account's counter. */
	key = token_hash(r->arena, arena_printf(r->arena, "login:%s", email));
	if (db_limit_get(r, key, LOGIN_WINDOW_S, &fails) != DB_OK)
		return HTTP_500;
	if (fails >= LOGIN_MAX_HITS) {
		hdf_set(r, "Form.Error", "Too many sign-in attempts. Wait 15 "
		    "minutes, or reset your password.");
		return login_show(r, HTTP_429);
	}
	rc = db_user_find_email(r, email, &u);
	if (rc == DB_ERR)
		return HTTP_500;
	if (rc == DB_NONE || strcmp(u.status, "active") != 0) {
		password_dummy(pw);
		rc = DB_NONE;
	} else {
		switch (password_check(u.password_hash, pw)) {
		case 1:
			break;
		case 0:
			rc = DB_NONE;
			break;
		default:
			return HTTP_503;	/* too many sign-ins at once */
		}
	}
	if (rc == DB_NONE) {
		db_limit_hit(r, key, LOGIN_WINDOW_S, &fails);
		hdf_set(r, "Form.Error", "That email and password don't match "
		    "an account. Check them and try again.");
		return login_show(r, HTTP_422);
	}
	if (session_start(r, u.company_id, u.id) != DB_OK ||
	    db_limit_clear(r, key) != DB_OK)
		return HTTP_500;
	log_info("login company=%lld user=%lld", (long long)u.company_id,
	    (long long)u.id);
	return redirect(r, next_path(req_field(r, "next")));
}

/* GET /logout: a link can't sign anyone out; this asks first. */
int
auth_logout_confirm(struct req *r)
{
	if (!r->sess.valid)
		return redirect(r, "/login");
	hdf_set(r, "Page.Title", "Sign out");
	return render(r, "auth/logout.cs");
}

/* POST /logout */
int
auth_logout(struct req *r)
{
	session_end(r);
	flash(r, "signed_out");
	return redirect(r, "/login");
}
