/*
 * PDF downloads of estimates and invoices: load what the document shows
 * (company, logo, paper size, payments, its verification token), render it
 * with pdf_render.c and send it as an attachment with a clear file name.
 * Also `plumbline pdf-bench`: a built-in 2-page, 40-line invoice with a logo
 * and QR code rendered N times without a database, for `make bench`.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <zlib.h>

#include "app.h"

#define LOGO_MAX	(8 * 1024 * 1024)

/* The file's bytes into the arena, or NULL (logged) when unreadable. */
static char *
file_read(struct arena *a, const char *path, size_t max, size_t *len)
{
	struct stat	 st;
	char		*p;
	ssize_t		 n;
	size_t		 got = 0;
	int		 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		log_warn("pdf: %s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) == -1 || st.st_size <= 0 || (size_t)st.st_size > max) {
		log_warn("pdf: %s: unusable size", path);
		close(fd);
		return NULL;
	}
	p = arena_alloc(a, (size_t)st.st_size);
	while (got < (size_t)st.st_size && (n = read(fd, p + got,
	    (size_t)st.st_size - got)) > 0)
		got += (size_t)n;
	close(fd);
	*len = got;
	return got == (size_t)st.st_size ? p : NULL;
}

/*
 * "Estimate-12-v2-Rivera-Plumbing.pdf" from the kind, number, revision and
 * company name: ASCII letters and digits (Latin-1 accents dropped), other
 * runs as one "-".  With utf8, the company name is kept as typed, spaces as
 * "-", percent-encoded for Content-Disposition's filename*.
 */
const char *
pdf_filename(struct arena *a, const struct document *d, const char *company,
    bool utf8)
{
	/* U+00C0..U+00FF without their accents; '-' where none fits. */
	static const char latin[] = "AAAAAAACEEEEIIIIDNOOOOO-OUUUUYTs"
	    "aaaaaaaceeeeiiiidnooooo-ouuuuyty";
	const unsigned char	*p = (const unsigned char *)company;
	struct buf		 b;
	size_t			 n = 0;
	char			 c;

	buf_init(&b, a);
	buf_printf(&b, "%s-%lld", d->kind == DOC_INVOICE ? "Invoice" :
	    "Estimate", (long long)d->number);
	if (d->revision > 1)
		buf_printf(&b, "-v%lld", (long long)d->revision);
	buf_putc(&b, '-');
	for (; *p && n < 60; p++, n++) {
		if (utf8) {
			buf_putc(&b, *p == ' ' || *p == '/' || *p == '\\' ||
			    *p < 0x20 ? '-' : (char)*p);
			continue;
		}
		c = '-';
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9'))
			c = (char)*p;
		else if (*p == 0xc3 && p[1] == 0x9f) {	/* ß */
			buf_puts(&b, "ss");
			p++;
			continue;
		} else if (*p == 0xc3 && p[1] >= 0x80 && p[1] <= 0xbf) {
			c = latin[p[1] - 0x80];
			p++;
		}
		if (c != '-' || (b.len > 0 && b.data[b.len - 1] != '-'))
			buf_putc(&b, c);
	}
	while (b.len > 0 && b.data[b.len - 1] == '-')
		b.data[--b.len] = '\0';
	buf_puts(&b, ".pdf");
	return utf8 ? url_encode(a, b.data) : b.data;
}

