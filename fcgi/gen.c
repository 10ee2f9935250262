/*
 * `plumbline gen`: a realistic data set of any size as SQL on stdout,
 * deterministic from a seed — companies with staff, customers with
 * properties, jobs with visits and history, estimates and invoices with
 * lines (totals by money.c, so stored totals are exact), and payments.
 * Rows go out as large multi-row INSERTs with ids offset from the current
 * maxima, so the output loads fast into an empty or a populated database:
 *   plumbline gen --companies 1000 --customers 50 --invoices 200 | mariadb ...
 * Every generated staff login uses the password "plumbline-demo".
 * With --into OWNER-EMAIL the records go into that existing company, dated
 * around today (a demo: upcoming visits, approved estimates, open invoices).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"

#define BATCH		1000
#define DEMO_HASH	"$argon2id$v=19$m=65536,t=2,p=1$heAfUVCwfrHqhW//T/wzrQ$" \
			"RSCVXrCgwznaSVunv2gBUW9V+Pf5rPN+94wKA0De8jk"

static uint64_t	 rng;

/* splitmix64: tiny, fast, and the same sequence on every machine. */
static uint64_t
next(void)
{
	uint64_t	 z = (rng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int64_t
pick(int64_t lo, int64_t hi)
{
	return lo + (int64_t)(next() % (uint64_t)(hi - lo + 1));
}

#define ONE(list)	(list[next() % (sizeof(list) / sizeof(list[0]))])

static const char *const first[] = { "Maria", "James", "Linda", "Robert",
	"Ana", "David", "Grace", "Luis", "Priya", "Tom", "Fatima", "Kenji",
	"Olivia", "Noah", "Zoë", "Mateo", "Chloé", "Sam", "Ingrid", "Omar" };
static const char *const last[] = { "Rivera", "Nguyen", "Smith", "Okafor",
	"García", "Müller", "Johnson", "Brooks", "O'Neil", "Patel", "Kim",
	"Schmidt", "Lopez", "Walker", "Haddad", "Novak", "Dubois", "Silva" };
static const char *const streets[] = { "Alder St", "Maple Ave", "Oak Rd",
	"Harbor Rd", "Pine Ln", "Cedar Ct", "Elm St", "Birch Way", "Lake Dr",
	"Hillcrest Blvd", "Mill Rd", "River St" };
static const char *const cities[][2] = { { "Portland", "OR" },
	{ "Tacoma", "WA" }, { "Boise", "ID" }, { "Denver", "CO" },
	{ "Austin", "TX" }, { "Madison", "WI" }, { "Raleigh", "NC" },
	{ "Albany", "NY" } };
static const char *const trades[][2] = { { "plumbing", "Plumbing" },
	{ "electrical", "Electric" }, { "roofing", "Roofing" },
	{ "hvac", "Heating & Air" }, { "remodeling", "Remodeling" },
	{ "painting", "Painting" } };
static const char *const work[][3] = {
	/* description, unit, price in cents */
	{ "Service call and diagnosis", "visit", "8900" },
	{ "Labor", "hr", "9500" },
	{ "Replace water heater, 50 gal", "each", "145000" },
	{ "Copper pipe, 3/4 in", "ft", "650" },
	{ "Install GFCI outlet", "each", "18500" },
	{ "Panel upgrade to 200 A", "each", "320000" },
	{ "Asphalt shingles", "sq", "42000" },
	{ "Drywall repair", "sq ft", "425" },
	{ "Interior paint, two coats", "sq ft", "310" },
	{ "Furnace tune-up", "each", "14900" },
	{ "Disposal of old equipment", "each", "7500" },
	{ "Permit and inspection", "each", "22000" },
};
static const char *const titles[] = { "Leaking kitchen faucet",
	"Water heater replacement", "Bathroom remodel", "Roof leak repair",
	"Panel upgrade", "No heat in basement", "Outlet not working",
	"Repaint living room", "Sewer line camera inspection",
	"Gutter replacement" };

/*
 * Batches of rows, one per table, each in its own memory stream: the
 * INSERT head once per BATCH rows, the statement written out whole.
 */
struct batch {
	const char	*head;
	int		 n;
	char		*mem;
	size_t		 len;
	FILE		*f;
};

static FILE	*cur;		/* the stream of the row being written */

#define P(...)	fprintf(cur, __VA_ARGS__)

/* SQL string literal of s (our own lists: only the quote needs care). */
static void
lit(const char *s)
{
	fputc('\'', cur);
	for (; *s; s++) {
		if (*s == '\'' || *s == '\\')
			fputc('\\', cur);
		fputc(*s, cur);
	}
	fputc('\'', cur);
}

static void
end(struct batch *b)
{
	if (b->f == NULL)
		return;
	fclose(b->f);
	b->f = NULL;
	if (b->n > 0) {
		fwrite(b->mem, 1, b->len, stdout);
		puts(";");
	}
	free(b->mem);
	b->mem = NULL;
	b->n = 0;
}

static void
row(struct batch *b)
{
	if (b->n == BATCH)
		end(b);
	if (b->f == NULL && (b->f = open_memstream(&b->mem, &b->len)) == NULL)
		abort();
	cur = b->f;
	fputs(b->n++ == 0 ? b->head : ",\n", cur);
}

/* The tables written, in the order their batches are flushed. */
enum { CO, US, CU, PR, JO, VI, DC, LI, PA, EV, CN, T__MAX };

static const char *const heads[T__MAX] = {
	[CO] = "INSERT INTO companies (id, name, trade, street, city, region, "
	    "postal_code, phone, email, hours, timezone) VALUES\n",
	[US] = "INSERT INTO users (id, company_id, email, name, role, status, "
	    "password_hash, password_changed_at) VALUES\n",
	[CU] = "INSERT INTO customers (id, company_id, kind, name, email, phone, "
	    "notes, tags, created_at) VALUES\n",
	[PR] = "INSERT INTO properties (id, company_id, customer_id, label, "
	    "street, city, region, postal_code) VALUES\n",
	[JO] = "INSERT INTO jobs (id, company_id, number, customer_id, "
	    "property_id, title, description, status, created_at) VALUES\n",
	[VI] = "INSERT INTO visits (id, company_id, job_id, user_id, starts_at, "
	    "ends_at, status) VALUES\n",
	[DC] = "INSERT INTO documents (id, company_id, kind, number, job_id, "
	    "customer_id, customer_name, status, title, issued_on, due_on, "
	    "tax_rate_bp, terms, "
	    "notes, subtotal_cents, discount_cents, tax_cents, total_cents, "
	    "deposit_cents, paid_cents, created_at) VALUES\n",
	[LI] = "INSERT INTO document_lines (company_id, document_id, position, "
	    "description, qty_milli, unit, unit_price_cents, taxable, "
	    "amount_cents) VALUES\n",
	[PA] = "INSERT INTO payments (company_id, document_id, method, "
	    "amount_cents, received_on, reference) VALUES\n",
	[EV] = "INSERT INTO job_events (company_id, job_id, kind, body, user_id, "
	    "document_id, created_at) VALUES\n",
	[CN] = "INSERT INTO counters (company_id, kind, last_value) VALUES\n",
};

static void
flush_all(struct batch *b)
{
	int	 i;

	for (i = 0; i < T__MAX; i++)
		end(&b[i]);
	puts("COMMIT;");
}

static void
date(time_t t, char *out, size_t n)
{
	struct tm	 tm;

	gmtime_r(&t, &tm);
	strftime(out, n, "%Y-%m-%d", &tm);
}

static void
stamp(time_t t, char *out, size_t n)
{
	struct tm	 tm;

	gmtime_r(&t, &tm);
	strftime(out, n, "%Y-%m-%d %H:%M:%S", &tm);
}

struct sizes {
	int		 companies, customers, invoices;
	uint64_t	 seed;
	const char	*into;		/* owner e-mail of an existing company */
};

static void
emit(const struct sizes *z)
{
	struct batch	 b[T__MAX];
	struct money_line ml[6];
	struct totals	 t;
	/* Fixed, so the same data every run; a demo lives around today. */
	time_t		 now = z->into ? time(NULL) : 1764000000;
	int64_t		 c, k, i, l, nl, cust, job, doc, user, prop, inv, est;
	int64_t		 qty, price, paid;
	const char *const (*place)[2];
	const char	*jt;
	char		 d1[16], d2[16], ts[24], ts2[24], name[128];
	char		(*names)[128];	/* this company's customers */
	int		 city, tr;

	rng = z->seed;
	if ((names = calloc(z->customers > 0 ? (size_t)z->customers : 1,
	    sizeof(*names))) == NULL)
		abort();
	memset(b, 0, sizeof(b));
	for (i = 0; i < T__MAX; i++)
		b[i].head = heads[i];
	puts("SET unique_checks = 0, foreign_key_checks = 0, autocommit = 0;");
	puts("SET @co = (SELECT COALESCE(MAX(id), 0) FROM companies), "
	    "@us = (SELECT COALESCE(MAX(id), 0) FROM users), "
	    "@cu = (SELECT COALESCE(MAX(id), 0) FROM customers), "
	    "@pr = (SELECT COALESCE(MAX(id), 0) FROM properties), "
	    "@jo = (SELECT COALESCE(MAX(id), 0) FROM jobs), "
	    "@vi = (SELECT COALESCE(MAX(id), 0) FROM visits), "
	    "@dc = (SELECT COALESCE(MAX(id), 0) FROM documents);");
	if (z->into) {
		/* Fill one existing company: its owner, office and field users
		 * were inserted together (demo.sql), so their ids follow. */
		fputs("SET @us = (SELECT id FROM users WHERE email = ", stdout);
		cur = stdout;
		lit(z->into);
		puts(") - 1;");
		puts("SET @co = (SELECT company_id FROM users WHERE id = @us + 1) - 1;");
	}
	cust = job = doc = user = prop = 0;
	for (c = 1; c <= z->companies; c++) {
		city = (int)(next() % 8);
		tr = (int)(next() % 6);
		place = &cities[city];
		if (z->into)
			goto staff_done;
		row(&b[CO]);
		P("(@co+%lld, ", (long long)c);
		snprintf(name, sizeof(name), "%s %s", ONE(last), trades[tr][1]);
		lit(name);
		P(", '%s', '%lld %s', '%s', '%s', '%05lld', "
		    "'(555) 01%02lld-%04lld', 'office%lld@gen.example', "
		    "'Mon–Fri 8:00–17:00', 'America/Los_Angeles')",
		    trades[tr][0], (long long)pick(10, 9999), ONE(streets),
		    (*place)[0], (*place)[1], (long long)pick(10000, 99999),
		    (long long)(c % 100), (long long)pick(0, 9999), (long long)c);
		for (k = 0; k < 3; k++) {
			row(&b[US]);
			P("(@us+%lld, @co+%lld, 'gen%lld-%s@gen.example', ",
			    (long long)(user + k + 1), (long long)c,
			    (long long)c, k == 0 ? "owner" : k == 1 ? "office" :
			    "field");
			lit(ONE(first));
			P(", '%s', 'active', '%s', NOW())",
			    k == 0 ? "owner" : k == 1 ? "office" : "field",
			    DEMO_HASH);
		}
staff_done:
		for (k = 0; k < z->customers; k++) {
			cust++;
			prop++;
			stamp(now - pick(86400, 86400 * 700), ts, sizeof(ts));
			row(&b[CU]);
			P("(@cu+%lld, @co+%lld, '%s', ", (long long)cust,
			    (long long)c, next() % 5 ? "person" : "business");
			snprintf(name, sizeof(name), "%s %s", ONE(first),
			    ONE(last));
			memcpy(names[k], name, sizeof(name));
			lit(name);
			P(", 'customer%lld@mail.example', '(555) 02%02lld-%04lld', "
			    "'', '%s', '%s')", (long long)cust,
			    (long long)(k % 100), (long long)pick(0, 9999),
			    next() % 4 ? "" : "vip", ts);
			row(&b[PR]);
			P("(@pr+%lld, @co+%lld, @cu+%lld, 'Home', '%lld %s', "
			    "'%s', '%s', '%05lld')", (long long)prop, (long long)c,
			    (long long)cust, (long long)pick(10, 9999),
			    ONE(streets), (*place)[0], (*place)[1],
			    (long long)pick(10000, 99999));
		}
		inv = est = 0;
		for (k = 1; k <= z->invoices; k++) {
			/* A demo's newest fifth: approved estimates, visits ahead. */
			bool	 early = z->into && k > z->invoices * 4 / 5;
			int64_t	 ccust = cust - z->customers + 1 +
			    (int64_t)(next() % (uint64_t)(z->customers > 0 ?
			    z->customers : 1));
			time_t	 when = early ? now - pick(3600, 86400 * 5) :
			    now - pick(86400 * 2, 86400 * 365);
			bool	 paid_all, issued;
			int64_t	 number = early ? ++est : ++inv;

			if (z->customers == 0)
				break;
			job++;
			doc++;
			stamp(when, ts, sizeof(ts));
			/* Past work two days after the call; upcoming visits on
			 * one of the next six days, from 8:00 to 14:00 UTC. */
			stamp(early ? now - now % 86400 + 86400 * pick(1, 6) +
			    3600 * pick(15, 21) : when + 86400 * 2, ts2,
			    sizeof(ts2));
			date(when, d1, sizeof(d1));
			date(when + 86400 * 30, d2, sizeof(d2));
			memset(&t, 0, sizeof(t));
			t.tax_rate_bp = 825;
			nl = pick(2, 6);
			for (l = 0; l < nl; l++) {
				i = (int64_t)(next() % 12);
				qty = pick(1, 8) * 1000 / (next() % 3 ? 1 : 2);
				price = strtoll(work[i][2], NULL, 10);
				money_line(qty, price, &ml[l].amount_cents);
				ml[l].taxable = i != 1 && i != 11;
				row(&b[LI]);
				P("(@co+%lld, @dc+%lld, %lld, '%s', %lld, '%s', "
				    "%lld, %d, %lld)", (long long)c, (long long)doc,
				    (long long)l, work[i][0], (long long)qty,
				    work[i][1], (long long)price, ml[l].taxable,
				    (long long)ml[l].amount_cents);
			}
			money_totals(&t, ml, (size_t)nl);
			issued = !early && next() % 10 != 0;
			paid_all = issued && next() % 10 < 6;
			paid = paid_all ? t.total_cents : issued && next() % 4 == 0 ?
			    t.total_cents / 2 : 0;
			/* The document's title is its job's, as the app's form
			 * suggests it. */
			jt = ONE(titles);
			row(&b[JO]);
			P("(@jo+%lld, @co+%lld, %lld, @cu+%lld, @pr+%lld, '%s', "
			    "'', '%s', '%s')", (long long)job, (long long)c,
			    (long long)k, (long long)ccust, (long long)ccust,
			    jt, early ? "scheduled" : !issued ? "completed" :
			    paid_all ? "paid" : "invoiced", ts);
			row(&b[VI]);
			P("(@vi+%lld, @co+%lld, @jo+%lld, @us+%lld, '%s', "
			    "DATE_ADD('%s', INTERVAL 2 HOUR), '%s')",
			    (long long)job, (long long)c, (long long)job,
			    (long long)(user + 3), ts2, ts2,
			    early ? "scheduled" : "done");
			row(&b[DC]);
			P("(@dc+%lld, @co+%lld, '%s', %lld, @jo+%lld, "
			    "@cu+%lld, ", (long long)doc, (long long)c,
			    early ? "estimate" : "invoice", (long long)number,
			    (long long)job, (long long)ccust);
			lit(names[ccust - (cust - z->customers + 1)]);
			P(", '%s', '%s', '%s', '%s', 825, '%s', "
			    "'', %lld, %lld, %lld, %lld, 0, %lld, '%s')",
			    early ? "approved" :
			    !issued ? "draft" :
			    paid_all ? "paid" : paid ? "partial" : "sent", jt, d1, d2,
			    early ? "Valid for 30 days." : "Due in 30 days.",
			    (long long)t.subtotal_cents,
			    (long long)t.discount_cents, (long long)t.tax_cents,
			    (long long)t.total_cents, (long long)paid, ts);
			if (paid > 0) {
				row(&b[PA]);
				P("(@co+%lld, @dc+%lld, '%s', %lld, '%s', "
				    "'GEN-%lld')", (long long)c, (long long)doc,
				    next() % 2 ? "card" : "check", (long long)paid,
				    d2, (long long)doc);
			}
			row(&b[EV]);
			P("(@co+%lld, @jo+%lld, 'status', 'Job created', "
			    "@us+%lld, NULL, '%s')", (long long)c, (long long)job,
			    (long long)(user + 2), ts);
			if (issued || early) {
				row(&b[EV]);
				P("(@co+%lld, @jo+%lld, '%s', '%s #%lld %s', "
				    "@us+%lld, @dc+%lld, '%s')", (long long)c,
				    (long long)job, early ? "approval" : "invoice",
				    early ? "Estimate" : "Invoice", (long long)number,
				    early ? "approved" : "issued",
				    (long long)(user + 2), (long long)doc, ts);
			}
		}
		row(&b[CN]);
		P("(@co+%lld, 'job', %d), (@co+%lld, 'invoice', %lld), "
		    "(@co+%lld, 'estimate', %lld)", (long long)c, z->invoices,
		    (long long)c, (long long)inv, (long long)c, (long long)est);
		user += 3;
		if (c % 50 == 0) {
			/* Keep each transaction a sensible size. */
			flush_all(b);
		}
	}
	flush_all(b);
	free(names);
	puts("SET unique_checks = 1, foreign_key_checks = 1;");
}

static int
num(const char *s, int lo, int hi, int *out)
{
	char	*e;
	long	 v = strtol(s, &e, 10);

	if (*s == '\0' || *e != '\0' || v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

int
gen_main(int argc, char *argv[])
{
	struct sizes	 z = { 1, 50, 200, 1, NULL };
	int		 i, seed;

	for (i = 1; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--companies") == 0 &&
		    num(argv[i + 1], 1, 100000, &z.companies) == 0)
			continue;
		if (strcmp(argv[i], "--customers") == 0 &&
		    num(argv[i + 1], 0, 100000, &z.customers) == 0)
			continue;
		if (strcmp(argv[i], "--invoices") == 0 &&
		    num(argv[i + 1], 0, 100000, &z.invoices) == 0)
			continue;
		if (strcmp(argv[i], "--into") == 0 && strchr(argv[i + 1], '@') &&
		    strpbrk(argv[i + 1], "'\\") == NULL) {
			z.into = argv[i + 1];
			z.companies = 1;
			continue;
		}
		if (strcmp(argv[i], "--seed") == 0 &&
		    num(argv[i + 1], 0, 1 << 30, &seed) == 0) {
			z.seed = (uint64_t)seed;
			continue;
		}
		fprintf(stderr, "usage: plumbline gen [--companies N] "
		    "[--customers N] [--invoices N] [--seed N] "
		    "[--into OWNER-EMAIL]\n");
		return 2;
	}
	if (i != argc) {
		fprintf(stderr, "plumbline gen: %s needs a value\n", argv[i]);
		return 2;
	}
	emit(&z);
	return fflush(stdout) == 0 ? 0 : 1;
}
