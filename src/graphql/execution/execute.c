/*
 * execute.c: executing an operation (spec section 6): pick the operation, coerce its
 * variables, collect and execute the root fields (serially for mutations, with the surface's
 * transaction hooks around each root resolver), complete every value against its type, and
 * turn failures into located errors with null propagation. Functions follow graphql-js's
 * execute.ts in order and name. Everything is synchronous: a function that graphql-js would
 * let throw returns THROWN instead, after recording the error, and the nearest nullable
 * field or list item catches it (handle_field_error). The whole response tree is built in
 * the request arena; result.c serializes it afterwards.
 * Reference: graphql-js src/execution/execute.ts.
 */
#include "graphql/execution/execute.h"

#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "graphql/type/scalars.h"

/* A field error is propagating to the nearest nullable parent (graphql-js: it was thrown).
 * The error itself is already recorded. */
#define THROWN 1

/* extensions.code of the errors completion raises: the server returned something its own
 * schema does not allow, which is not the client's fault. */
#define CODE_COMPLETION "INTERNAL_SERVER_ERROR"

/* One memoized collectSubfields result, keyed by identity like graphql-js memoize3. */
struct subfields_memo {
    const struct gql_type *type;
    const struct gql_selection *const *nodes;
    size_t nnodes;
    struct gql_grouped_fields fields;
};

/* graphql-js ExecutionContext. */
struct exec {
    struct wm_ctx *ctx;
    struct arena *a;
    const struct gql_schema *schema;
    const struct gql_operation *operation;
    struct gql_collect_ctx collect; /* fragments and variables, for field collection */
    struct gql_value vars;          /* coerced variables (OBJECT) */
    const struct gql_exec_hooks *hooks;
    struct gql_errors *errors;
    struct subfields_memo *memo; /* open addressing, memo_cap a power of two (or 0) */
    size_t memo_count, memo_cap;
};

static int execute_fields(struct exec *ex, const struct gql_type *parent_type,
                          const struct gql_value *source, const struct gql_path *path,
                          const struct gql_grouped_fields *fields, struct gql_value *out);
static int complete_value(struct exec *ex, const struct gql_type *return_type,
                          const struct gql_field_group *g, const struct gql_call *info,
                          const struct gql_path *path, const struct gql_value *result,
                          struct gql_value *out);
static const struct gql_field *get_field_def(const struct gql_schema *s,
                                             const struct gql_type *parent_type,
                                             const struct gql_selection *node);

/* ---- errors ------------------------------------------------------------------------------ */

/* pathToArray(): the path from the root, keys and decimal indices, into e. */
static void set_error_path(struct arena *a, struct gql_error *e, const struct gql_path *path)
{
    size_t n = 0;
    for (const struct gql_path *p = path; p; p = p->prev)
        n++;
    if (n == 0) return;
    e->path = ARENA_ARRAY(a, const char *, n);
    e->path_is_index = ARENA_ARRAY(a, bool, n);
    e->npath = n;
    for (const struct gql_path *p = path; p; p = p->prev) {
        n--;
        e->path_is_index[n] = p->key == NULL;
        e->path[n] = p->key ? p->key : arena_printf(a, "%d", p->index);
    }
}

/*
 * Record an error (locatedError): located at every node of g, or at loc when g is NULL, with
 * path when it is not NULL. Messages are taken as they are (never a format).
 */
static void record_error(struct exec *ex, const char *code, const char *message,
                         const struct gql_field_group *g, const struct gql_loc *loc,
                         const struct gql_path *path)
{
    size_t before = ex->errors->count;
    if (g)
        gql_error_add(ex->a, ex->errors, code, &g->nodes[0]->node.loc,
                      g->nnodes > 1 ? &g->nodes[1]->node.loc : NULL, "%s", message);
    else
        gql_error_add(ex->a, ex->errors, code, loc, NULL, "%s", message);
    if (ex->errors->count == before) return; /* over the list's cap */
    struct gql_error *e = &ex->errors->items[ex->errors->count - 1];
    if (g && g->nnodes > 2) {
        e->locations = ARENA_ARRAY(ex->a, struct gql_loc, g->nnodes);
        for (size_t i = 0; i < g->nnodes; i++)
            e->locations[i] = g->nodes[i]->node.loc;
        e->nlocations = g->nnodes;
    }
    set_error_path(ex->a, e, path);
}

