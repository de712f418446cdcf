/*
 * market.c: the `market` admin command. A thin main: parse the subcommand, load the config
 * (MARKET_CONFIG, environment overrides), initialize what the subcommand needs, run it.
 *   market migrate [--status]   apply sql/migrations in order (or list applied/pending)
 *   market secrets              generate missing keys into the secrets dir (mode 0600)
 *   market seed [--if-empty] [--demo] [--products N] [--vendors N]
 *                               create the demo accounts (random passwords, listed in
 *                               <var>/demo-logins.txt) and a demo catalog (small by default,
 *                               --demo: 100 shops and 5,000 products, --products N up to
 *                               millions). The demo accounts are made when there are no
 *                               users; --if-empty: the catalog only when there are no products
 *   market config               print the effective configuration, secrets masked
 *   market worker [--once]      run queued jobs (mail) until SIGTERM/SIGINT, which lets the
 *                               current job finish; --once: the jobs due now, then exit
 *   market searchd              the search server: loads every product into memory and
 *                               answers searches on search.socket until SIGTERM/SIGINT
 *   market help
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/log.h"
#include "core/rand.h"
#include "auth/jwt.h"
#include "cache/cache.h"
#include "db/db.h"
#include "market/accounts/accounts.h"
#include "market/catalog/catalog_seed.h"
#include "searchd/searchd.h"
#include "worker/worker.h"

#include <curl/curl.h>

extern char **environ;

struct command {
    const char *name;
    int (*fn)(struct wm_ctx *ctx, int argc, char **argv);
    unsigned needs_db : 1;
    const char *help;
};

static int cmd_help(struct wm_ctx *ctx, int argc, char **argv);

static int cmd_migrate(struct wm_ctx *ctx, int argc, char **argv)
{
    const char *dir = arena_printf(ctx->arena, "%s/sql/migrations", ctx->config->root_dir);
    if (argc > 1 && strcmp(argv[1], "--status") == 0) {
        char *version = NULL;
        int rc = db_schema_version(ctx, &version);
        if (rc != WM_OK) return rc;
        printf("schema version: %s\n", version ? version : "(none)");
        return WM_OK;
    }
    int applied = 0;
    int rc = db_migrate(ctx, dir, &applied);
    if (rc != WM_OK) return rc;
    printf("migrate: %d migration%s applied\n", applied, applied == 1 ? "" : "s");
    return WM_OK;
}

/* Write 32 random bytes as hex into path unless it exists; mode 0600. */
static int make_key(struct wm_ctx *ctx, const char *path)
{
    if (access(path, F_OK) == 0) return WM_OK;
    enum { RAW = 32, HEX = 2 * RAW };
    char hex[HEX + 2];
    if (rand_hex(hex, RAW) != 0)
        return wm_errorf(ctx, WM_EINTERNAL, "getrandom failed: %s", strerror(errno));
    hex[HEX] = '\n';
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0)
        return wm_errorf(ctx, WM_EINTERNAL, "cannot create '%s': %s", path, strerror(errno));
    ssize_t n = write(fd, hex, HEX + 1);
    if (close(fd) != 0 || n != HEX + 1)
        return wm_errorf(ctx, WM_EINTERNAL, "cannot write '%s'", path);
    printf("secrets: created %s\n", path);
    return WM_OK;
}

static int cmd_secrets(struct wm_ctx *ctx, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    const char *dir = ctx->config->secrets_dir;
    if (mkdir(dir, 0700) != 0 && errno != EEXIST)
        return wm_errorf(ctx, WM_EINTERNAL, "cannot create '%s': %s", dir, strerror(errno));
    static const char *const keys[] = { "jwt.key", "cookie.key" };
    for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
        int rc = make_key(ctx, arena_printf(ctx->arena, "%s/%s", dir, keys[i]));
        if (rc != WM_OK) return rc;
    }
    return WM_OK;
}

