/*
 * test_db.c: unit tests for src/db/db.c against the real MariaDB of a running stack
 * (MARKET_CONFIG), in database market_test. Covers typed binds of every code including NULL,
 * long and utf8mb4 strings, the statement cache, transactions, error mapping, misuse of types
 * strings, a connection killed under the handle (reconnect, or a failed transaction), and an
 * unreachable or hung server (fail fast inside db.retry_after). The suite's tables are
 * dropped and created by init and dropped by clean, so no run depends on an earlier one.
 */
#include "db/db.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "test.h"

extern char **environ;

static struct config cfg;
static struct arena *arena;
static struct db *db;    /* the handle under test */
static struct db *other; /* a second connection: another worker */
static struct wm_ctx ctx;
static struct wm_ctx octx;

/* clang-format off */
static const char DDL_TABLES[] =
    "DROP TABLE IF EXISTS t_db_types, t_db_tx;"
    "CREATE TABLE t_db_types ("
    "  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
    "  l BIGINT NULL, i INT NULL, u BIGINT UNSIGNED NULL, b TINYINT(1) NULL, f DOUBLE NULL,"
    "  s VARCHAR(190) NULL, t MEDIUMTEXT NULL, d DECIMAL(12,2) NULL, ts DATETIME(6) NULL,"
    "  UNIQUE KEY uq_t_db_types_s (s)"
    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;"
    "CREATE TABLE t_db_tx (id INT NOT NULL PRIMARY KEY, v INT NOT NULL) ENGINE=InnoDB;";
static const char DDL_DROP[] = "DROP TABLE IF EXISTS t_db_types, t_db_tx";

static const char SQL_TYPES_CLEAR[] = "DELETE FROM t_db_types";
static const char SQL_TYPES_INSERT[] =
    "INSERT INTO t_db_types (l, i, u, b, f, s, t) VALUES (?, ?, ?, ?, ?, ?, ?)";
static const char SQL_TYPES_GET[] =
    "SELECT l, i, u, b, f, s, t FROM t_db_types WHERE id = ?";
static const char SQL_TYPES_EXTRA[] =
    "UPDATE t_db_types SET d = ?, ts = ? WHERE id = ?";
static const char SQL_TYPES_GET_EXTRA[] =
    "SELECT d, d, ts, id, l FROM t_db_types WHERE id = ?";
static const char SQL_TYPES_BY_S[] = "SELECT id FROM t_db_types WHERE s = ?";
static const char SQL_TYPES_LEN[] =
    "SELECT CHAR_LENGTH(s), LENGTH(s), CHAR_LENGTH(t) FROM t_db_types WHERE id = ?";
static const char SQL_TYPES_SET_S[] = "UPDATE t_db_types SET s = ? WHERE id = ?";
static const char SQL_TYPES_COUNT[] = "SELECT COUNT(*) FROM t_db_types";
static const char SQL_SEQ[] = "SELECT seq FROM seq_1_to_5 WHERE seq >= ? ORDER BY seq";
static const char SQL_ADD[] = "SELECT ? + ?";
static const char SQL_PREPARES[] =
    "SELECT VARIABLE_VALUE FROM information_schema.SESSION_STATUS"
    " WHERE VARIABLE_NAME = 'COM_STMT_PREPARE'";
static const char SQL_CONN_ID[] = "SELECT CONNECTION_ID()";
static const char SQL_TZ[] = "SELECT @@session.time_zone, @@character_set_client";

static const char SQL_TX_CLEAR[] = "DELETE FROM t_db_tx";
static const char SQL_TX_INSERT[] = "INSERT INTO t_db_tx (id, v) VALUES (?, ?)";
static const char SQL_TX_COUNT[] = "SELECT COUNT(*) FROM t_db_tx";
static const char SQL_TX_LOCK[] = "SELECT v FROM t_db_tx WHERE id = ? FOR UPDATE";
static const char SQL_TX_BUMP[] = "UPDATE t_db_tx SET v = v + 1 WHERE id = ?";
/* clang-format on */

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static void reset_ctx(struct wm_ctx *c, struct db *d)
{
    memset(c, 0, sizeof *c);
    c->arena = arena;
    c->config = &cfg;
    c->db = d;
    c->req_id = "test";
}

static int suite_init(void)
{
    if (test_stack_config(&cfg, "db/db") != 0) return 1;
    arena = arena_new(0);
    db_open(&db, &cfg);
    db_open(&other, &cfg);
    reset_ctx(&ctx, db);
    reset_ctx(&octx, other);
    if (db_exec_script(&ctx, DDL_TABLES, sizeof DDL_TABLES - 1) != WM_OK) {
        fprintf(stderr, "db/db: cannot create the test tables in market_test: %s\n",
                ctx.err.message);
        return 1;
    }
    return 0;
}

static int suite_clean(void)
{
    if (db) {
        reset_ctx(&ctx, db);
        db_exec_script(&ctx, DDL_DROP, sizeof DDL_DROP - 1);
    }
    db_close(db);
    db_close(other);
    arena_free(arena);
    cfg_release(&cfg);
    return 0;
}

