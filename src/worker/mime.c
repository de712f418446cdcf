/*
 * mime.c: the outgoing message (worker_int.h): RFC 5322 headers, RFC 2047 encoded-words for
 * non-ASCII header text, and a multipart/alternative body (RFC 2046 §5.1.4) whose text and HTML
 * parts are UTF-8 in quoted-printable (RFC 2045 §6.7). Everything is written with CRLF.
 */
#include "worker/worker_int.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "market/jobs/jobs.h"

/* Output characters per line before a soft break ('=' makes it 76, RFC 2045's limit). */
#define QP_LINE 75
/* Bytes of UTF-8 per encoded-word: 45 bytes are 60 base64 characters, and with "=?UTF-8?B?"
 * and "?=" the word is 72 characters, under RFC 2047's 75. */
#define WORD_BYTES 45
/* Bytes of subject kept. */
#define SUBJECT_MAX 900

static const char HEX[] = "0123456789ABCDEF";

void mime_qp_encode(struct buf *out, const char *s, size_t n)
{
    size_t col = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\r' && i + 1 < n && s[i + 1] == '\n') continue; /* CRLF: the LF ends it */
        if (c == '\n') {
            buf_appends(out, "\r\n");
            col = 0;
            continue;
        }
        bool at_end = i + 1 == n || s[i + 1] == '\n' ||
                      (s[i + 1] == '\r' && i + 2 < n && s[i + 2] == '\n');
        bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !at_end);
        if (c == '.' && col == 0) literal = false;
        size_t width = literal ? 1 : 3;
        if (col + width > QP_LINE) {
            buf_appends(out, "=\r\n");
            col = 0;
            if (c == '.') {
                literal = false;
                width = 3;
            }
        }
        if (literal) {
            buf_appendc(out, (char)c);
        } else {
            buf_appendc(out, '=');
            buf_appendc(out, HEX[c >> 4]);
            buf_appendc(out, HEX[c & 15]);
        }
        col += width;
    }
}

static void base64(struct buf *out, const unsigned char *p, size_t n)
{
    static const char B64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)p[i] << 16;
        if (i + 1 < n) v |= (unsigned)p[i + 1] << 8;
        if (i + 2 < n) v |= p[i + 2];
        buf_appendc(out, B64[(v >> 18) & 63]);
        buf_appendc(out, B64[(v >> 12) & 63]);
        buf_appendc(out, (char)(i + 1 < n ? B64[(v >> 6) & 63] : '='));
        buf_appendc(out, (char)(i + 2 < n ? B64[v & 63] : '='));
    }
}

/* Length of the UTF-8 sequence led by byte c (1 for a stray continuation byte). */
static size_t utf8_len(unsigned char c)
{
    if (c >= 0xf0) return 4;
    if (c >= 0xe0) return 3;
    if (c >= 0xc0) return 2;
    return 1;
}

void mime_header_text(struct buf *out, const char *name, const char *value)
{
    size_t n = strlen(value);
    bool ascii = true;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)value[i] >= 0x80) ascii = false;
    buf_appends(out, name);
    buf_appends(out, ": ");
    if (ascii) {
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)value[i];
            buf_appendc(out, (char)(c < 0x20 || c == 0x7f ? ' ' : c));
        }
        buf_appends(out, "\r\n");
        return;
    }
    size_t i = 0;
    while (i < n) {
        /* The longest run of whole characters that fits one word. */
        size_t end = i;
        while (end < n) {
            size_t len = utf8_len((unsigned char)value[end]);
            if (end + len > n) len = n - end;
            if (end + len - i > WORD_BYTES) break;
            end += len;
        }
        unsigned char chunk[WORD_BYTES];
        size_t k = end - i;
        memcpy(chunk, value + i, k);
        for (size_t j = 0; j < k; j++)
            if (chunk[j] < 0x20 || chunk[j] == 0x7f) chunk[j] = ' ';
        if (i > 0) buf_appends(out, "\r\n "); /* folding white space between words is dropped */
        buf_appends(out, "=?UTF-8?B?");
        base64(out, chunk, k);
        buf_appends(out, "?=");
        i = end;
    }
    buf_appends(out, "\r\n");
}

void mime_date(char out[32], time_t t)
{
    static const char *const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
    static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    struct tm tm;
    if (!gmtime_r(&t, &tm)) memset(&tm, 0, sizeof(tm));
    /* Every field bounded to its width, so the text always fits 31 bytes. */
    (void)snprintf(out, 32, "%s, %02u %s %04u %02u:%02u:%02u +0000",
                   days[(unsigned)tm.tm_wday % 7u], (unsigned)tm.tm_mday % 100u,
                   months[(unsigned)tm.tm_mon % 12u], (unsigned)(tm.tm_year + 1900) % 10000u,
                   (unsigned)tm.tm_hour % 100u, (unsigned)tm.tm_min % 100u,
                   (unsigned)tm.tm_sec % 100u);
}

