/*
 * The route table — every URL of the product, with the access it needs —
 * and dispatch: match, load the session, enforce access and CSRF, call the
 * handler.  Adding a page means adding a row.
 */
#include <stdio.h>
#include <string.h>

#include "app.h"

static const struct route routes[] = {
	{ METHOD_GET,  "/",			home,			ACCESS_PUBLIC },
	{ METHOD_GET,  "/app",			home,			ACCESS_PUBLIC },
	{ METHOD_GET,  "/healthz",		health,			ACCESS_PUBLIC },
	{ METHOD_GET,  "/signup",		auth_signup_new,	ACCESS_GUEST },
	{ METHOD_POST, "/signup",		auth_signup_create,	ACCESS_GUEST },
	{ METHOD_GET,  "/login",		auth_login_new,		ACCESS_GUEST },
	{ METHOD_POST, "/login",		auth_login_create,	ACCESS_GUEST },
	{ METHOD_GET,  "/logout",		auth_logout_confirm,	ACCESS_PUBLIC },
	{ METHOD_POST, "/logout",		auth_logout,		ACCESS_PUBLIC },
	{ METHOD_GET,  "/password/forgot",	password_forgot_new,	ACCESS_GUEST },
	{ METHOD_POST, "/password/forgot",	password_forgot_create,	ACCESS_GUEST },
	{ METHOD_GET,  "/password/reset",	password_reset_edit,	ACCESS_PUBLIC },
	{ METHOD_POST, "/password/reset",	password_reset_update,	ACCESS_PUBLIC },
	{ METHOD_GET,  "/invite",		invite_edit,		ACCESS_PUBLIC },
	{ METHOD_POST, "/invite",		invite_update,		ACCESS_PUBLIC },
	{ METHOD_GET,  "/app/",			dashboard_show,		ACCESS_FIELD },
	{ METHOD_GET,  "/app/staff",		staff_index,		ACCESS_OFFICE },
	{ METHOD_POST, "/app/staff/invite",	staff_invite,		ACCESS_OWNER },
	{ METHOD_POST, "/app/staff/:id/role",	staff_role,		ACCESS_OWNER },
	{ METHOD_POST, "/app/staff/:id/remove",	staff_remove,		ACCESS_OWNER },
	{ METHOD_GET,  "/app/settings",		settings_edit,		ACCESS_OFFICE },
	{ METHOD_POST, "/app/settings",		settings_update,	ACCESS_OWNER },
	{ METHOD_POST, "/app/settings/logo",	settings_logo,		ACCESS_OWNER },
	{ METHOD_GET,  "/app/logo",		settings_logo_show,	ACCESS_FIELD },
	{ METHOD_GET,  "/app/account",		account_edit,		ACCESS_FIELD },
	{ METHOD_POST, "/app/account",		account_update,		ACCESS_FIELD },
	{ METHOD_GET,  "/app/customers",	customers_index,	ACCESS_FIELD },
	{ METHOD_POST, "/app/customers",	customers_create,	ACCESS_OFFICE },
	{ METHOD_GET,  "/app/customers.csv",	customers_export,	ACCESS_OFFICE },
	{ METHOD_GET,  "/app/customers/new",	customers_new,		ACCESS_OFFICE },
	{ METHOD_GET,  "/app/customers/import",	customers_import_new,	ACCESS_OFFICE },
	{ METHOD_POST, "/app/customers/import",	customers_import_upload, ACCESS_OFFICE },
	{ METHOD_POST, "/app/customers/import/map", customers_import_map, ACCESS_OFFICE },
	{ METHOD_POST, "/app/customers/import/preview", customers_import_preview, ACCESS_OFFICE },
	{ METHOD_POST, "/app/customers/import/run", customers_import_run, ACCESS_OFFICE },
	{ METHOD_GET,  "/app/customers/:id",	customers_show,		ACCESS_FIELD },
	{ METHOD_POST, "/app/customers/:id",	customers_update,	ACCESS_OFFICE },
	{ METHOD_GET,  "/app/customers/:id/edit", customers_edit,	ACCESS_OFFICE },
	{ METHOD_POST, "/app/customers/:id/delete", customers_delete,	ACCESS_OFFICE },
	{ METHOD_POST, "/app/customers/:id/contacts", contacts_create,	ACCESS_OFFICE },
	{ METHOD_GET,  "/app/customers/:id/properties/new", properties_new, ACCESS_OFFICE },
	{ METHOD_POST, "/app/customers/:id/properties", properties_create, ACCESS_OFFICE },
	{ METHOD_GET,  "/app/properties/:id/edit", properties_edit,	ACCESS_OFFICE },
	{ METHOD_POST, "/app/properties/:id",	properties_update,	ACCESS_OFFICE },
	{ METHOD_POST, "/app/properties/:id/delete", properties_delete,	ACCESS_OFFICE },
	{ METHOD_POST, "/app/contacts/:id/delete", contacts_delete,	ACCESS_OFFICE },
	{ METHOD_GET,  "/app/jobs",		jobs_index,		ACCESS_FIELD },
	{ METHOD_POST, "/app/jobs",		jobs_create,		ACCESS_OFFICE },
	{ METHOD_GET,  "/app/jobs/new",		jobs_new,		ACCESS_OFFICE },
	{ METHOD_GET,  "/app/jobs/:id",		jobs_show,		ACCESS_FIELD },
	{ METHOD_POST, "/app/jobs/:id",		jobs_update,		ACCESS_OFFICE },
	{ METHOD_GET,  "/app/jobs/:id/edit",	jobs_edit,		ACCESS_OFFICE },
	{ METHOD_POST, "/app/jobs/:id/status",	jobs_status,		ACCESS_OFFICE },
	{ METHOD_POST, "/app/jobs/:id/notes",	jobs_note,		ACCESS_OFFICE },
	{ METHOD_POST, "/app/jobs/:id/visits",	visits_create,		ACCESS_OFFICE },
	{ METHOD_POST, "/app/jobs/:id/stages",	stages_create,		ACCESS_OFFICE },
	{ METHOD_GET,  "/app/visits/:id",	visits_edit,		ACCESS_OFFICE },
	{ METHOD_POST, "/app/visits/:id",	visits_update,		ACCESS_OFFICE },
	{ METHOD_POST, "/app/visits/:id/done",	visits_done,		ACCESS_OFFICE },
	{ METHOD_POST, "/app/visits/:id/cancel", visits_cancel,		ACCESS_OFFICE },
	{ METHOD_GET,  "/app/stages/:id",	stages_edit,		ACCESS_OFFICE },
	{ METHOD_POST, "/app/stages/:id",	stages_update,		ACCESS_OFFICE },
	{ METHOD_POST, "/app/stages/:id/status", stages_status,		ACCESS_OFFICE },
	{ METHOD_POST, "/app/stages/:id/up",	stages_up,		ACCESS_OFFICE },
	{ METHOD_POST, "/app/stages/:id/down",	stages_down,		ACCESS_OFFICE },
	{ METHOD_POST, "/app/stages/:id/delete", stages_delete,		ACCESS_OFFICE },
	{ METHOD_GET,  "/app/schedule",		schedule_show,		ACCESS_FIELD },
	{ METHOD_GET,  "/app/price-book",	price_book_index,	ACCESS_OFFICE },
	{ METHOD_POST, "/app/price-book",	price_book_create,	ACCESS_OFFICE },
	{ METHOD_GET,  "/app/price-book/new",	price_book_new,		ACCESS_OFFICE },
	{ METHOD_POST, "/app/price-book/:id",	price_book_update,	ACCESS_OFFICE },
	{ METHOD_GET,  "/app/price-book/:id/edit", price_book_edit,	ACCESS_OFFICE },
	{ METHOD_POST, "/app/price-book/:id/archive", price_book_archive, ACCESS_OFFICE },
	{ METHOD_POST, "/app/price-book/:id/restore", price_book_restore, ACCESS_OFFICE },
	{ METHOD_GET,  "/app/estimates",	estimates_index,	ACCESS_OFFICE },
	{ METHOD_POST, "/app/estimates",	estimates_create,	ACCESS_OFFICE },
	{ METHOD_GET,  "/app/estimates/new",	estimates_new,		ACCESS_OFFICE },
	{ METHOD_GET,  "/app/jobs/:id/estimates/new", estimates_new,	ACCESS_OFFICE },
	{ METHOD_GET,  "/app/estimates/:id",	estimates_show,		ACCESS_OFFICE },
	{ METHOD_POST, "/app/estimates/:id",	estimates_update,	ACCESS_OFFICE },
	{ METHOD_GET,  "/app/estimates/:id/edit", estimates_edit,	ACCESS_OFFICE },
	{ METHOD_POST, "/app/estimates/:id/send", estimates_send,	ACCESS_OFFICE },
	{ METHOD_POST, "/app/estimates/:id/approve", estimates_approve,	ACCESS_OFFICE },
	{ METHOD_POST, "/app/estimates/:id/decline", estimates_decline,	ACCESS_OFFICE },
	{ METHOD_POST, "/app/estimates/:id/invoice", estimates_invoice,	ACCESS_OFFICE },
	{ METHOD_POST, "/app/estimates/:id/payments", payments_estimate_create, ACCESS_OFFICE },
	{ METHOD_GET,  "/app/invoices",		invoices_index,		ACCESS_OFFICE },
	{ METHOD_POST, "/app/invoices",		invoices_create,	ACCESS_OFFICE },
	{ METHOD_GET,  "/app/invoices/new",	invoices_new,		ACCESS_OFFICE },
	{ METHOD_GET,  "/app/jobs/:id/invoices/new", invoices_new,	ACCESS_OFFICE },
	{ METHOD_GET,  "/app/invoices/:id",	invoices_show,		ACCESS_OFFICE },
	{ METHOD_POST, "/app/invoices/:id",	invoices_update,	ACCESS_OFFICE },
	{ METHOD_GET,  "/app/invoices/:id/edit", invoices_edit,		ACCESS_OFFICE },
	{ METHOD_POST, "/app/invoices/:id/send", invoices_send,		ACCESS_OFFICE },
	{ METHOD_POST, "/app/invoices/:id/void", invoices_void,		ACCESS_OFFICE },
	{ METHOD_POST, "/app/invoices/:id/payments", payments_invoice_create, ACCESS_OFFICE },
	{ METHOD_GET,  "/app/settings/documents", doc_settings_edit,	ACCESS_OFFICE },
	{ METHOD_POST, "/app/settings/documents", doc_settings_update,	ACCESS_OWNER },
	{ METHOD_GET,  "/dev/mail",		dev_mail_index,		ACCESS_PUBLIC },
	{ METHOD_GET,  "/dev/mail/:name",	dev_mail_show,		ACCESS_PUBLIC },
	{ METHOD_GET,  "/dev/sleep",		dev_sleep,		ACCESS_PUBLIC },
};