/* Each test starts with an empty arena, no error, no transaction and empty tables. */
static void fresh(void)
{
    arena_reset(arena);
    reset_ctx(&ctx, db);
    reset_ctx(&octx, other);
    CU_ASSERT_FALSE(db_in_tx(&ctx));
    CU_ASSERT_EQUAL(db_exec(&ctx, SQL_TYPES_CLEAR, ""), WM_OK);
    CU_ASSERT_EQUAL(db_exec(&ctx, SQL_TX_CLEAR, ""), WM_OK);
}

static int64_t count_tx_rows(struct wm_ctx *c)
{
    int64_t n = -1;
    CU_ASSERT_EQUAL(db_query_one(c, SQL_TX_COUNT, "", "l", &n), WM_OK);
    return n;
}

/* ---- binding and reading ----------------------------------------------------------------- */

static void test_binds_and_reads_every_type(void)
{
    fresh();
    struct str text = STR("a struct str");
    int rc = db_exec(&ctx, SQL_TYPES_INSERT, "liubfsS", INT64_C(-9007199254740993), -42, UINT64_MAX,
                     true, 3.25, "plain", text);
    CU_ASSERT_EQUAL_FATAL(rc, WM_OK);
    CU_ASSERT_EQUAL(db_affected_rows(&ctx), 1);
    int64_t id = db_insert_id(&ctx);
    CU_ASSERT(id > 0);

    int64_t l = 0;
    int i = 0;
    uint64_t u = 0;
    bool b = false;
    double f = 0;
    char *s = NULL;
    struct str t = STR_NULL;
    rc = db_query_one(&ctx, SQL_TYPES_GET, "l", "liubfsS", id, &l, &i, &u, &b, &f, &s, &t);
    CU_ASSERT_EQUAL_FATAL(rc, WM_OK);
    CU_ASSERT_EQUAL(l, INT64_C(-9007199254740993));
    CU_ASSERT_EQUAL(i, -42);
    CU_ASSERT_EQUAL(u, UINT64_MAX);
    CU_ASSERT_TRUE(b);
    CU_ASSERT_DOUBLE_EQUAL(f, 3.25, 1e-12);
    CU_ASSERT_STRING_EQUAL(s, "plain");
    CU_ASSERT_TRUE(str_eq(t, text));
    CU_ASSERT_EQUAL(t.ptr[t.len], '\0');

    /* Integers read as text, and the skip code. */
    struct db_res *res;
    CU_ASSERT_EQUAL_FATAL(db_query(&ctx, &res, SQL_TYPES_GET, "l", id), WM_OK);
    CU_ASSERT_EQUAL(db_res_rows(res), 1);
    char *ls = NULL;
    char *us = NULL;
    CU_ASSERT_EQUAL(db_next(res, "s-s----", &ls, &us), 1);
    CU_ASSERT_STRING_EQUAL(ls, "-9007199254740993");
    CU_ASSERT_STRING_EQUAL(us, "18446744073709551615");
    CU_ASSERT_EQUAL(db_next(res, "s-s----", &ls, &us), 0);
}

