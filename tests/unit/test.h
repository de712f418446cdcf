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

#endif
