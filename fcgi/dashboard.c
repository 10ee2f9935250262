/*
 * The back-office home: today's and this week's visits (a field user's
 * own), the money out there (sent estimates, unpaid and overdue
 * invoices; office and owners only), recent activity in the job
 * histories, the company card, what is left to set up, and the team.
 */
#include <string.h>

#include "app.h"

static void
setup_item(struct req *r, int i, const char *label, bool done,
    const char *href)
{
	hdf_set(r, arena_printf(r->arena, "Setup.%d.Label", i), label);
	hdf_set(r, arena_printf(r->arena, "Setup.%d.Done", i), done ? "1" : "0");
	hdf_set(r, arena_printf(r->arena, "Setup.%d.Href", i), href);
}

#define WEEK_SHOWN	40

/* Today.* and Week.*: the visits of today and of this week (Monday on). */
static int
visits(struct req *r, const char *zone, int64_t user)
{
	struct tz_date	 today, dt;
	struct visit	*vs;
	int64_t		 t, monday;
	size_t		 n;

	tz_local_date(zone, time(NULL), &today);
	t = tz_days(&today);
	monday = t - tz_weekday(t);
	tz_civil(t + 1, &dt);
	if (db_visit_list_range(r, tz_day_start(zone, &today),
	    tz_day_start(zone, &dt), user, &vs, &n) != DB_OK)
		return -1;
	visits_put(r, "Today.Visits", vs, n, zone);
	hdf_set_int(r, "Today.Count", (int64_t)n);
	tz_civil(monday, &dt);
	tz_civil(monday + 7, &today);
	if (db_visit_list_range(r, tz_day_start(zone, &dt),
	    tz_day_start(zone, &today), user, &vs, &n) != DB_OK)
		return -1;
	visits_put(r, "Week.Visits", vs, n < WEEK_SHOWN ? n : WEEK_SHOWN, zone);
	hdf_set_int(r, "Week.Count", (int64_t)n);
	if (n > WEEK_SHOWN)
		hdf_set_int(r, "Week.More", (int64_t)(n - WEEK_SHOWN));
	return 0;
}

/* Money.*: sent estimates and unpaid invoices, in the company's currency. */
static int
money(struct req *r, const char *zone)
{
	struct tz_date	 today;
	const char	*cur;
	char		 day[11];
	int64_t		 en, ec, in, ic, od;

	tz_local_date(zone, time(NULL), &today);
	tz_date_str(&today, day);
	if (db_dashboard_money(r, day, &en, &ec, &in, &ic, &od, &cur) != DB_OK)
		return -1;
	hdf_set_int(r, "Money.Estimates.Count", en);
	hdf_set(r, "Money.Estimates.Total", money_format(r->arena, ec, cur));
	hdf_set_int(r, "Money.Invoices.Count", in);
	hdf_set(r, "Money.Invoices.Balance", money_format(r->arena, ic, cur));
	hdf_set_int(r, "Money.Invoices.Overdue", od);
	return 0;
}

/* GET /app/ */
int
dashboard_show(struct req *r)
{
	struct company		 c;
	struct user		*us;
	struct job_event	*ev;
	size_t			 i, n, nev;
	int64_t			 mine = r->sess.role >= ROLE_OFFICE ? 0 :
				    r->sess.user_id;
	bool			 customers, jobs;

	if (db_company_get(r, &c) != DB_OK ||
	    db_user_list(r, &us, &n) != DB_OK ||
	    db_dashboard_setup(r, &customers, &jobs) != DB_OK ||
	    visits(r, c.timezone, mine) == -1 ||
	    db_job_event_recent(r, mine, &ev, &nev) != DB_OK)
		return HTTP_500;
	if (mine == 0) {
		if (money(r, c.timezone) == -1)
			return HTTP_500;
		hdf_set(r, "Money.Show", "1");
	}
	job_put_events(r, "Activity", ev, nev, c.timezone);
	hdf_put_company(r, &c);
	setup_item(r, 0, "Create your company", true, "/app/settings");
	setup_item(r, 1, "Add your address and business hours",
	    *c.street && *c.hours, "/app/settings");
	setup_item(r, 2, "Upload your logo", *c.logo_file != '\0',
	    "/app/settings");
	setup_item(r, 3, "Invite your team", n > 1, "/app/staff");
	setup_item(r, 4, "Add your first customer", customers,
	    "/app/customers/new");
	setup_item(r, 5, "Create a job", jobs, "/app/jobs/new");
	for (i = 0; i < n && i < 8; i++) {
		hdf_set(r, arena_printf(r->arena, "Team.%zu.Name", i),
		    us[i].name);
		hdf_set(r, arena_printf(r->arena, "Team.%zu.RoleLabel", i),
		    role_label(us[i].role));
		hdf_set(r, arena_printf(r->arena, "Team.%zu.Role", i),
		    role_name(us[i].role));
		hdf_set(r, arena_printf(r->arena, "Team.%zu.Status", i),
		    us[i].status);
	}
	hdf_set_int(r, "Team.Count", (int64_t)n);
	hdf_set(r, "Page.Title", "Dashboard");
	hdf_set(r, "Page.Nav", "dashboard");
	return render(r, "app/dashboard.cs");
}
