/*
 * fuzz_json_request.c: libFuzzer target for the JSON request decoding of the GraphQL surface:
 * arbitrary bytes through api_json_parse() (strict json-c) and api_json_to_value() (GraphQL
 * values in the arena), one arena reset per input. Build and run: make fuzz.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "api/api_int.h"
#include "core/arena.h"
#include "core/ctx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct arena *a;
    if (!a) a = arena_new(0);
    struct wm_ctx ctx = { .arena = a };
    char *text = arena_strndup(a, (const char *)data, size);
    struct json_object *j = NULL;
    if (api_json_parse(&ctx, text, size, 64, &j) == 0) {
        struct gql_value v;
        (void)api_json_to_value(&ctx, j, &v);
    }
    arena_reset(a);
    return 0;
}
