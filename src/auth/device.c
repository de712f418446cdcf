/*
 * device.c: User-Agent to device name and type (device.h). The rules are ordered the way
 * browsers build their User-Agent strings: every Chromium browser also says "Chrome" and
 * "Safari", Chrome also says "Safari", and an iPad may claim to be a Mac.
 */
#include "auth/device.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static bool has(const char *ua, const char *word)
{
    return strstr(ua, word) != NULL;
}

/* The browser of a browser User-Agent, or NULL when none is recognised. */
static const char *browser_of(const char *ua)
{
    if (has(ua, "Edg/") || has(ua, "Edge/") || has(ua, "EdgA/") || has(ua, "EdgiOS/"))
        return "Edge";
    if (has(ua, "OPR/") || has(ua, "Opera")) return "Opera";
    if (has(ua, "SamsungBrowser/")) return "Samsung Internet";
    if (has(ua, "Firefox/") || has(ua, "FxiOS/")) return "Firefox";
    if (has(ua, "Chrome/") || has(ua, "CriOS/") || has(ua, "Chromium/")) return "Chrome";
    if (has(ua, "Safari/") && has(ua, "Version/")) return "Safari";
    return NULL;
}

/* The platform and the device type that goes with it, or NULL when none is recognised. */
static const char *platform_of(const char *ua, const char **type)
{
    if (has(ua, "iPad")) {
        *type = "tablet";
        return "iPad";
    }
    if (has(ua, "iPhone") || has(ua, "iPod")) {
        *type = "mobile";
        return "iPhone";
    }
    if (has(ua, "Android")) {
        /* Android phones say "Mobile"; tablets do not. */
        *type = has(ua, "Mobile") ? "mobile" : "tablet";
        return "Android";
    }
    *type = "desktop";
    if (has(ua, "Windows")) return "Windows";
    if (has(ua, "CrOS")) return "ChromeOS";
    if (has(ua, "Macintosh") || has(ua, "Mac OS X")) return "macOS";
    if (has(ua, "Linux") || has(ua, "X11")) return "Linux";
    *type = "web";
    return NULL;
}

/* The product token at the start of ua ("curl/8.1" gives "curl"), printable ASCII only. */
static void product_of(const char *ua, char *out, size_t size)
{
    size_t n = 0;
    while (ua[n] && ua[n] != '/' && ua[n] != ' ' && ua[n] > 0x20 && ua[n] < 0x7f && n + 1 < size)
        n++;
    memcpy(out, ua, n);
    out[n] = '\0';
}

void device_describe(const char *user_agent, struct device *out)
{
    const char *ua = user_agent ? user_agent : "";
    out->type = "web";
    if (!*ua) {
        (void)snprintf(out->name, sizeof(out->name), "Unknown device");
        return;
    }
    if (strncmp(ua, "Dart/", 5) == 0 || has(ua, "dart:io")) {
        out->type = "mobile";
        (void)snprintf(out->name, sizeof(out->name), "Mobile app");
        return;
    }
    const char *type = "web";
    const char *platform = platform_of(ua, &type);
    const char *browser = strncmp(ua, "Mozilla/", 8) == 0 ? browser_of(ua) : NULL;
    out->type = type;
    if (browser && platform) {
        (void)snprintf(out->name, sizeof(out->name), "%s on %s", browser, platform);
    } else if (browser || platform) {
        (void)snprintf(out->name, sizeof(out->name), "%s", browser ? browser : platform);
    } else {
        char product[DEVICE_NAME_MAX];
        product_of(ua, product, sizeof(product));
        (void)snprintf(out->name, sizeof(out->name), "%s", *product ? product : "Unknown device");
    }
}
