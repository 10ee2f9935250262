/*
 * form_multipart.  The first byte picks the Content-Type: one of a few
 * fixed ones (plain, quoted, long and one-character boundaries), or, with
 * its top bit set, the input's own first line, so the Content-Type parser
 * is fuzzed too.  The rest is the body, in an exact-size copy.
 */
#include "fuzz.h"

static const char *const ctypes[] = {
	"multipart/form-data; boundary=XyZ",
	"multipart/form-data; boundary=\"a b:c\"",
	"Multipart/Form-Data;BOUNDARY=----WebKitFormBoundary7MA4YWxkTrZu0gW",
	"multipart/form-data; charset=utf-8; boundary=1",
	("multipart/form-data; boundary="
	    "12345678901234567890123456789012345"
	    "67890123456789012345678901234567890"),
	"multipart/form-data; boundary=\"q\\\"x\"",
};

#define NCTYPES	(sizeof(ctypes) / sizeof(ctypes[0]))

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct arena	*a;
	struct params	 ps = { NULL, NULL, 0 };
	const uint8_t	*nl;
	char		*ct, *in;
	size_t		 ctlen;
	int		 rc;

	if (len < 1)
		return 0;
	if (data[0] & 0x80) {
		nl = memchr(data + 1, '\n', len - 1);
		ctlen = nl ? (size_t)(nl - data - 1) : len - 1;
		if ((ct = malloc(ctlen + 1)) == NULL)
			abort();
		memcpy(ct, data + 1, ctlen);
		ct[ctlen] = '\0';
		data += 1 + ctlen + (nl != NULL);
		len -= 1 + ctlen + (nl != NULL);
	} else {
		ctlen = strlen(ctypes[data[0] % NCTYPES]);
		if ((ct = malloc(ctlen + 1)) == NULL)
			abort();
		memcpy(ct, ctypes[data[0] % NCTYPES], ctlen + 1);
		data++;
		len--;
	}
	if ((in = malloc(len ? len : 1)) == NULL)
		abort();
	memcpy(in, data, len);
	a = arena_new();
	rc = form_multipart(a, ct, in, len, &fuzz_limits, &ps);
	fuzz_check(rc, &ps, &fuzz_limits, 1);
	arena_free(a);
	free(in);
	free(ct);
	return 0;
}
