/*
 * valid.c: each validator against a table of inputs and the message it
 * should give (NULL: accepted).  Time zones are checked against a small
 * zoneinfo tree made in a temporary TZDIR, and against the system's when
 * it has one.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE		/* mkdtemp, setenv under -std=c11 */
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"

#define EMAIL_BAD	"Enter a valid email address"
#define EMAIL_EMPTY	"Enter an email address"
#define PW_SHORT	"Use at least 10 characters"
#define PHONE_BAD	"Enter a phone number"
#define REQUIRED	"This field is required"
#define TOO_LONG	"This is too long"
#define TOO_SHORT	"This is too short"
#define NOT_ALLOWED	"This contains characters that are not allowed"

static void
check_msg(int i, const char *in, const char *got, const char *want)
{
	if (want == NULL)
		ck_assert_msg(got == NULL, "case %d \"%s\": got \"%s\", want "
		    "NULL", i, in ? in : "(null)", got);
	else
		ck_assert_msg(got != NULL && strcmp(got, want) == 0,
		    "case %d \"%s\": got \"%s\", want \"%s\"", i,
		    in ? in : "(null)", got ? got : "(null)", want);
}

/* A string of n copies of s, in a static buffer big enough for tests. */
static const char *
repeat(const char *s, size_t n, const char *tail)
{
	static char	 b[8192];
	size_t		 i, len = strlen(s);

	ck_assert(n * len + strlen(tail) < sizeof(b));
	for (i = 0; i < n; i++)
		memcpy(b + i * len, s, len);
	memcpy(b + n * len, tail, strlen(tail) + 1);
	return b;
}

/* ----------------------------------------------------------------- email */

static const struct {
	const char	*in;
	const char	*want;
} email_cases[] = {
	{ "ann@example.com", NULL },
	{ "  ann@example.com\t", NULL },
	{ "Ann.Lee+tag@mail.example.co.uk", NULL },
	{ "o'brien@example.ie", NULL },
	{ "a@b.c", NULL },
	{ "x_y-z@sub-domain.example.org", NULL },
	{ "j\xc3\xb6rg@m\xc3\xbcller.de", NULL },
	{ "a@xn--mller-kva.de", NULL },
	{ NULL, EMAIL_BAD },
	{ "", EMAIL_EMPTY },
	{ "   ", EMAIL_EMPTY },
	{ "ann", EMAIL_BAD },
	{ "ann@", EMAIL_BAD },
	{ "@example.com", EMAIL_BAD },
	{ "ann@example", EMAIL_BAD },
	{ "ann@@example.com", EMAIL_BAD },
	{ "ann@x@example.com", EMAIL_BAD },
	{ "ann lee@example.com", EMAIL_BAD },
	{ "ann@exa mple.com", EMAIL_BAD },
	{ "ann@example.com\r\nBcc: x@y.z", EMAIL_BAD },
	{ "ann@.example.com", EMAIL_BAD },
	{ "ann@example.com.", EMAIL_BAD },
	{ "ann@example..com", EMAIL_BAD },
	{ "ann@-example.com", EMAIL_BAD },
	{ "ann@example-.com", EMAIL_BAD },
	{ "ann@exam_ple.com", EMAIL_BAD },
	{ "ann@[127.0.0.1]", EMAIL_BAD },
	{ "\"ann\"@example.com", EMAIL_BAD },
	{ "ann<x>@example.com", EMAIL_BAD },
	{ "ann,bob@example.com", EMAIL_BAD },
	{ "ann;bob@example.com", EMAIL_BAD },
	{ "ann\x01@example.com", EMAIL_BAD },
	{ "ann@ex\xffmple.com", EMAIL_BAD },
	{ "\xc0\xaf@example.com", EMAIL_BAD },
};

START_TEST(email_table)
{
	check_msg(_i, email_cases[_i].in, valid_email(email_cases[_i].in),
	    email_cases[_i].want);
}
END_TEST

START_TEST(email_lengths)
{
	char	 s[400];

	/* Local part: 64 bytes fit, 65 don't. */
	ck_assert_ptr_null(valid_email(repeat("a", 64, "@example.com")));
	ck_assert_str_eq(valid_email(repeat("a", 65, "@example.com")),
	    EMAIL_BAD);
	/* The whole address: 254 bytes fit, 255 don't. */
	snprintf(s, sizeof(s), "%s", repeat("a", 64, "@"));
	snprintf(s + 65, sizeof(s) - 65, "%s", repeat("abcdefghi.", 17,
	    "example-example.com"));
	ck_assert_uint_eq(strlen(s), 254);
	ck_assert_ptr_null(valid_email(s));
	snprintf(s + 65, sizeof(s) - 65, "%s", repeat("abcdefghi.", 17,
	    "example-examplex.com"));
	ck_assert_str_eq(valid_email(s), EMAIL_BAD);
	/* White space around it doesn't count. */
	snprintf(s + 65, sizeof(s) - 65, "%s", repeat("abcdefghi.", 17,
	    "example-example.com   "));
	ck_assert_ptr_null(valid_email(s));
	/* A domain label has at most 63 bytes. */
	snprintf(s, sizeof(s), "ann@%s", repeat("b", 63, ".com"));
	ck_assert_ptr_null(valid_email(s));
	snprintf(s, sizeof(s), "ann@%s", repeat("b", 64, ".com"));
	ck_assert_str_eq(valid_email(s), EMAIL_BAD);
}
END_TEST

