/*
 * Customers: people and businesses the company works for.  The list
 * (search, filters, sort, keyset paging) and its CSV export, the customer
 * page (contact card, contacts, properties, jobs, documents, balance due),
 * and create, edit and delete.  Every staff member may look; owners and
 * office staff change.  Edits carry the version they started from, so a
 * concurrent change is shown (409), never overwritten.
 *
 * The fields of a customer are one table (customer_fields, in the order
 * of enum customer_field) that the form, the CSV import and the export
 * share, and customer_check is the one place that cleans and checks them.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"

#define PAGE_ROWS	50
#define EXPORT_BATCH	1000
#define NAME_MAX_CP	160
#define NOTES_MAX_CP	10000	/* 40,000 bytes at most: fits TEXT */
#define TAG_MAX_CP	30
#define TAGS_MAX	10
#define QUERY_MAX_CP	100

const char *const customer_fields[] = {
	[CF_NAME] = "name", [CF_KIND] = "kind", [CF_EMAIL] = "email",
	[CF_PHONE] = "phone", [CF_NOTES] = "notes", [CF_TAGS] = "tags",
	[CF_STREET] = "street", [CF_CITY] = "city", [CF_REGION] = "region",
	[CF_POSTAL_CODE] = "postal_code", [CF__MAX] = NULL
};

static const char *const field_labels[CF__MAX] = {
	[CF_NAME] = "Name", [CF_KIND] = "Kind", [CF_EMAIL] = "Email",
	[CF_PHONE] = "Phone", [CF_NOTES] = "Notes", [CF_TAGS] = "Tags",
	[CF_STREET] = "Street", [CF_CITY] = "City",
	[CF_REGION] = "State or region", [CF_POSTAL_CODE] = "Postal code",
};

static const struct choice kinds[] = {
	{ "person", "Person" },
	{ "business", "Business" },
	{ NULL, NULL }
};

static const struct choice sorts[] = {
	{ "name", "Name (A–Z)" },
	{ "recent", "Recently added" },
	{ NULL, NULL }
};

static const char *
label_of(const struct choice *c, const char *value)
{
	for (; c->value != NULL; c++)
		if (strcmp(c->value, value) == 0)
			return c->label;
	return NULL;
}

const char *
customer_field_label(enum customer_field f)
{
	return f < CF__MAX ? field_labels[f] : "";
}

static void
put_choices(struct req *r, const char *name, const struct choice *c)
{
	size_t	 i;

	for (i = 0; c[i].value != NULL; i++) {
		hdf_set(r, arena_printf(r->arena, "%s.%zu.Value", name, i),
		    c[i].value);
		hdf_set(r, arena_printf(r->arena, "%s.%zu.Label", name, i),
		    c[i].label);
	}
}

/* Owners and office staff change customers; field staff only look. */
static void
can_edit(struct req *r)
{
	if (session_allows(r, ACCESS_OFFICE))
		hdf_set(r, "User.Can.EditCustomers", "1");
}

