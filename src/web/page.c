/*
 * page.c: the generic page handler (page.h). No rule of the domain is written here: a page
 * asks the same GraphQL fields the app asks, in process, and shows what they answer.
 */
#include "web/page.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <json.h>

#include "api/api.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/log.h"
#include "core/rand.h"
#include "market/accounts/accounts.h"
#include "market/cart/cart.h"
#include "web/render.h"

#define FLASH_COOKIE "wm_flash"
#define CART_COOKIE  "wm_cart"

/* Seconds the language choice is remembered. */
#define LANG_COOKIE_AGE ((int64_t)365 * 86400)

/* ---- small helpers ----------------------------------------------------------------------- */

/* Read templates/<name>.graphql into *text (arena, NUL after it). WM_ENOTFOUND when absent. */
static int read_document(struct wm_ctx *ctx, const char *name, char **text, size_t *len)
{
    const char *path =
            arena_printf(ctx->arena, "%s/templates/%s.graphql", ctx->config->root_dir, name);
    FILE *f = fopen(path, "rb");
    if (!f)
        return wm_errorf(ctx, errno == ENOENT ? WM_ENOTFOUND : WM_EINTERNAL, "%s: %s", path,
                         strerror(errno));
    struct buf b = BUF_INIT(ctx->arena);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        buf_append(&b, chunk, n);
    (void)fclose(f);
    *text = b.ptr ? b.ptr : arena_strdup(ctx->arena, "");
    *len = b.len;
    return WM_OK;
}

/* A local path to go back to: starts with one '/', no backslash or control byte. */
static bool is_local_path(const char *p)
{
    if (!p || p[0] != '/' || p[1] == '/' || p[1] == '\\') return false;
    for (const char *c = p; *c; c++)
        if ((unsigned char)*c < 0x20 || *c == '\\') return false;
    return true;
}

/* Percent-encode s for a query string value. */
static char *url_encode(struct arena *a, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    struct buf b = BUF_INIT(a);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("-._~/", *p)) {
            buf_appendc(&b, (char)*p);
        } else {
            buf_appendc(&b, '%');
            buf_appendc(&b, hex[*p >> 4]);
            buf_appendc(&b, hex[*p & 15]);
        }
    }
    return b.ptr ? b.ptr : arena_strdup(a, "");
}

static void see_other(struct http_response *res, const char *location)
{
    http_redirect(res, 303, location);
    http_set_header(res, "Cache-Control", "no-store");
}

static struct http_cookie_opts cookie_opts(const struct http_request *req, int64_t max_age)
{
    return (struct http_cookie_opts){ .secure = req->https, .max_age = max_age };
}

/* ---- variables --------------------------------------------------------------------------- */

struct var_source {
    const struct http_request *req;
    const char *session; /* the session cookie, for $refreshToken */
    bool form;           /* a POST: the form first */
    const char *decimal; /* the language's decimal mark (Lang.Format.Decimal) */
};

/* Where a page's operation finds variable name: $refreshToken is always the browser's own
 * session token (never a form field); the others come from the form (POST), the path, then
 * the query string. */
static const char *page_var(void *ud, const char *name)
{
    const struct var_source *s = ud;
    if (strcmp(name, "refreshToken") == 0) return s->session;
    if (strcmp(name, "_decimal") == 0) return s->decimal;
    const char *v = s->form ? http_form_param(s->req, name) : NULL;
    if (!v) v = http_path_param(s->req, name);
    if (!v) v = http_query_param(s->req, name);
    return v;
}

/* The index-th file an Upload variable name gets: the form's file fields of that name (POST
 * only). */
static const struct http_file *page_file(void *ud, const char *name, size_t index)
{
    const struct var_source *s = ud;
    if (!s->form) return NULL;
    for (size_t i = 0; i < s->req->nfiles; i++)
        if (strcmp(s->req->files[i].field, name) == 0 && index-- == 0) return &s->req->files[i];
    return NULL;
}

/* ---- results ----------------------------------------------------------------------------- */

static void put_json(void *p)
{
    json_object_put(p);
}

/* Run operation op of doc and parse its result (released with the arena) into *out. */
static int run_operation(struct wm_ctx *ctx, const char *doc, size_t len, const char *op,
                         struct var_source *src, struct json_object **out)
{
    struct buf b = BUF_INIT(ctx->arena);
    int rc = api_execute(ctx, doc, len, op, page_var, page_file, src, &b);
    if (rc != WM_OK) return rc;
    struct json_object *j = json_tokener_parse(b.ptr ? b.ptr : "{}");
    if (!j) return wm_errorf(ctx, WM_EINTERNAL, "page %s: the result is not JSON", op);
    arena_defer(ctx->arena, put_json, j);
    *out = j;
    return WM_OK;
}

