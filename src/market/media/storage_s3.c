/*
 * storage_s3.c: the S3 storage backend (storage_int.h): objects <endpoint>/<bucket>/<key>
 * (path style, which every S3-compatible server understands). Requests go through libcurl
 * signed with CURLOPT_AWS_SIGV4 ("aws:amz:<region>:s3"); the payload's SHA-256 is sent in
 * x-amz-content-sha256, which curl then signs. curl 7.88 signs every header of
 * CURLOPT_HTTPHEADER, even an empty "Expect:" that it then does not send (the server's
 * signature would differ): only headers that are sent go in that list. Presigned PUT URLs are
 * signed here (SigV4 query signing, the algorithm of AWS's "Authenticating Requests: Using Query
 * Parameters"), binding host, content-length and content-type, with UNSIGNED-PAYLOAD.
 */
#include "market/media/storage_int.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"

#define S3_TIMEOUT_S         30
#define S3_CONNECT_TIMEOUT_S 5

static void hex(const unsigned char *p, size_t n, char *out)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = digits[p[i] >> 4];
        out[2 * i + 1] = digits[p[i] & 15];
    }
    out[2 * n] = '\0';
}

static void sha256_hex(const void *p, size_t n, char out[2 * SHA256_DIGEST_LENGTH + 1])
{
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256(p, n, md);
    hex(md, sizeof(md), out);
}

static void hmac(const void *key, size_t klen, const char *msg, unsigned char out[32])
{
    unsigned int n = 32;
    HMAC(EVP_sha256(), key, (int)klen, (const unsigned char *)msg, strlen(msg), out, &n);
}

/* RFC 3986 unreserved characters stay; everything else becomes %XX (AWS's UriEncode). */
static char *uri_encode(struct wm_ctx *ctx, const char *s, bool keep_slash)
{
    struct buf b = BUF_INIT(ctx->arena);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
            *p == '-' || *p == '_' || *p == '.' || *p == '~' || (keep_slash && *p == '/'))
            buf_appendc(&b, (char)*p);
        else
            buf_appendf(&b, "%%%02X", *p);
    }
    buf_appendc(&b, '\0');
    return b.ptr;
}

char *storage_s3_presign_query(struct wm_ctx *ctx, const char *method, const char *path,
                               const char *const *signed_names, const char *const *signed_values,
                               size_t n, const char *access_key, const char *secret,
                               const char *region, const char *amz_date, int64_t ttl_s)
{
    char date[9];
    (void)snprintf(date, sizeof(date), "%.8s", amz_date);
    char *scope = arena_printf(ctx->arena, "%s/%s/s3/aws4_request", date, region);
    struct buf names = BUF_INIT(ctx->arena);
    struct buf headers = BUF_INIT(ctx->arena);
    for (size_t i = 0; i < n; i++) {
        if (i) buf_appendc(&names, ';');
        buf_appends(&names, signed_names[i]);
        buf_appendf(&headers, "%s:%s\n", signed_names[i], signed_values[i]);
    }
    buf_appendc(&names, '\0');
    buf_appendc(&headers, '\0');
    char *query = arena_printf(
            ctx->arena,
            "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=%s&X-Amz-Date=%s"
            "&X-Amz-Expires=%lld&X-Amz-SignedHeaders=%s",
            uri_encode(ctx, arena_printf(ctx->arena, "%s/%s", access_key, scope), false), amz_date,
            (long long)ttl_s, uri_encode(ctx, names.ptr, false));
    char *canonical = arena_printf(ctx->arena, "%s\n%s\n%s\n%s\n%s\nUNSIGNED-PAYLOAD", method, path,
                                   query, headers.ptr, names.ptr);
    char canonical_hash[65];
    sha256_hex(canonical, strlen(canonical), canonical_hash);
    char *to_sign = arena_printf(ctx->arena, "AWS4-HMAC-SHA256\n%s\n%s\n%s", amz_date, scope,
                                 canonical_hash);
    char *k_secret = arena_printf(ctx->arena, "AWS4%s", secret);
    unsigned char k_date[32], k_region[32], k_service[32], k_signing[32], sig[32];
    hmac(k_secret, strlen(k_secret), date, k_date);
    hmac(k_date, 32, region, k_region);
    hmac(k_region, 32, "s3", k_service);
    hmac(k_service, 32, "aws4_request", k_signing);
    hmac(k_signing, 32, to_sign, sig);
    char sig_hex[65];
    hex(sig, sizeof(sig), sig_hex);
    return arena_printf(ctx->arena, "%s&X-Amz-Signature=%s", query, sig_hex);
}