/* An error raised while completing the field of info at path: recorded, then thrown. */
static int completion_error(struct exec *ex, const struct gql_field_group *g,
                            const struct gql_path *path, const char *message)
{
    record_error(ex, CODE_COMPLETION, message, g, NULL, path);
    return THROWN;
}

/* ---- building the response ------------------------------------------------------------- */

/* An OBJECT with room for n members whose values are stored in one block with them. */
static struct gql_value *new_object(struct arena *a, size_t n, struct gql_value *out)
{
    *out = (struct gql_value){ .kind = GQL_V_OBJECT };
    if (n == 0) return NULL;
    out->u.obj.items = arena_alloc(a, n * (sizeof(struct gql_member) + sizeof(struct gql_value)));
    return (struct gql_value *)(void *)(out->u.obj.items + n);
}

static void set_null(struct gql_value *out)
{
    *out = (struct gql_value){ .kind = GQL_V_NULL };
}

static struct gql_value string_value(const char *s)
{
    struct gql_value v = { .kind = GQL_V_STRING };
    v.u.s = str_from(s);
    return v;
}

/* ---- execute ----------------------------------------------------------------------------- */

static int execute_operation(struct exec *ex, struct gql_value *out);
static int build_execution_context(struct exec *ex, const struct gql_document *doc,
                                   const char *op_name, const struct gql_value *variables);

/* execute(): a result without data when the request itself is wrong (buildExecutionContext
 * failed); otherwise data, null when an error reached the root. */
void gql_execute(struct wm_ctx *ctx, const struct gql_schema *s, const struct gql_document *doc,
                 const char *op_name, const struct gql_value *variables,
                 const struct gql_exec_hooks *hooks, struct gql_result *out)
{
    memset(out, 0, sizeof(*out));
    struct exec ex = {
        .ctx = ctx,
        .a = ctx->arena,
        .schema = s,
        .hooks = hooks,
        .errors = &out->errors,
        .vars = { .kind = GQL_V_OBJECT },
    };
    ex.collect.arena = ex.a;
    ex.collect.schema = s;
    ex.collect.vars = &ex.vars;
    if (build_execution_context(&ex, doc, op_name, variables) != WM_OK) return;
    out->has_data = true;
    /* An error that reaches the root nulls the whole data (graphql-js's catch in execute). */
    if (execute_operation(&ex, &out->data) != WM_OK) set_null(&out->data);
}

/* The fragments of doc, in an arena array for collection. */
static void collect_fragments(struct exec *ex, const struct gql_document *doc)
{
    size_t n = 0;
    for (size_t i = 0; i < doc->definitions.count; i++)
        n += doc->definitions.items[i]->kind == GQL_FRAGMENT_DEFINITION;
    if (n == 0) return;
    const struct gql_fragment **frags = ARENA_ARRAY(ex->a, const struct gql_fragment *, n);
    n = 0;
    for (size_t i = 0; i < doc->definitions.count; i++)
        if (doc->definitions.items[i]->kind == GQL_FRAGMENT_DEFINITION)
            frags[n++] = (const struct gql_fragment *)(const void *)doc->definitions.items[i];
    ex->collect.fragments = frags;
    ex->collect.nfragments = n;
}

/* A request error: no location, no path, data left out of the response. */
static int request_error(struct exec *ex, const char *message)
{
    gql_error_add(ex->a, ex->errors, GQL_CODE_INPUT, NULL, NULL, "%s", message);
    return WM_EINVAL;
}

/*
 * buildExecutionContext: check the variables are an object, choose the operation (op_name, or
 * the only one there is), gather the fragments and coerce the variables. WM_OK, or WM_EINVAL with
 * the request errors recorded.
 */
