/*
 * tz.c: strict dates and clock times, day arithmetic, and conversions
 * between the company's wall clock and UTC through the system's zone
 * data — summer and winter time, the hour skipped when clocks go forward
 * (refused), the hour lived twice when they go back (the earlier one), a
 * zone that skips midnight itself — and that TZ is UTC again after each.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdlib.h>
#include <string.h>

#include "unit.h"

static const struct {
	const char	*in;
	bool		 ok;
	int		 y, m, d;
} date_cases[] = {
	{ "2025-03-14", true, 2025, 3, 14 },
	{ "2025-02-28", true, 2025, 2, 28 },
	{ "2024-02-29", true, 2024, 2, 29 },	/* leap year */
	{ "2000-02-29", true, 2000, 2, 29 },	/* divisible by 400 */
	{ "2025-12-31", true, 2025, 12, 31 },
	{ "9999-12-31", true, 9999, 12, 31 },
	{ "1900-01-01", true, 1900, 1, 1 },
	{ "2025-02-29", false, 0, 0, 0 },
	{ "2025-02-30", false, 0, 0, 0 },
	{ "1900-02-29", false, 0, 0, 0 },	/* divisible by 100 */
	{ "2100-02-29", false, 0, 0, 0 },
	{ "2025-04-31", false, 0, 0, 0 },
	{ "2025-13-01", false, 0, 0, 0 },
	{ "2025-00-10", false, 0, 0, 0 },
	{ "2025-01-00", false, 0, 0, 0 },
	{ "2025-01-32", false, 0, 0, 0 },
	{ "1899-12-31", false, 0, 0, 0 },
	{ "2025-1-01", false, 0, 0, 0 },
	{ "25-01-01", false, 0, 0, 0 },
	{ "2025/01/01", false, 0, 0, 0 },
	{ "2025-01-01x", false, 0, 0, 0 },
	{ " 2025-01-01", false, 0, 0, 0 },
	{ "2025-01-0a", false, 0, 0, 0 },
	{ "+025-01-01", false, 0, 0, 0 },
	{ "", false, 0, 0, 0 },
	{ NULL, false, 0, 0, 0 },
};

START_TEST(date_table)
{
	struct tz_date	 dt = { 0, 0, 0 };
	bool		 ok = tz_parse_date(date_cases[_i].in, &dt);

	ck_assert_msg(ok == date_cases[_i].ok, "\"%s\": got %d",
	    date_cases[_i].in ? date_cases[_i].in : "(null)", ok);
	if (ok)
		ck_assert(dt.y == date_cases[_i].y && dt.m == date_cases[_i].m &&
		    dt.d == date_cases[_i].d);
}
END_TEST

static const struct {
	const char	*in;
	bool		 ok;
	int		 h, m;
} clock_cases[] = {
	{ "00:00", true, 0, 0 },
	{ "08:30", true, 8, 30 },
	{ "23:59", true, 23, 59 },
	{ "09:30:00", true, 9, 30 },
	{ "24:00", false, 0, 0 },
	{ "12:60", false, 0, 0 },
	{ "9:30", false, 0, 0 },
	{ "09:30:15", false, 0, 0 },
	{ "09-30", false, 0, 0 },
	{ "ab:cd", false, 0, 0 },
	{ "09:3", false, 0, 0 },
	{ "", false, 0, 0 },
	{ NULL, false, 0, 0 },
};

START_TEST(clock_table)
{
	int	 h = -1, m = -1;
	bool	 ok = tz_parse_clock(clock_cases[_i].in, &h, &m);

	ck_assert_msg(ok == clock_cases[_i].ok, "\"%s\"",
	    clock_cases[_i].in ? clock_cases[_i].in : "(null)");
	if (ok)
		ck_assert(h == clock_cases[_i].h && m == clock_cases[_i].m);
}
END_TEST

