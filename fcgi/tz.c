/*
 * Calendar dates, clock times and the company's time zone.  Times are
 * stored in UTC and shown in the company's IANA zone (companies.timezone).
 * MariaDB's CONVERT_TZ needs time zone tables that a private instance
 * does not load, so conversions happen here, with the C library's zone
 * data: TZ is set to the zone for mktime/localtime_r and left there, so a
 * worker that shows one company's times all day reads the zone file once
 * (glibc's tzset reloads it whenever TZ changes).  Nothing else in the
 * process uses local time: logs and mail dates come from gmtime_r.  That
 * touches the process environment, which is fine for a worker that serves
 * one request at a time and has no threads.
 *
 * Pure (no database, no request): the unit tests link this file alone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"

static void
zone_use(const char *zone)
{
	static char	 current[128];

	if (zone == NULL || *zone == '\0')
		zone = "UTC";
	if (strcmp(current, zone) == 0)
		return;
	snprintf(current, sizeof(current), "%s", zone);
	setenv("TZ", zone, 1);
	tzset();
}

/* n decimal digits at s, exactly; -1 when any is not a digit. */
static int
digits(const char *s, int n)
{
	int	 v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Days in month m (1..12) of year y, Gregorian. */
int
tz_month_days(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	bool	 leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

/*
 * A calendar date written exactly YYYY-MM-DD (what <input type="date">
 * sends), years 1900..9999, a day that exists in that month: 2025-02-30
 * and 2025-2-3 are refused.
 */
bool
tz_parse_date(const char *s, struct tz_date *out)
{
	int	 y, m, d;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	if ((y = digits(s, 4)) < 1900 || (m = digits(s + 5, 2)) < 1 ||
	    (d = digits(s + 8, 2)) < 1)
		return false;
	if (m > 12 || d > tz_month_days(y, m))
		return false;
	out->y = y;
	out->m = m;
	out->d = d;
	return true;
}

/* A clock time HH:MM (or HH:MM:00, as some browsers send), 00:00..23:59. */
bool
tz_parse_clock(const char *s, int *h, int *min)
{
	size_t	 n = s ? strlen(s) : 0;
	int	 hh, mm;

	if ((n != 5 && n != 8) || s[2] != ':')
		return false;
	if (n == 8 && (s[5] != ':' || digits(s + 6, 2) != 0))
		return false;
	if ((hh = digits(s, 2)) < 0 || hh > 23 ||
	    (mm = digits(s + 3, 2)) < 0 || mm > 59)
		return false;
	*h = hh;
	*min = mm;
	return true;
}

/* Days since 1970-01-01 of a Gregorian date (Howard Hinnant's algorithm). */
int64_t
tz_days(const struct tz_date *dt)
{
	int64_t	 y = dt->y - (dt->m <= 2);
	int64_t	 era = (y >= 0 ? y : y - 399) / 400;
	int64_t	 yoe = y - era * 400;
	int64_t	 mp = dt->m + (dt->m > 2 ? -3 : 9);
	int64_t	 doy = (153 * mp + 2) / 5 + dt->d - 1;
	int64_t	 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

/* The date of a day number (the inverse of tz_days). */
void
tz_civil(int64_t z, struct tz_date *out)
{
	int64_t	 era, doe, yoe, doy, mp, y;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	out->d = (int)(doy - (153 * mp + 2) / 5 + 1);
	out->m = (int)(mp < 10 ? mp + 3 : mp - 9);
	out->y = (int)(y + (out->m <= 2));
}

/* 0 for Monday .. 6 for Sunday. */
int
tz_weekday(int64_t days)
{
	/* 1970-01-01 was a Thursday (3). */
	return (int)(((days % 7) + 7 + 3) % 7);
}

/* "YYYY-MM-DD" into a buffer of at least 11 bytes. */
void
tz_date_str(const struct tz_date *dt, char *s)
{
	snprintf(s, 11, "%04u-%02u-%02u", (unsigned)dt->y % 10000,
	    (unsigned)dt->m % 100, (unsigned)dt->d % 100);
}

/* mktime of a local reading with an isdst guess; true if it round-trips. */
static bool
try_local(const struct tm *want, int isdst, time_t *out)
{
	struct tm	 tm = *want, chk;
	time_t		 t;

	tm.tm_isdst = isdst;
	if ((t = mktime(&tm)) == (time_t)-1 || localtime_r(&t, &chk) == NULL)
		return false;
	if (chk.tm_year != want->tm_year || chk.tm_mon != want->tm_mon ||
	    chk.tm_mday != want->tm_mday || chk.tm_hour != want->tm_hour ||
	    chk.tm_min != want->tm_min)
		return false;
	*out = t;
	return true;
}

/*
 * The UTC instant of a wall-clock reading in zone.  False when the
 * reading does not exist there (the hour skipped when clocks go forward).
 * A reading that happens twice (clocks go back) is the earlier instant.
 */
bool
tz_local_to_utc(const char *zone, const struct tz_date *dt, int h, int min,
    time_t *utc)
{
	struct tm	 want;
	time_t		 a, b;
	bool		 ha, hb;

	memset(&want, 0, sizeof(want));
	want.tm_year = dt->y - 1900;
	want.tm_mon = dt->m - 1;
	want.tm_mday = dt->d;
	want.tm_hour = h;
	want.tm_min = min;
	zone_use(zone);
	ha = try_local(&want, 0, &a);
	hb = try_local(&want, 1, &b);
	if (!ha && !hb)
		return false;
	*utc = ha && hb ? (a < b ? a : b) : ha ? a : b;
	return true;
}

/* The wall-clock reading of a UTC instant in zone. */
bool
tz_utc_to_local(const char *zone, time_t utc, struct tm *out)
{
	bool	 ok;

	zone_use(zone);
	ok = localtime_r(&utc, out) != NULL;
	return ok;
}

/* The date of a UTC instant in zone. */
void
tz_local_date(const char *zone, time_t utc, struct tz_date *out)
{
	struct tm	 tm;

	if (!tz_utc_to_local(zone, utc, &tm))
		gmtime_r(&utc, &tm);
	out->y = tm.tm_year + 1900;
	out->m = tm.tm_mon + 1;
	out->d = tm.tm_mday;
}

/*
 * The UTC instant of local midnight starting the given day in zone (the
 * first minute that exists, when a zone skips midnight itself).
 */
time_t
tz_day_start(const char *zone, const struct tz_date *dt)
{
	time_t	 t;
	int	 h;

	for (h = 0; h < 24; h++)
		if (tz_local_to_utc(zone, dt, h, 0, &t))
			return t;
	return (time_t)tz_days(dt) * 86400;	/* no such zone day: UTC's */
}

/* A UTC DATETIME of the database ("YYYY-MM-DD HH:MM:SS") as time_t. */
bool
tz_parse_utc(const char *s, time_t *out)
{
	struct tz_date	 dt;
	char		 day[11];
	int		 h, m, sec;

	if (s == NULL || strlen(s) < 19 || s[10] != ' ' || s[13] != ':' ||
	    s[16] != ':')
		return false;
	memcpy(day, s, 10);
	day[10] = '\0';
	if (!tz_parse_date(day, &dt) || (h = digits(s + 11, 2)) < 0 ||
	    (m = digits(s + 14, 2)) < 0 || (sec = digits(s + 17, 2)) < 0)
		return false;
	*out = (time_t)(tz_days(&dt) * 86400 + h * 3600 + m * 60 + sec);
	return true;
}

/* time_t as a UTC DATETIME for the database, into a buffer of 20 bytes. */
void
tz_format_utc(time_t t, char *s)
{
	struct tm	 tm;

	gmtime_r(&t, &tm);
	strftime(s, 20, "%Y-%m-%d %H:%M:%S", &tm);
}
