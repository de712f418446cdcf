/*
 * health.c: GET /healthz, for load balancers and operators. JSON with the database and cache
 * status and the schema version; 200 when the database is up, 503 when it is not (a down
 * cache only slows things down, so it is reported but does not fail the check).
 */
#include "web/web.h"

#include "core/arena.h"
#include "core/json_out.h"
#include "market/system/system.h"

int web_healthz(struct wm_ctx *ctx, struct http_request *req, struct http_response *res)
{
    (void)req;
    struct system_health h;
    system_health(ctx, &h);
    http_set_json(res, h.db_up ? 200 : 503);
    http_set_header(res, "Cache-Control", "no-store");
    if (!h.db_up) http_set_header(res, "Retry-After", "5");

    struct json_out j;
    json_out_init(&j, &res->body);
    json_obj_begin(&j);
    json_key(&j, "status");
    json_str(&j, h.db_up ? "ok" : "unavailable");
    json_key(&j, "database");
    json_obj_begin(&j);
    json_key(&j, "status");
    json_str(&j, h.db_up ? "up" : "down");
    json_key(&j, "ms");
    json_double(&j, (double)(int64_t)(h.db_ms * 1000) / 1000);
    json_obj_end(&j);
    json_key(&j, "cache");
    json_obj_begin(&j);
    json_key(&j, "status");
    json_str(&j, !h.cache_enabled ? "disabled" : h.cache_up ? "up" : "down");
    json_key(&j, "ms");
    json_double(&j, (double)(int64_t)(h.cache_ms * 1000) / 1000);
    json_obj_end(&j);
    json_key(&j, "schema_version");
    json_str(&j, h.schema_version);
    json_obj_end(&j);
    return 0;
}
