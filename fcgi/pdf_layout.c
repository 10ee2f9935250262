/*
 * The body of a PDF (pdf_render.c makes the document around it): header
 * with logo and contact block, customer and property, a line table that
 * breaks across pages with its header repeated and no row split, and the
 * totals, kept with the last row.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <hpdf.h>
#include <png.h>

#include "app.h"

#define LEAD		12.5f		/* line height of body text */
#define BODY		9.5f		/* body text size */
#define PAD		4.5f		/* above and below a table row's text */
#define LOGO_PIXELS	(2500 * 2500)	/* larger logos are left out */

/* ---------------------------------------------------------------- head */

static float
logo(struct pdf_ctx *x)
{
	const struct pdf_input	*in = x->in;
	HPDF_Image		 img;
	float			 iw, ih, sc;

	png_image		 png;
	unsigned char		*rgb;
	png_color		 white = { 255, 255, 255 };

	if (in->logo == NULL || in->logo_len < 8)
		return 0;
	if (memcmp(in->logo, "\x89PNG", 4) == 0) {
		/*
		 * Decoded here, not by libharu: its PNG reader lets libpng
		 * abort() the process on a corrupt file.  Transparency is
		 * laid on white, the paper's colour.
		 */
		memset(&png, 0, sizeof(png));
		png.version = PNG_IMAGE_VERSION;
		if (!png_image_begin_read_from_memory(&png, in->logo,
		    in->logo_len))
			return -1;
		png.format = PNG_FORMAT_RGB;
		if ((size_t)png.width * png.height > LOGO_PIXELS) {
			png_image_free(&png);
			return -1;
		}
		rgb = arena_alloc(x->a, PNG_IMAGE_SIZE(png));
		if (!png_image_finish_read(&png, &white, rgb, 0, NULL)) {
			png_image_free(&png);
			return -1;
		}
		img = HPDF_LoadRawImageFromMem(x->pdf, rgb, png.width,
		    png.height, HPDF_CS_DEVICE_RGB, 8);
	} else
		img = HPDF_LoadJpegImageFromMem(x->pdf,
		    (const HPDF_BYTE *)in->logo, (HPDF_UINT)in->logo_len);
	if (img == NULL || pdf_doc_error(NULL) != 0)
		return -1;
	iw = (float)HPDF_Image_GetWidth(img);
	ih = (float)HPDF_Image_GetHeight(img);
	if (iw < 1 || ih < 1)
		return -1;
	sc = 170.0f / iw < 60.0f / ih ? 170.0f / iw : 60.0f / ih;
	HPDF_Page_DrawImage(x->page, img, x->left, x->y - ih * sc, iw * sc,
	    ih * sc);
	return ih * sc;
}

static const char *
locality(struct arena *a, const char *city, const char *region,
    const char *postal)
{
	return arena_printf(a, "%s%s%s%s%s", city, *city && *region ? ", " : "",
	    region, (*city || *region) && *postal ? " " : "", postal);
}

/*
 * s with its ", "-separated parts packed onto lines of width wd, so that
 * opening hours break between "Sat 9:00–13:00," and "emergency calls 24/7"
 * rather than leave "24/7" alone; a part longer than a line still wraps
 * at its spaces (pdf_lines).
 */
static const char *
by_clause(struct pdf_ctx *x, float size, float wd, const char *s)
{
	const char	*out = "", *line = "", *part, *try, *comma;
	char		**l;

	while (*s != '\0') {
		comma = strstr(s, ", ");
		part = comma ? arena_strndup(x->a, s, (size_t)(comma - s)) : s;
		s = comma ? comma + 2 : "";
		try = *line ? arena_printf(x->a, "%s, %s", line, part) : part;
		if (!*line || pdf_wrap(x, PDF_REG, size, try, wd, &l) == 1)
			line = try;
		else {
			out = arena_printf(x->a, "%s%s%s,", out, *out ? "\n" : "",
			    line);
			line = part;
		}
	}
	return arena_printf(x->a, "%s%s%s", out, *out ? "\n" : "", line);
}

