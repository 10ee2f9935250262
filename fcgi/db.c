/*
 * The database: one MariaDB connection per worker, every statement of every
 * db_*.c table prepared at connect, parameters bound by type, and rows
 * fetched as text into the request's arena.  Company-scoped statements get
 * company_id bound here from the session, never from a handler.
 *
 * A connection lost before a read is retried once after reconnecting; a
 * write that may have run is never replayed: it fails, the response is a
 * 500 and the worker leaves (the master starts a fresh one).
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>

#include "app.h"

static MYSQL	*conn;
static bool	 lost, in_tx, retry;
static char	 last_error[256];	/* of the last failed statement */

static void
unprepare_all(void)
{
	struct db_stmt	*s;
	size_t		 t;

	for (t = 0; db_tables[t] != NULL; t++)
		for (s = db_tables[t]; s->name != NULL; s++)
			if (s->handle != NULL) {
				mysql_stmt_close(s->handle);
				s->handle = NULL;
			}
}

void
db_close(void)
{
	if (conn == NULL)
		return;
	unprepare_all();
	mysql_close(conn);
	conn = NULL;
}

bool
db_lost(void)
{
	return lost;
}

/*
 * Prepare s, turning each ":company" into a placeholder and remembering
 * which parameters they are.
 */
int
db_prepare(struct db_stmt *s)
{
	static const char	 tag[] = ":company";
	MYSQL_STMT		*h;
	const char		*p;
	char			*sql, *q;
	unsigned		 k = 0;

	if ((sql = malloc(strlen(s->sql) + 1)) == NULL)
		abort();
	s->company_at = 0;
	for (p = s->sql, q = sql; *p; ) {
		if (strncmp(p, tag, sizeof(tag) - 1) == 0) {
			assert(k < 64);
			s->company_at |= 1ULL << k++;
			*q++ = '?';
			p += sizeof(tag) - 1;
			continue;
		}
		if (*p == '?')
			k++;
		*q++ = *p++;
	}
	*q = '\0';
	s->nparams = k;
	if ((h = mysql_stmt_init(conn)) == NULL)
		abort();
	if (mysql_stmt_prepare(h, sql, strlen(sql)) != 0) {
		log_err("prepare %s: %s", s->name, mysql_stmt_error(h));
		mysql_stmt_close(h);
		free(sql);
		return -1;
	}
	free(sql);
	if (mysql_stmt_param_count(h) != k) {
		log_err("prepare %s: placeholder count mismatch", s->name);
		mysql_stmt_close(h);
		return -1;
	}
	s->handle = h;
	return 0;
}

