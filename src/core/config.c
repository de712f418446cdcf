/*
 * config.c: the table of configuration keys and the loader behind config.h. Every layer
 * (defaults, file, environment) goes through set_value() with the key's row, so parsing,
 * bounds and error wording are the same wherever a value comes from. The workers below the
 * public functions take the table and the struct base as arguments (the unit test runs them
 * on a table of its own); they report errors as one line in the caller's err buffer.
 */
#include "core/config.h"

#include <assert.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"

#define F(field) offsetof(struct config, field)

/* clang-format off */
#define LEVELS "error|warn|info|debug"
const struct cfg_key cfg_keys[] = {
    /*  name                type      offset                 default      min   max
     *  flags         choices help */
    { "var",                CFG_STR,  F(var_dir),            "var",       0,    0,
      CFG_NONEMPTY, NULL,   "data, sockets, logs, uploads, secrets (relative: to the cwd)" },
    { "root",               CFG_STR,  F(root_dir),           ".",         0,    0,
      CFG_NONEMPTY, NULL,   "the checkout or install holding sql/, templates/, htdocs/" },
    { "log.level",          CFG_ENUM, F(log_level),          "info",      0,    0,
      0,            LEVELS, "least severe level logged" },
    { "db.host",            CFG_STR,  F(db_host),            "127.0.0.1", 0,    0,
      CFG_NONEMPTY, NULL,   "MariaDB TCP host, used when db.socket is empty" },
    { "db.port",            CFG_INT,  F(db_port),            "3306",      1,    65535,
      0,            NULL,   "MariaDB TCP port" },
    { "db.socket",          CFG_STR,  F(db_socket),          "",          0,    0,
      0,            NULL,   "MariaDB unix socket path (preferred when set)" },
    { "db.name",            CFG_STR,  F(db_name),            "market",    0,    0,
      CFG_NONEMPTY, NULL,   "database name" },
    { "db.user",            CFG_STR,  F(db_user),            "market",    0,    0,
      CFG_NONEMPTY, NULL,   "database user" },
    { "db.password",        CFG_STR,  F(db_password),        "",          0,    0,
      CFG_SECRET,   NULL,   "database password" },
    { "db.connect_timeout", CFG_INT,  F(db_connect_timeout), "2",         1,    60,
      0,            NULL,   "seconds to wait for a database connection" },
    { "db.rw_timeout",      CFG_INT,  F(db_rw_timeout),      "10",        1,    600,
      0,            NULL,   "seconds to wait for a database read or write" },
    { "db.retry_after",     CFG_INT,  F(db_retry_after),     "1",         0,    60,
      0,            NULL,   "seconds before reconnecting after a failed connect" },
    { "cache.servers",      CFG_STR,  F(cache_servers),      "",          0,    0,
      0,            NULL,   "libmemcached config, e.g. --SERVER=127.0.0.1:11211 (empty: off)" },
    { "cache.prefix",       CFG_STR,  F(cache_prefix),       "wm:",       0,    0,
      0,            NULL,   "prepended to every cache key" },
    { "cache.timeout_ms",   CFG_INT,  F(cache_timeout_ms),   "50",        1,    5000,
      0,            NULL,   "milliseconds to wait for memcached" },
    { "http.max_body",      CFG_INT,  F(http_max_body),      "10485760",  1024, 1073741824,
      0,            NULL,   "largest request body accepted, bytes" },
    { "http.max_fields",    CFG_INT,  F(http_max_fields),    "1000",      1,    100000,
      0,            NULL,   "most form fields, headers or cookies accepted (each)" },
    { "http.debug_routes",  CFG_BOOL, F(http_debug_routes),  "false",     0,    0,
      0,            NULL,   "serve /debug/request, an echo of the parsed request" },
    { "graphql.introspection", CFG_BOOL, F(gql_introspection), "true", 0,  0,
      0,            NULL,   "answer introspection (__schema, __type) queries" },
    { "graphql.max_tokens", CFG_INT,  F(gql_max_tokens),     "20000",     100,  1000000,
      0,            NULL,   "most lexer tokens in one GraphQL document" },
    { "graphql.max_depth",  CFG_INT,  F(gql_max_depth),      "15",        1,    100,
      0,            NULL,   "deepest nesting of selection sets" },
    { "graphql.max_aliases", CFG_INT, F(gql_max_aliases),    "30",        0,    10000,
      0,            NULL,   "most aliased fields in one operation" },
    { "graphql.max_cost",   CFG_INT,  F(gql_max_cost),       "10000",     1,    100000000,
      0,            NULL,   "highest static cost of one operation (reported in extensions)" },
    { "graphql.max_batch",  CFG_INT,  F(gql_max_batch),      "20",        1,    1000,
      0,            NULL,   "most operations in one batched request" },
    { "graphql.doc_cache",  CFG_INT,  F(gql_doc_cache),      "256",       0,    100000,
      0,            NULL,   "parsed and validated documents kept per worker (0: off)" },
    { "secrets.dir",        CFG_STR,  F(secrets_dir),        "",          0,    0,
      0,            NULL,   "generated keys (empty: <var>/secrets)" },
    { "auth.jwt_alg",       CFG_ENUM, F(auth_jwt_alg),       "HS256",     0,    0,
      0,            "HS256|RS256|ES256", "signing algorithm of access tokens (pinned)" },
    { "auth.jwt_private_key", CFG_STR, F(auth_jwt_private_key), "",       0,    0,
      0,            NULL,   "HS256 secret or private key PEM file (empty: <secrets>/jwt.key)" },
    { "auth.jwt_public_key", CFG_STR, F(auth_jwt_public_key), "",         0,    0,
      0,            NULL,   "public key PEM file for RS256/ES256 (empty: derived)" },
    { "auth.access_ttl",    CFG_INT,  F(auth_access_ttl),    "900",       1,    2592000,
      0,            NULL,   "seconds an access token (JWT) is valid" },
    { "auth.refresh_ttl",   CFG_INT,  F(auth_refresh_ttl),   "1209600",   60,   31536000,
      0,            NULL,   "seconds a session and its refresh token live (remember me)" },
    { "auth.refresh_ttl_short", CFG_INT, F(auth_refresh_ttl_short), "86400", 60, 31536000,
      0,            NULL,   "seconds a session lives without remember me" },
    { "auth.issuer",        CFG_STR,  F(auth_issuer),        "",          0,    0,
      0,            NULL,   "iss claim of access tokens (empty: none)" },
    { "auth.audience",      CFG_STR,  F(auth_audience),      "",          0,    0,
      0,            NULL,   "aud claim of access tokens (empty: none)" },
    { "auth.session_idle",  CFG_INT,  F(auth_session_idle),  "1209600",   60,   31536000,
      0,            NULL,   "seconds without activity after which a session ends" },
    { "auth.session_max_age", CFG_INT, F(auth_session_max_age), "7776000", 60, 315360000,
      0,            NULL,   "seconds after sign-in at which a session ends, used or not" },
    { "auth.totp_issuer",   CFG_STR,  F(auth_totp_issuer),   "Wholesale Market", 0, 0,
      0,            NULL,   "name authenticator apps show for two-factor codes" },
    { "auth.verify_ttl",    CFG_INT,  F(auth_verify_ttl),    "259200",    3600, 2592000,
      0,            NULL,   "seconds an email verification link works" },
    { "auth.require_verified", CFG_STR, F(auth_require_verified), "sell,order,message", 0, 0,
      0,            NULL,   "what an unverified account may not do (comma-separated)" },
    { "site.url",           CFG_STR,  F(site_url),           "http://127.0.0.1:8080", 0, 0,
      CFG_NONEMPTY, NULL,   "public base URL of the site; links in mail start with it" },
    { "mail.from",          CFG_STR,  F(mail_from),
      "Wholesale Market <no-reply@wholesale-market.test>", 0, 0,
      CFG_NONEMPTY, NULL,   "From of outgoing mail: \"Name <address>\" or an address" },
    { "mail.smtp_url",      CFG_STR,  F(mail_smtp_url),      "",          0,    0,
      0,            NULL,   "SMTP server, e.g. smtp://127.0.0.1:2525 (empty: .eml files in <var>/mail-outbox)" },
    { "mail.starttls",      CFG_BOOL, F(mail_starttls),      "false",     0,    0,
      0,            NULL,   "require STARTTLS on an smtp:// server (smtps:// is TLS anyway)" },
    { "mail.username",      CFG_STR,  F(mail_username),      "",          0,    0,
      0,            NULL,   "SMTP AUTH user name (empty: no authentication)" },
    { "mail.password",      CFG_STR,  F(mail_password),      "",          0,    0,
      CFG_SECRET,   NULL,   "SMTP AUTH password" },
    { "mail.timeout_s",     CFG_INT,  F(mail_timeout_s),     "30",        1,    600,
      0,            NULL,   "seconds one SMTP delivery may take (connect included)" },
    { "jobs.poll_ms",       CFG_INT,  F(jobs_poll_ms),       "1000",      10,   60000,
      0,            NULL,   "milliseconds the worker sleeps between looks at the job queue" },
    { "jobs.max_attempts",  CFG_INT,  F(jobs_max_attempts),  "8",         1,    100,
      0,            NULL,   "tries of a job before it is marked dead" },
    { "jobs.backoff_base_ms", CFG_INT, F(jobs_backoff_base_ms), "30000",  10,   86400000,
      0,            NULL,   "delay before the first retry; doubles per try, with jitter" },
    { "jobs.backoff_max_ms", CFG_INT, F(jobs_backoff_max_ms), "3600000",  10,   604800000,
      0,            NULL,   "longest delay between two tries of a job" },
    { "jobs.lease_s",       CFG_INT,  F(jobs_lease_s),       "300",       1,    86400,
      0,            NULL,   "seconds after which a running job whose worker died is retried" },
    { "media.max_bytes",    CFG_INT,  F(media_max_bytes),    "10485760",  1024, 1073741824,
      0,            NULL,   "largest image file accepted for upload, bytes" },
    { "media.max_width",    CFG_INT,  F(media_max_width),    "12000",     16,   100000,
      0,            NULL,   "widest image accepted, pixels (checked from the header before decoding)" },
    { "media.max_height",   CFG_INT,  F(media_max_height),   "12000",     16,   100000,
      0,            NULL,   "tallest image accepted, pixels (checked from the header before decoding)" },
    { "media.max_megapixels", CFG_INT, F(media_max_megapixels), "50",     1,    1000,
      0,            NULL,   "most pixels of an image accepted, millions" },
    { "media.public_url",   CFG_STR,  F(media_public_url),   "",          0,    0,
      0,            NULL,   "base URL of stored images (empty: <site.url>/media/, or the S3 bucket)" },
    { "media.anon_per_hour", CFG_INT, F(media_anon_per_hour), "20",       1,    100000,
      0,            NULL,   "uploads per hour one IP address may make without signing in" },
    { "media.anon_ttl_s",   CFG_INT,  F(media_anon_ttl_s),   "86400",     60,   31536000,
      0,            NULL,   "seconds an anonymous upload nothing references is kept" },
    { "media.gc_interval_s", CFG_INT, F(media_gc_interval_s), "3600",     10,   86400,
      0,            NULL,   "seconds between two media_gc jobs queued by the worker" },
    { "media.storage",      CFG_ENUM, F(media_storage),      "local",     0,    0,
      0,            "local|s3", "where images are stored: <var>/media or an S3 bucket" },
    { "media.s3_endpoint",  CFG_STR,  F(media_s3_endpoint),  "",          0,    0,
      0,            NULL,   "S3 API base URL, e.g. https://s3.eu-north-1.amazonaws.com" },
    { "media.s3_region",    CFG_STR,  F(media_s3_region),    "us-east-1", 0,    0,
      CFG_NONEMPTY, NULL,   "S3 region (SigV4 credential scope)" },
    { "media.s3_bucket",    CFG_STR,  F(media_s3_bucket),    "",          0,    0,
      0,            NULL,   "S3 bucket (path-style requests: <endpoint>/<bucket>/<key>)" },
    { "media.s3_access_key", CFG_STR, F(media_s3_access_key), "",         0,    0,
      0,            NULL,   "S3 access key id" },
    { "media.s3_secret_key", CFG_STR, F(media_s3_secret_key), "",         0,    0,
      CFG_SECRET,   NULL,   "S3 secret access key" },
    { "media.s3_public_url", CFG_STR, F(media_s3_public_url), "",         0,    0,
      0,            NULL,   "public base URL of the bucket's objects (empty: <endpoint>/<bucket>/)" },
    { "media.presign_ttl_s", CFG_INT, F(media_presign_ttl_s), "900",      60,   604800,
      0,            NULL,   "seconds a presigned S3 upload URL works" },
    { "search.socket",      CFG_STR,  F(search_socket),      "",          0,    0,
      0,            NULL,   "unix socket of the search server, `market searchd` (empty: MariaDB full-text)" },
    { "search.timeout_ms",  CFG_INT,  F(search_timeout_ms),  "2000",      10,   60000,
      0,            NULL,   "longest wait for the search server before MariaDB answers instead" },
    { "catalog.views_flush_s", CFG_INT, F(catalog_views_flush_s), "60", 1,    86400,
      0,            NULL,   "seconds between two views_flush jobs (product views from memcached to MariaDB)" },
    { "jobs.keep_done_days", CFG_INT, F(jobs_keep_done_days), "7",      1,    3650,
      0,            NULL,   "days a finished job is kept before the worker's jobs_gc deletes it" },
    { "jobs.keep_dead_days", CFG_INT, F(jobs_keep_dead_days), "90",     1,    3650,
      0,            NULL,   "days a dead job (out of tries) is kept for inspection, then deleted" },
    { 0 },
};
#undef LEVELS
/* clang-format on */

