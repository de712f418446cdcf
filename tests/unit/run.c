/*
 * run.c: the unit-test runner. `run-unit` runs every suite; `run-unit core/arena ...` runs
 * the named ones. The suite list is generated from the file names (see the GNUmakefile).
 */
#include "cunit_run.h"
#include "test.h"

#define SUITE(sym) extern const CU_SuiteInfo suite_##sym;
#include "unit_suites.h"
#undef SUITE

static const CU_SuiteInfo *const all_suites[] = {
#define SUITE(sym) &suite_##sym,
#include "unit_suites.h"
#undef SUITE
    NULL
};

int main(int argc, char **argv)
{
    return cunit_run(all_suites, argc, argv, "unit");
}
