/*
 * test_device.c: unit tests for src/auth/device.c: real User-Agent strings of the browsers
 * and platforms people sign in from, the Flutter app's Dart client, tools, and empty or
 * hostile headers.
 */
#include "auth/device.h"

#include <string.h>

#include "test.h"

static void expect(const char *ua, const char *name, const char *type)
{
    struct device d;
    device_describe(ua, &d);
    CU_ASSERT_STRING_EQUAL(d.name, name);
    CU_ASSERT_STRING_EQUAL(d.type, type);
}

static void test_desktop_browsers(void)
{
    expect("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
           "Chrome/120.0.0.0 Safari/537.36",
           "Chrome on Windows", "desktop");
    expect("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
           "Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91",
           "Edge on Windows", "desktop");
    expect("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like "
           "Gecko) Version/17.2 Safari/605.1.15",
           "Safari on macOS", "desktop");
    expect("Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
           "Firefox on Linux", "desktop");
    expect("Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) "
           "Chrome/120.0.0.0 Safari/537.36",
           "Chrome on ChromeOS", "desktop");
    expect("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
           "Chrome/120.0.0.0 Safari/537.36 OPR/106.0.0.0",
           "Opera on Windows", "desktop");
}

static void test_phones_and_tablets(void)
{
    expect("Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, "
           "like Gecko) Version/17.2 Mobile/15E148 Safari/604.1",
           "Safari on iPhone", "mobile");
    expect("Mozilla/5.0 (iPad; CPU OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
           "Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1",
           "Chrome on iPad", "tablet");
    expect("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
           "Chrome/120.0.6099.144 Mobile Safari/537.36",
           "Chrome on Android", "mobile");
    expect("Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) "
           "SamsungBrowser/23.0 Chrome/115.0.0.0 Safari/537.36",
           "Samsung Internet on Android", "tablet");
}

static void test_the_app_and_tools(void)
{
    expect("Dart/3.2 (dart:io)", "Mobile app", "mobile");
    expect("curl/8.5.0", "curl", "web");
    expect("Wget/1.21.3", "Wget", "web");
}

static void test_missing_and_hostile_headers(void)
{
    expect(NULL, "Unknown device", "web");
    expect("", "Unknown device", "web");
    expect("\x01\x02 evil", "Unknown device", "web");
    expect("<script>alert(1)</script>", "<script>alert(1)<", "web");
    char longua[300];
    memset(longua, 'A', sizeof(longua) - 1);
    longua[sizeof(longua) - 1] = '\0';
    struct device d;
    device_describe(longua, &d);
    CU_ASSERT_EQUAL(strlen(d.name), DEVICE_NAME_MAX - 1);
}

static CU_TestInfo tests[] = {
    { "desktop browsers", test_desktop_browsers },
    { "phones and tablets", test_phones_and_tablets },
    { "the app and tools", test_the_app_and_tools },
    { "missing and hostile headers", test_missing_and_hostile_headers },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(auth_device, "auth/device", NULL, NULL, tests);
