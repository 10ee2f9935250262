/*
 * form.c: the urlencoded, cookie and multipart parsers, utf8_valid and the
 * param-list helpers.  Tables of inputs with the expected result and the
 * expected fields (as dump_params writes them); every input is handed over
 * in an exact-size, unterminated copy so that ASan sees any overread.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

#define S(x)	(x), sizeof(x) - 1	/* a literal and its length */

static struct arena	*a;

static const struct parse_limits lim = {
	.max_fields = 100, .max_name = 64, .max_value = 1024,
	.max_file = 4096, .max_depth = 2,
};

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

/* The name of a parse_result, for readable failures. */
static const char *
rcname(int rc)
{
	static const char *const names[] = {
		"OK", "BAD", "UTF8", "TOO_MANY", "TOO_BIG"
	};

	return rc >= 0 && rc < (int)NELEM(names) ? names[rc] : "?";
}

/* ---------------------------------------------------------------- utf8 */

static const struct {
	const char	*s;
	size_t		 len;
	bool		 ok;
} utf8_cases[] = {
	{ S(""), true },
	{ S("plain ascii"), true },
	{ S("\0embedded nul"), true },
	{ S("caf\xc3\xa9"), true },			/* é */
	{ S("\xe2\x82\xac"), true },			/* € */
	{ S("\xf0\x9f\x98\x80"), true },		/* 😀 */
	{ S("\xf4\x8f\xbf\xbf"), true },		/* U+10FFFF */
	{ S("\xef\xbf\xbf"), true },			/* U+FFFF */
	{ S("\xed\x9f\xbf"), true },			/* U+D7FF */
	{ S("\xee\x80\x80"), true },			/* U+E000 */
	{ S("\xc2\x80"), true },			/* U+0080 */
	{ S("\xe0\xa0\x80"), true },			/* U+0800 */
	{ S("\xf0\x90\x80\x80"), true },		/* U+10000 */
	{ S("\xf1\x80\x80\x80"), true },		/* U+40000 */
	{ S("\xf3\xbf\xbf\xbf"), true },		/* U+FFFFF */
	{ S("\x80"), false },				/* lone continuation */
	{ S("\xbf"), false },
	{ S("\xc0\xaf"), false },			/* overlong '/' */
	{ S("\xc1\xbf"), false },			/* overlong */
	{ S("\xe0\x80\xaf"), false },			/* overlong '/' */
	{ S("\xe0\x9f\xbf"), false },			/* overlong U+07FF */
	{ S("\xf0\x80\x80\xaf"), false },		/* overlong '/' */
	{ S("\xf0\x8f\xbf\xbf"), false },		/* overlong U+FFFF */
	{ S("\xed\xa0\x80"), false },			/* U+D800 */
	{ S("\xed\xbf\xbf"), false },			/* U+DFFF */
	{ S("\xed\xa0\xbd\xed\xb8\x80"), false },	/* CESU-8 pair */
	{ S("\xf4\x90\x80\x80"), false },		/* U+110000 */
	{ S("\xf5\x80\x80\x80"), false },
	{ S("\xf8\x88\x80\x80\x80"), false },		/* 5 bytes */
	{ S("\xfe"), false },
	{ S("\xff"), false },
	{ S("\xc3"), false },				/* truncated */
	{ S("\xe2\x82"), false },
	{ S("\xf0\x9f\x98"), false },
	{ S("caf\xc3"), false },
	{ S("\xc3\x28"), false },			/* bad continuation */
	{ S("\xe2\x28\xa1"), false },
	{ S("\xe2\x82\x28"), false },
	{ S("\xf0\x9f\x98\x28"), false },
	{ S("a\xc3\xa9\xc3"), false },
};

START_TEST(utf8_table)
{
	char	*p = exact_copy(utf8_cases[_i].s, utf8_cases[_i].len);

	ck_assert_msg(utf8_valid(p, utf8_cases[_i].len) == utf8_cases[_i].ok,
	    "case %d: expected %s", _i, utf8_cases[_i].ok ? "valid" :
	    "invalid");
	free(p);
}
END_TEST

START_TEST(utf8_length_bounds)
{
	/* The length, not the terminator, ends the check. */
	ck_assert(utf8_valid("ab\xc3\xa9", 2));
	ck_assert(!utf8_valid("ab\xc3\xa9", 3));
	ck_assert(utf8_valid("ab\xc3\xa9", 4));
	ck_assert(utf8_valid(NULL, 0));
}
END_TEST

/* ------------------------------------------------------------ urlencoded */

