/*
 * system.c: health of the service's dependencies (system.h). The database is required;
 * the cache is optional (a down memcached only makes things slower), so only the database
 * decides the verdict.
 */
#include "market/system/system.h"

#include <string.h>
#include <time.h>

#include "cache/cache.h"
#include "core/clock.h"
#include "core/ctx.h"
#include "core/err.h"
#include "db/db.h"

int system_health(struct wm_ctx *ctx, struct system_health *out)
{
    memset(out, 0, sizeof(*out));
    double t0 = clock_s() * 1e3;
    out->db_up = db_ping(ctx) == WM_OK;
    if (out->db_up && db_schema_version(ctx, &out->schema_version) != WM_OK)
        out->schema_version = NULL;
    double t1 = clock_s() * 1e3;
    out->db_ms = t1 - t0;
    int crc = ctx->cache ? cache_status(ctx->cache) : WM_EUNAVAIL;
    out->cache_enabled = ctx->cache && cache_enabled(ctx->cache);
    out->cache_up = out->cache_enabled && crc == WM_OK;
    out->cache_ms = clock_s() * 1e3 - t1;
    wm_clear_error(ctx);
    return out->db_up ? WM_OK : WM_EUNAVAIL;
}
