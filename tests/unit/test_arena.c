/*
 * arena.c: allocations are usable, distinct and aligned for any type; the
 * string helpers copy exactly; cleanups run newest first at reset; a reset
 * arena is reusable and counts from zero.
 */
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
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

/* Sizes around the block size and alignment edges. */
static const size_t sizes[] = {
	0, 1, 7, 15, 16, 17, 31, 100, 4095, 4096, 65535, 65536, 65537,
	200000, 1 << 20,
};

START_TEST(alloc_sizes)
{
	unsigned char	*p, *q;
	size_t		 n = sizes[_i];

	p = arena_alloc(a, n);
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq((uintptr_t)p % alignof(max_align_t), 0);
	memset(p, 0xab, n);
	q = arena_alloc(a, 1);
	ck_assert_ptr_nonnull(q);
	ck_assert_uint_eq((uintptr_t)q % alignof(max_align_t), 0);
	*q = 0x11;
	/* The second allocation did not land inside the first. */
	ck_assert(q + 1 <= p || q >= p + n);
	if (n > 0)
		ck_assert_uint_eq(p[n - 1], 0xab);
	ck_assert_uint_ge(arena_used(a), n + 1);
}
END_TEST

START_TEST(alloc_many_distinct)
{
	unsigned char	*ptrs[2000];
	size_t		 i, n;

	for (i = 0; i < NELEM(ptrs); i++) {
		n = 1 + (i * 37) % 300;
		ptrs[i] = arena_alloc(a, n);
		memset(ptrs[i], (int)(i & 0xff), n);
	}
	for (i = 0; i < NELEM(ptrs); i++) {
		n = 1 + (i * 37) % 300;
		ck_assert_uint_eq(ptrs[i][0], i & 0xff);
		ck_assert_uint_eq(ptrs[i][n - 1], i & 0xff);
	}
}
END_TEST

START_TEST(zalloc_zeroes)
{
	unsigned char	*p;
	size_t		 i;

	/* Dirty memory first, then reset, so zalloc can't rely on fresh
	 * pages. */
	memset(arena_alloc(a, 4096), 0xff, 4096);
	arena_reset(a);
	p = arena_zalloc(a, 4096);
	for (i = 0; i < 4096; i++)
		ck_assert_uint_eq(p[i], 0);
}
END_TEST

START_TEST(strings)
{
	char	 src[5] = { 'h', 'e', 'l', 'l', 'o' };	/* no terminator */
	char	*s;

	s = arena_strndup(a, src, 5);
	ck_assert_str_eq(s, "hello");
	s = arena_strndup(a, src, 3);
	ck_assert_str_eq(s, "hel");
	s = arena_strndup(a, src, 0);
	ck_assert_str_eq(s, "");
	s = arena_strdup(a, "world");
	ck_assert_str_eq(s, "world");
	ck_assert_ptr_ne(s, (char *)"world");
	s = arena_printf(a, "%s=%d", "n", 42);
	ck_assert_str_eq(s, "n=42");
	s = arena_printf(a, "%s", "");
	ck_assert_str_eq(s, "");
}
END_TEST

START_TEST(printf_long)
{
	char	 big[100001];
	char	*s;

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	s = arena_printf(a, "<%s>", big);
	ck_assert_uint_eq(strlen(s), sizeof(big) + 1);
	ck_assert_int_eq(s[0], '<');
	ck_assert_int_eq(s[sizeof(big)], '>');
}
END_TEST

static char	 order[8];
static size_t	 norder;

static void
mark(void *arg)
{
	order[norder++] = *(char *)arg;
}

START_TEST(cleanups_run_newest_first)
{
	static char	 x = 'x', y = 'y', z = 'z';

	norder = 0;
	arena_cleanup(a, mark, &x);
	arena_cleanup(a, mark, &y);
	arena_cleanup(a, mark, &z);
	ck_assert_uint_eq(norder, 0);
	arena_reset(a);
	ck_assert_uint_eq(norder, 3);
	ck_assert(memcmp(order, "zyx", 3) == 0);
	/* They ran once: a second reset does nothing. */
	arena_reset(a);
	ck_assert_uint_eq(norder, 3);
	/* arena_free runs what is pending too. */
	arena_cleanup(a, mark, &x);
	arena_free(a);
	a = arena_new();
	ck_assert_uint_eq(norder, 4);
}
END_TEST

START_TEST(reset_and_reuse)
{
	size_t	 round, i;
	char	*p;

	for (round = 0; round < 5; round++) {
		ck_assert_uint_eq(arena_used(a), 0);
		for (i = 0; i < 100; i++) {
			p = arena_alloc(a, 1000);
			memset(p, 'a', 1000);
		}
		p = arena_alloc(a, 300000);	/* a one-off big block */
		memset(p, 'b', 300000);
		ck_assert_uint_ge(arena_used(a), 100 * 1000 + 300000);
		arena_reset(a);
	}
}
END_TEST

START_TEST(free_null)
{
	arena_free(NULL);
}
END_TEST

Suite *
arena_suite(void)
{
	Suite	*s = suite_create("arena");
	TCase	*tc;

	tc = tcase_create("arena");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, alloc_sizes, 0, (int)NELEM(sizes));
	tcase_add_test(tc, alloc_many_distinct);
	tcase_add_test(tc, zalloc_zeroes);
	tcase_add_test(tc, strings);
	tcase_add_test(tc, printf_long);
	tcase_add_test(tc, cleanups_run_newest_first);
	tcase_add_test(tc, reset_and_reuse);
	tcase_add_test(tc, free_null);
	suite_add_tcase(s, tc);
	return s;
}
