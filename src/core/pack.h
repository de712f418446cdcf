/*
 * pack.h: a compact binary form for caching request-built structs in memcached: integers as
 * 8 little-endian bytes, doubles as their 8 bytes, strings as a length (8 bytes, with
 * PACK_NULL for a NULL string) and their bytes. Writers append to a struct buf; a reader walks
 * a received value and fails softly: after any short or malformed read every later get
 * returns zero or NULL and pack_ok() is false, so a caller decodes everything, then checks once
 * and treats a bad value as a cache miss.
 */
#ifndef WM_CORE_PACK_H
#define WM_CORE_PACK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

struct arena;

void pack_i64(struct buf *b, int64_t v);
void pack_f64(struct buf *b, double v);
void pack_str(struct buf *b, const char *s); /* NULL is kept as NULL */

struct pack_reader {
    const unsigned char *p;
    size_t left;
    bool bad; /* a read ran past the end */
    struct arena *arena;
};

/* A reader over value (which must outlive the reader); strings are copied into a. */
void pack_reader_init(struct pack_reader *r, struct arena *a, struct str value);
int64_t pack_get_i64(struct pack_reader *r);
double pack_get_f64(struct pack_reader *r);
char *pack_get_str(struct pack_reader *r); /* arena copy, NUL-terminated, or NULL */

/* True when every read so far fitted and the whole value was read. */
bool pack_ok(const struct pack_reader *r);

#endif
