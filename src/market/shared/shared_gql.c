/*
 * shared_gql.c: argument readers and mutation payloads of the domain adapters (shared_gql.h).
 */
#include "market/shared/shared_gql.h"

#include <math.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "db/db.h"
#include "market/accounts/accounts.h"

int shared_gql_arg_text(const struct gql_call *call, const char *name, const char *absent_value,
                        const char **out)
{
    const struct gql_value *v = gql_arg(call, name);
    *out = absent_value;
    if (!v || (v->kind != GQL_V_STRING && v->kind != GQL_V_ENUM)) return WM_OK;
    if (memchr(v->u.s.ptr, '\0', v->u.s.len))
        return wm_errorf(call->ctx, WM_EINVAL, "argument '%s' contains a NUL character", name);
    *out = str_dup(call->ctx->arena, v->u.s);
    return WM_OK;
}

void shared_gql_arg_bool(const struct gql_call *call, const char *name, bool *has, bool *out)
{
    const struct gql_value *v = gql_arg(call, name);
    *has = v && v->kind == GQL_V_BOOL;
    *out = *has && v->u.b;
}

void shared_gql_arg_float(const struct gql_call *call, const char *name, bool *has, double *out)
{
    const struct gql_value *v = gql_arg(call, name);
    *has = v && (v->kind == GQL_V_FLOAT || v->kind == GQL_V_INT);
    *out = !*has ? 0 : v->kind == GQL_V_FLOAT ? v->u.f : (double)v->u.i;
}

void shared_gql_arg_int(const struct gql_call *call, const char *name, bool *has, int64_t *out)
{
    const struct gql_value *v = gql_arg(call, name);
    *has = v && v->kind == GQL_V_INT;
    *out = *has ? v->u.i : 0;
}

int shared_gql_arg_money(struct gql_call *call, const struct gql_value *obj, const char *name,
                         bool *has, int64_t *minor)
{
    const struct gql_value *v = obj ? gql_object_get(obj, name) : gql_arg(call, name);
    if (!v || (v->kind != GQL_V_FLOAT && v->kind != GQL_V_INT)) return WM_OK;
    double d = v->kind == GQL_V_FLOAT ? v->u.f : (double)v->u.i;
    if (!isfinite(d) || d < 0 || d > 1e12)
        return wm_errorf(call->ctx, WM_EINVAL, "%s must be a price of 0 or more", name);
    *has = true;
    *minor = (int64_t)llround(d * 100);
    return WM_OK;
}

int shared_gql_arg_id(struct gql_call *call, const char *name, const char *what, int64_t *id)
{
    const struct gql_value *v = gql_arg(call, name);
    *id = 0;
    if (v && v->kind == GQL_V_INT) *id = v->u.i;
    if (v && v->kind == GQL_V_STRING && !str_to_int64(str_trim(v->u.s), id)) *id = 0;
    if (*id > 0) return WM_OK;
    struct str shown = v && v->kind == GQL_V_STRING ? v->u.s : STR("");
    if (shown.len > 40) shown.len = 40;
    return wm_errorf(call->ctx, WM_ENOTFOUND, "%s '%.*s' not found", what, STR_FMT(shown));
}

/* A refusal the user can act on (see shared_gql_payload). */
static bool is_refusal(const struct wm_ctx *ctx, int rc)
{
    return rc == WM_EINVAL || rc == WM_ENOTFOUND || rc == WM_ECONFLICT || rc == WM_ELIMIT ||
           (rc == WM_EUNAUTH && ctx->viewer && ctx->viewer->status == WM_OK);
}

int shared_gql_payload(struct gql_call *call, int rc, const char *ok_message, const char *key,
                       struct gql_value value, struct gql_value *out)
{
    struct wm_ctx *ctx = call->ctx;
    if (rc != WM_OK && !is_refusal(ctx, rc)) return rc;
    const char *message = rc == WM_OK ? ok_message : wm_client_message(ctx, rc);
    if (rc != WM_OK) {
        /* A refusal changes nothing: undo what the field wrote before it failed. */
        int trc = db_rollback(ctx);
        if (trc == WM_OK) trc = db_begin(ctx);
        if (trc != WM_OK) return trc;
    }
    *out = gql_object(ctx->arena, 3);
    gql_object_set(ctx->arena, out, "success", gql_bool(rc == WM_OK));
    gql_object_set(ctx->arena, out, "message", gql_string(ctx->arena, message));
    if (key) gql_object_set(ctx->arena, out, key, rc == WM_OK ? value : gql_null());
    wm_clear_error(ctx);
    return WM_OK;
}

struct gql_value shared_gql_page_info(struct wm_ctx *ctx, bool has_next, bool has_previous,
                                      const char *start, const char *end)
{
    struct gql_value info = gql_object(ctx->arena, 4);
    gql_object_set(ctx->arena, &info, "hasNextPage", gql_bool(has_next));
    gql_object_set(ctx->arena, &info, "hasPreviousPage", gql_bool(has_previous));
    gql_object_set(ctx->arena, &info, "startCursor", gql_string(ctx->arena, start));
    gql_object_set(ctx->arena, &info, "endCursor", gql_string(ctx->arena, end));
    return info;
}

struct gql_value shared_gql_edge(struct wm_ctx *ctx, const char *cursor, const void *node)
{
    struct gql_value e = gql_object(ctx->arena, 2);
    gql_object_set(ctx->arena, &e, "cursor", gql_string(ctx->arena, cursor));
    gql_object_set(ctx->arena, &e, "node", gql_ptr(node, NULL));
    return e;
}
