/*
 * The estimate and invoice form: reading it as typed (the lines arrive as
 * lines[N][desc], lines[N][qty], lines[N][unit], lines[N][price],
 * lines[N][taxable] and lines[N][item]), checking it into a document with
 * its totals (money.c's rules), the row buttons that work without
 * JavaScript (add, move, remove, pick from the price book), and putting
 * it back on the page, typed values kept.  Also the small date and
 * decimal helpers the document and payment forms share.
 *
 * Blank rows (no description, quantity, unit or price) are ignored: the
 * form always offers a few.  Errors of a row go to Form.Errors.lines.N.x,
 * next to its cell; the whole table's to Form.Errors.lines.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"

#define QTY_MAX		1000000000LL		/* 1,000,000 in thousandths */
#define RATE_MAX	10000			/* 100 % in basis points */
#define DESC_MAX	2000
#define UNIT_MAX	20
#define TITLE_MAX	160

/* ---------------------------------------------------------------- helpers */

/*
 * v scaled by 10^places as a plain decimal for an input ("1234.50");
 * trim drops trailing fraction zeros ("1.5", "8").
 */
char *
lines_decimal(struct arena *a, int64_t v, int places, bool trim)
{
	uint64_t	 u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	uint64_t	 scale = 1, frac;
	char		 f[8];
	int		 i, n;

	for (i = 0; i < places; i++)
		scale *= 10;
	frac = u % scale;
	if (places == 0 || (trim && frac == 0))
		return arena_printf(a, "%s%llu", v < 0 ? "-" : "",
		    (unsigned long long)(u / scale));
	snprintf(f, sizeof(f), "%0*llu", places, (unsigned long long)frac);
	n = places;
	while (trim && n > 0 && f[n - 1] == '0')
		n--;
	f[n] = '\0';
	return arena_printf(a, "%s%llu.%s", v < 0 ? "-" : "",
	    (unsigned long long)(u / scale), f);
}

/* Trimmed, with browsers' CR LF line breaks stored as LF. */
char *
lines_text(struct arena *a, const char *s)
{
	char	*t = str_trim(a, s), *p, *q;

	for (p = q = t; *p; p++)
		if (!(p[0] == '\r' && p[1] == '\n'))
			*q++ = *p;
	*q = '\0';
	return t;
}

/* A date field: NULL when fine, else the message for the person. */
const char *
lines_date(const char *s, bool required)
{
	struct tz_date	 d;

	if (s == NULL || *s == '\0')
		return required ? "Enter a date" : NULL;
	if (!tz_parse_date(s, &d))
		return "Enter a real date as YYYY-MM-DD, like 2026-03-31";
	return NULL;
}

/* Today (plus days) in the company's zone, "YYYY-MM-DD". */
char *
lines_today(struct req *r, const char *zone, int days)
{
	struct tz_date	 d;
	char		 s[11];

	tz_local_date(zone, time(NULL), &d);
	if (days != 0)
		tz_civil(tz_days(&d) + days, &d);
	tz_date_str(&d, s);
	return arena_strdup(r->arena, s);
}

/* "2026-03-05" as people read it: "5 Mar 2026"; "" stays "". */
char *
lines_date_label(struct arena *a, const char *s)
{
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr",
	    "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tz_date	 d;
	char		 day[11], *out, *p;

	if (s == NULL || strlen(s) < 10)
		return arena_strdup(a, s ? s : "");
	memcpy(day, s, 10);
	day[10] = '\0';
	if (!tz_parse_date(day, &d))
		return arena_strdup(a, s);
	/* By hand: a list formats 50 of these a page. */
	out = arena_alloc(a, 16);
	p = out;
	if (d.d >= 10)
		*p++ = (char)('0' + d.d / 10);
	*p++ = (char)('0' + d.d % 10);
	*p++ = ' ';
	memcpy(p, months[d.m - 1], 3);
	p += 3;
	*p++ = ' ';
	p[0] = (char)('0' + d.y / 1000 % 10);
	p[1] = (char)('0' + d.y / 100 % 10);
	p[2] = (char)('0' + d.y / 10 % 10);
	p[3] = (char)('0' + d.y % 10);
	p[4] = '\0';
	return out;
}

