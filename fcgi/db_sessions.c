/*
 * Staff sessions: only the SHA-256 of the cookie token is stored.  Expiry
 * (idle and absolute) is decided in SQL against the database clock, so
 * every app host agrees.
 */
#include <string.h>

#include "app.h"

enum {
	Q_LOAD, Q_INSERT, Q_TOUCH, Q_DELETE, Q_DELETE_OTHERS, Q_DELETE_USER,
	Q_PURGE
};

struct db_stmt db_sessions_sql[] = {
	[Q_LOAD] = { "session_load",
	    "the session is what tells the company",
	    "SELECT s.user_id, s.company_id, u.role, u.name, u.email, c.name, "
	    "TIMESTAMPDIFF(SECOND, s.last_seen_at, NOW()), c.logo_file IS NOT NULL, "
	    "c.currency, c.timezone, "
	    /* The unread badge, from stored counts (sql/0006_list_reads.sql). */
	    "GREATEST(CAST(c.customer_events AS SIGNED) - "
	    "u.seen_customer_events, 0) "
	    "FROM sessions s "
	    "JOIN users u ON u.id = s.user_id AND u.company_id = s.company_id "
	    "JOIN companies c ON c.id = s.company_id "
	    "WHERE s.token_hash = ? AND u.status = 'active' "
	    "AND s.last_seen_at > NOW() - INTERVAL ? SECOND "
	    "AND s.created_at > NOW() - INTERVAL ? SECOND" },
	[Q_INSERT] = { "session_insert", NULL,
	    "INSERT INTO sessions (company_id, token_hash, user_id, ip, "
	    "user_agent) VALUES (:company, ?, ?, ?, LEFT(?, 255))" },
	[Q_TOUCH] = { "session_touch", NULL,
	    "UPDATE sessions SET last_seen_at = NOW() "
	    "WHERE company_id = :company AND token_hash = ?" },
	[Q_DELETE] = { "session_delete", NULL,
	    "DELETE FROM sessions WHERE company_id = :company AND token_hash = ?" },
	[Q_DELETE_OTHERS] = { "session_delete_others", NULL,
	    "DELETE FROM sessions WHERE company_id = :company AND user_id = ? "
	    "AND token_hash <> ?" },
	[Q_DELETE_USER] = { "session_delete_user", NULL,
	    "DELETE FROM sessions WHERE company_id = :company AND user_id = ?" },
	[Q_PURGE] = { "session_purge",
	    "maintenance across companies",
	    "DELETE FROM sessions WHERE last_seen_at < NOW() - INTERVAL ? SECOND "
	    "OR created_at < NOW() - INTERVAL ? SECOND" },
	{ NULL, NULL, NULL, NULL, 0, 0 }
};

/* Load the session whose token hashes to hash into r->sess. */
int
db_session_load(struct req *r, const char *hash, int64_t *idle_s)
{
	struct dbv	 v[] = { DV_BLOB(hash, 32), DV_INT(cfg.session_idle_s),
	    DV_INT(cfg.session_absolute_s) };
	struct db_res	 res;
	struct db_row	*row;
	int		 rc;

	if ((rc = db_run(r, &db_sessions_sql[Q_LOAD], v, 3, &res)) != DB_OK)
		return rc;
	row = &res.rows[0];
	r->sess.user_id = db_int(row, 0);
	r->sess.company_id = db_int(row, 1);
	r->sess.role = role_parse(db_str(row, 2));
	r->sess.user_name = db_str(row, 3);
	r->sess.user_email = db_str(row, 4);
	r->sess.company_name = db_str(row, 5);
	r->sess.token_hash = hash;
	*idle_s = db_int(row, 6);
	r->sess.has_logo = db_int(row, 7) != 0;
	r->sess.currency = db_str(row, 8);
	r->sess.timezone = db_str(row, 9);
	r->sess.unread = db_int(row, 10);
	return DB_OK;
}

int
db_session_insert(struct req *r, const char *hash, int64_t user_id)
{
	struct dbv	 v[] = { DV_BLOB(hash, 32), DV_INT(user_id),
	    DV_STR(r->remote_addr), DV_STR(r->user_agent) };

	return db_run(r, &db_sessions_sql[Q_INSERT], v, 4, NULL);
}

int
db_session_touch(struct req *r, const char *hash)
{
	struct dbv	 v[] = { DV_BLOB(hash, 32) };

	return db_run(r, &db_sessions_sql[Q_TOUCH], v, 1, NULL);
}

int
db_session_delete(struct req *r, const char *hash)
{
	struct dbv	 v[] = { DV_BLOB(hash, 32) };

	return db_run(r, &db_sessions_sql[Q_DELETE], v, 1, NULL);
}

/* End every session of user_id but the one hashing to keep (NULL: all). */
int
db_session_delete_user(struct req *r, int64_t user_id, const char *keep)
{
	struct dbv	 v[] = { DV_INT(user_id), DV_BLOB(keep, 32) };

	if (keep == NULL)
		return db_run(r, &db_sessions_sql[Q_DELETE_USER], v, 1, NULL);
	return db_run(r, &db_sessions_sql[Q_DELETE_OTHERS], v, 2, NULL);
}
