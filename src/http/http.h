/*
 * http.h: the HTTP layer of a CGI/FastCGI worker, and the one header other modules include.
 * It reads a request from a struct http_io (libfcgi, plain CGI or memory), parses it into the
 * request arena, matches it against a route table, and writes a CGI response with the security
 * headers every reply must carry. Parsing never trusts its input: every count and size is
 * bounded by struct http_limits and every failure is a WM_E* code with a message recorded by
 * wm_errorf(). Nothing here outlives the request arena, and no pointer into the libfcgi
 * environment is kept: every string is copied.
 */
#ifndef WM_HTTP_HTTP_H
#define WM_HTTP_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/buf.h"

struct arena;
struct config;
struct wm_ctx;
struct FCGX_Request;
struct param_spec;

/* ---- I/O ---------------------------------------------------------------------------------- */

/*
 * Where a request comes from and its response goes to. The three constructors below fill every
 * field; callers use http_io_read()/http_io_write() rather than the function pointers so that
 * the byte counters stay right. The struct belongs to the caller (usually on the stack of the
 * accept loop) and holds no memory of its own.
 */
struct http_io {
    /* Read up to n body bytes into p: the count read, 0 at the end of the body, -1 on error. */
    ssize_t (*read)(struct http_io *io, void *p, size_t n);
    /* Write all n bytes: 0, or -1 when the client is gone. */
    int (*write)(struct http_io *io, const void *p, size_t n);
    /* Push buffered output to the client; NULL when there is nothing to do. 0 or -1. */
    int (*flush)(struct http_io *io);
    char **envp;          /* NULL-terminated "NAME=value" CGI variables; valid for this request
                             only (libfcgi frees them at the next Accept or Finish) */
    void *handle;         /* the FCGX_Request * of a FastCGI io; NULL otherwise */
    size_t bytes_read;    /* body bytes read so far */
    size_t bytes_written; /* response bytes (head and body) written so far */
    struct {
        const char *body; /* the request body of a memory io (not copied) */
        size_t len;       /* its length */
        size_t pos;       /* bytes handed out so far */
        size_t chunk;     /* most bytes one read returns (0 = no limit); tests short reads */
        struct buf *out;  /* where a memory io appends the response */
    } mem;
};

/* An io over a libfcgi request accepted with FCGX_Accept_r(): FCGX_GetStr on req->in,
 * FCGX_PutStr on req->out, envp = req->envp. The request must stay accepted while io is used. */
void http_io_fcgi(struct http_io *io, struct FCGX_Request *req);

/* An io for plain CGI (use when FCGX_IsCGI() is true): stdin, stdout and environ. */
void http_io_cgi(struct http_io *io);

/* An io over memory, for tests: envp (NULL-terminated, may be NULL) and body (len bytes, not
 * copied) are read; the response is appended to out. All three must outlive io. */
void http_io_mem(struct http_io *io, char **envp, const void *body, size_t len, struct buf *out);

/* Read up to n body bytes, retrying short reads: the count read, which is less than n only at
 * the end of the body or on an error. Adds the count to io->bytes_read. */
size_t http_io_read(struct http_io *io, void *p, size_t n);

/* Write n bytes: WM_OK, or WM_EINTERNAL when the client is gone. Adds to io->bytes_written. */
int http_io_write(struct http_io *io, const void *p, size_t n);

/* The value of the CGI variable name in io->envp, or NULL. Points into envp: copy it if it must
 * outlive the request's Accept/Finish. */
const char *http_env(const struct http_io *io, const char *name);

/* ---- limits ------------------------------------------------------------------------------- */

#define HTTP_DEFAULT_MAX_BODY              ((size_t)10 * 1024 * 1024)
#define HTTP_DEFAULT_MAX_FIELDS            ((size_t)1000)
#define HTTP_DEFAULT_MAX_HEADER_BYTES      ((size_t)64 * 1024)
#define HTTP_DEFAULT_MAX_URI_BYTES         ((size_t)8 * 1024)
#define HTTP_DEFAULT_MAX_PART_HEADER_BYTES ((size_t)8 * 1024)

