/*
 * cookie.c: both directions of RFC 6265. Incoming Cookie headers are parsed leniently (a
 * malformed pair is skipped, since other applications on the domain may set anything), and
 * outgoing Set-Cookie headers strictly: a value that could split the header or smuggle an
 * attribute is refused, so what a handler sets is exactly what the browser stores.
 */
#include "http/http_int.h"

#include <assert.h>
#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"

/* RFC 6265 §4.1.1 cookie-octet: printable ASCII without space, '"', ',', ';' and '\\'. */
static bool is_cookie_octet(int c)
{
    return c == 0x21 || (c >= 0x23 && c <= 0x2b) || (c >= 0x2d && c <= 0x3a) ||
           (c >= 0x3c && c <= 0x5b) || (c >= 0x5d && c <= 0x7e);
}

static bool all_cookie_octets(struct str s)
{
    for (size_t i = 0; i < s.len; i++)
        if (!is_cookie_octet((unsigned char)s.ptr[i])) return false;
    return true;
}

static bool is_token(struct str s)
{
    if (s.len == 0) return false;
    for (size_t i = 0; i < s.len; i++)
        if (!http_is_tchar((unsigned char)s.ptr[i])) return false;
    return true;
}

/* s without leading and trailing spaces and tabs (the OWS browsers put around pairs). */
static struct str trim_ows(struct str s)
{
    while (s.len && (s.ptr[0] == ' ' || s.ptr[0] == '\t')) {
        s.ptr++;
        s.len--;
    }
    while (s.len && (s.ptr[s.len - 1] == ' ' || s.ptr[s.len - 1] == '\t'))
        s.len--;
    return s;
}

/* Split one "name=value" pair; false when it is not a well-formed cookie-pair. */
static bool split_pair(struct str pair, struct str *name, struct str *value)
{
    const char *eq = memchr(pair.ptr, '=', pair.len);
    if (!eq) return false;
    *name = trim_ows((struct str){ pair.ptr, (size_t)(eq - pair.ptr) });
    *value = trim_ows((struct str){ eq + 1, pair.len - (size_t)(eq - pair.ptr) - 1 });
    if (!is_token(*name)) return false;
    if (value->len && value->ptr[0] == '"') {
        if (value->len < 2 || value->ptr[value->len - 1] != '"') return false;
        value->ptr++;
        value->len -= 2;
    }
    return all_cookie_octets(*value);
}

int http_parse_cookies(struct wm_ctx *ctx, struct str header, size_t max_fields,
                       struct http_fields *out)
{
    size_t i = 0;
    while (i < header.len) {
        const char *semi = memchr(header.ptr + i, ';', header.len - i);
        size_t end = semi ? (size_t)(semi - header.ptr) : header.len;
        struct str pair = { header.ptr + i, end - i };
        i = end + 1;
        struct str name;
        struct str value;
        if (!split_pair(pair, &name, &value)) continue;
        if (out->count >= max_fields)
            return wm_errorf(ctx, WM_ELIMIT, "too many cookies (limit %zu)", max_fields);
        http_fields_add(ctx->arena, out, str_dup(ctx->arena, name), str_dup(ctx->arena, value),
                        value.len);
    }
    return WM_OK;
}

/* An attribute value (Path, Domain) may not end the attribute early or split the header. */
static bool is_attr_value(const char *s)
{
    for (; *s; s++)
        if (*s == ';' || (unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7f) return false;
    return true;
}

int http_set_cookie(struct wm_ctx *ctx, struct http_response *res, const char *name,
                    const char *value, const struct http_cookie_opts *opts)
{
    static const struct http_cookie_opts defaults = { 0 };
    static const char *const samesite[] = { "Lax", "Strict", "None" };
    assert(is_token(str_from(name)));
    if (!opts) opts = &defaults;
    if (!all_cookie_octets(str_from(value)))
        return wm_errorf(ctx, WM_EINVAL, "invalid character in the value of cookie '%s'", name);
    const char *path = opts->path ? opts->path : "/";
    if (!is_attr_value(path) || (opts->domain && !is_attr_value(opts->domain)))
        return wm_errorf(ctx, WM_EINVAL, "invalid Path or Domain for cookie '%s'", name);
    assert((unsigned)opts->samesite < sizeof(samesite) / sizeof(samesite[0]));

    struct buf b = BUF_INIT(res->arena);
    buf_appendf(&b, "%s=%s; Path=%s", name, value, path);
    if (opts->domain) buf_appendf(&b, "; Domain=%s", opts->domain);
    if (opts->max_age > 0)
        buf_appendf(&b, "; Max-Age=%" PRId64, opts->max_age);
    else if (opts->max_age < 0)
        buf_appends(&b, "; Max-Age=0");
    if (opts->secure) buf_appends(&b, "; Secure");
    if (!opts->script_visible) buf_appends(&b, "; HttpOnly");
    buf_appendf(&b, "; SameSite=%s", samesite[opts->samesite]);
    http_add_header(res, "Set-Cookie", b.ptr);
    return WM_OK;
}
