/*
 * money.c: the rounding rules over a table of tricky cases, parsing and
 * formatting, and a property test of 100,000 random documents against a
 * second computation written here differently (rounding by doubling, not by
 * remainder), so one mistake can't hide in both.
 */
#include <stdlib.h>
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

static const struct {
	int64_t	 qty_milli, unit, want;
	bool	 ok;
} line_cases[] = {
	{ 1000, 1, 1, true },
	{ 500, 1, 1, true },		/* half a cent rounds away from zero */
	{ 500, -1, -1, true },
	{ 499, 1, 0, true },
	{ 333, 100, 33, true },
	{ 2500, 3, 8, true },
	{ 1005, 100, 101, true },
	{ 0, 999999, 0, true },
	{ 1000000000, 1000000, 1000000000000LL, true },	/* the largest */
	{ 1000000001, 1000000, 0, false },
	{ -1500, 1, -2, true },
	{ 3, 333, 1, true },		/* 0.999 → 1 */
	{ 1, 499, 0, true },		/* 0.499 → 0 */
};

START_TEST(lines)
{
	int64_t	 got = -42;
	bool	 ok;

	ok = money_line(line_cases[_i].qty_milli, line_cases[_i].unit, &got);
	ck_assert_msg(ok == line_cases[_i].ok, "case %d ok", _i);
	if (ok)
		ck_assert_msg(got == line_cases[_i].want,
		    "case %d: got %lld want %lld", _i, (long long)got,
		    (long long)line_cases[_i].want);
}
END_TEST

START_TEST(totals_rules)
{
	struct money_line	 l[2] = { { 1000, true }, { 1000, false } };
	struct totals		 t;

	/* 10% of 2000 = 200; half of it on the taxable line; 8.25% tax. */
	memset(&t, 0, sizeof(t));
	t.tax_rate_bp = 825;
	t.discount_is_percent = true;
	t.discount_value = 1000;
	t.deposit_is_percent = true;
	t.deposit_value = 5000;
	ck_assert(money_totals(&t, l, 2));
	ck_assert_int_eq(t.subtotal_cents, 2000);
	ck_assert_int_eq(t.discount_cents, 200);
	ck_assert_int_eq(t.taxable_cents, 900);
	ck_assert_int_eq(t.tax_cents, 74);		/* 74.25 */
	ck_assert_int_eq(t.total_cents, 1874);
	ck_assert_int_eq(t.deposit_cents, 937);

	/* A 101-cent discount splits 50.5 → 51 onto the taxable half. */
	memset(&t, 0, sizeof(t));
	t.tax_rate_bp = 825;
	t.discount_value = 101;
	ck_assert(money_totals(&t, l, 2));
	ck_assert_int_eq(t.taxable_cents, 949);
	ck_assert_int_eq(t.tax_cents, 78);		/* 78.2925 */
	ck_assert_int_eq(t.total_cents, 1977);

	/* A discount larger than the subtotal stops at zero; so does a deposit. */
	memset(&t, 0, sizeof(t));
	t.discount_value = 999999;
	t.deposit_value = 5;
	ck_assert(money_totals(&t, l, 2));
	ck_assert_int_eq(t.discount_cents, 2000);
	ck_assert_int_eq(t.total_cents, 0);
	ck_assert_int_eq(t.deposit_cents, 0);

	/* No lines at all. */
	memset(&t, 0, sizeof(t));
	t.tax_rate_bp = 1000;
	ck_assert(money_totals(&t, NULL, 0));
	ck_assert_int_eq(t.total_cents, 0);

	/* A credit (negative subtotal) takes no discount and no phantom cent. */
	{
		struct money_line	 c[1] = { { -1000, true } };

		memset(&t, 0, sizeof(t));
		t.tax_rate_bp = 1000;
		ck_assert(money_totals(&t, c, 1));
		ck_assert_int_eq(t.discount_cents, 0);
		ck_assert_int_eq(t.taxable_cents, -1000);
		ck_assert_int_eq(t.tax_cents, -100);
		ck_assert_int_eq(t.total_cents, -1100);
	}

	/* A deposit amount above the total is capped at the total. */
	memset(&t, 0, sizeof(t));
	t.deposit_value = 5000;
	ck_assert(money_totals(&t, l, 1));
	ck_assert_int_eq(t.deposit_cents, 1000);
}
END_TEST