static int
head(struct pdf_ctx *x)
{
	const struct company	*co = x->in->company;
	const struct document	*d = x->d;
	const char		*parts[6];
	float			 lh, ch = 0, top = x->y, cw = 230, mid;
	size_t			 i;

	if ((lh = logo(x)) < 0)
		return -1;
	/* The company's name and contact lines, right-aligned. */
	ch += pdf_lines(x, PDF_BOLD, 12, 15, x->right - cw, cw, co->name, 1,
	    top);
	parts[0] = co->street;
	parts[1] = locality(x->a, co->city, co->region, co->postal_code);
	parts[2] = co->phone;
	parts[3] = co->email;
	parts[4] = by_clause(x, 8.5f, cw, co->hours);
	parts[5] = NULL;
	pdf_color(x, pdf_muted);
	for (i = 0; parts[i] != NULL; i++)
		if (*parts[i])
			ch += pdf_lines(x, PDF_REG, 8.5f, 11, x->right - cw, cw,
			    parts[i], 1, top - ch - 2);
	pdf_color(x, pdf_ink);
	x->y = top - (lh > ch ? lh : ch) - 22;

	/* Title, number and version; dates on the right. */
	top = x->y;
	pdf_color(x, pdf_brand);
	pdf_text(x, PDF_BOLD, 22, x->left, top - 20, d->kind == DOC_ESTIMATE ?
	    "ESTIMATE" : "INVOICE", 0);
	pdf_color(x, pdf_ink);
	pdf_text(x, PDF_BOLD, 11, x->left, top - 36, arena_printf(x->a,
	    "#%lld%s", (long long)d->number, d->revision > 1 ? arena_printf(x->a,
	    "  ·  Version %lld", (long long)d->revision) : ""), 0);
	ch = 40;
	mid = x->left + (x->right - x->left) * 0.55f;
	if (*d->title)
		ch += pdf_lines(x, PDF_REG, 10, 13, x->left, mid - x->left - 12,
		    d->title, 0, top - ch) + 2;
	lh = 6;
	pdf_color(x, pdf_muted);
	pdf_text(x, PDF_REG, 8.5f, x->right - 90, top - lh - 8.5f, "Issued", 1);
	pdf_color(x, pdf_ink);
	pdf_text(x, PDF_BOLD, 9, x->right, top - lh - 8.5f,
	    lines_date_label(x->a, d->issued_on), 1);
	lh += 14;
	if (*d->until) {
		pdf_color(x, pdf_muted);
		pdf_text(x, PDF_REG, 8.5f, x->right - 90, top - lh - 8.5f,
		    d->kind == DOC_ESTIMATE ? "Valid until" : "Due", 1);
		pdf_color(x, pdf_ink);
		pdf_text(x, PDF_BOLD, 9, x->right, top - lh - 8.5f,
		    lines_date_label(x->a, d->until), 1);
		lh += 14;
	}
	if (d->status == DOCST_DRAFT || d->status == DOCST_VOID ||
	    d->status == DOCST_SUPERSEDED) {
		HPDF_Page_SetRGBFill(x->page, 0.7f, 0.1f, 0.1f);
		pdf_text(x, PDF_BOLD, 10, x->right, top - lh - 12,
		    d->status == DOCST_DRAFT ? "DRAFT — NOT YET SENT" :
		    d->status == DOCST_VOID ? "VOID" : "REPLACED BY A NEWER "
		    "VERSION", 1);
		pdf_color(x, pdf_ink);
		lh += 16;
	}
	x->y = top - (ch > lh ? ch : lh) - 10;
	pdf_rule(x, x->left, x->right, x->y, 0.15f, 1.2f);
	x->y -= 18;
	return 0;
}

/* Bill to (customer) and service address (property) side by side. */
static void
parties(struct pdf_ctx *x)
{
	const struct doc_job	*j = &x->d->job;
	float			 half = (x->right - x->left) / 2, h1, h2 = 0;
	float			 top = x->y;

	pdf_color(x, pdf_muted);
	pdf_text(x, PDF_BOLD, PDF_SMALL, x->left, top - PDF_SMALL,
	    x->d->kind == DOC_INVOICE ? "BILL TO" : "PREPARED FOR", 0);
	pdf_color(x, pdf_ink);
	h1 = 13 + pdf_lines(x, PDF_BOLD, 10, 13, x->left, half - 16,
	    j->customer_name, 0, top - 13);
	if (*j->customer_email)
		h1 += pdf_lines(x, PDF_REG, 9, 12, x->left, half - 16,
		    j->customer_email, 0, top - h1);
	if (*j->customer_phone)
		h1 += pdf_lines(x, PDF_REG, 9, 12, x->left, half - 16,
		    j->customer_phone, 0, top - h1);
	if (*j->street || *j->city) {
		pdf_color(x, pdf_muted);
		pdf_text(x, PDF_BOLD, PDF_SMALL, x->left + half,
		    top - PDF_SMALL, "SERVICE ADDRESS", 0);
		pdf_color(x, pdf_ink);
		h2 = 13;
		if (*j->street)
			h2 += pdf_lines(x, PDF_REG, 9, 12, x->left + half,
			    half, j->street, 0, top - h2);
		h2 += pdf_lines(x, PDF_REG, 9, 12, x->left + half, half,
		    locality(x->a, j->city, j->region, j->postal_code), 0,
		    top - h2);
	}
	x->y = top - (h1 > h2 ? h1 : h2) - 18;
}

