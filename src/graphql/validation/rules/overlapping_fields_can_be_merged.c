/*
 * overlapping_fields_can_be_merged.c: fields that share a response name in a selection set
 * (fragments included) must be mergeable: the same field with the same arguments unless their
 * parents can never be the same object, and compatible return types, recursively through
 * their sub-selections. The comparisons follow graphql-js step for step (A-J below) with its
 * memoization: the fields and fragment names of each selection set are collected once, and
 * two fragments (or a fragment and the fragments it spreads) are compared once per
 * exclusivity, so documents that spread fragments many times stay polynomial.
 * Spec: 5.3.2 Field Selection Merging.
 * Reference: graphql-js src/validation/rules/OverlappingFieldsCanBeMergedRule.ts,
 * src/utilities/sortValueNode.ts.
 *
 * Steps, as graphql-js names them: (A) each selection set compares the fields within it;
 * (B) then its fields against each fragment it spreads, (C) and its fragments with each other;
 * (D) fields against a fragment compare the fields against the fragment's fields, (E) then
 * against the fragments that fragment spreads; (F) two fragments compare their fields, (G) then
 * each against the other's nested fragments; (H) two fields with sub-selections compare the
 * sub-fields, (I) then each side's fields against the other's fragments, (J) then the
 * fragments of both sides pairwise.
 */
#include "graphql/validation/rules.h"

#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "graphql/execution/values.h"
#include "graphql/validation/validate.h"

/* A field as collected: the type it is selected on and the node. Its definition is looked up
 * only when it is compared with another field of its response name (field_def()). */
struct node_and_def {
    struct gql_type *parent_type;     /* or NULL */
    const struct gql_selection *node; /* the FIELD */
};

/* The fields of one response name, made with the first of them (fields starts in room). */
struct group {
    struct gql_ptr_vec fields; /* struct node_and_def * */
    const void *room[1];
    struct node_and_def first;
};

/* The fields (by response name) and fragment names of one selection set. */
struct fields_and_fragments {
    struct gql_map field_map;      /* response name -> struct gql_ptr_vec * of node_and_def */
    struct gql_map fragment_names; /* names spread, in order (values unused) */
};

/* Two fields of the same response name that cannot be merged, and why. */
struct conflict {
    struct str response_name;
    const char *reason;         /* the message after "conflict because " */
    struct gql_ptr_vec fields1; /* struct gql_selection *: the first side's fields */
    struct gql_ptr_vec fields2;
};

struct state {
    struct gql_rule_base base;
    struct gql_map pairs; /* lesser fragment name -> struct gql_map * (name -> num 1 + exclusive) */
    struct gql_map cached;  /* selection set -> struct fields_and_fragments * */
    struct gql_map args;    /* field -> struct gql_map * (argument name -> the last value) */
    struct gql_map strings; /* value -> its sorted print (const char *) */
};

static void init(void *data)
{
    struct state *st = data;
    struct arena *a = st->base.ctx->arena;
    gql_map_init(&st->pairs, a);
    gql_map_init(&st->cached, a);
    gql_map_init(&st->args, a);
    gql_map_init(&st->strings, a);
}

/* ---- collecting fields -------------------------------------------------------------------- */

static void collect_fields_and_fragment_names(struct state *st, struct gql_type *parent_type,
                                              const struct gql_selection_set *set,
                                              struct fields_and_fragments *r)
{
    struct gql_validation_context *ctx = st->base.ctx;
    for (size_t i = 0; i < set->selections.count; i++) {
        const struct gql_selection *sel = set->selections.items[i];
        if (sel->node.kind == GQL_FIELD) {
            struct str key = sel->alias.len ? sel->alias : sel->name;
            struct gql_map_entry *e = gql_map_put(&r->field_map, key, NULL);
            if (!e->value) {
                /* Most response names have one field: it comes with its group. */
                struct group *g = ARENA_NEW(ctx->arena, struct group);
                g->first = (struct node_and_def){ parent_type, sel };
                g->room[0] = &g->first;
                g->fields = (struct gql_ptr_vec){ g->room, 1, 1 };
                e->value = &g->fields;
            } else {
                struct node_and_def *nd = ARENA_NEW(ctx->arena, struct node_and_def);
                *nd = (struct node_and_def){ parent_type, sel };
                gql_ptr_vec_push(ctx->arena, e->value, nd);
            }
        } else if (sel->node.kind == GQL_FRAGMENT_SPREAD) {
            gql_map_put(&r->fragment_names, sel->name, NULL);
        } else {
            struct gql_type *t = sel->type_condition ? gql_type_from_ast(ctx->arena, ctx->schema,
                                                                         sel->type_condition)
                                                     : parent_type;
            collect_fields_and_fragment_names(st, t, sel->selection_set, r);
        }
    }
}

