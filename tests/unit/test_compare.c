/*
 * doc_compare.c: which lines of two versions are the same line (by price
 * book item, then description, then a reworded line in place), the order
 * the compare page shows them in, what changed on each; and the canonical
 * serialization an approval's SHA-256 is taken over.
 */
#include <string.h>

#include "unit.h"

/* A line: description, qty (thousandths), unit price (cents), item id. */
static struct doc_line
L(const char *desc, int64_t qty, int64_t price, int64_t item)
{
	struct doc_line	 l;

	memset(&l, 0, sizeof(l));
	l.desc = desc;
	l.qty_milli = qty;
	l.unit = "ea";
	l.unit_cents = price;
	l.amount_cents = qty * price / 1000;
	l.taxable = true;
	l.price_item_id = item;
	return l;
}

/* The rows as a string: one letter a row (s, c, a, r), for short asserts. */
static const char *
shape(const struct cmp_row *rows, size_t n)
{
	static char	 s[64];
	size_t		 i;

	for (i = 0; i < n && i < sizeof(s) - 1; i++)
		s[i] = "scar"[rows[i].kind];
	s[i] = '\0';
	return s;
}

START_TEST(identical_versions_are_all_same)
{
	struct arena	*a = arena_new();
	struct doc_line	 o[] = { L("Valve", 1000, 12000, 7), L("Labour", 2500,
	    8000, 0) };
	struct cmp_row	*rows;
	size_t		 n;

	n = doc_compare_lines(a, o, 2, o, 2, &rows);
	ck_assert_str_eq(shape(rows, n), "ss");
	ck_assert_int_eq(rows[0].changed, 0);
	ck_assert_ptr_eq(rows[1].old, &o[1]);
	ck_assert_ptr_eq(rows[1].new, &o[1]);
	arena_free(a);
}
END_TEST

START_TEST(price_item_pairs_whatever_the_description)
{
	struct arena	*a = arena_new();
	struct doc_line	 o[] = { L("Valve", 1000, 12000, 7) };
	struct doc_line	 n[] = { L("Valve, brass", 2000, 12500, 7) };
	struct cmp_row	*rows;
	size_t		 k;

	k = doc_compare_lines(a, o, 1, n, 1, &rows);
	ck_assert_str_eq(shape(rows, k), "c");
	ck_assert_uint_eq(rows[0].changed, CMP_DESC | CMP_QTY | CMP_PRICE |
	    CMP_AMOUNT);
	arena_free(a);
}
END_TEST

START_TEST(typed_lines_pair_by_description_across_moves)
{
	struct arena	*a = arena_new();
	struct doc_line	 o[] = { L("Dig trench", 1000, 50000, 0),
	    L("Lay pipe", 10000, 2000, 0) };
	struct doc_line	 n[] = { L("Lay pipe", 12000, 2000, 0),
	    L("Dig trench", 1000, 50000, 0) };
	struct cmp_row	*rows;
	size_t		 k;

	k = doc_compare_lines(a, o, 2, n, 2, &rows);
	ck_assert_str_eq(shape(rows, k), "cs");
	ck_assert_ptr_eq(rows[0].old, &o[1]);
	ck_assert_uint_eq(rows[0].changed, CMP_QTY | CMP_AMOUNT);
	arena_free(a);
}
END_TEST

START_TEST(added_and_removed_in_reading_order)
{
	struct arena	*a = arena_new();
	struct doc_line	 o[] = { L("A", 1000, 100, 0), L("B", 1000, 200, 0),
	    L("C", 1000, 300, 0), L("Z", 1000, 900, 0) };
	struct doc_line	 n[] = { L("A", 1000, 100, 0), L("C", 1000, 300, 0),
	    L("D", 1000, 400, 0) };
	struct cmp_row	*rows;
	size_t		 k;

	/* B was between A and C: it shows there; Z after everything kept. */
	k = doc_compare_lines(a, o, 4, n, 3, &rows);
	ck_assert_str_eq(shape(rows, k), "srsar");
	ck_assert_str_eq(rows[1].old->desc, "B");
	ck_assert_ptr_null(rows[1].new);
	ck_assert_str_eq(rows[3].new->desc, "D");
	ck_assert_ptr_null(rows[3].old);
	ck_assert_str_eq(rows[4].old->desc, "Z");
	arena_free(a);
}
END_TEST

