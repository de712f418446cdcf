/*
 * test_search.c: the MariaDB search engine's statement builder, without a server: the
 * full-text expression (required prefix words, short words and stop words dropped, operators
 * in user text never reach the server), each filter adding its fragment and its bound
 * parameter in order, the sort whitelist, the window, the count and facet forms, and the same
 * text for the same shape of query (what keeps db_intern bounded).
 */
#include "market/search/search_int.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "test.h"

static void fulltext_words_are_required_prefixes(void)
{
    struct arena *a = arena_new(0);
    CU_ASSERT_STRING_EQUAL(search_fulltext_expr(a, "Navy T-shirt"), "+navy* +shirt*");
    /* Boolean-mode operators in user text are separators, never operators. */
    CU_ASSERT_STRING_EQUAL(search_fulltext_expr(a, "-jeans +\"denim\" (slim)*~<>@"),
                           "+jeans* +denim* +slim*");
    /* Stop words and words under 3 bytes would match nothing when required. */
    CU_ASSERT_STRING_EQUAL(search_fulltext_expr(a, "the best of a kind"), "+best* +kind*");
    CU_ASSERT_PTR_NULL(search_fulltext_expr(a, "a an of"));
    CU_ASSERT_PTR_NULL(search_fulltext_expr(a, ""));
    CU_ASSERT_PTR_NULL(search_fulltext_expr(a, NULL));
    CU_ASSERT_FALSE(search_has_words("t - x"));
    CU_ASSERT_TRUE(search_has_words("t-shirt"));
    /* At most SEARCH_WORDS_MAX words. */
    const char *many = search_fulltext_expr(a, "one two six ten red tan big old new hot");
    size_t plus = 0;
    for (const char *p = many; *p; p++)
        plus += *p == '+';
    CU_ASSERT_EQUAL(plus, SEARCH_WORDS_MAX);
    arena_free(a);
}

static void a_bare_query_lists_newest_first_with_its_window(void)
{
    struct arena *a = arena_new(0);
    struct search_query q = { .status = "active", .offset = 40, .limit = 20 };
    struct search_sql s;
    search_mariadb_build(a, &q, SEARCH_SQL_PAGE, &s);
    CU_ASSERT_STRING_EQUAL(s.text, "SELECT p.id FROM products p WHERE p.status = ?"
                                   " ORDER BY p.created_at DESC, p.id DESC LIMIT ? OFFSET ?");
    CU_ASSERT_EQUAL_FATAL(s.nparams, 3);
    CU_ASSERT_STRING_EQUAL(s.params[0].s, "active");
    CU_ASSERT_EQUAL(s.params[1].l, 21); /* one more than the page: is there a next one? */
    CU_ASSERT_EQUAL(s.params[2].l, 40);
    arena_free(a);
}

static void every_filter_adds_its_fragment_and_parameter(void)
{
    struct arena *a = arena_new(0);
    struct search_query q = {
        .text = "denim jacket",
        .has_category = true,
        .category_lft = 10,
        .category_rgt = 90,
        .has_min_price = true,
        .min_price_minor = 500,
        .has_max_price = true,
        .max_price_minor = 2500,
        .vendor_id = 7,
        .condition = "HEAVILY_USED",
        .in_stock = true,
        .featured = true,
        .status = "active",
        .sort = SEARCH_SORT_RELEVANCE,
        .limit = 5,
    };
    struct search_sql s;
    search_mariadb_build(a, &q, SEARCH_SQL_PAGE, &s);
    CU_ASSERT_PTR_NOT_NULL(strstr(s.text, " JOIN categories c ON c.id = p.category_id AND c.lft "
                                          "BETWEEN ? AND ?"));
    CU_ASSERT_PTR_NOT_NULL(strstr(s.text, "AGAINST (? IN BOOLEAN MODE)"));
    CU_ASSERT_PTR_NOT_NULL(strstr(s.text, "p.vendor_id = ?"));
    CU_ASSERT_PTR_NOT_NULL(strstr(s.text, "p.sale_price_minor >= ? AND p.sale_price_minor <= ?"));
    CU_ASSERT_PTR_NOT_NULL(strstr(s.text, "p.`condition` = ?"));
    CU_ASSERT_PTR_NOT_NULL(strstr(s.text, "p.is_featured = 1"));
    CU_ASSERT_PTR_NOT_NULL(strstr(s.text, "EXISTS (SELECT 1 FROM product_variants v"));
    CU_ASSERT_PTR_NOT_NULL(strstr(s.text, "ORDER BY MATCH"));
    /* No value is ever pasted into the text. */
    CU_ASSERT_PTR_NULL(strstr(s.text, "denim"));
    CU_ASSERT_PTR_NULL(strstr(s.text, "HEAVILY"));
    CU_ASSERT_PTR_NULL(strstr(s.text, "2500"));
    CU_ASSERT_EQUAL_FATAL(s.nparams, 11);
    CU_ASSERT_EQUAL(s.params[0].l, 10);
    CU_ASSERT_EQUAL(s.params[1].l, 90);
    CU_ASSERT_STRING_EQUAL(s.params[2].s, "active");
    CU_ASSERT_STRING_EQUAL(s.params[3].s, "+denim* +jacket*");
    CU_ASSERT_EQUAL(s.params[4].l, 7);
    CU_ASSERT_EQUAL(s.params[5].l, 500);
    CU_ASSERT_EQUAL(s.params[6].l, 2500);
    CU_ASSERT_STRING_EQUAL(s.params[7].s, "HEAVILY_USED");
    CU_ASSERT_STRING_EQUAL(s.params[8].s, "+denim* +jacket*"); /* the relevance order */
    CU_ASSERT_EQUAL(s.params[9].l, 6);
    CU_ASSERT_EQUAL(s.params[10].l, 0);
    arena_free(a);
}