/* getFieldsAndFragmentNames(): cached per selection set. */
static struct fields_and_fragments *fields_and_fragments(struct state *st,
                                                         struct gql_type *parent_type,
                                                         const struct gql_selection_set *set)
{
    struct arena *a = st->base.ctx->arena;
    struct fields_and_fragments *r = gql_map_get_ptr(&st->cached, set);
    if (r) return r;
    r = ARENA_NEW(a, struct fields_and_fragments);
    gql_map_init(&r->field_map, a);
    gql_map_init(&r->fragment_names, a);
    collect_fields_and_fragment_names(st, parent_type, set, r);
    gql_map_put_ptr(&st->cached, set, NULL)->value = r;
    return r;
}

/* getReferencedFieldsAndFragmentNames(). */
static struct fields_and_fragments *fragment_fields(struct state *st, const struct gql_fragment *f)
{
    struct fields_and_fragments *r = gql_map_get_ptr(&st->cached, f->selection_set);
    if (r) return r;
    struct gql_validation_context *ctx = st->base.ctx;
    struct gql_type *t = gql_type_from_ast(ctx->arena, ctx->schema, f->type_condition);
    return fields_and_fragments(st, t, f->selection_set);
}

/* ---- comparing two fields ----------------------------------------------------------------- */

/* The field's definition in its parent type, or NULL (unknown field, meta field, or a parent
 * that is not an object or interface type). */
static const struct gql_field *field_def(const struct node_and_def *f)
{
    return gql_type_field(f->parent_type, f->node->name.ptr, f->node->name.len);
}

/* print(sortValueNode(v)): the value printed with every object's fields sorted by name
 * (naturalCompare, stable), so that field order does not make two arguments differ. */
static void print_sorted(struct buf *b, const struct gql_ast_value *v)
{
    if (v->node.kind == GQL_LIST_VALUE) {
        buf_appendc(b, '[');
        for (size_t i = 0; i < v->list.count; i++) {
            if (i) buf_appends(b, ", ");
            print_sorted(b, v->list.items[i]);
        }
        buf_appendc(b, ']');
        return;
    }
    if (v->node.kind != GQL_OBJECT_VALUE) {
        gql_append_value(b, v);
        return;
    }
    size_t n = v->fields.count;
    const struct gql_object_field **sorted =
            ARENA_ARRAY(b->arena, const struct gql_object_field *, n ? n : 1);
    for (size_t i = 0; i < n; i++) {
        /* Insertion sort: stable, as JavaScript's sort is. */
        const struct gql_object_field *f = v->fields.items[i];
        size_t k = i;
        while (k > 0 && gql_natural_compare(sorted[k - 1]->name.ptr, sorted[k - 1]->name.len,
                                            f->name.ptr, f->name.len) > 0) {
            sorted[k] = sorted[k - 1];
            k--;
        }
        sorted[k] = f;
    }
    buf_appendc(b, '{');
    for (size_t i = 0; i < n; i++) {
        if (i) buf_appends(b, ", ");
        buf_append_str(b, sorted[i]->name);
        buf_appends(b, ": ");
        print_sorted(b, sorted[i]->value);
    }
    buf_appendc(b, '}');
}

