/*
 * test_multipart.c: unit tests for src/http/multipart.c through the public request API (a
 * POST with a multipart body read from memory), plus the header-parameter reader directly.
 * Most tests are hostile bodies: truncated, mis-framed, with bad boundaries or bad headers.
 */
#include "http/http_int.h"

#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "test.h"

struct fx {
    struct arena *a;
    struct wm_ctx ctx;
    struct http_limits lim;
    struct http_io io;
    struct buf out;
    struct http_request *req;
};

static void fx_init(struct fx *f)
{
    memset(f, 0, sizeof(*f));
    f->a = arena_new(0);
    f->ctx.arena = f->a;
    http_limits_init(&f->lim, NULL);
    buf_init(&f->out, f->a, 0);
}

static void fx_free(struct fx *f)
{
    arena_free(f->a);
}

/* POST body (len bytes) with Content-Type ct, and return the result of reading it. */
static int post(struct fx *f, const char *ct, const char *body, size_t len)
{
    char **env = ARENA_ARRAY(f->a, char *, 5);
    env[0] = arena_strdup(f->a, "REQUEST_METHOD=POST");
    env[1] = arena_strdup(f->a, "REQUEST_URI=/api/upload-image/");
    env[2] = arena_printf(f->a, "CONTENT_TYPE=%s", ct);
    env[3] = arena_printf(f->a, "CONTENT_LENGTH=%zu", len);
    http_io_mem(&f->io, env, body, len, &f->out);
    int rc = http_request_parse(&f->ctx, &f->io, &f->lim, &f->req);
    CU_ASSERT_EQUAL_FATAL(rc, WM_OK);
    return http_request_read_body(&f->ctx, f->req, &f->io, &f->lim);
}

#define CT     "multipart/form-data; boundary=XyZ"
#define LIT(s) s, sizeof(s) - 1

static const char *msg(const struct fx *f)
{
    return f->ctx.err.message ? f->ctx.err.message : "";
}

/* Expect body to be refused with err and message m. */
static void refused(const char *ct, const char *body, size_t len, int err, const char *m)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_EQUAL(post(&f, ct, body, len), err);
    CU_ASSERT_STRING_EQUAL(msg(&f), m);
    fx_free(&f);
}

/* ---- well-formed bodies -------------------------------------------------------------------- */

static void test_fields_and_files(void)
{
    struct fx f;
    fx_init(&f);
    const char body[] = "--XyZ\r\n"
                        "Content-Disposition: form-data; name=\"title\"\r\n"
                        "\r\n"
                        "Blue mug\r\n"
                        "--XyZ\r\n"
                        "content-disposition: form-data; name=\"image\"; filename=\"mug.png\"\r\n"
                        "Content-Type: image/png\r\n"
                        "\r\n"
                        "\x89PNG\r\n\x1a\n\0\0\r\n--XY\r\n-XyZ\r\n"
                        "--XyZ--\r\n";
    CU_ASSERT_EQUAL_FATAL(post(&f, CT, LIT(body)), WM_OK);
    CU_ASSERT_STRING_EQUAL(http_form_param(f.req, "title"), "Blue mug");
    CU_ASSERT_STRING_EQUAL(http_param(f.req, "title"), "Blue mug");
    CU_ASSERT_PTR_NULL(http_form_param(f.req, "image"));
    const struct http_file *img = http_file(f.req, "image");
    CU_ASSERT_PTR_NOT_NULL_FATAL(img);
    CU_ASSERT_STRING_EQUAL(img->field, "image");
    CU_ASSERT_STRING_EQUAL(img->filename, "mug.png");
    CU_ASSERT_STRING_EQUAL(img->content_type, "image/png");
    const char want[] = "\x89PNG\r\n\x1a\n\0\0\r\n--XY\r\n-XyZ";
    CU_ASSERT_EQUAL_FATAL(img->size, sizeof(want) - 1);
    CU_ASSERT_EQUAL(img->data.len, img->size);
    CU_ASSERT_EQUAL(memcmp(img->data.ptr, want, sizeof(want) - 1), 0);
    CU_ASSERT_EQUAL(f.req->nfiles, 1);
    CU_ASSERT_PTR_NULL(http_file(f.req, "title"));
    fx_free(&f);
}

