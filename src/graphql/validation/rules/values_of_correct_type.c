/*
 * values_of_correct_type.c: every literal value (argument values, variable defaults, list
 * items, input object fields) fits the input type expected where it stands: scalars are
 * checked by the scalar's own parse_literal (the same code that coerces at execution, so
 * custom scalars are held to one rule), enums by their values, input objects by their fields
 * (unknown fields, required fields missing) and null against non-null types.
 * Spec: 5.6.1 Values of Correct Type, 5.6.2 Input Object Field Names, 5.6.4 Input Object
 * Required Fields.
 * Reference: graphql-js src/validation/rules/ValuesOfCorrectTypeRule.ts,
 * src/type/definition.ts (GraphQLEnumType.parseLiteral).
 */
#include "graphql/validation/rules.h"

#include "core/arena.h"
#include "core/err.h"
#include "graphql/graphql.h"
#include "graphql/validation/validate.h"

/* didYouMeanEnumValue(): suggestions among the enum's values for a printed value. */
static const char *did_you_mean_enum_value(struct arena *a, const struct gql_type *e,
                                           const char *value)
{
    const char **names = ARENA_ARRAY(a, const char *, e->nvalues + 1);
    for (size_t i = 0; i < e->nvalues; i++)
        names[i] = e->values[i].name;
    const char **suggestions;
    size_t n = gql_suggestion_list(a, str_from(value), names, e->nvalues, &suggestions);
    return gql_did_you_mean_names(a, "the enum value", suggestions, n);
}

/* GraphQLEnumType.parseLiteral(): NULL when node names one of e's values, else the error. */
static const char *enum_literal_error(struct arena *a, const struct gql_type *e,
                                      const struct gql_ast_value *node)
{
    const char *value = gql_print_value(a, node);
    if (node->node.kind != GQL_ENUM_VALUE)
        return arena_printf(a, "Enum \"%s\" cannot represent non-enum value: %s.%s", e->name, value,
                            did_you_mean_enum_value(a, e, value));
    if (gql_type_enum_value(e, node->str.ptr, node->str.len)) return NULL;
    return arena_printf(a, "Value \"%s\" does not exist in \"%s\" enum.%s", value, e->name,
                        did_you_mean_enum_value(a, e, value));
}

/* isValidValueNode(): check a literal against the leaf type expected at its position. */
static void check_leaf(struct gql_validation_context *ctx, const struct gql_ast_value *node)
{
    struct gql_type *location_type = gql_type_info_input_type(ctx->type_info);
    if (!location_type) return;
    struct gql_type *type = gql_named_type(location_type);
    if (!gql_type_is_leaf(type)) {
        gql_report_at(ctx, &node->node, "Expected value of type \"%s\", found %s.",
                      gql_type_str(ctx->arena, location_type), gql_print_value(ctx->arena, node));
        return;
    }
    if (type->kind == GQL_TYPE_ENUM) {
        const char *err = enum_literal_error(ctx->arena, type, node);
        if (err) gql_report_at(ctx, &node->node, "%s", err);
        return;
    }
    if (!type->scalar || !type->scalar->parse_literal) return;
    struct gql_value out;
    const char *err = NULL;
    if (type->scalar->parse_literal(ctx->arena, node, NULL, &out, &err) == WM_OK) return;
    /* The scalar's own message, as graphql-js reports a GraphQLError its parseLiteral throws;
     * a scalar with nothing to say gets graphql-js's generic one. */
    if (err)
        gql_report_at(ctx, &node->node, "%s", err);
    else
        gql_report_at(ctx, &node->node, "Expected value of type \"%s\", found %s.",
                      gql_type_str(ctx->arena, location_type), gql_print_value(ctx->arena, node));
}

static enum gql_visit_action enter_list(void *data, const struct gql_node *node,
                                        const struct gql_visit *walk)
{
    (void)walk;
    struct gql_validation_context *ctx = ((struct gql_rule_base *)data)->ctx;
    struct gql_type *type = gql_nullable_type(gql_type_info_parent_input_type(ctx->type_info));
    if (type && type->kind == GQL_TYPE_LIST) return GQL_CONTINUE;
    check_leaf(ctx, (const struct gql_ast_value *)node);
    return GQL_SKIP;
}