/* stringifyValue(), remembered per value: a field compared with many others prints once. */
static const char *stringify_value(struct state *st, const struct gql_ast_value *v)
{
    struct gql_map_entry *e = gql_map_find_ptr(&st->strings, v);
    if (e) return e->value;
    struct buf b = BUF_INIT(st->base.ctx->arena);
    print_sorted(&b, v);
    gql_map_put_ptr(&st->strings, v, NULL)->value = b.ptr;
    return b.ptr;
}

/* The arguments of field by name, the last of a name winning (graphql-js's Map), made once
 * per field so that comparing two fields costs one lookup per argument. */
static const struct gql_map *argument_values(struct state *st, const struct gql_selection *field)
{
    struct arena *a = st->base.ctx->arena;
    struct gql_map *m = gql_map_get_ptr(&st->args, field);
    if (m) return m;
    m = ARENA_NEW(a, struct gql_map);
    gql_map_init(m, a);
    for (size_t i = 0; i < field->args.count; i++)
        gql_map_put(m, field->args.items[i]->name, NULL)->value = field->args.items[i]->value;
    gql_map_put_ptr(&st->args, field, NULL)->value = m;
    return m;
}

/* sameArguments(): the same argument names with the same values, in any order. */
static bool same_arguments(struct state *st, const struct gql_selection *field1,
                           const struct gql_selection *field2)
{
    const gql_arguments *args1 = &field1->args;
    const gql_arguments *args2 = &field2->args;
    if (args1->count == 0) return args2->count == 0;
    if (args2->count == 0 || args1->count != args2->count) return false;
    const struct gql_map *values2 = argument_values(st, field2);
    for (size_t i = 0; i < args1->count; i++) {
        const struct gql_argument *arg1 = args1->items[i];
        const struct gql_ast_value *value2 = gql_map_get(values2, arg1->name);
        if (!value2) return false;
        if (strcmp(stringify_value(st, arg1->value), stringify_value(st, value2)) != 0)
            return false;
    }
    return true;
}

/* doTypesConflict(): the types could not apply to one value (lists and non-null must match,
 * leaf types must be the same; composite types are compared through their fields). */
static bool types_conflict(const struct gql_type *a, const struct gql_type *b)
{
    if (a == b) return false;
    if (a->kind == GQL_TYPE_LIST)
        return b->kind == GQL_TYPE_LIST ? types_conflict(a->of_type, b->of_type) : true;
    if (b->kind == GQL_TYPE_LIST) return true;
    if (a->kind == GQL_TYPE_NON_NULL)
        return b->kind == GQL_TYPE_NON_NULL ? types_conflict(a->of_type, b->of_type) : true;
    if (b->kind == GQL_TYPE_NON_NULL) return true;
    if (gql_type_is_leaf(a) || gql_type_is_leaf(b)) return a != b;
    return false;
}

static struct conflict *new_conflict(struct arena *a, struct str response_name, const char *reason,
                                     const struct gql_selection *node1,
                                     const struct gql_selection *node2)
{
    struct conflict *c = ARENA_NEW(a, struct conflict);
    c->response_name = response_name;
    c->reason = reason;
    gql_ptr_vec_push(a, &c->fields1, node1);
    gql_ptr_vec_push(a, &c->fields2, node2);
    return c;
}

static void find_conflicts_between_sub_selection_sets(struct state *st,
                                                      struct gql_ptr_vec *conflicts, bool exclusive,
                                                      struct gql_type *parent_type1,
                                                      const struct gql_selection_set *set1,
                                                      struct gql_type *parent_type2,
                                                      const struct gql_selection_set *set2);

/* subfieldConflicts(): the conflicts of two fields' sub-selections as one conflict, its
 * reason the sub-reasons joined ("subfields "x" conflict because ... and subfields ..."). */
