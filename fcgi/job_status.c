/*
 * The job pipeline: names and labels of the statuses and the one table of
 * legal transitions, with who may make each.  Staff move a job along by
 * buttons (JOB_BY_STAFF); Invoiced and Paid follow from facts alone —
 * an invoice issued, the invoices paid — as do the moves an estimate
 * approval or a first visit bring (JOB_BY_FACT, through
 * job_status_by_fact in jobs.c).  Anything not in the table is refused.
 *
 * Pure: the unit tests link this file alone.
 */
#include <string.h>

#include "app.h"

static const struct {
	const char	*name;
	const char	*label;
} statuses[JOB__MAX] = {
	[JOB_REQUESTED] =	{ "requested",	 "Requested" },
	[JOB_ESTIMATING] =	{ "estimating",	 "Estimating" },
	[JOB_APPROVED] =	{ "approved",	 "Approved" },
	[JOB_SCHEDULED] =	{ "scheduled",	 "Scheduled" },
	[JOB_IN_PROGRESS] =	{ "in_progress", "In progress" },
	[JOB_COMPLETED] =	{ "completed",	 "Completed" },
	[JOB_INVOICED] =	{ "invoiced",	 "Invoiced" },
	[JOB_PAID] =		{ "paid",	 "Paid" },
	[JOB_CANCELLED] =	{ "cancelled",	 "Cancelled" },
};

#define STAFF	JOB_BY_STAFF
#define FACT	JOB_BY_FACT

static const struct transition {
	enum job_status	 from;
	enum job_status	 to;
	unsigned	 who;
} transitions[] = {
	/* The pipeline, one step at a time. */
	{ JOB_REQUESTED,	JOB_ESTIMATING,	STAFF | FACT },
	{ JOB_ESTIMATING,	JOB_APPROVED,	STAFF | FACT },
	{ JOB_APPROVED,		JOB_SCHEDULED,	STAFF | FACT },	/* a visit */
	{ JOB_SCHEDULED,	JOB_IN_PROGRESS, STAFF },
	{ JOB_IN_PROGRESS,	JOB_COMPLETED,	STAFF },
	{ JOB_COMPLETED,	JOB_INVOICED,	FACT },		/* invoiced */
	{ JOB_INVOICED,		JOB_PAID,	FACT },		/* all paid */
	/* Facts that skip a step: an estimate approved before anyone
	 * moved the job to Estimating, an invoice paid in full at once. */
	{ JOB_REQUESTED,	JOB_APPROVED,	FACT },
	{ JOB_COMPLETED,	JOB_PAID,	FACT },
	/* Facts undone: a refund reopens the balance, a voided invoice. */
	{ JOB_PAID,		JOB_INVOICED,	FACT },
	{ JOB_INVOICED,		JOB_COMPLETED,	FACT },
	/* Any open job can be cancelled; a cancelled one reopened. */
	{ JOB_REQUESTED,	JOB_CANCELLED,	STAFF },
	{ JOB_ESTIMATING,	JOB_CANCELLED,	STAFF },
	{ JOB_APPROVED,		JOB_CANCELLED,	STAFF },
	{ JOB_SCHEDULED,	JOB_CANCELLED,	STAFF },
	{ JOB_IN_PROGRESS,	JOB_CANCELLED,	STAFF },
	{ JOB_COMPLETED,	JOB_CANCELLED,	STAFF },
	{ JOB_INVOICED,		JOB_CANCELLED,	STAFF },
	{ JOB_CANCELLED,	JOB_REQUESTED,	STAFF },	/* reopen */
};

#define NTRANSITIONS	(sizeof(transitions) / sizeof(transitions[0]))

/* "in_progress"; "" for an out-of-range value. */
const char *
job_status_name(enum job_status s)
{
	return s < JOB__MAX ? statuses[s].name : "";
}

/* "In progress"; "" for an out-of-range value. */
const char *
job_status_label(enum job_status s)
{
	return s < JOB__MAX ? statuses[s].label : "";
}

/* The status named s, or JOB__MAX when there is none. */
enum job_status
job_status_parse(const char *s)
{
	int	 i;

	for (i = 0; s != NULL && i < JOB__MAX; i++)
		if (strcmp(s, statuses[i].name) == 0)
			return (enum job_status)i;
	return JOB__MAX;
}

/* Open: still work or money ahead (neither Paid nor Cancelled). */
bool
job_status_open(enum job_status s)
{
	return s < JOB__MAX && s != JOB_PAID && s != JOB_CANCELLED;
}

/* May `who` (JOB_BY_STAFF or JOB_BY_FACT) move a job from `from` to `to`? */
bool
job_status_allowed(enum job_status from, enum job_status to, unsigned who)
{
	size_t	 i;

	for (i = 0; i < NTRANSITIONS; i++)
		if (transitions[i].from == from && transitions[i].to == to)
			return (transitions[i].who & who) != 0;
	return false;
}

/*
 * The statuses `who` may move a job in `from` to, in table order, into
 * out (room for JOB__MAX); returns how many.
 */
size_t
job_status_next(enum job_status from, unsigned who, enum job_status *out)
{
	size_t	 i, n = 0;

	for (i = 0; i < NTRANSITIONS && n < JOB__MAX; i++)
		if (transitions[i].from == from && (transitions[i].who & who))
			out[n++] = transitions[i].to;
	return n;
}

/*
 * Whether staff could ever type `to` (some row lets them reach it); false
 * for the statuses only facts set (Invoiced, Paid).
 */
bool
job_status_typeable(enum job_status to)
{
	size_t	 i;

	for (i = 0; i < NTRANSITIONS; i++)
		if (transitions[i].to == to && (transitions[i].who & STAFF))
			return true;
	return false;
}
