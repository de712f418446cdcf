/*
 * test_search_index.c: the search server's in-memory index without a server: words as
 * required prefixes (case, stop words, short words), each filter, each sort with its
 * tie-break, windows and has_more, exact counts and facets in the MariaDB engine's order,
 * replacing and removing products (with and without compaction, which must change nothing a
 * query sees), BM25 putting the product that says a word most first, and the wire format
 * between the workers and the server round-tripping a query and an answer.
 */
#include "market/search/search_index.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "market/search/search_int.h"
#include "test.h"

/* Five products: id, status, category (lft), vendor, price, created, likes, text. */
static void fill(struct search_index *ix)
{
    static const struct {
        int64_t id;
        const char *status;
        int64_t cat;
        int32_t lft;
        int64_t vendor;
        int64_t price;
        int64_t created;
        int64_t likes;
        bool stock;
        const char *name;
        const char *tags;
    } rows[] = {
        { 1, "active", 10, 5, 100, 1500, 1000, 3, true, "Navy T-shirt", "Men,T-shirts" },
        { 2, "active", 10, 5, 200, 900, 2000, 9, false, "Black Jeans", "Men,Jeans" },
        { 3, "draft", 11, 7, 100, 2500, 3000, 0, true, "Navy Shirtdress", "Women,Dresses" },
        { 4, "active", 11, 7, 100, 900, 2000, 9, true, "Shirts of the Navy", "Women,Shirts" },
        { 5, "archived", 12, 9, 300, 12000, 500, 1, true, "Old shirt", "Men" },
    };
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        struct search_doc d = {
            .id = rows[i].id,
            .status = rows[i].status,
            .category_id = rows[i].cat,
            .category_lft = rows[i].lft,
            .vendor_id = rows[i].vendor,
            .condition = i % 2 ? "GOOD_CONDITION" : NULL,
            .in_stock = rows[i].stock,
            .featured = i == 0,
            .sale_price_minor = rows[i].price,
            .created_us = rows[i].created,
            .likes = rows[i].likes,
            .text = { rows[i].name, "Sold by the case.", NULL, rows[i].tags },
        };
        search_index_put(ix, &d);
    }
}

/* The tests' query scratch (this thread's), freed when the suite ends. */
static struct search_scratch *scratch;

static struct search_scratch *sc(void)
{
    if (!scratch) scratch = search_scratch_new();
    return scratch;
}

/* The ids of a page as "1,2,3" (arena). */
static const char *ids(struct arena *a, struct search_index *ix, struct search_query q)
{
    if (!q.limit) q.limit = 20;
    struct search_result r;
    search_index_query(ix, sc(), a, &q, SEARCH_WANT_PAGE, &r);
    struct buf b = BUF_INIT(a);
    for (size_t i = 0; i < r.page.n; i++)
        buf_appendf(&b, "%s%lld", i ? "," : "", (long long)r.page.ids[i]);
    return b.ptr;
}

static int64_t count(struct arena *a, struct search_index *ix, struct search_query q)
{
    struct search_result r;
    search_index_query(ix, sc(), a, &q, SEARCH_WANT_COUNT, &r);
    return r.count;
}

static void words_are_required_prefixes(void)
{
    struct arena *a = arena_new(0);
    struct search_index *ix = search_index_new();
    fill(ix);
    CU_ASSERT_STRING_EQUAL(ids(a, ix, (struct search_query){ .text = "SHIRT" }), "3,4,1,5");
    CU_ASSERT_STRING_EQUAL(ids(a, ix, (struct search_query){ .text = "navy shirts" }), "4,1");
    CU_ASSERT_STRING_EQUAL(ids(a, ix, (struct search_query){ .text = "the navy" }), "3,4,1");
    CU_ASSERT_STRING_EQUAL(ids(a, ix, (struct search_query){ .text = "jeans xyz" }), "");
    /* No usable word: every product. */
    CU_ASSERT_EQUAL(count(a, ix, (struct search_query){ .text = "a of" }), 5);
    CU_ASSERT_EQUAL(count(a, ix, (struct search_query){ .text = "case", .status = "active" }), 3);
    search_index_free(ix);
    arena_free(a);
}

