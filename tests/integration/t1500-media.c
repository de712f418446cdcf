/*
 * t1500-media.c: image uploads through HTTP (issue 5, item 7; contract README §8). The app's
 * exact multipart POST /api/upload-image/ answers an absolute URL that then serves the
 * re-encoded image (it decodes; the EXIF GPS block and bytes hidden after the image are gone;
 * long cache lifetime and nosniff); the type comes from the bytes, not the name (a PNG named
 * .jpg is stored as PNG, text named .png is refused); oversized files and pixel bombs are
 * refused from the header; every failure has the app's {success, image_url, message} shape;
 * a signed-in upload records its owner; anonymous uploads are rate-limited per IP; the
 * media_gc job removes an anonymous upload nothing referenced after a day and keeps one set as
 * a profile picture. The test images are made with libvips; the EXIF block is built byte by
 * byte.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json.h>
#include <vips/vips.h>
#include <zlib.h>

#include "lib/it.h"

#define MAX_BYTES 10485760 /* media.max_bytes of the test stack (the default) */

/* A multipart body with one file part named field (filename, application/octet-stream) as
 * the app's http.MultipartFile.fromPath sends it. Heap buffer. */
static void multipart(struct buf *b, const char *field, const char *filename, const void *data,
                      size_t len)
{
    buf_init(b, NULL, len + 512);
    buf_appendf(b,
                "--dart-http-boundary-t1500\r\n"
                "content-type: application/octet-stream\r\n"
                "content-disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n\r\n",
                field, filename);
    buf_append(b, data, len);
    buf_appends(b, "\r\n--dart-http-boundary-t1500--\r\n");
}

/* POST the file to /api/upload-image/ like the app (no Authorization unless token). */
static struct json_object *upload(const char *filename, const void *data, size_t len,
                                  const char *token, struct it_response *r)
{
    struct buf body;
    multipart(&body, "image", filename, data, len);
    char auth[1200];
    snprintf(auth, sizeof(auth), "Authorization: Bearer %s", token ? token : "");
    const char *headers[] = {
        "Content-Type: multipart/form-data; boundary=dart-http-boundary-t1500",
        "User-Agent: Dart/3.5 (dart:io)", token ? auth : NULL, NULL
    };
    it_request("POST", "/api/upload-image/", headers, body.ptr, body.len, r);
    buf_release(&body);
    return r->body.ptr ? json_tokener_parse(r->body.ptr) : NULL;
}

static const char *jstr(struct json_object *o, const char *key)
{
    struct json_object *v = NULL;
    return o && json_object_object_get_ex(o, key, &v) && json_object_is_type(v, json_type_string)
                   ? json_object_get_string(v)
                   : NULL;
}

static bool jbool(struct json_object *o, const char *key)
{
    struct json_object *v = NULL;
    return o && json_object_object_get_ex(o, key, &v) &&
           json_object_is_type(v, json_type_boolean) && json_object_get_boolean(v);
}

static bool jnull(struct json_object *o, const char *key)
{
    struct json_object *v = (struct json_object *)1;
    return o && json_object_object_get_ex(o, key, &v) && v == NULL;
}

/* A w x h RGB gradient, encoded by save ("jpg", "png", "webp", "gif"). g_free() *out. */
static void make_image(int w, int h, const char *fmt, void **out, size_t *len)
{
    VipsImage *xy = NULL, *rgb = NULL, *u8 = NULL;
    CU_ASSERT_EQUAL_FATAL(vips_xyz(&xy, w, h, NULL), 0);
    CU_ASSERT_EQUAL_FATAL(vips_bandjoin_const1(xy, &rgb, 128, NULL), 0);
    CU_ASSERT_EQUAL_FATAL(vips_cast_uchar(rgb, &u8, NULL), 0);
    int rc = -1;
    if (strcmp(fmt, "jpg") == 0) rc = vips_jpegsave_buffer(u8, out, len, "strip", TRUE, NULL);
    if (strcmp(fmt, "png") == 0) rc = vips_pngsave_buffer(u8, out, len, NULL);
    if (strcmp(fmt, "webp") == 0) rc = vips_webpsave_buffer(u8, out, len, NULL);
    CU_ASSERT_EQUAL_FATAL(rc, 0);
    g_object_unref(u8);
    g_object_unref(rgb);
    g_object_unref(xy);
}

