/*
 * The PDF of an estimate or invoice, drawn with libharu from a loaded
 * struct pdf_input (no database here): the body (pdf_layout.c), then
 * payments, terms and notes, the approval block or how to pay with the QR
 * code, and "Page N of M" on every page last; the document made, saved and
 * copied out in the worker's HPDF_Doc (pdf_text.c).
 *
 * Determinism: no clock is read; the dates in the Info dictionary are the
 * document's updated_at, and libharu writes no /ID when the file is not
 * encrypted.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <hpdf.h>

#include "app.h"

/* ------------------------------------------------------ after the table */

static void
heading(struct pdf_ctx *x, const char *s)
{
	pdf_need(x, 40);
	pdf_color(x, pdf_muted);
	pdf_text(x, PDF_BOLD, PDF_SMALL, x->left, x->y - PDF_SMALL, s, 0);
	pdf_color(x, pdf_ink);
	x->y -= 14;
}

/* A paragraph of any length: wrapped, and broken across pages by line. */
static void
para(struct pdf_ctx *x, const char *title, const char *s)
{
	char	**l;
	size_t	 i, n;

	if (s == NULL || *s == '\0')
		return;
	x->y -= 8;
	heading(x, title);
	n = pdf_wrap(x, PDF_REG, 9, s, x->right - x->left, &l);
	for (i = 0; i < n; i++) {
		pdf_need(x, 12);
		pdf_text(x, PDF_REG, 9, x->left, x->y - 9, l[i], 0);
		x->y -= 12;
	}
}

static void
payments(struct pdf_ctx *x)
{
	const struct pdf_input	*in = x->in;
	const struct payment	*p;
	size_t			 i;

	if (in->npayments == 0)
		return;
	x->y -= 8;
	heading(x, x->d->kind == DOC_ESTIMATE ? "DEPOSITS RECEIVED" :
	    "PAYMENTS");
	for (i = in->npayments; i-- > 0;) {	/* oldest first */
		p = &in->payments[i];
		pdf_need(x, 14);
		pdf_text(x, PDF_REG, 9, x->left, x->y - 9, lines_date_label(x->a,
		    p->received_on), 0);
		pdf_text(x, PDF_REG, 9, x->left + 80, x->y - 9, arena_printf(x->a,
		    "%s%s%s%s", p->amount_cents < 0 ? "Refund · " : "",
		    payments_method_label(p->method), *p->reference ? " · " :
		    "", p->reference), 0);
		pdf_text(x, PDF_REG, 9, x->right - 6, x->y - 9, money_format(x->a,
		    p->amount_cents, in->currency), 1);
		x->y -= 14;
	}
}

static void
qr_draw(struct pdf_ctx *x, const struct qr *q, float x0, float y0, float size)
{
	float	 m = size / (float)(q->width + 8);
	int	 r, c, s;

	HPDF_Page_SetGrayFill(x->page, 0);
	for (r = 0; r < q->width; r++)
		for (c = 0; c < q->width; c = s) {
			for (s = c; s < q->width && q->dark[r * q->width + s];
			    s++)
				;
			if (s == c) {
				s++;
				continue;
			}
			HPDF_Page_Rectangle(x->page, x0 + (4 + c) * m,
			    y0 + size - (4 + r + 1) * m, (s - c) * m, m);
		}
	HPDF_Page_Fill(x->page);
	pdf_color(x, pdf_ink);
}

