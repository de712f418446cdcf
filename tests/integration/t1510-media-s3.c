/*
 * t1510-media-s3.c: the S3 storage backend (src/market/media/storage_s3.c) against a local
 * S3-compatible stand-in, @20minutes/s3rver (tests/s3rver/serve.js, installed by `make deps`),
 * started by this suite on loopback with a key pair of its own; the stand-in checks SigV4
 * signatures (header and presigned query) and refuses unsigned requests. Covered: put, get and
 * delete through the backend; a wrong secret refused; a presigned PUT used with curl (and
 * refused for another content type, another length, a forged signature, or once expired);
 * presignImageUpload through GraphQL; and the app's upload endpoint storing its three files in
 * the bucket, run through the worker binary as CGI with media.storage = s3 in its environment
 * (the running stack keeps local storage).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <json.h>
#include <vips/vips.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "lib/it.h"
#include "market/media/storage.h"

#define BUCKET     "media"
#define ACCESS_KEY "AKIAT1510EXAMPLE"

static char secret[41];
static char endpoint[64];
static char s3_env[512];

static const char *var(void)
{
    return getenv("MARKET_VAR");
}

static int suite_init(void)
{
    if (VIPS_INIT("t1510")) return -1;
    snprintf(secret, sizeof(secret), "t1510-%08lx%08lx", (unsigned long)time(NULL),
             (unsigned long)getpid());
    int rc =
            it_sh("rm -f '%s/s3.port' && cd '%s/tests/s3rver' && (node serve.js --dir '%s/s3-data' "
                  "--bucket " BUCKET " --access-key " ACCESS_KEY " --secret-key '%s' "
                  "--port-file '%s/s3.port' >'%s/log/s3-stand-in.log' 2>&1 & echo $! "
                  ">'%s/s3.pid')",
                  var(), getenv("MARKET_ROOT"), var(), secret, var(), var(), var());
    if (rc != 0) return -1;
    char path[512];
    snprintf(path, sizeof(path), "%s/s3.port", var());
    for (int i = 0; i < 200; i++) {
        FILE *f = fopen(path, "r");
        int port = 0;
        if (f) {
            if (fscanf(f, "%d", &port) != 1) port = 0;
            fclose(f);
        }
        if (port > 0) {
            snprintf(endpoint, sizeof(endpoint), "http://127.0.0.1:%d", port);
            snprintf(s3_env, sizeof(s3_env),
                     "MARKET_MEDIA_STORAGE=s3 MARKET_MEDIA_S3_ENDPOINT=%s "
                     "MARKET_MEDIA_S3_BUCKET=" BUCKET " MARKET_MEDIA_S3_ACCESS_KEY=" ACCESS_KEY
                     " MARKET_MEDIA_S3_SECRET_KEY=%s",
                     endpoint, secret);
            return 0;
        }
        usleep(50 * 1000);
    }
    return -1;
}

static int suite_clean(void)
{
    it_sh("kill $(cat '%s/s3.pid') 2>/dev/null; true", var());
    return 0; /* libvips stays up: it cannot be started again after vips_shutdown() */
}

/* A context on the test stack's config with media.storage = s3 on the stand-in. */
struct s3ctx {
    struct config cfg;
    struct wm_ctx ctx;
};

static void s3_open(struct s3ctx *s, const char *secret_key)
{
    char err[512];
    memset(s, 0, sizeof(*s));
    CU_ASSERT_EQUAL_FATAL(cfg_load(&s->cfg, getenv("MARKET_CONFIG"), true, NULL, err, sizeof(err)),
                          0);
    CU_ASSERT_EQUAL(cfg_set(&s->cfg, "media.storage", "s3", err, sizeof(err)), 0);
    CU_ASSERT_EQUAL(cfg_set(&s->cfg, "media.s3_endpoint", endpoint, err, sizeof(err)), 0);
    CU_ASSERT_EQUAL(cfg_set(&s->cfg, "media.s3_bucket", BUCKET, err, sizeof(err)), 0);
    CU_ASSERT_EQUAL(cfg_set(&s->cfg, "media.s3_access_key", ACCESS_KEY, err, sizeof(err)), 0);
    CU_ASSERT_EQUAL(cfg_set(&s->cfg, "media.s3_secret_key", secret_key, err, sizeof(err)), 0);
    s->ctx.arena = arena_new(4096);
    s->ctx.config = &s->cfg;
}

