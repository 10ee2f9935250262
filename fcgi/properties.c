/*
 * A customer's properties (service addresses: where the work happens) and
 * contacts (the people to talk to).  Properties are added, edited (with a
 * version: a concurrent change answers 409) and removed unless a job is
 * at them; contacts are added and removed on the customer page.  Every id
 * is looked up within the signed-in company, so another company's id is
 * a 404 like one that doesn't exist.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"

enum { PF_LABEL, PF_STREET, PF_CITY, PF_REGION, PF_POSTAL_CODE, PF_NOTES,
    PF__MAX };

static const char *const property_fields[] = {
	[PF_LABEL] = "label", [PF_STREET] = "street", [PF_CITY] = "city",
	[PF_REGION] = "region", [PF_POSTAL_CODE] = "postal_code",
	[PF_NOTES] = "notes", [PF__MAX] = NULL
};

static const char *const property_labels[PF__MAX] = {
	[PF_LABEL] = "Label", [PF_STREET] = "Street", [PF_CITY] = "City",
	[PF_REGION] = "State or region", [PF_POSTAL_CODE] = "Postal code",
	[PF_NOTES] = "Notes",
};

static const char *const contact_fields[] = {
	"contact_name", "contact_email", "contact_phone", "contact_role", NULL
};

/*
 * Check the address of p (already trimmed): err[0..3] get the messages of
 * street, city, region and postal code.  The street is required when asked
 * (an address without one is no address).  Returns the number of messages.
 */
int
property_check(struct property *p, bool street_required, const char **err)
{
	err[0] = valid_line(p->street, street_required ? 1 : 0, 160);
	if (err[0] != NULL && *p->street == '\0')
		err[0] = "Enter the street address";
	err[1] = valid_line(p->city, 0, 80);
	err[2] = valid_line(p->region, 0, 80);
	err[3] = valid_line(p->postal_code, 0, 20);
	return (err[0] != NULL) + (err[1] != NULL) + (err[2] != NULL) +
	    (err[3] != NULL);
}

/* The property form into p; messages next to the fields; the count. */
static int
read_form(struct req *r, struct property *p)
{
	const char	*err[PF__MAX];
	int		 i, n;

	p->label = str_trim(r->arena, req_field(r, "label"));
	p->street = str_trim(r->arena, req_field(r, "street"));
	p->city = str_trim(r->arena, req_field(r, "city"));
	p->region = str_trim(r->arena, req_field(r, "region"));
	p->postal_code = str_trim(r->arena, req_field(r, "postal_code"));
	p->notes = str_trim(r->arena, req_field(r, "notes"));
	err[PF_LABEL] = valid_line(p->label, 0, 80);
	property_check(p, true, &err[PF_STREET]);
	err[PF_NOTES] = valid_text(p->notes, 0, 2000);
	for (i = n = 0; i < PF__MAX; i++)
		n += form_error(r, property_fields[i], err[i]);
	return n;
}

static void
keep(struct req *r, const struct property *p)
{
	hdf_set(r, "Form.Values.label", p->label);
	hdf_set(r, "Form.Values.street", p->street);
	hdf_set(r, "Form.Values.city", p->city);
	hdf_set(r, "Form.Values.region", p->region);
	hdf_set(r, "Form.Values.postal_code", p->postal_code);
	hdf_set(r, "Form.Values.notes", p->notes);
	hdf_set_int(r, "Form.Values.version", p->version);
}

static const char *
customer_href(struct req *r, int64_t id)
{
	return arena_printf(r->arena, "/app/customers/%lld", (long long)id);
}

/* The customer of a property page (its name and link), or a status. */
static int
owner(struct req *r, int64_t id, struct customer *c)
{
	switch (db_customer_get(r, id, c)) {
	case DB_OK:
		hdf_set(r, "Customer.Name", c->name);
		hdf_set(r, "Customer.Href", customer_href(r, c->id));
		return 0;
	case DB_NONE:
		return HTTP_404;
	default:
		return HTTP_500;
	}
}