static void put16(struct buf *b, unsigned v)
{
    buf_appendc(b, (char)(v & 0xff));
    buf_appendc(b, (char)(v >> 8));
}

static void put32(struct buf *b, unsigned v)
{
    put16(b, v & 0xffff);
    put16(b, v >> 16);
}

/* The GPS latitude the fixture carries: 51 deg 30' 26" N (a recognisable rational triple). */
#define GPS_MARK "N\0\0\0"

/*
 * A JPEG with an APP1 Exif block holding a GPS IFD (GPSLatitudeRef N, GPSLatitude 51/1 30/1
 * 26/1), inserted after SOI, and "HIDDEN-PAYLOAD-t1500" appended after EOI. Heap buffer.
 */
static void jpeg_with_exif_gps(int w, int h, struct buf *out)
{
    void *jpg = NULL;
    size_t jlen = 0;
    make_image(w, h, "jpg", &jpg, &jlen);
    /* TIFF, little endian: header (8), IFD0 with one entry (GPSInfo -> 26), GPS IFD with two
     * entries at 26, the rationals at 26 + 2 + 24 + 4 = 56. */
    struct buf tiff;
    buf_init(&tiff, NULL, 128);
    buf_append(&tiff, "II*\0", 4);
    put32(&tiff, 8);
    put16(&tiff, 1);      /* IFD0: 1 entry */
    put16(&tiff, 0x8825); /* GPSInfo */
    put16(&tiff, 4);      /* LONG */
    put32(&tiff, 1);
    put32(&tiff, 26); /* GPS IFD offset */
    put32(&tiff, 0);  /* no next IFD */
    put16(&tiff, 2);  /* GPS IFD: 2 entries */
    put16(&tiff, 1);  /* GPSLatitudeRef */
    put16(&tiff, 2);  /* ASCII */
    put32(&tiff, 2);
    buf_append(&tiff, GPS_MARK, 4); /* "N\0" inline */
    put16(&tiff, 2);                /* GPSLatitude */
    put16(&tiff, 5);                /* RATIONAL */
    put32(&tiff, 3);
    put32(&tiff, 56);
    put32(&tiff, 0); /* no next IFD */
    const unsigned rat[] = { 51, 1, 30, 1, 26, 1 };
    for (size_t i = 0; i < 6; i++)
        put32(&tiff, rat[i]);
    buf_init(out, NULL, jlen + tiff.len + 64);
    buf_append(out, jpg, 2); /* SOI */
    unsigned seg = (unsigned)(2 + 6 + tiff.len);
    buf_appendc(out, (char)0xff);
    buf_appendc(out, (char)0xe1);
    buf_appendc(out, (char)(seg >> 8));
    buf_appendc(out, (char)(seg & 0xff));
    buf_append(out, "Exif\0\0", 6);
    buf_append(out, tiff.ptr, tiff.len);
    buf_append(out, (const char *)jpg + 2, jlen - 2);
    buf_appends(out, "HIDDEN-PAYLOAD-t1500");
    buf_release(&tiff);
    g_free(jpg);
}

static bool has_bytes(const char *p, size_t n, const void *needle, size_t k)
{
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(p + i, needle, k) == 0) return true;
    return false;
}

/* The path of an absolute URL of the test stack ("/media/..."), or the URL. */
static const char *path_of(const char *url)
{
    size_t n = strlen(it_base_url());
    return strncmp(url, it_base_url(), n) == 0 ? url + n : url;
}

static int suite_init(void)
{
    return VIPS_INIT("t1500") ? -1 : 0;
}

/* libvips stays up for the process: it cannot be started again after vips_shutdown(), and
 * other suites (t1510) use it too. */
static int suite_clean(void)
{
    return 0;
}

