/*
 * search_index.c: the in-memory product index (search_index.h). Records are fixed-size and
 * append-only; a word's postings are the record numbers holding it, ascending (records are
 * appended in order, and each record's words once), with the word's frequency there. A query
 * walks the postings of its words from the rarest to the commonest, counting per record how
 * many of its words were seen (a byte per record); a record that has them all is checked
 * against the filters, counted, added to the facets and offered to a bounded heap holding the
 * best offset + limit + 1 records of the sort. Without words every live record is visited.
 */
#include "market/search/search_index.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/hash.h"
#include "market/search/search_int.h"

/* InnoDB indexes no word longer than this (innodb_ft_max_token_size): neither do we. */
#define MAX_DOC_WORD 84

/* Vendors the facets list (as the MariaDB engine's LIMIT 20). */
#define FACET_VENDORS 20

/* BM25's constants. */
#define BM25_K1 1.2f
#define BM25_B  0.75f

#define NO_REC UINT32_MAX

enum { ST_ACTIVE, ST_DRAFT, ST_ARCHIVED, ST_OTHER };

static const char *const CONDITIONS[] = { "BRAND_NEW_WITH_TAGS", "BRAND_NEW_WITHOUT_TAGS",
                                          "EXCELLENT_CONDITION", "GOOD_CONDITION",
                                          "HEAVILY_USED",        NULL };

struct rec {
    int64_t id;
    int64_t price;
    int64_t created;
    int64_t likes;
    int64_t views;
    int32_t lft;
    uint32_t cat_slot;
    uint32_t vendor_slot;
    uint16_t len; /* words in the record (capped) */
    uint8_t status;
    uint8_t condition; /* 0: none, else CONDITIONS index + 1 */
    uint8_t in_stock;
    uint8_t featured;
    uint8_t alive;
};

struct term {
    char *text;
    size_t len;
    uint32_t *recs;
    uint8_t *tf;
    size_t n;
    size_t cap;
};

/* Open addressing from int64 keys to uint32 values (linear probing; never shrinks). */
struct imap {
    int64_t *keys;
    uint32_t *vals;
    uint8_t *used;
    size_t cap;
    size_t n;
};

/* Dense slots for facet keys (category ids, vendor ids). */
struct slots {
    struct imap map;
    int64_t *keys;
    size_t n;
    size_t cap;
};

struct search_index {
    struct rec *recs;
    size_t nrecs;
    size_t caprecs;
    size_t live;
    uint64_t total_len; /* of live records */
    struct imap by_id;
    struct slots cats;
    struct slots vendors;
    struct term *terms;
    size_t nterms;
    size_t capterms;
    uint32_t *table; /* term hash table: term index + 1, 0 = empty */
    size_t table_cap;
    uint32_t *sorted; /* term indexes in text order (prefix lookups) */
    uint32_t *words;  /* search_index_put's scratch: a record's words as term indexes */
    size_t capwords;
};

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) wm_oom(n);
    return q;
}

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p) wm_oom(n * size);
    return p;
}

/* Grow *p (elements of size) so index need fits; doubles. */
static void grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need < *cap) return;
    size_t c = *cap ? *cap : 16;
    while (c <= need)
        c *= 2;
    *p = xrealloc(*p, c * size);
    *cap = c;
}

/* ---- int64 -> uint32 map -------------------------------------------------------------------- */

static size_t imap_pos(const struct imap *m, int64_t key)
{
    uint64_t h = (uint64_t)key * UINT64_C(0x9E3779B97F4A7C15);
    size_t i = (size_t)(h >> 17) & (m->cap - 1);
    while (m->used[i] && m->keys[i] != key)
        i = (i + 1) & (m->cap - 1);
    return i;
}

static void imap_set(struct imap *m, int64_t key, uint32_t val);

static void imap_rehash(struct imap *m, size_t cap)
{
    struct imap old = *m;
    m->keys = xcalloc(cap, sizeof(*m->keys));
    m->vals = xcalloc(cap, sizeof(*m->vals));
    m->used = xcalloc(cap, 1);
    m->cap = cap;
    m->n = 0;
    for (size_t i = 0; i < old.cap; i++)
        if (old.used[i]) imap_set(m, old.keys[i], old.vals[i]);
    free(old.keys);
    free(old.vals);
    free(old.used);
}