START_TEST(day_numbers)
{
	struct tz_date	 dt, back;
	int64_t		 z;

	dt = (struct tz_date){ 1970, 1, 1 };
	ck_assert_int_eq(tz_days(&dt), 0);
	ck_assert_int_eq(tz_weekday(0), 3);		/* a Thursday */
	dt = (struct tz_date){ 2000, 3, 1 };
	ck_assert_int_eq(tz_days(&dt), 11017);
	dt = (struct tz_date){ 2025, 3, 3 };
	ck_assert_int_eq(tz_weekday(tz_days(&dt)), 0);	/* a Monday */
	dt = (struct tz_date){ 2025, 3, 9 };
	ck_assert_int_eq(tz_weekday(tz_days(&dt)), 6);	/* a Sunday */
	dt = (struct tz_date){ 1969, 12, 31 };
	ck_assert_int_eq(tz_days(&dt), -1);
	ck_assert_int_eq(tz_weekday(-1), 2);
	/* Every day from 1900 to 2200 round-trips and the month lengths agree. */
	for (z = -25567; z < 84000; z++) {
		tz_civil(z, &back);
		ck_assert_int_eq(tz_days(&back), z);
		ck_assert(back.d >= 1 && back.d <= tz_month_days(back.y, back.m));
	}
	ck_assert_int_eq(tz_month_days(2024, 2), 29);
	ck_assert_int_eq(tz_month_days(2023, 2), 28);
	ck_assert_int_eq(tz_month_days(2023, 13), 0);
}
END_TEST

static time_t
utc(int y, int m, int d, int h, int min)
{
	struct tz_date	 dt = { y, m, d };

	return (time_t)(tz_days(&dt) * 86400 + h * 3600 + min * 60);
}

/*
 * The zone is left set between calls (one zone file read per change): a
 * call in another zone right after must not see the previous one.
 */
static void
assert_tz_utc(void)
{
	struct tm	 tm;

	ck_assert(tz_utc_to_local("UTC", utc(2025, 7, 1, 13, 0), &tm));
	ck_assert_msg(tm.tm_hour == 13 && tm.tm_isdst == 0,
	    "UTC right after another zone reads %02d:00", tm.tm_hour);
}

static const struct {
	const char	*zone;
	int		 y, m, d, h, min;
	bool		 ok;
	int		 uy, um, ud, uh, umin;	/* the UTC instant */
} local_cases[] = {
	{ "America/New_York", 2025, 7, 1, 9, 0, true, 2025, 7, 1, 13, 0 },
	{ "America/New_York", 2025, 1, 15, 9, 0, true, 2025, 1, 15, 14, 0 },
	{ "America/New_York", 2025, 12, 31, 22, 30, true, 2026, 1, 1, 3, 30 },
	/* Spring forward: 02:00–02:59 does not exist on 9 March 2025. */
	{ "America/New_York", 2025, 3, 9, 2, 30, false, 0, 0, 0, 0, 0 },
	{ "America/New_York", 2025, 3, 9, 2, 0, false, 0, 0, 0, 0, 0 },
	{ "America/New_York", 2025, 3, 9, 1, 59, true, 2025, 3, 9, 6, 59 },
	{ "America/New_York", 2025, 3, 9, 3, 0, true, 2025, 3, 9, 7, 0 },
	/* Fall back: 01:30 happens twice on 2 November 2025; the first one. */
	{ "America/New_York", 2025, 11, 2, 1, 30, true, 2025, 11, 2, 5, 30 },
	{ "America/New_York", 2025, 11, 2, 2, 30, true, 2025, 11, 2, 7, 30 },
	{ "Europe/Berlin", 2025, 3, 30, 2, 30, false, 0, 0, 0, 0, 0 },
	{ "Europe/Berlin", 2025, 10, 26, 2, 30, true, 2025, 10, 26, 0, 30 },
	{ "Asia/Kolkata", 2025, 1, 1, 0, 0, true, 2024, 12, 31, 18, 30 },
	{ "Australia/Sydney", 2025, 1, 1, 9, 0, true, 2024, 12, 31, 22, 0 },
	{ "UTC", 2025, 6, 1, 12, 0, true, 2025, 6, 1, 12, 0 },
};