static const struct {
	const char	*in;
	size_t		 len;
	int		 rc;
	const char	*want;
} url_cases[] = {
	{ S(""), PARSE_OK, "" },
	{ S("a=1&b=2"), PARSE_OK, "a=1|b=2" },
	{ S("a=hello+world"), PARSE_OK, "a=hello world" },
	{ S("a=%41%62%2b%2B"), PARSE_OK, "a=Ab++" },
	{ S("%61+b=c"), PARSE_OK, "a b=c" },
	{ S("a=%0D%0A"), PARSE_OK, "a=\\r\\n" },
	{ S("a=1=2"), PARSE_OK, "a=1=2" },
	{ S("a"), PARSE_OK, "a=" },
	{ S("a&b="), PARSE_OK, "a=|b=" },
	{ S("&&a=1&&&b=2&"), PARSE_OK, "a=1|b=2" },
	{ S("=1&b=2"), PARSE_OK, "b=2" },
	{ S("="), PARSE_OK, "" },
	{ S("&"), PARSE_OK, "" },
	{ S("a=1&a=2"), PARSE_OK, "a=1|a=2" },
	{ S("a=%C3%A9&%E2%82%AC=x"), PARSE_OK, "a=\xc3\xa9|\xe2\x82\xac=x" },
	{ S("a=\xc3\xa9"), PARSE_OK, "a=\xc3\xa9" },	/* raw UTF-8 */
	/* bad escapes */
	{ S("a=%"), PARSE_BAD, NULL },
	{ S("a=%4"), PARSE_BAD, NULL },
	{ S("a=1%"), PARSE_BAD, NULL },
	{ S("a=%zz"), PARSE_BAD, NULL },
	{ S("a=%4g"), PARSE_BAD, NULL },
	{ S("a=%g4"), PARSE_BAD, NULL },
	{ S("a=% 4"), PARSE_BAD, NULL },
	{ S("%=1"), PARSE_BAD, NULL },
	{ S("a%=1"), PARSE_BAD, NULL },
	{ S("ok=1&a=%"), PARSE_BAD, NULL },
	/* NUL bytes, decoded or raw */
	{ S("a=%00"), PARSE_BAD, NULL },
	{ S("a=x%00y"), PARSE_BAD, NULL },
	{ S("%00=1"), PARSE_BAD, NULL },
	{ S("a=\0"), PARSE_BAD, NULL },
	{ S("a\0=1"), PARSE_BAD, NULL },
	/* UTF-8 */
	{ S("a=%C0%AF"), PARSE_UTF8, NULL },		/* overlong */
	{ S("a=%ED%A0%80"), PARSE_UTF8, NULL },		/* surrogate */
	{ S("a=%F4%90%80%80"), PARSE_UTF8, NULL },	/* > U+10FFFF */
	{ S("a=%E2%82"), PARSE_UTF8, NULL },		/* truncated */
	{ S("a=%FF"), PARSE_UTF8, NULL },
	{ S("a=\xff"), PARSE_UTF8, NULL },
	{ S("%C3=1"), PARSE_UTF8, NULL },
	{ S("a=%C3&b=%A9"), PARSE_UTF8, NULL },		/* split in two */
	/* brackets */
	{ S("lines[0][desc]=x"), PARSE_OK, "lines[0][desc]=x" },
	{ S("lines%5B0%5D%5Bdesc%5D=x"), PARSE_OK, "lines[0][desc]=x" },
	{ S("a[]=1&a[]=2"), PARSE_OK, "a[]=1|a[]=2" },
	{ S("a[b]c=1"), PARSE_OK, "a[b]c=1" },
	{ S("[a]=1"), PARSE_OK, "[a]=1" },
	{ S("a[b][c][d]=1"), PARSE_TOO_BIG, NULL },
	{ S("a%5Bb%5D%5Bc%5D%5Bd%5D=1"), PARSE_TOO_BIG, NULL },
	{ S("a[=1"), PARSE_BAD, NULL },
	{ S("a]=1"), PARSE_BAD, NULL },
	{ S("a[b]]=1"), PARSE_BAD, NULL },
	{ S("a[[b]]=1"), PARSE_BAD, NULL },
	{ S("a%5B%5B=1"), PARSE_BAD, NULL },
	{ S("a[b"), PARSE_BAD, NULL },
	{ S("a=[[[["), PARSE_OK, "a=[[[[" },		/* values are free */
	/* the length ends the input, not a NUL */
	{ "a=1&b=2", 3, PARSE_OK, "a=1" },
	{ "a=1&b=2", 5, PARSE_OK, "a=1|b=" },
	{ "a=%41", 4, PARSE_BAD, NULL },
	{ "ab", 1, PARSE_OK, "a=" },
};

START_TEST(url_table)
{
	struct params	 ps = { NULL, NULL, 0 };
	char		*in = exact_copy(url_cases[_i].in, url_cases[_i].len);
	int		 rc;

	rc = form_urlencoded(a, in, url_cases[_i].len, &lim, &ps);
	ck_assert_msg(rc == url_cases[_i].rc, "case %d: got %s, want %s",
	    _i, rcname(rc), rcname(url_cases[_i].rc));
	if (rc == PARSE_OK)
		ck_assert_str_eq(dump_params(a, &ps), url_cases[_i].want);
	else
		ck_assert_msg(ps.head == NULL && ps.count == 0,
		    "case %d: output touched on error", _i);
	free(in);
}
END_TEST

/* "n0=v&n1=v&..." of count fields, in the arena. */
static const char *
many_fields(size_t count, size_t *len)
{
	struct buf	 b;
	size_t		 i;

	buf_init(&b, a);
	buf_puts(&b, "");
	for (i = 0; i < count; i++)
		buf_printf(&b, "%sn%zu=v", i ? "&" : "", i);
	*len = b.len;
	return b.data;
}