static void every_filter_narrows(void)
{
    struct arena *a = arena_new(0);
    struct search_index *ix = search_index_new();
    fill(ix);
    struct search_query q = { .status = "active" };
    CU_ASSERT_STRING_EQUAL(ids(a, ix, q), "4,2,1"); /* newest first, ids break the tie */
    q.has_category = true, q.category_lft = 6, q.category_rgt = 8;
    CU_ASSERT_STRING_EQUAL(ids(a, ix, q), "4");
    q = (struct search_query){ .vendor_id = 100 };
    CU_ASSERT_STRING_EQUAL(ids(a, ix, q), "3,4,1");
    q = (struct search_query){ .has_min_price = true,
                               .min_price_minor = 1000,
                               .has_max_price = true,
                               .max_price_minor = 2500 };
    CU_ASSERT_STRING_EQUAL(ids(a, ix, q), "3,1");
    q = (struct search_query){ .condition = "GOOD_CONDITION" };
    CU_ASSERT_STRING_EQUAL(ids(a, ix, q), "4,2");
    q = (struct search_query){ .in_stock = true, .status = "active" };
    CU_ASSERT_STRING_EQUAL(ids(a, ix, q), "4,1");
    q = (struct search_query){ .featured = true };
    CU_ASSERT_STRING_EQUAL(ids(a, ix, q), "1");
    search_index_free(ix);
    arena_free(a);
}

static void sorts_and_windows(void)
{
    struct arena *a = arena_new(0);
    struct search_index *ix = search_index_new();
    fill(ix);
    struct search_query q = { .sort = SEARCH_SORT_OLDEST };
    CU_ASSERT_STRING_EQUAL(ids(a, ix, q), "5,1,2,4,3");
    q.sort = SEARCH_SORT_PRICE_ASC;
    CU_ASSERT_STRING_EQUAL(ids(a, ix, q), "2,4,1,3,5");
    q.sort = SEARCH_SORT_PRICE_DESC;
    CU_ASSERT_STRING_EQUAL(ids(a, ix, q), "5,3,1,4,2");
    q.sort = SEARCH_SORT_POPULAR;
    CU_ASSERT_STRING_EQUAL(ids(a, ix, q), "4,2,1,5,3");
    /* RELEVANCE without words is NEWEST. */
    q.sort = SEARCH_SORT_RELEVANCE;
    CU_ASSERT_STRING_EQUAL(ids(a, ix, q), "3,4,2,1,5");
    /* The product that says the word most comes first (ids alone would give 3,2,1). */
    struct search_index *words = search_index_new();
    const char *const texts[] = { "red red red", "red blue", "red green" };
    for (int i = 0; i < 3; i++)
        search_index_put(words, &(struct search_doc){ .id = i + 1,
                                                      .status = "active",
                                                      .text = { texts[i], NULL, NULL, NULL } });
    q = (struct search_query){ .text = "red", .sort = SEARCH_SORT_RELEVANCE };
    CU_ASSERT_STRING_EQUAL(ids(a, words, q), "1,3,2");
    search_index_free(words);
    struct search_result r;
    q = (struct search_query){ .sort = SEARCH_SORT_PRICE_ASC, .offset = 1, .limit = 2 };
    search_index_query(ix, sc(), a, &q, SEARCH_WANT_PAGE | SEARCH_WANT_COUNT, &r);
    CU_ASSERT_EQUAL(r.page.n, 2);
    CU_ASSERT_EQUAL(r.page.ids[0], 4);
    CU_ASSERT_EQUAL(r.page.ids[1], 1);
    CU_ASSERT_TRUE(r.page.has_more);
    CU_ASSERT_EQUAL(r.count, 5);
    q.offset = 3;
    search_index_query(ix, sc(), a, &q, SEARCH_WANT_PAGE, &r);
    CU_ASSERT_EQUAL(r.page.n, 2);
    CU_ASSERT_FALSE(r.page.has_more);
    q.offset = 9;
    search_index_query(ix, sc(), a, &q, SEARCH_WANT_PAGE, &r);
    CU_ASSERT_EQUAL(r.page.n, 0);
    search_index_free(ix);
    arena_free(a);
}

