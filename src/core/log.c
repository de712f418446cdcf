/*
 * log.c: the logfmt line writer behind log.h. A line is built in a fixed stack buffer and
 * written with a single write(2) on stderr, so lines from the worker processes that share the
 * web server's error log never interleave. Every byte a caller supplies is escaped, so a line
 * can never be split or forged; content that does not fit LOG_LINE_MAX is cut on a character
 * boundary and the line ends with " truncated=true".
 */
#include "core/log.h"

#include <assert.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum log_level log_current_level = LOG_LEVEL_INFO;

static const char *cur_req;  /* log_set_request(); NULL = no req= field */
static const char *cur_prog; /* log_set_program(); NULL = no prog= field */

static const char *const level_names[] = { "error", "warn", "info", "debug" };

#define TRUNC_MARK " truncated=true"

/* A line under construction. Content stops at limit, which keeps room for the closing quote,
 * the truncation mark and the newline, so those can always be added. */
struct line {
    char p[LOG_LINE_MAX];
    size_t len;
    size_t limit;
    bool cut; /* something did not fit: nothing more is added */
};

int log_level_parse(const char *name)
{
    if (!name) return -1;
    for (size_t i = 0; i < sizeof(level_names) / sizeof(level_names[0]); i++)
        if (strcmp(name, level_names[i]) == 0) return (int)i;
    return -1;
}

const char *log_level_name(enum log_level level)
{
    if ((int)level < 0 || (size_t)level >= sizeof(level_names) / sizeof(level_names[0])) return "?";
    return level_names[level];
}

void log_set_level(enum log_level level)
{
    assert(level >= LOG_LEVEL_ERROR && level <= LOG_LEVEL_DEBUG);
    log_current_level = level;
}

void log_set_request(const char *req_id)
{
    cur_req = req_id;
}

void log_set_program(const char *prog)
{
    cur_prog = prog;
}

/* Append n bytes as one unit: all of them, or none and mark the line cut. */
static void put(struct line *l, const char *s, size_t n)
{
    if (l->cut || n > l->limit - l->len) {
        l->cut = true;
        return;
    }
    memcpy(l->p + l->len, s, n);
    l->len += n;
}

static void puts_(struct line *l, const char *s)
{
    put(l, s, strlen(s));
}

/* Length of the valid UTF-8 sequence at s (n bytes available): 1-4, or 0 when invalid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80) return 1;
    size_t len;
    unsigned lo = 0x80;
    unsigned hi = 0xbf; /* range of the second byte, narrowed to exclude overlongs/surrogates */
    if (c >= 0xc2 && c <= 0xdf) {
        len = 2;
    } else if (c >= 0xe0 && c <= 0xef) {
        len = 3;
        if (c == 0xe0)
            lo = 0xa0;
        else if (c == 0xed)
            hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4;
        if (c == 0xf0)
            lo = 0x90;
        else if (c == 0xf4)
            hi = 0x8f;
    } else {
        return 0;
    }
    if (n < len || s[1] < lo || s[1] > hi) return 0;
    for (size_t i = 2; i < len; i++)
        if ((s[i] & 0xc0) != 0x80) return 0;
    return len;
}

/*
 * Append n bytes of caller text. Control characters and bytes that are not valid UTF-8 become
 * \n \r \t or \xHH; unless raw, '"' and '\\' are escaped too (text inside msg="...").
 * Each character or escape is added whole, so a cut never splits one.
 */
static void put_text(struct line *l, const char *s, size_t n, bool raw)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n && !l->cut;) {
        unsigned c = u[i];
        size_t adv = 1;
        char esc[4];
        if (c >= 0x80) {
            adv = utf8_len(u + i, n - i);
            if (adv) {
                put(l, s + i, adv);
                i += adv;
                continue;
            }
            adv = 1;
        }
        if (c == '\n') {
            put(l, "\\n", 2);
        } else if (c == '\r') {
            put(l, "\\r", 2);
        } else if (c == '\t') {
            put(l, "\\t", 2);
        } else if ((c == '"' || c == '\\') && !raw) {
            esc[0] = '\\';
            esc[1] = (char)c;
            put(l, esc, 2);
        } else if (c < 0x20 || c >= 0x7f) {
            esc[0] = '\\';
            esc[1] = 'x';
            esc[2] = hex[c >> 4];
            esc[3] = hex[c & 15];
            put(l, esc, 4);
        } else {
            put(l, s + i, 1);
        }
        i += adv;
    }
}

