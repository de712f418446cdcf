/*
 * render.h: HTML through ClearSilver. A view is an HDF tree (released with the request arena)
 * holding what templates may show: Page.* (id, path, language, CSP nonce, CSRF token),
 * Lang.* (the strings of the chosen language, templates/lang/<code>.hdf), Viewer.*, Flash.*,
 * Form.*, Field.*, Errors.*, Data.* (the page operation's result) and Query.*. Every `var:` is
 * HTML-escaped (Config.VarEscapeMode html, set before cs_init as ClearSilver requires). A page
 * template templates/<name>.cs is rendered inside templates/layout.cs.
 */
#ifndef WM_WEB_RENDER_H
#define WM_WEB_RENDER_H

#include <stdbool.h>

#include "http/http.h"

struct arena;
struct wm_ctx;
struct _hdf; /* ClearSilver's HDF */

/* The languages pages come in; the first is the default. */
#define RENDER_LANGS       "en", "de"
#define RENDER_LANG_COOKIE "wm_lang"

/* What a page view starts from. */
struct view {
    struct arena *arena; /* the request arena */
    struct _hdf *hdf;    /* the tree; arena_defer(hdf_destroy) */
    const char *lang;    /* "en" or "de" */
    const char *nonce;   /* this response's CSP nonce (base64url, arena) */
    const char *csrf;    /* the CSRF token forms carry (arena) */
    const char *browser; /* the browser cookie value */
    const char *session; /* the session cookie value, NULL when none */
    bool signed_in;      /* the viewer is signed in */
};

/*
 * Start a view for req: the language (the RENDER_LANG_COOKIE when valid, else the best of
 * Accept-Language, else "en") and its strings, a fresh CSP nonce, the browser cookie (set on
 * res when absent), the CSRF token, the viewer from the session cookie (ctx->viewer), and
 * Page.Path / Page.Query. WM_OK, or WM_EINTERNAL when the language file does not load or no
 * cookie key is loaded (ctx->cookie_key: forms could not be protected).
 */
int render_view_init(struct wm_ctx *ctx, struct http_request *req, struct http_response *res,
                     struct view *v);

/* Set name (an HDF path) to value in the view (NULL: nothing). */
void render_set(struct view *v, const char *name, const char *value);
/* The value at name, or NULL. */
const char *render_get(const struct view *v, const char *name);

/* Add value under name as HDF: objects become children, lists children "0", "1" ...,
 * booleans "1"/"0", null nothing; strings that hold an ISO 8601 date-time also get a child
 * "Local" formatted for the view's language. value is a json-c object. */
void render_set_json(struct view *v, const char *name, const void *json);

/*
 * Render templates/<name>.cs inside the layout into res: status, Content-Type text/html,
 * Cache-Control no-store, and a Content-Security-Policy whose script-src allows only this
 * view's nonce ('self' for files; img-src also data: for the two-factor QR code). Page.Id is
 * name with '/' as '_' (the key of the page's title in Lang.Title). WM_OK, or WM_EINTERNAL
 * with ClearSilver's message.
 */
int render_page(struct wm_ctx *ctx, struct view *v, const char *name, int status,
                struct http_response *res);

/* The error page of err in the layout (status wm_http_status(err), the client message), or
 * the plain http_reply_error() when even that fails. */
void render_error(struct wm_ctx *ctx, struct http_request *req, struct http_response *res, int err);

#endif
