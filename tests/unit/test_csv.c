/*
 * csv.c: reading against a table of inputs (records dumped as text, or the
 * error and its line), the delimiter guess, the byte-order mark, the
 * line a record starts on; writing against a table (quoting, formula
 * neutralising); and a round trip of random cells through both.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

static struct arena	*a;

static void
setup(void)
{
	a = arena_new();
}

static void
teardown(void)
{
	arena_free(a);
}

/* Records as "f|f;f|f" with \r, \n, |, ; and \ escaped. */
static const char *
dump(struct csv *c, int *rc)
{
	struct buf	 b;
	char		**f;
	size_t		 n, i, nrec = 0;
	const char	*s;

	buf_init(&b, a);
	while ((*rc = csv_next(c, a, &f, &n)) == 1) {
		if (nrec++ > 0)
			buf_putc(&b, ';');
		for (i = 0; i < n; i++) {
			if (i > 0)
				buf_putc(&b, '|');
			for (s = f[i]; *s; s++)
				if (*s == '\r')
					buf_puts(&b, "\\r");
				else if (*s == '\n')
					buf_puts(&b, "\\n");
				else if (*s == '|' || *s == ';' || *s == '\\')
					buf_printf(&b, "\\%c", *s);
				else
					buf_putc(&b, *s);
		}
	}
	return b.data;
}

static const struct {
	const char	*in;
	size_t		 len;		/* 0: strlen(in) */
	char		 delim;
	const char	*want;		/* records, or NULL for an error */
	const char	*error;
} read_cases[] = {
	{ "a,b,c\r\n1,2,3\r\n", 0, ',', "a|b|c;1|2|3", NULL },
	{ "a,b\n1,2", 0, ',', "a|b;1|2", NULL },
	{ "a,b\r1,2\r", 0, ',', "a|b;1|2", NULL },
	{ "\xef\xbb\xbfname,email\n", 0, ',', "name|email", NULL },
	{ "\xef\xbb\xbf", 0, ',', "", NULL },
	{ "", 0, ',', "", NULL },
	{ "name;email\nAnn;a@b.test\n", 0, ';', "name|email;Ann|a@b.test",
	    NULL },
	{ "\"a,b,c\";d;e\n", 0, ';', "a,b,c|d|e", NULL },
	{ "a,b;c\n", 0, ',', "a|b\\;c", NULL },
	{ "a;b,c;d\n", 0, ';', "a|b,c|d", NULL },
	{ "\"He said \"\"hi\"\"\",\"x\r\ny\"\n", 0, ',',
	    "He said \"hi\"|x\\r\\ny", NULL },
	{ ",,\n", 0, ',', "||", NULL },
	{ "a,\n", 0, ',', "a|", NULL },
	{ "a,", 0, ',', "a|", NULL },
	{ "\"\"", 0, ',', "", NULL },
	{ "\"\",\"\"\n", 0, ',', "|", NULL },
	{ "a\n\n\r\n\nb\n", 0, ',', "a;b", NULL },
	{ "5\" pipe,x\n", 0, ',', "5\" pipe|x", NULL },
	{ "Zoë,😀,مرحبا,שלום\n", 0, ',', "Zoë|😀|مرحبا|שלום", NULL },
	{ "\"a\"\"\"\"\"", 0, ',', "a\"\"", NULL },
	{ "\"abc", 0, ',', NULL, "Line 1: a quoted value is not closed" },
	{ "a\n\"b\nc", 0, ',', NULL, "Line 2: a quoted value is not closed" },
	{ "\"a\"b,c\n", 0, ',', NULL, "Line 1: there is text after a closing "
	    "quote (a quote inside a quoted value is written twice: \"\")" },
	{ "h\n\"x\ny\nz\"q\n", 0, ',', NULL, "Line 4: there is text after a "
	    "closing quote (a quote inside a quoted value is written twice: "
	    "\"\")" },
	{ "a\0b\n", 4, ',', NULL, "Line 1: the file contains a NUL character" },
	{ "x\n\"a\0b\"\n", 8, ',', NULL,
	    "Line 2: the file contains a NUL character" },
};

