/*
 * type_info.c: TypeInfo (type_info.h). enter() and leave() mirror graphql-js TypeInfo.enter and
 * .leave case for case: every push on enter has its pop on leave, and a position the schema
 * does not know pushes NULL, so the stacks stay balanced on invalid documents too.
 * Reference: graphql-js src/utilities/TypeInfo.ts.
 */
#include "graphql/validation/type_info.h"

#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "graphql/execution/values.h"

void gql_ptr_vec_push(struct arena *a, struct gql_ptr_vec *v, const void *p)
{
    if (v->count == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 8;
        const void **items = ARENA_ARRAY(a, const void *, cap);
        if (v->count) memcpy(items, v->items, v->count * sizeof(*items));
        v->items = items;
        v->cap = cap;
    }
    v->items[v->count++] = p;
}

static void stack_pop(struct gql_ptr_vec *s)
{
    if (s->count) s->count--;
}

static const void *stack_top(const struct gql_ptr_vec *s, size_t down)
{
    return s->count > down ? s->items[s->count - 1 - down] : NULL;
}

/* The room each stack starts with (they grow when a document nests deeper). */
#define STACK_START ((size_t)16)

void gql_type_info_init(struct gql_type_info *ti, struct arena *a, const struct gql_schema *s)
{
    memset(ti, 0, sizeof(*ti));
    ti->arena = a;
    ti->schema = s;
    /* The stacks in one allocation. */
    struct gql_ptr_vec *stacks[] = { &ti->type_stack, &ti->parent_type_stack, &ti->input_type_stack,
                                     &ti->field_def_stack, &ti->default_value_stack };
    size_t n = sizeof(stacks) / sizeof(stacks[0]);
    const void **room = arena_alloc(a, n * STACK_START * sizeof(*room));
    for (size_t i = 0; i < n; i++) {
        stacks[i]->items = room + i * STACK_START;
        stacks[i]->cap = STACK_START;
    }
}

struct gql_type *gql_type_info_type(const struct gql_type_info *ti)
{
    return (struct gql_type *)stack_top(&ti->type_stack, 0);
}

struct gql_type *gql_type_info_parent_type(const struct gql_type_info *ti)
{
    return (struct gql_type *)stack_top(&ti->parent_type_stack, 0);
}

struct gql_type *gql_type_info_input_type(const struct gql_type_info *ti)
{
    return (struct gql_type *)stack_top(&ti->input_type_stack, 0);
}

struct gql_type *gql_type_info_parent_input_type(const struct gql_type_info *ti)
{
    return (struct gql_type *)stack_top(&ti->input_type_stack, 1);
}

const struct gql_field *gql_type_info_field_def(const struct gql_type_info *ti)
{
    return stack_top(&ti->field_def_stack, 0);
}

const struct gql_ast_value *gql_type_info_default_value(const struct gql_type_info *ti)
{
    return stack_top(&ti->default_value_stack, 0);
}

const struct gql_field *gql_type_info_lookup_field(struct gql_type_info *ti,
                                                   struct gql_type *parent_type, struct str name)
{
    if (!parent_type) return NULL;
    if (name.len > 2 && name.ptr[0] == '_' && name.ptr[1] == '_') {
        if (str_eq(name, STR("__schema")) && parent_type == ti->schema->query)
            return gql_introspection_schema_field(ti->schema);
        if (str_eq(name, STR("__type")) && parent_type == ti->schema->query)
            return gql_introspection_type_field(ti->schema);
        if (str_eq(name, STR("__typename")) && gql_type_is_composite(parent_type))
            return gql_introspection_typename_field(ti->schema);
    }
    if (parent_type->kind == GQL_TYPE_OBJECT || parent_type->kind == GQL_TYPE_INTERFACE)
        return gql_type_field(parent_type, name.ptr, name.len);
    return NULL;
}

static struct gql_type *root_type(const struct gql_schema *s, enum gql_operation_type op)
{
    switch (op) {
    case GQL_QUERY:
        return s->query;
    case GQL_MUTATION:
        return s->mutation;
    case GQL_SUBSCRIPTION:
        return s->subscription;
    }
    return NULL;
}

static const struct gql_input_value *find_arg(const struct gql_input_value *args, size_t n,
                                              struct str name)
{
    for (size_t i = 0; i < n; i++)
        if (gql_name_eq(args[i].name, name)) return &args[i];
    return NULL;
}

static void enter_field(struct gql_type_info *ti, const struct gql_selection *field)
{
    struct gql_type *parent = gql_type_info_parent_type(ti);
    const struct gql_field *def = gql_type_info_lookup_field(ti, parent, field->name);
    struct gql_type *type = def ? def->type : NULL;
    gql_ptr_vec_push(ti->arena, &ti->field_def_stack, def);
    gql_ptr_vec_push(ti->arena, &ti->type_stack, gql_type_is_output(type) ? type : NULL);
}

static void enter_argument(struct gql_type_info *ti, const struct gql_argument *arg)
{
    const struct gql_input_value *def = NULL;
    if (ti->directive) {
        def = find_arg(ti->directive->args, ti->directive->nargs, arg->name);
    } else {
        const struct gql_field *field = gql_type_info_field_def(ti);
        if (field) def = find_arg(field->args, field->nargs, arg->name);
    }
    struct gql_type *type = def ? def->type : NULL;
    ti->argument = def;
    gql_ptr_vec_push(ti->arena, &ti->default_value_stack, def ? def->default_value : NULL);
    gql_ptr_vec_push(ti->arena, &ti->input_type_stack, gql_type_is_input(type) ? type : NULL);
}

