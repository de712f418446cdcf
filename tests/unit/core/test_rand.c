/*
 * test_rand.c: random bytes and hex (src/core/rand.c).
 */
#include "core/rand.h"

#include <string.h>

#include "test.h"

static void bytes_fill_the_whole_buffer(void)
{
    /* 64 KiB of zeros: the chance that a filled buffer still holds 4 KiB of zeros in a row is
     * nil, so a short fill shows. */
    static unsigned char buf[65536];
    memset(buf, 0, sizeof(buf));
    CU_ASSERT_EQUAL(rand_bytes(buf, sizeof(buf)), 0);
    static const unsigned char zeros[4096];
    CU_ASSERT_NOT_EQUAL(memcmp(buf + sizeof(buf) - sizeof(zeros), zeros, sizeof(zeros)), 0);
    CU_ASSERT_EQUAL(rand_bytes(buf, 0), 0);
}

static void hex_is_lowercase_terminated_and_fresh(void)
{
    char a[65];
    char b[65];
    memset(a, 'X', sizeof(a));
    CU_ASSERT_EQUAL(rand_hex(a, 32), 0);
    CU_ASSERT_EQUAL(strlen(a), 64);
    CU_ASSERT_EQUAL(strspn(a, "0123456789abcdef"), 64);
    CU_ASSERT_EQUAL(rand_hex(b, 32), 0);
    CU_ASSERT_STRING_NOT_EQUAL(a, b);
    char one[3];
    CU_ASSERT_EQUAL(rand_hex(one, 1), 0);
    CU_ASSERT_EQUAL(strlen(one), 2);
}

static CU_TestInfo tests[] = {
    { "bytes fill the whole buffer", bytes_fill_the_whole_buffer },
    { "hex is lowercase, terminated and fresh", hex_is_lowercase_terminated_and_fresh },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(core_rand, "core/rand", NULL, NULL, tests);
