/*
 * graphql_http.c: GraphQL over HTTP (the GraphQL-over-HTTP spec draft, and the GraphQL
 * multipart request spec for uploads) on /graphql/ and /wms/graphql/.
 *
 * Media types: a POST body is application/json (an object, or an array for a batch) or
 * multipart/form-data (operations + map + files). The reply is application/graphql-response+json
 * when the Accept header names it, else application/json (also for a missing Accept and the
 * wildcards), else 406. Status codes: for application/json every well-formed request gets
 * 200, even with parse or validation errors (the Flutter app treats any other status as a
 * network failure); for application/graphql-response+json a document that fails to parse or
 * validate gets 400. A request that is not GraphQL at all (bad JSON, no query, variables that
 * are not an object) gets 400 in both. A mutation over GET gets 405 with Allow: POST.
 * Limits: body size (http layer), tokens and nesting (parser), depth, aliases, cost and batch
 * size (api_analyze); the cost is reported in extensions.cost of every executed operation, and
 * with http.debug_routes on the SQL statements it ran in extensions.sqlStatements.
 */
#include "api/api_int.h"

#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/json_out.h"
#include "core/log.h"
#include "db/db.h"
#include "market/accounts/accounts.h"
#include "market/accounts/accounts_gql.h"
#include "market/catalog/catalog_gql.h"
#include "market/wishlist/wishlist_gql.h"

struct api {
    const struct config *config;
    struct gql_schema *schema;
    struct gql_limits limits;
    struct doc_cache *docs;
};

enum reply_type { REPLY_JSON, REPLY_GRAPHQL_JSON };

/* The outcome of one operation, which decides the status of a single-operation reply. */
enum outcome { RAN, DOCUMENT_ERROR, REQUEST_ERROR, METHOD_ERROR };

/* The parameters of one GraphQL request (spec: query, operationName, variables). */
struct gql_params {
    const char *query; /* NULL when absent */
    size_t query_len;
    const char *op_name;        /* NULL when absent or null */
    struct gql_value variables; /* OBJECT, or UNDEFINED when absent or null */
};

int api_open(struct api **out, const struct config *cfg, char *err, size_t errlen)
{
    struct api *api = calloc(1, sizeof(*api));
    if (!api) wm_oom(sizeof(*api));
    api->config = cfg;
    wishlist_gql_register(); /* Product.userLiked (the catalog may not include the wishlist) */
    int rc = gql_schema_build(&api->schema, api_schema_text, api_schema_text_len, api_root_fields,
                              api_root_fields_count, api_type_maps, api_type_maps_count, err,
                              errlen);
    if (rc != WM_OK) {
        free(api);
        *out = NULL;
        return rc;
    }
    api->limits.max_tokens = (size_t)cfg->gql_max_tokens;
    api->limits.max_depth = GQL_DEFAULT_MAX_DEPTH;
    api->limits.max_errors = GQL_DEFAULT_MAX_ERRORS;
    api->docs = doc_cache_new((size_t)cfg->gql_doc_cache);
    *out = api;
    return WM_OK;
}

void api_close(struct api *api)
{
    if (!api) return;
    doc_cache_free(api->docs);
    gql_schema_free(api->schema);
    free(api);
}

const struct gql_schema *api_schema(const struct api *api)
{
    return api->schema;
}

/* ---- replies ----------------------------------------------------------------------------- */

static const char *content_type(enum reply_type t)
{
    return t == REPLY_GRAPHQL_JSON ? "application/graphql-response+json; charset=utf-8"
                                   : "application/json; charset=utf-8";
}

/* Write {"errors":[{"message":msg,"extensions":{"code":code}}]} as the whole body. */
static void write_request_error(struct json_out *j, const char *msg, const char *code)
{
    json_obj_begin(j);
    json_key(j, "errors");
    json_arr_begin(j);
    json_obj_begin(j);
    json_key(j, "message");
    json_str(j, msg);
    json_key(j, "extensions");
    json_obj_begin(j);
    json_key(j, "code");
    json_str(j, code);
    json_obj_end(j);
    json_obj_end(j);
    json_arr_end(j);
    json_obj_end(j);
}

/* Reply a request that is not GraphQL at all, with status. */
static int reply_request_error(struct wm_ctx *ctx, struct http_response *res, enum reply_type t,
                               int status, const char *msg)
{
    (void)ctx;
    http_set_json(res, status);
    http_set_header(res, "Content-Type", content_type(t));
    buf_reset(&res->body);
    struct json_out j;
    json_out_init(&j, &res->body);
    write_request_error(&j, msg,
                        status == 405   ? "METHOD_NOT_ALLOWED"
                        : status == 403 ? "FORBIDDEN"
                                        : "BAD_REQUEST");
    return WM_OK;
}

