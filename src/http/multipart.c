/*
 * multipart.c: multipart/form-data bodies (RFC 7578 on the RFC 2046 §5.1.1 framing), plus the
 * header-parameter reader it shares with Content-Type parsing. The body is already in the
 * arena: file data stay slices of it, and only field names and values are copied. The parser
 * is strict where laxness lets two parsers disagree (bare LF, folded or duplicated headers,
 * junk after a boundary, a missing close delimiter): such bodies are refused with 400.
 *
 *   multipart-body := [preamble CRLF] dash-boundary transport-padding CRLF body-part
 *                     *( delimiter transport-padding CRLF body-part )
 *                     close-delimiter transport-padding [CRLF epilogue]
 *   delimiter      := CRLF dash-boundary        dash-boundary := "--" boundary
 *   close-delimiter := delimiter "--"           body-part := MIME-part-headers [CRLF *OCTET]
 */
#include "http/http_int.h"

#include <string.h>

#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"

#define MULTIPART_MAX_BOUNDARY 70 /* RFC 2046 §5.1.1 */

static bool is_ows(int c)
{
    return c == ' ' || c == '\t';
}

static size_t skip_ows(struct str s, size_t pos)
{
    while (pos < s.len && is_ows((unsigned char)s.ptr[pos]))
        pos++;
    return pos;
}

struct str http_media_type(struct str s, size_t *rest)
{
    const char *semi = memchr(s.ptr ? s.ptr : "", ';', s.len);
    size_t end = semi ? (size_t)(semi - s.ptr) : s.len;
    *rest = end;
    return str_trim((struct str){ s.ptr, end });
}

/* quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE, starting at s.ptr[*pos] == '"'. */
static int read_quoted(struct arena *a, struct str s, size_t *pos, bool quoted_pairs,
                       struct str *value)
{
    size_t start = *pos + 1;
    bool escaped = false;
    size_t i = start;
    for (; i < s.len && s.ptr[i] != '"'; i++) {
        if (quoted_pairs && s.ptr[i] == '\\') {
            escaped = true;
            if (++i == s.len) return -1;
        }
    }
    if (i == s.len) return -1;
    *pos = i + 1;
    if (!escaped) {
        *value = (struct str){ s.ptr + start, i - start };
        return 1;
    }
    char *d = arena_alloc(a, i - start + 1);
    size_t n = 0;
    for (size_t j = start; j < i; j++) {
        if (s.ptr[j] == '\\') j++;
        d[n++] = s.ptr[j];
    }
    d[n] = '\0';
    *value = (struct str){ d, n };
    return 1;
}

int http_next_param(struct arena *a, struct str s, size_t *pos, bool quoted_pairs, struct str *name,
                    struct str *value)
{
    size_t i = skip_ows(s, *pos);
    if (i == s.len) {
        *pos = i;
        return 0;
    }
    if (s.ptr[i] != ';') return -1;
    i = skip_ows(s, i + 1);
    if (i == s.len) {
        *pos = i;
        return 0;
    }
    size_t start = i;
    while (i < s.len && http_is_tchar((unsigned char)s.ptr[i]))
        i++;
    if (i == start) return -1;
    *name = (struct str){ s.ptr + start, i - start };
    i = skip_ows(s, i);
    if (i == s.len || s.ptr[i] != '=') return -1;
    i = skip_ows(s, i + 1);
    if (i < s.len && s.ptr[i] == '"') {
        *pos = i;
        return read_quoted(a, s, pos, quoted_pairs, value);
    }
    start = i;
    while (i < s.len && http_is_tchar((unsigned char)s.ptr[i]))
        i++;
    if (i == start) return -1;
    *value = (struct str){ s.ptr + start, i - start };
    *pos = i;
    return 1;
}

/* RFC 2046 bchars: DIGIT / ALPHA / "'()+_,-./:=?" and space (never last). */
static bool is_bchar(int c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c && strchr("'()+_,-./:=? ", c));
}