START_TEST(url_limits)
{
	struct params	 ps = { NULL, NULL, 0 };
	char		 name[200], value[3 * 2000];
	const char	*in;
	char		*s;
	size_t		 len, i;

	in = many_fields(100, &len);
	ck_assert_int_eq(form_urlencoded(a, in, len, &lim, &ps), PARSE_OK);
	ck_assert_uint_eq(ps.count, 100);
	ck_assert_str_eq(params_get(&ps, "n99"), "v");

	memset(&ps, 0, sizeof(ps));
	in = many_fields(101, &len);
	ck_assert_int_eq(form_urlencoded(a, in, len, &lim, &ps),
	    PARSE_TOO_MANY);
	in = many_fields(5000, &len);
	ck_assert_int_eq(form_urlencoded(a, in, len, &lim, &ps),
	    PARSE_TOO_MANY);
	ck_assert_ptr_null(ps.head);

	/* Empty pairs don't count. */
	s = arena_alloc(a, 20000);
	memset(s, '&', 20000);
	memcpy(s + 10000, "a=1", 3);
	ck_assert_int_eq(form_urlencoded(a, s, 20000, &lim, &ps), PARSE_OK);
	ck_assert_str_eq(dump_params(a, &ps), "a=1");

	/* Name: 64 bytes fit, 65 don't; measured after decoding. */
	memset(&ps, 0, sizeof(ps));
	memset(name, 'n', 64);
	memcpy(name + 64, "=1", 3);
	ck_assert_int_eq(form_urlencoded(a, name, strlen(name), &lim, &ps),
	    PARSE_OK);
	memset(name, 'n', 65);
	memcpy(name + 65, "=1", 3);
	ck_assert_int_eq(form_urlencoded(a, name, strlen(name), &lim, &ps),
	    PARSE_TOO_BIG);
	for (i = 0; i < 64; i++)
		memcpy(name + 3 * i, "%41", 3);
	memcpy(name + 192, "=1", 3);
	ck_assert_int_eq(form_urlencoded(a, name, strlen(name), &lim, &ps),
	    PARSE_OK);

	/* Value: 1024 bytes fit, 1025 don't; escapes count once. */
	memcpy(value, "v=", 2);
	for (i = 0; i < 1024; i++)
		memcpy(value + 2 + 3 * i, "%41", 3);
	value[2 + 3 * 1024] = '\0';
	ck_assert_int_eq(form_urlencoded(a, value, strlen(value), &lim, &ps),
	    PARSE_OK);
	memcpy(value + 2 + 3 * 1024, "A", 2);
	ck_assert_int_eq(form_urlencoded(a, value, strlen(value), &lim, &ps),
	    PARSE_TOO_BIG);
}
END_TEST

START_TEST(url_appends_and_keeps_on_error)
{
	struct params	 ps = { NULL, NULL, 0 };

	params_add(a, &ps, "first", "1", 1);
	ck_assert_int_eq(form_urlencoded(a, S("a=%zz"), &lim, &ps), PARSE_BAD);
	ck_assert_str_eq(dump_params(a, &ps), "first=1");
	ck_assert_ptr_null(ps.tail->next);
	ck_assert_int_eq(form_urlencoded(a, S("b=2&c=3"), &lim, &ps),
	    PARSE_OK);
	ck_assert_str_eq(dump_params(a, &ps), "first=1|b=2|c=3");
	ck_assert_str_eq(ps.tail->name, "c");
	ck_assert_int_eq(form_urlencoded(a, NULL, 0, &lim, &ps), PARSE_OK);
	ck_assert_uint_eq(ps.count, 3);
}
END_TEST

START_TEST(url_depth_zero)
{
	struct parse_limits	 l = lim;
	struct params		 ps = { NULL, NULL, 0 };

	l.max_depth = 0;
	ck_assert_int_eq(form_urlencoded(a, S("a=1"), &l, &ps), PARSE_OK);
	ck_assert_int_eq(form_urlencoded(a, S("a[]=1"), &l, &ps),
	    PARSE_TOO_BIG);
}
END_TEST

/* --------------------------------------------------------------- cookies */

static const struct {
	const char	*in;
	int		 rc;
	const char	*want;
} cookie_cases[] = {
	{ "", PARSE_OK, "" },
	{ "a=b", PARSE_OK, "a=b" },
	{ "a=b; c=d", PARSE_OK, "a=b|c=d" },
	{ "a=b;c=d", PARSE_OK, "a=b|c=d" },
	{ "  a = b ;\tc=d  ", PARSE_OK, "a=b|c=d" },
	{ "a=\"quoted\"", PARSE_OK, "a=quoted" },
	{ "a=\"\"", PARSE_OK, "a=" },
	{ "a=\"", PARSE_OK, "a=\"" },
	{ "a=\"half", PARSE_OK, "a=\"half" },
	{ "a=", PARSE_OK, "a=" },
	{ "a=b=c", PARSE_OK, "a=b=c" },
	{ "a=1, b=2", PARSE_OK, "a=1, b=2" },
	{ "a=1; a=2", PARSE_OK, "a=1|a=2" },
	{ ";;; ;", PARSE_OK, "" },
	{ "junk; a=b", PARSE_OK, "a=b" },
	{ "=x; a=b", PARSE_OK, "a=b" },
	{ "a b=1; c=2", PARSE_OK, "c=2" },
	{ "a@b=1; c=2", PARSE_OK, "c=2" },
	{ "a\x01=1; c=2", PARSE_OK, "c=2" },
	{ "a=\x01; c=2", PARSE_OK, "c=2" },
	{ "a=x\x7fy; c=2", PARSE_OK, "c=2" },
	{ "a=\xff; c=2", PARSE_OK, "c=2" },
	{ "a=\xc0\xaf; c=2", PARSE_OK, "c=2" },
	{ "\xc3\xa9=1; c=2", PARSE_OK, "c=2" },
	{ "a=caf\xc3\xa9", PARSE_OK, "a=caf\xc3\xa9" },
	{ "pl_session=abc123; __Host-pl_guest=x-y_z", PARSE_OK,
	    "pl_session=abc123|__Host-pl_guest=x-y_z" },
	{ "_ga=GA1.2.3; theme=dark", PARSE_OK, "_ga=GA1.2.3|theme=dark" },
};

START_TEST(cookie_table)
{
	struct params	 ps = { NULL, NULL, 0 };
	int		 rc;

	rc = form_cookies(a, cookie_cases[_i].in, &lim, &ps);
	ck_assert_msg(rc == cookie_cases[_i].rc, "case %d: got %s, want %s",
	    _i, rcname(rc), rcname(cookie_cases[_i].rc));
	if (rc == PARSE_OK)
		ck_assert_str_eq(dump_params(a, &ps), cookie_cases[_i].want);
}
END_TEST

