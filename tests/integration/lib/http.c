/*
 * http.c: the integration tests' HTTP client (libcurl), a browser on the pages (cookies, CSRF
 * token), SQL on the stack's database, a memcached item and stack controls (it.h).
 */
#include "it.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <CUnit/TestRun.h>
#include <curl/curl.h>

const char *it_base_url(void)
{
    const char *u = getenv("MARKET_TEST_URL");
    return u ? u : "http://127.0.0.1:8080";
}

double it_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

const char *it_source_ip(void)
{
    /* Each test case gets its own loopback source address (127.1.x.y: the whole of 127/8
     * reaches the stack on 127.0.0.1), so per-IP rate limits are per test, as they would be
     * per client, and a test that means to hit a limit cannot be tripped by the others. */
    static const CU_Test *last;
    static unsigned n;
    static char ip[32];
    const CU_Test *t = CU_get_current_test();
    if (t != last || !ip[0]) {
        last = t;
        n++;
        (void)snprintf(ip, sizeof(ip), "127.1.%u.%u", (n / 250) % 250, n % 250 + 1);
    }
    return ip;
}

static size_t on_data(char *p, size_t size, size_t n, void *arg)
{
    buf_append(arg, p, size * n);
    return size * n;
}

void it_request(const char *method, const char *path, const char *const *headers, const char *body,
                size_t len, struct it_response *r)
{
    memset(r, 0, sizeof(*r));
    buf_init(&r->headers, NULL, 0);
    buf_init(&r->body, NULL, 0);
    char url[2048];
    if (strncmp(path, "http", 4) == 0)
        snprintf(url, sizeof(url), "%s", path);
    else
        snprintf(url, sizeof(url), "%s%s", it_base_url(), path);

    CURL *c = curl_easy_init();
    struct curl_slist *hl = NULL;
    for (const char *const *h = headers; h && *h; h++)
        hl = curl_slist_append(hl, *h);
    /* curl adds "Expect: 100-continue" for large bodies; the tests want one plain exchange. */
    hl = curl_slist_append(hl, "Expect:");
    curl_easy_setopt(c, CURLOPT_URL, url);
    if (strstr(url, "://127.0.0.1")) curl_easy_setopt(c, CURLOPT_INTERFACE, it_source_ip());
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, hl);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &r->body);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_data);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &r->headers);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_PATH_AS_IS, 1L);
    if (strcmp(method, "HEAD") == 0)
        curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
    else if (strcmp(method, "GET") != 0)
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
    if (body) {
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
    }
    double t0 = it_now();
    CURLcode rc = curl_easy_perform(c);
    r->seconds = it_now() - t0;
    if (rc == CURLE_OK)
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
    else
        snprintf(r->error, sizeof(r->error), "%s", curl_easy_strerror(rc));
    curl_slist_free_all(hl);
    curl_easy_cleanup(c);
}

void it_get(const char *path, struct it_response *r)
{
    it_request("GET", path, NULL, NULL, 0, r);
}

void it_response_release(struct it_response *r)
{
    buf_release(&r->headers);
    buf_release(&r->body);
}

const char *it_header(const struct it_response *r, const char *name)
{
    static char value[1024];
    size_t n = strlen(name);
    const char *p = r->headers.ptr;
    /* The header block may hold several responses (100 Continue): the last one wins. */
    const char *found = NULL;
    while (p && *p) {
        const char *eol = strstr(p, "\r\n");
        if (!eol) break;
        if ((size_t)(eol - p) > n && strncasecmp(p, name, n) == 0 && p[n] == ':') {
            const char *v = p + n + 1;
            while (*v == ' ')
                v++;
            size_t vl = (size_t)(eol - v);
            if (vl >= sizeof(value)) vl = sizeof(value) - 1;
            memcpy(value, v, vl);
            value[vl] = '\0';
            found = value;
        }
        p = eol + 2;
    }
    return found;
}

bool it_body_has(const struct it_response *r, const char *s)
{
    return strstr(r->body.ptr, s) != NULL;
}

int it_sh(const char *fmt, ...)
{
    char cmd[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof(cmd), fmt, ap);
    va_end(ap);
    fflush(stdout);
    int rc = system(cmd);
    return rc == -1 ? -1 : WEXITSTATUS(rc);
}

int it_stack(const char *args)
{
    const char *stack = getenv("MARKET_STACK");
    if (!stack) return -1;
    return it_sh("'%s' %s >>'%s/log/it-stack.log' 2>&1", stack, args,
                 getenv("MARKET_VAR") ? getenv("MARKET_VAR") : "/tmp");
}

int it_free_port(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = 0 };
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof(sa);
    int port = -1;
    if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0 &&
        getsockname(fd, (struct sockaddr *)&sa, &len) == 0)
        port = ntohs(sa.sin_port);
    close(fd);
    return port;
}

