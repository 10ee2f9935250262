/*
 * The price book: reusable items (name, description, unit, unit price,
 * taxable) that fill estimate and invoice lines.  Office staff keep it;
 * items are archived rather than deleted.  Edits carry the version they
 * started from: a concurrent change answers 409 with both versions.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"

#define ITEM_PAGE	100

static const char *const item_fields[] = { "name", "description", "unit",
	"price", "taxable", "version", NULL };

static void
put_item(struct req *r, const char *p, const struct price_item *it,
    const char *currency)
{
	struct arena	*a = r->arena;

	hdf_set_int(r, arena_printf(a, "%s.Id", p), it->id);
	hdf_set(r, arena_printf(a, "%s.Name", p), it->name);
	hdf_set(r, arena_printf(a, "%s.Description", p), it->description);
	hdf_set(r, arena_printf(a, "%s.Unit", p), it->unit);
	hdf_set(r, arena_printf(a, "%s.Price", p),
	    money_format(a, it->unit_cents, currency));
	hdf_set(r, arena_printf(a, "%s.Taxable", p), it->taxable ? "1" : "0");
	hdf_set(r, arena_printf(a, "%s.Archived", p), it->archived ? "1" : "0");
	hdf_set(r, arena_printf(a, "%s.Href", p), arena_printf(a,
	    "/app/price-book/%lld/edit", (long long)it->id));
	hdf_set(r, arena_printf(a, "%s.ArchiveHref", p), arena_printf(a,
	    "/app/price-book/%lld/%s", (long long)it->id, it->archived ?
	    "restore" : "archive"));
}

static const char *
currency_of(struct req *r)
{
	struct doc_defaults	 dd;

	return db_doc_defaults_get(r, &dd) == DB_OK ? dd.currency : NULL;
}

/* GET /app/price-book?q=&archived=1&after=ID */
int
price_book_index(struct req *r)
{
	struct price_item	*items, last;
	const char		*q, *currency, *after_name = "";
	char			*end;
	int64_t			 after = 0;
	bool			 archived;
	size_t			 i, n;

	if ((currency = currency_of(r)) == NULL)
		return HTTP_500;
	q = str_trim(r->arena, req_arg(r, "q") ? req_arg(r, "q") : "");
	if (valid_text(q, 0, 100) != NULL)
		q = "";
	archived = req_arg(r, "archived") != NULL &&
	    strcmp(req_arg(r, "archived"), "1") == 0;
	if (req_arg(r, "after") != NULL) {
		after = strtoll(req_arg(r, "after"), &end, 10);
		if (*end != '\0' || after <= 0 ||
		    db_price_item_get(r, after, &last) != DB_OK)
			after = 0;
		else
			after_name = last.name;
	}
	if (db_price_item_list(r, archived, q, after_name, after,
	    ITEM_PAGE + 1, &items, &n) != DB_OK)
		return HTTP_500;
	for (i = 0; i < n && i < ITEM_PAGE; i++)
		put_item(r, arena_printf(r->arena, "Items.%zu", i), &items[i],
		    currency);
	if (n > ITEM_PAGE)
		hdf_set(r, "Paging.Next", arena_printf(r->arena,
		    "/app/price-book?after=%lld%s%s%s",
		    (long long)items[ITEM_PAGE - 1].id,
		    archived ? "&archived=1" : "", *q ? "&q=" : "",
		    url_encode(r->arena, q)));
	if (after)
		hdf_set(r, "Paging.First", arena_printf(r->arena,
		    "/app/price-book?%s%s%s", archived ? "archived=1&" : "",
		    *q ? "q=" : "", url_encode(r->arena, q)));
	hdf_set(r, "Filter.Q", q);
	hdf_set(r, "Filter.Archived", archived ? "1" : "0");
	hdf_set(r, "Page.Title", "Price book");
	hdf_set(r, "Page.Nav", "price_book");
	return render(r, "app/price_book/index.cs");
}

static int
form_page(struct req *r, const struct price_item *cur, int status)
{
	if (cur != NULL) {
		hdf_set_int(r, "Item.Id", cur->id);
		hdf_set(r, "Item.Name", cur->name);
		hdf_set(r, "Item.Archived", cur->archived ? "1" : "0");
		hdf_set(r, "Item.Action", arena_printf(r->arena,
		    "/app/price-book/%lld", (long long)cur->id));
		hdf_set(r, "Item.ArchiveHref", arena_printf(r->arena,
		    "/app/price-book/%lld/%s", (long long)cur->id,
		    cur->archived ? "restore" : "archive"));
		hdf_set(r, "Page.Title", "Edit price book item");
	} else {
		hdf_set(r, "Item.Action", "/app/price-book");
		hdf_set(r, "Page.Title", "New price book item");
	}
	hdf_set(r, "Page.Nav", "price_book");
	return render_as(r, "app/price_book/form.cs", status);
}

