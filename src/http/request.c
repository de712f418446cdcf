/*
 * request.c: turns the CGI variables and body of one request into a struct http_request in
 * the request arena. Parsing happens in two steps (the variables, then the body) so that a
 * dispatcher can route before it reads a byte of the body. Every string is copied out of envp,
 * which libfcgi frees at the next Accept, and every count and size is checked against
 * struct http_limits before anything is allocated for it.
 */
#include "http/http.h"

#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "http/http_int.h"

void http_limits_init(struct http_limits *lim, const struct config *cfg)
{
    lim->max_body = HTTP_DEFAULT_MAX_BODY;
    lim->max_fields = HTTP_DEFAULT_MAX_FIELDS;
    lim->max_header_bytes = HTTP_DEFAULT_MAX_HEADER_BYTES;
    lim->max_uri_bytes = HTTP_DEFAULT_MAX_URI_BYTES;
    lim->max_part_header_bytes = HTTP_DEFAULT_MAX_PART_HEADER_BYTES;
    if (cfg && cfg->http_max_body > 0) lim->max_body = (size_t)cfg->http_max_body;
    if (cfg && cfg->http_max_fields > 0) lim->max_fields = (size_t)cfg->http_max_fields;
}

/* ---- small helpers ------------------------------------------------------------------------ */

bool http_is_tchar(int c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c && strchr("!#$%&'*+-.^_`|~", c));
}

static int ascii_lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

static bool case_eq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (ascii_lower((unsigned char)*a) != ascii_lower((unsigned char)*b)) return false;
    return *a == *b;
}

void http_fields_add(struct arena *a, struct http_fields *f, const char *name, const char *value,
                     size_t len)
{
    if (f->count == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 8;
        struct http_field *items = ARENA_ARRAY(a, struct http_field, cap);
        if (f->count) memcpy(items, f->items, f->count * sizeof(*items));
        f->items = items;
        f->cap = cap;
    }
    f->items[f->count++] = (struct http_field){ name, value, len };
}

const struct http_field *http_fields_find(const struct http_fields *f, const char *name,
                                          bool nocase)
{
    for (size_t i = 0; i < f->count; i++)
        if (nocase ? case_eq(f->items[i].name, name) : strcmp(f->items[i].name, name) == 0)
            return &f->items[i];
    return NULL;
}

/* ---- method, id, host --------------------------------------------------------------------- */

/* clang-format off */
static const char *const method_names[HTTP_METHOD_COUNT] = {
    [HTTP_OTHER] = "OTHER", [HTTP_GET] = "GET", [HTTP_HEAD] = "HEAD", [HTTP_POST] = "POST",
    [HTTP_PUT] = "PUT", [HTTP_PATCH] = "PATCH", [HTTP_DELETE] = "DELETE",
    [HTTP_OPTIONS] = "OPTIONS",
};
/* clang-format on */

const char *http_method_name(enum http_method m)
{
    return (unsigned)m < HTTP_METHOD_COUNT ? method_names[m] : "OTHER";
}

static int parse_method(struct wm_ctx *ctx, struct http_request *req, const char *m)
{
    size_t n = m ? strlen(m) : 0;
    if (n == 0) return wm_errorf(ctx, WM_EINVAL, "missing request method");
    if (n > 32) return wm_errorf(ctx, WM_EINVAL, "invalid request method");
    for (size_t i = 0; i < n; i++)
        if (!http_is_tchar((unsigned char)m[i]))
            return wm_errorf(ctx, WM_EINVAL, "invalid request method");
    req->method_name = arena_strdup(ctx->arena, m);
    req->method = HTTP_OTHER;
    for (int i = HTTP_OTHER + 1; i < HTTP_METHOD_COUNT; i++)
        if (strcmp(m, method_names[i]) == 0) req->method = (enum http_method)i;
    return WM_OK;
}

