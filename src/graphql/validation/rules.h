/*
 * rules.h: what a validation rule is, and the list of the rules of spec section 5 in the order
 * graphql-js specifiedRules runs them (chosen for the clearest errors). A rule is a visitor
 * over the document plus the size of its per-validation state; gql_validate() gives every rule
 * a zeroed state in the arena (starting with struct gql_rule_base, which holds the context),
 * calls its init, and runs all rules in one parallel walk with TypeInfo.
 * Reference: graphql-js src/validation/specifiedRules.ts, ValidationContext.ts (ValidationRule).
 */
#ifndef WM_GRAPHQL_VALIDATION_RULES_H
#define WM_GRAPHQL_VALIDATION_RULES_H

#include <stddef.h>

#include "graphql/language/visitor.h"

struct gql_rule {
    const char *name;           /* graphql-js's name without "Rule": "ScalarLeafs" */
    size_t state_size;          /* bytes of state, at least sizeof(struct gql_rule_base) */
    void (*init)(void *state);  /* before the walk (graphql-js's rule factory), or NULL */
    struct gql_visitor visitor; /* callbacks receive the state as data */
};

/* clang-format off */
#define GQL_SPECIFIED_RULES(X)                                                                     \
    X(executable_definitions)          /* 5.1.1 Executable Definitions */                         \
    X(unique_operation_names)          /* 5.2.1.1 Operation Name Uniqueness */                    \
    X(lone_anonymous_operation)        /* 5.2.2.1 Lone Anonymous Operation */                     \
    X(single_field_subscriptions)      /* 5.2.3.1 Single Root Field */                            \
    X(known_type_names)                /* 5.5.1.2 Fragment Spread Type Existence */               \
    X(fragments_on_composite_types)    /* 5.5.1.3 Fragments On Composite Types */                 \
    X(variables_are_input_types)       /* 5.8.2 Variables Are Input Types */                      \
    X(scalar_leafs)                    /* 5.3.3 Leaf Field Selections */                          \
    X(fields_on_correct_type)          /* 5.3.1 Field Selections */                               \
    X(unique_fragment_names)           /* 5.5.1.1 Fragment Name Uniqueness */                     \
    X(known_fragment_names)            /* 5.5.2.1 Fragment Spread Target Defined */               \
    X(no_unused_fragments)             /* 5.5.1.4 Fragments Must Be Used */                       \
    X(possible_fragment_spreads)       /* 5.5.2.3 Fragment Spread Is Possible */                  \
    X(no_fragment_cycles)              /* 5.5.2.2 Fragment Spreads Must Not Form Cycles */        \
    X(unique_variable_names)           /* 5.8.1 Variable Uniqueness */                            \
    X(no_undefined_variables)          /* 5.8.3 All Variable Uses Defined */                      \
    X(no_unused_variables)             /* 5.8.4 All Variables Used */                             \
    X(known_directives)                /* 5.7.1 Directives Are Defined, 5.7.2 In Valid Locations */ \
    X(unique_directives_per_location)  /* 5.7.3 Directives Are Unique Per Location */             \
    X(known_argument_names)            /* 5.4.1 Argument Names */                                 \
    X(unique_argument_names)           /* 5.4.2 Argument Uniqueness */                            \
    X(values_of_correct_type)          /* 5.6.1 Values of Correct Type */                         \
    X(provided_required_arguments)     /* 5.4.2.1 Required Arguments */                           \
    X(variables_in_allowed_position)   /* 5.8.5 All Variable Usages Are Allowed */                \
    X(overlapping_fields_can_be_merged) /* 5.3.2 Field Selection Merging */                       \
    X(unique_input_field_names)        /* 5.6.3 Input Object Field Uniqueness */
/* clang-format on */

#define X(name) extern const struct gql_rule gql_rule_##name;
GQL_SPECIFIED_RULES(X)
#undef X

/* graphql-js specifiedRules, in its order. */
extern const struct gql_rule *const gql_specified_rules[];
extern const size_t gql_specified_rules_count;

#endif
