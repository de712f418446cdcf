/*
 * fuzz_http_request.c: libFuzzer target for the HTTP layer: arbitrary bytes split into CGI
 * variables (one per line) and a body, then parse, read body, route, error reply and send,
 * checking nothing crashes or leaks and every reply head stays CRLF-framed. Run: make fuzz.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "http/http.h"
#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/log.h"

static int h(struct wm_ctx *c, struct http_request *r, struct http_response *s)
{
    (void)c;
    (void)r;
    (void)s;
    return 0;
}
static const struct route table[] = {
    { HTTP_GET, "/", h, 0, NULL, NULL },
    { HTTP_POST, "/p/:id", h, 0, NULL, NULL },
    { HTTP_GET, "/m/*", h, 0, NULL, NULL },
    { HTTP_POST, "/api/upload-image/", h, 0, NULL, NULL },
};

/* Take the next '\n'-terminated field of data as a NUL-terminated malloc'd string. */
static char *field(const uint8_t **p, size_t *n)
{
    const uint8_t *nl = memchr(*p, '\n', *n);
    size_t len = nl ? (size_t)(nl - *p) : *n;
    char *s = malloc(len + 1);
    memcpy(s, *p, len);
    s[len] = 0;
    /* env strings cannot hold NUL: cut there */
    *p += nl ? len + 1 : len;
    *n -= nl ? len + 1 : len;
    return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    uint8_t flags = data[0];
    data++;
    size--;
    char *f[5];
    for (int i = 0; i < 5; i++)
        f[i] = field(&data, &size);
    struct arena *a = arena_new(0);
    char *env[12];
    int k = 0;
    env[k++] = arena_printf(a, "REQUEST_METHOD=%s", f[0]);
    env[k++] = arena_printf(a, "REQUEST_URI=%s", f[1]);
    env[k++] = arena_printf(a, "CONTENT_TYPE=%s", f[2]);
    env[k++] = arena_printf(a, "HTTP_COOKIE=%s", f[3]);
    env[k++] = arena_printf(a, "HTTP_ACCEPT=%s", f[4]);
    env[k++] = arena_printf(a, "CONTENT_LENGTH=%zu", size + (flags & 1));
    if (flags & 2) env[k++] = (char *)"HTTPS=on";
    env[k] = NULL;
    struct wm_ctx ctx = { 0 };
    ctx.arena = a;
    struct http_limits lim;
    http_limits_init(&lim, NULL);
    if (flags & 4) {
        lim.max_fields = 5;
        lim.max_part_header_bytes = 40;
    }
    struct buf out = BUF_INIT(a);
    struct http_io io;
    http_io_mem(&io, env, data, size, &out);
    if (flags & 8) io.mem.chunk = 3;
    struct http_request *req = NULL;
    struct http_response *res = http_response_new(a);
    int rc = http_request_parse(&ctx, &io, &lim, &req);
    const struct route *r = NULL;
    if (rc == WM_OK) rc = http_route(table, 4, req, &r);
    if (rc == WM_OK || (flags & 16)) {
        int rc2 = http_request_read_body(&ctx, req, &io, &lim);
        if (rc == WM_OK) rc = rc2;
    }
    if (rc == WM_OK) {
        http_param(req, "a");
        http_params_all(req, "a", NULL);
        http_cookie(req, "sid");
        http_file(req, "image");
        http_path_param(req, "id");
        for (size_t i = 0; i < req->nfiles; i++) {
            const struct http_file *fl = &req->files[i];
            if (fl->data.len) {
                volatile char c = fl->data.ptr[fl->data.len - 1];
                (void)c;
            }
            if (strlen(fl->filename) > 100000) abort();
        }
        for (size_t i = 0; i < req->form.count; i++)
            if (strlen(req->form.items[i].value) != req->form.items[i].len) abort();
        http_set_header(res, "X-Echo", req->path);
    } else {
        http_reply_error(&ctx, req, res, rc);
    }
    http_send(&io, req, res);
    /* the head must contain exactly one blank line before the body */
    const char *end = strstr(out.ptr, "\r\n\r\n");
    if (!end) abort();
    for (const char *p = out.ptr; p < end; p++)
        if ((*p == '\r' && p[1] != '\n') || (*p == '\n' && p[-1] != '\r')) abort();
    http_log_request(req, res->status, 1.0, io.bytes_written);
    arena_free(a);
    for (int i = 0; i < 5; i++)
        free(f[i]);
    return 0;
}