static int build_execution_context(struct exec *ex, const struct gql_document *doc,
                                   const char *op_name, const struct gql_value *variables)
{
    /* assertValidExecutionArguments: variables, if given, are an object. */
    if (variables && variables->kind != GQL_V_OBJECT && variables->kind != GQL_V_NULL &&
        variables->kind != GQL_V_UNDEFINED)
        return request_error(ex, "Variables must be provided as an Object where each property "
                                 "is a variable value. Perhaps look to see if an unparsed JSON "
                                 "string was provided.");
    const struct gql_operation *operation = NULL;
    for (size_t i = 0; i < doc->definitions.count; i++) {
        const struct gql_node *def = doc->definitions.items[i];
        if (def->kind != GQL_OPERATION_DEFINITION) continue;
        const struct gql_operation *op = (const struct gql_operation *)(const void *)def;
        if (!op_name) {
            if (operation)
                return request_error(ex, "Must provide operation name if query contains "
                                         "multiple operations.");
            operation = op;
        } else if (op->name.len && str_eq_cstr(op->name, op_name)) {
            operation = op;
        }
    }
    if (!operation) {
        if (op_name)
            return request_error(ex,
                                 arena_printf(ex->a, "Unknown operation named \"%s\".", op_name));
        return request_error(ex, "Must provide an operation.");
    }
    ex->operation = operation;
    collect_fragments(ex, doc);
    return gql_get_variable_values(ex->a, ex->schema, operation, variables, &ex->vars, ex->errors);
}

/* executeOperation: the root type's fields, serially for a mutation. */
static int execute_fields_serially(struct exec *ex, const struct gql_type *parent_type,
                                   const struct gql_value *source, const struct gql_path *path,
                                   const struct gql_grouped_fields *fields, struct gql_value *out);

static int execute_operation(struct exec *ex, struct gql_value *out)
{
    const struct gql_operation *op = ex->operation;
    const struct gql_type *root_type = op->operation == GQL_QUERY      ? ex->schema->query
                                       : op->operation == GQL_MUTATION ? ex->schema->mutation
                                                                       : ex->schema->subscription;
    if (!root_type) {
        const char *msg = arena_printf(ex->a, "Schema is not configured to execute %s operation.",
                                       gql_operation_type_name(op->operation));
        record_error(ex, GQL_CODE_INPUT, msg, NULL, &op->node.loc, NULL);
        return THROWN;
    }
    struct gql_grouped_fields root_fields;
    struct gql_value_error err;
    if (gql_collect_fields(&ex->collect, root_type, op->selection_set, &root_fields, &err) !=
        WM_OK) {
        record_error(ex, GQL_CODE_INPUT, err.message, NULL, &err.loc, NULL);
        return THROWN;
    }
    if (op->operation == GQL_MUTATION)
        return execute_fields_serially(ex, root_type, NULL, NULL, &root_fields, out);
    return execute_fields(ex, root_type, NULL, NULL, &root_fields, out);
}

static int execute_field(struct exec *ex, const struct gql_type *parent_type,
                         const struct gql_value *source, const struct gql_field_group *g,
                         const struct gql_path *path, bool serial_root, struct gql_value *out,
                         bool *present);

/* The loop of executeFields and executeFieldsSerially: each field in order into one object;
 * a field that throws stops the rest, as the synchronous graphql-js loop does. */
static int execute_grouped(struct exec *ex, const struct gql_type *parent_type,
                           const struct gql_value *source, const struct gql_path *path,
                           const struct gql_grouped_fields *fields, bool serial_root,
                           struct gql_value *out)
{
    struct gql_value result;
    struct gql_value *values = new_object(ex->a, fields->count, &result);
    size_t n = 0;
    for (size_t i = 0; i < fields->count; i++) {
        const struct gql_field_group *g = &fields->items[i];
        struct gql_path field_path = { path, g->key, 0 };
        bool present;
        if (execute_field(ex, parent_type, source, g, &field_path, serial_root, &values[n],
                          &present) == THROWN)
            return THROWN;
        if (!present) continue;
        result.u.obj.items[n].key = g->key;
        result.u.obj.items[n].value = &values[n];
        n++;
    }
    result.u.obj.count = n;
    *out = result;
    return WM_OK;
}

/* executeFieldsSerially: a mutation's root fields, one after the other, each resolver inside
 * the surface's mutation hooks (spec 6.3.1: serial execution). */
