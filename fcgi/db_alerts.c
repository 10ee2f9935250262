/*
 * Alerts: who gets which alert (staff and portal people, each with the SET
 * column alerts_off), the customer's notes in the Job Message History, and
 * what each side has read of it (seen_event_id).
 */
#include <string.h>

#include "app.h"

enum {
	Q_STAFF, Q_PEOPLE, Q_ABOUT, Q_USER_OFF, Q_USER_SET, Q_PERSON_OFF,
	Q_PERSON_SET, Q_NOTE_INSERT, Q_RECOUNT, Q_USER_SEEN, Q_THREADS,
	Q_THREAD, Q_PERSON_SEEN, Q_INBOX, Q_DOC_JOB
};

/* What of a job's history the customer sees: entries marked visible, and
 * of those about a document only the documents shown in the portal. */
#define VISIBLE(e)	e ".visible_to_customer = 1 AND (" e ".document_id IS NULL " \
			"OR EXISTS (SELECT 1 FROM documents d WHERE d.company_id = " \
			e ".company_id AND d.id = " e ".document_id " \
			"AND d.display_to_customer = 1 AND d.status <> 'draft')) "

/* A kind is off when listed in alerts_off (FIND_IN_SET is 0 otherwise). */
struct db_stmt db_alerts_sql[] = {
	[Q_STAFF] = { "alert_staff_list", NULL,
	    "SELECT id, name, email FROM users "
	    "WHERE company_id = :company AND status = 'active' "
	    "AND role IN ('owner', 'office') AND FIND_IN_SET(?, alerts_off) = 0 "
	    "ORDER BY id LIMIT 100" },
	/* The job customer's people who were shared a document of the job or
	 * wrote in its history, and the person given (the approver). */
	[Q_PEOPLE] = { "alert_people_list", NULL,
	    "SELECT p.id, p.name, p.email FROM portal_people p "
	    "JOIN jobs j ON j.company_id = :company AND j.id = ? "
	    "AND j.customer_id = p.customer_id "
	    "WHERE p.company_id = :company AND FIND_IN_SET(?, p.alerts_off) = 0 "
	    "AND (p.id = ? OR EXISTS (SELECT 1 FROM document_shares s "
	    "JOIN documents d ON d.company_id = s.company_id AND d.id = s.document_id "
	    "WHERE s.company_id = :company AND s.person_id = p.id AND d.job_id = j.id) "
	    "OR EXISTS (SELECT 1 FROM job_events e WHERE e.company_id = :company "
	    "AND e.job_id = j.id AND e.person_id = p.id)) "
	    "ORDER BY p.id LIMIT 50" },
	/* What an alert is about: the job, its customer, and the document. */
	[Q_ABOUT] = { "alert_about", NULL,
	    "SELECT j.number, j.title, c.name, COALESCE(d.kind, ''), "
	    "COALESCE(d.number, 0), COALESCE(d.revision, 0), COALESCE(d.title, '') "
	    "FROM jobs j JOIN customers c ON c.company_id = j.company_id "
	    "AND c.id = j.customer_id "
	    "LEFT JOIN documents d ON d.company_id = j.company_id "
	    "AND d.job_id = j.id AND d.id = ? "
	    "WHERE j.company_id = :company AND j.id = ?" },
	[Q_USER_OFF] = { "alert_user_off", NULL,
	    "SELECT alerts_off, name, email FROM users "
	    "WHERE company_id = :company AND id = ?" },
	[Q_USER_SET] = { "alert_user_set", NULL,
	    "UPDATE users SET alerts_off = ? "
	    "WHERE company_id = :company AND id = ?" },
	[Q_PERSON_OFF] = { "alert_person_off", NULL,
	    "SELECT alerts_off, name, email FROM portal_people "
	    "WHERE company_id = :company AND id = ?" },
	[Q_PERSON_SET] = { "alert_person_set", NULL,
	    "UPDATE portal_people SET alerts_off = ? "
	    "WHERE company_id = :company AND id = ?" },
	/* Only on a job of the person's own customer. */
	[Q_NOTE_INSERT] = { "alert_note_insert", NULL,
	    "INSERT INTO job_events (company_id, job_id, kind, body, "
	    "visible_to_customer, person_id, document_id) "
	    "SELECT :company, j.id, 'note', ?, 1, p.id, ? FROM jobs j "
	    "JOIN portal_people p ON p.company_id = j.company_id "
	    "AND p.customer_id = j.customer_id AND p.id = ? "
	    "WHERE j.company_id = :company AND j.id = ?" },
	/* The unread badge's stored counts (sql/0006_list_reads.sql): from
	 * the rows, with a locking read, so two entries written at once
	 * both count. */
	[Q_RECOUNT] = { "alert_customer_events_recount", NULL,
	    "UPDATE companies SET customer_events = (SELECT COUNT(*) "
	    "FROM job_events WHERE company_id = :company AND from_customer = 1) "
	    "WHERE id = :company" },
	[Q_USER_SEEN] = { "alert_user_seen", NULL,
	    "UPDATE users SET seen_event_id = GREATEST(seen_event_id, ?), "
	    "seen_customer_events = (SELECT COUNT(*) FROM job_events "
	    "WHERE company_id = :company AND from_customer = 1 "
	    "AND id <= GREATEST(users.seen_event_id, ?)) "
	    "WHERE company_id = :company AND id = ?" },
	/* The customer's jobs with a conversation or a document shown. */
	[Q_THREADS] = { "message_threads", NULL,
	    "SELECT j.id, j.number, j.title, COUNT(e.id), "
	    "COALESCE(SUM(e.person_id IS NULL AND e.kind = 'note' "
	    "AND e.id > (SELECT seen_event_id "
	    "FROM portal_people WHERE company_id = :company AND id = ?)), 0), "
	    "COALESCE(MAX(e.created_at), j.created_at) FROM jobs j "
	    "LEFT JOIN job_events e ON e.company_id = j.company_id "
	    "AND e.job_id = j.id AND " VISIBLE("e")
	    "WHERE j.company_id = :company AND j.customer_id = ? "
	    "AND (e.id IS NOT NULL OR EXISTS (SELECT 1 FROM documents d "
	    "WHERE d.company_id = j.company_id AND d.job_id = j.id "
	    "AND d.display_to_customer = 1 AND d.status <> 'draft')) "
	    "GROUP BY j.id ORDER BY COALESCE(MAX(e.id), 0) DESC, j.id DESC "
	    "LIMIT 100" },
	/* One job's conversation, oldest first (the latest 300). */
	[Q_THREAD] = { "message_thread", NULL,
	    "SELECT * FROM (SELECT e.id, e.kind, e.body, e.created_at, "
	    "COALESCE(u.name, ''), COALESCE(p.name, ''), e.person_id IS NOT NULL, "
	    "COALESCE(e.document_id, 0), "
	    "e.person_id IS NULL AND e.kind = 'note' AND e.id > "
	    "(SELECT seen_event_id FROM portal_people WHERE company_id = :company "
	    "AND id = ?) FROM job_events e "
	    "JOIN jobs j ON j.company_id = e.company_id AND j.id = e.job_id "
	    "LEFT JOIN users u ON u.company_id = e.company_id AND u.id = e.user_id "
	    "LEFT JOIN portal_people p ON p.company_id = e.company_id "
	    "AND p.id = e.person_id "
	    "WHERE e.company_id = :company AND e.job_id = ? AND j.customer_id = ? "
	    "AND " VISIBLE("e") "ORDER BY e.id DESC LIMIT 300) t ORDER BY id" },
	[Q_PERSON_SEEN] = { "message_person_seen", NULL,
	    "UPDATE portal_people SET seen_event_id = GREATEST(seen_event_id, ?) "
	    "WHERE company_id = :company AND id = ?" },
	/* Customers' words, newest first; unread past the user's mark. */
	[Q_INBOX] = { "message_inbox", NULL,
	    "SELECT e.id, e.kind, e.body, e.created_at, '', p.name, 1, "
	    "COALESCE(e.document_id, 0), e.job_id, j.number, j.title, c.name, "
	    "COALESCE(d.kind, ''), COALESCE(d.number, 0), "
	    "e.id > (SELECT seen_event_id FROM users WHERE company_id = :company "
	    "AND id = ?) FROM job_events e "
	    "JOIN jobs j ON j.company_id = e.company_id AND j.id = e.job_id "
	    "JOIN customers c ON c.company_id = j.company_id AND c.id = j.customer_id "
	    "LEFT JOIN portal_people p ON p.company_id = e.company_id "
	    "AND p.id = e.person_id "
	    "LEFT JOIN documents d ON d.company_id = e.company_id "
	    "AND d.id = e.document_id "
	    "WHERE e.company_id = :company AND e.from_customer = 1 "
	    "ORDER BY e.id DESC LIMIT 100" },
	/* The job of a document the portal shows to the customer. */
	[Q_DOC_JOB] = { "message_doc_job", NULL,
	    "SELECT job_id FROM documents WHERE company_id = :company AND id = ? "
	    "AND customer_id = ? AND display_to_customer = 1 AND status <> 'draft'" },
	{ NULL, NULL, NULL, NULL, 0, 0 }
};

