/*
 * upload.c: POST /api/upload-image/, the Flutter app's image upload (contract README §8): a
 * multipart form with one file field "image" (file name = the basename, part type
 * application/octet-stream, usually no Authorization header). A thin handler: who is calling
 * (an anonymous upload when no token is sent), then media_upload() does the rest. The answer
 * is the Django view's shape: 200 {"success": true, "image_url": "<absolute URL>", "message"}
 * (plus thumbnail_url, width and height), and every failure, the dispatcher's included (a body
 * over the upload limit), {"success": false, "image_url": null, "message": "<why>"} with a
 * 4xx (5xx for our own faults) status.
 */
#include "web/web.h"

#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/json_out.h"
#include "market/accounts/accounts.h"
#include "market/media/media.h"

void web_upload_reply_error(struct wm_ctx *ctx, struct http_response *res, int err)
{
    res->headers = NULL;
    res->nheaders = 0;
    res->headers_cap = 0;
    buf_reset(&res->body);
    http_set_json(res, wm_http_status(err));
    http_set_header(res, "Cache-Control", "no-store");
    if (err == WM_EUNAVAIL) http_set_header(res, "Retry-After", "5");
    struct json_out j;
    json_out_init(&j, &res->body);
    json_obj_begin(&j);
    json_key(&j, "success");
    json_boolean(&j, false);
    json_key(&j, "image_url");
    json_null(&j);
    json_key(&j, "message");
    json_str(&j, wm_client_message(ctx, err));
    json_obj_end(&j);
}

int web_upload_image(struct wm_ctx *ctx, struct http_request *req, struct http_response *res)
{
    ctx->client_ip = *req->remote_addr ? req->remote_addr : NULL;
    ctx->user_agent = http_header(req, "User-Agent");
    int64_t owner = 0;
    const char *authorization = http_header(req, "Authorization");
    if (authorization) {
        /* A token that was sent must be good: the upload would otherwise be anonymous (and
         * removed after a day) without the client knowing. */
        int rc = account_authenticate(ctx, authorization);
        const struct viewer *v = NULL;
        if (rc == WM_OK) rc = account_viewer(ctx, &v);
        if (rc != WM_OK) return rc;
        owner = v->user_id;
    }
    const struct http_file *file = http_file(req, "image");
    if (!file)
        return wm_errorf(ctx, WM_EINVAL,
                         "Send the image as a multipart/form-data file field named \"image\".");
    struct media_image *m = NULL;
    int rc = media_upload(ctx, owner, file->data.ptr, file->size, &m);
    if (rc != WM_OK) return rc;

    http_set_json(res, 200);
    http_set_header(res, "Cache-Control", "no-store");
    struct json_out j;
    json_out_init(&j, &res->body);
    json_obj_begin(&j);
    json_key(&j, "success");
    json_boolean(&j, true);
    json_key(&j, "image_url");
    json_str(&j, m->url);
    json_key(&j, "message");
    json_str(&j, "Image uploaded successfully");
    json_key(&j, "thumbnail_url");
    json_str(&j, m->thumbnail_url);
    json_key(&j, "width");
    json_int(&j, m->width);
    json_key(&j, "height");
    json_int(&j, m->height);
    json_obj_end(&j);
    return WM_OK;
}