/* The bounds a request must respect. Counts over a limit fail with WM_ELIMIT, sizes with
 * WM_ETOOBIG; the message names the limit ("request body too large (limit 10485760 bytes)"). */
struct http_limits {
    size_t max_body;              /* body bytes; checked against Content-Length before reading */
    size_t max_fields;            /* each of: headers, cookies, query params, form params, parts */
    size_t max_header_bytes;      /* all header names and values together */
    size_t max_uri_bytes;         /* REQUEST_URI, and QUERY_STRING */
    size_t max_part_header_bytes; /* the header block of one multipart part */
};

/* Fill lim with the HTTP_DEFAULT_* values, then take http.max_body and http.max_fields from cfg
 * when cfg is not NULL and the values are positive. */
void http_limits_init(struct http_limits *lim, const struct config *cfg);

/* ---- requests ----------------------------------------------------------------------------- */

enum http_method {
    HTTP_OTHER = 0, /* any other token; req->method_name has it */
    HTTP_GET,
    HTTP_HEAD,
    HTTP_POST,
    HTTP_PUT,
    HTTP_PATCH,
    HTTP_DELETE,
    HTTP_OPTIONS,
    HTTP_METHOD_COUNT
};

/* "GET" ... "OPTIONS"; "OTHER" for HTTP_OTHER. Static string. */
const char *http_method_name(enum http_method m);

/*
 * One name/value pair: a header, cookie, query or form parameter, or path parameter. Both are
 * NUL-terminated strings in the request arena, already decoded, and never contain a NUL byte
 * (input that would decode to one is rejected), so they can go straight to libc.
 */
struct http_field {
    const char *name;  /* headers: canonical form ("Content-Type"), compared case-insensitively */
    const char *value; /* never NULL; "" for "a=" or a bare "a" */
    size_t len;        /* strlen(value) */
};

/* A list of fields in the order they arrived, repeated names included. Arena memory. */
struct http_fields {
    struct http_field *items;
    size_t count;
    size_t cap; /* private: allocated items */
};

/* One uploaded file of a multipart/form-data body. */
struct http_file {
    const char *field;        /* the form field name (name="...") */
    const char *filename;     /* the client's file name, directory part removed; may be "" when
                                 the form's file input was left empty. Never a safe path. */
    const char *content_type; /* the part's Content-Type, or "application/octet-stream" */
    struct str data;          /* the bytes, a slice of req->body (binary, not NUL-terminated) */
    size_t size;              /* data.len */
};

/*
 * A parsed request. Everything lives in the request arena until arena_reset(). Strings are
 * NUL-terminated and never NULL unless the field comment says so.
 */
struct http_request {
    struct arena *arena;            /* the request arena everything below lives in */
    enum http_method method;        /* HTTP_OTHER for methods not in the enum */
    const char *method_name;        /* as sent ("GET", "PROPFIND"); an HTTP token */
    const char *uri;                /* REQUEST_URI as sent (path and query, still encoded);
                                       without it SCRIPT_NAME followed by PATH_INFO */
    const char *path;               /* the decoded path ("/products/42"); starts with '/' */
    const char *query_string;       /* the raw query without '?', "" when none */
    const char *id;                 /* request id: a valid incoming X-Request-Id or a fresh one */
    const char *remote_addr;        /* REMOTE_ADDR, "" when unknown */
    const char *host;               /* Host header if well-formed, else SERVER_NAME[:SERVER_PORT] */
    const char *scheme;             /* "https" or "http" */
    bool https;                     /* HTTPS=on or REQUEST_SCHEME=https */
    const char *content_type;       /* CONTENT_TYPE as sent, NULL when none */
    const char *media_type;         /* its type/subtype, lowercased, "" when none */
    struct str body;                /* the raw body after http_request_read_body(); a NUL byte
                                       follows it (not counted), so JSON parsers may take body.ptr */
    bool body_read;                 /* http_request_read_body() has read the body (or tried) */
    struct http_fields headers;     /* from HTTP_* variables, CONTENT_TYPE and CONTENT_LENGTH */
    struct http_fields cookies;     /* from the Cookie header, in order (first wins on lookup) */
    struct http_fields query;       /* from query_string */
    struct http_fields form;        /* from a urlencoded or multipart body */
    struct http_fields path_params; /* filled by http_route() from ":name" and "*" segments */
    struct http_file *files;        /* multipart uploads, in order (arena array) */
    size_t nfiles;
    size_t files_cap;  /* private */
    const char *allow; /* "GET, HEAD, POST" after http_route() gave WM_EMETHOD; else NULL */
    bool json_errors;  /* set by the dispatcher on ROUTE_JSON routes: errors are replied as JSON */
    const struct route *route; /* the row http_route() matched, NULL before or without one */
};

