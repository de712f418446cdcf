/*
 * test_migrate.c: unit tests for src/db/migrate.c against the real MariaDB of a running stack
 * (MARKET_CONFIG), in database market_test. migrate.c is included with its table and lock
 * renamed (and its three public functions prefixed t_), so the suite never touches the
 * schema_migrations table that other suites migrate in the same database. Migration files are
 * written into a private temporary directory; every test starts from no table at all.
 */
#define MIGRATIONS_TABLE     "t_migrate_schema_migrations"
#define MIGRATE_LOCK         "market.t_migrate."
#define MIGRATE_LOCK_WAIT_MS 600
#define db_migrate           t_db_migrate
#define db_migrate_status    t_db_migrate_status
#define db_schema_version    t_db_schema_version
#include "db/migrate.c"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/config.h"
#include "test.h"

extern char **environ;

static struct config cfg;
static struct arena *arena;
static struct db *db;
static struct db *other; /* another migrator */
static struct wm_ctx ctx;
static struct wm_ctx octx;
static char dir[64];

/* clang-format off */
static const char DDL_RESET[] =
    "DROP TABLE IF EXISTS " MIGRATIONS_TABLE ", t_mig_log, t_mig_b, t_mig_c, t_mig_d";
static const char SQL_LOG[] = "SELECT name FROM t_mig_log ORDER BY seq";
static const char SQL_LOG_COUNT[] = "SELECT COUNT(*) FROM t_mig_log";
static const char SQL_HAS_TABLE[] =
    "SELECT COUNT(*) FROM information_schema.tables"
    " WHERE table_schema = DATABASE() AND table_name = ?";
static const char SQL_HAS_COLUMN[] =
    "SELECT COUNT(*) FROM information_schema.columns"
    " WHERE table_schema = DATABASE() AND table_name = ? AND column_name = ?";

/* Each migration logs its number, so the order they ran in can be read back. */
static const char M0001[] =
    "CREATE TABLE t_mig_log (seq INT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(16));\n"
    "INSERT INTO t_mig_log (name) VALUES ('0001');\n";
static const char M0002[] =
    "-- t_mig_b, altered by 0010\n"
    "CREATE TABLE t_mig_b (id INT NOT NULL PRIMARY KEY);\n"
    "INSERT INTO t_mig_log (name) VALUES ('0002');\n";
static const char M0010[] =
    "ALTER TABLE t_mig_b ADD COLUMN c INT NULL;\n"
    "INSERT INTO t_mig_log (name) VALUES ('0010');\n";
static const char M9999[] =
    "CREATE TABLE t_mig_d (id INT NOT NULL PRIMARY KEY);\n"
    "INSERT INTO t_mig_log (name) VALUES ('9999');\n";
static const char M10000[] =
    "ALTER TABLE t_mig_d ADD COLUMN e INT NULL;\n"
    "INSERT INTO t_mig_log (name) VALUES ('10000');\n";
/* clang-format on */

static int suite_init(void)
{
    if (test_stack_config(&cfg, "db/migrate") != 0) return 1;
    snprintf(dir, sizeof dir, "/tmp/wm-migrate-XXXXXX");
    if (!mkdtemp(dir)) {
        fprintf(stderr, "db/migrate: mkdtemp: %s\n", strerror(errno));
        return 1;
    }
    arena = arena_new(0);
    db_open(&db, &cfg);
    db_open(&other, &cfg);
    return 0;
}

static void clear_dir(void)
{
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        if (strcmp(ent->d_name, ".") == 0 || strcmp(ent->d_name, "..") == 0) continue;
        char path[sizeof dir + sizeof ent->d_name + 1];
        snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
        unlink(path);
    }
    closedir(d);
}

static void reset_ctx(struct wm_ctx *c, struct db *d)
{
    memset(c, 0, sizeof *c);
    c->arena = arena;
    c->config = &cfg;
    c->db = d;
    c->req_id = "test";
}

static int suite_clean(void)
{
    if (db) {
        reset_ctx(&ctx, db);
        db_exec_script(&ctx, DDL_RESET, sizeof DDL_RESET - 1);
    }
    clear_dir();
    rmdir(dir);
    db_close(db);
    db_close(other);
    arena_free(arena);
    cfg_release(&cfg);
    return 0;
}

/* No migration table, no test tables, an empty directory. */
static void fresh(void)
{
    arena_reset(arena);
    reset_ctx(&ctx, db);
    reset_ctx(&octx, other);
    CU_ASSERT_EQUAL_FATAL(db_exec_script(&ctx, DDL_RESET, sizeof DDL_RESET - 1), WM_OK);
    clear_dir();
}