static void
keep_item(struct req *r, const struct price_item *it)
{
	hdf_set(r, "Form.Values.name", it->name);
	hdf_set(r, "Form.Values.description", it->description);
	hdf_set(r, "Form.Values.unit", it->unit);
	hdf_set(r, "Form.Values.price", lines_decimal(r->arena, it->unit_cents,
	    2, false));
	hdf_set(r, "Form.Values.taxable", it->taxable ? "1" : "0");
	hdf_set_int(r, "Form.Values.version", it->version);
}

/* The item form into it; messages next to the fields.  Returns the errors. */
static int
read_form(struct req *r, struct price_item *it)
{
	const char	*price = str_trim(r->arena, req_field(r, "price"));
	const char	*m;
	int		 n = 0;

	it->name = str_trim(r->arena, req_field(r, "name"));
	it->description = lines_text(r->arena, req_field(r, "description"));
	it->unit = str_trim(r->arena, req_field(r, "unit"));
	it->taxable = *req_field(r, "taxable") != '\0';
	n += form_error(r, "name", valid_line(it->name, 1, 160));
	n += form_error(r, "description", valid_text(it->description, 0, 2000));
	m = valid_line(it->unit, 0, 20);
	n += form_error(r, "unit", m && strcmp(m, "This is too long") == 0 ?
	    "Use at most 20 characters, like hr, ea or sq ft" : m);
	m = NULL;
	if (*price == '\0')
		m = "Enter a price";
	else if (*price == '-')
		m = "A price book price can't be negative";
	else if (!money_parse_decimal(price, 2, false, MONEY_MAX_CENTS,
	    &it->unit_cents))
		m = "Enter a price like 125 or 125.50";
	n += form_error(r, "price", m);
	return n;
}

/* GET /app/price-book/new */
int
price_book_new(struct req *r)
{
	hdf_set(r, "Form.Values.taxable", "1");
	return form_page(r, NULL, HTTP_200);
}

/* POST /app/price-book */
int
price_book_create(struct req *r)
{
	struct price_item	 it;
	int64_t			 id;

	memset(&it, 0, sizeof(it));
	if (read_form(r, &it) > 0) {
		form_keep(r, item_fields);
		return form_page(r, NULL, HTTP_422);
	}
	if (db_price_item_insert(r, &it, &id) != DB_OK)
		return HTTP_500;
	flash(r, "item_saved");
	return redirect(r, "/app/price-book");
}

static int
route_item(struct req *r, struct price_item *it)
{
	int64_t	 id;

	if (!route_id(r, "id", &id))
		return HTTP_404;
	switch (db_price_item_get(r, id, it)) {
	case DB_OK:
		return 0;
	case DB_NONE:
		return HTTP_404;
	default:
		return HTTP_500;
	}
}

/* GET /app/price-book/:id/edit */
int
price_book_edit(struct req *r)
{
	struct price_item	 it;
	int			 st;

	if ((st = route_item(r, &it)) != 0)
		return st;
	keep_item(r, &it);
	return form_page(r, &it, HTTP_200);
}

/* POST /app/price-book/:id */
int
price_book_update(struct req *r)
{
	struct price_item	 it, cur;
	const char		*currency;
	int			 st;

	if ((st = route_item(r, &cur)) != 0)
		return st;
	it = cur;
	if (read_form(r, &it) > 0) {
		form_keep(r, item_fields);
		return form_page(r, &cur, HTTP_422);
	}
	it.version = strtoll(req_field(r, "version"), NULL, 10);
	switch (db_price_item_update(r, &it)) {
	case DB_OK:
		flash(r, "item_saved");
		return redirect(r, "/app/price-book");
	case DB_STALE:
		break;
	default:
		return HTTP_500;
	}
	/* Someone saved first: keep the typed values, show theirs. */
	if ((st = route_item(r, &cur)) != 0)
		return st;
	if ((currency = currency_of(r)) == NULL)
		return HTTP_500;
	form_keep(r, item_fields);
	hdf_set_int(r, "Form.Values.version", cur.version);
	put_item(r, "Current", &cur, currency);
	hdf_set(r, "Form.Error", "Someone else saved this item while you were "
	    "editing. Your changes are below, not saved yet; the saved "
	    "version is shown above them. Save again to replace it.");
	return form_page(r, &cur, HTTP_409);
}

static int
set_archived(struct req *r, bool archived)
{
	struct price_item	 it;
	int			 st;

	if ((st = route_item(r, &it)) != 0)
		return st;
	if (db_price_item_set_archived(r, it.id, archived) != DB_OK)
		return HTTP_500;
	flash(r, archived ? "item_archived" : "item_restored");
	return redirect(r, archived ? "/app/price-book" :
	    "/app/price-book?archived=1");
}

/* POST /app/price-book/:id/archive */
int
price_book_archive(struct req *r)
{
	return set_archived(r, true);
}

/* POST /app/price-book/:id/restore */
int
price_book_restore(struct req *r)
{
	return set_archived(r, false);
}