/* The endpoint without a trailing '/', and its host[:port] part. */
static int endpoint(struct wm_ctx *ctx, const char **base, const char **host)
{
    const char *e = ctx->config->media_s3_endpoint;
    const char *rest = strncmp(e, "https://", 8) == 0  ? e + 8
                       : strncmp(e, "http://", 7) == 0 ? e + 7
                                                       : NULL;
    if (!rest || !*rest || !*ctx->config->media_s3_bucket)
        return wm_errorf(ctx, WM_EINTERNAL,
                         "media.storage = s3 needs media.s3_endpoint (http(s)://host[:port]) and "
                         "media.s3_bucket");
    size_t n = strlen(e);
    while (n > 0 && e[n - 1] == '/')
        n--;
    *base = arena_printf(ctx->arena, "%.*s", (int)n, e);
    *host = arena_printf(ctx->arena, "%.*s", (int)strcspn(rest, "/"), rest);
    return WM_OK;
}

static char *object_path(struct wm_ctx *ctx, const char *key)
{
    return arena_printf(ctx->arena, "/%s/%s", uri_encode(ctx, ctx->config->media_s3_bucket, false),
                        uri_encode(ctx, key, true));
}

struct sink {
    struct buf *body;
    size_t max;
};

static size_t on_body(char *p, size_t size, size_t nmemb, void *ud)
{
    struct sink *s = ud;
    size_t n = size * nmemb;
    if (s->body->len + n > s->max) return 0; /* more than any image: stop */
    buf_append(s->body, p, n);
    return n;
}

/* One signed request; *status gets the HTTP status, body (may be NULL) the response. */
static int request(struct wm_ctx *ctx, const char *method, const char *key, const void *data,
                   size_t len, const char *content_type, long *status, struct buf *body)
{
    const char *base = NULL;
    const char *host = NULL;
    int rc = endpoint(ctx, &base, &host);
    if (rc != WM_OK) return rc;
    const struct config *cfg = ctx->config;
    char *url = arena_printf(ctx->arena, "%s%s", base, object_path(ctx, key));
    char payload_hash[65];
    sha256_hex(data ? data : "", data ? len : 0, payload_hash);
    CURL *c = curl_easy_init();
    if (!c) return wm_errorf(ctx, WM_EINTERNAL, "curl_easy_init failed");
    struct curl_slist *hdrs = NULL;
    hdrs = curl_slist_append(hdrs,
                             arena_printf(ctx->arena, "x-amz-content-sha256: %s", payload_hash));
    if (content_type)
        hdrs = curl_slist_append(hdrs, arena_printf(ctx->arena, "Content-Type: %s", content_type));
    struct buf scratch = BUF_INIT(ctx->arena);
    struct sink sink = { body ? body : &scratch, (size_t)cfg->media_max_bytes * 4 + 65536 };
    char errbuf[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, (long)S3_TIMEOUT_S);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, (long)S3_CONNECT_TIMEOUT_S);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(c, CURLOPT_AWS_SIGV4,
                     arena_printf(ctx->arena, "aws:amz:%s:s3", cfg->media_s3_region));
    curl_easy_setopt(c, CURLOPT_USERNAME, cfg->media_s3_access_key);
    curl_easy_setopt(c, CURLOPT_PASSWORD, cfg->media_s3_secret_key);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
    if (strcmp(method, "PUT") == 0) {
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, "PUT");
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, data);
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
    } else if (strcmp(method, "DELETE") == 0) {
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, "DELETE");
    }
    CURLcode cc = curl_easy_perform(c);
    *status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, status);
    curl_slist_free_all(hdrs);
    curl_easy_cleanup(c);
    if (cc != CURLE_OK)
        return wm_errorf(ctx, WM_EUPSTREAM, "S3 %s %s: %s", method, key,
                         errbuf[0] ? errbuf : curl_easy_strerror(cc));
    return WM_OK;
}

