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
	{ METHOD_POST, "/app/account/alerts",	account_alerts_update,	ACCESS_FIELD },
	{ METHOD_GET,  "/app/inbox",		inbox_index,		ACCESS_OFFICE },
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
	{ METHOD_GET,  "/app/estimates/:id/pdf", estimates_pdf,	ACCESS_OFFICE },
	{ METHOD_POST, "/app/estimates/:id/send", estimates_send,	ACCESS_OFFICE },
	{ METHOD_POST, "/app/estimates/:id/display", estimates_display,	ACCESS_OFFICE },
	{ METHOD_POST, "/app/estimates/:id/share", estimates_share,	ACCESS_OFFICE },
	{ METHOD_POST, "/app/estimates/:id/links/revoke", estimates_links_revoke, ACCESS_OFFICE },
	{ METHOD_POST, "/app/estimates/:id/approve", estimates_approve,	ACCESS_OFFICE },
	{ METHOD_POST, "/app/estimates/:id/decline", estimates_decline,	ACCESS_OFFICE },
	{ METHOD_POST, "/app/estimates/:id/invoice", estimates_invoice,	ACCESS_OFFICE },
	{ METHOD_POST, "/app/estimates/:id/payments", payments_estimate_create, ACCESS_OFFICE },
	{ METHOD_POST, "/app/estimates/:id/revise", estimates_revise,	ACCESS_OFFICE },
	{ METHOD_GET,  "/app/estimates/:id/compare", estimates_compare,	ACCESS_OFFICE },
	{ METHOD_GET,  "/app/invoices",		invoices_index,		ACCESS_OFFICE },
	{ METHOD_POST, "/app/invoices",		invoices_create,	ACCESS_OFFICE },
	{ METHOD_GET,  "/app/invoices/new",	invoices_new,		ACCESS_OFFICE },
	{ METHOD_GET,  "/app/jobs/:id/invoices/new", invoices_new,	ACCESS_OFFICE },
	{ METHOD_GET,  "/app/invoices/:id",	invoices_show,		ACCESS_OFFICE },
	{ METHOD_POST, "/app/invoices/:id",	invoices_update,	ACCESS_OFFICE },
	{ METHOD_GET,  "/app/invoices/:id/edit", invoices_edit,		ACCESS_OFFICE },
	{ METHOD_GET,  "/app/invoices/:id/pdf", invoices_pdf,		ACCESS_OFFICE },
	{ METHOD_POST, "/app/invoices/:id/send", invoices_send,		ACCESS_OFFICE },
	{ METHOD_POST, "/app/invoices/:id/display", invoices_display,	ACCESS_OFFICE },
	{ METHOD_POST, "/app/invoices/:id/share", invoices_share,	ACCESS_OFFICE },
	{ METHOD_POST, "/app/invoices/:id/links/revoke", invoices_links_revoke, ACCESS_OFFICE },
	{ METHOD_POST, "/app/invoices/:id/void", invoices_void,		ACCESS_OFFICE },
	{ METHOD_POST, "/app/invoices/:id/payments", payments_invoice_create, ACCESS_OFFICE },
	{ METHOD_GET,  "/app/settings/documents", doc_settings_edit,	ACCESS_OFFICE },
	{ METHOD_POST, "/app/settings/documents", doc_settings_update,	ACCESS_OWNER },
	/* The customer portal: sign-in, sessions, dashboard (portal_*.c). */
	{ METHOD_GET,  "/portal/",		portal_home,		ACCESS_PORTAL_FULL },
	{ METHOD_GET,  "/portal/login",		portal_login_new,	ACCESS_PORTAL_GUEST },
	{ METHOD_POST, "/portal/login",		portal_login_create,	ACCESS_PORTAL_GUEST },
	{ METHOD_POST, "/portal/login/link",	portal_login_link,	ACCESS_PORTAL_GUEST },
	/* Public: a link signs in whoever holds it, even over another portal session. */
	{ METHOD_GET,  "/portal/l/:token",	portal_link_show,	ACCESS_PUBLIC },
	{ METHOD_POST, "/portal/l/:token",	portal_link_spend,	ACCESS_PUBLIC },
	{ METHOD_GET,  "/portal/verify",	portal_verify_new,	ACCESS_PORTAL },
	{ METHOD_POST, "/portal/verify",	portal_verify_check,	ACCESS_PORTAL },
	{ METHOD_POST, "/portal/verify/send",	portal_verify_send,	ACCESS_PORTAL },
	{ METHOD_GET,  "/portal/logout",	portal_logout_confirm,	ACCESS_PORTAL },
	{ METHOD_POST, "/portal/logout",	portal_logout,		ACCESS_PORTAL },
	/* The same file as /app/logo: the company is the portal session's. */
	{ METHOD_GET,  "/portal/logo",		settings_logo_show,	ACCESS_PORTAL },
	{ METHOD_GET,  "/portal/settings",	portal_settings,	ACCESS_PORTAL_FULL },
	{ METHOD_POST, "/portal/settings/password", portal_password_update, ACCESS_PORTAL_FULL },
	{ METHOD_POST, "/portal/sessions/end-others", portal_sessions_end_others, ACCESS_PORTAL_FULL },
	{ METHOD_POST, "/portal/sessions/:id/end", portal_session_end,	ACCESS_PORTAL_FULL },
	/* The customer's side of a document: versions, compare, approve (portal_docs.c). */
	{ METHOD_GET,  "/portal/documents/:id",	portal_doc_show,	ACCESS_PORTAL },
	{ METHOD_GET,  "/portal/documents/:id/pdf", portal_doc_pdf,	ACCESS_PORTAL },
	{ METHOD_GET,  "/portal/documents/:id/compare", portal_doc_compare, ACCESS_PORTAL },
	{ METHOD_POST, "/portal/documents/:id/approve", portal_doc_approve, ACCESS_PORTAL },
	{ METHOD_POST, "/portal/documents/:id/revision", portal_doc_revision, ACCESS_PORTAL },
	{ METHOD_POST, "/portal/documents/:id/dispute", portal_doc_dispute, ACCESS_PORTAL },
	/* Sharing, the conversation, alerts and their preferences (shares.c, messages.c, alerts.c). */
	{ METHOD_GET,  "/portal/messages",	messages_index,		ACCESS_PORTAL_FULL },
	{ METHOD_GET,  "/portal/messages/:job_id", messages_show,	ACCESS_PORTAL_FULL },
	{ METHOD_POST, "/portal/messages/:job_id", messages_create,	ACCESS_PORTAL_FULL },
	{ METHOD_POST, "/portal/documents/:id/notes", portal_doc_notes_create, ACCESS_PORTAL },
	{ METHOD_POST, "/portal/settings/alerts", portal_alerts_update,	ACCESS_PORTAL_FULL },
	/* Public: the token alone names whose alert it turns off. */
	{ METHOD_GET,  "/u/:token",		unsubscribe_show,	ACCESS_PUBLIC },
	{ METHOD_POST, "/u/:token",		unsubscribe_update,	ACCESS_PUBLIC },
	{ METHOD_GET,  "/d/:token",		doc_verify_show,	ACCESS_PUBLIC },
	{ METHOD_GET,  "/dev/mail",		dev_mail_index,		ACCESS_PUBLIC },
	{ METHOD_GET,  "/dev/mail/:name",	dev_mail_show,		ACCESS_PUBLIC },
	{ METHOD_GET,  "/dev/sleep",		dev_sleep,		ACCESS_PUBLIC },
