/*
 * test_compat.c: the known-client-document corrections (src/api/compat.c). The app's
 * SendMessage, in any formatting, validates after its correction against a schema that has
 * sendMessage; a document that differs by one token is left alone and stays invalid.
 */
#include "api/api_int.h"

#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "dynamic_schema.h"
#include "test.h"

static const char SDL[] =
        "type Query { ok: Boolean }\n"
        "type Mutation { sendMessage(conversationId: ID!, content: String!): SendMessagePayload }\n"
        "type SendMessagePayload { success: Boolean message: Message }\n"
        "type Message { id: ID content: String sender: User createdAt: String }\n"
        "type User { id: ID firstName: String lastName: String }\n";

/* The app's SendMessage as graphql_flutter's printer lays it out (other spacing and commas
 * than compat.c's copy, and a comment). */
static const char APP_TEXT[] =
        "# sent by the app\nmutation SendMessage($conversationId: ID!, $content: String!) { "
        "__typename sendMessage(conversationId: $conversationId, content: $content) { "
        "__typename message { __typename id, content, sender { __typename id firstName "
        "lastName } createdAt } success message } }";

static const char ONE_TOKEN_MORE[] =
        "mutation SendMessage($conversationId: ID!, $content: String!) { "
        "__typename sendMessage(conversationId: $conversationId, content: $content) { "
        "__typename message { __typename id content sender { __typename id firstName "
        "lastName } createdAt } success message extra } }";

static int resolve_null(struct gql_call *call, struct gql_value *out)
{
    (void)call;
    *out = gql_null();
    return WM_OK;
}

static int validate_text(struct arena *a, const struct gql_schema *s, const char *text, bool *fixed)
{
    struct gql_document *doc = NULL;
    struct gql_errors errs = { .max = 100 };
    CU_ASSERT_EQUAL_FATAL(gql_parse(a, text, strlen(text), NULL, &doc, &errs), WM_OK);
    if (gql_validate(a, s, doc, NULL, &errs) == WM_OK) {
        *fixed = false;
        return WM_OK;
    }
    *fixed = api_compat_fix(a, text, strlen(text), doc) != NULL;
    struct gql_errors again = { .max = 100 };
    return gql_validate(a, s, doc, NULL, &again);
}

static void the_apps_send_message_validates_after_its_correction(void)
{
    struct arena *a = arena_new(0);
    char err[256];
    struct gql_schema *s =
            dynamic_schema_build(a, SDL, sizeof(SDL) - 1, resolve_null, err, sizeof(err));
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    bool fixed = false;
    CU_ASSERT_EQUAL(validate_text(a, s, APP_TEXT, &fixed), WM_OK);
    CU_ASSERT_TRUE(fixed);
    CU_ASSERT_NOT_EQUAL(validate_text(a, s, ONE_TOKEN_MORE, &fixed), WM_OK);
    CU_ASSERT_FALSE(fixed);
    gql_schema_free(s);
    arena_free(a);
}

static void other_documents_are_never_corrected(void)
{
    struct arena *a = arena_new(0);
    static const char text[] = "{ a { b } a }";
    struct gql_document *doc = NULL;
    struct gql_errors errs = { .max = 100 };
    CU_ASSERT_EQUAL_FATAL(gql_parse(a, text, strlen(text), NULL, &doc, &errs), WM_OK);
    CU_ASSERT_PTR_NULL(api_compat_fix(a, text, strlen(text), doc));
    arena_free(a);
}

static CU_TestInfo tests[] = {
    { "the app's SendMessage validates after its correction",
      the_apps_send_message_validates_after_its_correction },
    { "other documents are never corrected", other_documents_are_never_corrected },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(api_compat, "api/compat", NULL, NULL, tests);
