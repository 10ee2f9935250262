/*
 * job_status.c: the pipeline's one transition table.  Staff move a job
 * one step along (and cancel or reopen it); Invoiced and Paid are never
 * theirs to choose; facts make the moves the issue names; everything
 * else is refused.
 */
#include <string.h>

#include "unit.h"

#define S	JOB_BY_STAFF
#define F	JOB_BY_FACT

static const struct {
	enum job_status	 from, to;
	unsigned	 who;
	bool		 ok;
} cases[] = {
	/* The pipeline by staff. */
	{ JOB_REQUESTED, JOB_ESTIMATING, S, true },
	{ JOB_ESTIMATING, JOB_APPROVED, S, true },
	{ JOB_APPROVED, JOB_SCHEDULED, S, true },
	{ JOB_SCHEDULED, JOB_IN_PROGRESS, S, true },
	{ JOB_IN_PROGRESS, JOB_COMPLETED, S, true },
	/* Cancel any open job; reopen a cancelled one. */
	{ JOB_REQUESTED, JOB_CANCELLED, S, true },
	{ JOB_IN_PROGRESS, JOB_CANCELLED, S, true },
	{ JOB_INVOICED, JOB_CANCELLED, S, true },
	{ JOB_CANCELLED, JOB_REQUESTED, S, true },
	{ JOB_PAID, JOB_CANCELLED, S, false },
	{ JOB_CANCELLED, JOB_CANCELLED, S, false },
	{ JOB_CANCELLED, JOB_SCHEDULED, S, false },
	/* Facts, not staff: invoiced, paid. */
	{ JOB_COMPLETED, JOB_INVOICED, S, false },
	{ JOB_INVOICED, JOB_PAID, S, false },
	{ JOB_COMPLETED, JOB_INVOICED, F, true },
	{ JOB_INVOICED, JOB_PAID, F, true },
	{ JOB_COMPLETED, JOB_PAID, F, true },
	{ JOB_PAID, JOB_INVOICED, F, true },
	{ JOB_INVOICED, JOB_COMPLETED, F, true },
	{ JOB_ESTIMATING, JOB_APPROVED, F, true },
	{ JOB_REQUESTED, JOB_APPROVED, F, true },
	{ JOB_APPROVED, JOB_SCHEDULED, F, true },
	/* Facts never cancel, reopen or do the work. */
	{ JOB_REQUESTED, JOB_CANCELLED, F, false },
	{ JOB_CANCELLED, JOB_REQUESTED, F, false },
	{ JOB_SCHEDULED, JOB_IN_PROGRESS, F, false },
	{ JOB_IN_PROGRESS, JOB_COMPLETED, F, false },
	{ JOB_IN_PROGRESS, JOB_INVOICED, F, false },
	{ JOB_CANCELLED, JOB_APPROVED, F, false },
	/* No skipping, no going back by hand. */
	{ JOB_REQUESTED, JOB_COMPLETED, S, false },
	{ JOB_REQUESTED, JOB_APPROVED, S, false },
	{ JOB_SCHEDULED, JOB_APPROVED, S, false },
	{ JOB_COMPLETED, JOB_REQUESTED, S, false },
	{ JOB_PAID, JOB_REQUESTED, S, false },
	{ JOB_REQUESTED, JOB_REQUESTED, S | F, false },
	{ JOB__MAX, JOB_REQUESTED, S | F, false },
	{ JOB_REQUESTED, JOB__MAX, S | F, false },
};

START_TEST(transition_table)
{
	ck_assert_msg(job_status_allowed(cases[_i].from, cases[_i].to,
	    cases[_i].who) == cases[_i].ok, "case %d: %s → %s by %u", _i,
	    job_status_name(cases[_i].from), job_status_name(cases[_i].to),
	    cases[_i].who);
}
END_TEST