/* Approval (estimates) or payment reminder (invoices), and the QR code. */
static int
closing(struct pdf_ctx *x)
{
	const struct document	*d = x->d;
	struct qr		 q;
	struct tz_date		 today;
	char			 ymd[11];
	float			 size = 84, top, l = x->left, cap;
	bool			 late;

	if (qr_modules(x->a, x->in->url, &q) == -1)
		return -1;
	x->y -= 16;
	pdf_need(x, size + 10);
	top = x->y;
	pdf_rule(x, x->left, x->right, top, 0.85f, 0.5f);
	top -= 10;
	x->y = top;
	if (d->kind == DOC_ESTIMATE) {
		heading(x, "APPROVAL");
		if (*d->approved_name) {
			pdf_text(x, PDF_BOLD, 10, l, x->y - 10, arena_printf(x->a,
			    "Approved by %s", d->approved_name), 0);
			pdf_text(x, PDF_REG, 9, l, x->y - 24, arena_printf(x->a,
			    "on %s", lines_date_label(x->a, d->approved_at)), 0);
		} else {
			pdf_color(x, pdf_muted);
			pdf_rule(x, l, l + 190, x->y - 30, 0.3f, 0.6f);
			pdf_rule(x, l + 205, l + 290, x->y - 30, 0.3f, 0.6f);
			pdf_text(x, PDF_REG, PDF_SMALL, l, x->y - 40, "Signature", 0);
			pdf_text(x, PDF_REG, PDF_SMALL, l + 205, x->y - 40, "Date", 0);
			pdf_rule(x, l, l + 190, x->y - 62, 0.3f, 0.6f);
			pdf_text(x, PDF_REG, PDF_SMALL, l, x->y - 72, "Name", 0);
			pdf_color(x, pdf_ink);
		}
	} else if (d->status != DOCST_VOID) {
		heading(x, "HOW TO PAY");
		/* Past its due date (in the company's zone) it says so, as the
		 * invoice list does, instead of a "by" already gone. */
		tz_local_date(x->in->company->timezone, time(NULL), &today);
		tz_date_str(&today, ymd);
		late = *d->until && strcmp(d->until, ymd) < 0 &&
		    (d->status == DOCST_SENT || d->status == DOCST_PARTIAL);
		cap = pdf_lines(x, PDF_REG, 9, 12, l, 220, arena_printf(x->a,
		    "Balance due: %s%s%s%s. Scan the code to pay online or to "
		    "see your payments.", money_format(x->a,
		    d->t.total_cents - d->paid_cents, x->in->currency),
		    !*d->until ? "" : late ? ", was due " : " by ",
		    *d->until ? lines_date_label(x->a, d->until) : "",
		    late ? " (overdue)" : ""), 0, x->y);
		(void)cap;
	}
	qr_draw(x, &q, x->right - size, top - size, size);
	pdf_color(x, pdf_muted);
	pdf_lines(x, PDF_REG, 8, 10.5f, x->right - size - 138, 130,
	    d->kind == DOC_INVOICE ? "Scan to pay online, or to check that "
	    "this invoice is genuine and current." : "Scan to approve online, "
	    "or to check that this estimate is genuine and current.", 1,
	    top - 14);
	pdf_color(x, pdf_ink);
	x->y = top - size;
	return 0;
}

/* "Estimate #12 · Company" and "Page N of M" on every page. */
static void
footers(struct pdf_ctx *x)
{
	HPDF_Page	*pages = (HPDF_Page *)x->pages.data;
	size_t		 i, n = x->pages.len / sizeof(HPDF_Page);
	const char	*who = arena_printf(x->a, "%s #%lld%s  ·  %s",
			    x->d->kind == DOC_ESTIMATE ? "Estimate" : "Invoice",
			    (long long)x->d->number, x->d->revision > 1 ?
			    arena_printf(x->a, " v%lld", (long long)
			    x->d->revision) : "", x->in->company->name);

	for (i = 0; i < n; i++) {
		x->page = pages[i];
		pdf_rule(x, x->left, x->right, 40, 0.85f, 0.5f);
		pdf_color(x, pdf_muted);
		pdf_text(x, PDF_REG, PDF_SMALL, x->left, 28, who, 0);
		pdf_text(x, PDF_REG, PDF_SMALL, x->right, 28, arena_printf(x->a,
		    "Page %zu of %zu", i + 1, n), 1);
	}
}