static void enter_list(struct gql_type_info *ti)
{
    struct gql_type *list = gql_nullable_type(gql_type_info_input_type(ti));
    struct gql_type *item = list && list->kind == GQL_TYPE_LIST ? list->of_type : list;
    /* List positions never have a default value. */
    gql_ptr_vec_push(ti->arena, &ti->default_value_stack, NULL);
    gql_ptr_vec_push(ti->arena, &ti->input_type_stack, gql_type_is_input(item) ? item : NULL);
}

static void enter_object_field(struct gql_type_info *ti, const struct gql_object_field *f)
{
    struct gql_type *object = gql_named_type(gql_type_info_input_type(ti));
    const struct gql_input_value *def = NULL;
    if (object && object->kind == GQL_TYPE_INPUT_OBJECT)
        def = gql_type_input_field(object, f->name.ptr, f->name.len);
    struct gql_type *type = def ? def->type : NULL;
    gql_ptr_vec_push(ti->arena, &ti->default_value_stack, def ? def->default_value : NULL);
    gql_ptr_vec_push(ti->arena, &ti->input_type_stack, gql_type_is_input(type) ? type : NULL);
}

static void enter_fragment(struct gql_type_info *ti, const struct gql_type_ref *condition)
{
    struct gql_type *type = condition ? gql_type_from_ast(ti->arena, ti->schema, condition)
                                      : gql_named_type(gql_type_info_type(ti));
    gql_ptr_vec_push(ti->arena, &ti->type_stack, gql_type_is_output(type) ? type : NULL);
}

void gql_type_info_enter(void *data, const struct gql_node *node)
{
    struct gql_type_info *ti = data;
    switch (node->kind) {
    case GQL_SELECTION_SET: {
        struct gql_type *named = gql_named_type(gql_type_info_type(ti));
        gql_ptr_vec_push(ti->arena, &ti->parent_type_stack,
                         gql_type_is_composite(named) ? named : NULL);
        break;
    }
    case GQL_FIELD:
        enter_field(ti, (const struct gql_selection *)node);
        break;
    case GQL_DIRECTIVE: {
        const struct gql_directive *d = (const struct gql_directive *)node;
        ti->directive = gql_schema_directive(ti->schema, d->name.ptr, d->name.len);
        break;
    }
    case GQL_OPERATION_DEFINITION: {
        const struct gql_operation *op = (const struct gql_operation *)node;
        struct gql_type *root = root_type(ti->schema, op->operation);
        gql_ptr_vec_push(ti->arena, &ti->type_stack,
                         root && root->kind == GQL_TYPE_OBJECT ? root : NULL);
        break;
    }
    case GQL_INLINE_FRAGMENT:
        enter_fragment(ti, ((const struct gql_selection *)node)->type_condition);
        break;
    case GQL_FRAGMENT_DEFINITION:
        enter_fragment(ti, ((const struct gql_fragment *)node)->type_condition);
        break;
    case GQL_VARIABLE_DEFINITION: {
        const struct gql_variable_definition *v = (const struct gql_variable_definition *)node;
        struct gql_type *type = gql_type_from_ast(ti->arena, ti->schema, v->type);
        gql_ptr_vec_push(ti->arena, &ti->input_type_stack, gql_type_is_input(type) ? type : NULL);
        break;
    }
    case GQL_ARGUMENT:
        enter_argument(ti, (const struct gql_argument *)node);
        break;
    case GQL_LIST_VALUE:
        enter_list(ti);
        break;
    case GQL_OBJECT_FIELD:
        enter_object_field(ti, (const struct gql_object_field *)node);
        break;
    case GQL_ENUM_VALUE: {
        struct gql_type *type = gql_named_type(gql_type_info_input_type(ti));
        const struct gql_ast_value *v = (const struct gql_ast_value *)node;
        ti->enum_value = type && type->kind == GQL_TYPE_ENUM
                                 ? gql_type_enum_value(type, v->str.ptr, v->str.len)
                                 : NULL;
        break;
    }
    default:
        break;
    }
}

void gql_type_info_leave(void *data, const struct gql_node *node)
{
    struct gql_type_info *ti = data;
    switch (node->kind) {
    case GQL_SELECTION_SET:
        stack_pop(&ti->parent_type_stack);
        break;
    case GQL_FIELD:
        stack_pop(&ti->field_def_stack);
        stack_pop(&ti->type_stack);
        break;
    case GQL_DIRECTIVE:
        ti->directive = NULL;
        break;
    case GQL_OPERATION_DEFINITION:
    case GQL_INLINE_FRAGMENT:
    case GQL_FRAGMENT_DEFINITION:
        stack_pop(&ti->type_stack);
        break;
    case GQL_VARIABLE_DEFINITION:
        stack_pop(&ti->input_type_stack);
        break;
    case GQL_ARGUMENT:
        ti->argument = NULL;
        stack_pop(&ti->default_value_stack);
        stack_pop(&ti->input_type_stack);
        break;
    case GQL_LIST_VALUE:
    case GQL_OBJECT_FIELD:
        stack_pop(&ti->default_value_stack);
        stack_pop(&ti->input_type_stack);
        break;
    case GQL_ENUM_VALUE:
        ti->enum_value = NULL;
        break;
    default:
        break;
    }
}