#ifdef PLUMBLINE_BENCH	/* `make bench` only: see bench.c */
	{ METHOD_GET,  "/bench/bare",		bench_bare,		ACCESS_PUBLIC },
#endif
};

#define NROUTES	(sizeof(routes) / sizeof(routes[0]))

static const char *
login_url(struct req *r)
{
	return arena_printf(r->arena, "/login?next=%s", url_encode(r->arena,
	    r->path));
}

static const char *
portal_login_url(struct req *r)
{
	return arena_printf(r->arena, "/portal/login?next=%s",
	    url_encode(r->arena, r->path));
}

static const char *
portal_verify_url(struct req *r)
{
	return arena_printf(r->arena, "/portal/verify?next=%s",
	    url_encode(r->arena, r->path));
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
	/* The portal and the back office are two sign-ins that never mix. */
	if ((rt->access >= ACCESS_PORTAL_GUEST ? portal_load(r) :
	    session_load(r)) == -1)
		return HTTP_503;
	/* A mail client's RFC 8058 one-click unsubscribe carries no CSRF
	 * token; its unguessable /u/ token is the whole authority. */
	if (r->method == METHOD_POST && !csrf_valid(r) &&
	    !(rt->fn == unsubscribe_update && strcmp(req_field(r,
	    "List-Unsubscribe"), "One-Click") == 0))
		return HTTP_403;
	switch (rt->access) {
	case ACCESS_PUBLIC:
		break;
	case ACCESS_GUEST:
		if (r->sess.valid)
			return redirect(r, "/app/");
		break;
	case ACCESS_PORTAL_GUEST:
		if (r->portal.valid)
			return redirect(r, "/portal/");
		break;
	case ACCESS_PORTAL:
	case ACCESS_PORTAL_FULL:
		if (!r->portal.valid)
			return r->method == METHOD_POST ? HTTP_403 :
			    redirect(r, portal_login_url(r));
		if (!portal_allows(r, rt->access))
			return r->method == METHOD_POST ? HTTP_403 :
			    redirect(r, portal_verify_url(r));
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
	    "office", "owner", "portal-guest", "portal", "portal-full" };
	size_t	 i;

	for (i = 0; i < NROUTES; i++)
		printf("%s\t%s\t%s\n", methods[routes[i].method],
		    routes[i].pattern, access[routes[i].access]);
}