static int execute_fields_serially(struct exec *ex, const struct gql_type *parent_type,
                                   const struct gql_value *source, const struct gql_path *path,
                                   const struct gql_grouped_fields *fields, struct gql_value *out)
{
    return execute_grouped(ex, parent_type, source, path, fields, true, out);
}

/* executeFields: the fields of one object. Execution is synchronous, so "in parallel" is in
 * order too. */
static int execute_fields(struct exec *ex, const struct gql_type *parent_type,
                          const struct gql_value *source, const struct gql_path *path,
                          const struct gql_grouped_fields *fields, struct gql_value *out)
{
    return execute_grouped(ex, parent_type, source, path, fields, false, out);
}

static int handle_field_error(const struct gql_type *return_type, struct gql_value *out);
static int resolve_field(struct exec *ex, struct gql_call *call, bool serial_root,
                         struct gql_value *out);

/*
 * executeField: coerce the arguments, call the resolver (or read the source), complete the
 * value. *present is false when the field is not defined on parent_type (only in a document
 * that skipped validation): it is then left out of the response, as graphql-js leaves it.
 */
static int execute_field(struct exec *ex, const struct gql_type *parent_type,
                         const struct gql_value *source, const struct gql_field_group *g,
                         const struct gql_path *path, bool serial_root, struct gql_value *out,
                         bool *present)
{
    const struct gql_selection *node = g->nodes[0];
    *present = true;
    if (str_eq(node->name, STR("__typename"))) { /* TypeNameMetaFieldDef, String! */
        *out = string_value(parent_type->name);
        return WM_OK;
    }
    const struct gql_field *field = get_field_def(ex->schema, parent_type, node);
    if (!field) {
        *present = false;
        return WM_OK;
    }
    struct gql_call info = {
        .ctx = ex->ctx,
        .schema = ex->schema,
        .parent_type = parent_type,
        .source = source,
        .field = field,
        .node = node,
        .path = path,
        .args = { .kind = GQL_V_OBJECT },
        .exec = ex,
    };
    if (field->nargs) {
        struct gql_value_error err;
        if (gql_get_argument_values(ex->a, field->args, field->nargs, &node->args, node->node.loc,
                                    &ex->vars, &info.args, &err) != WM_OK) {
            record_error(ex, GQL_CODE_INPUT, err.message, NULL, &err.loc, path);
            return handle_field_error(field->type, out);
        }
    }
    struct gql_value result = { .kind = GQL_V_UNDEFINED };
    int rc = resolve_field(ex, &info, serial_root, &result);
    if (rc != WM_OK) {
        record_error(ex, wm_gql_code(rc), wm_client_message(ex->ctx, rc), g, NULL, path);
        wm_clear_error(ex->ctx);
        return handle_field_error(field->type, out);
    }
    if (complete_value(ex, field->type, g, &info, path, &result, out) == THROWN)
        return handle_field_error(field->type, out);
    return WM_OK;
}

/* handleFieldError: the error is recorded already; a non-null position passes it on to the
 * parent, any other becomes null. */
static int handle_field_error(const struct gql_type *return_type, struct gql_value *out)
{
    if (return_type->kind == GQL_TYPE_NON_NULL) return THROWN;
    set_null(out);
    return WM_OK;
}

static int default_field_resolver(const struct gql_call *call, struct gql_value *out);

/* The resolver of a field (its own, or its field map's function), called inside the mutation
 * hooks for a mutation's root field; fields without one read their source. An error from
 * mutation_begin skips the resolver (and mutation_end: nothing was begun). */
static int resolve_field(struct exec *ex, struct gql_call *call, bool serial_root,
                         struct gql_value *out)
{
    gql_resolve_fn *fn = call->field->resolve;
    const struct gql_field_map *row = call->field->bind;
    if (!fn && row && row->kind == GQL_MAP_KIND_FN) fn = row->fn;
    if (!fn) return default_field_resolver(call, out);
    const struct gql_exec_hooks *hooks = serial_root ? ex->hooks : NULL;
    wm_clear_error(ex->ctx);
    int rc = WM_OK;
    if (hooks && hooks->mutation_begin) rc = hooks->mutation_begin(ex->ctx);
    if (rc != WM_OK) return rc;
    rc = fn(call, out);
    if (hooks && hooks->mutation_end) rc = hooks->mutation_end(ex->ctx, rc);
    return rc;
}

