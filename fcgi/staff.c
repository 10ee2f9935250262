/*
 * The team: owners invite staff by e-mail with a role, change roles and
 * remove access; the invitee sets a name and password from the link.  A
 * company always keeps one active owner (checked under a row lock).
 */
#include <string.h>

#include "app.h"

#define INVITE_TTL_S	(7 * 24 * 3600)

static const char *const invite_fields[] = { "name", "email", "role", NULL };

static const char *
status_label(const char *s)
{
	return strcmp(s, "invited") == 0 ? "Invited" :
	    strcmp(s, "active") == 0 ? "Active" : "Removed";
}

static int
index_show(struct req *r, int status)
{
	struct user	*us;
	size_t		 i, n;
	char		*p;

	if (db_user_list(r, &us, &n) != DB_OK)
		return HTTP_500;
	for (i = 0; i < n; i++) {
		p = arena_printf(r->arena, "Staff.%zu", i);
		hdf_set_int(r, arena_printf(r->arena, "%s.Id", p), us[i].id);
		hdf_set(r, arena_printf(r->arena, "%s.Name", p), us[i].name);
		hdf_set(r, arena_printf(r->arena, "%s.Email", p), us[i].email);
		hdf_set(r, arena_printf(r->arena, "%s.Role", p),
		    role_name(us[i].role));
		hdf_set(r, arena_printf(r->arena, "%s.RoleLabel", p),
		    role_label(us[i].role));
		hdf_set(r, arena_printf(r->arena, "%s.Status", p), us[i].status);
		hdf_set(r, arena_printf(r->arena, "%s.StatusLabel", p),
		    status_label(us[i].status));
		if (us[i].id == r->sess.user_id)
			hdf_set(r, arena_printf(r->arena, "%s.IsSelf", p), "1");
		else if (r->sess.role == ROLE_OWNER)
			hdf_set(r, arena_printf(r->arena, "%s.CanEdit", p), "1");
	}
	hdf_set_int(r, "Team.Count", (int64_t)n);
	form_role_choices(r);
	hdf_set(r, "Page.Title", "Team");
	hdf_set(r, "Page.Nav", "staff");
	return render_as(r, "app/staff/index.cs", status);
}

/* GET /app/staff */
int
staff_index(struct req *r)
{
	hdf_set(r, "Form.Values.role", "field");
	return index_show(r, HTTP_200);
}

/* Insert or revive the invited user, and queue the invitation. */
static int
invite_write(struct req *r, struct user *u)
{
	struct user	 old;
	char		*tok, *hash;
	int		 rc;

	rc = db_user_find_email(r, u->email, &old);
	if (rc == DB_ERR)
		return DB_ERR;
	if (rc == DB_OK) {
		if (old.company_id != r->sess.company_id ||
		    strcmp(old.status, "active") == 0)
			return DB_DUP;
		u->id = old.id;
		if (strcmp(old.status, "removed") == 0 &&
		    db_user_reinvite(r, old.id, u->name, u->role,
		    r->sess.user_id) != DB_OK)
			return DB_ERR;
		if (strcmp(old.status, "invited") == 0 &&
		    (db_user_set_role(r, old.id, u->role) != DB_OK ||
		    db_user_set_name(r, old.id, u->name) != DB_OK))
			return DB_ERR;
		if (db_token_void(r, old.id, "invite") != DB_OK)
			return DB_ERR;
	} else if ((rc = db_user_insert(r, u, NULL, r->sess.user_id,
	    &u->id)) != DB_OK)
		return rc;
	token_new(r->arena, &tok, &hash);
	if (db_token_insert(r, hash, u->id, "invite", INVITE_TTL_S) != DB_OK)
		return DB_ERR;
	hdf_set(r, "Mail.Link", arena_printf(r->arena, "%s/invite?token=%s",
	    cfg.base_url, tok));
	hdf_set(r, "Mail.Name", u->name);
	hdf_set(r, "Mail.RoleLabel", role_label(u->role));
	hdf_set(r, "Mail.ExpiresHours", "168");
	hdf_set(r, "Mail.Expires", "7 days");
	hdf_set(r, "Inviter.Name", r->sess.user_name);
	return mail_queue(r, "invite", u->email, u->name);
}

/* POST /app/staff/invite */
int
staff_invite(struct req *r)
{
	struct user	 u;
	int		 n = 0, rc;

	memset(&u, 0, sizeof(u));
	u.name = str_trim(r->arena, req_field(r, "name"));
	u.email = str_email(r->arena, req_field(r, "email"));
	u.role = role_parse(req_field(r, "role"));
	u.status = "invited";
	n += form_error(r, "name", valid_line(u.name, 1, 120));
	n += form_error(r, "email", valid_email(u.email));
	n += form_error(r, "role", u.role == ROLE_NONE ? "Choose a role" : NULL);
	form_keep(r, invite_fields);
	if (n > 0)
		return index_show(r, HTTP_422);
	if (db_begin(r) != DB_OK)
		return HTTP_500;
	rc = invite_write(r, &u);
	if (rc == DB_OK && db_commit(r) == DB_OK) {
		flash(r, "invited");
		return redirect(r, "/app/staff");
	}
	db_rollback(r);
	if (rc != DB_DUP)
		return HTTP_500;
	form_error(r, "email", "This email already has a Plumbline account.");
	return index_show(r, HTTP_422);
}

/*
 * Load the target of a role change or removal and check the rules:
 * not oneself, and never the last active owner.  Runs in a transaction.
 */
