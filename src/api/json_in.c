/*
 * json_in.c: request JSON (json-c) into GraphQL values. The json-c root is released with the
 * request arena (arena_defer); strings are copied into the arena, so values outlive it only as
 * long as the arena. Parsing is strict (no trailing garbage, no trailing commas, valid UTF-8).
 */
#include "api/api_int.h"

#include <stdint.h>
#include <string.h>

#include <json.h>

#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"

static void put_json(void *p)
{
    json_object_put(p);
}

int api_json_parse(struct wm_ctx *ctx, const char *text, size_t len, int depth,
                   struct json_object **out)
{
    json_tokener *tok = json_tokener_new_ex(depth);
    json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
    /* Pass the NUL too: a bare number at the end of the text is then complete. */
    struct json_object *j = json_tokener_parse_ex(tok, text, (int)len + 1);
    enum json_tokener_error e = json_tokener_get_error(tok);
    size_t end = json_tokener_get_parse_end(tok);
    json_tokener_free(tok);
    if (j) arena_defer(ctx->arena, put_json, j);
    if (e != json_tokener_success || !j) {
        if (e == json_tokener_error_depth)
            return wm_errorf(ctx, WM_EINVAL, "JSON body nests deeper than %d levels", depth);
        return wm_errorf(
                ctx, WM_EINVAL, "JSON body is not valid JSON: %s",
                json_tokener_error_desc(e == json_tokener_success ? json_tokener_continue : e));
    }
    if (end < len) return wm_errorf(ctx, WM_EINVAL, "JSON body has trailing characters");
    *out = j;
    return WM_OK;
}

int api_json_to_value(struct wm_ctx *ctx, struct json_object *j, struct gql_value *out)
{
    switch (json_object_get_type(j)) {
    case json_type_null:
        *out = gql_null();
        return WM_OK;
    case json_type_boolean:
        *out = gql_bool(json_object_get_boolean(j));
        return WM_OK;
    case json_type_int: {
        int64_t v = json_object_get_int64(j);
        /* json-c saturates overflowing integers (and parses big unsigned ones as uint64). */
        if (v == INT64_MAX || v == INT64_MIN)
            return wm_errorf(ctx, WM_EINVAL, "JSON number out of range: %s",
                             json_object_to_json_string_ext(j, JSON_C_TO_STRING_PLAIN));
        *out = gql_int(v);
        return WM_OK;
    }
    case json_type_double:
        *out = gql_float(json_object_get_double(j));
        return WM_OK;
    case json_type_string: {
        size_t n = (size_t)json_object_get_string_len(j);
        /* The NUL after the text is copied too: callers may hand the string to libc (the
         * multipart path reads operationName as a C string). */
        *out = gql_string_n(
                (struct str){ arena_memdup(ctx->arena, json_object_get_string(j), n + 1), n });
        return WM_OK;
    }
    case json_type_array: {
        size_t n = json_object_array_length(j);
        *out = gql_list(ctx->arena, n);
        for (size_t i = 0; i < n; i++) {
            int rc = api_json_to_value(ctx, json_object_array_get_idx(j, i), &out->u.list.items[i]);
            if (rc != WM_OK) return rc;
        }
        return WM_OK;
    }
    case json_type_object: {
        *out = gql_object(ctx->arena, (size_t)json_object_object_length(j));
        json_object_object_foreach(j, key, val)
        {
            struct gql_value v = gql_null();
            int rc = api_json_to_value(ctx, val, &v);
            if (rc != WM_OK) return rc;
            gql_object_set(ctx->arena, out, arena_strdup(ctx->arena, key), v);
        }
        return WM_OK;
    }
    }
    return wm_errorf(ctx, WM_EINVAL, "unsupported JSON value");
}
