/*
 * Shared by the fuzz targets: the limits they parse with (small, so the
 * limit paths are reached too) and the checks every parsed list must pass.
 */
#ifndef PLUMBLINE_FUZZ_H
#define PLUMBLINE_FUZZ_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const struct parse_limits fuzz_limits = {
	.max_fields = 64, .max_name = 32, .max_value = 512,
	.max_file = 1024, .max_depth = 2,
};

#define FUZZ_ASSERT(x)	do { if (!(x)) abort(); } while (0)

/*
 * What a caller may rely on after a parse: PARSE_OK lists hold terminated
 * names and values within the limits, text values are UTF-8 without NUL;
 * any other result leaves the list empty.
 */
static inline void
fuzz_check(int rc, const struct params *ps, const struct parse_limits *lim,
    int check_names)
{
	const struct param	*p;
	size_t			 n = 0;

	FUZZ_ASSERT(rc >= PARSE_OK && rc <= PARSE_TOO_BIG);
	if (rc != PARSE_OK) {
		FUZZ_ASSERT(ps->head == NULL && ps->tail == NULL &&
		    ps->count == 0);
		return;
	}
	for (p = ps->head; p != NULL; p = p->next, n++) {
		FUZZ_ASSERT(p->name != NULL && p->value != NULL);
		FUZZ_ASSERT(p->name[0] != '\0');
		FUZZ_ASSERT(strlen(p->name) <= lim->max_name);
		FUZZ_ASSERT(p->value[p->len] == '\0');
		if (check_names)
			FUZZ_ASSERT(utf8_valid(p->name, strlen(p->name)));
		if (p->filename != NULL) {
			FUZZ_ASSERT(p->len <= lim->max_file);
			FUZZ_ASSERT(strchr(p->filename, '/') == NULL);
			FUZZ_ASSERT(strchr(p->filename, '\\') == NULL);
			FUZZ_ASSERT(utf8_valid(p->filename,
			    strlen(p->filename)));
		} else {
			FUZZ_ASSERT(p->len <= lim->max_value);
			FUZZ_ASSERT(memchr(p->value, '\0', p->len) == NULL);
			FUZZ_ASSERT(utf8_valid(p->value, p->len));
		}
		if (p->next == NULL)
			FUZZ_ASSERT(p == ps->tail);
	}
	FUZZ_ASSERT(n == ps->count && n <= lim->max_fields);
}

#endif