#undef F

#define SHOW_MAX 64

/* Format the error into err (when there is room) and return -1. */
static int errf(char *err, size_t errlen, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
static int errf(char *err, size_t errlen, const char *fmt, ...)
{
    if (errlen > 0) {
        va_list ap;
        va_start(ap, fmt);
        (void)vsnprintf(err, errlen, fmt, ap);
        va_end(ap);
    }
    return -1;
}

/* A printable excerpt of untrusted text (n bytes) for an error message: at most SHOW_MAX
 * bytes, control characters replaced by '?', "..." when cut. Returns out. */
static const char *show(char out[SHOW_MAX + 4], const char *s, size_t n)
{
    size_t k = n < SHOW_MAX ? n : SHOW_MAX;
    for (size_t i = 0; i < k; i++) {
        unsigned char c = (unsigned char)s[i];
        out[i] = s[i];
        if (c < 0x20 || c == 0x7f) out[i] = '?';
    }
    if (n > SHOW_MAX) {
        memcpy(out + k, "...", 3);
        k += 3;
    }
    out[k] = '\0';
    return out;
}

static const struct cfg_key *find_key(const struct cfg_key *keys, const char *name)
{
    for (const struct cfg_key *k = keys; k->name; k++)
        if (strcmp(k->name, name) == 0) return k;
    return NULL;
}

/* Parse a boolean word, ASCII case-insensitively. */
static bool parse_bool(struct str s, bool *out)
{
    static const char *const yes[] = { "true", "yes", "on", "1" };
    static const char *const no[] = { "false", "no", "off", "0" };
    for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
        if (str_case_eq_cstr(s, yes[i])) {
            *out = true;
            return true;
        }
        if (str_case_eq_cstr(s, no[i])) {
            *out = false;
            return true;
        }
    }
    return false;
}