static void test_null_binds_and_reads_as_null(void)
{
    fresh();
    /* s with NULL and S with a NULL ptr bind SQL NULL; NULL into a number column too. */
    const char *null = NULL; /* a bare NULL in varargs may be an int 0 */
    int rc = db_exec(&ctx, SQL_TYPES_INSERT, "ssssssS", null, null, null, null, null, null,
                     STR_NULL);
    CU_ASSERT_EQUAL_FATAL(rc, WM_OK);
    int64_t id = db_insert_id(&ctx);
    struct db_res *res;
    CU_ASSERT_EQUAL_FATAL(db_query(&ctx, &res, SQL_TYPES_GET, "l", id), WM_OK);
    int64_t l = 7;
    int i = 7;
    uint64_t u = 7;
    bool b = true;
    double f = 7;
    char x[] = "x";
    char *s = x;
    struct str t = STR("x");
    CU_ASSERT_FALSE(db_is_null(res, 0)); /* before the first row */
    CU_ASSERT_EQUAL(db_next(res, "liubfsS", &l, &i, &u, &b, &f, &s, &t), 1);
    CU_ASSERT_EQUAL(l, 0);
    CU_ASSERT_EQUAL(i, 0);
    CU_ASSERT_EQUAL(u, 0);
    CU_ASSERT_FALSE(b);
    CU_ASSERT_DOUBLE_EQUAL(f, 0, 0);
    CU_ASSERT_PTR_NULL(s);
    CU_ASSERT_PTR_NULL(t.ptr);
    CU_ASSERT_EQUAL(t.len, 0);
    for (unsigned c = 0; c < 7; c++)
        CU_ASSERT_TRUE(db_is_null(res, c));
    CU_ASSERT_FALSE(db_is_null(res, 7)); /* out of range */

    /* An empty string is not NULL. */
    CU_ASSERT_EQUAL(db_exec(&ctx, SQL_TYPES_SET_S, "Sl", STR(""), id), WM_OK);
    CU_ASSERT_EQUAL(db_query(&ctx, &res, SQL_TYPES_GET, "l", id), WM_OK);
    CU_ASSERT_EQUAL(db_next(res, "-----s-", &s), 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_STRING_EQUAL(s, "");
    CU_ASSERT_FALSE(db_is_null(res, 5));
}

static void test_decimal_and_datetime_read_as_text(void)
{
    fresh();
    CU_ASSERT_EQUAL_FATAL(db_exec(&ctx, SQL_TYPES_INSERT, "liubfsS", INT64_C(1), 1, UINT64_C(1),
                                  false, 0.5, "d", STR("t")),
                          WM_OK);
    int64_t id = db_insert_id(&ctx);
    CU_ASSERT_EQUAL(
            db_exec(&ctx, SQL_TYPES_EXTRA, "ssl", "1234.50", "2026-11-26 15:20:18.123456", id),
            WM_OK);
    char *d = NULL;
    double df = 0;
    char *ts = NULL;
    char *idtext = NULL;
    int64_t l = 0;
    CU_ASSERT_EQUAL_FATAL(
            db_query_one(&ctx, SQL_TYPES_GET_EXTRA, "l", "sfssl", id, &d, &df, &ts, &idtext, &l),
            WM_OK);
    CU_ASSERT_STRING_EQUAL(d, "1234.50");
    CU_ASSERT_DOUBLE_EQUAL(df, 1234.5, 1e-9);
    CU_ASSERT_STRING_EQUAL(ts, "2026-11-26 15:20:18.123456");
    char want[32];
    snprintf(want, sizeof want, "%" PRId64, id);
    CU_ASSERT_STRING_EQUAL(idtext, want);
    CU_ASSERT_EQUAL(l, 1);

    /* The session runs in UTC with a utf8mb4 client character set. */
    char *tz = NULL;
    char *cs = NULL;
    CU_ASSERT_EQUAL(db_query_one(&ctx, SQL_TZ, "", "ss", &tz, &cs), WM_OK);
    CU_ASSERT_STRING_EQUAL(tz, "+00:00");
    CU_ASSERT_STRING_EQUAL(cs, "utf8mb4");
}

static void test_long_strings_round_trip(void)
{
    fresh();
    size_t n = 200 * 1024 + 7; /* well over 64 KiB, and over the 16 KiB arena block */
    char *big = malloc(n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(big);
    for (size_t k = 0; k < n; k++)
        big[k] = (char)('a' + k % 26);
    int rc = db_exec(&ctx, SQL_TYPES_INSERT, "liubfsS", INT64_C(0), 0, UINT64_C(0), false, 0.0,
                     "long", (struct str){ big, n });
    CU_ASSERT_EQUAL_FATAL(rc, WM_OK);
    int64_t id = db_insert_id(&ctx);
    struct str t = STR_NULL;
    char *ts = NULL;
    rc = db_query_one(&ctx, SQL_TYPES_GET, "l", "-----sS", id, &ts, &t);
    CU_ASSERT_EQUAL_FATAL(rc, WM_OK);
    CU_ASSERT_EQUAL(t.len, n);
    CU_ASSERT(t.len == n && memcmp(t.ptr, big, n) == 0);
    CU_ASSERT_STRING_EQUAL(ts, "long");
    free(big);
}

static void test_utf8mb4_round_trips(void)
{
    fresh();
    /* 4-byte emoji, a 3-byte CJK character and a 2-byte accent: 10 characters, 16 bytes. */
    const char *text = "caf\xc3\xa9 \xf0\x9f\x9b\x92 \xe4\xb8\xad!!";
    int rc = db_exec(&ctx, SQL_TYPES_INSERT, "liubfsS", INT64_C(0), 0, UINT64_C(0), false, 0.0,
                     text, str_from(text));
    CU_ASSERT_EQUAL_FATAL(rc, WM_OK);
    int64_t id = db_insert_id(&ctx);
    char *s = NULL;
    CU_ASSERT_EQUAL(db_query_one(&ctx, SQL_TYPES_GET, "l", "-----s-", id, &s), WM_OK);
    CU_ASSERT_STRING_EQUAL(s, text);
    int64_t chars = 0;
    int64_t bytes = 0;
    int64_t tchars = 0;
    CU_ASSERT_EQUAL(db_query_one(&ctx, SQL_TYPES_LEN, "l", "lll", id, &chars, &bytes, &tchars),
                    WM_OK);
    CU_ASSERT_EQUAL(chars, 10); /* the server saw characters, not mis-decoded bytes */
    CU_ASSERT_EQUAL(bytes, 16);
    CU_ASSERT_EQUAL(tchars, 10);
    /* And the emoji finds its row through a bound parameter. */
    int64_t found = 0;
    CU_ASSERT_EQUAL(db_query_one(&ctx, SQL_TYPES_BY_S, "s", "l", text, &found), WM_OK);
    CU_ASSERT_EQUAL(found, id);
}

static void test_statements_are_prepared_once_per_connection(void)
{
    fresh();
    int64_t before = 0;
    int64_t after = 0;
    int64_t sum = 0;
    /* Warm both statements, then count server-side prepares around ten executions. */
    CU_ASSERT_EQUAL(db_query_one(&ctx, SQL_ADD, "ll", "l", INT64_C(1), INT64_C(1), &sum), WM_OK);
    CU_ASSERT_EQUAL(db_query_one(&ctx, SQL_PREPARES, "", "l", &before), WM_OK);
    for (int k = 0; k < 10; k++) {
        CU_ASSERT_EQUAL(db_query_one(&ctx, SQL_ADD, "li", "l", (int64_t)k, 100, &sum), WM_OK);
        CU_ASSERT_EQUAL(sum, k + 100);
    }
    CU_ASSERT_EQUAL(db_query_one(&ctx, SQL_PREPARES, "", "l", &after), WM_OK);
    CU_ASSERT_EQUAL(after, before);
}

static void test_a_result_stays_readable_when_its_statement_runs_again(void)
{
    fresh();
    struct db_res *first;
    struct db_res *second;
    CU_ASSERT_EQUAL_FATAL(db_query(&ctx, &first, SQL_SEQ, "l", INT64_C(1)), WM_OK);
    CU_ASSERT_EQUAL_FATAL(db_query(&ctx, &second, SQL_SEQ, "l", INT64_C(4)), WM_OK);
    CU_ASSERT_EQUAL(db_res_rows(first), 5);
    CU_ASSERT_EQUAL(db_res_rows(second), 2);
    int64_t v = 0;
    int64_t want = 1;
    while (db_next(first, "l", &v) == 1)
        CU_ASSERT_EQUAL(v, want++);
    CU_ASSERT_EQUAL(want, 6);
    CU_ASSERT_EQUAL(db_next(second, "l", &v), 1);
    CU_ASSERT_EQUAL(v, 4);
}

static void test_affected_rows_count_matched_rows(void)
{
    fresh();
    for (int k = 1; k <= 3; k++)
        CU_ASSERT_EQUAL(db_exec(&ctx, SQL_TX_INSERT, "ii", k, 0), WM_OK);
    CU_ASSERT_EQUAL(db_insert_id(&ctx), 0); /* no AUTO_INCREMENT column */
    int64_t id = 0;
    CU_ASSERT_EQUAL(db_exec(&ctx, SQL_TYPES_INSERT, "liubfsS", INT64_C(0), 0, UINT64_C(0), false,
                            0.0, "same", STR("t")),
                    WM_OK);
    id = db_insert_id(&ctx);
    /* Writing the value the row already has still counts (CLIENT_FOUND_ROWS). */
    CU_ASSERT_EQUAL(db_exec(&ctx, SQL_TYPES_SET_S, "sl", "same", id), WM_OK);
    CU_ASSERT_EQUAL(db_affected_rows(&ctx), 1);
    CU_ASSERT_EQUAL(db_exec(&ctx, SQL_TYPES_SET_S, "sl", "same", id + 1000), WM_OK);
    CU_ASSERT_EQUAL(db_affected_rows(&ctx), 0);
}

/* ---- errors ------------------------------------------------------------------------------ */

static void test_duplicate_key_is_a_conflict(void)
{
    fresh();
    CU_ASSERT_EQUAL(db_exec(&ctx, SQL_TYPES_INSERT, "liubfsS", INT64_C(0), 0, UINT64_C(0), false,
                            0.0, "dup", STR("")),
                    WM_OK);
    int rc = db_exec(&ctx, SQL_TYPES_INSERT, "liubfsS", INT64_C(0), 0, UINT64_C(0), false, 0.0,
                     "dup", STR(""));
    CU_ASSERT_EQUAL(rc, WM_ECONFLICT);
    CU_ASSERT_EQUAL(ctx.err.code, WM_ECONFLICT);
    CU_ASSERT_STRING_EQUAL(ctx.err.message, "already exists");
    CU_ASSERT_FALSE(db_retryable(&ctx));
    /* The connection is fine afterwards. */
    int64_t n = 0;
    CU_ASSERT_EQUAL(db_query_one(&ctx, SQL_TYPES_COUNT, "", "l", &n), WM_OK);
    CU_ASSERT_EQUAL(n, 1);
}

static void test_types_string_mismatches_are_internal_errors(void)
{
    fresh();
    /* Too few parameter codes. */
    CU_ASSERT_EQUAL(db_exec(&ctx, SQL_TX_INSERT, "i", 1), WM_EINTERNAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(ctx.err.message, "parameter count"));
    CU_ASSERT_PTR_NOT_NULL(strstr(ctx.err.message, "INSERT INTO t_db_tx"));
    /* An unknown code is refused before any vararg is read. */
    CU_ASSERT_EQUAL(db_exec(&ctx, SQL_TX_INSERT, "ix", 1, 2), WM_EINTERNAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(ctx.err.message, "unknown code"));
    CU_ASSERT_EQUAL(count_tx_rows(&ctx), 0);

    /* Result codes: wrong count, unknown code, text read as a number, int overflow. */
    struct db_res *res;
    CU_ASSERT_EQUAL_FATAL(db_query(&ctx, &res, SQL_TZ, ""), WM_OK);
    char *a = NULL;
    int64_t l = 0;
    CU_ASSERT_EQUAL(db_next(res, "s", &a), WM_EINTERNAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(ctx.err.message, "1 codes for 2 columns"));
    CU_ASSERT_EQUAL(db_next(res, "sz", &a, &l), WM_EINTERNAL);
    CU_ASSERT_EQUAL(db_next(res, "ls", &l, &a), WM_EINTERNAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(ctx.err.message, "not an integer"));
    int i = 0;
    CU_ASSERT_EQUAL(db_query_one(&ctx, SQL_ADD, "ll", "i", INT64_C(4000000000), INT64_C(0), &i),
                    WM_EINTERNAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(ctx.err.message, "out of range for int"));
}

static void test_query_one_wants_exactly_one_row(void)
{
    fresh();
    int64_t v = 0;
    wm_clear_error(&ctx);
    CU_ASSERT_EQUAL(db_query_one(&ctx, SQL_SEQ, "l", "l", INT64_C(9), &v), WM_ENOTFOUND);
    CU_ASSERT_EQUAL(ctx.err.code, WM_OK); /* the caller names what is missing */
    CU_ASSERT_EQUAL(db_query_one(&ctx, SQL_SEQ, "l", "l", INT64_C(5), &v), WM_OK);
    CU_ASSERT_EQUAL(v, 5);
    CU_ASSERT_EQUAL(db_query_one(&ctx, SQL_SEQ, "l", "l", INT64_C(4), &v), WM_EINTERNAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(ctx.err.message, "more than one row"));
}

static void test_sql_errors_are_edb_with_detail_kept_out_of_the_message(void)
{
    fresh();
    static const char SQL_BAD[] = "SELECT no_such_column FROM t_db_tx";
    struct db_res *res = NULL;
    CU_ASSERT_EQUAL(db_query(&ctx, &res, SQL_BAD, ""), WM_EDB);
    CU_ASSERT_PTR_NULL(res);
    CU_ASSERT_STRING_EQUAL(ctx.err.message, "statement failed (errno 1054)");
    CU_ASSERT_STRING_EQUAL(wm_client_message(&ctx, WM_EDB), "internal error (request test)");
    /* Still usable. */
    CU_ASSERT_EQUAL(count_tx_rows(&ctx), 0);
}

static void test_exec_script_runs_statements_and_names_the_failing_one(void)
{
    fresh();
    static const char ok[] = "INSERT INTO t_db_tx VALUES (1, 1);\n"
                             "-- a comment\n"
                             "INSERT INTO t_db_tx VALUES (2, 2); SELECT 1;\n";
    CU_ASSERT_EQUAL(db_exec_script(&ctx, ok, sizeof ok - 1), WM_OK);
    CU_ASSERT_EQUAL(count_tx_rows(&ctx), 2);
    static const char bad[] = "INSERT INTO t_db_tx VALUES (3, 3);"
                              "INSERT INTO t_db_tx VALUES (3, 3);"
                              "INSERT INTO t_db_tx VALUES (4, 4);";
    CU_ASSERT_EQUAL(db_exec_script(&ctx, bad, sizeof bad - 1), WM_EDB);
    CU_ASSERT_PTR_NOT_NULL(strstr(ctx.err.message, "statement 2 failed"));
    CU_ASSERT_PTR_NOT_NULL(strstr(ctx.err.message, "Duplicate entry"));
    CU_ASSERT_EQUAL(count_tx_rows(&ctx), 3); /* statement 1 stays, 3 never ran */
    CU_ASSERT_EQUAL(db_exec_script(&ctx, " \n\t", 3), WM_OK);
    /* Multi-statement mode is off again for ordinary statements. */
    CU_ASSERT_EQUAL(db_exec(&ctx, SQL_TX_INSERT, "ii", 9, 9), WM_OK);
    CU_ASSERT_EQUAL(db_begin(&ctx), WM_OK);
    CU_ASSERT_EQUAL(db_exec_script(&ctx, ok, sizeof ok - 1), WM_EINTERNAL);
    CU_ASSERT_EQUAL(db_rollback(&ctx), WM_OK);
}

/* ---- transactions ------------------------------------------------------------------------ */

static void test_commit_persists_and_rollback_discards(void)
{
    fresh();
    CU_ASSERT_EQUAL(db_begin(&ctx), WM_OK);
    CU_ASSERT_TRUE(db_in_tx(&ctx));
    CU_ASSERT_EQUAL(db_exec(&ctx, SQL_TX_INSERT, "ii", 1, 10), WM_OK);
    CU_ASSERT_EQUAL(count_tx_rows(&octx), 0); /* not visible to another connection yet */
    CU_ASSERT_EQUAL(db_commit(&ctx), WM_OK);
    CU_ASSERT_FALSE(db_in_tx(&ctx));
    CU_ASSERT_EQUAL(count_tx_rows(&octx), 1);

    CU_ASSERT_EQUAL(db_begin(&ctx), WM_OK);
    CU_ASSERT_EQUAL(db_exec(&ctx, SQL_TX_INSERT, "ii", 2, 20), WM_OK);
    CU_ASSERT_EQUAL(count_tx_rows(&ctx), 2);
    CU_ASSERT_EQUAL(db_rollback(&ctx), WM_OK);
    CU_ASSERT_FALSE(db_in_tx(&ctx));
    CU_ASSERT_EQUAL(count_tx_rows(&ctx), 1);
    CU_ASSERT_EQUAL(db_commit(&ctx), WM_EINTERNAL); /* nothing to commit */
    CU_ASSERT_EQUAL(db_rollback(&ctx), WM_OK);      /* harmless */
}

static void test_nested_transactions_commit_only_at_the_outermost_level(void)
{
    fresh();
    CU_ASSERT_EQUAL(db_begin(&ctx), WM_OK);
    CU_ASSERT_EQUAL(db_exec(&ctx, SQL_TX_INSERT, "ii", 1, 1), WM_OK);
    CU_ASSERT_EQUAL(db_begin(&ctx), WM_OK);
    CU_ASSERT_EQUAL(db_exec(&ctx, SQL_TX_INSERT, "ii", 2, 2), WM_OK);
    CU_ASSERT_EQUAL(db_commit(&ctx), WM_OK);
    CU_ASSERT_TRUE(db_in_tx(&ctx));
    CU_ASSERT_EQUAL(count_tx_rows(&octx), 0);
    CU_ASSERT_EQUAL(db_commit(&ctx), WM_OK);
    CU_ASSERT_FALSE(db_in_tx(&ctx));
    CU_ASSERT_EQUAL(count_tx_rows(&octx), 2);

    /* An inner rollback dooms the whole transaction. */
    CU_ASSERT_EQUAL(db_begin(&ctx), WM_OK);
    CU_ASSERT_EQUAL(db_exec(&ctx, SQL_TX_INSERT, "ii", 3, 3), WM_OK);
    CU_ASSERT_EQUAL(db_begin(&ctx), WM_OK);
    CU_ASSERT_EQUAL(db_rollback(&ctx), WM_OK);
    CU_ASSERT_TRUE(db_in_tx(&ctx));
    CU_ASSERT_EQUAL(db_exec(&ctx, SQL_TX_INSERT, "ii", 4, 4), WM_EINTERNAL);
    CU_ASSERT_EQUAL(db_commit(&ctx), WM_EINTERNAL);
    CU_ASSERT_FALSE(db_in_tx(&ctx));
    CU_ASSERT_EQUAL(count_tx_rows(&ctx), 2);
}

static void test_a_failed_statement_fails_the_transaction(void)
{
    fresh();
    CU_ASSERT_EQUAL(db_begin(&ctx), WM_OK);
    CU_ASSERT_EQUAL(db_exec(&ctx, SQL_TX_INSERT, "ii", 1, 1), WM_OK);
    CU_ASSERT_EQUAL(db_exec(&ctx, SQL_TX_INSERT, "ii", 1, 1), WM_ECONFLICT);
    /* Later statements fail the same way without running. */
    CU_ASSERT_EQUAL(db_exec(&ctx, SQL_TX_INSERT, "ii", 2, 2), WM_ECONFLICT);
    CU_ASSERT_STRING_EQUAL(ctx.err.message, "already exists");
    int64_t n = -1;
    CU_ASSERT_EQUAL(db_query_one(&ctx, SQL_TX_COUNT, "", "l", &n), WM_ECONFLICT);
    CU_ASSERT_EQUAL(db_commit(&ctx), WM_ECONFLICT);
    CU_ASSERT_STRING_EQUAL(ctx.err.message, "already exists");
    CU_ASSERT_FALSE(db_in_tx(&ctx));
    CU_ASSERT_EQUAL(count_tx_rows(&ctx), 0); /* the first insert was rolled back */
}

static void test_lock_wait_timeout_is_a_retryable_conflict(void)
{
    fresh();
    static const char short_wait[] = "SET SESSION innodb_lock_wait_timeout = 1";
    CU_ASSERT_EQUAL(db_exec(&ctx, SQL_TX_INSERT, "ii", 1, 0), WM_OK);
    CU_ASSERT_EQUAL_FATAL(db_exec_script(&octx, short_wait, sizeof short_wait - 1), WM_OK);
    CU_ASSERT_EQUAL(db_begin(&ctx), WM_OK);
    int v = -1;
    CU_ASSERT_EQUAL(db_query_one(&ctx, SQL_TX_LOCK, "i", "i", 1, &v), WM_OK);
    CU_ASSERT_EQUAL(v, 0);
    CU_ASSERT_EQUAL(db_begin(&octx), WM_OK);
    CU_ASSERT_EQUAL(db_exec(&octx, SQL_TX_BUMP, "i", 1), WM_ECONFLICT);
    CU_ASSERT_TRUE(db_retryable(&octx));
    CU_ASSERT_EQUAL(db_commit(&octx), WM_ECONFLICT);
    CU_ASSERT_EQUAL(db_commit(&ctx), WM_OK);
    /* Run again, it goes through. */
    CU_ASSERT_EQUAL(db_begin(&octx), WM_OK);
    CU_ASSERT_FALSE(db_retryable(&octx));
    CU_ASSERT_EQUAL(db_exec(&octx, SQL_TX_BUMP, "i", 1), WM_OK);
    CU_ASSERT_EQUAL(db_commit(&octx), WM_OK);
    CU_ASSERT_EQUAL(db_query_one(&ctx, SQL_TX_LOCK, "i", "i", 1, &v), WM_OK);
    CU_ASSERT_EQUAL(v, 1);
}

/* ---- lost connections -------------------------------------------------------------------- */

/* Kill c's connection from the other handle, as a server restart or a DBA would. */
static void kill_connection_of(struct wm_ctx *c)
{
    int64_t id = 0;
    CU_ASSERT_EQUAL_FATAL(db_query_one(c, SQL_CONN_ID, "", "l", &id), WM_OK);
    char kill[64];
    int n = snprintf(kill, sizeof kill, "KILL CONNECTION %" PRId64, id);
    struct wm_ctx *k = c == &ctx ? &octx : &ctx;
    CU_ASSERT_EQUAL_FATAL(db_exec_script(k, kill, (size_t)n), WM_OK);
    usleep(50 * 1000); /* let the server close the socket */
}

static void test_a_killed_connection_is_reopened_and_the_statement_retried(void)
{
    fresh();
    int64_t before = 0;
    int64_t after = 0;
    CU_ASSERT_EQUAL(db_query_one(&ctx, SQL_CONN_ID, "", "l", &before), WM_OK);
    kill_connection_of(&ctx);
    int rc = db_exec(&ctx, SQL_TX_INSERT, "ii", 1, 1);
    CU_ASSERT_EQUAL(rc, WM_OK);
    CU_ASSERT_EQUAL(db_query_one(&ctx, SQL_CONN_ID, "", "l", &after), WM_OK);
    CU_ASSERT_NOT_EQUAL(before, after);
    CU_ASSERT_EQUAL(count_tx_rows(&octx), 1);
    /* db_begin() on a dead connection reconnects too. */
    kill_connection_of(&ctx);
    CU_ASSERT_EQUAL(db_begin(&ctx), WM_OK);
    CU_ASSERT_EQUAL(db_exec(&ctx, SQL_TX_INSERT, "ii", 2, 2), WM_OK);
    CU_ASSERT_EQUAL(db_commit(&ctx), WM_OK);
    CU_ASSERT_EQUAL(count_tx_rows(&octx), 2);
    /* And so does a ping. */
    kill_connection_of(&ctx);
    CU_ASSERT_EQUAL(db_ping(&ctx), WM_OK);
}

static void test_a_connection_lost_inside_a_transaction_fails_it(void)
{
    fresh();
    CU_ASSERT_EQUAL(db_begin(&ctx), WM_OK);
    CU_ASSERT_EQUAL(db_exec(&ctx, SQL_TX_INSERT, "ii", 1, 1), WM_OK);
    kill_connection_of(&ctx);
    CU_ASSERT_EQUAL(db_exec(&ctx, SQL_TX_INSERT, "ii", 2, 2), WM_EUNAVAIL);
    CU_ASSERT_STRING_EQUAL(ctx.err.message, "database unavailable");
    /* No reconnect in the middle of the transaction: the rest fails at once. */
    double t0 = now_ms();
    CU_ASSERT_EQUAL(db_exec(&ctx, SQL_TX_INSERT, "ii", 3, 3), WM_EUNAVAIL);
    CU_ASSERT(now_ms() - t0 < 50);
    CU_ASSERT_EQUAL(db_commit(&ctx), WM_EUNAVAIL);
    CU_ASSERT_FALSE(db_in_tx(&ctx));
    /* The next statement reconnects; nothing of the transaction was kept. */
    CU_ASSERT_EQUAL(count_tx_rows(&ctx), 0);
}

/* A unix socket that accepts connections into its backlog and never answers: a hung server. */
static int hung_server(char *path, size_t len)
{
    snprintf(path, len, "/tmp/wm-db-hung-%ld.sock", (long)getpid());
    unlink(path);
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    snprintf(sa.sun_path, sizeof sa.sun_path, "%s", path);
    if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof sa) != 0 || listen(fd, 16) != 0) {
        if (fd >= 0) close(fd);
        return -1;
    }
    return fd;
}

