/*
 * render.c: HTML through ClearSilver (render.h): the view's HDF tree, the language, the
 * per-response CSP nonce, the browser cookie and CSRF token, and the layout around each page.
 */
#include "web/render.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <ClearSilver.h>
#include <json.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/log.h"
#include "core/rand.h"
#include "market/accounts/accounts.h"

static const char *const langs[] = { RENDER_LANGS };
#define NLANGS (sizeof(langs) / sizeof(langs[0]))

/* ClearSilver's error as an arena string, and the error freed. */
static char *neo_message(struct wm_ctx *ctx, NEOERR *err)
{
    STRING s;
    string_init(&s);
    nerr_error_string(err, &s);
    char *msg = arena_strdup(ctx->arena, s.buf ? s.buf : "unknown ClearSilver error");
    string_clear(&s);
    nerr_ignore(&err);
    return msg;
}

static void hdf_release(void *p)
{
    HDF *h = p;
    hdf_destroy(&h);
}

static const char *supported(const char *code, size_t n)
{
    for (size_t i = 0; i < NLANGS; i++)
        if (strlen(langs[i]) == n && strncasecmp(code, langs[i], n) == 0) return langs[i];
    return NULL;
}

/* The supported language the Accept-Language header prefers (highest q, then first), or
 * NULL. */
static const char *accept_language(const char *header)
{
    const char *best = NULL;
    double best_q = 0;
    for (const char *p = header; p && *p;) {
        while (*p == ' ' || *p == ',')
            p++;
        size_t n = strcspn(p, ",");
        size_t tag = strcspn(p, "-;, ");
        if (tag > n) tag = n;
        double q = 1.0;
        const char *semi = memchr(p, ';', n);
        if (semi) {
            const char *qs = strstr(semi, "q=");
            if (qs && qs < p + n) q = strtod(qs + 2, NULL);
        }
        const char *l = supported(p, tag);
        if (l && q > best_q) {
            best = l;
            best_q = q;
        }
        p += n;
    }
    return best;
}

static const char *choose_lang(const struct http_request *req)
{
    const char *c = http_cookie(req, RENDER_LANG_COOKIE);
    const char *l = c ? supported(c, strlen(c)) : NULL;
    if (!l) l = accept_language(http_header(req, "Accept-Language"));
    return l ? l : langs[0];
}

void render_set(struct view *v, const char *name, const char *value)
{
    if (!value) return;
    NEOERR *err = hdf_set_value(v->hdf, name, value);
    if (err) nerr_ignore(&err);
}

const char *render_get(const struct view *v, const char *name)
{
    return hdf_get_value(v->hdf, name, NULL);
}

/* "2025-11-27T14:03:00.123456+00:00" (or with Z, or a space): a date-time we show local. */
static bool is_datetime(const char *s, size_t n)
{
    if (n < 16) return false;
    static const char shape[] = "dddd-dd-ddTdd:dd";
    for (size_t i = 0; i < 16; i++) {
        char c = s[i];
        if (shape[i] == 'd' && !(c >= '0' && c <= '9')) return false;
        if (shape[i] == 'T' && c != 'T' && c != ' ') return false;
        if (shape[i] != 'd' && shape[i] != 'T' && c != shape[i]) return false;
    }
    return true;
}

/* The date-time s formatted by the language's Lang.Format.DateTime: %d %m %Y %H %M and %b
 * (Lang.Months.<1..12>). */
