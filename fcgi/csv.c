/*
 * CSV, both ways (RFC 4180).  Reading takes UTF-8 text with or without a
 * byte-order mark, comma or semicolon delimited (chosen from the header
 * line), CRLF, LF or CR line ends, quoted values with "" for a quote and
 * line breaks inside; it stops at the first malformed record and says on
 * which line.  Writing quotes what needs quoting, ends records with CRLF,
 * and neutralises cells a spreadsheet would run as a formula (starting
 * with = + - @ TAB or CR) by prefixing a single quote.
 *
 * Exports carry no byte-order mark: RFC 4180 and every CSV library read
 * plain UTF-8, while a BOM ends up inside the first header name of many of
 * them.  (Excel needs "Data > From Text/CSV" to pick UTF-8 without it.)
 *
 * Pure: memory from the caller's arena, no I/O, so it is unit tested and
 * fuzzed alone.
 */
#include <string.h>

#include "app.h"

#define BOM	"\xef\xbb\xbf"

/*
 * The delimiter of the text at p: ';' when the first line (outside quotes)
 * holds more semicolons than commas, else ','.
 */
static char
sniff(const char *p, const char *end)
{
	size_t	 commas = 0, semis = 0;
	bool	 quoted = false;

	for (; p < end; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (*p == '\n' || *p == '\r')
			break;
		else if (*p == ',')
			commas++;
		else if (*p == ';')
			semis++;
	}
	return semis > commas ? ';' : ',';
}

/* Start reading p[0..n): skip a BOM, pick the delimiter. */
void
csv_init(struct csv *c, const char *p, size_t n)
{
	memset(c, 0, sizeof(*c));
	if (n >= 3 && memcmp(p, BOM, 3) == 0) {
		p += 3;
		n -= 3;
	}
	c->p = p;
	c->end = p + n;
	c->line = 1;
	c->delim = sniff(p, p + n);
	c->max_fields = CSV_MAX_FIELDS;
	c->max_cell = CSV_MAX_CELL;
}

/* Past one line end (CRLF, LF or CR) at c->p, if there is one. */
static bool
eol(struct csv *c)
{
	if (c->p < c->end && *c->p == '\r') {
		c->p++;
		if (c->p < c->end && *c->p == '\n')
			c->p++;
		c->line++;
		return true;
	}
	if (c->p < c->end && *c->p == '\n') {
		c->p++;
		c->line++;
		return true;
	}
	return false;
}

static int
fail(struct csv *c, struct arena *a, size_t line, const char *msg)
{
	c->error = arena_printf(a, "Line %zu: %s", line, msg);
	return -1;
}

/*
 * One quoted value; c->p is past the opening quote.  Its text, with ""
 * turned into ", is copied to an exact allocation in *out.
 */
static int
quoted(struct csv *c, struct arena *a, char **out)
{
	const char	*s = c->p, *p;
	char		*d;
	size_t		 opened = c->line;

	for (p = s; ; p++) {
		if (p == c->end)
			return fail(c, a, opened, "a quoted value is not "
			    "closed");
		if (*p == '\0')
			return fail(c, a, c->line, "the file contains a NUL "
			    "character");
		if (*p == '\n' || (*p == '\r' && (p + 1 == c->end ||
		    p[1] != '\n')))
			c->line++;
		if (*p != '"')
			continue;
		if (p + 1 < c->end && p[1] == '"') {
			p++;
			continue;
		}
		break;
	}
	c->p = p + 1;
	if (c->p < c->end && *c->p != c->delim && *c->p != '\r' &&
	    *c->p != '\n')
		return fail(c, a, c->line, "there is text after a closing "
		    "quote (a quote inside a quoted value is written twice: "
		    "\"\")");
	*out = d = arena_alloc(a, (size_t)(p - s) + 1);
	for (; s < p; s++) {
		*d++ = *s;
		if (*s == '"')
			s++;		/* the second of "" */
	}
	*d = '\0';
	return 0;
}

