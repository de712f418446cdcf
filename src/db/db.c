/*
 * db.c: the worker's MariaDB connection (db.h). The connection opens lazily and is reopened by
 * hand (auto-reconnect would silently invalidate every prepared statement); a failed connect
 * arms a retry_after window during which calls fail at once. Prepared statements are cached in
 * an open-addressing table keyed by the address of their static SQL text; a reconnect keeps the
 * keys and re-prepares on next use. Results are copied whole into the request arena, so the
 * statement is free again as soon as db_query() returns.
 * Invariant: while a transaction is open (tx_depth > 0) nothing is ever retried or reconnected;
 * the first failure is remembered in tx_err and every later statement of it fails fast.
 */
#include "db/db.h"

#include <assert.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <errmsg.h>
#include <mysql.h>
#include <mysqld_error.h>

#include "core/clock.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/log.h"

/* Characters of a statement quoted in logs and error messages. */
#define SQL_LABEL_LEN 60

/* One cached prepared statement. Slots are never removed: a reconnect only closes stmt. */
struct stmt_slot {
    const char *sql;  /* key: the address of the static SQL text; NULL = free slot */
    MYSQL_STMT *stmt; /* NULL until prepared on the current connection */
};

struct db {
    MYSQL *conn;              /* NULL while disconnected */
    char *host;               /* db.host (used when socket is empty) */
    char *socket;             /* db.socket */
    char *name;               /* db.name */
    char *user;               /* db.user */
    char *password;           /* db.password */
    unsigned port;            /* db.port */
    unsigned connect_timeout; /* seconds */
    unsigned rw_timeout;      /* seconds, read and write */
    int64_t retry_after_ms;   /* pause after a failed connect */
    int64_t down_until_ms;    /* monotonic ms; no connect attempt before this */
    struct stmt_slot *slots;  /* open addressing, linear probing; cap is a power of two */
    size_t nslots;            /* slots in use */
    size_t cap;               /* slots allocated */
    int tx_depth;             /* nesting of db_begin(); 0 = autocommit */
    int tx_err;               /* first error inside the transaction, WM_OK if none */
    bool retryable;           /* last failure was a deadlock or lock wait timeout */
    uint64_t affected;        /* db_affected_rows() */
    int64_t insert_id;        /* db_insert_id() */
    uint64_t statements;      /* db_statement_count(): statements and commands sent */
    char **interned;          /* db_intern(): heap copies of built statement texts */
    size_t ninterned;
};

/* What an error means for the connection and for a retry. */
enum err_class {
    ERR_SQL,       /* an ordinary SQL error: WM_EDB */
    ERR_DUPLICATE, /* 1062: WM_ECONFLICT "already exists" */
    ERR_LOCK,      /* deadlock or lock wait timeout: WM_ECONFLICT, retryable */
    ERR_GONE,      /* the connection was dead before the statement was sent: retry is safe */
    ERR_LOST,      /* lost during the statement: it may have run; drop, never retry */
    ERR_REPREPARE, /* the server wants this statement prepared again: retry is safe */
};

/* An error copied out of the client library before the handle that held it is closed. */
struct sql_err {
    unsigned no;
    char state[SQLSTATE_LENGTH + 1];
    char msg[256];
};

/* A cell of a buffered result. */
struct cell {
    union {
        int64_t i;
        uint64_t u;
        double f;
    } v;
    char *s;      /* text columns: arena copy, NUL-terminated */
    size_t len;   /* text columns: bytes */
    bool is_null; /* SQL NULL */
};

enum col_kind { COL_INT, COL_UINT, COL_DOUBLE, COL_TEXT };

struct db_res {
    struct wm_ctx *ctx; /* where db_next() records errors */
    const char *sql;    /* for messages */
    unsigned ncols;
    size_t nrows;
    size_t pos;           /* rows consumed by db_next(); the current row is pos - 1 */
    enum col_kind *kinds; /* per column */
    struct cell *cells;   /* nrows * ncols, row-major */
};

static const char RESULT_CODES[] = "liubfsS-";
static const char PARAM_CODES[] = "liubfsS";

/* ---- small helpers ------------------------------------------------------------------- */

static char *xstrdup(const char *s)
{
    char *p = strdup(s ? s : "");
    if (!p) wm_oom(strlen(s ? s : "") + 1);
    return p;
}

static unsigned clamp_uint(int64_t v)
{
    if (v < 0) return 0;
    if (v > (int64_t)UINT_MAX) return UINT_MAX;
    return (unsigned)v;
}

static void copy_text(char *dst, size_t cap, const char *src)
{
    (void)snprintf(dst, cap, "%s", src ? src : "");
}

static void err_from_stmt(struct sql_err *e, MYSQL_STMT *st)
{
    e->no = mysql_stmt_errno(st);
    copy_text(e->state, sizeof e->state, mysql_stmt_sqlstate(st));
    copy_text(e->msg, sizeof e->msg, mysql_stmt_error(st));
}

static void err_from_conn(struct sql_err *e, MYSQL *m)
{
    e->no = mysql_errno(m);
    copy_text(e->state, sizeof e->state, mysql_sqlstate(m));
    copy_text(e->msg, sizeof e->msg, mysql_error(m));
}

static enum err_class classify(unsigned no)
{
    switch (no) {
    case ER_DUP_ENTRY:
        return ERR_DUPLICATE;
    case ER_LOCK_DEADLOCK:
    case ER_LOCK_WAIT_TIMEOUT:
        return ERR_LOCK;
    case CR_SERVER_GONE_ERROR:
    case ER_UNKNOWN_STMT_HANDLER:
        return ERR_GONE;
    case CR_SERVER_LOST:
    case CR_SERVER_LOST_EXTENDED:
    case ER_CONNECTION_KILLED:
    case ER_SERVER_SHUTDOWN:
        return ERR_LOST;
    case ER_NEED_REPREPARE:
        return ERR_REPREPARE;
    default:
        return ERR_SQL;
    }
}

