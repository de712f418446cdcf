/*
 * http_int.h: helpers shared by the files of src/http and by their unit tests; not for other
 * modules (they include http.h). The parsers here write into the request arena and report
 * malformed input as WM_EINVAL, counts over a limit as WM_ELIMIT and sizes over a limit as
 * WM_ETOOBIG, always with a message recorded through wm_errorf().
 */
#ifndef WM_HTTP_HTTP_INT_H
#define WM_HTTP_HTTP_INT_H

#include "http/http.h"

/* Append name = value (len bytes, NUL-terminated) to f, growing it in a. Strings not copied. */
void http_fields_add(struct arena *a, struct http_fields *f, const char *name, const char *value,
                     size_t len);

/* The first field called name (ASCII case-insensitive when nocase), or NULL. */
const struct http_field *http_fields_find(const struct http_fields *f, const char *name,
                                          bool nocase);

/* True for an RFC 9110 tchar: the bytes a header name, method or cookie name may hold. */
bool http_is_tchar(int c);

/* ---- percent-decoding (urlencoded.c) ---- */

enum http_pct_flags {
    HTTP_PCT_PLUS = 1 << 0,     /* '+' decodes to a space (form encoding) */
    HTTP_PCT_NO_SLASH = 1 << 1, /* "%2F" is an error (HTTP_PCT_SLASH), for paths */
};

enum http_pct_result {
    HTTP_PCT_OK = 0,
    HTTP_PCT_BAD_ESCAPE, /* '%' not followed by two hex digits */
    HTTP_PCT_NUL,        /* the input holds or decodes to a NUL byte */
    HTTP_PCT_SLASH,      /* "%2F" with HTTP_PCT_NO_SLASH */
};

/* Decode s into a new NUL-terminated arena string *out of *outlen bytes. On failure *out is
 * left untouched; the caller words the message, since only it knows what was decoded. */
enum http_pct_result http_pct_decode(struct arena *a, struct str s, unsigned flags, char **out,
                                     size_t *outlen);

/*
 * Parse application/x-www-form-urlencoded text (WHATWG URL §5.1: pairs split on '&', name and
 * value split on the first '=', '+' is a space) and append the pairs to out in order. Empty
 * pairs and pairs with an empty name are skipped. what names the input in messages ("query
 * string", "form body"). WM_EINVAL for invalid %XX or a %00; WM_ELIMIT when out would exceed
 * max_fields entries.
 */
int http_parse_urlencoded(struct wm_ctx *ctx, struct str in, const char *what, size_t max_fields,
                          struct http_fields *out);

/* ---- header parameters (multipart.c) ---- */

/*
 * Read the next `; name=value` parameter of a header value such as Content-Type, starting at
 * *pos (RFC 9110 §5.6.6: parameter = token "=" ( token / quoted-string )). Spaces around ';'
 * and '=' are allowed. A quoted value has its quotes removed; with quoted_pairs a backslash
 * escapes the next byte (Content-Type), without it a backslash is literal (Content-Disposition,
 * as browsers send file names). Returns 1 with *name and *value set (value copied to a when it
 * had escapes), 0 at the end, -1 when the text is malformed.
 */
int http_next_param(struct arena *a, struct str s, size_t *pos, bool quoted_pairs, struct str *name,
                    struct str *value);

/* The media type of a Content-Type value, "type/subtype" trimmed, as a slice of s; *rest gets
 * the offset of what follows (the parameters). */
struct str http_media_type(struct str s, size_t *rest);

/*
 * Parse req->body as multipart/form-data (RFC 7578 on RFC 2046 §5.1.1), the boundary taken from
 * req->content_type: non-file parts go to req->form, parts with a filename to req->files.
 * WM_EINVAL for a missing or invalid boundary, a missing final boundary, malformed part headers
 * or a part without Content-Disposition form-data and a name; WM_ELIMIT for more than
 * lim->max_fields parts; WM_ETOOBIG for a part header block over lim->max_part_header_bytes.
 */
int http_parse_multipart(struct wm_ctx *ctx, struct http_request *req,
                         const struct http_limits *lim);

/* ---- cookies (cookie.c) ---- */

/*
 * Parse a Cookie header (RFC 6265 §4.2.1: cookie-pair *( ";" SP cookie-pair )) and append the
 * well-formed pairs to out in order: the name a token, the value cookie-octets, optionally in
 * double quotes (removed). Malformed pairs are skipped silently, as browsers send whatever
 * other applications on the domain set. WM_ELIMIT when out would exceed max_fields entries.
 */
int http_parse_cookies(struct wm_ctx *ctx, struct str header, size_t max_fields,
                       struct http_fields *out);

#endif