/* See app.h.  d was loaded by db_document_get in r's company. */
int
doc_pdf_send(struct req *r, const struct document *d)
{
	struct pdf_input	 in;
	struct doc_defaults	 dd;
	struct company		 c;
	struct payment		*pays;
	const char		*tok, *path;
	size_t			 npays;

	memset(&in, 0, sizeof(in));
	if (db_company_get(r, &c) != DB_OK ||
	    db_doc_defaults_get(r, &dd) != DB_OK ||
	    db_company_paper_get(r, &in.a4) != DB_OK ||
	    db_payment_list(r, d->id, &pays, &npays) != DB_OK)
		return HTTP_500;
	switch (db_doc_token_get(r, d->id, &tok)) {
	case DB_OK:
		break;
	case DB_NONE:
		return HTTP_404;
	default:
		return HTTP_500;
	}
	if (*c.logo_file) {
		path = arena_printf(r->arena, "%s/logos/%s", cfg.upload_dir,
		    c.logo_file);
		in.logo = file_read(r->arena, path, LOGO_MAX, &in.logo_len);
	}
	in.doc = d;
	in.company = &c;
	in.currency = dd.currency;
	in.payments = pays;
	in.npayments = npays;
	in.url = arena_printf(r->arena, "%s/d/%s", cfg.base_url, tok);
	if (pdf_render(r->arena, &in, &r->body) == -1)
		return HTTP_500;
	r->ctype = "application/pdf";
	req_header(r, "Content-Disposition", arena_printf(r->arena,
	    "attachment; filename=\"%s\"; filename*=UTF-8''%s",
	    pdf_filename(r->arena, d, c.name, false),
	    pdf_filename(r->arena, d, c.name, true)));
	req_header(r, "Cache-Control", "private, no-cache");
	return HTTP_200;
}

static int
pdf_of(struct req *r, enum doc_kind kind)
{
	struct document	 d;
	int64_t		 id;

	if (!route_id(r, "id", &id))
		return HTTP_404;
	switch (db_document_get(r, kind, id, &d)) {
	case DB_OK:
		return doc_pdf_send(r, &d);
	case DB_NONE:
		return HTTP_404;
	default:
		return HTTP_500;
	}
}

/* GET /app/estimates/:id/pdf */
int
estimates_pdf(struct req *r)
{
	return pdf_of(r, DOC_ESTIMATE);
}

/* GET /app/invoices/:id/pdf */
int
invoices_pdf(struct req *r)
{
	return pdf_of(r, DOC_INVOICE);
}

/* ------------------------------------------- the paper size setting */

/*
 * The Paper choices of the Documents settings page, and Form.Values.paper:
 * value as typed, or the company's when NULL.  -1 on a database error.
 */
int
pdf_paper_put(struct req *r, const char *value)
{
	bool	 a4;

	hdf_set(r, "Papers.0.Value", "letter");
	hdf_set(r, "Papers.0.Label", "US Letter (8.5 × 11 in)");
	hdf_set(r, "Papers.1.Value", "a4");
	hdf_set(r, "Papers.1.Label", "A4 (210 × 297 mm)");
	if (value == NULL) {
		if (db_company_paper_get(r, &a4) != DB_OK)
			return -1;
		value = a4 ? "a4" : "letter";
	}
	hdf_set(r, "Form.Values.paper", value);
	return 0;
}

/*
 * The paper field is valid (a message next to it otherwise): 0, else 1.
 * Absent is valid and leaves the setting as it is (older forms, scripts).
 */
int
pdf_paper_check(struct req *r)
{
	const char	*v = req_field(r, "paper");

	return form_error(r, "paper", *v == '\0' || strcmp(v, "letter") == 0 ||
	    strcmp(v, "a4") == 0 ? NULL : "Choose a paper size") ? 1 : 0;
}

/* Store the checked paper field for the company, if it was sent. */
int
pdf_paper_save(struct req *r)
{
	const char	*v = req_field(r, "paper");

	return *v ? db_company_paper_set(r, strcmp(v, "a4") == 0) : DB_OK;
}

/* ---------------------------------------------------------- pdf-bench */

static void
png_chunk(struct buf *b, const char *type, const unsigned char *p,
    size_t n)
{
	unsigned char	 h[8];
	uLong		 crc;

	h[0] = (unsigned char)(n >> 24); h[1] = (unsigned char)(n >> 16);
	h[2] = (unsigned char)(n >> 8); h[3] = (unsigned char)n;
	memcpy(h + 4, type, 4);
	buf_add(b, h, 8);
	buf_add(b, p, n);
	crc = crc32(crc32(0, (const Bytef *)type, 4), p, (uInt)n);
	h[0] = (unsigned char)(crc >> 24); h[1] = (unsigned char)(crc >> 16);
	h[2] = (unsigned char)(crc >> 8); h[3] = (unsigned char)crc;
	buf_add(b, h, 4);
}

