/*
 * shared.c: the input rules every domain shares (shared.h).
 */
#include "market/shared/shared.h"

#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"

int shared_check_text(struct wm_ctx *ctx, const char **s, const char *field, size_t max,
                      bool required, bool multiline)
{
    if (!*s) return WM_OK;
    struct str t = str_trim(str_from(*s));
    *s = str_dup(ctx->arena, t);
    if (required && t.len == 0) return wm_errorf(ctx, WM_EINVAL, "%s must not be blank", field);
    if (str_utf8_chars(*s) > max)
        return wm_errorf(ctx, WM_EINVAL, "%s must be at most %zu characters", field, max);
    for (const unsigned char *p = (const unsigned char *)*s; *p; p++) {
        bool space = *p == '\n' || *p == '\r' || *p == '\t';
        if ((*p < 0x20 && !(multiline && space)) || *p == 0x7F)
            return wm_errorf(ctx, WM_EINVAL, "%s must not hold control characters", field);
    }
    return WM_OK;
}

int shared_check_url(struct wm_ctx *ctx, const char **s, const char *field, size_t max,
                     bool required)
{
    int rc = shared_check_text(ctx, s, field, max, required, false);
    if (rc != WM_OK || !*s || !**s) return rc;
    bool scheme = strncmp(*s, "https://", 8) == 0 || strncmp(*s, "http://", 7) == 0 ||
                  strncmp(*s, "/media/", 7) == 0;
    if (!scheme || strpbrk(*s, " \"'<>\\"))
        return wm_errorf(ctx, WM_EINVAL, "%s must be an http(s) URL or a /media/ path", field);
    return WM_OK;
}
