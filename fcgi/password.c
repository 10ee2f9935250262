/*
 * Forgotten passwords: a single-use link by e-mail (one hour), the same
 * answer whether or not the address has an account, and every session of
 * the user ended once the new password is set.
 */
#include <string.h>

#include "app.h"

#define RESET_TTL_S	3600

/* GET /password/forgot */
int
password_forgot_new(struct req *r)
{
	hdf_set(r, "Page.Title", "Reset your password");
	return render(r, "auth/forgot.cs");
}

/* POST /password/forgot */
int
password_forgot_create(struct req *r)
{
	struct user	 u;
	const char	*email;
	char		*tok, *hash;
	int		 rc;

	email = str_email(r->arena, req_field(r, "email"));
	hdf_set(r, "Page.Title", "Reset your password");
	hdf_set(r, "Form.Values.email", email);
	if (form_error(r, "email", valid_email(email)))
		return render_as(r, "auth/forgot.cs", HTTP_422);
	hdf_set(r, "Page.Sent", "1");
	if (rate_limited(r, arena_printf(r->arena, "reset:%s", email), 3600, 5))
		return render(r, "auth/forgot.cs");
	rc = db_user_find_email(r, email, &u);
	if (rc == DB_ERR)
		return HTTP_500;
	if (rc == DB_NONE || strcmp(u.status, "active") != 0)
		return render(r, "auth/forgot.cs");

	token_new(r->arena, &tok, &hash);
	r->sess.company_id = u.company_id;
	hdf_set(r, "Mail.Link", arena_printf(r->arena,
	    "%s/password/reset?token=%s", cfg.base_url, tok));
	hdf_set(r, "Mail.ExpiresHours", "1");
	hdf_set(r, "Mail.Name", u.name);
	if (db_begin(r) != DB_OK)
		return HTTP_500;
	if (db_token_void(r, u.id, "reset") != DB_OK ||
	    db_token_insert(r, hash, u.id, "reset", RESET_TTL_S) != DB_OK ||
	    mail_queue(r, "reset", u.email, u.name) != DB_OK ||
	    db_commit(r) != DB_OK) {
		db_rollback(r);
		return HTTP_500;
	}
	r->sess.company_id = 0;
	return render(r, "auth/forgot.cs");
}

/*
 * Look up the token of kind from the query or form; on a dead link render
 * the page's "invalid" state (404) and return false.
 */
bool
token_page(struct req *r, const char *kind, const char *tmpl, struct user *u,
    const char **company, int *status)
{
	const char	*tok = req_arg(r, "token");
	int		 rc = DB_NONE;

	page_token(r);
	if (r->method == METHOD_POST)
		tok = req_field(r, "token");
	if (tok != NULL && strlen(tok) == 43)
		rc = db_token_find(r, token_hash(r->arena, tok), kind, u,
		    company);
	if (rc == DB_OK) {
		hdf_set(r, "Form.Values.token", tok);
		return true;
	}
	if (rc == DB_ERR) {
		*status = HTTP_500;
		return false;
	}
	hdf_set(r, "Page.Invalid", "1");
	*status = render_as(r, tmpl, HTTP_404);
	return false;
}

/* Check a new password and its confirmation; errors next to the fields. */
int
password_read_form(struct req *r, const char **pw)
{
	*pw = req_field(r, "password");
	if (form_error(r, "password", valid_password(*pw)))
		return 1;
	return form_error(r, "password2", strcmp(*pw, req_field(r,
	    "password2")) ? "The two passwords don't match" : NULL);
}

/* GET /password/reset?token= */
int
password_reset_edit(struct req *r)
{
	struct user	 u;
	const char	*company;
	int		 status;

	hdf_set(r, "Page.Title", "Choose a new password");
	if (!token_page(r, "reset", "auth/reset.cs", &u, &company, &status))
		return status;
	return render(r, "auth/reset.cs");
}

/* Set user u's password inside the open transaction and tell them by mail. */
int
password_store(struct req *r, const struct user *u, const char *hash)
{
	hdf_set(r, "Mail.Name", u->name);
	hdf_set(r, "Mail.Link", arena_printf(r->arena, "%s/password/forgot",
	    cfg.base_url));
	hdf_set(r, "Mail.When", fmt_utc_now(r->arena));
	if (db_user_set_password(r, u->id, hash) != DB_OK ||
	    db_token_void(r, u->id, "reset") != DB_OK ||
	    session_end_others(r, u->id) != DB_OK ||
	    mail_queue(r, "password_changed", u->email, u->name) != DB_OK)
		return DB_ERR;
	return DB_OK;
}

/* POST /password/reset */
int
password_reset_update(struct req *r)
{
	struct user	 u;
	const char	*company, *pw;
	char		 hash[256];
	int		 status;

	hdf_set(r, "Page.Title", "Choose a new password");
	if (!token_page(r, "reset", "auth/reset.cs", &u, &company, &status))
		return status;
	if (password_read_form(r, &pw) > 0)
		return render_as(r, "auth/reset.cs", HTTP_422);
	if (password_hash(pw, hash, sizeof(hash)) == -1)
		return HTTP_503;
	r->sess.company_id = u.company_id;
	if (db_begin(r) != DB_OK)
		return HTTP_500;
	switch (db_token_spend(r, token_hash(r->arena, req_field(r, "token")),
	    "reset")) {
	case DB_OK:
		break;
	case DB_NONE:
		db_rollback(r);
		hdf_set(r, "Page.Invalid", "1");
		return render_as(r, "auth/reset.cs", HTTP_404);
	default:
		db_rollback(r);
		return HTTP_500;
	}
	if (password_store(r, &u, hash) != DB_OK || db_commit(r) != DB_OK) {
		db_rollback(r);
		return HTTP_500;
	}
	if (r->sess.valid && r->sess.user_id != u.id)
		session_end(r);
	flash(r, "reset_done");
	return redirect(r, "/login");
}
