/*
 * The text and drawing layer of the PDFs (pdf_layout.c and pdf_render.c
 * draw with it): the worker's libharu document and its fonts, text cleaned,
 * measured, wrapped and drawn, rules, pages.
 *
 * Speed: each worker keeps ONE HPDF_Doc and makes every document in it
 * with HPDF_NewDoc.  libharu's HPDF_FreeDoc only resets each loaded font
 * definition (the used-glyph flags and the descriptor), keeping the parsed
 * tables; HPDF_GetFont by name then builds the per-document font and subset
 * from them.
 *
 * Fonts are simple TrueType fonts in Windows code pages, not libharu's
 * UTF-8 Type0 fonts: making a Type0 font looks up all 65,536 code points and
 * writes a width array and a 128 KB CIDToGIDMap for each font of each
 * document (~20 ms and ~100 KB per PDF, measured).  A string is drawn in
 * runs, each in the first code page that has its characters (1252 Western,
 * then 1250 Central European, 1251 Cyrillic, 1253 Greek, 1254 Turkish, 1257
 * Baltic); those fonts are made only when a document uses them.
 *
 * The fonts are DejaVu cut to exactly those code pages at build time (the
 * Makefile's build/fonts rule): libharu drops the outlines of unused glyphs
 * but copies every other table whole, so the full DejaVu put ~60 KB of
 * compressed metrics and names into each font of each PDF, and compressing
 * them was most of the time.  Without them (fonts_dir pointing elsewhere)
 * the system's DejaVu is used: same text, a larger and slower file.
 *
 * Text: every string goes through pdf_clean(): invalid UTF-8, and characters
 * the fonts or the code pages lack (emoji, CJK) become "?", a visible
 * placeholder, so no input can make a broken file.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_fontdef.h>

#include "app.h"

/* Where `make` puts the cut fonts; the Makefile passes its own path. */
#ifndef PL_FONTS_DIR
#define PL_FONTS_DIR	"build/fonts"
#endif
#define SYSTEM_FONTS	"/usr/share/fonts/truetype/dejavu"

static const char *const codepages[] = { "CP1252", "CP1250", "CP1251", "CP1253",
    "CP1254", "CP1257" };
#define NPAGES	(sizeof(codepages) / sizeof(codepages[0]))

const float pdf_ink[3] = { 0.063f, 0.094f, 0.157f };
const float pdf_muted[3] = { 0.278f, 0.329f, 0.404f };
const float pdf_brand[3] = { 0.043f, 0.373f, 0.541f };

/* Worker-lifetime: the reused document, its fonts and their metrics. */
static struct {
	HPDF_Doc	 pdf;
	const char	*font[PDF_FACE__MAX];	/* names, owned by the fontdefs */
	HPDF_FontDef	 def[PDF_FACE__MAX];
	/* 0 unknown, 1 no glyph, else 2 + width */
	uint16_t	 cell[PDF_FACE__MAX][65536];
	uint8_t		 page[65536];		/* 1 + index in codepages[], or 0 */
	uint8_t		 byte[65536];		/* the character in that page */
	/* The current document's fonts, made on first use. */
	HPDF_Font	 doc_font[PDF_FACE__MAX][NPAGES];
	HPDF_STATUS	 err, detail;		/* first error of this document */
} w;

static void
on_error(HPDF_STATUS e, HPDF_STATUS detail, void *u)
{
	(void)u;
	if (w.err == 0) {
		w.err = e;
		w.detail = detail;
	}
}

/* Where the fonts are: fonts_dir, else the built ones, else the system's. */
static const char *
fonts_dir(void)
{
	const char	*dir = cfg.fonts_dir && *cfg.fonts_dir ? cfg.fonts_dir :
			    PL_FONTS_DIR;
	char		 reg[1024], bold[1024];

	snprintf(reg, sizeof(reg), "%s/DejaVuSans.ttf", dir);
	snprintf(bold, sizeof(bold), "%s/DejaVuSans-Bold.ttf", dir);
	if (access(reg, R_OK) == 0 && access(bold, R_OK) == 0)
		return dir;
	log_warn("pdf: no fonts in %s (make builds them in build/fonts); "
	    "using %s: larger, slower PDFs", dir, SYSTEM_FONTS);
	return SYSTEM_FONTS;
}