static char *
ascii_lower(struct arena *a, const char *s, size_t n)
{
	char	*t = arena_strndup(a, s, n), *p;

	for (p = t; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return t;
}

/*
 * Tags as typed ("Roof, VIP,roof") in their one stored form ("roof,vip"):
 * split at commas, trimmed, lower-cased, empty ones dropped, duplicates
 * dropped; *err says what is wrong, if anything.
 */
static const char *
tags_normalise(struct arena *a, const char *s, const char **err)
{
	struct buf	 b;
	const char	*e, *t, *seen;
	size_t		 n, count = 0, tl;

	*err = NULL;
	buf_init(&b, a);
	for (; *s; s = *e ? e + 1 : e) {
		e = s + strcspn(s, ",");
		t = str_trim(a, arena_strndup(a, s, (size_t)(e - s)));
		if (*t == '\0')
			continue;
		/* Fine without the length limit: then the length is it. */
		if (*err == NULL && valid_text(t, 1, TAG_MAX_CP) != NULL)
			*err = valid_text(t, 1, SIZE_MAX) == NULL ?
			    arena_printf(a, "Each tag can have at most %d "
			    "characters", TAG_MAX_CP) :
			    "Tags can't contain control characters";
		t = ascii_lower(a, t, strlen(t));
		tl = strlen(t);
		/* Already there?  Compare whole items of "a,b,c". */
		for (seen = b.data, n = 0; seen != NULL && *seen; ) {
			n = strcspn(seen, ",");
			if (n == tl && memcmp(seen, t, tl) == 0)
				break;
			seen += n + (seen[n] == ',');
		}
		if (seen != NULL && *seen)
			continue;
		if (++count > TAGS_MAX && *err == NULL)
			*err = arena_printf(a, "Use at most %d tags", TAGS_MAX);
		if (b.len > 0)
			buf_putc(&b, ',');
		buf_puts(&b, t);
	}
	return b.data;
}

static const char *
kind_parse(struct arena *a, const char *s)
{
	const char	*k = ascii_lower(a, s, strlen(s));

	if (*k == '\0')
		return "person";
	return label_of(kinds, k) ? k : NULL;
}

static const char *
optional(const char *err, const char *s)
{
	return *s ? err : NULL;
}

/*
 * Clean and check the raw values v (indexed by enum customer_field; NULL
 * counts as empty) into c and, from the address fields, p (p->street ""
 * when no address was given).  err[i] gets the message for field i or
 * NULL.  Returns the number of messages.
 */
int
customer_check(struct arena *a, const char *const *v, struct customer *c,
    struct property *p, const char **err)
{
	const char	*in[CF__MAX], *kind;
	int		 i, n = 0;

	for (i = 0; i < CF__MAX; i++) {
		in[i] = v[i] ? v[i] : "";
		err[i] = NULL;
	}
	memset(c, 0, sizeof(*c));
	memset(p, 0, sizeof(*p));
	c->name = str_trim(a, in[CF_NAME]);
	kind = kind_parse(a, str_trim(a, in[CF_KIND]));
	c->kind = kind ? kind : str_trim(a, in[CF_KIND]);
	c->email = str_email(a, in[CF_EMAIL]);
	c->phone = str_trim(a, in[CF_PHONE]);
	c->notes = str_trim(a, in[CF_NOTES]);
	c->tags = tags_normalise(a, in[CF_TAGS], &err[CF_TAGS]);
	p->label = p->notes = "";
	p->street = str_trim(a, in[CF_STREET]);
	p->city = str_trim(a, in[CF_CITY]);
	p->region = str_trim(a, in[CF_REGION]);
	p->postal_code = str_trim(a, in[CF_POSTAL_CODE]);

	err[CF_NAME] = valid_line(c->name, 1, NAME_MAX_CP);
	err[CF_KIND] = kind ? NULL : "Choose person or business";
	err[CF_EMAIL] = optional(valid_email(c->email), c->email);
	err[CF_PHONE] = optional(valid_line(c->phone, 0, 40) ?
	    "Enter a phone number" : valid_phone(c->phone), c->phone);
	err[CF_NOTES] = valid_text(c->notes, 0, NOTES_MAX_CP);
	if (*p->street || *p->city || *p->region || *p->postal_code)
		property_check(p, true, &err[CF_STREET]);
	for (i = 0; i < CF__MAX; i++)
		n += err[i] != NULL;
	return n;
}

/* The raw values of the customer form, address fields only when asked. */
static void
form_values(struct req *r, const char **v, bool address)
{
	int	 i;

	for (i = 0; i < CF__MAX; i++)
		v[i] = address || i < CF_STREET ?
		    req_field(r, customer_fields[i]) : "";
}

static void
form_errors(struct req *r, const char *const *err)
{
	int	 i;

	for (i = 0; i < CF__MAX; i++)
		form_error(r, customer_fields[i], err[i]);
}

/* Tags "a,b" as Prefix.Tags.N.Name and .Href (the list filtered by it). */
static void
put_tags(struct req *r, const char *prefix, const char *tags)
{
	const char	*s, *t, *p;
	size_t		 n, i = 0;

	for (s = tags; *s; s += n + (s[n] == ','), i++) {
		n = strcspn(s, ",");
		t = arena_strndup(r->arena, s, n);
		p = arena_printf(r->arena, "%s.Tags.%zu", prefix, i);
		hdf_set(r, arena_printf(r->arena, "%s.Name", p), t);
		hdf_set(r, arena_printf(r->arena, "%s.Href", p),
		    arena_printf(r->arena, "/app/customers?tag=%s",
		    url_encode(r->arena, t)));
	}
}

static void
put_customer(struct req *r, const char *prefix, const struct customer *c)
{
	const char	*k = label_of(kinds, c->kind);

#define KEY(s)	arena_printf(r->arena, "%s.%s", prefix, (s))
	hdf_set_int(r, KEY("Id"), c->id);
	hdf_set(r, KEY("Name"), c->name);
	hdf_set(r, KEY("Kind"), c->kind);
	hdf_set(r, KEY("KindLabel"), k ? k : c->kind);
	hdf_set(r, KEY("Email"), c->email);
	hdf_set(r, KEY("Phone"), c->phone);
	hdf_set(r, KEY("Notes"), c->notes);
	hdf_set(r, KEY("City"), c->first.city);
	hdf_set(r, KEY("Href"), arena_printf(r->arena, "/app/customers/%lld",
	    (long long)c->id));
	put_tags(r, prefix, c->tags);
#undef KEY
}

/* Put c's values in the edit form. */
static void
customer_keep(struct req *r, const struct customer *c)
{
	hdf_set(r, "Form.Values.name", c->name);
	hdf_set(r, "Form.Values.kind", c->kind);
	hdf_set(r, "Form.Values.email", c->email);
	hdf_set(r, "Form.Values.phone", c->phone);
	hdf_set(r, "Form.Values.notes", c->notes);
	hdf_set(r, "Form.Values.tags", c->tags);
	hdf_set_int(r, "Form.Values.version", c->version);
}

/* ---------------------------------------------------------------- list */

static const char *
arg(const struct req *r, const char *name)
{
	const char	*s = req_arg(r, name);

	return s ? s : "";
}

/*
 * The list's criteria from the query string.  Unknown kinds and sorts
 * count as none (they come from selects); a bad "after" is false (404).
 * Messages for a search or tag that is too long go next to the fields.
 */
static bool
read_filter(struct req *r, struct customer_filter *f, int *errors)
{
	const char	*after = arg(r, "after"), *k;
	char		*end;

	memset(f, 0, sizeof(*f));
	f->q = str_trim(r->arena, arg(r, "q"));
	k = str_trim(r->arena, arg(r, "kind"));
	f->kind = label_of(kinds, k) ? k : "";
	f->tag = str_trim(r->arena, arg(r, "tag"));
	f->tag = ascii_lower(r->arena, f->tag, strlen(f->tag));
	f->recent = strcmp(arg(r, "sort"), "recent") == 0;
	*errors = form_error(r, "q", valid_text(f->q, 0, QUERY_MAX_CP));
	*errors += form_error(r, "tag", valid_text(f->tag, 0, TAG_MAX_CP));
	if (*after == '\0')
		return true;
	if (*after < '1' || *after > '9')
		return false;
	f->after = strtoll(after, &end, 10);
	return *end == '\0' && f->after > 0;
}

/* base with the filter's query string, and after= when after > 0. */
static const char *
filter_href(struct req *r, const char *base, const struct customer_filter *f,
    int64_t after)
{
	struct buf	 b;
	char		 sep = '?';

	buf_init(&b, r->arena);
	buf_puts(&b, base);
#define PUT(name, val) do {						\
	buf_printf(&b, "%c%s=%s", sep, (name), url_encode(r->arena, (val)));\
	sep = '&';							\
} while (0)
	if (*f->q)
		PUT("q", f->q);
	if (*f->kind)
		PUT("kind", f->kind);
	if (*f->tag)
		PUT("tag", f->tag);
	if (f->recent)
		PUT("sort", "recent");
	if (after > 0)
		PUT("after", arena_printf(r->arena, "%lld", (long long)after));
#undef PUT
	return b.data;
}

