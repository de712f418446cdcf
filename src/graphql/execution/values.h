/*
 * values.h: coercion of the values an operation receives, internal to the engine: variables
 * from the request (spec 6.1.2 CoerceVariableValues), field and directive arguments from
 * literals and variables (6.4.1 CoerceArgumentValues), literals against input types (3.10
 * input coercion), and the "Did you mean" hints of their messages. Everything is allocated in
 * the request arena; the schema is never modified.
 * Reference: graphql-js src/execution/values.ts, src/utilities/valueFromAST.ts,
 * src/utilities/coerceInputValue.ts, src/utilities/typeFromAST.ts, src/jsutils/didYouMean.ts.
 */
#ifndef WM_GRAPHQL_EXECUTION_VALUES_H
#define WM_GRAPHQL_EXECUTION_VALUES_H

#include <stdbool.h>
#include <stddef.h>

#include "graphql/graphql.h"

struct arena;

/* An argument that could not be coerced: graphql-js's message and the location of the node
 * it is about (the field or directive for a missing argument, else the argument's value). */
struct gql_value_error {
    const char *message; /* arena string */
    struct gql_loc loc;
};

/*
 * typeFromAST: the runtime type an AST type reference denotes ([Int!]!). The named type comes
 * from s; the LIST and NON_NULL wrappers are made in arena a (never cached on the schema, which
 * stays read-only during a request). NULL when the named type does not exist.
 */
struct gql_type *gql_type_from_ast(struct arena *a, const struct gql_schema *s,
                                   const struct gql_type_ref *ref);

/*
 * getVariableValues: coerce the request's variables (inputs: an OBJECT, or NULL for none)
 * against op's variable definitions into *out, an OBJECT whose members are the variables that
 * have a value (given, or by default): a variable neither given nor defaulted is absent, one
 * given as null is a GQL_V_NULL member. Returns WM_OK, or WM_EINVAL with the errors (code
 * BAD_USER_INPUT, located at the variable definition) appended to errs, at most 50 of them
 * followed by "Too many errors processing variables, error limit reached. Execution aborted.".
 */
int gql_get_variable_values(struct arena *a, const struct gql_schema *s,
                            const struct gql_operation *op, const struct gql_value *inputs,
                            struct gql_value *out, struct gql_errors *errs);

/*
 * getArgumentValues: coerce the arguments given at a field or directive (args, at node_loc)
 * against their definitions (defs, ndefs) with the coerced variables vars (an OBJECT) into
 * *out, an OBJECT with one member per argument that has a value, in definition order:
 * literals, variables (a variable without a runtime value counts as not given), and defaults.
 * Returns WM_OK, or WM_EINVAL with graphql-js's message in *err ("Argument "id" of required
 * type "ID!" was not provided.").
 */
int gql_get_argument_values(struct arena *a, const struct gql_input_value *defs, size_t ndefs,
                            const gql_arguments *args, struct gql_loc node_loc,
                            const struct gql_value *vars, struct gql_value *out,
                            struct gql_value_error *err);

/*
 * valueFromAST: the value of literal node for input type with the coerced variables vars
 * (an OBJECT, or NULL), into *out. Returns false when the literal is not valid for the type
 * (graphql-js returns undefined): validation reports why, this only refuses it.
 */
bool gql_value_from_ast(struct arena *a, const struct gql_ast_value *node,
                        const struct gql_type *type, const struct gql_value *vars,
                        struct gql_value *out);

/* The coerced variable called name among vars (an OBJECT, or NULL), or NULL when absent. */
const struct gql_value *gql_variable_value(const struct gql_value *vars, struct str name);

/* didYouMean(suggestionList(input, options)): "" or " Did you mean "a" or "b"?", with
 * sub ("the enum value") after "mean" when not NULL. Options are nopts NUL-terminated names
 * read through get(options, i). Arena string. */
const char *gql_did_you_mean(struct arena *a, const char *sub, const char *input,
                             const void *options, size_t nopts,
                             const char *(*get)(const void *options, size_t i));

#endif