/* --------------------------------------------------------------- table */

static void
table_head(struct pdf_ctx *x)
{
	static const char *const names[5] = { "DESCRIPTION", "QTY", "UNIT",
	    "UNIT PRICE", "AMOUNT" };
	int	 i;

	HPDF_Page_SetGrayFill(x->page, 0.94f);
	HPDF_Page_Rectangle(x->page, x->left, x->y - 20, x->right - x->left,
	    20);
	HPDF_Page_Fill(x->page);
	pdf_color(x, pdf_muted);
	for (i = 0; i < 5; i++)
		pdf_text(x, PDF_BOLD, PDF_SMALL, i == 0 ? x->left + 6 : i == 2 ?
		    x->col[2] + 6 : (i == 4 ? x->right : x->col[i + 1]) - 6,
		    x->y - 13, names[i], i == 0 || i == 2 ? 0 : 1);
	pdf_color(x, pdf_ink);
	x->y -= 20;
}

struct row {
	char	**lines;
	size_t	 n;
	float	 h;
	bool	 notax;
};

static void
row_measure(struct pdf_ctx *x, const struct doc_line *l, struct row *r)
{
	r->n = pdf_wrap(x, PDF_REG, BODY, l->desc, x->col[1] - x->left - 12,
	    &r->lines);
	r->notax = !l->taxable && x->d->t.tax_rate_bp != 0;
	r->h = r->n * LEAD + 2 * PAD + (r->notax ? 10 : 0);
}

static void
row_draw(struct pdf_ctx *x, const struct doc_line *l, const struct row *r)
{
	const char	*cur = x->in->currency;
	float		 top = x->y;
	size_t		 i;

	pdf_text(x, PDF_REG, BODY, x->col[2] - 6, top - PAD - BODY,
	    lines_decimal(x->a, l->qty_milli, 3, true), 1);
	pdf_text(x, PDF_REG, BODY, x->col[2] + 6, top - PAD - BODY, l->unit, 0);
	pdf_text(x, PDF_REG, BODY, x->col[4] - 6, top - PAD - BODY,
	    money_format(x->a, l->unit_cents, cur), 1);
	pdf_text(x, PDF_BOLD, BODY, x->right - 6, top - PAD - BODY,
	    money_format(x->a, l->amount_cents, cur), 1);
	for (i = 0; i < r->n; i++) {
		/* Only a row taller than a whole page gets here split. */
		if (x->y - PAD - (i + 1) * LEAD < PDF_FOOT && i > 0) {
			pdf_page_new(x);
			table_head(x);
			top = x->y + i * LEAD;
		}
		pdf_text(x, PDF_REG, BODY, x->left + 6,
		    top - PAD - BODY - i * LEAD, r->lines[i], 0);
	}
	x->y = top - r->h;
	if (r->notax) {
		pdf_color(x, pdf_muted);
		pdf_text(x, PDF_REG, PDF_SMALL, x->left + 6, x->y + PAD + 1,
		    "No tax", 0);
		pdf_color(x, pdf_ink);
	}
	pdf_rule(x, x->left, x->right, x->y, 0.85f, 0.5f);
}

/* ---------------------------------------------------------------- totals */

struct total {
	const char	*label;
	const char	*value;
	bool		 strong;
};