static struct conflict *subfield_conflicts(struct arena *a, const struct gql_ptr_vec *conflicts,
                                           struct str response_name,
                                           const struct gql_selection *node1,
                                           const struct gql_selection *node2)
{
    if (conflicts->count == 0) return NULL;
    struct buf reason = BUF_INIT(a);
    struct conflict *r = ARENA_NEW(a, struct conflict);
    r->response_name = response_name;
    gql_ptr_vec_push(a, &r->fields1, node1);
    gql_ptr_vec_push(a, &r->fields2, node2);
    for (size_t i = 0; i < conflicts->count; i++) {
        const struct conflict *c = conflicts->items[i];
        buf_appendf(&reason, "%ssubfields \"%.*s\" conflict because %s", i ? " and " : "",
                    STR_FMT(c->response_name), c->reason);
        for (size_t j = 0; j < c->fields1.count; j++)
            gql_ptr_vec_push(a, &r->fields1, c->fields1.items[j]);
        for (size_t j = 0; j < c->fields2.count; j++)
            gql_ptr_vec_push(a, &r->fields2, c->fields2.items[j]);
    }
    r->reason = reason.ptr;
    return r;
}

/* findConflict(): whether two fields of one response name conflict, and why. */
static struct conflict *find_conflict(struct state *st, bool parents_exclusive,
                                      struct str response_name, const struct node_and_def *f1,
                                      const struct node_and_def *f2)
{
    struct arena *a = st->base.ctx->arena;
    const struct gql_selection *node1 = f1->node;
    const struct gql_selection *node2 = f2->node;
    /* Fields of two different object types can never apply to the same object, so they may
     * differ in name and arguments. */
    bool exclusive =
            parents_exclusive ||
            (f1->parent_type != f2->parent_type && f1->parent_type && f2->parent_type &&
             f1->parent_type->kind == GQL_TYPE_OBJECT && f2->parent_type->kind == GQL_TYPE_OBJECT);
    if (!exclusive) {
        if (!str_eq(node1->name, node2->name))
            return new_conflict(a, response_name,
                                arena_printf(a, "\"%.*s\" and \"%.*s\" are different fields",
                                             STR_FMT(node1->name), STR_FMT(node2->name)),
                                node1, node2);
        if (!same_arguments(st, node1, node2))
            return new_conflict(a, response_name, "they have differing arguments", node1, node2);
    }
    const struct gql_field *def1 = field_def(f1);
    const struct gql_field *def2 = field_def(f2);
    struct gql_type *type1 = def1 ? def1->type : NULL;
    struct gql_type *type2 = def2 ? def2->type : NULL;
    if (type1 && type2 && types_conflict(type1, type2))
        return new_conflict(a, response_name,
                            arena_printf(a, "they return conflicting types \"%s\" and \"%s\"",
                                         gql_type_str(a, type1), gql_type_str(a, type2)),
                            node1, node2);
    if (!node1->selection_set || !node2->selection_set) return NULL;
    struct gql_ptr_vec conflicts = { 0 };
    find_conflicts_between_sub_selection_sets(st, &conflicts, exclusive, gql_named_type(type1),
                                              node1->selection_set, gql_named_type(type2),
                                              node2->selection_set);
    return subfield_conflicts(a, &conflicts, response_name, node1, node2);
}

/* ---- comparing sets of fields ------------------------------------------------------------- */

/* (A) collectConflictsWithin(): every pair of fields of one response name. */
static void collect_conflicts_within(struct state *st, struct gql_ptr_vec *conflicts,
                                     const struct fields_and_fragments *r)
{
    struct arena *a = st->base.ctx->arena;
    for (size_t g = 0; g < r->field_map.count; g++) {
        const struct gql_ptr_vec *fields = r->field_map.entries[g].value;
        for (size_t i = 0; i < fields->count; i++) {
            for (size_t j = i + 1; j < fields->count; j++) {
                struct conflict *c = find_conflict(st, false, r->field_map.entries[g].key,
                                                   fields->items[i], fields->items[j]);
                if (c) gql_ptr_vec_push(a, conflicts, c);
            }
        }
    }
}