/* Media type negotiation on Accept (q=0 ranges are refused; otherwise order does not matter:
 * graphql-response+json wins whenever it is acceptable). */
static bool negotiate(const struct http_request *req, enum reply_type *out)
{
    const char *accept = http_header(req, "Accept");
    if (!accept || !*accept) {
        *out = REPLY_JSON;
        return true;
    }
    bool json = false;
    bool gql = false;
    const char *p = accept;
    while (*p) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        struct str item = str_trim((struct str){ p, n });
        const char *semi = memchr(item.ptr, ';', item.len);
        struct str type =
                str_trim((struct str){ item.ptr, semi ? (size_t)(semi - item.ptr) : item.len });
        bool refused = semi && strstr(semi, "q=0") && !strstr(semi, "q=0.");
        if (!refused) {
            if (str_case_eq_cstr(type, "application/graphql-response+json"))
                gql = true;
            else if (str_case_eq_cstr(type, "application/json") ||
                     str_case_eq_cstr(type, "application/*") || str_case_eq_cstr(type, "*/*"))
                json = true;
        }
        p += n;
        if (*p == ',') p++;
    }
    if (!gql && !json) return false;
    *out = gql ? REPLY_GRAPHQL_JSON : REPLY_JSON;
    return true;
}

/* ---- one operation ----------------------------------------------------------------------- */

static int hook_begin(struct wm_ctx *ctx)
{
    return db_begin(ctx);
}

static int hook_end(struct wm_ctx *ctx, int rc)
{
    if (rc == WM_OK) {
        rc = db_commit(ctx);
        void (*after)(struct wm_ctx *) = ctx->after_commit;
        ctx->after_commit = NULL;
        if (rc == WM_OK && after) after(ctx);
        return rc;
    }
    ctx->after_commit = NULL;
    int saved = ctx->err.code;
    char *msg = ctx->err.message;
    db_rollback(ctx);
    ctx->err.code = saved;
    ctx->err.message = msg;
    return rc;
}

static const struct gql_exec_hooks tx_hooks = { hook_begin, hook_end };

/* Write {"errors":[...]} for parse or validation errors. */
static void write_errors_only(struct json_out *j, const struct gql_errors *errs)
{
    struct gql_result r = { .has_data = false, .errors = *errs };
    gql_result_write(&r, j);
}

/* Check the static limits of op; on failure add one error to errs and return false. */
static bool within_limits(struct wm_ctx *ctx, const struct api *api, const struct gql_document *doc,
                          const struct gql_operation *op, const struct gql_value *vars,
                          struct api_analysis *an, struct gql_errors *errs)
{
    const struct config *cfg = api->config;
    api_analyze(api->schema, doc, op, vars, an);
    const char *code = wm_gql_code(WM_ELIMIT);
    if (an->introspection && !cfg->gql_introspection) {
        gql_error_add(ctx->arena, errs, GQL_CODE_VALIDATION, &op->node.loc, NULL,
                      "GraphQL introspection is not allowed, but the query contained __schema "
                      "or __type.");
        return false;
    }
    if ((int64_t)an->depth > cfg->gql_max_depth) {
        gql_error_add(ctx->arena, errs, code, &op->node.loc, NULL,
                      "Query is too deep: depth %zu exceeds the limit of %lld.", an->depth,
                      (long long)cfg->gql_max_depth);
        return false;
    }
    if ((int64_t)an->aliases > cfg->gql_max_aliases) {
        gql_error_add(ctx->arena, errs, code, &op->node.loc, NULL,
                      "Query has too many aliases: %zu exceeds the limit of %lld.", an->aliases,
                      (long long)cfg->gql_max_aliases);
        return false;
    }
    if (an->cost > cfg->gql_max_cost) {
        gql_error_add(ctx->arena, errs, code, &op->node.loc, NULL,
                      "Query is too expensive: cost %lld exceeds the limit of %lld.",
                      (long long)an->cost, (long long)cfg->gql_max_cost);
        return false;
    }
    return true;
}

/* Parse and validate p->query, through the document cache. NULL with errs filled on failure. */
static const struct gql_document *get_document(struct wm_ctx *ctx, struct api *api,
                                               const struct gql_params *p, struct gql_errors *errs)
{
    const struct gql_document *doc = doc_cache_get(api->docs, p->query, p->query_len);
    if (doc) return doc;
    struct gql_document *parsed = NULL;
    if (gql_parse(ctx->arena, p->query, p->query_len, &api->limits, &parsed, errs) != WM_OK)
        return NULL;
    if (gql_validate(ctx->arena, api->schema, parsed, &api->limits, errs) != WM_OK) return NULL;
    const struct gql_document *cached =
            doc_cache_put(api->docs, p->query, p->query_len, &api->limits);
    return cached ? cached : parsed;
}

