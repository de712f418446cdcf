/*
 * buf.c: slices and growable buffers (see buf.h for the invariants). An arena-backed buffer
 * grows by allocating a larger copy in its arena (the old bytes stay until reset); a heap
 * buffer grows with realloc. Both double their capacity, so appends are amortized O(1).
 */
#include "core/buf.h"

#include <assert.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"

char buf_slop[1];

struct str str_from(const char *s)
{
    return (struct str){ s, s ? strlen(s) : 0 };
}

bool str_eq(struct str a, struct str b)
{
    return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

bool str_eq_cstr(struct str a, const char *s)
{
    return str_eq(a, str_from(s));
}

static int lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

bool str_case_eq_cstr(struct str a, const char *s)
{
    size_t n = strlen(s);
    if (n != a.len) return false;
    for (size_t i = 0; i < n; i++)
        if (lower((unsigned char)a.ptr[i]) != lower((unsigned char)s[i])) return false;
    return true;
}

bool str_starts_with(struct str a, const char *prefix)
{
    size_t n = strlen(prefix);
    return a.len >= n && (n == 0 || memcmp(a.ptr, prefix, n) == 0);
}

char *str_dup(struct arena *a, struct str s)
{
    return arena_strndup(a, s.ptr ? s.ptr : "", s.len);
}

size_t str_utf8_chars(const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        n += (*p & 0xC0) != 0x80;
    return n;
}

bool str_hex_to_uint64(struct str s, uint64_t *out)
{
    *out = 0;
    if (s.len == 0 || s.len > 16) return false;
    uint64_t v = 0;
    for (size_t i = 0; i < s.len; i++) {
        char c = s.ptr[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (d < 0) return false;
        v = v * 16 + (uint64_t)d;
    }
    *out = v;
    return true;
}

bool str_to_int64(struct str s, int64_t *out)
{
    size_t i = 0;
    bool neg = false;
    if (s.len == 0) return false;
    if (s.ptr[0] == '-') {
        neg = true;
        i = 1;
        if (s.len == 1) return false;
    }
    uint64_t limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    uint64_t v = 0;
    for (; i < s.len; i++) {
        unsigned d = (unsigned char)s.ptr[i] - '0';
        if (d > 9) return false;
        if (v > (limit - d) / 10) return false;
        v = v * 10 + d;
    }
    *out = neg ? (int64_t)(0 - v) : (int64_t)v;
    return true;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

struct str str_trim(struct str s)
{
    while (s.len && is_space(s.ptr[0])) {
        s.ptr++;
        s.len--;
    }
    while (s.len && is_space(s.ptr[s.len - 1]))
        s.len--;
    return s;
}

void buf_init(struct buf *b, struct arena *a, size_t hint)
{
    b->ptr = buf_slop;
    b->len = 0;
    b->cap = 0;
    b->arena = a;
    if (hint) buf_grow(b, hint);
}

void buf_release(struct buf *b)
{
    if (b->cap && !b->arena) free(b->ptr);
    b->ptr = buf_slop;
    b->len = 0;
    b->cap = 0;
}

void buf_grow(struct buf *b, size_t extra)
{
    if (extra > SIZE_MAX - b->len - 1) wm_oom(SIZE_MAX);
    size_t need = b->len + extra + 1;
    if (need <= b->cap) return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p;
    if (b->arena) {
        p = arena_alloc(b->arena, cap);
        memcpy(p, b->ptr, b->len + 1);
    } else if (b->cap) {
        p = realloc(b->ptr, cap);
        if (!p) wm_oom(cap);
    } else {
        p = malloc(cap);
        if (!p) wm_oom(cap);
        memcpy(p, b->ptr, b->len + 1);
    }
    b->ptr = p;
    b->cap = cap;
}

void buf_reset(struct buf *b)
{
    buf_setlen(b, 0);
}

void buf_setlen(struct buf *b, size_t len)
{
    assert(len <= b->len);
    b->len = len;
    if (b->cap) b->ptr[len] = '\0';
}

void buf_append(struct buf *b, const void *p, size_t n)
{
    if (n == 0) return;
    buf_grow(b, n);
    memcpy(b->ptr + b->len, p, n);
    b->len += n;
    b->ptr[b->len] = '\0';
}

void buf_appends(struct buf *b, const char *s)
{
    buf_append(b, s, strlen(s));
}

void buf_append_str(struct buf *b, struct str s)
{
    buf_append(b, s.ptr, s.len);
}

void buf_appendc(struct buf *b, char c)
{
    buf_grow(b, 1);
    b->ptr[b->len++] = c;
    b->ptr[b->len] = '\0';
}

void buf_appendf(struct buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    size_t room = b->cap ? b->cap - b->len : 0;
    int n = room ? vsnprintf(b->ptr + b->len, room, fmt, ap) : vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    assert(n >= 0);
    if ((size_t)n >= room) {
        buf_grow(b, (size_t)n);
        va_start(ap, fmt);
        (void)vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    b->len += (size_t)n;
}

void buf_append_int(struct buf *b, int64_t v)
{
    char tmp[24];
    char *end = tmp + sizeof(tmp);
    char *p = end;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0) *--p = '-';
    buf_append(b, p, (size_t)(end - p));
}

/* Length of the valid UTF-8 sequence at s (1-4), or 0 when it is invalid or truncated. */
static size_t utf8_seq_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t len;
    unsigned min;
    if (c < 0x80) return 1;
    if (c >= 0xc2 && c <= 0xdf) {
        len = 2;
        min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
        len = 3;
        min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4;
        min = 0x10000;
    } else {
        return 0;
    }
    if (n < len) return 0;
    unsigned cp = c & (0xff >> (len + 1));
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80) return 0;
        cp = (cp << 6) | (s[i] & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
    return len;
}

void buf_append_json_str(struct buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    buf_grow(b, n + 2);
    buf_appendc(b, '"');
    size_t run = 0; /* start of the pending run of bytes that need no escaping */
    for (size_t i = 0; i < n;) {
        unsigned c = p[i];
        const char *esc = NULL;
        char tmp[8];
        size_t adv = 1;
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0x80) {
            adv = utf8_seq_len(p + i, n - i);
            if (adv == 3 && c == 0xe2 && p[i + 1] == 0x80 && (p[i + 2] == 0xa8 || p[i + 2] == 0xa9))
                esc = p[i + 2] == 0xa8 ? "\\u2028" : "\\u2029";
            else if (adv == 0) {
                esc = "\xef\xbf\xbd"; /* U+FFFD for each invalid byte */
                adv = 1;
            } else {
                i += adv;
                continue;
            }
        } else if (c == '"') {
            esc = "\\\"";
        } else if (c == '\\') {
            esc = "\\\\";
        } else if (c == '\n') {
            esc = "\\n";
        } else if (c == '\r') {
            esc = "\\r";
        } else if (c == '\t') {
            esc = "\\t";
        } else if (c == '\b') {
            esc = "\\b";
        } else if (c == '\f') {
            esc = "\\f";
        } else {
            memcpy(tmp, "\\u00", 4);
            tmp[4] = hex[c >> 4];
            tmp[5] = hex[c & 15];
            tmp[6] = '\0';
            esc = tmp;
        }
        buf_append(b, s + run, i - run);
        buf_appends(b, esc);
        i += adv;
        run = i;
    }
    buf_append(b, s + run, n - run);
    buf_appendc(b, '"');
}

void buf_append_html(struct buf *b, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        const char *esc;
        switch (s[i]) {
        case '&':
            esc = "&amp;";
            break;
        case '<':
            esc = "&lt;";
            break;
        case '>':
            esc = "&gt;";
            break;
        case '"':
            esc = "&quot;";
            break;
        case '\'':
            esc = "&#39;";
            break;
        default:
            continue;
        }
        buf_append(b, s + run, i - run);
        buf_appends(b, esc);
        run = i + 1;
    }
    buf_append(b, s + run, n - run);
}

char *buf_detach(struct buf *b, size_t *len)
{
    char *p;
    if (len) *len = b->len;
    if (b->cap) {
        p = b->ptr;
    } else if (b->arena) {
        p = arena_strndup(b->arena, "", 0);
    } else {
        p = malloc(1);
        if (!p) wm_oom(1);
        p[0] = '\0';
    }
    b->ptr = buf_slop;
    b->len = 0;
    b->cap = 0;
    return p;
}
