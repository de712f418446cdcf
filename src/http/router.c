/*
 * router.c: matching a request against a route table (git's commands[] shape: one static
 * table, first match wins). Paths are compared segment by segment on the decoded path, which
 * request.c guarantees has no encoded '/' and no "." or ".." segment, so a ":name" capture is
 * always exactly one segment. Nothing is normalized: "/a/" and "/a" are different paths.
 */
#include "http/http.h"

#include <assert.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "http/http_int.h"

/*
 * Does path match pattern? With caps (not NULL) the ":name" and "*" captures are appended to
 * it as arena strings; without, nothing is allocated, so failed candidates cost nothing.
 */
static bool match(const char *pattern, const char *path, struct arena *a, struct http_fields *caps)
{
    assert(pattern[0] == '/' && path[0] == '/');
    const char *p = pattern + 1;
    const char *s = path + 1;
    for (;;) {
        size_t plen = strcspn(p, "/");
        size_t slen = strcspn(s, "/");
        if (plen == 1 && p[0] == '*' && p[1] == '\0') {
            if (caps) http_fields_add(a, caps, "*", arena_strdup(a, s), strlen(s));
            return true;
        }
        if (p[0] == ':' && plen > 1) {
            if (slen == 0) return false;
            if (caps)
                http_fields_add(a, caps, arena_strndup(a, p + 1, plen - 1),
                                arena_strndup(a, s, slen), slen);
        } else if (plen != slen || memcmp(p, s, plen) != 0) {
            return false;
        }
        p += plen;
        s += slen;
        if (!*p || !*s) return !*p && !*s;
        p++;
        s++;
    }
}

static bool serves(enum http_method route, enum http_method req, bool head_as_get)
{
    if (route == HTTP_OTHER) return false;
    return route == req || (head_as_get && req == HTTP_HEAD && route == HTTP_GET);
}

/* "GET, HEAD, POST" from a bit set of methods, in enum order. */
static const char *allow_list(struct arena *a, unsigned methods)
{
    struct buf b = BUF_INIT(a);
    for (int m = HTTP_OTHER + 1; m < HTTP_METHOD_COUNT; m++) {
        if (!(methods & (1u << m))) continue;
        if (b.len) buf_appends(&b, ", ");
        buf_appends(&b, http_method_name((enum http_method)m));
    }
    return b.ptr;
}

int http_route(const struct route *table, size_t n, struct http_request *req,
               const struct route **out)
{
    *out = NULL;
    req->path_params = (struct http_fields){ 0 };
    req->allow = NULL;
    const struct route *found = NULL;
    unsigned methods = 0;
    /* A HEAD request prefers an explicit HEAD row anywhere in the table to a GET row. */
    for (int pass = 0; pass < 2 && !found; pass++) {
        for (size_t i = 0; i < n && !found; i++) {
            assert(table[i].handler && table[i].pattern && table[i].pattern[0] == '/');
            if (!match(table[i].pattern, req->path, NULL, NULL)) continue;
            if (table[i].method != HTTP_OTHER) methods |= 1u << table[i].method;
            if (serves(table[i].method, req->method, pass == 1)) found = &table[i];
        }
    }
    if (found) {
        match(found->pattern, req->path, req->arena, &req->path_params);
        *out = found;
        req->route = found;
        return WM_OK;
    }
    if (!methods) return WM_ENOTFOUND;
    if (methods & (1u << HTTP_GET)) methods |= 1u << HTTP_HEAD;
    req->allow = allow_list(req->arena, methods);
    return WM_EMETHOD;
}
