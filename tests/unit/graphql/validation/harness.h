/*
 * harness.h: what the validation tests share, as graphql-js's validation/__tests__/harness.ts:
 * a test schema (pets, humans and aliens, arguments of every kind, a few directives) written in
 * SDL and built with the real gql_schema_build, root rows and dynamic field maps derived from
 * the SDL itself so that a test may bring its own schema; and expect_errors(), which validates
 * a document with chosen rules and compares the errors, one "message (line:col, ...)" line each,
 * with what graphql-js v16 reports for the same document. Included by each test file: every
 * function is static (and marked unused, since no file uses all of them).
 */
#ifndef WM_TESTS_GRAPHQL_VALIDATION_HARNESS_H
#define WM_TESTS_GRAPHQL_VALIDATION_HARNESS_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "graphql/graphql.h"
#include "graphql/validation/rules.h"
#include "graphql/validation/validate.h"
#include "test.h"

#define HARNESS_UNUSED __attribute__((unused))

/*
 * The shared test schema: graphql-js's harness schema (Mammal, Pet, Canine, Dog, Cat, Human,
 * ComplicatedArgs ...) with the older harness's Being, Intelligent, Alien and the unions of
 * those, a mutation and a subscription root, and directives for every location.
 */
static const char harness_sdl[] HARNESS_UNUSED =
        "interface Mammal { mother: Mammal father: Mammal }\n"
        "interface Being { name(surname: Boolean): String }\n"
        "interface Pet implements Being { name(surname: Boolean): String }\n"
        "interface Canine implements Mammal & Being {\n"
        "  name(surname: Boolean): String mother: Canine father: Canine\n"
        "}\n"
        "interface Intelligent { iq: Int }\n"
        "enum DogCommand { SIT HEEL DOWN }\n"
        "type Dog implements Being & Pet & Mammal & Canine {\n"
        "  name(surname: Boolean): String\n"
        "  nickname: String\n"
        "  barkVolume: Int\n"
        "  barks: Boolean\n"
        "  doesKnowCommand(dogCommand: DogCommand): Boolean\n"
        "  isHouseTrained(atOtherHomes: Boolean = true): Boolean\n"
        "  isAtLocation(x: Int, y: Int): Boolean\n"
        "  mother: Dog\n"
        "  father: Dog\n"
        "}\n"
        "type Cat implements Being & Pet {\n"
        "  name(surname: Boolean): String\n"
        "  nickname: String\n"
        "  meows: Boolean\n"
        "  meowsVolume: Int\n"
        "  furColor: FurColor\n"
        "}\n"
        "union CatOrDog = Cat | Dog\n"
        "type Human implements Being & Intelligent {\n"
        "  name(surname: Boolean): String\n"
        "  pets: [Pet]\n"
        "  relatives: [Human]!\n"
        "  iq: Int\n"
        "}\n"
        "type Alien implements Being & Intelligent {\n"
        "  name(surname: Boolean): String\n"
        "  numEyes: Int\n"
        "  iq: Int\n"
        "}\n"
        "union DogOrHuman = Dog | Human\n"
        "union HumanOrAlien = Human | Alien\n"
        "enum FurColor { BROWN BLACK TAN SPOTTED NO_FUR UNKNOWN }\n"
        "input ComplexInput {\n"
        "  requiredField: Boolean!\n"
        "  nonNullField: Boolean! = false\n"
        "  intField: Int\n"
        "  stringField: String\n"
        "  booleanField: Boolean\n"
        "  stringListField: [String]\n"
        "}\n"
        "type ComplicatedArgs {\n"
        "  intArgField(intArg: Int): String\n"
        "  nonNullIntArgField(nonNullIntArg: Int!): String\n"
        "  stringArgField(stringArg: String): String\n"
        "  booleanArgField(booleanArg: Boolean): String\n"
        "  enumArgField(enumArg: FurColor): String\n"
        "  floatArgField(floatArg: Float): String\n"
        "  idArgField(idArg: ID): String\n"
        "  stringListArgField(stringListArg: [String]): String\n"
        "  stringListNonNullArgField(stringListNonNullArg: [String!]): String\n"
        "  complexArgField(complexArg: ComplexInput): String\n"
        "  multipleReqs(req1: Int!, req2: Int!): String\n"
        "  nonNullFieldWithDefault(arg: Int! = 0): String\n"
        "  multipleOpts(opt1: Int = 0, opt2: Int = 0): String\n"
        "  multipleOptAndReq(req1: Int!, req2: Int!, opt1: Int = 0, opt2: Int = 0): String\n"
        "}\n"
        "type QueryRoot {\n"
        "  human(id: ID): Human\n"
        "  alien: Alien\n"
        "  dog: Dog\n"
        "  cat: Cat\n"
        "  pet: Pet\n"
        "  catOrDog: CatOrDog\n"
        "  dogOrHuman: DogOrHuman\n"
        "  humanOrAlien: HumanOrAlien\n"
        "  complicatedArgs: ComplicatedArgs\n"
        "}\n"
        "type MutationRoot { petDog(name: String): Dog sitDog(command: DogCommand!): Boolean }\n"
        "type SubscriptionRoot {\n"
        "  importantEmails: [String]\n"
        "  notImportantEmails: [String]\n"
        "  moreImportantEmails: [String]\n"
        "  spamEmails: [String]\n"
        "  deletedEmails: [String]\n"
        "  newMessage: Message\n"
        "}\n"
        "type Message { body: String sender: String }\n"
        "schema { query: QueryRoot mutation: MutationRoot subscription: SubscriptionRoot }\n"
        "directive @onField on FIELD\n"
        "directive @onQuery on QUERY\n"
        "directive @onMutation on MUTATION\n"
        "directive @onSubscription on SUBSCRIPTION\n"
        "directive @onFragmentDefinition on FRAGMENT_DEFINITION\n"
        "directive @onFragmentSpread on FRAGMENT_SPREAD\n"
        "directive @onInlineFragment on INLINE_FRAGMENT\n"
        "directive @onVariableDefinition on VARIABLE_DEFINITION\n"
        "directive @repeatable repeatable on FIELD | FRAGMENT_SPREAD\n"
        "directive @withArgs(req: Int!, opt: String = \"x\") on FIELD\n";