static void s3_close(struct s3ctx *s)
{
    arena_free(s->ctx.arena);
    cfg_release(&s->cfg);
}

/* A fresh valid key "2026/11/<32 hex><suffix>". */
static const char *new_key(const char *suffix)
{
    static char key[96];
    static unsigned n;
    snprintf(key, sizeof(key), "2026/11/%08x%08x%08x%08x%s", (unsigned)getpid(),
             (unsigned)time(NULL), ++n, 0x1510u, suffix);
    return key;
}

static void test_put_get_delete_through_the_backend(void)
{
    struct s3ctx s;
    s3_open(&s, secret);
    char key[96];
    snprintf(key, sizeof(key), "%s", new_key(".png"));
    static const char data[] = "\x89PNG\r\n\x1a\n not really, but bytes are bytes";
    CU_ASSERT_EQUAL(storage_put(&s.ctx, key, data, sizeof(data) - 1, "image/png"), WM_OK);
    struct str got = { NULL, 0 };
    CU_ASSERT_EQUAL(storage_get(&s.ctx, key, &got), WM_OK);
    CU_ASSERT_EQUAL(got.len, sizeof(data) - 1);
    CU_ASSERT(got.ptr && memcmp(got.ptr, data, got.len) == 0);

    /* The object is in the bucket, and the stand-in does not serve it unsigned. */
    char url[256];
    snprintf(url, sizeof(url), "%s/" BUCKET "/%s", endpoint, key);
    struct it_response r;
    it_get(url, &r);
    CU_ASSERT_EQUAL(r.status, 403);
    it_response_release(&r);
    char *pub = storage_public_url(&s.ctx, key);
    CU_ASSERT_STRING_EQUAL(pub, url);

    CU_ASSERT_EQUAL(storage_delete(&s.ctx, key), WM_OK);
    CU_ASSERT_EQUAL(storage_get(&s.ctx, key, &got), WM_ENOTFOUND);
    CU_ASSERT_EQUAL(storage_delete(&s.ctx, key), WM_OK); /* gone already: fine */
    CU_ASSERT_EQUAL(storage_put(&s.ctx, "../../etc/passwd", "x", 1, "image/png"), WM_EINVAL);

    /* A body over 1 MiB (where curl starts sending Expect: 100-continue) signs the same. */
    size_t big_len = (size_t)3 * 1024 * 1024;
    char *big = malloc(big_len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(big);
    for (size_t i = 0; i < big_len; i++)
        big[i] = (char)(i * 7);
    snprintf(key, sizeof(key), "%s", new_key("_1200.jpg"));
    CU_ASSERT_EQUAL(storage_put(&s.ctx, key, big, big_len, "image/jpeg"), WM_OK);
    CU_ASSERT_EQUAL(storage_get(&s.ctx, key, &got), WM_OK);
    CU_ASSERT(got.len == big_len && memcmp(got.ptr, big, big_len) == 0);
    CU_ASSERT_EQUAL(storage_delete(&s.ctx, key), WM_OK);
    free(big);
    s3_close(&s);
}

static void test_a_wrong_secret_is_refused(void)
{
    struct s3ctx bad;
    s3_open(&bad, "not-the-secret");
    const char *key = new_key(".jpg");
    int rc = storage_put(&bad.ctx, key, "abc", 3, "image/jpeg");
    CU_ASSERT_EQUAL(rc, WM_EUPSTREAM);
    CU_ASSERT(bad.ctx.err.message && strstr(bad.ctx.err.message, "HTTP 403 SignatureDoesNotMatch"));
    struct s3ctx good;
    s3_open(&good, secret);
    struct str got;
    CU_ASSERT_EQUAL(storage_get(&good.ctx, key, &got), WM_ENOTFOUND);
    s3_close(&good);
    s3_close(&bad);
}

static void test_presigned_put(void)
{
    struct s3ctx s;
    s3_open(&s, secret);
    char key[96];
    snprintf(key, sizeof(key), "%s", new_key(".webp"));
    static const char data[] = "RIFF\x10\0\0\0WEBPVP8 pretend";
    size_t len = sizeof(data) - 1;
    char *url = NULL;
    CU_ASSERT_EQUAL_FATAL(
            storage_presign_put(&s.ctx, key, "image/webp", (int64_t)len, time(NULL), 600, &url),
            WM_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(url, "X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost"));
    struct it_response r;
    /* Another content type, another length, a forged signature: refused. */
    const char *png[] = { "Content-Type: image/png", NULL };
    it_request("PUT", url, png, data, len, &r);
    CU_ASSERT_EQUAL(r.status, 403);
    it_response_release(&r);
    const char *webp[] = { "Content-Type: image/webp", NULL };
    it_request("PUT", url, webp, data, len - 1, &r);
    CU_ASSERT_EQUAL(r.status, 403);
    it_response_release(&r);
    char *forged = strdup(url);
    char *sig = strstr(forged, "X-Amz-Signature=") + 16;
    sig[0] = sig[0] == '0' ? '1' : '0';
    it_request("PUT", forged, webp, data, len, &r);
    CU_ASSERT_EQUAL(r.status, 403);
    it_response_release(&r);
    free(forged);
    struct str got;
    CU_ASSERT_EQUAL(storage_get(&s.ctx, key, &got), WM_ENOTFOUND);
    /* As signed: stored. */
    it_request("PUT", url, webp, data, len, &r);
    CU_ASSERT_EQUAL(r.status, 200);
    it_response_release(&r);
    CU_ASSERT_EQUAL(storage_get(&s.ctx, key, &got), WM_OK);
    CU_ASSERT(got.len == len && memcmp(got.ptr, data, len) == 0);
    /* An expired URL is refused. */
    CU_ASSERT_EQUAL(storage_presign_put(&s.ctx, new_key(".webp"), "image/webp", (int64_t)len,
                                        time(NULL) - 3600, 600, &url),
                    WM_OK);
    it_request("PUT", url, webp, data, len, &r);
    CU_ASSERT_EQUAL(r.status, 403);
    it_response_release(&r);
    s3_close(&s);
}

/* The JSON body of a CGI reply (after the blank line). */
static struct json_object *cgi_json(const struct buf *out)
{
    const char *p = out->ptr ? strstr(out->ptr, "\r\n\r\n") : NULL;
    return p ? json_tokener_parse(p + 4) : NULL;
}

static void test_presign_through_graphql(void)
{
    const char *token = it_sign_up("t1510", NULL, 0);
    char env[1600];
    snprintf(env, sizeof(env), "%s HTTP_AUTHORIZATION='Bearer %s'", s3_env, token);
    static const char body[] =
            "{\"query\":\"mutation { presignImageUpload(contentType: \\\"image/jpeg\\\", bytes: "
            "4) { url key expiresAt publicUrl } }\"}";
    struct buf out;
    it_cgi_post(env, body, &out);
    struct json_object *o = cgi_json(&out);
    const char *url = it_str_at(o, "presignImageUpload.url");
    const char *key = it_str_at(o, "presignImageUpload.key");
    const char *pub = it_str_at(o, "presignImageUpload.publicUrl");
    CU_ASSERT_FATAL(url && key && pub);
    CU_ASSERT_PTR_NOT_NULL(strstr(key, ".jpg"));
    CU_ASSERT_EQUAL(strncmp(url, endpoint, strlen(endpoint)), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(pub, key));
    CU_ASSERT_PTR_NOT_NULL(it_str_at(o, "presignImageUpload.expiresAt"));
    const char *jpeg[] = { "Content-Type: image/jpeg", NULL };
    struct it_response r;
    it_request("PUT", url, jpeg, "\xff\xd8\xff\xd9", 4, &r);
    CU_ASSERT_EQUAL(r.status, 200);
    it_response_release(&r);
    json_object_put(o);
    buf_release(&out);

    /* Without a token: an error, no URL. */
    it_cgi_post(s3_env, body, &out);
    o = cgi_json(&out);
    CU_ASSERT_STRING_EQUAL(it_error_code(o), "UNAUTHENTICATED");
    json_object_put(o);
    buf_release(&out);
    /* With local storage (the stack's): refused, saying why. */
    snprintf(env, sizeof(env), "HTTP_AUTHORIZATION='Bearer %s'", token);
    it_cgi_post(env, body, &out);
    o = cgi_json(&out);
    CU_ASSERT_STRING_EQUAL(it_error_code(o), "BAD_USER_INPUT");
    CU_ASSERT_PTR_NOT_NULL(strstr(it_error_message(o), "media.storage = local"));
    json_object_put(o);
    buf_release(&out);
}

static void test_app_upload_lands_in_the_bucket(void)
{
    VipsImage *xy = NULL, *rgb = NULL, *u8 = NULL;
    CU_ASSERT_EQUAL_FATAL(vips_xyz(&xy, 800, 500, NULL), 0);
    CU_ASSERT_EQUAL_FATAL(vips_bandjoin_const1(xy, &rgb, 60, NULL), 0);
    CU_ASSERT_EQUAL_FATAL(vips_cast_uchar(rgb, &u8, NULL), 0);
    void *jpg = NULL;
    size_t len = 0;
    CU_ASSERT_EQUAL_FATAL(vips_jpegsave_buffer(u8, &jpg, &len, NULL), 0);
    g_object_unref(u8);
    g_object_unref(rgb);
    g_object_unref(xy);

    char in[512], outp[512];
    snprintf(in, sizeof(in), "%s/t1510-upload.in", var());
    snprintf(outp, sizeof(outp), "%s/t1510-upload.out", var());
    FILE *f = fopen(in, "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    size_t n = 0;
    n += (size_t)fprintf(f,
                         "--XB\r\ncontent-type: application/octet-stream\r\ncontent-disposition: "
                         "form-data; name=\"image\"; filename=\"a.jpg\"\r\n\r\n");
    n += fwrite(jpg, 1, len, f);
    n += (size_t)fprintf(f, "\r\n--XB--\r\n");
    fclose(f);
    g_free(jpg);
    int rc = it_sh("env %s REMOTE_ADDR=127.9.9.9 REQUEST_METHOD=POST "
                   "REQUEST_URI=/api/upload-image/ CONTENT_TYPE='multipart/form-data; boundary=XB' "
                   "CONTENT_LENGTH=%zu '%s' <'%s' >'%s' 2>>'%s/log/t1510-cgi.log'",
                   s3_env, n, getenv("MARKET_FCGI"), in, outp, var());
    CU_ASSERT_EQUAL(rc, 0);
    struct buf out;
    buf_init(&out, NULL, 0);
    f = fopen(outp, "rb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char tmp[4096];
    size_t k;
    while ((k = fread(tmp, 1, sizeof(tmp), f)) > 0)
        buf_append(&out, tmp, k);
    fclose(f);
    buf_appendc(&out, '\0');
    CU_ASSERT_PTR_NOT_NULL(strstr(out.ptr, "Status: 200"));
    struct json_object *o = cgi_json(&out);
    struct json_object *u = NULL;
    const char *url =
            o && json_object_object_get_ex(o, "image_url", &u) ? json_object_get_string(u) : NULL;
    char prefix[128];
    snprintf(prefix, sizeof(prefix), "%s/" BUCKET "/", endpoint);
    CU_ASSERT_FATAL(url && strncmp(url, prefix, strlen(prefix)) == 0);
    const char *key = url + strlen(prefix);

    /* The three objects are in the bucket; the full one is the re-encoded JPEG. */
    struct s3ctx s;
    s3_open(&s, secret);
    struct str got;
    CU_ASSERT_EQUAL(storage_get(&s.ctx, key, &got), WM_OK);
    VipsImage *back = NULL;
    CU_ASSERT_EQUAL_FATAL(vips_jpegload_buffer((void *)got.ptr, got.len, &back, NULL), 0);
    CU_ASSERT_EQUAL(vips_image_get_width(back), 800);
    g_object_unref(back);
    char thumb[128];
    const char *dot = strrchr(key, '.');
    snprintf(thumb, sizeof(thumb), "%.*s_400%s", (int)(dot - key), key, dot);
    CU_ASSERT_EQUAL(storage_get(&s.ctx, thumb, &got), WM_OK);
    snprintf(thumb, sizeof(thumb), "%.*s_1200%s", (int)(dot - key), key, dot);
    CU_ASSERT_EQUAL(storage_get(&s.ctx, thumb, &got), WM_OK);
    s3_close(&s);
    json_object_put(o);
    buf_release(&out);
}

/* clang-format off */
static CU_TestInfo tests[] = {
    { "put, get and delete through the backend", test_put_get_delete_through_the_backend },
    { "a wrong secret is refused",               test_a_wrong_secret_is_refused },
    { "presigned PUT used with curl",            test_presigned_put },
    { "presignImageUpload through GraphQL",      test_presign_through_graphql },
    { "the app's upload lands in the bucket",    test_app_upload_lands_in_the_bucket },
    CU_TEST_INFO_NULL,
};
/* clang-format on */

IT_SUITE(t1510_media_s3, "t1510/media-s3", suite_init, suite_clean, tests);