const char *http_request_id(struct arena *a)
{
    static const char hex[] = "0123456789abcdef";
    unsigned char r[6];
    if (getrandom(r, sizeof(r), GRND_NONBLOCK) != (ssize_t)sizeof(r)) {
        /* Only an id for logs: without the kernel's entropy, time and pid will do. */
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        unsigned long long x = ((unsigned long long)ts.tv_nsec * 2654435761u) ^
                               ((unsigned long long)ts.tv_sec << 20) ^ (unsigned long long)getpid();
        for (size_t i = 0; i < sizeof(r); i++)
            r[i] = (unsigned char)(x >> (8 * i));
    }
    char *id = arena_alloc(a, 2 * sizeof(r) + 1);
    for (size_t i = 0; i < sizeof(r); i++) {
        id[2 * i] = hex[r[i] >> 4];
        id[2 * i + 1] = hex[r[i] & 15];
    }
    id[2 * sizeof(r)] = '\0';
    return id;
}

/* An incoming X-Request-Id is kept only when it is [A-Za-z0-9-]{1,64}. */
static bool is_request_id(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++) {
        char c = s[n];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              c == '-'))
            return false;
    }
    return n >= 1 && n <= 64;
}

/* A Host value we are willing to put into absolute URLs: name or address, optional port. */
static bool is_host(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++) {
        char c = s[n];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              c == '-' || c == '.' || c == ':' || c == '[' || c == ']'))
            return false;
    }
    return n >= 1 && n <= 255;
}

static void parse_origin(struct wm_ctx *ctx, struct http_request *req, const struct http_io *io)
{
    const char *https = http_env(io, "HTTPS");
    const char *scheme = http_env(io, "REQUEST_SCHEME");
    req->https = (https && (case_eq(https, "on") || strcmp(https, "1") == 0)) ||
                 (scheme && case_eq(scheme, "https"));
    req->scheme = req->https ? "https" : "http";
    const char *addr = http_env(io, "REMOTE_ADDR");
    req->remote_addr = arena_strdup(ctx->arena, addr ? addr : "");

    const char *host = http_env(io, "HTTP_HOST");
    if (host && is_host(host)) {
        req->host = arena_strdup(ctx->arena, host);
        return;
    }
    const char *name = http_env(io, "SERVER_NAME");
    const char *port = http_env(io, "SERVER_PORT");
    if (!name || !is_host(name)) name = "localhost";
    bool default_port = !port || !port[0] || strcmp(port, req->https ? "443" : "80") == 0;
    if (default_port || strspn(port, "0123456789") != strlen(port) || strlen(port) > 5)
        req->host = arena_strdup(ctx->arena, name);
    else
        req->host = arena_printf(ctx->arena, "%s:%s", name, port);
}

/* ---- headers ------------------------------------------------------------------------------ */

/* "ACCEPT_LANGUAGE" -> "Accept-Language". */
static char *header_name(struct arena *a, const char *env, size_t n)
{
    char *s = arena_strndup(a, env, n);
    bool upper = true;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '_') {
            s[i] = '-';
            upper = true;
        } else {
            s[i] = (char)(upper ? s[i] : ascii_lower((unsigned char)s[i]));
            upper = false;
        }
    }
    return s;
}

static int add_header(struct wm_ctx *ctx, struct http_request *req, const struct http_limits *lim,
                      const char *env, size_t namelen, size_t *bytes)
{
    const char *value = env + namelen + 1;
    size_t vlen = strlen(value);
    *bytes += namelen + vlen;
    if (*bytes > lim->max_header_bytes)
        return wm_errorf(ctx, WM_ETOOBIG, "request headers too large (limit %zu bytes)",
                         lim->max_header_bytes);
    if (req->headers.count >= lim->max_fields)
        return wm_errorf(ctx, WM_ELIMIT, "too many request headers (limit %zu)", lim->max_fields);
    http_fields_add(ctx->arena, &req->headers, header_name(ctx->arena, env, namelen),
                    arena_strndup(ctx->arena, value, vlen), vlen);
    return WM_OK;
}