/* Every root field resolves to null: validation never calls it. */
static HARNESS_UNUSED int harness_resolve(struct gql_call *call, struct gql_value *out)
{
    (void)call;
    *out = gql_null();
    return WM_OK;
}

/* The root type names of an SDL document: its schema definition's, or the default names. */
static HARNESS_UNUSED void harness_roots(const struct gql_document *doc, struct str names[3])
{
    names[0] = STR("Query");
    names[1] = STR("Mutation");
    names[2] = STR("Subscription");
    for (size_t i = 0; i < doc->definitions.count; i++) {
        const struct gql_node *def = doc->definitions.items[i];
        if (def->kind != GQL_SCHEMA_DEFINITION) continue;
        const struct gql_schema_def *sd = (const struct gql_schema_def *)def;
        names[0] = names[1] = names[2] = STR_NULL;
        for (size_t j = 0; j < sd->operation_types.count; j++)
            names[sd->operation_types.items[j]->operation] =
                    sd->operation_types.items[j]->type->name;
    }
}

/*
 * Build a schema from sdl with a root row for every field of the root types and a dynamic field
 * map for every other object type (both read from the SDL). NULL, after printing the reason,
 * when the SDL does not build (callable from a suite's init, outside any test).
 */
static HARNESS_UNUSED struct gql_schema *harness_schema(const char *sdl)
{
    struct arena *a = arena_new(0);
    struct gql_errors errs = { 0 };
    struct gql_document *doc = NULL;
    if (gql_parse(a, sdl, strlen(sdl), NULL, &doc, &errs) != WM_OK) {
        fprintf(stderr, "\nharness schema: %s\n", errs.items[0].message);
        arena_free(a);
        return NULL;
    }
    struct str roots[3];
    harness_roots(doc, roots);
    size_t cap = 0;
    for (size_t i = 0; i < doc->definitions.count; i++)
        if (doc->definitions.items[i]->kind == GQL_OBJECT_TYPE_DEFINITION)
            cap += 1 + ((const struct gql_type_def *)doc->definitions.items[i])->fields.count;
    struct gql_root_field *rows = ARENA_ARRAY(a, struct gql_root_field, cap + 1);
    struct gql_type_map *maps = ARENA_ARRAY(a, struct gql_type_map, cap + 1);
    size_t nrows = 0;
    size_t nmaps = 0;
    for (size_t i = 0; i < doc->definitions.count; i++) {
        const struct gql_node *def = doc->definitions.items[i];
        if (def->kind != GQL_OBJECT_TYPE_DEFINITION) continue;
        const struct gql_type_def *t = (const struct gql_type_def *)def;
        bool is_root =
                str_eq(t->name, roots[0]) || str_eq(t->name, roots[1]) || str_eq(t->name, roots[2]);
        if (!is_root) {
            maps[nmaps++] = (struct gql_type_map){ str_dup(a, t->name), NULL };
            continue;
        }
        for (size_t j = 0; j < t->fields.count; j++)
            rows[nrows++] = (struct gql_root_field){ str_dup(a, t->name),
                                                     str_dup(a, t->fields.items[j]->name),
                                                     harness_resolve, 0 };
    }
    struct gql_schema *s = NULL;
    char err[512] = "";
    int rc = gql_schema_build(&s, sdl, strlen(sdl), rows, nrows, maps, nmaps, err, sizeof err);
    if (rc != WM_OK) fprintf(stderr, "\nharness schema: %s\n", err);
    arena_free(a);
    return rc == WM_OK ? s : NULL;
}

