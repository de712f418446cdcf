/*
 * result.c: the GraphQL response as JSON, written once from the tree the executor built in
 * the arena: {"errors":[...],"data":...} in the key order graphql-js's JSON.stringify(result)
 * gives (buildResponse makes {errors, data} when there are errors, {data} otherwise, and a
 * request error is {errors} alone), each error as GraphQLError.toJSON() orders it: message,
 * locations, path, extensions.
 * Reference: graphql-js src/execution/execute.ts (buildResponse), src/error/GraphQLError.ts.
 */
#include "graphql/graphql.h"

#include <string.h>

#include "core/json_out.h"

static void write_error(const struct gql_error *e, struct json_out *j)
{
    json_obj_begin(j);
    json_key(j, "message");
    json_str(j, e->message ? e->message : "");
    if (e->nlocations) {
        json_key(j, "locations");
        json_arr_begin(j);
        for (size_t i = 0; i < e->nlocations; i++) {
            json_obj_begin(j);
            json_key(j, "line");
            json_int(j, e->locations[i].line);
            json_key(j, "column");
            json_int(j, e->locations[i].column);
            json_obj_end(j);
        }
        json_arr_end(j);
    }
    if (e->npath) {
        json_key(j, "path");
        json_arr_begin(j);
        for (size_t i = 0; i < e->npath; i++) {
            if (e->path_is_index && e->path_is_index[i])
                json_raw(j, e->path[i], strlen(e->path[i])); /* a decimal index: a number */
            else
                json_str(j, e->path[i]);
        }
        json_arr_end(j);
    }
    if (e->code) {
        json_key(j, "extensions");
        json_obj_begin(j);
        json_key(j, "code");
        json_str(j, e->code);
        json_obj_end(j);
    }
    json_obj_end(j);
}

void gql_result_write(const struct gql_result *r, struct json_out *j)
{
    json_obj_begin(j);
    if (r->errors.count) {
        json_key(j, "errors");
        json_arr_begin(j);
        for (size_t i = 0; i < r->errors.count; i++)
            write_error(&r->errors.items[i], j);
        json_arr_end(j);
    }
    if (r->has_data) {
        json_key(j, "data");
        gql_value_write(&r->data, j);
    }
    json_obj_end(j);
}

void gql_value_write(const struct gql_value *v, struct json_out *j)
{
    switch (v->kind) {
    case GQL_V_BOOL:
        json_boolean(j, v->u.b);
        return;
    case GQL_V_INT:
        json_int(j, v->u.i);
        return;
    case GQL_V_FLOAT:
        json_double(j, v->u.f); /* 1.0 as 1, as JSON.stringify; non-finite as null */
        return;
    case GQL_V_STRING:
    case GQL_V_ENUM:
        json_str_n(j, v->u.s.ptr ? v->u.s.ptr : "", v->u.s.len);
        return;
    case GQL_V_JSON:
        if (v->u.s.len)
            json_raw(j, v->u.s.ptr, v->u.s.len);
        else
            json_null(j);
        return;
    case GQL_V_LIST:
    case GQL_V_OBJECT:
        break;
    default: /* NULL, UNDEFINED (a list item), a C object nothing completed (never in a result) */
        json_null(j);
        return;
    }
    /* Responses nest as deep as the document (the parser's depth limit keeps them far below
     * JSON_OUT_MAX_DEPTH); a value built deeper than the writer can track is cut to null. */
    if (j->depth >= JSON_OUT_MAX_DEPTH) {
        json_null(j);
        return;
    }
    if (v->kind == GQL_V_LIST) {
        json_arr_begin(j);
        for (size_t i = 0; i < v->u.list.count; i++)
            gql_value_write(&v->u.list.items[i], j);
        json_arr_end(j);
        return;
    }
    json_obj_begin(j);
    for (size_t i = 0; i < v->u.obj.count; i++) {
        if (v->u.obj.items[i].value->kind == GQL_V_UNDEFINED) continue; /* JSON.stringify */
        json_key(j, v->u.obj.items[i].key);
        gql_value_write(v->u.obj.items[i].value, j);
    }
    json_obj_end(j);
}
