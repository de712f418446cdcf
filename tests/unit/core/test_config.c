/*
 * test_config.c: unit tests for src/core/config.c: the key table itself, defaults, every
 * syntax case of the file, every error message word for word, environment precedence,
 * secrets.dir derivation and cfg_dump. The file under test is included (as lighttpd's
 * test_buffer.c does) so CFG_BOOL, which no key of struct config uses yet, can be exercised
 * through set_value() with a table of the test's own.
 */
#include "core/config.c"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"

/* Literal "K=V" strings for cfg_load's envp (which libc declares without const). */
#define ENVP(a) ((char *const *)(a))

static char dir[64];       /* a private temporary directory */
static char conf_path[96]; /* dir/market.conf */
static char err[512];
static char want[4096];

static int suite_init(void)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof(dir), "%s/wm-cfg-XXXXXX", tmp && strlen(tmp) < 32 ? tmp : "/tmp");
    if (!mkdtemp(dir)) return -1;
    snprintf(conf_path, sizeof(conf_path), "%s/market.conf", dir);
    return 0;
}

static int suite_clean(void)
{
    unlink(conf_path);
    return rmdir(dir);
}

static void write_conf(const char *text, size_t len)
{
    FILE *f = fopen(conf_path, "wb");
    CU_ASSERT_FATAL(f != NULL);
    CU_ASSERT_FATAL(fwrite(text, 1, len, f) == len);
    CU_ASSERT_FATAL(fclose(f) == 0);
}

/* Load the file holding text (a C string), with envp. */
static int load(struct config *cfg, const char *text, char *const *envp)
{
    write_conf(text, strlen(text));
    return cfg_load(cfg, conf_path, true, envp, err, sizeof(err));
}

/* Expect loading text to fail with "<conf_path>:<rest>" and leave cfg released. */
static void expect_file_error(const char *text, const char *rest)
{
    struct config cfg;
    snprintf(want, sizeof(want), "%s:%s", conf_path, rest);
    CU_ASSERT_EQUAL(load(&cfg, text, NULL), -1);
    CU_ASSERT_STRING_EQUAL(err, want);
    if (strcmp(err, want) != 0) fprintf(stderr, "\n got: %s\nwant: %s\n", err, want);
    CU_ASSERT_PTR_NULL(cfg.var_dir);
    CU_ASSERT_PTR_NULL(cfg.db_password);
    CU_ASSERT_PTR_NULL(cfg.secrets_dir);
    cfg_release(&cfg);
}

static void test_the_table_covers_every_field_once(void)
{
    static const size_t fields[] = {
        offsetof(struct config, var_dir),
        offsetof(struct config, root_dir),
        offsetof(struct config, log_level),
        offsetof(struct config, db_host),
        offsetof(struct config, db_port),
        offsetof(struct config, db_socket),
        offsetof(struct config, db_name),
        offsetof(struct config, db_user),
        offsetof(struct config, db_password),
        offsetof(struct config, db_connect_timeout),
        offsetof(struct config, db_rw_timeout),
        offsetof(struct config, db_retry_after),
        offsetof(struct config, cache_servers),
        offsetof(struct config, cache_prefix),
        offsetof(struct config, cache_timeout_ms),
        offsetof(struct config, http_max_body),
        offsetof(struct config, http_max_fields),
        offsetof(struct config, secrets_dir),
        offsetof(struct config, http_debug_routes),
        offsetof(struct config, gql_introspection),
        offsetof(struct config, gql_max_tokens),
        offsetof(struct config, gql_max_depth),
        offsetof(struct config, gql_max_aliases),
        offsetof(struct config, gql_max_cost),
        offsetof(struct config, gql_max_batch),
        offsetof(struct config, gql_doc_cache),
        offsetof(struct config, auth_jwt_alg),
        offsetof(struct config, auth_jwt_private_key),
        offsetof(struct config, auth_jwt_public_key),
        offsetof(struct config, auth_access_ttl),
        offsetof(struct config, auth_refresh_ttl),
        offsetof(struct config, auth_refresh_ttl_short),
        offsetof(struct config, auth_issuer),
        offsetof(struct config, auth_audience),
        offsetof(struct config, auth_session_idle),
        offsetof(struct config, auth_session_max_age),
        offsetof(struct config, auth_totp_issuer),
        offsetof(struct config, auth_verify_ttl),
        offsetof(struct config, auth_require_verified),
        offsetof(struct config, site_url),
        offsetof(struct config, mail_from),
        offsetof(struct config, mail_smtp_url),
        offsetof(struct config, mail_starttls),
        offsetof(struct config, mail_username),
        offsetof(struct config, mail_password),
        offsetof(struct config, mail_timeout_s),
        offsetof(struct config, jobs_poll_ms),
        offsetof(struct config, jobs_max_attempts),
        offsetof(struct config, jobs_backoff_base_ms),
        offsetof(struct config, jobs_backoff_max_ms),
        offsetof(struct config, jobs_lease_s),
        offsetof(struct config, media_max_bytes),
        offsetof(struct config, media_max_width),
        offsetof(struct config, media_max_height),
        offsetof(struct config, media_max_megapixels),
        offsetof(struct config, media_public_url),
        offsetof(struct config, media_anon_per_hour),
        offsetof(struct config, media_anon_ttl_s),
        offsetof(struct config, media_gc_interval_s),
        offsetof(struct config, media_storage),
        offsetof(struct config, media_s3_endpoint),
        offsetof(struct config, media_s3_region),
        offsetof(struct config, media_s3_bucket),
        offsetof(struct config, media_s3_access_key),
        offsetof(struct config, media_s3_secret_key),
        offsetof(struct config, media_s3_public_url),
        offsetof(struct config, media_presign_ttl_s),
        offsetof(struct config, search_socket),
        offsetof(struct config, search_timeout_ms),
        offsetof(struct config, catalog_views_flush_s),
        offsetof(struct config, jobs_keep_done_days),
        offsetof(struct config, jobs_keep_dead_days),
    };
    size_t rows = 0;
    for (const struct cfg_key *k = cfg_keys; k->name; k++, rows++) {
        CU_ASSERT(strspn(k->name, "abcdefghijklmnopqrstuvwxyz0123456789._") == strlen(k->name));
        CU_ASSERT(k->help && k->help[0]);
        for (const struct cfg_key *o = cfg_keys; o < k; o++) {
            CU_ASSERT(strcmp(o->name, k->name) != 0);
            CU_ASSERT(o->offset != k->offset);
        }
        bool known = false;
        for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
            known = known || fields[i] == k->offset;
        CU_ASSERT(known);
        if (k->type == CFG_INT) {
            int64_t d;
            CU_ASSERT(k->min <= k->max);
            CU_ASSERT(str_to_int64(str_from(k->dflt), &d) && d >= k->min && d <= k->max);
        }
        if (k->type == CFG_ENUM) CU_ASSERT(k->choices && is_choice(str_from(k->dflt), k->choices));
        CU_ASSERT_PTR_EQUAL(cfg_find(k->name), k);
    }
    CU_ASSERT_EQUAL(rows, sizeof(fields) / sizeof(fields[0]));
    CU_ASSERT_PTR_NULL(cfg_find("db"));
    CU_ASSERT_PTR_NULL(cfg_find("DB.HOST"));
    CU_ASSERT_PTR_NULL(cfg_find(""));
}