static int cmd_config(struct wm_ctx *ctx, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    struct buf out = BUF_INIT(ctx->arena);
    cfg_dump(ctx->config, &out, true);
    (void)fwrite(out.ptr, 1, out.len, stdout);
    return WM_OK;
}

/* The demo accounts `market seed` creates: one per account type. */
static const struct {
    const char *role;
    const char *email;
    const char *first_name;
    const char *account_type;
} demo_users[] = {
    { "buyer", "buyer@demo.wholesale-market.test", "Bea", "CUSTOMER" },
    { "vendor", "vendor@demo.wholesale-market.test", "Victor", "VENDOR" },
    { "reseller", "reseller@demo.wholesale-market.test", "Rita", "RESELLER" },
};

static const char SQL_USER_COUNT[] = "SELECT COUNT(*) FROM users";
static const char SQL_PRODUCT_COUNT[] = "SELECT COUNT(*) FROM products";

/* A positive count argument of --products / --vendors. */
static int count_arg(struct wm_ctx *ctx, int argc, char **argv, int *i, int64_t *out)
{
    if (*i + 1 >= argc || !str_to_int64(str_from(argv[*i + 1]), out) || *out < 1 ||
        *out > 100000000)
        return wm_errorf(ctx, WM_EINVAL, "%s needs a count from 1 to 100000000", argv[*i]);
    (*i)++;
    return WM_OK;
}

static int seed_accounts(struct wm_ctx *ctx);

/* The demo accounts (once), then the demo catalog. */
static int cmd_seed(struct wm_ctx *ctx, int argc, char **argv)
{
    bool if_empty = false;
    struct catalog_seed_opts opts = { CATALOG_SEED_SMALL_VENDORS, CATALOG_SEED_SMALL_PRODUCTS,
                                      "vendor@demo.wholesale-market.test" };
    bool vendors_given = false;
    int rc = WM_OK;
    for (int i = 1; rc == WM_OK && i < argc; i++) {
        if (strcmp(argv[i], "--if-empty") == 0) {
            if_empty = true;
        } else if (strcmp(argv[i], "--demo") == 0) {
            opts.vendors = vendors_given ? opts.vendors : CATALOG_SEED_DEMO_VENDORS;
            opts.products = CATALOG_SEED_DEMO_PRODUCTS;
        } else if (strcmp(argv[i], "--products") == 0) {
            rc = count_arg(ctx, argc, argv, &i, &opts.products);
            /* About a thousand products per shop for big catalogs. */
            if (rc == WM_OK && !vendors_given && opts.products / 1000 > opts.vendors)
                opts.vendors = opts.products / 1000;
        } else if (strcmp(argv[i], "--vendors") == 0) {
            rc = count_arg(ctx, argc, argv, &i, &opts.vendors);
            vendors_given = true;
        } else {
            rc = wm_errorf(ctx, WM_EINVAL,
                           "unknown argument '%s' (usage: market seed [--if-empty] [--demo] "
                           "[--products N] [--vendors N])",
                           argv[i]);
        }
    }
    int64_t users = 0;
    int64_t products = 0;
    if (rc == WM_OK) rc = db_query_one(ctx, SQL_USER_COUNT, "", "l", &users);
    if (rc == WM_OK) rc = db_query_one(ctx, SQL_PRODUCT_COUNT, "", "l", &products);
    if (rc != WM_OK) return rc;
    if (if_empty && users > 0 && products > 0) {
        printf("seed: %lld users and %lld products already, nothing to do\n", (long long)users,
               (long long)products);
        return WM_OK;
    }
    if (users == 0) rc = seed_accounts(ctx); /* the demo logins are made once */
    if (rc != WM_OK || (if_empty && products > 0)) return rc;
    /* The running stack's cached pages must not outlive the new rows: the seed bumps them. */
    struct cache *cache = NULL;
    if (cache_open(&cache, ctx->config) == WM_OK) ctx->cache = cache;
    rc = catalog_seed(ctx, &opts);
    ctx->cache = NULL;
    cache_close(cache);
    if (rc == WM_OK)
        printf("seed: created %lld shops and %lld products\n", (long long)opts.vendors,
               (long long)opts.products);
    return rc;
}