/*
 * Parse everything but the body from io->envp into a new request in ctx->arena and set *out.
 * Also sets ctx->req_id to the request id. Does not read the body, so a dispatcher can route
 * first and choose the body limit per route; call http_request_read_body() next.
 *
 * Returns WM_OK; WM_EINVAL for a malformed request (missing or invalid REQUEST_METHOD, a path
 * that is not absolute, invalid percent-encoding, a NUL or control byte, a "." or ".." segment
 * or an encoded '/' in the path, invalid query encoding); WM_ELIMIT when headers, cookies or
 * query params outnumber lim->max_fields; WM_ETOOBIG when the URI or the headers are too long.
 * Even on failure *out is set (never NULL) to the request as far as it was parsed, with method,
 * headers, https and id filled first so that an error reply can still be formed; the other
 * strings are then at least "" (path "/").
 */
int http_request_parse(struct wm_ctx *ctx, struct http_io *io, const struct http_limits *lim,
                       struct http_request **out);

/*
 * Read exactly CONTENT_LENGTH body bytes into the arena and parse them by media type:
 * application/x-www-form-urlencoded into req->form; multipart/form-data into req->form and
 * req->files (RFC 7578); anything else (application/json ...) is only kept raw in req->body.
 * A missing or empty CONTENT_LENGTH means an empty body. Calling it twice is a no-op.
 *
 * Returns WM_OK; WM_EINVAL for a non-numeric or negative length, a body shorter than the
 * length, or a malformed form body; WM_ETOOBIG when the length is over lim->max_body (checked
 * before reading, so nothing is read) or a part header block is over its limit; WM_ELIMIT
 * when fields or parts outnumber lim->max_fields.
 */
int http_request_read_body(struct wm_ctx *ctx, struct http_request *req, struct http_io *io,
                           const struct http_limits *lim);

/* The first value of a form parameter, else of a query parameter, named name; NULL if neither.
 * The form wins: a POSTed field cannot be overridden by adding it to the URL. */
const char *http_param(const struct http_request *req, const char *name);
/* The first query parameter named name, or NULL. */
const char *http_query_param(const struct http_request *req, const char *name);
/* The first form parameter (urlencoded or multipart non-file part) named name, or NULL. */
const char *http_form_param(const struct http_request *req, const char *name);
/* Every value of name in arrival order, form values first and then query values (so [0] is
 * http_param()). Returns a NULL-terminated arena array, never NULL; *count gets its length
 * when count is not NULL. */
const char **http_params_all(const struct http_request *req, const char *name, size_t *count);
/* The value of the header name ("Accept", "accept" or "ACCEPT"), or NULL. The web server has
 * already joined repeated headers with ", " (cookies with "; "). */
const char *http_header(const struct http_request *req, const char *name);
/* The first cookie called name (case-sensitive, quotes removed), or NULL. */
const char *http_cookie(const struct http_request *req, const char *name);
/* The first uploaded file of field name, or NULL. */
const struct http_file *http_file(const struct http_request *req, const char *name);
/* The path segment captured by ":name" in the matched route ("*" for the wildcard), or NULL. */
const char *http_path_param(const struct http_request *req, const char *name);

/* True when an error for this request should be answered as JSON: req->json_errors is set (an
 * API route), or its Accept header mentions
 * application/json or application/graphql-response+json, or its path is /graphql, /wms or
 * /api or below one of them. req may be NULL (false). */
bool http_wants_json(const struct http_request *req);

/*
 * Whether the request comes from a page of this site, by the Origin header (scheme://host as
 * the request's own req->scheme and req->host; "null" never matches) or, when a browser sent no
 * Origin, by the Referer's scheme and host. A request with neither (not a browser) passes: the
 * CSRF token is the check that always applies; this one stops what a token alone may not.
 */
