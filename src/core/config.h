/*
 * config.h: the one table of configuration keys (lighttpd cpk[], redis static_configs[]).
 * A config file (market.conf, its path in MARKET_CONFIG) holds lines of
 *     key = value          white space around key and value is trimmed
 *     key = "a # b "       double quotes keep spaces and '#'; \" and \\ are the escapes
 *     # comment            '#' first on a line, or starting a word of an unquoted value
 *                          (so `key = a#b` is "a#b" but `key = a #b` is "a")
 * Every key `a.b_c` can be overridden by the environment variable MARKET_A_B_C (letters
 * upper-cased, '.' becomes '_'; so `var` is MARKET_VAR and `root` MARKET_ROOT).
 * Precedence: built-in default < file < environment. Unknown keys in the file, malformed
 * values and bad environment values are errors that name the file and line (or the variable)
 * and the key. var and root are kept as given (relative paths are relative to the working
 * directory of the program); secrets.dir defaults to <var>/secrets.
 */
#ifndef WM_CORE_CONFIG_H
#define WM_CORE_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;

struct config {
    char *var_dir;              /* var: where data, sockets, logs, uploads and secrets live */
    char *root_dir;             /* root: the checkout/install (sql/, templates/, htdocs/) */
    char *log_level;            /* log.level: error|warn|info|debug (checked) */
    char *db_host;              /* db.host: TCP host, used when db.socket is empty */
    int64_t db_port;            /* db.port */
    char *db_socket;            /* db.socket: unix socket path (preferred when set) */
    char *db_name;              /* db.name */
    char *db_user;              /* db.user */
    char *db_password;          /* db.password (masked by cfg_dump) */
    int64_t db_connect_timeout; /* db.connect_timeout: seconds */
    int64_t db_rw_timeout;      /* db.rw_timeout: read/write timeout, seconds */
    int64_t db_retry_after;     /* db.retry_after: seconds before reconnecting after a failure */
    char *cache_servers;        /* cache.servers: libmemcached config string; "" = no cache */
    char *cache_prefix;         /* cache.prefix: prepended to every key */
    int64_t cache_timeout_ms;   /* cache.timeout_ms: connect/poll timeout */
    int64_t http_max_body;      /* http.max_body: bytes */
    int64_t http_max_fields;    /* http.max_fields: form fields, headers, cookies (each) */
    bool http_debug_routes;     /* http.debug_routes: serve /debug/request (tests, proxy checks) */
    bool gql_introspection;     /* graphql.introspection: answer __schema / __type */
    int64_t gql_max_tokens;     /* graphql.max_tokens: lexer tokens per document */
    int64_t gql_max_depth;      /* graphql.max_depth: nesting of selection sets */
    int64_t gql_max_aliases;    /* graphql.max_aliases: aliased fields per operation */
    int64_t gql_max_cost;       /* graphql.max_cost: static cost per operation */
    int64_t gql_max_batch;      /* graphql.max_batch: operations in one batched request */
    int64_t gql_doc_cache;      /* graphql.doc_cache: parsed documents kept per worker */
    char *secrets_dir;          /* secrets.dir: generated keys ("" in the file = <var>/secrets) */
    char *auth_jwt_alg;         /* auth.jwt_alg: HS256|RS256|ES256 (checked) */
    char *auth_jwt_private_key; /* auth.jwt_private_key: HS256 secret or private PEM path */
    char *auth_jwt_public_key;  /* auth.jwt_public_key: public PEM path (RS256/ES256) */
    int64_t auth_access_ttl;    /* auth.access_ttl: access token lifetime, seconds */
    int64_t auth_refresh_ttl;   /* auth.refresh_ttl: session lifetime with remember me */
    int64_t auth_refresh_ttl_short; /* auth.refresh_ttl_short: session lifetime without */
    char *auth_issuer;              /* auth.issuer: "iss" claim ("" = none) */
    char *auth_audience;            /* auth.audience: "aud" claim ("" = none) */
    int64_t auth_session_idle;      /* auth.session_idle: idle seconds that end a session */
    int64_t auth_session_max_age;   /* auth.session_max_age: absolute session lifetime */
    char *auth_totp_issuer;         /* auth.totp_issuer: issuer in otpauth:// URIs */
    int64_t auth_verify_ttl;        /* auth.verify_ttl: verification link lifetime, seconds */
    char *auth_require_verified;    /* auth.require_verified: actions needing a verified email */
    char *site_url;                 /* site.url: public base URL, links in mail start with it */
    char *mail_from;                /* mail.from: From header, "Name <addr>" or "addr" */
    char *mail_smtp_url;            /* mail.smtp_url: smtp(s)://host:port ("" = .eml outbox) */
    bool mail_starttls;             /* mail.starttls: require STARTTLS on smtp:// */
    char *mail_username;            /* mail.username: SMTP AUTH user ("" = no auth) */
    char *mail_password;            /* mail.password: SMTP AUTH password (masked by cfg_dump) */
    int64_t mail_timeout_s;         /* mail.timeout_s: one SMTP delivery, seconds */
    int64_t jobs_poll_ms;           /* jobs.poll_ms: worker's sleep between queue polls */
    int64_t jobs_max_attempts;      /* jobs.max_attempts: tries before a job is dead */
    int64_t jobs_backoff_base_ms;   /* jobs.backoff_base_ms: delay after the first failure */
    int64_t jobs_backoff_max_ms;    /* jobs.backoff_max_ms: longest delay between tries */
    int64_t jobs_lease_s;           /* jobs.lease_s: a running job is retried after this */
    int64_t media_max_bytes;        /* media.max_bytes: largest uploaded image file */
    int64_t media_max_width;        /* media.max_width: pixels, read from the header */
    int64_t media_max_height;       /* media.max_height: pixels, read from the header */
    int64_t media_max_megapixels;   /* media.max_megapixels: width * height / 1e6 */
    char *media_public_url;      /* media.public_url: base of media URLs ("" = site.url/media/) */
    int64_t media_anon_per_hour; /* media.anon_per_hour: anonymous uploads per IP per hour */
    int64_t media_anon_ttl_s;    /* media.anon_ttl_s: unreferenced anonymous uploads live */
    int64_t media_gc_interval_s; /* media.gc_interval_s: how often the worker queues media_gc */
    char *media_storage;         /* media.storage: local|s3 (checked) */
    char *media_s3_endpoint;     /* media.s3_endpoint: http(s)://host[:port] of the S3 API */
    char *media_s3_region;       /* media.s3_region: SigV4 region */
    char *media_s3_bucket;       /* media.s3_bucket: bucket name (path-style requests) */
    char *media_s3_access_key;   /* media.s3_access_key: access key id */
    char *media_s3_secret_key;   /* media.s3_secret_key: secret (masked by cfg_dump) */
    char *media_s3_public_url;   /* media.s3_public_url: public base of objects ("" = bucket) */
    int64_t media_presign_ttl_s; /* media.presign_ttl_s: lifetime of presigned PUT URLs */
    char *search_socket;         /* search.socket: the search server's socket ("" = MariaDB) */
    int64_t search_timeout_ms;   /* search.timeout_ms: longest wait for the search server */
    /* catalog.views_flush_s: seconds between two views_flush jobs */
    int64_t catalog_views_flush_s;
    int64_t jobs_keep_done_days; /* jobs.keep_done_days: finished jobs are deleted after */
    int64_t jobs_keep_dead_days; /* jobs.keep_dead_days: dead jobs are deleted after */
};

