/*
 * Companies: the tenants.  A company reads and writes only its own row:
 * statements take its id from the session like every tenant statement.
 */
#include <string.h>

#include "app.h"

enum { Q_INSERT, Q_GET, Q_UPDATE, Q_SET_LOGO };

#define COMPANY_COLS	"id, name, trade, street, city, region, postal_code, " \
			"phone, email, hours, timezone, COALESCE(logo_file, ''), " \
			"COALESCE(logo_type, ''), version"

struct db_stmt db_companies_sql[] = {
	[Q_INSERT] = { "company_insert",
	    "sign-up creates the tenant itself",
	    "INSERT INTO companies (name, trade, street, city, region, "
	    "postal_code, phone, email, hours, timezone) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" },
	[Q_GET] = { "company_get", NULL,
	    "SELECT " COMPANY_COLS " FROM companies WHERE id = :company" },
	[Q_UPDATE] = { "company_update", NULL,
	    "UPDATE companies SET name = ?, trade = ?, street = ?, city = ?, "
	    "region = ?, postal_code = ?, phone = ?, email = ?, hours = ?, "
	    "timezone = ?, version = version + 1, updated_at = NOW() "
	    "WHERE id = :company AND version = ?" },
	[Q_SET_LOGO] = { "company_set_logo", NULL,
	    "UPDATE companies SET logo_file = ?, logo_type = ?, "
	    "version = version + 1, updated_at = NOW() WHERE id = :company" },
	{ NULL, NULL, NULL, NULL, 0, 0 }
};

static void
company_params(const struct company *c, struct dbv *v)
{
	v[0] = DV_STR(c->name);
	v[1] = DV_STR(c->trade);
	v[2] = DV_STR(c->street);
	v[3] = DV_STR(c->city);
	v[4] = DV_STR(c->region);
	v[5] = DV_STR(c->postal_code);
	v[6] = DV_STR(c->phone);
	v[7] = DV_STR(c->email);
	v[8] = DV_STR(c->hours);
	v[9] = DV_STR(c->timezone);
}

int
db_company_insert(struct req *r, const struct company *c, int64_t *id)
{
	struct dbv	 v[10];
	struct db_res	 res;
	int		 rc;

	company_params(c, v);
	if ((rc = db_run(r, &db_companies_sql[Q_INSERT], v, 10, &res)) == DB_OK)
		*id = res.insert_id;
	return rc;
}

/* The signed-in company. */
int
db_company_get(struct req *r, struct company *c)
{
	struct db_res	 res;
	struct db_row	*row;
	int		 rc;

	if ((rc = db_run(r, &db_companies_sql[Q_GET], NULL, 0, &res)) != DB_OK)
		return rc;
	row = &res.rows[0];
	c->id = db_int(row, 0);
	c->name = db_str(row, 1);
	c->trade = db_str(row, 2);
	c->street = db_str(row, 3);
	c->city = db_str(row, 4);
	c->region = db_str(row, 5);
	c->postal_code = db_str(row, 6);
	c->phone = db_str(row, 7);
	c->email = db_str(row, 8);
	c->hours = db_str(row, 9);
	c->timezone = db_str(row, 10);
	c->logo_file = db_str(row, 11);
	c->logo_type = db_str(row, 12);
	c->version = db_int(row, 13);
	return DB_OK;
}

/* Update the signed-in company if it is still at c->version, else DB_STALE. */
int
db_company_update(struct req *r, const struct company *c)
{
	struct dbv	 v[11];
	struct db_res	 res;
	int		 rc;

	company_params(c, v);
	v[10] = DV_INT(c->version);
	if ((rc = db_run(r, &db_companies_sql[Q_UPDATE], v, 11, &res)) != DB_OK)
		return rc;
	return res.affected == 1 ? DB_OK : DB_STALE;
}

int
db_company_set_logo(struct req *r, const char *file, const char *type)
{
	struct dbv	 v[] = { DV_STR(file), DV_STR(type) };

	return db_run(r, &db_companies_sql[Q_SET_LOGO], v, 2, NULL);
}
