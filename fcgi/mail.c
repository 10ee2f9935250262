/*
 * Alerts (F8): render templates/mail/<kind>.* with the request's data and
 * the company's contact details, and queue the message in the outbox within
 * the caller's transaction.  Delivery is deliver.c's business.
 */
#include <string.h>

#include "app.h"

/*
 * Queue mail of kind to to_addr.  The caller has set Mail.* in the HDF and
 * holds the transaction; the company is the session's.
 */
int
mail_queue(struct req *r, const char *kind, const char *to_addr,
    const char *to_name)
{
	struct company	 c;
	struct outmail	 m;
	int		 rc;

	if ((rc = db_company_get(r, &c)) != DB_OK)
		return rc == DB_NONE ? DB_ERR : rc;
	hdf_put_company(r, &c);
	hdf_set(r, "Mail.To", to_name && *to_name ? to_name : to_addr);
	memset(&m, 0, sizeof(m));
	if (render_mail(r, kind, &m) == -1)
		return DB_ERR;
	m.kind = kind;
	m.to_addr = to_addr;
	m.to_name = to_name ? to_name : "";
	m.from_name = arena_printf(r->arena, "%s via Plumbline", c.name);
	m.reply_to = c.email;
	m.unsubscribe = hdf_get(r, "Mail.Unsubscribe");
	if (r->attach != NULL) {
		/* mail_attach's file goes with this one mail only. */
		m.attach_name = r->attach->attach_name;
		m.attach_type = r->attach->attach_type;
		m.attach_data = r->attach->attach_data;
		m.attach_len = r->attach->attach_len;
		r->attach = NULL;
	}
	return db_outbox_insert(r, &m);
}
