/*
 * compat.c: known client documents that cannot pass validation as the client sends them, and
 * the narrow correction each one gets. This is the only place where the server accepts a
 * document the spec rejects, and it matches whole documents by their token fingerprint (any
 * formatting of exactly that document), never a pattern: every other document is validated as
 * written.
 *
 * SendMessage (the Flutter app, lib/services/graphql_service.dart): its sendMessage selection
 * asks for `message { id content sender {...} createdAt }` and for the leaf `message` in the
 * same selection set, which no schema can validate (ScalarLeafs fails either way). The fix
 * drops the leaf selection whose response key is also selected with subfields; the reply then
 * carries the Message object under "message", which satisfies both of the app's selections
 * (it only reads sendMessage.success). See client-contract README section 2.
 */
#include "api/api_int.h"

#include <string.h>

#include "core/arena.h"

/* The app's document as it goes over the wire (graphql_flutter adds __typename), and as it is
 * written in the Dart source; both fingerprints are recognized. */
static const char SEND_MESSAGE_WIRE[] =
        "mutation SendMessage($conversationId: ID!, $content: String!) {\n"
        "  __typename\n"
        "  sendMessage(conversationId: $conversationId, content: $content) {\n"
        "    __typename\n"
        "    message {\n"
        "      __typename\n"
        "      id\n"
        "      content\n"
        "      sender {\n"
        "        __typename\n"
        "        id\n"
        "        firstName\n"
        "        lastName\n"
        "      }\n"
        "      createdAt\n"
        "    }\n"
        "    success\n"
        "    message\n"
        "  }\n"
        "}\n";

static const char SEND_MESSAGE_SOURCE[] =
        "mutation SendMessage($conversationId: ID!, $content: String!) {\n"
        "  sendMessage(conversationId: $conversationId, content: $content) {\n"
        "    message {\n"
        "      id\n"
        "      content\n"
        "      sender {\n"
        "        id\n"
        "        firstName\n"
        "        lastName\n"
        "      }\n"
        "      createdAt\n"
        "    }\n"
        "    success\n"
        "    message\n"
        "  }\n"
        "}\n";

/* The response key of a field selection. */
static struct str response_key(const struct gql_selection *s)
{
    return s->alias.len ? s->alias : s->name;
}

/* In every selection set of set, drop a leaf field whose response key is also selected, in
 * the same set, by a field with subfields. */
static void drop_shadowed_leaves(struct gql_selection_set *set)
{
    if (!set) return;
    size_t keep = 0;
    for (size_t i = 0; i < set->selections.count; i++) {
        struct gql_selection *s = set->selections.items[i];
        bool shadowed = false;
        if (s->node.kind == GQL_FIELD && !s->selection_set) {
            for (size_t k = 0; k < set->selections.count && !shadowed; k++) {
                const struct gql_selection *o = set->selections.items[k];
                shadowed = o->node.kind == GQL_FIELD && o->selection_set &&
                           str_eq(response_key(o), response_key(s));
            }
        }
        drop_shadowed_leaves(s->selection_set);
        if (!shadowed) set->selections.items[keep++] = s;
    }
    set->selections.count = keep;
}

static void fix_send_message(struct gql_document *doc)
{
    for (size_t i = 0; i < doc->definitions.count; i++) {
        struct gql_node *n = doc->definitions.items[i];
        if (n->kind == GQL_OPERATION_DEFINITION)
            drop_shadowed_leaves(((struct gql_operation *)n)->selection_set);
    }
}

struct known_document {
    const char *name;
    const char *text;
    size_t len;
    void (*fix)(struct gql_document *doc);
};

/* clang-format off */
static const struct known_document known[] = {
    { "SendMessage (wire)",   SEND_MESSAGE_WIRE,   sizeof(SEND_MESSAGE_WIRE) - 1,   fix_send_message },
    { "SendMessage (source)", SEND_MESSAGE_SOURCE, sizeof(SEND_MESSAGE_SOURCE) - 1, fix_send_message },
};
/* clang-format on */

const char *api_compat_fix(struct arena *a, const char *text, size_t len, struct gql_document *doc)
{
    uint64_t fp;
    if (!gql_document_fingerprint(a, text, len, &fp)) return NULL;
    for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
        uint64_t k;
        if (gql_document_fingerprint(a, known[i].text, known[i].len, &k) && k == fp) {
            known[i].fix(doc);
            return known[i].name;
        }
    }
    return NULL;
}