static void test_defaults_are_the_documented_values(void)
{
    struct config cfg;
    CU_ASSERT_EQUAL_FATAL(cfg_load(&cfg, NULL, false, NULL, err, sizeof(err)), 0);
    CU_ASSERT_STRING_EQUAL(err, "");
    CU_ASSERT_STRING_EQUAL(cfg.var_dir, "var");
    CU_ASSERT_STRING_EQUAL(cfg.root_dir, ".");
    CU_ASSERT_STRING_EQUAL(cfg.log_level, "info");
    CU_ASSERT_STRING_EQUAL(cfg.db_host, "127.0.0.1");
    CU_ASSERT_EQUAL(cfg.db_port, 3306);
    CU_ASSERT_STRING_EQUAL(cfg.db_socket, "");
    CU_ASSERT_STRING_EQUAL(cfg.db_name, "market");
    CU_ASSERT_STRING_EQUAL(cfg.db_user, "market");
    CU_ASSERT_STRING_EQUAL(cfg.db_password, "");
    CU_ASSERT_EQUAL(cfg.db_connect_timeout, 2);
    CU_ASSERT_EQUAL(cfg.db_rw_timeout, 10);
    CU_ASSERT_EQUAL(cfg.db_retry_after, 1);
    CU_ASSERT_STRING_EQUAL(cfg.cache_servers, "");
    CU_ASSERT_STRING_EQUAL(cfg.cache_prefix, "wm:");
    CU_ASSERT_EQUAL(cfg.cache_timeout_ms, 50);
    CU_ASSERT_EQUAL(cfg.http_max_body, 10485760);
    CU_ASSERT_EQUAL(cfg.http_max_fields, 1000);
    CU_ASSERT_STRING_EQUAL(cfg.secrets_dir, "var/secrets");
    cfg_release(&cfg);
}

static void test_an_empty_path_means_no_file(void)
{
    struct config cfg;
    CU_ASSERT_EQUAL(cfg_load(&cfg, "", true, NULL, err, sizeof(err)), 0);
    CU_ASSERT_EQUAL(cfg.db_port, 3306);
    cfg_release(&cfg);
}

static void test_a_missing_file_is_an_error_only_when_it_must_exist(void)
{
    struct config cfg;
    char path[128];
    snprintf(path, sizeof(path), "%s/nope.conf", dir);
    CU_ASSERT_EQUAL(cfg_load(&cfg, path, false, NULL, err, sizeof(err)), 0);
    CU_ASSERT_STRING_EQUAL(cfg.db_name, "market");
    cfg_release(&cfg);
    CU_ASSERT_EQUAL(cfg_load(&cfg, path, true, NULL, err, sizeof(err)), -1);
    snprintf(want, sizeof(want), "cannot open '%s': No such file or directory", path);
    CU_ASSERT_STRING_EQUAL(err, want);
    CU_ASSERT_PTR_NULL(cfg.db_name);
}

static void test_a_directory_is_not_a_config_file(void)
{
    struct config cfg;
    CU_ASSERT_EQUAL(cfg_load(&cfg, dir, false, NULL, err, sizeof(err)), -1);
    snprintf(want, sizeof(want), "cannot read '%s': Is a directory", dir);
    CU_ASSERT_STRING_EQUAL(err, want);
}

