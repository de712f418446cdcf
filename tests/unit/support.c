/*
 * support.c: helpers shared by the unit suites (test.h).
 */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/config.h"

extern char **environ;

int test_stack_config(struct config *cfg, const char *suite)
{
    const char *path = getenv("MARKET_CONFIG");
    if (!path || !*path) {
        fprintf(stderr,
                "%s: MARKET_CONFIG is not set; it must name the config file of a "
                "running stack (make start, or tests/run-tests)\n",
                suite);
        return -1;
    }
    char err[512];
    if (cfg_load(cfg, path, true, environ, err, sizeof err) != 0 ||
        cfg_set(cfg, "db.name", "market_test", err, sizeof err) != 0) {
        fprintf(stderr, "%s: %s\n", suite, err);
        return -1;
    }
    return 0;
}
