/*
 * executable_definitions.c: a request document may hold only operations and fragments; any
 * type-system definition or extension in it is reported by name ("schema" for a schema
 * definition or extension).
 * Spec: 5.1.1 Executable Definitions.
 * Reference: graphql-js src/validation/rules/ExecutableDefinitionsRule.ts.
 */
#include "graphql/validation/rules.h"

#include "graphql/validation/validate.h"

/* The name a type-system definition is reported under, for the message. */
static struct str definition_name(const struct gql_node *def)
{
    switch (def->kind) {
    case GQL_DIRECTIVE_DEFINITION:
        return ((const struct gql_directive_def *)def)->name;
    default:
        return ((const struct gql_type_def *)def)->name;
    }
}

static enum gql_visit_action enter_document(void *data, const struct gql_node *node,
                                            const struct gql_visit *walk)
{
    (void)walk;
    struct gql_validation_context *ctx = ((struct gql_rule_base *)data)->ctx;
    const struct gql_document *doc = (const struct gql_document *)node;
    for (size_t i = 0; i < doc->definitions.count; i++) {
        const struct gql_node *def = doc->definitions.items[i];
        if (def->kind == GQL_OPERATION_DEFINITION || def->kind == GQL_FRAGMENT_DEFINITION) continue;
        if (def->kind == GQL_SCHEMA_DEFINITION || def->kind == GQL_SCHEMA_EXTENSION) {
            gql_report_at(ctx, def, "The schema definition is not executable.");
        } else {
            struct str name = definition_name(def);
            gql_report_at(ctx, def, "The \"%.*s\" definition is not executable.", STR_FMT(name));
        }
    }
    return GQL_SKIP;
}

const struct gql_rule gql_rule_executable_definitions = {
    .name = "ExecutableDefinitions",
    .state_size = sizeof(struct gql_rule_base),
    .visitor = { .enter = { [GQL_DOCUMENT] = enter_document } },
};
