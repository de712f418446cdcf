/*
 * run.c: the integration-test runner. `run-integration` runs every tNNNN suite in order;
 * `run-integration t0100/health ...` runs the named ones. Needs a running stack (see
 * tests/run-tests).
 */
#include <curl/curl.h>

#include "cunit_run.h"
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

int main(int argc, char **argv)
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
    int rc = cunit_run(all_suites, argc, argv, "integration");
    curl_global_cleanup();
    return rc;
}