static void test_flutter_image_upload(void)
{
    /* What the app's ImageUploadService sends (Dart http MultipartRequest). */
    struct fx f;
    fx_init(&f);
    const char body[] = "--dart-http-boundary-aBc_.+9\r\n"
                        "content-type: application/octet-stream\r\n"
                        "content-disposition: form-data; name=\"image\"; "
                        "filename=\"IMG_0001.jpg\"\r\n"
                        "\r\n"
                        "\xff\xd8\xff\xe0JFIF\r\n"
                        "--dart-http-boundary-aBc_.+9--\r\n";
    CU_ASSERT_EQUAL_FATAL(
            post(&f, "multipart/form-data; boundary=dart-http-boundary-aBc_.+9", LIT(body)), WM_OK);
    const struct http_file *img = http_file(f.req, "image");
    CU_ASSERT_PTR_NOT_NULL_FATAL(img);
    CU_ASSERT_STRING_EQUAL(img->filename, "IMG_0001.jpg");
    CU_ASSERT_STRING_EQUAL(img->content_type, "application/octet-stream");
    CU_ASSERT_EQUAL(img->size, 8);
    fx_free(&f);
}

static void test_quoted_boundary_and_other_parameters(void)
{
    struct fx f;
    fx_init(&f);
    const char body[] = "--a b:c=d?\r\n"
                        "Content-Disposition: form-data; name=x\r\n\r\n"
                        "1\r\n--a b:c=d?--";
    CU_ASSERT_EQUAL(
            post(&f, "Multipart/Form-Data; charset=utf-8; BOUNDARY=\"a b:c=d?\"", LIT(body)),
            WM_OK);
    CU_ASSERT_STRING_EQUAL(http_form_param(f.req, "x"), "1");
    fx_free(&f);
}

static void test_preamble_epilogue_and_padding_are_ignored(void)
{
    struct fx f;
    fx_init(&f);
    const char body[] = "This is the preamble.\r\nIt may hold --XyZ not at a line start.\r\n"
                        "--XyZ  \t\r\n"
                        "Content-Disposition: form-data; name=\"a\"\r\n\r\n"
                        "one\r\n"
                        "--XyZ\t\r\n"
                        "Content-Disposition: form-data; name=\"b\"\r\n\r\n"
                        "\r\n"
                        "--XyZ-- trailing\r\nepilogue --XyZ\r\n--XyZ\r\nwhatever";
    CU_ASSERT_EQUAL_FATAL(post(&f, CT, LIT(body)), WM_OK);
    CU_ASSERT_EQUAL(f.req->form.count, 2);
    CU_ASSERT_STRING_EQUAL(http_form_param(f.req, "a"), "one");
    CU_ASSERT_STRING_EQUAL(http_form_param(f.req, "b"), "");
    fx_free(&f);
}

static void test_boundary_inside_data_is_data(void)
{
    struct fx f;
    fx_init(&f);
    const char body[] = "--XyZ\r\n"
                        "Content-Disposition: form-data; name=\"t\"\r\n\r\n"
                        "a--XyZ b\n--XyZ c\r--XyZ d\r\n-XyZ--\r\n"
                        "--XyZ--";
    CU_ASSERT_EQUAL_FATAL(post(&f, CT, LIT(body)), WM_OK);
    CU_ASSERT_STRING_EQUAL(http_form_param(f.req, "t"), "a--XyZ b\n--XyZ c\r--XyZ d\r\n-XyZ--");
    fx_free(&f);
}

static void test_zero_parts_is_an_empty_form(void)
{
    struct fx f;
    fx_init(&f);
    CU_ASSERT_EQUAL(post(&f, CT, LIT("--XyZ--")), WM_OK);
    CU_ASSERT_EQUAL(f.req->form.count, 0);
    CU_ASSERT_EQUAL(f.req->nfiles, 0);
    fx_free(&f);
}