/* A 360x120 RGB PNG: a blue badge with white stripes, like a small logo. */
static void
bench_logo(struct arena *a, struct buf *b)
{
	enum { W = 360, H = 120 };
	static unsigned char	 raw[H * (1 + W * 3)];
	unsigned char		 ihdr[13] = { 0, 0, W >> 8, W & 255, 0, 0, 0, H,
				    8, 2, 0, 0, 0 };
	unsigned char		*z, *px;
	uLongf			 zlen = compressBound(sizeof(raw));
	int			 x, y, in;

	for (y = 0; y < H; y++) {
		raw[y * (1 + W * 3)] = 0;
		for (x = 0; x < W; x++) {
			px = &raw[y * (1 + W * 3) + 1 + x * 3];
			in = x < 120 && ((x - 60) * (x - 60) + (y - 60) *
			    (y - 60)) < 55 * 55;
			px[0] = in ? ((y / 12) % 2 ? 255 : 11) : 255;
			px[1] = in ? ((y / 12) % 2 ? 255 : 95) : 255;
			px[2] = in ? ((y / 12) % 2 ? 255 : 138) : 255;
			if (x >= 140 && y >= 45 && y < 75 && (x / 18) % 2 == 0)
				px[0] = 16, px[1] = 24, px[2] = 40;
		}
	}
	z = arena_alloc(a, zlen);
	compress2(z, &zlen, raw, sizeof(raw), 6);
	buf_add(b, "\x89PNG\r\n\x1a\n", 8);
	png_chunk(b, "IHDR", ihdr, 13);
	png_chunk(b, "IDAT", z, zlen);
	png_chunk(b, "IEND", NULL, 0);
}

static void
bench_doc(struct arena *a, struct document *d, struct company *c,
    struct payment *p)
{
	static const char *const what[] = {
		"Replace corroded ½\" copper supply line under the kitchen "
		"sink, new compression fittings and shut-off valve",
		"Labour — plumber, per hour",
		"PVC drain pipe 1½\"",
		"Façade penetration sealed and tested (Straße side)",
		"Water heater flush and anode rod inspection; report of "
		"sediment level and the expected remaining service life, "
		"with photos sent to the customer",
		"Haul-away and disposal of old fixtures",
	};
	size_t	 i;

	memset(d, 0, sizeof(*d));
	memset(c, 0, sizeof(*c));
	c->name = "Rivera Plumbing & Heating";
	c->street = "1200 Industrial Parkway, Unit 4";
	c->city = "San José";
	c->region = "CA";
	c->postal_code = "95112";
	c->phone = "(408) 555-0142";
	c->email = "office@rivera-plumbing.example";
	c->hours = "Mon–Fri 7:00–17:00, emergencies 24/7";
	d->kind = DOC_INVOICE;
	d->number = 1042;
	d->revision = 2;
	d->status = DOCST_PARTIAL;
	d->title = "Kitchen and basement re-piping";
	d->issued_on = "2026-03-02";
	d->until = "2026-04-01";
	d->updated_at = "2026-03-02 10:15:00";
	d->terms = "Payment due within 30 days. Workmanship guaranteed for "
	    "one year; parts carry the manufacturer's warranty.";
	d->notes = "Thank you, Señora Muñoz — the shut-off valve under the "
	    "sink is now labelled.";
	d->approved_name = "";
	d->job.customer_name = "Ana Muñoz Ibáñez";
	d->job.customer_email = "ana.munoz@example.test";
	d->job.customer_phone = "+1 408 555 0199";
	d->job.street = "77 Calle Peñasco";
	d->job.city = "San José";
	d->job.region = "CA";
	d->job.postal_code = "95125";
	d->nlines = 40;
	d->lines = arena_zalloc(a, d->nlines * sizeof(*d->lines));
	d->t.tax_rate_bp = 825;
	for (i = 0; i < d->nlines; i++) {
		/* Mostly one-line rows, a long wrapped one every 8th. */
		d->lines[i].desc = i % 8 == 0 ? what[i / 8 % 2 ? 4 : 0] :
		    what[(size_t[]){ 1, 2, 3, 5 }[i % 4]];
		d->lines[i].qty_milli = (int64_t)(1 + i % 4) * 1000;
		d->lines[i].unit = i % 6 == 1 ? "hour" : "each";
		d->lines[i].unit_cents = 1250 + (int64_t)i * 317;
		d->lines[i].taxable = i % 5 != 0;
		d->lines[i].amount_cents = d->lines[i].qty_milli *
		    d->lines[i].unit_cents / 1000;
		d->t.subtotal_cents += d->lines[i].amount_cents;
		if (d->lines[i].taxable)
			d->t.tax_cents += d->lines[i].amount_cents * 825 / 10000;
	}
	d->t.total_cents = d->t.subtotal_cents + d->t.tax_cents;
	d->paid_cents = 50000;
	memset(p, 0, 2 * sizeof(*p));
	p[0] = (struct payment){ .method = "card", .amount_cents = 30000,
	    .received_on = "2026-03-10", .reference = "Visa •••• 4242" };
	p[1] = (struct payment){ .method = "check", .amount_cents = 20000,
	    .received_on = "2026-03-05", .reference = "No. 3317" };
}

