/*
 * err.c: the mappings generated from WM_ERR_MAP (err.h), in the shape of libuv's
 * uv_strerror/uv_err_name (uv-common.c).
 */
#include "core/err.h"

const char *wm_strerror(int err)
{
    switch (err) {
    case WM_OK:
        return "ok";
#define X(name, val, http, gql, msg) \
    case WM_##name:                  \
        return msg;
        WM_ERR_MAP(X)
#undef X
    }
    return "unknown error";
}

const char *wm_err_name(int err)
{
    switch (err) {
    case WM_OK:
        return "OK";
#define X(name, val, http, gql, msg) \
    case WM_##name:                  \
        return #name;
        WM_ERR_MAP(X)
#undef X
    }
    return "EUNKNOWN";
}

int wm_http_status(int err)
{
    switch (err) {
    case WM_OK:
        return 200;
#define X(name, val, http, gql, msg) \
    case WM_##name:                  \
        return http;
        WM_ERR_MAP(X) /* NOLINT(bugprone-branch-clone): codes may share a status */
#undef X
    }
    return 500;
}

const char *wm_gql_code(int err)
{
    if (err == WM_OK) return "OK";
    switch (err) {
#define X(name, val, http, gql, msg) \
    case WM_##name:                  \
        return gql;
        WM_ERR_MAP(X) /* NOLINT(bugprone-branch-clone): codes may share a code */
#undef X
    }
    return "INTERNAL_SERVER_ERROR";
}

int wm_err_is_internal(int err)
{
    return err == WM_EDB || err == WM_EINTERNAL || wm_http_status(err) == 500;
}