/* ---- connection ---------------------------------------------------------------------- */

/* Close the connection (the server rolls back any open transaction) and every statement;
 * the slots keep their keys so statements re-prepare on next use. */
static void drop_conn(struct db *db)
{
    if (!db->conn) return;
    /* mysql_close() detaches the statements first, so closing them afterwards frees memory
     * without sending anything on a connection that may be dead. */
    mysql_close(db->conn);
    db->conn = NULL;
    for (size_t i = 0; i < db->cap; i++) {
        if (db->slots[i].stmt) {
            mysql_stmt_close(db->slots[i].stmt);
            db->slots[i].stmt = NULL;
        }
    }
}

static int unavailable(struct wm_ctx *ctx)
{
    return wm_errorf(ctx, WM_EUNAVAIL, "database unavailable");
}

/* Make sure db->conn is open. Fails fast with WM_EUNAVAIL inside the retry_after window, or
 * when the connection was lost inside a transaction (never reconnect mid-transaction). */
static int ensure_conn(struct wm_ctx *ctx, struct db *db)
{
    if (db->conn) return WM_OK;
    if (db->tx_depth > 0 || clock_ms() < db->down_until_ms) return unavailable(ctx);

    MYSQL *m = mysql_init(NULL);
    if (!m) wm_oom(sizeof(MYSQL));
    unsigned connect_timeout = db->connect_timeout;
    unsigned rw_timeout = db->rw_timeout;
    my_bool reconnect = 0;
    unsigned local_infile = 0;
    mysql_optionsv(m, MYSQL_OPT_CONNECT_TIMEOUT, &connect_timeout);
    mysql_optionsv(m, MYSQL_OPT_READ_TIMEOUT, &rw_timeout);
    mysql_optionsv(m, MYSQL_OPT_WRITE_TIMEOUT, &rw_timeout);
    mysql_optionsv(m, MYSQL_OPT_RECONNECT, &reconnect);
    mysql_optionsv(m, MYSQL_OPT_LOCAL_INFILE, &local_infile);
    mysql_optionsv(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
    /* Timestamps are UTC (DESIGN §5): NOW() and CURRENT_TIMESTAMP follow the session zone. */
    mysql_optionsv(m, MYSQL_INIT_COMMAND, "SET time_zone = '+00:00'");

    bool use_socket = db->socket[0] != '\0';
    /* CLIENT_FOUND_ROWS: affected rows count matched rows (db_affected_rows()). */
    if (!mysql_real_connect(m, use_socket ? "localhost" : db->host, db->user, db->password,
                            db->name, use_socket ? 0 : db->port, use_socket ? db->socket : NULL,
                            CLIENT_FOUND_ROWS)) {
        struct sql_err e;
        err_from_conn(&e, m);
        mysql_close(m);
        db->down_until_ms = clock_ms() + db->retry_after_ms;
        log_error("database connect to '%s' failed: errno=%u %s; next attempt in %" PRId64 " ms",
                  use_socket ? db->socket : db->host, e.no, e.msg, db->retry_after_ms);
        return unavailable(ctx);
    }
    db->conn = m;
    db->down_until_ms = 0;
    return WM_OK;
}

int db_open(struct db **out, const struct config *cfg)
{
    struct db *db = calloc(1, sizeof *db);
    if (!db) wm_oom(sizeof *db);
    /* Idempotent; must run before any other client call (not thread safe, we have none). */
    mysql_library_init(0, NULL, NULL);
    db->host = xstrdup(cfg->db_host);
    db->socket = xstrdup(cfg->db_socket);
    db->name = xstrdup(cfg->db_name);
    db->user = xstrdup(cfg->db_user);
    db->password = xstrdup(cfg->db_password);
    db->port = clamp_uint(cfg->db_port);
    db->connect_timeout = clamp_uint(cfg->db_connect_timeout);
    db->rw_timeout = clamp_uint(cfg->db_rw_timeout);
    db->retry_after_ms = cfg->db_retry_after > 0 ? cfg->db_retry_after * 1000 : 0;
    db->cap = 64;
    db->slots = calloc(db->cap, sizeof *db->slots);
    if (!db->slots) wm_oom(db->cap * sizeof *db->slots);
    *out = db;
    return WM_OK;
}

void db_close(struct db *db)
{
    if (!db) return;
    drop_conn(db);
    for (size_t i = 0; i < db->ninterned; i++)
        free(db->interned[i]);
    free(db->interned);
    free(db->slots);
    free(db->host);
    free(db->socket);
    free(db->name);
    free(db->user);
    free(db->password);
    free(db);
}

uint64_t db_statement_count(const struct wm_ctx *ctx)
{
    return ctx->db ? ctx->db->statements : 0;
}

const char *db_intern(struct wm_ctx *ctx, const char *sql)
{
    struct db *db = ctx->db;
    for (size_t i = 0; i < db->ninterned; i++)
        if (strcmp(db->interned[i], sql) == 0) return db->interned[i];
    if (db->ninterned >= DB_INTERN_MAX) return NULL;
    if (db->ninterned % 16 == 0) {
        char **grown = realloc(db->interned, (db->ninterned + 16) * sizeof(*grown));
        if (!grown) wm_oom((db->ninterned + 16) * sizeof(*grown));
        db->interned = grown;
    }
    char *copy = xstrdup(sql);
    db->interned[db->ninterned++] = copy;
    return copy;
}

/* ---- statement cache ----------------------------------------------------------------- */

static size_t slot_hash(const char *sql, size_t cap)
{
    uint64_t h = (uint64_t)(uintptr_t)sql * UINT64_C(0x9E3779B97F4A7C15);
    return (size_t)(h >> 32) & (cap - 1);
}

static void slots_grow(struct db *db)
{
    size_t old_cap = db->cap;
    struct stmt_slot *old = db->slots;
    db->cap = old_cap * 2;
    db->slots = calloc(db->cap, sizeof *db->slots);
    if (!db->slots) wm_oom(db->cap * sizeof *db->slots);
    for (size_t i = 0; i < old_cap; i++) {
        if (!old[i].sql) continue;
        size_t j = slot_hash(old[i].sql, db->cap);
        while (db->slots[j].sql)
            j = (j + 1) & (db->cap - 1);
        db->slots[j] = old[i];
    }
    free(old);
}

/* The slot for sql, inserted when new. sql must have static storage: the same address must
 * always hold the same text (checked, since a reused stack buffer would run the wrong SQL). */
static struct stmt_slot *slot_for(struct db *db, const char *sql)
{
    if ((db->nslots + 1) * 4 > db->cap * 3) slots_grow(db);
    size_t i = slot_hash(sql, db->cap);
    while (db->slots[i].sql && db->slots[i].sql != sql)
        i = (i + 1) & (db->cap - 1);
    if (!db->slots[i].sql) {
        db->slots[i].sql = sql;
        db->nslots++;
    }
    return &db->slots[i];
}

/* Prepare slot's statement on the current connection if needed. 0 or a MySQL errno (e). */
static unsigned prepare_slot(struct db *db, struct stmt_slot *slot, struct sql_err *e)
{
    if (slot->stmt) return 0;
    MYSQL_STMT *st = mysql_stmt_init(db->conn);
    if (!st) wm_oom(sizeof(MYSQL_STMT));
    my_bool update_max_length = 1;
    mysql_stmt_attr_set(st, STMT_ATTR_UPDATE_MAX_LENGTH, &update_max_length);
    if (mysql_stmt_prepare(st, slot->sql, strlen(slot->sql)) != 0) {
        err_from_stmt(e, st);
        mysql_stmt_close(st);
        return e->no;
    }
    slot->stmt = st;
    return 0;
}

/* ---- errors -------------------------------------------------------------------------- */

/* Turn a server or client error into a WM_E* code (see db.h), log it, drop the connection
 * when it is unusable, and remember the first failure of a transaction. */
static int report(struct wm_ctx *ctx, struct db *db, const char *sql, const struct sql_err *e)
{
    int rc;
    switch (classify(e->no)) {
    case ERR_DUPLICATE:
        /* The server's message quotes the duplicate value: keep it out of the log. */
        log_info("duplicate key (errno %u) in \"%.*s\"", e->no, SQL_LABEL_LEN, sql);
        rc = wm_errorf(ctx, WM_ECONFLICT, "already exists");
        break;
    case ERR_LOCK:
        db->retryable = true;
        log_warn("lock conflict (errno %u) in \"%.*s\"", e->no, SQL_LABEL_LEN, sql);
        rc = wm_errorf(ctx, WM_ECONFLICT, "conflicting change, please retry");
        break;
    case ERR_GONE:
    case ERR_LOST:
        drop_conn(db);
        log_error("database connection lost: errno=%u %s; in \"%.*s\"", e->no, e->msg,
                  SQL_LABEL_LEN, sql);
        rc = unavailable(ctx);
        break;
    case ERR_REPREPARE:
    case ERR_SQL:
    default:
        log_error("statement failed: errno=%u sqlstate=%s %s; in \"%.*s\"", e->no, e->state, e->msg,
                  SQL_LABEL_LEN, sql);
        rc = wm_errorf(ctx, WM_EDB, "statement failed (errno %u)", e->no);
        break;
    }
    if (db->tx_depth > 0 && db->tx_err == WM_OK) db->tx_err = rc;
    return rc;
}

/* A statement of a transaction that already failed: fail the same way without running it.
 * ctx->err is kept when it already describes that failure. */
static int tx_failed(struct wm_ctx *ctx, struct db *db)
{
    if (ctx->err.code == db->tx_err) return db->tx_err;
    return wm_errorf(ctx, db->tx_err, "%s", wm_strerror(db->tx_err));
}

static int misuse(struct wm_ctx *ctx, const char *sql, const char *what)
{
    log_error("database misuse: %s; in \"%.*s\"", what, SQL_LABEL_LEN, sql);
    return wm_errorf(ctx, WM_EINTERNAL, "%s in \"%.*s\"", what, SQL_LABEL_LEN, sql);
}

/* ---- parameters ---------------------------------------------------------------------- */

static void bind_int(struct arena *a, MYSQL_BIND *b, long long value)
{
    long long *v = ARENA_NEW(a, long long);
    *v = value;
    b->buffer_type = MYSQL_TYPE_LONGLONG;
    b->buffer = v;
}

/* Bind the varargs described by types (already checked against PARAM_CODES) into an arena
 * array of MYSQL_BIND. Values are copied into the arena; strings are borrowed from the caller
 * for the duration of the call. */
static MYSQL_BIND *bind_params(struct arena *a, const char *types, va_list *ap)
{
    size_t n = strlen(types);
    MYSQL_BIND *b = ARENA_ARRAY(a, MYSQL_BIND, n ? n : 1);
    for (size_t i = 0; i < n; i++) {
        switch (types[i]) {
        case 'l': {
            int64_t v = va_arg(*ap, int64_t);
            bind_int(a, &b[i], v);
            break;
        }
        case 'i': {
            int v = va_arg(*ap, int);
            bind_int(a, &b[i], v);
            break;
        }
        case 'b':
            bind_int(a, &b[i], va_arg(*ap, int) != 0);
            break;
        case 'u': {
            unsigned long long *v = ARENA_NEW(a, unsigned long long);
            *v = va_arg(*ap, uint64_t);
            b[i].buffer_type = MYSQL_TYPE_LONGLONG;
            b[i].buffer = v;
            b[i].is_unsigned = 1;
            break;
        }
        case 'f': {
            double *v = ARENA_NEW(a, double);
            *v = va_arg(*ap, double);
            b[i].buffer_type = MYSQL_TYPE_DOUBLE;
            b[i].buffer = v;
            break;
        }
        case 's':
        case 'S': {
            struct str s;
            if (types[i] == 's')
                s = str_from(va_arg(*ap, const char *));
            else
                s = va_arg(*ap, struct str);
            if (!s.ptr) {
                b[i].buffer_type = MYSQL_TYPE_NULL;
                break;
            }
            unsigned long *len = ARENA_NEW(a, unsigned long);
            *len = s.len;
            b[i].buffer_type = MYSQL_TYPE_STRING;
            b[i].buffer = (char *)s.ptr; /* read only: the client never writes it */
            b[i].buffer_length = s.len;
            b[i].length = len;
            break;
        }
        default:
            assert(!"unreachable: types checked by the caller");
        }
    }
    return b;
}

/* ---- execution ----------------------------------------------------------------------- */

/*
 * Prepare (when needed), bind and execute sql with params. Outside a transaction a statement
 * that failed because the connection was already dead (2006, 1243) or because the server asks
 * for a re-prepare (1615) is tried once more on a fresh connection or statement; an error
 * during the statement (2013: it may have run, or a read timeout that a retry would double)
 * drops the connection for the next call but is not retried. On success *out is the executed
 * statement, its result (if any) not yet read.
 */
static int execute(struct wm_ctx *ctx, const char *sql, const char *types, MYSQL_BIND *params,
                   MYSQL_STMT **out)
{
    struct db *db = ctx->db;
    db->statements++;
    for (int attempt = 0;; attempt++) {
        int rc = ensure_conn(ctx, db);
        if (rc != WM_OK) return rc;
        struct stmt_slot *slot = slot_for(db, sql);
        struct sql_err e = { 0 };
        if (prepare_slot(db, slot, &e) == 0) {
            MYSQL_STMT *st = slot->stmt;
            if (mysql_stmt_param_count(st) != strlen(types))
                return misuse(ctx, sql, "types string does not match the parameter count");
            if (mysql_stmt_bind_param(st, params) == 0 && mysql_stmt_execute(st) == 0) {
                *out = st;
                return WM_OK;
            }
            err_from_stmt(&e, st);
        }
        enum err_class cls = classify(e.no);
        bool again = attempt == 0 && db->tx_depth == 0;
        if (cls == ERR_GONE && again) {
            log_warn("database connection was closed (errno %u); reconnecting", e.no);
            drop_conn(db);
            continue;
        }
        if (cls == ERR_REPREPARE && again && slot->stmt) {
            mysql_stmt_close(slot->stmt);
            slot->stmt = NULL;
            continue;
        }
        return report(ctx, db, sql, &e);
    }
}

/* Common entry checks of a statement function. */
static int precheck(struct wm_ctx *ctx, const char *sql, const char *types)
{
    assert(ctx && ctx->db && sql && types);
    struct db *db = ctx->db;
    db->retryable = false;
    if (strspn(types, PARAM_CODES) != strlen(types))
        return misuse(ctx, sql, "unknown code in the parameter types string");
    if (db->tx_depth > 0 && db->tx_err != WM_OK) return tx_failed(ctx, db);
    return WM_OK;
}

static int exec_va(struct wm_ctx *ctx, const char *sql, const char *types, va_list *ap)
{
    int rc = precheck(ctx, sql, types);
    if (rc != WM_OK) return rc;
    struct db *db = ctx->db;
    MYSQL_BIND *params = bind_params(ctx->arena, types, ap);
    MYSQL_STMT *st = NULL;
    rc = execute(ctx, sql, types, params, &st);
    if (rc != WM_OK) return rc;
    my_ulonglong affected = mysql_stmt_affected_rows(st);
    db->affected = affected == (my_ulonglong)-1 ? 0 : affected;
    db->insert_id = (int64_t)mysql_stmt_insert_id(st);
    if (mysql_stmt_field_count(st) > 0) {
        /* A statement with rows run for its effect (SELECT ... FOR UPDATE): drain them. */
        if (mysql_stmt_store_result(st) != 0) {
            struct sql_err e;
            err_from_stmt(&e, st);
            return report(ctx, db, sql, &e);
        }
        mysql_stmt_free_result(st);
    }
    return WM_OK;
}

int db_exec(struct wm_ctx *ctx, const char *sql, const char *types, ...)
{
    va_list ap;
    va_start(ap, types);
    int rc = exec_va(ctx, sql, types, &ap);
    va_end(ap);
    return rc;
}

uint64_t db_affected_rows(const struct wm_ctx *ctx)
{
    return ctx->db->affected;
}

int64_t db_insert_id(const struct wm_ctx *ctx)
{
    return ctx->db->insert_id;
}

/* ---- results ------------------------------------------------------------------------- */

static enum col_kind kind_of(const MYSQL_FIELD *f)
{
    switch (f->type) {
    case MYSQL_TYPE_TINY:
    case MYSQL_TYPE_SHORT:
    case MYSQL_TYPE_INT24:
    case MYSQL_TYPE_LONG:
    case MYSQL_TYPE_LONGLONG:
    case MYSQL_TYPE_YEAR:
        return (f->flags & UNSIGNED_FLAG) ? COL_UINT : COL_INT;
    case MYSQL_TYPE_FLOAT:
    case MYSQL_TYPE_DOUBLE:
        return COL_DOUBLE;
    default:
        return COL_TEXT; /* DECIMAL, strings, blobs, temporal types, JSON, ENUM, SET, BIT */
    }
}

/* Per-column fetch buffers. */
struct fetch_col {
    union {
        long long i;
        double f;
    } num;
    unsigned long length;
    my_bool is_null;
    my_bool error;
};

/* Copy the current fetched row into cells; reads a text column again in full when the fetch
 * truncated it. Returns 0 or 1 on a fetch_column failure. */
static int copy_row(struct arena *a, MYSQL_STMT *st, const MYSQL_BIND *binds,
                    const struct fetch_col *fc, const enum col_kind *kinds, unsigned ncols,
                    struct cell *row)
{
    for (unsigned c = 0; c < ncols; c++) {
        struct cell *cl = &row[c];
        cl->is_null = fc[c].is_null != 0;
        if (cl->is_null) continue;
        switch (kinds[c]) {
        case COL_INT:
            cl->v.i = fc[c].num.i;
            break;
        case COL_UINT:
            cl->v.u = (uint64_t)fc[c].num.i;
            break;
        case COL_DOUBLE:
            cl->v.f = fc[c].num.f;
            break;
        case COL_TEXT:
            cl->len = fc[c].length;
            if (fc[c].length <= binds[c].buffer_length) {
                cl->s = arena_strndup(a, binds[c].buffer, cl->len);
                break;
            }
            /* Truncated (max_length was not enough): fetch the whole column again. */
            cl->s = arena_alloc(a, cl->len + 1);
            MYSQL_BIND b = { 0 };
            unsigned long got = 0;
            b.buffer_type = MYSQL_TYPE_STRING;
            b.buffer = cl->s;
            b.buffer_length = cl->len + 1;
            b.length = &got;
            if (mysql_stmt_fetch_column(st, &b, c, 0) != 0) return 1;
            cl->s[cl->len] = '\0';
            break;
        }
    }
    return 0;
}

/* Read every row of the executed statement st into an arena db_res. */
static int buffer_result(struct wm_ctx *ctx, const char *sql, MYSQL_STMT *st, struct db_res **out)
{
    struct arena *a = ctx->arena;
    struct db_res *res = ARENA_NEW(a, struct db_res);
    res->ctx = ctx;
    res->sql = sql;
    res->ncols = mysql_stmt_field_count(st);
    if (res->ncols == 0) {
        *out = res;
        return WM_OK;
    }
    struct sql_err e;
    if (mysql_stmt_store_result(st) != 0) {
        err_from_stmt(&e, st);
        return report(ctx, ctx->db, sql, &e);
    }
    MYSQL_RES *meta = mysql_stmt_result_metadata(st);
    if (!meta) {
        err_from_stmt(&e, st);
        mysql_stmt_free_result(st);
        return report(ctx, ctx->db, sql, &e);
    }
    const MYSQL_FIELD *fields = mysql_fetch_fields(meta);
    unsigned ncols = res->ncols;
    res->kinds = ARENA_ARRAY(a, enum col_kind, ncols);
    MYSQL_BIND *binds = ARENA_ARRAY(a, MYSQL_BIND, ncols);
    struct fetch_col *fc = ARENA_ARRAY(a, struct fetch_col, ncols);
    for (unsigned c = 0; c < ncols; c++) {
        res->kinds[c] = kind_of(&fields[c]);
        MYSQL_BIND *b = &binds[c];
        b->length = &fc[c].length;
        b->is_null = &fc[c].is_null;
        b->error = &fc[c].error;
        switch (res->kinds[c]) {
        case COL_INT:
        case COL_UINT:
            b->buffer_type = MYSQL_TYPE_LONGLONG;
            b->buffer = &fc[c].num.i;
            b->is_unsigned = (my_bool)(res->kinds[c] == COL_UINT);
            break;
        case COL_DOUBLE:
            b->buffer_type = MYSQL_TYPE_DOUBLE;
            b->buffer = &fc[c].num.f;
            break;
        case COL_TEXT:
            /* max_length (STMT_ATTR_UPDATE_MAX_LENGTH) is the longest value for strings; temporal
             * and decimal columns may report 0, hence the floor of 80 (DECIMAL(65) fits). */
            b->buffer_type = MYSQL_TYPE_STRING;
            b->buffer_length = fields[c].max_length > 80 ? fields[c].max_length + 1 : 81;
            b->buffer = arena_alloc(a, b->buffer_length);
            break;
        }
    }
    mysql_free_result(meta);
    res->nrows = (size_t)mysql_stmt_num_rows(st);
    /* ncols is small (a server limit of 4096), so only the row count can overflow. */
    res->cells = arena_zalloc_array(a, res->nrows ? res->nrows : 1, ncols * sizeof(struct cell));
    if (mysql_stmt_bind_result(st, binds) != 0) goto fail;
    for (size_t r = 0; r < res->nrows; r++) {
        int frc = mysql_stmt_fetch(st);
        if (frc == MYSQL_NO_DATA) {
            res->nrows = r;
            break;
        }
        if (frc == 1) goto fail;
        if (copy_row(a, st, binds, fc, res->kinds, ncols, &res->cells[r * ncols]) != 0) goto fail;
    }
    mysql_stmt_free_result(st);
    *out = res;
    return WM_OK;

fail:
    err_from_stmt(&e, st);
    mysql_stmt_free_result(st);
    return report(ctx, ctx->db, sql, &e);
}

static int query_va(struct wm_ctx *ctx, struct db_res **res, const char *sql, const char *types,
                    va_list *ap)
{
    *res = NULL;
    int rc = precheck(ctx, sql, types);
    if (rc != WM_OK) return rc;
    MYSQL_BIND *params = bind_params(ctx->arena, types, ap);
    MYSQL_STMT *st = NULL;
    rc = execute(ctx, sql, types, params, &st);
    if (rc != WM_OK) return rc;
    return buffer_result(ctx, sql, st, res);
}

/* Bind an array of db_param (db_query_params, db_exec_params); *types gets their codes. */
static int bind_array(struct wm_ctx *ctx, const char *sql, const struct db_param *params, size_t n,
                      MYSQL_BIND **out, char **types)
{
    *types = arena_alloc(ctx->arena, n + 1);
    MYSQL_BIND *b = ARENA_ARRAY(ctx->arena, MYSQL_BIND, n ? n : 1);
    for (size_t i = 0; i < n; i++) {
        (*types)[i] = params[i].type;
        switch (params[i].type) {
        case 'l':
            bind_int(ctx->arena, &b[i], params[i].l);
            break;
        case 'f': {
            double *v = ARENA_NEW(ctx->arena, double);
            *v = params[i].f;
            b[i].buffer_type = MYSQL_TYPE_DOUBLE;
            b[i].buffer = v;
            break;
        }
        case 's': {
            if (!params[i].s) {
                b[i].buffer_type = MYSQL_TYPE_NULL;
                break;
            }
            unsigned long *len = ARENA_NEW(ctx->arena, unsigned long);
            *len = strlen(params[i].s);
            b[i].buffer_type = MYSQL_TYPE_STRING;
            b[i].buffer = (char *)params[i].s; /* read only */
            b[i].buffer_length = *len;
            b[i].length = len;
            break;
        }
        default:
            (*types)[i] = '\0';
            return misuse(ctx, sql, "unknown parameter type in a db_param array");
        }
    }
    (*types)[n] = '\0';
    *out = b;
    return precheck(ctx, sql, *types);
}

int db_query_params(struct wm_ctx *ctx, struct db_res **res, const char *sql,
                    const struct db_param *params, size_t n)
{
    *res = NULL;
    MYSQL_BIND *b = NULL;
    char *types = NULL;
    int rc = bind_array(ctx, sql, params, n, &b, &types);
    if (rc != WM_OK) return rc;
    MYSQL_STMT *st = NULL;
    rc = execute(ctx, sql, types, b, &st);
    if (rc != WM_OK) return rc;
    return buffer_result(ctx, sql, st, res);
}

int db_exec_params(struct wm_ctx *ctx, const char *sql, const struct db_param *params, size_t n)
{
    MYSQL_BIND *b = NULL;
    char *types = NULL;
    int rc = bind_array(ctx, sql, params, n, &b, &types);
    if (rc != WM_OK) return rc;
    MYSQL_STMT *st = NULL;
    rc = execute(ctx, sql, types, b, &st);
    if (rc != WM_OK) return rc;
    my_ulonglong affected = mysql_stmt_affected_rows(st);
    ctx->db->affected = affected == (my_ulonglong)-1 ? 0 : affected;
    ctx->db->insert_id = (int64_t)mysql_stmt_insert_id(st);
    return WM_OK;
}

int db_query(struct wm_ctx *ctx, struct db_res **res, const char *sql, const char *types, ...)
{
    va_list ap;
    va_start(ap, types);
    int rc = query_va(ctx, res, sql, types, &ap);
    va_end(ap);
    return rc;
}

static int bad_column(struct db_res *res, unsigned col, const char *what)
{
    log_error("database misuse: column %u is %s; in \"%.*s\"", col, what, SQL_LABEL_LEN, res->sql);
    return wm_errorf(res->ctx, WM_EINTERNAL, "column %u is %s in \"%.*s\"", col, what,
                     SQL_LABEL_LEN, res->sql);
}

/* The cell as a signed integer; false when it is not one (or does not fit). */
static bool cell_int64(const struct cell *cl, enum col_kind kind, int64_t *out)
{
    if (cl->is_null) {
        *out = 0;
        return true;
    }
    switch (kind) {
    case COL_INT:
        *out = cl->v.i;
        return true;
    case COL_UINT:
        *out = (int64_t)cl->v.u;
        return cl->v.u <= (uint64_t)INT64_MAX;
    case COL_TEXT:
        return str_to_int64((struct str){ cl->s, cl->len }, out);
    case COL_DOUBLE:
    default:
        return false;
    }
}

static bool cell_uint64(const struct cell *cl, enum col_kind kind, uint64_t *out)
{
    *out = 0;
    if (cl->is_null) return true;
    switch (kind) {
    case COL_INT:
        *out = (uint64_t)cl->v.i;
        return cl->v.i >= 0;
    case COL_UINT:
        *out = cl->v.u;
        return true;
    case COL_TEXT: {
        if (cl->len == 0 || cl->s[0] < '0' || cl->s[0] > '9') return false;
        char *end;
        errno = 0;
        unsigned long long v = strtoull(cl->s, &end, 10);
        *out = v;
        return errno == 0 && end == cl->s + cl->len;
    }
    case COL_DOUBLE:
    default:
        return false;
    }
}

static bool cell_double(const struct cell *cl, enum col_kind kind, double *out)
{
    *out = 0;
    if (cl->is_null) return true;
    switch (kind) {
    case COL_INT:
        *out = (double)cl->v.i;
        return true;
    case COL_UINT:
        *out = (double)cl->v.u;
        return true;
    case COL_DOUBLE:
        *out = cl->v.f;
        return true;
    case COL_TEXT: {
        if (cl->len == 0) return false;
        char *end;
        errno = 0;
        *out = strtod(cl->s, &end);
        return errno == 0 && end == cl->s + cl->len;
    }
    default:
        return false;
    }
}

/* The cell as text in the arena (numbers formatted); NULL for SQL NULL. */
static struct str cell_text(struct arena *a, const struct cell *cl, enum col_kind kind)
{
    if (cl->is_null) return STR_NULL;
    char *s;
    switch (kind) {
    case COL_INT:
        s = arena_printf(a, "%" PRId64, cl->v.i);
        break;
    case COL_UINT:
        s = arena_printf(a, "%" PRIu64, cl->v.u);
        break;
    case COL_DOUBLE:
        s = arena_printf(a, "%.17g", cl->v.f);
        break;
    case COL_TEXT:
    default:
        return (struct str){ cl->s, cl->len };
    }
    return (struct str){ s, strlen(s) };
}

/* Store one column of the current row through the next out pointer in ap. */
static int store_column(struct db_res *res, unsigned c, char code, va_list *ap)
{
    const struct cell *cl = &res->cells[(res->pos - 1) * res->ncols + c];
    enum col_kind kind = res->kinds[c];
    switch (code) {
    case 'l':
    case 'i':
    case 'b': {
        int64_t v;
        if (!cell_int64(cl, kind, &v)) return bad_column(res, c, "not an integer");
        if (code == 'l') {
            *va_arg(*ap, int64_t *) = v;
        } else if (code == 'b') {
            *va_arg(*ap, bool *) = v != 0;
        } else {
            if (v < INT_MIN || v > INT_MAX) return bad_column(res, c, "out of range for int");
            *va_arg(*ap, int *) = (int)v;
        }
        return WM_OK;
    }
    case 'u': {
        uint64_t v;
        if (!cell_uint64(cl, kind, &v)) return bad_column(res, c, "not an unsigned integer");
        *va_arg(*ap, uint64_t *) = v;
        return WM_OK;
    }
    case 'f': {
        double v;
        if (!cell_double(cl, kind, &v)) return bad_column(res, c, "not a number");
        *va_arg(*ap, double *) = v;
        return WM_OK;
    }
    case 's':
        *va_arg(*ap, char **) = (char *)cell_text(res->ctx->arena, cl, kind).ptr;
        return WM_OK;
    case 'S':
        *va_arg(*ap, struct str *) = cell_text(res->ctx->arena, cl, kind);
        return WM_OK;
    case '-':
    default:
        return WM_OK;
    }
}

static int next_va(struct db_res *res, const char *types, va_list *ap)
{
    size_t n = strlen(types);
    if (strspn(types, RESULT_CODES) != n)
        return bad_column(res, (unsigned)strspn(types, RESULT_CODES), "read with an unknown code");
    if (n != res->ncols) {
        log_error("database misuse: types string has %zu codes for %u columns; in \"%.*s\"", n,
                  res->ncols, SQL_LABEL_LEN, res->sql);
        return wm_errorf(res->ctx, WM_EINTERNAL,
                         "types string has %zu codes for %u columns in \"%.*s\"", n, res->ncols,
                         SQL_LABEL_LEN, res->sql);
    }
    if (res->pos >= res->nrows) return 0;
    res->pos++;
    for (unsigned c = 0; c < res->ncols; c++) {
        int rc = store_column(res, c, types[c], ap);
        if (rc != WM_OK) return rc;
    }
    return 1;
}

int db_next(struct db_res *res, const char *types, ...)
{
    va_list ap;
    va_start(ap, types);
    int rc = next_va(res, types, &ap);
    va_end(ap);
    return rc;
}

bool db_is_null(const struct db_res *res, unsigned col)
{
    if (res->pos == 0 || col >= res->ncols) return false;
    return res->cells[(res->pos - 1) * res->ncols + col].is_null;
}

size_t db_res_rows(const struct db_res *res)
{
    return res->nrows;
}

int db_query_one(struct wm_ctx *ctx, const char *sql, const char *types, const char *out_types, ...)
{
    va_list ap;
    va_start(ap, out_types);
    struct db_res *res = NULL;
    int rc = query_va(ctx, &res, sql, types, &ap);
    if (rc == WM_OK) {
        assert(res != NULL);
        if (res->nrows == 0 && strlen(out_types) == res->ncols)
            rc = WM_ENOTFOUND;
        else if (res->nrows > 1)
            rc = misuse(ctx, sql, "more than one row for db_query_one()");
        else if ((rc = next_va(res, out_types, &ap)) > 0)
            rc = WM_OK;
    }
    va_end(ap);
    return rc;
}

/* ---- transactions -------------------------------------------------------------------- */

/* Run a fixed text command (no parameters, no rows), retrying once on a dead connection when
 * outside a transaction. */
static int command(struct wm_ctx *ctx, struct db *db, const char *text)
{
    db->statements++;
    for (int attempt = 0;; attempt++) {
        int rc = ensure_conn(ctx, db);
        if (rc != WM_OK) return rc;
        if (mysql_real_query(db->conn, text, strlen(text)) == 0) return WM_OK;
        struct sql_err e;
        err_from_conn(&e, db->conn);
        if (classify(e.no) == ERR_GONE && attempt == 0 && db->tx_depth == 0) {
            drop_conn(db);
            continue;
        }
        return report(ctx, db, text, &e);
    }
}

/* Roll the server-side transaction back; a failure leaves the session in doubt, so it is
 * dropped (the server then rolls back by itself). */
static void rollback_quietly(struct db *db)
{
    if (db->conn && mysql_rollback(db->conn) != 0) {
        log_error("rollback failed: errno=%u %s; closing the connection", mysql_errno(db->conn),
                  mysql_error(db->conn));
        drop_conn(db);
    }
}

static void end_tx(struct db *db)
{
    db->tx_depth = 0;
    db->tx_err = WM_OK;
}

int db_begin(struct wm_ctx *ctx)
{
    struct db *db = ctx->db;
    if (db->tx_depth > 0) {
        db->tx_depth++;
        return WM_OK;
    }
    db->retryable = false;
    db->tx_err = WM_OK;
    int rc = command(ctx, db, "START TRANSACTION");
    if (rc != WM_OK) return rc;
    db->tx_depth = 1;
    return WM_OK;
}

int db_commit(struct wm_ctx *ctx)
{
    struct db *db = ctx->db;
    if (db->tx_depth == 0) return misuse(ctx, "COMMIT", "db_commit() outside a transaction");
    if (db->tx_depth > 1) {
        db->tx_depth--;
        return WM_OK;
    }
    if (db->tx_err != WM_OK) {
        int rc = tx_failed(ctx, db);
        rollback_quietly(db);
        end_tx(db);
        return rc;
    }
    if (!db->conn) {
        end_tx(db);
        return unavailable(ctx);
    }
    int rc = WM_OK;
    if (mysql_commit(db->conn) != 0) {
        struct sql_err e;
        err_from_conn(&e, db->conn);
        db->tx_depth = 0; /* report() must not treat this as a statement inside the tx */
        rc = report(ctx, db, "COMMIT", &e);
        rollback_quietly(db);
    }
    end_tx(db);
    return rc;
}

int db_rollback(struct wm_ctx *ctx)
{
    struct db *db = ctx->db;
    if (db->tx_depth == 0) return WM_OK;
    if (db->tx_depth > 1) {
        db->tx_depth--;
        if (db->tx_err == WM_OK) db->tx_err = WM_EINTERNAL;
        return WM_OK;
    }
    rollback_quietly(db);
    end_tx(db);
    return WM_OK;
}

bool db_in_tx(const struct wm_ctx *ctx)
{
    return ctx->db->tx_depth > 0;
}

bool db_retryable(const struct wm_ctx *ctx)
{
    return ctx->db->retryable;
}

/* ---- health and scripts -------------------------------------------------------------- */

int db_ping(struct wm_ctx *ctx)
{
    struct db *db = ctx->db;
    if (db->conn && mysql_ping(db->conn) == 0) return WM_OK;
    if (db->conn) {
        log_warn("database ping failed: errno=%u %s", mysql_errno(db->conn), mysql_error(db->conn));
        drop_conn(db);
        if (db->tx_depth > 0 && db->tx_err == WM_OK) db->tx_err = WM_EUNAVAIL;
    }
    return ensure_conn(ctx, db);
}

/* Fail a script at statement number idx. */
static int script_error(struct wm_ctx *ctx, struct db *db, int idx)
{
    struct sql_err e;
    err_from_conn(&e, db->conn);
    enum err_class cls = classify(e.no);
    if (cls == ERR_GONE || cls == ERR_LOST) {
        report(ctx, db, "(script)", &e);
        return wm_errorf(ctx, WM_EUNAVAIL, "database unavailable at statement %d: %s", idx, e.msg);
    }
    log_error("script statement %d failed: errno=%u sqlstate=%s %s", idx, e.no, e.state, e.msg);
    return wm_errorf(ctx, WM_EDB, "statement %d failed: %s (errno %u)", idx, e.msg, e.no);
}

/* True when text holds only white space (an empty migration). */
static bool is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r') return false;
    return true;
}