START_TEST(cookie_limits)
{
	struct params	 ps = { NULL, NULL, 0 };
	struct buf	 b;
	size_t		 i;

	ck_assert_int_eq(form_cookies(a, NULL, &lim, &ps), PARSE_OK);
	ck_assert_uint_eq(ps.count, 0);

	buf_init(&b, a);
	for (i = 0; i < 100; i++)
		buf_printf(&b, "c%zu=%zu; ", i, i);
	ck_assert_int_eq(form_cookies(a, b.data, &lim, &ps), PARSE_OK);
	ck_assert_uint_eq(ps.count, 100);
	buf_puts(&b, "one=more");
	memset(&ps, 0, sizeof(ps));
	ck_assert_int_eq(form_cookies(a, b.data, &lim, &ps), PARSE_TOO_MANY);
	ck_assert_ptr_null(ps.head);

	/* Skipped junk does not count against max_fields. */
	buf_reset(&b);
	for (i = 0; i < 500; i++)
		buf_puts(&b, "junk; ");
	buf_puts(&b, "a=1");
	ck_assert_int_eq(form_cookies(a, b.data, &lim, &ps), PARSE_OK);
	ck_assert_str_eq(dump_params(a, &ps), "a=1");

	memset(&ps, 0, sizeof(ps));
	buf_reset(&b);
	for (i = 0; i < 65; i++)
		buf_putc(&b, 'n');
	buf_puts(&b, "=1");
	ck_assert_int_eq(form_cookies(a, b.data, &lim, &ps), PARSE_TOO_BIG);
	buf_reset(&b);
	buf_puts(&b, "v=");
	for (i = 0; i < 1025; i++)
		buf_putc(&b, 'x');
	ck_assert_int_eq(form_cookies(a, b.data, &lim, &ps), PARSE_TOO_BIG);
	/* Quotes don't count. */
	buf_reset(&b);
	buf_puts(&b, "v=\"");
	for (i = 0; i < 1024; i++)
		buf_putc(&b, 'x');
	buf_puts(&b, "\"");
	ck_assert_int_eq(form_cookies(a, b.data, &lim, &ps), PARSE_OK);
	ck_assert_uint_eq(ps.head->len, 1024);
}
END_TEST

/* ------------------------------------------------------------- multipart */

#define CT	"multipart/form-data; boundary=XyZ"
#define CD	"Content-Disposition: form-data; "

