/*
 * The back-office home: the company card, what is left to set up, and the
 * team at a glance.  Later features add their own cards here.
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

/* GET /app/ */
int
dashboard_show(struct req *r)
{
	struct company	 c;
	struct user	*us;
	size_t		 i, n;

	if (db_company_get(r, &c) != DB_OK || db_user_list(r, &us, &n) != DB_OK)
		return HTTP_500;
	hdf_put_company(r, &c);
	setup_item(r, 0, "Create your company", true, "/app/settings");
	setup_item(r, 1, "Add your address and business hours",
	    *c.street && *c.hours, "/app/settings");
	setup_item(r, 2, "Upload your logo", *c.logo_file != '\0',
	    "/app/settings");
	setup_item(r, 3, "Invite your team", n > 1, "/app/staff");
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