/* The property form: new for a customer (p NULL) or edit of p. */
static int
form_show(struct req *r, const struct customer *c, const struct property *p,
    int status)
{
	hdf_set(r, "Page.Nav", "customers");
	if (p == NULL) {
		hdf_set(r, "Page.Title", arena_printf(r->arena,
		    "New property for %s", c->name));
		hdf_set(r, "Page.FormAction", arena_printf(r->arena,
		    "/app/customers/%lld/properties", (long long)c->id));
		hdf_set(r, "Page.New", "1");
	} else {
		hdf_set(r, "Page.Title", "Edit property");
		hdf_set(r, "Page.FormAction", arena_printf(r->arena,
		    "/app/properties/%lld", (long long)p->id));
		hdf_set(r, "Property.Street", p->street);
	}
	return render_as(r, "app/customers/property.cs", status);
}

/* GET /app/customers/:id/properties/new */
int
properties_new(struct req *r)
{
	struct customer	 c;
	int64_t		 id;
	int		 st;

	if (!route_id(r, "id", &id))
		return HTTP_404;
	if ((st = owner(r, id, &c)) != 0)
		return st;
	return form_show(r, &c, NULL, HTTP_200);
}

/* POST /app/customers/:id/properties */
int
properties_create(struct req *r)
{
	struct customer	 c;
	struct property	 p;
	int64_t		 id, pid;
	int		 st;

	if (!route_id(r, "id", &id))
		return HTTP_404;
	if ((st = owner(r, id, &c)) != 0)
		return st;
	memset(&p, 0, sizeof(p));
	if (read_form(r, &p) > 0) {
		form_keep(r, property_fields);
		return form_show(r, &c, NULL, HTTP_422);
	}
	p.customer_id = id;
	switch (db_property_insert(r, &p, &pid)) {
	case DB_OK:
		flash(r, "property_saved");
		return redirect(r, arena_printf(r->arena, "%s#properties",
		    customer_href(r, id)));
	case DB_NONE:
		return HTTP_404;
	default:
		return HTTP_500;
	}
}

static int
property_get(struct req *r, struct property *p)
{
	int64_t		 id;

	if (!route_id(r, "id", &id))
		return HTTP_404;
	switch (db_property_get(r, id, p)) {
	case DB_OK:
		return 0;
	case DB_NONE:
		return HTTP_404;
	default:
		return HTTP_500;
	}
}

/* GET /app/properties/:id/edit */
int
properties_edit(struct req *r)
{
	struct customer	 c;
	struct property	 p;
	int		 st;

	if ((st = property_get(r, &p)) != 0 ||
	    (st = owner(r, p.customer_id, &c)) != 0)
		return st;
	keep(r, &p);
	return form_show(r, &c, &p, HTTP_200);
}

/* Changes.N: where the saved property differs from the submitted one. */
static void
put_changes(struct req *r, const struct property *cur, const struct property *p)
{
	const char	*now[PF__MAX] = { cur->label, cur->street, cur->city,
	    cur->region, cur->postal_code, cur->notes };
	const char	*yours[PF__MAX] = { p->label, p->street, p->city,
	    p->region, p->postal_code, p->notes };
	size_t		 i, n = 0;

	for (i = 0; i < PF__MAX; i++) {
		if (strcmp(now[i], yours[i]) == 0)
			continue;
		hdf_set(r, arena_printf(r->arena, "Changes.%zu.Label", n),
		    property_labels[i]);
		hdf_set(r, arena_printf(r->arena, "Changes.%zu.Current", n),
		    now[i]);
		hdf_set(r, arena_printf(r->arena, "Changes.%zu.Yours", n),
		    yours[i]);
		n++;
	}
}

