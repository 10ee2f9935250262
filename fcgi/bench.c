/*
 * `make bench` only (compiled into build/bench/plumbline with
 * -DPLUMBLINE_BENCH; build/plumbline and build/test/plumbline have neither
 * this code nor its route): GET /bench/bare answers the bytes of the file
 * named by PLUMBLINE_BENCH_BODY, read once per worker.  It touches no
 * database and no session, so it measures the FastCGI path alone — nginx,
 * libfcgi, our request parsing and response writing — the upper bound
 * that a real page (P1) is compared with.
 */
#ifdef PLUMBLINE_BENCH
#include <stdio.h>
#include <stdlib.h>

#include "app.h"

#define BARE_MAX	(4 * 1024 * 1024)

static char	*body;
static size_t	 body_len;

/* The body: read on first use, so the driver can write the file after the
 * stack is up (it copies a real P1 response into it). */
static int
load(void)
{
	const char	*path = getenv("PLUMBLINE_BENCH_BODY");
	FILE		*f;

	if (body != NULL)
		return 0;
	if (path == NULL || (f = fopen(path, "rb")) == NULL)
		return -1;
	if ((body = malloc(BARE_MAX)) == NULL) {
		fclose(f);
		return -1;
	}
	body_len = fread(body, 1, BARE_MAX, f);
	fclose(f);
	return 0;
}

/* GET /bench/bare */
int
bench_bare(struct req *r)
{
	if (load() == -1)
		return HTTP_404;
	r->ctype = "text/html; charset=utf-8";
	buf_add(&r->body, body, body_len);
	return HTTP_200;
}
#endif
