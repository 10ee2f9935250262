/*
 * The price book: a company's reusable items (name, description, unit,
 * unit price, taxable) that fill document lines.  Items are archived,
 * never deleted, so lines that came from one keep pointing at it.
 */
#include <string.h>

#include "app.h"

enum { Q_GET, Q_LIST, Q_INSERT, Q_UPDATE, Q_SET_ARCHIVED };

#define ITEM_COLS	"id, name, description, unit, unit_price_cents, taxable, " \
			"archived, version"

struct db_stmt db_price_book_sql[] = {
	[Q_GET] = { "price_item_get", NULL,
	    "SELECT " ITEM_COLS " FROM price_items "
	    "WHERE company_id = :company AND id = ?" },
	/* By name, keyset-paged on (name, id). */
	[Q_LIST] = { "price_item_list", NULL,
	    "SELECT " ITEM_COLS " FROM price_items "
	    "WHERE company_id = :company AND archived = ? "
	    "AND (? = '' OR name LIKE ? OR description LIKE ?) "
	    "AND (? = 0 OR name > ? OR (name = ? AND id > ?)) "
	    "ORDER BY name, id LIMIT ?" },
	[Q_INSERT] = { "price_item_insert", NULL,
	    "INSERT INTO price_items (company_id, name, description, unit, "
	    "unit_price_cents, taxable) VALUES (:company, ?, ?, ?, ?, ?)" },
	[Q_UPDATE] = { "price_item_update", NULL,
	    "UPDATE price_items SET name = ?, description = ?, unit = ?, "
	    "unit_price_cents = ?, taxable = ?, version = version + 1 "
	    "WHERE company_id = :company AND id = ? AND version = ?" },
	[Q_SET_ARCHIVED] = { "price_item_set_archived", NULL,
	    "UPDATE price_items SET archived = ?, version = version + 1 "
	    "WHERE company_id = :company AND id = ?" },
	{ NULL, NULL, NULL, NULL, 0, 0 }
};

static void
item_row(const struct db_row *row, struct price_item *it)
{
	it->id = db_int(row, 0);
	it->name = db_str(row, 1);
	it->description = db_str(row, 2);
	it->unit = db_str(row, 3);
	it->unit_cents = db_int(row, 4);
	it->taxable = db_int(row, 5) != 0;
	it->archived = db_int(row, 6) != 0;
	it->version = db_int(row, 7);
}

int
db_price_item_get(struct req *r, int64_t id, struct price_item *it)
{
	struct dbv	 v[] = { DV_INT(id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_price_book_sql[Q_GET], v, 1, &res)) == DB_OK)
		item_row(&res.rows[0], it);
	return rc;
}

/* "%q%" for LIKE, with the wildcards of q taken literally. */
static char *
like_of(struct arena *a, const char *q)
{
	struct buf	 b;

	buf_init(&b, a);
	buf_putc(&b, '%');
	for (; *q; q++) {
		if (*q == '%' || *q == '_' || *q == '\\')
			buf_putc(&b, '\\');
		buf_putc(&b, *q);
	}
	buf_putc(&b, '%');
	return b.data;
}

/*
 * Up to limit items (archived or not) matching q, by name, after
 * (after_name, after_id) when after_id > 0.
 */
int
db_price_item_list(struct req *r, bool archived, const char *q,
    const char *after_name, int64_t after_id, int64_t limit,
    struct price_item **out, size_t *n)
{
	char		*like = like_of(r->arena, q);
	struct dbv	 v[] = { DV_INT(archived), DV_STR(q), DV_STR(like),
	    DV_STR(like), DV_INT(after_id), DV_STR(after_name),
	    DV_STR(after_name), DV_INT(after_id), DV_INT(limit) };
	struct db_res	 res;
	size_t		 i;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_run(r, &db_price_book_sql[Q_LIST], v, 9, &res)) != DB_OK)
		return rc == DB_NONE ? DB_OK : rc;
	*out = arena_zalloc(r->arena, res.nrows * sizeof(**out));
	for (i = 0; i < res.nrows; i++)
		item_row(&res.rows[i], &(*out)[i]);
	*n = res.nrows;
	return DB_OK;
}

int
db_price_item_insert(struct req *r, const struct price_item *it, int64_t *id)
{
	struct dbv	 v[] = { DV_STR(it->name), DV_STR(it->description),
	    DV_STR(it->unit), DV_INT(it->unit_cents), DV_INT(it->taxable) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_price_book_sql[Q_INSERT], v, 5, &res)) == DB_OK)
		*id = res.insert_id;
	return rc;
}

/* DB_STALE when the item moved past it->version (or is not ours). */
int
db_price_item_update(struct req *r, const struct price_item *it)
{
	struct dbv	 v[] = { DV_STR(it->name), DV_STR(it->description),
	    DV_STR(it->unit), DV_INT(it->unit_cents), DV_INT(it->taxable),
	    DV_INT(it->id), DV_INT(it->version) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_price_book_sql[Q_UPDATE], v, 7, &res)) != DB_OK)
		return rc;
	return res.affected == 1 ? DB_OK : DB_STALE;
}

int
db_price_item_set_archived(struct req *r, int64_t id, bool archived)
{
	struct dbv	 v[] = { DV_INT(archived), DV_INT(id) };
	struct db_res	 res;
	int		 rc;

	if ((rc = db_run(r, &db_price_book_sql[Q_SET_ARCHIVED], v, 2,
	    &res)) != DB_OK)
		return rc;
	return res.affected == 1 ? DB_OK : DB_NONE;
}