/* Put {"cost": cost[, "sqlStatements": statements, "cachedAnswer": hit, "searchEngine":
 * name]} as extensions into the result object just written at the end of j (before its
 * closing brace). With http.debug_routes on, tests see the SQL cost of the execution (to hold
 * lists to a constant count), whether the whole answer came from the response cache, and which
 * search engine answered (market/search). */
static void append_extensions(const struct wm_ctx *ctx, const struct api *api, struct json_out *j,
                              int64_t cost, uint64_t statements, bool hit)
{
    if (j->b->len < 2 || j->b->ptr[j->b->len - 1] != '}') return;
    buf_setlen(j->b, j->b->len - 1);
    buf_appendf(j->b, ",\"extensions\":{\"cost\":%lld", (long long)cost);
    if (api->config->http_debug_routes) {
        buf_appendf(j->b, ",\"sqlStatements\":%llu,\"cachedAnswer\":%s",
                    (unsigned long long)statements, hit ? "true" : "false");
        if (ctx->search_used) buf_appendf(j->b, ",\"searchEngine\":\"%s\"", ctx->search_used);
    }
    buf_appends(j->b, "}}");
}

/* Run one request's operation, writing its result object to j. */
static enum outcome run_one(struct wm_ctx *ctx, struct api *api, const struct gql_params *p,
                            bool is_get, struct json_out *j)
{
    struct gql_errors errs = { .max = api->limits.max_errors };
    if (!p->query) {
        write_request_error(j, "Missing query.", "BAD_REQUEST");
        return REQUEST_ERROR;
    }
    const struct gql_document *doc = get_document(ctx, api, p, &errs);
    if (!doc) {
        write_errors_only(j, &errs);
        return DOCUMENT_ERROR;
    }
    const struct gql_value *vars = p->variables.kind == GQL_V_OBJECT ? &p->variables : NULL;
    const struct gql_operation *op = api_find_operation(doc, p->op_name);
    struct api_analysis an = { 0 };
    if (op) {
        if (is_get && op->operation != GQL_QUERY) {
            write_request_error(j, "Can only perform a mutation operation from a POST request.",
                                "METHOD_NOT_ALLOWED");
            return METHOD_ERROR;
        }
        if (!within_limits(ctx, api, doc, op, vars, &an, &errs)) {
            write_errors_only(j, &errs);
            return DOCUMENT_ERROR;
        }
    }
    /* A public catalog query of someone not signed in may be answered whole from memcached. */
    struct catalog_response_key rk = { 0 };
    struct str cached;
    int64_t cached_cost = 0;
    if (op && catalog_gql_response_lookup(ctx, api->schema, op, p->query, p->query_len, p->op_name,
                                          vars, &rk, &cached, &cached_cost)) {
        json_raw_begin(j);
        buf_append(j->b, cached.ptr, cached.len);
        append_extensions(ctx, api, j, cached_cost, 0, true);
        return RAN;
    }
    struct gql_result result;
    uint64_t statements = db_statement_count(ctx);
    gql_execute(ctx, api->schema, doc, p->op_name, vars, &tx_hooks, &result);
    statements = db_statement_count(ctx) - statements;
    /* The result object, written straight into the reply, with extensions spliced in before
     * its closing brace. */
    json_raw_begin(j);
    size_t start = j->b->len;
    struct json_out rj;
    json_out_init(&rj, j->b);
    gql_result_write(&result, &rj);
    if (rk.usable && result.has_data && result.errors.count == 0)
        catalog_gql_response_store(ctx, &rk, an.cost, j->b->ptr + start, j->b->len - start);
    if (op) append_extensions(ctx, api, j, an.cost, statements, false);
    return result.has_data ? RAN : REQUEST_ERROR;
}

/* ---- in process (api.h) ------------------------------------------------------------------ */

static bool is_true_word(const char *s)
{
    return strcmp(s, "on") == 0 || strcmp(s, "true") == 0 || strcmp(s, "1") == 0 ||
           strcmp(s, "yes") == 0;
}

/* Rows a list variable is read from a form: name.0 ... name.(FORM_LIST_MAX - 1). */
#define FORM_LIST_MAX 50

/*
 * text as a person writes a number with the decimal mark dec ("," or "."): spaces (also
 * U+00A0 and U+202F) and the other mark between groups of three digits are dropped, dec
 * becomes '.'. Into *f and true when the whole text is then a number.
 */