static void sorts_come_from_the_whitelist(void)
{
    struct arena *a = arena_new(0);
    static const struct {
        enum search_sort sort;
        const char *order;
    } cases[] = {
        { SEARCH_SORT_OLDEST, " ORDER BY p.created_at, p.id LIMIT" },
        { SEARCH_SORT_PRICE_ASC, " ORDER BY p.sale_price_minor, p.id LIMIT" },
        { SEARCH_SORT_PRICE_DESC, " ORDER BY p.sale_price_minor DESC, p.id DESC LIMIT" },
        { SEARCH_SORT_POPULAR, " ORDER BY p.likes DESC, p.views DESC, p.id DESC LIMIT" },
        /* Relevance without words falls back to newest; so does an out-of-range value. */
        { SEARCH_SORT_RELEVANCE, " ORDER BY p.created_at DESC, p.id DESC LIMIT" },
        { (enum search_sort)99, " ORDER BY p.created_at DESC, p.id DESC LIMIT" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct search_query q = { .sort = cases[i].sort, .limit = 10 };
        struct search_sql s;
        search_mariadb_build(a, &q, SEARCH_SQL_PAGE, &s);
        CU_ASSERT_PTR_NOT_NULL(strstr(s.text, cases[i].order));
        CU_ASSERT_EQUAL(s.nparams, 2);
    }
    arena_free(a);
}

static void counts_and_facets_share_the_filters_without_a_window(void)
{
    struct arena *a = arena_new(0);
    struct search_query q = { .status = "active", .vendor_id = 3, .limit = 10, .offset = 10 };
    struct search_sql s;
    search_mariadb_build(a, &q, SEARCH_SQL_COUNT, &s);
    CU_ASSERT_STRING_EQUAL(s.text, "SELECT COUNT(*) FROM products p WHERE p.status = ? AND "
                                   "p.vendor_id = ?");
    CU_ASSERT_EQUAL(s.nparams, 2);
    search_mariadb_build(a, &q, SEARCH_SQL_FACET_CATEGORY, &s);
    CU_ASSERT_PTR_NOT_NULL(strstr(s.text, "GROUP BY p.category_id"));
    CU_ASSERT_PTR_NULL(strstr(s.text, "LIMIT ?"));
    search_mariadb_build(a, &q, SEARCH_SQL_FACET_VENDOR, &s);
    CU_ASSERT_PTR_NOT_NULL(strstr(s.text, "GROUP BY p.vendor_id ORDER BY 2 DESC, 1 LIMIT 20"));
    search_mariadb_build(a, &q, SEARCH_SQL_FACET_PRICE, &s);
    CU_ASSERT_PTR_NOT_NULL(strstr(s.text, "GROUP BY band"));
    /* The band edges match search_price_bands(). */
    size_t n = 0;
    const struct search_price_band *bands = search_price_bands(&n);
    for (size_t i = 0; i + 1 < n; i++) {
        char edge[64];
        snprintf(edge, sizeof(edge), "p.sale_price_minor < %lld THEN %zu",
                 (long long)bands[i].max_minor, i);
        CU_ASSERT_PTR_NOT_NULL(strstr(s.text, edge));
        CU_ASSERT_EQUAL(bands[i].max_minor, bands[i + 1].min_minor);
    }
    arena_free(a);
}

static void the_same_shape_gives_the_same_text(void)
{
    struct arena *a = arena_new(0);
    struct search_query q1 = { .text = "red", .vendor_id = 1, .limit = 5 };
    struct search_query q2 = { .text = "blue wool", .vendor_id = 99, .limit = 50, .offset = 7 };
    struct search_sql s1;
    struct search_sql s2;
    search_mariadb_build(a, &q1, SEARCH_SQL_PAGE, &s1);
    search_mariadb_build(a, &q2, SEARCH_SQL_PAGE, &s2);
    CU_ASSERT_STRING_EQUAL(s1.text, s2.text);
    arena_free(a);
}

static CU_TestInfo tests[] = {
    { "full-text words are required prefixes", fulltext_words_are_required_prefixes },
    { "a bare query lists newest first with its window",
      a_bare_query_lists_newest_first_with_its_window },
    { "every filter adds its fragment and parameter",
      every_filter_adds_its_fragment_and_parameter },
    { "sorts come from the whitelist", sorts_come_from_the_whitelist },
    { "counts and facets share the filters without a window",
      counts_and_facets_share_the_filters_without_a_window },
    { "the same shape gives the same text", the_same_shape_gives_the_same_text },
    CU_TEST_INFO_NULL,
};

SUITE_INFO(market_search_search, "market/search/search", NULL, NULL, tests);
