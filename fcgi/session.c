/*
 * Who is asking: the staff session from its cookie, the CSRF seed, and the
 * signed-in data every page shows.  A new token at every sign-in (no
 * fixation); logout and password changes end sessions on the server.
 */
#include <string.h>

#include "app.h"

static const char *role_names[ROLE__MAX] = {
	[ROLE_NONE] = "", [ROLE_FIELD] = "field", [ROLE_OFFICE] = "office",
	[ROLE_OWNER] = "owner",
};

static const char *role_labels[ROLE__MAX] = {
	[ROLE_NONE] = "", [ROLE_FIELD] = "Field", [ROLE_OFFICE] = "Office",
	[ROLE_OWNER] = "Owner",
};

enum role
role_parse(const char *s)
{
	int	 i;

	for (i = ROLE_FIELD; i < ROLE__MAX; i++)
		if (strcmp(s, role_names[i]) == 0)
			return (enum role)i;
	return ROLE_NONE;
}

const char *
role_name(enum role r)
{
	return role_names[r < ROLE__MAX ? r : ROLE_NONE];
}

const char *
role_label(enum role r)
{
	return role_labels[r < ROLE__MAX ? r : ROLE_NONE];
}

static const char *
cookie_name(void)
{
	return cfg.secure_cookies ? "__Host-pl_session" : "pl_session";
}

static const char *
guest_cookie_name(void)
{
	return cfg.secure_cookies ? "__Host-pl_guest" : "pl_guest";
}

/*
 * Fill r->sess from the session cookie and pick the CSRF seed.  Returns 0,
 * or -1 when the database can't be asked (the caller answers 503).
 */
int
session_load(struct req *r)
{
	const char	*tok, *hash;
	int64_t		 idle;

	memset(&r->sess, 0, sizeof(r->sess));
	tok = req_cookie(r, cookie_name());
	if (token_shaped(tok)) {
		hash = token_hash(r->arena, tok);
		switch (db_session_load(r, hash, &idle)) {
		case DB_OK:
			r->sess.valid = true;
			r->csrf_seed = tok;
			/* One write a minute at most, not one per click. */
			if (idle >= 60)
				db_session_touch(r, hash);
			return 0;
		case DB_NONE:
			memset(&r->sess, 0, sizeof(r->sess));
			req_set_cookie(r, cookie_name(), "", -1);
			break;
		default:
			return -1;
		}
	}
	session_guest_seed(r);
	return 0;
}

/*
 * Signed out (staff or portal): the CSRF seed is the guest cookie, made on
 * the first GET.  A POST without one has no seed and fails the check.
 */
void
session_guest_seed(struct req *r)
{
	const char	*tok;
	char		*fresh;

	tok = req_cookie(r, guest_cookie_name());
	if (token_shaped(tok))
		r->csrf_seed = tok;
	else if (r->method != METHOD_POST) {
		token_new(r->arena, &fresh, NULL);
		req_set_cookie(r, guest_cookie_name(), fresh, 0);
		r->csrf_seed = fresh;
	}
}

bool
csrf_valid(struct req *r)
{
	return csrf_check(r->arena, r->csrf_seed, req_field(r, "csrf"));
}

/* Sign user_id of company_id in: a brand-new token, cookie set. */
int
session_start(struct req *r, int64_t company_id, int64_t user_id)
{
	char	*tok, *hash;
	int	 rc;

	if (r->sess.valid)
		session_end(r);
	token_new(r->arena, &tok, &hash);
	r->sess.company_id = company_id;
	if ((rc = db_session_insert(r, hash, user_id)) != DB_OK)
		return rc;
	r->sess.user_id = user_id;
	r->sess.token_hash = hash;
	req_set_cookie(r, cookie_name(), tok, 0);
	return DB_OK;
}

void
session_end(struct req *r)
{
	if (r->sess.valid && r->sess.token_hash != NULL)
		db_session_delete(r, r->sess.token_hash);
	req_set_cookie(r, cookie_name(), "", -1);
	r->sess.valid = false;
}

/* End the user's other sessions (all of them when it is not the caller). */
int
session_end_others(struct req *r, int64_t user_id)
{
	return db_session_delete_user(r, user_id,
	    user_id == r->sess.user_id ? r->sess.token_hash : NULL);
}

bool
session_allows(const struct req *r, enum access a)
{
	switch (a) {
	case ACCESS_PUBLIC:
	case ACCESS_GUEST:
		return true;
	case ACCESS_FIELD:
		return r->sess.role >= ROLE_FIELD;
	case ACCESS_OFFICE:
		return r->sess.role >= ROLE_OFFICE;
	case ACCESS_OWNER:
		return r->sess.role == ROLE_OWNER;
	default:
		return false;
	}
}

/* What every rendered page knows about who is asking. */
void
session_page(struct req *r)
{
	if (r->csrf_seed != NULL)
		hdf_set(r, "Page.Csrf", csrf_token(r->arena, r->csrf_seed));
	if (!r->sess.valid)
		return;
	hdf_set_int(r, "User.Id", r->sess.user_id);
	hdf_set(r, "User.Name", r->sess.user_name);
	hdf_set(r, "User.Email", r->sess.user_email);
	hdf_set(r, "User.Role", role_name(r->sess.role));
	hdf_set(r, "User.RoleLabel", role_label(r->sess.role));
	alert_badge(r);
	if (r->sess.role >= ROLE_OFFICE) {
		hdf_set(r, "User.Can.Team", "1");
		hdf_set(r, "User.Can.SeeSettings", "1");
	}
	if (r->sess.role == ROLE_OWNER) {
		hdf_set(r, "User.Can.Staff", "1");
		hdf_set(r, "User.Can.Settings", "1");
	}
	if (hdf_get(r, "Company.Name") == NULL)
		hdf_set(r, "Company.Name", r->sess.company_name);
	if (r->sess.has_logo)
		hdf_set(r, "Company.LogoHref", "/app/logo");
}
