/*
 * it.h: helpers for the integration tests, which talk to a real stack on loopback (started by
 * tests/run-tests: MariaDB, memcached, lighttpd + market.fcgi). Each tNNNN-*.c file defines
 * `const CU_SuiteInfo suite_tNNNN_<name>` (see IT_SUITE); the makefile lists them.
 * Environment: MARKET_TEST_URL (base URL), MARKET_STACK (the stack script), MARKET_VAR,
 * MARKET_TEST_MAIL_DIR (where the SMTP sink stores what the stack's worker delivered).
 */
#ifndef WM_IT_H
#define WM_IT_H

#include <stdbool.h>
#include <stddef.h>

#include <CUnit/CUnit.h>

#include "core/buf.h"

#define IT_SUITE(sym, name, init, clean, tests) \
    const CU_SuiteInfo suite_##sym = { (name), (init), (clean), NULL, NULL, (tests) }

struct it_response {
    long status;        /* HTTP status, 0 when the request failed */
    struct buf headers; /* raw response header block (heap) */
    struct buf body;    /* response body (heap) */
    double seconds;     /* total time */
    char error[256];    /* curl's message when status == 0 */
};

/* The stack's base URL ("http://127.0.0.1:PORT"), from MARKET_TEST_URL. */
const char *it_base_url(void);

/* The loopback address this test case's requests come from (127.1.x.y, one per test case),
 * which the stack sees as the client's IP. */
const char *it_source_ip(void);

/*
 * Send one request to base + path (or to path itself when it starts with "http").
 * headers: NULL-terminated "Name: value" strings or NULL; body may be NULL (len ignored).
 * Always returns with r filled; release it with it_response_release().
 */
void it_request(const char *method, const char *path, const char *const *headers, const char *body,
                size_t len, struct it_response *r);
void it_get(const char *path, struct it_response *r);
void it_response_release(struct it_response *r);

/* The value of a response header (case-insensitive name), a static copy, or NULL. */
const char *it_header(const struct it_response *r, const char *name);
/* True when the body contains s. */
bool it_body_has(const struct it_response *r, const char *s);

/* Run the stack script with the given arguments (e.g. "db-stop"); returns its exit status. */
int it_stack(const char *args);
/* Run a shell command; returns its exit status. Output goes to the test log. */
int it_sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A free TCP port on 127.0.0.1. */
int it_free_port(void);

/* Poll GET path until it answers want_status or timeout_s passes; returns the last status. */
long it_wait_status(const char *path, long want_status, double timeout_s);

double it_now(void);

/*
 * Run one POST /graphql/ of body (JSON) through the worker binary ($MARKET_FCGI) as plain CGI,
 * with env ("NAME=value ...", e.g. MARKET_GRAPHQL_* overrides or HTTP_AUTHORIZATION=...) over
 * the test stack's config, so the running stack is untouched. *out gets the whole CGI reply
 * (headers and body; heap buffer, buf_release() it).
 */
void it_cgi_post(const char *env, const char *body, struct buf *out);

/* ---- a browser on the HTML pages (http.c) ---- */

/* What a browser keeps between page requests: its cookies and the last page's CSRF token. */
struct it_client {
    char browser[64];        /* wm_browser */
    char session[64];        /* wm_session (the refresh token) */
    char flash[64];          /* wm_flash */
    char cart[80];           /* wm_cart (the anonymous cart's token) */
    char cart_attrs[256];    /* the last wm_cart Set-Cookie line */
    char lang[8];            /* wm_lang (the language chosen; a test may set it) */
    char csrf[80];           /* the last page's _csrf field */
    char cookie_header[512]; /* "Cookie: ..." of the above (it_client_rebuild) */
};

/* Copy the value of cookie name from the Set-Cookie lines of r into out (unchanged when none);
 * attrs gets the whole line when not NULL. True when r sets it. */
bool it_set_cookie(const struct it_response *r, const char *name, char *out, size_t len,
                   char *attrs, size_t alen);
/* Rebuild c->cookie_header from the cookies c holds. */
void it_client_rebuild(struct it_client *c);
/* GET path with c's cookies; c takes the cookies and CSRF token r hands out. */
void it_client_get(struct it_client *c, const char *path, struct it_response *r);
/* POST a form body with c's cookies from this site (Origin: the stack's own, unless origin
 * says); c takes what r hands out. */
void it_client_post(struct it_client *c, const char *path, const char *body, const char *origin,
                    struct it_response *r);
/* it_client_post() of len bytes of another Content-Type (a multipart form), from this site. */
void it_client_post_type(struct it_client *c, const char *path, const char *content_type,
                         const char *body, size_t len, struct it_response *r);
/* Sign c in through the /sign-in page as email (password IT_PASSWORD, "remember me" when
 * remember): true when the answer is the redirect and c holds the session cookie. */
bool it_client_sign_in(struct it_client *c, const char *email, bool remember);
/* s form-encoded where an email needs it ('@', '+'): a static buffer. */
const char *it_form_encode(const char *s);

/* ---- the stack's database (http.c) ---- */

/* Run SQL text (printf-style; several statements allowed) on the stack's database through the
 * mariadb client; its output (tab-separated, no headers) goes to out (size n) when not NULL.
 * Returns the client's exit status. */