static bool has_field(const struct gql_ast_value *object, const char *name)
{
    for (size_t i = 0; i < object->fields.count; i++)
        if (gql_name_eq(name, object->fields.items[i]->name)) return true;
    return false;
}

static enum gql_visit_action enter_object(void *data, const struct gql_node *node,
                                          const struct gql_visit *walk)
{
    (void)walk;
    struct gql_validation_context *ctx = ((struct gql_rule_base *)data)->ctx;
    const struct gql_ast_value *object = (const struct gql_ast_value *)node;
    struct gql_type *type = gql_named_type(gql_type_info_input_type(ctx->type_info));
    if (!type || type->kind != GQL_TYPE_INPUT_OBJECT) {
        check_leaf(ctx, object);
        return GQL_SKIP;
    }
    for (size_t i = 0; i < type->ninput_fields; i++) {
        const struct gql_input_value *f = &type->input_fields[i];
        if (has_field(object, f->name) || !gql_type_is_non_null(f->type) || f->default_value)
            continue;
        gql_report_at(ctx, node, "Field \"%s.%s\" of required type \"%s\" was not provided.",
                      type->name, f->name, gql_type_str(ctx->arena, f->type));
    }
    return GQL_CONTINUE;
}

static enum gql_visit_action enter_object_field(void *data, const struct gql_node *node,
                                                const struct gql_visit *walk)
{
    (void)walk;
    struct gql_validation_context *ctx = ((struct gql_rule_base *)data)->ctx;
    struct gql_type *parent = gql_named_type(gql_type_info_parent_input_type(ctx->type_info));
    if (gql_type_info_input_type(ctx->type_info) || !parent ||
        parent->kind != GQL_TYPE_INPUT_OBJECT)
        return GQL_CONTINUE;
    struct str name = ((const struct gql_object_field *)node)->name;
    const char **names = ARENA_ARRAY(ctx->arena, const char *, parent->ninput_fields + 1);
    for (size_t i = 0; i < parent->ninput_fields; i++)
        names[i] = parent->input_fields[i].name;
    const char **suggestions;
    size_t n = gql_suggestion_list(ctx->arena, name, names, parent->ninput_fields, &suggestions);
    gql_report_at(ctx, node, "Field \"%.*s\" is not defined by type \"%s\".%s", STR_FMT(name),
                  parent->name, gql_did_you_mean_names(ctx->arena, NULL, suggestions, n));
    return GQL_CONTINUE;
}

static enum gql_visit_action enter_null(void *data, const struct gql_node *node,
                                        const struct gql_visit *walk)
{
    (void)walk;
    struct gql_validation_context *ctx = ((struct gql_rule_base *)data)->ctx;
    struct gql_type *type = gql_type_info_input_type(ctx->type_info);
    if (gql_type_is_non_null(type))
        gql_report_at(ctx, node, "Expected value of type \"%s\", found null.",
                      gql_type_str(ctx->arena, type));
    return GQL_CONTINUE;
}

static enum gql_visit_action enter_scalar(void *data, const struct gql_node *node,
                                          const struct gql_visit *walk)
{
    (void)walk;
    check_leaf(((struct gql_rule_base *)data)->ctx, (const struct gql_ast_value *)node);
    return GQL_CONTINUE;
}

const struct gql_rule gql_rule_values_of_correct_type = {
    .name = "ValuesOfCorrectType",
    .state_size = sizeof(struct gql_rule_base),
    .visitor = { .enter = {
            [GQL_LIST_VALUE] = enter_list,
            [GQL_OBJECT_VALUE] = enter_object,
            [GQL_OBJECT_FIELD] = enter_object_field,
            [GQL_NULL_VALUE] = enter_null,
            [GQL_ENUM_VALUE] = enter_scalar,
            [GQL_INT_VALUE] = enter_scalar,
            [GQL_FLOAT_VALUE] = enter_scalar,
            [GQL_STRING_VALUE] = enter_scalar,
            [GQL_BOOLEAN_VALUE] = enter_scalar,
    } },
};