/*
 * A decimal of at most `places` fraction digits up to max (scaled), with
 * its own messages.  "" is *v = 0 unless required.  Returns the message
 * or NULL.
 */
static const char *
decimal(const char *s, int places, bool negative, int64_t max, bool required,
    const char *bad, const char *big, int64_t *v)
{
	*v = 0;
	if (*s == '\0')
		return required ? bad : NULL;
	if (!money_parse_decimal(s, places, negative, INT64_MAX / 10, v))
		return bad;
	if (*v > max || *v < -max)
		return big;
	return NULL;
}

/* "10%" → "10" and *percent; anything else as it is. */
static const char *
percent_sign(struct arena *a, const char *s, bool *percent)
{
	size_t	 n = strlen(s);

	if (n > 0 && s[n - 1] == '%') {
		*percent = true;
		return str_trim(a, arena_strndup(a, s, n - 1));
	}
	return s;
}

static bool
row_blank(const struct line_row *w)
{
	return *w->desc == '\0' && *w->qty == '\0' && *w->unit == '\0' &&
	    *w->price == '\0';
}

/* ------------------------------------------------------------ reading */

static void
row_set(struct req *r, struct line_row *w, const char *field, const char *v)
{
	if (strcmp(field, "desc") == 0)
		w->desc = lines_text(r->arena, v);
	else if (strcmp(field, "qty") == 0)
		w->qty = str_trim(r->arena, v);
	else if (strcmp(field, "unit") == 0)
		w->unit = str_trim(r->arena, v);
	else if (strcmp(field, "price") == 0)
		w->price = str_trim(r->arena, v);
	else if (strcmp(field, "item") == 0)
		w->item = str_trim(r->arena, v);
	else if (strcmp(field, "taxable") == 0)
		w->taxable = *v != '\0' && strcmp(v, "0") != 0;
}

/* The form of kind as typed, rows in the order of their numbers. */
void
lines_read(struct req *r, enum doc_kind kind, struct doc_form *f)
{
	const struct param	*p;
	const char		*s;
	char			*end, field[16];
	unsigned long		 i;
	size_t			 k, n;

	memset(f, 0, sizeof(*f));
	f->kind = kind;
	f->job_id = str_trim(r->arena, req_field(r, "job_id"));
	f->title = str_trim(r->arena, req_field(r, "title"));
	f->issued_on = str_trim(r->arena, req_field(r, "issued_on"));
	f->until = str_trim(r->arena, req_field(r, kind == DOC_ESTIMATE ?
	    "valid_until" : "due_on"));
	f->tax_rate = str_trim(r->arena, req_field(r, "tax_rate"));
	f->discount_kind = req_field(r, "discount_kind");
	f->discount = str_trim(r->arena, req_field(r, "discount"));
	f->deposit_kind = req_field(r, "deposit_kind");
	f->deposit = str_trim(r->arena, req_field(r, "deposit"));
	f->terms = lines_text(r->arena, req_field(r, "terms"));
	f->notes = lines_text(r->arena, req_field(r, "notes"));
	f->version = req_field(r, "version");
	for (k = 0; k < DOC_LINES_MAX; k++) {
		f->rows[k].desc = f->rows[k].qty = f->rows[k].unit = "";
		f->rows[k].price = f->rows[k].item = "";
	}
	for (p = r->form.head; p != NULL; p = p->next) {
		if (p->filename != NULL || strncmp(p->name, "lines[", 6) != 0)
			continue;
		s = p->name + 6;
		if (*s < '0' || *s > '9')
			continue;
		i = strtoul(s, &end, 10);
		if (end[0] != ']' || end[1] != '[')
			continue;
		n = strcspn(end + 2, "]");
		if (n >= sizeof(field) || strcmp(end + 2 + n, "]") != 0)
			continue;
		memcpy(field, end + 2, n);
		field[n] = '\0';
		if (i >= DOC_LINES_MAX) {
			f->overflow = true;
			continue;
		}
		row_set(r, &f->rows[i], field, p->value);
		if (i + 1 > f->nrows)
			f->nrows = i + 1;
	}
}