static void test_file_names(void)
{
    struct fx f;
    fx_init(&f);
    const char body[] =
            "--XyZ\r\n"
            "Content-Disposition: form-data; name=\"a\"; filename=\"C:\\Users\\ann\\cv.pdf\"\r\n"
            "\r\nA\r\n"
            "--XyZ\r\n"
            "Content-Disposition: form-data; name=\"b\"; filename=\"../../etc/passwd\"\r\n"
            "\r\nB\r\n"
            "--XyZ\r\n"
            "Content-Disposition: form-data; name=\"c\"; filename=\"plain.txt\"; "
            "filename*=UTF-8''%E2%82%AC%20rates.txt\r\n"
            "\r\nC\r\n"
            "--XyZ\r\n"
            "Content-Disposition: form-data; name=\"d\"; filename*=iso-8859-1'en'%A3.txt; "
            "filename=\"pound.txt\"\r\n"
            "\r\nD\r\n"
            "--XyZ\r\n"
            "Content-Disposition: form-data; name=\"e\"; filename=\"\"\r\n"
            "\r\n\r\n"
            "--XyZ--\r\n";
    CU_ASSERT_EQUAL_FATAL(post(&f, CT, LIT(body)), WM_OK);
    CU_ASSERT_EQUAL_FATAL(f.req->nfiles, 5);
    CU_ASSERT_STRING_EQUAL(http_file(f.req, "a")->filename, "cv.pdf");
    CU_ASSERT_STRING_EQUAL(http_file(f.req, "b")->filename, "passwd");
    CU_ASSERT_STRING_EQUAL(http_file(f.req, "c")->filename, "\xe2\x82\xac rates.txt");
    CU_ASSERT_STRING_EQUAL(http_file(f.req, "d")->filename, "pound.txt");
    const struct http_file *e = http_file(f.req, "e");
    CU_ASSERT_STRING_EQUAL(e->filename, "");
    CU_ASSERT_EQUAL(e->size, 0);
    CU_ASSERT_STRING_EQUAL(e->content_type, "application/octet-stream");
    fx_free(&f);
}

static void test_repeated_file_fields(void)
{
    struct fx f;
    fx_init(&f);
    const char body[] = "--XyZ\r\n"
                        "Content-Disposition: form-data; name=\"img\"; filename=\"1.png\"\r\n\r\n"
                        "one\r\n"
                        "--XyZ\r\n"
                        "Content-Disposition: form-data; name=\"img\"; filename=\"2.png\"\r\n\r\n"
                        "two\r\n"
                        "--XyZ--";
    CU_ASSERT_EQUAL_FATAL(post(&f, CT, LIT(body)), WM_OK);
    CU_ASSERT_EQUAL(f.req->nfiles, 2);
    CU_ASSERT_STRING_EQUAL(http_file(f.req, "img")->filename, "1.png");
    CU_ASSERT_STRING_EQUAL(f.req->files[1].filename, "2.png");
    fx_free(&f);
}

static void test_boundary_of_seventy_characters_is_accepted(void)
{
    struct fx f;
    fx_init(&f);
    const char *b70 = "1234567890123456789012345678901234567890123456789012345678901234567890";
    char *ct = arena_printf(f.a, "multipart/form-data; boundary=%s", b70);
    char *body = arena_printf(f.a,
                              "--%s\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n"
                              "--%s--",
                              b70, b70);
    CU_ASSERT_EQUAL(post(&f, ct, body, strlen(body)), WM_OK);
    CU_ASSERT_STRING_EQUAL(http_form_param(f.req, "x"), "1");
    fx_free(&f);
}

/* ---- boundaries ---------------------------------------------------------------------------- */

static void test_bad_boundaries_are_400(void)
{
    const char body[] = "--XyZ--";
    refused("multipart/form-data", LIT(body), WM_EINVAL,
            "multipart Content-Type without a boundary");
    refused("multipart/form-data; charset=utf-8", LIT(body), WM_EINVAL,
            "multipart Content-Type without a boundary");
    refused("multipart/form-data; boundary=\"\"", LIT(body), WM_EINVAL,
            "multipart boundary must be 1 to 70 characters long");
    refused("multipart/form-data; boundary="
            "12345678901234567890123456789012345678901234567890123456789012345678901",
            LIT(body), WM_EINVAL, "multipart boundary must be 1 to 70 characters long");
    refused("multipart/form-data; boundary=\"a\x01z\"", LIT(body), WM_EINVAL,
            "invalid character in multipart boundary");
    refused("multipart/form-data; boundary=\"a<b\"", LIT(body), WM_EINVAL,
            "invalid character in multipart boundary");
    refused("multipart/form-data; boundary=\"ab \"", LIT(body), WM_EINVAL,
            "multipart boundary ends with a space");
    refused("multipart/form-data; boundary=a; boundary=b", LIT(body), WM_EINVAL,
            "duplicate multipart boundary parameter");
    refused("multipart/form-data; boundary=", LIT(body), WM_EINVAL,
            "malformed Content-Type header");
    refused("multipart/form-data; boundary=\"XyZ", LIT(body), WM_EINVAL,
            "malformed Content-Type header");

    /* Without the ';' this is not multipart/form-data at all: the body stays raw. */
    struct fx f;
    fx_init(&f);
    CU_ASSERT_EQUAL(post(&f, "multipart/form-data boundary=XyZ", LIT(body)), WM_OK);
    CU_ASSERT_EQUAL(f.req->form.count, 0);
    CU_ASSERT_EQUAL(f.req->body.len, sizeof(body) - 1);
    fx_free(&f);
}

