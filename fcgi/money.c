/*
 * Money, once and exactly: integer cents, quantities in thousandths,
 * rates in basis points; no floating point.  The rules, written down:
 *
 *  1. A line is qty × unit price, rounded half away from zero to the cent.
 *  2. The subtotal is the sum of the lines.
 *  3. A discount is an amount or a percentage of the subtotal, rounded
 *     half away from zero; never below zero nor above the subtotal.
 *  4. The discount is spread pro rata over taxable and non-taxable lines:
 *     the taxable part is discount × taxable subtotal / subtotal, rounded
 *     half away from zero.
 *  5. Tax is (taxable subtotal − its share of the discount) × rate, rounded
 *     half away from zero, once per document (not per line).
 *  6. Total = subtotal − discount + tax.
 *  7. A deposit is an amount or a percentage of the total, rounded half
 *     away from zero; never below zero nor above the total.
 * Every product is taken in 128 bits, so nothing in range can overflow.
 */
#include <stdio.h>
#include <string.h>

#include "app.h"

/* n / d rounded half away from zero; d != 0. */
static __int128
div_round(__int128 n, __int128 d)
{
	__int128	 q, r;

	if (d < 0) {
		n = -n;
		d = -d;
	}
	q = n / d;
	r = n % d;
	if (r < 0)
		r = -r;
	if (2 * r >= d)
		q += n < 0 ? -1 : 1;
	return q;
}

/* Rule 1.  Returns false when the amount leaves MONEY_MAX_CENTS. */
bool
money_line(int64_t qty_milli, int64_t unit_cents, int64_t *amount)
{
	__int128	 v = div_round((__int128)qty_milli * unit_cents, 1000);

	if (v > MONEY_MAX_CENTS || v < -MONEY_MAX_CENTS)
		return false;
	*amount = (int64_t)v;
	return true;
}

/* A share of base: base × bp / 10000, rounded half away from zero. */
int64_t
money_percent(int64_t base, int64_t bp)
{
	return (int64_t)div_round((__int128)base * bp, 10000);
}

/*
 * Rules 2–7 over the lines of t (amount_cents and taxable already set).
 * Returns false when a total leaves MONEY_MAX_CENTS.
 */
bool
money_totals(struct totals *t, const struct money_line *lines, size_t n)
{
	__int128	 sub = 0, taxable = 0, tax_disc, tax;
	size_t		 i;

	for (i = 0; i < n; i++) {
		sub += lines[i].amount_cents;
		if (lines[i].taxable)
			taxable += lines[i].amount_cents;
	}
	if (sub > MONEY_MAX_CENTS || sub < -MONEY_MAX_CENTS)
		return false;
	t->subtotal_cents = (int64_t)sub;
	if (t->discount_is_percent)
		t->discount_cents = money_percent(t->subtotal_cents,
		    t->discount_value);
	else
		t->discount_cents = t->discount_value;
	if (t->discount_cents > t->subtotal_cents)
		t->discount_cents = t->subtotal_cents > 0 ? t->subtotal_cents : 0;
	if (t->discount_cents < 0)
		t->discount_cents = 0;
	tax_disc = sub == 0 ? 0 : div_round((__int128)t->discount_cents *
	    taxable, sub);
	tax = div_round((taxable - tax_disc) * t->tax_rate_bp, 10000);
	t->taxable_cents = (int64_t)(taxable - tax_disc);
	t->tax_cents = (int64_t)tax;
	t->total_cents = t->subtotal_cents - t->discount_cents + t->tax_cents;
	if (t->deposit_is_percent)
		t->deposit_cents = money_percent(t->total_cents, t->deposit_value);
	else
		t->deposit_cents = t->deposit_value;
	if (t->deposit_cents > t->total_cents)
		t->deposit_cents = t->total_cents > 0 ? t->total_cents : 0;
	if (t->deposit_cents < 0)
		t->deposit_cents = 0;
	return true;
}

/*
 * Parse a decimal with at most `places` fraction digits into an integer
 * scaled by 10^places ("1,234.5" with 2 → 123450).  Commas between digit
 * groups and a leading currency symbol are allowed; a minus only with
 * allow_negative.  Returns false on anything else or past max.
 */
bool
money_parse_decimal(const char *s, int places, bool allow_negative,
    int64_t max, int64_t *out)
{
	__int128	 v = 0;
	int		 frac = -1, digits = 0;
	bool		 neg = false;

	while (*s == ' ')
		s++;
	if (*s == '-' && allow_negative) {
		neg = true;
		s++;
	}
	if (*s == '$')
		s++;
	else if (strncmp(s, "\xe2\x82\xac", 3) == 0 ||	/* € */
	    strncmp(s, "\xc2\xa3", 2) == 0)		/* £ */
		s += (unsigned char)*s == 0xe2 ? 3 : 2;
	for (; *s && *s != ' '; s++) {
		if (*s == ',' && frac < 0 && digits > 0 && s[1] >= '0' &&
		    s[1] <= '9')
			continue;
		if (*s == '.' && frac < 0) {
			frac = 0;
			continue;
		}
		if (*s < '0' || *s > '9')
			return false;
		if (frac >= 0 && ++frac > places)
			return false;
		v = v * 10 + (*s - '0');
		if (v > (__int128)max * 1000)
			return false;
		digits++;
	}
	while (*s == ' ')
		s++;
	if (*s != '\0' || digits == 0)
		return false;
	for (frac = frac < 0 ? 0 : frac; frac < places; frac++)
		v *= 10;
	if (v > max)
		return false;
	*out = (int64_t)(neg ? -v : v);
	return true;
}

static const struct {
	const char	*code;
	const char	*symbol;
} currencies[] = {
	{ "USD", "$" }, { "CAD", "$" }, { "AUD", "$" }, { "NZD", "$" },
	{ "MXN", "$" }, { "EUR", "\xe2\x82\xac" }, { "GBP", "\xc2\xa3" },
	{ NULL, NULL }
};

bool
money_currency_known(const char *code)
{
	size_t	 i;

	for (i = 0; currencies[i].code != NULL; i++)
		if (strcmp(currencies[i].code, code) == 0)
			return true;
	return false;
}

/* "$1,234.56", "-$5.00", "€0.99": the cents as people read them. */
char *
money_format(struct arena *a, int64_t cents, const char *currency)
{
	const char	*sym = "";
	char		 digits[24], *p;
	struct buf	 b;
	uint64_t	 v;
	size_t		 i, n, lead;

	for (i = 0; currencies[i].code != NULL; i++)
		if (strcmp(currencies[i].code, currency) == 0)
			sym = currencies[i].symbol;
	v = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
	digits[sizeof(digits) - 1] = '\0';
	p = fmt_digits(digits + sizeof(digits) - 1, v / 100);
	n = strlen(p);
	buf_init(&b, a);
	if (cents < 0)
		buf_putc(&b, '-');
	buf_puts(&b, sym);
	lead = n % 3 ? n % 3 : 3;
	for (i = 0; i < n; i++) {
		if (i >= lead && (i - lead) % 3 == 0)
			buf_putc(&b, ',');
		buf_putc(&b, p[i]);
	}
	buf_putc(&b, '.');
	buf_putc(&b, (char)('0' + v % 100 / 10));
	buf_putc(&b, (char)('0' + v % 10));
	if (*sym == '\0') {
		buf_putc(&b, ' ');
		buf_puts(&b, currency);
	}
	return b.data;
}
