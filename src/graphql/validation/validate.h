/*
 * validate.h: inside the validation module: the validation context every rule receives
 * (schema, document, TypeInfo, the errors and their limit, the per-document caches of
 * graphql-js ValidationContext), the helpers rules share (fragments and their spreads,
 * variable usages, error reporting, graphql-js's suggestion lists and "Did you mean"), a
 * small insertion-ordered hash map, and gql_validate_rules() for running chosen rules (tests).
 * Values and type references are printed with the language printer (ast.h).
 * Everything lives in the arena of the validation; nothing outlives it. This follows graphql-js
 * v16.8 (the version tests/graphql-js pins).
 * Reference: graphql-js src/validation/ValidationContext.ts, validate.ts,
 * src/jsutils/suggestionList.ts, didYouMean.ts, naturalCompare.ts.
 */
#ifndef WM_GRAPHQL_VALIDATION_VALIDATE_H
#define WM_GRAPHQL_VALIDATION_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "graphql/graphql.h"
#include "graphql/language/visitor.h"
#include "graphql/validation/type_info.h"

struct arena;
struct gql_rule;

/* ---- an insertion-ordered hash map -------------------------------------------------------- */

/* One entry: key (string maps) or ptr (pointer maps), and the caller's payload. */
struct gql_map_entry {
    struct str key;
    const void *ptr;
    void *value;   /* the caller's pointer; NULL when just added */
    size_t num;    /* the caller's number; 0 when just added */
    uint32_t hash; /* private: the key's hash */
};

/*
 * A hash map in an arena whose entries keep their insertion order (graphql-js Map and object
 * key order, which several messages depend on). A map is used with string keys or with
 * pointer keys, never both. Zero-initialize, then gql_map_init(). Keys are not copied.
 */
struct gql_map {
    struct arena *arena;
    struct gql_map_entry *entries; /* count entries in insertion order */
    size_t count;
    size_t cap;      /* private */
    uint32_t *slots; /* private: open addressing, entry index + 1, 0 = empty; NULL while the
                        map is small enough to be searched in order */
    size_t nslots;   /* private: a power of two */
};

void gql_map_init(struct gql_map *m, struct arena *a);
/* The entry for key, or NULL. */
struct gql_map_entry *gql_map_find(const struct gql_map *m, struct str key);
/* The entry for key, added with a NULL value when absent (*added tells, may be NULL). The
 * pointer is valid until the next addition. */
struct gql_map_entry *gql_map_put(struct gql_map *m, struct str key, bool *added);
/* The same with pointer keys. */
struct gql_map_entry *gql_map_find_ptr(const struct gql_map *m, const void *key);
struct gql_map_entry *gql_map_put_ptr(struct gql_map *m, const void *key, bool *added);
/* The value for key, or NULL when absent. */
void *gql_map_get(const struct gql_map *m, struct str key);
void *gql_map_get_ptr(const struct gql_map *m, const void *key);

/* ---- the validation context --------------------------------------------------------------- */

/* A variable used in a value, with what TypeInfo knew there (graphql-js VariableUsage). */
struct gql_variable_usage {
    const struct gql_ast_value *node;          /* the VARIABLE value */
    struct gql_type *type;                     /* the input type expected there, or NULL */
    const struct gql_ast_value *default_value; /* the default of that position, or NULL */
};

struct gql_variable_usages {
    struct gql_variable_usage *items;
    size_t count;
};

struct gql_validation_context {
    struct arena *arena;
    const struct gql_schema *schema;
    const struct gql_document *doc;
    struct gql_type_info *type_info; /* follows the walk of the rules */
    struct gql_errors *errors;       /* where errors go */
    size_t max_errors;               /* errors before "Too many validation errors" */
    size_t nerrors;                  /* errors this validation reported */
    bool stop;                       /* the walk must end (error limit, or an error thrown) */
    bool fragments_indexed;          /* fragments below is filled */
    struct gql_map fragments;        /* name -> struct gql_fragment * (the last of a name) */
    struct gql_map spreads;          /* selection set -> struct gql_ptr_vec * of spreads */
    struct gql_map referenced;       /* operation -> struct gql_ptr_vec * of fragments */
    struct gql_map usages;           /* node -> struct gql_variable_usages * */
    struct gql_map recursive_usages; /* operation -> struct gql_variable_usages * */
    const struct gql_operation *definitions_of; /* whose variables definitions below hold */
    struct gql_variable_definitions *definitions;
};

/* An operation's variable definitions by name (see gql_get_variable_definitions()). */
struct gql_variable_definitions {
    struct gql_map by_name; /* name -> the last struct gql_variable_definition * of that name,
                               in the order names first appear */
    size_t *entry_of;       /* per op->variables[i]: its name's entry in by_name */
};

