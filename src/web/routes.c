/*
 * routes.c: THE table of HTTP routes (git's commands[]). One row per route: method, path
 * pattern, handler, flags that the dispatcher honours before the handler runs (ROUTE_*, see
 * http.h), and for pages (handler web_page) the struct page naming the template and its
 * GraphQL operation (templates/<name>.cs and .graphql, page.h). Rows are tried in order:
 * specific patterns before general ones.
 */
#include "web/web.h"

#include "api/api.h"
#include "web/page.h"

/* A page: template and document name, GET operation, flags, redirect after a POST, and the
 * mutation whose result is shown rather than redirected. */
#define PAGE(name, query, flags, done, show) \
    (&(const struct page){ name, query, flags, done, show })

static const struct page *const home = PAGE("home", "HomePage", 0, NULL, NULL);
static const struct page *const catalog = PAGE("catalog/index", "CatalogPage", 0, NULL, NULL);
static const struct page *const product = PAGE("catalog/product", "ProductPage", 0, NULL, NULL);
static const struct page *const shop = PAGE("catalog/shop", "ShopPage", 0, NULL, NULL);
static const struct page *const cart = PAGE("cart/index", "CartPage", PAGE_CART, NULL, NULL);
static const struct page *const sell = PAGE("sell/index", "SellPage", PAGE_AUTH, NULL, NULL);
static const struct page *const sell_item = PAGE("sell/item", "ItemPage", PAGE_AUTH, NULL, NULL);
static const struct page *const product_new =
        PAGE("sell/product_new", "ProductNewPage", PAGE_AUTH, "/sell/products/%id", NULL);
static const struct page *const product_edit =
        PAGE("sell/product", "ProductPage", PAGE_AUTH, "/sell/products/%id", NULL);
static const struct page *const wishlist =
        PAGE("wishlist/index", "WishlistPage", PAGE_AUTH, NULL, NULL);
static const struct page *const sign_up =
        PAGE("auth/sign_up", NULL, PAGE_GUEST | PAGE_SIGN_IN, "/account", NULL);
static const struct page *const sign_in =
        PAGE("auth/sign_in", NULL, PAGE_GUEST | PAGE_SIGN_IN, "/account", NULL);
static const struct page *const sign_out = PAGE("auth/sign_out", NULL, PAGE_SIGN_OUT, "/", NULL);
static const struct page *const forgot =
        PAGE("auth/forgot_password", NULL, 0, "/forgot-password", NULL);
static const struct page *const reset = PAGE("auth/reset_password", NULL, 0, "/sign-in", NULL);
static const struct page *const verify = PAGE("auth/verify_email", NULL, 0, "/sign-in", NULL);
static const struct page *const account =
        PAGE("account/index", "AccountPage", PAGE_AUTH, NULL, NULL);
static const struct page *const profile =
        PAGE("account/profile", "ProfilePage", PAGE_AUTH, NULL, NULL);
static const struct page *const addresses =
        PAGE("account/addresses", "AddressesPage", PAGE_AUTH, NULL, NULL);
static const struct page *const payments =
        PAGE("account/payments", "PaymentsPage", PAGE_AUTH, NULL, NULL);
static const struct page *const sessions =
        PAGE("account/sessions", "SessionsPage", PAGE_AUTH, NULL, NULL);
static const struct page *const security =
        PAGE("account/security", "SecurityPage", PAGE_AUTH, NULL, "Enable2FA");

