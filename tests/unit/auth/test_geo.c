/*
 * test_geo.c: unit tests for src/auth/geo.c against Debian's geoip-database (installed by
 * make deps): private and loopback addresses of both families, well-known public addresses
 * whose country is stable (Google's and RIPE's DNS), and malformed input.
 */
#include "auth/geo.h"

#include <stddef.h>

#include "test.h"

static void expect(const char *ip, const char *want)
{
    const char *got = geo_location(ip);
    if (!want) {
        CU_ASSERT_PTR_NULL(got);
        return;
    }
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    CU_ASSERT_STRING_EQUAL(got, want);
}

static void test_private_addresses_are_the_local_network(void)
{
    expect("127.0.0.1", "Local network");
    expect("127.1.2.3", "Local network");
    expect("10.20.30.40", "Local network");
    expect("172.16.0.1", "Local network");
    expect("172.31.255.255", "Local network");
    expect("192.168.1.10", "Local network");
    expect("169.254.1.1", "Local network");
    expect("::1", "Local network");
    expect("fd12:3456::1", "Local network");
    expect("fe80::1", "Local network");
}

static void test_public_addresses_have_their_country(void)
{
    expect("8.8.8.8", "United States");
    expect("2001:4860:4860::8888", "United States");
    expect("193.0.6.139", "Netherlands");
    /* 172.32.x is public, not the 172.16/12 private block. */
    CU_ASSERT_PTR_NOT_NULL(geo_location("172.32.0.1"));
}

static void test_malformed_input_has_no_place(void)
{
    expect(NULL, NULL);
    expect("", NULL);
    expect("not an address", NULL);
    expect("999.1.1.1", NULL);
    expect("127.0.0.1; DROP TABLE", NULL);
}

static CU_TestInfo tests[] = {
    { "private addresses are the local network", test_private_addresses_are_the_local_network },
    { "public addresses have their country", test_public_addresses_have_their_country },
    { "malformed input has no place", test_malformed_input_has_no_place },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(auth_geo, "auth/geo", NULL, NULL, tests);
