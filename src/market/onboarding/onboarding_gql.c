/*
 * onboarding_gql.c: GraphQL adapter of the onboarding domain (onboarding_gql.h).
 */
#include "market/onboarding/onboarding_gql.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"
#include "market/onboarding/onboarding.h"
#include "market/shared/shared_gql.h"

/* {complete, steps: [{key, done}]} of o. */
static struct gql_value checklist(struct wm_ctx *ctx, const struct onboarding *o)
{
    struct gql_value steps = gql_list(ctx->arena, ONBOARDING_STEPS);
    for (size_t i = 0; i < ONBOARDING_STEPS; i++) {
        struct gql_value *s = &steps.u.list.items[i];
        *s = gql_object(ctx->arena, 2);
        gql_object_set(ctx->arena, s, "key", gql_string(ctx->arena, o->steps[i].key));
        gql_object_set(ctx->arena, s, "done", gql_bool(o->steps[i].done));
    }
    struct gql_value v = gql_object(ctx->arena, 2);
    gql_object_set(ctx->arena, &v, "complete", gql_bool(o->complete));
    gql_object_set(ctx->arena, &v, "steps", steps);
    return v;
}

int onboarding_gql_switch_account_type(struct gql_call *call, struct gql_value *out)
{
    struct wm_ctx *ctx = call->ctx;
    const char *word = NULL;
    struct onboarding_switch sw;
    memset(&sw, 0, sizeof(sw));
    int rc = shared_gql_arg_text(call, "accountType", "", &word);
    if (rc == WM_OK) rc = onboarding_switch_account_type(ctx, word, &sw);
    struct onboarding ob;
    bool vendor = rc == WM_OK && strcmp(sw.after, "VENDOR") == 0;
    if (vendor) rc = onboarding_status(ctx, &ob);
    const char *msg = "Your account type is unchanged.";
    if (rc == WM_OK && strcmp(sw.before, sw.after) != 0)
        msg = vendor ? arena_printf(ctx->arena,
                                    "You are now a vendor: finish setting up your shop%s.",
                                    sw.restored ? arena_printf(ctx->arena,
                                                               " (%lld products are back on sale)",
                                                               (long long)sw.restored)
                                                : "")
              : strcmp(sw.before, "VENDOR") == 0
                      ? arena_printf(ctx->arena,
                                     "Your shop is closed; %lld products were taken off sale and "
                                     "come back if you sell again.",
                                     (long long)sw.paused)
                      : "Your account type was changed.";
    rc = shared_gql_payload(call, rc, msg, "user", gql_ptr(sw.user, NULL), out);
    if (rc != WM_OK) return rc;
    bool ok = gql_object_get(out, "success") && gql_object_get(out, "success")->u.b;
    gql_object_set(ctx->arena, out, "shop", ok && sw.shop ? gql_ptr(sw.shop, NULL) : gql_null());
    gql_object_set(ctx->arena, out, "onboarding", ok && vendor ? checklist(ctx, &ob) : gql_null());
    return WM_OK;
}

int onboarding_gql_vendor_onboarding(struct gql_call *call, struct gql_value *out)
{
    struct onboarding ob;
    int rc = onboarding_status(call->ctx, &ob);
    if (rc != WM_OK) return rc;
    *out = checklist(call->ctx, &ob);
    return WM_OK;
}