/* A handle on cfg with db.socket replaced, one-second timeouts and retry_after. */
static struct db *open_with_socket(struct config *c, const char *sock)
{
    char err[256];
    CU_ASSERT_EQUAL(cfg_load(c, NULL, false, NULL, err, sizeof err), 0);
    CU_ASSERT_EQUAL(cfg_set(c, "db.socket", sock, err, sizeof err), 0);
    CU_ASSERT_EQUAL(cfg_set(c, "db.connect_timeout", "1", err, sizeof err), 0);
    CU_ASSERT_EQUAL(cfg_set(c, "db.rw_timeout", "1", err, sizeof err), 0);
    CU_ASSERT_EQUAL(cfg_set(c, "db.retry_after", "1", err, sizeof err), 0);
    struct db *d;
    db_open(&d, c);
    return d;
}

static void test_an_unreachable_server_fails_fast(void)
{
    fresh();
    struct config c;
    struct db *d = open_with_socket(&c, "/nonexistent/mysql.sock");
    struct wm_ctx dctx;
    reset_ctx(&dctx, d);
    double t0 = now_ms();
    CU_ASSERT_EQUAL(db_exec(&dctx, SQL_TX_INSERT, "ii", 1, 1), WM_EUNAVAIL);
    CU_ASSERT_STRING_EQUAL(dctx.err.message, "database unavailable");
    for (int k = 0; k < 100; k++) {
        int64_t n;
        CU_ASSERT_EQUAL(db_query_one(&dctx, SQL_TX_COUNT, "", "l", &n), WM_EUNAVAIL);
    }
    CU_ASSERT_EQUAL(db_begin(&dctx), WM_EUNAVAIL);
    CU_ASSERT_FALSE(db_in_tx(&dctx));
    CU_ASSERT_EQUAL(db_ping(&dctx), WM_EUNAVAIL);
    char *v = NULL;
    CU_ASSERT_EQUAL(db_schema_version(&dctx, &v), WM_EUNAVAIL);
    CU_ASSERT(now_ms() - t0 < 200);
    db_close(d);
    cfg_release(&c);
}

