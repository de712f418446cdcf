/*
 * migrate.c: applies sql/migrations/NNNN_name.sql files in numeric order and records each in
 * schema_migrations (db.h). The migrator creates that table itself, since the table that
 * records migrations must exist before the first one can be recorded. Applied files are
 * immutable: each run re-checks their FNV-1a 64 checksums and refuses to go on when one
 * changed or disappeared. A server-wide named lock serialises concurrent migrators.
 */
#include "db/db.h"

#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/arena.h"
#include "core/hash.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/log.h"

/* The unit test includes this file with its own table and lock names, so it never touches the
 * schema_migrations table of the database it runs in. */
#ifndef MIGRATIONS_TABLE
#define MIGRATIONS_TABLE "schema_migrations"
#endif
#ifndef MIGRATE_LOCK
#define MIGRATE_LOCK "market.migrate."
#endif
#ifndef MIGRATE_LOCK_WAIT_MS
#define MIGRATE_LOCK_WAIT_MS 30000
#endif
#define MIGRATE_LOCK_POLL_MS 200

/* One row per applied migration; version is the NNNN of the file name (primary key, so the
 * latest is the last in index order), name the whole file name, checksum FNV-1a 64 in hex. */
static const char DDL_MIGRATIONS[] = "CREATE TABLE IF NOT EXISTS " MIGRATIONS_TABLE " ("
                                     " version BIGINT NOT NULL PRIMARY KEY,"
                                     " name VARCHAR(255) NOT NULL,"
                                     " checksum CHAR(16) NOT NULL,"
                                     " applied_at DATETIME(6) NOT NULL"
                                     ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";

/* Asks information_schema, so a missing table is an answer, not a logged SQL error. */
static const char SQL_MIGRATIONS_EXIST[] =
        "SELECT COUNT(*) FROM information_schema.tables"
        " WHERE table_schema = DATABASE() AND table_name = '" MIGRATIONS_TABLE "'";

/* Primary key order (numeric). */
static const char SQL_MIGRATIONS_APPLIED[] =
        "SELECT version, name, checksum, applied_at FROM " MIGRATIONS_TABLE " ORDER BY version";

/* Primary key: a second migrator recording the same version gets 1062. */
static const char SQL_MIGRATION_RECORD[] =
        "INSERT INTO " MIGRATIONS_TABLE " (version, name, checksum, applied_at)"
        " VALUES (?, ?, ?, UTC_TIMESTAMP(6))";

/* Backward primary key scan, one row. */
static const char SQL_MIGRATION_LATEST[] =
        "SELECT name FROM " MIGRATIONS_TABLE " ORDER BY version DESC LIMIT 1";

/* Named locks are server-wide, so the name carries the database (two databases on one server
 * migrate independently; names are limited to 64 characters). GET_LOCK(..., 0) never blocks:
 * the caller polls, so a wait never runs into the connection's read timeout. The lock belongs
 * to the session and is freed by RELEASE_LOCK or when the connection closes. */
static const char SQL_MIGRATE_LOCK[] =
        "SELECT GET_LOCK(LEFT(CONCAT('" MIGRATE_LOCK "', DATABASE()), 64), 0)";
static const char SQL_MIGRATE_UNLOCK[] =
        "SELECT RELEASE_LOCK(LEFT(CONCAT('" MIGRATE_LOCK "', DATABASE()), 64))";
/* 1 while this session still holds the lock: a connection lost and silently reopened between
 * two migrations (db.c retries a statement on a dead connection) would have dropped it. */
static const char SQL_MIGRATE_HOLDS[] =
        "SELECT COALESCE(IS_USED_LOCK(LEFT(CONCAT('" MIGRATE_LOCK "', DATABASE()), 64))"
        " = CONNECTION_ID(), 0)";

/* A migration file found in the directory. */
struct mfile {
    int64_t version;
    char *file; /* "0007_orders.sql" */
    char *text; /* the whole file, NUL-terminated */
    size_t len;
    char checksum[17]; /* FNV-1a 64, 16 hex digits */
};