/* One unquoted value, up to the delimiter or the line end. */
static int
plain(struct csv *c, struct arena *a, char **out)
{
	const char	*s = c->p;

	for (; c->p < c->end && *c->p != c->delim && *c->p != '\r' &&
	    *c->p != '\n'; c->p++)
		if (*c->p == '\0')
			return fail(c, a, c->line, "the file contains a NUL "
			    "character");
	*out = arena_strndup(a, s, (size_t)(c->p - s));
	return 0;
}

/*
 * The next record: *fields (in a) and *n.  Returns 1, 0 at the end of the
 * text, or -1 with c->error saying what is wrong and where.  Blank lines
 * are skipped; c->record_line is the line the record starts on.
 */
int
csv_next(struct csv *c, struct arena *a, char ***fields, size_t *n)
{
	char		**f = NULL, *v;
	size_t		 nf = 0, cap = 0;

	*fields = NULL;
	*n = 0;
	if (c->error != NULL)
		return -1;
	while (eol(c))
		;		/* blank lines */
	if (c->p >= c->end)
		return 0;
	c->record_line = c->line;
	for (;;) {
		if (c->p < c->end && *c->p == '"') {
			c->p++;
			if (quoted(c, a, &v) == -1)
				return -1;
		} else if (plain(c, a, &v) == -1)
			return -1;
		if (strlen(v) > c->max_cell)
			return fail(c, a, c->line, "a value is too long");
		if (nf == c->max_fields)
			return fail(c, a, c->line,
			    "there are too many columns");
		if (nf == cap) {
			char	**nfields;

			cap = cap ? cap * 2 : 16;
			nfields = arena_alloc(a, cap * sizeof(*nfields));
			if (nf)
				memcpy(nfields, f, nf * sizeof(*f));
			f = nfields;
		}
		f[nf++] = v;
		if (c->p < c->end && *c->p == c->delim) {
			c->p++;
			continue;
		}
		eol(c);
		break;
	}
	*fields = f;
	*n = nf;
	return 1;
}

/* Would a spreadsheet read s as a formula? */
static bool
formula(const char *s)
{
	return *s == '=' || *s == '+' || *s == '-' || *s == '@' ||
	    *s == '\t' || *s == '\r';
}

/*
 * Does s need a leading quote?  Formulas do, and so do values that already
 * look neutralised (quotes, then a formula character), so that csv_unquote
 * gives every value back exactly.
 */
static bool
guard(const char *s)
{
	while (*s == '\'')
		s++;
	return formula(s);
}

/*
 * Append one record of n cells to b, delimited by ',' and ended by CRLF:
 * formula-like cells get a leading single quote; cells with a comma, a
 * quote or a line break are quoted, their quotes doubled.
 */
void
csv_write(struct buf *b, const char *const *cells, size_t n)
{
	const char	*s;
	size_t		 i;

	for (i = 0; i < n; i++) {
		s = cells[i] ? cells[i] : "";
		if (i > 0)
			buf_putc(b, ',');
		/* A lone empty cell is "", not a blank line (skipped). */
		if (n == 1 && *s == '\0') {
			buf_puts(b, "\"\"");
			break;
		}
		if (s[strcspn(s, ",\"\r\n")] == '\0') {
			if (guard(s))
				buf_putc(b, '\'');
			buf_puts(b, s);
			continue;
		}
		buf_putc(b, '"');
		if (guard(s))
			buf_putc(b, '\'');
		for (; *s; s++) {
			if (*s == '"')
				buf_putc(b, '"');
			buf_putc(b, *s);
		}
		buf_putc(b, '"');
	}
	buf_puts(b, "\r\n");
}

/*
 * Undo csv_write's neutralising on import: the single quote it put before
 * a formula character (or before a quote and one) goes; anything else is
 * left as it is.
 */
const char *
csv_unquote(const char *s)
{
	return s[0] == '\'' && guard(s + 1) ? s + 1 : s;
}