long it_wait_status(const char *path, long want_status, double timeout_s)
{
    double end = it_now() + timeout_s;
    long last = 0;
    for (;;) {
        struct it_response r;
        it_get(path, &r);
        last = r.status;
        it_response_release(&r);
        if (last == want_status || it_now() > end) return last;
        usleep(100 * 1000);
    }
}

void it_cgi_post(const char *env, const char *body, struct buf *out)
{
    char in[1024], outp[1024];
    snprintf(in, sizeof(in), "%s/cgi-post.in", getenv("MARKET_VAR"));
    snprintf(outp, sizeof(outp), "%s/cgi-post.out", getenv("MARKET_VAR"));
    FILE *f = fopen(in, "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fwrite(body, 1, strlen(body), f);
    fclose(f);
    int rc = it_sh("env %s REQUEST_METHOD=POST REQUEST_URI=/graphql/ "
                   "CONTENT_TYPE=application/json CONTENT_LENGTH=%zu '%s' <'%s' >'%s' 2>/dev/null",
                   env, strlen(body), getenv("MARKET_FCGI"), in, outp);
    CU_ASSERT_EQUAL(rc, 0);
    buf_init(out, NULL, 0);
    f = fopen(outp, "rb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char tmp[4096];
    size_t n;
    while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
        buf_append(out, tmp, n);
    fclose(f);
}

/* ---- a browser on the HTML pages --------------------------------------------------------- */

bool it_set_cookie(const struct it_response *r, const char *name, char *out, size_t len,
                   char *attrs, size_t alen)
{
    const char *p = r->headers.ptr;
    bool found = false;
    while (p && (p = strstr(p, "\nSet-Cookie: ")) != NULL) {
        p += 13;
        size_t n = strlen(name);
        if (strncmp(p, name, n) != 0 || p[n] != '=') continue;
        const char *v = p + n + 1;
        size_t vl = strcspn(v, ";\r\n");
        snprintf(out, len, "%.*s", (int)vl, v);
        if (attrs) snprintf(attrs, alen, "%.*s", (int)strcspn(p, "\r\n"), p);
        found = true;
    }
    return found;
}

void it_client_rebuild(struct it_client *c)
{
    snprintf(c->cookie_header, sizeof(c->cookie_header), "Cookie: wm_browser=%s%s%s%s%s%s%s%s%s",
             c->browser, c->session[0] ? "; wm_session=" : "", c->session,
             c->flash[0] ? "; wm_flash=" : "", c->flash, c->cart[0] ? "; wm_cart=" : "", c->cart,
             c->lang[0] ? "; wm_lang=" : "", c->lang);
}

/* Take the cookies and the CSRF token r hands out. */
static void client_take(struct it_client *c, const struct it_response *r)
{
    it_set_cookie(r, "wm_browser", c->browser, sizeof(c->browser), NULL, 0);
    it_set_cookie(r, "wm_session", c->session, sizeof(c->session), NULL, 0);
    it_set_cookie(r, "wm_flash", c->flash, sizeof(c->flash), NULL, 0);
    it_set_cookie(r, "wm_cart", c->cart, sizeof(c->cart), c->cart_attrs, sizeof(c->cart_attrs));
    it_set_cookie(r, "wm_lang", c->lang, sizeof(c->lang), NULL, 0);
    const char *t = r->body.ptr ? strstr(r->body.ptr, "name=\"_csrf\" value=\"") : NULL;
    if (t) snprintf(c->csrf, sizeof(c->csrf), "%.*s", 64, t + 20);
    it_client_rebuild(c);
}

void it_client_get(struct it_client *c, const char *path, struct it_response *r)
{
    const char *h[] = { c->cookie_header[0] ? c->cookie_header : "X-No-Cookie: 1", NULL };
    it_request("GET", path, h, NULL, 0, r);
    client_take(c, r);
}

static void client_send(struct it_client *c, const char *path, const char *content_type,
                        const char *body, size_t len, const char *origin, struct it_response *r)
{
    char o[256], ct[160];
    snprintf(o, sizeof(o), "Origin: %s", origin ? origin : it_base_url());
    snprintf(ct, sizeof(ct), "Content-Type: %s", content_type);
    const char *h[] = { c->cookie_header[0] ? c->cookie_header : "X-No-Cookie: 1", o, ct, NULL };
    it_request("POST", path, h, body, len, r);
    client_take(c, r);
}

void it_client_post(struct it_client *c, const char *path, const char *body, const char *origin,
                    struct it_response *r)
{
    client_send(c, path, "application/x-www-form-urlencoded", body, strlen(body), origin, r);
}

void it_client_post_type(struct it_client *c, const char *path, const char *content_type,
                         const char *body, size_t len, struct it_response *r)
{
    client_send(c, path, content_type, body, len, NULL, r);
}

bool it_client_sign_in(struct it_client *c, const char *email, bool remember)
{
    struct it_response r;
    it_client_get(c, "/sign-in", &r);
    it_response_release(&r);
    char body[1024];
    snprintf(body, sizeof(body), "_csrf=%s&_op=SignIn&email=%s&password=%s%s", c->csrf,
             it_form_encode(email), IT_PASSWORD, remember ? "&rememberMe=on" : "");
    it_client_post(c, "/sign-in", body, NULL, &r);
    bool ok = r.status == 303 && c->session[0];
    if (!ok) printf("\n  sign-in by page: %ld %s\n", r.status, r.body.ptr ? r.body.ptr : "");
    it_response_release(&r);
    return ok;
}

const char *it_form_encode(const char *s)
{
    static char out[512];
    size_t k = 0;
    for (const char *p = s; *p && k + 4 < sizeof(out); p++) {
        if (*p == '@' || *p == '+')
            k += (size_t)snprintf(out + k, sizeof(out) - k, "%%%02X", (unsigned char)*p);
        else
            out[k++] = *p;
    }
    out[k] = '\0';
    return out;
}

/* ---- the stack's database ---------------------------------------------------------------- */

int it_sql(char *out, size_t n, const char *fmt, ...)
{
    const char *var = getenv("MARKET_VAR");
    char path[1024];
    snprintf(path, sizeof(path), "%s/it-sql-%d.sql", var ? var : "/tmp", (int)getpid());
    FILE *f = fopen(path, "w");
    if (!f) return -1;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(f, fmt, ap);
    va_end(ap);
    fclose(f);
    int rc = it_sh("mariadb --no-defaults --socket='%s/run/mysqld.sock' --user=\"$(id -un)\" -N -B"
                   " market <'%s' >'%s.out'",
                   var, path, path);
    if (out && n) {
        out[0] = '\0';
        char opath[1100];
        snprintf(opath, sizeof(opath), "%s.out", path);
        FILE *o = fopen(opath, "r");
        if (o) {
            size_t got = fread(out, 1, n - 1, o);
            out[got] = '\0';
            fclose(o);
        }
    }
    return rc;
}

static long sql_long_v(const char *fmt, va_list ap)
{
    char sql[2048];
    vsnprintf(sql, sizeof(sql), fmt, ap);
    char out[64];
    if (it_sql(out, sizeof(out), "%s", sql) != 0) return -1;
    long v = -1;
    return sscanf(out, "%ld", &v) == 1 ? v : -1;
}

long it_sql_long(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    long v = sql_long_v(fmt, ap);
    va_end(ap);
    return v;
}

long it_sql_wait(long want, double timeout_s, const char *fmt, ...)
{
    double until = it_now() + timeout_s;
    long v;
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        v = sql_long_v(fmt, ap);
        va_end(ap);
        if (v == want || it_now() >= until) return v;
        usleep(100 * 1000);
    }
}

int it_worker_once(const char *name)
{
    return it_sh("cd '%s' && '%s' worker --once >'%s.out' 2>&1", getenv("MARKET_VAR"),
                 getenv("MARKET_BIN"), name);
}

/* ---- the stack's memcached ------------------------------------------------------------- */

/* One memcached text-protocol "set" of len bytes of c under key: true when STORED. */
static bool mc_set(int fd, const char *key, size_t len, char c)
{
    char head[256];
    int n = snprintf(head, sizeof head, "set %s 0 600 %zu\r\n", key, len);
    char *body = malloc(len + 2);
    if (!body) return false;
    memset(body, c, len);
    memcpy(body + len, "\r\n", 2);
    bool ok = write(fd, head, (size_t)n) == n && write(fd, body, len + 2) == (ssize_t)(len + 2);
    free(body);
    char reply[128];
    ssize_t got = ok ? read(fd, reply, sizeof reply - 1) : -1;
    if (got <= 0) return false;
    reply[got] = '\0';
    return strncmp(reply, "STORED", 6) == 0;
}

long it_cache_fill(const char *key, char c)
{
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    snprintf(sa.sun_path, sizeof sa.sun_path, "%s/run/memcached.sock", getenv("MARKET_VAR"));
    if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
        if (fd >= 0) close(fd);
        return -1;
    }
    char full[200];
    snprintf(full, sizeof full, "wm:%s", key); /* cache.prefix of the test stack */
    /* The largest value the server stores (its item size less key and header), by bisection;
     * a refused set answers SERVER_ERROR and leaves the connection usable. */
    size_t lo = 0, hi = 1024 * 1024;
    while (lo < hi) {
        size_t mid = lo + (hi - lo + 1) / 2;
        if (mc_set(fd, full, mid, c))
            lo = mid;
        else
            hi = mid - 1;
    }
    bool ok = lo > 0 && mc_set(fd, full, lo, c);
    close(fd);
    return ok ? (long)lo : -1;
}
