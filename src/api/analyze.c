/*
 * analyze.c: static limits checked on a validated operation before it runs: selection depth,
 * aliases, and a cost estimate (each field 1; the subtree of a list field counts once per item
 * it may return: its first/last/limit/pageSize/perPage/pageCount argument when given, else
 * API_DEFAULT_LIST_SIZE). Fragments are expanded where they are spread. Also answers whether
 * the operation asks for introspection (__schema or __type).
 */
#include "api/api_int.h"

#include <string.h>

#include "core/buf.h"

#define API_DEFAULT_LIST_SIZE 10
#define API_COST_CAP          ((int64_t)1 << 40)

struct analysis_walk {
    const struct gql_schema *schema;
    const struct gql_document *doc;
    const struct gql_value *variables;
    struct api_analysis *out;
};

static const struct gql_fragment *find_fragment(const struct gql_document *doc, struct str name)
{
    for (size_t i = 0; i < doc->definitions.count; i++) {
        const struct gql_node *n = doc->definitions.items[i];
        if (n->kind == GQL_FRAGMENT_DEFINITION) {
            const struct gql_fragment *f = (const struct gql_fragment *)n;
            if (str_eq(f->name, name)) return f;
        }
    }
    return NULL;
}

static bool is_size_arg(struct str name)
{
    static const char *const names[] = { "first",    "last",    "limit",
                                         "pageSize", "perPage", "pageCount" };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (str_eq_cstr(name, names[i])) return true;
    return false;
}

/* How many items a list field may return, from its arguments. */
static int64_t list_size(const struct analysis_walk *w, const struct gql_selection *sel)
{
    for (size_t i = 0; i < sel->args.count; i++) {
        const struct gql_argument *a = sel->args.items[i];
        if (!is_size_arg(a->name)) continue;
        int64_t n = 0;
        if (a->value->node.kind == GQL_INT_VALUE && str_to_int64(a->value->str, &n))
            return n > 0 ? n : 0;
        if (a->value->node.kind == GQL_VARIABLE && w->variables) {
            char name[128];
            size_t len =
                    a->value->str.len < sizeof(name) - 1 ? a->value->str.len : sizeof(name) - 1;
            memcpy(name, a->value->str.ptr, len);
            name[len] = '\0';
            const struct gql_value *v = gql_object_get(w->variables, name);
            if (v && v->kind == GQL_V_INT) return v->u.i > 0 ? v->u.i : 0;
        }
    }
    return API_DEFAULT_LIST_SIZE;
}

static bool type_is_list(const struct gql_type *t)
{
    t = gql_nullable_type((struct gql_type *)t);
    return t && t->kind == GQL_TYPE_LIST;
}

/* Cost of a selection set on parent type, at depth (1 = the operation's root fields). */
static int64_t walk_set(struct analysis_walk *w, const struct gql_selection_set *set,
                        const struct gql_type *parent, size_t depth, size_t fragment_depth)
{
    int64_t cost = 0;
    if (!set) return 0;
    if (depth > w->out->depth) w->out->depth = depth;
    for (size_t i = 0; i < set->selections.count; i++) {
        const struct gql_selection *sel = set->selections.items[i];
        if (sel->node.kind == GQL_FIELD) {
            if (sel->alias.len) w->out->aliases++;
            if (str_eq_cstr(sel->name, "__schema") || str_eq_cstr(sel->name, "__type"))
                w->out->introspection = true;
            const struct gql_field *f =
                    parent ? gql_type_field(parent, sel->name.ptr, sel->name.len) : NULL;
            const struct gql_type *child = f ? gql_named_type(f->type) : NULL;
            int64_t sub = walk_set(w, sel->selection_set, child, depth + 1, fragment_depth);
            if (f && type_is_list(f->type)) sub *= list_size(w, sel);
            cost += 1 + sub;
        } else if (fragment_depth < 64) {
            const struct gql_selection_set *inner = sel->selection_set;
            const struct gql_type *cond = parent;
            const struct gql_type_ref *tc = sel->type_condition;
            if (sel->node.kind == GQL_FRAGMENT_SPREAD) {
                const struct gql_fragment *frag = find_fragment(w->doc, sel->name);
                inner = frag ? frag->selection_set : NULL;
                tc = frag ? frag->type_condition : NULL;
            }
            if (tc) cond = gql_schema_type(w->schema, tc->name.ptr, tc->name.len);
            cost += walk_set(w, inner, cond, depth, fragment_depth + 1);
        }
        if (cost > API_COST_CAP) cost = API_COST_CAP;
    }
    return cost;
}

void api_analyze(const struct gql_schema *s, const struct gql_document *doc,
                 const struct gql_operation *op, const struct gql_value *variables,
                 struct api_analysis *out)
{
    memset(out, 0, sizeof(*out));
    struct analysis_walk w = { s, doc, variables, out };
    const struct gql_type *root = op->operation == GQL_MUTATION       ? s->mutation
                                  : op->operation == GQL_SUBSCRIPTION ? s->subscription
                                                                      : s->query;
    out->cost = walk_set(&w, op->selection_set, root, 1, 0);
}

const struct gql_operation *api_find_operation(const struct gql_document *doc, const char *name)
{
    const struct gql_operation *found = NULL;
    for (size_t i = 0; i < doc->definitions.count; i++) {
        const struct gql_node *n = doc->definitions.items[i];
        if (n->kind != GQL_OPERATION_DEFINITION) continue;
        const struct gql_operation *op = (const struct gql_operation *)n;
        if (name) {
            if (str_eq_cstr(op->name, name)) return op;
        } else {
            if (found) return NULL; /* several and no name: the executor reports it */
            found = op;
        }
    }
    return found;
}