/* The first root field's value in result's data (an object for a payload), or NULL. */
static struct json_object *first_root(struct json_object *result)
{
    struct json_object *data = NULL;
    if (!json_object_object_get_ex(result, "data", &data) ||
        !json_object_is_type(data, json_type_object))
        return NULL;
    json_object_object_foreach(data, key, val)
    {
        (void)key;
        return val;
    }
    return NULL;
}

/* The words of a variable name, lowercased: "firstName" -> "first name", "password1" ->
 * "password". */
static char *name_words(struct arena *a, const char *name)
{
    struct buf b = BUF_INIT(a);
    for (const char *p = name; *p; p++) {
        if (*p >= '0' && *p <= '9') continue;
        if (*p >= 'A' && *p <= 'Z') {
            if (b.len) buf_appendc(&b, ' ');
            buf_appendc(&b, (char)(*p - 'A' + 'a'));
        } else {
            buf_appendc(&b, *p);
        }
    }
    return b.ptr ? b.ptr : arena_strdup(a, "");
}

static char *lowercase(struct arena *a, const char *s)
{
    char *l = arena_strdup(a, s);
    for (char *p = l; *p; p++)
        if (*p >= 'A' && *p <= 'Z') *p = (char)(*p - 'A' + 'a');
    return l;
}

/* The form field msg is about: one it names as "$field" (a variable error), else the one it
 * starts with ("minOrderQuantity must ..."; for rows "priceTiers.0.minQuantity" the list,
 * "priceTiers"), else the first whose words it contains, else the first whose last word it
 * contains; NULL when none. */
static const char *field_of(struct arena *a, const struct http_request *req, const char *msg)
{
    for (size_t i = 0; i < req->form.count; i++) {
        const char *f = req->form.items[i].name;
        size_t n = strcspn(f, ".");
        char after = msg[n];
        if (f[0] != '_' && n && strncmp(msg, f, n) == 0 &&
            !((after >= 'a' && after <= 'z') || (after >= 'A' && after <= 'Z') ||
              (after >= '0' && after <= '9')))
            return arena_strndup(a, f, n);
    }
    const char *lower = lowercase(a, msg);
    for (int pass = 0; pass < 3; pass++) {
        for (size_t i = 0; i < req->form.count; i++) {
            const char *f = req->form.items[i].name;
            if (f[0] == '_') continue;
            if (pass == 0 && strstr(msg, arena_printf(a, "\"$%s\"", f))) return f;
            const char *words = name_words(a, f);
            if (!*words) continue;
            if (pass == 1 && strstr(lower, words)) return f;
            const char *last = strrchr(words, ' ');
            if (pass == 2 && strstr(lower, last ? last + 1 : words)) return f;
        }
    }
    return NULL;
}

/*
 * Collect what went wrong with a mutation's result into the view: Errors.N.{message,code} and
 * Field.<name>.Error. The GraphQL errors, then a payload's "errors" list, then its message when
 * success is false. Returns the number of problems (0: it worked) and sets *code to the first
 * error's extensions.code ("" when none).
 */
static size_t collect_errors(struct wm_ctx *ctx, struct view *v, const struct http_request *req,
                             struct json_object *result, const char **code)
{
    struct arena *a = ctx->arena;
    size_t n = 0;
    *code = "";
    const char *msgs[64];
    const char *codes[64];
    struct json_object *errs = NULL;
    if (json_object_object_get_ex(result, "errors", &errs) &&
        json_object_is_type(errs, json_type_array)) {
        for (size_t i = 0; i < json_object_array_length(errs) && n < 64; i++) {
            struct json_object *e = json_object_array_get_idx(errs, i);
            struct json_object *m = NULL;
            struct json_object *ext = NULL;
            struct json_object *c = NULL;
            json_object_object_get_ex(e, "message", &m);
            json_object_object_get_ex(e, "extensions", &ext);
            if (ext) json_object_object_get_ex(ext, "code", &c);
            msgs[n] = m ? json_object_get_string(m) : "";
            codes[n] = c ? json_object_get_string(c) : "";
            n++;
        }
    }
    struct json_object *root = first_root(result);
    if (root && json_object_is_type(root, json_type_object)) {
        struct json_object *list = NULL;
        struct json_object *ok = NULL;
        struct json_object *m = NULL;
        size_t before = n;
        if (json_object_object_get_ex(root, "errors", &list) &&
            json_object_is_type(list, json_type_array))
            for (size_t i = 0; i < json_object_array_length(list) && n < 64; i++) {
                msgs[n] = json_object_get_string(json_object_array_get_idx(list, i));
                codes[n++] = "BAD_USER_INPUT";
            }
        if (json_object_object_get_ex(root, "success", &ok) && !json_object_get_boolean(ok) &&
            n == before && n < 64) {
            json_object_object_get_ex(root, "message", &m);
            msgs[n] = m && json_object_get_string(m) ? json_object_get_string(m) : "";
            codes[n++] = "BAD_USER_INPUT";
        }
    }
    for (size_t i = 0; i < n; i++) {
        render_set(v, arena_printf(a, "Errors.%zu.message", i), msgs[i] ? msgs[i] : "");
        render_set(v, arena_printf(a, "Errors.%zu.code", i), codes[i]);
        const char *f = field_of(a, req, msgs[i] ? msgs[i] : "");
        const char *key = f ? arena_printf(a, "Field.%s.Error", f) : NULL;
        if (key && !render_get(v, key)) render_set(v, key, msgs[i]);
    }
    if (n) *code = codes[0];
    return n;
}