/* The form of a stored document, for its edit page. */
void
lines_from_doc(struct req *r, const struct document *d, struct doc_form *f)
{
	struct arena	*a = r->arena;
	size_t		 i;

	memset(f, 0, sizeof(*f));
	f->kind = d->kind;
	f->job_id = arena_printf(a, "%lld", (long long)d->job_id);
	f->title = d->title;
	f->issued_on = d->issued_on;
	f->until = d->until;
	f->tax_rate = d->t.tax_rate_bp ? lines_decimal(a, d->t.tax_rate_bp, 2,
	    true) : "";
	f->discount_kind = d->t.discount_is_percent ? "percent" : "amount";
	f->discount = d->t.discount_value == 0 ? "" : lines_decimal(a,
	    d->t.discount_value, 2, d->t.discount_is_percent);
	f->deposit_kind = d->t.deposit_is_percent ? "percent" : "amount";
	f->deposit = d->t.deposit_value == 0 ? "" : lines_decimal(a,
	    d->t.deposit_value, 2, d->t.deposit_is_percent);
	f->terms = d->terms;
	f->notes = d->notes;
	f->version = arena_printf(a, "%lld", (long long)d->version);
	for (i = 0; i < d->nlines && i < DOC_LINES_MAX; i++) {
		f->rows[i].desc = d->lines[i].desc;
		f->rows[i].qty = lines_decimal(a, d->lines[i].qty_milli, 3,
		    true);
		f->rows[i].unit = d->lines[i].unit;
		f->rows[i].price = lines_decimal(a, d->lines[i].unit_cents, 2,
		    false);
		f->rows[i].item = d->lines[i].price_item_id ? arena_printf(a,
		    "%lld", (long long)d->lines[i].price_item_id) : "";
		f->rows[i].taxable = d->lines[i].taxable;
	}
	f->nrows = i;
}

/* ----------------------------------------------------------- checking */

/*
 * One non-blank row into l; each message goes next to its cell unless
 * r is NULL (the preview of totals only wants to know).  Returns the
 * number of errors.
 */
static int
check_row(struct req *r, size_t i, const struct line_row *w,
    struct doc_line *l)
{
	const char	*m;
	char		*end;
	int		 n = 0;

#define ROW_ERROR(field, msg) do {					\
	if ((msg) != NULL) {						\
		n++;							\
		if (r != NULL)						\
			form_error(r, arena_printf(r->arena,		\
			    "lines.%zu.%s", i, field), msg);		\
	}								\
} while (0)

	memset(l, 0, sizeof(*l));
	l->desc = w->desc;
	l->unit = w->unit;
	l->taxable = w->taxable;
	m = valid_text(w->desc, 1, DESC_MAX);
	if (m != NULL && *w->desc == '\0')
		m = "Describe the work";
	else if (m != NULL && strcmp(m, "This is too long") == 0)
		m = "Use at most 2,000 characters";
	ROW_ERROR("desc", m);
	m = decimal(w->qty, 3, true, INT64_MAX / 10, true,
	    "Enter a number like 1.5", NULL,
	    &l->qty_milli);
	if (m == NULL && l->qty_milli <= 0)
		m = "Enter more than 0";
	else if (m == NULL && l->qty_milli > QTY_MAX)
		m = "At most 1,000,000";
	ROW_ERROR("qty", m);
	m = valid_line(w->unit, 0, UNIT_MAX);
	if (m != NULL && strcmp(m, "This is too long") == 0)
		m = "At most 20 characters";
	ROW_ERROR("unit", m);
	m = decimal(w->price, 2, true, MONEY_MAX_CENTS, true,
	    "Enter a price like 12.50", "Too large",
	    &l->unit_cents);
	ROW_ERROR("price", m);
	if (*w->item != '\0') {
		l->price_item_id = strtoll(w->item, &end, 10);
		if (*end != '\0' || l->price_item_id <= 0)
			l->price_item_id = 0;
	}
	if (n == 0 && !money_line(l->qty_milli, l->unit_cents,
	    &l->amount_cents))
		ROW_ERROR("price", "This line is too large");
	return n;