static char *format_datetime(struct view *v, struct arena *a, const char *s)
{
    const char *fmt = render_get(v, "Lang.Format.DateTime");
    if (!fmt) fmt = "%Y-%m-%d %H:%M UTC";
    char part[5][5];
    memcpy(part[0], s, 4), part[0][4] = '\0';      /* Y */
    memcpy(part[1], s + 5, 2), part[1][2] = '\0';  /* m */
    memcpy(part[2], s + 8, 2), part[2][2] = '\0';  /* d */
    memcpy(part[3], s + 11, 2), part[3][2] = '\0'; /* H */
    memcpy(part[4], s + 14, 2), part[4][2] = '\0'; /* M */
    struct buf b = BUF_INIT(a);
    for (const char *p = fmt; *p; p++) {
        if (*p != '%' || !p[1]) {
            buf_appendc(&b, *p);
            continue;
        }
        p++;
        switch (*p) {
        case 'Y':
            buf_appends(&b, part[0]);
            break;
        case 'm':
            buf_appends(&b, part[1]);
            break;
        case 'd':
            buf_appends(&b, part[2]);
            break;
        case 'H':
            buf_appends(&b, part[3]);
            break;
        case 'M':
            buf_appends(&b, part[4]);
            break;
        case 'b': {
            char key[32];
            (void)snprintf(key, sizeof(key), "Lang.Months.%ld", strtol(part[1], NULL, 10));
            const char *m = render_get(v, key);
            buf_appends(&b, m ? m : part[1]);
            break;
        }
        default:
            buf_appendc(&b, *p);
            break;
        }
    }
    return b.ptr ? b.ptr : arena_strdup(a, "");
}

/* Members holding an amount of money in major units (the API's Float prices). */
static bool is_money_key(const char *key)
{
    static const char *const keys[] = { "price",       "discountPrice", "minOrderValue",
                                        "unitPrice",   "subtotal",      "total",
                                        "lineTotal",   "totalPrice",    "amount",
                                        "totalAmount", "basePrice",     "minimumOrderValue",
                                        "shortfall" };
    for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
        if (strcmp(key, keys[i]) == 0) return true;
    return false;
}

/* amount in currency (ISO 4217) for the language: Lang.Format.Money with %n the number
 * (Lang.Format.Decimal, groups of three split by Lang.Format.Group) and %c the symbol
 * (Lang.Currency.<code>, else the code). */
static char *format_money(struct view *v, struct arena *a, double amount, const char *currency)
{
    const char *fmt = render_get(v, "Lang.Format.Money");
    const char *dec = render_get(v, "Lang.Format.Decimal");
    const char *group = render_get(v, "Lang.Format.Group");
    const char *sym = render_get(v, arena_printf(a, "Lang.Currency.%s", currency));
    char digits[48];
    long long minor = llround(fabs(amount) * 100.0);
    int n = snprintf(digits, sizeof(digits), "%lld", minor / 100);
    struct buf num = BUF_INIT(a);
    if (amount < 0 && minor) buf_appendc(&num, '-');
    for (int i = 0; i < n; i++) {
        if (i && (n - i) % 3 == 0) buf_appends(&num, group ? group : ",");
        buf_appendc(&num, digits[i]);
    }
    buf_appendf(&num, "%s%02lld", dec ? dec : ".", minor % 100);
    struct buf b = BUF_INIT(a);
    for (const char *p = fmt ? fmt : "%c%n"; *p; p++) {
        if (*p == '%' && p[1] == 'n') {
            buf_appends(&b, num.ptr);
            p++;
        } else if (*p == '%' && p[1] == 'c') {
            buf_appends(&b, sym ? sym : currency);
            p++;
        } else {
            buf_appendc(&b, *p);
        }
    }
    return b.ptr;
}

/* amount as a form field shows it for the language: two decimals after Lang.Format.Decimal,
 * no grouping, no symbol ("12.50", "12,50"). */
static char *input_money(struct view *v, struct arena *a, double amount)
{
    const char *dec = render_get(v, "Lang.Format.Decimal");
    long long minor = llround(fabs(amount) * 100.0);
    return arena_printf(a, "%s%lld%s%02lld", amount < 0 && minor ? "-" : "", minor / 100,
                        dec ? dec : ".", minor % 100);
}

static void set_json(struct view *v, struct arena *a, const char *name, struct json_object *j);

/* An object's extras for templates: <member>.Money for a price (in the object's currency, or
 * the site's GBP) and <member>.Items.N.{url,thumbnail} for a JSON list of images (imagesUrl). */