/* GET /app/customers?q=&kind=&tag=&sort=&after= */
int
customers_index(struct req *r)
{
	struct customer_filter	 f;
	struct customer		*cs = NULL;
	size_t			 i, n = 0;
	int			 errors, status = HTTP_200;

	if (!read_filter(r, &f, &errors))
		return HTTP_404;
	f.limit = PAGE_ROWS + 1;
	if (errors > 0)
		status = HTTP_422;
	else
		switch (db_customer_list(r, &f, &cs, &n)) {
		case DB_OK:
			break;
		case DB_NONE:
			return HTTP_404;
		default:
			return HTTP_500;
		}
	for (i = 0; i < n && i < PAGE_ROWS; i++)
		put_customer(r, arena_printf(r->arena, "Customers.%zu", i),
		    &cs[i]);
	if (n > PAGE_ROWS)
		hdf_set(r, "Page.NextHref", filter_href(r, "/app/customers", &f,
		    cs[PAGE_ROWS - 1].id));
	if (f.after > 0)
		hdf_set(r, "Page.FirstHref", filter_href(r, "/app/customers",
		    &f, 0));
	if (*f.q || *f.kind || *f.tag)
		hdf_set(r, "Filter.Active", "1");
	hdf_set(r, "Page.ExportHref", filter_href(r, "/app/customers.csv", &f,
	    0));
	hdf_set(r, "Form.Values.q", f.q);
	hdf_set(r, "Form.Values.kind", f.kind);
	hdf_set(r, "Form.Values.tag", f.tag);
	hdf_set(r, "Form.Values.sort", f.recent ? "recent" : "name");
	put_choices(r, "Kinds", kinds);
	put_choices(r, "Sorts", sorts);
	can_edit(r);
	hdf_set(r, "Page.Title", "Customers");
	hdf_set(r, "Page.Nav", "customers");
	return render_as(r, "app/customers/index.cs", status);
}

