/*
 * response.c: building and writing CGI responses, the error-reply page, and the access log
 * line. Header names are programmer-written (asserted to be tokens); header values may carry
 * user text, so every control byte in them is replaced before it can split the response.
 * http_send() adds the security headers every reply must carry unless the handler chose its
 * own, which is how a handler loosens the CSP for one page and no other.
 */
#include "http/http.h"

#include <assert.h>
#include <inttypes.h>
#include <string.h>
#include <strings.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/log.h"
#include "http/http_int.h"

/* clang-format off */
static const struct { int status; const char *reason; } reasons[] = {
    { 100, "Continue" },              { 101, "Switching Protocols" },
    { 200, "OK" },                    { 201, "Created" },
    { 202, "Accepted" },              { 204, "No Content" },
    { 206, "Partial Content" },       { 301, "Moved Permanently" },
    { 302, "Found" },                 { 303, "See Other" },
    { 304, "Not Modified" },          { 307, "Temporary Redirect" },
    { 308, "Permanent Redirect" },    { 400, "Bad Request" },
    { 401, "Unauthorized" },          { 403, "Forbidden" },
    { 404, "Not Found" },             { 405, "Method Not Allowed" },
    { 406, "Not Acceptable" },        { 409, "Conflict" },
    { 410, "Gone" },                  { 411, "Length Required" },
    { 413, "Content Too Large" },     { 414, "URI Too Long" },
    { 415, "Unsupported Media Type" },{ 422, "Unprocessable Content" },
    { 429, "Too Many Requests" },     { 431, "Request Header Fields Too Large" },
    { 500, "Internal Server Error" }, { 501, "Not Implemented" },
    { 502, "Bad Gateway" },           { 503, "Service Unavailable" },
    { 504, "Gateway Timeout" },
};

/* Sent on every response whose handler did not set the header itself. */
static const struct http_header security_headers[] = {
    { "X-Content-Type-Options",     "nosniff" },
    { "X-Frame-Options",            "DENY" },
    { "Referrer-Policy",            "strict-origin-when-cross-origin" },
    { "Content-Security-Policy",    "default-src 'self'; frame-ancestors 'none'; "
                                    "base-uri 'self'; form-action 'self'" },
    { "Cross-Origin-Opener-Policy", "same-origin" },
    { "Permissions-Policy",         "camera=(), microphone=(), geolocation=()" },
};
/* clang-format on */

#define HSTS_VALUE "max-age=31536000; includeSubDomains"

const char *http_status_reason(int status)
{
    for (size_t i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++)
        if (reasons[i].status == status) return reasons[i].reason;
    return "Unknown";
}

struct http_response *http_response_new(struct arena *a)
{
    struct http_response *res = ARENA_NEW(a, struct http_response);
    res->arena = a;
    res->status = 200;
    buf_init(&res->body, a, 0);
    return res;
}

/* Names are written by programmers: a non-token (or the CGI "Status" pseudo-header) is a bug. */
static bool is_header_name(const char *name)
{
    if (!name[0] || strcasecmp(name, "Status") == 0) return false;
    for (const char *p = name; *p; p++)
        if (!http_is_tchar((unsigned char)*p)) return false;
    return true;
}

/* A copy of value with each control byte but tab replaced by a space. */
static const char *clean_value(struct arena *a, const char *value)
{
    char *v = arena_strdup(a, value);
    for (char *p = v; *p; p++)
        if (((unsigned char)*p < 0x20 && *p != '\t') || *p == 0x7f) *p = ' ';
    return v;
}

static void append_header(struct http_response *res, const char *name, const char *value)
{
    if (res->nheaders == res->headers_cap) {
        size_t cap = res->headers_cap ? res->headers_cap * 2 : 16;
        struct http_header *h = ARENA_ARRAY(res->arena, struct http_header, cap);
        if (res->nheaders) memcpy(h, res->headers, res->nheaders * sizeof(*h));
        res->headers = h;
        res->headers_cap = cap;
    }
    res->headers[res->nheaders++] = (struct http_header){ name, value };
}

void http_add_header(struct http_response *res, const char *name, const char *value)
{
    assert(is_header_name(name) && value);
    append_header(res, arena_strdup(res->arena, name), clean_value(res->arena, value));
}

void http_unset_header(struct http_response *res, const char *name)
{
    size_t k = 0;
    for (size_t i = 0; i < res->nheaders; i++)
        if (strcasecmp(res->headers[i].name, name) != 0) res->headers[k++] = res->headers[i];
    res->nheaders = k;
}

void http_set_header(struct http_response *res, const char *name, const char *value)
{
    http_unset_header(res, name);
    http_add_header(res, name, value);
}

const char *http_response_header(const struct http_response *res, const char *name)
{
    for (size_t i = 0; i < res->nheaders; i++)
        if (strcasecmp(res->headers[i].name, name) == 0) return res->headers[i].value;
    return NULL;
}

void http_set_json(struct http_response *res, int status)
{
    res->status = status;
    http_set_header(res, "Content-Type", "application/json; charset=utf-8");
}

void http_set_html(struct http_response *res, int status)
{
    res->status = status;
    http_set_header(res, "Content-Type", "text/html; charset=utf-8");
}

void http_redirect(struct http_response *res, int status, const char *location)
{
    assert(status == 301 || status == 302 || status == 303 || status == 307 || status == 308);
    res->status = status;
    http_set_header(res, "Location", location);
    buf_reset(&res->body);
}