static void test_key_value_lines_with_any_spacing(void)
{
    struct config cfg;
    CU_ASSERT_EQUAL_FATAL(load(&cfg,
                               "db.host=db.example\n"
                               "db.port   =   3307\n"
                               "\t db.name\t=\tshop \t\n"
                               "db.socket= /run/mysqld/mysqld.sock\n"
                               "log.level = debug\n"
                               "http.max_body = 1024\n"
                               "http.max_fields = 100000\n"
                               "db.retry_after = 0\n"
                               "cache.servers = --SERVER=127.0.0.1:11211 --BINARY-PROTOCOL\n"
                               "var = /srv/market/var\n",
                               NULL),
                          0);
    CU_ASSERT_STRING_EQUAL(err, "");
    CU_ASSERT_STRING_EQUAL(cfg.db_host, "db.example");
    CU_ASSERT_EQUAL(cfg.db_port, 3307);
    CU_ASSERT_STRING_EQUAL(cfg.db_name, "shop");
    CU_ASSERT_STRING_EQUAL(cfg.db_socket, "/run/mysqld/mysqld.sock");
    CU_ASSERT_STRING_EQUAL(cfg.log_level, "debug");
    CU_ASSERT_EQUAL(cfg.http_max_body, 1024);
    CU_ASSERT_EQUAL(cfg.http_max_fields, 100000);
    CU_ASSERT_EQUAL(cfg.db_retry_after, 0);
    CU_ASSERT_STRING_EQUAL(cfg.cache_servers, "--SERVER=127.0.0.1:11211 --BINARY-PROTOCOL");
    CU_ASSERT_STRING_EQUAL(cfg.secrets_dir, "/srv/market/var/secrets");
    cfg_release(&cfg);
}

static void test_an_empty_value_is_an_error_for_a_required_string(void)
{
    expect_file_error("db.user =\n", "1: empty value for 'db.user'");
    expect_file_error("\n\nvar = \"\"\n", "3: empty value for 'var'");
}

static void test_comments_blank_lines_crlf_and_a_bom_are_handled(void)
{
    struct config cfg;
    CU_ASSERT_EQUAL_FATAL(load(&cfg,
                               "\xef\xbb\xbf# market.conf\r\n"
                               "\r\n"
                               "   \t\n"
                               "    # indented comment = not a key\n"
                               "#db.port = 1\n"
                               "db.port = 3310\r\n"
                               "db.name = last_line_without_newline",
                               NULL),
                          0);
    CU_ASSERT_EQUAL(cfg.db_port, 3310);
    CU_ASSERT_STRING_EQUAL(cfg.db_name, "last_line_without_newline");
    cfg_release(&cfg);
}

static void test_an_empty_file_gives_the_defaults(void)
{
    struct config cfg;
    CU_ASSERT_EQUAL_FATAL(load(&cfg, "", NULL), 0);
    CU_ASSERT_EQUAL(cfg.db_port, 3306);
    cfg_release(&cfg);
}

static void test_quoted_values_keep_spaces_hashes_and_escapes(void)
{
    struct config cfg;
    CU_ASSERT_EQUAL_FATAL(load(&cfg,
                               "db.password = \"  p#ss \\\"w\\\" \\\\ \"   # trailing comment\n"
                               "db.name = \"a\\nb\\x\"\n"
                               "cache.prefix = \"\"\n"
                               "db.host = \"=\"\n"
                               "db.user=\"#\"#c\n",
                               NULL),
                          0);
    CU_ASSERT_STRING_EQUAL(cfg.db_password, "  p#ss \"w\" \\ ");
    CU_ASSERT_STRING_EQUAL(cfg.db_name, "a\\nb\\x");
    CU_ASSERT_STRING_EQUAL(cfg.cache_prefix, "");
    CU_ASSERT_STRING_EQUAL(cfg.db_host, "=");
    CU_ASSERT_STRING_EQUAL(cfg.db_user, "#");
    cfg_release(&cfg);
}

static void test_hash_starts_a_comment_only_at_a_word_start(void)
{
    struct config cfg;
    CU_ASSERT_EQUAL_FATAL(load(&cfg,
                               "db.password = abc#def\n"
                               "db.name = shop # the shop database\n"
                               "db.socket = #nothing\n"
                               "cache.prefix = a\t#tab\n"
                               "db.host = x=y\n",
                               NULL),
                          0);
    CU_ASSERT_STRING_EQUAL(cfg.db_password, "abc#def");
    CU_ASSERT_STRING_EQUAL(cfg.db_name, "shop");
    CU_ASSERT_STRING_EQUAL(cfg.db_socket, "");
    CU_ASSERT_STRING_EQUAL(cfg.cache_prefix, "a");
    CU_ASSERT_STRING_EQUAL(cfg.db_host, "x=y");
    cfg_release(&cfg);
}

static void test_a_later_line_wins(void)
{
    struct config cfg;
    CU_ASSERT_EQUAL_FATAL(load(&cfg, "db.name = a\ndb.name = b\ndb.port=1\ndb.port=2\n", NULL), 0);
    CU_ASSERT_STRING_EQUAL(cfg.db_name, "b");
    CU_ASSERT_EQUAL(cfg.db_port, 2);
    cfg_release(&cfg);
}