/*
 * Load the fonts once per worker; 0, or -1 (logged) when they can't be.
 * Later calls cost nothing.
 */
int
pdf_text_init(void)
{
	static const char *const files[PDF_FACE__MAX] = { "DejaVuSans.ttf",
	    "DejaVuSans-Bold.ttf" };
	const char	*dir;
	HPDF_Encoder	 e;
	HPDF_UNICODE	 u;
	char		 path[1024];
	size_t		 i, b;

	if (w.pdf != NULL)
		return 0;
	dir = fonts_dir();
	if ((w.pdf = HPDF_New(on_error, NULL)) == NULL) {
		log_err("HPDF_New failed");
		return -1;
	}
	HPDF_UseUTFEncodings(w.pdf);
	/* Each character's first code page, for drawing it as one byte. */
	for (i = 0; i < NPAGES; i++) {
		if ((e = HPDF_GetEncoder(w.pdf, codepages[i])) == NULL)
			continue;
		for (b = 0x20; b < 0x100; b++)
			if ((u = HPDF_Encoder_GetUnicode(e, (HPDF_UINT16)b)) >=
			    0x20 && u != 0x7f && w.page[u] == 0) {
				w.page[u] = (uint8_t)(i + 1);
				w.byte[u] = (uint8_t)b;
			}
	}
	for (i = 0; i < PDF_FACE__MAX; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, files[i]);
		if ((w.font[i] = HPDF_LoadTTFontFromFile(w.pdf, path,
		    HPDF_TRUE)) == NULL ||
		    (w.def[i] = HPDF_GetFontDef(w.pdf, w.font[i])) == NULL) {
			log_err("pdf: font %s: libharu error 0x%04lx", path,
			    (unsigned long)w.err);
			HPDF_Free(w.pdf);
			memset(&w, 0, sizeof(w));
			return -1;
		}
	}
	return 0;
}

/*
 * A new, empty document in the worker's HPDF_Doc, into x->pdf; 0, or -1
 * (the error is in pdf_doc_error).  pdf_doc_end after it either way.
 */
int
pdf_doc_begin(struct pdf_ctx *x)
{
	x->pdf = w.pdf;
	w.err = w.detail = 0;
	memset(w.doc_font, 0, sizeof(w.doc_font));
	if (HPDF_NewDoc(w.pdf) != HPDF_OK)
		return -1;
	HPDF_SetCompressionMode(w.pdf, HPDF_COMP_ALL);
	/* Info strings only: libharu writes them as UTF-16 through it. */
	HPDF_SetCurrentEncoder(w.pdf, "UTF-8");
	return w.err == 0 ? 0 : -1;
}

/* The first libharu error of this document, 0 when none (detail beside). */
unsigned long
pdf_doc_error(unsigned long *detail)
{
	if (detail != NULL)
		*detail = w.detail;
	return w.err;
}

void
pdf_doc_end(struct pdf_ctx *x)
{
	HPDF_FreeDoc(w.pdf);
	memset(w.doc_font, 0, sizeof(w.doc_font));
	x->pdf = NULL;
}

/* ---------------------------------------------------------------- text */

/* The next code point of *s; a bad byte is U+FFFD and is skipped alone. */
static unsigned
utf8_next(const unsigned char **s)
{
	const unsigned char	*p = *s;
	unsigned		 c = p[0], min, n, i;

	if (c < 0x80) {
		*s = p + 1;
		return c;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 1; c &= 0x1f; min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 2; c &= 0x0f; min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 3; c &= 0x07; min = 0x10000;
	} else {
		*s = p + 1;
		return 0xfffd;
	}
	for (i = 1; i <= n; i++) {
		if ((p[i] & 0xc0) != 0x80) {
			*s = p + 1;
			return 0xfffd;
		}
		c = (c << 6) | (p[i] & 0x3f);
	}
	*s = p + n + 1;
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0xfffd;
	return c;
}