/* A row of schema_migrations. */
struct applied {
    int64_t version;
    char *name;
    char *checksum;
    char *applied_at;
};

/* NNNN_name.sql: 4+ digits, '_', [a-z0-9_]+, ".sql". Sets *version. */
static bool parse_name(const char *name, int64_t *version)
{
    size_t digits = strspn(name, "0123456789");
    if (digits < 4 || name[digits] != '_') return false;
    if (!str_to_int64((struct str){ name, digits }, version)) return false;
    const char *rest = name + digits + 1;
    size_t word = strspn(rest, "abcdefghijklmnopqrstuvwxyz0123456789_");
    return word > 0 && strcmp(rest + word, ".sql") == 0;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s);
    size_t m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int cmp_mfile(const void *a, const void *b)
{
    const struct mfile *x = a;
    const struct mfile *y = b;
    if (x->version != y->version) return x->version < y->version ? -1 : 1;
    return strcmp(x->file, y->file);
}

/* Read path whole into the arena. */
static int read_file(struct wm_ctx *ctx, const char *path, char **text, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return wm_errorf(ctx, WM_EINVAL, "cannot read '%s': %s", path, strerror(errno));
    struct buf b = BUF_INIT(ctx->arena);
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_append(&b, chunk, n);
    bool failed = ferror(f) != 0;
    if (fclose(f) != 0 || failed) return wm_errorf(ctx, WM_EINVAL, "cannot read '%s'", path);
    *text = b.ptr;
    *len = b.len;
    return WM_OK;
}

/* The migration files of dir, read and checksummed, sorted by version; names checked. */
static int scan_dir(struct wm_ctx *ctx, const char *dir, struct mfile **out, size_t *count)
{
    DIR *d = opendir(dir);
    if (!d)
        return wm_errorf(ctx, WM_EINVAL, "cannot open migrations directory '%s': %s", dir,
                         strerror(errno));
    size_t n = 0;
    size_t cap = 16;
    struct mfile *files = ARENA_ARRAY(ctx->arena, struct mfile, cap);
    int rc = WM_OK;
    struct dirent *ent;
    while (rc == WM_OK && (ent = readdir(d)) != NULL) {
        const char *name = ent->d_name;
        if (name[0] == '.' || !ends_with(name, ".sql")) continue;
        int64_t version;
        if (!parse_name(name, &version)) {
            rc = wm_errorf(ctx, WM_EINVAL,
                           "malformed migration file name '%s' (want NNNN_name.sql with "
                           "4+ digits and [a-z0-9_] in the name)",
                           name);
            break;
        }
        if (n == cap) {
            struct mfile *bigger = ARENA_ARRAY(ctx->arena, struct mfile, cap * 2);
            memcpy(bigger, files, n * sizeof *files);
            files = bigger;
            cap *= 2;
        }
        struct mfile *m = &files[n++];
        m->version = version;
        m->file = arena_strdup(ctx->arena, name);
        char *path = arena_printf(ctx->arena, "%s/%s", dir, name);
        rc = read_file(ctx, path, &m->text, &m->len);
        (void)snprintf(m->checksum, sizeof m->checksum, "%016" PRIx64, hash_fnv1a(m->text, m->len));
    }
    closedir(d);
    if (rc != WM_OK) return rc;
    qsort(files, n, sizeof *files, cmp_mfile);
    for (size_t i = 1; i < n; i++)
        if (files[i].version == files[i - 1].version)
            return wm_errorf(ctx, WM_EINVAL, "migrations '%s' and '%s' have the same number",
                             files[i - 1].file, files[i].file);
    *out = files;
    *count = n;
    return WM_OK;
}

static int table_exists(struct wm_ctx *ctx, bool *exists)
{
    int64_t n = 0;
    int rc = db_query_one(ctx, SQL_MIGRATIONS_EXIST, "", "l", &n);
    *exists = n > 0;
    return rc;
}