static void put(const char *name, const char *text)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs(text, f);
    CU_ASSERT_EQUAL(fclose(f), 0);
}

static void rm(const char *name)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    CU_ASSERT_EQUAL(unlink(path), 0);
}

/* The log rows joined with spaces (arena string). */
static char *log_order(void)
{
    struct db_res *res;
    struct buf b = BUF_INIT(arena);
    CU_ASSERT_EQUAL_FATAL(db_query(&ctx, &res, SQL_LOG, ""), WM_OK);
    char *name;
    while (db_next(res, "s", &name) == 1) {
        if (b.len) buf_appendc(&b, ' ');
        buf_appends(&b, name);
    }
    return b.ptr;
}

static int64_t log_count(void)
{
    int64_t n = -1;
    CU_ASSERT_EQUAL(db_query_one(&ctx, SQL_LOG_COUNT, "", "l", &n), WM_OK);
    return n;
}

static bool has_table(const char *name)
{
    int64_t n = 0;
    CU_ASSERT_EQUAL(db_query_one(&ctx, SQL_HAS_TABLE, "s", "l", name, &n), WM_OK);
    return n > 0;
}

static bool has_column(const char *table, const char *column)
{
    int64_t n = 0;
    CU_ASSERT_EQUAL(db_query_one(&ctx, SQL_HAS_COLUMN, "ss", "l", table, column, &n), WM_OK);
    return n > 0;
}

static bool contains(const char *haystack, const char *needle)
{
    return haystack && strstr(haystack, needle) != NULL;
}

/* The five ordering files, applied. */
static void apply_base(void)
{
    put("0001_log.sql", M0001);
    put("0002_b.sql", M0002);
    put("0010_c.sql", M0010);
    put("9999_d.sql", M9999);
    put("10000_e.sql", M10000);
    int applied = -1;
    CU_ASSERT_EQUAL_FATAL(db_migrate(&ctx, dir, &applied), WM_OK);
    CU_ASSERT_EQUAL(applied, 5);
}

static void test_applies_in_numeric_order(void)
{
    fresh();
    char x[] = "x";
    char *version = x;
    CU_ASSERT_EQUAL(db_schema_version(&ctx, &version), WM_OK);
    CU_ASSERT_PTR_NULL(version); /* no table yet */
    apply_base();
    /* 0002 before 0010 and 9999 before 10000 (a string sort would put 10000 first). */
    CU_ASSERT_STRING_EQUAL(log_order(), "0001 0002 0010 9999 10000");
    CU_ASSERT_TRUE(has_column("t_mig_b", "c"));
    CU_ASSERT_TRUE(has_column("t_mig_d", "e"));
    CU_ASSERT_EQUAL(db_schema_version(&ctx, &version), WM_OK);
    CU_ASSERT_STRING_EQUAL(version, "10000_e.sql");
}

static void test_skips_applied_migrations(void)
{
    fresh();
    apply_base();
    int applied = -1;
    CU_ASSERT_EQUAL(db_migrate(&ctx, dir, &applied), WM_OK);
    CU_ASSERT_EQUAL(applied, 0);
    CU_ASSERT_EQUAL(log_count(), 5);
    put("10001_f.sql", "INSERT INTO t_mig_log (name) VALUES ('10001');");
    CU_ASSERT_EQUAL(db_migrate(&ctx, dir, &applied), WM_OK);
    CU_ASSERT_EQUAL(applied, 1);
    CU_ASSERT_STRING_EQUAL(log_order(), "0001 0002 0010 9999 10000 10001");
    /* Another process (connection) sees everything applied. */
    CU_ASSERT_EQUAL(db_migrate(&octx, dir, &applied), WM_OK);
    CU_ASSERT_EQUAL(applied, 0);
}

static void test_refuses_a_changed_applied_migration(void)
{
    fresh();
    apply_base();
    put("0002_b.sql", "CREATE TABLE t_mig_b (id BIGINT NOT NULL PRIMARY KEY);\n");
    put("10001_f.sql", "INSERT INTO t_mig_log (name) VALUES ('10001');");
    int applied = -1;
    CU_ASSERT_EQUAL(db_migrate(&ctx, dir, &applied), WM_EINVAL);
    CU_ASSERT_EQUAL(applied, 0);
    CU_ASSERT_TRUE(
            contains(ctx.err.message, "migration '0002_b.sql' changed after it was applied"));
    CU_ASSERT_EQUAL(log_count(), 5); /* the pending file was not applied either */
    struct db_migration *list;
    size_t n;
    CU_ASSERT_EQUAL(db_migrate_status(&ctx, dir, &list, &n), WM_EINVAL);
}