/* Connect and prepare every statement; a bad statement fails here, at start. */
int
db_connect(void)
{
	struct db_stmt	*s;
	size_t		 t;
	bool		 off = false;

	db_close();
	lost = in_tx = false;
	if ((conn = mysql_init(NULL)) == NULL)
		abort();
	mysql_options(conn, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(conn, MYSQL_INIT_COMMAND, "SET NAMES utf8mb4 COLLATE "
	    "utf8mb4_unicode_ci, time_zone = '+00:00', "
	    "sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ENGINE_SUBSTITUTION'");
	mysql_options(conn, MYSQL_OPT_RECONNECT, &off);
	if (mysql_real_connect(conn, *cfg.db_host ? cfg.db_host : NULL,
	    cfg.db_user, cfg.db_password, cfg.db_name,
	    (unsigned)cfg.db_port, *cfg.db_socket ? cfg.db_socket : NULL,
	    0) == NULL) {
		log_err("database connect: %s", mysql_error(conn));
		mysql_close(conn);
		conn = NULL;
		return -1;
	}
	for (t = 0; db_tables[t] != NULL; t++)
		for (s = db_tables[t]; s->name != NULL; s++)
			if (db_prepare(s) == -1) {
				db_close();
				return -1;
			}
	return 0;
}

static bool
conn_error(unsigned e)
{
	return e == CR_SERVER_GONE_ERROR || e == CR_SERVER_LOST ||
	    e == CR_CONNECTION_ERROR || e == CR_CONN_HOST_ERROR ||
	    e == ER_UNKNOWN_STMT_HANDLER || e == CR_STMT_CLOSED ||
	    e == ER_CONNECTION_KILLED || e == CR_COMMANDS_OUT_OF_SYNC;
}

static bool
is_read(const struct db_stmt *s)
{
	return strncmp(s->sql, "SELECT", 6) == 0;
}

static int
bind_params(struct req *r, struct db_stmt *s, const struct dbv *v, size_t n)
{
	MYSQL_BIND	*b;
	size_t		 i, k;

	if (n + (size_t)__builtin_popcountll(s->company_at) != s->nparams) {
		log_err("%s: %u parameters, %zu given", s->name, s->nparams, n);
		return -1;
	}
	if (s->nparams == 0)
		return 0;
	if (s->company_at != 0)
		/* Tenancy is not optional: no session company, no query. */
		assert(r->sess.company_id > 0);
	b = arena_zalloc(r->arena, s->nparams * sizeof(*b));
	for (k = 0, i = 0; k < s->nparams; k++) {
		if (s->company_at & (1ULL << k)) {
			b[k].buffer_type = MYSQL_TYPE_LONGLONG;
			b[k].buffer = &r->sess.company_id;
			continue;
		}
		switch (v[i].type) {
		case DBV_NULL:
			b[k].buffer_type = MYSQL_TYPE_NULL;
			break;
		case DBV_INT:
			b[k].buffer_type = MYSQL_TYPE_LONGLONG;
			b[k].buffer = (void *)&v[i].i;
			break;
		case DBV_STR:
		case DBV_BLOB:
			b[k].buffer_type = v[i].type == DBV_STR ?
			    MYSQL_TYPE_STRING : MYSQL_TYPE_BLOB;
			b[k].buffer = (void *)(v[i].s ? v[i].s : "");
			b[k].buffer_length = v[i].len;
			b[k].length = (unsigned long *)&v[i].len;
			break;
		}
		i++;
	}
	return mysql_stmt_bind_param(s->handle, b) ? -1 : 0;
}

/* Fetch every row as text into the arena. */
static int
fetch_rows(struct req *r, MYSQL_STMT *h, struct db_res *out)
{
	MYSQL_RES	*meta;
	MYSQL_BIND	*b;
	struct db_row	*rows = NULL;
	unsigned long	*lens;
	my_bool		*nulls, *errs;
	char		**bufs;
	size_t		 nc, i, cap = 0, nr = 0;
	int		 rc;

	meta = mysql_stmt_result_metadata(h);
	if (meta == NULL)
		return 0;
	nc = mysql_num_fields(meta);
	mysql_free_result(meta);
	b = arena_zalloc(r->arena, nc * sizeof(*b));
	lens = arena_zalloc(r->arena, nc * sizeof(*lens));
	nulls = arena_zalloc(r->arena, nc * sizeof(*nulls));
	errs = arena_zalloc(r->arena, nc * sizeof(*errs));
	bufs = arena_alloc(r->arena, nc * sizeof(*bufs));
	for (i = 0; i < nc; i++) {
		bufs[i] = arena_alloc(r->arena, 256);
		b[i].buffer_type = MYSQL_TYPE_STRING;
		b[i].buffer = bufs[i];
		b[i].buffer_length = 256;
		b[i].length = &lens[i];
		b[i].is_null = &nulls[i];
		b[i].error = &errs[i];
	}
	if (mysql_stmt_bind_result(h, b) != 0)
		return -1;
	while ((rc = mysql_stmt_fetch(h)) == 0 || rc == MYSQL_DATA_TRUNCATED) {
		if (nr == cap) {
			struct db_row *nrows;

			cap = cap ? cap * 2 : 16;
			nrows = arena_alloc(r->arena, cap * sizeof(*nrows));
			if (nr)
				memcpy(nrows, rows, nr * sizeof(*rows));
			rows = nrows;
		}
		rows[nr].col = arena_alloc(r->arena, nc * sizeof(char *));
		rows[nr].len = arena_alloc(r->arena, nc * sizeof(size_t));
		for (i = 0; i < nc; i++) {
			rows[nr].len[i] = lens[i];
			if (nulls[i]) {
				rows[nr].col[i] = NULL;
				continue;
			}
			if (lens[i] <= 256) {
				rows[nr].col[i] = arena_strndup(r->arena,
				    bufs[i], lens[i]);
				continue;
			}
			/* Longer than the buffer: fetch the column whole. */
			{
				MYSQL_BIND	 one;
				char		*p;

				p = arena_alloc(r->arena, lens[i] + 1);
				memset(&one, 0, sizeof(one));
				one.buffer_type = MYSQL_TYPE_STRING;
				one.buffer = p;
				one.buffer_length = lens[i];
				if (mysql_stmt_fetch_column(h, &one,
				    (unsigned)i, 0) != 0)
					return -1;
				p[lens[i]] = '\0';
				rows[nr].col[i] = p;
			}
		}
		nr++;
	}
	if (rc != MYSQL_NO_DATA)
		return -1;
	out->nrows = nr;
	out->ncols = nc;
	out->rows = rows;
	return 0;
}

static int
run_once(struct req *r, struct db_stmt *s, const struct dbv *v, size_t n,
    struct db_res *out, unsigned *errnum)
{
	MYSQL_STMT	*h = s->handle;
	int		 rc = 0;

	*errnum = 0;
	if (h == NULL) {
		*errnum = CR_SERVER_GONE_ERROR;
		return -1;
	}
	if (bind_params(r, s, v, n) == -1 || mysql_stmt_execute(h) != 0 ||
	    fetch_rows(r, h, out) == -1)
		rc = -1;
	if (rc == -1) {
		*errnum = mysql_stmt_errno(h);
		snprintf(last_error, sizeof(last_error), "%s",
		    mysql_stmt_error(h));
	}
	else {
		out->affected = mysql_stmt_affected_rows(h);
		out->insert_id = (int64_t)mysql_stmt_insert_id(h);
	}
	mysql_stmt_free_result(h);
	return rc;
}

/*
 * Run statement s with parameters v (the :company ones excluded: bound
 * here from the session).  Rows, if any, land in *out, in the arena.  Returns DB_OK,
 * DB_NONE (a read found no row), DB_DUP (unique key) or DB_ERR (logged).
 */
int
db_run(struct req *r, struct db_stmt *s, const struct dbv *v, size_t n,
    struct db_res *out)
{
	struct db_res	 scratch;
	unsigned	 e;

	if (out == NULL)
		out = &scratch;
	memset(out, 0, sizeof(*out));
	if (conn == NULL && !in_tx && db_connect() == -1)
		return DB_ERR;
	if (run_once(r, s, v, n, out, &e) == 0)
		return is_read(s) && out->nrows == 0 ? DB_NONE : DB_OK;
	if (e == ER_DUP_ENTRY)
		return DB_DUP;
	if (e == ER_LOCK_DEADLOCK || e == ER_LOCK_WAIT_TIMEOUT)
		retry = true;	/* the worker runs the request again */
	if (conn_error(e) && !in_tx && is_read(s)) {
		log_warn("%s: connection lost (%u), reconnecting", s->name, e);
		if (db_connect() == 0 && run_once(r, s, v, n, out, &e) == 0)
			return out->nrows == 0 ? DB_NONE : DB_OK;
	}
	if (conn_error(e))
		lost = true;
	log_err("%s: error %u: %s", s->name, e, s->handle ? last_error :
	    "not prepared");
	return DB_ERR;
}

int
db_begin(struct req *r)
{
	(void)r;
	if (conn == NULL && db_connect() == -1)
		return DB_ERR;
	if (mysql_query(conn, "START TRANSACTION") != 0) {
		if (conn_error(mysql_errno(conn)) && db_connect() == 0 &&
		    mysql_query(conn, "START TRANSACTION") == 0)
			goto ok;
		log_err("begin: %s", mysql_error(conn));
		lost = true;
		return DB_ERR;
	}
ok:
	in_tx = true;
	return DB_OK;
}

int
db_commit(struct req *r)
{
	(void)r;
	in_tx = false;
	if (mysql_commit(conn) != 0) {
		/* Ambiguous when the connection dropped: never redo blindly. */
		log_err("commit: %s", mysql_error(conn));
		lost = true;
		return DB_ERR;
	}
	return DB_OK;
}

void
db_rollback(struct req *r)
{
	(void)r;
	if (!in_tx)
		return;
	in_tx = false;
	if (conn != NULL && mysql_rollback(conn) != 0)
		lost = true;
}

int64_t
db_int(const struct db_row *row, size_t i)
{
	return row->col[i] ? strtoll(row->col[i], NULL, 10) : 0;
}

const char *
db_str(const struct db_row *row, size_t i)
{
	return row->col[i] ? row->col[i] : "";
}

/*
 * Whether the last request lost a deadlock (or, on Galera, a certification
 * conflict, reported the same way): its transaction was rolled back whole,
 * so running the request again is safe.  Reading clears it.
 */
bool
db_retry_wanted(void)
{
	bool	 r = retry;

	retry = false;
	return r;
}

/* 0 when the database answers, reconnecting if it went away. */
int
db_ping(void)
{
	if (conn != NULL && mysql_ping(conn) == 0)
		return 0;
	return db_connect();
}

/* Is the request's transaction open?  (Handlers roll back on early return.) */
bool
db_in_tx(void)
{
	return in_tx;
}

/* Every statement table; the db layer prepares them all at connect. */
struct db_stmt *const db_tables[] = {
	db_companies_sql,
	db_users_sql,
	db_sessions_sql,
	db_tokens_sql,
	db_outbox_sql,
	db_limits_sql,
	db_jobs_sql,
	db_visits_sql,
	db_dashboard_sql,
	db_customers_sql,
	db_documents_sql,
	db_price_book_sql,
	db_portal_sql,
	db_portal_docs_sql,
	db_pdf_sql,
	db_alerts_sql,
	db_shares_sql,
	NULL
};
