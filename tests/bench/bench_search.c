/*
 * bench_search.c: the search server's index in process, at the size the product is held to: a
 * million products shaped like the demo catalog (the seed's words, 800 categories, 1,000 shops,
 * prices, dates, stock), then the latency of the searches shoppers make: no words (a category
 * page, a price filter), a rare word, a common one, a word every product has, two words, each
 * with the count the app shows and with the facets. Prints p50/p95/max per kind in
 * microseconds and the build time; `make bench` runs it. Usage: bench-search [PRODUCTS]
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "market/search/search_index.h"

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static uint64_t mix(uint64_t x)
{
    x ^= x >> 33;
    x *= UINT64_C(0xff51afd7ed558ccd);
    x ^= x >> 33;
    return x;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static struct search_scratch *scratch;

static void run(struct search_index *ix, struct arena *a, const char *label,
                const struct search_query *q, unsigned want)
{
    enum { ROUNDS = 30 };
    double t[ROUNDS];
    struct search_result r = { 0 };
    for (int i = 0; i < ROUNDS; i++) {
        struct search_query qq = *q;
        qq.max_price_minor += i; /* as the HTTP bench: never the same query twice */
        double t0 = now_us();
        search_index_query(ix, scratch, a, &qq, want, &r);
        t[i] = now_us() - t0;
        arena_reset(a);
    }
    qsort(t, ROUNDS, sizeof(*t), cmp_double);
    printf("%-44s p50 %8.0f us  p95 %8.0f us  max %8.0f us\n", label, t[ROUNDS / 2],
           t[ROUNDS * 95 / 100], t[ROUNDS - 1]);
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 1000000;
    static const char *const adj[] = { "Classic",     "Essential", "Everyday", "Premium",
                                       "Relaxed",     "Heritage",  "Urban",    "Organic",
                                       "Lightweight", "Weekend" };
    static const char *const colours[] = { "Black", "White", "Navy", "Grey",  "Olive", "Beige",
                                           "Red",   "Blue",  "Pink", "Green", "Brown", "Yellow" };
    static const char *const brands[] = { "Northwind Apparel", "Harbour & Pine", "Cobalt Works",
                                          "Meridian Basics",   "Oakridge",       "Juniper Lane",
                                          "Stonebridge",       "Amberline",      "Kestrel",
                                          "Larkspur" };
    struct search_index *ix = search_index_new();
    scratch = search_scratch_new();
    struct arena *a = arena_new(0);
    double t0 = now_us();
    char name[128], desc[512], tags[128];
    for (long i = 1; i <= n; i++) {
        uint64_t h = mix((uint64_t)i);
        int leaf = (int)(h % 800);
        const char *colour = colours[(h >> 12) % 12];
        snprintf(name, sizeof(name), "%s %s", adj[(h >> 8) % 10],
                 leaf < 52   ? "T-shirts"
                 : leaf < 90 ? "Jeans"
                             : "Goods");
        snprintf(desc, sizeof(desc),
                 "%s from %s in %s. Sold by the case of 12; minimum order 24 units. Trade "
                 "prices fall from 12, 48 and 144 units; resellers get their own price. Ships "
                 "from the vendor's UK warehouse. Item leaf%d.",
                 name, brands[(h >> 20) % 10], colour, leaf);
        snprintf(tags, sizeof(tags), "Dept%d,leaf%d,wholesale", leaf % 8, leaf);
        struct search_doc d = {
            .id = i,
            .status = i % 25 == 7 ? "draft" : "active",
            .category_id = leaf,
            .category_lft = leaf * 2,
            .vendor_id = (int64_t)((h >> 30) % 1000) + 1,
            .in_stock = (h >> 40) % 10 != 3,
            .featured = i % 9 == 0,
            .sale_price_minor = 199 + (int64_t)((h >> 44) % 6000),
            .created_us = i * 31000000,
            .likes = (int64_t)((h >> 50) % 5000),
            .text = { name, desc, brands[(h >> 20) % 10], tags },
        };
        search_index_put(ix, &d);
    }
    printf("index of %ld products built in %.1f s\n", n, (now_us() - t0) / 1e6);
    const unsigned page = SEARCH_WANT_PAGE, count = SEARCH_WANT_COUNT;
    struct search_query q = {
        .status = "active", .limit = 20, .has_max_price = true, .max_price_minor = 100000
    };
    run(ix, a, "no words, newest, page", &q, page);
    run(ix, a, "no words, newest, count", &q, count);
    q.has_category = true, q.category_lft = 100, q.category_rgt = 300;
    run(ix, a, "no words, category subtree, price, page", &q, page);
    q.has_category = false;
    q.text = "leaf123";
    run(ix, a, "rare word, page + count", &q, page | count);
    q.text = "shirts";
    run(ix, a, "common word (6%), page", &q, page);
    run(ix, a, "common word (6%), count", &q, count);
    q.sort = SEARCH_SORT_RELEVANCE;
    run(ix, a, "common word (6%), relevance, page", &q, page);
    q.sort = SEARCH_SORT_NEWEST;
    q.text = "premium black";
    run(ix, a, "two words, page + count", &q, page | count);
    q.text = "wholesale";
    run(ix, a, "a word of every product, page", &q, page);
    run(ix, a, "a word of every product, count", &q, count);
    run(ix, a, "a word of every product, facets", &q, SEARCH_WANT_FACETS);
    q.text = "shirts";
    q.sort = SEARCH_SORT_PRICE_ASC;
    q.offset = 2000;
    run(ix, a, "common word, price, page 101", &q, page);
    search_index_free(ix);
    arena_free(a);
    return 0;
}