/* Create the demo accounts in one transaction and list them in <var>/demo-logins.txt (0600). */
static int seed_accounts(struct wm_ctx *ctx)
{
    int rc = WM_OK;
    char err[1024];
    struct jwt_keys *keys = NULL;
    if (jwt_keys_from_config(&keys, ctx->config, err, sizeof(err)) != WM_OK)
        return wm_errorf(ctx, WM_EINTERNAL, "%s", err);
    ctx->jwt = keys;
    struct buf list = BUF_INIT(ctx->arena);
    buf_appends(&list, "# Demo logins of this stack (passwords generated at first run)\n");
    rc = db_begin(ctx);
    for (size_t i = 0; rc == WM_OK && i < sizeof(demo_users) / sizeof(demo_users[0]); i++) {
        char hex[17];
        if (rand_hex(hex, 8) != 0) {
            rc = wm_errorf(ctx, WM_EINTERNAL, "getrandom failed: %s", strerror(errno));
            break;
        }
        char *password = arena_printf(ctx->arena, "Demo-%s", hex);
        struct account_signup in = {
            demo_users[i].email,        password, password, demo_users[i].first_name, "Demo",
            demo_users[i].account_type, true,     true
        };
        const char **problems = NULL;
        size_t nproblems = 0;
        struct account_tokens tokens;
        rc = account_register(ctx, &in, &problems, &nproblems, &tokens);
        if (rc == WM_EINVAL && nproblems > 0)
            rc = wm_errorf(ctx, WM_EINVAL, "%s: %s", demo_users[i].email, problems[0]);
        buf_appendf(&list, "%-9s %-38s %s\n", demo_users[i].role, demo_users[i].email, password);
    }
    rc = rc == WM_OK ? db_commit(ctx) : (db_rollback(ctx), rc);
    ctx->jwt = NULL;
    jwt_keys_free(keys);
    if (rc != WM_OK) return rc;
    const char *path = arena_printf(ctx->arena, "%s/demo-logins.txt", ctx->config->var_dir);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        return wm_errorf(ctx, WM_EINTERNAL, "cannot create '%s': %s", path, strerror(errno));
    ssize_t n = write(fd, list.ptr, list.len);
    if (close(fd) != 0 || n != (ssize_t)list.len)
        return wm_errorf(ctx, WM_EINTERNAL, "cannot write '%s'", path);
    printf("seed: created %zu demo accounts, listed in %s\n",
           sizeof(demo_users) / sizeof(demo_users[0]), path);
    return WM_OK;
}

/* Set by SIGTERM/SIGINT in `market worker`; the loop reads it between jobs. */
static volatile sig_atomic_t worker_stop;

static void on_stop_signal(int sig)
{
    (void)sig;
    worker_stop = 1;
}

static int cmd_worker(struct wm_ctx *ctx, int argc, char **argv)
{
    struct worker_opts opts = { .once = false, .stop = &worker_stop };
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--once") != 0)
            return wm_errorf(ctx, WM_EINVAL,
                             "unknown argument '%s' (usage: market worker [--once])", argv[i]);
        opts.once = true;
    }
    log_set_program("market-worker");
    struct sigaction sa = { .sa_handler = on_stop_signal }; /* no SA_RESTART: wake the poll */
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGTERM, &sa, NULL) != 0 || sigaction(SIGINT, &sa, NULL) != 0)
        return wm_errorf(ctx, WM_EINTERNAL, "sigaction: %s", strerror(errno));
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
        return wm_errorf(ctx, WM_EINTERNAL, "curl_global_init failed");
    /* Jobs read memcached (the product views to flush) and bump what they change there. */
    struct cache *cache = NULL;
    int rc = cache_open(&cache, ctx->config);
    if (rc == WM_OK) {
        ctx->cache = cache;
        rc = worker_run(ctx, &opts);
        ctx->cache = NULL;
        cache_close(cache);
    }
    curl_global_cleanup();
    return rc;
}