enum cfg_type {
    CFG_STR,  /* char *, heap copy owned by the config */
    CFG_INT,  /* int64_t, decimal, within [min, max] */
    CFG_BOOL, /* bool: true/false, yes/no, on/off, 1/0 (ASCII case-insensitive) */
    CFG_ENUM, /* char *, one of the '|'-separated words in choices */
};

enum cfg_flags {
    CFG_SECRET = 1 << 0,   /* cfg_dump() masks the value */
    CFG_NONEMPTY = 1 << 1, /* CFG_STR: the empty string is an error */
};

struct cfg_key {
    const char *name;    /* "db.connect_timeout" */
    enum cfg_type type;  /* how value text is parsed and stored */
    size_t offset;       /* offsetof(struct config, field) */
    const char *dflt;    /* default as text; NULL = empty string / 0 / false */
    int64_t min, max;    /* bounds for CFG_INT */
    unsigned flags;      /* enum cfg_flags */
    const char *choices; /* CFG_ENUM: "error|warn|info|debug" */
    const char *help;    /* one line, printed by `market config` */
};

/* The table, terminated by a row whose name is NULL. */
extern const struct cfg_key cfg_keys[];

/* The longest line a config file may hold, newline excluded. */
#define CFG_LINE_MAX 4096

/*
 * Fill cfg from defaults, then the file at path (NULL or "" = no file; a missing file is an
 * error only when must_exist), then the environment (envp, NULL-terminated "K=V" strings;
 * NULL = none), then derive secrets_dir. cfg's previous contents are ignored (release it
 * first). Strings are heap copies owned by cfg (cfg_release). On error returns -1 and writes
 * one line into err (errlen bytes, always terminated when errlen > 0), for example
 *     market.conf:3: unknown key 'db.sockett'
 *     MARKET_DB_PORT: invalid integer 'x' for 'db.port'
 * and cfg is left released. 0 on success.
 */
int cfg_load(struct config *cfg, const char *path, bool must_exist, char *const *envp, char *err,
             size_t errlen);

/* Free every string and zero cfg. Safe to call twice, and on a zeroed struct. */
void cfg_release(struct config *cfg);

/* Set one key from text (used by the file and env layers, and by tests), replacing the old
 * value. -1 with err filled ("unknown key 'x'", "invalid integer 'x' for 'db.port'", ...);
 * cfg is unchanged then. */
int cfg_set(struct config *cfg, const char *key, const char *value, char *err, size_t errlen);

/* The row for a key; NULL when unknown. */
const struct cfg_key *cfg_find(const char *key);

/* The environment variable name for a key: "db.socket" -> "MARKET_DB_SOCKET". out is always
 * terminated (cut when outlen is too small). */
void cfg_env_name(const char *key, char *out, size_t outlen);

/*
 * Append one `key = value` line per key in table order, quoted where the file syntax needs it,
 * so the text loads back to the same config. With mask_secrets, CFG_SECRET values that are not
 * empty are written as "********". Used by `market config`.
 */
void cfg_dump(const struct config *cfg, struct buf *out, bool mask_secrets);

#endif
