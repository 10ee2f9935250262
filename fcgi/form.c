/*
 * Parsers of untrusted input: query strings and urlencoded bodies, the
 * Cookie header and multipart/form-data bodies (RFC 7578), plus the UTF-8
 * check and the small param-list helpers.
 *
 * Every read is bounded by a length; no input is trusted to be
 * NUL-terminated (the Cookie header and Content-Type, which arrive as CGI
 * variables, are the exception and are read with strlen once).  All memory
 * comes from the request's arena, at most a small multiple of the input
 * size.  On any error the output list is left as it was: fields are
 * collected in a private list and appended only when the whole input
 * parsed.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE		/* memmem(3) */
#endif
#include <assert.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "app.h"

#define MP_BOUNDARY_MAX	70	/* RFC 2046 */
#define MP_LINE_MAX	4096	/* bytes in one part header line */
#define MP_HEADERS_MAX	16	/* header lines in one part */

/* A parameter of a structured header: name=token or name="quoted". */
struct hparam {
	const char	*name;
	size_t		 nlen;
	char		*value;		/* unquoted, NUL-terminated */
	size_t		 vlen;
};

/*
 * Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above
 * U+10FFFF, no truncated sequence.  NUL bytes are valid UTF-8; callers that
 * do not want them check separately.
 */
bool
utf8_valid(const char *s, size_t len)
{
	const unsigned char	*p, *end;
	unsigned char		 c, lo, hi;
	size_t			 n, i;

	if (len == 0)
		return true;
	p = (const unsigned char *)s;
	end = p + len;
	while (p < end) {
		c = *p;
		if (c < 0x80) {
			p++;
			continue;
		}
		lo = 0x80;
		hi = 0xbf;
		if (c >= 0xc2 && c <= 0xdf)
			n = 1;
		else if (c == 0xe0) {
			n = 2;
			lo = 0xa0;	/* overlong below U+0800 */
		} else if (c >= 0xe1 && c <= 0xec)
			n = 2;
		else if (c == 0xed) {
			n = 2;
			hi = 0x9f;	/* surrogates U+D800..U+DFFF */
		} else if (c >= 0xee && c <= 0xef)
			n = 2;
		else if (c == 0xf0) {
			n = 3;
			lo = 0x90;	/* overlong below U+10000 */
		} else if (c >= 0xf1 && c <= 0xf3)
			n = 3;
		else if (c == 0xf4) {
			n = 3;
			hi = 0x8f;	/* above U+10FFFF */
		} else
			return false;	/* 0x80..0xc1 and 0xf5..0xff */
		if ((size_t)(end - p) <= n)
			return false;
		if (p[1] < lo || p[1] > hi)
			return false;
		for (i = 2; i <= n; i++)
			if ((p[i] & 0xc0) != 0x80)
				return false;
		p += n + 1;
	}
	return true;
}

/* The first param called name, or NULL. */
const struct param *
params_find(const struct params *ps, const char *name)
{
	const struct param	*p;

	if (ps == NULL || name == NULL)
		return NULL;
	for (p = ps->head; p != NULL; p = p->next)
		if (strcmp(p->name, name) == 0)
			return p;
	return NULL;
}

/* The value of the first param called name, or NULL. */
const char *
params_get(const struct params *ps, const char *name)
{
	const struct param	*p;

	return (p = params_find(ps, name)) != NULL ? p->value : NULL;
}

static void
push(struct arena *a, struct params *ps, const char *name, const char *value,
    size_t len, const char *filename, const char *ctype)
{
	struct param	*p;

	p = arena_zalloc(a, sizeof(*p));
	p->name = name;
	p->value = value;
	p->len = len;
	p->filename = filename;
	p->ctype = ctype;
	if (ps->tail != NULL)
		ps->tail->next = p;
	else
		ps->head = p;
	ps->tail = p;
	ps->count++;
}

/*
 * Append a copy of name and of the len bytes of value (NUL-terminated in
 * the copy) to ps.  Route arguments and tests use it; the parsers fill
 * their lists directly.
 */