/* True when s can be written as a bare logfmt value. */
static bool is_bare(const char *s)
{
    if (!*s) return false;
    for (; *s; s++) {
        char c = *s;
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  strchr("._:/@+-", c) != NULL;
        if (!ok) return false;
    }
    return true;
}

/* Append " key=value", the value bare when possible, quoted and escaped otherwise. */
static void put_field(struct line *l, const char *key, const char *value)
{
    put(l, " ", 1);
    puts_(l, key);
    put(l, "=", 1);
    if (is_bare(value)) {
        puts_(l, value);
    } else {
        put(l, "\"", 1);
        put_text(l, value, strlen(value), false);
        put(l, "\"", 1);
    }
}

static void put_timestamp(struct line *l)
{
    struct timespec ts;
    struct tm tm;
    char t[64];
    if (clock_gettime(CLOCK_REALTIME, &ts) != 0 || !gmtime_r(&ts.tv_sec, &tm)) {
        puts_(l, "ts=?");
        return;
    }
    size_t n = strftime(t, sizeof(t), "ts=%Y-%m-%dT%H:%M:%S", &tm);
    (void)snprintf(t + n, sizeof(t) - n, ".%03dZ", (int)(ts.tv_nsec / 1000000));
    puts_(l, t);
}

static void write_all(const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(STDERR_FILENO, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return; /* nowhere left to report it */
        }
        p += w;
        n -= (size_t)w;
    }
}

void log_write(enum log_level level, const char *file, int line, const char *fmt, ...)
{
    int saved_errno = errno;
    struct line l;
    l.len = 0;
    l.limit = sizeof(l.p) - (1 + strlen(TRUNC_MARK) + 1);
    l.cut = false;

    put_timestamp(&l);
    put_field(&l, "level", log_level_name(level));
    if (cur_prog) put_field(&l, "prog", cur_prog);
    if (cur_req) put_field(&l, "req", cur_req);
    const char *base = file ? strrchr(file, '/') : NULL;
    base = base ? base + 1 : (file ? file : "unknown");
    char src[256];
    (void)snprintf(src, sizeof(src), "%s:%d", base, line);
    put_field(&l, "src", src);

    /* Formatted text longer than this cannot fit the line anyway. */
    char msg[LOG_LINE_MAX];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    size_t mlen = n < 0 ? 0 : ((size_t)n < sizeof(msg) ? (size_t)n : sizeof(msg) - 1);
    /* Raw mode is the caller's choice, made in the format: formatted text that merely starts
     * with '@' (user input through "%s") stays quoted. */
    bool raw = fmt[0] == '@';
    bool opened = false; /* msg=" was written and needs its closing quote */
    if (raw) {
        size_t skip = 1;
        while (skip < mlen && msg[skip] == ' ')
            skip++;
        if (skip < mlen) {
            put(&l, " ", 1);
            put_text(&l, msg + skip, mlen - skip, true);
        }
    } else {
        puts_(&l, " msg=\"");
        opened = !l.cut;
        if (n < 0) puts_(&l, "(invalid log format)");
        put_text(&l, msg, mlen, false);
    }
    bool cut = l.cut || (n >= 0 && (size_t)n >= sizeof(msg));

    /* The tail always fits: limit kept room for it. */
    l.cut = false;
    l.limit = sizeof(l.p);
    if (opened) put(&l, "\"", 1);
    if (cut) puts_(&l, TRUNC_MARK);
    put(&l, "\n", 1);
    assert(!l.cut);
    write_all(l.p, l.len);
    errno = saved_errno;
}