/* clang-format off */
const struct route web_routes[] = {
    /* method        pattern              handler             flags        params data */
    { HTTP_GET,      "/healthz",          web_healthz,        ROUTE_JSON,  NULL, NULL },
    { HTTP_POST,     "/graphql/",         api_graphql,        ROUTE_JSON | ROUTE_UPLOAD, NULL, NULL },
    { HTTP_GET,      "/graphql/",         api_graphql,        ROUTE_JSON,  NULL, NULL },
    { HTTP_GET,      "/graphql/schema.graphql", api_schema_sdl, 0,         NULL, NULL },
    { HTTP_POST,     "/wms/graphql/",     api_graphql,        ROUTE_JSON | ROUTE_UPLOAD, NULL, NULL },
    { HTTP_GET,      "/wms/graphql/",     api_graphql,        ROUTE_JSON,  NULL, NULL },
    { HTTP_POST,     "/api/upload-image/", web_upload_image, ROUTE_JSON | ROUTE_UPLOAD | ROUTE_TX, NULL, NULL },
    { HTTP_GET,      "/debug/request",    web_debug_request,  ROUTE_JSON,  NULL, NULL },
    { HTTP_POST,     "/debug/request",    web_debug_request,  ROUTE_JSON,  NULL, NULL },
    { HTTP_PUT,      "/debug/request",    web_debug_request,  ROUTE_JSON,  NULL, NULL },

    /* pages (templates/<name>.cs + .graphql; page.h) */
    { HTTP_GET,      "/",                 web_page,           0,           NULL, home },
    { HTTP_POST,     "/lang",             web_lang,           0,           NULL, NULL },
    { HTTP_GET,      "/products",         web_page,           0,           NULL, catalog },
    { HTTP_GET,      "/products/:id",     web_page,           0,           NULL, product },
    { HTTP_GET,      "/shops/:id",        web_page,           0,           NULL, shop },
    { HTTP_GET,      "/cart",             web_page,           0,           NULL, cart },
    { HTTP_POST,     "/cart",             web_page,           0,           NULL, cart },
    { HTTP_GET,      "/sell",             web_page,           0,           NULL, sell },
    { HTTP_POST,     "/sell",             web_page,           0,           NULL, sell },
    { HTTP_GET,      "/sell/items/:id",   web_page,           0,           NULL, sell_item },
    { HTTP_POST,     "/sell/items/:id",   web_page,           0,           NULL, sell_item },
    { HTTP_GET,      "/sell/products/new", web_page,          0,           NULL, product_new },
    { HTTP_POST,     "/sell/products/new", web_page,          ROUTE_UPLOAD, NULL, product_new },
    { HTTP_GET,      "/sell/products/:id", web_page,          0,           NULL, product_edit },
    { HTTP_POST,     "/sell/products/:id", web_page,          ROUTE_UPLOAD, NULL, product_edit },
    { HTTP_GET,      "/wishlist",         web_page,           0,           NULL, wishlist },
    { HTTP_POST,     "/wishlist",         web_page,           0,           NULL, wishlist },
    { HTTP_GET,      "/sign-up",          web_page,           0,           NULL, sign_up },
    { HTTP_POST,     "/sign-up",          web_page,           0,           NULL, sign_up },
    { HTTP_GET,      "/sign-in",          web_page,           0,           NULL, sign_in },
    { HTTP_POST,     "/sign-in",          web_page,           0,           NULL, sign_in },
    { HTTP_GET,      "/sign-out",         web_page,           0,           NULL, sign_out },
    { HTTP_POST,     "/sign-out",         web_page,           0,           NULL, sign_out },
    { HTTP_GET,      "/forgot-password",  web_page,           0,           NULL, forgot },
    { HTTP_POST,     "/forgot-password",  web_page,           0,           NULL, forgot },
    { HTTP_GET,      "/reset-password",   web_page,           0,           NULL, reset },
    { HTTP_POST,     "/reset-password",   web_page,           0,           NULL, reset },
    { HTTP_GET,      "/verify-email",     web_page,           0,           NULL, verify },
    { HTTP_POST,     "/verify-email",     web_page,           0,           NULL, verify },
    { HTTP_GET,      "/account",          web_page,           0,           NULL, account },
    { HTTP_POST,     "/account",          web_page,           0,           NULL, account },
    { HTTP_GET,      "/account/profile",  web_page,           0,           NULL, profile },
    { HTTP_POST,     "/account/profile",  web_page,           ROUTE_UPLOAD, NULL, profile },
    { HTTP_GET,      "/account/addresses", web_page,          0,           NULL, addresses },
    { HTTP_POST,     "/account/addresses", web_page,          0,           NULL, addresses },
    { HTTP_GET,      "/account/payment-methods", web_page,    0,           NULL, payments },
    { HTTP_POST,     "/account/payment-methods", web_page,    0,           NULL, payments },
    { HTTP_GET,      "/account/sessions", web_page,           0,           NULL, sessions },
    { HTTP_POST,     "/account/sessions", web_page,           0,           NULL, sessions },
    { HTTP_GET,      "/account/security", web_page,           0,           NULL, security },
    { HTTP_POST,     "/account/security", web_page,           0,           NULL, security },
};
/* clang-format on */

const size_t web_routes_count = sizeof(web_routes) / sizeof(web_routes[0]);