static void test_file_errors_name_the_line_and_the_key(void)
{
    expect_file_error("db.host = x\n\ndb.sockett = /tmp/s\n", "3: unknown key 'db.sockett'");
    expect_file_error("DB.HOST = x\n", "1: unknown key 'DB.HOST'");
    expect_file_error("db.port = 30s\n", "1: invalid integer '30s' for 'db.port'");
    expect_file_error("db.port =\n", "1: invalid integer '' for 'db.port'");
    expect_file_error("db.port = 0x10\n", "1: invalid integer '0x10' for 'db.port'");
    expect_file_error("db.port = +5\n", "1: invalid integer '+5' for 'db.port'");
    expect_file_error("db.port = 1.5\n", "1: invalid integer '1.5' for 'db.port'");
    expect_file_error("db.port = 99999999999999999999\n",
                      "1: invalid integer '99999999999999999999' for 'db.port'");
    expect_file_error("db.port = 65536\n", "1: value 65536 out of range for 'db.port' (1..65535)");
    expect_file_error("db.connect_timeout = 0\n",
                      "1: value 0 out of range for 'db.connect_timeout' (1..60)");
    expect_file_error("db.connect_timeout = 61\n",
                      "1: value 61 out of range for 'db.connect_timeout' (1..60)");
    expect_file_error("db.rw_timeout = 601\n",
                      "1: value 601 out of range for 'db.rw_timeout' (1..600)");
    expect_file_error("db.retry_after = -1\n",
                      "1: value -1 out of range for 'db.retry_after' (0..60)");
    expect_file_error("cache.timeout_ms = 5001\n",
                      "1: value 5001 out of range for 'cache.timeout_ms' (1..5000)");
    expect_file_error("http.max_body = 1023\n",
                      "1: value 1023 out of range for 'http.max_body' (1024..1073741824)");
    expect_file_error("http.max_fields = -9223372036854775808\n",
                      "1: value -9223372036854775808 out of range for 'http.max_fields' "
                      "(1..100000)");
    expect_file_error("log.level = verbose\n",
                      "1: invalid value 'verbose' for 'log.level' (error|warn|info|debug)");
    expect_file_error("log.level = INFO\n",
                      "1: invalid value 'INFO' for 'log.level' (error|warn|info|debug)");
    expect_file_error("# c\ndb.host 127.0.0.1\n", "2: missing '=' after 'db.host 127.0.0.1'");
    expect_file_error(" = value\n", "1: missing key before '='");
    expect_file_error("db.password = \"abc\n", "1: unterminated quoted value for 'db.password'");
    expect_file_error("db.password = \"abc\\\"\n",
                      "1: unterminated quoted value for 'db.password'");
    expect_file_error("db.name = \"a\" b\n", "1: unexpected text after quoted value for 'db.name'");
}

static void test_error_text_from_the_file_is_made_printable_and_short(void)
{
    char line[300];
    char rest[128];
    memset(line, 'k', 100);
    memcpy(line + 100, " = 1\n", 6);
    snprintf(rest, sizeof(rest), "1: unknown key '%.64s...'", line);
    expect_file_error(line, rest);
    expect_file_error("db.\x1b[2Jport = 1\n", "1: unknown key 'db.?[2Jport'");
    expect_file_error("db.port = 1\x7f\n", "1: invalid integer '1?' for 'db.port'");
}

static void test_line_length_limit(void)
{
    size_t n = strlen("db.password = ");
    char *text = malloc(CFG_LINE_MAX + 64);
    memcpy(text, "db.password = ", n);
    memset(text + n, 'p', CFG_LINE_MAX - n);
    strcpy(text + CFG_LINE_MAX, "\n");
    struct config cfg;
    CU_ASSERT_EQUAL(load(&cfg, text, NULL), 0); /* exactly CFG_LINE_MAX bytes */
    CU_ASSERT_EQUAL(strlen(cfg.db_password), CFG_LINE_MAX - n);
    cfg_release(&cfg);
    char rest[64];
    memmove(text + 12, text, CFG_LINE_MAX + 2);
    memcpy(text, "db.port = 1\n", 12);
    snprintf(rest, sizeof(rest), "2: line too long (more than %d bytes)", CFG_LINE_MAX);
    memcpy(text + 12 + CFG_LINE_MAX, "p\n", 3); /* one byte more */
    expect_file_error(text, rest);
    free(text);
}

static void test_a_nul_byte_is_an_error(void)
{
    struct config cfg;
    write_conf("db.port = 1\ndb.name = a\0b\n", 26);
    CU_ASSERT_EQUAL(cfg_load(&cfg, conf_path, true, NULL, err, sizeof(err)), -1);
    snprintf(want, sizeof(want), "%s:2: NUL byte in line", conf_path);
    CU_ASSERT_STRING_EQUAL(err, want);
}

