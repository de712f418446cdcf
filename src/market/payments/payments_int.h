/*
 * payments_int.h: what the files of the payments domain share: the store (payments_db.c),
 * one function per SQL statement. Callers validate and authorize first; these only read and
 * write rows, each scoped to the owner's user id. No function here takes a card number or a
 * CVV: they never reach the database.
 */
#ifndef WM_MARKET_PAYMENTS_INT_H
#define WM_MARKET_PAYMENTS_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "market/payments/payments.h"

struct wm_ctx;

/* Lock the owner's users row until the transaction ends, so that one user's payment-method
 * changes (count, default switching) run one after another. WM_ENOTFOUND when it is gone. */
int payments_db_lock_owner(struct wm_ctx *ctx, int64_t user_id);

/* Every payment method of user_id, the default first, then newest first (arena array). */
int payments_db_method_list(struct wm_ctx *ctx, int64_t user_id, struct payment_method **out,
                            size_t *n);

/* How many payment methods user_id has. */
int payments_db_method_count(struct wm_ctx *ctx, int64_t user_id, int64_t *n);

/* Method id of user_id into *out. WM_ENOTFOUND when there is none (or it is another's). */
int payments_db_method_get(struct wm_ctx *ctx, int64_t user_id, int64_t id,
                           struct payment_method *out);

/* True in *has when user_id has a default method other than except_id. */
int payments_db_method_has_default(struct wm_ctx *ctx, int64_t user_id, int64_t except_id,
                                   bool *has);

/* Make user_id's methods other than except_id not default. */
int payments_db_method_clear_default(struct wm_ctx *ctx, int64_t user_id, int64_t except_id);

/* Insert m (its id and times are ignored) for user_id; *id gets the new id. */
int payments_db_method_insert(struct wm_ctx *ctx, int64_t user_id, const struct payment_method *m,
                              int64_t *id);

/* Set is_default and is_active of method id of user_id. */
int payments_db_method_set_flags(struct wm_ctx *ctx, int64_t user_id, int64_t id, bool is_default,
                                 bool is_active);

/* Set the expiry and holder's name of user_id's method id. */
int payments_db_method_set_card(struct wm_ctx *ctx, int64_t user_id, int64_t id, int exp_month,
                                int exp_year, const char *holder_name);

/* Delete method id of user_id; *deleted says whether there was one. */
int payments_db_method_delete(struct wm_ctx *ctx, int64_t user_id, int64_t id, bool *deleted);

#endif