static bool form_number(struct arena *a, const char *text, char dec, double *f)
{
    char group = dec == ',' ? '.' : ',';
    size_t n = strlen(text);
    char *t = arena_alloc(a, n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == ' ') continue;
        if (c == 0xC2 && (unsigned char)text[i + 1] == 0xA0) {
            i++;
            continue;
        }
        if (c == 0xE2 && (unsigned char)text[i + 1] == 0x80 && (unsigned char)text[i + 2] == 0xAF) {
            i += 2;
            continue;
        }
        if (c == (unsigned char)group) {
            /* Only between digits, three of them after it. */
            size_t digits = 0;
            while (text[i + 1 + digits] >= '0' && text[i + 1 + digits] <= '9')
                digits++;
            char after = text[i + 1 + digits];
            if (k == 0 || t[k - 1] < '0' || t[k - 1] > '9' || digits != 3 ||
                (after && after != group && after != dec && after != ' '))
                return false;
            continue;
        }
        t[k] = text[i];
        if (c == (unsigned char)dec) t[k] = '.';
        k++;
    }
    t[k] = '\0';
    if (!k) return false;
    char *end = NULL;
    *f = strtod(t, &end);
    return end && !*end;
}

/* The value of form text for a scalar or enum type; false when it is to be left out (see
 * api_execute). */
static bool form_scalar(struct wm_ctx *ctx, const struct gql_type *type, const char *text, char dec,
                        struct gql_value *out)
{
    if (type->kind == GQL_TYPE_SCALAR && strcmp(type->name, "Boolean") == 0) {
        *out = gql_bool(text && is_true_word(text));
        return true;
    }
    if (!text) return false;
    bool is_string = type->kind == GQL_TYPE_SCALAR && strcmp(type->name, "String") == 0;
    if (!*text && !is_string) return false;
    int64_t i = 0;
    if (type->kind == GQL_TYPE_SCALAR && strcmp(type->name, "Int") == 0 &&
        str_to_int64(str_trim(str_from(text)), &i)) {
        *out = gql_int(i);
        return true;
    }
    double f = 0;
    if (type->kind == GQL_TYPE_SCALAR && strcmp(type->name, "Float") == 0 &&
        form_number(ctx->arena, text, dec, &f)) {
        *out = gql_float(f);
        return true;
    }
    *out = gql_string(ctx->arena, text);
    return true;
}

/* A type without its non-null wrapper. */
static const struct gql_type *nullable(const struct gql_type *t)
{
    return t && t->kind == GQL_TYPE_NON_NULL ? t->of_type : t;
}

/* Row i of the list variable name of input objects of type t: *present when the form has any
 * of its fields, false when they are all blank (a row left empty). */
static bool form_row(struct wm_ctx *ctx, const struct gql_type *t, const char *name, size_t i,
                     api_var_fn *var, void *ud, char dec, bool *present, struct gql_value *out)
{
    *out = gql_object(ctx->arena, t->ninput_fields);
    bool filled = false;
    for (size_t k = 0; k < t->ninput_fields; k++) {
        const struct gql_type *ft = nullable(t->input_fields[k].type);
        if (!ft || (ft->kind != GQL_TYPE_SCALAR && ft->kind != GQL_TYPE_ENUM)) continue;
        const char *text =
                var(ud, arena_printf(ctx->arena, "%s.%zu.%s", name, i, t->input_fields[k].name));
        if (!text) continue;
        *present = true;
        struct gql_value v;
        if (!*text || !form_scalar(ctx, ft, text, dec, &v)) continue;
        filled = true;
        gql_object_set(ctx->arena, out, t->input_fields[k].name, v);
    }
    return filled;
}

/* A list variable from the form: files of an [Upload] field, rows name.N.<field> of input
 * objects, or values name.N of scalars (see api_execute). */
static void form_list(struct wm_ctx *ctx, const struct gql_type *item, const char *name,
                      api_var_fn *var, api_file_fn *file, void *ud, char dec,
                      struct gql_value *vars)
{
    struct gql_value items[FORM_LIST_MAX];
    size_t n = 0;
    bool present = false;
    for (size_t i = 0; i < FORM_LIST_MAX; i++) {
        struct gql_value v;
        if (item->kind == GQL_TYPE_SCALAR && strcmp(item->name, "Upload") == 0) {
            const struct http_file *f = file ? file(ud, name, i) : NULL;
            if (!f) break;
            if (!f->size) continue;
            struct gql_upload *up = ARENA_NEW(ctx->arena, struct gql_upload);
            up->filename = f->filename;
            up->content_type = f->content_type;
            up->data = f->data;
            present = true;
            items[n++] = gql_ptr(up, NULL);
        } else if (item->kind == GQL_TYPE_INPUT_OBJECT) {
            if (form_row(ctx, item, name, i, var, ud, dec, &present, &v)) items[n++] = v;
        } else if (item->kind == GQL_TYPE_SCALAR || item->kind == GQL_TYPE_ENUM) {
            const char *text = var(ud, arena_printf(ctx->arena, "%s.%zu", name, i));
            if (!text) continue;
            present = true;
            if (*text && form_scalar(ctx, item, text, dec, &v)) items[n++] = v;
        }
    }
    if (!present) return;
    struct gql_value list = gql_list(ctx->arena, n);
    for (size_t i = 0; i < n; i++)
        list.u.list.items[i] = items[i];
    gql_object_set(ctx->arena, vars, name, list);
}

