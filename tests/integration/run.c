/*
 * run.c: the integration-test runner. `run-integration` runs every tNNNN suite in order;
 * `run-integration t0100/health ...` runs the named ones. Needs a running stack (see
 * tests/run-tests). Exits non-zero when a test fails.
 */
#include <stdio.h>
#include <string.h>

#include <CUnit/Basic.h>
#include <curl/curl.h>

#include "lib/it.h"

#define SUITE(sym) extern const CU_SuiteInfo suite_##sym;
#include "integration_suites.h"
#undef SUITE

static const CU_SuiteInfo *const all_suites[] = {
#define SUITE(sym) &suite_##sym,
#include "integration_suites.h"
#undef SUITE
    NULL
};

static int wanted(const char *name, int argc, char **argv)
{
    if (argc < 2) return 1;
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], name) == 0) return 1;
    return 0;
}

int main(int argc, char **argv)
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
    if (CU_initialize_registry() != CUE_SUCCESS) return 2;
    for (size_t i = 0; all_suites[i]; i++) {
        const CU_SuiteInfo *si = all_suites[i];
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
    curl_global_cleanup();
    printf("integration: %u passed, %u failed\n", ran >= failed ? ran - failed : 0, failed);
    return failed ? 1 : 0;
}
