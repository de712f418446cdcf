/*
 * fields_on_correct_type.c: every field selected is defined on the type it is selected on
 * (meta fields included). The error suggests, for an abstract type, the types that do define
 * the field (as inline fragments to use), most used first; otherwise field names close to the
 * one written.
 * Spec: 5.3.1 Field Selections.
 * Reference: graphql-js src/validation/rules/FieldsOnCorrectTypeRule.ts.
 */
#include "graphql/validation/rules.h"

#include <string.h>

#include "core/arena.h"
#include "graphql/validation/validate.h"

/* t (an object or interface type) lists iface among the interfaces it implements. */
static bool implements(const struct gql_type *t, const struct gql_type *iface)
{
    for (size_t i = 0; i < t->ninterfaces; i++)
        if (t->interfaces[i] == iface) return true;
    return false;
}

struct suggested {
    struct gql_type *type;
    size_t uses;
};

/* The sort order of getSuggestedTypeNames(): most uses first, super types before their
 * subtypes, then by name. */
static int compare(const struct suggested *a, const struct suggested *b)
{
    if (a->uses != b->uses) return a->uses > b->uses ? -1 : 1;
    if (a->type->kind == GQL_TYPE_INTERFACE && implements(b->type, a->type)) return -1;
    if (b->type->kind == GQL_TYPE_INTERFACE && implements(a->type, b->type)) return 1;
    return gql_natural_compare(a->type->name, strlen(a->type->name), b->type->name,
                               strlen(b->type->name));
}

/* getSuggestedTypeNames(): for an abstract type, the possible types and their interfaces that
 * define the field. Returns the count; *out is an arena array of names. */
static size_t suggested_type_names(struct arena *a, const struct gql_type *type, struct str field,
                                   const char ***out)
{
    *out = NULL;
    if (type->kind != GQL_TYPE_INTERFACE && type->kind != GQL_TYPE_UNION) return 0;
    struct gql_map found; /* type -> struct suggested *, in discovery order */
    gql_map_init(&found, a);
    for (size_t i = 0; i < type->npossible_types; i++) {
        struct gql_type *possible = type->possible_types[i];
        if (!gql_type_field(possible, field.ptr, field.len)) continue;
        bool added;
        struct gql_map_entry *e = gql_map_put_ptr(&found, possible, &added);
        if (added) e->value = ARENA_NEW(a, struct suggested);
        ((struct suggested *)e->value)->type = possible;
        ((struct suggested *)e->value)->uses = 1;
        for (size_t j = 0; j < possible->ninterfaces; j++) {
            struct gql_type *iface = possible->interfaces[j];
            if (!gql_type_field(iface, field.ptr, field.len)) continue;
            e = gql_map_put_ptr(&found, iface, &added);
            if (added) e->value = ARENA_NEW(a, struct suggested);
            ((struct suggested *)e->value)->type = iface;
            ((struct suggested *)e->value)->uses++;
        }
    }
    struct suggested **sorted = ARENA_ARRAY(a, struct suggested *, found.count + 1);
    for (size_t i = 0; i < found.count; i++) {
        /* Insertion sort: stable, as JavaScript's sort. */
        struct suggested *s = found.entries[i].value;
        size_t k = i;
        while (k > 0 && compare(sorted[k - 1], s) > 0) {
            sorted[k] = sorted[k - 1];
            k--;
        }
        sorted[k] = s;
    }
    const char **names = ARENA_ARRAY(a, const char *, found.count + 1);
    for (size_t i = 0; i < found.count; i++)
        names[i] = sorted[i]->type->name;
    *out = names;
    return found.count;
}

/* getSuggestedFieldNames(): fields of an object or interface type close to field. */
static size_t suggested_field_names(struct arena *a, const struct gql_type *type, struct str field,
                                    const char ***out)
{
    *out = NULL;
    if (type->kind != GQL_TYPE_OBJECT && type->kind != GQL_TYPE_INTERFACE) return 0;
    const char **names = ARENA_ARRAY(a, const char *, type->nfields + 1);
    for (size_t i = 0; i < type->nfields; i++)
        names[i] = type->fields[i].name;
    return gql_suggestion_list(a, field, names, type->nfields, out);
}

static enum gql_visit_action enter_field(void *data, const struct gql_node *node,
                                         const struct gql_visit *walk)
{
    (void)walk;
    struct gql_validation_context *ctx = ((struct gql_rule_base *)data)->ctx;
    struct gql_type *type = gql_type_info_parent_type(ctx->type_info);
    if (!type || gql_type_info_field_def(ctx->type_info)) return GQL_CONTINUE;
    struct str name = ((const struct gql_selection *)node)->name;
    const char **names;
    size_t n = suggested_type_names(ctx->arena, type, name, &names);
    const char *suggestion =
            gql_did_you_mean_names(ctx->arena, "to use an inline fragment on", names, n);
    if (n == 0) {
        n = suggested_field_names(ctx->arena, type, name, &names);
        suggestion = gql_did_you_mean_names(ctx->arena, NULL, names, n);
    }
    gql_report_at(ctx, node, "Cannot query field \"%.*s\" on type \"%s\".%s", STR_FMT(name),
                  type->name, suggestion);
    return GQL_CONTINUE;
}

const struct gql_rule gql_rule_fields_on_correct_type = {
    .name = "FieldsOnCorrectType",
    .state_size = sizeof(struct gql_rule_base),
    .visitor = { .enter = { [GQL_FIELD] = enter_field } },
};
