/*
 * Shared by the unit tests: one suite constructor per tested file, and a
 * few helpers.  run_unit.c lists the suites.
 */
#ifndef PLUMBLINE_UNIT_H
#define PLUMBLINE_UNIT_H

#include <check.h>

#include "app.h"

#define NELEM(x)	(sizeof(x) / sizeof((x)[0]))

Suite		*arena_suite(void);
Suite		*buf_suite(void);
Suite		*compare_suite(void);
Suite		*csv_suite(void);
Suite		*form_suite(void);
Suite		*jobs_suite(void);
Suite		*money_suite(void);
Suite		*route_suite(void);
Suite		*tz_suite(void);
Suite		*valid_suite(void);

const char	*dump_params(struct arena *, const struct params *);
char		*exact_copy(const char *, size_t);

#endif