void
params_add(struct arena *a, struct params *ps, const char *name,
    const char *value, size_t len)
{
	push(a, ps, arena_strdup(a, name), arena_strndup(a, value, len), len,
	    NULL, NULL);
}

/* Append the parsed list from to ps. */
static void
splice(struct params *ps, const struct params *from)
{
	if (from->head == NULL)
		return;
	if (ps->tail != NULL)
		ps->tail->next = from->head;
	else
		ps->head = from->head;
	ps->tail = from->tail;
	ps->count += from->count;
}

/*
 * The [ ] groups of a field name: "lines[0][desc]" has two.  A bracket
 * inside a group or one left open is malformed; more groups than max_depth
 * is too big.
 */
static int
check_depth(const char *s, size_t n, size_t max_depth)
{
	size_t	 i, depth = 0;
	bool	 open = false;

	for (i = 0; i < n; i++) {
		if (s[i] == '[') {
			if (open)
				return PARSE_BAD;
			open = true;
		} else if (s[i] == ']') {
			if (!open)
				return PARSE_BAD;
			open = false;
			depth++;
		}
	}
	if (open)
		return PARSE_BAD;
	return depth > max_depth ? PARSE_TOO_BIG : PARSE_OK;
}

/* A decoded field name: size, no NUL, UTF-8, brackets. */
static int
check_name(const char *s, size_t n, const struct parse_limits *lim)
{
	if (n > lim->max_name)
		return PARSE_TOO_BIG;
	if (memchr(s, '\0', n) != NULL)
		return PARSE_BAD;
	if (!utf8_valid(s, n))
		return PARSE_UTF8;
	return check_depth(s, n, lim->max_depth);
}

/* A decoded text value: size, no NUL, UTF-8. */
static int
check_text(const char *s, size_t n, size_t max)
{
	if (n > max)
		return PARSE_TOO_BIG;
	if (memchr(s, '\0', n) != NULL)
		return PARSE_BAD;
	if (!utf8_valid(s, n))
		return PARSE_UTF8;
	return PARSE_OK;
}

static int
hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Percent-decode s[0..n) with '+' as space into a new arena string. */
static int
url_decode(struct arena *a, const char *s, size_t n, char **out,
    size_t *outlen)
{
	char	*d;
	size_t	 i, j = 0;
	int	 hi, lo;

	d = arena_alloc(a, n + 1);
	for (i = 0; i < n; i++) {
		if (s[i] == '+')
			d[j++] = ' ';
		else if (s[i] == '%') {
			if (n - i < 3)
				return PARSE_BAD;
			hi = hexval((unsigned char)s[i + 1]);
			lo = hexval((unsigned char)s[i + 2]);
			if (hi < 0 || lo < 0)
				return PARSE_BAD;
			d[j++] = (char)(hi << 4 | lo);
			i += 2;
		} else
			d[j++] = s[i];
	}
	d[j] = '\0';
	*out = d;
	*outlen = j;
	return PARSE_OK;
}

/*
 * Parse application/x-www-form-urlencoded data of len bytes (a query
 * string or a body) and append its fields to out.  Empty pairs and pairs
 * with an empty name are skipped; a name without '=' gets the value "".
 * Returns PARSE_OK, or PARSE_BAD (bad %-escape, NUL byte, unbalanced
 * brackets), PARSE_UTF8, PARSE_TOO_MANY or PARSE_TOO_BIG, leaving out as
 * it was.
 */