/* The first occurrence of needle in the n bytes at p, or NULL. */
static const char *find(const char *p, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(p + i, needle, k) == 0) return p + i;
    return NULL;
}

/* The S3 error code in an XML error body ("SignatureDoesNotMatch"), or "". */
static const char *s3_code(struct wm_ctx *ctx, const struct buf *body)
{
    if (!body->ptr) return "";
    const char *s = find(body->ptr, body->len, "<Code>");
    const char *e = s ? find(s, body->len - (size_t)(s - body->ptr), "</Code>") : NULL;
    if (!s || !e || e - s > 80) return "";
    return arena_printf(ctx->arena, "%.*s", (int)(e - s - 6), s + 6);
}

static int s3_failure(struct wm_ctx *ctx, const char *method, const char *key, long status,
                      const struct buf *body)
{
    return wm_errorf(ctx, WM_EUPSTREAM, "S3 %s %s: HTTP %ld %s", method, key, status,
                     s3_code(ctx, body));
}

int storage_s3_put(struct wm_ctx *ctx, const char *key, const void *data, size_t len,
                   const char *content_type)
{
    long status = 0;
    struct buf body = BUF_INIT(ctx->arena);
    int rc = request(ctx, "PUT", key, data, len, content_type, &status, &body);
    if (rc != WM_OK) return rc;
    return status == 200 ? WM_OK : s3_failure(ctx, "PUT", key, status, &body);
}

int storage_s3_get(struct wm_ctx *ctx, const char *key, struct str *out)
{
    long status = 0;
    struct buf body = BUF_INIT(ctx->arena);
    int rc = request(ctx, "GET", key, NULL, 0, NULL, &status, &body);
    if (rc != WM_OK) return rc;
    if (status == 404) return wm_errorf(ctx, WM_ENOTFOUND, "no object '%s'", key);
    if (status != 200) return s3_failure(ctx, "GET", key, status, &body);
    buf_appendc(&body, '\0');
    *out = (struct str){ body.ptr, body.len - 1 };
    return WM_OK;
}

int storage_s3_delete(struct wm_ctx *ctx, const char *key)
{
    long status = 0;
    struct buf body = BUF_INIT(ctx->arena);
    int rc = request(ctx, "DELETE", key, NULL, 0, NULL, &status, &body);
    if (rc != WM_OK) return rc;
    return status == 204 || status == 200 || status == 404
                   ? WM_OK
                   : s3_failure(ctx, "DELETE", key, status, &body);
}

int storage_s3_presign_put(struct wm_ctx *ctx, const char *key, const char *content_type,
                           int64_t bytes, int64_t now, int64_t ttl_s, char **url)
{
    const char *base = NULL;
    const char *host = NULL;
    int rc = endpoint(ctx, &base, &host);
    if (rc != WM_OK) return rc;
    time_t t = (time_t)now;
    struct tm tm;
    gmtime_r(&t, &tm);
    char amz_date[17];
    (void)strftime(amz_date, sizeof(amz_date), "%Y%m%dT%H%M%SZ", &tm);
    const char *names[] = { "content-length", "content-type", "host" };
    const char *values[] = { arena_printf(ctx->arena, "%lld", (long long)bytes), content_type,
                             host };
    const struct config *cfg = ctx->config;
    char *path = object_path(ctx, key);
    char *query = storage_s3_presign_query(ctx, "PUT", path, names, values, 3,
                                           cfg->media_s3_access_key, cfg->media_s3_secret_key,
                                           cfg->media_s3_region, amz_date, ttl_s);
    *url = arena_printf(ctx->arena, "%s%s?%s", base, path, query);
    return WM_OK;
}

const char *storage_s3_public_base(struct wm_ctx *ctx)
{
    const char *pub = ctx->config->media_s3_public_url;
    if (*pub) {
        size_t n = strlen(pub);
        return pub[n - 1] == '/' ? pub : arena_printf(ctx->arena, "%s/", pub);
    }
    const char *base = NULL;
    const char *host = NULL;
    if (endpoint(ctx, &base, &host) != WM_OK) {
        wm_clear_error(ctx);
        return "/";
    }
    return arena_printf(ctx->arena, "%s/%s/", base, ctx->config->media_s3_bucket);
}