int it_sql(char *out, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The number the SQL text (printf-style) reads first; -1 when it fails or reads no number. */
long it_sql_long(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* it_sql_long() again every 100 ms until it reads want or timeout_s pass: the last value read
 * (for what another process, such as the stack's worker, finishes in its own time). */
long it_sql_wait(long want, double timeout_s, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
/* Run `market worker --once` in the stack's var directory (output in <var>/<name>.out): the
 * periodic jobs (media_gc, cart_gc, views_flush) and any job due run now. Its exit status. */
int it_worker_once(const char *name);

/* Set the stack's memcached item key (the stack's cache.prefix "wm:" is added) to the
 * longest run of c the server stores (its item size limit, 1 MB by default): nothing can be
 * appended to it after. The length stored, or -1. */
long it_cache_fill(const char *key, char c);

/* ---- GraphQL (gql.c) ---- */

struct json_object;

/* The password of every account the tests sign up with it_sign_up(). */
#define IT_PASSWORD "Wholesale-Crate-42"

/*
 * POST {query, variables} to /wms/graphql/ as the app does (vars: JSON text or NULL; the
 * Authorization header value or NULL) and return the parsed reply (json_object_put() it).
 * Asserts the HTTP status is 200 and the body is JSON. it_gql_as() sends "Bearer <token>"
 * (token NULL: no header). it_last_reply() is the raw text of the last reply.
 */
struct json_object *it_gql(const char *query, const char *vars, const char *authorization);
struct json_object *it_gql_as(const char *query, const char *vars, const char *token);
const char *it_last_reply(void);

/* The value at a dotted path under data ("login.user.email"; numbers index lists), or NULL. */
struct json_object *it_at(struct json_object *reply, const char *path);

/* extensions.cachedAnswer of a reply (the answer came whole from the response cache): 1 true,
 * 0 false, -1 absent. */
int it_cached_answer(struct json_object *reply);

/* it_at() as a string: NULL (it_str_at) or "" (it_text_at, safe in string asserts) when
 * absent or not a string; as a boolean (false unless true). */
const char *it_str_at(struct json_object *reply, const char *path);
const char *it_text_at(struct json_object *reply, const char *path);
bool it_bool_at(struct json_object *reply, const char *path);

/* True when the member at path is present and JSON null. */
bool it_null_at(struct json_object *reply, const char *path);

/* True when the reply has an "errors" member. */
bool it_has_errors(struct json_object *reply);

/* errors[0].message and errors[0].extensions.code, "" when absent. */
const char *it_error_message(struct json_object *reply);
const char *it_error_code(struct json_object *reply);

/* Sign up a fresh CUSTOMER (email from it_new_email(tag), copied into email when not NULL;
 * password IT_PASSWORD) and return its access token (static copy, one of 4 slots). */
const char *it_sign_up(const char *tag, char *email, size_t len);
/* it_sign_up() with another account type (CUSTOMER, VENDOR/SUPPLIER, RESELLER). */
const char *it_sign_up_as(const char *tag, const char *account_type, char *email, size_t len);

/* Confirm email's address with the link of the verification mail the worker delivered to the
 * SMTP sink (waits up to 15 s for it); false when no such mail came or the link failed. */
bool it_verify_email(const char *email);

/* A new SUPPLIER with a confirmed email and one active product named name (one variant, 0 in
 * stock, price 24.00, category General) made through createProduct: its id into id; returns
 * the vendor's access token (one of it_sign_up_as()'s slots). */
const char *it_vendor_with_product(const char *tag, const char *name, char *id, size_t len);
/* That product (name) made through createProduct by the vendor of token: its id into id. */
void it_vendor_product(const char *token, const char *name, char *id, size_t len);

/* Sign in as the stack's demo account of role ("buyer", "vendor", "reseller": the rows of
 * $MARKET_VAR/demo-logins.txt that `market seed` wrote) and return the access token (static
 * copy, one of 4 slots). */
const char *it_demo_token(const char *role);

/* A fresh address for this run: "it-<tag>-<time>-<pid>-<n>@example.com" (8 kept at once). */
const char *it_new_email(const char *tag);
/* ---- mail (lib/mail.c): messages the stack's worker delivered to the SMTP sink ----------- */

/* One message, decoded. Heap strings (it_mail_release). */
struct it_mail {
    char *path;          /* the file it was read from */
    char *envelope_from; /* MAIL FROM address (sink's X-Sink-Envelope), "" for .eml outbox files */
    char *envelope_to;   /* RCPT TO addresses as "<a>,<b>" */
    char *headers;       /* the message's header block, unfolded, LF line ends */
    char *subject;       /* Subject, RFC 2047 words decoded */
    char *text;     /* the text/plain part, transfer encoding undone, LF line ends; NULL if none */
    char *html;     /* the text/html part likewise; NULL if none */
    char *text_cte; /* Content-Transfer-Encoding of the text part (lowercased) */
    char *html_cte; /* ... of the HTML part */
};

/* The sink's directory (MARKET_TEST_MAIL_DIR, set by tests/run-tests). */
const char *it_mail_dir(void);

/*
 * Wait up to timeout_ms for a message the sink accepted for the recipient to (case-insensitive)
 * and not returned before; fill msg with the oldest such message and mark it read (renamed
 * NNNN.eml.read), so the next call returns the next one. false (msg zeroed) on timeout.
 */
bool it_mail_wait(const char *to, int timeout_ms, struct it_mail *msg);

/* Messages for to not yet returned by it_mail_wait. */
int it_mail_count(const char *to);

/* Parse one message file (sink or .eml outbox). false when it cannot be read. */
bool it_mail_parse_file(const char *path, struct it_mail *msg);

/* The value of a header of msg (first one, case-insensitive name, unfolded), a static copy, or
 * NULL. */
const char *it_mail_header(const struct it_mail *msg, const char *name);

void it_mail_release(struct it_mail *msg);

#endif