START_TEST(local_to_utc_table)
{
	struct tz_date	 dt = { local_cases[_i].y, local_cases[_i].m,
	    local_cases[_i].d };
	time_t		 t = 0;
	bool		 ok;

	ok = tz_local_to_utc(local_cases[_i].zone, &dt, local_cases[_i].h,
	    local_cases[_i].min, &t);
	assert_tz_utc();
	ck_assert_msg(ok == local_cases[_i].ok, "case %d (%s): got %d", _i,
	    local_cases[_i].zone, ok);
	if (ok)
		ck_assert_msg(t == utc(local_cases[_i].uy, local_cases[_i].um,
		    local_cases[_i].ud, local_cases[_i].uh,
		    local_cases[_i].umin), "case %d: %lld", _i, (long long)t);
}
END_TEST

START_TEST(utc_to_local)
{
	struct tm	 tm;
	struct tz_date	 dt;

	ck_assert(tz_utc_to_local("America/New_York", utc(2025, 7, 1, 13, 0),
	    &tm));
	assert_tz_utc();
	ck_assert_int_eq(tm.tm_hour, 9);
	ck_assert_int_eq(tm.tm_isdst, 1);
	ck_assert(tz_utc_to_local("America/New_York", utc(2025, 1, 15, 14, 0),
	    &tm));
	ck_assert_int_eq(tm.tm_hour, 9);
	ck_assert_int_eq(tm.tm_isdst, 0);
	/* 03:30 UTC on New Year's Day is still New Year's Eve in New York. */
	tz_local_date("America/New_York", utc(2026, 1, 1, 3, 30), &dt);
	assert_tz_utc();
	ck_assert(dt.y == 2025 && dt.m == 12 && dt.d == 31);
	tz_local_date("Pacific/Auckland", utc(2025, 6, 30, 13, 0), &dt);
	ck_assert(dt.y == 2025 && dt.m == 7 && dt.d == 1);
}
END_TEST

START_TEST(day_start)
{
	struct tz_date	 dt = { 2025, 3, 9 };

	/* A day of 23 hours in New York still starts at midnight. */
	ck_assert_int_eq(tz_day_start("America/New_York", &dt),
	    utc(2025, 3, 9, 5, 0));
	dt = (struct tz_date){ 2025, 3, 10 };
	ck_assert_int_eq(tz_day_start("America/New_York", &dt),
	    utc(2025, 3, 10, 4, 0));
	/* Santiago skipped midnight on 8 September 2024: the day began at 01:00. */
	dt = (struct tz_date){ 2024, 9, 8 };
	ck_assert_int_eq(tz_day_start("America/Santiago", &dt),
	    utc(2024, 9, 8, 4, 0));
	assert_tz_utc();
}
END_TEST

START_TEST(database_times)
{
	char	 s[20];
	time_t	 t;

	ck_assert(tz_parse_utc("2025-03-09 07:05:09", &t));
	ck_assert_int_eq(t, utc(2025, 3, 9, 7, 5) + 9);
	tz_format_utc(t, s);
	ck_assert_str_eq(s, "2025-03-09 07:05:09");
	ck_assert(!tz_parse_utc("2025-03-09T07:05:09", &t));
	ck_assert(!tz_parse_utc("2025-02-30 07:05:09", &t));
	ck_assert(!tz_parse_utc("2025-03-09", &t));
	ck_assert(!tz_parse_utc(NULL, &t));
}
END_TEST

Suite *
tz_suite(void)
{
	Suite	*s = suite_create("tz");
	TCase	*tc;

	tc = tcase_create("tz");
	tcase_add_loop_test(tc, date_table, 0, (int)NELEM(date_cases));
	tcase_add_loop_test(tc, clock_table, 0, (int)NELEM(clock_cases));
	tcase_add_test(tc, day_numbers);
	tcase_add_loop_test(tc, local_to_utc_table, 0, (int)NELEM(local_cases));
	tcase_add_test(tc, utc_to_local);
	tcase_add_test(tc, day_start);
	tcase_add_test(tc, database_times);
	suite_add_tcase(s, tc);
	return s;
}