static void set_object_extras(struct view *v, struct arena *a, const char *name,
                              struct json_object *j)
{
    struct json_object *cur = NULL;
    const char *currency = json_object_object_get_ex(j, "currency", &cur) &&
                                           json_object_is_type(cur, json_type_string)
                                   ? json_object_get_string(cur)
                                   : "GBP";
    json_object_object_foreach(j, key, val)
    {
        enum json_type t = json_object_get_type(val);
        if ((t == json_type_double || t == json_type_int) && is_money_key(key)) {
            render_set(v, arena_printf(a, "%s.%s.Money", name, key),
                       format_money(v, a, json_object_get_double(val), currency));
            render_set(v, arena_printf(a, "%s.%s.Input", name, key),
                       input_money(v, a, json_object_get_double(val)));
        }
        if (t == json_type_string && strcmp(key, "imagesUrl") == 0) {
            struct json_object *list = json_tokener_parse(json_object_get_string(val));
            if (list && json_object_is_type(list, json_type_array))
                set_json(v, a, arena_printf(a, "%s.%s.Items", name, key), list);
            json_object_put(list);
        }
    }
}

static void set_json(struct view *v, struct arena *a, const char *name, struct json_object *j)
{
    switch (json_object_get_type(j)) {
    case json_type_null:
        break;
    case json_type_boolean:
        render_set(v, name, json_object_get_boolean(j) ? "1" : "0");
        break;
    case json_type_int:
    case json_type_double:
        render_set(v, name, json_object_get_string(j));
        break;
    case json_type_string: {
        const char *s = json_object_get_string(j);
        render_set(v, name, s);
        if (is_datetime(s, (size_t)json_object_get_string_len(j)))
            render_set(v, arena_printf(a, "%s.Local", name), format_datetime(v, a, s));
        break;
    }
    case json_type_array:
        for (size_t i = 0; i < json_object_array_length(j); i++)
            set_json(v, a, arena_printf(a, "%s.%zu", name, i), json_object_array_get_idx(j, i));
        break;
    case json_type_object: {
        json_object_object_foreach(j, key, val)
        {
            set_json(v, a, arena_printf(a, "%s.%s", name, key), val);
        }
        set_object_extras(v, a, name, j);
        break;
    }
    }
}

void render_set_json(struct view *v, const char *name, const void *json)
{
    set_json(v, v->arena, name, (struct json_object *)json);
}