static void imap_set(struct imap *m, int64_t key, uint32_t val)
{
    if ((m->n + 1) * 2 > m->cap) imap_rehash(m, m->cap ? m->cap * 2 : 64);
    size_t i = imap_pos(m, key);
    if (!m->used[i]) {
        m->used[i] = 1;
        m->keys[i] = key;
        m->n++;
    }
    m->vals[i] = val;
}

static bool imap_get(const struct imap *m, int64_t key, uint32_t *val)
{
    if (!m->cap) return false;
    size_t i = imap_pos(m, key);
    if (!m->used[i]) return false;
    *val = m->vals[i];
    return true;
}

static void imap_free(struct imap *m)
{
    free(m->keys);
    free(m->vals);
    free(m->used);
}

static uint32_t slot_of(struct slots *s, int64_t key)
{
    uint32_t v;
    if (imap_get(&s->map, key, &v)) return v;
    grow((void **)&s->keys, &s->cap, s->n, sizeof(*s->keys));
    s->keys[s->n] = key;
    imap_set(&s->map, key, (uint32_t)s->n);
    return (uint32_t)s->n++;
}

/* ---- terms ---------------------------------------------------------------------------------- */

static uint64_t term_hash(const char *w, size_t n)
{
    return hash_fnv1a(w, n);
}

static void table_insert(struct search_index *ix, uint32_t t)
{
    size_t i = (size_t)term_hash(ix->terms[t].text, ix->terms[t].len) & (ix->table_cap - 1);
    while (ix->table[i])
        i = (i + 1) & (ix->table_cap - 1);
    ix->table[i] = t + 1;
}

/* Compare a term's text with the n bytes of w (as strcmp would with w NUL-terminated). */
static int term_cmp(const struct term *t, const char *w, size_t n)
{
    size_t m = t->len < n ? t->len : n;
    int c = memcmp(t->text, w, m);
    if (c) return c;
    return t->len < n ? -1 : t->len > n ? 1 : 0;
}