static void facets_count_by_category_vendor_and_band(void)
{
    struct arena *a = arena_new(0);
    struct search_index *ix = search_index_new();
    fill(ix);
    struct search_query q = { .text = "shirt" };
    struct search_result r;
    search_index_query(ix, sc(), a, &q, SEARCH_WANT_FACETS, &r);
    /* Categories 11 (3, 4), 10 (1), 12 (5): counts descending, then keys ascending. */
    CU_ASSERT_EQUAL_FATAL(r.facets.ncategories, 3);
    CU_ASSERT_EQUAL(r.facets.categories[0].key, 11);
    CU_ASSERT_EQUAL(r.facets.categories[0].count, 2);
    CU_ASSERT_EQUAL(r.facets.categories[1].key, 10);
    CU_ASSERT_EQUAL(r.facets.categories[2].key, 12);
    CU_ASSERT_EQUAL_FATAL(r.facets.nvendors, 2);
    CU_ASSERT_EQUAL(r.facets.vendors[0].key, 100);
    CU_ASSERT_EQUAL(r.facets.vendors[0].count, 3);
    /* Bands: 900 -> 0, 1500 -> 1, 2500 -> 2, 12000 -> 4; only non-empty ones, in order. */
    CU_ASSERT_EQUAL_FATAL(r.facets.nprice_bands, 4);
    CU_ASSERT_EQUAL(r.facets.price_bands[0].key, 0);
    CU_ASSERT_EQUAL(r.facets.price_bands[1].key, 1);
    CU_ASSERT_EQUAL(r.facets.price_bands[2].key, 2);
    CU_ASSERT_EQUAL(r.facets.price_bands[3].key, 4);
    search_index_free(ix);
    arena_free(a);
}

static void replacing_and_removing_then_compacting(void)
{
    struct arena *a = arena_new(0);
    struct search_index *ix = search_index_new();
    fill(ix);
    struct search_doc d = { .id = 2,
                            .status = "active",
                            .category_id = 10,
                            .category_lft = 5,
                            .vendor_id = 200,
                            .sale_price_minor = 700,
                            .created_us = 4000,
                            .text = { "Grey Chinos", NULL, NULL, NULL } };
    search_index_put(ix, &d);
    search_index_remove(ix, 5);
    search_index_remove(ix, 77); /* absent: nothing happens */
    CU_ASSERT_EQUAL(search_index_live(ix), 4);
    CU_ASSERT_EQUAL(search_index_dead(ix), 2);
    for (int round = 0; round < 2; round++) {
        CU_ASSERT_STRING_EQUAL(ids(a, ix, (struct search_query){ .text = "jeans" }), "");
        CU_ASSERT_STRING_EQUAL(ids(a, ix, (struct search_query){ .text = "chino" }), "2");
        CU_ASSERT_STRING_EQUAL(ids(a, ix, (struct search_query){ .text = "shirt" }), "3,4,1");
        CU_ASSERT_STRING_EQUAL(ids(a, ix, (struct search_query){ 0 }), "2,3,4,1");
        search_index_compact(ix);
        CU_ASSERT_EQUAL(search_index_dead(ix), 0);
        CU_ASSERT_EQUAL(search_index_live(ix), 4);
    }
    /* After compaction, replacing still finds the right record. */
    d.text[0] = "Grey Jeans";
    search_index_put(ix, &d);
    CU_ASSERT_STRING_EQUAL(ids(a, ix, (struct search_query){ .text = "jeans" }), "2");
    search_index_free(ix);
    arena_free(a);
}