static const struct {
	const char	*ct;
	const char	*in;
	size_t		 len;
	int		 rc;
	const char	*want;
} mp_cases[] = {
	/* 0: the shape browsers send */
	{ CT, S("--XyZ\r\n" CD "name=\"a\"\r\n\r\nhello\r\n"
	    "--XyZ\r\n" CD "name=\"f\"; filename=\"x.txt\"\r\n"
	    "Content-Type: text/plain\r\n\r\nfile\r\ndata\r\n--XyZ--\r\n"),
	    PARSE_OK, "a=hello|f=file\\r\\ndata;filename=x.txt;"
	    "ctype=text/plain" },
	/* LF-only line ends */
	{ CT, S("--XyZ\n" CD "name=\"a\"\n\nhello\n--XyZ\n" CD "name=\"b\"\n"
	    "\nx\ny\n--XyZ--\n"), PARSE_OK, "a=hello|b=x\\ny" },
	/* mixed: CRLF headers, LF before the delimiter */
	{ CT, S("--XyZ\r\n" CD "name=\"a\"\r\n\r\nhello\n--XyZ--"),
	    PARSE_OK, "a=hello" },
	/* no line end after the close delimiter, an epilogue, a preamble */
	{ CT, S("--XyZ\r\n" CD "name=\"a\"\r\n\r\n1\r\n--XyZ--"),
	    PARSE_OK, "a=1" },
	{ CT, S("--XyZ\r\n" CD "name=\"a\"\r\n\r\n1\r\n--XyZ--\r\nepilogue "
	    "--XyZ\r\n"), PARSE_OK, "a=1" },
	{ CT, S("This is a preamble\r\n--XyZ\r\n" CD "name=\"a\"\r\n\r\n1\r\n"
	    "--XyZ--\r\n"), PARSE_OK, "a=1" },
	/* transport padding after a delimiter */
	{ CT, S("--XyZ \t\r\n" CD "name=\"a\"\r\n\r\n1\r\n--XyZ  \r\n"
	    CD "name=\"b\"\r\n\r\n2\r\n--XyZ--"), PARSE_OK, "a=1|b=2" },
	/* 7: no parts at all */
	{ CT, S("--XyZ--\r\n"), PARSE_OK, "" },
	/* the boundary inside content: not at a line start, or followed
	 * by more than padding, is content */
	{ CT, S("--XyZ\r\n" CD "name=\"a\"\r\n\r\nx--XyZ\r\n--XyZx\r\n"
	    "--XyZ-\r\n--XyZ--\r\n"), PARSE_OK, "a=x--XyZ\\r\\n--XyZx\\r\\n"
	    "--XyZ-" },
	/* empty bodies, with and without the CRLF before the delimiter */
	{ CT, S("--XyZ\r\n" CD "name=\"a\"\r\n\r\n\r\n--XyZ\r\n" CD
	    "name=\"b\"\r\n\r\n--XyZ--"), PARSE_OK, "a=|b=" },
	/* a body that ends in CR keeps it */
	{ CT, S("--XyZ\r\n" CD "name=\"a\"; filename=\"b\"\r\n\r\nab\r\r\n"
	    "--XyZ--"), PARSE_OK, "a=ab\\r;filename=b" },
	/* 11: binary file with NULs and 0xff; the ctype is kept whole */
	{ CT, S("--XyZ\r\n" CD "name=\"f\"; filename=\"a.bin\"\r\n"
	    "Content-Type: application/octet-stream\r\n\r\n"
	    "\0\xff\0\r\n-\r\n--XyZ--\r\n"), PARSE_OK,
	    "f=\\x00\xff\\x00\\r\\n-;filename=a.bin;"
	    "ctype=application/octet-stream" },
	{ CT, S("--XyZ\r\n" CD "name=\"a\"\r\nContent-Type: text/plain; "
	    "charset=UTF-8 \r\n\r\nx\r\n--XyZ--"), PARSE_OK,
	    "a=x;ctype=text/plain; charset=UTF-8" },
	/* header case, unquoted values, parameter order */
	{ CT, S("--XyZ\r\ncontent-disposition: FORM-DATA; NAME=a\r\n\r\n1\r\n"
	    "--XyZ\r\nCONTENT-TYPE:text/csv\r\nContent-Disposition:form-data;"
	    "filename=\"r.csv\";name=\"b\"\r\n\r\n2\r\n--XyZ--"), PARSE_OK,
	    "a=1|b=2;filename=r.csv;ctype=text/csv" },
	/* unknown headers are ignored */
	{ CT, S("--XyZ\r\nX-Junk: 1\r\n" CD "name=\"a\"\r\nContent-Transfer-"
	    "Encoding: 8bit\r\n\r\n1\r\n--XyZ--"), PARSE_OK, "a=1" },
	/* 15: file names: the basename only, escaped quotes */
	{ CT, S("--XyZ\r\n" CD "name=\"f\"; filename=\"C:\\Users\\me\\p.jpg\""
	    "\r\n\r\n1\r\n--XyZ\r\n" CD "name=\"g\"; filename=\"../../etc/"
	    "passwd\"\r\n\r\n2\r\n--XyZ\r\n" CD "name=\"h\"; filename=\"..\""
	    "\r\n\r\n3\r\n--XyZ\r\n" CD "name=\"i\"; filename=\"\"\r\n\r\n\r\n"
	    "--XyZ\r\n" CD "name=\"j\"; filename=\"a \\\"b\\\".txt\"\r\n\r\n"
	    "4\r\n--XyZ--"), PARSE_OK, "f=1;filename=p.jpg|g=2;filename=passwd"
	    "|h=3;filename=|i=;filename=|j=4;filename=a \"b\".txt" },
	{ CT, S("--XyZ\r\n" CD "name=\"a\\\"b;c\"\r\n\r\n1\r\n--XyZ--"),
	    PARSE_OK, "a\"b;c=1" },
	{ CT, S("--XyZ\r\n" CD "name=\"caf\xc3\xa9\"; filename=\"\xe2\x82\xac"
	    ".txt\"\r\n\r\n1\r\n--XyZ--"), PARSE_OK,
	    "caf\xc3\xa9=1;filename=\xe2\x82\xac.txt" },
	/* an empty name skips the part */
	{ CT, S("--XyZ\r\n" CD "name=\"\"\r\n\r\n1\r\n--XyZ\r\n" CD
	    "name=\"b\"\r\n\r\n2\r\n--XyZ--"), PARSE_OK, "b=2" },
	/* 19: Content-Type variants */
	{ "multipart/form-data; boundary=\"a b:c\"", S("--a b:c\r\n" CD
	    "name=\"a\"\r\n\r\n1\r\n--a b:c--"), PARSE_OK, "a=1" },
	{ "Multipart/Form-Data;BOUNDARY=XyZ", S("--XyZ\r\n" CD "name=\"a\""
	    "\r\n\r\n1\r\n--XyZ--"), PARSE_OK, "a=1" },
	{ "multipart/form-data; charset=utf-8; boundary=XyZ;", S("--XyZ\r\n"
	    CD "name=\"a\"\r\n\r\n1\r\n--XyZ--"), PARSE_OK, "a=1" },
	{ "multipart/form-data; boundary=XyZ; boundary=other", S("--XyZ\r\n"
	    CD "name=\"a\"\r\n\r\n1\r\n--XyZ--"), PARSE_OK, "a=1" },
	{ "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW",
	    S("------WebKitFormBoundary7MA4YWxkTrZu0gW\r\n" CD "name=\"a\"\r\n"
	    "\r\n1\r\n------WebKitFormBoundary7MA4YWxkTrZu0gW--\r\n"),
	    PARSE_OK, "a=1" },
	{ "multipart/form-data; boundary=" "1234567890123456789012345678901234"
	    "567890123456789012345678901234567890", S("--123456789012345678901"
	    "2345678901234567890123456789012345678901234567890\r\n" CD
	    "name=\"a\"\r\n\r\n1\r\n--1234567890123456789012345678901234567890"
	    "123456789012345678901234567890--"), PARSE_OK, "a=1" },
	/* 25: bad Content-Types */
	{ "multipart/form-data; boundary=" "1234567890123456789012345678901234"
	    "5678901234567890123456789012345678901", S("--x--"), PARSE_BAD,
	    NULL },
	{ "multipart/form-data", S("--XyZ--"), PARSE_BAD, NULL },
	{ "multipart/form-data; boundary=", S("----"), PARSE_BAD, NULL },
	{ "multipart/form-data; boundary=\"\"", S("----"), PARSE_BAD, NULL },
	{ "multipart/form-data; boundary=\"XyZ", S("--XyZ--"), PARSE_BAD,
	    NULL },
	{ "multipart/form-data; boundary=\"XyZ \"", S("--XyZ --"), PARSE_BAD,
	    NULL },
	{ "multipart/form-data; boundary=X\x01Z", S("--X\x01Z--"), PARSE_BAD,
	    NULL },
	{ "multipart/mixed; boundary=XyZ", S("--XyZ--"), PARSE_BAD, NULL },
	{ "multipart/form-datax; boundary=XyZ", S("--XyZ--"), PARSE_BAD,
	    NULL },
	{ "text/plain", S("--XyZ--"), PARSE_BAD, NULL },
	{ "", S("--XyZ--"), PARSE_BAD, NULL },
	{ "multipart/form-data; ;boundary=XyZ", S("--XyZ--"), PARSE_BAD,
	    NULL },
	{ "multipart/form-data; boundary", S("--XyZ--"), PARSE_BAD, NULL },
	/* 38: missing or broken delimiters */
	{ CT, S(""), PARSE_BAD, NULL },
	{ CT, S("no delimiter at all"), PARSE_BAD, NULL },
	{ CT, S("--XyZ\r\n" CD "name=\"a\"\r\n\r\n1\r\n"), PARSE_BAD, NULL },
	{ CT, S("--XyZ\r\n" CD "name=\"a\"\r\n\r\n1\r\n--XyZ\r\n"), PARSE_BAD,
	    NULL },
	{ CT, S("--XyZ\r\n" CD "name=\"a\"\r\n\r\n1\r\n--XyZ"), PARSE_BAD,
	    NULL },
	{ CT, S("--XyZ\r\n" CD "name=\"a\"\r\n\r\n1\r\n--XyZ-"), PARSE_BAD,
	    NULL },
	{ CT, S("--XyZ\r\n" CD "name=\"a\"\r\n\r\n1\r\n--Xy"), PARSE_BAD,
	    NULL },
	{ CT, S("--XyZ\r\n" CD "name=\"a\"\r\n\r\n1\r\n--XyZ\r"), PARSE_BAD,
	    NULL },
	{ CT, S("--XyZ\r\n" CD "name=\"a\""), PARSE_BAD, NULL },
	{ CT, S("--XyZ\r\n" CD "name=\"a\"\r\n"), PARSE_BAD, NULL },
	{ CT, S("--XyZ\r\n"), PARSE_BAD, NULL },
	{ CT, S("--XyZ"), PARSE_BAD, NULL },
	{ CT, S("--xyz--"), PARSE_BAD, NULL },		/* case matters */
	/* 51: bad part headers */
	{ CT, S("--XyZ\r\n\r\n1\r\n--XyZ--"), PARSE_BAD, NULL },
	{ CT, S("--XyZ\r\nContent-Type: text/plain\r\n\r\n1\r\n--XyZ--"),
	    PARSE_BAD, NULL },
	{ CT, S("--XyZ\r\n" CD "filename=\"a\"\r\n\r\n1\r\n--XyZ--"),
	    PARSE_BAD, NULL },
	{ CT, S("--XyZ\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\n"
	    "1\r\n--XyZ--"), PARSE_BAD, NULL },
	{ CT, S("--XyZ\r\n" CD "name=\"a\"\r\n" CD "name=\"b\"\r\n\r\n1\r\n"
	    "--XyZ--"), PARSE_BAD, NULL },
	{ CT, S("--XyZ\r\n" CD "name=\"a\"; name=\"b\"\r\n\r\n1\r\n--XyZ--"),
	    PARSE_BAD, NULL },
	{ CT, S("--XyZ\r\n" CD "name=\"a\"; filename=\"b\"; filename=\"c\"\r\n"
	    "\r\n1\r\n--XyZ--"), PARSE_BAD, NULL },
	{ CT, S("--XyZ\r\n" CD "name=\"a\r\n\r\n1\r\n--XyZ--"), PARSE_BAD,
	    NULL },
	{ CT, S("--XyZ\r\n" CD "name=\"a\"\r\nno colon here\r\n\r\n1\r\n"
	    "--XyZ--"), PARSE_BAD, NULL },
	{ CT, S("--XyZ\r\n" CD "name=\"a\"\r\n : x\r\n\r\n1\r\n--XyZ--"),
	    PARSE_BAD, NULL },
	{ CT, S("--XyZ\r\nContent-Disposition: form-data;\r\n name=\"a\"\r\n"
	    "\r\n1\r\n--XyZ--"), PARSE_BAD, NULL },		/* folded */
	{ CT, S("--XyZ\r\n" CD "name=\"a\"\r\nContent-Type : x\r\n\r\n1\r\n"
	    "--XyZ--"), PARSE_BAD, NULL },
	{ CT, S("--XyZ\r\n" CD "name=\"a\"\x01\r\n\r\n1\r\n--XyZ--"),
	    PARSE_BAD, NULL },
	{ CT, S("--XyZ\r\n" CD "name=\"a\0\"\r\n\r\n1\r\n--XyZ--"),
	    PARSE_BAD, NULL },
	{ CT, S("--XyZ\r\n" CD "name=\"a\"\r\nContent-Type: a\r\n"
	    "Content-Type: b\r\n\r\n1\r\n--XyZ--"), PARSE_BAD, NULL },
	{ CT, S("--XyZ\r\n" CD "name=\"a\"; junk\r\n\r\n1\r\n--XyZ--"),
	    PARSE_BAD, NULL },
	{ CT, S("--XyZ\r\n" CD "name=\"a\" x\r\n\r\n1\r\n--XyZ--"),
	    PARSE_BAD, NULL },
	/* 68: nested multipart is not supported */
	{ CT, S("--XyZ\r\n" CD "name=\"a\"\r\nContent-Type: multipart/mixed; "
	    "boundary=in\r\n\r\n--in\r\n\r\nx\r\n--in--\r\n--XyZ--"),
	    PARSE_BAD, NULL },
	{ CT, S("--XyZ\r\n" CD "name=\"a\"\r\nContent-Type: MULTIPART/Mixed"
	    "\r\n\r\n\r\n--XyZ--"), PARSE_BAD, NULL },
	/* 70: text parts: no NUL, valid UTF-8; names checked like fields */
	{ CT, S("--XyZ\r\n" CD "name=\"a\"\r\n\r\nx\0y\r\n--XyZ--"),
	    PARSE_BAD, NULL },
	{ CT, S("--XyZ\r\n" CD "name=\"a\"\r\n\r\n\xc0\xaf\r\n--XyZ--"),
	    PARSE_UTF8, NULL },
	{ CT, S("--XyZ\r\n" CD "name=\"\xff\"\r\n\r\n1\r\n--XyZ--"),
	    PARSE_UTF8, NULL },
	{ CT, S("--XyZ\r\n" CD "name=\"a\"; filename=\"\xed\xa0\x80\"\r\n\r\n"
	    "1\r\n--XyZ--"), PARSE_UTF8, NULL },
	{ CT, S("--XyZ\r\n" CD "name=\"a\"; filename=\"\xff/ok\"\r\n\r\n"
	    "1\r\n--XyZ--"), PARSE_UTF8, NULL },
	{ CT, S("--XyZ\r\n" CD "name=\"a\"\r\nContent-Type: \xff\r\n\r\n"
	    "1\r\n--XyZ--"), PARSE_UTF8, NULL },
	{ CT, S("--XyZ\r\n" CD "name=\"a[b][c][d]\"\r\n\r\n1\r\n--XyZ--"),
	    PARSE_TOO_BIG, NULL },
	{ CT, S("--XyZ\r\n" CD "name=\"a[b\"\r\n\r\n1\r\n--XyZ--"),
	    PARSE_BAD, NULL },
	{ CT, S("--XyZ\r\n" CD "name=\"lines[0][desc]\"\r\n\r\n1\r\n--XyZ--"),
	    PARSE_OK, "lines[0][desc]=1" },
	/* the length ends the input: the close delimiter is past it */
	{ CT, "--XyZ\r\n" CD "name=\"a\"\r\n\r\n1\r\n--XyZ--",
	    sizeof("--XyZ\r\n" CD "name=\"a\"\r\n\r\n1\r\n--XyZ--") - 3,
	    PARSE_BAD, NULL },
};

