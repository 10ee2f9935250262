/*
 * form_cookies on arbitrary bytes up to the first NUL (a Cookie header is
 * a C string when it arrives as HTTP_COOKIE).  Cookies are never rejected
 * as malformed: only the limits may fail the parse.
 */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct arena	*a = arena_new();
	struct params	 ps = { NULL, NULL, 0 };
	char		*in;
	int		 rc;

	if ((in = malloc(len + 1)) == NULL)
		abort();
	memcpy(in, data, len);
	in[len] = '\0';
	rc = form_cookies(a, in, &fuzz_limits, &ps);
	FUZZ_ASSERT(rc == PARSE_OK || rc == PARSE_TOO_MANY ||
	    rc == PARSE_TOO_BIG);
	fuzz_check(rc, &ps, &fuzz_limits, 1);
	free(in);
	arena_free(a);
	return 0;
}
