/*
 * The portal session: who is signed in to the customer portal, for which
 * company and customer, and how recently the address was proven.  The
 * cookie holds a 256-bit token; only its SHA-256 is stored.  Customers come
 * back rarely, so a session lasts PORTAL_IDLE_S idle (14 days) and at most
 * PORTAL_ABSOLUTE_S (90 days), and the cookie outlives the browser.  Beyond
 * the document its link opened, a session needs an address proven within
 * PORTAL_FRESH_DAYS (a fresh link, a code or a password): docs/PORTAL.md.
 */
#include <stdio.h>
#include <string.h>

#include "app.h"

static const char *
cookie_name(void)
{
	return cfg.secure_cookies ? "__Host-pl_portal" : "pl_portal";
}

/*
 * Fill r->portal (and r->sess.company_id, for the tenant statements) from
 * the portal cookie and pick the CSRF seed: the portal token when signed
 * in, else the guest cookie.  No staff session is loaded on portal routes.
 * Returns 0, or -1 when the database can't be asked.
 */
int
portal_load(struct req *r)
{
	const char	*tok, *hash;
	int64_t		 since;

	memset(&r->portal, 0, sizeof(r->portal));
	memset(&r->sess, 0, sizeof(r->sess));
	r->csrf_seed = NULL;
	tok = req_cookie(r, cookie_name());
	if (token_shaped(tok)) {
		hash = token_hash(r->arena, tok);
		switch (db_portal_session_load(r, hash, PORTAL_IDLE_S,
		    PORTAL_ABSOLUTE_S, &since)) {
		case DB_OK:
			r->csrf_seed = tok;
			/* One write a minute at most, not one per click. */
			if (since >= 60)
				db_portal_session_touch(r, r->portal.session_id);
			return 0;
		case DB_NONE:
			memset(&r->portal, 0, sizeof(r->portal));
			r->sess.company_id = 0;
			req_set_cookie(r, cookie_name(), "", -1);
			break;
		default:
			return -1;
		}
	}
	session_guest_seed(r);
	return 0;
}

bool
portal_allows(const struct req *r, enum access a)
{
	switch (a) {
	case ACCESS_PORTAL_GUEST:
		return true;
	case ACCESS_PORTAL:
		return r->portal.valid;
	case ACCESS_PORTAL_FULL:
		return r->portal.valid && r->portal.verified;
	default:
		return false;
	}
}

/*
 * Whether the signed-in customer may open document id: its own, shown to
 * it (displayed, not a draft); and either the address is freshly proven or
 * it is a version of the document the session's link opened.
 */
int
portal_doc_allowed(struct req *r, int64_t id, enum doc_kind *kind)
{
	enum doc_kind	 k;
	bool		 of_link = false;

	if (!r->portal.valid)
		return HTTP_404;
	switch (db_portal_doc_allowed(r, r->portal.customer_id, id,
	    r->portal.document_id, kind ? kind : &k, &of_link)) {
	case DB_OK:
		break;
	case DB_NONE:
		return HTTP_404;
	default:
		return HTTP_500;
	}
	if (r->portal.verified || of_link)
		return 0;
	return redirect(r, arena_printf(r->arena, "/portal/verify?next=%s",
	    url_encode(r->arena, r->path)));
}

int
portal_person_for(struct req *r, int64_t customer_id, int64_t contact_id,
    int64_t *id)
{
	const char	*name, *email;
	int		 rc;

	if ((rc = db_portal_address(r, customer_id, contact_id, &name,
	    &email)) != DB_OK)
		return rc;
	email = str_email(r->arena, email);
	if (*email == '\0' || valid_email(email) != NULL)
		return DB_NONE;
	return db_portal_person_upsert(r, customer_id, contact_id, name, email,
	    id);
}