static void
utf8_put(struct buf *b, unsigned c)
{
	char	 s[3];

	if (c < 0x80)
		buf_putc(b, (char)c);
	else if (c < 0x800) {
		s[0] = (char)(0xc0 | (c >> 6));
		s[1] = (char)(0x80 | (c & 0x3f));
		buf_add(b, s, 2);
	} else {
		s[0] = (char)(0xe0 | (c >> 12));
		s[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		s[2] = (char)(0x80 | (c & 0x3f));
		buf_add(b, s, 3);
	}
}

/*
 * 2 + the advance of c in 1/1000 em in font f, or 1 without a glyph.  By
 * glyph id: libharu's width-by-character marks the glyph as used, which
 * would embed it in the document being made.
 */
static unsigned
cell(struct pdf_ctx *x, int f, unsigned c)
{
	uint16_t	*p = &w.cell[f][c & 0xffff];
	HPDF_UINT16	 gid;

	(void)x;
	if (c > 0xffff)
		return 1;
	if (*p == 0) {
		gid = HPDF_TTFontDef_GetGlyphid(w.def[f], (HPDF_UINT16)c);
		*p = gid == 0 ? 1 : (uint16_t)(2 +
		    HPDF_TTFontDef_GetGidWidth(w.def[f], gid));
	}
	return *p;
}

static bool
drawable(struct pdf_ctx *x, unsigned c)
{
	return c <= 0xffff && w.page[c] != 0 && cell(x, PDF_REG, c) > 1 &&
	    cell(x, PDF_BOLD, c) > 1;
}

/*
 * s as text both fonts can draw: controls dropped (newlines kept when
 * lines), tabs as spaces, invisible joiners and variation selectors
 * dropped, anything else without a glyph as U+FFFD (or "?").
 */
char *
pdf_clean(struct pdf_ctx *x, const char *s, bool lines)
{
	const unsigned char	*p = (const unsigned char *)(s ? s : "");
	struct buf		 b;
	unsigned		 c;

	buf_init(&b, x->a);
	buf_puts(&b, "");
	while (*p) {
		c = utf8_next(&p);
		if (c == '\n' && lines)
			buf_putc(&b, '\n');
		else if (c == '\t' || c == '\n')
			buf_putc(&b, ' ');
		else if (c < 0x20 || (c >= 0x7f && c < 0xa0) ||
		    (c >= 0x200b && c <= 0x200f) || (c >= 0xfe00 &&
		    c <= 0xfe0f) || c == 0xfeff)
			continue;
		else if (drawable(x, c))
			utf8_put(&b, c);
		else
			buf_putc(&b, '?');
	}
	return b.data;
}

/* Width in points of clean text s[0..n). */
static float
width_n(struct pdf_ctx *x, int f, float size, const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	const unsigned char	*end = p + n;
	unsigned		 sum = 0;

	while (p < end && *p)
		sum += cell(x, f, utf8_next(&p)) - 2;
	return (float)sum * size / 1000.0f;
}

static float
width(struct pdf_ctx *x, int f, float size, const char *s)
{
	return width_n(x, f, size, s, strlen(s));
}

/*
 * s cleaned and broken into lines no wider than max: at spaces, or inside
 * a word longer than a line; newlines kept.  Returns the count (>= 1).
 */
size_t
pdf_wrap(struct pdf_ctx *x, enum pdf_face f, float size, const char *s,
    float max, char ***out)
{
	const unsigned char *t = (const unsigned char *)pdf_clean(x, s, true);
	const unsigned char *start, *p, *q, *brk;
	float		 wd, wb, cw, limit = max * 1000.0f / size;
	size_t		 n = 0, cap = 8;
	unsigned	 c;

	*out = arena_alloc(x->a, cap * sizeof(**out));
	start = p = t;
	wd = wb = 0;
	brk = NULL;
	for (;;) {
		q = p;
		c = *p ? utf8_next(&p) : 0;
		cw = c ? (float)(cell(x, f, c) - 2) : 0;
		if (c == 0 || c == '\n' || (wd + cw > limit && q > start &&
		    c != ' ')) {
			if (n + 1 >= cap) {
				char	**nl = arena_alloc(x->a, cap * 2 *
				    sizeof(*nl));
				memcpy(nl, *out, n * sizeof(*nl));
				*out = nl;
				cap *= 2;
			}
			if (c != 0 && c != '\n' && brk != NULL) {
				(*out)[n++] = arena_strndup(x->a,
				    (const char *)start, (size_t)(brk - start));
				start = brk + 1;
				wd -= wb + (float)(cell(x, f, ' ') - 2);
			} else {
				(*out)[n++] = arena_strndup(x->a,
				    (const char *)start, (size_t)(q - start));
				start = c == '\n' ? p : q;
				wd = 0;
				if (c == 0)
					break;
				if (c == '\n') {
					brk = NULL;
					continue;
				}
			}
			brk = NULL;
		}
		if (c == ' ') {
			brk = q;
			wb = wd;
		}
		wd += cw;
	}
	return n;
}

/* ------------------------------------------------------------- drawing */

void
pdf_color(struct pdf_ctx *x, const float rgb[3])
{
	HPDF_Page_SetRGBFill(x->page, rgb[0], rgb[1], rgb[2]);
}

static HPDF_Font
font_of(struct pdf_ctx *x, int f, size_t pg)
{
	if (w.doc_font[f][pg] == NULL)
		w.doc_font[f][pg] = HPDF_GetFont(x->pdf, w.font[f],
		    codepages[pg]);
	return w.doc_font[f][pg];
}

/*
 * Clean s at baseline y from x0 (align: 0 left, 1 right edge x0), in runs
 * of one code page each.
 */
void
pdf_text(struct pdf_ctx *x, enum pdf_face f, float size, float x0, float y,
    const char *s, int align)
{
	const unsigned char	*p = (const unsigned char *)pdf_clean(x, s, false);
	char			 run[256];
	size_t			 n = 0, pg = 0, cp;
	unsigned		 c;
	HPDF_Font		 font;

	if (*p == '\0')
		return;
	if (align == 1)
		x0 -= width(x, f, size, (const char *)p);
	HPDF_Page_BeginText(x->page);
	HPDF_Page_MoveTextPos(x->page, x0, y);
	for (;;) {
		c = *p ? utf8_next(&p) : 0;
		cp = c ? (size_t)w.page[c] - 1 : pg;
		if (n > 0 && (c == 0 || cp != pg || n + 1 == sizeof(run))) {
			run[n] = '\0';
			if ((font = font_of(x, f, pg)) == NULL)
				break;
			HPDF_Page_SetFontAndSize(x->page, font, size);
			HPDF_Page_ShowText(x->page, run);
			n = 0;
		}
		if (c == 0)
			break;
		pg = cp;
		run[n++] = (char)w.byte[c];
	}
	HPDF_Page_EndText(x->page);
}

void
pdf_rule(struct pdf_ctx *x, float x0, float x1, float y, float gray, float lw)
{
	HPDF_Page_SetGrayStroke(x->page, gray);
	HPDF_Page_SetLineWidth(x->page, lw);
	HPDF_Page_MoveTo(x->page, x0, y);
	HPDF_Page_LineTo(x->page, x1, y);
	HPDF_Page_Stroke(x->page);
}

void
pdf_page_new(struct pdf_ctx *x)
{
	x->page = HPDF_AddPage(x->pdf);
	HPDF_Page_SetSize(x->page, x->in->a4 ? HPDF_PAGE_SIZE_A4 :
	    HPDF_PAGE_SIZE_LETTER, HPDF_PAGE_PORTRAIT);
	buf_add(&x->pages, &x->page, sizeof(x->page));
	x->pw = HPDF_Page_GetWidth(x->page);
	x->ph = HPDF_Page_GetHeight(x->page);
	x->left = 48;
	x->right = x->pw - 48;
	x->y = x->ph - 44;
	pdf_color(x, pdf_ink);
}

/* Room for h more points on this page, else a new page (true). */
bool
pdf_need(struct pdf_ctx *x, float h)
{
	if (x->y - h >= PDF_FOOT)
		return false;
	pdf_page_new(x);
	return true;
}

/* Wrapped lines of s in a column, from the cursor down; returns the height. */
float
pdf_lines(struct pdf_ctx *x, enum pdf_face f, float size, float lead,
    float x0, float wd, const char *s, int align, float y)
{
	char	**l;
	size_t	 i, n = pdf_wrap(x, f, size, s, wd, &l);

	for (i = 0; i < n; i++)
		pdf_text(x, f, size, align ? x0 + wd : x0, y - size - i * lead,
		    l[i], align);
	return n * lead;
}