/* The rows of schema_migrations in version order. */
static int load_applied(struct wm_ctx *ctx, struct applied **out, size_t *count)
{
    struct db_res *res;
    int rc = db_query(ctx, &res, SQL_MIGRATIONS_APPLIED, "");
    if (rc != WM_OK) return rc;
    struct applied *rows = ARENA_ARRAY(ctx->arena, struct applied, db_res_rows(res) + 1);
    size_t n = 0;
    while ((rc = db_next(res, "lsss", &rows[n].version, &rows[n].name, &rows[n].checksum,
                         &rows[n].applied_at)) > 0)
        n++;
    if (rc < 0) return rc;
    *out = rows;
    *count = n;
    return WM_OK;
}

/*
 * Compare the files with what was applied: every applied row needs its file, unchanged and
 * under the same name; no pending file may be numbered below the latest applied one (a
 * migration merged late would otherwise run after later ones it may depend on being before).
 * Sets files[i] applied flags in is_applied (arena array parallel to files).
 */
static int check_files(struct wm_ctx *ctx, const char *dir, const struct mfile *files,
                       size_t nfiles, const struct applied *ap, size_t napplied, bool **is_applied)
{
    bool *flags = ARENA_ARRAY(ctx->arena, bool, nfiles + 1);
    size_t f = 0;
    for (size_t a = 0; a < napplied; a++) {
        while (f < nfiles && files[f].version < ap[a].version)
            f++;
        if (f == nfiles || files[f].version != ap[a].version)
            return wm_errorf(ctx, WM_EINVAL, "applied migration '%s' is missing from '%s'",
                             ap[a].name, dir);
        if (strcmp(files[f].file, ap[a].name) != 0)
            return wm_errorf(ctx, WM_EINVAL, "applied migration '%s' was renamed to '%s'",
                             ap[a].name, files[f].file);
        if (strcmp(files[f].checksum, ap[a].checksum) != 0)
            return wm_errorf(ctx, WM_EINVAL,
                             "migration '%s' changed after it was applied (checksum %s, "
                             "recorded %s); add a new migration instead",
                             files[f].file, files[f].checksum, ap[a].checksum);
        flags[f] = true;
    }
    if (napplied > 0) {
        const struct applied *latest = &ap[napplied - 1];
        for (size_t i = 0; i < nfiles; i++)
            if (!flags[i] && files[i].version < latest->version)
                return wm_errorf(ctx, WM_EINVAL,
                                 "migration '%s' is numbered below the latest applied '%s'; "
                                 "renumber it",
                                 files[i].file, latest->name);
    }
    *is_applied = flags;
    return WM_OK;
}