static const struct {
	const char	*in;
	int		 places;
	bool		 neg;
	bool		 ok;
	int64_t		 want;
} parse_cases[] = {
	{ "1,234.56", 2, false, true, 123456 },
	{ "$12", 2, false, true, 1200 },
	{ "0.5", 2, false, true, 50 },
	{ ".75", 2, false, true, 75 },
	{ " 7 ", 2, false, true, 700 },
	{ "\xe2\x82\xac" "3.10", 2, false, true, 310 },
	{ "1.5", 3, false, true, 1500 },
	{ "2.125", 3, false, true, 2125 },
	{ "-5", 2, true, true, -500 },
	{ "-5", 2, false, false, 0 },
	{ "1.234", 2, false, false, 0 },
	{ "abc", 2, false, false, 0 },
	{ "", 2, false, false, 0 },
	{ ".", 2, false, false, 0 },
	{ "1e3", 2, false, false, 0 },
	{ "1.2.3", 2, false, false, 0 },
	{ ",5", 2, false, false, 0 },
	{ "1000000000000", 2, false, false, 0 },	/* 10^12 dollars */
	{ "99999999999999999999999999999999999999", 2, false, false, 0 },
	{ "10000000000", 2, false, true, 1000000000000LL },
	{ "\xd9\xa3", 2, false, false, 0 },		/* Arabic-Indic three */
};

START_TEST(parsing)
{
	int64_t	 got = -42;
	bool	 ok;

	ok = money_parse_decimal(parse_cases[_i].in, parse_cases[_i].places,
	    parse_cases[_i].neg, MONEY_MAX_CENTS, &got);
	ck_assert_msg(ok == parse_cases[_i].ok, "case %d \"%s\"", _i,
	    parse_cases[_i].in);
	if (ok)
		ck_assert_msg(got == parse_cases[_i].want, "case %d: %lld", _i,
		    (long long)got);
}
END_TEST

START_TEST(formatting)
{
	ck_assert_str_eq(money_format(a, 0, "USD"), "$0.00");
	ck_assert_str_eq(money_format(a, 5, "USD"), "$0.05");
	ck_assert_str_eq(money_format(a, 123456, "USD"), "$1,234.56");
	ck_assert_str_eq(money_format(a, -500, "USD"), "-$5.00");
	ck_assert_str_eq(money_format(a, 100000000, "CAD"), "$1,000,000.00");
	ck_assert_str_eq(money_format(a, 99, "EUR"), "\xe2\x82\xac" "0.99");
	ck_assert_str_eq(money_format(a, 100000, "CHF"), "1,000.00 CHF");
	ck_assert_str_eq(money_format(a, INT64_MIN + 1, "USD"),
	    "-$92,233,720,368,547,758.07");
	/* Each call's own currency, whatever the one before. */
	ck_assert_str_eq(money_format(a, 100, "CHF"), "1.00 CHF");
	ck_assert_str_eq(money_format(a, 100, "GBP"), "\xc2\xa3" "1.00");
	ck_assert_str_eq(money_format(a, 100, "XYZ"), "1.00 XYZ");
	ck_assert_str_eq(money_format(a, 100, "GBP"), "\xc2\xa3" "1.00");
}
END_TEST

START_TEST(digits)
{
	char	 s[24];

	s[23] = '\0';
	ck_assert_str_eq(fmt_digits(s + 23, 0), "0");
	ck_assert_str_eq(fmt_digits(s + 23, 7), "7");
	ck_assert_str_eq(fmt_digits(s + 23, 10), "10");
	ck_assert_str_eq(fmt_digits(s + 23, 1234567890), "1234567890");
	ck_assert_str_eq(fmt_digits(s + 23, UINT64_MAX), "18446744073709551615");
}
END_TEST

