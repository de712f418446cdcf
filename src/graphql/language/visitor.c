/*
 * visitor.c: the AST walk of visitor.h. One loop over an explicit stack of frames (node plus
 * the position among its children) replaces graphql-js's recursive-looking visit(): the stack
 * grows in the arena, so nesting depth is limited by memory, not by the C stack. The order of
 * children per kind is child_at()'s, which follows graphql-js QueryDocumentKeys.
 * Reference: graphql-js src/language/visitor.ts, src/language/ast.ts (QueryDocumentKeys).
 */
#include "graphql/language/visitor.h"

#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "core/arena.h"

struct frame {
    const struct gql_node *node;
    unsigned slot; /* which child member of node comes next (child_at's numbering) */
    size_t idx;    /* the next item in that member when it is a list */
    bool descend;  /* some visitor wants this node's children */
};

struct gql_visit {
    struct frame *frames; /* frames[depth - 1] is the current node */
    size_t depth;
    size_t cap;
    struct arena *arena;
};

/* A visitor that answered GQL_BREAK: never equal to a real node. */
static const struct gql_node broken = { GQL_DOCUMENT, { 0, 0 } };

const struct gql_node *gql_visit_ancestor(const struct gql_visit *walk, size_t up)
{
    if (walk->depth < up + 2) return NULL;
    return walk->frames[walk->depth - 2 - up].node;
}

size_t gql_visit_depth(const struct gql_visit *walk)
{
    return walk->depth ? walk->depth - 1 : 0;
}

#define ONE(p)  (idx == 0 && (p) ? &(p)->node : NULL)
#define MANY(l) (idx < (l).count ? &(l).items[idx]->node : NULL)

/*
 * child_at() for the document and the executable definitions: *out is child number idx of
 * member slot of n (NULL when that member has no item idx, or is an absent optional node).
 * Returns false when n has no member number slot.
 */
static bool definition_child(const struct gql_node *n, unsigned slot, size_t idx,
                             const struct gql_node **out)
{
    const struct gql_node *c = NULL;
    if (n->kind == GQL_DOCUMENT) {
        const struct gql_document *d = (const struct gql_document *)n;
        if (slot > 0) return false;
        c = idx < d->definitions.count ? d->definitions.items[idx] : NULL;
    } else if (n->kind == GQL_OPERATION_DEFINITION) {
        const struct gql_operation *o = (const struct gql_operation *)n;
        if (slot == 0)
            c = MANY(o->variables);
        else if (slot == 1)
            c = MANY(o->directives);
        else if (slot == 2)
            c = ONE(o->selection_set);
        else
            return false;
    } else if (n->kind == GQL_VARIABLE_DEFINITION) {
        /* Its variable is its name here, not a node. */
        const struct gql_variable_definition *v = (const struct gql_variable_definition *)n;
        if (slot == 0)
            c = ONE(v->type);
        else if (slot == 1)
            c = ONE(v->default_value);
        else if (slot == 2)
            c = MANY(v->directives);
        else
            return false;
    } else {
        const struct gql_fragment *f = (const struct gql_fragment *)n;
        if (slot == 0)
            c = ONE(f->type_condition);
        else if (slot == 1)
            c = MANY(f->directives);
        else if (slot == 2)
            c = ONE(f->selection_set);
        else
            return false;
    }
    *out = c;
    return true;
}

/* child_at() for selection sets, selections, arguments, directives, values and type refs. */
static bool selection_child(const struct gql_node *n, unsigned slot, size_t idx,
                            const struct gql_node **out)
{
    const struct gql_node *c = NULL;
    switch (n->kind) {
    case GQL_SELECTION_SET:
        if (slot > 0) return false;
        c = MANY(((const struct gql_selection_set *)n)->selections);
        break;
    case GQL_FIELD:
    case GQL_FRAGMENT_SPREAD:
    case GQL_INLINE_FRAGMENT: {
        /* Field: arguments, directives, selectionSet; FragmentSpread: directives;
         * InlineFragment: typeCondition, directives, selectionSet. Absent members are empty. */
        const struct gql_selection *s = (const struct gql_selection *)n;
        if (slot == 0)
            c = ONE(s->type_condition);
        else if (slot == 1)
            c = MANY(s->args);
        else if (slot == 2)
            c = MANY(s->directives);
        else if (slot == 3)
            c = ONE(s->selection_set);
        else
            return false;
        break;
    }
    case GQL_ARGUMENT:
        if (slot > 0) return false;
        c = ONE(((const struct gql_argument *)n)->value);
        break;
    case GQL_LIST_VALUE:
    case GQL_OBJECT_VALUE: {
        const struct gql_ast_value *v = (const struct gql_ast_value *)n;
        if (slot == 0)
            c = MANY(v->list);
        else if (slot == 1)
            c = MANY(v->fields);
        else
            return false;
        break;
    }
    case GQL_OBJECT_FIELD:
        if (slot > 0) return false;
        c = ONE(((const struct gql_object_field *)n)->value);
        break;
    case GQL_DIRECTIVE:
        if (slot > 0) return false;
        c = MANY(((const struct gql_directive *)n)->args);
        break;
    case GQL_LIST_TYPE:
    case GQL_NON_NULL_TYPE:
        if (slot > 0) return false;
        c = ONE(((const struct gql_type_ref *)n)->of);
        break;
    default:
        /* Leaves: VARIABLE, the scalar values, NAMED_TYPE. */
        return false;
    }
    *out = c;
    return true;
}

