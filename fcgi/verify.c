/*
 * GET /d/<token>: the public page a document's QR code opens.  It tells
 * whoever holds the paper whether it is genuine and still current (number,
 * version, total, paid, balance, status; replaced or voided), and offers the
 * customer portal for approving or paying.  Nothing personal is shown: the
 * token is a read-only capability, not a sign-in.
 *
 * This is the one intended cross-company look-up (by token, in db_pdf.c);
 * the session's company is then the document's, so every later statement is
 * scoped to it as usual.  Unknown and malformed tokens and drafts are 404.
 */
#include <string.h>

#include "app.h"

int
doc_verify_show(struct req *r)
{
	const char		*tok = params_get(&r->route_args, "token");
	struct doc_defaults	 dd;
	struct doc_seal		 s;
	struct company		 c;
	struct arena		*a = r->arena;
	const char		*label;

	req_header(r, "Referrer-Policy", "no-referrer");
	req_header(r, "X-Robots-Tag", "noindex, nofollow");
	if (!token_shaped(tok))
		return HTTP_404;
	switch (db_doc_token_find(r, tok, &s)) {
	case DB_OK:
		break;
	case DB_NONE:
		return HTTP_404;
	default:
		return HTTP_500;
	}
	r->sess.company_id = s.company_id;
	if (db_company_get(r, &c) != DB_OK ||
	    db_doc_defaults_get(r, &dd) != DB_OK ||
	    db_doc_latest(r, &s) != DB_OK)
		return HTTP_500;
	label = s.kind == DOC_INVOICE ? "Invoice" : "Estimate";
	hdf_set(r, "Verify.Company", c.name);
	hdf_set(r, "Verify.Kind", doc_kind_name(s.kind));
	hdf_set(r, "Verify.KindLabel", label);
	hdf_set_int(r, "Verify.Number", s.number);
	hdf_set_int(r, "Verify.Revision", s.revision);
	hdf_set(r, "Verify.IssuedOn", lines_date_label(a, s.issued_on));
	hdf_set(r, "Verify.Status", doc_status_name(s.status));
	hdf_set(r, "Verify.StatusLabel", doc_status_label(s.status));
	hdf_set(r, "Verify.Total", money_format(a, s.total_cents, dd.currency));
	hdf_set(r, "Verify.Paid", money_format(a, s.paid_cents, dd.currency));
	hdf_set(r, "Verify.Balance", money_format(a, s.status == DOCST_VOID ?
	    0 : s.total_cents - s.paid_cents, dd.currency));
	if (s.status == DOCST_VOID)
		hdf_set(r, "Verify.State", "void");
	else if (s.latest_revision > s.revision ||
	    s.status == DOCST_SUPERSEDED) {
		hdf_set(r, "Verify.State", "replaced");
		hdf_set_int(r, "Verify.LatestRevision", s.latest_revision);
		hdf_set(r, "Verify.LatestOn", lines_date_label(a, s.latest_at));
	} else
		hdf_set(r, "Verify.State", "current");
	hdf_set(r, "Verify.PortalHref", arena_printf(a,
	    "/portal/documents/%lld", (long long)s.id));
	hdf_set(r, "Page.Title", arena_printf(a, "%s #%lld · %s", label,
	    (long long)s.number, c.name));
	hdf_set(r, "Page.Layout", "layout/public.cs");
	return render(r, "public/verify.cs");
}