START_TEST(read_table)
{
	struct csv	 c;
	const char	*got;
	size_t		 n = read_cases[_i].len ? read_cases[_i].len :
			    strlen(read_cases[_i].in);
	char		*in = exact_copy(read_cases[_i].in, n);
	int		 rc;

	csv_init(&c, in, n);
	ck_assert_msg(c.delim == read_cases[_i].delim, "case %d: delimiter "
	    "'%c'", _i, c.delim);
	got = dump(&c, &rc);
	if (read_cases[_i].want != NULL) {
		ck_assert_msg(rc == 0, "case %d: %s", _i, c.error);
		ck_assert_msg(strcmp(got, read_cases[_i].want) == 0,
		    "case %d: got \"%s\", want \"%s\"", _i, got,
		    read_cases[_i].want);
	} else {
		ck_assert_msg(rc == -1, "case %d: no error, got \"%s\"", _i,
		    got);
		ck_assert_msg(strcmp(c.error, read_cases[_i].error) == 0,
		    "case %d: error \"%s\"", _i, c.error);
		/* An error sticks. */
		ck_assert_int_eq(csv_next(&c, a, &(char **){ NULL },
		    &(size_t){ 0 }), -1);
	}
	free(in);
}
END_TEST

START_TEST(record_lines)
{
	static const char	 text[] = "h,i\n\"a\nb\",c\n\nd,e\r\n\"x\r\ny\"";
	const size_t		 want[] = { 1, 2, 5, 6 };
	struct csv		 c;
	char			**f;
	size_t			 n, i = 0;

	csv_init(&c, text, sizeof(text) - 1);
	while (csv_next(&c, a, &f, &n) == 1) {
		ck_assert_uint_lt(i, NELEM(want));
		ck_assert_uint_eq(c.record_line, want[i]);
		i++;
	}
	ck_assert_uint_eq(i, NELEM(want));
	ck_assert_ptr_null(c.error);
}
END_TEST

START_TEST(limits)
{
	struct csv	 c;
	struct buf	 b;
	char		**f;
	size_t		 n, i;

	buf_init(&b, a);
	for (i = 0; i < CSV_MAX_FIELDS; i++)
		buf_puts(&b, i ? ",x" : "x");
	buf_puts(&b, "\n");
	csv_init(&c, b.data, b.len);
	ck_assert_int_eq(csv_next(&c, a, &f, &n), 1);
	ck_assert_uint_eq(n, CSV_MAX_FIELDS);

	buf_reset(&b);
	for (i = 0; i <= CSV_MAX_FIELDS; i++)
		buf_puts(&b, i ? ",x" : "x");
	csv_init(&c, b.data, b.len);
	ck_assert_int_eq(csv_next(&c, a, &f, &n), -1);
	ck_assert_str_eq(c.error, "Line 1: there are too many columns");

	buf_reset(&b);
	buf_puts(&b, "a\n\"");
	for (i = 0; i <= CSV_MAX_CELL; i++)
		buf_putc(&b, 'y');
	buf_puts(&b, "\"\n");
	csv_init(&c, b.data, b.len);
	ck_assert_int_eq(csv_next(&c, a, &f, &n), 1);
	ck_assert_int_eq(csv_next(&c, a, &f, &n), -1);
	ck_assert_str_eq(c.error, "Line 2: a value is too long");
}
END_TEST