static void test_app_upload_serves_a_reencoded_image_without_exif(void)
{
    struct buf jpg;
    jpeg_with_exif_gps(640, 480, &jpg);
    /* The fixture really carries the EXIF GPS block libvips can read. */
    VipsImage *orig = NULL;
    CU_ASSERT_EQUAL_FATAL(vips_jpegload_buffer(jpg.ptr, jpg.len, &orig, NULL), 0);
    CU_ASSERT_NOT_EQUAL(vips_image_get_typeof(orig, "exif-data"), 0);
    CU_ASSERT_NOT_EQUAL(vips_image_get_typeof(orig, "exif-ifd3-GPSLatitude"), 0);
    g_object_unref(orig);

    struct it_response r;
    struct json_object *o = upload("IMG_20240101_120000.jpg", jpg.ptr, jpg.len, NULL, &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_TRUE(jbool(o, "success"));
    const char *url = jstr(o, "image_url");
    CU_ASSERT_PTR_NOT_NULL_FATAL(url);
    char prefix[256];
    snprintf(prefix, sizeof(prefix), "%s/media/", it_base_url());
    CU_ASSERT_EQUAL(strncmp(url, prefix, strlen(prefix)), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(url, ".jpg"));
    CU_ASSERT_PTR_NOT_NULL(jstr(o, "message"));

    struct it_response img;
    it_get(path_of(url), &img);
    CU_ASSERT_EQUAL(img.status, 200);
    CU_ASSERT_STRING_EQUAL(it_header(&img, "Content-Type"), "image/jpeg");
    CU_ASSERT_STRING_EQUAL(it_header(&img, "X-Content-Type-Options"), "nosniff");
    const char *cc = it_header(&img, "Cache-Control");
    CU_ASSERT(cc && strstr(cc, "max-age=31536000"));
    /* It decodes, at the size sent, and nothing of the EXIF block or the appended bytes. */
    VipsImage *back = NULL;
    CU_ASSERT_EQUAL_FATAL(vips_jpegload_buffer(img.body.ptr, img.body.len, &back, NULL), 0);
    CU_ASSERT_EQUAL(vips_image_get_width(back), 640);
    CU_ASSERT_EQUAL(vips_image_get_height(back), 480);
    CU_ASSERT_EQUAL(vips_image_get_typeof(back, "exif-data"), 0);
    CU_ASSERT_EQUAL(vips_image_get_typeof(back, "exif-ifd3-GPSLatitude"), 0);
    g_object_unref(back);
    CU_ASSERT_FALSE(has_bytes(img.body.ptr, img.body.len, "Exif", 4));
    CU_ASSERT_FALSE(has_bytes(img.body.ptr, img.body.len, "HIDDEN-PAYLOAD", 14));
    CU_ASSERT_TRUE(has_bytes(jpg.ptr, jpg.len, "HIDDEN-PAYLOAD", 14));
    it_response_release(&img);

    /* The thumbnail is served too, no larger than 400 px. */
    const char *thumb = jstr(o, "thumbnail_url");
    CU_ASSERT_PTR_NOT_NULL_FATAL(thumb);
    it_get(path_of(thumb), &img);
    CU_ASSERT_EQUAL(img.status, 200);
    VipsImage *t = NULL;
    CU_ASSERT_EQUAL_FATAL(vips_jpegload_buffer(img.body.ptr, img.body.len, &t, NULL), 0);
    CU_ASSERT_EQUAL(vips_image_get_width(t), 400);
    CU_ASSERT_EQUAL(vips_image_get_height(t), 300);
    g_object_unref(t);
    it_response_release(&img);
    json_object_put(o);
    it_response_release(&r);
    buf_release(&jpg);
}

static void test_type_comes_from_the_bytes_not_the_name(void)
{
    void *png = NULL;
    size_t len = 0;
    make_image(50, 40, "png", &png, &len);
    struct it_response r;
    struct json_object *o = upload("holiday.jpg", png, len, NULL, &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_TRUE(jbool(o, "success"));
    const char *url = jstr(o, "image_url");
    CU_ASSERT_FATAL(url && strlen(url) > 4);
    CU_ASSERT_STRING_EQUAL(url + strlen(url) - 4, ".png");
    struct it_response img;
    it_get(path_of(url), &img);
    CU_ASSERT_EQUAL(img.status, 200);
    CU_ASSERT_STRING_EQUAL(it_header(&img, "Content-Type"), "image/png");
    CU_ASSERT(img.body.len > 8 && memcmp(img.body.ptr, "\x89PNG\r\n\x1a\n", 8) == 0);
    it_response_release(&img);
    json_object_put(o);
    it_response_release(&r);
    g_free(png);

    /* A WebP stays a WebP. */
    void *webp = NULL;
    make_image(30, 30, "webp", &webp, &len);
    o = upload("image.png", webp, len, NULL, &r);
    CU_ASSERT_EQUAL(r.status, 200);
    url = jstr(o, "image_url");
    CU_ASSERT_FATAL(url && strlen(url) > 5);
    CU_ASSERT_STRING_EQUAL(url + strlen(url) - 5, ".webp");
    json_object_put(o);
    it_response_release(&r);
    g_free(webp);

    /* Text named .png is refused, in the app's failure shape. */
    const char text[] = "<html><script>alert(1)</script></html>\n";
    o = upload("cat.png", text, sizeof(text) - 1, NULL, &r);
    CU_ASSERT_EQUAL(r.status, 415);
    CU_ASSERT_FALSE(jbool(o, "success"));
    CU_ASSERT_TRUE(jnull(o, "image_url"));
    CU_ASSERT(jstr(o, "message") && strstr(jstr(o, "message"), "not a JPEG, PNG, WebP or GIF"));
    json_object_put(o);
    it_response_release(&r);

    /* JPEG magic followed by garbage: damaged, refused. */
    char junk[4096];
    memset(junk, 'x', sizeof(junk));
    memcpy(junk, "\xff\xd8\xff\xe0", 4);
    o = upload("broken.jpg", junk, sizeof(junk), NULL, &r);
    CU_ASSERT_EQUAL(r.status, 400);
    CU_ASSERT_FALSE(jbool(o, "success"));
    CU_ASSERT(jstr(o, "message") && strstr(jstr(o, "message"), "damaged"));
    json_object_put(o);
    it_response_release(&r);
}

/* A PNG whose header claims w x h pixels (valid signature and IHDR CRC, one tiny IDAT). */
static void png_header_only(unsigned w, unsigned h, struct buf *out)
{
    buf_init(out, NULL, 128);
    buf_append(out, "\x89PNG\r\n\x1a\n", 8);
    unsigned char ihdr[17] = { 'I', 'H', 'D', 'R' };
    for (int i = 0; i < 4; i++) {
        ihdr[4 + i] = (unsigned char)(w >> (24 - 8 * i));
        ihdr[8 + i] = (unsigned char)(h >> (24 - 8 * i));
    }
    ihdr[12] = 8; /* bit depth */
    ihdr[13] = 2; /* RGB */
    buf_append(out, "\0\0\0\x0d", 4);
    buf_append(out, ihdr, sizeof(ihdr));
    uLong crc = crc32(0, ihdr, sizeof(ihdr));
    for (int i = 0; i < 4; i++)
        buf_appendc(out, (char)(crc >> (24 - 8 * i)));
    unsigned char raw[64] = { 0 };
    unsigned char z[128];
    uLongf zn = sizeof(z);
    compress(z, &zn, raw, sizeof(raw));
    unsigned char chunk[4 + 128];
    memcpy(chunk, "IDAT", 4);
    memcpy(chunk + 4, z, zn);
    for (int i = 0; i < 4; i++)
        buf_appendc(out, (char)((unsigned)zn >> (24 - 8 * i)));
    buf_append(out, chunk, 4 + zn);
    crc = crc32(0, chunk, (uInt)(4 + zn));
    for (int i = 0; i < 4; i++)
        buf_appendc(out, (char)(crc >> (24 - 8 * i)));
    buf_append(out, "\0\0\0\0IEND\xae\x42\x60\x82", 12);
}

static void test_size_and_pixel_limits(void)
{
    /* One byte over media.max_bytes (the body itself is within the upload limit). */
    char *big = malloc(MAX_BYTES + 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(big);
    memset(big, 0, MAX_BYTES + 1);
    memcpy(big, "\xff\xd8\xff\xe0", 4);
    struct it_response r;
    struct json_object *o = upload("huge.jpg", big, MAX_BYTES + 1, NULL, &r);
    CU_ASSERT_EQUAL(r.status, 413);
    CU_ASSERT_FALSE(jbool(o, "success"));
    CU_ASSERT_TRUE(jnull(o, "image_url"));
    CU_ASSERT(jstr(o, "message") && strstr(jstr(o, "message"), "most accepted"));
    json_object_put(o);
    it_response_release(&r);
    free(big);

    /* A body over the upload limit is refused by the dispatcher, in the same shape. */
    size_t over = (size_t)MAX_BYTES + 1024 * 1024;
    big = calloc(1, over);
    CU_ASSERT_PTR_NOT_NULL_FATAL(big);
    o = upload("huger.jpg", big, over, NULL, &r);
    CU_ASSERT_EQUAL(r.status, 413);
    CU_ASSERT_FALSE(jbool(o, "success"));
    CU_ASSERT_TRUE(jnull(o, "image_url"));
    json_object_put(o);
    it_response_release(&r);
    free(big);

    /* A decompression bomb: 60000 x 60000 pixels claimed by a 100-byte file. */
    struct buf bomb;
    png_header_only(60000, 60000, &bomb);
    o = upload("bomb.png", bomb.ptr, bomb.len, NULL, &r);
    CU_ASSERT_EQUAL(r.status, 413);
    CU_ASSERT_FALSE(jbool(o, "success"));
    CU_ASSERT(jstr(o, "message") && strstr(jstr(o, "message"), "60000 x 60000 pixels"));
    json_object_put(o);
    it_response_release(&r);
    buf_release(&bomb);
    /* Within the width but over the megapixels: 12000 x 9000 = 108 MP. */
    png_header_only(12000, 9000, &bomb);
    o = upload("wide.png", bomb.ptr, bomb.len, NULL, &r);
    CU_ASSERT_EQUAL(r.status, 413);
    json_object_put(o);
    it_response_release(&r);
    buf_release(&bomb);
}

static void test_request_without_the_image_field(void)
{
    struct buf body;
    multipart(&body, "file", "a.jpg", "x", 1);
    const char *headers[] = {
        "Content-Type: multipart/form-data; boundary=dart-http-boundary-t1500", NULL
    };
    struct it_response r;
    it_request("POST", "/api/upload-image/", headers, body.ptr, body.len, &r);
    buf_release(&body);
    CU_ASSERT_EQUAL(r.status, 400);
    struct json_object *o = json_tokener_parse(r.body.ptr ? r.body.ptr : "");
    CU_ASSERT_FALSE(jbool(o, "success"));
    CU_ASSERT_TRUE(jnull(o, "image_url"));
    CU_ASSERT(jstr(o, "message") && strstr(jstr(o, "message"), "\"image\""));
    json_object_put(o);
    it_response_release(&r);
}

/* Run SQL on the stack's database; the first column of the first row into out (may be NULL). */
static int sql(char *out, size_t outlen, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
static int sql(char *out, size_t outlen, const char *fmt, ...)
{
    char q[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(q, sizeof(q), fmt, ap);
    va_end(ap);
    const char *var = getenv("MARKET_VAR");
    char file[512];
    snprintf(file, sizeof(file), "%s/t1500-sql.out", var);
    int rc = it_sh("mariadb --no-defaults --socket='%s/run/mysqld.sock' --user=\"$(id -un)\" "
                   "--batch --skip-column-names market -e \"%s\" >'%s'",
                   var, q, file);
    if (out && outlen) {
        out[0] = '\0';
        FILE *f = fopen(file, "r");
        if (f) {
            if (fgets(out, (int)outlen, f)) out[strcspn(out, "\t\n")] = '\0';
            fclose(f);
        }
    }
    return rc;
}

/* The storage key of an upload's URL ("2026/11/<hex>.jpg"). */
static const char *key_of(const char *url)
{
    const char *p = strstr(url, "/media/");
    return p ? p + 7 : url;
}

static void test_signed_in_upload_records_its_owner(void)
{
    char email[128];
    const char *token = it_sign_up("t1500-owner", email, sizeof(email));
    void *jpg = NULL;
    size_t len = 0;
    make_image(20, 20, "jpg", &jpg, &len);
    struct it_response r;
    struct json_object *o = upload("me.jpg", jpg, len, token, &r);
    CU_ASSERT_EQUAL(r.status, 200);
    const char *url = jstr(o, "image_url");
    CU_ASSERT_PTR_NOT_NULL_FATAL(url);
    char owner[64], user[64];
    CU_ASSERT_EQUAL(sql(owner, sizeof(owner), "SELECT owner_id FROM media WHERE storage_key = '%s'",
                        key_of(url)),
                    0);
    sql(user, sizeof(user), "SELECT id FROM users WHERE email = '%s'", email);
    CU_ASSERT(user[0] != '\0');
    CU_ASSERT_STRING_EQUAL(owner, user);
    json_object_put(o);
    it_response_release(&r);

    /* A token that was sent but is bad is refused rather than ignored. */
    o = upload("me.jpg", jpg, len, "not-a-token", &r);
    CU_ASSERT_EQUAL(r.status, 401);
    CU_ASSERT_FALSE(jbool(o, "success"));
    json_object_put(o);
    it_response_release(&r);
    g_free(jpg);
}

static void test_anonymous_uploads_are_rate_limited_per_ip(void)
{
    void *png = NULL;
    size_t len = 0;
    make_image(8, 8, "png", &png, &len);
    int ok = 0;
    long last = 0;
    struct json_object *o = NULL;
    struct it_response r;
    for (int i = 0; i < 21; i++) {
        o = upload("p.png", png, len, NULL, &r);
        last = r.status;
        if (r.status == 200) ok++;
        if (i < 20) {
            json_object_put(o);
            it_response_release(&r);
        }
    }
    CU_ASSERT_EQUAL(ok, 20); /* media.anon_per_hour */
    CU_ASSERT_EQUAL(last, 429);
    CU_ASSERT_FALSE(jbool(o, "success"));
    CU_ASSERT(jstr(o, "message") && strstr(jstr(o, "message"), "try again"));
    json_object_put(o);
    it_response_release(&r);
    g_free(png);
}

static const char UPLOAD_OPS[] =
        "{\"query\":\"mutation UploadImage($file: Upload!) { __typename uploadImage(file: "
        "$file) { __typename success message imageUrl thumbnailUrl width height } }\","
        "\"operationName\":\"UploadImage\",\"variables\":{\"file\":null}}";

/* A GraphQL multipart request (the multipart request spec) of operations ops with one file
 * for $file. */
static struct json_object *gql_multipart(const char *ops, const char *filename, const void *data,
                                         size_t len, const char *token, struct it_response *r)
{
    struct buf b;
    buf_init(&b, NULL, len + 1024);
    buf_appendf(&b,
                "--B1500\r\ncontent-disposition: form-data; name=\"operations\"\r\n\r\n%s\r\n"
                "--B1500\r\ncontent-disposition: form-data; name=\"map\"\r\n\r\n"
                "{\"0\":[\"variables.file\"]}\r\n"
                "--B1500\r\ncontent-type: application/octet-stream\r\n"
                "content-disposition: form-data; name=\"0\"; filename=\"%s\"\r\n\r\n",
                ops, filename);
    buf_append(&b, data, len);
    buf_appends(&b, "\r\n--B1500--\r\n");
    char auth[1200];
    snprintf(auth, sizeof(auth), "Authorization: Bearer %s", token ? token : "");
    const char *headers[] = { "Content-Type: multipart/form-data; boundary=B1500",
                              "Accept: application/json", token ? auth : NULL, NULL };
    it_request("POST", "/wms/graphql/", headers, b.ptr, b.len, r);
    buf_release(&b);
    return r->body.ptr ? json_tokener_parse(r->body.ptr) : NULL;
}

static struct json_object *gql_upload(const char *filename, const void *data, size_t len,
                                      const char *token, struct it_response *r)
{
    return gql_multipart(UPLOAD_OPS, filename, data, len, token, r);
}

static void test_a_profile_picture_is_uploaded_and_set_at_once(void)
{
    static const char ops[] =
            "{\"query\":\"mutation P($file: Upload!) { setProfilePicture(file: $file) { success "
            "message user { profilePicture { url } } } }\",\"variables\":{\"file\":null}}";
    const char *token = it_sign_up("t1500-avatar", NULL, 0);
    void *png = NULL;
    size_t len = 0;
    make_image(300, 300, "png", &png, &len);
    struct it_response r;
    struct json_object *o = gql_multipart(ops, "me.png", png, len, token, &r);
    CU_ASSERT_TRUE(it_bool_at(o, "setProfilePicture.success"));
    char url[512];
    CU_ASSERT_FATAL(it_str_at(o, "setProfilePicture.user.profilePicture.url") != NULL);
    snprintf(url, sizeof(url), "%s", it_text_at(o, "setProfilePicture.user.profilePicture.url"));
    struct json_object *me = it_gql_as("{ viewMe { profilePicture { url } } }", NULL, token);
    CU_ASSERT_STRING_EQUAL(it_text_at(me, "viewMe.profilePicture.url"), url);
    json_object_put(me);
    /* The picture is referenced: media_gc keeps it. */
    char ref[64];
    sql(ref, sizeof(ref), "SELECT referenced_at IS NOT NULL FROM media WHERE storage_key = '%s'",
        key_of(url));
    CU_ASSERT_STRING_EQUAL(ref, "1");
    json_object_put(o);
    it_response_release(&r);
    g_free(png);
    /* Not an image: success false with the reason; the picture stays. */
    o = gql_multipart(ops, "me.png", "definitely not an image", 23, token, &r);
    CU_ASSERT_FALSE(it_has_errors(o));
    CU_ASSERT_FALSE(it_bool_at(o, "setProfilePicture.success"));
    CU_ASSERT_PTR_NOT_NULL(strstr(it_text_at(o, "setProfilePicture.message"), "image"));
    json_object_put(o);
    it_response_release(&r);
    me = it_gql_as("{ viewMe { profilePicture { url } } }", NULL, token);
    CU_ASSERT_STRING_EQUAL(it_text_at(me, "viewMe.profilePicture.url"), url);
    json_object_put(me);
    /* Without a token: UNAUTHENTICATED. */
    o = gql_multipart(ops, "me.png", "x", 1, NULL, &r);
    CU_ASSERT_STRING_EQUAL(it_error_code(o), "UNAUTHENTICATED");
    json_object_put(o);
    it_response_release(&r);
}

static void test_graphql_upload(void)
{
    const char *token = it_sign_up("t1500-gql", NULL, 0);
    void *webp = NULL;
    size_t len = 0;
    make_image(900, 600, "webp", &webp, &len);
    struct it_response r;
    struct json_object *o = gql_upload("pic.bin", webp, len, token, &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_FALSE(it_has_errors(o));
    CU_ASSERT_STRING_EQUAL(it_text_at(o, "__typename"), "Mutation");
    CU_ASSERT_TRUE(it_bool_at(o, "uploadImage.success"));
    const char *url = it_str_at(o, "uploadImage.imageUrl");
    const char *thumb = it_str_at(o, "uploadImage.thumbnailUrl");
    CU_ASSERT_FATAL(url && thumb && strlen(url) > 5);
    CU_ASSERT_STRING_EQUAL(url + strlen(url) - 5, ".webp");
    CU_ASSERT_EQUAL(json_object_get_int(it_at(o, "uploadImage.width")), 900);
    CU_ASSERT_EQUAL(json_object_get_int(it_at(o, "uploadImage.height")), 600);
    struct it_response img;
    it_get(path_of(thumb), &img);
    CU_ASSERT_EQUAL(img.status, 200);
    CU_ASSERT_STRING_EQUAL(it_header(&img, "Content-Type"), "image/webp");
    VipsImage *t = NULL;
    CU_ASSERT_EQUAL_FATAL(vips_webpload_buffer(img.body.ptr, img.body.len, &t, NULL), 0);
    CU_ASSERT_EQUAL(vips_image_get_width(t), 400);
    CU_ASSERT_EQUAL(vips_image_get_height(t), 267);
    g_object_unref(t);
    it_response_release(&img);
    /* Signed in: the viewer owns it. */
    char owner[64];
    sql(owner, sizeof(owner), "SELECT owner_id IS NOT NULL FROM media WHERE storage_key = '%s'",
        key_of(url));
    CU_ASSERT_STRING_EQUAL(owner, "1");
    json_object_put(o);
    it_response_release(&r);
    g_free(webp);

    /* A refusal is a payload, not an error. */
    o = gql_upload("x.png", "GIF88a-not-really", 17, NULL, &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_FALSE(it_has_errors(o));
    CU_ASSERT_FALSE(it_bool_at(o, "uploadImage.success"));
    CU_ASSERT_TRUE(it_null_at(o, "uploadImage.imageUrl"));
    CU_ASSERT_PTR_NOT_NULL(strstr(it_text_at(o, "uploadImage.message"), "not a JPEG"));
    json_object_put(o);
    it_response_release(&r);
}

static const char UPDATE_PICTURE[] =
        "mutation UpdateProfileImage($profilePicture: ImagesInputType) { __typename "
        "updateUser(profilePicture: $profilePicture) { __typename success message } }";

static void test_media_gc_removes_old_unreferenced_anonymous_uploads(void)
{
    void *jpg = NULL;
    size_t len = 0;
    make_image(16, 16, "jpg", &jpg, &len);
    struct it_response r;
    struct json_object *a = upload("a.jpg", jpg, len, NULL, &r);
    it_response_release(&r);
    struct json_object *b = upload("b.jpg", jpg, len, NULL, &r);
    it_response_release(&r);
    g_free(jpg);
    const char *url_a = jstr(a, "image_url");
    const char *url_b = jstr(b, "image_url");
    CU_ASSERT_FATAL(url_a && url_b);

    /* B becomes a profile picture: referenced. */
    const char *token = it_sign_up("t1500-gc", NULL, 0);
    char vars[512];
    snprintf(vars, sizeof(vars), "{\"profilePicture\":{\"url\":\"%s\",\"thumbnail\":\"%s\"}}",
             url_b, url_b);
    struct json_object *u = it_gql_as(UPDATE_PICTURE, vars, token);
    CU_ASSERT_TRUE(it_bool_at(u, "updateUser.success"));
    json_object_put(u);
    char ref[64];
    sql(ref, sizeof(ref), "SELECT referenced_at IS NOT NULL FROM media WHERE storage_key = '%s'",
        key_of(url_b));
    CU_ASSERT_STRING_EQUAL(ref, "1");

    /* Both are two days old now; the worker's media_gc removes A only. */
    CU_ASSERT_EQUAL(sql(NULL, 0,
                        "UPDATE media SET created_at = NOW(6) - INTERVAL 2 DAY WHERE storage_key "
                        "IN ('%s', '%s')",
                        key_of(url_a), key_of(url_b)),
                    0);
    CU_ASSERT_EQUAL(it_worker_once("t1500-worker"), 0);
    CU_ASSERT_EQUAL(it_sql_wait(0, 10, "SELECT COUNT(*) FROM media WHERE storage_key = '%s'",
                                key_of(url_a)),
                    0);
    struct it_response img;
    it_get(path_of(url_a), &img);
    CU_ASSERT_EQUAL(img.status, 404);
    it_response_release(&img);
    CU_ASSERT_EQUAL(
            it_sql_long("SELECT COUNT(*) FROM media WHERE storage_key = '%s'", key_of(url_b)), 1);
    it_get(path_of(url_b), &img);
    CU_ASSERT_EQUAL(img.status, 200);
    it_response_release(&img);
    json_object_put(a);
    json_object_put(b);
}

/* clang-format off */
static CU_TestInfo tests[] = {
    { "app upload serves a re-encoded image without EXIF", test_app_upload_serves_a_reencoded_image_without_exif },
    { "type comes from the bytes, not the name",           test_type_comes_from_the_bytes_not_the_name },
    { "size and pixel limits",                             test_size_and_pixel_limits },
    { "request without the image field",                   test_request_without_the_image_field },
    { "signed-in upload records its owner",                test_signed_in_upload_records_its_owner },
    { "GraphQL multipart upload",                          test_graphql_upload },
    { "a profile picture is uploaded and set at once",     test_a_profile_picture_is_uploaded_and_set_at_once },
    { "anonymous uploads are rate-limited per IP",         test_anonymous_uploads_are_rate_limited_per_ip },
    { "media_gc removes old unreferenced anonymous uploads", test_media_gc_removes_old_unreferenced_anonymous_uploads },
    CU_TEST_INFO_NULL,
};
/* clang-format on */

IT_SUITE(t1500_media, "t1500/media", suite_init, suite_clean, tests);