/*
 * GET /app/customers.csv with the list's filters: every matching customer
 * with its first property, in batches, as RFC 4180 CSV (see csv.c).
 */
int
customers_export(struct req *r)
{
	struct customer_filter	 f;
	struct customer		*cs;
	const char		*cells[CF__MAX];
	size_t			 i, n;
	int			 errors;

	if (!read_filter(r, &f, &errors))
		return HTTP_404;
	if (errors > 0)
		return HTTP_422;
	f.after = 0;
	f.full = true;
	f.limit = EXPORT_BATCH;
	buf_reset(&r->body);
	csv_write(&r->body, customer_fields, CF__MAX);
	do {
		if (db_customer_list(r, &f, &cs, &n) != DB_OK) {
			buf_reset(&r->body);
			return HTTP_500;
		}
		for (i = 0; i < n; i++) {
			cells[CF_NAME] = cs[i].name;
			cells[CF_KIND] = cs[i].kind;
			cells[CF_EMAIL] = cs[i].email;
			cells[CF_PHONE] = cs[i].phone;
			cells[CF_NOTES] = cs[i].notes;
			cells[CF_TAGS] = cs[i].tags;
			cells[CF_STREET] = cs[i].first.street;
			cells[CF_CITY] = cs[i].first.city;
			cells[CF_REGION] = cs[i].first.region;
			cells[CF_POSTAL_CODE] = cs[i].first.postal_code;
			csv_write(&r->body, cells, CF__MAX);
		}
		if (n > 0)
			f.after = cs[n - 1].id;
	} while (n == (size_t)f.limit);
	r->ctype = "text/csv; charset=utf-8";
	req_header(r, "Content-Disposition",
	    "attachment; filename=\"customers.csv\"");
	return HTTP_200;
}

/* ---------------------------------------------------------------- page */