static const struct {
	const char	*cells[8];
	size_t		 n;
	const char	*want;
} write_cases[] = {
	{ { "a", "b" }, 2, "a,b\r\n" },
	{ { "" }, 1, "\"\"\r\n" },
	{ { "", "" }, 2, ",\r\n" },
	{ { NULL, "x" }, 2, ",x\r\n" },
	{ { "a,b", "say \"hi\"", "x\ny", "c\rd" }, 4,
	    "\"a,b\",\"say \"\"hi\"\"\",\"x\ny\",\"c\rd\"\r\n" },
	{ { "=1+1", "+1 555 0100", "-5", "@SUM(A1)", "\tx", "\rx", "a=b",
	    "'=x" }, 8,
	    "'=1+1,'+1 555 0100,'-5,'@SUM(A1),'\tx,\"'\rx\",a=b,''=x\r\n" },
	{ { "=HYPERLINK(\"http://x\",\"y\")" }, 1,
	    "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n" },
	{ { "Zoë 😀", "שלום; x" }, 2, "Zoë 😀,שלום; x\r\n" },
	{ { "'plain", "it's" }, 2, "'plain,it's\r\n" },
};

START_TEST(write_table)
{
	struct buf	 b;

	buf_init(&b, a);
	csv_write(&b, write_cases[_i].cells, write_cases[_i].n);
	ck_assert_msg(strcmp(b.data, write_cases[_i].want) == 0,
	    "case %d: got \"%s\"", _i, b.data);
}
END_TEST

START_TEST(unquote)
{
	ck_assert_str_eq(csv_unquote("'=1+1"), "=1+1");
	ck_assert_str_eq(csv_unquote("'+1 555"), "+1 555");
	ck_assert_str_eq(csv_unquote("'\tx"), "\tx");
	ck_assert_str_eq(csv_unquote("''=x"), "'=x");
	ck_assert_str_eq(csv_unquote("'plain"), "'plain");
	ck_assert_str_eq(csv_unquote("'"), "'");
	ck_assert_str_eq(csv_unquote(""), "");
}
END_TEST

/* Random cells from a nasty alphabet: written, read back, unquoted, equal. */
START_TEST(round_trip)
{
	static const char *const bits[] = { "a", "Z", " ", ",", ";", "\"",
	    "\"\"", "\r", "\n", "\r\n", "=", "+", "-", "@", "\t", "'", "é",
	    "😀", "ש", "0" };
	const char	*cells[6];
	struct csv	 c;
	struct buf	 b, cell;
	char		**f;
	size_t		 n, nf, i, k, len;
	int		 iter, rec;

	srandom(42);
	for (iter = 0; iter < 2000; iter++) {
		buf_init(&b, a);
		n = 1 + (size_t)(random() % 6);
		for (rec = 0; rec < 3; rec++) {
			for (i = 0; i < n; i++) {
				buf_init(&cell, a);
				len = (size_t)(random() % 6);
				for (k = 0; k < len; k++)
					buf_puts(&cell, bits[random() %
					    (long)NELEM(bits)]);
				cells[i] = cell.data;
			}
			csv_write(&b, cells, n);
			csv_init(&c, b.data, b.len);
			c.delim = ',';	/* one column of "a;b" looks like two */
			for (k = 0; k <= (size_t)rec; k++)
				ck_assert_int_eq(csv_next(&c, a, &f, &nf), 1);
			ck_assert_ptr_null(c.error);
			ck_assert_uint_eq(nf, n);
			for (i = 0; i < n; i++)
				ck_assert_msg(strcmp(csv_unquote(f[i]),
				    cells[i]) == 0, "iteration %d: \"%s\" came "
				    "back as \"%s\"", iter, cells[i], f[i]);
		}
		arena_reset(a);
	}
}
END_TEST

Suite *
csv_suite(void)
{
	Suite	*s = suite_create("csv");
	TCase	*tc;

	tc = tcase_create("read");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, read_table, 0, (int)NELEM(read_cases));
	tcase_add_test(tc, record_lines);
	tcase_add_test(tc, limits);
	suite_add_tcase(s, tc);
	tc = tcase_create("write");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, write_table, 0, (int)NELEM(write_cases));
	tcase_add_test(tc, unquote);
	tcase_add_test(tc, round_trip);
	suite_add_tcase(s, tc);
	return s;
}
