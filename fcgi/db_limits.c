/*
 * Rate-limit counters in a fixed window per key (the SHA-256 of, say,
 * "login:" + e-mail), kept in the database so every app host counts alike.
 */
#include <string.h>

#include "app.h"

enum { Q_HIT, Q_GET, Q_CLEAR };

struct db_stmt db_limits_sql[] = {
	[Q_HIT] = { "limit_hit", "counters are per account or address, "
	    "before any session",
	    "INSERT INTO rate_limits (key_hash, window_start, hits) "
	    "VALUES (?, NOW(), 1) ON DUPLICATE KEY UPDATE "
	    "hits = IF(window_start < NOW() - INTERVAL ? SECOND, 1, hits + 1), "
	    "window_start = IF(window_start < NOW() - INTERVAL ? SECOND, "
	    "NOW(), window_start)" },
	[Q_GET] = { "limit_get", "counters are per account or address",
	    "SELECT hits FROM rate_limits WHERE key_hash = ? "
	    "AND window_start >= NOW() - INTERVAL ? SECOND" },
	[Q_CLEAR] = { "limit_clear", "counters are per account or address",
	    "DELETE FROM rate_limits WHERE key_hash = ?" },
	{ NULL, NULL, NULL, NULL, 0, 0 }
};

/* Count one hit on key; *hits is the count in the current window. */
int
db_limit_hit(struct req *r, const char *hash, int window_s, int64_t *hits)
{
	struct dbv	 v[] = { DV_BLOB(hash, 32), DV_INT(window_s),
	    DV_INT(window_s) };
	int		 rc;

	if ((rc = db_run(r, &db_limits_sql[Q_HIT], v, 3, NULL)) != DB_OK)
		return rc;
	return db_limit_get(r, hash, window_s, hits);
}

/* The hits on key in the current window (0 when none). */
int
db_limit_get(struct req *r, const char *hash, int window_s, int64_t *hits)
{
	struct dbv	 v[] = { DV_BLOB(hash, 32), DV_INT(window_s) };
	struct db_res	 res;
	int		 rc;

	*hits = 0;
	rc = db_run(r, &db_limits_sql[Q_GET], v, 2, &res);
	if (rc == DB_OK)
		*hits = db_int(&res.rows[0], 0);
	return rc == DB_NONE ? DB_OK : rc;
}

int
db_limit_clear(struct req *r, const char *hash)
{
	struct dbv	 v[] = { DV_BLOB(hash, 32) };

	return db_run(r, &db_limits_sql[Q_CLEAR], v, 1, NULL);
}
