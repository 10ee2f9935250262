/*
 * utf8_valid against a reference that decodes each code point and checks
 * its value (shortest form, no surrogates, at most U+10FFFF), a different
 * method from the byte-range table under test.
 */
#include "fuzz.h"

static int
reference(const uint8_t *s, size_t len)
{
	size_t		 i = 0, n, k;
	uint32_t	 cp, min;

	while (i < len) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if ((s[i] & 0xe0) == 0xc0) {
			n = 2;
			cp = s[i] & 0x1f;
			min = 0x80;
		} else if ((s[i] & 0xf0) == 0xe0) {
			n = 3;
			cp = s[i] & 0x0f;
			min = 0x800;
		} else if ((s[i] & 0xf8) == 0xf0) {
			n = 4;
			cp = s[i] & 0x07;
			min = 0x10000;
		} else
			return 0;
		if (len - i < n)
			return 0;
		for (k = 1; k < n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		i += n;
	}
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	char	*in;

	if ((in = malloc(len ? len : 1)) == NULL)
		abort();
	memcpy(in, data, len);
	FUZZ_ASSERT(utf8_valid(in, len) == (reference(data, len) == 1));
	free(in);
	return 0;
}