/* ---- completion -------------------------------------------------------------------------- */

static int complete_list_value(struct exec *ex, const struct gql_type *return_type,
                               const struct gql_field_group *g, const struct gql_call *info,
                               const struct gql_path *path, const struct gql_value *result,
                               struct gql_value *out);
static int complete_leaf_value(struct exec *ex, const struct gql_type *return_type,
                               const struct gql_field_group *g, const struct gql_path *path,
                               const struct gql_value *result, struct gql_value *out);
static int complete_abstract_value(struct exec *ex, const struct gql_type *return_type,
                                   const struct gql_field_group *g, const struct gql_call *info,
                                   const struct gql_path *path, const struct gql_value *result,
                                   struct gql_value *out);
static int complete_object_value(struct exec *ex, const struct gql_type *return_type,
                                 const struct gql_field_group *g, const struct gql_call *info,
                                 const struct gql_path *path, const struct gql_value *result,
                                 struct gql_value *out);

/*
 * completeValue (spec 6.4.3): in graphql-js's order: non-null (the inner completion must not
 * be null), null, list, leaf, abstract, object. result is what the resolver gave; out gets the
 * response value.
 */
static int complete_value(struct exec *ex, const struct gql_type *return_type,
                          const struct gql_field_group *g, const struct gql_call *info,
                          const struct gql_path *path, const struct gql_value *result,
                          struct gql_value *out)
{
    if (return_type->kind == GQL_TYPE_NON_NULL) {
        if (complete_value(ex, return_type->of_type, g, info, path, result, out) == THROWN)
            return THROWN;
        if (out->kind != GQL_V_NULL) return WM_OK;
        return completion_error(ex, g, path,
                                arena_printf(ex->a,
                                             "Cannot return null for non-nullable field %s.%s.",
                                             info->parent_type->name, info->field->name));
    }
    if (result->kind == GQL_V_NULL || result->kind == GQL_V_UNDEFINED) {
        set_null(out);
        return WM_OK;
    }
    switch (return_type->kind) {
    case GQL_TYPE_LIST:
        return complete_list_value(ex, return_type, g, info, path, result, out);
    case GQL_TYPE_SCALAR:
    case GQL_TYPE_ENUM:
        return complete_leaf_value(ex, return_type, g, path, result, out);
    case GQL_TYPE_INTERFACE:
    case GQL_TYPE_UNION:
        return complete_abstract_value(ex, return_type, g, info, path, result, out);
    case GQL_TYPE_OBJECT:
        return complete_object_value(ex, return_type, g, info, path, result, out);
    default:
        return completion_error(ex, g, path, "Cannot complete value of unexpected output type.");
    }
}

/* completeListValue: each item against the item type; an item error nulls the item, or the
 * whole list when items are non-null. */
static int complete_list_value(struct exec *ex, const struct gql_type *return_type,
                               const struct gql_field_group *g, const struct gql_call *info,
                               const struct gql_path *path, const struct gql_value *result,
                               struct gql_value *out)
{
    if (result->kind != GQL_V_LIST)
        return completion_error(
                ex, g, path,
                arena_printf(ex->a, "Expected Iterable, but did not find one for field \"%s.%s\".",
                             info->parent_type->name, info->field->name));
    const struct gql_type *item_type = return_type->of_type;
    size_t n = result->u.list.count;
    struct gql_value list = { .kind = GQL_V_LIST };
    list.u.list.items = n ? arena_alloc(ex->a, n * sizeof(struct gql_value)) : NULL;
    list.u.list.count = n;
    for (size_t i = 0; i < n; i++) {
        struct gql_path item_path = { path, NULL, (int)i };
        struct gql_value *item = &list.u.list.items[i];
        if (complete_value(ex, item_type, g, info, &item_path, &result->u.list.items[i], item) ==
                    THROWN &&
            handle_field_error(item_type, item) == THROWN)
            return THROWN;
    }
    *out = list;
    return WM_OK;
}

