/*
 * mail.c: reading the messages the SMTP sink (tests/tools/smtp_sink.c) stored, for the
 * integration tests (it.h): find the next message for a recipient, split the header block and
 * the MIME parts, undo quoted-printable or base64 and decode RFC 2047 subjects.
 */
#define _GNU_SOURCE /* strcasestr */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "lib/it.h"

/* realloc that aborts when memory runs out (test code: no recovery). */
static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n);
    if (!q) {
        fprintf(stderr, "out of memory (%zu bytes)\n", n);
        abort();
    }
    return q;
}

const char *it_mail_dir(void)
{
    const char *d = getenv("MARKET_TEST_MAIL_DIR");
    return d && *d ? d : "/nonexistent-mail-dir";
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 65536;
    size_t len = 0;
    char *p = malloc(cap);
    size_t n;
    while ((n = fread(p + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (cap - len < 2) p = xrealloc(p, cap *= 2);
    }
    fclose(f);
    p[len] = '\0';
    return p;
}

/* s with CRLF made LF (new heap string). */
static char *lf_only(const char *s, size_t n)
{
    char *out = malloc(n + 1);
    size_t o = 0;
    for (size_t i = 0; i < n; i++)
        if (!(s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')) out[o++] = s[i];
    out[o] = '\0';
    return out;
}

/* Unfold header continuation lines (LF text): "\n " and "\n\t" join the previous line. */
static void unfold(char *h)
{
    char *o = h;
    for (char *p = h; *p; p++) {
        if (*p == '\n' && (p[1] == ' ' || p[1] == '\t')) continue;
        *o++ = *p;
    }
    *o = '\0';
}

/* The value of header name in the unfolded LF block h, into out. */
static bool header_in(const char *h, const char *name, char *out, size_t outlen)
{
    size_t n = strlen(name);
    for (const char *line = h; line && *line;
         line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
        if (strncasecmp(line, name, n) == 0 && line[n] == ':') {
            const char *v = line + n + 1;
            while (*v == ' ' || *v == '\t')
                v++;
            const char *end = strchr(v, '\n');
            size_t len = end ? (size_t)(end - v) : strlen(v);
            if (len >= outlen) len = outlen - 1;
            memcpy(out, v, len);
            out[len] = '\0';
            return true;
        }
    }
    return false;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

/* Quoted-printable body (LF line ends) decoded. */
static char *qp_decode(const char *s)
{
    size_t n = strlen(s);
    char *out = malloc(n + 1);
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '=' && s[i + 1] == '\n') {
            i++;
        } else if (s[i] == '=' && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
            out[o++] = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
            i += 2;
        } else {
            out[o++] = s[i];
        }
    }
    out[o] = '\0';
    return out;
}

static int b64val(int c)
{
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

static size_t b64_decode_into(const char *s, size_t n, char *out)
{
    unsigned acc = 0;
    int bits = 0;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        int v = b64val((unsigned char)s[i]);
        if (v < 0) continue;
        acc = (acc << 6) | (unsigned)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[o++] = (char)((acc >> bits) & 0xff);
        }
    }
    out[o] = '\0';
    return o;
}

/* Decode =?charset?B|Q?text?= words (UTF-8 assumed); white space between two words dropped. */
static char *rfc2047_decode(const char *s)
{
    size_t n = strlen(s);
    char *out = malloc(n + 1);
    size_t o = 0;
    bool after_word = false;
    for (size_t i = 0; i < n;) {
        if (s[i] == '=' && s[i + 1] == '?') {
            const char *q1 = strchr(s + i + 2, '?');
            const char *q2 = q1 ? strchr(q1 + 1, '?') : NULL;
            const char *end = q2 ? strstr(q2 + 1, "?=") : NULL;
            if (q1 && q2 && end && q2 == q1 + 2) {
                char enc = (char)toupper((unsigned char)q1[1]);
                const char *t = q2 + 1;
                size_t tn = (size_t)(end - t);
                if (enc == 'B') {
                    o += b64_decode_into(t, tn, out + o);
                } else {
                    for (size_t k = 0; k < tn; k++) {
                        if (t[k] == '_') {
                            out[o++] = ' ';
                        } else if (t[k] == '=' && k + 2 < tn + 1 && hexval(t[k + 1]) >= 0 &&
                                   hexval(t[k + 2]) >= 0) {
                            out[o++] = (char)(hexval(t[k + 1]) * 16 + hexval(t[k + 2]));
                            k += 2;
                        } else {
                            out[o++] = t[k];
                        }
                    }
                }
                i = (size_t)(end + 2 - s);
                after_word = true;
                continue;
            }
        }
        if (after_word && (s[i] == ' ' || s[i] == '\t')) {
            size_t j = i;
            while (s[j] == ' ' || s[j] == '\t')
                j++;
            if (s[j] == '=' && s[j + 1] == '?') {
                i = j;
                continue;
            }
        }
        after_word = false;
        out[o++] = s[i++];
    }
    out[o] = '\0';
    return out;
}

static char *lower_dup(const char *s)
{
    char *d = strdup(s);
    for (char *p = d; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return d;
}

/* Decode one body (LF text) by its transfer encoding. */
static char *decode_body(const char *body, const char *cte)
{
    if (strcasecmp(cte, "quoted-printable") == 0) return qp_decode(body);
    if (strcasecmp(cte, "base64") == 0) {
        char *out = malloc(strlen(body) + 1);
        b64_decode_into(body, strlen(body), out);
        return out;
    }
    return strdup(body);
}

/* Split the multipart body (LF text) by boundary into text and html parts. */
static void parse_parts(struct it_mail *m, const char *body, const char *boundary)
{
    char delim[300];
    snprintf(delim, sizeof(delim), "--%s", boundary);
    const char *p = strstr(body, delim);
    while (p) {
        p += strlen(delim);
        if (p[0] == '-' && p[1] == '-') break; /* the closing delimiter */
        if (*p == '\n') p++;
        const char *next = strstr(p, delim);
        if (!next) break;
        const char *sep = strstr(p, "\n\n");
        if (!sep || sep > next) {
            p = next;
            continue;
        }
        char *head = strndup(p, (size_t)(sep - p + 1));
        unfold(head);
        size_t blen = (size_t)(next - (sep + 2));
        if (blen > 0 && sep[2 + blen - 1] == '\n') blen--; /* the CRLF before the delimiter */
        char *raw = strndup(sep + 2, blen);
        char type[256] = "";
        char cte[64] = "7bit";
        header_in(head, "Content-Type", type, sizeof(type));
        header_in(head, "Content-Transfer-Encoding", cte, sizeof(cte));
        if (strncasecmp(type, "text/plain", 10) == 0 && !m->text) {
            m->text = decode_body(raw, cte);
            m->text_cte = lower_dup(cte);
        } else if (strncasecmp(type, "text/html", 9) == 0 && !m->html) {
            m->html = decode_body(raw, cte);
            m->html_cte = lower_dup(cte);
        }
        free(head);
        free(raw);
        p = next;
    }
}

bool it_mail_parse_file(const char *path, struct it_mail *m)
{
    memset(m, 0, sizeof(*m));
    char *raw = read_all(path);
    if (!raw) return false;
    char *text = lf_only(raw, strlen(raw));
    free(raw);
    m->path = strdup(path);
    m->envelope_from = strdup("");
    m->envelope_to = strdup("");
    char *msg = text;
    if (strncmp(msg, "X-Sink-Envelope: ", 17) == 0) {
        char *eol = strchr(msg, '\n');
        char *line = strndup(msg, eol ? (size_t)(eol - msg) : strlen(msg));
        char *from = strstr(line, "from=<");
        char *to = strstr(line, "; to=");
        if (from && to) {
            char *gt = strchr(from, '>');
            free(m->envelope_from);
            m->envelope_from = strndup(from + 6, gt ? (size_t)(gt - from - 6) : 0);
            free(m->envelope_to);
            m->envelope_to = strdup(to + 5);
        }
        free(line);
        msg = eol ? eol + 1 : msg + strlen(msg);
    }
    char *sep = strstr(msg, "\n\n");
    m->headers = strndup(msg, sep ? (size_t)(sep - msg + 1) : strlen(msg));
    unfold(m->headers);
    const char *body = sep ? sep + 2 : "";
    char value[1024];
    m->subject = header_in(m->headers, "Subject", value, sizeof(value)) ? rfc2047_decode(value)
                                                                        : strdup("");
    char type[512] = "";
    header_in(m->headers, "Content-Type", type, sizeof(type));
    char *b = strcasestr(type, "boundary=");
    if (strncasecmp(type, "multipart/", 10) == 0 && b) {
        b += 9;
        char boundary[256];
        size_t k = 0;
        if (*b == '"') b++;
        while (*b && *b != '"' && *b != ';' && k + 1 < sizeof(boundary))
            boundary[k++] = *b++;
        boundary[k] = '\0';
        parse_parts(m, body, boundary);
    } else {
        char cte[64] = "7bit";
        header_in(m->headers, "Content-Transfer-Encoding", cte, sizeof(cte));
        if (strncasecmp(type, "text/html", 9) == 0) {
            m->html = decode_body(body, cte);
            m->html_cte = lower_dup(cte);
        } else {
            m->text = decode_body(body, cte);
            m->text_cte = lower_dup(cte);
        }
    }
    free(text);
    return true;
}

const char *it_mail_header(const struct it_mail *m, const char *name)
{
    static char value[2048];
    return m->headers && header_in(m->headers, name, value, sizeof(value)) ? value : NULL;
}

void it_mail_release(struct it_mail *m)
{
    free(m->path);
    free(m->envelope_from);
    free(m->envelope_to);
    free(m->headers);
    free(m->subject);
    free(m->text);
    free(m->html);
    free(m->text_cte);
    free(m->html_cte);
    memset(m, 0, sizeof(*m));
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Unread messages whose envelope names to, sorted (oldest first); *n entries, heap. */
static char **unread_for(const char *to, size_t *n)
{
    *n = 0;
    DIR *d = opendir(it_mail_dir());
    if (!d) return NULL;
    char want[300];
    snprintf(want, sizeof(want), "<%s>", to);
    char **names = NULL;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".eml") != 0 || e->d_name[0] == '.') continue;
        char path[4096];
        snprintf(path, sizeof(path), "%s/%s", it_mail_dir(), e->d_name);
        FILE *f = fopen(path, "rb");
        if (!f) continue;
        char line[4096] = "";
        if (!fgets(line, sizeof(line), f)) line[0] = '\0';
        fclose(f);
        if (!strcasestr(line, want)) continue;
        names = xrealloc(names, (*n + 1) * sizeof(*names));
        names[(*n)++] = strdup(path);
    }
    closedir(d);
    if (*n > 1) qsort(names, *n, sizeof(*names), cmp_names);
    return names;
}

static void free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

int it_mail_count(const char *to)
{
    size_t n = 0;
    char **names = unread_for(to, &n);
    free_names(names, n);
    return (int)n;
}

bool it_mail_wait(const char *to, int timeout_ms, struct it_mail *msg)
{
    memset(msg, 0, sizeof(*msg));
    double deadline = it_now() + timeout_ms / 1000.0;
    for (;;) {
        size_t n = 0;
        char **names = unread_for(to, &n);
        if (n > 0) {
            bool ok = it_mail_parse_file(names[0], msg);
            char read_path[4200];
            snprintf(read_path, sizeof(read_path), "%s.read", names[0]);
            if (ok && rename(names[0], read_path) == 0) {
                free(msg->path);
                msg->path = strdup(read_path);
            }
            free_names(names, n);
            return ok;
        }
        free_names(names, n);
        if (it_now() >= deadline) return false;
        struct timespec ts = { 0, 50 * 1000 * 1000 };
        nanosleep(&ts, NULL);
    }
}
