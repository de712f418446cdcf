/*
 * pack.c: the cache value encoding (pack.h).
 */
#include "core/pack.h"

#include <string.h>

#include "core/arena.h"

#define PACK_NULL UINT64_MAX

static void put_u64(struct buf *b, uint64_t v)
{
    unsigned char bytes[8];
    for (int i = 0; i < 8; i++)
        bytes[i] = (unsigned char)(v >> (8 * i));
    buf_append(b, bytes, sizeof(bytes));
}

void pack_i64(struct buf *b, int64_t v)
{
    put_u64(b, (uint64_t)v);
}

void pack_f64(struct buf *b, double v)
{
    uint64_t u;
    memcpy(&u, &v, sizeof(u));
    put_u64(b, u);
}

void pack_str(struct buf *b, const char *s)
{
    if (!s) {
        put_u64(b, PACK_NULL);
        return;
    }
    size_t n = strlen(s);
    put_u64(b, n);
    buf_append(b, s, n);
}

void pack_reader_init(struct pack_reader *r, struct arena *a, struct str value)
{
    r->p = (const unsigned char *)value.ptr;
    r->left = value.ptr ? value.len : 0;
    r->bad = !value.ptr;
    r->arena = a;
}

static uint64_t get_u64(struct pack_reader *r)
{
    if (r->bad || r->left < 8) {
        r->bad = true;
        return 0;
    }
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v |= (uint64_t)r->p[i] << (8 * i);
    r->p += 8;
    r->left -= 8;
    return v;
}

int64_t pack_get_i64(struct pack_reader *r)
{
    return (int64_t)get_u64(r);
}

double pack_get_f64(struct pack_reader *r)
{
    uint64_t u = get_u64(r);
    double v;
    memcpy(&v, &u, sizeof(v));
    return v;
}

char *pack_get_str(struct pack_reader *r)
{
    uint64_t n = get_u64(r);
    if (r->bad || n == PACK_NULL) return NULL;
    if (n > r->left) {
        r->bad = true;
        return NULL;
    }
    char *s = arena_strndup(r->arena, (const char *)r->p, (size_t)n);
    r->p += n;
    r->left -= (size_t)n;
    return s;
}

bool pack_ok(const struct pack_reader *r)
{
    return !r->bad && r->left == 0;
}
