/*
 * cunit_run.c: the shared CUnit main loop (cunit_run.h). CU_basic_run_tests() reports
 * success even when tests fail, so the exit status comes from the failure counts.
 */
#include "cunit_run.h"

#include <stdio.h>
#include <string.h>

#include <CUnit/Basic.h>

static int wanted(const char *name, int argc, char **argv)
{
    if (argc < 2) return 1;
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], name) == 0) return 1;
    return 0;
}

int cunit_run(const CU_SuiteInfo *const *suites, int argc, char **argv, const char *label)
{
    if (CU_initialize_registry() != CUE_SUCCESS) return 2;
    int named = 0;
    for (int a = 1; a < argc; a++)
        for (size_t i = 0; suites[i]; i++)
            if (strcmp(suites[i]->pName, argv[a]) == 0) named++;
    if (named < argc - 1) {
        /* A misspelt name would otherwise run nothing and pass. */
        fprintf(stderr, "%s: a suite named on the command line does not exist\n", label);
        printf("%s: 0 passed, 1 failed\n", label);
        CU_cleanup_registry();
        return 1;
    }
    for (size_t i = 0; suites[i]; i++) {
        const CU_SuiteInfo *si = suites[i];
        if (!wanted(si->pName, argc, argv)) continue;
        CU_pSuite s = CU_add_suite(si->pName, si->pInitFunc, si->pCleanupFunc);
        for (CU_TestInfo *t = si->pTests; t && t->pName; t++)
            CU_add_test(s, t->pName, t->pTestFunc);
    }
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_tests_failed() + CU_get_number_of_suites_failed();
    unsigned ran = CU_get_number_of_tests_run();
    CU_cleanup_registry();
    printf("%s: %u passed, %u failed\n", label, ran >= failed ? ran - failed : 0, failed);
    return failed ? 1 : 0;
}