static void test_the_environment_overrides_the_file(void)
{
    struct config cfg;
    const char *envp[] = {
        "PATH=/usr/bin",         "MARKET_DB_PORT=3308",         "MARKET_DB_HOST= spaced ",
        "MARKET_LOG_LEVEL=warn", "MARKET_HTTP_MAX_BODY= 2048 ", NULL
    };
    CU_ASSERT_EQUAL_FATAL(load(&cfg, "db.port = 3307\ndb.name = from_file\n", ENVP(envp)), 0);
    CU_ASSERT_EQUAL(cfg.db_port, 3308);
    CU_ASSERT_STRING_EQUAL(cfg.db_name, "from_file");
    CU_ASSERT_STRING_EQUAL(cfg.db_host, " spaced "); /* strings are taken exactly */
    CU_ASSERT_STRING_EQUAL(cfg.log_level, "warn");
    CU_ASSERT_EQUAL(cfg.http_max_body, 2048); /* numbers are trimmed */
    cfg_release(&cfg);
}

static void test_a_bad_environment_value_names_the_variable(void)
{
    struct config cfg;
    const char *env1[] = { "MARKET_DB_PORT=x", NULL };
    CU_ASSERT_EQUAL(load(&cfg, "db.port = 3307\n", ENVP(env1)), -1);
    CU_ASSERT_STRING_EQUAL(err, "MARKET_DB_PORT: invalid integer 'x' for 'db.port'");
    CU_ASSERT_PTR_NULL(cfg.db_name);
    const char *env2[] = { "MARKET_HTTP_MAX_BODY=1", NULL };
    CU_ASSERT_EQUAL(cfg_load(&cfg, NULL, false, ENVP(env2), err, sizeof(err)), -1);
    CU_ASSERT_STRING_EQUAL(err, "MARKET_HTTP_MAX_BODY: value 1 out of range for 'http.max_body' "
                                "(1024..1073741824)");
    const char *env3[] = { "MARKET_VAR=", NULL };
    CU_ASSERT_EQUAL(cfg_load(&cfg, NULL, false, ENVP(env3), err, sizeof(err)), -1);
    CU_ASSERT_STRING_EQUAL(err, "MARKET_VAR: empty value for 'var'");
    const char *env4[] = { "MARKET_DB_PORT=1\n2", NULL };
    CU_ASSERT_EQUAL(cfg_load(&cfg, NULL, false, ENVP(env4), err, sizeof(err)), -1);
    CU_ASSERT_STRING_EQUAL(err, "MARKET_DB_PORT: invalid integer '1?2' for 'db.port'");
}

static void test_the_file_error_comes_before_the_environment(void)
{
    struct config cfg;
    const char *envp[] = { "MARKET_DB_PORT=x", NULL };
    CU_ASSERT_EQUAL(load(&cfg, "nope = 1\n", ENVP(envp)), -1);
    snprintf(want, sizeof(want), "%s:1: unknown key 'nope'", conf_path);
    CU_ASSERT_STRING_EQUAL(err, want);
}

static void test_environment_lookup_is_exact(void)
{
    struct config cfg;
    const char *envp[] = { "MARKET_DB_PORTX=1",
                           "MARKET_DB_PORT",
                           "market_db_port=2",
                           "XMARKET_DB_PORT=3",
                           "MARKET_DB_PORT=3309",
                           "MARKET_DB_PORT=3310",
                           "MARKET_CONFIG=/etc/market.conf",
                           "MARKET_NOPE=junk",
                           NULL };
    CU_ASSERT_EQUAL_FATAL(cfg_load(&cfg, NULL, false, ENVP(envp), err, sizeof(err)), 0);
    CU_ASSERT_EQUAL(cfg.db_port, 3309); /* the first match wins, as getenv() */
    cfg_release(&cfg);
}

static void test_market_var_and_root_and_the_secrets_dir(void)
{
    struct config cfg;
    const char *env1[] = { "MARKET_VAR=/srv/m", "MARKET_ROOT=/opt/market", NULL };
    CU_ASSERT_EQUAL_FATAL(cfg_load(&cfg, NULL, false, ENVP(env1), err, sizeof(err)), 0);
    CU_ASSERT_STRING_EQUAL(cfg.var_dir, "/srv/m");
    CU_ASSERT_STRING_EQUAL(cfg.root_dir, "/opt/market");
    CU_ASSERT_STRING_EQUAL(cfg.secrets_dir, "/srv/m/secrets");
    cfg_release(&cfg);

    const char *env2[] = { "MARKET_VAR=/srv/m/", NULL };
    CU_ASSERT_EQUAL_FATAL(cfg_load(&cfg, NULL, false, ENVP(env2), err, sizeof(err)), 0);
    CU_ASSERT_STRING_EQUAL(cfg.secrets_dir, "/srv/m/secrets");
    cfg_release(&cfg);

    const char *env3[] = { "MARKET_VAR=/srv/m", NULL };
    CU_ASSERT_EQUAL_FATAL(load(&cfg, "secrets.dir = /etc/market/keys\n", ENVP(env3)), 0);
    CU_ASSERT_STRING_EQUAL(cfg.secrets_dir, "/etc/market/keys");
    cfg_release(&cfg);

    CU_ASSERT_EQUAL_FATAL(load(&cfg, "var = rel/var\nsecrets.dir = \"\"\n", NULL), 0);
    CU_ASSERT_STRING_EQUAL(cfg.var_dir, "rel/var"); /* kept as given */
    CU_ASSERT_STRING_EQUAL(cfg.secrets_dir, "rel/var/secrets");
    cfg_release(&cfg);
}

