/*
 * test_storage.c: the parts of the media domain that need no server: the type from the
 * magic numbers (never the name), the storage key rule every backend relies on, and SigV4
 * query signing checked against the worked example of AWS's "Authenticating Requests: Using
 * Query Parameters (AWS Signature Version 4)" (a presigned GET of examplebucket/test.txt).
 */
#include "market/media/storage_int.h"

#include <string.h>

#include "core/arena.h"
#include "core/ctx.h"
#include "market/media/media.h"
#include "test.h"

static void type_comes_from_magic_numbers(void)
{
    CU_ASSERT_EQUAL(media_sniff("\xff\xd8\xff\xe0xxxx", 8), MEDIA_JPEG);
    CU_ASSERT_EQUAL(media_sniff("\x89PNG\r\n\x1a\nxxxx", 12), MEDIA_PNG);
    CU_ASSERT_EQUAL(media_sniff("RIFF\x24\0\0\0WEBPVP8 ", 16), MEDIA_WEBP);
    CU_ASSERT_EQUAL(media_sniff("GIF89a\x01\0", 8), MEDIA_GIF);
    CU_ASSERT_EQUAL(media_sniff("GIF87a", 6), MEDIA_GIF);
    CU_ASSERT_EQUAL(media_sniff("RIFF\x24\0\0\0WAVEfmt ", 16), MEDIA_UNKNOWN);
    CU_ASSERT_EQUAL(media_sniff("\x89PNG\r\n\x1a", 7), MEDIA_UNKNOWN); /* cut short */
    CU_ASSERT_EQUAL(media_sniff("\xff\xd8", 2), MEDIA_UNKNOWN);
    CU_ASSERT_EQUAL(media_sniff("<svg xmlns=", 11), MEDIA_UNKNOWN);
    CU_ASSERT_EQUAL(media_sniff("", 0), MEDIA_UNKNOWN);
    CU_ASSERT_STRING_EQUAL(media_type_mime(MEDIA_WEBP), "image/webp");
    CU_ASSERT_PTR_NULL(media_type_mime(MEDIA_UNKNOWN));
}

static void keys_stay_inside_the_store(void)
{
    CU_ASSERT_TRUE(storage_key_is_valid("2026/11/0123456789abcdef0123456789abcdef.jpg"));
    CU_ASSERT_TRUE(storage_key_is_valid("2026/11/0123456789abcdef0123456789abcdef_400.png"));
    CU_ASSERT_TRUE(storage_key_is_valid("2026/01/0123456789abcdef0123456789abcdef_1200.webp"));
    CU_ASSERT_FALSE(storage_key_is_valid("2026/11/0123456789abcdef0123456789abcdef.gif"));
    CU_ASSERT_FALSE(storage_key_is_valid("2026/11/0123456789ABCDEF0123456789abcdef.jpg"));
    CU_ASSERT_FALSE(storage_key_is_valid("2026/11/0123456789abcdef0123456789abcde.jpg"));
    CU_ASSERT_FALSE(storage_key_is_valid("2026/11/../3456789abcdef0123456789abcdef.jpg"));
    CU_ASSERT_FALSE(storage_key_is_valid("../../etc/passwd"));
    CU_ASSERT_FALSE(storage_key_is_valid("2026/11/0123456789abcdef0123456789abcdef_.jpg"));
    CU_ASSERT_FALSE(storage_key_is_valid("2026/11/0123456789abcdef0123456789abcdef.jpg/x"));
    CU_ASSERT_FALSE(storage_key_is_valid("/2026/11/0123456789abcdef0123456789abcdef.jpg"));
    CU_ASSERT_FALSE(storage_key_is_valid(""));
}

static void sigv4_query_signing_matches_the_aws_example(void)
{
    struct wm_ctx ctx = { .arena = arena_new(4096) };
    const char *names[] = { "host" };
    const char *values[] = { "examplebucket.s3.amazonaws.com" };
    char *q = storage_s3_presign_query(
            &ctx, "GET", "/test.txt", names, values, 1, "AKIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "us-east-1", "20130524T000000Z", 86400);
    CU_ASSERT_STRING_EQUAL(
            q, "X-Amz-Algorithm=AWS4-HMAC-SHA256"
               "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
               "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
               "&X-Amz-Signature="
               "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
    /* Another secret, another signature. */
    char *other = storage_s3_presign_query(&ctx, "GET", "/test.txt", names, values, 1,
                                           "AKIAIOSFODNN7EXAMPLE", "wrong", "us-east-1",
                                           "20130524T000000Z", 86400);
    CU_ASSERT_STRING_NOT_EQUAL(q, other);
    arena_free(ctx.arena);
}

static CU_TestInfo tests[] = {
    { "type comes from magic numbers", type_comes_from_magic_numbers },
    { "keys stay inside the store", keys_stay_inside_the_store },
    { "SigV4 query signing matches the AWS example", sigv4_query_signing_matches_the_aws_example },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(market_media_storage, "market/media/storage", NULL, NULL, tests);