/* The form text of variable d as a value in vars (see api_execute). */
static void form_variable(struct wm_ctx *ctx, const struct gql_schema *schema,
                          const struct gql_variable_definition *d, api_var_fn *var,
                          api_file_fn *file, void *ud, struct gql_value *vars)
{
    const struct gql_type_ref *t = d->type;
    if (t->node.kind == GQL_NON_NULL_TYPE) t = t->of;
    bool list = t->node.kind == GQL_LIST_TYPE;
    if (list) {
        t = t->of;
        if (t->node.kind == GQL_NON_NULL_TYPE) t = t->of;
    }
    if (t->node.kind != GQL_NAMED_TYPE) return;
    const struct gql_type *type = gql_schema_type(schema, t->name.ptr, t->name.len);
    if (!type) return;
    const char *name = arena_strndup(ctx->arena, d->name.ptr, d->name.len);
    const char *mark = var(ud, "_decimal");
    char dec = mark && *mark == ',' ? ',' : '.';
    if (list) {
        form_list(ctx, type, name, var, file, ud, dec, vars);
        return;
    }
    if (type->kind != GQL_TYPE_SCALAR && type->kind != GQL_TYPE_ENUM) return;
    if (type->kind == GQL_TYPE_SCALAR && strcmp(type->name, "Upload") == 0) {
        const struct http_file *f = file ? file(ud, name, 0) : NULL;
        if (f && f->size) {
            struct gql_upload *up = ARENA_NEW(ctx->arena, struct gql_upload);
            up->filename = f->filename;
            up->content_type = f->content_type;
            up->data = f->data;
            gql_object_set(ctx->arena, vars, name, gql_ptr(up, NULL));
        }
        return;
    }
    struct gql_value v;
    if (form_scalar(ctx, type, var(ud, name), dec, &v)) gql_object_set(ctx->arena, vars, name, v);
}

int api_execute(struct wm_ctx *ctx, const char *text, size_t len, const char *op_name,
                api_var_fn *var, api_file_fn *file, void *ud, struct buf *out)
{
    struct api *api = ctx->api;
    struct gql_errors errs = { .max = api->limits.max_errors };
    struct gql_params p = { .query = text, .query_len = len, .op_name = op_name };
    const struct gql_document *doc = get_document(ctx, api, &p, &errs);
    if (!doc)
        return wm_errorf(ctx, WM_EINTERNAL, "page document: %s",
                         errs.count ? errs.items[0].message : "does not parse");
    const struct gql_operation *op = api_find_operation(doc, op_name);
    if (!op)
        return wm_errorf(ctx, WM_EINTERNAL, "page document: no operation '%s'",
                         op_name ? op_name : "(only)");
    struct gql_value vars = gql_object(ctx->arena, op->variables.count);
    for (size_t i = 0; i < op->variables.count; i++)
        form_variable(ctx, api->schema, op->variables.items[i], var, file, ud, &vars);
    struct api_analysis an = { 0 };
    struct json_out j;
    json_out_init(&j, out);
    if (!within_limits(ctx, api, doc, op, &vars, &an, &errs)) {
        write_errors_only(&j, &errs);
        return WM_OK;
    }
    struct gql_result result;
    gql_execute(ctx, api->schema, doc, op_name, &vars, &tx_hooks, &result);
    gql_result_write(&result, &j);
    return WM_OK;
}

bool api_is_mutation(struct wm_ctx *ctx, const char *text, size_t len, const char *op_name)
{
    struct api *api = ctx->api;
    struct gql_errors errs = { .max = api->limits.max_errors };
    struct gql_params p = { .query = text, .query_len = len, .op_name = op_name };
    const struct gql_document *doc = get_document(ctx, api, &p, &errs);
    const struct gql_operation *op = doc ? api_find_operation(doc, op_name) : NULL;
    return op && op->operation == GQL_MUTATION;
}

/* ---- reading the parameters -------------------------------------------------------------- */