static void the_wire_format_round_trips(void)
{
    struct arena *a = arena_new(0);
    struct search_query q = { .text = "navy shirt",
                              .has_category = true,
                              .category_lft = 3,
                              .category_rgt = 9,
                              .has_max_price = true,
                              .max_price_minor = 999,
                              .vendor_id = 7,
                              .condition = "GOOD_CONDITION",
                              .in_stock = true,
                              .status = "active",
                              .sort = SEARCH_SORT_PRICE_DESC,
                              .offset = 40,
                              .limit = 20 };
    /* A frame announces its body's length, little-endian. */
    struct buf f = BUF_INIT(a);
    search_wire_frame_start(&f);
    search_wire_put_query(&f, &q, SEARCH_WANT_PAGE);
    search_wire_frame_end(&f);
    CU_ASSERT_EQUAL(search_wire_frame_len((const unsigned char *)f.ptr), f.len - 4);
    CU_ASSERT_EQUAL(search_wire_frame_len((const unsigned char *)"\x01\x02\x00\x00"), 513);
    struct buf b = BUF_INIT(a);
    search_wire_put_query(&b, &q, SEARCH_WANT_PAGE | SEARCH_WANT_FACETS);
    struct search_query back;
    unsigned want = 0;
    CU_ASSERT_TRUE_FATAL(search_wire_get_query(a, buf_str(&b), &back, &want));
    CU_ASSERT_EQUAL(want, SEARCH_WANT_PAGE | SEARCH_WANT_FACETS);
    CU_ASSERT_STRING_EQUAL(back.text, "navy shirt");
    CU_ASSERT_STRING_EQUAL(back.condition, "GOOD_CONDITION");
    CU_ASSERT_STRING_EQUAL(back.status, "active");
    /* A short body is refused. */
    CU_ASSERT_FALSE(search_wire_get_query(a, (struct str){ b.ptr, b.len - 3 }, &back, &want));
    CU_ASSERT_STRING_EQUAL(back.text, "navy shirt"); /* a failed read leaves it as it was */
    CU_ASSERT_TRUE(search_wire_get_query(a, buf_str(&b), &back, &want));
    CU_ASSERT_EQUAL(back.category_rgt, 9);
    CU_ASSERT_EQUAL(back.max_price_minor, 999);
    CU_ASSERT_EQUAL(back.vendor_id, 7);
    CU_ASSERT_TRUE(back.in_stock);
    CU_ASSERT_FALSE(back.featured);
    CU_ASSERT_EQUAL(back.sort, SEARCH_SORT_PRICE_DESC);
    CU_ASSERT_EQUAL(back.offset, 40);
    CU_ASSERT_EQUAL(back.limit, 20);

    int64_t page_ids[] = { 9, 8 };
    struct search_facet cats[] = { { 11, 5 } };
    struct search_result r = { .page = { page_ids, 2, true },
                               .count = 12,
                               .facets = { .categories = cats, .ncategories = 1 } };
    buf_reset(&b);
    search_wire_put_result(&b, WM_OK, &r, SEARCH_WANT_PAGE | SEARCH_WANT_FACETS);
    struct search_result got;
    int code = -1;
    CU_ASSERT_TRUE_FATAL(search_wire_get_result(
            a, buf_str(&b), SEARCH_WANT_PAGE | SEARCH_WANT_FACETS, &code, &got));
    CU_ASSERT_EQUAL(code, WM_OK);
    CU_ASSERT_EQUAL_FATAL(got.page.n, 2);
    CU_ASSERT_EQUAL(got.page.ids[1], 8);
    CU_ASSERT_TRUE(got.page.has_more);
    CU_ASSERT_EQUAL_FATAL(got.facets.ncategories, 1);
    CU_ASSERT_EQUAL(got.facets.categories[0].count, 5);
    CU_ASSERT_EQUAL(got.facets.nvendors, 0);
    /* Asked with other parts than were written: malformed. */
    CU_ASSERT_FALSE(search_wire_get_result(a, buf_str(&b), SEARCH_WANT_PAGE, &code, &got));
    buf_reset(&b);
    search_wire_put_result(&b, WM_EINTERNAL, &r, SEARCH_WANT_PAGE);
    CU_ASSERT_TRUE(search_wire_get_result(a, buf_str(&b), SEARCH_WANT_PAGE, &code, &got));
    CU_ASSERT_EQUAL(code, WM_EINTERNAL);
    arena_free(a);
}