/* Headers come as HTTP_* variables plus CONTENT_TYPE and CONTENT_LENGTH (RFC 3875 §4.1). */
static int parse_headers(struct wm_ctx *ctx, struct http_request *req, const struct http_io *io,
                         const struct http_limits *lim)
{
    size_t bytes = 0;
    for (char **e = io->envp; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq) continue;
        size_t n = (size_t)(eq - *e);
        int rc = WM_OK;
        if ((n == 12 && memcmp(*e, "CONTENT_TYPE", n) == 0) ||
            (n == 14 && memcmp(*e, "CONTENT_LENGTH", n) == 0))
            rc = add_header(ctx, req, lim, *e, n, &bytes);
        else if (n > 5 && memcmp(*e, "HTTP_", 5) == 0)
            rc = add_header(ctx, req, lim, *e + 5, n - 5, &bytes);
        if (rc != WM_OK) return rc;
    }
    const char *ct = http_header(req, "Content-Type");
    if (ct && ct[0]) {
        size_t rest;
        struct str mt = http_media_type(str_from(ct), &rest);
        char *lower = str_dup(ctx->arena, mt);
        for (char *p = lower; *p; p++)
            *p = (char)ascii_lower((unsigned char)*p);
        req->content_type = ct;
        req->media_type = lower;
    }
    return WM_OK;
}

/* ---- path and query ----------------------------------------------------------------------- */

/* Decode and check the path: absolute, no NUL, control byte, encoded '/', "." or "..". */
static int parse_path(struct wm_ctx *ctx, struct http_request *req, struct str raw, bool decode)
{
    if (raw.len == 0 || raw.ptr[0] != '/')
        return wm_errorf(ctx, WM_EINVAL, "request path must start with '/'");
    char *path;
    size_t len;
    enum http_pct_result r = HTTP_PCT_OK;
    if (decode) {
        r = http_pct_decode(ctx->arena, raw, HTTP_PCT_NO_SLASH, &path, &len);
    } else {
        path = str_dup(ctx->arena, raw);
        len = raw.len;
        if (strlen(path) != len) r = HTTP_PCT_NUL;
    }
    if (r == HTTP_PCT_NUL) return wm_errorf(ctx, WM_EINVAL, "NUL byte in request path");
    if (r == HTTP_PCT_SLASH) return wm_errorf(ctx, WM_EINVAL, "encoded '/' in request path");
    if (r != HTTP_PCT_OK)
        return wm_errorf(ctx, WM_EINVAL, "invalid percent-encoding in request path");
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)path[i] < 0x20 || path[i] == 0x7f)
            return wm_errorf(ctx, WM_EINVAL, "control character in request path");
    for (const char *seg = path + 1;; seg++) {
        size_t n = strcspn(seg, "/");
        if ((n == 1 && seg[0] == '.') || (n == 2 && seg[0] == '.' && seg[1] == '.'))
            return wm_errorf(ctx, WM_EINVAL, "'.' or '..' segment in request path");
        seg += n;
        if (!*seg) break;
    }
    req->path = path;
    return WM_OK;
}

/*
 * The path comes from REQUEST_URI (the URI as the client sent it), so that a rewrite in the
 * web server does not hide what was asked; without it, from SCRIPT_NAME and PATH_INFO (already
 * decoded). The query is QUERY_STRING, or the part of REQUEST_URI after '?'.
 */
static int parse_uri(struct wm_ctx *ctx, struct http_request *req, const struct http_io *io,
                     const struct http_limits *lim)
{
    const char *uri = http_env(io, "REQUEST_URI");
    const char *qs = http_env(io, "QUERY_STRING");
    if ((uri && strlen(uri) > lim->max_uri_bytes) || (qs && strlen(qs) > lim->max_uri_bytes))
        return wm_errorf(ctx, WM_ETOOBIG, "request URI too long (limit %zu bytes)",
                         lim->max_uri_bytes);
    int rc;
    if (uri) {
        req->uri = arena_strdup(ctx->arena, uri);
        const char *q = strchr(req->uri, '?');
        struct str raw = { req->uri, q ? (size_t)(q - req->uri) : strlen(req->uri) };
        if (!qs) qs = q ? q + 1 : "";
        rc = parse_path(ctx, req, raw, true);
    } else {
        const char *script = http_env(io, "SCRIPT_NAME");
        const char *info = http_env(io, "PATH_INFO");
        char *p = arena_printf(ctx->arena, "%s%s", script ? script : "", info ? info : "");
        req->uri = p[0] ? p : "/";
        rc = parse_path(ctx, req, str_from(req->uri), false);
    }
    if (rc != WM_OK) return rc;
    req->query_string = arena_strdup(ctx->arena, qs ? qs : "");
    return http_parse_urlencoded(ctx, str_from(req->query_string), "query string", lim->max_fields,
                                 &req->query);
}

