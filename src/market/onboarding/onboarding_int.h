/*
 * onboarding_int.h: the store of the onboarding domain (onboarding_db.c).
 */
#ifndef WM_MARKET_ONBOARDING_INT_H
#define WM_MARKET_ONBOARDING_INT_H

#include <stdint.h>

struct wm_ctx;

/* Take vendor_id's products on sale off sale, remembering them; *n how many. */
int onboarding_db_pause(struct wm_ctx *ctx, int64_t vendor_id, int64_t *n);

/* Put vendor_id's remembered products back on sale (those still paused); *n how many. */
int onboarding_db_restore(struct wm_ctx *ctx, int64_t vendor_id, int64_t *n);

/* How many products vendor_id has on sale. */
int onboarding_db_active_products(struct wm_ctx *ctx, int64_t vendor_id, int64_t *n);

#endif
