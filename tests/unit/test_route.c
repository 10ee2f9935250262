/*
 * route.c: method and path against a small table — exact segments,
 * ":name" arguments, HEAD served by GET routes, 405 against 404 — and
 * route_id's idea of an id.
 */
#include <string.h>

#include "unit.h"

static struct arena	*a;

static void
setup(void)
{
	a = arena_new();
}

static void
teardown(void)
{
	arena_free(a);
}

static int
handler(struct req *r)
{
	(void)r;
	return HTTP_200;
}

static const struct route table[] = {
	{ METHOD_GET,  "/",			handler, ACCESS_PUBLIC },
	{ METHOD_GET,  "/login",		handler, ACCESS_GUEST },
	{ METHOD_POST, "/login",		handler, ACCESS_GUEST },
	{ METHOD_GET,  "/app/",			handler, ACCESS_FIELD },
	{ METHOD_GET,  "/app/staff",		handler, ACCESS_OFFICE },
	{ METHOD_POST, "/app/staff/:id/role",	handler, ACCESS_OWNER },
	{ METHOD_GET,  "/dev/mail/:name",	handler, ACCESS_PUBLIC },
	{ METHOD_GET,  "/a/:x/b/:y",		handler, ACCESS_PUBLIC },
};

static const struct {
	enum method	 method;
	const char	*path;
	int		 want;		/* index in table, -1: none */
	bool		 known;		/* with -1: another method matches */
	const char	*args;
} route_cases[] = {
	{ METHOD_GET,  "/", 0, false, "" },
	{ METHOD_HEAD, "/", 0, false, "" },
	{ METHOD_GET,  "/login", 1, false, "" },
	{ METHOD_POST, "/login", 2, false, "" },
	{ METHOD_HEAD, "/login", 1, false, "" },
	{ METHOD_GET,  "/app/", 3, false, "" },
	{ METHOD_GET,  "/app/staff", 4, false, "" },
	{ METHOD_POST, "/app/staff/42/role", 5, false, "id=42" },
	{ METHOD_POST, "/app/staff/abc/role", 5, false, "id=abc" },
	{ METHOD_GET,  "/dev/mail/0001-welcome.eml", 6, false,
	    "name=0001-welcome.eml" },
	{ METHOD_GET,  "/a/1/b/2", 7, false, "x=1|y=2" },
	/* 405: the path is known, the method is not */
	{ METHOD_POST, "/", -1, true, NULL },
	{ METHOD_POST, "/app/staff", -1, true, NULL },
	{ METHOD_GET,  "/app/staff/42/role", -1, true, NULL },
	{ METHOD__MAX, "/login", -1, true, NULL },
	/* 404 */
	{ METHOD_GET,  "/nope", -1, false, NULL },
	{ METHOD_GET,  "", -1, false, NULL },
	{ METHOD_GET,  "/app", -1, false, NULL },
	{ METHOD_GET,  "/app/staff/", -1, false, NULL },
	{ METHOD_GET,  "/app/stafff", -1, false, NULL },
	{ METHOD_GET,  "/login/", -1, false, NULL },
	{ METHOD_GET,  "//", -1, false, NULL },
	{ METHOD_POST, "/app/staff//role", -1, false, NULL },
	{ METHOD_POST, "/app/staff/42/role/", -1, false, NULL },
	{ METHOD_POST, "/app/staff/42/rol", -1, false, NULL },
	{ METHOD_POST, "/app/staff/42", -1, false, NULL },
	{ METHOD_GET,  "/dev/mail/", -1, false, NULL },
	{ METHOD_GET,  "/dev/mail/a/b", -1, false, NULL },
	{ METHOD_GET,  "/a/1/b/", -1, false, NULL },
};

START_TEST(route_table)
{
	struct req		 r;
	const struct route	*rt;
	unsigned		 allowed = 0xff;

	memset(&r, 0, sizeof(r));
	r.arena = a;
	r.method = route_cases[_i].method;
	r.path = route_cases[_i].path;
	rt = route_match(&r, table, NELEM(table), &allowed);
	if (route_cases[_i].want < 0) {
		ck_assert_msg(rt == NULL, "case %d: matched %s", _i,
		    rt ? rt->pattern : "");
		ck_assert_msg((allowed != 0) == route_cases[_i].known,
		    "case %d: allowed methods %#x", _i, allowed);
		return;
	}
	ck_assert_msg(rt == &table[route_cases[_i].want],
	    "case %d: matched %s", _i, rt ? rt->pattern : "nothing");
	ck_assert_str_eq(dump_params(a, &r.route_args),
	    route_cases[_i].args);
}
END_TEST

static const struct {
	const char	*arg;
	bool		 ok;
	int64_t		 id;
} id_cases[] = {
	{ "1", true, 1 },
	{ "42", true, 42 },
	{ "9223372036854775807", true, INT64_MAX },
	{ NULL, false, 0 },
	{ "", false, 0 },
	{ "0", false, 0 },
	{ "007", false, 0 },
	{ "-1", false, 0 },
	{ "+1", false, 0 },
	{ " 1", false, 0 },
	{ "1 ", false, 0 },
	{ "1a", false, 0 },
	{ "1.0", false, 0 },
	{ "0x10", false, 0 },
	{ "9223372036854775808", false, 0 },
	{ "99999999999999999999999", false, 0 },
};

START_TEST(id_table)
{
	struct req	 r;
	int64_t		 id = -7;
	bool		 ok;

	memset(&r, 0, sizeof(r));
	if (id_cases[_i].arg != NULL)
		params_add(a, &r.route_args, "id", id_cases[_i].arg,
		    strlen(id_cases[_i].arg));
	ok = route_id(&r, "id", &id);
	ck_assert_msg(ok == id_cases[_i].ok, "case %d \"%s\"", _i,
	    id_cases[_i].arg ? id_cases[_i].arg : "(none)");
	if (ok)
		ck_assert_int_eq(id, id_cases[_i].id);
	else
		ck_assert_int_eq(id, -7);	/* untouched */
}
END_TEST

Suite *
route_suite(void)
{
	Suite	*s = suite_create("route");
	TCase	*tc;

	tc = tcase_create("route");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, route_table, 0, (int)NELEM(route_cases));
	tcase_add_loop_test(tc, id_table, 0, (int)NELEM(id_cases));
	suite_add_tcase(s, tc);
	return s;
}
