/*
 * visitor.c: the AST walk of visitor.h. One loop over an explicit stack of frames (node plus
 * the position among its children) replaces graphql-js's recursive-looking visit(): the stack
 * grows in the arena, so nesting depth is limited by memory, not by the C stack. The order of
 * children per kind is next_child()'s, which follows graphql-js QueryDocumentKeys.
 * Reference: graphql-js src/language/visitor.ts, src/language/ast.ts (QueryDocumentKeys).
 */
#include "graphql/language/visitor.h"

#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "core/arena.h"

struct frame {
    const struct gql_node *node;
    unsigned slot; /* which child member of node comes next (next_child()'s numbering) */
    size_t idx;    /* the next item in that member when it is a list */
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
 * The children of a node come member by member (f->slot numbers them), each member
 * an optional node or a list (f->idx is the next item). The next_*() functions resume at the
 * frame's position: each case either returns the next child of its member or falls through
 * to the next member, so empty members cost one test.
 */
#define ONE_AT(n, p)              \
    case n:                       \
        f->slot = (n) + 1;        \
        f->idx = 0;               \
        if (p) return &(p)->node; \
        __attribute__((fallthrough))
#define MANY_AT(n, l)                                              \
    case n:                                                        \
        if (f->idx < (l).count) return &(l).items[f->idx++]->node; \
        f->slot = (n) + 1;                                         \
        f->idx = 0;                                                \
        __attribute__((fallthrough))

/* The next child of the document or of an executable definition, or NULL. */
static const struct gql_node *next_of_definition(struct frame *f)
{
    const struct gql_node *n = f->node;
    if (n->kind == GQL_DOCUMENT) {
        const struct gql_document *d = (const struct gql_document *)n;
        return f->idx < d->definitions.count ? d->definitions.items[f->idx++] : NULL;
    }
    if (n->kind == GQL_OPERATION_DEFINITION) {
        const struct gql_operation *o = (const struct gql_operation *)n;
        switch (f->slot) {
            MANY_AT(0, o->variables);
            MANY_AT(1, o->directives);
            ONE_AT(2, o->selection_set);
        default:
            return NULL;
        }
    }
    if (n->kind == GQL_VARIABLE_DEFINITION) {
        /* Its variable is its name here, not a node. */
        const struct gql_variable_definition *v = (const struct gql_variable_definition *)n;
        switch (f->slot) {
            ONE_AT(0, v->type);
            ONE_AT(1, v->default_value);
            MANY_AT(2, v->directives);
        default:
            return NULL;
        }
    }
    const struct gql_fragment *fr = (const struct gql_fragment *)n;
    switch (f->slot) {
        ONE_AT(0, fr->type_condition);
        MANY_AT(1, fr->directives);
        ONE_AT(2, fr->selection_set);
    default:
        return NULL;
    }
}

/* The next child of an argument, an object field, a list or object value, or a type ref. */
static const struct gql_node *next_of_value(struct frame *f)
{
    const struct gql_node *n = f->node;
    switch (n->kind) {
    case GQL_ARGUMENT: {
        const struct gql_argument *arg = (const struct gql_argument *)n;
        switch (f->slot) {
            ONE_AT(0, arg->value);
        default:
            return NULL;
        }
    }
    case GQL_LIST_VALUE:
    case GQL_OBJECT_VALUE: {
        const struct gql_ast_value *v = (const struct gql_ast_value *)n;
        switch (f->slot) {
            MANY_AT(0, v->list);
            MANY_AT(1, v->fields);
        default:
            return NULL;
        }
    }
    case GQL_OBJECT_FIELD: {
        const struct gql_object_field *of = (const struct gql_object_field *)n;
        switch (f->slot) {
            ONE_AT(0, of->value);
        default:
            return NULL;
        }
    }
    case GQL_LIST_TYPE:
    case GQL_NON_NULL_TYPE: {
        const struct gql_type_ref *t = (const struct gql_type_ref *)n;
        switch (f->slot) {
            ONE_AT(0, t->of);
        default:
            return NULL;
        }
    }
    default:
        /* Leaves: VARIABLE, the scalar values, NAMED_TYPE. */
        return NULL;
    }
}

/* The next child of a selection set, a selection or a directive; else next_of_value(). */
static const struct gql_node *next_of_selection(struct frame *f)
{
    const struct gql_node *n = f->node;
    switch (n->kind) {
    case GQL_SELECTION_SET: {
        const struct gql_selection_set *set = (const struct gql_selection_set *)n;
        return f->idx < set->selections.count ? &set->selections.items[f->idx++]->node : NULL;
    }
    case GQL_FIELD:
    case GQL_FRAGMENT_SPREAD:
    case GQL_INLINE_FRAGMENT: {
        /* Field: arguments, directives, selectionSet; FragmentSpread: directives;
         * InlineFragment: typeCondition, directives, selectionSet. Absent members are empty. */
        const struct gql_selection *s = (const struct gql_selection *)n;
        switch (f->slot) {
            ONE_AT(0, s->type_condition);
            MANY_AT(1, s->args);
            MANY_AT(2, s->directives);
            ONE_AT(3, s->selection_set);
        default:
            return NULL;
        }
    }
    case GQL_DIRECTIVE: {
        const struct gql_directive *d = (const struct gql_directive *)n;
        return f->idx < d->args.count ? &d->args.items[f->idx++]->node : NULL;
    }
    default:
        return next_of_value(f);
    }
}

/* The next child of a type definition or extension (members in QueryDocumentKeys order:
 * interfaces, directives, then the kind's own list; the others are empty). */
static const struct gql_node *next_of_type_def(struct frame *f)
{
    const struct gql_type_def *t = (const struct gql_type_def *)f->node;
    switch (f->slot) {
        MANY_AT(0, t->interfaces);
        MANY_AT(1, t->directives);
        MANY_AT(2, t->fields);
        MANY_AT(3, t->members);
        MANY_AT(4, t->values);
        MANY_AT(5, t->input_fields);
    default:
        return NULL;
    }
}

/* The next child of a field, argument or input field definition; else next_of_type_def(). */
static const struct gql_node *next_of_field_def(struct frame *f)
{
    const struct gql_node *n = f->node;
    if (n->kind == GQL_FIELD_DEFINITION) {
        const struct gql_field_def *fd = (const struct gql_field_def *)n;
        switch (f->slot) {
            MANY_AT(0, fd->args);
            ONE_AT(1, fd->type);
            MANY_AT(2, fd->directives);
        default:
            return NULL;
        }
    }
    if (n->kind == GQL_INPUT_VALUE_DEFINITION) {
        const struct gql_input_value_def *v = (const struct gql_input_value_def *)n;
        switch (f->slot) {
            ONE_AT(0, v->type);
            ONE_AT(1, v->default_value);
            MANY_AT(2, v->directives);
        default:
            return NULL;
        }
    }
    return next_of_type_def(f);
}

/* The next child of the other type-system nodes. A directive definition's locations are
 * names in graphql-js (NAMED_TYPE nodes in our AST) and are not visited. */
static const struct gql_node *next_of_type_system(struct frame *f)
{
    const struct gql_node *n = f->node;
    switch (n->kind) {
    case GQL_SCHEMA_DEFINITION:
    case GQL_SCHEMA_EXTENSION: {
        const struct gql_schema_def *s = (const struct gql_schema_def *)n;
        switch (f->slot) {
            MANY_AT(0, s->directives);
            MANY_AT(1, s->operation_types);
        default:
            return NULL;
        }
    }
    case GQL_OPERATION_TYPE_DEFINITION: {
        const struct gql_operation_type_def *o = (const struct gql_operation_type_def *)n;
        switch (f->slot) {
            ONE_AT(0, o->type);
        default:
            return NULL;
        }
    }
    case GQL_ENUM_VALUE_DEFINITION: {
        const struct gql_enum_value_def *e = (const struct gql_enum_value_def *)n;
        return f->idx < e->directives.count ? &e->directives.items[f->idx++]->node : NULL;
    }
    case GQL_DIRECTIVE_DEFINITION: {
        const struct gql_directive_def *d = (const struct gql_directive_def *)n;
        return f->idx < d->args.count ? &d->args.items[f->idx++]->node : NULL;
    }
    default:
        return next_of_field_def(f);
    }
}

#undef ONE_AT
#undef MANY_AT

/* The next child of the frame's node (graphql-js QueryDocumentKeys order), or NULL when all
 * have been visited. Names are not nodes here. */
static const struct gql_node *next_child(struct frame *f)
{
    switch (f->node->kind) {
    case GQL_DOCUMENT:
    case GQL_OPERATION_DEFINITION:
    case GQL_VARIABLE_DEFINITION:
    case GQL_FRAGMENT_DEFINITION:
        return next_of_definition(f);
    default:
        if (f->node->kind >= GQL_SCHEMA_DEFINITION) return next_of_type_system(f);
        return next_of_selection(f);
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