int http_request_parse(struct wm_ctx *ctx, struct http_io *io, const struct http_limits *lim,
                       struct http_request **out)
{
    struct http_request *req = ARENA_NEW(ctx->arena, struct http_request);
    req->arena = ctx->arena;
    req->method_name = "";
    req->uri = "";
    req->path = "/";
    req->query_string = "";
    req->media_type = "";
    req->body = (struct str){ "", 0 };
    *out = req;

    parse_origin(ctx, req, io);
    const char *id = http_env(io, "HTTP_X_REQUEST_ID");
    req->id = id && is_request_id(id) ? arena_strdup(ctx->arena, id) : http_request_id(ctx->arena);
    ctx->req_id = req->id;

    int rc = parse_method(ctx, req, http_env(io, "REQUEST_METHOD"));
    if (rc == WM_OK) rc = parse_headers(ctx, req, io, lim);
    if (rc == WM_OK) rc = parse_uri(ctx, req, io, lim);
    const char *cookie = http_header(req, "Cookie");
    if (rc == WM_OK && cookie)
        rc = http_parse_cookies(ctx, str_from(cookie), lim->max_fields, &req->cookies);
    return rc;
}

/* ---- body --------------------------------------------------------------------------------- */

/* Content-Length = 1*DIGIT (RFC 9110 §8.6); saturates above max so that huge values give 413. */
static int parse_length(struct wm_ctx *ctx, const char *s, size_t max, size_t *out)
{
    size_t n = strlen(s);
    if (n == 0 || strspn(s, "0123456789") != n)
        return wm_errorf(ctx, WM_EINVAL, "invalid Content-Length '%.20s'", s);
    size_t v = 0;
    for (size_t i = 0; i < n && v <= max; i++)
        v = v * 10 + (size_t)(s[i] - '0');
    if (v > max) return wm_errorf(ctx, WM_ETOOBIG, "request body too large (limit %zu bytes)", max);
    *out = v;
    return WM_OK;
}

static int parse_form_body(struct wm_ctx *ctx, struct http_request *req,
                           const struct http_limits *lim);
static bool contains_nocase(const char *s, const char *needle);

/*
 * A body of unknown length: a chunked request under plain CGI reaches us with no
 * CONTENT_LENGTH (the web server de-chunks it onto stdin). Read to the end, at most max bytes.
 */
static int read_to_eof(struct wm_ctx *ctx, struct http_io *io, size_t max, struct str *out)
{
    struct buf b = BUF_INIT(ctx->arena);
    for (;;) {
        buf_grow(&b, 16384);
        size_t room = 16384;
        size_t got = http_io_read(io, b.ptr + b.len, room);
        b.len += got;
        b.ptr[b.len] = '\0';
        if (b.len > max)
            return wm_errorf(ctx, WM_ETOOBIG, "request body too large (limit %zu bytes)", max);
        if (got < room) break;
    }
    *out = buf_str(&b);
    return WM_OK;
}

static bool is_chunked(const struct http_request *req)
{
    const char *te = http_header(req, "Transfer-Encoding");
    return te && contains_nocase(te, "chunked");
}

int http_request_read_body(struct wm_ctx *ctx, struct http_request *req, struct http_io *io,
                           const struct http_limits *lim)
{
    if (req->body_read) return WM_OK;
    const char *cl = http_header(req, "Content-Length");
    size_t len = 0;
    if (cl && cl[0]) {
        int rc = parse_length(ctx, cl, lim->max_body, &len);
        if (rc != WM_OK) return rc;
    } else if (is_chunked(req)) {
        req->body_read = true;
        int rc = read_to_eof(ctx, io, lim->max_body, &req->body);
        if (rc != WM_OK) return rc;
        return parse_form_body(ctx, req, lim);
    }
    char *p = arena_alloc(ctx->arena, len + 1);
    size_t got = http_io_read(io, p, len);
    req->body_read = true;
    if (got < len)
        return wm_errorf(ctx, WM_EINVAL, "request body truncated (%zu of %zu bytes)", got, len);
    p[len] = '\0';
    req->body = (struct str){ p, len };
    return parse_form_body(ctx, req, lim);
}