/* -------------------------------------------------------------- password */

static const struct {
	const char	*in;
	const char	*want;
} pw_cases[] = {
	{ "correcthorse", NULL },
	{ "0123456789", NULL },
	{ "          ", NULL },				/* 10 spaces */
	{ "correct horse battery staple", NULL },
	{ "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9", NULL },			/* 10 x é */
	{ "\xf0\x9f\x94\x91\xf0\x9f\x94\x91\xf0\x9f\x94\x91\xf0\x9f\x94\x91"
	    "\xf0\x9f\x94\x91\xf0\x9f\x94\x91\xf0\x9f\x94\x91\xf0\x9f\x94\x91"
	    "\xf0\x9f\x94\x91\xf0\x9f\x94\x91", NULL },	/* 10 x 🔑 */
	{ NULL, PW_SHORT },
	{ "", PW_SHORT },
	{ "123456789", PW_SHORT },
	{ "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9", PW_SHORT },			/* 18 bytes, 9 chars */
	{ "\xf0\x9f\x94\x91\xf0\x9f\x94\x91\xf0\x9f\x94\x91", PW_SHORT },
	{ "0123456789\xff", NOT_ALLOWED },
};

START_TEST(password_table)
{
	check_msg(_i, pw_cases[_i].in, valid_password(pw_cases[_i].in),
	    pw_cases[_i].want);
}
END_TEST

START_TEST(password_lengths)
{
	ck_assert_ptr_null(valid_password(repeat("x", 1024, "")));
	ck_assert_str_eq(valid_password(repeat("x", 1025, "")),
	    "Use at most 1024 bytes");
	ck_assert_ptr_null(valid_password(repeat("\xe2\x82\xac", 341, "")));
	ck_assert_str_eq(valid_password(repeat("\xe2\x82\xac", 342, "")),
	    "Use at most 1024 bytes");
}
END_TEST

/* ------------------------------------------------------------------ text */

