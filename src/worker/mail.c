/*
 * mail.c: the "mail" job kind (worker_int.h). Reads the payload jobs_enqueue_mail() wrote,
 * renders templates/mail/<template>.{subject,txt,html}.cs with ClearSilver (the HTML body with
 * Config.VarEscapeMode html, set before cs_init as ClearSilver requires; subject and text with
 * none), builds the MIME message (mime.c) and delivers it:
 *   - mail.smtp_url set: SMTP through libcurl (MAIL FROM, RCPT TO, DATA; STARTTLS required when
 *     mail.starttls; AUTH when mail.username is set). A 5xx reply is a permanent failure (the
 *     job is dead at once); a 4xx reply, a refused connection or a timeout is retried.
 *   - mail.smtp_url empty: the message is written to <var>/mail-outbox/<time>-job<id>.eml (like
 *     Django's file e-mail backend), so a developer can open the links of a local stack.
 */
#include "worker/worker_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ClearSilver.h>
#include <curl/curl.h>
#include <json.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/config.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/log.h"
#include "core/rand.h"
#include "market/jobs/jobs.h"

/* ---- rendering ------------------------------------------------------------------------------ */

static NEOERR *render_out(void *ud, char *s)
{
    return string_append(ud, s);
}

/* ClearSilver's error as an arena string, and the error freed. */
static char *neo_message(struct wm_ctx *ctx, NEOERR *err)
{
    STRING s;
    string_init(&s);
    nerr_error_string(err, &s);
    char *msg = arena_strdup(ctx->arena, s.buf ? s.buf : "unknown ClearSilver error");
    string_clear(&s);
    nerr_ignore(&err);
    return msg;
}

int mail_render(struct wm_ctx *ctx, const char *name, const char *part, bool html,
                const char *const *vars, char **out)
{
    *out = NULL;
    if (!jobs_mail_template_exists(ctx->config, name))
        return wm_errorf(ctx, WM_EINVAL, "no mail template '%s' in templates/mail", name);
    const char *dir = arena_printf(ctx->arena, "%s/templates/mail", ctx->config->root_dir);
    const char *path = arena_printf(ctx->arena, "%s/%s.%s.cs", dir, name, part);
    HDF *hdf = NULL;
    CSPARSE *cs = NULL;
    STRING text;
    string_init(&text);
    NEOERR *err = hdf_init(&hdf);
    /* Read by cs_init: it must come first. */
    if (!err) err = hdf_set_value(hdf, "Config.VarEscapeMode", html ? "html" : "none");
    if (!err) err = hdf_set_value(hdf, "hdf.loadpaths.0", dir);
    if (!err) err = hdf_set_value(hdf, "Site.Url", ctx->config->site_url);
    for (const char *const *v = vars; !err && v && v[0] && v[1]; v += 2)
        err = hdf_set_value(hdf, v[0], v[1]);
    if (!err) err = cs_init(&cs, hdf);
    if (!err) err = cgi_register_strfuncs(cs);
    if (!err) err = cs_parse_file(cs, path);
    if (!err) err = cs_render(cs, &text, render_out);
    if (!err) *out = arena_strdup(ctx->arena, text.buf ? text.buf : "");
    string_clear(&text);
    if (cs) cs_destroy(&cs);
    if (hdf) hdf_destroy(&hdf);
    if (err)
        return wm_errorf(ctx, WM_EINTERNAL, "template %s.%s.cs: %s", name, part,
                         neo_message(ctx, err));
    return WM_OK;
}

/* ---- delivery ------------------------------------------------------------------------------- */

struct upload {
    const char *p;
    size_t left;
};

static size_t upload_read(char *dst, size_t size, size_t nmemb, void *ud)
{
    struct upload *u = ud;
    size_t n = size * nmemb;
    if (n > u->left) n = u->left;
    memcpy(dst, u->p, n);
    u->p += n;
    u->left -= n;
    return n;
}

/* The server's first failure reply (4xx/5xx), for last_error. */
struct reply {
    char line[256];
};

static int smtp_debug(CURL *c, curl_infotype type, char *data, size_t size, void *ud)
{
    (void)c;
    struct reply *r = ud;
    if (type != CURLINFO_HEADER_IN || r->line[0] || size == 0 || (data[0] != '4' && data[0] != '5'))
        return 0;
    size_t n = size < sizeof(r->line) - 1 ? size : sizeof(r->line) - 1;
    while (n > 0 && (data[n - 1] == '\r' || data[n - 1] == '\n'))
        n--;
    memcpy(r->line, data, n);
    r->line[n] = '\0';
    return 0;
}

