/*
 * test.h: what every CUnit unit test includes. A file tests/unit/<dir>/test_<name>.c defines
 * `const CU_SuiteInfo suite_<dir>_<name>` (see SUITE_INFO); the makefile lists the suites.
 */
#ifndef WM_TEST_H
#define WM_TEST_H

#include <CUnit/CUnit.h>

/* Define the suite of this file: SUITE_INFO(core_arena, "core/arena", init, clean, tests). */
#define SUITE_INFO(sym, name, init, clean, tests) \
    const CU_SuiteInfo suite_##sym = { (name), (init), (clean), NULL, NULL, (tests) }

struct config;

/*
 * Load the config of the running test stack (MARKET_CONFIG, as tests/run-tests exports it)
 * into cfg, pointed at the test database market_test. On failure print why, naming suite,
 * and return -1 (a suite init returning non-zero fails the suite: never a silent skip).
 */
int test_stack_config(struct config *cfg, const char *suite);

#endif