static void test_body_without_any_boundary_is_400(void)
{
    refused(CT, "", 0, WM_EINVAL, "multipart body has no boundary line");
    refused(CT, LIT("just some text"), WM_EINVAL, "multipart body has no boundary line");
    refused(CT, LIT("--xyz\r\n"), WM_EINVAL, "multipart body has no boundary line");
    refused(CT, LIT("--XY"), WM_EINVAL, "multipart body has no boundary line");
}

static void test_truncated_bodies_are_400(void)
{
    refused(CT, LIT("--XyZ"), WM_EINVAL, "multipart body is missing its final boundary");
    refused(CT, LIT("--XyZ   "), WM_EINVAL, "multipart body is missing its final boundary");
    refused(CT, LIT("--XyZ\r\n"), WM_EINVAL, "truncated multipart part headers");
    refused(CT, LIT("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n"), WM_EINVAL,
            "truncated multipart part headers");
    refused(CT, LIT("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\ndata"), WM_EINVAL,
            "multipart body is missing its final boundary");
    refused(CT, LIT("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\ndata\r\n--XyZ"),
            WM_EINVAL, "multipart body is missing its final boundary");
    refused(CT, LIT("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\ndata\r\n--XyZ-"),
            WM_EINVAL, "malformed multipart boundary line");
}

static void test_boundary_lines_need_crlf(void)
{
    refused(CT, LIT("--XyZ\nContent-Disposition: form-data; name=\"a\"\n\nx\n--XyZ--"), WM_EINVAL,
            "malformed multipart boundary line");
    refused(CT,
            LIT("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--XyZjunk\r\n"
                "--XyZ--"),
            WM_EINVAL, "malformed multipart boundary line");
    refused(CT, LIT("--XyZ\rContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--XyZ--"),
            WM_EINVAL, "malformed multipart boundary line");
}

/* ---- part headers -------------------------------------------------------------------------- */

#define PART(headers) "--XyZ\r\n" headers "\r\n\r\nvalue\r\n--XyZ--\r\n"

static void test_bad_part_headers_are_400(void)
{
    refused(CT, LIT("--XyZ\r\n\r\nvalue\r\n--XyZ--"), WM_EINVAL,
            "multipart part without Content-Disposition");
    refused(CT, LIT(PART("Content-Type: text/plain")), WM_EINVAL,
            "multipart part without Content-Disposition");
    refused(CT, LIT(PART("Content-Disposition: attachment; name=\"a\"")), WM_EINVAL,
            "multipart part is not Content-Disposition: form-data");
    refused(CT, LIT(PART("Content-Disposition: form-data")), WM_EINVAL,
            "multipart part without a name");
    refused(CT, LIT(PART("Content-Disposition: form-data; name=\"\"")), WM_EINVAL,
            "multipart part without a name");
    refused(CT, LIT(PART("Content-Disposition: form-data; name=\"a\"; name=\"b\"")), WM_EINVAL,
            "duplicate 'name' in multipart Content-Disposition");
    refused(CT, LIT(PART("Content-Disposition: form-data; name=a; filename=x; FILENAME=y")),
            WM_EINVAL, "duplicate 'FILENAME' in multipart Content-Disposition");
    refused(CT,
            LIT(PART("Content-Disposition: form-data; name=\"a\"\r\n"
                     "Content-Disposition: form-data; name=\"b\"")),
            WM_EINVAL, "duplicate Content-Disposition in multipart part");
    refused(CT,
            LIT(PART("Content-Disposition: form-data; name=\"a\"\r\n"
                     "Content-Type: a/b\r\nContent-Type: c/d")),
            WM_EINVAL, "duplicate Content-Type in multipart part");
    refused(CT, LIT(PART("Content-Disposition: form-data; name=\"a\"\r\n X-Folded: 1")), WM_EINVAL,
            "folded header line in multipart part");
    refused(CT, LIT(PART("Content-Disposition form-data; name=\"a\"")), WM_EINVAL,
            "malformed header line in multipart part");
    refused(CT, LIT(PART(": form-data; name=\"a\"")), WM_EINVAL,
            "malformed header line in multipart part");
    refused(CT, LIT(PART("Content Disposition: form-data; name=\"a\"")), WM_EINVAL,
            "malformed header line in multipart part");
    refused(CT, LIT(PART("Content-Disposition: form-data; name=\"a\x01\"")), WM_EINVAL,
            "control character in multipart part headers");
    refused(CT, LIT(PART("Content-Disposition: form-data; name=\"a\"\nX-A: b")), WM_EINVAL,
            "bare CR or LF in multipart part headers");
    refused(CT, LIT(PART("Content-Disposition: form-data; name=\"a")), WM_EINVAL,
            "malformed multipart Content-Disposition");
    refused(CT, LIT(PART("Content-Disposition: form-data; name=\"a\" junk")), WM_EINVAL,
            "malformed multipart Content-Disposition");
    refused(CT, LIT(PART("Content-Disposition: form-data; name=a; filename*=nonsense")), WM_EINVAL,
            "malformed filename* in multipart part");
    refused(CT, LIT(PART("Content-Disposition: form-data; name=a; filename*=UTF-8''%zz")),
            WM_EINVAL, "invalid percent-encoding in multipart filename*");
    refused(CT, LIT(PART("Content-Disposition: form-data; name=a; filename*=UTF-8''a%0Ab")),
            WM_EINVAL, "control character in multipart file name");
}

