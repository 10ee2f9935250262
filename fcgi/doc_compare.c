/*
 * The pure parts of versions and approvals, kept apart from the handlers so
 * the unit tests link them without the database: which lines of two
 * versions of a document are the same line (the compare page), and the
 * one canonical serialization of what a customer approves (its SHA-256 is
 * the approval's fingerprint, shown in the page and checked on the POST).
 */
#include <string.h>

#include "app.h"

/* The parts of a line a person would call "changed". */
static unsigned
line_diff(const struct doc_line *a, const struct doc_line *b)
{
	unsigned	 c = 0;

	if (strcmp(a->desc, b->desc) != 0)
		c |= CMP_DESC;
	if (a->qty_milli != b->qty_milli)
		c |= CMP_QTY;
	if (strcmp(a->unit, b->unit) != 0)
		c |= CMP_UNIT;
	if (a->unit_cents != b->unit_cents)
		c |= CMP_PRICE;
	if (a->amount_cents != b->amount_cents)
		c |= CMP_AMOUNT;
	if (a->taxable != b->taxable)
		c |= CMP_TAXABLE;
	return c;
}

/*
 * Pair the lines of an older (o, no) and a newer (n, nn) version and list
 * them in the newer one's order, each removed line just before the first
 * kept line that came after it in the older version.  A line is the same
 * line, in this order of trust:
 *   1. both come from the same price book item (the first unpaired line of
 *      that item: a repeated item pairs in order);
 *   2. else the same description, byte for byte (typed lines);
 *   3. else, left over at the same position in both, with the same unit
 *      price: a typed line reworded in place (a quantity of 1 is too common
 *      to say the same).
 * Anything else is removed from the older version or added in the newer
 * one.  Pure: memory from a, no input changed.  Returns the row count.
 */
size_t
doc_compare_lines(struct arena *a, const struct doc_line *o, size_t no,
    const struct doc_line *n, size_t nn, struct cmp_row **out)
{
	size_t	*pair = arena_alloc(a, (nn + 1) * sizeof(*pair));
	bool	*used = arena_zalloc(a, no + 1);
	bool	*shown = arena_zalloc(a, no + 1);
	size_t	 i, j, k = 0;

	for (i = 0; i < nn; i++)
		pair[i] = SIZE_MAX;
	for (i = 0; i < nn; i++)
		for (j = 0; n[i].price_item_id != 0 && j < no; j++)
			if (!used[j] && o[j].price_item_id == n[i].price_item_id) {
				pair[i] = j;
				used[j] = true;
				break;
			}
	for (i = 0; i < nn; i++)
		for (j = 0; pair[i] == SIZE_MAX && j < no; j++)
			if (!used[j] && strcmp(o[j].desc, n[i].desc) == 0 &&
			    (o[j].price_item_id == 0 || n[i].price_item_id == 0 ||
			    o[j].price_item_id == n[i].price_item_id)) {
				pair[i] = j;
				used[j] = true;
			}
	for (i = 0; i < nn && i < no; i++)
		if (pair[i] == SIZE_MAX && !used[i] &&
		    o[i].unit_cents == n[i].unit_cents) {
			pair[i] = i;
			used[i] = true;
		}

	*out = arena_zalloc(a, (no + nn + 1) * sizeof(**out));
	for (i = 0; i < nn; i++) {
		if (pair[i] != SIZE_MAX)
			for (j = 0; j < pair[i]; j++)
				if (!used[j] && !shown[j]) {
					(*out)[k].kind = CMP_REMOVED;
					(*out)[k++].old = &o[j];
					shown[j] = true;
				}
		if (pair[i] == SIZE_MAX) {
			(*out)[k].kind = CMP_ADDED;
			(*out)[k++].new = &n[i];
			continue;
		}
		(*out)[k].old = &o[pair[i]];
		(*out)[k].new = &n[i];
		(*out)[k].changed = line_diff(&o[pair[i]], &n[i]);
		(*out)[k].kind = (*out)[k].changed ? CMP_CHANGED : CMP_SAME;
		k++;
	}
	for (j = 0; j < no; j++)
		if (!used[j] && !shown[j]) {
			(*out)[k].kind = CMP_REMOVED;
			(*out)[k++].old = &o[j];
		}
	return k;
}

/* A text as "<bytes>:<text>", so no content can fake a field boundary. */
static void
canon_str(struct buf *b, const char *name, const char *s)
{
	buf_printf(b, "%s %zu:", name, strlen(s));
	buf_puts(b, s);
	buf_putc(b, '\n');
}

/*
 * What the customer approves, as one string, version 1.  Every field on
 * its own line, in this order; numbers are plain decimal integers (cents,
 * thousandths of a unit); texts are length-prefixed ("<bytes>:<text>"):
 *
 *   plumbline-approval 1
 *   kind estimate
 *   number 12
 *   revision 2
 *   line <desc> <qty_milli> <unit> <unit_cents> <amount_cents>   (each line)
 *   subtotal 12000 / discount 0 / tax 990 / total 12990 / deposit 0
 *   terms <text>
 *
 * tests/http/portal_docs.test.mjs recomputes it; change both together and
 * raise the version, or old approvals stop matching their record.
 */
char *
doc_canon(struct arena *a, const struct document *d)
{
	struct buf	 b;
	size_t		 i;

	buf_init(&b, a);
	buf_puts(&b, "plumbline-approval 1\n");
	buf_printf(&b, "kind %s\n", d->kind == DOC_INVOICE ? "invoice" :
	    "estimate");
	buf_printf(&b, "number %lld\nrevision %lld\n", (long long)d->number,
	    (long long)d->revision);
	for (i = 0; i < d->nlines; i++) {
		buf_printf(&b, "line %zu:", strlen(d->lines[i].desc));
		buf_puts(&b, d->lines[i].desc);
		buf_printf(&b, " %lld %zu:", (long long)d->lines[i].qty_milli,
		    strlen(d->lines[i].unit));
		buf_puts(&b, d->lines[i].unit);
		buf_printf(&b, " %lld %lld\n", (long long)d->lines[i].unit_cents,
		    (long long)d->lines[i].amount_cents);
	}
	buf_printf(&b, "subtotal %lld\ndiscount %lld\ntax %lld\ntotal %lld\n"
	    "deposit %lld\n", (long long)d->t.subtotal_cents,
	    (long long)d->t.discount_cents, (long long)d->t.tax_cents,
	    (long long)d->t.total_cents, (long long)d->t.deposit_cents);
	canon_str(&b, "terms", d->terms ? d->terms : "");
	return b.data;
}
