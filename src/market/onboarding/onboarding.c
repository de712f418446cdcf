/*
 * onboarding.c: switching account types and the vendor's checklist (onboarding.h).
 */
#include "market/onboarding/onboarding.h"

#include <string.h>

#include "core/ctx.h"
#include "core/err.h"
#include "market/accounts/accounts.h"
#include "market/catalog/catalog.h"
#include "market/onboarding/onboarding_int.h"
#include "market/vendors/vendors.h"

/* The viewer's readable shop (only while the account is a VENDOR), or NULL. */
static int shop_of(struct wm_ctx *ctx, int64_t user_id, struct vendor **shop)
{
    *shop = NULL;
    int rc = vendor_of_user(ctx, user_id, shop);
    if (rc == WM_ENOTFOUND) {
        wm_clear_error(ctx);
        *shop = NULL;
        return WM_OK;
    }
    return rc;
}

int onboarding_switch_account_type(struct wm_ctx *ctx, const char *word,
                                   struct onboarding_switch *out)
{
    memset(out, 0, sizeof(*out));
    const struct viewer *v = NULL;
    int rc = account_viewer(ctx, &v);
    if (rc != WM_OK) return rc;
    struct vendor *shop = NULL;
    rc = shop_of(ctx, v->user_id, &shop); /* before the switch, while still readable */
    if (rc == WM_OK) rc = account_set_type(ctx, word, &out->before, &out->after);
    if (rc != WM_OK) return rc;
    bool was = strcmp(out->before, "VENDOR") == 0;
    bool is = strcmp(out->after, "VENDOR") == 0;
    if (was && !is && shop) {
        rc = onboarding_db_pause(ctx, shop->id, &out->paused);
    } else if (!was && is) {
        rc = vendor_open_shop(ctx, v->user_id, &out->shop);
        if (rc == WM_OK) rc = onboarding_db_restore(ctx, out->shop->id, &out->restored);
    } else if (is) {
        out->shop = shop;
    }
    if (rc != WM_OK) return rc;
    if (was != is) {
        catalog_products_changed(ctx);
        vendors_cache_bump(ctx);
    }
    return account_user_get(ctx, v->user_id, &out->user);
}

int onboarding_status(struct wm_ctx *ctx, struct onboarding *out)
{
    memset(out, 0, sizeof(*out));
    const struct viewer *v = NULL;
    int rc = account_require_vendor(ctx, &v);
    if (rc != WM_OK) return rc;
    struct user *u = NULL;
    struct vendor *shop = NULL;
    int64_t on_sale = 0;
    rc = account_user_get(ctx, v->user_id, &u);
    if (rc == WM_OK) rc = shop_of(ctx, v->user_id, &shop);
    if (rc == WM_OK && shop) rc = onboarding_db_active_products(ctx, shop->id, &on_sale);
    if (rc != WM_OK) return rc;
    const struct onboarding_step steps[ONBOARDING_STEPS] = {
        { "verify_email", u->email_verified },
        { "shop_description", shop && shop->description && *shop->description },
        { "shop_logo", shop && shop->logo_url && *shop->logo_url },
        { "shop_contact", shop && ((shop->contact_email && *shop->contact_email) ||
                                   (shop->contact_phone && *shop->contact_phone)) },
        { "shop_address", shop && shop->city && *shop->city && shop->country && *shop->country },
        { "first_product", on_sale > 0 },
    };
    out->complete = true;
    for (size_t i = 0; i < ONBOARDING_STEPS; i++) {
        out->steps[i] = steps[i];
        out->complete = out->complete && steps[i].done;
    }
    return WM_OK;
}
