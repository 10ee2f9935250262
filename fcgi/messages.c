/*
 * The conversation (F4, F8): the Job Message History as each side reads it.
 * The customer's Messages pages (a conversation per job, unread counts,
 * replies) and the note form of a portal document; the back office's inbox
 * of customer messages.  Reading raises the reader's seen_event_id, which
 * is what the unread counts and the navigation badges measure.
 */
#include <string.h>
#include <time.h>

#include "app.h"

#define MESSAGE_MAX	5000		/* code points, like a job note */

static const char *
when(struct req *r, const char *zone, const char *utc)
{
	time_t	 t;

	return tz_parse_utc(utc, &t) ? job_when(r, zone, t) : utc;
}

static const char *
zone_of(struct req *r)
{
	struct doc_defaults	 dd;

	return db_doc_defaults_get(r, &dd) == DB_OK ? dd.timezone : "UTC";
}

/* <list>.N of a conversation for the customer; returns the newest id. */
static int64_t
put_thread(struct req *r, const char *list, const struct message *m, size_t n,
    const char *zone)
{
	const char	*p;
	size_t		 i;
	int64_t		 newest = 0;

	for (i = 0; i < n; i++) {
		p = arena_printf(r->arena, "%s.%zu", list, i);
		hdf_set(r, arena_printf(r->arena, "%s.Body", p), m[i].body);
		hdf_set(r, arena_printf(r->arena, "%s.When", p),
		    when(r, zone, m[i].created_at));
		hdf_set(r, arena_printf(r->arena, "%s.Mine", p),
		    m[i].from_customer ? "1" : "");
		hdf_set(r, arena_printf(r->arena, "%s.Who", p), m[i].from_customer ?
		    m[i].person_name : *m[i].user_name ? arena_printf(r->arena,
		    "%s, %s", m[i].user_name, r->portal.company_name ?
		    r->portal.company_name : "") : r->portal.company_name);
		hdf_set(r, arena_printf(r->arena, "%s.Note", p),
		    strcmp(m[i].kind, "note") == 0 ? "1" : "");
		hdf_set(r, arena_printf(r->arena, "%s.Unread", p),
		    m[i].unread ? "1" : "");
		if (m[i].document_id)
			hdf_set(r, arena_printf(r->arena, "%s.DocHref", p),
			    arena_printf(r->arena, "/portal/documents/%lld",
			    (long long)m[i].document_id));
		if (m[i].id > newest)
			newest = m[i].id;
	}
	return newest;
}

/* Mark what the person just read. */
static void
seen(struct req *r, int64_t newest)
{
	if (newest == 0 || r->method != METHOD_GET || db_begin(r) != DB_OK)
		return;
	if (db_message_person_seen(r, r->portal.person_id, newest) != DB_OK ||
	    db_commit(r) != DB_OK)
		db_rollback(r);
}

/*
 * Conversation.* for the portal document page (templates/portal/
 * doc_messages.cs): the job's conversation and the note form of the
 * document.  Marks it read.
 */
void
messages_doc_put(struct req *r, int64_t job_id, int64_t document_id)
{
	struct message	*m;
	size_t		 n;

	hdf_set(r, "Conversation.OnDoc", "1");
	hdf_set(r, "Conversation.Action", arena_printf(r->arena,
	    "/portal/documents/%lld/notes", (long long)document_id));
	hdf_set(r, "Conversation.Href", arena_printf(r->arena,
	    "/portal/messages/%lld", (long long)job_id));
	if (db_message_thread(r, job_id, r->portal.customer_id,
	    r->portal.person_id, &m, &n) != DB_OK)
		return;
	seen(r, put_thread(r, "Conversation.Entries", m, n, zone_of(r)));
}