static int
recipients(struct req *r, int q, const struct dbv *v, size_t nv,
    struct alert_to **out, size_t *n)
{
	struct db_res	 res;
	size_t		 i;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_run(r, &db_alerts_sql[q], v, nv, &res)) != DB_OK)
		return rc == DB_NONE ? DB_OK : rc;
	*out = arena_zalloc(r->arena, res.nrows * sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		(*out)[i].id = db_int(&res.rows[i], 0);
		(*out)[i].name = db_str(&res.rows[i], 1);
		(*out)[i].email = db_str(&res.rows[i], 2);
	}
	*n = res.nrows;
	return DB_OK;
}

/* Active owners and office users who have not turned kind off. */
int
db_alert_staff_list(struct req *r, const char *kind, struct alert_to **out,
    size_t *n)
{
	struct dbv	 v[] = { DV_STR(kind) };

	return recipients(r, Q_STAFF, v, 1, out, n);
}

/* The job customer's people concerned with the job (see Q_PEOPLE), plus
 * also_id (0: none), who have not turned kind off. */
int
db_alert_people_list(struct req *r, int64_t job_id, const char *kind,
    int64_t also_id, struct alert_to **out, size_t *n)
{
	struct dbv	 v[] = { DV_INT(job_id), DV_STR(kind), DV_INT(also_id) };

	return recipients(r, Q_PEOPLE, v, 3, out, n);
}