static const struct {
	const char	*in;
	size_t		 min, max;
	const char	*want;
} text_cases[] = {
	{ "Ann", 1, 100, NULL },
	{ "", 0, 100, NULL },
	{ NULL, 0, 100, NULL },
	{ "   ", 0, 100, NULL },
	{ "", 1, 100, REQUIRED },
	{ NULL, 1, 100, REQUIRED },
	{ " \t\r\n ", 1, 100, REQUIRED },
	{ "abcde", 1, 5, NULL },
	{ "abcdef", 1, 5, TOO_LONG },
	{ "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 1, 5, NULL },
	{ "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 1, 5, TOO_LONG },
	{ "\xf0\x9f\x98\x80", 1, 1, NULL },
	{ "ab", 3, 10, TOO_SHORT },
	{ "line one\r\nline\ttwo", 1, 100, NULL },
	{ "bell\x07", 1, 100, NOT_ALLOWED },
	{ "esc\x1b[0m", 1, 100, NOT_ALLOWED },
	{ "del\x7f", 1, 100, NOT_ALLOWED },
	{ "bad\xff", 1, 100, NOT_ALLOWED },
	{ "\xed\xa0\x80", 1, 100, NOT_ALLOWED },
	{ "x", 1, 0, TOO_LONG },
	{ "any length at all", 0, (size_t)-1, NULL },
};

START_TEST(text_table)
{
	check_msg(_i, text_cases[_i].in, valid_text(text_cases[_i].in,
	    text_cases[_i].min, text_cases[_i].max), text_cases[_i].want);
}
END_TEST

/* ----------------------------------------------------------------- phone */

static const struct {
	const char	*in;
	const char	*want;
} phone_cases[] = {
	{ "555 1234", NULL },
	{ "+1 (555) 123-4567", NULL },
	{ "+44 20 7946 0958", NULL },
	{ "020.7946.0958", NULL },
	{ "555-123-4567 x89", NULL },
	{ "555-123-4567 ext. 89", NULL },
	{ "555-123-4567 EXT 89", NULL },
	{ "5551234X1", NULL },
	{ "  +49 30 1234567  ", NULL },
	{ "12345678901234567890", NULL },		/* 20 digits */
	{ NULL, PHONE_BAD },
	{ "", PHONE_BAD },
	{ "123456", PHONE_BAD },			/* 6 digits */
	{ "123456789012345678901", PHONE_BAD },		/* 21 digits */
	{ "555 CALL NOW", PHONE_BAD },
	{ "555 1234 x1 x2", PHONE_BAD },
	{ "555 1234 e12", PHONE_BAD },
	{ "555 1234 ex", PHONE_BAD },
	{ "x 5551234", PHONE_BAD },
	{ "555+1234", PHONE_BAD },
	{ "++15551234", PHONE_BAD },
	{ "555/1234567", PHONE_BAD },
	{ "555\n1234567", PHONE_BAD },
	{ "\xef\xbc\x95\xef\xbc\x95\xef\xbc\x95 1234", PHONE_BAD },
};

START_TEST(phone_table)
{
	check_msg(_i, phone_cases[_i].in, valid_phone(phone_cases[_i].in),
	    phone_cases[_i].want);
}
END_TEST

/* -------------------------------------------------------------- timezone */

static char	 tzdir[64];

static void
put_file(const char *rel, const char *content)
{
	char	 path[256];
	FILE	*f;

	snprintf(path, sizeof(path), "%s/%s", tzdir, rel);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fputs(content, f);
	fclose(f);
}

static void
tz_setup(void)
{
	char	 path[256];

	snprintf(tzdir, sizeof(tzdir), "/tmp/pl-tz-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tzdir));
	snprintf(path, sizeof(path), "%s/Europe", tzdir);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/America", tzdir);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/America/Argentina", tzdir);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	put_file("UTC", "TZif2 fake zone");
	put_file("Europe/Berlin", "TZif2 fake zone");
	put_file("America/Argentina/Buenos_Aires", "TZif3");
	put_file("Etc-GMT+5", "TZif");
	put_file("zone1970", "# not a zone");
	put_file("short", "TZ");
	setenv("TZDIR", tzdir, 1);
}

static void
tz_teardown(void)
{
	static const char *const rm[] = {
		"UTC", "Europe/Berlin", "America/Argentina/Buenos_Aires",
		"Etc-GMT+5", "zone1970", "short", "America/Argentina",
		"America", "Europe", "",
	};
	char	 path[256];
	size_t	 i;

	for (i = 0; i < NELEM(rm); i++) {
		snprintf(path, sizeof(path), "%s/%s", tzdir, rm[i]);
		remove(path);
	}
	unsetenv("TZDIR");
}

static const struct {
	const char	*in;
	bool		 ok;
} tz_cases[] = {
	{ "UTC", true },
	{ "Europe/Berlin", true },
	{ "America/Argentina/Buenos_Aires", true },
	{ "Etc-GMT+5", true },
	{ NULL, false },
	{ "", false },
	{ "Mars/Olympus", false },
	{ "Europe", false },				/* a directory */
	{ "Europe/", false },
	{ "/Europe/Berlin", false },
	{ "Europe//Berlin", false },
	{ "Europe/../UTC", false },
	{ "../etc/passwd", false },
	{ "./UTC", false },
	{ "zone1970", false },				/* not TZif */
	{ "short", false },
	{ "Europe/Berlin\n", false },
	{ "Europe/Berlin ", false },
	{ "utc", false },
};

START_TEST(tz_table)
{
	ck_assert_msg(valid_timezone(tz_cases[_i].in) == tz_cases[_i].ok,
	    "case %d \"%s\": want %s", _i, tz_cases[_i].in ? tz_cases[_i].in :
	    "(null)", tz_cases[_i].ok ? "true" : "false");
}
END_TEST

START_TEST(tz_long_name)
{
	ck_assert(!valid_timezone(repeat("A", 200, "")));
	/* A TZDIR too long for a path fails closed. */
	setenv("TZDIR", repeat("/x", 3000, ""), 1);
	ck_assert(!valid_timezone("UTC"));
}
END_TEST

START_TEST(tz_system)
{
	/* The system's own tz database, where it is installed. */
	unsetenv("TZDIR");
	if (access("/usr/share/zoneinfo/Europe/Berlin", R_OK) != 0)
		return;
	ck_assert(valid_timezone("Europe/Berlin"));
	ck_assert(valid_timezone("America/New_York"));
	ck_assert(valid_timezone("UTC"));
	ck_assert(!valid_timezone("Europe"));
	ck_assert(!valid_timezone("Not/A_Zone"));
	ck_assert(!valid_timezone("zone.tab"));
}
END_TEST

Suite *
valid_suite(void)
{
	Suite	*s = suite_create("valid");
	TCase	*tc;

	tc = tcase_create("email");
	tcase_add_loop_test(tc, email_table, 0, (int)NELEM(email_cases));
	tcase_add_test(tc, email_lengths);
	suite_add_tcase(s, tc);

	tc = tcase_create("password");
	tcase_add_loop_test(tc, password_table, 0, (int)NELEM(pw_cases));
	tcase_add_test(tc, password_lengths);
	suite_add_tcase(s, tc);

	tc = tcase_create("text");
	tcase_add_loop_test(tc, text_table, 0, (int)NELEM(text_cases));
	suite_add_tcase(s, tc);

	tc = tcase_create("phone");
	tcase_add_loop_test(tc, phone_table, 0, (int)NELEM(phone_cases));
	suite_add_tcase(s, tc);

	tc = tcase_create("timezone");
	tcase_add_checked_fixture(tc, tz_setup, tz_teardown);
	tcase_add_loop_test(tc, tz_table, 0, (int)NELEM(tz_cases));
	tcase_add_test(tc, tz_long_name);
	tcase_add_test(tc, tz_system);
	suite_add_tcase(s, tc);
	return s;
}
