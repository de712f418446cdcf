/*
 * visitor.c: the AST walk of visitor.h. One loop over an explicit stack of frames (node plus
 * the position among its children) replaces graphql-js's recursive-looking visit(): the stack
 * grows in the arena, so nesting depth is limited by memory, not by the C stack. The order of
 * children per kind is next_child()'s, which follows graphql-js QueryDocumentKeys.
 * Reference: graphql-js src/language/visitor.ts, src/language/ast.ts (QueryDocumentKeys).
 */
#include "graphql/language/visitor.h"

#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/arena.h"

struct frame {
    const struct gql_node *node;
    unsigned slot; /* which child member of node comes next (next_child()'s numbering) */
    size_t idx;    /* the next item of that member (a list), or 1 once its one node was given */
    bool descend;  /* some visitor wants this node's children */
    bool skipped;  /* some visitor answered GQL_SKIP at this node */
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

/*
 * The children of a node come member by member, in graphql-js QueryDocumentKeys order: each
 * member is an optional node pointer or a GQL_LIST at an offset in the node's struct (names
 * are not nodes here, and a directive definition's locations are not visited). A frame's slot
 * is the member it is in, its idx the next item (or, for a single node, whether it was
 * given). Leaves (variables, scalar values, named types, names) have no members.
 */
struct member {
    uint16_t offset; /* of the member in the node's struct */
    bool many;       /* a GQL_LIST of node pointers, else one node pointer (may be NULL) */
};

struct members {
    uint8_t count;
    struct member m[6];
};

#define ONE(T, f)                        \
    {                                    \
        (uint16_t) offsetof(T, f), false \
    }
#define MANY(T, f)                      \
    {                                   \
        (uint16_t) offsetof(T, f), true \
    }

/* A selection (Field: arguments, directives, selectionSet; FragmentSpread: directives;
 * InlineFragment: typeCondition, directives, selectionSet); absent members are empty. */
#define SELECTION_MEMBERS                                                                \
    {                                                                                    \
        4,                                                                               \
        {                                                                                \
            ONE(struct gql_selection, type_condition), MANY(struct gql_selection, args), \
                    MANY(struct gql_selection, directives),                              \
                    ONE(struct gql_selection, selection_set)                             \
        }                                                                                \
    }
/* A type definition or extension: interfaces, directives, then the kind's own list. */
#define TYPE_DEF_MEMBERS                                                                       \
    {                                                                                          \
        6,                                                                                     \
        {                                                                                      \
            MANY(struct gql_type_def, interfaces), MANY(struct gql_type_def, directives),      \
                    MANY(struct gql_type_def, fields), MANY(struct gql_type_def, members),     \
                    MANY(struct gql_type_def, values), MANY(struct gql_type_def, input_fields) \
        }                                                                                      \
    }

/* clang-format off */
static const struct members children[GQL_KIND_COUNT] = {
    [GQL_DOCUMENT]             = { 1, { MANY(struct gql_document, definitions) } },
    [GQL_OPERATION_DEFINITION] = { 3, { MANY(struct gql_operation, variables),
                                        MANY(struct gql_operation, directives),
                                        ONE(struct gql_operation, selection_set) } },
    [GQL_VARIABLE_DEFINITION]  = { 3, { ONE(struct gql_variable_definition, type),
                                        ONE(struct gql_variable_definition, default_value),
                                        MANY(struct gql_variable_definition, directives) } },
    [GQL_SELECTION_SET]        = { 1, { MANY(struct gql_selection_set, selections) } },
    [GQL_FIELD]                = SELECTION_MEMBERS,
    [GQL_ARGUMENT]             = { 1, { ONE(struct gql_argument, value) } },
    [GQL_FRAGMENT_SPREAD]      = SELECTION_MEMBERS,
    [GQL_INLINE_FRAGMENT]      = SELECTION_MEMBERS,
    [GQL_FRAGMENT_DEFINITION]  = { 3, { ONE(struct gql_fragment, type_condition),
                                        MANY(struct gql_fragment, directives),
                                        ONE(struct gql_fragment, selection_set) } },
    [GQL_LIST_VALUE]           = { 2, { MANY(struct gql_ast_value, list),
                                        MANY(struct gql_ast_value, fields) } },
    [GQL_OBJECT_VALUE]         = { 2, { MANY(struct gql_ast_value, list),
                                        MANY(struct gql_ast_value, fields) } },
    [GQL_OBJECT_FIELD]         = { 1, { ONE(struct gql_object_field, value) } },
    [GQL_DIRECTIVE]            = { 1, { MANY(struct gql_directive, args) } },
    [GQL_LIST_TYPE]            = { 1, { ONE(struct gql_type_ref, of) } },
    [GQL_NON_NULL_TYPE]        = { 1, { ONE(struct gql_type_ref, of) } },
    [GQL_SCHEMA_DEFINITION]    = { 2, { MANY(struct gql_schema_def, directives),
                                        MANY(struct gql_schema_def, operation_types) } },
    [GQL_SCHEMA_EXTENSION]     = { 2, { MANY(struct gql_schema_def, directives),
                                        MANY(struct gql_schema_def, operation_types) } },
    [GQL_OPERATION_TYPE_DEFINITION] = { 1, { ONE(struct gql_operation_type_def, type) } },
    [GQL_FIELD_DEFINITION]     = { 3, { MANY(struct gql_field_def, args),
                                        ONE(struct gql_field_def, type),
                                        MANY(struct gql_field_def, directives) } },
    [GQL_INPUT_VALUE_DEFINITION] = { 3, { ONE(struct gql_input_value_def, type),
                                          ONE(struct gql_input_value_def, default_value),
                                          MANY(struct gql_input_value_def, directives) } },
    [GQL_ENUM_VALUE_DEFINITION] = { 1, { MANY(struct gql_enum_value_def, directives) } },
    [GQL_DIRECTIVE_DEFINITION] = { 1, { MANY(struct gql_directive_def, args) } },
    [GQL_SCALAR_TYPE_DEFINITION]       = TYPE_DEF_MEMBERS,
    [GQL_OBJECT_TYPE_DEFINITION]       = TYPE_DEF_MEMBERS,
    [GQL_INTERFACE_TYPE_DEFINITION]    = TYPE_DEF_MEMBERS,
    [GQL_UNION_TYPE_DEFINITION]        = TYPE_DEF_MEMBERS,
    [GQL_ENUM_TYPE_DEFINITION]         = TYPE_DEF_MEMBERS,
    [GQL_INPUT_OBJECT_TYPE_DEFINITION] = TYPE_DEF_MEMBERS,
    [GQL_SCALAR_TYPE_EXTENSION]        = TYPE_DEF_MEMBERS,
    [GQL_OBJECT_TYPE_EXTENSION]        = TYPE_DEF_MEMBERS,
    [GQL_INTERFACE_TYPE_EXTENSION]     = TYPE_DEF_MEMBERS,
    [GQL_UNION_TYPE_EXTENSION]         = TYPE_DEF_MEMBERS,
    [GQL_ENUM_TYPE_EXTENSION]          = TYPE_DEF_MEMBERS,
    [GQL_INPUT_OBJECT_TYPE_EXTENSION]  = TYPE_DEF_MEMBERS,
};
/* clang-format on */

#undef ONE
#undef MANY
#undef SELECTION_MEMBERS
#undef TYPE_DEF_MEMBERS

/* The layouts every GQL_LIST(T) member, and every single child member, share. */
struct node_list {
    const void *const *items;
    size_t count;
};
struct node_one {
    const void *node;
};

/* The next child of the frame's node, or NULL when all have been visited. Every child struct
 * starts with its struct gql_node, so a pointer to it is a pointer to its node. */
static const struct gql_node *next_child(struct frame *f)
{
    const struct members *ms = &children[f->node->kind];
    while (f->slot < ms->count) {
        const struct member *m = &ms->m[f->slot];
        const char *at = (const char *)f->node + m->offset;
        const void *child = NULL;
        if (m->many) {
            struct node_list list;
            memcpy(&list, at, sizeof(list));
            if (f->idx < list.count) {
                struct node_one item;
                memcpy(&item, &list.items[f->idx++], sizeof(item));
                return item.node;
            }
        } else if (f->idx == 0) {
            f->idx = 1;
            struct node_one one;
            memcpy(&one, at, sizeof(one));
            child = one.node;
            if (child) return child;
        }
        f->slot++;
        f->idx = 0;
    }
    return NULL;
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
    w->frames[w->depth++] = (struct frame){ node, 0, 0, false, false };
}

/*
 * The visitors that have callbacks for one kind of node, as slot numbers in slot order:
 * counts[0] enter callbacks then counts[1] leave callbacks, in slots[].
 */
struct interest {
    uint16_t counts[2];
    uint16_t slots[];
};

/* The state shared by the steps of one walk. */
struct walk {
    struct gql_visit visit;
    const struct gql_visit_slot *slots;
    size_t n;
    const struct gql_node **skipping; /* per slot: NULL, the node it skips, or &broken */
    size_t nskipping;                 /* slots whose skipping is not NULL */
    size_t nbroken;
    const struct gql_visit_hooks *hooks;
    const bool *stop;
    /* Per kind, made the first time the walk enters a node of that kind: a node then costs a
     * call per interested visitor, not a look at every visitor. */
    const struct interest *interest[GQL_KIND_COUNT];
};

static bool stopped(const struct walk *w)
{
    return (w->stop && *w->stop) || w->nbroken == w->n;
}

static const struct interest *interest_in(struct walk *w, enum gql_kind kind)
{
    if (w->interest[kind]) return w->interest[kind];
    /* Room for every slot twice; the leave list is moved down behind the enter list. */
    struct interest *in =
            arena_alloc(w->visit.arena, sizeof(struct interest) + 2 * w->n * sizeof(uint16_t));
    uint16_t *leave = in->slots + w->n;
    size_t e = 0;
    size_t l = 0;
    for (size_t i = 0; i < w->n; i++) {
        const struct gql_visitor *v = w->slots[i].visitor;
        if (v->enter[kind]) in->slots[e++] = (uint16_t)i;
        if (v->leave[kind]) leave[l++] = (uint16_t)i;
    }
    if (l) memmove(in->slots + e, leave, l * sizeof(uint16_t));
    in->counts[0] = (uint16_t)e;
    in->counts[1] = (uint16_t)l;
    w->interest[kind] = in;
    return in;
}

/* Enter the node on top of the stack. Returns false when the walk must end. */
static bool enter(struct walk *w)
{
    struct frame *f = &w->visit.frames[w->visit.depth - 1];
    const struct gql_node *node = f->node;
    if (w->hooks && w->hooks->enter) w->hooks->enter(w->hooks->data, node);
    const struct interest *in = interest_in(w, node->kind);
    for (size_t k = 0; k < in->counts[0]; k++) {
        size_t i = in->slots[k];
        if (w->skipping[i]) continue;
        enum gql_visit_action r =
                w->slots[i].visitor->enter[node->kind](w->slots[i].data, node, &w->visit);
        if (r == GQL_SKIP) {
            w->skipping[i] = node;
            w->nskipping++;
            f->skipped = true;
        } else if (r == GQL_BREAK) {
            w->skipping[i] = &broken;
            w->nskipping++;
            w->nbroken++;
        }
        if (stopped(w)) return false;
    }
    /* The frame pointer is still valid: callbacks cannot push. */
    f->descend = w->nskipping < w->n;
    return true;
}

/* Leave the node on top of the stack. Returns false when the walk must end. */
static bool leave(struct walk *w)
{
    const struct frame *f = &w->visit.frames[w->visit.depth - 1];
    const struct gql_node *node = f->node;
    const struct interest *in = interest_in(w, node->kind); /* made when node was entered */
    for (size_t k = in->counts[0]; k < (size_t)in->counts[0] + in->counts[1]; k++) {
        size_t i = in->slots[k];
        if (w->skipping[i]) continue;
        if (w->slots[i].visitor->leave[node->kind](w->slots[i].data, node, &w->visit) ==
            GQL_BREAK) {
            w->skipping[i] = &broken;
            w->nskipping++;
            w->nbroken++;
        }
        if (stopped(w)) return false;
    }
    /* The visitors that skipped this node see the rest of the walk again: only those with an
     * enter callback for its kind can have. */
    if (f->skipped) {
        for (size_t k = 0; k < in->counts[0]; k++) {
            size_t i = in->slots[k];
            if (w->skipping[i] == node) {
                w->skipping[i] = NULL;
                w->nskipping--;
            }
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
    assert(n <= UINT16_MAX);
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