START_TEST(mp_table)
{
	struct params	 ps = { NULL, NULL, 0 };
	char		*in = exact_copy(mp_cases[_i].in, mp_cases[_i].len);
	int		 rc;

	rc = form_multipart(a, mp_cases[_i].ct, in, mp_cases[_i].len, &lim,
	    &ps);
	ck_assert_msg(rc == mp_cases[_i].rc, "case %d: got %s, want %s", _i,
	    rcname(rc), rcname(mp_cases[_i].rc));
	if (rc == PARSE_OK)
		ck_assert_str_eq(dump_params(a, &ps), mp_cases[_i].want);
	else
		ck_assert_msg(ps.head == NULL && ps.count == 0,
		    "case %d: output touched on error", _i);
	free(in);
}
END_TEST

/* One part of a multipart body; file parts when filename is set. */
static void
mp_part(struct buf *b, const char *name, const char *filename,
    const char *body, size_t len)
{
	buf_printf(b, "--XyZ\r\nContent-Disposition: form-data; name=\"%s\"",
	    name);
	if (filename != NULL)
		buf_printf(b, "; filename=\"%s\"", filename);
	buf_puts(b, "\r\n\r\n");
	buf_add(b, body, len);
	buf_puts(b, "\r\n");
}

static int
mp_parse(struct buf *b, struct params *ps)
{
	char	*in;
	int	 rc;

	in = exact_copy(b->data, b->len);
	memset(ps, 0, sizeof(*ps));
	rc = form_multipart(a, CT, in, b->len, &lim, ps);
	free(in);
	return rc;
}

