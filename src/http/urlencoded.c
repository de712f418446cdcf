/*
 * urlencoded.c: percent-decoding and application/x-www-form-urlencoded parsing, used for the
 * query string, form bodies, the request path and RFC 8187 file names. Decoded strings go to
 * the request arena and never contain a NUL byte: "%00" is refused, so every value can be
 * handed to libc as a C string.
 */
#include "http/http_int.h"

#include <string.h>

#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"

static int hex_value(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

enum http_pct_result http_pct_decode(struct arena *a, struct str s, unsigned flags, char **out,
                                     size_t *outlen)
{
    char *d = arena_alloc(a, s.len + 1);
    size_t n = 0;
    for (size_t i = 0; i < s.len; i++) {
        unsigned char c = (unsigned char)s.ptr[i];
        if (c == '%') {
            int hi = i + 2 < s.len ? hex_value((unsigned char)s.ptr[i + 1]) : -1;
            int lo = hi >= 0 ? hex_value((unsigned char)s.ptr[i + 2]) : -1;
            if (hi < 0 || lo < 0) return HTTP_PCT_BAD_ESCAPE;
            c = (unsigned char)(hi << 4 | lo);
            if (c == '/' && (flags & HTTP_PCT_NO_SLASH)) return HTTP_PCT_SLASH;
            i += 2;
        } else if (c == '+' && (flags & HTTP_PCT_PLUS)) {
            c = ' ';
        }
        if (c == '\0') return HTTP_PCT_NUL;
        d[n++] = (char)c;
    }
    d[n] = '\0';
    *out = d;
    *outlen = n;
    return HTTP_PCT_OK;
}

/* The message for a failed decode of part of what ("query string"). */
static int decode_error(struct wm_ctx *ctx, enum http_pct_result r, const char *what)
{
    if (r == HTTP_PCT_NUL) return wm_errorf(ctx, WM_EINVAL, "NUL byte in %s", what);
    return wm_errorf(ctx, WM_EINVAL, "invalid percent-encoding in %s", what);
}

int http_parse_urlencoded(struct wm_ctx *ctx, struct str in, const char *what, size_t max_fields,
                          struct http_fields *out)
{
    size_t i = 0;
    while (i < in.len) {
        const char *amp = memchr(in.ptr + i, '&', in.len - i);
        size_t end = amp ? (size_t)(amp - in.ptr) : in.len;
        struct str pair = { in.ptr + i, end - i };
        i = end + 1;
        if (pair.len == 0) continue;
        const char *eq = memchr(pair.ptr, '=', pair.len);
        struct str name = { pair.ptr, eq ? (size_t)(eq - pair.ptr) : pair.len };
        struct str value = eq ? (struct str){ eq + 1, pair.len - name.len - 1 } : STR("");
        if (name.len == 0) continue;
        if (out->count >= max_fields)
            return wm_errorf(ctx, WM_ELIMIT, "too many parameters in %s (limit %zu)", what,
                             max_fields);
        char *dname;
        char *dvalue;
        size_t nlen;
        size_t vlen;
        enum http_pct_result r = http_pct_decode(ctx->arena, name, HTTP_PCT_PLUS, &dname, &nlen);
        if (r == HTTP_PCT_OK) r = http_pct_decode(ctx->arena, value, HTTP_PCT_PLUS, &dvalue, &vlen);
        if (r != HTTP_PCT_OK) return decode_error(ctx, r, what);
        http_fields_add(ctx->arena, out, dname, dvalue, vlen);
    }
    return WM_OK;
}
