/*
 * ast.h: the GraphQL abstract syntax tree, for executable documents and the type-system
 * language (SDL). Every node starts with struct gql_node (kind + location), so a pointer to
 * any node can be viewed as a struct gql_node * and dispatched on its kind (the visitor's
 * enter[]/leave[] tables are indexed by it). Nodes, lists and strings all live in the parse
 * arena; names and raw number texts are slices into the source text, which must outlive the
 * tree; string values are decoded into the arena only when they contain escapes.
 * Reference: graphql-js src/language/ast.ts and kinds.ts (October 2021 spec, section 2 and 3).
 */
#ifndef WM_GRAPHQL_LANGUAGE_AST_H
#define WM_GRAPHQL_LANGUAGE_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

/* clang-format off */
#define GQL_KIND_MAP(X)                                                                           \
    X(DOCUMENT,                  "Document")                                                      \
    X(OPERATION_DEFINITION,      "OperationDefinition")                                           \
    X(VARIABLE_DEFINITION,       "VariableDefinition")                                            \
    X(SELECTION_SET,             "SelectionSet")                                                  \
    X(FIELD,                     "Field")                                                         \
    X(ARGUMENT,                  "Argument")                                                      \
    X(FRAGMENT_SPREAD,           "FragmentSpread")                                                \
    X(INLINE_FRAGMENT,           "InlineFragment")                                                \
    X(FRAGMENT_DEFINITION,       "FragmentDefinition")                                            \
    X(VARIABLE,                  "Variable")                                                      \
    X(INT_VALUE,                 "IntValue")                                                      \
    X(FLOAT_VALUE,               "FloatValue")                                                    \
    X(STRING_VALUE,              "StringValue")                                                   \
    X(BOOLEAN_VALUE,             "BooleanValue")                                                  \
    X(NULL_VALUE,                "NullValue")                                                     \
    X(ENUM_VALUE,                "EnumValue")                                                     \
    X(LIST_VALUE,                "ListValue")                                                     \
    X(OBJECT_VALUE,              "ObjectValue")                                                   \
    X(OBJECT_FIELD,              "ObjectField")                                                   \
    X(DIRECTIVE,                 "Directive")                                                     \
    X(NAMED_TYPE,                "NamedType")                                                     \
    X(LIST_TYPE,                 "ListType")                                                      \
    X(NON_NULL_TYPE,             "NonNullType")                                                   \
    X(SCHEMA_DEFINITION,         "SchemaDefinition")                                              \
    X(OPERATION_TYPE_DEFINITION, "OperationTypeDefinition")                                       \
    X(SCALAR_TYPE_DEFINITION,    "ScalarTypeDefinition")                                          \
    X(OBJECT_TYPE_DEFINITION,    "ObjectTypeDefinition")                                          \
    X(FIELD_DEFINITION,          "FieldDefinition")                                               \
    X(INPUT_VALUE_DEFINITION,    "InputValueDefinition")                                          \
    X(INTERFACE_TYPE_DEFINITION, "InterfaceTypeDefinition")                                       \
    X(UNION_TYPE_DEFINITION,     "UnionTypeDefinition")                                           \
    X(ENUM_TYPE_DEFINITION,      "EnumTypeDefinition")                                            \
    X(ENUM_VALUE_DEFINITION,     "EnumValueDefinition")                                           \
    X(INPUT_OBJECT_TYPE_DEFINITION, "InputObjectTypeDefinition")                                  \
    X(DIRECTIVE_DEFINITION,      "DirectiveDefinition")                                           \
    X(SCHEMA_EXTENSION,          "SchemaExtension")                                               \
    X(SCALAR_TYPE_EXTENSION,     "ScalarTypeExtension")                                           \
    X(OBJECT_TYPE_EXTENSION,     "ObjectTypeExtension")                                           \
    X(INTERFACE_TYPE_EXTENSION,  "InterfaceTypeExtension")                                        \
    X(UNION_TYPE_EXTENSION,      "UnionTypeExtension")                                            \
    X(ENUM_TYPE_EXTENSION,       "EnumTypeExtension")                                             \
    X(INPUT_OBJECT_TYPE_EXTENSION, "InputObjectTypeExtension")
/* clang-format on */

enum gql_kind {
#define X(name, str) GQL_##name,
    GQL_KIND_MAP(X)
#undef X
            GQL_KIND_COUNT
};

