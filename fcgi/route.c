/*
 * Route matching: a method and a path against a table of patterns whose
 * ":name" segments become route arguments.  The table itself and dispatch
 * live in routes.c, so this part is tested alone.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"

/* Match one pattern; ":name" takes one non-empty path segment. */
static bool
match(struct arena *a, const char *pat, const char *path, struct params *out)
{
	const char	*name, *seg;
	size_t		 nlen, slen;

	out->head = out->tail = NULL;
	out->count = 0;
	while (*pat && *path) {
		if (*pat == ':') {
			name = ++pat;
			nlen = strcspn(pat, "/");
			pat += nlen;
			seg = path;
			slen = strcspn(path, "/");
			if (slen == 0)
				return false;
			path += slen;
			params_add(a, out, arena_strndup(a, name, nlen),
			    arena_strndup(a, seg, slen), slen);
			continue;
		}
		if (*pat++ != *path++)
			return false;
	}
	return *pat == '\0' && *path == '\0';
}

/*
 * Find the route for r's method and path in table.  NULL when none; then
 * *allowed has bit (1 << method) set for each method the path does take
 * (0: an unknown path, 404; else 405 with those in Allow).
 */
const struct route *
route_match(struct req *r, const struct route *table, size_t n,
    unsigned *allowed)
{
	enum method	 m = r->method == METHOD_HEAD ? METHOD_GET : r->method;
	size_t		 i;

	*allowed = 0;
	for (i = 0; i < n; i++) {
		if (!match(r->arena, table[i].pattern, r->path, &r->route_args))
			continue;
		if (table[i].method == m)
			return &table[i];
		*allowed |= 1U << table[i].method;
	}
	return NULL;
}

/* A positive integer id from the route, or false (the handler says 404). */
bool
route_id(const struct req *r, const char *name, int64_t *id)
{
	const char	*s = params_get(&r->route_args, name);
	char		*end;
	long long	 v;

	if (s == NULL || *s < '1' || *s > '9')
		return false;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0')
		return false;
	*id = v;
	return true;
}

