/*
 * test_visitor.c: unit tests for src/graphql/language/visitor.c: the order in which nodes are
 * entered and left (compared with graphql-js visit() over the same documents, executable and
 * type-system), skipping and breaking for one visitor and for several in parallel, the hooks
 * TypeInfo uses, ancestors, stopping a walk from outside, walks over a sub-tree, and a tree a
 * million nodes deep (the walk keeps its stack in the arena, not on the C stack).
 */
#include "graphql/language/visitor.h"

#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "graphql/graphql.h"
#include "test.h"

/* Records every callback as "+Kind" or "-Kind", and can answer a chosen action at a kind. */
struct recorder {
    struct buf log;
    const char *tag;        /* prefix for each entry ("a:"), or "" */
    enum gql_kind act_kind; /* where to answer act (GQL_KIND_COUNT: nowhere) */
    enum gql_visit_action act;
    size_t act_after; /* answer only from the act_after-th node of that kind on */
    size_t seen;
    bool *stop; /* set at act_kind instead of answering, when not NULL */
};

static enum gql_visit_action record(struct recorder *r, char sign, const struct gql_node *node)
{
    if (r->log.len) buf_appendc(&r->log, ' ');
    buf_appendf(&r->log, "%s%c%s", r->tag, sign, gql_kind_name(node->kind));
    if (sign != '+' || node->kind != r->act_kind || r->seen++ < r->act_after) return GQL_CONTINUE;
    if (r->stop) {
        *r->stop = true;
        return GQL_CONTINUE;
    }
    return r->act;
}

static enum gql_visit_action on_enter(void *data, const struct gql_node *node,
                                      const struct gql_visit *walk)
{
    (void)walk;
    return record(data, '+', node);
}

static enum gql_visit_action on_leave(void *data, const struct gql_node *node,
                                      const struct gql_visit *walk)
{
    (void)walk;
    return record(data, '-', node);
}

static void every_kind(struct gql_visitor *v)
{
    memset(v, 0, sizeof(*v));
    for (int k = 0; k < GQL_KIND_COUNT; k++) {
        v->enter[k] = on_enter;
        v->leave[k] = on_leave;
    }
}

static struct gql_document *parse(struct arena *a, const char *text)
{
    struct gql_errors errs = { 0 };
    struct gql_document *doc = NULL;
    int rc = gql_parse(a, text, strlen(text), NULL, &doc, &errs);
    CU_ASSERT_EQUAL_FATAL(rc, WM_OK);
    return doc;
}

static void init_recorder(struct recorder *r, struct arena *a, const char *tag)
{
    memset(r, 0, sizeof(*r));
    buf_init(&r->log, a, 0);
    r->tag = tag;
    r->act_kind = GQL_KIND_COUNT;
}

static const char executable_doc[] =
        "query Q($a: [Int!]! = [1, 2] @d, $b: In = {x: {y: null}, z: ENUM}) @q {\n"
        "  f(a: $a, b: \"s\", c: 1.5, d: true) @skip(if: false) { g ...F @s }\n"
        "  ... on T @i { h }\n"
        "  ... { k }\n"
        "}\n"
        "fragment F on T @f { m(o: [{p: $a}]) }\n";

/* graphql-js visit() over executable_doc, without Name nodes (names are not nodes here) and
 * without the Variable node of a variable definition (its name, here). */