static void slist_free(void *p)
{
    curl_slist_free_all(p);
}

static void easy_free(void *p)
{
    curl_easy_cleanup(p);
}

static enum job_outcome send_smtp(struct wm_ctx *ctx, const char *from, const char *to,
                                  const struct buf *msg, const char **error)
{
    const struct config *cfg = ctx->config;
    CURL *c = curl_easy_init();
    if (!c) {
        *error = "curl_easy_init failed";
        return JOB_RETRY;
    }
    arena_defer(ctx->arena, easy_free, c);
    struct curl_slist *rcpt = curl_slist_append(NULL, arena_printf(ctx->arena, "<%s>", to));
    if (!rcpt) wm_oom(0);
    arena_defer(ctx->arena, slist_free, rcpt);
    struct upload up = { msg->ptr, msg->len };
    struct reply reply = { "" };
    char errbuf[CURL_ERROR_SIZE] = "";
    CURLcode set = CURLE_OK;
/* One statement per option: the first failure sticks. */
#define SET(opt, val) (set = set != CURLE_OK ? set : curl_easy_setopt(c, opt, val))
    SET(CURLOPT_URL, cfg->mail_smtp_url);
    SET(CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    SET(CURLOPT_MAIL_FROM, arena_printf(ctx->arena, "<%s>", from));
    SET(CURLOPT_MAIL_RCPT, rcpt);
    SET(CURLOPT_READFUNCTION, upload_read);
    SET(CURLOPT_READDATA, &up);
    SET(CURLOPT_UPLOAD, 1L);
    SET(CURLOPT_INFILESIZE_LARGE, (curl_off_t)msg->len);
    SET(CURLOPT_NOSIGNAL, 1L);
    SET(CURLOPT_CONNECTTIMEOUT, (long)cfg->mail_timeout_s);
    SET(CURLOPT_TIMEOUT, (long)cfg->mail_timeout_s);
    SET(CURLOPT_ERRORBUFFER, errbuf);
    SET(CURLOPT_VERBOSE, 1L); /* only to feed smtp_debug, which prints nothing */
    SET(CURLOPT_DEBUGFUNCTION, smtp_debug);
    SET(CURLOPT_DEBUGDATA, &reply);
    if (cfg->mail_starttls) SET(CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
    if (cfg->mail_username[0]) {
        SET(CURLOPT_USERNAME, cfg->mail_username);
        SET(CURLOPT_PASSWORD, cfg->mail_password);
    }
#undef SET
    if (set != CURLE_OK) {
        *error = arena_printf(ctx->arena, "SMTP setup: %s", curl_easy_strerror(set));
        return JOB_RETRY;
    }
    CURLcode rc = curl_easy_perform(c);
    if (rc == CURLE_OK) return JOB_DONE;
    long code = 0;
    (void)curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
    *error = arena_printf(ctx->arena, "SMTP %s: %s%s%s", cfg->mail_smtp_url,
                          errbuf[0] ? errbuf : curl_easy_strerror(rc),
                          reply.line[0] ? "; server said: " : "", reply.line);
    return code >= 500 && code <= 599 ? JOB_DEAD : JOB_RETRY;
}

static enum job_outcome write_eml(struct wm_ctx *ctx, int64_t job_id, const struct buf *msg,
                                  const char **error)
{
    const char *dir = arena_printf(ctx->arena, "%s/mail-outbox", ctx->config->var_dir);
    if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
        *error = arena_printf(ctx->arena, "cannot create '%s': %s", dir, strerror(errno));
        return JOB_RETRY;
    }
    time_t now = time(NULL);
    struct tm tm;
    char stamp[32] = "";
    if (gmtime_r(&now, &tm)) (void)strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%SZ", &tm);
    const char *path = arena_printf(ctx->arena, "%s/%s-job%lld.eml", dir, stamp, (long long)job_id);
    const char *tmp = arena_printf(ctx->arena, "%s.tmp", path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = arena_printf(ctx->arena, "cannot create '%s': %s", tmp, strerror(errno));
        return JOB_RETRY;
    }
    ssize_t n = write(fd, msg->ptr, msg->len);
    int saved = errno;
    if (close(fd) != 0 || n != (ssize_t)msg->len || rename(tmp, path) != 0) {
        *error = arena_printf(ctx->arena, "cannot write '%s': %s", path,
                              strerror(n < 0 ? saved : errno));
        (void)unlink(tmp);
        return JOB_RETRY;
    }
    log_info("job %lld: mail written to %s", (long long)job_id, path);
    return JOB_DONE;
}

/* ---- the job -------------------------------------------------------------------------------- */

static void json_put(void *p)
{
    (void)json_object_put(p);
}

static const char *json_field(struct json_object *o, const char *key)
{
    struct json_object *v = NULL;
    if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string))
        return NULL;
    return json_object_get_string(v);
}

