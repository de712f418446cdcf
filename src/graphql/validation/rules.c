/*
 * rules.c: gql_specified_rules, the rules of spec section 5 in graphql-js specifiedRules order
 * (the order errors come out in when a document breaks several rules). The list itself is
 * GQL_SPECIFIED_RULES in rules.h, so the declarations and this table cannot drift apart.
 * Reference: graphql-js src/validation/specifiedRules.ts.
 */
#include "graphql/validation/rules.h"

#define X(name) &gql_rule_##name,
const struct gql_rule *const gql_specified_rules[] = { GQL_SPECIFIED_RULES(X) };
#undef X

const size_t gql_specified_rules_count =
        sizeof(gql_specified_rules) / sizeof(gql_specified_rules[0]);
