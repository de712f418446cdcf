/*
 * ctx.c: error recording on the request context (ctx.h). Messages live in the request arena.
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