/* "Field", "OperationDefinition" ... as graphql-js Kind names. */
const char *gql_kind_name(enum gql_kind kind);

struct gql_loc {
    uint32_t line;   /* 1-based */
    uint32_t column; /* 1-based, in UTF-16 code units as graphql-js counts them */
};

/* The header of every node. */
struct gql_node {
    enum gql_kind kind;
    struct gql_loc loc; /* where the node's first token starts */
};

/* A typed arena array of node pointers. */
#define GQL_LIST(T)   \
    struct {          \
        T **items;    \
        size_t count; \
    }

struct gql_ast_value;
struct gql_directive;
struct gql_selection_set;

/* NamedType, ListType, NonNullType. */
struct gql_type_ref {
    struct gql_node node;
    struct str name;         /* NAMED_TYPE: the type's name */
    struct gql_type_ref *of; /* LIST_TYPE / NON_NULL_TYPE: the wrapped type */
};

/* ObjectField: name: value inside an object literal. */
struct gql_object_field {
    struct gql_node node;
    struct str name;
    struct gql_ast_value *value;
};

/*
 * A value literal: VARIABLE, INT_VALUE, FLOAT_VALUE, STRING_VALUE, BOOLEAN_VALUE, NULL_VALUE,
 * ENUM_VALUE, LIST_VALUE or OBJECT_VALUE (node.kind says which).
 */
struct gql_ast_value {
    struct gql_node node;
    struct str str; /* INT/FLOAT: the raw token text; STRING: the decoded value (UTF-8);
                       ENUM: the name; VARIABLE: the name without '$' */
    bool boolean;   /* BOOLEAN_VALUE */
    bool block;     /* STRING_VALUE written as a block string """...""" */
    GQL_LIST(struct gql_ast_value) list;      /* LIST_VALUE items */
    GQL_LIST(struct gql_object_field) fields; /* OBJECT_VALUE fields, in source order */
};

/* Argument: name: value. */
struct gql_argument {
    struct gql_node node;
    struct str name;
    struct gql_ast_value *value;
};

typedef GQL_LIST(struct gql_argument) gql_arguments;
typedef GQL_LIST(struct gql_directive) gql_directives;

/* Directive: @name(args). */
struct gql_directive {
    struct gql_node node;
    struct str name;
    gql_arguments args;
};

/*
 * A selection: FIELD, FRAGMENT_SPREAD or INLINE_FRAGMENT (node.kind says which).
 *   FIELD:           alias (len 0 when none), name, args, directives, selection_set (or NULL)
 *   FRAGMENT_SPREAD: name, directives
 *   INLINE_FRAGMENT: type_condition (NULL when none), directives, selection_set
 */
struct gql_selection {
    struct gql_node node;
    struct str alias;
    struct str name;
    struct gql_loc name_loc; /* FIELD, FRAGMENT_SPREAD: where the name token starts (after
                                the alias, after "..."); { 0, 0 } for an inline fragment */
    gql_arguments args;
    gql_directives directives;
    struct gql_type_ref *type_condition;
    struct gql_selection_set *selection_set;
};

struct gql_selection_set {
    struct gql_node node;
    GQL_LIST(struct gql_selection) selections;
};

/* VariableDefinition: $name: Type = default @directives. */
struct gql_variable_definition {
    struct gql_node node;
    struct str name;         /* without '$' */
    struct gql_loc name_loc; /* where the name token after '$' starts */
    struct gql_type_ref *type;
    struct gql_ast_value *default_value; /* NULL when none */
    gql_directives directives;
};

enum gql_operation_type { GQL_QUERY = 0, GQL_MUTATION, GQL_SUBSCRIPTION };

/* "query", "mutation", "subscription". */
const char *gql_operation_type_name(enum gql_operation_type op);

/* OperationDefinition (including the query shorthand "{ ... }", which has no name). */
struct gql_operation {
    struct gql_node node;
    enum gql_operation_type operation;
    struct str name;         /* len 0 when anonymous */
    struct gql_loc name_loc; /* where the name token starts; { 0, 0 } when anonymous */
    GQL_LIST(struct gql_variable_definition) variables;
    gql_directives directives;
    struct gql_selection_set *selection_set;
};

/* FragmentDefinition. */
struct gql_fragment {
    struct gql_node node;
    struct str name;
    struct gql_loc name_loc;             /* where the name token starts */
    struct gql_type_ref *type_condition; /* a NAMED_TYPE */
    gql_directives directives;
    struct gql_selection_set *selection_set;
};