/* True when s is one of the '|'-separated words in choices (exact match). */
static bool is_choice(struct str s, const char *choices)
{
    const char *p = choices;
    while (*p) {
        const char *end = strchr(p, '|');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n == s.len && memcmp(p, s.ptr, n) == 0) return true;
        if (!end) break;
        p = end + 1;
    }
    return false;
}

/*
 * Store value (text) into the field k describes in the struct at base, replacing and freeing
 * an old string. Strings are kept exactly; numbers, booleans and choices are trimmed first.
 * On error returns -1 with a message naming the key and the field unchanged.
 */
static int set_value(const struct cfg_key *k, void *base, const char *value, char *err,
                     size_t errlen)
{
    char *field = (char *)base + k->offset;
    struct str v = str_from(value);
    char shown[SHOW_MAX + 4];
    switch (k->type) {
    case CFG_INT: {
        int64_t n;
        if (!str_to_int64(str_trim(v), &n))
            return errf(err, errlen, "invalid integer '%s' for '%s'", show(shown, v.ptr, v.len),
                        k->name);
        if (n < k->min || n > k->max)
            return errf(err, errlen, "value %lld out of range for '%s' (%lld..%lld)", (long long)n,
                        k->name, (long long)k->min, (long long)k->max);
        memcpy(field, &n, sizeof(n));
        return 0;
    }
    case CFG_BOOL: {
        bool b;
        if (!parse_bool(str_trim(v), &b))
            return errf(err, errlen,
                        "invalid boolean '%s' for '%s' (use true/false, yes/no, on/off or 1/0)",
                        show(shown, v.ptr, v.len), k->name);
        memcpy(field, &b, sizeof(b));
        return 0;
    }
    case CFG_ENUM:
        v = str_trim(v);
        if (!is_choice(v, k->choices))
            return errf(err, errlen, "invalid value '%s' for '%s' (%s)", show(shown, v.ptr, v.len),
                        k->name, k->choices);
        break;
    case CFG_STR:
        if (v.len == 0 && (k->flags & CFG_NONEMPTY))
            return errf(err, errlen, "empty value for '%s'", k->name);
        break;
    }
    char *old;
    memcpy(&old, field, sizeof(old));
    char *copy = malloc(v.len + 1);
    if (!copy) wm_oom(v.len + 1);
    memcpy(copy, v.ptr ? v.ptr : "", v.len);
    copy[v.len] = '\0';
    memcpy(field, &copy, sizeof(copy));
    free(old);
    return 0;
}