static void test_a_hung_server_costs_one_connect_timeout_per_retry_window(void)
{
    fresh();
    char path[108];
    int fd = hung_server(path, sizeof path);
    CU_ASSERT_FATAL(fd >= 0);
    struct config c;
    struct db *d = open_with_socket(&c, path);
    struct wm_ctx dctx;
    reset_ctx(&dctx, d);

    double t0 = now_ms();
    CU_ASSERT_EQUAL(db_exec(&dctx, SQL_TX_INSERT, "ii", 1, 1), WM_EUNAVAIL);
    double first = now_ms() - t0;
    CU_ASSERT(first >= 900 && first < 2500); /* db.connect_timeout = 1 s, not a hang */

    t0 = now_ms();
    for (int k = 0; k < 100; k++)
        CU_ASSERT_EQUAL(db_exec(&dctx, SQL_TX_INSERT, "ii", 1, 1), WM_EUNAVAIL);
    CU_ASSERT(now_ms() - t0 < 50); /* inside db.retry_after: no attempt at all */

    usleep(1100 * 1000); /* past db.retry_after: the next call tries again */
    t0 = now_ms();
    CU_ASSERT_EQUAL(db_ping(&dctx), WM_EUNAVAIL);
    CU_ASSERT(now_ms() - t0 >= 900);

    db_close(d);
    cfg_release(&c);
    close(fd);
    unlink(path);
}