static void
put_properties(struct req *r, const struct property *ps, size_t n)
{
	const char	*p;
	size_t		 i;

	for (i = 0; i < n; i++) {
		p = arena_printf(r->arena, "Properties.%zu", i);
#define KEY(s)	arena_printf(r->arena, "%s.%s", p, (s))
		hdf_set_int(r, KEY("Id"), ps[i].id);
		hdf_set(r, KEY("Label"), ps[i].label);
		hdf_set(r, KEY("Street"), ps[i].street);
		hdf_set(r, KEY("City"), ps[i].city);
		hdf_set(r, KEY("Region"), ps[i].region);
		hdf_set(r, KEY("PostalCode"), ps[i].postal_code);
		hdf_set(r, KEY("Notes"), ps[i].notes);
		hdf_set_int(r, KEY("Jobs"), ps[i].jobs);
		hdf_set(r, KEY("Href.Edit"), arena_printf(r->arena,
		    "/app/properties/%lld/edit", (long long)ps[i].id));
		hdf_set(r, KEY("Href.Delete"), arena_printf(r->arena,
		    "/app/properties/%lld/delete", (long long)ps[i].id));
#undef KEY
	}
}

static void
put_contacts(struct req *r, const struct contact *cs, size_t n)
{
	const char	*p;
	size_t		 i;

	for (i = 0; i < n; i++) {
		p = arena_printf(r->arena, "Contacts.%zu", i);
#define KEY(s)	arena_printf(r->arena, "%s.%s", p, (s))
		hdf_set_int(r, KEY("Id"), cs[i].id);
		hdf_set(r, KEY("Name"), cs[i].name);
		hdf_set(r, KEY("Email"), cs[i].email);
		hdf_set(r, KEY("Phone"), cs[i].phone);
		hdf_set(r, KEY("Role"), cs[i].role);
		hdf_set(r, KEY("Href.Delete"), arena_printf(r->arena,
		    "/app/contacts/%lld/delete", (long long)cs[i].id));
#undef KEY
	}
}

static void
put_work(struct req *r, const struct customer_job *js, size_t nj,
    const struct customer_doc *ds, size_t nd, const char *currency)
{
	const char	*p;
	size_t		 i;
	bool		 invoice;

	for (i = 0; i < nj; i++) {
		p = arena_printf(r->arena, "Jobs.%zu", i);
#define KEY(s)	arena_printf(r->arena, "%s.%s", p, (s))
		hdf_set_int(r, KEY("Number"), js[i].number);
		hdf_set(r, KEY("Title"), js[i].title);
		hdf_set(r, KEY("Status"), js[i].status);
		hdf_set(r, KEY("StatusLabel"), job_status_label(
		    job_status_parse(js[i].status)));
		hdf_set(r, KEY("Href"), arena_printf(r->arena, "/app/jobs/%lld",
		    (long long)js[i].id));
	}
	for (i = 0; i < nd; i++) {
		p = arena_printf(r->arena, "Documents.%zu", i);
		invoice = strcmp(ds[i].kind, "invoice") == 0;
		hdf_set(r, KEY("KindLabel"), invoice ? "Invoice" : "Estimate");
		hdf_set_int(r, KEY("Number"), ds[i].number);
		if (ds[i].revision > 1)
			hdf_set_int(r, KEY("Revision"), ds[i].revision);
		hdf_set(r, KEY("Title"), ds[i].title);
		hdf_set(r, KEY("Status"), ds[i].status);
		hdf_set(r, KEY("StatusLabel"), doc_status_label(
		    doc_status_parse(ds[i].status)));
		hdf_set(r, KEY("Total"), money_format(r->arena,
		    ds[i].total_cents, currency));
		hdf_set(r, KEY("Href"), doc_href(r, invoice ? DOC_INVOICE :
		    DOC_ESTIMATE, ds[i].id, ""));
#undef KEY
	}
}

/*
 * The customer page with status: its card, contacts, properties, jobs,
 * documents and balance due.  The contact form's values and messages, if
 * any, are already in Form.*.
 */
