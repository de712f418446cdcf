/*
 * err.h: the one list of error codes (libuv UV_ERRNO_MAP style). A function that can fail
 * returns int: WM_OK (0) or a negative WM_E* code; the human detail goes into the request
 * context through wm_errorf(). Add a row here and the enum, HTTP status, GraphQL code and
 * default message all follow.
 */
#ifndef WM_CORE_ERR_H
#define WM_CORE_ERR_H

/* clang-format off */
#define WM_ERR_MAP(X)                                                                        \
    X(EINVAL,    -1, 400, "BAD_USER_INPUT",        "invalid input")                         \
    X(EUNAUTH,   -2, 401, "UNAUTHENTICATED",       "authentication required")               \
    X(EPERM,     -3, 403, "FORBIDDEN",             "not allowed")                           \
    X(ENOTFOUND, -4, 404, "NOT_FOUND",             "not found")                             \
    X(ECONFLICT, -5, 409, "CONFLICT",              "conflicting change")                    \
    X(ELIMIT,    -6, 429, "LIMIT_EXCEEDED",        "limit exceeded")                        \
    X(EUPSTREAM, -7, 502, "UPSTREAM_ERROR",        "upstream service failed")               \
    X(EDB,       -8, 500, "INTERNAL_SERVER_ERROR", "database error")                        \
    X(EINTERNAL, -9, 500, "INTERNAL_SERVER_ERROR", "internal error")                        \
    X(EUNAVAIL, -10, 503, "SERVICE_UNAVAILABLE",   "service temporarily unavailable")       \
    X(EMETHOD,  -11, 405, "METHOD_NOT_ALLOWED",    "method not allowed")                    \
    X(ETOOBIG,  -12, 413, "PAYLOAD_TOO_LARGE",     "request body too large")                \
    X(EMEDIA,   -13, 415, "UNSUPPORTED_MEDIA_TYPE", "unsupported media type")                \
    X(EEXPIRED, -14, 401, "TOKEN_EXPIRED",         "token expired")                         \
    X(EOTPREQUIRED, -15, 401, "OTP_REQUIRED",      "a two-factor code is required")
/* clang-format on */

enum wm_err {
    WM_OK = 0,
#define X(name, val, http, gql, msg) WM_##name = (val),
    WM_ERR_MAP(X)
#undef X
};

/* Default English message for a code ("invalid input"); "unknown error" for unknown codes. */
const char *wm_strerror(int err);
/* Symbolic name ("EINVAL"), for logs. */
const char *wm_err_name(int err);
/* HTTP status for a code (400); 200 for WM_OK, 500 for unknown codes. */
int wm_http_status(int err);
/* errors[].extensions.code for GraphQL ("BAD_USER_INPUT"). */
const char *wm_gql_code(int err);
/* True for codes whose detail must not reach a client (WM_EDB, WM_EINTERNAL). */
int wm_err_is_internal(int err);

#endif
