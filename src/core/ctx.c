/*
 * ctx.c: error recording on the request context (ctx.h), and its per-request memo. Messages
 * and memo entries live in the request arena.
 * Internal errors are reported to clients only as "internal error (request <id>)": the detail
 * stays in the log.
 */
#include "core/ctx.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"

int wm_verrorf(struct wm_ctx *ctx, int err, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    char *msg = arena_alloc(ctx->arena, n > 0 ? (size_t)n + 1 : 1);
    if (n > 0)
        (void)vsnprintf(msg, (size_t)n + 1, fmt, ap);
    else
        msg[0] = '\0';
    ctx->err.code = err;
    ctx->err.message = msg;
    return err;
}

int wm_errorf(struct wm_ctx *ctx, int err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    wm_verrorf(ctx, err, fmt, ap);
    va_end(ap);
    return err;
}

const char *wm_client_message(struct wm_ctx *ctx, int err)
{
    if (wm_err_is_internal(err))
        return arena_printf(ctx->arena, "internal error (request %s)",
                            ctx->req_id ? ctx->req_id : "-");
    if (ctx->err.code == err && ctx->err.message && ctx->err.message[0]) return ctx->err.message;
    return wm_strerror(err);
}

void wm_clear_error(struct wm_ctx *ctx)
{
    ctx->err.code = WM_OK;
    ctx->err.message = NULL;
}

struct wm_memo {
    struct wm_memo *next;
    const char *key;
    void *value;
};

void *wm_memo_get(const struct wm_ctx *ctx, const char *key)
{
    for (const struct wm_memo *m = ctx->memo; m; m = m->next)
        if (strcmp(m->key, key) == 0) return m->value;
    return NULL;
}

/* The arena was reset: what the memo held is gone (a context reused across resets). */
static void forget_memo(void *p)
{
    ((struct wm_ctx *)p)->memo = NULL;
}

void wm_memo_set(struct wm_ctx *ctx, const char *key, void *value)
{
    if (!ctx->memo) arena_defer(ctx->arena, forget_memo, ctx);
    struct wm_memo *m = ARENA_NEW(ctx->arena, struct wm_memo);
    m->next = ctx->memo;
    m->key = arena_strdup(ctx->arena, key);
    m->value = value;
    ctx->memo = m;
}
