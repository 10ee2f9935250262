/*
 * Validators of form input.  Each returns NULL when the value is fine, or
 * a short English message for the person, shown next to the field; the
 * messages are fixed strings, so nothing here needs memory or state.
 * Lengths that people see are counted in Unicode code points, limits that
 * protect storage in bytes.  Input that reaches a validator already passed
 * the parsers' UTF-8 check; invalid UTF-8 is still refused here.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE		/* O_CLOEXEC under -std=c11 */
#endif
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"

#define EMAIL_MAX	254	/* RFC 5321 path limit less the brackets */
#define EMAIL_LOCAL_MAX	64
#define PASSWORD_MIN	10	/* code points */
#define PASSWORD_MAX	1024	/* bytes: argon2 input, not a UI limit */
#define PHONE_MIN	7	/* digits */
#define PHONE_MAX	20
#define TZ_NAME_MAX	128
#define TZ_DEFAULT_DIR	"/usr/share/zoneinfo"

static bool
space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' ||
	    c == '\v' || c == '\f';
}

/* Code points in s[0..n), which must be valid UTF-8. */
static size_t
codepoints(const char *s, size_t n)
{
	size_t	 i, cp = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			cp++;
	return cp;
}

/* s[0..n) without the leading and trailing white space. */
static void
trim(const char **s, size_t *n)
{
	while (*n > 0 && space(**s)) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && space((*s)[*n - 1]))
		(*n)--;
}

/*
 * An e-mail address, ignoring white space around it (the caller stores the
 * trimmed form): at most 254 bytes, one '@', a local part of at most 64
 * bytes, a domain with a dot whose labels (1..63 bytes) are letters,
 * digits, '-' or UTF-8 (internationalised names), no white space, control
 * characters or the specials that only quoted local parts would allow.
 */
const char *
valid_email(const char *s)
{
	static const char *const msg = "Enter a valid email address";
	const char	*at, *d, *label;
	size_t		 n, i, dn;
	unsigned char	 c;

	if (s == NULL)
		return msg;
	n = strlen(s);
	trim(&s, &n);
	if (n == 0)
		return "Enter an email address";
	if (n > EMAIL_MAX || !utf8_valid(s, n))
		return msg;
	if ((at = memchr(s, '@', n)) == NULL ||
	    memchr(at + 1, '@', n - (size_t)(at - s) - 1) != NULL)
		return msg;
	if (at == s || (size_t)(at - s) > EMAIL_LOCAL_MAX)
		return msg;
	for (i = 0; i < (size_t)(at - s); i++) {
		c = (unsigned char)s[i];
		if (c <= 0x20 || c == 0x7f || strchr("()<>[]\\,;:\"", c))
			return msg;
	}
	d = at + 1;
	dn = n - (size_t)(d - s);
	if (dn == 0 || memchr(d, '.', dn) == NULL)
		return msg;
	for (label = d, i = 0; i <= dn; i++) {
		if (i == dn || d[i] == '.') {
			/* Labels: 1..63 bytes, no '-' at either end. */
			if (d + i == label || d + i - label > 63 ||
			    *label == '-' || d[i - 1] == '-')
				return msg;
			label = d + i + 1;
			continue;
		}
		c = (unsigned char)d[i];
		if (c < 0x80 && !(c >= 'a' && c <= 'z') &&
		    !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') &&
		    c != '-')
			return msg;
	}
	return NULL;
}

/*
 * A new password: at least 10 code points, at most 1024 bytes.  Any
 * character counts, spaces and Unicode included: long passphrases are the
 * point.
 */
const char *
valid_password(const char *s)
{
	size_t	 n;

	if (s == NULL)
		return "Use at least 10 characters";
	n = strlen(s);
	if (n > PASSWORD_MAX)
		return "Use at most 1024 bytes";
	if (!utf8_valid(s, n))
		return "This contains characters that are not allowed";
	if (codepoints(s, n) < PASSWORD_MIN)
		return "Use at least 10 characters";
	return NULL;
}

/*
 * A text field of min..max code points.  With min > 0, an empty or
 * all-white-space value is "required".  Control characters other than tab,
 * CR and LF are refused (they break mail, PDFs and CSV).  Fixed messages;
 * the form shows the limit itself where it matters.
 */
