/*
 * addresses_int.h: what the files of the addresses domain share: the store (addresses_db.c),
 * one function per SQL statement. Callers validate and authorize first; these only read and
 * write rows, and every one is scoped to the owner's user id.
 */
#ifndef WM_MARKET_ADDRESSES_INT_H
#define WM_MARKET_ADDRESSES_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "market/addresses/addresses.h"

struct wm_ctx;

/* Lock the owner's users row until the transaction ends, so that one user's address changes
 * (count, default switching) run one after another. WM_ENOTFOUND when the user is gone. */
int addresses_db_lock_owner(struct wm_ctx *ctx, int64_t user_id);

/* Every address of user_id, defaults first, then newest first (arena array of *n). */
int addresses_db_list(struct wm_ctx *ctx, int64_t user_id, struct address **out, size_t *n);

/* How many addresses user_id has. */
int addresses_db_count(struct wm_ctx *ctx, int64_t user_id, int64_t *n);

/* Address id of user_id into *out. WM_ENOTFOUND when there is none (or it is another's). */
int addresses_db_get(struct wm_ctx *ctx, int64_t user_id, int64_t id, struct address *out);

/* True in *has when user_id has a default address of type other than address except_id. */
int addresses_db_has_default(struct wm_ctx *ctx, int64_t user_id, const char *type,
                             int64_t except_id, bool *has);

/* Make user_id's addresses of type other than except_id not default. */
int addresses_db_clear_default(struct wm_ctx *ctx, int64_t user_id, const char *type,
                               int64_t except_id);

/* Insert a (its id is ignored) for user_id; *id gets the new id. */
int addresses_db_insert(struct wm_ctx *ctx, int64_t user_id, const struct address *a, int64_t *id);

/* Write every field of a over address a->id of user_id. */
int addresses_db_update(struct wm_ctx *ctx, int64_t user_id, const struct address *a);

/* Delete address id of user_id; *deleted says whether there was one. */
int addresses_db_delete(struct wm_ctx *ctx, int64_t user_id, int64_t id, bool *deleted);

#endif