static void test_env_names_upper_case_and_map_dots(void)
{
    char out[64];
    cfg_env_name("db.socket", out, sizeof(out));
    CU_ASSERT_STRING_EQUAL(out, "MARKET_DB_SOCKET");
    cfg_env_name("db.connect_timeout", out, sizeof(out));
    CU_ASSERT_STRING_EQUAL(out, "MARKET_DB_CONNECT_TIMEOUT");
    cfg_env_name("var", out, sizeof(out));
    CU_ASSERT_STRING_EQUAL(out, "MARKET_VAR");
    cfg_env_name("root", out, sizeof(out));
    CU_ASSERT_STRING_EQUAL(out, "MARKET_ROOT");
    cfg_env_name("a-b.c9", out, sizeof(out));
    CU_ASSERT_STRING_EQUAL(out, "MARKET_A_B_C9");
    cfg_env_name("", out, sizeof(out));
    CU_ASSERT_STRING_EQUAL(out, "MARKET_");
    cfg_env_name("db.host", out, 10);
    CU_ASSERT_STRING_EQUAL(out, "MARKET_DB");
    cfg_env_name("db.host", out, 3);
    CU_ASSERT_STRING_EQUAL(out, "MA");
    out[0] = 'x';
    cfg_env_name("db.host", out, 0);
    CU_ASSERT_EQUAL(out[0], 'x');
}

static void test_cfg_set_replaces_and_keeps_the_old_value_on_error(void)
{
    struct config cfg;
    CU_ASSERT_EQUAL_FATAL(cfg_load(&cfg, NULL, false, NULL, err, sizeof(err)), 0);
    CU_ASSERT_EQUAL(cfg_set(&cfg, "db.name", "other", err, sizeof(err)), 0);
    CU_ASSERT_STRING_EQUAL(cfg.db_name, "other");
    CU_ASSERT_EQUAL(cfg_set(&cfg, "db.port", "abc", err, sizeof(err)), -1);
    CU_ASSERT_STRING_EQUAL(err, "invalid integer 'abc' for 'db.port'");
    CU_ASSERT_EQUAL(cfg.db_port, 3306);
    CU_ASSERT_EQUAL(cfg_set(&cfg, "db.name", "", err, sizeof(err)), -1);
    CU_ASSERT_STRING_EQUAL(err, "empty value for 'db.name'");
    CU_ASSERT_STRING_EQUAL(cfg.db_name, "other");
    CU_ASSERT_EQUAL(cfg_set(&cfg, "nope", "1", err, sizeof(err)), -1);
    CU_ASSERT_STRING_EQUAL(err, "unknown key 'nope'");
    CU_ASSERT_EQUAL(cfg_set(&cfg, "db.port", "1", NULL, 0), 0); /* no error buffer is fine */
    CU_ASSERT_EQUAL(cfg_set(&cfg, "db.port", "x", NULL, 0), -1);
    char small[8];
    CU_ASSERT_EQUAL(cfg_set(&cfg, "db.port", "x", small, sizeof(small)), -1);
    CU_ASSERT_STRING_EQUAL(small, "invalid");
    cfg_release(&cfg);
}

static void test_release_is_safe_twice_and_on_a_zeroed_struct(void)
{
    struct config cfg;
    memset(&cfg, 0, sizeof(cfg));
    cfg_release(&cfg);
    CU_ASSERT_EQUAL_FATAL(cfg_load(&cfg, NULL, false, NULL, err, sizeof(err)), 0);
    cfg_release(&cfg);
    CU_ASSERT_PTR_NULL(cfg.db_host);
    CU_ASSERT_EQUAL(cfg.db_port, 0);
    cfg_release(&cfg);
}