/* Free every string of the struct at base and zero its fields. */
static void release_fields(const struct cfg_key *keys, void *base)
{
    for (const struct cfg_key *k = keys; k->name; k++) {
        char *field = (char *)base + k->offset;
        if (k->type == CFG_STR || k->type == CFG_ENUM) {
            char *s;
            memcpy(&s, field, sizeof(s));
            free(s);
            s = NULL;
            memcpy(field, &s, sizeof(s));
        } else if (k->type == CFG_INT) {
            memset(field, 0, sizeof(int64_t));
        } else {
            memset(field, 0, sizeof(bool));
        }
    }
}

/* Every field from its default. A default that does not parse is a bug in the table. */
static void set_defaults(const struct cfg_key *keys, void *base)
{
    for (const struct cfg_key *k = keys; k->name; k++) {
        const char *d = k->dflt;
        if (!d) d = k->type == CFG_STR ? "" : (k->type == CFG_BOOL ? "false" : "0");
        char err[256];
        int rc = set_value(k, base, d, err, sizeof(err));
        assert(rc == 0 && "config: a default in the key table is invalid");
        (void)rc;
    }
}

/*
 * Decode the value part of a line in place (s points at its first byte, n bytes, already
 * trimmed) and return it NUL-terminated. Quoted: "..." with \" and \\ (any other backslash is
 * kept), then only white space or a comment. Unquoted: up to a '#' that starts the value or
 * follows white space, right-trimmed. NULL with *why set on a syntax error.
 */