int
customer_page(struct req *r, const struct customer *c, int status)
{
	struct contact		*cs;
	struct property		*ps;
	struct customer_job	*js;
	struct customer_doc	*ds;
	const char		*currency;
	int64_t			 due;
	size_t			 nc, np, nj, nd;

	if (db_contact_list(r, c->id, &cs, &nc) != DB_OK ||
	    db_property_list(r, c->id, &ps, &np) != DB_OK ||
	    db_customer_jobs(r, c->id, &js, &nj) != DB_OK ||
	    db_customer_documents(r, c->id, &ds, &nd) != DB_OK ||
	    db_customer_balance(r, c->id, &due, &currency) != DB_OK)
		return HTTP_500;
	if (*currency == '\0')
		currency = "USD";
	put_customer(r, "Customer", c);
	hdf_set(r, "Customer.Href.Edit", arena_printf(r->arena,
	    "/app/customers/%lld/edit", (long long)c->id));
	hdf_set(r, "Customer.Href.Delete", arena_printf(r->arena,
	    "/app/customers/%lld/delete", (long long)c->id));
	hdf_set(r, "Customer.Href.NewProperty", arena_printf(r->arena,
	    "/app/customers/%lld/properties/new", (long long)c->id));
	hdf_set(r, "Customer.Href.AddContact", arena_printf(r->arena,
	    "/app/customers/%lld/contacts", (long long)c->id));
	if (c->phone[0] != '\0')
		hdf_set(r, "Customer.Href.Phone", arena_printf(r->arena,
		    "tel:%s", url_encode(r->arena, c->phone)));
	hdf_set(r, "Balance.Due", money_format(r->arena, due, currency));
	if (due > 0)
		hdf_set(r, "Balance.Owing", "1");
	put_contacts(r, cs, nc);
	put_properties(r, ps, np);
	put_work(r, js, nj, ds, nd, currency);
	can_edit(r);
	hdf_set(r, "Page.Title", c->name);
	hdf_set(r, "Page.Nav", "customers");
	return render_as(r, "app/customers/show.cs", status);
}

/* GET /app/customers/:id */
int
customers_show(struct req *r)
{
	struct customer	 c;
	int64_t		 id;

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
	return customer_page(r, &c, HTTP_200);
}

/* ---------------------------------------------------------------- forms */

/* The new or edit form (cur: the customer being edited, or NULL). */
static int
form_show(struct req *r, const struct customer *cur, int status)
{
	put_choices(r, "Kinds", kinds);
	hdf_set(r, "Page.Nav", "customers");
	if (cur == NULL) {
		hdf_set(r, "Page.Title", "New customer");
		hdf_set(r, "Page.FormAction", "/app/customers");
		hdf_set(r, "Page.New", "1");
	} else {
		put_customer(r, "Customer", cur);
		hdf_set(r, "Page.Title", arena_printf(r->arena, "Edit %s",
		    cur->name));
		hdf_set(r, "Page.FormAction", arena_printf(r->arena,
		    "/app/customers/%lld", (long long)cur->id));
	}
	return render_as(r, "app/customers/form.cs", status);
}

/* GET /app/customers/new */
int
customers_new(struct req *r)
{
	hdf_set(r, "Form.Values.kind", "person");
	return form_show(r, NULL, HTTP_200);
}

/* POST /app/customers: the customer, and a property if an address is given. */
int
customers_create(struct req *r)
{
	struct customer	 c;
	struct property	 p;
	const char	*v[CF__MAX], *err[CF__MAX];
	int64_t		 pid;

	form_values(r, v, true);
	if (customer_check(r->arena, v, &c, &p, err) > 0) {
		form_errors(r, err);
		form_keep(r, customer_fields);
		return form_show(r, NULL, HTTP_422);
	}
	if (db_begin(r) != DB_OK)
		return HTTP_500;
	if (db_customer_insert(r, &c, &c.id) != DB_OK)
		return HTTP_500;
	p.customer_id = c.id;
	if (*p.street && db_property_insert(r, &p, &pid) != DB_OK)
		return HTTP_500;
	if (db_commit(r) != DB_OK)
		return HTTP_500;
	flash(r, "customer_added");
	return redirect(r, arena_printf(r->arena, "/app/customers/%lld",
	    (long long)c.id));
}