/* GraphQLEnumType.serialize(): a value named by one of the type's values. */
static int serialize_enum(struct exec *ex, const struct gql_type *type,
                          const struct gql_field_group *g, const struct gql_path *path,
                          const struct gql_value *result, struct gql_value *out)
{
    const struct gql_enum_value *ev = NULL;
    if (result->kind == GQL_V_ENUM || result->kind == GQL_V_STRING)
        ev = gql_type_enum_value(type, result->u.s.ptr, result->u.s.len);
    if (ev) {
        *out = (struct gql_value){ .kind = GQL_V_ENUM };
        out->u.s = str_from(ev->name);
        return WM_OK;
    }
    struct buf b = BUF_INIT(ex->a);
    buf_appendf(&b, "Enum \"%s\" cannot represent value: ", type->name);
    gql_value_inspect(&b, result);
    return completion_error(ex, g, path, b.ptr);
}

/* completeLeafValue: serialize through the scalar (or the enum), which must give a value. */
static int complete_leaf_value(struct exec *ex, const struct gql_type *return_type,
                               const struct gql_field_group *g, const struct gql_path *path,
                               const struct gql_value *result, struct gql_value *out)
{
    if (return_type->kind == GQL_TYPE_ENUM)
        return serialize_enum(ex, return_type, g, path, result, out);
    const char *err = NULL;
    *out = (struct gql_value){ .kind = GQL_V_UNDEFINED };
    if (return_type->scalar->serialize(ex->a, result, out, &err) != WM_OK)
        return completion_error(ex, g, path, err ? err : "Invalid value.");
    if (out->kind != GQL_V_NULL && out->kind != GQL_V_UNDEFINED) return WM_OK;
    struct buf b = BUF_INIT(ex->a);
    buf_appendf(&b, "Expected `%s.serialize(", return_type->name);
    gql_value_inspect(&b, result);
    buf_appends(&b, ")` to return non-nullable value, returned: ");
    gql_value_inspect(&b, out);
    return completion_error(ex, g, path, b.ptr);
}

static int ensure_valid_runtime_type(struct exec *ex, const struct gql_type *runtime_type,
                                     const char *runtime_name, const struct gql_type *return_type,
                                     const struct gql_field_group *g, const struct gql_call *info,
                                     const struct gql_path *path);

/*
 * completeAbstractValue: the value names its object type (defaultTypeResolver): the type set
 * on the value (gql_ptr(p, type)), or for a dynamic OBJECT source its "__typename" member.
 */
static int complete_abstract_value(struct exec *ex, const struct gql_type *return_type,
                                   const struct gql_field_group *g, const struct gql_call *info,
                                   const struct gql_path *path, const struct gql_value *result,
                                   struct gql_value *out)
{
    const struct gql_type *runtime_type = result->type;
    const char *runtime_name = runtime_type ? runtime_type->name : NULL;
    if (!runtime_type && result->kind == GQL_V_OBJECT) {
        const struct gql_value *tn = gql_object_get(result, "__typename");
        if (tn && tn->kind == GQL_V_STRING) {
            runtime_name = str_dup(ex->a, tn->u.s);
            runtime_type = gql_schema_type(ex->schema, tn->u.s.ptr, tn->u.s.len);
        }
    }
    if (ensure_valid_runtime_type(ex, runtime_type, runtime_name, return_type, g, info, path) ==
        THROWN)
        return THROWN;
    return complete_object_value(ex, runtime_type, g, info, path, result, out);
}

/* ensureValidRuntimeType: an object type of this schema that is a possible type of the
 * abstract return type. */