int
form_urlencoded(struct arena *a, const char *data, size_t len,
    const struct parse_limits *lim, struct params *out)
{
	struct params	 list = { NULL, NULL, 0 };
	const char	*p, *end, *amp, *eq;
	char		*name, *value;
	size_t		 nlen, vlen;
	int		 rc;

	assert(lim != NULL && out != NULL);
	if (data == NULL || len == 0)
		return PARSE_OK;
	end = data + len;
	for (p = data; p < end; p = amp < end ? amp + 1 : end) {
		if ((amp = memchr(p, '&', (size_t)(end - p))) == NULL)
			amp = end;
		if ((eq = memchr(p, '=', (size_t)(amp - p))) == NULL)
			eq = amp;
		if (eq == p)			/* "", "=" or "=value" */
			continue;
		if (list.count >= lim->max_fields)
			return PARSE_TOO_MANY;
		if ((rc = url_decode(a, p, (size_t)(eq - p), &name,
		    &nlen)) != PARSE_OK)
			return rc;
		if ((rc = check_name(name, nlen, lim)) != PARSE_OK)
			return rc;
		if (eq == amp) {
			value = arena_strndup(a, "", 0);
			vlen = 0;
		} else if ((rc = url_decode(a, eq + 1, (size_t)(amp - eq - 1),
		    &value, &vlen)) != PARSE_OK)
			return rc;
		if ((rc = check_text(value, vlen, lim->max_value)) != PARSE_OK)
			return rc;
		push(a, &list, name, value, vlen, NULL, NULL);
	}
	splice(out, &list);
	return PARSE_OK;
}

static bool
ows(char c)
{
	return c == ' ' || c == '\t';
}

static const char *
skip_ows(const char *p, const char *end)
{
	while (p < end && ows(*p))
		p++;
	return p;
}

/* RFC 6265 cookie-name: a token, visible ASCII but separators. */
static bool
cookie_name_ok(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if ((unsigned char)s[i] <= 0x20 || (unsigned char)s[i] >= 0x7f)
			return false;
		if (strchr("()<>@,;:\\\"/[]?={}", s[i]) != NULL)
			return false;
	}
	return true;
}

/*
 * Parse a Cookie header ("a=b; c=d", NUL-terminated; NULL is empty) and
 * append the cookies to out, in header order.  Browsers send junk set by
 * other sites on the domain, so malformed pairs, bad names, control
 * characters and invalid UTF-8 skip that cookie only.  Returns PARSE_OK,
 * or PARSE_TOO_MANY / PARSE_TOO_BIG over the limits (out unchanged).
 */
int
form_cookies(struct arena *a, const char *header,
    const struct parse_limits *lim, struct params *out)
{
	struct params	 list = { NULL, NULL, 0 };
	const char	*p, *end, *semi, *eq, *n, *ne, *v, *ve;
	size_t		 i;
	bool		 ok;

	assert(lim != NULL && out != NULL);
	if (header == NULL)
		return PARSE_OK;
	p = header;
	end = header + strlen(header);
	for (; p < end; p = semi + 1) {
		if ((semi = memchr(p, ';', (size_t)(end - p))) == NULL)
			semi = end;
		n = skip_ows(p, semi);
		if ((eq = memchr(n, '=', (size_t)(semi - n))) == NULL)
			continue;
		ne = eq;
		while (ne > n && ows(ne[-1]))
			ne--;
		v = skip_ows(eq + 1, semi);
		ve = semi;
		while (ve > v && ows(ve[-1]))
			ve--;
		if (ne == n || !cookie_name_ok(n, (size_t)(ne - n)))
			continue;
		if (ve - v >= 2 && *v == '"' && ve[-1] == '"') {
			v++;
			ve--;
		}
		if ((size_t)(ne - n) > lim->max_name ||
		    (size_t)(ve - v) > lim->max_value)
			return PARSE_TOO_BIG;
		for (ok = true, i = 0; ok && i < (size_t)(ve - v); i++)
			if ((unsigned char)v[i] < 0x20 || v[i] == 0x7f)
				ok = false;
		if (!ok || !utf8_valid(v, (size_t)(ve - v)))
			continue;
		if (list.count >= lim->max_fields)
			return PARSE_TOO_MANY;
		push(a, &list, arena_strndup(a, n, (size_t)(ne - n)),
		    arena_strndup(a, v, (size_t)(ve - v)), (size_t)(ve - v),
		    NULL, NULL);
	}
	splice(out, &list);
	return PARSE_OK;
}