/* First position in ix->sorted whose term is >= w. */
static size_t lower_bound(const struct search_index *ix, const char *w, size_t n)
{
    size_t lo = 0, hi = ix->nterms;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (term_cmp(&ix->terms[ix->sorted[mid]], w, n) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The index of word w (n bytes), added when new. */
static uint32_t term_intern(struct search_index *ix, const char *w, size_t n)
{
    if (ix->table_cap) {
        size_t i = (size_t)term_hash(w, n) & (ix->table_cap - 1);
        for (; ix->table[i]; i = (i + 1) & (ix->table_cap - 1)) {
            const struct term *t = &ix->terms[ix->table[i] - 1];
            if (t->len == n && memcmp(t->text, w, n) == 0) return ix->table[i] - 1;
        }
    }
    size_t pos = lower_bound(ix, w, n);
    size_t cap = ix->capterms;
    grow((void **)&ix->terms, &ix->capterms, ix->nterms, sizeof(*ix->terms));
    if (ix->capterms != cap) ix->sorted = xrealloc(ix->sorted, ix->capterms * sizeof(*ix->sorted));
    uint32_t t = (uint32_t)ix->nterms++;
    struct term *nt = &ix->terms[t];
    memset(nt, 0, sizeof(*nt));
    nt->text = xrealloc(NULL, n + 1);
    memcpy(nt->text, w, n);
    nt->text[n] = '\0';
    nt->len = n;
    memmove(&ix->sorted[pos + 1], &ix->sorted[pos], (ix->nterms - 1 - pos) * sizeof(uint32_t));
    ix->sorted[pos] = t;
    if (ix->nterms * 2 > ix->table_cap) {
        free(ix->table);
        ix->table_cap = ix->table_cap ? ix->table_cap * 2 : 1024;
        ix->table = xcalloc(ix->table_cap, sizeof(*ix->table));
        for (uint32_t k = 0; k < ix->nterms; k++)
            table_insert(ix, k);
    } else {
        table_insert(ix, t);
    }
    return t;
}

static void posting_add(struct term *t, uint32_t rec, unsigned tf)
{
    size_t cap = t->cap;
    grow((void **)&t->recs, &t->cap, t->n, sizeof(*t->recs));
    if (t->cap != cap) t->tf = xrealloc(t->tf, t->cap);
    t->recs[t->n] = rec;
    t->tf[t->n] = (uint8_t)(tf > 255 ? 255 : tf);
    t->n++;
}

/* ---- records -------------------------------------------------------------------------------- */

struct search_index *search_index_new(void)
{
    return xcalloc(1, sizeof(struct search_index));
}

void search_index_free(struct search_index *ix)
{
    if (!ix) return;
    for (size_t i = 0; i < ix->nterms; i++) {
        free(ix->terms[i].text);
        free(ix->terms[i].recs);
        free(ix->terms[i].tf);
    }
    free(ix->terms);
    free(ix->sorted);
    free(ix->table);
    free(ix->recs);
    imap_free(&ix->by_id);
    imap_free(&ix->cats.map);
    imap_free(&ix->vendors.map);
    free(ix->cats.keys);
    free(ix->vendors.keys);
    free(ix->words);
    free(ix);
}

static uint8_t status_code(const char *s)
{
    if (!s) return ST_OTHER;
    if (strcmp(s, "active") == 0) return ST_ACTIVE;
    if (strcmp(s, "draft") == 0) return ST_DRAFT;
    if (strcmp(s, "archived") == 0) return ST_ARCHIVED;
    return ST_OTHER;
}

static uint8_t condition_code(const char *s)
{
    for (size_t i = 0; s && CONDITIONS[i]; i++)
        if (strcmp(s, CONDITIONS[i]) == 0) return (uint8_t)(i + 1);
    return 0;
}

static void kill_rec(struct search_index *ix, uint32_t r)
{
    if (!ix->recs[r].alive) return;
    ix->recs[r].alive = 0;
    ix->live--;
    ix->total_len -= ix->recs[r].len;
}

void search_index_remove(struct search_index *ix, int64_t id)
{
    uint32_t r;
    if (!imap_get(&ix->by_id, id, &r) || r == NO_REC) return;
    kill_rec(ix, r);
    imap_set(&ix->by_id, id, NO_REC);
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

void search_index_put(struct search_index *ix, const struct search_doc *d)
{
    search_index_remove(ix, d->id);
    grow((void **)&ix->recs, &ix->caprecs, ix->nrecs, sizeof(*ix->recs));
    uint32_t r = (uint32_t)ix->nrecs++;
    struct rec *rec = &ix->recs[r];
    *rec = (struct rec){
        .id = d->id,
        .price = d->sale_price_minor,
        .created = d->created_us,
        .likes = d->likes,
        .views = d->views,
        .lft = d->category_lft,
        .cat_slot = slot_of(&ix->cats, d->category_id),
        .vendor_slot = slot_of(&ix->vendors, d->vendor_id),
        .status = status_code(d->status),
        .condition = condition_code(d->condition),
        .in_stock = d->in_stock,
        .featured = d->featured,
        .alive = 1,
    };
    /* The record's words as term indexes, then each distinct one with its count. */
    uint32_t *words = ix->words;
    size_t n = 0;
    char w[SEARCH_TEXT_MAX + 1];
    for (size_t f = 0; f < 4; f++) {
        const unsigned char *p = (const unsigned char *)d->text[f];
        while (p && search_next_word(&p, w)) {
            size_t wn = strlen(w);
            if (wn > MAX_DOC_WORD) continue;
            grow((void **)&ix->words, &ix->capwords, n, sizeof(*ix->words));
            words = ix->words;
            words[n++] = term_intern(ix, w, wn);
        }
    }
    qsort(words, n, sizeof(*words), cmp_u32);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && words[j] == words[i])
            j++;
        posting_add(&ix->terms[words[i]], r, (unsigned)(j - i));
        i = j;
    }
    rec->len = (uint16_t)(n > UINT16_MAX ? UINT16_MAX : n);
    ix->live++;
    ix->total_len += rec->len;
    imap_set(&ix->by_id, d->id, r);
}

size_t search_index_live(const struct search_index *ix)
{
    return ix->live;
}

size_t search_index_dead(const struct search_index *ix)
{
    return ix->nrecs - ix->live;
}

void search_index_compact(struct search_index *ix)
{
    uint32_t *remap = xcalloc(ix->nrecs, sizeof(*remap));
    size_t n = 0;
    for (size_t r = 0; r < ix->nrecs; r++) {
        remap[r] = ix->recs[r].alive ? (uint32_t)n : NO_REC;
        if (ix->recs[r].alive) ix->recs[n++] = ix->recs[r];
    }
    for (size_t t = 0; t < ix->nterms; t++) {
        struct term *tm = &ix->terms[t];
        size_t k = 0;
        for (size_t i = 0; i < tm->n; i++) {
            uint32_t to = remap[tm->recs[i]];
            if (to == NO_REC) continue;
            tm->recs[k] = to;
            tm->tf[k] = tm->tf[i];
            k++;
        }
        tm->n = k;
    }
    free(remap);
    ix->nrecs = n;
    imap_free(&ix->by_id);
    memset(&ix->by_id, 0, sizeof(ix->by_id));
    for (size_t r = 0; r < n; r++)
        imap_set(&ix->by_id, ix->recs[r].id, (uint32_t)r);
}

/* ---- queries -------------------------------------------------------------------------------- */

struct run {
    const struct search_index *ix;
    const struct search_query *q;
    enum search_sort sort;
    bool descending; /* visit newer records first (see search_index_query) */
    const float *score;
    uint8_t status; /* ST_OTHER + 1: any */
    uint8_t condition;
    unsigned want;
    int64_t count;
    uint32_t *cat_counts;
    uint32_t *vendor_counts;
    int64_t band_counts[8];
    const struct search_price_band *bands;
    size_t nbands;
    uint32_t *heap;
    size_t nheap;
    size_t kheap;
};

/* Does record a come before record b in the run's order? (ids break every tie: never equal) */
static bool before(const struct run *x, uint32_t a, uint32_t b)
{
    const struct rec *p = &x->ix->recs[a], *q = &x->ix->recs[b];
    switch (x->sort) {
    case SEARCH_SORT_OLDEST:
        if (p->created != q->created) return p->created < q->created;
        return p->id < q->id;
    case SEARCH_SORT_PRICE_ASC:
        if (p->price != q->price) return p->price < q->price;
        return p->id < q->id;
    case SEARCH_SORT_PRICE_DESC:
        if (p->price != q->price) return p->price > q->price;
        return p->id > q->id;
    case SEARCH_SORT_POPULAR:
        if (p->likes != q->likes) return p->likes > q->likes;
        if (p->views != q->views) return p->views > q->views;
        return p->id > q->id;
    case SEARCH_SORT_RELEVANCE:
        if (x->score[a] != x->score[b]) return x->score[a] > x->score[b];
        return p->id > q->id;
    case SEARCH_SORT_NEWEST:
    default:
        if (p->created != q->created) return p->created > q->created;
        return p->id > q->id;
    }
}

/* The heap keeps the best kheap records with the worst at the root. */
static void sift_down(struct run *x, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, worst = i;
        if (l < x->nheap && before(x, x->heap[worst], x->heap[l])) worst = l;
        if (r < x->nheap && before(x, x->heap[worst], x->heap[r])) worst = r;
        if (worst == i) return;
        uint32_t t = x->heap[i];
        x->heap[i] = x->heap[worst];
        x->heap[worst] = t;
        i = worst;
    }
}

