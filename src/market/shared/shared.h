/*
 * shared.h: rules every domain applies the same way to what users type (no GraphQL here: that
 * is shared_gql.h).
 */
#ifndef WM_MARKET_SHARED_H
#define WM_MARKET_SHARED_H

#include <stdbool.h>
#include <stddef.h>

struct wm_ctx;

/*
 * A text field as kept: *s (NULL: not given, left alone) trimmed into an arena copy.
 * WM_EINVAL naming field when it is blank and required ("<field> must not be blank"), longer
 * than max characters (UTF-8 code points), or holding control characters (line breaks and
 * tabs are allowed when multiline). Returns WM_OK otherwise.
 */
int shared_check_text(struct wm_ctx *ctx, const char **s, const char *field, size_t max,
                      bool required, bool multiline);

/*
 * An image URL field as kept: shared_check_text() (at most max characters; required or not),
 * then an http(s) URL or a path under /media/ (our uploads), without spaces, quotes, angle
 * brackets or backslashes. An empty optional one is left as "" (no image). WM_EINVAL "<field>
 * must be an http(s) URL or a /media/ path".
 */
int shared_check_url(struct wm_ctx *ctx, const char **s, const char *field, size_t max,
                     bool required);

#endif