bool http_same_origin(const struct http_request *req);

/* A fresh request id in a: 12 lowercase hex characters from getrandom(). Never NULL. */
const char *http_request_id(struct arena *a);

/* ---- responses ---------------------------------------------------------------------------- */

struct http_header {
    const char *name;  /* a token; compared case-insensitively */
    const char *value; /* no CR, LF or other control bytes (http_set_header replaces them) */
};

/* A response being built; it lives in the request arena. */
struct http_response {
    struct arena *arena;         /* where headers and the body grow */
    int status;                  /* 200 until set */
    struct http_header *headers; /* in order (arena array) */
    size_t nheaders;
    size_t headers_cap; /* private */
    struct buf body;    /* arena-backed; handlers append to it */
};

/* A new 200 response with no headers and an empty body, in a. Never NULL. */
struct http_response *http_response_new(struct arena *a);

/*
 * Set header name to value, replacing every header of that name. name must be an HTTP token
 * other than "Status" (assert: names are written by programmers). value (not NULL) is copied;
 * each CR, LF or other control byte in it (tab excepted) becomes a space, so user text cannot
 * split the response.
 */
void http_set_header(struct http_response *res, const char *name, const char *value);
/* As http_set_header(), but append another header line even when one of that name exists. */
void http_add_header(struct http_response *res, const char *name, const char *value);
/* Remove every header called name. */
void http_unset_header(struct http_response *res, const char *name);
/* The first value of the response header name, or NULL. */
const char *http_response_header(const struct http_response *res, const char *name);

/* Set the status and Content-Type: application/json; charset=utf-8. */
void http_set_json(struct http_response *res, int status);
/* Set the status and Content-Type: text/html; charset=utf-8. */
void http_set_html(struct http_response *res, int status);
/* Set a redirect: status (301, 302, 303, 307 or 308; assert) and Location (sanitized like any
 * header value), and empty the body. */
void http_redirect(struct http_response *res, int status, const char *location);

enum http_samesite {
    HTTP_SAMESITE_LAX = 0, /* the default: sent on top-level navigations only */
    HTTP_SAMESITE_STRICT,
    HTTP_SAMESITE_NONE /* requires secure (browsers drop it otherwise) */
};

/* Cookie attributes. Pass NULL for the defaults: Path=/, HttpOnly, SameSite=Lax, session. */
struct http_cookie_opts {
    const char *path;            /* NULL = "/" */
    const char *domain;          /* NULL = host-only (the safe default) */
    int64_t max_age;             /* seconds; 0 = session cookie; < 0 = delete now (Max-Age=0) */
    bool script_visible;         /* false = HttpOnly */
    bool secure;                 /* Secure: set it whenever req->https */
    enum http_samesite samesite; /* SameSite */
};

/*
 * Add a Set-Cookie header. name must be an RFC 6265 token (assert). value may be "" and must be
 * cookie-octets only (no space, '"', ',', ';', '\\' or control bytes); otherwise no header is
 * added and WM_EINVAL is returned with a message in ctx. path and domain are checked the same
 * way (no ';' or control bytes). Returns WM_OK.
 */
int http_set_cookie(struct wm_ctx *ctx, struct http_response *res, const char *name,
                    const char *value, const struct http_cookie_opts *opts);

/*
 * Turn res into the error reply for err (a WM_E* code): status wm_http_status(err), body reset,
 * Cache-Control: no-store. When http_wants_json(req) the body is
 * {"errors":[{"message":...,"extensions":{"code":...}}]}, otherwise a small HTML page with the
 * status and the escaped message. The message is wm_client_message(ctx, err), so internal
 * errors never leak detail. WM_EUNAVAIL adds Retry-After: 5; WM_EMETHOD adds Allow from
 * req->allow. req may be NULL (HTML, no Allow).
 */
void http_reply_error(struct wm_ctx *ctx, const struct http_request *req, struct http_response *res,
                      int err);

/* The reason phrase of status ("Not Found"), "Unknown" for codes outside the table. */
const char *http_status_reason(int status);

