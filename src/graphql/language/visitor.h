/*
 * visitor.h: a depth-first walk over an AST (ast.h) that calls per-kind enter and leave
 * callbacks, and gql_visit_parallel(), which runs several visitors in one walk so that every
 * validation rule shares a single pass over the document. Children are visited in graphql-js
 * QueryDocumentKeys order (descriptions and names are not nodes here). The walk is iterative:
 * its stack of ancestors lives in the arena, so a deeply nested document cannot overflow the C
 * stack. Visitors only read the tree; graphql-js's node replacement is not offered.
 * Reference: graphql-js src/language/visitor.ts (visit, visitInParallel, BREAK),
 * src/utilities/TypeInfo.ts (visitWithTypeInfo).
 */
#ifndef WM_GRAPHQL_LANGUAGE_VISITOR_H
#define WM_GRAPHQL_LANGUAGE_VISITOR_H

#include <stdbool.h>
#include <stddef.h>

#include "graphql/language/ast.h"

struct arena;

/* What a callback tells the walk (graphql-js: undefined, false, BREAK). */
enum gql_visit_action {
    GQL_CONTINUE = 0, /* go on as usual */
    GQL_SKIP,         /* from enter: do not visit this node's children for this visitor, and do
                         not call its leave for this node (graphql-js `return false`) */
    GQL_BREAK,        /* this visitor sees nothing more of the walk (graphql-js BREAK) */
};

/* The walk in progress, as a callback sees it (ancestors). */
struct gql_visit;

/*
 * A callback: data is the visitor's own pointer (see struct gql_visit_slot), node the node
 * entered or left (dispatch on node->kind and cast to its struct), walk the walk, for
 * gql_visit_ancestor(). The return value of a leave callback only matters for GQL_BREAK.
 */
typedef enum gql_visit_action gql_visit_fn(void *data, const struct gql_node *node,
                                           const struct gql_visit *walk);

/* Callbacks indexed by enum gql_kind; NULL entries are not called. Usually a static const
 * table with designated initializers: { .enter = { [GQL_FIELD] = enter_field } }. */
struct gql_visitor {
    gql_visit_fn *enter[GQL_KIND_COUNT];
    gql_visit_fn *leave[GQL_KIND_COUNT];
};

/* One visitor of a parallel walk with its data. */
struct gql_visit_slot {
    const struct gql_visitor *visitor;
    void *data;
};

/*
 * Hooks run on every node the walk enters, whatever the visitors answer there: enter before
 * any enter callback of the node, leave after every leave callback (graphql-js
 * visitWithTypeInfo; this is how TypeInfo follows the walk). The walk does not go below a node
 * that every visitor skips, so hooks see only what some visitor can see.
 */
struct gql_visit_hooks {
    void (*enter)(void *data, const struct gql_node *node);
    void (*leave)(void *data, const struct gql_node *node);
    void *data;
};

/*
 * The ancestor up levels above the node being entered or left: 0 is its parent, 1 the
 * parent's parent ... NULL above the root of the walk. Lists are not ancestors (graphql-js
 * counts the arrays too: its ancestors[ancestors.length - 3] is our gql_visit_ancestor(w, 1)).
 */
const struct gql_node *gql_visit_ancestor(const struct gql_visit *walk, size_t up);

/* How many ancestors the current node has (0 for the root of the walk). */
size_t gql_visit_depth(const struct gql_visit *walk);

/*
 * Walk the tree under root with n visitors at once (graphql-js visitInParallel): for each node
 * every visitor that is neither skipping nor broken has its enter callback called, in slot
 * order, then the children are walked, then the leave callbacks are called in slot order. A
 * visitor that answers GQL_SKIP misses that node's subtree and its leave; one that answers
 * GQL_BREAK misses the rest of the walk; the walk ends early when every visitor has broken.
 * hooks may be NULL. When stop is not NULL the walk ends as soon as *stop becomes true after a
 * callback (no further enter or leave of any visitor, nor hooks): validation stops this way at
 * its error limit. The ancestor stack is allocated in a (arena memory, kept until reset).
 */
void gql_visit_parallel(struct arena *a, const struct gql_node *root,
                        const struct gql_visit_slot *slots, size_t n,
                        const struct gql_visit_hooks *hooks, const bool *stop);

/*
 * Walk the tree under root with one visitor (graphql-js visit), with optional hooks (may be
 * NULL). Returns GQL_BREAK when the visitor broke the walk, GQL_CONTINUE otherwise.
 */
enum gql_visit_action gql_visit(struct arena *a, const struct gql_node *root,
                                const struct gql_visitor *v, void *data,
                                const struct gql_visit_hooks *hooks);

#endif