static double
ms_of(clockid_t id)
{
	struct timespec	 ts;

	clock_gettime(id, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* plumbline pdf-bench [-n N] [-o out.pdf] */
int
pdf_bench(int argc, char **argv)
{
	struct arena		*a = arena_new(), *keep = arena_new();
	struct pdf_input	 in;
	struct document		 d;
	struct company		 c;
	struct payment		 p[2];
	struct buf		 logo, out;
	const char		*file = NULL;
	double			 cpu0, wall0, first = 0;
	long			 n = 1, i;
	FILE			*f;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
			n = strtol(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			file = argv[++i];
		else {
			fprintf(stderr, "usage: plumbline pdf-bench [-n N] "
			    "[-o out.pdf]\n");
			return 2;
		}
	}
	if (n < 1 || n > 1000000)
		n = 1;
	buf_init(&logo, keep);
	bench_logo(keep, &logo);
	buf_init(&out, keep);
	cpu0 = ms_of(CLOCK_PROCESS_CPUTIME_ID);
	wall0 = ms_of(CLOCK_MONOTONIC);
	for (i = 0; i < n; i++) {
		arena_reset(a);
		bench_doc(a, &d, &c, p);
		memset(&in, 0, sizeof(in));
		in.doc = &d;
		in.company = &c;
		in.currency = "USD";
		in.payments = p;
		in.npayments = 2;
		in.logo = logo.data;
		in.logo_len = logo.len;
		in.url = "https://plumbline.example/d/"
		    "q7Yb3kTz0fXc9LmWnR2sVdP4hJ8uGeA1oKiE6tyBNwM";
		if (pdf_render(a, &in, &out) == -1) {
			fprintf(stderr, "pdf-bench: render failed\n");
			return 1;
		}
		if (i == 0)
			first = ms_of(CLOCK_PROCESS_CPUTIME_ID) - cpu0;
	}
	printf("pdf_ms_per_doc=%.3f wall_ms_per_doc=%.3f first_doc_ms=%.3f "
	    "bytes=%zu n=%ld\n", (ms_of(CLOCK_PROCESS_CPUTIME_ID) - cpu0) /
	    (double)n, (ms_of(CLOCK_MONOTONIC) - wall0) / (double)n, first,
	    out.len, n);
	if (file != NULL) {
		if ((f = fopen(file, "wb")) == NULL ||
		    fwrite(out.data, 1, out.len, f) != out.len ||
		    fclose(f) != 0) {
			fprintf(stderr, "pdf-bench: %s: %s\n", file,
			    strerror(errno));
			return 1;
		}
	}
	arena_free(a);
	arena_free(keep);
	return 0;
}