/* GET /portal/messages */
int
messages_index(struct req *r)
{
	struct thread	*t;
	const char	*p, *zone = zone_of(r);
	size_t		 i, n;

	if (db_message_threads(r, r->portal.customer_id, r->portal.person_id,
	    &t, &n) != DB_OK)
		return HTTP_500;
	for (i = 0; i < n; i++) {
		p = arena_printf(r->arena, "Threads.%zu", i);
		hdf_set(r, arena_printf(r->arena, "%s.Href", p), arena_printf(
		    r->arena, "/portal/messages/%lld", (long long)t[i].job_id));
		hdf_set_int(r, arena_printf(r->arena, "%s.Number", p),
		    t[i].job_number);
		hdf_set(r, arena_printf(r->arena, "%s.Title", p), t[i].job_title);
		hdf_set_int(r, arena_printf(r->arena, "%s.Count", p), t[i].count);
		hdf_set_int(r, arena_printf(r->arena, "%s.Unread", p),
		    t[i].unread);
		hdf_set(r, arena_printf(r->arena, "%s.When", p),
		    when(r, zone, t[i].last_at));
	}
	portal_page(r);
	hdf_set(r, "Page.Title", "Messages");
	hdf_set(r, "Page.Nav", "messages");
	return render(r, "portal/messages.cs");
}

static int
thread_page(struct req *r, int64_t job_id, int status)
{
	struct thread	*t;
	struct message	*m;
	size_t		 i, n, nm;
	int64_t		 newest;

	if (db_message_threads(r, r->portal.customer_id, r->portal.person_id,
	    &t, &n) != DB_OK)
		return HTTP_500;
	for (i = 0; i < n && t[i].job_id != job_id; i++)
		;
	if (i == n)
		return HTTP_404;
	if (db_message_thread(r, job_id, r->portal.customer_id,
	    r->portal.person_id, &m, &nm) != DB_OK)
		return HTTP_500;
	newest = put_thread(r, "Conversation.Entries", m, nm, zone_of(r));
	hdf_set_int(r, "Thread.Number", t[i].job_number);
	hdf_set(r, "Thread.Title", t[i].job_title);
	hdf_set(r, "Conversation.Action", arena_printf(r->arena,
	    "/portal/messages/%lld", (long long)job_id));
	if (status == HTTP_200)
		seen(r, newest);
	portal_page(r);
	hdf_set(r, "Page.Title", arena_printf(r->arena, "Messages about %s",
	    t[i].job_title));
	hdf_set(r, "Page.Nav", "messages");
	return render_as(r, "portal/messages_show.cs", status);
}

/* GET /portal/messages/:job_id */
int
messages_show(struct req *r)
{
	int64_t	 job_id;

	if (!route_id(r, "job_id", &job_id))
		return HTTP_404;
	return thread_page(r, job_id, HTTP_200);
}

/* The note of the form, or NULL with its message set (422). */
static const char *
note_read(struct req *r)
{
	const char	*body = str_trim(r->arena, req_field(r, "note"));

	if (form_error(r, "note", valid_text(body, 1, MESSAGE_MAX))) {
		hdf_set(r, "Form.Values.note", req_field(r, "note"));
		return NULL;
	}
	return body;
}

static int
note_add(struct req *r, int64_t job_id, int64_t doc_id, const char *body)
{
	int	 rc;

	if (db_begin(r) != DB_OK)
		return HTTP_500;
	if ((rc = portal_note_add(r, job_id, doc_id, body)) != DB_OK ||
	    db_commit(r) != DB_OK) {
		db_rollback(r);
		return rc == DB_NONE ? HTTP_404 : HTTP_500;
	}
	flash(r, "message_sent");
	return 0;
}

/* POST /portal/messages/:job_id (note) */
int
messages_create(struct req *r)
{
	struct thread	*t;
	const char	*body;
	int64_t		 job_id;
	size_t		 i, n;
	int		 st;

	if (!route_id(r, "job_id", &job_id))
		return HTTP_404;
	if (db_message_threads(r, r->portal.customer_id, r->portal.person_id,
	    &t, &n) != DB_OK)
		return HTTP_500;
	for (i = 0; i < n && t[i].job_id != job_id; i++)
		;
	if (i == n)
		return HTTP_404;
	if ((body = note_read(r)) == NULL)
		return thread_page(r, job_id, HTTP_422);
	if ((st = note_add(r, job_id, 0, body)) != 0)
		return st;
	return redirect(r, arena_printf(r->arena, "/portal/messages/%lld#latest",
	    (long long)job_id));
}