START_TEST(mp_sizes)
{
	struct params		 ps;
	struct buf		 b;
	const struct param	*p;
	char			 big[5000], line[5000];
	size_t			 i;

	/* Files: 4096 bytes fit, 4097 don't; any bytes, even the boundary
	 * almost at a line start. */
	for (i = 0; i < sizeof(big); i++)
		big[i] = (char)(i * 7);
	memcpy(big + 100, "\r\n--XyZQ", 8);
	memcpy(big + 200, "\n--XyZ-x", 8);
	buf_init(&b, a);
	mp_part(&b, "f", "f.bin", big, 4096);
	buf_puts(&b, "--XyZ--\r\n");
	ck_assert_int_eq(mp_parse(&b, &ps), PARSE_OK);
	p = params_find(&ps, "f");
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq(p->len, 4096);
	ck_assert(memcmp(p->value, big, 4096) == 0);
	ck_assert_int_eq(p->value[4096], '\0');

	buf_reset(&b);
	mp_part(&b, "f", "f.bin", big, 4097);
	buf_puts(&b, "--XyZ--\r\n");
	ck_assert_int_eq(mp_parse(&b, &ps), PARSE_TOO_BIG);

	/* Text: 1024 bytes fit, 1025 don't. */
	memset(big, 'x', sizeof(big));
	buf_reset(&b);
	mp_part(&b, "t", NULL, big, 1024);
	buf_puts(&b, "--XyZ--");
	ck_assert_int_eq(mp_parse(&b, &ps), PARSE_OK);
	buf_reset(&b);
	mp_part(&b, "t", NULL, big, 1025);
	buf_puts(&b, "--XyZ--");
	ck_assert_int_eq(mp_parse(&b, &ps), PARSE_TOO_BIG);

	/* Names: 64 bytes fit, 65 don't. */
	memset(line, 'n', sizeof(line));
	line[64] = '\0';
	buf_reset(&b);
	mp_part(&b, line, NULL, "1", 1);
	buf_puts(&b, "--XyZ--");
	ck_assert_int_eq(mp_parse(&b, &ps), PARSE_OK);
	line[64] = 'n';
	line[65] = '\0';
	buf_reset(&b);
	mp_part(&b, line, NULL, "1", 1);
	buf_puts(&b, "--XyZ--");
	ck_assert_int_eq(mp_parse(&b, &ps), PARSE_TOO_BIG);

	/* A header line of 4096 bytes fits, one of 4097 doesn't. */
	memset(line, 'f', sizeof(line));
	line[4096 - strlen("Content-Disposition: form-data; name=\"f\"; "
	    "filename=\"\"")] = '\0';
	buf_reset(&b);
	mp_part(&b, "f", line, "1", 1);
	buf_puts(&b, "--XyZ--");
	ck_assert_int_eq(mp_parse(&b, &ps), PARSE_OK);
	ck_assert_uint_eq(strlen(ps.head->filename), strlen(line));
	i = strlen(line);
	line[i] = 'f';
	line[i + 1] = '\0';
	buf_reset(&b);
	mp_part(&b, "f", line, "1", 1);
	buf_puts(&b, "--XyZ--");
	ck_assert_int_eq(mp_parse(&b, &ps), PARSE_BAD);

	/* 16 header lines fit, 17 don't. */
	buf_reset(&b);
	buf_puts(&b, "--XyZ\r\n");
	for (i = 0; i < 15; i++)
		buf_puts(&b, "X-Pad: 1\r\n");
	buf_puts(&b, "Content-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
	    "--XyZ--");
	ck_assert_int_eq(mp_parse(&b, &ps), PARSE_OK);
	buf_reset(&b);
	buf_puts(&b, "--XyZ\r\nX-Pad: 1\r\n");
	for (i = 0; i < 15; i++)
		buf_puts(&b, "X-Pad: 1\r\n");
	buf_puts(&b, "Content-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
	    "--XyZ--");
	ck_assert_int_eq(mp_parse(&b, &ps), PARSE_BAD);
}
END_TEST