static char *decode_value(char *s, size_t n, const char **why)
{
    if (n > 0 && s[0] == '"') {
        size_t o = 0;
        size_t i = 1;
        for (; i < n && s[i] != '"'; i++) {
            if (s[i] == '\\' && i + 1 < n && (s[i + 1] == '"' || s[i + 1] == '\\')) i++;
            s[o++] = s[i];
        }
        if (i >= n) {
            *why = "unterminated quoted value";
            return NULL;
        }
        struct str rest = str_trim((struct str){ s + i + 1, n - i - 1 });
        if (rest.len > 0 && rest.ptr[0] != '#') {
            *why = "unexpected text after quoted value";
            return NULL;
        }
        s[o] = '\0';
        return s;
    }
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) {
            n = i;
            break;
        }
    }
    struct str v = str_trim((struct str){ s, n });
    s[v.len] = '\0';
    return s;
}

/* One line of a config file (len bytes, NUL-terminated, mutable). */
static int parse_line(const struct cfg_key *keys, void *base, char *line, size_t len,
                      const char *path, unsigned lineno, char *err, size_t errlen)
{
    char shown[SHOW_MAX + 4];
    struct str s = str_trim((struct str){ line, len });
    if (s.len == 0 || s.ptr[0] == '#') return 0;
    char *start = line + (s.ptr - line);
    char *eq = memchr(start, '=', s.len);
    if (!eq)
        return errf(err, errlen, "%s:%u: missing '=' after '%s'", path, lineno,
                    show(shown, s.ptr, s.len));
    struct str key = str_trim((struct str){ start, (size_t)(eq - start) });
    if (key.len == 0) return errf(err, errlen, "%s:%u: missing key before '='", path, lineno);
    char *val_start = eq + 1;
    struct str val = str_trim((struct str){ val_start, (size_t)(s.ptr + s.len - val_start) });
    start[key.len] = '\0'; /* key.ptr == start, and key ends at or before '=' */
    const struct cfg_key *k = find_key(keys, start);
    if (!k)
        return errf(err, errlen, "%s:%u: unknown key '%s'", path, lineno,
                    show(shown, key.ptr, key.len));
    const char *why = NULL;
    char *value = decode_value(line + (val.ptr - line), val.len, &why);
    if (!value) return errf(err, errlen, "%s:%u: %s for '%s'", path, lineno, why, k->name);
    char msg[512];
    if (set_value(k, base, value, msg, sizeof(msg)) != 0)
        return errf(err, errlen, "%s:%u: %s", path, lineno, msg);
    return 0;
}

