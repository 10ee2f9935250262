/*
 * Helpers for the unit tests: a readable dump of a param list to compare
 * with a table's expectation, and exact-size copies of inputs so that the
 * sanitizers catch any read past a given length.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

static void
put_escaped(struct buf *b, const char *s, size_t n)
{
	size_t	 i;
	char	 hex[5];

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\r')
			buf_puts(b, "\\r");
		else if (c == '\n')
			buf_puts(b, "\\n");
		else if (c == '\\' || c == '|')
			buf_printf(b, "\\%c", c);
		else if (c < 0x20 || c == 0x7f) {
			snprintf(hex, sizeof(hex), "\\x%02x", c);
			buf_puts(b, hex);
		} else
			buf_putc(b, (char)c);
	}
}

/*
 * "name=value|name=value;filename=f;ctype=t": control bytes escaped, '|'
 * and '\' backslashed.  The value is dumped by its len, so NULs show.
 */
const char *
dump_params(struct arena *a, const struct params *ps)
{
	const struct param	*p;
	struct buf		 b;
	size_t			 n = 0;

	buf_init(&b, a);
	buf_puts(&b, "");
	for (p = ps->head; p != NULL; p = p->next, n++) {
		if (p != ps->head)
			buf_putc(&b, '|');
		put_escaped(&b, p->name, strlen(p->name));
		buf_putc(&b, '=');
		put_escaped(&b, p->value, p->len);
		if (p->value[p->len] != '\0')
			buf_puts(&b, "<NOT NUL-TERMINATED>");
		if (p->filename != NULL) {
			buf_puts(&b, ";filename=");
			put_escaped(&b, p->filename, strlen(p->filename));
		}
		if (p->ctype != NULL) {
			buf_puts(&b, ";ctype=");
			put_escaped(&b, p->ctype, strlen(p->ctype));
		}
	}
	if (n != ps->count)
		buf_printf(&b, "<COUNT %zu, LISTED %zu>", ps->count, n);
	return b.data;
}

/* A malloc'd copy of exactly n bytes, no terminator; the caller frees. */
char *
exact_copy(const char *s, size_t n)
{
	char	*p;

	if ((p = malloc(n ? n : 1)) == NULL)
		abort();
	memcpy(p, s, n);
	return p;
}