START_TEST(mp_many_parts)
{
	struct params	 ps;
	struct buf	 b;
	char		 name[32];
	size_t		 i;

	buf_init(&b, a);
	for (i = 0; i < 100; i++) {
		snprintf(name, sizeof(name), "n%zu", i);
		mp_part(&b, name, i % 2 ? "f" : NULL, "v", 1);
	}
	buf_puts(&b, "--XyZ--\r\n");
	ck_assert_int_eq(mp_parse(&b, &ps), PARSE_OK);
	ck_assert_uint_eq(ps.count, 100);
	ck_assert_str_eq(params_get(&ps, "n99"), "v");

	buf_reset(&b);
	for (i = 0; i < 5000; i++)
		mp_part(&b, "n", NULL, "v", 1);
	buf_puts(&b, "--XyZ--\r\n");
	ck_assert_int_eq(mp_parse(&b, &ps), PARSE_TOO_MANY);
	ck_assert_ptr_null(ps.head);
}
END_TEST

START_TEST(mp_null_ctype)
{
	struct params	 ps = { NULL, NULL, 0 };

	ck_assert_int_eq(form_multipart(a, NULL, S("--XyZ--"), &lim, &ps),
	    PARSE_BAD);
	ck_assert_int_eq(form_multipart(a, CT, NULL, 0, &lim, &ps),
	    PARSE_BAD);
}
END_TEST

/* ---------------------------------------------------------------- params */

START_TEST(params_helpers)
{
	struct params		 ps = { NULL, NULL, 0 };
	const struct param	*p;
	char			 v[3] = { 'x', '\0', 'y' };

	ck_assert_ptr_null(params_find(&ps, "a"));
	ck_assert_ptr_null(params_get(&ps, "a"));
	ck_assert_ptr_null(params_get(NULL, "a"));
	ck_assert_ptr_null(params_get(&ps, NULL));
	params_add(a, &ps, "a", "1", 1);
	params_add(a, &ps, "b", "2", 1);
	params_add(a, &ps, "a", "3", 1);
	params_add(a, &ps, "bin", v, sizeof(v));
	params_add(a, &ps, "cut", "12345", 2);
	ck_assert_uint_eq(ps.count, 5);
	ck_assert_str_eq(params_get(&ps, "a"), "1");
	ck_assert_str_eq(params_get(&ps, "b"), "2");
	ck_assert_str_eq(params_get(&ps, "cut"), "12");
	ck_assert_ptr_null(params_get(&ps, "A"));
	ck_assert_ptr_null(params_get(&ps, ""));
	p = params_find(&ps, "bin");
	ck_assert_uint_eq(p->len, 3);
	ck_assert(memcmp(p->value, v, 3) == 0 && p->value[3] == '\0');
	ck_assert_ptr_null(p->filename);
	ck_assert_ptr_null(p->ctype);
	ck_assert_str_eq(dump_params(a, &ps), "a=1|b=2|a=3|bin=x\\x00y|cut=12");
	/* Copies, not the caller's memory. */
	v[0] = 'z';
	ck_assert_int_eq(p->value[0], 'x');
}
END_TEST

Suite *
form_suite(void)
{
	Suite	*s = suite_create("form");
	TCase	*tc;

	tc = tcase_create("utf8");
	tcase_add_loop_test(tc, utf8_table, 0, (int)NELEM(utf8_cases));
	tcase_add_test(tc, utf8_length_bounds);
	suite_add_tcase(s, tc);

	tc = tcase_create("urlencoded");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, url_table, 0, (int)NELEM(url_cases));
	tcase_add_test(tc, url_limits);
	tcase_add_test(tc, url_appends_and_keeps_on_error);
	tcase_add_test(tc, url_depth_zero);
	suite_add_tcase(s, tc);

	tc = tcase_create("cookies");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, cookie_table, 0, (int)NELEM(cookie_cases));
	tcase_add_test(tc, cookie_limits);
	suite_add_tcase(s, tc);

	tc = tcase_create("multipart");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, mp_table, 0, (int)NELEM(mp_cases));
	tcase_add_test(tc, mp_sizes);
	tcase_add_test(tc, mp_many_parts);
	tcase_add_test(tc, mp_null_ctype);
	suite_add_tcase(s, tc);

	tc = tcase_create("params");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, params_helpers);
	suite_add_tcase(s, tc);
	return s;
}