/* The boundary parameter of req->content_type, checked against RFC 2046. */
static int find_boundary(struct wm_ctx *ctx, const struct http_request *req, struct str *out)
{
    struct str ct = str_from(req->content_type);
    size_t pos;
    http_media_type(ct, &pos);
    struct str name;
    struct str value;
    bool found = false;
    int rc;
    while ((rc = http_next_param(ctx->arena, ct, &pos, true, &name, &value)) == 1) {
        if (!str_case_eq_cstr(name, "boundary")) continue;
        if (found) return wm_errorf(ctx, WM_EINVAL, "duplicate multipart boundary parameter");
        found = true;
        *out = value;
    }
    if (rc < 0) return wm_errorf(ctx, WM_EINVAL, "malformed Content-Type header");
    if (!found) return wm_errorf(ctx, WM_EINVAL, "multipart Content-Type without a boundary");
    if (out->len == 0 || out->len > MULTIPART_MAX_BOUNDARY)
        return wm_errorf(ctx, WM_EINVAL, "multipart boundary must be 1 to %d characters long",
                         MULTIPART_MAX_BOUNDARY);
    for (size_t i = 0; i < out->len; i++)
        if (!is_bchar((unsigned char)out->ptr[i]))
            return wm_errorf(ctx, WM_EINVAL, "invalid character in multipart boundary");
    if (out->ptr[out->len - 1] == ' ')
        return wm_errorf(ctx, WM_EINVAL, "multipart boundary ends with a space");
    return WM_OK;
}

/* What the headers of one part said. */
struct part {
    const char *name;         /* Content-Disposition name */
    const char *filename;     /* filename* (UTF-8) or filename; NULL for a plain field */
    const char *content_type; /* Content-Type, NULL when absent */
};

/* A part header value, trimmed, as an arena string (control bytes were refused already). */
static char *header_text(struct wm_ctx *ctx, struct str v)
{
    return str_dup(ctx->arena, str_trim(v));
}

/* filename*=UTF-8''%e2%82%ac.txt (RFC 8187 ext-value). *out stays NULL for other charsets. */
static int decode_ext_filename(struct wm_ctx *ctx, struct str v, const char **out)
{
    const char *q1 = memchr(v.ptr, '\'', v.len);
    const char *q2 = q1 ? memchr(q1 + 1, '\'', v.len - (size_t)(q1 + 1 - v.ptr)) : NULL;
    if (!q2) return wm_errorf(ctx, WM_EINVAL, "malformed filename* in multipart part");
    if (!str_case_eq_cstr((struct str){ v.ptr, (size_t)(q1 - v.ptr) }, "utf-8")) return WM_OK;
    char *d;
    size_t n;
    struct str enc = { q2 + 1, v.len - (size_t)(q2 + 1 - v.ptr) };
    if (http_pct_decode(ctx->arena, enc, 0, &d, &n) != HTTP_PCT_OK)
        return wm_errorf(ctx, WM_EINVAL, "invalid percent-encoding in multipart filename*");
    *out = d;
    return WM_OK;
}

/* The file name without the directory part old browsers include ("C:\\x\\a.png" -> "a.png"). */
static const char *base_name(const char *s)
{
    const char *base = s;
    for (const char *p = s; *p; p++)
        if (*p == '/' || *p == '\\') base = p + 1;
    return base;
}

/* Content-Disposition: form-data; name="field"; filename="a.png"; filename*=UTF-8''a.png */
static int parse_disposition(struct wm_ctx *ctx, struct str v, struct part *part)
{
    size_t pos;
    struct str type = http_media_type(v, &pos);
    if (!str_case_eq_cstr(type, "form-data"))
        return wm_errorf(ctx, WM_EINVAL, "multipart part is not Content-Disposition: form-data");
    struct str name;
    struct str value;
    bool seen_name = false;
    bool seen_filename = false;
    bool seen_ext = false;
    const char *filename = NULL;
    const char *ext_filename = NULL;
    int rc;
    while ((rc = http_next_param(ctx->arena, v, &pos, false, &name, &value)) == 1) {
        bool *seen = NULL;
        if (str_case_eq_cstr(name, "name"))
            seen = &seen_name;
        else if (str_case_eq_cstr(name, "filename"))
            seen = &seen_filename;
        else if (str_case_eq_cstr(name, "filename*"))
            seen = &seen_ext;
        else
            continue;
        if (*seen)
            return wm_errorf(ctx, WM_EINVAL, "duplicate '%.*s' in multipart Content-Disposition",
                             STR_FMT(name));
        *seen = true;
        if (seen == &seen_name)
            part->name = str_dup(ctx->arena, value);
        else if (seen == &seen_filename)
            filename = str_dup(ctx->arena, value);
        else if ((rc = decode_ext_filename(ctx, value, &ext_filename)) != WM_OK)
            return rc;
    }
    if (rc < 0) return wm_errorf(ctx, WM_EINVAL, "malformed multipart Content-Disposition");
    if (!part->name || !part->name[0])
        return wm_errorf(ctx, WM_EINVAL, "multipart part without a name");
    if (ext_filename || filename) {
        const char *f = ext_filename ? ext_filename : filename;
        for (const char *p = f; *p; p++)
            if ((unsigned char)*p < 0x20 || *p == 0x7f)
                return wm_errorf(ctx, WM_EINVAL, "control character in multipart file name");
        part->filename = base_name(f);
    }
    return WM_OK;
}