static void test_unknown_part_headers_and_parameters_are_ignored(void)
{
    struct fx f;
    fx_init(&f);
    const char body[] = PART("X-Custom: 1\r\n"
                             "Content-Disposition: form-data; name=\"a\"; size=5; x=\"y\"\r\n"
                             "Content-Transfer-Encoding: 8bit");
    CU_ASSERT_EQUAL(post(&f, CT, LIT(body)), WM_OK);
    CU_ASSERT_STRING_EQUAL(http_form_param(f.req, "a"), "value");
    fx_free(&f);
}

static void test_nul_in_a_text_field_is_400(void)
{
    refused(CT, LIT("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\0y\r\n--XyZ--"),
            WM_EINVAL, "NUL byte in form field 'a'");
}

/* ---- limits -------------------------------------------------------------------------------- */

static void test_part_header_block_is_limited(void)
{
    struct fx f;
    fx_init(&f);
    f.lim.max_part_header_bytes = 64;
    struct buf b = BUF_INIT(f.a);
    buf_appends(&b, "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Pad: ");
    for (int i = 0; i < 100; i++)
        buf_appendc(&b, 'p');
    buf_appends(&b, "\r\n\r\nv\r\n--XyZ--");
    CU_ASSERT_EQUAL(post(&f, CT, b.ptr, b.len), WM_ETOOBIG);
    CU_ASSERT_STRING_EQUAL(msg(&f), "multipart part headers too large (limit 64 bytes)");
    /* An endless header block (no blank line at all) is refused the same way. */
    buf_setlen(&b, 0);
    buf_appends(&b, "--XyZ\r\n");
    for (int i = 0; i < 1000; i++)
        buf_appends(&b, "X-A: b\r\n");
    CU_ASSERT_EQUAL(post(&f, CT, b.ptr, b.len), WM_ETOOBIG);
    fx_free(&f);
}

static void test_part_count_is_limited(void)
{
    struct fx f;
    fx_init(&f);
    f.lim.max_fields = 3;
    struct buf b = BUF_INIT(f.a);
    for (int i = 0; i < 3; i++)
        buf_appendf(&b, "--XyZ\r\nContent-Disposition: form-data; name=\"f%d\"\r\n\r\n%d\r\n", i,
                    i);
    buf_appends(&b, "--XyZ--");
    CU_ASSERT_EQUAL(post(&f, CT, b.ptr, b.len), WM_OK);
    CU_ASSERT_EQUAL(f.req->form.count, 3);
    buf_setlen(&b, b.len - 7);
    buf_appends(&b, "--XyZ\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nx\r\n--XyZ--");
    CU_ASSERT_EQUAL(post(&f, CT, b.ptr, b.len), WM_ELIMIT);
    CU_ASSERT_STRING_EQUAL(msg(&f), "too many multipart parts (limit 3)");
    fx_free(&f);
}

