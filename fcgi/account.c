/*
 * My account: one's own name and password.  Changing the password needs
 * the current one, ends every other session and sends a notice.
 */
#include <string.h>

#include "app.h"

static int
show(struct req *r, int status)
{
	hdf_set(r, "Page.Title", "My account");
	hdf_set(r, "Page.Nav", "account");
	if (hdf_get(r, "Form.Values.name") == NULL)
		hdf_set(r, "Form.Values.name", r->sess.user_name);
	if (alert_prefs_put(r, true) == -1)
		return HTTP_500;
	return render_as(r, "app/account.cs", status);
}

/* GET /app/account */
int
account_edit(struct req *r)
{
	return show(r, HTTP_200);
}

static int
update_profile(struct req *r)
{
	const char	*name = str_trim(r->arena, req_field(r, "name"));

	hdf_set(r, "Form.Values.name", name);
	if (form_error(r, "name", valid_line(name, 1, 120)))
		return show(r, HTTP_422);
	if (db_user_set_name(r, r->sess.user_id, name) != DB_OK)
		return HTTP_500;
	flash(r, "saved");
	return redirect(r, "/app/account");
}

static int
update_password(struct req *r)
{
	struct user	 u;
	const char	*pw;
	char		 hash[256];

	if (db_user_get(r, r->sess.user_id, &u) != DB_OK)
		return HTTP_500;
	switch (password_check(u.password_hash,
	    req_field(r, "current_password"))) {
	case 1:
		break;
	case -1:
		return HTTP_503;
	default:
		form_error(r, "current_password", "That isn't your current "
		    "password");
		return show(r, HTTP_422);
	}
	if (password_read_form(r, &pw) > 0)
		return show(r, HTTP_422);
	if (password_hash(pw, hash, sizeof(hash)) == -1)
		return HTTP_503;
	if (db_begin(r) != DB_OK)
		return HTTP_500;
	if (password_store(r, &u, hash) != DB_OK || db_commit(r) != DB_OK) {
		db_rollback(r);
		return HTTP_500;
	}
	flash(r, "password_changed");
	return redirect(r, "/app/account");
}

/* POST /app/account (action=profile | password) */
int
account_update(struct req *r)
{
	const char	*action = req_field(r, "action");

	if (strcmp(action, "profile") == 0)
		return update_profile(r);
	if (strcmp(action, "password") == 0)
		return update_password(r);
	return HTTP_400;
}