const char *
valid_text(const char *s, size_t min, size_t max)
{
	const char	*t;
	size_t		 n, tn, i, cp;
	unsigned char	 c;

	if (s == NULL)
		s = "";
	n = strlen(s);
	t = s;
	tn = n;
	trim(&t, &tn);
	if (tn == 0)
		return min > 0 ? "This field is required" : NULL;
	if (!utf8_valid(s, n))
		return "This contains characters that are not allowed";
	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') ||
		    c == 0x7f)
			return "This contains characters that are not allowed";
	}
	cp = codepoints(s, n);
	if (cp < min)
		return "This is too short";
	if (cp > max)
		return "This is too long";
	return NULL;
}

/* valid_text for one-line fields: no line breaks or tabs either. */
const char *
valid_line(const char *s, size_t min, size_t max)
{
	const char	*msg = valid_text(s, min, max);

	if (msg == NULL && s != NULL && strpbrk(s, "\r\n\t") != NULL)
		return "This contains characters that are not allowed";
	return msg;
}

/*
 * Whether name is a time zone of the tz database: a relative path of
 * [A-Za-z0-9_+-] components separated by single '/', no "." or "..",
 * naming a regular TZif file under $TZDIR (default /usr/share/zoneinfo).
 * The magic check keeps out zone.tab, leapseconds and other non-zones.
 */
bool
valid_timezone(const char *name)
{
	const char	*dir;
	char		 path[4096], magic[4];
	struct stat	 st;
	size_t		 i, n;
	bool		 ok;
	int		 fd, len;

	if (name == NULL)
		return false;
	n = strlen(name);
	if (n == 0 || n > TZ_NAME_MAX || name[0] == '/' || name[n - 1] == '/')
		return false;
	for (i = 0; i < n; i++) {
		if (name[i] == '/') {
			if (name[i + 1] == '/')
				return false;
			continue;
		}
		if (!(name[i] >= 'A' && name[i] <= 'Z') &&
		    !(name[i] >= 'a' && name[i] <= 'z') &&
		    !(name[i] >= '0' && name[i] <= '9') &&
		    name[i] != '_' && name[i] != '+' && name[i] != '-')
			return false;
	}
	/* No '.' can pass the loop above, so no ".." either. */
	if ((dir = getenv("TZDIR")) == NULL || *dir == '\0')
		dir = TZ_DEFAULT_DIR;
	len = snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (len < 0 || (size_t)len >= sizeof(path))
		return false;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return false;
	ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    read(fd, magic, sizeof(magic)) == (ssize_t)sizeof(magic) &&
	    memcmp(magic, "TZif", 4) == 0;
	close(fd);
	return ok;
}

/*
 * A phone number as people type it: digits, spaces, "+" (first only),
 * "-", "(", ")", ".", and one extension marker "x" or "ext"; 7 to 20
 * digits in all.  White space around it is ignored.
 */
const char *
valid_phone(const char *s)
{
	static const char *const msg = "Enter a phone number";
	size_t		 n, i, digits = 0;
	bool		 ext = false;

	if (s == NULL)
		return msg;
	n = strlen(s);
	trim(&s, &n);
	for (i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (s[i] == '+') {
			if (i != 0)
				return msg;
		} else if (s[i] == 'x' || s[i] == 'X' || s[i] == 'e' ||
		    s[i] == 'E') {
			if (ext || digits == 0)
				return msg;
			ext = true;
			if ((s[i] == 'e' || s[i] == 'E') && (n - i < 3 ||
			    (s[i + 1] != 'x' && s[i + 1] != 'X') ||
			    (s[i + 2] != 't' && s[i + 2] != 'T')))
				return msg;
			if (s[i] == 'e' || s[i] == 'E')
				i += 2;
		} else if (s[i] != ' ' && s[i] != '-' && s[i] != '(' &&
		    s[i] != ')' && s[i] != '.')
			return msg;
	}
	return digits >= PHONE_MIN && digits <= PHONE_MAX ? NULL : msg;
}