/*
 * Parse one "; name=value" of a structured header from *pp up to end.  The
 * value is a token or a quoted string in which \" and \\ are unescaped and
 * any other backslash is kept (old browsers send Windows paths raw).
 * Returns 1 with hp filled, 0 at the end, -1 when malformed.
 */
static int
next_hparam(struct arena *a, const char **pp, const char *end,
    struct hparam *hp)
{
	const char	*p, *s;
	size_t		 j, n;

	p = skip_ows(*pp, end);
	if (p == end)
		return 0;
	if (*p != ';')
		return -1;
	p = skip_ows(p + 1, end);
	if (p == end) {			/* a trailing ';' */
		*pp = p;
		return 0;
	}
	for (s = p; p < end && *p != '=' && *p != ';' && !ows(*p); p++)
		continue;
	if (p == s)
		return -1;
	hp->name = s;
	hp->nlen = (size_t)(p - s);
	p = skip_ows(p, end);
	if (p == end || *p != '=')
		return -1;
	p = skip_ows(p + 1, end);
	if (p < end && *p == '"') {
		/* First measure, so the copy is no bigger than the value. */
		for (s = ++p, n = 0; p < end && *p != '"'; n++)
			p += (*p == '\\' && end - p >= 2 &&
			    (p[1] == '"' || p[1] == '\\')) ? 2 : 1;
		if (p == end)
			return -1;
		hp->value = arena_alloc(a, n + 1);
		for (p = s, j = 0; *p != '"'; j++) {
			if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
				p++;
			hp->value[j] = *p++;
		}
		hp->value[j] = '\0';
		hp->vlen = j;
		p++;
	} else {
		for (s = p; p < end && *p != ';' && !ows(*p); p++)
			continue;
		hp->value = arena_strndup(a, s, (size_t)(p - s));
		hp->vlen = (size_t)(p - s);
	}
	*pp = p;
	return 1;
}

/*
 * Match the media type or disposition type word at the start of [p, end)
 * case-insensitively; it must be followed by the end, OWS or ';'.
 * Returns the position after it, or NULL.
 */
static const char *
match_type(const char *p, const char *end, const char *word)
{
	size_t	 n = strlen(word);

	p = skip_ows(p, end);
	if ((size_t)(end - p) < n || strncasecmp(p, word, n) != 0)
		return NULL;
	p += n;
	if (p < end && !ows(*p) && *p != ';')
		return NULL;
	return p;
}

/*
 * The boundary of a "multipart/form-data; boundary=..." Content-Type,
 * token or quoted: 1..70 printable ASCII characters, not ending in a space.
 */
static int
mp_boundary(struct arena *a, const char *ct, char **bnd, size_t *blen)
{
	struct hparam	 hp;
	const char	*p, *end;
	size_t		 i;
	int		 rc;

	*bnd = NULL;
	if (ct == NULL)
		return PARSE_BAD;
	end = ct + strlen(ct);
	if ((p = match_type(ct, end, "multipart/form-data")) == NULL)
		return PARSE_BAD;
	while ((rc = next_hparam(a, &p, end, &hp)) == 1)
		if (*bnd == NULL && hp.nlen == 8 &&
		    strncasecmp(hp.name, "boundary", 8) == 0) {
			*bnd = hp.value;
			*blen = hp.vlen;
		}
	if (rc == -1 || *bnd == NULL)
		return PARSE_BAD;
	if (*blen == 0 || *blen > MP_BOUNDARY_MAX || (*bnd)[*blen - 1] == ' ')
		return PARSE_BAD;
	for (i = 0; i < *blen; i++)
		if ((unsigned char)(*bnd)[i] < 0x20 ||
		    (unsigned char)(*bnd)[i] > 0x7e)
			return PARSE_BAD;
	return PARSE_OK;
}

