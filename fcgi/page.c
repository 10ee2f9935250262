/*
 * What a page shows besides its own data: submitted values kept when a form
 * comes back with errors, messages next to fields, the choices of selects,
 * and one-shot flash messages carried across a redirect by a cookie that
 * holds a code, never text.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"

static const struct {
	const char	*code;
	const char	*kind;
	const char	*text;
} flashes[] = {
	{ "welcome",	"ok", "Welcome to Plumbline! Your company is ready." },
	{ "joined",	"ok", "Welcome aboard! You're signed in." },
	{ "signed_out",	"ok", "You're signed out." },
	{ "reset_done",	"ok", "Your password was changed. Sign in with the new one." },
	{ "invited",	"ok", "Invitation sent." },
	{ "role_saved",	"ok", "Role updated." },
	{ "removed",	"ok", "Access removed." },
	{ "saved",	"ok", "Changes saved." },
	{ "logo_saved",	"ok", "Logo updated." },
	{ "password_changed", "ok", "Password changed. Your other sessions were signed out." },
	{ "last_owner",	"error", "A company needs at least one owner." },
	{ "not_self",	"error", "You can't change your own access here." },
	{ "job_created", "ok", "Job created." },
	{ "job_saved", "ok", "Job saved." },
	{ "job_status", "ok", "Job status changed." },
	{ "note_added", "ok", "Note added to the history." },
	{ "visit_added", "ok", "Visit scheduled." },
	{ "visit_saved", "ok", "Visit saved." },
	{ "visit_done", "ok", "Visit marked done." },
	{ "visit_cancelled", "ok", "Visit cancelled." },
	{ "visit_closed", "error", "This visit is already done or cancelled." },
	{ "stage_added", "ok", "Stage added." },
	{ "stage_saved", "ok", "Stage saved." },
	{ "stage_moved", "ok", "Stages reordered." },
	{ "stage_deleted", "ok", "Stage removed." },
	{ "customer_added", "ok", "Customer added." },
	{ "customer_deleted", "ok", "Customer deleted." },
	{ "customer_in_use", "error", "This customer has jobs or documents, so it can't be deleted." },
	{ "customers_imported", "ok", "Import finished: the valid rows were added as customers." },
	{ "property_saved", "ok", "Property saved." },
	{ "property_removed", "ok", "Property removed." },
	{ "property_in_use", "error", "This property has jobs, so it can't be removed." },
	{ "contact_added", "ok", "Contact added." },
	{ "contact_removed", "ok", "Contact removed." },
	{ "doc_created", "ok", "Draft saved. Mark it as sent when it's ready." },
	{ "doc_saved", "ok", "Draft saved." },
	{ "doc_readonly", "error", "Only a draft can be edited; this one has been sent." },
	{ "doc_sent", "ok", "Marked as sent." },
	{ "doc_approved", "ok", "Estimate approved." },
	{ "doc_declined", "ok", "Estimate marked as declined." },
	{ "doc_issued", "ok", "Invoice issued." },
	{ "doc_void", "ok", "Invoice voided." },
	{ "invoice_created", "ok", "Invoice drafted from the estimate. Review it, then issue it." },
	{ "doc_revised", "ok", "New version drafted. Make the changes, then send or share it." },
	{ "portal_approved", "ok", "Thank you: the estimate is approved. A copy is on its way to your email." },
	{ "portal_revision", "ok", "Your request was sent. We'll get back to you with a new version." },
	{ "portal_disputed", "ok", "Your dispute was sent. We'll be in touch about it." },
	{ "portal_password", "ok", "Password saved. Next time, sign in with your email and this password. Your other devices were signed out." },
	{ "portal_session_ended", "ok", "That device is signed out." },
	{ "portal_others_ended", "ok", "Every other device is signed out." },
	{ "doc_shared", "ok", "Shared. The email is on its way with a sign-in link to this document." },
	{ "doc_displayed", "ok", "The customer can see this document in the portal." },
	{ "doc_hidden", "ok", "Hidden from the customer's portal." },
	{ "links_revoked", "ok", "Links revoked. Anyone who opened one is signed out of it." },
	{ "alerts_saved", "ok", "Email alert choices saved." },
	{ "message_sent", "ok", "Message sent." },
	{ "message_empty", "error", "Write your message first, then send it." },
	{ "payment_recorded", "ok", "Payment recorded." },
	{ "refund_recorded", "ok", "Refund recorded." },
	{ "item_saved", "ok", "Price book item saved." },
	{ "item_archived", "ok", "Item archived. It no longer appears when adding lines." },
	{ "item_restored", "ok", "Item restored to the price book." },
};

#define NFLASH	(sizeof(flashes) / sizeof(flashes[0]))

void
flash(struct req *r, const char *code)
{
	req_set_cookie(r, "pl_flash", code, 60);
}

/* Show and clear the flash message, if one is pending. */
void
flash_show(struct req *r)
{
	const char	*code = req_cookie(r, "pl_flash");
	size_t		 i;

	if (code == NULL || r->status == HTTP_303)
		return;
	for (i = 0; i < NFLASH; i++)
		if (strcmp(code, flashes[i].code) == 0) {
			hdf_set(r, "Page.Flash", flashes[i].text);
			hdf_set(r, "Page.FlashKind", flashes[i].kind);
			/* A message's answer goes by its form, where the
			 * redirect lands (#messages), not at the top. */
			if (strncmp(code, "message_", 8) == 0)
				hdf_set(r, "Page.FlashAt", "messages");
			break;
		}
	req_set_cookie(r, "pl_flash", "", -1);
}