static const char executable_order[] =
        "+Document +OperationDefinition +VariableDefinition +NonNullType +ListType +NonNullType "
        "+NamedType -NamedType -NonNullType -ListType -NonNullType +ListValue +IntValue -IntValue "
        "+IntValue -IntValue -ListValue +Directive -Directive -VariableDefinition "
        "+VariableDefinition +NamedType -NamedType +ObjectValue +ObjectField +ObjectValue "
        "+ObjectField +NullValue -NullValue -ObjectField -ObjectValue -ObjectField +ObjectField "
        "+EnumValue -EnumValue -ObjectField -ObjectValue -VariableDefinition +Directive -Directive "
        "+SelectionSet +Field +Argument +Variable -Variable -Argument +Argument +StringValue "
        "-StringValue -Argument +Argument +FloatValue -FloatValue -Argument +Argument "
        "+BooleanValue "
        "-BooleanValue -Argument +Directive +Argument +BooleanValue -BooleanValue -Argument "
        "-Directive +SelectionSet +Field -Field +FragmentSpread +Directive -Directive "
        "-FragmentSpread -SelectionSet -Field +InlineFragment +NamedType -NamedType +Directive "
        "-Directive +SelectionSet +Field -Field -SelectionSet -InlineFragment +InlineFragment "
        "+SelectionSet +Field -Field -SelectionSet -InlineFragment -SelectionSet "
        "-OperationDefinition +FragmentDefinition +NamedType -NamedType +Directive -Directive "
        "+SelectionSet +Field +Argument +ListValue +ObjectValue +ObjectField +Variable -Variable "
        "-ObjectField -ObjectValue -ListValue -Argument -Field -SelectionSet -FragmentDefinition "
        "-Document";

static void test_an_executable_document_is_walked_in_graphql_js_order(void)
{
    struct arena *a = arena_new(0);
    struct gql_visitor v;
    every_kind(&v);
    struct recorder r;
    init_recorder(&r, a, "");
    enum gql_visit_action rc = gql_visit(a, &parse(a, executable_doc)->node, &v, &r, NULL);
    CU_ASSERT_EQUAL(rc, GQL_CONTINUE);
    CU_ASSERT_STRING_EQUAL(r.log.ptr, executable_order);
    arena_free(a);
}

static const char sdl_doc[] =
        "\"desc\" schema @a { query: Q }\n"
        "extend schema @b { mutation: M }\n"
        "\"s\" scalar S @c\n"
        "type T implements I & J @d { \"f\" f(\"x\" x: Int = 1 @e, y: [S!]): T! @g }\n"
        "interface I implements J { f: Int }\n"
        "union U @h = A | B\n"
        "enum E @i { \"v\" V @j W }\n"
        "input In @k { a: Int = 2 @l }\n"
        "directive @dir(\"a\" a: Int = 3) repeatable on FIELD | QUERY\n"
        "extend scalar S @m\n"
        "extend type T implements K @n { g: Int }\n"
        "extend interface I @o { h: Int }\n"
        "extend union U @p = C\n"
        "extend enum E @q { X }\n"
        "extend input In @r { b: Int }\n";

/* graphql-js visit() over sdl_doc, without Name nodes, descriptions (not visited by
 * validation) and a directive definition's locations (names). */
static const char sdl_order[] =
        "+Document +SchemaDefinition +Directive -Directive +OperationTypeDefinition +NamedType "
        "-NamedType -OperationTypeDefinition -SchemaDefinition +SchemaExtension +Directive "
        "-Directive +OperationTypeDefinition +NamedType -NamedType -OperationTypeDefinition "
        "-SchemaExtension +ScalarTypeDefinition +Directive -Directive -ScalarTypeDefinition "
        "+ObjectTypeDefinition +NamedType -NamedType +NamedType -NamedType +Directive -Directive "
        "+FieldDefinition +InputValueDefinition +NamedType -NamedType +IntValue -IntValue "
        "+Directive -Directive -InputValueDefinition +InputValueDefinition +ListType +NonNullType "
        "+NamedType -NamedType -NonNullType -ListType -InputValueDefinition +NonNullType "
        "+NamedType "
        "-NamedType -NonNullType +Directive -Directive -FieldDefinition -ObjectTypeDefinition "
        "+InterfaceTypeDefinition +NamedType -NamedType +FieldDefinition +NamedType -NamedType "
        "-FieldDefinition -InterfaceTypeDefinition +UnionTypeDefinition +Directive -Directive "
        "+NamedType -NamedType +NamedType -NamedType -UnionTypeDefinition +EnumTypeDefinition "
        "+Directive -Directive +EnumValueDefinition +Directive -Directive -EnumValueDefinition "
        "+EnumValueDefinition -EnumValueDefinition -EnumTypeDefinition +InputObjectTypeDefinition "
        "+Directive -Directive +InputValueDefinition +NamedType -NamedType +IntValue -IntValue "
        "+Directive -Directive -InputValueDefinition -InputObjectTypeDefinition "
        "+DirectiveDefinition +InputValueDefinition +NamedType -NamedType +IntValue -IntValue "
        "-InputValueDefinition -DirectiveDefinition +ScalarTypeExtension +Directive -Directive "
        "-ScalarTypeExtension +ObjectTypeExtension +NamedType -NamedType +Directive -Directive "
        "+FieldDefinition +NamedType -NamedType -FieldDefinition -ObjectTypeExtension "
        "+InterfaceTypeExtension +Directive -Directive +FieldDefinition +NamedType -NamedType "
        "-FieldDefinition -InterfaceTypeExtension +UnionTypeExtension +Directive -Directive "
        "+NamedType -NamedType -UnionTypeExtension +EnumTypeExtension +Directive -Directive "
        "+EnumValueDefinition -EnumValueDefinition -EnumTypeExtension +InputObjectTypeExtension "
        "+Directive -Directive +InputValueDefinition +NamedType -NamedType -InputValueDefinition "
        "-InputObjectTypeExtension -Document";