/* Queries of the threads test: words (scored and not), filters and facets. */
static const struct search_query side_queries[] = {
    { .text = "navy", .sort = SEARCH_SORT_RELEVANCE, .limit = 3 },
    { .text = "shirt", .sort = SEARCH_SORT_PRICE_ASC, .limit = 2, .offset = 1 },
    { .text = "sold case", .sort = SEARCH_SORT_POPULAR, .limit = 5 },
    { .status = "active", .sort = SEARCH_SORT_NEWEST, .limit = 5 },
};
#define SIDE_QUERIES (sizeof(side_queries) / sizeof(side_queries[0]))
#define SIDE_ROUNDS  2000

struct side {
    const struct search_index *ix;
    const char *want[SIDE_QUERIES]; /* the answers one thread gave */
    int wrong;
};

/* One thread: every query SIDE_ROUNDS times with a scratch of its own, against the answers. */
static void *side_thread(void *arg)
{
    struct side *t = arg;
    struct search_scratch *mine = search_scratch_new();
    struct arena *a = arena_new(0);
    for (int round = 0; round < SIDE_ROUNDS; round++)
        for (size_t i = 0; i < SIDE_QUERIES; i++) {
            struct search_result r;
            search_index_query(t->ix, mine, a, &side_queries[i],
                               SEARCH_WANT_PAGE | SEARCH_WANT_COUNT, &r);
            struct buf b = BUF_INIT(a);
            buf_appendf(&b, "%lld:", (long long)r.count);
            for (size_t k = 0; k < r.page.n; k++)
                buf_appendf(&b, "%lld,", (long long)r.page.ids[k]);
            if (strcmp(b.ptr, t->want[i]) != 0) t->wrong++;
            arena_reset(a);
        }
    arena_free(a);
    search_scratch_free(mine);
    return NULL;
}

static void queries_run_side_by_side_on_threads(void)
{
    struct arena *a = arena_new(0);
    struct search_index *ix = search_index_new();
    fill(ix);
    struct side base = { .ix = ix };
    for (size_t i = 0; i < SIDE_QUERIES; i++) {
        struct search_result r;
        search_index_query(ix, sc(), a, &side_queries[i], SEARCH_WANT_PAGE | SEARCH_WANT_COUNT, &r);
        struct buf b = BUF_INIT(a);
        buf_appendf(&b, "%lld:", (long long)r.count);
        for (size_t k = 0; k < r.page.n; k++)
            buf_appendf(&b, "%lld,", (long long)r.page.ids[k]);
        base.want[i] = b.ptr;
    }
    CU_ASSERT_EQUAL(strncmp(base.want[0], "3:", 2), 0); /* three products say "navy" */
    enum { THREADS = 4 };
    pthread_t th[THREADS];
    struct side sides[THREADS];
    for (int i = 0; i < THREADS; i++) {
        sides[i] = base;
        CU_ASSERT_EQUAL_FATAL(pthread_create(&th[i], NULL, side_thread, &sides[i]), 0);
    }
    for (int i = 0; i < THREADS; i++) {
        pthread_join(th[i], NULL);
        CU_ASSERT_EQUAL(sides[i].wrong, 0);
    }
    search_index_free(ix);
    arena_free(a);
}

static int suite_clean(void)
{
    search_scratch_free(scratch);
    scratch = NULL;
    return 0;
}

static CU_TestInfo tests[] = {
    { "words are required prefixes", words_are_required_prefixes },
    { "every filter narrows", every_filter_narrows },
    { "sorts and windows", sorts_and_windows },
    { "facets count by category, vendor and band", facets_count_by_category_vendor_and_band },
    { "replacing and removing, then compacting", replacing_and_removing_then_compacting },
    { "the wire format round-trips", the_wire_format_round_trips },
    { "queries run side by side on threads", queries_run_side_by_side_on_threads },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(market_search_search_index, "market/search/search_index", NULL, suite_clean, tests);
