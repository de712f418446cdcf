/*
 * test_single_field_subscriptions.c: unit tests for
 * src/graphql/validation/rules/single_field_subscriptions.c: the cases of graphql-js's
 * __tests__/SingleFieldSubscriptionsRule-test.ts and more, each expecting exactly the errors
 * (messages and locations) graphql-js v16.8 reports for the same document against the same schema.
 */
#include "graphql/validation/rules.h"

#include "../harness.h"

static void test_a_subscription_with_one_field(void)
{
    expect_errors(&gql_rule_single_field_subscriptions,
                  "subscription ImportantEmails {\n"
                  "  importantEmails\n"
                  "}\n",
                  "");
}

static void test_a_subscription_with_one_field_through_a_fragment(void)
{
    expect_errors(&gql_rule_single_field_subscriptions,
                  "subscription sub {\n"
                  "  ...newMessageFields\n"
                  "}\n"
                  "fragment newMessageFields on SubscriptionRoot {\n"
                  "  newMessage { body sender }\n"
                  "}\n",
                  "");
}

static void test_a_subscription_with_one_field_through_fragments_and_aliases(void)
{
    expect_errors(&gql_rule_single_field_subscriptions,
                  "subscription sub {\n"
                  "  ...newMessageFields\n"
                  "  ... on SubscriptionRoot { newMessage { body } }\n"
                  "}\n"
                  "fragment newMessageFields on SubscriptionRoot {\n"
                  "  newMessage { body sender }\n"
                  "}\n",
                  "");
}

static void test_a_subscription_with_a_skipped_second_field(void)
{
    expect_errors(&gql_rule_single_field_subscriptions,
                  "subscription sub {\n"
                  "  importantEmails\n"
                  "  notImportantEmails @skip(if: true)\n"
                  "  spamEmails @include(if: false)\n"
                  "}\n",
                  "");
}

static void test_more_than_one_root_field(void)
{
    expect_errors(&gql_rule_single_field_subscriptions,
                  "subscription ImportantEmails {\n"
                  "  importantEmails\n"
                  "  notImportantEmails\n"
                  "}\n",
                  "Subscription \"ImportantEmails\" must select only one top level field. (3:3)\n");
}

static void test_more_than_one_root_field_including_typename(void)
{
    expect_errors(&gql_rule_single_field_subscriptions,
                  "subscription ImportantEmails {\n"
                  "  importantEmails\n"
                  "  __typename\n"
                  "}\n",
                  "Subscription \"ImportantEmails\" must select only one top level field. (3:3)\n"
                  "Subscription \"ImportantEmails\" must not select an introspection top level "
                  "field. (3:3)\n");
}

static void test_more_than_one_root_field_through_fragments(void)
{
    expect_errors(&gql_rule_single_field_subscriptions,
                  "subscription ImportantEmails {\n"
                  "  importantEmails\n"
                  "  ... { more: moreImportantEmails }\n"
                  "  ...NotImportantEmails\n"
                  "}\n"
                  "fragment NotImportantEmails on SubscriptionRoot {\n"
                  "  notImportantEmails\n"
                  "  deleted: deletedEmails\n"
                  "  ...SpamEmails\n"
                  "}\n"
                  "fragment SpamEmails on SubscriptionRoot {\n"
                  "  spamEmails\n"
                  "}\n",
                  "Subscription \"ImportantEmails\" must select only one top level field. (3:9, "
                  "7:3, 8:3, 12:3)\n");
}

static void test_more_than_one_root_field_in_an_anonymous_subscription(void)
{
    expect_errors(&gql_rule_single_field_subscriptions,
                  "subscription {\n"
                  "  importantEmails\n"
                  "  notImportantEmails\n"
                  "}\n",
                  "Anonymous Subscription must select only one top level field. (3:3)\n");
}

static void test_many_root_fields(void)
{
    expect_errors(
            &gql_rule_single_field_subscriptions,
            "subscription ImportantEmails {\n"
            "  importantEmails\n"
            "  notImportantEmails\n"
            "  spamEmails\n"
            "}\n",
            "Subscription \"ImportantEmails\" must select only one top level field. (3:3, 4:3)\n");
}

static void test_an_introspection_root_field(void)
{
    expect_errors(&gql_rule_single_field_subscriptions,
                  "subscription ImportantEmails {\n"
                  "  __typename\n"
                  "}\n",
                  "Subscription \"ImportantEmails\" must not select an introspection top level "
                  "field. (2:3)\n");
}

static void test_an_introspection_root_field_in_an_anonymous_subscription(void)
{
    expect_errors(
            &gql_rule_single_field_subscriptions,
            "subscription {\n"
            "  __typename\n"
            "}\n",
            "Anonymous Subscription must not select an introspection top level field. (2:3)\n");
}

static void test_fragments_on_other_types_do_not_count(void)
{
    expect_errors(&gql_rule_single_field_subscriptions,
                  "subscription sub {\n"
                  "  importantEmails\n"
                  "  ... on QueryRoot { dog { name } }\n"
                  "  ...Other\n"
                  "}\n"
                  "fragment Other on Dog { name }\n",
                  "");
}

static void test_a_spread_fragment_is_only_collected_once(void)
{
    expect_errors(&gql_rule_single_field_subscriptions,
                  "subscription sub {\n"
                  "  ...F\n"
                  "  ...F\n"
                  "}\n"
                  "fragment F on SubscriptionRoot { importantEmails }\n",
                  "");
}

static void test_an_unknown_fragment_is_ignored(void)
{
    expect_errors(&gql_rule_single_field_subscriptions,
                  "subscription sub {\n"
                  "  importantEmails\n"
                  "  ...Unknown\n"
                  "}\n",
                  "");
}

static void test_queries_and_mutations_are_not_checked(void)
{
    expect_errors(&gql_rule_single_field_subscriptions,
                  "query Q { dog { name } cat { name } }\n"
                  "mutation M { petDog { name } sitDog(command: SIT) }\n",
                  "");
}

static CU_TestInfo tests[] = {
    { "a subscription with one field", test_a_subscription_with_one_field },
    { "a subscription with one field through a fragment",
      test_a_subscription_with_one_field_through_a_fragment },
    { "a subscription with one field through fragments and aliases",
      test_a_subscription_with_one_field_through_fragments_and_aliases },
    { "a subscription with a skipped second field",
      test_a_subscription_with_a_skipped_second_field },
    { "more than one root field", test_more_than_one_root_field },
    { "more than one root field including __typename",
      test_more_than_one_root_field_including_typename },
    { "more than one root field through fragments",
      test_more_than_one_root_field_through_fragments },
    { "more than one root field in an anonymous subscription",
      test_more_than_one_root_field_in_an_anonymous_subscription },
    { "many root fields", test_many_root_fields },
    { "an introspection root field", test_an_introspection_root_field },
    { "an introspection root field in an anonymous subscription",
      test_an_introspection_root_field_in_an_anonymous_subscription },
    { "fragments on other types do not count", test_fragments_on_other_types_do_not_count },
    { "a spread fragment is only collected once", test_a_spread_fragment_is_only_collected_once },
    { "an unknown fragment is ignored", test_an_unknown_fragment_is_ignored },
    { "queries and mutations are not checked", test_queries_and_mutations_are_not_checked },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(graphql_validation_rules_single_field_subscriptions,
           "graphql/validation/rules/single_field_subscriptions", harness_init, harness_clean,
           tests);