static void test_refuses_a_missing_or_renamed_applied_migration(void)
{
    fresh();
    apply_base();
    rm("0010_c.sql");
    CU_ASSERT_EQUAL(db_migrate(&ctx, dir, NULL), WM_EINVAL);
    CU_ASSERT_TRUE(contains(ctx.err.message, "applied migration '0010_c.sql' is missing"));
    put("0010_cc.sql", M0010);
    CU_ASSERT_EQUAL(db_migrate(&ctx, dir, NULL), WM_EINVAL);
    CU_ASSERT_TRUE(contains(ctx.err.message,
                            "applied migration '0010_c.sql' was renamed to '0010_cc.sql'"));
}

static void test_refuses_a_pending_migration_below_the_latest_applied(void)
{
    fresh();
    apply_base();
    put("0005_late.sql", "SELECT 1;");
    CU_ASSERT_EQUAL(db_migrate(&ctx, dir, NULL), WM_EINVAL);
    CU_ASSERT_TRUE(contains(ctx.err.message, "'0005_late.sql' is numbered below the latest "
                                             "applied '10000_e.sql'"));
}

static void test_malformed_names_are_errors_and_other_files_ignored(void)
{
    static const char *const bad[] = { "001_short.sql", "0003-dash.sql", "0004_Upper.sql",
                                       "notes.sql",     "0005_.sql",     "0006_a b.sql" };
    for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
        fresh();
        put("0001_log.sql", M0001);
        put(bad[k], "SELECT 1;");
        CU_ASSERT_EQUAL(db_migrate(&ctx, dir, NULL), WM_EINVAL);
        char want[96];
        snprintf(want, sizeof want, "malformed migration file name '%s'", bad[k]);
        CU_ASSERT_TRUE(contains(ctx.err.message, want));
        CU_ASSERT_FALSE(has_table("t_mig_log"));
    }
    fresh();
    put("0001_log.sql", M0001);
    put("README.md", "not a migration");
    put("0002_x.sql~", "garbage");
    put(".0003_hidden.sql", "garbage");
    put("0004_x.sql.orig", "garbage");
    int applied = -1;
    CU_ASSERT_EQUAL(db_migrate(&ctx, dir, &applied), WM_OK);
    CU_ASSERT_EQUAL(applied, 1);
}

static void test_duplicate_numbers_are_an_error_naming_both_files(void)
{
    fresh();
    put("0001_log.sql", M0001);
    put("0007_a.sql", "SELECT 1;");
    put("00007_b.sql", "SELECT 1;");
    CU_ASSERT_EQUAL(db_migrate(&ctx, dir, NULL), WM_EINVAL);
    CU_ASSERT_TRUE(contains(ctx.err.message,
                            "migrations '00007_b.sql' and '0007_a.sql' have the same number"));
    CU_ASSERT_FALSE(has_table("t_mig_log"));
}

static void test_a_failed_migration_stops_and_is_not_recorded(void)
{
    fresh();
    put("0001_log.sql", M0001);
    put("0002_b.sql", "CREATE TABLE t_mig_b (id INT NOT NULL PRIMARY KEY);\n"
                      "INSERT INTO no_such_table VALUES (1);\n");
    put("0003_c.sql", "CREATE TABLE t_mig_c (id INT);");
    int applied = -1;
    CU_ASSERT_EQUAL(db_migrate(&ctx, dir, &applied), WM_EDB);
    CU_ASSERT_EQUAL(applied, 1);
    CU_ASSERT_TRUE(contains(ctx.err.message, "migration '0002_b.sql' failed: statement 2 failed"));
    CU_ASSERT_FALSE(has_table("t_mig_c"));
    char *version = NULL;
    CU_ASSERT_EQUAL(db_schema_version(&ctx, &version), WM_OK);
    CU_ASSERT_STRING_EQUAL(version, "0001_log.sql");
    /* Not recorded, so it may be fixed; DDL is not transactional, hence IF NOT EXISTS. */
    put("0002_b.sql", "CREATE TABLE IF NOT EXISTS t_mig_b (id INT NOT NULL PRIMARY KEY);\n");
    CU_ASSERT_EQUAL(db_migrate(&ctx, dir, &applied), WM_OK);
    CU_ASSERT_EQUAL(applied, 2);
    CU_ASSERT_TRUE(has_table("t_mig_c"));
}