/* Read the file at path line by line into the struct at base. */
static int load_file(const struct cfg_key *keys, void *base, const char *path, bool must_exist,
                     char *err, size_t errlen)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        if (errno == ENOENT && !must_exist) return 0;
        return errf(err, errlen, "cannot open '%s': %s", path, strerror(errno));
    }
    char *line = malloc(CFG_LINE_MAX + 1);
    if (!line) wm_oom(CFG_LINE_MAX + 1);
    unsigned lineno = 0;
    int rc = 0;
    for (;;) {
        size_t len = 0;
        bool too_long = false;
        bool has_nul = false;
        int c;
        while ((c = getc(f)) != EOF && c != '\n') {
            if (len < CFG_LINE_MAX)
                line[len++] = (char)c;
            else
                too_long = true;
            if (c == '\0') has_nul = true;
        }
        if (c == EOF && len == 0 && !too_long) break;
        lineno++;
        line[len] = '\0';
        char *text = line;
        if (lineno == 1 && len >= 3 && memcmp(line, "\xef\xbb\xbf", 3) == 0) {
            text += 3; /* a UTF-8 byte order mark */
            len -= 3;
        }
        if (too_long)
            rc = errf(err, errlen, "%s:%u: line too long (more than %d bytes)", path, lineno,
                      CFG_LINE_MAX);
        else if (has_nul)
            rc = errf(err, errlen, "%s:%u: NUL byte in line", path, lineno);
        else
            rc = parse_line(keys, base, text, len, path, lineno, err, errlen);
        if (rc != 0 || c == EOF) break;
    }
    if (rc == 0 && ferror(f)) rc = errf(err, errlen, "cannot read '%s': %s", path, strerror(errno));
    free(line);
    (void)fclose(f);
    return rc;
}

/* The value of name in envp ("K=V" strings, NULL-terminated); the first one wins, as getenv. */
static const char *env_lookup(char *const *envp, const char *name)
{
    size_t n = strlen(name);
    for (char *const *e = envp; *e; e++)
        if (strncmp(*e, name, n) == 0 && (*e)[n] == '=') return *e + n + 1;
    return NULL;
}

static int load_env(const struct cfg_key *keys, void *base, char *const *envp, char *err,
                    size_t errlen)
{
    for (const struct cfg_key *k = keys; k->name; k++) {
        char name[128];
        cfg_env_name(k->name, name, sizeof(name));
        const char *value = env_lookup(envp, name);
        if (!value) continue;
        char msg[512];
        if (set_value(k, base, value, msg, sizeof(msg)) != 0)
            return errf(err, errlen, "%s: %s", name, msg);
    }
    return 0;
}

