/*
 * vendors_int.h: what the files of the vendors domain share: the store (vendors_db.c), one
 * function per SQL statement. Every read is limited to active shops of VENDOR accounts.
 */
#ifndef WM_MARKET_VENDORS_INT_H
#define WM_MARKET_VENDORS_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "market/vendors/vendors.h"

struct wm_ctx;

/* Vendor id into *out. WM_ENOTFOUND when it is not a readable vendor. */
int vendors_db_get(struct wm_ctx *ctx, int64_t id, struct vendor *out);

/* The shop of user_id into *out. WM_ENOTFOUND. */
int vendors_db_of_user(struct wm_ctx *ctx, int64_t user_id, struct vendor *out);

/* The readable vendors among ids (a JSON array text such as "[3,7]"): arena array of *n. */
int vendors_db_get_many(struct wm_ctx *ctx, const char *ids_json, struct vendor **out, size_t *n);

/* Department names of vendor_id's active products, alphabetically (arena array of *n). */
int vendors_db_departments(struct wm_ctx *ctx, int64_t vendor_id, char ***out, size_t *n);

/* The active flag of user_id's shop row (any state): WM_ENOTFOUND when there is none. */
int vendors_db_shop_active(struct wm_ctx *ctx, int64_t user_id, bool *active);

/* Insert a shop for user_id; WM_ECONFLICT when the user has one or the slug is taken. */
int vendors_db_insert(struct wm_ctx *ctx, int64_t user_id, const char *shop_name, const char *slug);

/* Write the settings of in into user_id's shop (NULL members keep their column). */
int vendors_db_update_settings(struct wm_ctx *ctx, int64_t user_id, const struct shop_settings *in);

#endif
