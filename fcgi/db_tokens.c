/*
 * Single-use links (staff invitations, password resets): only the SHA-256
 * is stored; spending is one atomic UPDATE ... WHERE used_at IS NULL, so a
 * link works once even when clicked twice at the same moment.
 */
#include <string.h>

#include "app.h"

enum { Q_INSERT, Q_FIND, Q_SPEND, Q_VOID };

struct db_stmt db_tokens_sql[] = {
	[Q_INSERT] = { "token_insert", NULL,
	    "INSERT INTO tokens (company_id, token_hash, user_id, kind, "
	    "expires_at) VALUES (:company, ?, ?, ?, NOW() + INTERVAL ? SECOND)" },
	[Q_FIND] = { "token_find",
	    "the link itself is what tells the company",
	    "SELECT t.company_id, t.user_id, u.email, u.name, u.role, "
	    "u.status, c.name FROM tokens t "
	    "JOIN users u ON u.id = t.user_id AND u.company_id = t.company_id "
	    "JOIN companies c ON c.id = t.company_id "
	    "WHERE t.token_hash = ? AND t.kind = ? AND t.used_at IS NULL "
	    "AND t.expires_at > NOW() "
	    "AND u.status = IF(t.kind = 'invite', 'invited', 'active')" },
	[Q_SPEND] = { "token_spend", NULL,
	    "UPDATE tokens SET used_at = NOW() WHERE company_id = :company "
	    "AND token_hash = ? AND kind = ? AND used_at IS NULL "
	    "AND expires_at > NOW()" },
	[Q_VOID] = { "token_void", NULL,
	    "UPDATE tokens SET used_at = NOW() WHERE company_id = :company "
	    "AND user_id = ? AND kind = ? AND used_at IS NULL" },
	{ NULL, NULL, NULL, NULL, 0, 0 }
};

int
db_token_insert(struct req *r, const char *hash, int64_t user_id,
    const char *kind, int ttl_s)
{
	struct dbv	 v[] = { DV_BLOB(hash, 32), DV_INT(user_id),
	    DV_STR(kind), DV_INT(ttl_s) };

	return db_run(r, &db_tokens_sql[Q_INSERT], v, 4, NULL);
}

/* A live token of kind: its user (u) and company name. */
int
db_token_find(struct req *r, const char *hash, const char *kind,
    struct user *u, const char **company_name)
{
	struct dbv	 v[] = { DV_BLOB(hash, 32), DV_STR(kind) };
	struct db_res	 res;
	struct db_row	*row;
	int		 rc;

	if ((rc = db_run(r, &db_tokens_sql[Q_FIND], v, 2, &res)) != DB_OK)
		return rc;
	row = &res.rows[0];
	u->company_id = db_int(row, 0);
	u->id = db_int(row, 1);
	u->email = db_str(row, 2);
	u->name = db_str(row, 3);
	u->role = role_parse(db_str(row, 4));
	u->status = db_str(row, 5);
	*company_name = db_str(row, 6);
	return DB_OK;
}

/* Spend the token once: DB_OK for the one caller that did, else DB_NONE. */
int
db_token_spend(struct req *r, const char *hash, const char *kind)
{
	struct dbv	 v[] = { DV_BLOB(hash, 32), DV_STR(kind) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_tokens_sql[Q_SPEND], v, 2, &res)) != DB_OK)
		return rc;
	return res.affected == 1 ? DB_OK : DB_NONE;
}

/* Void the user's unspent tokens of kind (a newer one replaces them). */
int
db_token_void(struct req *r, int64_t user_id, const char *kind)
{
	struct dbv	 v[] = { DV_INT(user_id), DV_STR(kind) };

	return db_run(r, &db_tokens_sql[Q_VOID], v, 2, NULL);
}