static void test_many_tiny_parts_parse_in_linear_time(void)
{
    /* 20000 empty parts and a pathological run of near-boundaries: must finish quickly. */
    struct fx f;
    fx_init(&f);
    f.lim.max_fields = 100000;
    struct buf b = BUF_INIT(f.a);
    for (int i = 0; i < 20000; i++)
        buf_appends(&b, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n\r\n");
    buf_appends(&b, "--XyZ\r\nContent-Disposition: form-data; name=b\r\n\r\n");
    for (int i = 0; i < 50000; i++)
        buf_appends(&b, "\r\n--Xy\r\r\n-");
    buf_appends(&b, "\r\n--XyZ--");
    CU_ASSERT_EQUAL(post(&f, CT, b.ptr, b.len), WM_OK);
    CU_ASSERT_EQUAL(f.req->form.count, 20001);
    fx_free(&f);
}

/* ---- the header-parameter reader ----------------------------------------------------------- */

static void test_next_param(void)
{
    struct arena *a = arena_new(0);
    struct str s = STR("text/plain ; a=1;B = \"x\\\"y\" ;c=\"q\\\\\";  ");
    size_t pos;
    struct str mt = http_media_type(s, &pos);
    CU_ASSERT_TRUE(str_eq_cstr(mt, "text/plain"));
    struct str name;
    struct str value;
    CU_ASSERT_EQUAL(http_next_param(a, s, &pos, true, &name, &value), 1);
    CU_ASSERT_TRUE(str_eq_cstr(name, "a") && str_eq_cstr(value, "1"));
    CU_ASSERT_EQUAL(http_next_param(a, s, &pos, true, &name, &value), 1);
    CU_ASSERT_TRUE(str_eq_cstr(name, "B") && str_eq_cstr(value, "x\"y"));
    CU_ASSERT_EQUAL(http_next_param(a, s, &pos, true, &name, &value), 1);
    CU_ASSERT_TRUE(str_eq_cstr(name, "c") && str_eq_cstr(value, "q\\"));
    CU_ASSERT_EQUAL(http_next_param(a, s, &pos, true, &name, &value), 0);

    /* Without quoted pairs a backslash is an ordinary byte. */
    struct str d = STR("form-data; filename=\"C:\\dir\\a.txt\"");
    http_media_type(d, &pos);
    CU_ASSERT_EQUAL(http_next_param(a, d, &pos, false, &name, &value), 1);
    CU_ASSERT_TRUE(str_eq_cstr(value, "C:\\dir\\a.txt"));

    const char *bad[] = { "x; =1",      "x; a",     "x; a=",    "x; a=\"open",
                          "x; a=1 b=2", "x; a b=1", "x; a=\"\\" };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        struct str b = str_from(bad[i]);
        http_media_type(b, &pos);
        int rc;
        while ((rc = http_next_param(a, b, &pos, true, &name, &value)) == 1)
            continue;
        CU_ASSERT_EQUAL(rc, -1);
    }
    arena_free(a);
}

/* clang-format off */
static CU_TestInfo tests[] = {
    { "fields and files are parsed, file bytes kept exactly", test_fields_and_files },
    { "the Flutter app's image upload parses", test_flutter_image_upload },
    { "a quoted boundary among other parameters works", test_quoted_boundary_and_other_parameters },
    { "preamble, epilogue and transport padding are ignored",
      test_preamble_epilogue_and_padding_are_ignored },
    { "the boundary inside data, not after CRLF, is data", test_boundary_inside_data_is_data },
    { "zero parts is an empty form", test_zero_parts_is_an_empty_form },
    { "file names lose directories and filename* wins when UTF-8", test_file_names },
    { "repeated file fields are all kept", test_repeated_file_fields },
    { "a boundary of seventy characters is accepted",
      test_boundary_of_seventy_characters_is_accepted },
    { "missing, long, empty or invalid boundaries are 400", test_bad_boundaries_are_400 },
    { "a body without any boundary line is 400", test_body_without_any_boundary_is_400 },
    { "truncated bodies are 400", test_truncated_bodies_are_400 },
    { "boundary lines need CRLF and nothing after the boundary",
      test_boundary_lines_need_crlf },
    { "bad part headers are 400", test_bad_part_headers_are_400 },
    { "unknown part headers and parameters are ignored",
      test_unknown_part_headers_and_parameters_are_ignored },
    { "a NUL in a text field is 400", test_nul_in_a_text_field_is_400 },
    { "a part header block over the limit is 413", test_part_header_block_is_limited },
    { "the part count is limited", test_part_count_is_limited },
    { "many tiny parts and near-boundaries parse in linear time",
      test_many_tiny_parts_parse_in_linear_time },
    { "header parameters are read with and without quoted pairs", test_next_param },
    CU_TEST_INFO_NULL,
};
/* clang-format on */

SUITE_INFO(http_multipart, "http/multipart", NULL, NULL, tests);