/* The second computation: round half away from zero by doubling. */
static __int128
ref_round(__int128 n, __int128 d)
{
	__int128	 m = n < 0 ? -n : n, dm = d < 0 ? -d : d;
	__int128	 q = (2 * m + dm) / (2 * dm);

	return (n < 0) != (d < 0) && q != 0 ? -q : q;
}

START_TEST(property)
{
	struct money_line	 l[12];
	struct totals		 t;
	__int128		 sub, tx, disc, tdisc, tax, total, dep;
	int64_t			 qty, unit;
	size_t			 n, i;
	int			 k;

	srandom(20261124);
	for (k = 0; k < 100000; k++) {
		memset(&t, 0, sizeof(t));
		n = (size_t)(random() % 12);
		sub = tx = 0;
		for (i = 0; i < n; i++) {
			qty = random() % 100000;		/* up to 100 units */
			unit = random() % 5000000;		/* up to $50,000 */
			if (random() % 20 == 0)
				unit = -unit;			/* a credit line */
			ck_assert(money_line(qty, unit, &l[i].amount_cents));
			ck_assert(l[i].amount_cents ==
			    (int64_t)ref_round((__int128)qty * unit, 1000));
			l[i].taxable = random() % 3 != 0;
			sub += l[i].amount_cents;
			if (l[i].taxable)
				tx += l[i].amount_cents;
		}
		t.tax_rate_bp = random() % 2500;
		t.discount_is_percent = random() % 2;
		t.discount_value = t.discount_is_percent ? random() % 10001 :
		    random() % 100000;
		t.deposit_is_percent = random() % 2;
		t.deposit_value = t.deposit_is_percent ? random() % 10001 :
		    random() % 1000000;
		ck_assert(money_totals(&t, l, n));

		disc = t.discount_is_percent ? ref_round(sub *
		    t.discount_value, 10000) : t.discount_value;
		if (disc > sub)
			disc = sub > 0 ? sub : 0;
		if (disc < 0)
			disc = 0;
		tdisc = sub == 0 ? 0 : ref_round(disc * tx, sub);
		tax = ref_round((tx - tdisc) * t.tax_rate_bp, 10000);
		total = sub - disc + tax;
		dep = t.deposit_is_percent ? ref_round(total * t.deposit_value,
		    10000) : t.deposit_value;
		if (dep > total)
			dep = total > 0 ? total : 0;
		if (dep < 0)
			dep = 0;
		ck_assert_msg(t.subtotal_cents == (int64_t)sub &&
		    t.discount_cents == (int64_t)disc &&
		    t.tax_cents == (int64_t)tax &&
		    t.total_cents == (int64_t)total &&
		    t.deposit_cents == (int64_t)dep,
		    "document %d disagrees: sub %lld/%lld disc %lld/%lld "
		    "tax %lld/%lld tx %lld taxable %lld rate %lld", k, (long long)t.subtotal_cents,
		    (long long)sub, (long long)t.discount_cents,
		    (long long)disc, (long long)t.tax_cents, (long long)tax,
		    (long long)tx, (long long)t.taxable_cents,
		    (long long)t.tax_rate_bp);
		ck_assert(t.total_cents == t.subtotal_cents - t.discount_cents +
		    t.tax_cents);
	}
}
END_TEST

Suite *
money_suite(void)
{
	Suite	*s = suite_create("money");
	TCase	*tc = tcase_create("money");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, lines, 0, NELEM(line_cases));
	tcase_add_test(tc, totals_rules);
	tcase_add_loop_test(tc, parsing, 0, NELEM(parse_cases));
	tcase_add_test(tc, formatting);
	tcase_add_test(tc, digits);
	tcase_add_test(tc, property);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	return s;
}