/* POST /app/properties/:id */
int
properties_update(struct req *r)
{
	struct customer	 c;
	struct property	 p, cur;
	int		 st;

	if ((st = property_get(r, &cur)) != 0 ||
	    (st = owner(r, cur.customer_id, &c)) != 0)
		return st;
	p = cur;
	p.version = strtoll(req_field(r, "version"), NULL, 10);
	if (read_form(r, &p) > 0) {
		form_keep(r, property_fields);
		hdf_set_int(r, "Form.Values.version", p.version);
		return form_show(r, &c, &cur, HTTP_422);
	}
	switch (db_property_update(r, &p)) {
	case DB_OK:
		flash(r, "property_saved");
		return redirect(r, arena_printf(r->arena, "%s#properties",
		    customer_href(r, c.id)));
	case DB_NONE:
		return HTTP_404;
	case DB_STALE:
		if (db_property_get(r, p.id, &cur) != DB_OK)
			return HTTP_500;
		form_keep(r, property_fields);
		hdf_set_int(r, "Form.Values.version", cur.version);
		put_changes(r, &cur, &p);
		hdf_set(r, "Form.Error", "Someone else changed this property "
		    "while you were editing. Compare their version with yours "
		    "below; your changes are still in the form, so save again "
		    "to apply them.");
		return form_show(r, &c, &cur, HTTP_409);
	default:
		return HTTP_500;
	}
}

/* POST /app/properties/:id/delete: refused while a job is at it. */
int
properties_delete(struct req *r)
{
	struct property	 p;
	int64_t		 id;
	int		 rc;

	if (!route_id(r, "id", &id))
		return HTTP_404;
	if (db_begin(r) != DB_OK)
		return HTTP_500;
	/* Locked, so no job can be added at it before it is gone. */
	if ((rc = db_property_lock(r, id, &p)) != DB_OK)
		return rc == DB_NONE ? HTTP_404 : HTTP_500;
	if (p.jobs > 0) {
		db_rollback(r);
		flash(r, "property_in_use");
	} else if (db_property_delete(r, id) != DB_OK ||
	    db_commit(r) != DB_OK)
		return HTTP_500;
	else
		flash(r, "property_removed");
	return redirect(r, arena_printf(r->arena, "%s#properties",
	    customer_href(r, p.customer_id)));
}

/* POST /app/customers/:id/contacts */
int
contacts_create(struct req *r)
{
	struct customer	 c;
	struct contact	 k;
	int64_t		 id, kid;
	int		 n = 0;

	if (!route_id(r, "id", &id))
		return HTTP_404;
	switch (db_customer_get(r, id, &c)) {
	case DB_OK:
		break;
	case DB_NONE:
		return HTTP_404;
	default:
		return HTTP_500;
	}
	memset(&k, 0, sizeof(k));
	k.customer_id = id;
	k.name = str_trim(r->arena, req_field(r, "contact_name"));
	k.email = str_email(r->arena, req_field(r, "contact_email"));
	k.phone = str_trim(r->arena, req_field(r, "contact_phone"));
	k.role = str_trim(r->arena, req_field(r, "contact_role"));
	n += form_error(r, "contact_name", valid_line(k.name, 1, 160));
	n += form_error(r, "contact_email", *k.email ? valid_email(k.email) :
	    NULL);
	n += form_error(r, "contact_phone", *k.phone == '\0' ? NULL :
	    valid_line(k.phone, 0, 40) ? "Enter a phone number" :
	    valid_phone(k.phone));
	n += form_error(r, "contact_role", valid_line(k.role, 0, 80));
	if (n > 0) {
		form_keep(r, contact_fields);
		return customer_page(r, &c, HTTP_422);
	}
	switch (db_contact_insert(r, &k, &kid)) {
	case DB_OK:
		flash(r, "contact_added");
		return redirect(r, arena_printf(r->arena, "%s#contacts",
		    customer_href(r, id)));
	case DB_NONE:
		return HTTP_404;
	default:
		return HTTP_500;
	}
}

/* POST /app/contacts/:id/delete */
int
contacts_delete(struct req *r)
{
	struct contact	 k;
	int64_t		 id;

	if (!route_id(r, "id", &id))
		return HTTP_404;
	switch (db_contact_get(r, id, &k)) {
	case DB_OK:
		break;
	case DB_NONE:
		return HTTP_404;
	default:
		return HTTP_500;
	}
	if (db_contact_delete(r, id) != DB_OK)
		return HTTP_500;
	flash(r, "contact_removed");
	return redirect(r, arena_printf(r->arena, "%s#contacts",
	    customer_href(r, k.customer_id)));
}