/*
 * Find the next delimiter line at or after from: "--boundary" (dash, dlen)
 * at the start of the data or of a line, followed by "--" (the close
 * delimiter) or by optional spaces and a CRLF or LF.  Anything else after
 * the boundary means it was content.  Sets *body_end to where the content
 * before it ends (before its CRLF or LF, never before from), *next past the
 * delimiter line, and *close.  Returns false when there is none.
 */
static bool
mp_delim(const char *data, const char *from, const char *end,
    const char *dash, size_t dlen, const char **body_end, const char **next,
    bool *close)
{
	const char	*m, *q;

	for (m = from; m < end; m++) {
		if ((m = memmem(m, (size_t)(end - m), dash, dlen)) == NULL)
			return false;
		if (m != data && m[-1] != '\n')
			continue;
		q = m + dlen;
		if (end - q >= 2 && q[0] == '-' && q[1] == '-') {
			*close = true;
			*next = q + 2;
		} else {
			q = skip_ows(q, end);
			if (q < end && *q == '\n')
				*next = q + 1;
			else if (end - q >= 2 && q[0] == '\r' && q[1] == '\n')
				*next = q + 2;
			else
				continue;
			*close = false;
		}
		*body_end = m;
		if (m > from && m[-1] == '\n') {
			(*body_end)--;
			if (*body_end > from && (*body_end)[-1] == '\r')
				(*body_end)--;
		}
		return true;
	}
	return false;
}

/* What the headers of one part say. */
struct mp_part {
	char		*name;
	size_t		 nlen;
	char		*filename;	/* NULL: a text field */
	char		*ctype;
	bool		 have_cd;
};

/* Content-Disposition: form-data; name="x"; filename="y" */
static int
mp_disposition(struct arena *a, const char *p, const char *end,
    struct mp_part *part)
{
	struct hparam	 hp;
	int		 rc;

	if ((p = match_type(p, end, "form-data")) == NULL)
		return PARSE_BAD;
	while ((rc = next_hparam(a, &p, end, &hp)) == 1) {
		if (hp.nlen == 4 && strncasecmp(hp.name, "name", 4) == 0) {
			if (part->name != NULL)
				return PARSE_BAD;
			part->name = hp.value;
			part->nlen = hp.vlen;
		} else if (hp.nlen == 8 &&
		    strncasecmp(hp.name, "filename", 8) == 0) {
			if (part->filename != NULL)
				return PARSE_BAD;
			part->filename = hp.value;
		}
	}
	if (rc == -1 || part->name == NULL)
		return PARSE_BAD;
	return PARSE_OK;
}

/* Keep what follows the last '/' or '\'; "." and ".." become "". */
static char *
basename_of(char *s)
{
	char	*p, *b = s;

	for (p = s; *p != '\0'; p++)
		if (*p == '/' || *p == '\\')
			b = p + 1;
	if (strcmp(b, ".") == 0 || strcmp(b, "..") == 0)
		b += strlen(b);
	return b;
}

/*
 * Read the header lines of a part from *pp up to the empty line, leaving
 * *pp at the first byte of the body.
 */
static int
mp_headers(struct arena *a, const char **pp, const char *end,
    struct mp_part *part)
{
	const char	*p = *pp, *lf, *le, *colon, *v;
	size_t		 i, nlines = 0;
	int		 rc;

	for (;;) {
		if ((lf = memchr(p, '\n', (size_t)(end - p))) == NULL)
			return PARSE_BAD;
		le = lf;
		if (le > p && le[-1] == '\r')
			le--;
		if (le == p)
			break;
		if ((size_t)(le - p) > MP_LINE_MAX || ++nlines > MP_HEADERS_MAX)
			return PARSE_BAD;
		for (i = 0; i < (size_t)(le - p); i++)
			if (((unsigned char)p[i] < 0x20 && p[i] != '\t') ||
			    p[i] == 0x7f)
				return PARSE_BAD;
		if ((colon = memchr(p, ':', (size_t)(le - p))) == NULL ||
		    colon == p)
			return PARSE_BAD;
		for (v = p; v < colon; v++)
			if (ows(*v))
				return PARSE_BAD;	/* folded, "a :" */
		v = skip_ows(colon + 1, le);
		if (colon - p == 19 &&
		    strncasecmp(p, "Content-Disposition", 19) == 0) {
			if (part->have_cd)
				return PARSE_BAD;
			part->have_cd = true;
			if ((rc = mp_disposition(a, v, le, part)) != PARSE_OK)
				return rc;
		} else if (colon - p == 12 &&
		    strncasecmp(p, "Content-Type", 12) == 0) {
			if (part->ctype != NULL)
				return PARSE_BAD;
			while (le > v && ows(le[-1]))
				le--;
			part->ctype = arena_strndup(a, v, (size_t)(le - v));
		}
		p = lf + 1;
	}
	*pp = lf + 1;
	return part->have_cd ? PARSE_OK : PARSE_BAD;
}