/* GET /app/customers/:id/edit */
int
customers_edit(struct req *r)
{
	struct customer	 c;
	int64_t		 id;

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
	customer_keep(r, &c);
	return form_show(r, &c, HTTP_200);
}

/* Changes.N: the fields where the saved customer differs from yours. */
static void
put_changes(struct req *r, const struct customer *cur, const struct customer *c)
{
	const char	*now[] = { cur->name, cur->kind, cur->email,
	    cur->phone, cur->notes, cur->tags };
	const char	*yours[] = { c->name, c->kind, c->email, c->phone,
	    c->notes, c->tags };
	size_t		 i, n = 0;

	for (i = 0; i < sizeof(now) / sizeof(now[0]); i++) {
		if (strcmp(now[i], yours[i]) == 0)
			continue;
		hdf_set(r, arena_printf(r->arena, "Changes.%zu.Label", n),
		    field_labels[i]);
		hdf_set(r, arena_printf(r->arena, "Changes.%zu.Current", n),
		    now[i]);
		hdf_set(r, arena_printf(r->arena, "Changes.%zu.Yours", n),
		    yours[i]);
		n++;
	}
}

/* POST /app/customers/:id */
int
customers_update(struct req *r)
{
	struct customer	 c, cur;
	struct property	 p;
	const char	*v[CF__MAX], *err[CF__MAX];
	int64_t		 id, version;
	int		 rc;

	if (!route_id(r, "id", &id))
		return HTTP_404;
	switch (db_customer_get(r, id, &cur)) {
	case DB_OK:
		break;
	case DB_NONE:
		return HTTP_404;
	default:
		return HTTP_500;
	}
	version = strtoll(req_field(r, "version"), NULL, 10);
	form_values(r, v, false);
	if (customer_check(r->arena, v, &c, &p, err) > 0) {
		form_errors(r, err);
		form_keep(r, customer_fields);
		hdf_set_int(r, "Form.Values.version", version);
		return form_show(r, &cur, HTTP_422);
	}
	c.id = id;
	c.version = version;
	if (db_begin(r) != DB_OK)
		return HTTP_500;
	if ((rc = db_customer_update(r, &c)) == DB_OK && db_commit(r) != DB_OK)
		rc = DB_ERR;
	if (rc != DB_OK)
		db_rollback(r);
	switch (rc) {
	case DB_OK:
		flash(r, "saved");
		return redirect(r, arena_printf(r->arena, "/app/customers/%lld",
		    (long long)id));
	case DB_NONE:
		return HTTP_404;
	case DB_STALE:
		if (db_customer_get(r, id, &cur) != DB_OK)
			return HTTP_500;
		/* Your values stay in the form; saving again applies them. */
		form_keep(r, customer_fields);
		hdf_set_int(r, "Form.Values.version", cur.version);
		put_changes(r, &cur, &c);
		hdf_set(r, "Form.Error", "Someone else changed this customer "
		    "while you were editing. Compare their version with yours "
		    "below; your changes are still in the form, so save again "
		    "to apply them.");
		return form_show(r, &cur, HTTP_409);
	default:
		return HTTP_500;
	}
}

/* POST /app/customers/:id/delete: only a customer without jobs or documents. */
int
customers_delete(struct req *r)
{
	int64_t		 id, jobs, docs;
	int		 rc;

	if (!route_id(r, "id", &id))
		return HTTP_404;
	if (db_begin(r) != DB_OK)
		return HTTP_500;
	if ((rc = db_customer_lock(r, id)) != DB_OK)
		return rc == DB_NONE ? HTTP_404 : HTTP_500;
	if (db_customer_usage(r, id, &jobs, &docs) != DB_OK)
		return HTTP_500;
	if (jobs > 0 || docs > 0) {
		db_rollback(r);
		flash(r, "customer_in_use");
		return redirect(r, arena_printf(r->arena, "/app/customers/%lld",
		    (long long)id));
	}
	if (db_customer_delete(r, id) != DB_OK || db_commit(r) != DB_OK)
		return HTTP_500;
	flash(r, "customer_deleted");
	return redirect(r, "/app/customers");
}