START_TEST(invoiced_and_paid_are_not_typeable)
{
	int	 s;

	for (s = 0; s < JOB__MAX; s++) {
		ck_assert(!job_status_allowed((enum job_status)s, JOB_INVOICED, S));
		ck_assert(!job_status_allowed((enum job_status)s, JOB_PAID, S));
	}
	ck_assert(!job_status_typeable(JOB_INVOICED));
	ck_assert(!job_status_typeable(JOB_PAID));
	for (s = 0; s < JOB__MAX; s++)
		if (s != JOB_INVOICED && s != JOB_PAID)
			ck_assert_msg(job_status_typeable((enum job_status)s),
			    "%s", job_status_name((enum job_status)s));
}
END_TEST

START_TEST(open_jobs_cancel)
{
	int	 s;

	for (s = 0; s < JOB__MAX; s++) {
		ck_assert_int_eq(job_status_allowed((enum job_status)s,
		    JOB_CANCELLED, S), job_status_open((enum job_status)s));
		ck_assert(!job_status_allowed((enum job_status)s,
		    (enum job_status)s, S | F));
	}
	ck_assert(!job_status_open(JOB_PAID));
	ck_assert(!job_status_open(JOB_CANCELLED));
	ck_assert(job_status_open(JOB_INVOICED));
}
END_TEST

START_TEST(next_buttons)
{
	enum job_status	 next[JOB__MAX];
	size_t		 n;

	n = job_status_next(JOB_REQUESTED, S, next);
	ck_assert_int_eq(n, 2);
	ck_assert(next[0] == JOB_ESTIMATING && next[1] == JOB_CANCELLED);
	n = job_status_next(JOB_COMPLETED, S, next);
	ck_assert_int_eq(n, 1);
	ck_assert(next[0] == JOB_CANCELLED);
	n = job_status_next(JOB_PAID, S, next);
	ck_assert_int_eq(n, 0);
	n = job_status_next(JOB_CANCELLED, S, next);
	ck_assert(n == 1 && next[0] == JOB_REQUESTED);
	n = job_status_next(JOB_COMPLETED, F, next);
	ck_assert_int_eq(n, 2);		/* invoiced, or paid outright */
}
END_TEST

/* From Requested, every status can be reached by someone. */
START_TEST(all_reachable)
{
	bool		 seen[JOB__MAX] = { false };
	enum job_status	 next[JOB__MAX];
	size_t		 n, k;
	int		 s, changed = 1;

	seen[JOB_REQUESTED] = true;
	while (changed) {
		changed = 0;
		for (s = 0; s < JOB__MAX; s++) {
			if (!seen[s])
				continue;
			n = job_status_next((enum job_status)s, S | F, next);
			for (k = 0; k < n; k++)
				if (!seen[next[k]])
					seen[next[k]] = true, changed = 1;
		}
	}
	for (s = 0; s < JOB__MAX; s++)
		ck_assert_msg(seen[s], "%s", job_status_name((enum job_status)s));
}
END_TEST

START_TEST(names)
{
	int	 s;

	for (s = 0; s < JOB__MAX; s++) {
		ck_assert(*job_status_name((enum job_status)s) != '\0');
		ck_assert(*job_status_label((enum job_status)s) != '\0');
		ck_assert_int_eq(job_status_parse(job_status_name(
		    (enum job_status)s)), s);
	}
	ck_assert_str_eq(job_status_name(JOB_IN_PROGRESS), "in_progress");
	ck_assert_str_eq(job_status_label(JOB_IN_PROGRESS), "In progress");
	ck_assert_int_eq(job_status_parse("In progress"), JOB__MAX);
	ck_assert_int_eq(job_status_parse("open"), JOB__MAX);
	ck_assert_int_eq(job_status_parse(""), JOB__MAX);
	ck_assert_int_eq(job_status_parse(NULL), JOB__MAX);
	ck_assert_str_eq(job_status_name(JOB__MAX), "");
}
END_TEST

Suite *
jobs_suite(void)
{
	Suite	*s = suite_create("jobs");
	TCase	*tc;

	tc = tcase_create("jobs");
	tcase_add_loop_test(tc, transition_table, 0, (int)NELEM(cases));
	tcase_add_test(tc, invoiced_and_paid_are_not_typeable);
	tcase_add_test(tc, open_jobs_cancel);
	tcase_add_test(tc, next_buttons);
	tcase_add_test(tc, all_reachable);
	tcase_add_test(tc, names);
	suite_add_tcase(s, tc);
	return s;
}