/* Put the submitted values of names back into Form.Values. */
void
form_keep(struct req *r, const char *const *names)
{
	for (; *names != NULL; names++)
		hdf_set(r, arena_printf(r->arena, "Form.Values.%s", *names),
		    req_field(r, *names));
}

/* Record msg next to field; returns true when there was one. */
bool
form_error(struct req *r, const char *field, const char *msg)
{
	const char	*n;

	if (msg == NULL)
		return false;
	hdf_set(r, arena_printf(r->arena, "Form.Errors.%s", field), msg);
	n = hdf_get(r, "Form.ErrorCount");
	hdf_set_int(r, "Form.ErrorCount", (n ? strtoll(n, NULL, 10) : 0) + 1);
	return true;
}

static const struct choice trades[] = {
	{ "plumbing", "Plumbing" },
	{ "electrical", "Electrical" },
	{ "hvac", "Heating & cooling" },
	{ "roofing", "Roofing" },
	{ "remodeling", "Remodeling" },
	{ "carpentry", "Carpentry" },
	{ "painting", "Painting" },
	{ "flooring", "Flooring" },
	{ "landscaping", "Landscaping" },
	{ "handyman", "Handyman" },
	{ "general", "General contracting" },
	{ "other", "Other trade" },
	{ NULL, NULL }
};

/* Zones offered in the select; any zone the system knows is accepted. */
static const char *const zones[] = {
	"America/New_York", "America/Chicago", "America/Denver",
	"America/Phoenix", "America/Los_Angeles", "America/Anchorage",
	"Pacific/Honolulu", "America/Puerto_Rico", "America/Halifax",
	"America/Toronto", "America/Winnipeg", "America/Edmonton",
	"America/Vancouver", "America/Mexico_City", "America/Bogota",
	"America/Lima", "America/Santiago", "America/Argentina/Buenos_Aires",
	"America/Sao_Paulo", "Europe/London", "Europe/Dublin", "Europe/Lisbon",
	"Europe/Madrid", "Europe/Paris", "Europe/Berlin", "Europe/Rome",
	"Europe/Amsterdam", "Europe/Warsaw", "Europe/Athens", "Africa/Johannesburg",
	"Asia/Dubai", "Asia/Kolkata", "Asia/Singapore", "Asia/Tokyo",
	"Australia/Perth", "Australia/Sydney", "Pacific/Auckland", "UTC", NULL
};

const char *
trade_label(const char *value)
{
	const struct choice	*c;

	for (c = trades; c->value != NULL; c++)
		if (strcmp(c->value, value) == 0)
			return c->label;
	return NULL;
}

/* Trades.N and Timezones.N for the company forms. */
void
form_company_choices(struct req *r)
{
	size_t	 i;

	for (i = 0; trades[i].value != NULL; i++) {
		hdf_set(r, arena_printf(r->arena, "Trades.%zu.Value", i),
		    trades[i].value);
		hdf_set(r, arena_printf(r->arena, "Trades.%zu.Label", i),
		    trades[i].label);
	}
	for (i = 0; zones[i] != NULL; i++)
		hdf_set(r, arena_printf(r->arena, "Timezones.%zu", i), zones[i]);
}

/* Roles.N for the team forms. */
void
form_role_choices(struct req *r)
{
	int	 i, n = 0;

	for (i = ROLE__MAX - 1; i > ROLE_NONE; i--, n++) {
		hdf_set(r, arena_printf(r->arena, "Roles.%d.Value", n),
		    role_name((enum role)i));
		hdf_set(r, arena_printf(r->arena, "Roles.%d.Label", n),
		    role_label((enum role)i));
	}
}

/* Mark a page that carries a token in its URL: no Referer may leak it. */
void
page_token(struct req *r)
{
	req_header(r, "Referrer-Policy", "no-referrer");
}