static void test_a_type_system_document_is_walked_in_graphql_js_order(void)
{
    struct arena *a = arena_new(0);
    struct gql_visitor v;
    every_kind(&v);
    struct recorder r;
    init_recorder(&r, a, "");
    gql_visit(a, &parse(a, sdl_doc)->node, &v, &r, NULL);
    CU_ASSERT_STRING_EQUAL(r.log.ptr, sdl_order);
    arena_free(a);
}

static void test_skip_leaves_out_the_children_and_the_leave_of_that_node(void)
{
    struct arena *a = arena_new(0);
    struct gql_visitor v;
    every_kind(&v);
    struct recorder r;
    init_recorder(&r, a, "");
    r.act_kind = GQL_FIELD;
    r.act = GQL_SKIP;
    gql_visit(a, &parse(a, "{ a { b } c }")->node, &v, &r, NULL);
    CU_ASSERT_STRING_EQUAL(r.log.ptr, "+Document +OperationDefinition +SelectionSet +Field +Field "
                                      "-SelectionSet -OperationDefinition -Document");
    arena_free(a);
}

static void test_break_ends_the_walk_at_once(void)
{
    struct arena *a = arena_new(0);
    struct gql_visitor v;
    every_kind(&v);
    struct recorder r;
    init_recorder(&r, a, "");
    r.act_kind = GQL_FIELD;
    r.act = GQL_BREAK;
    r.act_after = 1;
    enum gql_visit_action rc = gql_visit(a, &parse(a, "{ a { b } c }")->node, &v, &r, NULL);
    CU_ASSERT_EQUAL(rc, GQL_BREAK);
    CU_ASSERT_STRING_EQUAL(
            r.log.ptr, "+Document +OperationDefinition +SelectionSet +Field +SelectionSet +Field");
    arena_free(a);
}

static void test_break_from_a_leave_callback_ends_the_walk(void)
{
    struct arena *a = arena_new(0);
    struct gql_visitor v = { .leave = { [GQL_FIELD] = on_enter } };
    struct recorder r;
    init_recorder(&r, a, "");
    r.act_kind = GQL_FIELD;
    r.act = GQL_BREAK;
    r.act_after = 1;
    enum gql_visit_action rc = gql_visit(a, &parse(a, "{ a b c }")->node, &v, &r, NULL);
    CU_ASSERT_EQUAL(rc, GQL_BREAK);
    CU_ASSERT_STRING_EQUAL(r.log.ptr, "+Field +Field");
    arena_free(a);
}

