/*
 * catalog_seed.h: demo data for `market seed`: vendors (VENDOR accounts with shops) and a
 * realistic, deterministic catalog across the category tree. Kept apart from the domain API
 * because only the admin command uses it.
 */
#ifndef WM_MARKET_CATALOG_SEED_H
#define WM_MARKET_CATALOG_SEED_H

#include <stdint.h>

struct wm_ctx;

/* Sizes: the default (what `market seed` makes, e.g. for the test stacks) and --demo. */
#define CATALOG_SEED_SMALL_VENDORS  12
#define CATALOG_SEED_SMALL_PRODUCTS 240
#define CATALOG_SEED_DEMO_VENDORS   100
#define CATALOG_SEED_DEMO_PRODUCTS  5000

struct catalog_seed_opts {
    int64_t vendors;               /* shops to create besides the demo vendor's own, >= 1 */
    int64_t products;              /* products over all shops, >= 1 (up to millions) */
    const char *demo_vendor_email; /* an existing VENDOR account that also gets a shop, or NULL */
};

/*
 * Create opts->vendors VENDOR accounts vendorNNN@demo.wholesale-market.test (verified, with an
 * unusable password: nobody can sign in as them), a shop each (and one for the demo vendor),
 * 40 brands, and opts->products products spread over the shops and the leaf categories, each
 * with 1-3 images (/static/demo/), variants with stock, quantity price tiers, a RESELLER price
 * and materials; about 1 in 9 featured, 1 in 25 a draft, 1 in 97 archived. The same options
 * give the same rows (ids, names, prices; created_at spreads over 2025). Multi-row INSERTs in
 * batches, one transaction per batch, so a million products take minutes, not hours.
 * Returns WM_OK or a database error.
 */
int catalog_seed(struct wm_ctx *ctx, const struct catalog_seed_opts *opts);

#endif