static size_t
totals_of(struct pdf_ctx *x, struct total *t)
{
	const struct document	*d = x->d;
	const char		*cur = x->in->currency;
	struct arena		*a = x->a;
	int64_t			 bal = d->status == DOCST_VOID ? 0 :
				    d->t.total_cents - d->paid_cents;
	size_t			 n = 0;

#define T(l, v, s)	(t[n].label = (l), t[n].value = (v), t[n++].strong = (s))
	T("Subtotal", money_format(a, d->t.subtotal_cents, cur), false);
	if (d->t.discount_cents != 0)
		T(d->t.discount_is_percent ? arena_printf(a, "Discount (%s%%)",
		    lines_decimal(a, d->t.discount_value, 2, true)) :
		    "Discount", money_format(a, -d->t.discount_cents, cur),
		    false);
	if (d->t.tax_rate_bp != 0 || d->t.tax_cents != 0)
		T(arena_printf(a, "Tax (%s%%)", lines_decimal(a,
		    d->t.tax_rate_bp, 2, true)), money_format(a,
		    d->t.tax_cents, cur), false);
	T("Total", money_format(a, d->t.total_cents, cur), true);
	if (d->t.deposit_cents != 0) {
		T(d->t.deposit_is_percent ? arena_printf(a, "Deposit required "
		    "(%s%%)", lines_decimal(a, d->t.deposit_value, 2, true)) :
		    "Deposit required", money_format(a, d->t.deposit_cents,
		    cur), false);
		if (d->paid_cents > 0)
			T("Deposit paid", money_format(a, d->paid_cents < d->t.deposit_cents ?
			    d->paid_cents : d->t.deposit_cents, cur), false);
		if (d->paid_cents < d->t.deposit_cents)
			T("Deposit pending", money_format(a,
			    d->t.deposit_cents - d->paid_cents, cur), false);
	}
	if (d->kind == DOC_INVOICE || d->paid_cents != 0) {
		T("Paid", money_format(a, -d->paid_cents, cur), false);
		T("Balance due", money_format(a, bal, cur), true);
	}
#undef T
	return n;
}

static float
totals_height(size_t n)
{
	return n * 17.0f + 14;
}

static void
totals_draw(struct pdf_ctx *x, const struct total *t, size_t n)
{
	float	 l = x->right - 250, y = x->y - 10;
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (t[i].strong) {
			HPDF_Page_SetGrayFill(x->page, 0.94f);
			HPDF_Page_Rectangle(x->page, l, y - 17, x->right - l, 17);
			HPDF_Page_Fill(x->page);
			pdf_color(x, pdf_ink);
		}
		pdf_color(x, t[i].strong ? pdf_ink : pdf_muted);
		pdf_text(x, t[i].strong ? PDF_BOLD : PDF_REG,
		    t[i].strong ? 10.5f : 9, l + 8, y - 12, t[i].label, 0);
		pdf_color(x, pdf_ink);
		pdf_text(x, t[i].strong ? PDF_BOLD : PDF_REG,
		    t[i].strong ? 10.5f : 9, x->right - 6, y - 12, t[i].value, 1);
		y -= 17;
	}
	x->y -= totals_height(n);
}


/* ---------------------------------------------------------------- body */

/*
 * From the top of the first page to the totals: header, parties, the line
 * table over as many pages as it needs, totals.  0, or -1 (a bad logo).
 */
int
pdf_body(struct pdf_ctx *x)
{
	const struct document	*d = x->d;
	struct total		 t[10];
	struct row		 r;
	size_t			 i, nt, on_page = 0;

	x->col[4] = x->right - 84;
	x->col[3] = x->col[4] - 82;
	x->col[2] = x->col[3] - 54;
	x->col[1] = x->col[2] - 48;
	if (head(x) == -1)
		return -1;
	parties(x);
	nt = totals_of(x, t);
	table_head(x);
	if (d->nlines == 0) {
		pdf_color(x, pdf_muted);
		pdf_text(x, PDF_REG, BODY, x->left + 6, x->y - PAD - BODY,
		    "No lines yet.", 0);
		pdf_color(x, pdf_ink);
		x->y -= LEAD + 2 * PAD;
	}
	for (i = 0; i < d->nlines; i++) {
		row_measure(x, &d->lines[i], &r);
		/* The last row goes with the totals, never the totals alone. */
		if (on_page > 0 && (x->y - r.h < PDF_FOOT || (i + 1 == d->nlines &&
		    x->y - r.h - totals_height(nt) < PDF_FOOT))) {
			pdf_page_new(x);
			table_head(x);
			on_page = 0;
		}
		row_draw(x, &d->lines[i], &r);
		on_page++;
	}
	if (d->nlines == 0 && pdf_need(x, totals_height(nt)))
		table_head(x);
	totals_draw(x, t, nt);
	return 0;
}