/*
 * Parse a multipart/form-data body of len bytes whose Content-Type header
 * (NUL-terminated) is ctype, and append its fields to out.  A part with a
 * filename parameter is a file: value holds its bytes (any, up to
 * max_file) and filename the basename the client sent; other parts are
 * text (UTF-8, no NUL, up to max_value).  Every value is an arena copy,
 * NUL-terminated, with len set; ctype is the part's Content-Type or NULL.
 * Parts with an empty name are skipped.  Returns PARSE_OK, or PARSE_BAD
 * (bad boundary, malformed or over-long headers, no Content-Disposition,
 * nested multipart, missing close delimiter, NUL in text), PARSE_UTF8,
 * PARSE_TOO_MANY or PARSE_TOO_BIG, leaving out as it was.
 */
int
form_multipart(struct arena *a, const char *ctype, const char *data,
    size_t len, const struct parse_limits *lim, struct params *out)
{
	struct params	 list = { NULL, NULL, 0 };
	struct mp_part	 part;
	const char	*p, *end, *body, *body_end;
	char		 dash[2 + MP_BOUNDARY_MAX];
	char		*bnd, *filename;
	size_t		 blen = 0, dlen, n;
	bool		 close;
	int		 rc;

	assert(lim != NULL && out != NULL);
	if ((rc = mp_boundary(a, ctype, &bnd, &blen)) != PARSE_OK)
		return rc;
	if (data == NULL || len == 0)
		return PARSE_BAD;
	dash[0] = dash[1] = '-';
	memcpy(dash + 2, bnd, blen);
	dlen = blen + 2;
	end = data + len;

	/* The preamble before the first delimiter is ignored. */
	if (!mp_delim(data, data, end, dash, dlen, &body_end, &p, &close))
		return PARSE_BAD;
	while (!close) {
		memset(&part, 0, sizeof(part));
		if ((rc = mp_headers(a, &p, end, &part)) != PARSE_OK)
			return rc;
		if (part.ctype != NULL) {
			if (strncasecmp(part.ctype, "multipart/", 10) == 0)
				return PARSE_BAD;
			if (!utf8_valid(part.ctype, strlen(part.ctype)))
				return PARSE_UTF8;
		}
		body = p;
		if (!mp_delim(data, body, end, dash, dlen, &body_end, &p,
		    &close))
			return PARSE_BAD;
		if (part.nlen == 0)
			continue;
		if (list.count >= lim->max_fields)
			return PARSE_TOO_MANY;
		if ((rc = check_name(part.name, part.nlen, lim)) != PARSE_OK)
			return rc;
		n = (size_t)(body_end - body);
		filename = NULL;
		if (part.filename != NULL) {
			if (!utf8_valid(part.filename, strlen(part.filename)))
				return PARSE_UTF8;
			if (n > lim->max_file)
				return PARSE_TOO_BIG;
			filename = basename_of(part.filename);
		} else if ((rc = check_text(body, n, lim->max_value)) !=
		    PARSE_OK)
			return rc;
		push(a, &list, part.name, arena_strndup(a, body, n), n,
		    filename, part.ctype);
	}
	splice(out, &list);
	return PARSE_OK;
}
