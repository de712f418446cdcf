/*
 * market.c: the `market` admin command. A thin main: parse the subcommand, load the config
 * (MARKET_CONFIG, environment overrides), initialize what the subcommand needs, run it.
 *   market migrate [--status]   apply sql/migrations in order (or list applied/pending)
 *   market secrets              generate missing keys into the secrets dir (mode 0600)
 *   market config               print the effective configuration, secrets masked
 *   market help
 */
#include <errno.h>
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
#include "db/db.h"

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

/* clang-format off */
static const struct command commands[] = {
    { "config",  cmd_config,  0, "print the effective configuration (secrets masked)" },
    { "help",    cmd_help,    0, "list the commands" },
    { "migrate", cmd_migrate, 1, "apply sql/migrations in order; --status prints the version" },
    { "secrets", cmd_secrets, 0, "generate missing keys into the secrets directory" },
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
