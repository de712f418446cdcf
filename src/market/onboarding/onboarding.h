/*
 * onboarding.h: becoming a vendor and stopping being one. Switching the account type is the
 * users row (accounts.h) plus what it means for a shop: a buyer who becomes a VENDOR gets a
 * shop (vendors.h: opened, or the old one again) and an onboarding checklist of what a shop
 * needs before buyers trust it; a VENDOR who becomes a buyer keeps the shop and its products,
 * but the products on sale are paused (draft) so no list, search or cart offers them, and
 * becoming a vendor again puts exactly those back on sale. Caches of the catalog and the
 * vendors are retired. Open orders will block leaving once the orders domain exists (it adds
 * that check here). Strings live in ctx->arena.
 */
#ifndef WM_MARKET_ONBOARDING_H
#define WM_MARKET_ONBOARDING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct wm_ctx;
struct user;
struct vendor;

/* The steps of the checklist, in order (keys are stable API words). */
#define ONBOARDING_STEPS 6

struct onboarding_step {
    const char *key; /* verify_email, shop_description, shop_logo, shop_contact,
                        shop_address, first_product */
    bool done;
};

struct onboarding {
    bool complete; /* every step done */
    struct onboarding_step steps[ONBOARDING_STEPS];
};

/* What a switch did. */
struct onboarding_switch {
    const char *before;  /* the account type before */
    const char *after;   /* and after */
    struct user *user;   /* the viewer after it */
    struct vendor *shop; /* the shop when the viewer is now a VENDOR, else NULL */
    int64_t paused;      /* products taken off sale (leaving VENDOR) */
    int64_t restored;    /* products put back on sale (becoming a VENDOR again) */
};

/*
 * Make the signed-in viewer's account type word (CUSTOMER, VENDOR/SUPPLIER, RESELLER) in the
 * caller's transaction, with what it means for the shop (above). The same type again changes
 * nothing. WM_EINVAL for another word; WM_EPERM with graphql_jwt's wording when becoming a
 * VENDOR again with a shop the marketplace closed; the viewer's error without one.
 */
int onboarding_switch_account_type(struct wm_ctx *ctx, const char *word,
                                   struct onboarding_switch *out);

/*
 * The signed-in VENDOR's checklist into *out. WM_EPERM with graphql_jwt's wording for other
 * accounts; a VENDOR without a shop yet has every shop step undone.
 */
int onboarding_status(struct wm_ctx *ctx, struct onboarding *out);

#endif