static void sleep_ms(long ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

static int take_lock(struct wm_ctx *ctx)
{
    for (long waited = 0;; waited += MIGRATE_LOCK_POLL_MS) {
        int64_t got = 0;
        int rc = db_query_one(ctx, SQL_MIGRATE_LOCK, "", "l", &got);
        if (rc != WM_OK) return rc;
        if (got == 1) return WM_OK;
        if (waited >= MIGRATE_LOCK_WAIT_MS)
            return wm_errorf(ctx, WM_ECONFLICT,
                             "another migrator holds the lock '" MIGRATE_LOCK "<db>' "
                             "(waited %ld ms)",
                             waited);
        if (waited == 0) log_info("waiting for another migrator to finish");
        sleep_ms(MIGRATE_LOCK_POLL_MS);
    }
}

/* Release the lock without disturbing the error already recorded in ctx. */
static void release_lock(struct wm_ctx *ctx)
{
    struct wm_error saved = ctx->err;
    int64_t released = 0;
    if (db_query_one(ctx, SQL_MIGRATE_UNLOCK, "", "l", &released) != WM_OK)
        log_warn("cannot release the migration lock (it goes with the connection)");
    ctx->err = saved;
}

/* Apply the pending files, in order. Runs under the lock. */
static int apply_pending(struct wm_ctx *ctx, const char *dir, int *count)
{
    int rc = db_exec_script(ctx, DDL_MIGRATIONS, sizeof DDL_MIGRATIONS - 1);
    if (rc != WM_OK) return rc;
    struct mfile *files = NULL;
    size_t nfiles = 0;
    rc = scan_dir(ctx, dir, &files, &nfiles);
    if (rc != WM_OK) return rc;
    struct applied *ap;
    size_t napplied;
    rc = load_applied(ctx, &ap, &napplied);
    if (rc != WM_OK) return rc;
    bool *is_applied = NULL;
    rc = check_files(ctx, dir, files, nfiles, ap, napplied, &is_applied);
    if (rc != WM_OK) return rc;
    assert(is_applied != NULL);
    for (size_t i = 0; i < nfiles; i++) {
        const struct mfile *m = &files[i];
        if (is_applied[i]) continue;
        int64_t holds = 0;
        rc = db_query_one(ctx, SQL_MIGRATE_HOLDS, "", "l", &holds);
        if (rc != WM_OK) return rc;
        if (holds != 1)
            return wm_errorf(ctx, WM_EUNAVAIL,
                             "lost the migration lock (connection reopened) before '%s'", m->file);
        log_info("applying migration %s", m->file);
        rc = db_exec_script(ctx, m->text, m->len);
        if (rc != WM_OK)
            return wm_errorf(ctx, rc, "migration '%s' failed: %s", m->file,
                             ctx->err.message ? ctx->err.message : wm_strerror(rc));
        rc = db_exec(ctx, SQL_MIGRATION_RECORD, "lss", m->version, m->file, m->checksum);
        if (rc != WM_OK)
            return wm_errorf(ctx, rc, "migration '%s' was applied but could not be recorded",
                             m->file);
        (*count)++;
    }
    return WM_OK;
}

int db_migrate(struct wm_ctx *ctx, const char *dir, int *applied)
{
    int count = 0;
    if (applied) *applied = 0;
    if (db_in_tx(ctx)) return wm_errorf(ctx, WM_EINTERNAL, "db_migrate() inside a transaction");
    int rc = take_lock(ctx);
    if (rc != WM_OK) return rc;
    /* Everything is read under the lock: a concurrent migrator may just have applied some. */
    rc = apply_pending(ctx, dir, &count);
    release_lock(ctx);
    if (applied) *applied = count;
    if (rc == WM_OK && count > 0) log_info("applied %d migration(s) from %s", count, dir);
    return rc;
}

int db_migrate_status(struct wm_ctx *ctx, const char *dir, struct db_migration **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    struct mfile *files = NULL;
    size_t nfiles = 0;
    int rc = scan_dir(ctx, dir, &files, &nfiles);
    if (rc != WM_OK) return rc;
    bool exists;
    rc = table_exists(ctx, &exists);
    if (rc != WM_OK) return rc;
    struct applied *ap = NULL;
    size_t napplied = 0;
    if (exists && (rc = load_applied(ctx, &ap, &napplied)) != WM_OK) return rc;
    bool *is_applied = NULL;
    rc = check_files(ctx, dir, files, nfiles, ap, napplied, &is_applied);
    if (rc != WM_OK) return rc;
    assert(is_applied != NULL);
    struct db_migration *list = ARENA_ARRAY(ctx->arena, struct db_migration, nfiles + 1);
    size_t a = 0;
    for (size_t i = 0; i < nfiles; i++) {
        list[i].version = files[i].version;
        list[i].file = files[i].file;
        list[i].applied = is_applied[i];
        if (is_applied[i]) {
            assert(ap != NULL);
            while (ap[a].version != files[i].version)
                a++;
            list[i].applied_at = ap[a].applied_at;
        }
    }
    *out = list;
    *n = nfiles;
    return WM_OK;
}

int db_schema_version(struct wm_ctx *ctx, char **version)
{
    *version = NULL;
    bool exists;
    int rc = table_exists(ctx, &exists);
    if (rc != WM_OK || !exists) return rc;
    rc = db_query_one(ctx, SQL_MIGRATION_LATEST, "", "s", version);
    return rc == WM_ENOTFOUND ? WM_OK : rc;
}