static void test_status_lists_applied_and_pending(void)
{
    fresh();
    put("0001_log.sql", M0001);
    put("0002_b.sql", M0002);
    struct db_migration *list;
    size_t n = 0;
    CU_ASSERT_EQUAL(db_migrate_status(&ctx, dir, &list, &n), WM_OK); /* no table yet */
    CU_ASSERT_EQUAL_FATAL(n, 2);
    CU_ASSERT_FALSE(list[0].applied);
    CU_ASSERT_FALSE(has_table(MIGRATIONS_TABLE)); /* status creates nothing */
    rm("0002_b.sql");
    CU_ASSERT_EQUAL(db_migrate(&ctx, dir, NULL), WM_OK);
    put("0002_b.sql", M0002);
    CU_ASSERT_EQUAL(db_migrate_status(&ctx, dir, &list, &n), WM_OK);
    CU_ASSERT_EQUAL_FATAL(n, 2);
    CU_ASSERT_EQUAL(list[0].version, 1);
    CU_ASSERT_STRING_EQUAL(list[0].file, "0001_log.sql");
    CU_ASSERT_TRUE(list[0].applied);
    CU_ASSERT_PTR_NOT_NULL_FATAL(list[0].applied_at);
    CU_ASSERT_EQUAL(strlen(list[0].applied_at), strlen("2026-11-26 15:20:18.123456"));
    CU_ASSERT_EQUAL(list[1].version, 2);
    CU_ASSERT_FALSE(list[1].applied);
    CU_ASSERT_PTR_NULL(list[1].applied_at);
}

static void test_a_missing_directory_is_an_error(void)
{
    fresh();
    CU_ASSERT_EQUAL(db_migrate(&ctx, "/nonexistent/migrations", NULL), WM_EINVAL);
    CU_ASSERT_TRUE(contains(ctx.err.message,
                            "cannot open migrations directory '/nonexistent/migrations'"));
}

static void test_a_second_migrator_waits_for_the_lock(void)
{
    fresh();
    put("0001_log.sql", M0001);
    int64_t got = 0;
    CU_ASSERT_EQUAL_FATAL(db_query_one(&octx, SQL_MIGRATE_LOCK, "", "l", &got), WM_OK);
    CU_ASSERT_EQUAL_FATAL(got, 1);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    CU_ASSERT_EQUAL(db_migrate(&ctx, dir, NULL), WM_ECONFLICT);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double waited =
            (double)(t1.tv_sec - t0.tv_sec) * 1000 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    CU_ASSERT(waited >= MIGRATE_LOCK_WAIT_MS && waited < MIGRATE_LOCK_WAIT_MS + 1000);
    CU_ASSERT_TRUE(contains(ctx.err.message, "another migrator holds the lock"));
    CU_ASSERT_FALSE(has_table("t_mig_log"));
    CU_ASSERT_EQUAL(db_query_one(&octx, SQL_MIGRATE_UNLOCK, "", "l", &got), WM_OK);
    CU_ASSERT_EQUAL(db_migrate(&ctx, dir, NULL), WM_OK);
    CU_ASSERT_TRUE(has_table("t_mig_log"));
}

/* clang-format off */
static CU_TestInfo tests[] = {
    { "applies in numeric order", test_applies_in_numeric_order },
    { "skips applied migrations", test_skips_applied_migrations },
    { "refuses a changed applied migration", test_refuses_a_changed_applied_migration },
    { "refuses a missing or renamed applied migration",
      test_refuses_a_missing_or_renamed_applied_migration },
    { "refuses a pending migration below the latest applied",
      test_refuses_a_pending_migration_below_the_latest_applied },
    { "malformed names are errors, other files ignored",
      test_malformed_names_are_errors_and_other_files_ignored },
    { "duplicate numbers are an error naming both files",
      test_duplicate_numbers_are_an_error_naming_both_files },
    { "a failed migration stops and is not recorded",
      test_a_failed_migration_stops_and_is_not_recorded },
    { "status lists applied and pending", test_status_lists_applied_and_pending },
    { "a missing directory is an error", test_a_missing_directory_is_an_error },
    { "a second migrator waits for the lock", test_a_second_migrator_waits_for_the_lock },
    CU_TEST_INFO_NULL,
};
/* clang-format on */

SUITE_INFO(db_migrate, "db/migrate", suite_init, suite_clean, tests);