/* One header line "Name: value" of a part (no CR or LF inside). */
static int parse_part_header(struct wm_ctx *ctx, struct str line, struct part *part)
{
    const char *colon = memchr(line.ptr, ':', line.len);
    if (line.len && is_ows((unsigned char)line.ptr[0]))
        return wm_errorf(ctx, WM_EINVAL, "folded header line in multipart part");
    if (!colon || colon == line.ptr)
        return wm_errorf(ctx, WM_EINVAL, "malformed header line in multipart part");
    struct str name = { line.ptr, (size_t)(colon - line.ptr) };
    struct str value = { colon + 1, line.len - name.len - 1 };
    for (size_t i = 0; i < name.len; i++)
        if (!http_is_tchar((unsigned char)name.ptr[i]))
            return wm_errorf(ctx, WM_EINVAL, "malformed header line in multipart part");
    for (size_t i = 0; i < value.len; i++) {
        unsigned char c = (unsigned char)value.ptr[i];
        if ((c < 0x20 && c != '\t') || c == 0x7f)
            return wm_errorf(ctx, WM_EINVAL, "control character in multipart part headers");
    }
    if (str_case_eq_cstr(name, "Content-Disposition")) {
        if (part->name)
            return wm_errorf(ctx, WM_EINVAL, "duplicate Content-Disposition in multipart part");
        return parse_disposition(ctx, value, part);
    }
    if (str_case_eq_cstr(name, "Content-Type")) {
        if (part->content_type)
            return wm_errorf(ctx, WM_EINVAL, "duplicate Content-Type in multipart part");
        part->content_type = header_text(ctx, value);
    }
    return WM_OK;
}

/* The header block hdr (CRLF-separated lines, no final blank line) of one part. */
static int parse_part_headers(struct wm_ctx *ctx, struct str hdr, struct part *part)
{
    size_t i = 0;
    while (i < hdr.len) {
        const char *crlf = NULL;
        for (size_t j = i; j < hdr.len; j++) {
            if (hdr.ptr[j] == '\r' && j + 1 < hdr.len && hdr.ptr[j + 1] == '\n') {
                crlf = hdr.ptr + j;
                break;
            }
            if (hdr.ptr[j] == '\r' || hdr.ptr[j] == '\n')
                return wm_errorf(ctx, WM_EINVAL, "bare CR or LF in multipart part headers");
        }
        size_t end = crlf ? (size_t)(crlf - hdr.ptr) : hdr.len;
        int rc = parse_part_header(ctx, (struct str){ hdr.ptr + i, end - i }, part);
        if (rc != WM_OK) return rc;
        i = end + 2;
    }
    if (!part->name) return wm_errorf(ctx, WM_EINVAL, "multipart part without Content-Disposition");
    return WM_OK;
}

/*
 * The first needle (nlen >= 1 bytes) in hay, or NULL (memmem is a GNU extension). Linear for
 * our needles: they start with CR and hold no other CR past index 2, so a comparison stops at
 * the next CR of hay at the latest.
 */
static const char *find_bytes(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
    const char *end = hay + hlen;
    while ((size_t)(end - hay) >= nlen) {
        const char *p = memchr(hay, needle[0], (size_t)(end - hay) - nlen + 1);
        if (!p) return NULL;
        if (memcmp(p, needle, nlen) == 0) return p;
        hay = p + 1;
    }
    return NULL;
}

/* File the part: a file when it had a filename, else a form field (which must hold no NUL). */
static int store_part(struct wm_ctx *ctx, struct http_request *req, const struct part *part,
                      struct str data)
{
    if (!part->filename) {
        if (memchr(data.ptr, '\0', data.len))
            return wm_errorf(ctx, WM_EINVAL, "NUL byte in form field '%s'", part->name);
        http_fields_add(ctx->arena, &req->form, part->name, str_dup(ctx->arena, data), data.len);
        return WM_OK;
    }
    if (req->nfiles == req->files_cap) {
        size_t cap = req->files_cap ? req->files_cap * 2 : 4;
        struct http_file *files = ARENA_ARRAY(ctx->arena, struct http_file, cap);
        if (req->nfiles) memcpy(files, req->files, req->nfiles * sizeof(*files));
        req->files = files;
        req->files_cap = cap;
    }
    req->files[req->nfiles++] = (struct http_file){
        .field = part->name,
        .filename = part->filename,
        .content_type = part->content_type ? part->content_type : "application/octet-stream",
        .data = data,
        .size = data.len,
    };
    return WM_OK;
}