static int ensure_valid_runtime_type(struct exec *ex, const struct gql_type *runtime_type,
                                     const char *runtime_name, const struct gql_type *return_type,
                                     const struct gql_field_group *g, const struct gql_call *info,
                                     const struct gql_path *path)
{
    struct arena *a = ex->a;
    const char *abs = return_type->name;
    if (!runtime_name)
        return completion_error(
                ex, g, path,
                arena_printf(a,
                             "Abstract type \"%s\" must resolve to an Object type at runtime for "
                             "field \"%s.%s\". Either the \"%s\" type should provide a "
                             "\"resolveType\" function or each possible type should provide an "
                             "\"isTypeOf\" function.",
                             abs, info->parent_type->name, info->field->name, abs));
    if (!runtime_type ||
        gql_schema_type(ex->schema, runtime_name, strlen(runtime_name)) != runtime_type)
        return completion_error(ex, g, path,
                                arena_printf(a,
                                             "Abstract type \"%s\" was resolved to a type \"%s\" "
                                             "that does not exist inside the schema.",
                                             abs, runtime_name));
    if (runtime_type->kind != GQL_TYPE_OBJECT)
        return completion_error(ex, g, path,
                                arena_printf(a,
                                             "Abstract type \"%s\" was resolved to a non-object "
                                             "type \"%s\".",
                                             abs, runtime_name));
    if (!gql_is_possible_type(return_type, runtime_type))
        return completion_error(ex, g, path,
                                arena_printf(a,
                                             "Runtime Object type \"%s\" is not a possible type "
                                             "for \"%s\".",
                                             runtime_name, abs));
    return WM_OK;
}

static int collect_subfields(struct exec *ex, const struct gql_type *return_type,
                             const struct gql_field_group *g, const struct gql_grouped_fields **out,
                             struct gql_value_error *err);

/*
 * completeObjectValue: execute the sub-selections on the value. A value that names its type
 * must name this one (the role isTypeOf plays): a C object read through another type's field
 * map would be read at the wrong offsets.
 */
static int complete_object_value(struct exec *ex, const struct gql_type *return_type,
                                 const struct gql_field_group *g, const struct gql_call *info,
                                 const struct gql_path *path, const struct gql_value *result,
                                 struct gql_value *out)
{
    (void)info;
    if (result->type && result->type != return_type) {
        struct buf b = BUF_INIT(ex->a);
        buf_appendf(&b, "Expected value of type \"%s\" but got: ", return_type->name);
        gql_value_inspect(&b, result);
        buf_appendc(&b, '.');
        return completion_error(ex, g, path, b.ptr);
    }
    const struct gql_grouped_fields *sub;
    struct gql_value_error err;
    if (collect_subfields(ex, return_type, g, &sub, &err) != WM_OK) {
        record_error(ex, GQL_CODE_INPUT, err.message, NULL, &err.loc, path);
        return THROWN;
    }
    return execute_fields(ex, return_type, result, path, sub, out);
}

static size_t memo_slot(const struct exec *ex, const struct gql_type *type,
                        const struct gql_selection *const *nodes)
{
    uintptr_t h = (uintptr_t)type * 31u ^ (uintptr_t)nodes;
    h ^= h >> 17;
    return (size_t)(h * 2654435761u) & (ex->memo_cap - 1);
}

static void memo_grow(struct exec *ex)
{
    struct subfields_memo *old = ex->memo;
    size_t old_cap = ex->memo_cap;
    ex->memo_cap = old_cap ? old_cap * 2 : 16;
    ex->memo = ARENA_ARRAY(ex->a, struct subfields_memo, ex->memo_cap);
    for (size_t i = 0; i < old_cap; i++) {
        if (!old[i].type) continue;
        size_t s = memo_slot(ex, old[i].type, old[i].nodes);
        while (ex->memo[s].type)
            s = (s + 1) & (ex->memo_cap - 1);
        ex->memo[s] = old[i];
    }
}

/* collectSubfields, memoized on (return type, field nodes) as graphql-js memoize3 does: a list
 * of a thousand products collects its sub-selection once. */
static int collect_subfields(struct exec *ex, const struct gql_type *return_type,
                             const struct gql_field_group *g, const struct gql_grouped_fields **out,
                             struct gql_value_error *err)
{
    if (ex->memo_count * 2 >= ex->memo_cap) memo_grow(ex);
    size_t s = memo_slot(ex, return_type, g->nodes);
    for (; ex->memo[s].type; s = (s + 1) & (ex->memo_cap - 1)) {
        struct subfields_memo *m = &ex->memo[s];
        if (m->type == return_type && m->nodes == g->nodes && m->nnodes == g->nnodes) {
            *out = &m->fields;
            return WM_OK;
        }
    }
    struct gql_grouped_fields fields;
    int rc = gql_collect_subfields(&ex->collect, return_type, g, &fields, err);
    if (rc != WM_OK) return rc;
    struct subfields_memo *m = &ex->memo[s];
    m->type = return_type;
    m->nodes = g->nodes;
    m->nnodes = g->nnodes;
    m->fields = fields;
    ex->memo_count++;
    *out = &m->fields;
    return WM_OK;
}