#define NROUTES	(sizeof(routes) / sizeof(routes[0]))

static const char *
login_url(struct req *r)
{
	return arena_printf(r->arena, "/login?next=%s", url_encode(r->arena,
	    r->path));
}

int
route_dispatch(struct req *r)
{
	const struct route	*rt;
	unsigned		 allowed;

	if ((rt = route_match(r, routes, NROUTES, &allowed)) == NULL) {
		if (allowed == 0)	/* an unknown method anywhere is 405 */
			return r->method == METHOD__MAX ? HTTP_405 : HTTP_404;
		req_header(r, "Allow", arena_printf(r->arena, "%s%s%s",
		    allowed & (1U << METHOD_GET) ? "GET, HEAD" : "",
		    (allowed & (1U << METHOD_GET)) &&
		    (allowed & (1U << METHOD_POST)) ? ", " : "",
		    allowed & (1U << METHOD_POST) ? "POST" : ""));
		return HTTP_405;
	}
	r->route = rt->pattern;
	if (session_load(r) == -1)
		return HTTP_503;
	if (r->method == METHOD_POST && !csrf_valid(r))
		return HTTP_403;
	switch (rt->access) {
	case ACCESS_PUBLIC:
		break;
	case ACCESS_GUEST:
		if (r->sess.valid)
			return redirect(r, "/app/");
		break;
	default:
		if (!r->sess.valid)
			return r->method == METHOD_POST ? HTTP_403 :
			    redirect(r, login_url(r));
		if (!session_allows(r, rt->access))
			return HTTP_403;
	}
	return rt->fn(r);
}

/* `plumbline routes`: the table as text, so tests cover every route it has. */
void
routes_print(void)
{
	static const char *const methods[] = { "GET", "HEAD", "POST" };
	static const char *const access[] = { "public", "guest", "field",
	    "office", "owner" };
	size_t	 i;

	for (i = 0; i < NROUTES; i++)
		printf("%s\t%s\t%s\n", methods[routes[i].method],
		    routes[i].pattern, access[routes[i].access]);
}