static void offer(struct run *x, uint32_t r)
{
    if (x->nheap < x->kheap) {
        size_t i = x->nheap++;
        x->heap[i] = r;
        while (i > 0) {
            size_t parent = (i - 1) / 2;
            if (!before(x, x->heap[parent], x->heap[i])) break;
            uint32_t t = x->heap[i];
            x->heap[i] = x->heap[parent];
            x->heap[parent] = t;
            i = parent;
        }
    } else if (x->kheap && before(x, r, x->heap[0])) {
        x->heap[0] = r;
        sift_down(x, 0);
    }
}

static size_t band_of(const struct run *x, int64_t price)
{
    for (size_t i = 0; i + 1 < x->nbands; i++)
        if (price < x->bands[i].max_minor) return i;
    return x->nbands - 1;
}

static void visit(struct run *x, uint32_t r)
{
    const struct rec *p = &x->ix->recs[r];
    const struct search_query *q = x->q;
    if (!p->alive) return;
    if (x->status <= ST_OTHER && p->status != x->status) return;
    if (q->has_category && (p->lft < q->category_lft || p->lft > q->category_rgt)) return;
    if (q->vendor_id > 0 && x->ix->vendors.keys[p->vendor_slot] != q->vendor_id) return;
    if (q->has_min_price && p->price < q->min_price_minor) return;
    if (q->has_max_price && p->price > q->max_price_minor) return;
    if (q->condition && p->condition != x->condition) return;
    if (q->featured && !p->featured) return;
    if (q->in_stock && !p->in_stock) return;
    x->count++;
    if (x->want & SEARCH_WANT_FACETS) {
        x->cat_counts[p->cat_slot]++;
        x->vendor_counts[p->vendor_slot]++;
        x->band_counts[band_of(x, p->price)]++;
    }
    if (x->want & SEARCH_WANT_PAGE) offer(x, r);
}

