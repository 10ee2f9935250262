/*
 * csv_next on arbitrary bytes (exactly len of them: an upload has no NUL
 * terminator to lean on), with small limits.  Every record read must be
 * within the limits and NUL-free; written back with csv_write and read
 * again, it must come back cell for cell (after csv_unquote).
 */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct arena	*a = arena_new();
	struct csv	 c, back;
	struct buf	 out;
	char		*in, **f, **g;
	size_t		 n, m, i;
	int		 rc;

	if ((in = malloc(len ? len : 1)) == NULL)
		abort();
	memcpy(in, data, len);
	csv_init(&c, in, len);
	c.max_fields = 16;
	c.max_cell = 256;
	FUZZ_ASSERT(c.delim == ',' || c.delim == ';');
	while ((rc = csv_next(&c, a, &f, &n)) == 1) {
		FUZZ_ASSERT(n >= 1 && n <= 16 && c.error == NULL);
		for (i = 0; i < n; i++)
			FUZZ_ASSERT(strlen(f[i]) <= 256);
		/* A BOM first, as a spreadsheet may add: a cell that starts
		 * with one (a file with two) must not lose it. */
		buf_init(&out, a);
		buf_puts(&out, "\xef\xbb\xbf");
		csv_write(&out, (const char *const *)f, n);
		csv_init(&back, out.data, out.len);
		back.delim = ',';
		FUZZ_ASSERT(csv_next(&back, a, &g, &m) == 1 && m == n);
		for (i = 0; i < n; i++)
			FUZZ_ASSERT(strcmp(csv_unquote(g[i]), f[i]) == 0);
		FUZZ_ASSERT(csv_next(&back, a, &g, &m) == 0);
	}
	FUZZ_ASSERT(rc == 0 || (rc == -1 && c.error != NULL));
	free(in);
	arena_free(a);
	return 0;
}
