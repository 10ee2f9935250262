/*
 * Growable byte buffers in arena memory: response bodies, rendered
 * templates, MIME messages.  The data is always NUL-terminated.
 */
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"

void
buf_init(struct buf *b, struct arena *a)
{
	b->arena = a;
	b->data = (char *)"";		/* never written: cap 0 means no block yet */
	b->len = 0;
	b->cap = 0;
}

static void
grow(struct buf *b, size_t add)
{
	size_t	 cap;
	char	*p;

	if (b->len + add + 1 <= b->cap)
		return;
	cap = b->cap ? b->cap : 256;
	while (cap < b->len + add + 1) {
		if (cap > SIZE_MAX / 2)
			abort();
		cap *= 2;
	}
	/* The old block stays in the arena until reset: doubling bounds the waste. */
	p = arena_alloc(b->arena, cap);
	if (b->len)
		memcpy(p, b->data, b->len);
	b->data = p;
	b->cap = cap;
}

void
buf_add(struct buf *b, const void *p, size_t n)
{
	grow(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_putc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list	 cp;
	int	 n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	assert(n >= 0);
	grow(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->cap)
		b->data[0] = '\0';
}
