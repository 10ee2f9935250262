/*
 * buf.c: appends of every kind keep the data NUL-terminated with len
 * exact, binary bytes survive, growth past the first capacity keeps the
 * content, reset empties without losing the arena.
 */
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

START_TEST(appends)
{
	struct buf	 b;

	buf_init(&b, a);
	ck_assert_uint_eq(b.len, 0);
	buf_puts(&b, "");
	ck_assert_ptr_nonnull(b.data);
	ck_assert_str_eq(b.data, "");
	buf_puts(&b, "abc");
	buf_putc(&b, '-');
	buf_add(&b, "xyz", 2);
	buf_printf(&b, "%d/%s", 7, "q");
	ck_assert_str_eq(b.data, "abc-xy7/q");
	ck_assert_uint_eq(b.len, strlen("abc-xy7/q"));
	ck_assert_uint_gt(b.cap, b.len);
	ck_assert_ptr_eq(b.arena, a);
}
END_TEST

START_TEST(binary)
{
	struct buf	 b;
	const char	 bin[4] = { 'a', '\0', '\xff', 'b' };

	buf_init(&b, a);
	buf_add(&b, bin, sizeof(bin));
	buf_putc(&b, '\0');
	ck_assert_uint_eq(b.len, 5);
	ck_assert(memcmp(b.data, bin, 4) == 0);
	ck_assert_int_eq(b.data[4], '\0');
	ck_assert_int_eq(b.data[5], '\0');
}
END_TEST

START_TEST(growth)
{
	struct buf	 b;
	size_t		 i;

	buf_init(&b, a);
	for (i = 0; i < 100000; i++)
		buf_putc(&b, (char)('a' + i % 26));
	ck_assert_uint_eq(b.len, 100000);
	ck_assert_int_eq(b.data[100000], '\0');
	for (i = 0; i < 100000; i++)
		ck_assert_int_eq(b.data[i], 'a' + i % 26);
	/* One append much larger than the capacity. */
	buf_init(&b, a);
	buf_puts(&b, "x");
	{
		static char	 big[300000];

		memset(big, 'y', sizeof(big));
		buf_add(&b, big, sizeof(big));
	}
	ck_assert_uint_eq(b.len, 300001);
	ck_assert_int_eq(b.data[0], 'x');
	ck_assert_int_eq(b.data[300000], 'y');
	ck_assert_int_eq(b.data[300001], '\0');
}
END_TEST

START_TEST(printf_grows)
{
	struct buf	 b;
	char		 s[1000];

	memset(s, 'z', sizeof(s) - 1);
	s[sizeof(s) - 1] = '\0';
	buf_init(&b, a);
	buf_puts(&b, "<");
	buf_printf(&b, "%s|%s", s, s);
	buf_puts(&b, ">");
	ck_assert_uint_eq(b.len, 1 + 999 + 1 + 999 + 1);
	ck_assert_uint_eq(strlen(b.data), b.len);
	ck_assert_int_eq(b.data[1000], '|');
	ck_assert_int_eq(b.data[b.len - 1], '>');
}
END_TEST

START_TEST(reset)
{
	struct buf	 b;

	buf_init(&b, a);
	buf_reset(&b);
	ck_assert_uint_eq(b.len, 0);
	buf_puts(&b, "hello");
	buf_reset(&b);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_str_eq(b.data, "");
	buf_puts(&b, "again");
	ck_assert_str_eq(b.data, "again");
}
END_TEST

Suite *
buf_suite(void)
{
	Suite	*s = suite_create("buf");
	TCase	*tc;

	tc = tcase_create("buf");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, appends);
	tcase_add_test(tc, binary);
	tcase_add_test(tc, growth);
	tcase_add_test(tc, printf_grows);
	tcase_add_test(tc, reset);
	suite_add_tcase(s, tc);
	return s;
}