static void test_parallel_visitors_skip_and_break_independently(void)
{
    struct arena *a = arena_new(0);
    struct gql_visitor v;
    every_kind(&v);
    struct recorder r1, r2, r3;
    init_recorder(&r1, a, "a");
    init_recorder(&r2, a, "b");
    init_recorder(&r3, a, "c");
    r1.act_kind = GQL_FIELD; /* a skips every field */
    r1.act = GQL_SKIP;
    r2.act_kind = GQL_FIELD; /* b breaks at the second field */
    r2.act = GQL_BREAK;
    r2.act_after = 1;
    struct gql_visit_slot slots[3] = { { &v, &r1 }, { &v, &r2 }, { &v, &r3 } };
    struct gql_document *doc = parse(a, "{ x { y } z }");
    gql_visit_parallel(a, &doc->node, slots, 3, NULL, NULL);
    CU_ASSERT_STRING_EQUAL(r1.log.ptr, "a+Document a+OperationDefinition a+SelectionSet a+Field "
                                       "a+Field a-SelectionSet a-OperationDefinition a-Document");
    CU_ASSERT_STRING_EQUAL(r2.log.ptr, "b+Document b+OperationDefinition b+SelectionSet b+Field "
                                       "b+SelectionSet b+Field");
    CU_ASSERT_STRING_EQUAL(r3.log.ptr, "c+Document c+OperationDefinition c+SelectionSet c+Field "
                                       "c+SelectionSet c+Field c-Field c-SelectionSet c-Field "
                                       "c+Field c-Field c-SelectionSet c-OperationDefinition "
                                       "c-Document");
    arena_free(a);
}

/* One log for several visitors and hooks, to see the order between them. */
struct shared_log {
    struct buf b;
};

struct tagged {
    struct shared_log *log;
    const char *tag;
};

static enum gql_visit_action tagged_enter(void *data, const struct gql_node *node,
                                          const struct gql_visit *walk)
{
    (void)walk;
    struct tagged *t = data;
    buf_appendf(&t->log->b, "%s+%s ", t->tag, gql_kind_name(node->kind));
    return node->kind == GQL_FIELD && strcmp(t->tag, "a") == 0 ? GQL_SKIP : GQL_CONTINUE;
}

static enum gql_visit_action tagged_leave(void *data, const struct gql_node *node,
                                          const struct gql_visit *walk)
{
    (void)walk;
    struct tagged *t = data;
    buf_appendf(&t->log->b, "%s-%s ", t->tag, gql_kind_name(node->kind));
    return GQL_CONTINUE;
}

static void hook_enter(void *data, const struct gql_node *node)
{
    struct tagged *t = data;
    buf_appendf(&t->log->b, "h+%s ", gql_kind_name(node->kind));
}

static void hook_leave(void *data, const struct gql_node *node)
{
    struct tagged *t = data;
    buf_appendf(&t->log->b, "h-%s ", gql_kind_name(node->kind));
}

static void test_hooks_run_before_every_enter_and_after_every_leave(void)
{
    struct arena *a = arena_new(0);
    struct shared_log log = { BUF_INIT(a) };
    struct tagged ta = { &log, "a" }, tb = { &log, "b" }, th = { &log, "h" };
    struct gql_visitor v = {
        .enter = { [GQL_FIELD] = tagged_enter, [GQL_SELECTION_SET] = tagged_enter },
        .leave = { [GQL_FIELD] = tagged_leave, [GQL_SELECTION_SET] = tagged_leave }
    };
    struct gql_visit_slot slots[2] = { { &v, &ta }, { &v, &tb } };
    struct gql_visit_hooks hooks = { hook_enter, hook_leave, &th };
    struct gql_document *doc = parse(a, "{ f { g } }");
    gql_visit_parallel(a, &doc->node, slots, 2, &hooks, NULL);
    CU_ASSERT_STRING_EQUAL(log.b.ptr,
                           "h+Document h+OperationDefinition h+SelectionSet a+SelectionSet "
                           "b+SelectionSet h+Field a+Field b+Field h+SelectionSet b+SelectionSet "
                           "h+Field b+Field b-Field h-Field b-SelectionSet h-SelectionSet b-Field "
                           "h-Field a-SelectionSet b-SelectionSet h-SelectionSet "
                           "h-OperationDefinition h-Document ");
    arena_free(a);
}