enum job_outcome mail_job_run(struct wm_ctx *ctx, const struct job *job, const char **error)
{
    struct json_tokener *tok = json_tokener_new();
    if (!tok) wm_oom(0);
    json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
    struct json_object *doc = json_tokener_parse_ex(tok, job->payload, (int)strlen(job->payload));
    json_tokener_free(tok);
    if (doc) arena_defer(ctx->arena, json_put, doc);
    struct json_object *vars_obj = NULL;
    const char *to = doc ? json_field(doc, "to") : NULL;
    const char *tmpl = doc ? json_field(doc, "template") : NULL;
    if (!to || !tmpl || !json_object_object_get_ex(doc, "vars", &vars_obj) ||
        !json_object_is_type(vars_obj, json_type_object)) {
        *error = "mail payload must be {\"to\": string, \"template\": string, \"vars\": object}";
        return JOB_DEAD;
    }
    size_t nvars = (size_t)json_object_object_length(vars_obj);
    const char **vars = ARENA_ARRAY(ctx->arena, const char *, 2 * nvars + 1);
    size_t k = 0;
    json_object_object_foreach(vars_obj, key, val)
    {
        if (!json_object_is_type(val, json_type_string)) {
            *error = arena_printf(ctx->arena, "mail var '%s' is not a string", key);
            return JOB_DEAD;
        }
        vars[k++] = key;
        vars[k++] = json_object_get_string(val);
    }
    vars[k] = NULL;

    char *subject = NULL;
    char *text = NULL;
    char *html = NULL;
    int rc = mail_render(ctx, tmpl, "subject", false, vars, &subject);
    if (rc == WM_OK) rc = mail_render(ctx, tmpl, "txt", false, vars, &text);
    if (rc == WM_OK) rc = mail_render(ctx, tmpl, "html", true, vars, &html);
    if (rc != WM_OK) {
        *error = ctx->err.message ? ctx->err.message : wm_strerror(rc);
        return JOB_DEAD;
    }

    const struct config *cfg = ctx->config;
    char *from = mime_from_address(ctx, cfg->mail_from, NULL);
    if (!from) {
        *error = arena_printf(ctx->arena, "mail.from '%s' holds no valid address", cfg->mail_from);
        return JOB_RETRY; /* a configuration error: retried once the operator fixes it */
    }
    char hex[33];
    if (rand_hex(hex, 16) != 0) {
        *error = "getrandom failed";
        return JOB_RETRY;
    }
    struct mail_message m = {
        .from = cfg->mail_from,
        .to = to,
        .subject = subject,
        .text = text,
        .html = html,
        .date = time(NULL),
        .message_id = arena_printf(ctx->arena, "%.16s.%lld@%s", hex, (long long)job->id,
                                   strchr(from, '@') + 1),
        .boundary = arena_printf(ctx->arena, "=_wm_%s", hex + 16),
        .job_id = job->id,
    };
    struct buf msg = BUF_INIT(ctx->arena);
    rc = mime_build(ctx, &m, &msg);
    if (rc != WM_OK) {
        *error = ctx->err.message ? ctx->err.message : wm_strerror(rc);
        return rc == WM_EINVAL && !jobs_address_is_valid(to) ? JOB_DEAD : JOB_RETRY;
    }
    if (!cfg->mail_smtp_url[0]) return write_eml(ctx, job->id, &msg, error);
    enum job_outcome out = send_smtp(ctx, from, to, &msg, error);
    if (out == JOB_DONE) log_info("job %lld: mail '%s' sent to %s", (long long)job->id, tmpl, to);
    return out;
}