/* Info dictionary: title, author (the company), dates of this version. */
static void
info(struct pdf_ctx *x)
{
	const struct document	*d = x->d;
	HPDF_Date		 t;
	int			 Y, M, D, h, m, s;

	HPDF_SetInfoAttr(x->pdf, HPDF_INFO_TITLE, pdf_clean(x, arena_printf(x->a,
	    "%s #%lld%s%s", d->kind == DOC_ESTIMATE ? "Estimate" : "Invoice",
	    (long long)d->number, *d->title ? " — " : "", d->title), false));
	HPDF_SetInfoAttr(x->pdf, HPDF_INFO_AUTHOR, pdf_clean(x,
	    x->in->company->name, false));
	HPDF_SetInfoAttr(x->pdf, HPDF_INFO_CREATOR, "Plumbline");
	if (d->updated_at && sscanf(d->updated_at, "%d-%d-%d %d:%d:%d", &Y,
	    &M, &D, &h, &m, &s) == 6) {
		memset(&t, 0, sizeof(t));
		t.year = Y; t.month = M; t.day = D;
		t.hour = h; t.minutes = m; t.seconds = s;
		t.ind = 'Z';
		HPDF_SetInfoDateAttr(x->pdf, HPDF_INFO_CREATION_DATE, t);
		HPDF_SetInfoDateAttr(x->pdf, HPDF_INFO_MOD_DATE, t);
	}
}

static int
draw(struct pdf_ctx *x)
{
	const struct document	*d = x->d;

	pdf_page_new(x);
	info(x);
	if (pdf_body(x) == -1)
		return -1;
	payments(x);
	para(x, "TERMS", d->terms);
	para(x, "NOTES", d->notes);
	if (closing(x) == -1)
		return -1;
	footers(x);
	return 0;
}

static int
make_pdf(struct arena *a, const struct pdf_input *in, struct buf *out,
    bool with_logo)
{
	struct pdf_input	 copy = *in;
	struct pdf_ctx		 x;
	HPDF_UINT32		 len;
	unsigned long		 err, detail;
	char			*p;
	int			 rc = -1;

	if (!with_logo)
		copy.logo = NULL;
	memset(&x, 0, sizeof(x));
	x.a = a;
	x.in = &copy;
	x.d = in->doc;
	buf_init(&x.pages, a);
	if (pdf_doc_begin(&x) == -1 || draw(&x) == -1 ||
	    pdf_doc_error(NULL) != 0)
		goto out;
	if (HPDF_SaveToStream(x.pdf) != HPDF_OK || pdf_doc_error(NULL) != 0)
		goto out;
	len = HPDF_GetStreamSize(x.pdf);
	HPDF_ResetStream(x.pdf);
	p = arena_alloc(a, (size_t)len + 1);
	if (HPDF_ReadFromStream(x.pdf, (HPDF_BYTE *)p, &len) != HPDF_OK &&
	    pdf_doc_error(NULL) != HPDF_STREAM_EOF)
		goto out;
	buf_reset(out);
	buf_add(out, p, len);
	rc = 0;
out:
	if (rc == -1 && (!with_logo || in->logo == NULL)) {
		err = pdf_doc_error(&detail);
		log_err("pdf: libharu error 0x%04lx (detail %lu)", err, detail);
	}
	pdf_doc_end(&x);
	return rc;
}

/*
 * The PDF of in->doc into out (replacing what it held); 0, or -1 (logged)
 * when it can't be made.  A logo libharu can't read is left out.
 */
int
pdf_render(struct arena *a, const struct pdf_input *in, struct buf *out)
{
	if (pdf_text_init() == -1)
		return -1;
	if (make_pdf(a, in, out, true) == 0)
		return 0;
	if (in->logo == NULL)
		return -1;
	log_warn("pdf: the company logo can't be read; PDF made without it");
	return make_pdf(a, in, out, false);
}