/* Records the ancestors' kinds of every field: "Field<SelectionSet<Field<...". */
static enum gql_visit_action ancestors_of_field(void *data, const struct gql_node *node,
                                                const struct gql_visit *walk)
{
    struct buf *b = data;
    buf_appendf(b, "%zu:", gql_visit_depth(walk));
    buf_appends(b, gql_kind_name(node->kind));
    for (size_t up = 0;; up++) {
        const struct gql_node *n = gql_visit_ancestor(walk, up);
        if (!n) break;
        buf_appendf(b, "<%s", gql_kind_name(n->kind));
    }
    buf_appendc(b, ' ');
    return GQL_CONTINUE;
}

static void test_ancestors_are_the_nodes_above_without_lists(void)
{
    struct arena *a = arena_new(0);
    struct buf b = BUF_INIT(a);
    struct gql_visitor v = {
        .enter = { [GQL_FIELD] = ancestors_of_field, [GQL_DIRECTIVE] = ancestors_of_field },
        .leave = { [GQL_ENUM_VALUE] = ancestors_of_field }
    };
    struct gql_document *doc = parse(a, "fragment F on T { ... on T { a @d(x: [E]) } }");
    gql_visit(a, &doc->node, &v, &b, NULL);
    CU_ASSERT_STRING_EQUAL(b.ptr, "5:Field<SelectionSet<InlineFragment<SelectionSet<"
                                  "FragmentDefinition<Document "
                                  "6:Directive<Field<SelectionSet<InlineFragment<SelectionSet<"
                                  "FragmentDefinition<Document "
                                  "9:EnumValue<ListValue<Argument<Directive<Field<SelectionSet<"
                                  "InlineFragment<SelectionSet<FragmentDefinition<Document ");
    /* The root has no ancestors. */
    b.len = 0;
    b.ptr[0] = '\0';
    struct gql_visitor root = { .enter = { [GQL_DOCUMENT] = ancestors_of_field } };
    gql_visit(a, &doc->node, &root, &b, NULL);
    CU_ASSERT_STRING_EQUAL(b.ptr, "0:Document ");
    arena_free(a);
}

static void test_a_stop_flag_ends_the_walk_for_every_visitor(void)
{
    struct arena *a = arena_new(0);
    struct gql_visitor v;
    every_kind(&v);
    bool stop = false;
    struct recorder r1, r2;
    init_recorder(&r1, a, "a");
    init_recorder(&r2, a, "b");
    r1.act_kind = GQL_FIELD;
    r1.act_after = 1;
    r1.stop = &stop;
    struct gql_visit_slot slots[2] = { { &v, &r1 }, { &v, &r2 } };
    struct gql_document *doc = parse(a, "{ x y z }");
    gql_visit_parallel(a, &doc->node, slots, 2, NULL, &stop);
    CU_ASSERT(stop);
    CU_ASSERT_STRING_EQUAL(r1.log.ptr, "a+Document a+OperationDefinition a+SelectionSet a+Field "
                                       "a-Field a+Field");
    /* b is not called once the flag is up, not even for the node that raised it. */
    CU_ASSERT_STRING_EQUAL(r2.log.ptr, "b+Document b+OperationDefinition b+SelectionSet b+Field "
                                       "b-Field");
    /* A walk that starts stopped does nothing. */
    init_recorder(&r2, a, "b");
    gql_visit_parallel(a, &doc->node, &slots[1], 1, NULL, &stop);
    CU_ASSERT_STRING_EQUAL(r2.log.ptr, "");
    arena_free(a);
}

static void test_a_walk_may_start_at_any_node(void)
{
    struct arena *a = arena_new(0);
    struct gql_visitor v;
    every_kind(&v);
    struct recorder r;
    init_recorder(&r, a, "");
    struct gql_document *doc = parse(a, "{ a } fragment F on T { b(x: 1) }");
    gql_visit(a, doc->definitions.items[1], &v, &r, NULL);
    CU_ASSERT_STRING_EQUAL(r.log.ptr, "+FragmentDefinition +NamedType -NamedType +SelectionSet "
                                      "+Field +Argument +IntValue -IntValue -Argument -Field "
                                      "-SelectionSet -FragmentDefinition");
    arena_free(a);
}