/* collectConflictsBetween(): each field of r1 against each of r2 with the same name. */
static void collect_conflicts_between(struct state *st, struct gql_ptr_vec *conflicts,
                                      bool exclusive, const struct fields_and_fragments *r1,
                                      const struct fields_and_fragments *r2)
{
    struct arena *a = st->base.ctx->arena;
    for (size_t g = 0; g < r1->field_map.count; g++) {
        struct str name = r1->field_map.entries[g].key;
        const struct gql_ptr_vec *fields1 = r1->field_map.entries[g].value;
        const struct gql_ptr_vec *fields2 = gql_map_get(&r2->field_map, name);
        if (!fields2) continue;
        for (size_t i = 0; i < fields1->count; i++) {
            for (size_t j = 0; j < fields2->count; j++) {
                struct conflict *c =
                        find_conflict(st, exclusive, name, fields1->items[i], fields2->items[j]);
                if (c) gql_ptr_vec_push(a, conflicts, c);
            }
        }
    }
}

/* JavaScript's a < b on two names (ASCII, so bytes order them). */
static bool name_less(struct str a, struct str b)
{
    size_t n = a.len < b.len ? a.len : b.len;
    int c = n ? memcmp(a.ptr, b.ptr, n) : 0;
    return c < 0 || (c == 0 && a.len < b.len);
}

/* PairSet: pairs of fragment names, in either order, with the exclusivity they were compared
 * under; a pair compared without exclusivity also counts as compared with it. */
static bool pair_has(struct state *st, struct str a, struct str b, bool exclusive)
{
    struct str lo = name_less(a, b) ? a : b;
    struct str hi = name_less(a, b) ? b : a;
    struct gql_map *inner = gql_map_get(&st->pairs, lo);
    struct gql_map_entry *e = inner ? gql_map_find(inner, hi) : NULL;
    if (!e) return false;
    return exclusive ? true : e->num == 1;
}

static void pair_add(struct state *st, struct str a, struct str b, bool exclusive)
{
    struct arena *ar = st->base.ctx->arena;
    struct str lo = name_less(a, b) ? a : b;
    struct str hi = name_less(a, b) ? b : a;
    struct gql_map_entry *e = gql_map_put(&st->pairs, lo, NULL);
    if (!e->value) {
        e->value = ARENA_NEW(ar, struct gql_map);
        gql_map_init(e->value, ar);
    }
    gql_map_put(e->value, hi, NULL)->num = exclusive ? 2 : 1;
}

/* (D, E) collectConflictsBetweenFieldsAndFragment(). */
static void collect_conflicts_between_fields_and_fragment(struct state *st,
                                                          struct gql_ptr_vec *conflicts,
                                                          bool exclusive,
                                                          const struct fields_and_fragments *r,
                                                          struct str fragment_name)
{
    const struct gql_fragment *f = gql_get_fragment(st->base.ctx, fragment_name);
    if (!f) return;
    const struct fields_and_fragments *r2 = fragment_fields(st, f);
    /* Do not compare a fragment's fields with themselves. */
    if (r == r2) return;
    collect_conflicts_between(st, conflicts, exclusive, r, r2);
    for (size_t i = 0; i < r2->fragment_names.count; i++) {
        struct str referenced = r2->fragment_names.entries[i].key;
        if (pair_has(st, referenced, fragment_name, exclusive)) continue;
        pair_add(st, referenced, fragment_name, exclusive);
        collect_conflicts_between_fields_and_fragment(st, conflicts, exclusive, r, referenced);
    }
}

/* (F, G) collectConflictsBetweenFragments(). */
static void collect_conflicts_between_fragments(struct state *st, struct gql_ptr_vec *conflicts,
                                                bool exclusive, struct str name1, struct str name2)
{
    if (str_eq(name1, name2)) return;
    if (pair_has(st, name1, name2, exclusive)) return;
    pair_add(st, name1, name2, exclusive);
    const struct gql_fragment *f1 = gql_get_fragment(st->base.ctx, name1);
    const struct gql_fragment *f2 = gql_get_fragment(st->base.ctx, name2);
    if (!f1 || !f2) return;
    const struct fields_and_fragments *r1 = fragment_fields(st, f1);
    const struct fields_and_fragments *r2 = fragment_fields(st, f2);
    collect_conflicts_between(st, conflicts, exclusive, r1, r2);
    for (size_t i = 0; i < r2->fragment_names.count; i++)
        collect_conflicts_between_fragments(st, conflicts, exclusive, name1,
                                            r2->fragment_names.entries[i].key);
    for (size_t i = 0; i < r1->fragment_names.count; i++)
        collect_conflicts_between_fragments(st, conflicts, exclusive,
                                            r1->fragment_names.entries[i].key, name2);
}

