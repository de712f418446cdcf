/*
 * lone_anonymous_operation.c: an operation without a name (including the "{ ... }"
 * shorthand) must be the only operation of its document.
 * Spec: 5.2.2.1 Lone Anonymous Operation.
 * Reference: graphql-js src/validation/rules/LoneAnonymousOperationRule.ts.
 */
#include "graphql/validation/rules.h"

#include "graphql/validation/validate.h"

struct state {
    struct gql_rule_base base;
    size_t operations; /* operations in the document */
};

static enum gql_visit_action enter_document(void *data, const struct gql_node *node,
                                            const struct gql_visit *walk)
{
    (void)walk;
    struct state *st = data;
    const struct gql_document *doc = (const struct gql_document *)node;
    st->operations = 0;
    for (size_t i = 0; i < doc->definitions.count; i++)
        if (doc->definitions.items[i]->kind == GQL_OPERATION_DEFINITION) st->operations++;
    return GQL_CONTINUE;
}

static enum gql_visit_action enter_operation(void *data, const struct gql_node *node,
                                             const struct gql_visit *walk)
{
    (void)walk;
    struct state *st = data;
    const struct gql_operation *op = (const struct gql_operation *)node;
    if (op->name.len == 0 && st->operations > 1)
        gql_report_at(st->base.ctx, node,
                      "This anonymous operation must be the only defined operation.");
    return GQL_CONTINUE;
}

const struct gql_rule gql_rule_lone_anonymous_operation = {
    .name = "LoneAnonymousOperation",
    .state_size = sizeof(struct state),
    .visitor = { .enter = { [GQL_DOCUMENT] = enter_document,
                            [GQL_OPERATION_DEFINITION] = enter_operation } },
};