/*
 * After a dash-boundary at *pos: "--" ends the body (returns 1); otherwise transport padding
 * and CRLF must follow (returns 0 with *pos past them). -1 (with a message) for anything else.
 */
static int after_boundary(struct wm_ctx *ctx, struct str body, size_t *pos)
{
    size_t i = *pos;
    if (body.len - i >= 2 && body.ptr[i] == '-' && body.ptr[i + 1] == '-') return 1;
    i = skip_ows(body, i);
    if (i == body.len) {
        wm_errorf(ctx, WM_EINVAL, "multipart body is missing its final boundary");
        return -1;
    }
    if (body.len - i < 2 || body.ptr[i] != '\r' || body.ptr[i + 1] != '\n') {
        wm_errorf(ctx, WM_EINVAL, "malformed multipart boundary line");
        return -1;
    }
    *pos = i + 2;
    return 0;
}

/* Parse the part whose headers start at *pos; leave *pos just after the next dash-boundary. */
static int parse_part(struct wm_ctx *ctx, struct http_request *req, struct str delim,
                      const struct http_limits *lim, size_t *pos)
{
    struct str body = req->body;
    size_t start = *pos;
    struct str hdr;
    size_t data_start;
    if (body.len - start >= 2 && body.ptr[start] == '\r' && body.ptr[start + 1] == '\n') {
        hdr = (struct str){ body.ptr + start, 0 };
        data_start = start + 2;
    } else {
        size_t window = body.len - start;
        if (window > lim->max_part_header_bytes + 4) window = lim->max_part_header_bytes + 4;
        const char *end = find_bytes(body.ptr + start, window, "\r\n\r\n", 4);
        if (!end && window < body.len - start)
            return wm_errorf(ctx, WM_ETOOBIG, "multipart part headers too large (limit %zu bytes)",
                             lim->max_part_header_bytes);
        if (!end) return wm_errorf(ctx, WM_EINVAL, "truncated multipart part headers");
        hdr = (struct str){ body.ptr + start, (size_t)(end - (body.ptr + start)) };
        if (hdr.len > lim->max_part_header_bytes)
            return wm_errorf(ctx, WM_ETOOBIG, "multipart part headers too large (limit %zu bytes)",
                             lim->max_part_header_bytes);
        data_start = start + hdr.len + 4;
    }
    struct part part = { 0 };
    int rc = parse_part_headers(ctx, hdr, &part);
    if (rc != WM_OK) return rc;
    const char *next =
            find_bytes(body.ptr + data_start, body.len - data_start, delim.ptr, delim.len);
    if (!next) return wm_errorf(ctx, WM_EINVAL, "multipart body is missing its final boundary");
    struct str data = { body.ptr + data_start, (size_t)(next - (body.ptr + data_start)) };
    rc = store_part(ctx, req, &part, data);
    *pos = (size_t)(next - body.ptr) + delim.len;
    return rc;
}

int http_parse_multipart(struct wm_ctx *ctx, struct http_request *req,
                         const struct http_limits *lim)
{
    struct str boundary = STR_NULL;
    int rc = find_boundary(ctx, req, &boundary);
    if (rc != WM_OK) return rc;
    /* delim = CRLF "--" boundary; the first dash-boundary may also open the body. */
    char *d = arena_printf(ctx->arena, "\r\n--%.*s", STR_FMT(boundary));
    struct str delim = { d, boundary.len + 4 };
    struct str body = req->body;
    size_t pos;
    if (body.len >= delim.len - 2 && memcmp(body.ptr, delim.ptr + 2, delim.len - 2) == 0) {
        pos = delim.len - 2;
    } else {
        const char *first = find_bytes(body.ptr, body.len, delim.ptr, delim.len);
        if (!first) return wm_errorf(ctx, WM_EINVAL, "multipart body has no boundary line");
        pos = (size_t)(first - body.ptr) + delim.len;
    }
    for (size_t parts = 0;; parts++) {
        int end = after_boundary(ctx, body, &pos);
        if (end < 0) return WM_EINVAL;
        if (end) return WM_OK;
        if (parts >= lim->max_fields)
            return wm_errorf(ctx, WM_ELIMIT, "too many multipart parts (limit %zu)",
                             lim->max_fields);
        rc = parse_part(ctx, req, delim, lim, &pos);
        if (rc != WM_OK) return rc;
    }
}
