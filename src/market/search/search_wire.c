/*
 * search_wire.c: the frames exchanged with the search server (search_int.h): a 4-byte
 * little-endian length, then a body in core/pack form.
 */
#include "market/search/search_int.h"

#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/pack.h"
#include "market/search/search_index.h"

void search_wire_frame_start(struct buf *b)
{
    buf_append(b, "\0\0\0\0", 4);
}

void search_wire_frame_end(struct buf *b)
{
    size_t n = b->len - 4;
    unsigned char *len = (unsigned char *)b->ptr;
    len[0] = (unsigned char)n;
    len[1] = (unsigned char)(n >> 8);
    len[2] = (unsigned char)(n >> 16);
    len[3] = (unsigned char)(n >> 24);
}

uint32_t search_wire_frame_len(const unsigned char p[4])
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

void search_wire_put_query(struct buf *b, const struct search_query *q, unsigned want)
{
    pack_i64(b, SEARCH_WIRE_VERSION);
    pack_i64(b, want);
    pack_str(b, q->text);
    pack_i64(b, q->has_category);
    pack_i64(b, q->category_lft);
    pack_i64(b, q->category_rgt);
    pack_i64(b, q->has_min_price);
    pack_i64(b, q->min_price_minor);
    pack_i64(b, q->has_max_price);
    pack_i64(b, q->max_price_minor);
    pack_i64(b, q->vendor_id);
    pack_str(b, q->condition);
    pack_i64(b, q->in_stock);
    pack_i64(b, q->featured);
    pack_str(b, q->status);
    pack_i64(b, q->sort);
    pack_i64(b, q->offset);
    pack_i64(b, q->limit);
}

bool search_wire_get_query(struct arena *a, struct str body, struct search_query *out,
                           unsigned *want)
{
    struct pack_reader r;
    pack_reader_init(&r, a, body);
    struct search_query t = { 0 }, *q = &t;
    if (pack_get_i64(&r) != SEARCH_WIRE_VERSION) return false;
    int64_t w = pack_get_i64(&r);
    q->text = pack_get_str(&r);
    q->has_category = pack_get_i64(&r) != 0;
    q->category_lft = (int32_t)pack_get_i64(&r);
    q->category_rgt = (int32_t)pack_get_i64(&r);
    q->has_min_price = pack_get_i64(&r) != 0;
    q->min_price_minor = pack_get_i64(&r);
    q->has_max_price = pack_get_i64(&r) != 0;
    q->max_price_minor = pack_get_i64(&r);
    q->vendor_id = pack_get_i64(&r);
    q->condition = pack_get_str(&r);
    q->in_stock = pack_get_i64(&r) != 0;
    q->featured = pack_get_i64(&r) != 0;
    q->status = pack_get_str(&r);
    int64_t sort = pack_get_i64(&r);
    q->offset = pack_get_i64(&r);
    int64_t limit = pack_get_i64(&r);
    if (!pack_ok(&r) || w < 0 || w > 7 || sort < 0 || sort > SEARCH_SORT_RELEVANCE || limit < 0 ||
        limit > SEARCH_MAX_LIMIT || q->offset < 0 || q->offset > SEARCH_MAX_OFFSET)
        return false;
    q->sort = (enum search_sort)sort;
    q->limit = (int32_t)limit;
    *out = t;
    *want = (unsigned)w;
    return true;
}

static void put_facets(struct buf *b, const struct search_facet *f, size_t n)
{
    pack_i64(b, (int64_t)n);
    for (size_t i = 0; i < n; i++) {
        pack_i64(b, f[i].key);
        pack_i64(b, f[i].count);
    }
}

void search_wire_put_result(struct buf *b, int code, const struct search_result *r, unsigned want)
{
    pack_i64(b, code);
    if (code != WM_OK) return;
    if (want & SEARCH_WANT_PAGE) {
        pack_i64(b, (int64_t)r->page.n);
        for (size_t i = 0; i < r->page.n; i++)
            pack_i64(b, r->page.ids[i]);
        pack_i64(b, r->page.has_more);
    }
    if (want & SEARCH_WANT_COUNT) pack_i64(b, r->count);
    if (want & SEARCH_WANT_FACETS) {
        put_facets(b, r->facets.categories, r->facets.ncategories);
        put_facets(b, r->facets.vendors, r->facets.nvendors);
        put_facets(b, r->facets.price_bands, r->facets.nprice_bands);
    }
}

/* A count read from r, at most max (a bad count marks the reader bad). */
static size_t get_n(struct pack_reader *r, size_t max)
{
    int64_t n = pack_get_i64(r);
    if (n < 0 || (uint64_t)n > max || (uint64_t)n * 8 > r->left) {
        r->bad = true;
        return 0;
    }
    return (size_t)n;
}

static struct search_facet *get_facets(struct pack_reader *r, size_t *n)
{
    *n = get_n(r, SEARCH_WIRE_MAX / 16);
    struct search_facet *f = ARENA_ARRAY(r->arena, struct search_facet, *n ? *n : 1);
    for (size_t i = 0; i < *n; i++) {
        f[i].key = pack_get_i64(r);
        f[i].count = pack_get_i64(r);
    }
    return f;
}

bool search_wire_get_result(struct arena *a, struct str body, unsigned want, int *code,
                            struct search_result *out)
{
    struct pack_reader r;
    pack_reader_init(&r, a, body);
    memset(out, 0, sizeof(*out));
    *code = (int)pack_get_i64(&r);
    if (*code != WM_OK) return pack_ok(&r);
    if (want & SEARCH_WANT_PAGE) {
        out->page.n = get_n(&r, SEARCH_MAX_LIMIT);
        out->page.ids = ARENA_ARRAY(a, int64_t, out->page.n ? out->page.n : 1);
        for (size_t i = 0; i < out->page.n; i++)
            out->page.ids[i] = pack_get_i64(&r);
        out->page.has_more = pack_get_i64(&r) != 0;
    }
    if (want & SEARCH_WANT_COUNT) out->count = pack_get_i64(&r);
    if (want & SEARCH_WANT_FACETS) {
        struct search_facets *f = &out->facets;
        f->categories = get_facets(&r, &f->ncategories);
        f->vendors = get_facets(&r, &f->nvendors);
        f->price_bands = get_facets(&r, &f->nprice_bands);
    }
    return pack_ok(&r);
}
