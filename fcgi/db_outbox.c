/*
 * The mail outbox.  Rows are written in the transaction of the change that
 * caused them; `plumbline deliver` takes due rows one at a time (SKIP LOCKED,
 * so several deliverers never send one twice) across all companies.
 */
#include <string.h>

#include "app.h"

enum { Q_INSERT, Q_NEXT, Q_SENT, Q_FAILED };

struct db_stmt db_outbox_sql[] = {
	[Q_INSERT] = { "outbox_insert", NULL,
	    "INSERT INTO outbox (company_id, kind, to_addr, to_name, from_name, "
	    "reply_to, subject, body_text, body_html, unsubscribe_url, "
	    "attach_name, attach_type, attach_data) "
	    "VALUES (:company, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" },
	[Q_NEXT] = { "outbox_next", "the delivery tool serves every company",
	    "SELECT id, to_addr, to_name, from_name, reply_to, subject, "
	    "body_text, body_html, attempts, unsubscribe_url, attach_name, "
	    "attach_type, attach_data FROM outbox "
	    "WHERE sent_at IS NULL AND next_attempt_at <= NOW() AND attempts < ? "
	    "ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED" },
	[Q_SENT] = { "outbox_sent", "the delivery tool serves every company",
	    "UPDATE outbox SET sent_at = NOW(), attempts = attempts + 1, "
	    "last_error = '' WHERE id = ?" },
	[Q_FAILED] = { "outbox_failed", "the delivery tool serves every company",
	    "UPDATE outbox SET attempts = attempts + 1, last_error = LEFT(?, 255), "
	    "next_attempt_at = NOW() + INTERVAL ? SECOND WHERE id = ?" },
	{ NULL, NULL, NULL, NULL, 0, 0 }
};

int
db_outbox_insert(struct req *r, const struct outmail *m)
{
	struct dbv	 v[] = { DV_STR(m->kind), DV_STR(m->to_addr),
	    DV_STR(m->to_name), DV_STR(m->from_name), DV_STR(m->reply_to),
	    DV_STR(m->subject), DV_STR(m->text), DV_STR(m->html),
	    DV_STR(m->unsubscribe ? m->unsubscribe : ""),
	    DV_STR(m->attach_name ? m->attach_name : ""),
	    DV_STR(m->attach_type ? m->attach_type : ""),
	    m->attach_name && *m->attach_name ?
	    DV_BLOB(m->attach_data, m->attach_len) : DV_NULL };

	return db_run(r, &db_outbox_sql[Q_INSERT], v, 12, NULL);
}

/* Lock the next due message (inside a transaction). */
int
db_outbox_next(struct req *r, int max_attempts, struct outmail *m)
{
	struct dbv	 v[] = { DV_INT(max_attempts) };
	struct db_res	 res;
	struct db_row	*row;
	int		 rc;

	if ((rc = db_run(r, &db_outbox_sql[Q_NEXT], v, 1, &res)) != DB_OK)
		return rc;
	row = &res.rows[0];
	m->id = db_int(row, 0);
	m->to_addr = db_str(row, 1);
	m->to_name = db_str(row, 2);
	m->from_name = db_str(row, 3);
	m->reply_to = db_str(row, 4);
	m->subject = db_str(row, 5);
	m->text = db_str(row, 6);
	m->html = db_str(row, 7);
	m->attempts = (int)db_int(row, 8);
	m->unsubscribe = db_str(row, 9);
	m->attach_name = db_str(row, 10);
	m->attach_type = db_str(row, 11);
	m->attach_data = row->col[12];
	m->attach_len = row->col[12] ? row->len[12] : 0;
	return DB_OK;
}

int
db_outbox_sent(struct req *r, int64_t id)
{
	struct dbv	 v[] = { DV_INT(id) };

	return db_run(r, &db_outbox_sql[Q_SENT], v, 1, NULL);
}

int
db_outbox_failed(struct req *r, int64_t id, const char *why, int retry_s)
{
	struct dbv	 v[] = { DV_STR(why), DV_INT(retry_s), DV_INT(id) };

	return db_run(r, &db_outbox_sql[Q_FAILED], v, 3, NULL);
}