static const char default_dump[] = "var = var\n"
                                   "root = .\n"
                                   "log.level = info\n"
                                   "db.host = 127.0.0.1\n"
                                   "db.port = 3306\n"
                                   "db.socket = \"\"\n"
                                   "db.name = market\n"
                                   "db.user = market\n"
                                   "db.password = %s\n"
                                   "db.connect_timeout = 2\n"
                                   "db.rw_timeout = 10\n"
                                   "db.retry_after = 1\n"
                                   "cache.servers = \"\"\n"
                                   "cache.prefix = wm:\n"
                                   "cache.timeout_ms = 50\n"
                                   "http.max_body = 10485760\n"
                                   "http.max_fields = 1000\n"
                                   "http.debug_routes = false\n"
                                   "graphql.introspection = true\n"
                                   "graphql.max_tokens = 20000\n"
                                   "graphql.max_depth = 15\n"
                                   "graphql.max_aliases = 30\n"
                                   "graphql.max_cost = 10000\n"
                                   "graphql.max_batch = 20\n"
                                   "graphql.doc_cache = 256\n"
                                   "secrets.dir = var/secrets\n"
                                   "auth.jwt_alg = HS256\n"
                                   "auth.jwt_private_key = \"\"\n"
                                   "auth.jwt_public_key = \"\"\n"
                                   "auth.access_ttl = 900\n"
                                   "auth.refresh_ttl = 1209600\n"
                                   "auth.refresh_ttl_short = 86400\n"
                                   "auth.issuer = \"\"\n"
                                   "auth.audience = \"\"\n"
                                   "auth.session_idle = 1209600\n"
                                   "auth.session_max_age = 7776000\n"
                                   "auth.totp_issuer = Wholesale Market\n"
                                   "auth.verify_ttl = 259200\n"
                                   "auth.require_verified = sell,order,message\n"
                                   "site.url = http://127.0.0.1:8080\n"
                                   "mail.from = Wholesale Market <no-reply@wholesale-market.test>\n"
                                   "mail.smtp_url = \"\"\n"
                                   "mail.starttls = false\n"
                                   "mail.username = \"\"\n"
                                   "mail.password = \"\"\n"
                                   "mail.timeout_s = 30\n"
                                   "jobs.poll_ms = 1000\n"
                                   "jobs.max_attempts = 8\n"
                                   "jobs.backoff_base_ms = 30000\n"
                                   "jobs.backoff_max_ms = 3600000\n"
                                   "jobs.lease_s = 300\n"
                                   "media.max_bytes = 10485760\n"
                                   "media.max_width = 12000\n"
                                   "media.max_height = 12000\n"
                                   "media.max_megapixels = 50\n"
                                   "media.public_url = \"\"\n"
                                   "media.anon_per_hour = 20\n"
                                   "media.anon_ttl_s = 86400\n"
                                   "media.gc_interval_s = 3600\n"
                                   "media.storage = local\n"
                                   "media.s3_endpoint = \"\"\n"
                                   "media.s3_region = us-east-1\n"
                                   "media.s3_bucket = \"\"\n"
                                   "media.s3_access_key = \"\"\n"
                                   "media.s3_secret_key = \"\"\n"
                                   "media.s3_public_url = \"\"\n"
                                   "media.presign_ttl_s = 900\n"
                                   "search.socket = \"\"\n"
                                   "search.timeout_ms = 2000\n"
                                   "catalog.views_flush_s = 60\n"
                                   "jobs.keep_done_days = 7\n"
                                   "jobs.keep_dead_days = 90\n";

static void test_dump_writes_every_key_and_masks_the_password(void)
{
    struct config cfg;
    struct buf out = BUF_INIT(NULL);
    CU_ASSERT_EQUAL_FATAL(cfg_load(&cfg, NULL, false, NULL, err, sizeof(err)), 0);
    cfg_dump(&cfg, &out, true);
    snprintf(want, sizeof(want), default_dump, "\"\"");
    CU_ASSERT_STRING_EQUAL(out.ptr, want); /* an empty password shows as empty */
    buf_reset(&out);
    CU_ASSERT_EQUAL(cfg_set(&cfg, "db.password", "hunter2", err, sizeof(err)), 0);
    cfg_dump(&cfg, &out, true);
    snprintf(want, sizeof(want), default_dump, "********");
    CU_ASSERT_STRING_EQUAL(out.ptr, want);
    CU_ASSERT_PTR_NULL(strstr(out.ptr, "hunter2"));
    buf_reset(&out);
    cfg_dump(&cfg, &out, false);
    snprintf(want, sizeof(want), default_dump, "hunter2");
    CU_ASSERT_STRING_EQUAL(out.ptr, want);
    buf_release(&out);
    cfg_release(&cfg);
}

static void test_dump_reads_back_to_the_same_config(void)
{
    struct config a;
    struct config b;
    struct buf out = BUF_INIT(NULL);
    CU_ASSERT_EQUAL_FATAL(load(&a,
                               "db.password = \"  p#ss \\\"w\\\" \\\\\"\n"
                               "db.name = \"#hash\"\n"
                               "db.user = back\\slash\n"
                               "db.host = \"\\\"quoted\\\"\"\n"
                               "cache.prefix = \"\\t\"\n"
                               "cache.servers = --SERVER=a:1 --SERVER=b:2\n"
                               "db.port = 1\n",
                               NULL),
                          0);
    cfg_dump(&a, &out, false);
    CU_ASSERT_EQUAL_FATAL(load(&b, out.ptr, NULL), 0);
    for (const struct cfg_key *k = cfg_keys; k->name; k++) {
        const char *fa = (const char *)&a + k->offset;
        const char *fb = (const char *)&b + k->offset;
        if (k->type == CFG_INT) {
            CU_ASSERT(memcmp(fa, fb, sizeof(int64_t)) == 0);
        } else if (k->type == CFG_BOOL) {
            CU_ASSERT(memcmp(fa, fb, sizeof(bool)) == 0);
        } else {
            char *sa;
            char *sb;
            memcpy(&sa, fa, sizeof(sa));
            memcpy(&sb, fb, sizeof(sb));
            CU_ASSERT_STRING_EQUAL(sa, sb);
        }
    }
    buf_release(&out);
    cfg_release(&a);
    cfg_release(&b);
}

/* A table of the test's own, for the boolean type no real key uses yet. */
struct flags {
    bool on;
    int64_t n;
};

static const struct cfg_key flag_keys[] = {
    { "x.on", CFG_BOOL, offsetof(struct flags, on), "yes", 0, 0, 0, NULL, "a flag" },
    { "x.n", CFG_INT, offsetof(struct flags, n), NULL, -5, 5, 0, NULL, "a number" },
    { 0 },
};