/* A query's memory per record, owned by its caller: an index is read by several threads. */
struct search_scratch {
    uint8_t *hits; /* per record: words of the query seen so far */
    float *score;  /* per record: BM25 (RELEVANCE only) */
    size_t cap;
};

struct search_scratch *search_scratch_new(void)
{
    return xcalloc(1, sizeof(struct search_scratch));
}

void search_scratch_free(struct search_scratch *sc)
{
    if (!sc) return;
    free(sc->hits);
    free(sc->score);
    free(sc);
}

static void ensure_scratch(struct search_scratch *sc, size_t nrecs)
{
    if (sc->cap >= nrecs) return;
    size_t cap = nrecs + nrecs / 4 + 64;
    free(sc->hits);
    free(sc->score);
    sc->hits = xcalloc(cap, 1);
    sc->score = xcalloc(cap, sizeof(*sc->score));
    sc->cap = cap;
}

static int cmp_facet(const void *a, const void *b)
{
    const struct search_facet *x = a, *y = b;
    if (x->count != y->count) return x->count > y->count ? -1 : 1;
    return x->key < y->key ? -1 : x->key > y->key;
}

static struct search_facet *facet_list(struct arena *a, const struct slots *s,
                                       const uint32_t *counts, size_t limit, size_t *n)
{
    struct search_facet *f = ARENA_ARRAY(a, struct search_facet, s->n ? s->n : 1);
    *n = 0;
    for (size_t i = 0; i < s->n; i++)
        if (counts[i]) f[(*n)++] = (struct search_facet){ s->keys[i], counts[i] };
    qsort(f, *n, sizeof(*f), cmp_facet);
    if (limit && *n > limit) *n = limit;
    return f;
}

/* Walk the postings of the query's words, rarest first; visit the records holding them all. */
static void walk_words(const struct search_index *ix, struct search_scratch *sc, struct run *x,
                       char (*words)[SEARCH_TEXT_MAX + 1], size_t nw)
{
    struct range {
        size_t lo, hi;
        uint64_t postings;
    } rg[SEARCH_WORDS_MAX];
    for (size_t w = 0; w < nw; w++) {
        size_t len = strlen(words[w]);
        rg[w].lo = lower_bound(ix, words[w], len);
        rg[w].postings = 0;
        size_t hi = rg[w].lo;
        while (hi < ix->nterms) {
            const struct term *t = &ix->terms[ix->sorted[hi]];
            if (t->len < len || memcmp(t->text, words[w], len) != 0) break;
            rg[w].postings += t->n;
            hi++;
        }
        rg[w].hi = hi;
        if (!rg[w].postings) return; /* a word nothing holds: no match */
    }
    for (size_t i = 1; i < nw; i++) /* rarest first */
        for (size_t j = i; j > 0 && rg[j].postings < rg[j - 1].postings; j--) {
            struct range t = rg[j];
            rg[j] = rg[j - 1];
            rg[j - 1] = t;
        }
    bool scored = x->sort == SEARCH_SORT_RELEVANCE;
    memset(sc->hits, 0, ix->nrecs);
    if (scored) memset(sc->score, 0, ix->nrecs * sizeof(*sc->score));
    float avg = ix->live ? (float)ix->total_len / (float)ix->live : 1.0f;
    if (avg <= 0) avg = 1.0f;
    for (size_t w = 0; w < nw; w++) {
        uint8_t seen = (uint8_t)w, next = (uint8_t)(w + 1);
        bool last = w + 1 == nw;
        for (size_t s = rg[w].lo; s < rg[w].hi; s++) {
            const struct term *t = &ix->terms[ix->sorted[s]];
            float idf = logf(1.0f + ((float)ix->live - (float)t->n + 0.5f) / ((float)t->n + 0.5f));
            for (size_t k = 0; k < t->n; k++) {
                size_t i = x->descending ? t->n - 1 - k : k;
                uint32_t r = t->recs[i];
                if (sc->hits[r] != seen) continue;
                sc->hits[r] = next;
                if (scored) {
                    float tf = (float)t->tf[i];
                    float norm = 1.0f - BM25_B + BM25_B * (float)ix->recs[r].len / avg;
                    sc->score[r] += idf * tf * (BM25_K1 + 1.0f) / (tf + BM25_K1 * norm);
                }
                if (last) visit(x, r);
            }
        }
    }
}

