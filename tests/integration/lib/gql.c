/*
 * gql.c: GraphQL helpers of the integration tests (it.h): one POST to /wms/graphql/ as the
 * app sends it, and readers of the reply's data and errors.
 */
#include "it.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <json.h>

struct json_object *it_gql(const char *query, const char *vars, const char *authorization)
{
    struct json_object *body = json_object_new_object();
    json_object_object_add(body, "query", json_object_new_string(query));
    json_object_object_add(body, "variables",
                           vars ? json_tokener_parse(vars) : json_object_new_object());
    const char *text = json_object_to_json_string_ext(body, JSON_C_TO_STRING_PLAIN);
    char auth[4096];
    snprintf(auth, sizeof(auth), "Authorization: %s", authorization ? authorization : "");
    const char *headers[] = { "Content-Type: application/json", authorization ? auth : NULL, NULL };
    struct it_response r;
    it_request("POST", "/wms/graphql/", headers, text, strlen(text), &r);
    CU_ASSERT_EQUAL(r.status, 200);
    struct json_object *reply = json_tokener_parse(r.body.ptr ? r.body.ptr : "");
    CU_ASSERT_PTR_NOT_NULL(reply);
    if (!reply) printf("\n  reply: %s\n", r.body.ptr ? r.body.ptr : "(none)");
    it_response_release(&r);
    json_object_put(body);
    return reply;
}

struct json_object *it_at(struct json_object *reply, const char *path)
{
    struct json_object *o = json_object_object_get(reply, "data");
    char copy[256];
    snprintf(copy, sizeof(copy), "%s", path);
    char *save = NULL;
    for (char *k = strtok_r(copy, ".", &save); k && o; k = strtok_r(NULL, ".", &save)) {
        char *end = NULL;
        long idx = strtol(k, &end, 10);
        if (*k && !*end && json_object_is_type(o, json_type_array))
            o = json_object_array_get_idx(o, (size_t)idx);
        else
            o = json_object_object_get(o, k);
    }
    return o;
}

const char *it_str_at(struct json_object *reply, const char *path)
{
    struct json_object *o = it_at(reply, path);
    return o && json_object_is_type(o, json_type_string) ? json_object_get_string(o) : NULL;
}

bool it_bool_at(struct json_object *reply, const char *path)
{
    struct json_object *o = it_at(reply, path);
    return o && json_object_is_type(o, json_type_boolean) && json_object_get_boolean(o);
}

const char *it_error_message(struct json_object *reply)
{
    struct json_object *e = json_object_array_get_idx(json_object_object_get(reply, "errors"), 0);
    return e ? json_object_get_string(json_object_object_get(e, "message")) : NULL;
}

const char *it_error_code(struct json_object *reply)
{
    struct json_object *e = json_object_array_get_idx(json_object_object_get(reply, "errors"), 0);
    struct json_object *x = e ? json_object_object_get(e, "extensions") : NULL;
    return x ? json_object_get_string(json_object_object_get(x, "code")) : NULL;
}

const char *it_new_email(const char *tag)
{
    static char buf[8][128];
    static unsigned n;
    char *b = buf[n++ % 8];
    snprintf(b, sizeof(buf[0]), "it-%s-%ld-%d-%u@example.com", tag, (long)time(NULL), (int)getpid(),
             n);
    return b;
}