#undef ROW_ERROR
}

/* A discount or deposit: an amount, or a percentage (typed "%" too). */
static const char *
check_share(struct req *r, const char *kind, const char *s, bool *percent,
    int64_t *v)
{
	*percent = strcmp(kind, "percent") == 0;
	s = percent_sign(r->arena, s, percent);
	if (*percent)
		return decimal(s, 2, false, RATE_MAX, false,
		    "Enter a percentage like 10 or 12.5",
		    "Enter a percentage from 0 to 100", v);
	return decimal(s, 2, false, MONEY_MAX_CENTS, false,
	    "Enter an amount like 50 or 49.99", "This amount is too large", v);
}

/*
 * Check f into d (lines and totals included, in the arena); messages go
 * next to the fields.  Returns the number of errors.
 */
int
lines_check(struct req *r, const struct doc_form *f, const char *currency,
    struct document *d)
{
	struct money_line	*ml;
	const char		*m, *until = f->kind == DOC_ESTIMATE ?
				    "valid_until" : "due_on";
	size_t			 i;
	int			 n = 0, nl = 0, np = 0;
	bool			 pct;

	d->kind = f->kind;
	d->title = f->title;
	d->issued_on = f->issued_on;
	d->until = f->until;
	d->terms = f->terms;
	d->notes = f->notes;
	n += form_error(r, "title", valid_line(f->title, 0, TITLE_MAX));
	n += form_error(r, "issued_on", lines_date(f->issued_on, true));
	m = lines_date(f->until, false);
	if (m == NULL && *f->until && *f->issued_on &&
	    lines_date(f->issued_on, true) == NULL &&
	    strcmp(f->until, f->issued_on) < 0)
		m = f->kind == DOC_ESTIMATE ? "Choose a date on or after the "
		    "issue date" : "The due date can't be before the issue date";
	n += form_error(r, until, m);

	d->lines = arena_zalloc(r->arena, DOC_LINES_MAX * sizeof(*d->lines));
	d->nlines = 0;
	if (f->overflow)
		nl += form_error(r, "lines", "A document can have at most 150 "
		    "lines");
	for (i = 0; i < f->nrows; i++) {
		if (row_blank(&f->rows[i]))
			continue;
		nl += check_row(r, i, &f->rows[i], &d->lines[d->nlines++]);
	}
	if (d->nlines == 0 && nl == 0)
		nl += form_error(r, "lines", "Add at least one line");

	m = percent_sign(r->arena, f->tax_rate, &pct);
	np += form_error(r, "tax_rate", decimal(m, 2, false, RATE_MAX, false,
	    "Enter a rate like 8.25", "Enter a rate from 0 to 100",
	    &d->t.tax_rate_bp));
	np += form_error(r, "discount", check_share(r, f->discount_kind,
	    f->discount, &d->t.discount_is_percent, &d->t.discount_value));
	np += form_error(r, "deposit", check_share(r, f->deposit_kind,
	    f->deposit, &d->t.deposit_is_percent, &d->t.deposit_value));
	n += form_error(r, "terms", valid_text(f->terms, 0, DOC_TEXT_MAX));
	n += form_error(r, "notes", valid_text(f->notes, 0, DOC_TEXT_MAX));
	if (nl > 0 || np > 0)
		return n + nl + np;