static void test_ping_answers_for_a_live_server(void)
{
    fresh();
    CU_ASSERT_EQUAL(db_ping(&ctx), WM_OK);
    CU_ASSERT_EQUAL(db_ping(&octx), WM_OK);
}

/* clang-format off */
static CU_TestInfo tests[] = {
    { "binds and reads every type", test_binds_and_reads_every_type },
    { "NULL binds and reads as NULL", test_null_binds_and_reads_as_null },
    { "DECIMAL and DATETIME read as text, session is UTC utf8mb4",
      test_decimal_and_datetime_read_as_text },
    { "strings over 64 KiB round trip", test_long_strings_round_trip },
    { "utf8mb4 (emoji) round trips", test_utf8mb4_round_trips },
    { "statements are prepared once per connection",
      test_statements_are_prepared_once_per_connection },
    { "a result stays readable when its statement runs again",
      test_a_result_stays_readable_when_its_statement_runs_again },
    { "affected rows count matched rows", test_affected_rows_count_matched_rows },
    { "duplicate key is WM_ECONFLICT", test_duplicate_key_is_a_conflict },
    { "types string mismatches are WM_EINTERNAL naming the statement",
      test_types_string_mismatches_are_internal_errors },
    { "query_one wants exactly one row", test_query_one_wants_exactly_one_row },
    { "SQL errors are WM_EDB with no detail for clients",
      test_sql_errors_are_edb_with_detail_kept_out_of_the_message },
    { "exec_script runs statements and names the failing one",
      test_exec_script_runs_statements_and_names_the_failing_one },
    { "commit persists and rollback discards", test_commit_persists_and_rollback_discards },
    { "nested transactions commit only at the outermost level",
      test_nested_transactions_commit_only_at_the_outermost_level },
    { "a failed statement fails the transaction", test_a_failed_statement_fails_the_transaction },
    { "lock wait timeout is a retryable conflict", test_lock_wait_timeout_is_a_retryable_conflict },
    { "a killed connection is reopened and the statement retried",
      test_a_killed_connection_is_reopened_and_the_statement_retried },
    { "a connection lost inside a transaction fails it",
      test_a_connection_lost_inside_a_transaction_fails_it },
    { "an unreachable server fails fast", test_an_unreachable_server_fails_fast },
    { "a hung server costs one connect timeout per retry window",
      test_a_hung_server_costs_one_connect_timeout_per_retry_window },
    { "ping answers for a live server", test_ping_answers_for_a_live_server },
    CU_TEST_INFO_NULL,
};
/* clang-format on */

SUITE_INFO(db_db, "db/db", suite_init, suite_clean, tests);
