/*
 * test_hash.c: FNV-1a 64 (src/core/hash.h) against the published test vectors.
 */
#include "core/hash.h"

#include "test.h"

static void the_published_vectors_match(void)
{
    CU_ASSERT_EQUAL(hash_fnv1a("", 0), UINT64_C(0xcbf29ce484222325));
    CU_ASSERT_EQUAL(hash_fnv1a("a", 1), UINT64_C(0xaf63dc4c8601ec8c));
    CU_ASSERT_EQUAL(hash_fnv1a("foobar", 6), UINT64_C(0x85944171f73967e8));
}

static void hashing_in_pieces_equals_hashing_at_once(void)
{
    uint64_t h = hash_fnv1a_more(HASH_FNV1A_INIT, "foo", 3);
    CU_ASSERT_EQUAL(hash_fnv1a_more(h, "bar", 3), hash_fnv1a("foobar", 6));
}

static CU_TestInfo tests[] = {
    { "the published vectors match", the_published_vectors_match },
    { "hashing in pieces equals hashing at once", hashing_in_pieces_equals_hashing_at_once },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(core_hash, "core/hash", NULL, NULL, tests);
