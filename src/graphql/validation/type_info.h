/*
 * type_info.h: TypeInfo, which follows a walk of a document (as visitor hooks) and knows at
 * every node the schema definitions that apply there: the output type and parent composite
 * type of a selection, the field definition, the directive and argument being read, the input
 * type expected by a value and its parent input type, the default value of that position and
 * the enum value named. Validation rules read it instead of resolving names themselves.
 * Everything it allocates (stacks, the [T] and T! wrappers of typeFromAST) lives in the arena
 * given at init; the schema is never modified.
 * Reference: graphql-js src/utilities/TypeInfo.ts.
 */
#ifndef WM_GRAPHQL_VALIDATION_TYPE_INFO_H
#define WM_GRAPHQL_VALIDATION_TYPE_INFO_H

#include <stdbool.h>
#include <stddef.h>

#include "graphql/language/ast.h"
#include "graphql/type/schema.h"

struct arena;

/* A growable array of pointers in an arena (TypeInfo's stacks, the rules' lists). */
struct gql_ptr_vec {
    const void **items;
    size_t count;
    size_t cap; /* private */
};

/* Append p (may be NULL) to v, growing it in arena a. */
void gql_ptr_vec_push(struct arena *a, struct gql_ptr_vec *v, const void *p);

struct gql_type_info {
    struct arena *arena;
    const struct gql_schema *schema;
    struct gql_ptr_vec type_stack;          /* struct gql_type *: output types (NULL = unknown) */
    struct gql_ptr_vec parent_type_stack;   /* struct gql_type *: composite parents */
    struct gql_ptr_vec input_type_stack;    /* struct gql_type *: expected input types */
    struct gql_ptr_vec field_def_stack;     /* struct gql_field * */
    struct gql_ptr_vec default_value_stack; /* struct gql_ast_value *: NULL = none */
    const struct gql_directive_type *directive; /* inside a directive, else NULL */
    const struct gql_input_value *argument;     /* inside an argument with a definition */
    const struct gql_enum_value *enum_value;    /* at an enum value of the expected enum */
};

/* Start following a walk of a document of schema s; allocations go to arena a. */
void gql_type_info_init(struct gql_type_info *ti, struct arena *a, const struct gql_schema *s);

/* The visitor hooks (struct gql_visit_hooks): data is the struct gql_type_info. */
void gql_type_info_enter(void *data, const struct gql_node *node);
void gql_type_info_leave(void *data, const struct gql_node *node);

/* The output type of the current field, fragment or operation (getType), or NULL. */
struct gql_type *gql_type_info_type(const struct gql_type_info *ti);
/* The composite type whose selection set this is (getParentType), or NULL. */
struct gql_type *gql_type_info_parent_type(const struct gql_type_info *ti);
/* The input type the current value must have (getInputType), or NULL. */
struct gql_type *gql_type_info_input_type(const struct gql_type_info *ti);
/* The input type of the enclosing list or input object (getParentInputType), or NULL. */
struct gql_type *gql_type_info_parent_input_type(const struct gql_type_info *ti);
/* The definition of the current field (getFieldDef), meta fields included, or NULL. */
const struct gql_field *gql_type_info_field_def(const struct gql_type_info *ti);
/* The default value of the current input position (getDefaultValue), or NULL when none. */
const struct gql_ast_value *gql_type_info_default_value(const struct gql_type_info *ti);

/*
 * graphql-js getFieldDef for validation: the field called name (len bytes) of parent_type,
 * where __schema and __type exist on the query type and __typename on every composite type.
 * NULL when there is none (or parent_type is NULL).
 */
const struct gql_field *gql_type_info_lookup_field(struct gql_type_info *ti,
                                                   struct gql_type *parent_type, struct str name);

#endif
