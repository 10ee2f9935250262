/*
 * Staff users of a company.  An e-mail address is one login across the
 * installation (stored lower-cased), so sign-in finds the company from it.
 */
#include <string.h>

#include "app.h"

enum {
	Q_FIND_EMAIL, Q_INSERT, Q_GET, Q_LIST, Q_SET_PASSWORD, Q_SET_ROLE,
	Q_SET_STATUS, Q_SET_NAME, Q_OWNERS_LOCK, Q_REINVITE
};

#define USER_COLS	"id, company_id, email, name, role, status, " \
			"COALESCE(password_hash, '')"

struct db_stmt db_users_sql[] = {
	[Q_FIND_EMAIL] = { "user_find_email",
	    "sign-in and password reset start from the e-mail address alone",
	    "SELECT " USER_COLS " FROM users WHERE email = ?" },
	[Q_INSERT] = { "user_insert", NULL,
	    "INSERT INTO users (company_id, email, name, role, status, "
	    "password_hash, invited_by, password_changed_at) "
	    "VALUES (:company, ?, ?, ?, ?, ?, ?, NOW())" },
	[Q_GET] = { "user_get", NULL,
	    "SELECT " USER_COLS " FROM users "
	    "WHERE company_id = :company AND id = ?" },
	[Q_LIST] = { "user_list", NULL,
	    "SELECT " USER_COLS " FROM users "
	    "WHERE company_id = :company AND status <> 'removed' "
	    "ORDER BY FIELD(role, 'owner', 'office', 'field'), name, id "
	    "LIMIT 500" },
	[Q_SET_PASSWORD] = { "user_set_password", NULL,
	    "UPDATE users SET password_hash = ?, password_changed_at = NOW(), "
	    "status = IF(status = 'invited', 'active', status) "
	    "WHERE company_id = :company AND id = ? AND status <> 'removed'" },
	[Q_SET_ROLE] = { "user_set_role", NULL,
	    "UPDATE users SET role = ? WHERE company_id = :company AND id = ?" },
	[Q_SET_STATUS] = { "user_set_status", NULL,
	    "UPDATE users SET status = ? WHERE company_id = :company AND id = ?" },
	[Q_SET_NAME] = { "user_set_name", NULL,
	    "UPDATE users SET name = ? WHERE company_id = :company AND id = ?" },
	[Q_OWNERS_LOCK] = { "user_owners_lock", NULL,
	    "SELECT id FROM users WHERE company_id = :company "
	    "AND role = 'owner' AND status = 'active' FOR UPDATE" },
	[Q_REINVITE] = { "user_reinvite", NULL,
	    "UPDATE users SET status = 'invited', name = ?, role = ?, "
	    "password_hash = NULL, invited_by = ? "
	    "WHERE company_id = :company AND id = ? AND status = 'removed'" },
	{ NULL, NULL, NULL, NULL, 0, 0 }
};

static void
user_row(const struct db_row *row, struct user *u)
{
	u->id = db_int(row, 0);
	u->company_id = db_int(row, 1);
	u->email = db_str(row, 2);
	u->name = db_str(row, 3);
	u->role = role_parse(db_str(row, 4));
	u->status = db_str(row, 5);
	u->password_hash = db_str(row, 6);
}

int
db_user_find_email(struct req *r, const char *email, struct user *u)
{
	struct dbv	 v[] = { DV_STR(email) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_users_sql[Q_FIND_EMAIL], v, 1, &res)) == DB_OK)
		user_row(&res.rows[0], u);
	return rc;
}

int
db_user_get(struct req *r, int64_t id, struct user *u)
{
	struct dbv	 v[] = { DV_INT(id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_users_sql[Q_GET], v, 1, &res)) == DB_OK)
		user_row(&res.rows[0], u);
	return rc;
}

/* The company's users but removed ones, owners first; *n of them. */
int
db_user_list(struct req *r, struct user **out, size_t *n)
{
	struct db_res	 res;
	size_t		 i;
	int		 rc;

	*n = 0;
	*out = NULL;
	if ((rc = db_run(r, &db_users_sql[Q_LIST], NULL, 0, &res)) != DB_OK)
		return rc == DB_NONE ? DB_OK : rc;
	*out = arena_alloc(r->arena, res.nrows * sizeof(**out));
	for (i = 0; i < res.nrows; i++)
		user_row(&res.rows[i], &(*out)[i]);
	*n = res.nrows;
	return DB_OK;
}

/* Insert u into the signed-in company; hash may be NULL (invited). */
int
db_user_insert(struct req *r, const struct user *u, const char *hash,
    int64_t invited_by, int64_t *id)
{
	struct dbv	 v[] = { DV_STR(u->email), DV_STR(u->name),
	    DV_STR(role_name(u->role)), DV_STR(u->status),
	    hash ? DV_STR(hash) : DV_NULL,
	    invited_by ? DV_INT(invited_by) : DV_NULL };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_users_sql[Q_INSERT], v, 6, &res)) == DB_OK)
		*id = res.insert_id;
	return rc;
}

int
db_user_reinvite(struct req *r, int64_t id, const char *name, enum role role,
    int64_t invited_by)
{
	struct dbv	 v[] = { DV_STR(name), DV_STR(role_name(role)),
	    DV_INT(invited_by), DV_INT(id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_users_sql[Q_REINVITE], v, 4, &res)) != DB_OK)
		return rc;
	return res.affected == 1 ? DB_OK : DB_NONE;
}

static int
set_one(struct req *r, int q, const struct dbv *v)
{
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_users_sql[q], v, 2, &res)) != DB_OK)
		return rc;
	return res.affected <= 1 ? DB_OK : DB_ERR;
}

int
db_user_set_password(struct req *r, int64_t id, const char *hash)
{
	struct dbv	 v[] = { DV_STR(hash), DV_INT(id) };

	return set_one(r, Q_SET_PASSWORD, v);
}

int
db_user_set_role(struct req *r, int64_t id, enum role role)
{
	struct dbv	 v[] = { DV_STR(role_name(role)), DV_INT(id) };

	return set_one(r, Q_SET_ROLE, v);
}

int
db_user_set_status(struct req *r, int64_t id, const char *status)
{
	struct dbv	 v[] = { DV_STR(status), DV_INT(id) };

	return set_one(r, Q_SET_STATUS, v);
}

int
db_user_set_name(struct req *r, int64_t id, const char *name)
{
	struct dbv	 v[] = { DV_STR(name), DV_INT(id) };

	return set_one(r, Q_SET_NAME, v);
}

/* Lock the active owners' rows (inside a transaction) and count them. */
int
db_user_owners_lock(struct req *r, size_t *n)
{
	struct db_res	 res;
	int		 rc;

	rc = db_run(r, &db_users_sql[Q_OWNERS_LOCK], NULL, 0, &res);
	*n = res.nrows;
	return rc == DB_NONE ? DB_OK : rc;
}