/* The errors as text: one line per error, "message (line:col, line:col)". Arena string. */
static HARNESS_UNUSED const char *harness_errors_text(struct arena *a,
                                                      const struct gql_errors *errs)
{
    struct buf b = BUF_INIT(a);
    for (size_t i = 0; i < errs->count; i++) {
        const struct gql_error *e = &errs->items[i];
        buf_appends(&b, e->message);
        if (e->nlocations) {
            buf_appends(&b, " (");
            for (size_t j = 0; j < e->nlocations; j++)
                buf_appendf(&b, "%s%u:%u", j ? ", " : "", (unsigned)e->locations[j].line,
                            (unsigned)e->locations[j].column);
            buf_appendc(&b, ')');
        }
        buf_appendc(&b, '\n');
    }
    return b.ptr;
}

/* Record a check at the caller's file and line with a formatted message. */
static HARNESS_UNUSED void harness_check(bool ok, const char *file, int line, const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));

static void harness_check(bool ok, const char *file, int line, const char *fmt, ...)
{
    char msg[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (!ok) fprintf(stderr, "\n%s:%d: %s\n", file, line, msg);
    CU_assertImplementation(ok ? CU_TRUE : CU_FALSE, (unsigned)line, msg, file, "", CU_FALSE);
}

/*
 * Validate query against schema s with the nrules rules (all specified rules when rules is
 * NULL) and max_errors (0: the default), and check the errors are exactly want: one line per
 * error as harness_errors_text() writes them ("" for a valid document). Also checks that the
 * return code agrees and that the error codes are GRAPHQL_VALIDATION_FAILED.
 */
static HARNESS_UNUSED void harness_expect_with(const char *file, int line,
                                               const struct gql_schema *s,
                                               const struct gql_rule *const *rules, size_t nrules,
                                               size_t max_errors, const char *query,
                                               const char *want)
{
    struct arena *a = arena_new(0);
    struct gql_errors errs = { 0 };
    struct gql_document *doc = NULL;
    if (gql_parse(a, query, strlen(query), NULL, &doc, &errs) != WM_OK) {
        harness_check(false, file, line, "cannot parse: %s", errs.items[0].message);
        arena_free(a);
        return;
    }
    struct gql_limits lim = { 0, 0, max_errors };
    int rc = rules ? gql_validate_rules(a, s, doc, &lim, &errs, rules, nrules)
                   : gql_validate(a, s, doc, &lim, &errs);
    const char *got = harness_errors_text(a, &errs);
    harness_check(strcmp(got, want) == 0, file, line, "for\n%s\ngot:\n%swant:\n%s", query, got,
                  want);
    harness_check(rc == (errs.count ? WM_EINVAL : WM_OK), file, line,
                  "return code %d with %zu errors", rc, errs.count);
    for (size_t i = 0; i < errs.count; i++)
        harness_check(errs.items[i].code && strcmp(errs.items[i].code, GQL_CODE_VALIDATION) == 0,
                      file, line, "error %zu has code %s", i,
                      errs.items[i].code ? errs.items[i].code : "(none)");
    arena_free(a);
}

/* The test schema, built once per suite (see harness_init / harness_clean). */
static HARNESS_UNUSED struct gql_schema *harness_test_schema;

static HARNESS_UNUSED int harness_init(void)
{
    harness_test_schema = harness_schema(harness_sdl);
    return harness_test_schema ? 0 : -1;
}

static HARNESS_UNUSED int harness_clean(void)
{
    gql_schema_free(harness_test_schema);
    harness_test_schema = NULL;
    return 0;
}

/* One rule against the test schema: expect_errors(&gql_rule_x, query, want). */
#define expect_errors(rule, query, want)                                                       \
    do {                                                                                       \
        const struct gql_rule *const one_rule_[1] = { (rule) };                                \
        harness_expect_with(__FILE__, __LINE__, harness_test_schema, one_rule_, 1, 0, (query), \
                            (want));                                                           \
    } while (0)

/* One rule against another schema. */
#define expect_errors_with_schema(schema, rule, query, want)                                 \
    do {                                                                                     \
        const struct gql_rule *const one_rule_[1] = { (rule) };                              \
        harness_expect_with(__FILE__, __LINE__, (schema), one_rule_, 1, 0, (query), (want)); \
    } while (0)

/* The document is valid under the rule. */
#define expect_valid(rule, query) expect_errors((rule), (query), "")

/* Every specified rule against the test schema, with an error limit (0: the default). */
#define expect_all_errors(max_errors, query, want)                                               \
    harness_expect_with(__FILE__, __LINE__, harness_test_schema, NULL, 0, (max_errors), (query), \
                        (want))

#endif