/* child_at() for type definitions and extensions (members in QueryDocumentKeys order:
 * interfaces, directives, then the kind's own list; the others are empty). */
static bool type_def_child(const struct gql_type_def *t, unsigned slot, size_t idx,
                           const struct gql_node **out)
{
    switch (slot) {
    case 0:
        *out = MANY(t->interfaces);
        return true;
    case 1:
        *out = MANY(t->directives);
        return true;
    case 2:
        *out = MANY(t->fields);
        return true;
    case 3:
        *out = MANY(t->members);
        return true;
    case 4:
        *out = MANY(t->values);
        return true;
    case 5:
        *out = MANY(t->input_fields);
        return true;
    default:
        return false;
    }
}

/* child_at() for the other type-system nodes. A directive definition's locations are names
 * in graphql-js (NAMED_TYPE nodes in our AST) and are not visited. */
static bool type_system_child(const struct gql_node *n, unsigned slot, size_t idx,
                              const struct gql_node **out)
{
    const struct gql_node *c = NULL;
    if (n->kind == GQL_SCHEMA_DEFINITION || n->kind == GQL_SCHEMA_EXTENSION) {
        const struct gql_schema_def *s = (const struct gql_schema_def *)n;
        if (slot == 0)
            c = MANY(s->directives);
        else if (slot == 1)
            c = MANY(s->operation_types);
        else
            return false;
    } else if (n->kind == GQL_OPERATION_TYPE_DEFINITION) {
        if (slot > 0) return false;
        c = ONE(((const struct gql_operation_type_def *)n)->type);
    } else if (n->kind == GQL_FIELD_DEFINITION) {
        const struct gql_field_def *f = (const struct gql_field_def *)n;
        if (slot == 0)
            c = MANY(f->args);
        else if (slot == 1)
            c = ONE(f->type);
        else if (slot == 2)
            c = MANY(f->directives);
        else
            return false;
    } else if (n->kind == GQL_INPUT_VALUE_DEFINITION) {
        const struct gql_input_value_def *v = (const struct gql_input_value_def *)n;
        if (slot == 0)
            c = ONE(v->type);
        else if (slot == 1)
            c = ONE(v->default_value);
        else if (slot == 2)
            c = MANY(v->directives);
        else
            return false;
    } else if (n->kind == GQL_ENUM_VALUE_DEFINITION) {
        if (slot > 0) return false;
        c = MANY(((const struct gql_enum_value_def *)n)->directives);
    } else if (n->kind == GQL_DIRECTIVE_DEFINITION) {
        if (slot > 0) return false;
        c = MANY(((const struct gql_directive_def *)n)->args);
    } else {
        return type_def_child((const struct gql_type_def *)n, slot, idx, out);
    }
    *out = c;
    return true;
}

/*
 * The child number idx of member slot of node n, in graphql-js QueryDocumentKeys order: *out
 * is the child, or NULL when that member has no item idx (or is an absent optional node).
 * Returns false when n has no member number slot. Names are not nodes here.
 */
static bool child_at(const struct gql_node *n, unsigned slot, size_t idx,
                     const struct gql_node **out)
{
    switch (n->kind) {
    case GQL_DOCUMENT:
    case GQL_OPERATION_DEFINITION:
    case GQL_VARIABLE_DEFINITION:
    case GQL_FRAGMENT_DEFINITION:
        return definition_child(n, slot, idx, out);
    default:
        if (n->kind >= GQL_SCHEMA_DEFINITION) return type_system_child(n, slot, idx, out);
        return selection_child(n, slot, idx, out);
    }
}

#undef ONE
#undef MANY

/* The next child of the frame's node, or NULL when all have been visited. */
static const struct gql_node *next_child(struct frame *f)
{
    for (;;) {
        const struct gql_node *c;
        if (!child_at(f->node, f->slot, f->idx, &c)) return NULL;
        if (c) {
            f->idx++;
            return c;
        }
        f->slot++;
        f->idx = 0;
    }
}

