/*
 * Per-request memory: a chain of blocks that is reset after each response,
 * plus cleanup hooks for library objects that allocate on their own (HDF,
 * CSPARSE, HPDF_Doc, MYSQL_RES).  Handlers never free.
 *
 * Built with -DARENA_DEBUG every allocation is its own malloc, so the
 * sanitizers see overflows between allocations.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"

#define ARENA_BLOCK	(64 * 1024)
#define ARENA_ALIGN	16
/* Standard blocks kept for the next request (1 MiB): a page takes a few,
 * and handing 64 KiB chunks back to malloc each time makes it consolidate. */
#define ARENA_KEEP	16

struct block {
	struct block	*next;
	size_t		 size;
	size_t		 used;
	_Alignas(16) unsigned char data[];
};

struct cleanup {
	void		(*fn)(void *);
	void		*arg;
	struct cleanup	*next;
};

struct arena {
	struct block	*head;		/* current block */
	struct block	*spare;		/* standard blocks kept across resets */
	size_t		 nspare;
	struct cleanup	*cleanups;
	size_t		 total;		/* bytes handed out since the last reset */
};

static void *
xmalloc(size_t n)
{
	void	*p;

	if ((p = malloc(n)) == NULL)
		abort();
	return p;
}

struct arena *
arena_new(void)
{
	struct arena	*a;

	a = xmalloc(sizeof(*a));
	memset(a, 0, sizeof(*a));
	return a;
}

/* Run cleanups newest first, then drop every block but one. */
void
arena_reset(struct arena *a)
{
	struct cleanup	*c;
	struct block	*b, *next;

	while ((c = a->cleanups) != NULL) {
		a->cleanups = c->next;
		c->fn(c->arg);
	}
	b = a->head;
#ifdef ARENA_DEBUG
	while (b != NULL) {
		next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
#else
	/* Standard blocks wait in spare for the next request; big one-off
	 * blocks, and standard ones past ARENA_KEEP, go back to malloc. */
	while (b != NULL) {
		next = b->next;
		if (b->size == ARENA_BLOCK && a->nspare < ARENA_KEEP) {
			b->used = 0;
			b->next = a->spare;
			a->spare = b;
			a->nspare++;
		} else
			free(b);
		b = next;
	}
	a->head = NULL;
#endif
	a->total = 0;
}

void
arena_free(struct arena *a)
{
	struct block	*b;

	if (a == NULL)
		return;
	arena_reset(a);
	while ((b = a->spare) != NULL) {
		a->spare = b->next;
		free(b);
	}
	free(a);
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct block	*b;
	size_t		 need, size;

	if (n == 0)
		n = 1;
	need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (need < n)
		abort();
	a->total += need;
#ifndef ARENA_DEBUG
	b = a->head;
	if (b != NULL && b->size - b->used >= need) {
		void *p = b->data + b->used;
		b->used += need;
		return p;
	}
	size = need > ARENA_BLOCK ? need : ARENA_BLOCK;
	if (size == ARENA_BLOCK && (b = a->spare) != NULL) {
		a->spare = b->next;
		a->nspare--;
	} else
		b = xmalloc(sizeof(*b) + size);
#else
	size = need;
	b = xmalloc(sizeof(*b) + size);
#endif
	b->size = size;
	b->used = need;
	/* A big block goes behind the current one so its free room stays usable. */
	if (a->head != NULL && size > ARENA_BLOCK) {
		b->next = a->head->next;
		a->head->next = b;
	} else {
		b->next = a->head;
		a->head = b;
	}
	return b->data;
}

void *
arena_zalloc(struct arena *a, size_t n)
{
	void	*p;

	p = arena_alloc(a, n);
	memset(p, 0, n);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char	*p;

	p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list	 ap;
	char	*p;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	assert(n >= 0);
	p = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

/* Register fn(arg) to run at the next reset; the hook itself lives in the arena. */
void
arena_cleanup(struct arena *a, void (*fn)(void *), void *arg)
{
	struct cleanup	*c;

	c = arena_alloc(a, sizeof(*c));
	c->fn = fn;
	c->arg = arg;
	c->next = a->cleanups;
	a->cleanups = c;
}

size_t
arena_used(const struct arena *a)
{
	return a->total;
}
