/*
 * device.h: a human name and a coarse type for the device behind a User-Agent header, for the
 * "active sessions" list ("Chrome on Windows", desktop). A few substring rules, no database:
 * the names only help a person recognise their own sessions, and a User-Agent is whatever the
 * client says. Pure functions of their input; nothing is allocated.
 */
#ifndef WM_AUTH_DEVICE_H
#define WM_AUTH_DEVICE_H

#include <stddef.h>

/* Longest device name written (bytes, NUL included). */
#define DEVICE_NAME_MAX 64

/* What device_describe() found. */
struct device {
    char name[DEVICE_NAME_MAX]; /* "Chrome on Windows", "Safari on iPhone", "Mobile app" ... */
    const char *type;           /* "mobile", "tablet", "desktop" or "web" (static) */
};

/*
 * Describe the device of user_agent (NULL or "" when the client sent none: "Unknown device",
 * type "web"). The browser is one of Edge, Opera, Samsung Internet, Firefox, Chrome, Safari;
 * the platform one of iPhone, iPad, Android, Windows, macOS, ChromeOS, Linux; the Flutter
 * app's HTTP client ("Dart/x (dart:io)") is "Mobile app" (type mobile); curl, wget and
 * other tools keep their product name ("curl"). Only printable ASCII of the header is used.
 */
void device_describe(const char *user_agent, struct device *out);

#endif