int
db_alert_about(struct req *r, int64_t job_id, int64_t document_id,
    struct alert_about *a)
{
	struct dbv	 v[] = { DV_INT(document_id), DV_INT(job_id) };
	struct db_res	 res;
	const char	*kind;
	int		 rc;

	if ((rc = db_run(r, &db_alerts_sql[Q_ABOUT], v, 2, &res)) != DB_OK)
		return rc;
	a->job_number = db_int(&res.rows[0], 0);
	a->job_title = db_str(&res.rows[0], 1);
	a->customer_name = db_str(&res.rows[0], 2);
	kind = db_str(&res.rows[0], 3);
	a->doc_kind = strcmp(kind, "invoice") == 0 ? DOC_INVOICE :
	    strcmp(kind, "estimate") == 0 ? DOC_ESTIMATE : DOC__MAX;
	a->doc_number = db_int(&res.rows[0], 4);
	a->doc_revision = db_int(&res.rows[0], 5);
	a->doc_title = db_str(&res.rows[0], 6);
	return DB_OK;
}

/* alerts_off of a user (staff true) or portal person, with name and email. */
int
db_alert_prefs_get(struct req *r, bool staff, int64_t id, struct alert_to *who,
    const char **off)
{
	struct dbv	 v[] = { DV_INT(id) };
	struct db_res	 res;
	int		 rc;

	rc = db_run(r, &db_alerts_sql[staff ? Q_USER_OFF : Q_PERSON_OFF], v, 1,
	    &res);
	if (rc != DB_OK)
		return rc;
	*off = db_str(&res.rows[0], 0);
	if (who != NULL) {
		who->id = id;
		who->name = db_str(&res.rows[0], 1);
		who->email = db_str(&res.rows[0], 2);
	}
	return DB_OK;
}

int
db_alert_prefs_set(struct req *r, bool staff, int64_t id, const char *off)
{
	struct dbv	 v[] = { DV_STR(off), DV_INT(id) };

	return db_run(r, &db_alerts_sql[staff ? Q_USER_SET : Q_PERSON_SET], v,
	    2, NULL);
}

/* The person's note on job_id; DB_NONE when the job is not their customer's. */
int
db_alert_note_insert(struct req *r, int64_t job_id, int64_t document_id,
    int64_t person_id, const char *body, int64_t *id)
{
	struct dbv	 v[] = { DV_STR(body),
	    document_id > 0 ? DV_INT(document_id) : DV_NULL, DV_INT(person_id),
	    DV_INT(job_id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_alerts_sql[Q_NOTE_INSERT], v, 4, &res)) != DB_OK)
		return rc;
	if (res.affected != 1)
		return DB_NONE;
	if (id != NULL)
		*id = res.insert_id;
	return db_customer_events_recount(r);
}

/* After writing a customer's entry (job_events.from_customer). */
int
db_customer_events_recount(struct req *r)
{
	return db_run(r, &db_alerts_sql[Q_RECOUNT], NULL, 0, NULL);
}

