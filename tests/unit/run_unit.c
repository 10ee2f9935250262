/*
 * The unit test runner: every suite, each test forked (check's default),
 * failures listed first and check's summary line last, so that CI reads
 * "100%: Checks: N, Failures: 0, Errors: 0" as the closing line.
 */
#include <stdio.h>
#include <stdlib.h>

#include "unit.h"

int
main(void)
{
	SRunner		 *sr;
	TestResult	**tr;
	int		  i, nfail;

	sr = srunner_create(arena_suite());
	srunner_add_suite(sr, buf_suite());
	srunner_add_suite(sr, compare_suite());
	srunner_add_suite(sr, csv_suite());
	srunner_add_suite(sr, form_suite());
	srunner_add_suite(sr, jobs_suite());
	srunner_add_suite(sr, money_suite());
	srunner_add_suite(sr, route_suite());
	srunner_add_suite(sr, tz_suite());
	srunner_add_suite(sr, valid_suite());
	srunner_run_all(sr, CK_SILENT);
	nfail = srunner_ntests_failed(sr);
	if ((tr = srunner_failures(sr)) != NULL) {
		for (i = 0; i < nfail; i++)
			printf("%s:%d:%s:%s: %s\n", tr_lfile(tr[i]),
			    tr_lno(tr[i]), tr_rtype(tr[i]) == CK_ERROR ?
			    "E" : "F", tr_tcname(tr[i]), tr_msg(tr[i]));
		free(tr);
	}
	fflush(stdout);
	srunner_print(sr, CK_MINIMAL);
	srunner_free(sr);
	return nfail == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