/* 32 lowercase hex characters: a browser cookie value we issued. */
static bool is_browser_id(const char *s)
{
    if (!s || strlen(s) != 32) return false;
    for (const char *p = s; *p; p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f'))) return false;
    return true;
}

int render_view_init(struct wm_ctx *ctx, struct http_request *req, struct http_response *res,
                     struct view *v)
{
    memset(v, 0, sizeof(*v));
    v->arena = ctx->arena;
    if (!ctx->cookie_key) return wm_errorf(ctx, WM_EINTERNAL, "no cookie key is loaded");
    HDF *h = NULL;
    NEOERR *err = hdf_init(&h);
    if (err) return wm_errorf(ctx, WM_EINTERNAL, "hdf_init: %s", neo_message(ctx, err));
    arena_defer(ctx->arena, hdf_release, h);
    v->hdf = h;
    /* Read by cs_init: it must be set before it (TOOLCHAIN.md). */
    render_set(v, "Config.VarEscapeMode", "html");
    const char *dir = arena_printf(ctx->arena, "%s/templates", ctx->config->root_dir);
    render_set(v, "hdf.loadpaths.0", dir);

    v->lang = choose_lang(req);
    HDF *node = NULL;
    err = hdf_get_node(h, "Lang", &node);
    if (!err) err = hdf_read_file(node, arena_printf(ctx->arena, "%s/lang/%s.hdf", dir, v->lang));
    if (err) return wm_errorf(ctx, WM_EINTERNAL, "language %s: %s", v->lang, neo_message(ctx, err));

    char nonce[33];
    char browser[33];
    if (rand_hex(nonce, 16) != 0 || rand_hex(browser, 16) != 0)
        return wm_errorf(ctx, WM_EINTERNAL, "getrandom failed");
    v->nonce = arena_strdup(ctx->arena, nonce);
    v->browser = http_cookie(req, ACCOUNT_BROWSER_COOKIE);
    if (!is_browser_id(v->browser)) {
        v->browser = arena_strdup(ctx->arena, browser);
        struct http_cookie_opts o = { .secure = req->https };
        (void)http_set_cookie(ctx, res, ACCOUNT_BROWSER_COOKIE, v->browser, &o);
    }
    v->session = http_cookie(req, ACCOUNT_SESSION_COOKIE);
    if (v->session && !*v->session) v->session = NULL;
    ctx->client_ip = *req->remote_addr ? req->remote_addr : NULL;
    ctx->user_agent = http_header(req, "User-Agent");
    if (!ctx->viewer) {
        if (account_authenticate_cookie(ctx, v->session) != WM_OK)
            log_warn("session check failed: %s", ctx->err.message ? ctx->err.message : "-");
        wm_clear_error(ctx);
    }
    v->signed_in = ctx->viewer && ctx->viewer->status == WM_OK;
    v->csrf = account_csrf_token(ctx, v->browser, v->signed_in ? v->session : NULL);

    render_set(v, "Page.Lang", v->lang);
    render_set(v, "Page.Nonce", v->nonce);
    render_set(v, "Page.Csrf", v->csrf);
    render_set(v, "Page.Path", req->path);
    render_set(v, "Page.Uri", req->uri);
    for (size_t i = 0; i < NLANGS; i++)
        render_set(v, arena_printf(ctx->arena, "Page.Langs.%zu", i), langs[i]);
    render_set(v, "Viewer.SignedIn", v->signed_in ? "1" : "0");
    for (size_t i = 0; i < req->query.count; i++)
        render_set(v, arena_printf(ctx->arena, "Query.%s", req->query.items[i].name),
                   req->query.items[i].value);
    return WM_OK;
}

static NEOERR *render_out(void *ud, char *s)
{
    return string_append(ud, s);
}

int render_page(struct wm_ctx *ctx, struct view *v, const char *name, int status,
                struct http_response *res)
{
    char *id = arena_strdup(ctx->arena, name);
    for (char *p = id; *p; p++)
        if (*p == '/') *p = '_';
    render_set(v, "Page.Id", id);
    render_set(v, "Page.Template", arena_printf(ctx->arena, "%s.cs", name));
    CSPARSE *cs = NULL;
    STRING out;
    string_init(&out);
    NEOERR *err = cs_init(&cs, v->hdf);
    if (!err) err = cgi_register_strfuncs(cs);
    if (!err) err = cs_parse_file(cs, "layout.cs");
    if (!err) err = cs_render(cs, &out, render_out);
    if (cs) cs_destroy(&cs);
    if (err) {
        string_clear(&out);
        return wm_errorf(ctx, WM_EINTERNAL, "template %s: %s", name, neo_message(ctx, err));
    }
    http_set_html(res, status);
    buf_reset(&res->body);
    buf_append(&res->body, out.buf ? out.buf : "", (size_t)out.len);
    string_clear(&out);
    http_set_header(res, "Cache-Control", "no-store");
    http_set_header(res, "Vary", "Cookie, Accept-Language");
    http_set_header(res, "Content-Language", v->lang);
    http_set_header(res, "Content-Security-Policy",
                    arena_printf(ctx->arena,
                                 "default-src 'self'; script-src 'self' 'nonce-%s'; "
                                 "style-src 'self'; img-src 'self' data:; object-src 'none'; "
                                 "base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
                                 v->nonce));
    return WM_OK;
}

void render_error(struct wm_ctx *ctx, struct http_request *req, struct http_response *res, int err)
{
    /* The status, headers (Allow, Retry-After) and a plain body first: the fallback. */
    http_reply_error(ctx, req, res, err);
    if (!req || http_wants_json(req)) return;
    int status = res->status;
    const char *msg = wm_client_message(ctx, err);
    struct view v;
    if (render_view_init(ctx, req, res, &v) != WM_OK) {
        log_error("error page: %s", ctx->err.message ? ctx->err.message : "-");
        return;
    }
    render_set(&v, "Error.Status", arena_printf(ctx->arena, "%d", status));
    render_set(&v, "Error.Message", msg);
    render_set(&v, "Error.RequestId", req->id);
    /* render_page() leaves the plain body in place when it fails. */
    if (render_page(ctx, &v, "error", status, res) != WM_OK)
        log_error("error page: %s", ctx->err.message ? ctx->err.message : "-");
}
