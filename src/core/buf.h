/*
 * buf.h: byte strings. struct str is a non-owning slice (ptr + len, not NUL-terminated);
 * struct buf is a growable byte buffer with git strbuf invariants:
 *   - ptr is never NULL and always points at a NUL-terminated string (ptr[len] == '\0'),
 *     even right after BUF_INIT; so buf.ptr can always be passed to libc;
 *   - len counts the bytes in use, excluding the NUL; cap is private;
 *   - functions mutate the buffer in place: no "reassign the returned pointer".
 * A buf grows inside its arena when it has one (no release needed), or on the heap when its
 * arena is NULL (then call buf_release). Growth never fails: out-of-memory aborts.
 */
#ifndef WM_CORE_BUF_H
#define WM_CORE_BUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;

struct str {
    const char *ptr; /* first byte; may be NULL only when len == 0 */
    size_t len;      /* bytes, no terminator implied */
};

#define STR(lit) ((struct str){ (lit), sizeof(lit) - 1 })
#define STR_NULL ((struct str){ NULL, 0 })
/* printf("%.*s", STR_FMT(s)) */
#define STR_FMT(s) (int)(s).len, (s).ptr

/* A slice of a NUL-terminated string (NULL gives the empty slice). */
struct str str_from(const char *s);
bool str_eq(struct str a, struct str b);
bool str_eq_cstr(struct str a, const char *s);
bool str_case_eq_cstr(struct str a, const char *s); /* ASCII case-insensitive */
bool str_starts_with(struct str a, const char *prefix);
/* A NUL-terminated copy in the arena. */
char *str_dup(struct arena *a, struct str s);
/* Parse all of s as a decimal int64 (optional leading '-'); false on empty, junk or overflow. */
bool str_to_int64(struct str s, int64_t *out);
/* Characters (UTF-8 code points) in the NUL-terminated s, counting lead bytes. */
size_t str_utf8_chars(const char *s);
/* s as lowercase hexadecimal digits only (1 to 16 of them) into *out; false otherwise. */
bool str_hex_to_uint64(struct str s, uint64_t *out);
/* Leading and trailing ASCII white space removed. */
struct str str_trim(struct str s);

extern char buf_slop[1];

struct buf {
    char *ptr;           /* never NULL, always NUL-terminated */
    size_t len;          /* bytes in use, excluding the NUL */
    size_t cap;          /* private: bytes allocated (0 while ptr == buf_slop) */
    struct arena *arena; /* grow inside this arena; NULL = heap (call buf_release) */
};

#define BUF_INIT(a)         \
    {                       \
        buf_slop, 0, 0, (a) \
    }

void buf_init(struct buf *b, struct arena *a, size_t hint);
/* Free heap memory (arena-backed buffers: only forget it) and reset to BUF_INIT. */
void buf_release(struct buf *b);
/* Make room for extra more bytes (plus the NUL) without changing len. */
void buf_grow(struct buf *b, size_t extra);
/* Empty the buffer, keeping its memory. */
void buf_reset(struct buf *b);
/* Shorten to len bytes (len <= b->len). */
void buf_setlen(struct buf *b, size_t len);
void buf_append(struct buf *b, const void *p, size_t n);
void buf_appends(struct buf *b, const char *s);
void buf_append_str(struct buf *b, struct str s);
void buf_appendc(struct buf *b, char c);
void buf_appendf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_append_int(struct buf *b, int64_t v);
/* s (n bytes, UTF-8) as a JSON string with its quotes; control characters, '"' and '\\'
 * escaped, U+2028/U+2029 escaped, invalid UTF-8 replaced by U+FFFD. */
void buf_append_json_str(struct buf *b, const char *s, size_t n);
/* s with & < > " ' replaced by entities. */
void buf_append_html(struct buf *b, const char *s, size_t n);
/* Give the bytes to the caller (heap buffers: caller frees) and reset b to BUF_INIT. */
char *buf_detach(struct buf *b, size_t *len);
static inline struct str buf_str(const struct buf *b)
{
    return (struct str){ b->ptr, b->len };
}

#endif