/* Every rule's state starts with this; validate fills it in before the rule's init. */
struct gql_rule_base {
    struct gql_validation_context *ctx;
};

/*
 * Report an error located at the nlocs locations locs (graphql-js's nodes, in order), message
 * formatted printf-style. At the error limit this adds graphql-js's "Too many validation
 * errors, error limit reached. Validation aborted." instead and stops the walk; once stopped,
 * reports are ignored (graphql-js has thrown by then).
 */
void gql_report(struct gql_validation_context *ctx, const struct gql_loc *locs, size_t nlocs,
                const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* gql_report() at one node. */
void gql_report_at(struct gql_validation_context *ctx, const struct gql_node *node, const char *fmt,
                   ...) __attribute__((format(printf, 3, 4)));

/* gql_report() of a message already formatted, at the nodes' locations. */
void gql_report_nodes(struct gql_validation_context *ctx, const char *message,
                      const struct gql_node *const *nodes, size_t nnodes);

/* getFragment(): the fragment definition called name, or NULL. */
const struct gql_fragment *gql_get_fragment(struct gql_validation_context *ctx, struct str name);

/* getFragmentSpreads(): the fragment spreads (struct gql_selection *) anywhere under set, in
 * graphql-js order (a set's own spreads first, then nested sets, last pushed first). */
const struct gql_ptr_vec *gql_get_fragment_spreads(struct gql_validation_context *ctx,
                                                   const struct gql_selection_set *set);

/* getRecursivelyReferencedFragments(): the fragments (struct gql_fragment *) op spreads,
 * directly or through other fragments, each once, in graphql-js order (depth first, the
 * last set found explored first). Cached per operation. */
const struct gql_ptr_vec *gql_get_referenced_fragments(struct gql_validation_context *ctx,
                                                       const struct gql_operation *op);

/* getVariableUsages(): the variables used under node (an operation or a fragment definition),
 * outside variable definitions, with their TypeInfo. Cached per node. */
const struct gql_variable_usages *gql_get_variable_usages(struct gql_validation_context *ctx,
                                                          const struct gql_node *node);

/* The variable definitions of op by name, which NoUndefinedVariables, NoUnusedVariables and
 * VariablesInAllowedPosition each collect in graphql-js: made once per operation (the one
 * asked last is kept). */
const struct gql_variable_definitions *
gql_get_variable_definitions(struct gql_validation_context *ctx, const struct gql_operation *op);

/* getRecursiveVariableUsages(): those of the operation, then those of every fragment it
 * references recursively, in gql_get_referenced_fragments() order. Cached per operation. */
const struct gql_variable_usages *
gql_get_recursive_variable_usages(struct gql_validation_context *ctx,
                                  const struct gql_operation *op);

/*
 * Where the name of node starts (graphql-js reports the name node for some errors): the name
 * token of an operation, a fragment definition, a fragment spread, a field, or a variable
 * definition (after its '$'). Other nodes, and an anonymous operation, give node->loc.
 */
struct gql_loc gql_name_loc(const struct gql_node *node);

/* ---- messages ----------------------------------------------------------------------------- */

/* suggestionList(): the options (nopts NUL-terminated names) close enough to input, sorted by
 * lexical distance, then naturalCompare; duplicates dropped. Returns the count; *out is an
 * arena array of the options' pointers. */
size_t gql_suggestion_list(struct arena *a, struct str input, const char *const *opts, size_t nopts,
                           const char ***out);

/* didYouMean(): "" for no names, else " Did you mean "a", "b", or "c"?" (sub, when not NULL,
 * after "mean "), the first five names only. Arena string. */
const char *gql_did_you_mean_names(struct arena *a, const char *sub, const char *const *names,
                                   size_t n);

/* naturalCompare(): graphql-js's ordering of names, digit runs compared as numbers. */
int gql_natural_compare(const char *a, size_t alen, const char *b, size_t blen);

/* A visitor callback that answers GQL_SKIP (graphql-js `Kind: () => false`). */
enum gql_visit_action gql_rule_skip(void *data, const struct gql_node *node,
                                    const struct gql_visit *walk);

/* ---- running rules ------------------------------------------------------------------------ */

/*
 * gql_validate() with the nrules rules given instead of the specified ones (graphql-js
 * validate(schema, doc, rules, { maxErrors })), for tests and for callers that add rules.
 * lim may be NULL (the defaults); a max_errors of 0 means GQL_DEFAULT_MAX_ERRORS.
 */
int gql_validate_rules(struct arena *a, const struct gql_schema *s, const struct gql_document *doc,
                       const struct gql_limits *lim, struct gql_errors *errs,
                       const struct gql_rule *const *rules, size_t nrules);

#endif