/* Fill p from a JSON request object; on error write the message into *msg. */
static bool params_from_json(struct wm_ctx *ctx, struct json_object *o, struct gql_params *p,
                             const char **msg)
{
    memset(p, 0, sizeof(*p));
    if (!json_object_is_type(o, json_type_object)) {
        *msg = "A GraphQL request must be a JSON object.";
        return false;
    }
    struct json_object *q = NULL;
    struct json_object *name = NULL;
    struct json_object *vars = NULL;
    if (json_object_object_get_ex(o, "query", &q) && !json_object_is_type(q, json_type_null)) {
        if (!json_object_is_type(q, json_type_string)) {
            *msg = "The \"query\" parameter must be a string.";
            return false;
        }
        p->query = json_object_get_string(q);
        p->query_len = (size_t)json_object_get_string_len(q);
    }
    if (json_object_object_get_ex(o, "operationName", &name) &&
        !json_object_is_type(name, json_type_null)) {
        if (!json_object_is_type(name, json_type_string)) {
            *msg = "The \"operationName\" parameter must be a string.";
            return false;
        }
        p->op_name = json_object_get_string(name);
    }
    if (json_object_object_get_ex(o, "variables", &vars) &&
        !json_object_is_type(vars, json_type_null)) {
        if (!json_object_is_type(vars, json_type_object)) {
            *msg = "The \"variables\" parameter must be an object.";
            return false;
        }
        if (api_json_to_value(ctx, vars, &p->variables) != WM_OK) {
            *msg = ctx->err.message;
            return false;
        }
    }
    return true;
}

/* Fill p from the query string of a GET. */
static bool params_from_query(struct wm_ctx *ctx, const struct http_request *req,
                              struct gql_params *p, const char **msg)
{
    memset(p, 0, sizeof(*p));
    p->query = http_query_param(req, "query");
    p->query_len = p->query ? strlen(p->query) : 0;
    p->op_name = http_query_param(req, "operationName");
    if (p->op_name && !*p->op_name) p->op_name = NULL;
    const char *vars = http_query_param(req, "variables");
    if (vars && *vars) {
        struct json_object *o = NULL;
        if (api_json_parse(ctx, vars, strlen(vars), 64, &o) != WM_OK) {
            *msg = "The \"variables\" parameter must be a JSON object.";
            return false;
        }
        if (!json_object_is_type(o, json_type_null)) {
            if (!json_object_is_type(o, json_type_object)) {
                *msg = "The \"variables\" parameter must be a JSON object.";
                return false;
            }
            if (api_json_to_value(ctx, o, &p->variables) != WM_OK) {
                *msg = ctx->err.message;
                return false;
            }
        }
    }
    return true;
}

/* ---- multipart uploads (the GraphQL multipart request spec) ------------------------------ */

/* Put an Upload value (a GQL_V_PTR to a struct gql_upload of file) at path ("variables.file",
 * "0.variables.files.1") inside root, which must hold null there. */
static bool place_upload(struct arena *a, struct gql_value *root, const char *path,
                         const struct http_file *file)
{
    struct gql_value *cur = root;
    char seg[256];
    while (*path) {
        const char *dot = strchr(path, '.');
        size_t n = dot ? (size_t)(dot - path) : strlen(path);
        if (n == 0 || n >= sizeof(seg)) return false;
        memcpy(seg, path, n);
        seg[n] = '\0';
        int64_t idx;
        if (cur->kind == GQL_V_LIST && str_to_int64((struct str){ seg, n }, &idx)) {
            if (idx < 0 || (size_t)idx >= cur->u.list.count) return false;
            cur = &cur->u.list.items[idx];
        } else if (cur->kind == GQL_V_OBJECT) {
            struct gql_value *next = NULL;
            for (size_t i = 0; i < cur->u.obj.count; i++)
                if (strcmp(cur->u.obj.items[i].key, seg) == 0) next = cur->u.obj.items[i].value;
            if (!next) return false;
            cur = next;
        } else {
            return false;
        }
        path += n;
        if (*path == '.') path++;
    }
    if (cur->kind != GQL_V_NULL) return false;
    struct gql_upload *up = ARENA_NEW(a, struct gql_upload);
    up->filename = file->filename;
    up->content_type = file->content_type;
    up->data = file->data;
    *cur = gql_ptr(up, NULL);
    return true;
}