static void test_booleans_take_six_spellings_each(void)
{
    static const char *const yes[] = { "true", "yes", "on", "1", "TRUE", "Yes", " on ", "oN" };
    static const char *const no[] = { "false", "no", "off", "0", "FALSE", "No", "\toff", "OfF" };
    struct flags f = { false, 9 };
    set_defaults(flag_keys, &f);
    CU_ASSERT(f.on);
    CU_ASSERT_EQUAL(f.n, 0); /* a NULL default is 0 */
    for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
        f.on = false;
        CU_ASSERT_EQUAL(set_value(&flag_keys[0], &f, yes[i], err, sizeof(err)), 0);
        CU_ASSERT(f.on);
        CU_ASSERT_EQUAL(set_value(&flag_keys[0], &f, no[i], err, sizeof(err)), 0);
        CU_ASSERT(!f.on);
    }
    static const char *const bad[] = { "maybe", "", "2", "tru", "y", "n", "enabled", "01" };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        f.on = true;
        CU_ASSERT_EQUAL(set_value(&flag_keys[0], &f, bad[i], err, sizeof(err)), -1);
        snprintf(want, sizeof(want),
                 "invalid boolean '%s' for 'x.on' (use true/false, yes/no, on/off or 1/0)", bad[i]);
        CU_ASSERT_STRING_EQUAL(err, want);
        CU_ASSERT(f.on);
    }
    struct buf out = BUF_INIT(NULL);
    dump_fields(flag_keys, &f, &out, true);
    CU_ASSERT_STRING_EQUAL(out.ptr, "x.on = true\nx.n = 0\n");
    buf_release(&out);
    release_fields(flag_keys, &f);
    CU_ASSERT(!f.on);
}

static void test_a_table_of_its_own_loads_from_a_file(void)
{
    struct flags f = { false, 0 };
    set_defaults(flag_keys, &f);
    write_conf("x.on = off # disabled\nx.n = -5\n", 30);
    CU_ASSERT_EQUAL(load_file(flag_keys, &f, conf_path, true, err, sizeof(err)), 0);
    CU_ASSERT(!f.on);
    CU_ASSERT_EQUAL(f.n, -5);
    write_conf("x.on = sometimes\n", 17);
    CU_ASSERT_EQUAL(load_file(flag_keys, &f, conf_path, true, err, sizeof(err)), -1);
    snprintf(want, sizeof(want),
             "%s:1: invalid boolean 'sometimes' for 'x.on' (use true/false, yes/no, on/off or "
             "1/0)",
             conf_path);
    CU_ASSERT_STRING_EQUAL(err, want);
}

static CU_TestInfo tests[] = {
    { "the table covers every field of struct config once",
      test_the_table_covers_every_field_once },
    { "defaults are the documented values", test_defaults_are_the_documented_values },
    { "an empty path means no file", test_an_empty_path_means_no_file },
    { "a missing file is an error only when it must exist",
      test_a_missing_file_is_an_error_only_when_it_must_exist },
    { "a directory is not a config file", test_a_directory_is_not_a_config_file },
    { "key = value lines are read with any spacing", test_key_value_lines_with_any_spacing },
    { "an empty value is an error for a required string",
      test_an_empty_value_is_an_error_for_a_required_string },
    { "comments, blank lines, CRLF and a BOM are handled",
      test_comments_blank_lines_crlf_and_a_bom_are_handled },
    { "an empty file gives the defaults", test_an_empty_file_gives_the_defaults },
    { "quoted values keep spaces, hashes and escaped quotes",
      test_quoted_values_keep_spaces_hashes_and_escapes },
    { "# starts a comment only at the start of a word",
      test_hash_starts_a_comment_only_at_a_word_start },
    { "a later line wins", test_a_later_line_wins },
    { "file errors name the file, the line and the key",
      test_file_errors_name_the_line_and_the_key },
    { "text quoted in an error is printable and short",
      test_error_text_from_the_file_is_made_printable_and_short },
    { "a line may hold CFG_LINE_MAX bytes and no more", test_line_length_limit },
    { "a NUL byte in the file is an error", test_a_nul_byte_is_an_error },
    { "the environment overrides the file", test_the_environment_overrides_the_file },
    { "a bad environment value names the variable",
      test_a_bad_environment_value_names_the_variable },
    { "a file error is reported before the environment is read",
      test_the_file_error_comes_before_the_environment },
    { "environment lookup is exact and the first entry wins", test_environment_lookup_is_exact },
    { "MARKET_VAR and MARKET_ROOT set var and root; secrets.dir follows var",
      test_market_var_and_root_and_the_secrets_dir },
    { "env names are upper-cased with dots mapped to underscores",
      test_env_names_upper_case_and_map_dots },
    { "cfg_set replaces a value and keeps the old one on error",
      test_cfg_set_replaces_and_keeps_the_old_value_on_error },
    { "cfg_release is safe twice and on a zeroed struct",
      test_release_is_safe_twice_and_on_a_zeroed_struct },
    { "cfg_dump writes every key and masks the password",
      test_dump_writes_every_key_and_masks_the_password },
    { "cfg_dump reads back to the same config", test_dump_reads_back_to_the_same_config },
    { "booleans take four spellings each way, in any case", test_booleans_take_six_spellings_each },
    { "a table of the test's own loads from a file", test_a_table_of_its_own_loads_from_a_file },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(core_config, "core/config", suite_init, suite_clean, tests);