/* ---- GET --------------------------------------------------------------------------------- */

/* Fill Data.* from the page's query (when it has one) and the flash, and render. */
static int show(struct wm_ctx *ctx, struct http_request *req, struct http_response *res,
                const struct page *pg, struct view *v, const char *doc, size_t len, int status)
{
    if (pg->query && doc) {
        struct var_source src = { req, v->session, false, render_get(v, "Lang.Format.Decimal") };
        struct json_object *result = NULL;
        int rc = run_operation(ctx, doc, len, pg->query, &src, &result);
        if (rc != WM_OK) return rc;
        struct json_object *data = NULL;
        if (json_object_object_get_ex(result, "data", &data)) render_set_json(v, "Data", data);
        struct json_object *errs = NULL;
        if (json_object_object_get_ex(result, "errors", &errs)) {
            /* What the page is about does not exist (a product, a shop): 404, not an empty
             * page. */
            struct json_object *e = json_object_array_get_idx(errs, 0);
            struct json_object *ext = NULL, *code = NULL, *msg = NULL;
            if (e && json_object_object_get_ex(e, "extensions", &ext) &&
                json_object_object_get_ex(ext, "code", &code) &&
                strcmp(json_object_get_string(code), "NOT_FOUND") == 0) {
                json_object_object_get_ex(e, "message", &msg);
                return wm_errorf(ctx, WM_ENOTFOUND, "%s",
                                 msg ? json_object_get_string(msg) : "not found");
            }
            render_set_json(v, "QueryErrors", errs);
        }
    }
    const char *flash = http_cookie(req, FLASH_COOKIE);
    if (flash && *flash) {
        render_set(v, "Flash.Key", flash);
        const char *text = render_get(v, arena_printf(ctx->arena, "Lang.Flash.%s", flash));
        render_set(v, "Flash.Text", text ? text : render_get(v, "Lang.Flash.Done"));
        struct http_cookie_opts o = cookie_opts(req, -1);
        (void)http_set_cookie(ctx, res, FLASH_COOKIE, "", &o);
    }
    return render_page(ctx, v, pg->name, status, res);
}

/* ---- POST -------------------------------------------------------------------------------- */

