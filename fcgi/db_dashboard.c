/*
 * The dashboard's figures: what is left to set up, and the money that is
 * out there — sent estimates awaiting an answer, unpaid invoices and how
 * many of them are overdue — read from the documents table.
 */
#include <string.h>

#include "app.h"

enum { Q_SETUP, Q_ESTIMATES, Q_INVOICES, Q_CURRENCY };

struct db_stmt db_dashboard_sql[] = {
	[Q_SETUP] = { "dashboard_setup", NULL,
	    "SELECT EXISTS (SELECT 1 FROM customers WHERE company_id = :company), "
	    "EXISTS (SELECT 1 FROM jobs WHERE company_id = :company)" },
	[Q_ESTIMATES] = { "dashboard_estimates", NULL,
	    "SELECT COUNT(*), COALESCE(SUM(total_cents), 0) FROM documents "
	    "WHERE company_id = :company AND kind = 'estimate' AND status = 'sent'" },
	[Q_INVOICES] = { "dashboard_invoices", NULL,
	    "SELECT COUNT(*), COALESCE(SUM(total_cents - paid_cents), 0), "
	    "COALESCE(SUM(due_on < ?), 0) FROM documents "
	    "WHERE company_id = :company AND kind = 'invoice' "
	    "AND status IN ('sent', 'partial')" },
	[Q_CURRENCY] = { "dashboard_currency", NULL,
	    "SELECT currency FROM companies WHERE id = :company" },
	{ NULL, NULL, NULL, NULL, 0, 0 }
};

/* Whether the company has a customer yet, and a job. */
int
db_dashboard_setup(struct req *r, bool *customers, bool *jobs)
{
	struct db_res	 res;

	if (db_run(r, &db_dashboard_sql[Q_SETUP], NULL, 0, &res) != DB_OK)
		return DB_ERR;
	*customers = db_int(&res.rows[0], 0) != 0;
	*jobs = db_int(&res.rows[0], 1) != 0;
	return DB_OK;
}

/*
 * Sent estimates (count, total), unpaid invoices (count, balance, how
 * many are due before `today`, YYYY-MM-DD in the company's zone) and the
 * company's currency.
 */
int
db_dashboard_money(struct req *r, const char *today, int64_t *est_n,
    int64_t *est_cents, int64_t *inv_n, int64_t *inv_cents, int64_t *overdue,
    const char **currency)
{
	struct dbv	 v[] = { DV_STR(today) };
	struct db_res	 res;

	if (db_run(r, &db_dashboard_sql[Q_ESTIMATES], NULL, 0, &res) != DB_OK)
		return DB_ERR;
	*est_n = db_int(&res.rows[0], 0);
	*est_cents = db_int(&res.rows[0], 1);
	if (db_run(r, &db_dashboard_sql[Q_INVOICES], v, 1, &res) != DB_OK)
		return DB_ERR;
	*inv_n = db_int(&res.rows[0], 0);
	*inv_cents = db_int(&res.rows[0], 1);
	*overdue = db_int(&res.rows[0], 2);
	if (db_run(r, &db_dashboard_sql[Q_CURRENCY], NULL, 0, &res) != DB_OK)
		return DB_ERR;
	*currency = db_str(&res.rows[0], 0);
	return DB_OK;
}