/* secrets.dir left empty means <var>/secrets. */
static void derive_secrets_dir(struct config *cfg)
{
    if (cfg->secrets_dir[0]) return;
    size_t n = strlen(cfg->var_dir);
    const char *sep = (n > 0 && cfg->var_dir[n - 1] == '/') ? "" : "/";
    size_t size = n + strlen(sep) + sizeof("secrets");
    char *p = malloc(size);
    if (!p) wm_oom(size);
    (void)snprintf(p, size, "%s%ssecrets", cfg->var_dir, sep);
    free(cfg->secrets_dir);
    cfg->secrets_dir = p;
}

int cfg_load(struct config *cfg, const char *path, bool must_exist, char *const *envp, char *err,
             size_t errlen)
{
    memset(cfg, 0, sizeof(*cfg));
    if (errlen > 0) err[0] = '\0';
    set_defaults(cfg_keys, cfg);
    int rc = 0;
    if (path && path[0]) rc = load_file(cfg_keys, cfg, path, must_exist, err, errlen);
    if (rc == 0 && envp) rc = load_env(cfg_keys, cfg, envp, err, errlen);
    if (rc != 0) {
        cfg_release(cfg);
        return -1;
    }
    derive_secrets_dir(cfg);
    return 0;
}

void cfg_release(struct config *cfg)
{
    release_fields(cfg_keys, cfg);
}

int cfg_set(struct config *cfg, const char *key, const char *value, char *err, size_t errlen)
{
    const struct cfg_key *k = cfg_find(key);
    char shown[SHOW_MAX + 4];
    if (!k) return errf(err, errlen, "unknown key '%s'", show(shown, key, strlen(key)));
    return set_value(k, cfg, value, err, errlen);
}

const struct cfg_key *cfg_find(const char *key)
{
    return find_key(cfg_keys, key);
}

void cfg_env_name(const char *key, char *out, size_t outlen)
{
    if (outlen == 0) return;
    static const char prefix[] = "MARKET_";
    size_t o = 0;
    for (const char *p = prefix; *p && o + 1 < outlen; p++)
        out[o++] = *p;
    for (const char *p = key; *p && o + 1 < outlen; p++) {
        char c = *p;
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            c = '_';
        out[o++] = c;
    }
    out[o] = '\0';
}

/* Append s as a file value: bare when it reads back unchanged, else quoted. Control characters
 * (possible only from the environment) cannot be written in a line and become '?'. */
static void dump_string(struct buf *out, const char *s)
{
    size_t n = strlen(s);
    bool quote = n == 0 || s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t' ||
                 strpbrk(s, "\"#\\") != NULL;
    if (quote) buf_appendc(out, '"');
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        char ch = *p;
        if (c < 0x20 || c == 0x7f)
            ch = '?';
        else if (quote && (c == '"' || c == '\\'))
            buf_appendc(out, '\\');
        buf_appendc(out, ch);
    }
    if (quote) buf_appendc(out, '"');
}

static void dump_fields(const struct cfg_key *keys, const void *base, struct buf *out,
                        bool mask_secrets)
{
    for (const struct cfg_key *k = keys; k->name; k++) {
        const char *field = (const char *)base + k->offset;
        buf_appends(out, k->name);
        buf_appends(out, " = ");
        if (k->type == CFG_INT) {
            int64_t n;
            memcpy(&n, field, sizeof(n));
            buf_append_int(out, n);
        } else if (k->type == CFG_BOOL) {
            bool b;
            memcpy(&b, field, sizeof(b));
            buf_appends(out, b ? "true" : "false");
        } else {
            const char *s;
            memcpy(&s, field, sizeof(s));
            if (!s) s = "";
            if (mask_secrets && (k->flags & CFG_SECRET) && s[0]) s = "********";
            dump_string(out, s);
        }
        buf_appendc(out, '\n');
    }
}

void cfg_dump(const struct config *cfg, struct buf *out, bool mask_secrets)
{
    dump_fields(cfg_keys, cfg, out, mask_secrets);
}