/* ---- reading sources --------------------------------------------------------------------- */

/* An int64 as a decimal STRING in the arena (ID fields of C objects). */
static struct gql_value decimal_string(struct arena *a, int64_t v)
{
    char tmp[24];
    char *end = tmp + sizeof(tmp);
    char *p = end;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0) *--p = '-';
    struct gql_value s = { .kind = GQL_V_STRING };
    s.u.s.len = (size_t)(end - p);
    s.u.s.ptr = arena_memdup(a, p, s.u.s.len);
    return s;
}

/* A member of the C object at base, read as its field-map row says (memcpy: no alignment or
 * aliasing assumptions about the struct). */
static void read_member(struct arena *a, const char *base, const struct gql_field_map *row,
                        struct gql_value *out)
{
    const char *at = base + row->offset;
    switch (row->kind) {
    case GQL_MAP_KIND_INT: {
        int32_t v;
        memcpy(&v, at, sizeof(v));
        *out = (struct gql_value){ .kind = GQL_V_INT, .u.i = v };
        break;
    }
    case GQL_MAP_KIND_INT64: {
        int64_t v;
        memcpy(&v, at, sizeof(v));
        *out = (struct gql_value){ .kind = GQL_V_INT, .u.i = v };
        break;
    }
    case GQL_MAP_KIND_BOOL: {
        bool v;
        memcpy(&v, at, sizeof(v));
        *out = (struct gql_value){ .kind = GQL_V_BOOL, .u.b = v };
        break;
    }
    case GQL_MAP_KIND_DOUBLE: {
        double v;
        memcpy(&v, at, sizeof(v));
        *out = (struct gql_value){ .kind = GQL_V_FLOAT, .u.f = v };
        break;
    }
    case GQL_MAP_KIND_STR: {
        const char *v;
        memcpy(&v, at, sizeof(v));
        if (v)
            *out = string_value(v);
        else
            set_null(out);
        break;
    }
    case GQL_MAP_KIND_ID: {
        int64_t v;
        memcpy(&v, at, sizeof(v));
        *out = decimal_string(a, v);
        break;
    }
    default:
        set_null(out);
        break;
    }
}

/*
 * defaultFieldResolver: a C object (PTR) is read through the field's map row; a dynamic
 * OBJECT by the field's name. Anything else (no source, a NULL pointer) reads as null.
 */
static int default_field_resolver(const struct gql_call *call, struct gql_value *out)
{
    const struct gql_value *source = call->source;
    set_null(out);
    if (!source) return WM_OK;
    if (source->kind == GQL_V_PTR) {
        const struct gql_field_map *row = call->field->bind;
        if (row && source->u.ptr) {
            struct wm_ctx *ctx = call->ctx;
            read_member(ctx->arena, source->u.ptr, row, out);
        }
    } else if (source->kind == GQL_V_OBJECT) {
        const struct gql_value *v = gql_object_get(source, call->field->name);
        if (v) *out = *v;
    }
    return WM_OK;
}

/*
 * getFieldDef: the field of parent_type; the query root also has the meta fields __schema and
 * __type (spec 4.1). __typename, valid everywhere, never gets here: execute_field answers it
 * directly, as it needs neither arguments nor completion.
 */
static const struct gql_field *get_field_def(const struct gql_schema *s,
                                             const struct gql_type *parent_type,
                                             const struct gql_selection *node)
{
    struct str name = node->name;
    if (parent_type == s->query && name.len > 2 && name.ptr[0] == '_' && name.ptr[1] == '_') {
        if (str_eq(name, STR("__schema"))) return gql_introspection_schema_field(s);
        if (str_eq(name, STR("__type"))) return gql_introspection_type_field(s);
    }
    return gql_type_field(parent_type, name.ptr, name.len);
}
