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

#endif