/* (H, I, J) findConflictsBetweenSubSelectionSets(). */
static void find_conflicts_between_sub_selection_sets(struct state *st,
                                                      struct gql_ptr_vec *conflicts, bool exclusive,
                                                      struct gql_type *parent_type1,
                                                      const struct gql_selection_set *set1,
                                                      struct gql_type *parent_type2,
                                                      const struct gql_selection_set *set2)
{
    const struct fields_and_fragments *r1 = fields_and_fragments(st, parent_type1, set1);
    const struct fields_and_fragments *r2 = fields_and_fragments(st, parent_type2, set2);
    collect_conflicts_between(st, conflicts, exclusive, r1, r2);
    for (size_t i = 0; i < r2->fragment_names.count; i++)
        collect_conflicts_between_fields_and_fragment(st, conflicts, exclusive, r1,
                                                      r2->fragment_names.entries[i].key);
    for (size_t i = 0; i < r1->fragment_names.count; i++)
        collect_conflicts_between_fields_and_fragment(st, conflicts, exclusive, r2,
                                                      r1->fragment_names.entries[i].key);
    for (size_t i = 0; i < r1->fragment_names.count; i++)
        for (size_t j = 0; j < r2->fragment_names.count; j++)
            collect_conflicts_between_fragments(st, conflicts, exclusive,
                                                r1->fragment_names.entries[i].key,
                                                r2->fragment_names.entries[j].key);
}

/* (A, B, C) findConflictsWithinSelectionSet(). */
static void find_conflicts_within_selection_set(struct state *st, struct gql_ptr_vec *conflicts,
                                                struct gql_type *parent_type,
                                                const struct gql_selection_set *set)
{
    const struct fields_and_fragments *r = fields_and_fragments(st, parent_type, set);
    collect_conflicts_within(st, conflicts, r);
    size_t n = r->fragment_names.count;
    for (size_t i = 0; i < n; i++) {
        collect_conflicts_between_fields_and_fragment(st, conflicts, false, r,
                                                      r->fragment_names.entries[i].key);
        for (size_t j = i + 1; j < n; j++)
            collect_conflicts_between_fragments(st, conflicts, false,
                                                r->fragment_names.entries[i].key,
                                                r->fragment_names.entries[j].key);
    }
}

static enum gql_visit_action enter_selection_set(void *data, const struct gql_node *node,
                                                 const struct gql_visit *walk)
{
    (void)walk;
    struct state *st = data;
    struct gql_validation_context *ctx = st->base.ctx;
    struct gql_ptr_vec conflicts = { 0 };
    find_conflicts_within_selection_set(st, &conflicts, gql_type_info_parent_type(ctx->type_info),
                                        (const struct gql_selection_set *)node);
    for (size_t i = 0; i < conflicts.count; i++) {
        const struct conflict *c = conflicts.items[i];
        size_t n = c->fields1.count + c->fields2.count;
        const struct gql_node **nodes = ARENA_ARRAY(ctx->arena, const struct gql_node *, n);
        for (size_t j = 0; j < c->fields1.count; j++)
            nodes[j] = c->fields1.items[j];
        for (size_t j = 0; j < c->fields2.count; j++)
            nodes[c->fields1.count + j] = c->fields2.items[j];
        const char *msg = arena_printf(
                ctx->arena,
                "Fields \"%.*s\" conflict because %s. Use different aliases on the fields to "
                "fetch both if this was intentional.",
                STR_FMT(c->response_name), c->reason);
        gql_report_nodes(ctx, msg, nodes, n);
    }
    return GQL_CONTINUE;
}

const struct gql_rule gql_rule_overlapping_fields_can_be_merged = {
    .name = "OverlappingFieldsCanBeMerged",
    .state_size = sizeof(struct state),
    .init = init,
    .visitor = { .enter = { [GQL_SELECTION_SET] = enter_selection_set } },
};
