/*
 * page.h: the generic page handler (DESIGN.md §1: a page is a query plus a template). A route
 * row whose handler is web_page carries a struct page in its data: the template
 * templates/<name>.cs and beside it the GraphQL document templates/<name>.graphql. A GET runs
 * the document's query operation (variables from the path and the query string) in process
 * through api_execute(), maps the result under Data.* and renders. A POST runs the mutation
 * named by the form field "_op" (it must be a mutation of that document) with variables from
 * the form, then redirects with a flash message (post/redirect/get), or renders the page
 * again with the errors next to their fields and the input kept. Every POST needs the CSRF
 * token and a same-origin request.
 *
 * The anonymous cart: on PAGE_CART pages a signed-out visitor's wm_cart cookie (a random token,
 * HttpOnly, SameSite=Lax, Secure under TLS, CART_ANON_TTL seconds, renewed by every visit
 * and successful POST) is put in ctx->cart_token for the cart's fields (market/cart); a successful
 * PAGE_SIGN_IN mutation moves that cart into the user's (cart_merge()), clears the cookie and says
 * so in the flash (CartMerged, or CartMergedChanged when lines were adjusted or dropped).
 */
#ifndef WM_WEB_PAGE_H
#define WM_WEB_PAGE_H

#include "http/http.h"

enum page_flags {
    PAGE_AUTH = 1 << 0,     /* signed-in only: others are sent to /sign-in?next=<path> */
    PAGE_GUEST = 1 << 1,    /* signed-out only: a signed-in viewer is sent to /account */
    PAGE_SIGN_IN = 1 << 2,  /* a successful mutation whose payload has refreshToken starts the
                               browser's cookie session with it */
    PAGE_SIGN_OUT = 1 << 3, /* after the mutation (success or not) the session cookie goes */
    PAGE_CART = 1 << 4,     /* a signed-out visitor's operations use the anonymous cart of the
                               wm_cart cookie (issued by the first successful POST) */
};

struct page {
    const char *name;  /* "account/profile": templates/account/profile.{cs,graphql} */
    const char *query; /* the operation a GET runs; NULL: none (no .graphql needed for GET) */
    unsigned flags;    /* enum page_flags */
    const char *done;  /* where a successful POST redirects; NULL: the page itself (a safe
                          local "next" form field wins for sign-in). "%id" in it is the id of
                          the payload's first object that has one (the product created);
                          without such an id, the page itself */
    const char *show;  /* a mutation whose successful result is shown, not redirected (what
                          it returns is shown once: enable2FA's secret); NULL: none */
};

/* The handler of every page row. */
http_handler_fn web_page;

/* POST /lang: remember the chosen language (cookie) and go back to the form's "next". */
http_handler_fn web_lang;

#endif