int db_exec_script(struct wm_ctx *ctx, const char *sql_text, size_t len)
{
    struct db *db = ctx->db;
    if (db->tx_depth > 0) return misuse(ctx, "(script)", "db_exec_script() inside a transaction");
    db->retryable = false;
    if (is_blank(sql_text, len)) return WM_OK;
    int rc = ensure_conn(ctx, db);
    if (rc != WM_OK) return rc;
    if (mysql_set_server_option(db->conn, MYSQL_OPTION_MULTI_STATEMENTS_ON) != 0) {
        /* A dead connection shows here first: reconnect once, as statements do. */
        if (classify(mysql_errno(db->conn)) != ERR_GONE) return script_error(ctx, db, 0);
        drop_conn(db);
        rc = ensure_conn(ctx, db);
        if (rc != WM_OK) return rc;
        if (mysql_set_server_option(db->conn, MYSQL_OPTION_MULTI_STATEMENTS_ON) != 0)
            return script_error(ctx, db, 0);
    }
    int idx = 1;
    if (mysql_real_query(db->conn, sql_text, len) != 0) {
        rc = script_error(ctx, db, idx);
    } else {
        for (;;) {
            MYSQL_RES *r = mysql_store_result(db->conn);
            if (r) {
                mysql_free_result(r);
            } else if (mysql_field_count(db->conn) != 0) {
                rc = script_error(ctx, db, idx);
                break;
            }
            int more = mysql_next_result(db->conn);
            if (more < 0) break;
            idx++;
            if (more > 0) {
                rc = script_error(ctx, db, idx);
                break;
            }
        }
    }
    if (db->conn && mysql_set_server_option(db->conn, MYSQL_OPTION_MULTI_STATEMENTS_OFF) != 0) {
        log_error("cannot switch multi-statements off: errno=%u %s; closing the connection",
                  mysql_errno(db->conn), mysql_error(db->conn));
        drop_conn(db);
    }
    return rc;
}