/* An operation name: letters and digits (it also goes into the flash cookie). */
static bool is_op_name(const char *s)
{
    if (!s || !*s || strlen(s) > 64) return false;
    for (const char *p = s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
            return false;
    return true;
}

/* The CSRF token and the origin of a POST; WM_EPERM when either is wrong. */
static int check_post(struct wm_ctx *ctx, const struct http_request *req, const struct view *v)
{
    if (!http_same_origin(req))
        return wm_errorf(ctx, WM_EPERM, "the form was sent from another site");
    if (!account_csrf_valid(ctx, v->browser, v->signed_in ? v->session : NULL,
                            http_form_param(req, ACCOUNT_CSRF_FIELD)))
        return wm_errorf(ctx, WM_EPERM,
                         "the form's security token is missing or has expired; reload the page "
                         "and send it again");
    return WM_OK;
}

/* Start the cookie session of refresh (and a new browser id, so no token from before the
 * sign-in stays valid). */
static void sign_in(struct wm_ctx *ctx, const struct http_request *req, struct http_response *res,
                    const char *refresh)
{
    bool remember = false;
    const char *r = http_form_param(req, "rememberMe");
    if (r && (strcmp(r, "on") == 0 || strcmp(r, "true") == 0)) remember = true;
    struct http_cookie_opts o = cookie_opts(req, remember ? ctx->config->auth_refresh_ttl : 0);
    (void)http_set_cookie(ctx, res, ACCOUNT_SESSION_COOKIE, refresh, &o);
    char browser[33];
    if (rand_hex(browser, 16) == 0) {
        struct http_cookie_opts b = cookie_opts(req, 0);
        (void)http_set_cookie(ctx, res, ACCOUNT_BROWSER_COOKIE, browser, &b);
    }
}

/* Move the anonymous cart of ctx->cart_token into the cart of the session refresh just
 * started, and clear its cookie. Returns the flash key that says so, or NULL when there was
 * nothing to move (or the move failed: logged, the anonymous cart then stays). */
static const char *merge_cart(struct wm_ctx *ctx, const struct http_request *req,
                              struct http_response *res, const char *refresh)
{
    if (!ctx->cart_token) return NULL;
    ctx->viewer = NULL;
    int rc = account_authenticate_cookie(ctx, refresh);
    struct cart_merge_report r = { 0 };
    if (rc == WM_OK && (!ctx->viewer || ctx->viewer->status != WM_OK))
        rc = wm_errorf(ctx, WM_EUNAUTH, "the new session is not live");
    if (rc == WM_OK) rc = cart_merge(ctx, ctx->cart_token, ctx->viewer->user_id, &r);
    if (rc != WM_OK) {
        log_warn("cart merge at sign-in failed: %s", ctx->err.message ? ctx->err.message : "-");
        wm_clear_error(ctx);
        return NULL;
    }
    struct http_cookie_opts o = cookie_opts(req, -1);
    (void)http_set_cookie(ctx, res, CART_COOKIE, "", &o);
    ctx->cart_token = NULL;
    if (r.adjusted || r.dropped) return "CartMergedChanged";
    return r.moved ? "CartMerged" : NULL;
}

/* Where a successful POST goes: done, with "%id" replaced by the id of the first object in
 * the payload root that has one (createProduct's product); path when done has "%id" and the
 * payload no such id (deleteProduct). */
static const char *done_path(struct wm_ctx *ctx, const char *done, struct json_object *root,
                             const char *path)
{
    const char *mark = strstr(done, "%id");
    if (!mark) return done;
    if (json_object_is_type(root, json_type_object)) {
        json_object_object_foreach(root, key, val)
        {
            (void)key;
            struct json_object *id = NULL;
            if (json_object_is_type(val, json_type_object) &&
                json_object_object_get_ex(val, "id", &id) && json_object_get_string(id))
                return arena_printf(ctx->arena, "%.*s%s%s", (int)(mark - done), done,
                                    url_encode(ctx->arena, json_object_get_string(id)), mark + 3);
        }
    }
    return path;
}

static int post(struct wm_ctx *ctx, struct http_request *req, struct http_response *res,
                const struct page *pg, struct view *v, const char *doc, size_t len)
{
    int rc = check_post(ctx, req, v);
    if (rc != WM_OK) return rc;
    const char *op = http_form_param(req, "_op");
    if (!doc || !is_op_name(op) || !api_is_mutation(ctx, doc, len, op))
        return wm_errorf(ctx, WM_EINVAL, "this page has no action '%s'", op ? op : "");
    struct var_source src = { req, v->session, true, render_get(v, "Lang.Format.Decimal") };
    struct json_object *result = NULL;
    rc = run_operation(ctx, doc, len, op, &src, &result);
    if (rc != WM_OK) return rc;
    if (pg->flags & PAGE_SIGN_OUT) {
        struct http_cookie_opts o = cookie_opts(req, -1);
        (void)http_set_cookie(ctx, res, ACCOUNT_SESSION_COOKIE, "", &o);
    }
    const char *code = "";
    size_t problems = collect_errors(ctx, v, req, result, &code);
    struct json_object *root = first_root(result);
    if (problems == 0 && !root)
        problems = 1, render_set(v, "Errors.0.message", render_get(v, "Lang.Error.Generic"));
    if (problems) {
        /* Again, with the input kept and the errors next to their fields. */
        for (size_t i = 0; i < req->form.count; i++)
            if (req->form.items[i].name[0] != '_')
                render_set(v, arena_printf(ctx->arena, "Form.%s", req->form.items[i].name),
                           req->form.items[i].value);
        render_set(v, "Page.Op", op);
        int status = strcmp(code, "OTP_REQUIRED") == 0     ? 200
                     : strcmp(code, "LIMIT_EXCEEDED") == 0 ? 429
                                                           : 422;
        return show(ctx, req, res, pg, v, doc, len, status);
    }
    const char *flash = op;
    if (pg->flags & PAGE_SIGN_IN) {
        struct json_object *t = NULL;
        if (json_object_is_type(root, json_type_object) &&
            json_object_object_get_ex(root, "refreshToken", &t) &&
            json_object_is_type(t, json_type_string)) {
            sign_in(ctx, req, res, json_object_get_string(t));
            const char *merged = merge_cart(ctx, req, res, json_object_get_string(t));
            if (merged) flash = merged;
        }
    }
    if ((pg->flags & PAGE_CART) && ctx->cart_token) {
        /* The anonymous cart's cookie: issued by its first write, renewed by every use. */
        struct http_cookie_opts c = cookie_opts(req, CART_ANON_TTL);
        (void)http_set_cookie(ctx, res, CART_COOKIE, ctx->cart_token, &c);
    }
    if (pg->show && strcmp(op, pg->show) == 0) {
        render_set_json(v, "Result", root);
        render_set(v, "Page.Op", op);
        return show(ctx, req, res, pg, v, doc, len, 200);
    }
    struct http_cookie_opts o = cookie_opts(req, 0);
    (void)http_set_cookie(ctx, res, FLASH_COOKIE, flash, &o);
    const char *next = http_form_param(req, "next");
    const char *to = (pg->flags & PAGE_SIGN_IN) && is_local_path(next) ? next
                     : pg->done ? done_path(ctx, pg->done, root, req->path)
                                : req->path;
    see_other(res, to);
    return WM_OK;
}

/* ---- the handlers ------------------------------------------------------------------------ */

int web_page(struct wm_ctx *ctx, struct http_request *req, struct http_response *res)
{
    const struct page *pg = req->route->data;
    struct view v;
    int rc = render_view_init(ctx, req, res, &v);
    if (rc != WM_OK) return rc;
    if ((pg->flags & PAGE_AUTH) && !v.signed_in) {
        see_other(res,
                  arena_printf(ctx->arena, "/sign-in?next=%s", url_encode(ctx->arena, req->uri)));
        return WM_OK;
    }
    if ((pg->flags & PAGE_GUEST) && v.signed_in && req->method != HTTP_POST) {
        see_other(res, "/account");
        return WM_OK;
    }
    if (!v.signed_in && (pg->flags & (PAGE_CART | PAGE_SIGN_IN))) {
        /* A signed-out visitor's anonymous cart: the cookie's, or (cart pages) a new token
         * whose cookie a successful POST issues; a GET with it sees an empty cart. */
        const char *t = http_cookie(req, CART_COOKIE);
        char fresh[CART_TOKEN_HEX + 1];
        if (cart_token_valid(t)) {
            ctx->cart_token = t;
            if ((pg->flags & PAGE_CART) && req->method != HTTP_POST) {
                /* A visit is a use: the cookie lives on as the cart does (cart_get()). */
                struct http_cookie_opts c = cookie_opts(req, CART_ANON_TTL);
                (void)http_set_cookie(ctx, res, CART_COOKIE, t, &c);
            }
        } else if ((pg->flags & PAGE_CART) && rand_hex(fresh, CART_TOKEN_HEX / 2) == 0)
            ctx->cart_token = arena_strdup(ctx->arena, fresh);
    }
    char *doc = NULL;
    size_t len = 0;
    rc = read_document(ctx, pg->name, &doc, &len);
    if (rc == WM_ENOTFOUND) {
        wm_clear_error(ctx);
        doc = NULL;
    } else if (rc != WM_OK) {
        return rc;
    }
    if (req->method == HTTP_POST) return post(ctx, req, res, pg, &v, doc, len);
    return show(ctx, req, res, pg, &v, doc, len, 200);
}

int web_lang(struct wm_ctx *ctx, struct http_request *req, struct http_response *res)
{
    struct view v;
    int rc = render_view_init(ctx, req, res, &v);
    if (rc != WM_OK) return rc;
    rc = check_post(ctx, req, &v);
    if (rc != WM_OK) return rc;
    const char *lang = http_form_param(req, "lang");
    static const char *const known[] = { RENDER_LANGS };
    bool ok = false;
    for (size_t i = 0; lang && i < sizeof(known) / sizeof(known[0]); i++)
        ok = ok || strcmp(lang, known[i]) == 0;
    if (!ok) return wm_errorf(ctx, WM_EINVAL, "unknown language '%s'", lang ? lang : "");
    struct http_cookie_opts o = cookie_opts(req, LANG_COOKIE_AGE);
    (void)http_set_cookie(ctx, res, RENDER_LANG_COOKIE, lang, &o);
    const char *next = http_form_param(req, "next");
    see_other(res, is_local_path(next) ? next : "/");
    return WM_OK;
}