/*
 * Write res to io as a CGI response: "Status: 200 OK", the headers, a blank line, the body.
 * Before writing it sets Content-Length (none for 1xx, 204 and 304, which get no body),
 * X-Request-Id from req->id, and each security header the handler did not set itself:
 * X-Content-Type-Options, X-Frame-Options, Referrer-Policy, Content-Security-Policy,
 * Cross-Origin-Opener-Policy, Permissions-Policy, and Strict-Transport-Security when req->https.
 * A HEAD request gets the headers only. req may be NULL (treated as GET over http). Flushes io.
 * Returns WM_OK, or WM_EINTERNAL when the client went away (nothing to do but log it).
 */
int http_send(struct http_io *io, const struct http_request *req, struct http_response *res);

/* ---- routing ------------------------------------------------------------------------------ */

/* A route handler: fill res (status, headers, body) and return WM_OK, or return a WM_E* code
 * with the message recorded by wm_errorf() and let the dispatcher reply the error. */
typedef int http_handler_fn(struct wm_ctx *ctx, struct http_request *req,
                            struct http_response *res);

/* What the dispatcher does around a route's handler. */
enum route_flags {
    ROUTE_JSON = 1 << 0,   /* an API route: errors are always replied as JSON */
    ROUTE_AUTH = 1 << 1,   /* a signed-in viewer is required before the handler runs (401 for
                              JSON routes, a redirect to the sign-in page for pages) */
    ROUTE_CSRF = 1 << 2,   /* unsafe methods must carry a valid CSRF token (form field or
                              header); checked before the handler, 403 otherwise */
    ROUTE_TX = 1 << 3,     /* the handler runs inside one database transaction, committed when
                              it returns WM_OK and rolled back otherwise */
    ROUTE_UPLOAD = 1 << 4, /* the route takes multipart uploads: the body is read with the
                              upload size limit instead of the default one */
};

/*
 * One row of a route table. Patterns are absolute paths compared segment by segment, with
 * the trailing slash significant ("/graphql/" is not "/graphql"). A segment ":name" matches
 * any non-empty segment and captures it as path param name; a last segment "*" matches the
 * rest of the path (possibly empty, possibly with '/') and captures it as "*".
 */
struct route {
    enum http_method method;         /* the method served; a GET route also serves HEAD */
    const char *pattern;             /* "/products/:id"; see above for ":name" and "*" */
    http_handler_fn *handler;        /* never NULL */
    unsigned flags;                  /* enum route_flags */
    const struct param_spec *params; /* declared parameters for the params layer; NULL = none */
    const void *data;                /* what a generic handler needs for this row (the page
                                        handler: its struct page); NULL = nothing */
};

/*
 * Find the route for req in table (n rows). Rows are tried in order and the first whose
 * pattern and method match wins, so list specific patterns ("/products/new") before general
 * ones ("/products/:id"); a HEAD request takes an explicit HEAD row, else a GET row. On WM_OK
 * *out (and req->route) is the row and req->path_params holds its captures. Returns WM_ENOTFOUND
 * when no pattern matches the path, and WM_EMETHOD when some pattern matches but for other methods;
 * then req->allow lists those methods ("GET, HEAD, POST") for the Allow header. Records no message
 * in any context: the dispatcher replies the plain code. *out is NULL on failure.
 */
int http_route(const struct route *table, size_t n, struct http_request *req,
               const struct route **out);

/* ---- logging ------------------------------------------------------------------------------ */

/*
 * Log one access line at info level:
 *   method=GET path=/x status=200 dur_ms=1.23 bytes=123 ip=127.0.0.1
 * Values a client controls (method, path, ip) are written bare only when they hold nothing but
 * [A-Za-z0-9/._~:+-] and are otherwise quoted with '"', '\\' and every byte outside printable
 * ASCII escaped, so a crafted path can neither add keys nor break the line. A value longer than
 * 512 bytes is cut and ends with "..." inside its quotes, so the keys after it still fit in
 * the log line. req may be NULL (every value "-"). Nothing is written below the info level.
 */
void http_log_request(const struct http_request *req, int status, double dur_ms, size_t bytes);

#endif