	ml = arena_alloc(r->arena, (d->nlines + 1) * sizeof(*ml));
	for (i = 0; i < d->nlines; i++) {
		ml[i].amount_cents = d->lines[i].amount_cents;
		ml[i].taxable = d->lines[i].taxable;
	}
	if (!money_totals(&d->t, ml, d->nlines))
		return n + form_error(r, "lines", "The total is too large");
	if (d->t.total_cents < 0)
		n += form_error(r, "lines", "The total can't be below zero: "
		    "check the negative prices");
	if (!d->t.discount_is_percent &&
	    d->t.discount_value > d->t.subtotal_cents)
		n += form_error(r, "discount", arena_printf(r->arena,
		    "The discount can't be more than the subtotal (%s)",
		    money_format(r->arena, d->t.subtotal_cents, currency)));
	if (!d->t.deposit_is_percent && d->t.total_cents >= 0 &&
	    d->t.deposit_value > d->t.total_cents)
		n += form_error(r, "deposit", arena_printf(r->arena,
		    "The deposit can't be more than the total (%s)",
		    money_format(r->arena, d->t.total_cents, currency)));
	if (d->t.total_cents > MONEY_MAX_CENTS)
		n += form_error(r, "lines", "The total is too large");
	return n;
}

/* ------------------------------------------------------- row buttons */

static void
row_clear(struct line_row *w)
{
	w->desc = w->qty = w->unit = w->price = w->item = "";
	w->taxable = true;
}

/*
 * The buttons of the lines table when the browser runs no script:
 * add_row, up-N, down-N, remove-N, recalc.  Returns NULL when action is
 * none of them, "" when done, or why it was refused.
 */
const char *
lines_row_action(struct doc_form *f, const char *action)
{
	struct line_row	 tmp;
	char		*end;
	size_t		 i;
	long		 k = -1;
	const char	*arg = strchr(action, '-');

	if (strcmp(action, "recalc") == 0)
		return "";
	if (strcmp(action, "add_row") == 0) {
		if (f->nrows >= DOC_LINES_MAX)
			return "A document can have at most 150 lines";
		row_clear(&f->rows[f->nrows++]);
		return "";
	}
	if (arg == NULL || arg[1] < '0' || arg[1] > '9')
		return NULL;
	k = strtol(arg + 1, &end, 10);
	if (*end != '\0' || k < 0 || (size_t)k >= f->nrows)
		return NULL;
	i = (size_t)k;
	if (strncmp(action, "up-", 3) == 0) {
		if (i > 0) {
			tmp = f->rows[i - 1];
			f->rows[i - 1] = f->rows[i];
			f->rows[i] = tmp;
		}
		return "";
	}
	if (strncmp(action, "down-", 5) == 0) {
		if (i + 1 < f->nrows) {
			tmp = f->rows[i + 1];
			f->rows[i + 1] = f->rows[i];
			f->rows[i] = tmp;
		}
		return "";
	}
	if (strncmp(action, "remove-", 7) == 0) {
		memmove(&f->rows[i], &f->rows[i + 1], (f->nrows - i - 1) *
		    sizeof(f->rows[0]));
		f->nrows--;
		if (f->nrows == 0)
			row_clear(&f->rows[f->nrows++]);
		return "";
	}
	return NULL;
}

/* Fill the first blank row (or a new one) from a price book item. */
bool
lines_add_item(struct doc_form *f, const struct price_item *it,
    struct arena *a)
{
	struct line_row	*w = NULL;
	size_t		 i;

	for (i = 0; i < f->nrows && w == NULL; i++)
		if (row_blank(&f->rows[i]))
			w = &f->rows[i];
	if (w == NULL) {
		if (f->nrows >= DOC_LINES_MAX)
			return false;
		w = &f->rows[f->nrows++];
	}
	w->desc = *it->description ? arena_printf(a, "%s\n%s", it->name,
	    it->description) : it->name;
	w->qty = "1";
	w->unit = it->unit;
	w->price = lines_decimal(a, it->unit_cents, 2, false);
	w->item = arena_printf(a, "%lld", (long long)it->id);
	w->taxable = it->taxable;
	return true;
}

/* ------------------------------------------------------------ the page */

/*
 * Form.Values.*, Form.Lines.N.* (as typed, with each line's amount when it
 * reads) and Form.Totals.* computed from what reads, for the first paint
 * before the script takes over (and for browsers without it).
 */