static void push(struct gql_visit *w, const struct gql_node *node)
{
    if (w->depth == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 32;
        struct frame *frames = ARENA_ARRAY(w->arena, struct frame, cap);
        if (w->depth) memcpy(frames, w->frames, w->depth * sizeof(*frames));
        w->frames = frames;
        w->cap = cap;
    }
    w->frames[w->depth++] = (struct frame){ node, 0, 0, false };
}

/* The state shared by the steps of one walk. */
struct walk {
    struct gql_visit visit;
    const struct gql_visit_slot *slots;
    size_t n;
    const struct gql_node **skipping; /* per slot: NULL, the node it skips, or &broken */
    size_t nbroken;
    const struct gql_visit_hooks *hooks;
    const bool *stop;
};

static bool stopped(const struct walk *w)
{
    return (w->stop && *w->stop) || w->nbroken == w->n;
}

/* Enter the node on top of the stack. Returns false when the walk must end. */
static bool enter(struct walk *w)
{
    struct frame *f = &w->visit.frames[w->visit.depth - 1];
    const struct gql_node *node = f->node;
    if (w->hooks && w->hooks->enter) w->hooks->enter(w->hooks->data, node);
    bool descend = false;
    for (size_t i = 0; i < w->n; i++) {
        if (w->skipping[i]) continue;
        const struct gql_visitor *v = w->slots[i].visitor;
        if (v->enter[node->kind]) {
            enum gql_visit_action r = v->enter[node->kind](w->slots[i].data, node, &w->visit);
            if (r == GQL_SKIP) {
                w->skipping[i] = node;
            } else if (r == GQL_BREAK) {
                w->skipping[i] = &broken;
                w->nbroken++;
            }
            if (stopped(w)) return false;
        }
        if (!w->skipping[i]) descend = true;
    }
    /* The frame pointer is still valid: callbacks cannot push. */
    f->descend = descend;
    return true;
}

/* Leave the node on top of the stack. Returns false when the walk must end. */
static bool leave(struct walk *w)
{
    const struct gql_node *node = w->visit.frames[w->visit.depth - 1].node;
    for (size_t i = 0; i < w->n; i++) {
        if (!w->skipping[i]) {
            const struct gql_visitor *v = w->slots[i].visitor;
            if (!v->leave[node->kind]) continue;
            if (v->leave[node->kind](w->slots[i].data, node, &w->visit) == GQL_BREAK) {
                w->skipping[i] = &broken;
                w->nbroken++;
            }
            if (stopped(w)) return false;
        } else if (w->skipping[i] == node) {
            w->skipping[i] = NULL;
        }
    }
    if (w->hooks && w->hooks->leave) w->hooks->leave(w->hooks->data, node);
    return true;
}

/* Walk from root until the stack is empty or the walk must end. */
static void run(struct walk *w, const struct gql_node *root)
{
    if (stopped(w)) return;
    push(&w->visit, root);
    if (!enter(w)) return;
    while (w->visit.depth > 0) {
        struct frame *f = &w->visit.frames[w->visit.depth - 1];
        const struct gql_node *child = f->descend ? next_child(f) : NULL;
        if (child) {
            push(&w->visit, child);
            if (!enter(w)) return;
            continue;
        }
        if (!leave(w)) return;
        w->visit.depth--;
    }
}

void gql_visit_parallel(struct arena *a, const struct gql_node *root,
                        const struct gql_visit_slot *slots, size_t n,
                        const struct gql_visit_hooks *hooks, const bool *stop)
{
    if (!root || n == 0) return;
    struct walk w = {
        .visit = { .arena = a }, .slots = slots, .n = n, .hooks = hooks, .stop = stop
    };
    w.skipping = ARENA_ARRAY(a, const struct gql_node *, n);
    run(&w, root);
}

enum gql_visit_action gql_visit(struct arena *a, const struct gql_node *root,
                                const struct gql_visitor *v, void *data,
                                const struct gql_visit_hooks *hooks)
{
    if (!root) return GQL_CONTINUE;
    /* A one-slot parallel walk is a plain walk: it ends when its only visitor breaks. */
    struct gql_visit_slot slot = { v, data };
    const struct gql_node *skipping[1] = { NULL };
    struct walk w = {
        .visit = { .arena = a }, .slots = &slot, .n = 1, .hooks = hooks, .skipping = skipping
    };
    run(&w, root);
    return w.nbroken ? GQL_BREAK : GQL_CONTINUE;
}