static void test_nothing_happens_without_a_root_or_visitors(void)
{
    struct arena *a = arena_new(0);
    struct gql_visitor v;
    every_kind(&v);
    struct recorder r;
    init_recorder(&r, a, "");
    CU_ASSERT_EQUAL(gql_visit(a, NULL, &v, &r, NULL), GQL_CONTINUE);
    gql_visit_parallel(a, NULL, NULL, 0, NULL, NULL);
    struct gql_document *doc = parse(a, "{ a }");
    gql_visit_parallel(a, &doc->node, NULL, 0, NULL, NULL);
    CU_ASSERT_STRING_EQUAL(r.log.ptr, "");
    arena_free(a);
}

static size_t entered;
static size_t left;
static size_t max_depth;

static enum gql_visit_action count_enter(void *data, const struct gql_node *node,
                                         const struct gql_visit *walk)
{
    (void)data;
    (void)node;
    entered++;
    if (gql_visit_depth(walk) > max_depth) max_depth = gql_visit_depth(walk);
    return GQL_CONTINUE;
}

static enum gql_visit_action count_leave(void *data, const struct gql_node *node,
                                         const struct gql_visit *walk)
{
    (void)data;
    (void)node;
    (void)walk;
    left++;
    return GQL_CONTINUE;
}

static void test_a_million_nested_lists_do_not_exhaust_the_c_stack(void)
{
    enum { DEPTH = 1000000 };
    struct arena *a = arena_new(0);
    /* [[[...[1]...]]] built by hand: no parser would accept this nesting. */
    struct gql_ast_value *leaf = ARENA_NEW(a, struct gql_ast_value);
    leaf->node.kind = GQL_INT_VALUE;
    leaf->str = STR("1");
    struct gql_ast_value *lists = ARENA_ARRAY(a, struct gql_ast_value, DEPTH);
    struct gql_ast_value **items = ARENA_ARRAY(a, struct gql_ast_value *, DEPTH);
    for (size_t i = 0; i < DEPTH; i++) {
        lists[i].node.kind = GQL_LIST_VALUE;
        items[i] = i + 1 < DEPTH ? &lists[i + 1] : leaf;
        lists[i].list.items = &items[i];
        lists[i].list.count = 1;
    }
    struct gql_visitor v = { 0 };
    for (int k = 0; k < GQL_KIND_COUNT; k++) {
        v.enter[k] = count_enter;
        v.leave[k] = count_leave;
    }
    entered = left = max_depth = 0;
    gql_visit(a, &lists[0].node, &v, NULL, NULL);
    CU_ASSERT_EQUAL(entered, DEPTH + 1);
    CU_ASSERT_EQUAL(left, DEPTH + 1);
    CU_ASSERT_EQUAL(max_depth, DEPTH);
    arena_free(a);
}

static CU_TestInfo tests[] = {
    { "an executable document is walked in graphql-js order",
      test_an_executable_document_is_walked_in_graphql_js_order },
    { "a type-system document is walked in graphql-js order",
      test_a_type_system_document_is_walked_in_graphql_js_order },
    { "skip leaves out the children and the leave of that node",
      test_skip_leaves_out_the_children_and_the_leave_of_that_node },
    { "break ends the walk at once", test_break_ends_the_walk_at_once },
    { "break from a leave callback ends the walk", test_break_from_a_leave_callback_ends_the_walk },
    { "parallel visitors skip and break independently",
      test_parallel_visitors_skip_and_break_independently },
    { "hooks run before every enter and after every leave",
      test_hooks_run_before_every_enter_and_after_every_leave },
    { "ancestors are the nodes above, without lists",
      test_ancestors_are_the_nodes_above_without_lists },
    { "a stop flag ends the walk for every visitor",
      test_a_stop_flag_ends_the_walk_for_every_visitor },
    { "a walk may start at any node", test_a_walk_may_start_at_any_node },
    { "nothing happens without a root or visitors",
      test_nothing_happens_without_a_root_or_visitors },
    { "a million nested lists do not exhaust the C stack",
      test_a_million_nested_lists_do_not_exhaust_the_c_stack },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_language_visitor, "graphql/language/visitor", NULL, NULL, tests);