void
lines_put(struct req *r, const struct doc_form *f, const char *currency)
{
	struct arena		*a = r->arena;
	struct money_line	 ml[DOC_LINES_MAX];
	struct doc_line		 l;
	struct totals		 t;
	const char		*p, *s;
	size_t			 i, n = 0;
	bool			 pct;

	hdf_set(r, "Form.Values.job_id", f->job_id);
	hdf_set(r, "Form.Values.title", f->title);
	/* A date input holds a date or nothing (what else was typed is
	 * named in the message next to it). */
	hdf_set(r, "Form.Values.issued_on", lines_date(f->issued_on, false) ?
	    "" : f->issued_on);
	hdf_set(r, f->kind == DOC_ESTIMATE ? "Form.Values.valid_until" :
	    "Form.Values.due_on", lines_date(f->until, false) ? "" : f->until);
	hdf_set(r, "Form.Values.tax_rate", f->tax_rate);
	hdf_set(r, "Form.Values.discount_kind",
	    strcmp(f->discount_kind, "percent") == 0 ? "percent" : "amount");
	hdf_set(r, "Form.Values.discount", f->discount);
	hdf_set(r, "Form.Values.deposit_kind",
	    strcmp(f->deposit_kind, "percent") == 0 ? "percent" : "amount");
	hdf_set(r, "Form.Values.deposit", f->deposit);
	hdf_set(r, "Form.Values.terms", f->terms);
	hdf_set(r, "Form.Values.notes", f->notes);
	hdf_set(r, "Form.Values.version", f->version);
	for (i = 0; i < f->nrows; i++) {
		p = arena_printf(a, "Form.Lines.%zu", i);
		hdf_set(r, arena_printf(a, "%s.Desc", p), f->rows[i].desc);
		hdf_set(r, arena_printf(a, "%s.Qty", p), f->rows[i].qty);
		hdf_set(r, arena_printf(a, "%s.Unit", p), f->rows[i].unit);
		hdf_set(r, arena_printf(a, "%s.Price", p), f->rows[i].price);
		hdf_set(r, arena_printf(a, "%s.Item", p), f->rows[i].item);
		hdf_set(r, arena_printf(a, "%s.Taxable", p),
		    f->rows[i].taxable ? "1" : "0");
		hdf_set_int(r, arena_printf(a, "%s.Number", p),
		    (int64_t)i + 1);
		if (row_blank(&f->rows[i]) ||
		    check_row(NULL, i, &f->rows[i], &l) != 0)
			continue;
		hdf_set(r, arena_printf(a, "%s.Amount", p),
		    money_format(a, l.amount_cents, currency));
		ml[n].amount_cents = l.amount_cents;
		ml[n++].taxable = l.taxable;
	}
	hdf_set_int(r, "Form.LineCount", (int64_t)f->nrows);
	hdf_set_int(r, "Form.LinesMax", DOC_LINES_MAX);
	if (f->nrows >= DOC_LINES_MAX)
		hdf_set(r, "Form.LinesFull", "1");

	memset(&t, 0, sizeof(t));
	s = percent_sign(a, f->tax_rate, &pct);
	if (decimal(s, 2, false, RATE_MAX, false, "", "", &t.tax_rate_bp))
		t.tax_rate_bp = 0;
	if (check_share(r, f->discount_kind, f->discount,
	    &t.discount_is_percent, &t.discount_value) != NULL)
		t.discount_value = 0;
	if (check_share(r, f->deposit_kind, f->deposit,
	    &t.deposit_is_percent, &t.deposit_value) != NULL)
		t.deposit_value = 0;
	if (!money_totals(&t, ml, n))
		return;
	hdf_set(r, "Form.Totals.Subtotal", money_format(a, t.subtotal_cents,
	    currency));
	hdf_set(r, "Form.Totals.Discount", money_format(a, -t.discount_cents,
	    currency));
	hdf_set(r, "Form.Totals.Tax", money_format(a, t.tax_cents, currency));
	hdf_set(r, "Form.Totals.Total", money_format(a, t.total_cents,
	    currency));
	hdf_set(r, "Form.Totals.Deposit", money_format(a, t.deposit_cents,
	    currency));
}