START_TEST(reworded_line_in_place_is_changed)
{
	struct arena	*a = arena_new();
	struct doc_line	 o[] = { L("Paint walls", 1000, 30000, 0) };
	struct doc_line	 n[] = { L("Paint walls, two coats", 1000, 30000, 0) };
	struct doc_line	 m[] = { L("Something else", 3000, 777, 0) };
	struct cmp_row	*rows;
	size_t		 k;

	k = doc_compare_lines(a, o, 1, n, 1, &rows);
	ck_assert_str_eq(shape(rows, k), "c");
	ck_assert_uint_eq(rows[0].changed, CMP_DESC);
	/* The same quantity is not enough: removed and added. */
	m[0].qty_milli = 1000;
	k = doc_compare_lines(a, o, 1, m, 1, &rows);
	ck_assert_str_eq(shape(rows, k), "ar");
	m[0].qty_milli = 3000;
	/* Nothing in common but the position: removed and added. */
	k = doc_compare_lines(a, o, 1, m, 1, &rows);
	ck_assert_str_eq(shape(rows, k), "ar");
	arena_free(a);
}
END_TEST

START_TEST(repeated_item_pairs_in_order)
{
	struct arena	*a = arena_new();
	struct doc_line	 o[] = { L("Panel", 1000, 100, 3), L("Panel", 2000,
	    100, 3) };
	struct doc_line	 n[] = { L("Panel", 1000, 100, 3), L("Panel", 5000,
	    100, 3), L("Panel", 1000, 100, 3) };
	struct cmp_row	*rows;
	size_t		 k;

	k = doc_compare_lines(a, o, 2, n, 3, &rows);
	ck_assert_str_eq(shape(rows, k), "sca");
	ck_assert_ptr_eq(rows[1].old, &o[1]);
	arena_free(a);
}
END_TEST

START_TEST(empty_sides)
{
	struct arena	*a = arena_new();
	struct doc_line	 o[] = { L("A", 1000, 100, 0) };
	struct cmp_row	*rows;
	size_t		 k;

	ck_assert_uint_eq(doc_compare_lines(a, NULL, 0, NULL, 0, &rows), 0);
	k = doc_compare_lines(a, o, 1, NULL, 0, &rows);
	ck_assert_str_eq(shape(rows, k), "r");
	k = doc_compare_lines(a, NULL, 0, o, 1, &rows);
	ck_assert_str_eq(shape(rows, k), "a");
	arena_free(a);
}
END_TEST

START_TEST(canonical_serialization)
{
	struct arena	*a = arena_new();
	struct doc_line	 l[] = { L("Valve — brass\nfitted", 1500, 12000, 7),
	    L("x", 1000, 1, 0) };
	struct document	 d;

	memset(&d, 0, sizeof(d));
	d.kind = DOC_ESTIMATE;
	d.number = 12;
	d.revision = 2;
	d.lines = l;
	d.nlines = 2;
	d.t.subtotal_cents = 18001;
	d.t.discount_cents = 1;
	d.t.tax_cents = 1485;
	d.t.total_cents = 19485;
	d.t.deposit_cents = 5000;
	d.terms = "Net 30.";
	/* "—" is 3 bytes: the description is 22 bytes long. */
	ck_assert_str_eq(doc_canon(a, &d),
	    "plumbline-approval 1\n"
	    "kind estimate\n"
	    "number 12\n"
	    "revision 2\n"
	    "line 22:Valve — brass\nfitted 1500 2:ea 12000 18000\n"
	    "line 1:x 1000 2:ea 1 1\n"
	    "subtotal 18001\n"
	    "discount 1\n"
	    "tax 1485\n"
	    "total 19485\n"
	    "deposit 5000\n"
	    "terms 7:Net 30.\n");
	/* Any difference shown to the customer changes the text. */
	d.t.deposit_cents = 5001;
	ck_assert(strstr(doc_canon(a, &d), "deposit 5001\n") != NULL);
	d.terms = NULL;
	ck_assert(strstr(doc_canon(a, &d), "terms 0:\n") != NULL);
	arena_free(a);
}
END_TEST

Suite *
compare_suite(void)
{
	Suite	*s = suite_create("compare");
	TCase	*tc;

	tc = tcase_create("compare");
	tcase_add_test(tc, identical_versions_are_all_same);
	tcase_add_test(tc, price_item_pairs_whatever_the_description);
	tcase_add_test(tc, typed_lines_pair_by_description_across_moves);
	tcase_add_test(tc, added_and_removed_in_reading_order);
	tcase_add_test(tc, reworded_line_in_place_is_changed);
	tcase_add_test(tc, repeated_item_pairs_in_order);
	tcase_add_test(tc, empty_sides);
	tcase_add_test(tc, canonical_serialization);
	suite_add_tcase(s, tc);
	return s;
}
