/*
 * Small string helpers shared by handlers: trimming, lower-casing, URL
 * encoding.  Results live in the arena.
 */
#include <ctype.h>
#include <string.h>
#include <time.h>

#include "app.h"

/*
 * v in decimal, written backwards ending just before end (the caller puts
 * the '\0'): returns the first digit.  A list page formats hundreds of
 * numbers; this costs a fraction of snprintf.
 */
char *
fmt_digits(char *end, uint64_t v)
{
	do
		*--end = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	return end;
}

/* s without leading and trailing ASCII white space. */
char *
str_trim(struct arena *a, const char *s)
{
	size_t	 n;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	return arena_strndup(a, s, n);
}

/* Trimmed and ASCII-lower-cased: the one form e-mail addresses are kept in. */
char *
str_email(struct arena *a, const char *s)
{
	char	*p, *t = str_trim(a, s);

	for (p = t; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return t;
}

/* s with each line break (CRLF, LF, CR) turned into ", ": one line. */
char *
str_oneline(struct arena *a, const char *s)
{
	struct buf	 b;

	buf_init(&b, a);
	while (*s) {
		if (*s == '\r' || *s == '\n') {
			s += s[0] == '\r' && s[1] == '\n' ? 2 : 1;
			buf_puts(&b, ", ");
			continue;
		}
		buf_putc(&b, *s++);
	}
	return b.data;
}

/* Percent-encode everything but RFC 3986 unreserved characters. */
char *
url_encode(struct arena *a, const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";
	struct buf		 b;
	unsigned char		 c;

	buf_init(&b, a);
	for (; *s; s++) {
		c = (unsigned char)*s;
		if (isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
			buf_putc(&b, (char)c);
		else {
			buf_putc(&b, '%');
			buf_putc(&b, hex[c >> 4]);
			buf_putc(&b, hex[c & 15]);
		}
	}
	return b.data;
}

/* The current time for people, e.g. "24 Nov 2026, 08:20 UTC". */
char *
fmt_utc_now(struct arena *a)
{
	char		 s[40];
	struct tm	 tm;
	time_t		 now = time(NULL);

	gmtime_r(&now, &tm);
	strftime(s, sizeof(s), "%d %b %Y, %H:%M UTC", &tm);
	return arena_strdup(a, s);
}