static int
target(struct req *r, struct user *u, bool loses_owner, const char **flash_code)
{
	size_t	 owners;
	int64_t	 id;
	int	 rc;

	*flash_code = NULL;
	if (!route_id(r, "id", &id))
		return HTTP_404;
	if ((rc = db_user_get(r, id, u)) == DB_NONE ||
	    (rc == DB_OK && strcmp(u->status, "removed") == 0))
		return HTTP_404;
	if (rc != DB_OK)
		return HTTP_500;
	if (u->id == r->sess.user_id) {
		*flash_code = "not_self";
		return 0;
	}
	if (u->role == ROLE_OWNER && loses_owner &&
	    strcmp(u->status, "active") == 0) {
		if (db_user_owners_lock(r, &owners) != DB_OK)
			return HTTP_500;
		if (owners <= 1)
			*flash_code = "last_owner";
	}
	return 0;
}

static int
finish(struct req *r, int rc, const char *code)
{
	if (rc != DB_OK || db_commit(r) != DB_OK) {
		db_rollback(r);
		return HTTP_500;
	}
	flash(r, code);
	return redirect(r, "/app/staff");
}

/* POST /app/staff/:id/role */
int
staff_role(struct req *r)
{
	struct user	 u;
	enum role	 role = role_parse(req_field(r, "role"));
	const char	*refused;
	int		 st;

	if (role == ROLE_NONE)
		return HTTP_422;
	if (db_begin(r) != DB_OK)
		return HTTP_500;
	if ((st = target(r, &u, role != ROLE_OWNER, &refused)) != 0 ||
	    refused != NULL) {
		db_rollback(r);
		if (refused == NULL)
			return st;
		flash(r, refused);
		return redirect(r, "/app/staff");
	}
	if (role == u.role)
		return finish(r, DB_OK, "role_saved");
	/* A new role means new sessions: the person signs in again. */
	return finish(r, db_user_set_role(r, u.id, role) == DB_OK ?
	    db_session_delete_user(r, u.id, NULL) : DB_ERR, "role_saved");
}

/* POST /app/staff/:id/remove */
int
staff_remove(struct req *r)
{
	struct user	 u;
	const char	*refused;
	int		 st;

	if (db_begin(r) != DB_OK)
		return HTTP_500;
	if ((st = target(r, &u, true, &refused)) != 0 || refused != NULL) {
		db_rollback(r);
		if (refused == NULL)
			return st;
		flash(r, refused);
		return redirect(r, "/app/staff");
	}
	/* Removing access revokes everything: sessions and every live link. */
	return finish(r, db_user_set_status(r, u.id, "removed") == DB_OK &&
	    db_session_delete_user(r, u.id, NULL) == DB_OK &&
	    db_token_void(r, u.id, "invite") == DB_OK ?
	    db_token_void(r, u.id, "reset") : DB_ERR, "removed");
}

static void
invite_page(struct req *r, const struct user *u, const char *company)
{
	hdf_set(r, "Page.Title", "Join your team");
	hdf_set(r, "Invite.CompanyName", company);
	hdf_set(r, "Invite.Email", u->email);
	hdf_set(r, "Invite.RoleLabel", role_label(u->role));
}

/* GET /invite?token= */
int
invite_edit(struct req *r)
{
	struct user	 u;
	const char	*company;
	int		 status;

	hdf_set(r, "Page.Title", "Join your team");
	if (!token_page(r, "invite", "auth/invite.cs", &u, &company, &status))
		return status;
	invite_page(r, &u, company);
	hdf_set(r, "Form.Values.name", u.name);
	return render(r, "auth/invite.cs");
}

/* POST /invite: set name and password, become active, signed in. */
int
invite_update(struct req *r)
{
	struct user	 u;
	const char	*company, *pw, *name;
	char		 hash[256];
	int		 status, n, rc;

	hdf_set(r, "Page.Title", "Join your team");
	if (!token_page(r, "invite", "auth/invite.cs", &u, &company, &status))
		return status;
	invite_page(r, &u, company);
	name = str_trim(r->arena, req_field(r, "name"));
	hdf_set(r, "Form.Values.name", name);
	n = form_error(r, "name", valid_line(name, 1, 120));
	n += password_read_form(r, &pw);
	if (n > 0)
		return render_as(r, "auth/invite.cs", HTTP_422);
	if (password_hash(pw, hash, sizeof(hash)) == -1)
		return HTTP_503;
	if (r->sess.valid)
		session_end(r);
	r->sess.company_id = u.company_id;
	if (db_begin(r) != DB_OK)
		return HTTP_500;
	rc = db_token_spend(r, token_hash(r->arena, req_field(r, "token")),
	    "invite");
	if (rc == DB_OK && (db_user_set_name(r, u.id, name) != DB_OK ||
	    db_user_set_password(r, u.id, hash) != DB_OK ||
	    session_start(r, u.company_id, u.id) != DB_OK))
		rc = DB_ERR;
	if (rc != DB_OK || db_commit(r) != DB_OK) {
		db_rollback(r);
		if (rc != DB_NONE)
			return HTTP_500;
		hdf_set(r, "Page.Invalid", "1");
		return render_as(r, "auth/invite.cs", HTTP_404);
	}
	log_info("invite accepted company=%lld user=%lld",
	    (long long)u.company_id, (long long)u.id);
	flash(r, "joined");
	return redirect(r, "/app/");
}