static int cmd_searchd(struct wm_ctx *ctx, int argc, char **argv)
{
    if (argc > 1)
        return wm_errorf(ctx, WM_EINVAL, "unknown argument '%s' (usage: market searchd)", argv[1]);
    log_set_program("market-searchd");
    struct sigaction sa = { .sa_handler = on_stop_signal }; /* no SA_RESTART: wake the poll */
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGTERM, &sa, NULL) != 0 || sigaction(SIGINT, &sa, NULL) != 0)
        return wm_errorf(ctx, WM_EINTERNAL, "sigaction: %s", strerror(errno));
    struct searchd_opts opts = { .stop = &worker_stop };
    return searchd_run(ctx, &opts);
}

/* clang-format off */
static const struct command commands[] = {
    { "config",  cmd_config,  0, "print the effective configuration (secrets masked)" },
    { "help",    cmd_help,    0, "list the commands" },
    { "migrate", cmd_migrate, 1, "apply sql/migrations in order; --status prints the version" },
    { "secrets", cmd_secrets, 0, "generate missing keys into the secrets directory" },
    { "searchd", cmd_searchd, 1, "the search server: products in memory, answers on search.socket" },
    { "seed",    cmd_seed,    1, "create the demo accounts and catalog (--if-empty, --demo, --products N, --vendors N)" },
    { "worker",  cmd_worker,  1, "run queued jobs (mail) until SIGTERM; --once: the due ones, then exit" },
};
/* clang-format on */
#define N_COMMANDS (sizeof(commands) / sizeof(commands[0]))

static int cmd_help(struct wm_ctx *ctx, int argc, char **argv)
{
    (void)ctx;
    (void)argc;
    (void)argv;
    printf("usage: market <command> [args]\n\nconfiguration: MARKET_CONFIG=<file>, "
           "overridden by MARKET_<KEY> variables\n\ncommands:\n");
    for (size_t i = 0; i < N_COMMANDS; i++)
        printf("  %-10s %s\n", commands[i].name, commands[i].help);
    return WM_OK;
}

int main(int argc, char **argv)
{
    log_set_program("market");
    if (argc < 2) {
        cmd_help(NULL, 0, NULL);
        return 2;
    }
    const struct command *cmd = NULL;
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(argv[1], commands[i].name) == 0) cmd = &commands[i];
    if (!cmd) {
        (void)fprintf(stderr, "market: unknown command '%s' (see 'market help')\n", argv[1]);
        return 2;
    }
    if (cmd->fn == cmd_help) return cmd_help(NULL, 0, NULL);

    struct config cfg;
    char err[512];
    const char *path = getenv("MARKET_CONFIG");
    if (cfg_load(&cfg, path, path && *path, environ, err, sizeof(err)) != 0) {
        (void)fprintf(stderr, "market: %s\n", err);
        return 1;
    }
    int level = log_level_parse(cfg.log_level);
    if (level >= 0) log_set_level((enum log_level)level);

    struct arena *arena = arena_new(0);
    struct wm_ctx ctx = { .arena = arena, .config = &cfg, .req_id = "cli" };
    int rc = WM_OK;
    if (cmd->needs_db) rc = db_open(&ctx.db, &cfg);
    if (rc == WM_OK) rc = cmd->fn(&ctx, argc - 1, argv + 1);
    if (rc != WM_OK)
        (void)fprintf(stderr, "market %s: %s\n", cmd->name,
                      ctx.err.message ? ctx.err.message : wm_strerror(rc));
    if (ctx.db) db_close(ctx.db);
    arena_free(arena);
    cfg_release(&cfg);
    return rc == WM_OK ? 0 : 1;
}