void search_index_query(const struct search_index *ix, struct search_scratch *sc, struct arena *a,
                        const struct search_query *q, unsigned want, struct search_result *out)
{
    memset(out, 0, sizeof(*out));
    ensure_scratch(sc, ix->nrecs);
    char words[SEARCH_WORDS_MAX][SEARCH_TEXT_MAX + 1];
    size_t nw = 0;
    const unsigned char *p = (const unsigned char *)(q->text ? q->text : "");
    while (nw < SEARCH_WORDS_MAX && search_next_word(&p, words[nw]))
        nw++;

    struct run x = { .ix = ix, .q = q, .sort = q->sort, .score = sc->score, .want = want };
    if (x.sort > SEARCH_SORT_RELEVANCE || (x.sort == SEARCH_SORT_RELEVANCE && nw == 0))
        x.sort = SEARCH_SORT_NEWEST;
    /* Records are appended as products are written, so their order follows creation, and
     * often ids: visiting them in the order the sort wants fills the heap with good records
     * at once, and later ones are mostly refused by one comparison (in the other order
     * nearly every record would replace the heap's root). */
    x.descending = x.sort != SEARCH_SORT_OLDEST && x.sort != SEARCH_SORT_PRICE_ASC;
    x.status = q->status ? status_code(q->status) : ST_OTHER + 1;
    x.condition = condition_code(q->condition);
    x.bands = search_price_bands(&x.nbands);
    if (want & SEARCH_WANT_FACETS) {
        x.cat_counts = ARENA_ARRAY(a, uint32_t, ix->cats.n ? ix->cats.n : 1);
        x.vendor_counts = ARENA_ARRAY(a, uint32_t, ix->vendors.n ? ix->vendors.n : 1);
    }
    if (want & SEARCH_WANT_PAGE) {
        size_t k = (size_t)q->offset + (size_t)q->limit + 1;
        x.kheap = k < ix->live ? k : ix->live;
        x.heap = ARENA_ARRAY(a, uint32_t, x.kheap ? x.kheap : 1);
    }

    if (nw)
        walk_words(ix, sc, &x, words, nw);
    else
        for (size_t k = 0; k < ix->nrecs; k++)
            visit(&x, (uint32_t)(x.descending ? ix->nrecs - 1 - k : k));

    out->count = x.count;
    if (want & SEARCH_WANT_PAGE) {
        /* Pop the worst to the end: the array ends best first. */
        size_t kept = x.nheap;
        while (x.nheap > 1) {
            uint32_t worst = x.heap[0];
            x.heap[0] = x.heap[--x.nheap];
            x.heap[x.nheap] = worst;
            sift_down(&x, 0);
        }
        size_t from = (size_t)q->offset;
        size_t to = from + (size_t)q->limit;
        out->page.ids = ARENA_ARRAY(a, int64_t, q->limit ? (size_t)q->limit : 1);
        for (size_t i = from; i < to && i < kept; i++)
            out->page.ids[out->page.n++] = ix->recs[x.heap[i]].id;
        out->page.has_more = kept > to;
    }
    if (want & SEARCH_WANT_FACETS) {
        struct search_facets *f = &out->facets;
        f->categories = facet_list(a, &ix->cats, x.cat_counts, 0, &f->ncategories);
        f->vendors = facet_list(a, &ix->vendors, x.vendor_counts, FACET_VENDORS, &f->nvendors);
        f->price_bands = ARENA_ARRAY(a, struct search_facet, x.nbands);
        for (size_t i = 0; i < x.nbands; i++)
            if (x.band_counts[i])
                f->price_bands[f->nprice_bands++] =
                        (struct search_facet){ (int64_t)i, x.band_counts[i] };
    }
}