/* Turn a multipart body into the JSON-equivalent operations value with uploads in place. */
static bool operations_from_multipart(struct wm_ctx *ctx, const struct http_request *req,
                                      struct json_object **ops_json, struct gql_value *ops,
                                      const char **msg)
{
    const char *operations = http_form_param(req, "operations");
    const char *map = http_form_param(req, "map");
    if (!operations || !map) {
        *msg = "A multipart GraphQL request needs the \"operations\" and \"map\" fields.";
        return false;
    }
    struct json_object *m = NULL;
    if (api_json_parse(ctx, operations, strlen(operations), 64, ops_json) != WM_OK ||
        api_json_parse(ctx, map, strlen(map), 8, &m) != WM_OK ||
        !json_object_is_type(m, json_type_object)) {
        *msg = "The \"operations\" and \"map\" fields must hold JSON (map: an object).";
        return false;
    }
    if (api_json_to_value(ctx, *ops_json, ops) != WM_OK) {
        *msg = ctx->err.message;
        return false;
    }
    json_object_object_foreach(m, field, paths)
    {
        const struct http_file *file = http_file(req, field);
        if (!file || !json_object_is_type(paths, json_type_array)) {
            *msg = arena_printf(ctx->arena,
                                "The map names the file field \"%s\", which the "
                                "request does not carry.",
                                field);
            return false;
        }
        for (size_t i = 0; i < json_object_array_length(paths); i++) {
            struct json_object *pj = json_object_array_get_idx(paths, i);
            const char *path = json_object_get_string(pj);
            if (!json_object_is_type(pj, json_type_string) ||
                !place_upload(ctx->arena, ops, path, file)) {
                *msg = arena_printf(ctx->arena,
                                    "The map path \"%s\" does not point at a null "
                                    "in the operations.",
                                    path ? path : "");
                return false;
            }
        }
    }
    return true;
}

/* Fill p from an operations value (one object). */
static bool params_from_value(const struct gql_value *v, struct gql_params *p, const char **msg)
{
    memset(p, 0, sizeof(*p));
    if (v->kind != GQL_V_OBJECT) {
        *msg = "A GraphQL request must be a JSON object.";
        return false;
    }
    const struct gql_value *q = gql_object_get(v, "query");
    const struct gql_value *name = gql_object_get(v, "operationName");
    const struct gql_value *vars = gql_object_get(v, "variables");
    if (q && q->kind == GQL_V_STRING) {
        p->query = q->u.s.ptr;
        p->query_len = q->u.s.len;
    }
    if (name && name->kind == GQL_V_STRING) p->op_name = name->u.s.ptr;
    if (vars && vars->kind == GQL_V_OBJECT)
        p->variables = *vars;
    else if (vars && vars->kind != GQL_V_NULL) {
        *msg = "The \"variables\" parameter must be an object.";
        return false;
    }
    return true;
}

/* ---- the handlers ------------------------------------------------------------------------ */

/* Status of a single-operation reply. */
static int status_for(enum outcome o, enum reply_type t)
{
    switch (o) {
    case RAN:
        return 200;
    case DOCUMENT_ERROR:
        return t == REPLY_GRAPHQL_JSON ? 400 : 200;
    case METHOD_ERROR:
        return 405;
    case REQUEST_ERROR:
        break;
    }
    return t == REPLY_GRAPHQL_JSON ? 400 : 200;
}

/* Run a batch (an array of requests) or one request; the reply goes to res. */
static int run_requests(struct wm_ctx *ctx, struct http_response *res, enum reply_type t,
                        const struct gql_params *list, size_t n, bool batch, bool is_get)
{
    struct api *api = ctx->api;
    buf_reset(&res->body);
    struct json_out j;
    json_out_init(&j, &res->body);
    enum outcome last = RAN;
    if (batch) json_arr_begin(&j);
    for (size_t i = 0; i < n; i++)
        last = run_one(ctx, api, &list[i], is_get, &j);
    if (batch) json_arr_end(&j);
    int status = batch ? 200 : status_for(last, t);
    if (!list[0].query && !batch) status = 400;
    res->status = status;
    http_set_header(res, "Content-Type", content_type(t));
    http_set_header(res, "Cache-Control", "no-store");
    if (status == 405) http_set_header(res, "Allow", "POST");
    return WM_OK;
}

static int graphql_get(struct wm_ctx *ctx, struct http_request *req, struct http_response *res,
                       enum reply_type t)
{
    struct gql_params p;
    const char *msg = NULL;
    if (!params_from_query(ctx, req, &p, &msg)) return reply_request_error(ctx, res, t, 400, msg);
    return run_requests(ctx, res, t, &p, 1, false, true);
}

