/*
 * media_gql.c: GraphQL adapter of the media domain (media_gql.h). The Upload argument is the
 * struct gql_upload the API surface put in place of the variable (graphql.h); the payload is
 * built as an object (UploadPayload has no field map).
 */
#include "market/media/media_gql.h"

#include <time.h>

#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "market/accounts/accounts.h"
#include "market/media/media.h"

/* The signed-in viewer's id, or 0 (anonymous). */
static int64_t owner_of(struct wm_ctx *ctx)
{
    const struct viewer *v = NULL;
    int rc = account_viewer(ctx, &v);
    wm_clear_error(ctx);
    return rc == WM_OK ? v->user_id : 0;
}

/* Failures a payload reports: the user can act on them and nothing was stored. */
static bool is_payload_failure(int rc)
{
    return rc == WM_EINVAL || rc == WM_EMEDIA || rc == WM_ETOOBIG || rc == WM_ELIMIT;
}

int media_gql_upload_image(struct gql_call *call, struct gql_value *out)
{
    struct wm_ctx *ctx = call->ctx;
    const struct gql_value *f = gql_arg(call, "file");
    struct media_image *m = NULL;
    int rc;
    if (!f || f->kind != GQL_V_PTR || !f->u.ptr) {
        rc = wm_errorf(ctx, WM_EINVAL, "file must be a file sent with the multipart request.");
    } else {
        const struct gql_upload *up = f->u.ptr;
        rc = media_upload(ctx, owner_of(ctx), up->data.ptr, up->data.len, &m);
    }
    if (rc != WM_OK && !is_payload_failure(rc)) return rc;
    *out = gql_object(ctx->arena, 6);
    gql_object_set(ctx->arena, out, "success", gql_bool(rc == WM_OK));
    gql_object_set(ctx->arena, out, "message",
                   gql_string(ctx->arena, rc == WM_OK ? "Image uploaded successfully"
                                                      : wm_client_message(ctx, rc)));
    gql_object_set(ctx->arena, out, "imageUrl", gql_string(ctx->arena, m ? m->url : NULL));
    gql_object_set(ctx->arena, out, "thumbnailUrl",
                   gql_string(ctx->arena, m ? m->thumbnail_url : NULL));
    gql_object_set(ctx->arena, out, "width", m ? gql_int(m->width) : gql_null());
    gql_object_set(ctx->arena, out, "height", m ? gql_int(m->height) : gql_null());
    wm_clear_error(ctx);
    return WM_OK;
}

int media_gql_presign_upload(struct gql_call *call, struct gql_value *out)
{
    struct wm_ctx *ctx = call->ctx;
    const struct viewer *v = NULL;
    int rc = account_viewer(ctx, &v);
    if (rc != WM_OK) return rc;
    const struct gql_value *type = gql_arg(call, "contentType");
    const struct gql_value *bytes = gql_arg(call, "bytes");
    const char *ct = type && type->kind == GQL_V_STRING ? str_dup(ctx->arena, type->u.s) : NULL;
    struct media_presigned p;
    rc = media_presign_upload(ctx, v->user_id, ct,
                              bytes && bytes->kind == GQL_V_INT ? bytes->u.i : 0, &p);
    if (rc != WM_OK) return rc;
    time_t t = (time_t)p.expires_at;
    struct tm tm;
    gmtime_r(&t, &tm);
    char when[32];
    (void)strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
    *out = gql_object(ctx->arena, 4);
    gql_object_set(ctx->arena, out, "url", gql_string(ctx->arena, p.url));
    gql_object_set(ctx->arena, out, "key", gql_string(ctx->arena, p.key));
    gql_object_set(ctx->arena, out, "expiresAt", gql_string(ctx->arena, when));
    gql_object_set(ctx->arena, out, "publicUrl", gql_string(ctx->arena, p.public_url));
    return WM_OK;
}