/* Parse req->body into form fields and files when its media type is a form. */
static int parse_form_body(struct wm_ctx *ctx, struct http_request *req,
                           const struct http_limits *lim)
{
    if (strcmp(req->media_type, "application/x-www-form-urlencoded") == 0)
        return http_parse_urlencoded(ctx, req->body, "form body", lim->max_fields, &req->form);
    if (strcmp(req->media_type, "multipart/form-data") == 0)
        return http_parse_multipart(ctx, req, lim);
    return WM_OK;
}

/* ---- lookups ------------------------------------------------------------------------------ */

const char *http_query_param(const struct http_request *req, const char *name)
{
    const struct http_field *f = http_fields_find(&req->query, name, false);
    return f ? f->value : NULL;
}

const char *http_form_param(const struct http_request *req, const char *name)
{
    const struct http_field *f = http_fields_find(&req->form, name, false);
    return f ? f->value : NULL;
}

const char *http_param(const struct http_request *req, const char *name)
{
    const char *v = http_form_param(req, name);
    return v ? v : http_query_param(req, name);
}

const char **http_params_all(const struct http_request *req, const char *name, size_t *count)
{
    size_t n = 0;
    const struct http_fields *lists[] = { &req->form, &req->query };
    for (size_t l = 0; l < 2; l++)
        for (size_t i = 0; i < lists[l]->count; i++)
            n += strcmp(lists[l]->items[i].name, name) == 0;
    const char **all = ARENA_ARRAY(req->arena, const char *, n + 1);
    size_t k = 0;
    for (size_t l = 0; l < 2; l++)
        for (size_t i = 0; i < lists[l]->count; i++)
            if (strcmp(lists[l]->items[i].name, name) == 0) all[k++] = lists[l]->items[i].value;
    all[k] = NULL;
    if (count) *count = n;
    return all;
}

const char *http_header(const struct http_request *req, const char *name)
{
    const struct http_field *f = http_fields_find(&req->headers, name, true);
    return f ? f->value : NULL;
}

const char *http_cookie(const struct http_request *req, const char *name)
{
    const struct http_field *f = http_fields_find(&req->cookies, name, false);
    return f ? f->value : NULL;
}

const struct http_file *http_file(const struct http_request *req, const char *name)
{
    for (size_t i = 0; i < req->nfiles; i++)
        if (strcmp(req->files[i].field, name) == 0) return &req->files[i];
    return NULL;
}

const char *http_path_param(const struct http_request *req, const char *name)
{
    const struct http_field *f = http_fields_find(&req->path_params, name, false);
    return f ? f->value : NULL;
}

/* True when s contains needle, ASCII case-insensitively. */
static bool contains_nocase(const char *s, const char *needle)
{
    size_t n = strlen(needle);
    for (; *s; s++)
        if (strncasecmp(s, needle, n) == 0) return true;
    return false;
}

/* path is prefix itself, or below it ("/api" or "/api/..."). */
static bool path_under(const char *path, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(path, prefix, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

bool http_wants_json(const struct http_request *req)
{
    if (!req) return false;
    if (req->json_errors) return true;
    const char *accept = http_header(req, "Accept");
    if (accept && (contains_nocase(accept, "application/json") ||
                   contains_nocase(accept, "application/graphql-response+json")))
        return true;
    return path_under(req->path, "/graphql") || path_under(req->path, "/wms") ||
           path_under(req->path, "/api");
}

/* Does url start with "<scheme>://<host>" followed by its end, '/', '?' or '#'? */
static bool url_has_origin(const char *url, const char *scheme, const char *host)
{
    size_t n = strlen(scheme);
    if (strncasecmp(url, scheme, n) != 0 || strncmp(url + n, "://", 3) != 0) return false;
    url += n + 3;
    size_t h = strlen(host);
    if (strncasecmp(url, host, h) != 0) return false;
    char c = url[h];
    return c == '\0' || c == '/' || c == '?' || c == '#';
}

bool http_same_origin(const struct http_request *req)
{
    const char *origin = http_header(req, "Origin");
    if (origin) return url_has_origin(origin, req->scheme, req->host) && !strchr(origin + 8, '/');
    const char *referer = http_header(req, "Referer");
    if (referer) return url_has_origin(referer, req->scheme, req->host);
    return true;
}