static int graphql_post_json(struct wm_ctx *ctx, struct http_request *req,
                             struct http_response *res, enum reply_type t)
{
    struct api *api = ctx->api;
    struct json_object *body = NULL;
    if (api_json_parse(ctx, req->body.ptr, req->body.len, 64, &body) != WM_OK)
        return reply_request_error(ctx, res, t, 400, ctx->err.message);
    const char *msg = NULL;
    if (json_object_is_type(body, json_type_array)) {
        size_t n = json_object_array_length(body);
        if (n == 0)
            return reply_request_error(ctx, res, t, 400, "A batch must hold at least one request.");
        if ((int64_t)n > api->config->gql_max_batch)
            return reply_request_error(ctx, res, t, 400,
                                       arena_printf(ctx->arena,
                                                    "A batch may hold at most %lld requests.",
                                                    (long long)api->config->gql_max_batch));
        struct gql_params *list = ARENA_ARRAY(ctx->arena, struct gql_params, n);
        for (size_t i = 0; i < n; i++)
            if (!params_from_json(ctx, json_object_array_get_idx(body, i), &list[i], &msg))
                return reply_request_error(ctx, res, t, 400, msg);
        return run_requests(ctx, res, t, list, n, true, false);
    }
    struct gql_params p;
    if (!params_from_json(ctx, body, &p, &msg)) return reply_request_error(ctx, res, t, 400, msg);
    return run_requests(ctx, res, t, &p, 1, false, false);
}

static int graphql_post_multipart(struct wm_ctx *ctx, struct http_request *req,
                                  struct http_response *res, enum reply_type t)
{
    struct json_object *ops_json = NULL;
    struct gql_value ops;
    const char *msg = NULL;
    if (!operations_from_multipart(ctx, req, &ops_json, &ops, &msg))
        return reply_request_error(ctx, res, t, 400, msg);
    if (ops.kind == GQL_V_LIST) {
        size_t n = ops.u.list.count;
        if (n == 0 || (int64_t)n > ctx->api->config->gql_max_batch)
            return reply_request_error(ctx, res, t, 400, "The batch size is out of range.");
        struct gql_params *list = ARENA_ARRAY(ctx->arena, struct gql_params, n);
        for (size_t i = 0; i < n; i++)
            if (!params_from_value(&ops.u.list.items[i], &list[i], &msg))
                return reply_request_error(ctx, res, t, 400, msg);
        return run_requests(ctx, res, t, list, n, true, false);
    }
    struct gql_params p;
    if (!params_from_value(&ops, &p, &msg)) return reply_request_error(ctx, res, t, 400, msg);
    return run_requests(ctx, res, t, &p, 1, false, false);
}

int api_graphql(struct wm_ctx *ctx, struct http_request *req, struct http_response *res)
{
    enum reply_type t = REPLY_JSON;
    if (!negotiate(req, &t))
        return reply_request_error(ctx, res, REPLY_JSON, 406,
                                   "Accept must allow application/graphql-response+json or "
                                   "application/json.");
    /* Who is calling, once for every operation of the request (never fails the request). */
    ctx->client_ip = *req->remote_addr ? req->remote_addr : NULL;
    ctx->user_agent = http_header(req, "User-Agent");
    /* Tests compare the search engines on the same request (never in production). */
    if (ctx->config->http_debug_routes) ctx->search_engine = http_header(req, "X-Search-Engine");
    const char *authorization = http_header(req, "Authorization");
    const char *session = http_cookie(req, ACCOUNT_SESSION_COOKIE);
    if (!authorization && session && *session) {
        /* A browser's session cookie: a POST must also carry the CSRF token of the page it
         * comes from and, when it names one, our own Origin (a cross-site form or script
         * cannot forge either). A bearer token is never sent by a browser on its own, so
         * those requests need neither. */
        if (req->method == HTTP_POST &&
            (!http_same_origin(req) ||
             !account_csrf_valid(ctx, http_cookie(req, ACCOUNT_BROWSER_COOKIE), session,
                                 http_header(req, ACCOUNT_CSRF_HEADER))))
            return reply_request_error(ctx, res, t, 403,
                                       "A request signed in by cookie needs the page's CSRF "
                                       "token (X-CSRF-Token) and a same-origin Origin header.");
        account_authenticate_cookie(ctx, session);
        wm_clear_error(ctx);
    } else {
        accounts_gql_authenticate(ctx, authorization);
    }
    if (req->method == HTTP_GET || req->method == HTTP_HEAD) return graphql_get(ctx, req, res, t);
    if (strcmp(req->media_type, "application/json") == 0)
        return graphql_post_json(ctx, req, res, t);
    if (strcmp(req->media_type, "multipart/form-data") == 0)
        return graphql_post_multipart(ctx, req, res, t);
    reply_request_error(ctx, res, t, 415,
                        "Content-Type must be application/json or multipart/form-data.");
    return WM_OK;
}

int api_schema_sdl(struct wm_ctx *ctx, struct http_request *req, struct http_response *res)
{
    (void)req;
    struct api *api = ctx->api;
    if (!api->config->gql_introspection) return wm_errorf(ctx, WM_ENOTFOUND, "not found");
    res->status = 200;
    http_set_header(res, "Content-Type", "text/plain; charset=utf-8");
    http_set_header(res, "Cache-Control", "public, max-age=300");
    buf_append(&res->body, api->schema->sdl, api->schema->sdl_len);
    return WM_OK;
}