/* ---- type system (SDL) ------------------------------------------------------------------- */

/* InputValueDefinition: an argument of a field or directive, or a field of an input object. */
struct gql_input_value_def {
    struct gql_node node;
    struct str description; /* decoded; ptr NULL when there is none */
    struct str name;
    struct gql_type_ref *type;
    struct gql_ast_value *default_value; /* NULL when none */
    gql_directives directives;
};

typedef GQL_LIST(struct gql_input_value_def) gql_input_value_defs;

/* FieldDefinition. */
struct gql_field_def {
    struct gql_node node;
    struct str description;
    struct str name;
    gql_input_value_defs args;
    struct gql_type_ref *type;
    gql_directives directives;
};

/* EnumValueDefinition. */
struct gql_enum_value_def {
    struct gql_node node;
    struct str description;
    struct str name;
    gql_directives directives;
};

/*
 * A type definition or extension: SCALAR_, OBJECT_, INTERFACE_, UNION_, ENUM_ or
 * INPUT_OBJECT_ TYPE_DEFINITION / TYPE_EXTENSION (node.kind says which). Lists that do not
 * apply to the kind stay empty.
 */
struct gql_type_def {
    struct gql_node node;
    struct str description; /* definitions only */
    struct str name;
    GQL_LIST(struct gql_type_ref) interfaces; /* OBJECT / INTERFACE: implements A & B */
    gql_directives directives;
    GQL_LIST(struct gql_field_def) fields;      /* OBJECT / INTERFACE */
    GQL_LIST(struct gql_type_ref) members;      /* UNION: = A | B */
    GQL_LIST(struct gql_enum_value_def) values; /* ENUM */
    gql_input_value_defs input_fields;          /* INPUT_OBJECT */
};

/* OperationTypeDefinition inside schema { query: Query ... }. */
struct gql_operation_type_def {
    struct gql_node node;
    enum gql_operation_type operation;
    struct gql_type_ref *type; /* a NAMED_TYPE */
};

/* SchemaDefinition or SchemaExtension. */
struct gql_schema_def {
    struct gql_node node;
    struct str description;
    gql_directives directives;
    GQL_LIST(struct gql_operation_type_def) operation_types;
};

/* DirectiveDefinition: directive @name(args) repeatable on LOC | LOC. */
struct gql_directive_def {
    struct gql_node node;
    struct str description;
    struct str name;
    gql_input_value_defs args;
    bool repeatable;
    GQL_LIST(struct gql_type_ref)
    locations; /* each a NAMED_TYPE-kind name node holding the
                  location name ("FIELD", "QUERY" ...) */
};

/*
 * Document: definitions in source order. Each item points at a struct gql_operation,
 * gql_fragment, gql_type_def, gql_schema_def or gql_directive_def; dispatch on (*item)->kind.
 */
struct gql_document {
    struct gql_node node;
    GQL_LIST(struct gql_node) definitions;
    size_t token_count; /* tokens the lexer produced, for limits and stats */
};

/* ---- printing (printer.c) ---------------------------------------------------------------- */

struct arena;
struct buf;

/*
 * Append the value literal v as graphql-js print() writes it: $var, 12, 1.5, "text" (escaped
 * as printString does), """block""" (printBlockString), true, null, ENUM, [1, 2],
 * {a: 1, b: "x"}. For messages ("Expected value of type ..., found {a: 1}.") and defaults.
 */
void gql_append_value(struct buf *b, const struct gql_ast_value *v);

/* gql_append_value() into a new NUL-terminated arena string. */
const char *gql_print_value(struct arena *a, const struct gql_ast_value *v);

/* Append the type reference as written: Int, [Int!]!. */
void gql_append_type_ref(struct buf *b, const struct gql_type_ref *t);

/* gql_append_type_ref() into a new NUL-terminated arena string. */
const char *gql_print_type_ref(struct arena *a, const struct gql_type_ref *t);

/* Append s (UTF-8) as a GraphQL string literal with its quotes: control characters,
 * U+007F-U+009F, '"' and '\\' escaped (graphql-js printString). */
void gql_append_string(struct buf *b, struct str s);

/* Append s as a block string literal """...""" (graphql-js printBlockString, not minimized). */
void gql_append_block_string(struct buf *b, struct str s);

#endif
