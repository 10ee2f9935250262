/*
 * form_urlencoded on arbitrary bytes, handed over in an exact-size copy so
 * that any read past the length is caught.
 */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct arena	*a = arena_new();
	struct params	 ps = { NULL, NULL, 0 };
	char		*in;
	int		 rc;

	if ((in = malloc(len ? len : 1)) == NULL)
		abort();
	memcpy(in, data, len);
	rc = form_urlencoded(a, in, len, &fuzz_limits, &ps);
	fuzz_check(rc, &ps, &fuzz_limits, 1);
	free(in);
	arena_free(a);
	return 0;
}
