/*
 * debug.c: /debug/request echoes what the worker understood of a request (method, path,
 * parameters, header names, cookies names, uploaded files) as JSON, so an operator can check
 * what a proxy in front of it passes through. Off unless http.debug_routes is true (404 then,
 * as for any unknown path). Secrets are never echoed: header values of Authorization and
 * Cookie and all cookie values are masked.
 */
#include "web/web.h"

#include <stdint.h>
#include <stdio.h>
#include <strings.h>

#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/hash.h"
#include "core/json_out.h"

/* FNV-1a 64 of the bytes, as 16 hex digits: lets a test check a body arrived intact. */
static void write_digest(struct json_out *j, const char *key, struct str data)
{
    uint64_t h = hash_fnv1a(data.ptr, data.len);
    char hex[17];
    (void)snprintf(hex, sizeof(hex), "%016llx", (unsigned long long)h);
    json_key(j, key);
    json_str(j, hex);
}

static void write_fields(struct json_out *j, const char *key, const struct http_fields *f,
                         bool mask)
{
    json_key(j, key);
    json_arr_begin(j);
    for (size_t i = 0; i < f->count; i++) {
        json_arr_begin(j);
        json_str(j, f->items[i].name);
        bool secret = mask || strcasecmp(f->items[i].name, "Authorization") == 0 ||
                      strcasecmp(f->items[i].name, "Cookie") == 0;
        json_str(j, secret ? "***" : f->items[i].value);
        json_arr_end(j);
    }
    json_arr_end(j);
}

int web_debug_request(struct wm_ctx *ctx, struct http_request *req, struct http_response *res)
{
    if (!ctx->config->http_debug_routes) return WM_ENOTFOUND;
    http_set_json(res, 200);
    http_set_header(res, "Cache-Control", "no-store");
    struct json_out j;
    json_out_init(&j, &res->body);
    json_obj_begin(&j);
    json_key(&j, "method");
    json_str(&j, req->method_name);
    json_key(&j, "uri");
    json_str(&j, req->uri);
    json_key(&j, "path");
    json_str(&j, req->path);
    json_key(&j, "query_string");
    json_str(&j, req->query_string);
    json_key(&j, "https");
    json_boolean(&j, req->https);
    json_key(&j, "media_type");
    json_str(&j, req->media_type);
    json_key(&j, "body_length");
    json_int(&j, (int64_t)req->body.len);
    write_digest(&j, "body_fnv1a", req->body);
    write_fields(&j, "query", &req->query, false);
    write_fields(&j, "form", &req->form, false);
    write_fields(&j, "headers", &req->headers, false);
    write_fields(&j, "cookies", &req->cookies, true);
    json_key(&j, "files");
    json_arr_begin(&j);
    for (size_t i = 0; i < req->nfiles; i++) {
        const struct http_file *f = &req->files[i];
        json_obj_begin(&j);
        json_key(&j, "field");
        json_str(&j, f->field);
        json_key(&j, "filename");
        json_str(&j, f->filename);
        json_key(&j, "content_type");
        json_str(&j, f->content_type);
        json_key(&j, "size");
        json_int(&j, (int64_t)f->size);
        write_digest(&j, "fnv1a", f->data);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
    return WM_OK;
}