char *mime_from_address(struct wm_ctx *ctx, const char *from, char **name)
{
    if (name) *name = arena_strdup(ctx->arena, "");
    if (!from) return NULL;
    const char *lt = strrchr(from, '<');
    char *addr;
    if (lt) {
        const char *gt = strchr(lt, '>');
        if (!gt || str_trim(str_from(gt + 1)).len != 0) return NULL;
        addr = arena_strndup(ctx->arena, lt + 1, (size_t)(gt - lt - 1));
        struct str display = str_trim((struct str){ from, (size_t)(lt - from) });
        if (display.len >= 2 && display.ptr[0] == '"' && display.ptr[display.len - 1] == '"')
            display = (struct str){ display.ptr + 1, display.len - 2 };
        if (name) *name = str_dup(ctx->arena, display);
    } else {
        addr = str_dup(ctx->arena, str_trim(str_from(from)));
    }
    return jobs_address_is_valid(addr) ? addr : NULL;
}

/* The From header: the display name as atoms, a quoted string, or encoded-words. */
static void from_header(struct buf *out, const char *name, const char *addr)
{
    if (!name[0]) {
        buf_appendf(out, "From: %s\r\n", addr);
        return;
    }
    bool ascii = true;
    bool atoms = true;
    for (const char *p = name; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c >= 0x80 || c < 0x20 || c == 0x7f) ascii = false;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              strchr(" !#$%&'*+-/=?^_`{|}~", c)))
            atoms = false;
    }
    if (atoms) {
        buf_appendf(out, "From: %s <%s>\r\n", name, addr);
    } else if (ascii) {
        buf_appends(out, "From: \"");
        for (const char *p = name; *p; p++) {
            if (*p == '"' || *p == '\\') buf_appendc(out, '\\');
            buf_appendc(out, *p);
        }
        buf_appendf(out, "\" <%s>\r\n", addr);
    } else {
        struct buf words = BUF_INIT(out->arena);
        mime_header_text(&words, "From", name);
        buf_setlen(&words, words.len - 2); /* the CRLF */
        buf_append(out, words.ptr, words.len);
        buf_appendf(out, " <%s>\r\n", addr);
    }
}

static void part(struct buf *out, const char *boundary, const char *type, const char *body)
{
    buf_appendf(out, "--%s\r\n", boundary);
    buf_appendf(out, "Content-Type: %s; charset=UTF-8\r\n", type);
    buf_appends(out, "Content-Transfer-Encoding: quoted-printable\r\n\r\n");
    mime_qp_encode(out, body, strlen(body));
    buf_appends(out, "\r\n");
}

int mime_build(struct wm_ctx *ctx, const struct mail_message *m, struct buf *out)
{
    char *name = NULL;
    char *from = mime_from_address(ctx, m->from, &name);
    if (!from) return wm_errorf(ctx, WM_EINVAL, "mail.from '%s' holds no valid address", m->from);
    if (!jobs_address_is_valid(m->to))
        return wm_errorf(ctx, WM_EINVAL, "'%s' is not a mail address", m->to);
    if (strncmp(m->boundary, "=_", 2) != 0 || strpbrk(m->boundary, "\"\r\n"))
        return wm_errorf(ctx, WM_EINTERNAL, "MIME boundary must start with \"=_\"");
    char date[32];
    mime_date(date, m->date);
    buf_appendf(out, "Date: %s\r\n", date);
    from_header(out, name, from);
    buf_appendf(out, "To: %s\r\n", m->to);
    struct str subject = str_trim(str_from(m->subject));
    if (subject.len > SUBJECT_MAX) { /* a header line stays under RFC 5322's 998 */
        subject.len = SUBJECT_MAX;
        while (subject.len > 0 && ((unsigned char)subject.ptr[subject.len] & 0xc0) == 0x80)
            subject.len--;
    }
    mime_header_text(out, "Subject", str_dup(ctx->arena, subject));
    buf_appendf(out, "Message-ID: <%s>\r\n", m->message_id);
    buf_appends(out, "MIME-Version: 1.0\r\n");
    buf_appends(out, "Auto-Submitted: auto-generated\r\n");
    if (m->job_id > 0) buf_appendf(out, "X-Market-Job: %lld\r\n", (long long)m->job_id);
    buf_appendf(out, "Content-Type: multipart/alternative; boundary=\"%s\"\r\n\r\n", m->boundary);
    buf_appends(out, "This is a multi-part message in MIME format.\r\n\r\n");
    part(out, m->boundary, "text/plain", m->text);
    part(out, m->boundary, "text/html", m->html);
    buf_appendf(out, "--%s--\r\n", m->boundary);
    return WM_OK;
}