/* *url: the link's absolute address, for a mail. */
int
portal_link_new(struct req *r, int64_t person_id, int64_t document_id,
    const char **url)
{
	char	*tok, *hash;
	int	 rc;

	token_new(r->arena, &tok, &hash);
	if ((rc = db_portal_link_insert(r, hash, person_id, document_id,
	    PORTAL_LINK_DAYS)) != DB_OK)
		return rc;
	*url = arena_printf(r->arena, "%s/portal/l/%s", cfg.base_url, tok);
	return DB_OK;
}

int
portal_links_revoke(struct req *r, int64_t document_id)
{
	return db_portal_links_revoke(r, document_id);
}

/*
 * Sign person_id of company_id in with a brand-new token (the current
 * portal session, if any, ends).  document_id: what the link opened, or 0;
 * verified_at: when the address was proven (UTC DATETIME), NULL for now.
 */
int
portal_start(struct req *r, int64_t company_id, int64_t person_id,
    int64_t document_id, const char *verified_at)
{
	char	*tok, *hash;
	int64_t	 id;
	int	 rc;

	if (r->portal.valid && r->portal.token_hash != NULL &&
	    db_portal_session_delete_token(r, r->portal.token_hash) != DB_OK)
		return DB_ERR;
	memset(&r->portal, 0, sizeof(r->portal));
	token_new(r->arena, &tok, &hash);
	r->sess.company_id = company_id;
	if ((rc = db_portal_session_insert(r, hash, person_id, document_id,
	    verified_at, &id)) != DB_OK)
		return rc;
	r->portal.valid = true;
	r->portal.session_id = id;
	r->portal.person_id = person_id;
	r->portal.document_id = document_id;
	r->portal.token_hash = hash;
	req_set_cookie(r, cookie_name(), tok, PORTAL_ABSOLUTE_S);
	return DB_OK;
}

void
portal_end(struct req *r)
{
	if (r->portal.valid && r->portal.token_hash != NULL)
		db_portal_session_delete_token(r, r->portal.token_hash);
	req_set_cookie(r, cookie_name(), "", -1);
	r->portal.valid = false;
}

/* A local portal path to go on to (from a form or the query), else /portal/. */
const char *
portal_next(const char *next)
{
	if (next != NULL && strncmp(next, "/portal/", 8) == 0 &&
	    strpbrk(next, "\\\r\n") == NULL && strstr(next, "//") == NULL &&
	    strstr(next, "/..") == NULL && strncmp(next, "/portal/l/", 10) != 0)
		return next;
	return "/portal/";
}

/* "m•••@example.com": enough to recognise one's address, not to harvest it. */
static const char *
masked(struct req *r, const char *email)
{
	const char	*at = email ? strchr(email, '@') : NULL;

	if (at == NULL || at == email)
		return "your email address";
	return arena_printf(r->arena, "%.1s\u2022\u2022\u2022%s", email, at);
}

void
portal_page(struct req *r)
{
	int64_t	 unread;

	hdf_set(r, "Page.Layout", "layout/portal.cs");
	if (!r->portal.valid)
		return;
	hdf_set(r, "Portal.SignedIn", "1");
	hdf_set(r, "Portal.Name", r->portal.name);
	hdf_set(r, "Portal.Email", r->portal.email);
	hdf_set(r, "Portal.EmailMasked", masked(r, r->portal.email));
	hdf_set(r, "Portal.CustomerName", r->portal.customer_name);
	hdf_set(r, "Portal.CompanyName", r->portal.company_name);
	if (r->portal.has_logo)
		hdf_set(r, "Portal.LogoHref", "/portal/logo");
	if (r->portal.has_password)
		hdf_set(r, "Portal.HasPassword", "1");
	if (r->portal.document_id != 0)
		hdf_set(r, "Portal.DocumentHref", arena_printf(r->arena,
		    "/portal/documents/%lld", (long long)r->portal.document_id));
	if (!r->portal.verified)
		return;
	hdf_set(r, "Portal.Verified", "1");
	if (db_portal_unread(r, r->portal.customer_id, r->portal.seen_event_id,
	    &unread) == DB_OK && unread > 0)
		hdf_set_int(r, "Portal.Unread", unread);
}
