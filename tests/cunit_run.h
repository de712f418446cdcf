/*
 * cunit_run.h: the one CUnit main loop shared by run-unit and run-integration: register the
 * suites (all, or those named on the command line), run them verbosely, and print the
 * closing line "<label>: N passed, N failed" that tests/run-tests adds up.
 */
#ifndef WM_TEST_CUNIT_RUN_H
#define WM_TEST_CUNIT_RUN_H

#include <CUnit/CUnit.h>

/* Run the NULL-terminated suites; argv[1..] names suites to run (none: all). Returns the
 * process exit status: 0 when every test passed, 1 otherwise, 2 when CUnit failed. */
int cunit_run(const CU_SuiteInfo *const *suites, int argc, char **argv, const char *label);

#endif