int
db_alert_user_seen(struct req *r, int64_t user_id, int64_t event_id)
{
	struct dbv	 v[] = { DV_INT(event_id), DV_INT(event_id),
	    DV_INT(user_id) };

	return db_run(r, &db_alerts_sql[Q_USER_SEEN], v, 3, NULL);
}

int
db_message_threads(struct req *r, int64_t customer_id, int64_t person_id,
    struct thread **out, size_t *n)
{
	struct dbv	 v[] = { DV_INT(person_id), DV_INT(customer_id) };
	struct db_res	 res;
	size_t		 i;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_run(r, &db_alerts_sql[Q_THREADS], v, 2, &res)) != DB_OK)
		return rc == DB_NONE ? DB_OK : rc;
	*out = arena_zalloc(r->arena, res.nrows * sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		(*out)[i].job_id = db_int(&res.rows[i], 0);
		(*out)[i].job_number = db_int(&res.rows[i], 1);
		(*out)[i].job_title = db_str(&res.rows[i], 2);
		(*out)[i].count = db_int(&res.rows[i], 3);
		(*out)[i].unread = db_int(&res.rows[i], 4);
		(*out)[i].last_at = db_str(&res.rows[i], 5);
	}
	*n = res.nrows;
	return DB_OK;
}

static void
message_row(const struct db_row *row, struct message *m)
{
	m->id = db_int(row, 0);
	m->kind = db_str(row, 1);
	m->body = db_str(row, 2);
	m->created_at = db_str(row, 3);
	m->user_name = db_str(row, 4);
	m->person_name = db_str(row, 5);
	m->from_customer = db_int(row, 6) != 0;
	m->document_id = db_int(row, 7);
}

/* The customer's view of job_id's conversation, oldest first. */
int
db_message_thread(struct req *r, int64_t job_id, int64_t customer_id,
    int64_t person_id, struct message **out, size_t *n)
{
	struct dbv	 v[] = { DV_INT(person_id), DV_INT(job_id),
	    DV_INT(customer_id) };
	struct db_res	 res;
	size_t		 i;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_run(r, &db_alerts_sql[Q_THREAD], v, 3, &res)) != DB_OK)
		return rc == DB_NONE ? DB_OK : rc;
	*out = arena_zalloc(r->arena, res.nrows * sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		message_row(&res.rows[i], &(*out)[i]);
		(*out)[i].unread = db_int(&res.rows[i], 8) != 0;
	}
	*n = res.nrows;
	return DB_OK;
}

int
db_message_person_seen(struct req *r, int64_t person_id, int64_t event_id)
{
	struct dbv	 v[] = { DV_INT(event_id), DV_INT(person_id) };

	return db_run(r, &db_alerts_sql[Q_PERSON_SEEN], v, 2, NULL);
}

/* Customers' messages to the company, newest first, with what they are about. */
int
db_message_inbox(struct req *r, int64_t user_id, struct message **out,
    size_t *n)
{
	struct dbv	 v[] = { DV_INT(user_id) };
	struct db_res	 res;
	const char	*kind;
	size_t		 i;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_run(r, &db_alerts_sql[Q_INBOX], v, 1, &res)) != DB_OK)
		return rc == DB_NONE ? DB_OK : rc;
	*out = arena_zalloc(r->arena, res.nrows * sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		message_row(&res.rows[i], &(*out)[i]);
		(*out)[i].job_id = db_int(&res.rows[i], 8);
		(*out)[i].job_number = db_int(&res.rows[i], 9);
		(*out)[i].job_title = db_str(&res.rows[i], 10);
		(*out)[i].customer_name = db_str(&res.rows[i], 11);
		kind = db_str(&res.rows[i], 12);
		(*out)[i].doc_kind = strcmp(kind, "invoice") == 0 ? DOC_INVOICE :
		    strcmp(kind, "estimate") == 0 ? DOC_ESTIMATE : DOC__MAX;
		(*out)[i].doc_number = db_int(&res.rows[i], 13);
		(*out)[i].unread = db_int(&res.rows[i], 14) != 0;
	}
	*n = res.nrows;
	return DB_OK;
}

int
db_message_doc_job(struct req *r, int64_t doc_id, int64_t customer_id,
    int64_t *job_id)
{
	struct dbv	 v[] = { DV_INT(doc_id), DV_INT(customer_id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_alerts_sql[Q_DOC_JOB], v, 2, &res)) == DB_OK)
		*job_id = db_int(&res.rows[0], 0);
	return rc;
}