/* ---- error replies ------------------------------------------------------------------------ */

void http_reply_error(struct wm_ctx *ctx, const struct http_request *req, struct http_response *res,
                      int err)
{
    assert(err < 0);
    int status = wm_http_status(err);
    const char *msg = wm_client_message(ctx, err);
    buf_reset(&res->body);
    http_unset_header(res, "Location");
    http_unset_header(res, "Content-Disposition");
    http_set_header(res, "Cache-Control", "no-store");
    if (http_wants_json(req)) {
        http_set_json(res, status);
        buf_appends(&res->body, "{\"errors\":[{\"message\":");
        buf_append_json_str(&res->body, msg, strlen(msg));
        buf_appends(&res->body, ",\"extensions\":{\"code\":");
        const char *code = wm_gql_code(err);
        buf_append_json_str(&res->body, code, strlen(code));
        buf_appends(&res->body, "}}]}\n");
    } else {
        http_set_html(res, status);
        const char *reason = http_status_reason(status);
        buf_appendf(&res->body,
                    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                    "<title>%d %s</title></head>\n<body><h1>%d %s</h1>\n<p>",
                    status, reason, status, reason);
        buf_append_html(&res->body, msg, strlen(msg));
        buf_appends(&res->body, "</p></body></html>\n");
    }
    if (err == WM_EUNAVAIL) http_set_header(res, "Retry-After", "5");
    if (err == WM_EMETHOD && req && req->allow) http_set_header(res, "Allow", req->allow);
}

/* ---- sending ------------------------------------------------------------------------------ */

/* Add name: value (a constant) unless the handler set that header. */
static void default_header(struct http_response *res, const char *name, const char *value)
{
    if (!http_response_header(res, name)) append_header(res, name, value);
}

int http_send(struct http_io *io, const struct http_request *req, struct http_response *res)
{
    assert(res->status >= 100 && res->status <= 999);
    bool has_body = res->status >= 200 && res->status != 204 && res->status != 304;
    bool is_head = req && req->method == HTTP_HEAD;

    for (size_t i = 0; i < sizeof(security_headers) / sizeof(security_headers[0]); i++)
        default_header(res, security_headers[i].name, security_headers[i].value);
    if (req && req->https) default_header(res, "Strict-Transport-Security", HSTS_VALUE);
    if (req && req->id) default_header(res, "X-Request-Id", req->id);
    http_unset_header(res, "Content-Length");
    if (has_body) {
        if (res->body.len && !http_response_header(res, "Content-Type"))
            append_header(res, "Content-Type", "text/plain; charset=utf-8");
        append_header(res, "Content-Length", arena_printf(res->arena, "%zu", res->body.len));
    }

    struct buf head = BUF_INIT(res->arena);
    buf_appendf(&head, "Status: %d %s\r\n", res->status, http_status_reason(res->status));
    for (size_t i = 0; i < res->nheaders; i++)
        buf_appendf(&head, "%s: %s\r\n", res->headers[i].name, res->headers[i].value);
    buf_appends(&head, "\r\n");

    int rc = http_io_write(io, head.ptr, head.len);
    if (rc == WM_OK && has_body && !is_head) rc = http_io_write(io, res->body.ptr, res->body.len);
    if (rc == WM_OK && io->flush && io->flush(io) != 0) rc = WM_EINTERNAL;
    return rc;
}

/* ---- access log --------------------------------------------------------------------------- */

/* Longest part of a client-controlled value put in the access line, so that the keys after it
 * survive the log's line limit. */
#define LOG_VALUE_MAX 512

/* Append s as a logfmt value: bare when it is plainly safe, else quoted and escaped; cut to
 * LOG_VALUE_MAX bytes with "..." inside the quotes. */
static void append_logfmt(struct buf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    size_t n = strlen(s);
    bool cut = n > LOG_VALUE_MAX;
    if (cut) n = LOG_VALUE_MAX;
    bool bare = n > 0 && !cut;
    for (size_t i = 0; i < n && bare; i++) {
        char c = s[i];
        bare = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               strchr("/._~:+-", c) != NULL;
    }
    if (bare) {
        buf_append(b, s, n);
        return;
    }
    buf_appendc(b, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            buf_appendc(b, '\\');
            buf_appendc(b, (char)c);
        } else if (c < 0x20 || c >= 0x7f) {
            char esc[4] = { '\\', 'x', hex[c >> 4], hex[c & 15] };
            buf_append(b, esc, sizeof(esc));
        } else {
            buf_appendc(b, (char)c);
        }
    }
    if (cut) buf_appends(b, "...");
    buf_appendc(b, '"');
}

void http_log_request(const struct http_request *req, int status, double dur_ms, size_t bytes)
{
    if (LOG_LEVEL_INFO > log_current_level) return;
    struct buf b = BUF_INIT(NULL);
    buf_appends(&b, "method=");
    append_logfmt(&b, req && req->method_name[0] ? req->method_name : "-");
    buf_appends(&b, " path=");
    append_logfmt(&b, req ? req->path : "-");
    buf_appendf(&b, " status=%d dur_ms=%.2f bytes=%zu ip=", status, dur_ms, bytes);
    append_logfmt(&b, req && req->remote_addr[0] ? req->remote_addr : "-");
    log_info("@%s", b.ptr);
    buf_release(&b);
}