/* POST /portal/documents/:id/notes (note): back to the document. */
int
portal_doc_notes_create(struct req *r)
{
	const char	*body;
	int64_t		 id, job_id;
	int		 st;

	if (!route_id(r, "id", &id))
		return HTTP_404;
	if ((st = portal_doc_allowed(r, id, NULL)) != 0)
		return st;
	switch (db_message_doc_job(r, id, r->portal.customer_id, &job_id)) {
	case DB_OK:
		break;
	case DB_NONE:
		return HTTP_404;
	default:
		return HTTP_500;
	}
	if ((body = note_read(r)) == NULL) {
		/* Short of the whole page: say it where the form is. */
		flash(r, "message_empty");
		return redirect(r, arena_printf(r->arena,
		    "/portal/documents/%lld#messages", (long long)id));
	}
	if ((st = note_add(r, job_id, id, body)) != 0)
		return st;
	return redirect(r, arena_printf(r->arena,
	    "/portal/documents/%lld#messages", (long long)id));
}

/* GET /app/inbox: customers' messages, newest first; opening it reads them. */
int
inbox_index(struct req *r)
{
	struct message	*m;
	const char	*p, *zone = zone_of(r);
	size_t		 i, n;
	int64_t		 newest = 0;

	if (db_message_inbox(r, r->sess.user_id, &m, &n) != DB_OK)
		return HTTP_500;
	for (i = 0; i < n; i++) {
		p = arena_printf(r->arena, "Inbox.%zu", i);
		hdf_set(r, arena_printf(r->arena, "%s.Who", p), m[i].person_name);
		hdf_set(r, arena_printf(r->arena, "%s.Customer", p),
		    m[i].customer_name);
		hdf_set(r, arena_printf(r->arena, "%s.Body", p), m[i].body);
		hdf_set(r, arena_printf(r->arena, "%s.Kind", p), m[i].kind);
		hdf_set(r, arena_printf(r->arena, "%s.When", p),
		    when(r, zone, m[i].created_at));
		hdf_set(r, arena_printf(r->arena, "%s.Unread", p),
		    m[i].unread ? "1" : "");
		hdf_set(r, arena_printf(r->arena, "%s.JobHref", p), arena_printf(
		    r->arena, "/app/jobs/%lld#history", (long long)m[i].job_id));
		hdf_set(r, arena_printf(r->arena, "%s.Job", p), arena_printf(
		    r->arena, "Job #%lld %s", (long long)m[i].job_number,
		    m[i].job_title));
		if (m[i].doc_kind != DOC__MAX) {
			hdf_set(r, arena_printf(r->arena, "%s.DocHref", p),
			    doc_href(r, m[i].doc_kind, m[i].document_id, ""));
			hdf_set(r, arena_printf(r->arena, "%s.Doc", p),
			    arena_printf(r->arena, "%s #%lld", m[i].doc_kind ==
			    DOC_INVOICE ? "Invoice" : "Estimate",
			    (long long)m[i].doc_number));
		}
		if (m[i].id > newest)
			newest = m[i].id;
	}
	/* Read now: the badge of this very page already counts none. */
	if (newest > 0 && db_begin(r) == DB_OK) {
		if (db_alert_user_seen(r, r->sess.user_id, newest) != DB_OK ||
		    db_commit(r) != DB_OK)
			db_rollback(r);
		else
			r->sess.unread = 0;
	}
	hdf_set(r, "Page.Title", "Inbox");
	hdf_set(r, "Page.Nav", "inbox");
	return render(r, "app/inbox.cs");
}
