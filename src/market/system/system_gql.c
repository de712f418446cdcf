/*
 * system_gql.c: GraphQL adapter of the system domain (system_gql.h): Query.health over
 * system_health(), with the same words as GET /healthz.
 */
#include "market/system/system_gql.h"

#include <stddef.h>

#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"
#include "market/system/system.h"

int system_gql_health(struct gql_call *call, struct gql_value *out)
{
    struct system_health *h = ARENA_NEW(call->ctx->arena, struct system_health);
    system_health(call->ctx, h);
    *out = gql_ptr(h, NULL);
    return WM_OK;
}

static const struct system_health *health_of(const struct gql_call *call)
{
    return call->source->u.ptr;
}

static int health_status(struct gql_call *call, struct gql_value *out)
{
    *out = gql_string_n(str_from(health_of(call)->db_up ? "ok" : "unavailable"));
    return WM_OK;
}

static int health_database(struct gql_call *call, struct gql_value *out)
{
    *out = gql_string_n(str_from(health_of(call)->db_up ? "up" : "down"));
    return WM_OK;
}

static int health_cache(struct gql_call *call, struct gql_value *out)
{
    const struct system_health *h = health_of(call);
    *out = gql_string_n(str_from(!h->cache_enabled ? "disabled" : h->cache_up ? "up" : "down"));
    return WM_OK;
}

/* clang-format off */
const struct gql_field_map system_gql_health_fields[] = {
    GQL_MAP_FN("status",        health_status),
    GQL_MAP_FN("database",      health_database),
    GQL_MAP_FN("cache",         health_cache),
    GQL_MAP_STR("schemaVersion", struct system_health, schema_version),
    GQL_MAP_END,
};
/* clang-format on */
