/*
 * market_fcgi.c: the FastCGI worker, cgi-bin/market.fcgi. A thin main: load the config,
 * open the process-lifetime handles (MariaDB lazily, memcached), then loop: accept one
 * request, serve it from a per-request arena, finish, reset the arena. SIGTERM (or SIGINT)
 * lets the current request finish, then the loop ends. Started without a FastCGI socket on
 * fd 0 (plain CGI, for hosts without FastCGI) it serves exactly one request from
 * stdin/stdout. `--listen ADDR` (host:port or a socket path) listens itself instead of using
 * the socket the web server passed on fd 0.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curl/curl.h>
#include <fcgiapp.h>

#include "api/api.h"
#include "auth/csrf.h"
#include "auth/jwt.h"
#include "cache/cache.h"
#include "core/arena.h"
#include "core/config.h"
#include "core/log.h"
#include "db/db.h"
#include "http/http.h"
#include "web/web.h"

extern char **environ;

static volatile sig_atomic_t stop_requested;

static void on_stop(int sig)
{
    (void)sig;
    stop_requested = 1;
    FCGX_ShutdownPending();
}

/* Install on_stop for SIGTERM/SIGINT without SA_RESTART, so a blocked accept() returns. */
static void install_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_stop;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    /* lighttpd signals its children with SIGUSR1 on graceful restart: finish, then go. */
    sigaction(SIGUSR1, &sa, NULL);
    (void)signal(SIGPIPE, SIG_IGN);
}

/*
 * Plain CGI: one request. A body the handler did not read (a 404 or 405 for a POST) is
 * drained, up to the body limit, before exiting: a CGI program that exits with unread input
 * makes the web server's socket reset, and the reply can be lost on its way to the client.
 */
static int serve_cgi(struct web_app *app, struct arena *a)
{
    struct http_io io;
    http_io_cgi(&io);
    web_serve(app, &io, a);
    arena_reset(a);
    char sink[16384];
    size_t left = app->limits.max_body;
    while (left > 0) {
        size_t n = http_io_read(&io, sink, left < sizeof(sink) ? left : sizeof(sink));
        if (n == 0) break;
        left -= n;
    }
    return 0;
}

static int serve_fcgi(struct web_app *app, struct arena *a, const char *listen_addr)
{
    int sock = 0;
    if (FCGX_Init() != 0) {
        log_error("FCGX_Init failed");
        return 1;
    }
    if (listen_addr) {
        sock = FCGX_OpenSocket(listen_addr, 128);
        if (sock < 0) {
            log_error("cannot listen on '%s': %s", listen_addr, strerror(errno));
            return 1;
        }
    }
    FCGX_Request req;
    FCGX_InitRequest(&req, sock, 0);
    log_info("worker ready pid=%ld", (long)getpid());
    unsigned long served = 0;
    while (!stop_requested && FCGX_Accept_r(&req) >= 0) {
        struct http_io io;
        http_io_fcgi(&io, &req);
        web_serve(app, &io, a);
        FCGX_Finish_r(&req);
        arena_reset(a);
        served++;
    }
    FCGX_Free(&req, 1);
    log_info("worker exiting pid=%ld requests=%lu", (long)getpid(), served);
    return 0;
}

/* The access-token keys named by auth.*, or NULL after logging why: a worker that cannot
 * check tokens must not serve. */
static struct jwt_keys *load_jwt_keys(const struct config *cfg)
{
    struct jwt_keys *k = NULL;
    char err[1024];
    if (jwt_keys_from_config(&k, cfg, err, sizeof(err)) != 0) {
        log_error("auth: %s", err);
        return NULL;
    }
    return k;
}

/*
 * The config file: MARKET_CONFIG when set; otherwise market.conf in the directory above the
 * executable (<install>/market.conf for <install>/cgi-bin/market.fcgi), when it exists. The
 * fallback serves hosts whose FastCGI process manager passes no environment (mod_fcgid under
 * .htaccess). NULL when there is none: built-in defaults and MARKET_* variables only.
 */
static const char *config_path(char *buf, size_t len)
{
    const char *env = getenv("MARKET_CONFIG");
    if (env && *env) return env;
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    if (n <= 0) return NULL;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash) return NULL;
    *slash = '\0';
    if (snprintf(buf, len, "%s/../market.conf", exe) >= (int)len || access(buf, R_OK) != 0)
        return NULL;
    return buf;
}

/* Everything a worker holds for its lifetime, in start-up order: limits, database and cache
 * handles, the schema, the token keys, the cookie key, libcurl. Logs why and returns -1 when
 * one of them cannot be had (the caller exits). */
static int app_open(struct web_app *app, const struct config *cfg)
{
    char err[512];
    http_limits_init(&app->limits, cfg);
    if (db_open(&app->db, cfg) != 0 || cache_open(&app->cache, cfg) != 0) {
        log_error("cannot initialize the database or cache handle");
        return -1;
    }
    if (api_open(&app->api, cfg, err, sizeof(err)) != 0) {
        log_error("schema: %s", err);
        return -1;
    }
    app->jwt = load_jwt_keys(cfg);
    if (!app->jwt) return -1;
    char *cookie_key = NULL;
    if (csrf_key_load(cfg, &cookie_key, err, sizeof(err)) != 0) {
        log_error("auth: %s", err);
        return -1;
    }
    app->cookie_key = cookie_key;
    /* Before any request: the S3 storage backend (market/media) uses libcurl. */
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        log_error("curl_global_init failed");
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    const char *listen_addr = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--listen") == 0 && i + 1 < argc) {
            listen_addr = argv[++i];
        } else {
            (void)fprintf(stderr, "usage: market.fcgi [--listen host:port|/path.sock]\n");
            return 2;
        }
    }
    log_set_program("market.fcgi");
    install_signals();

    struct config cfg;
    char err[512];
    char fallback[4096];
    const char *path = config_path(fallback, sizeof(fallback));
    if (cfg_load(&cfg, path, path && *path, environ, err, sizeof(err)) != 0) {
        log_error("config: %s", err);
        return 1;
    }
    int level = log_level_parse(cfg.log_level);
    if (level >= 0) log_set_level((enum log_level)level);

    struct web_app app = { .config = &cfg };
    if (app_open(&app, &cfg) != 0) return 1;
    struct arena *a = arena_new((size_t)64 * 1024);
    int rc = (!listen_addr && FCGX_IsCGI()) ? serve_cgi(&app, a) : serve_fcgi(&app, a, listen_addr);
    arena_free(a);
    curl_global_cleanup();
    api_close(app.api);
    jwt_keys_free((struct jwt_keys *)app.jwt);
    csrf_key_free((char *)app.cookie_key);
    cache_close(app.cache);
    db_close(app.db);
    cfg_release(&cfg);
    return rc;
}
