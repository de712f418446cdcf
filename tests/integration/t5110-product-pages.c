/*
 * t5110-product-pages.c: a vendor's product pages through HTTP (issue 6 item 4). The API side
 * first: createProduct and updateProduct take image files (images: [Upload!]) in a GraphQL
 * multipart request, checked like any upload and only for the product's own vendor. Then the
 * pages: a product is created with its image files in one multipart form POST and redirected
 * to its edit page; its price breaks are rows of one form (with the decimal mark of the
 * language); bad input is 422 with the rows kept and the error beside them; another vendor's
 * product is a 404 for GET and POST alike; it is duplicated and archived (gone from search);
 * on the stock page units move between locations and a location is added. The same flows in
 * a browser, with JavaScript, are in tests/browser/run.mjs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>
#include <zlib.h>

#include "lib/it.h"

#define BOUNDARY "t5110-boundary"

/* POST an urlencoded form (the caller encodes it; _csrf is added in front). */
static void post(struct it_client *c, const char *path, const char *fields, struct it_response *r)
{
    char body[4096];
    snprintf(body, sizeof(body), "_csrf=%s&%s", c->csrf, fields);
    it_client_post(c, path, body, NULL, r);
}

/* Start a multipart body with the CSRF token. */
static void mp_begin(struct buf *b, const struct it_client *c)
{
    buf_init(b, NULL, 4096);
    buf_appendf(b, "--" BOUNDARY "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n%s\r\n",
                c->csrf);
}

static void mp_field(struct buf *b, const char *name, const char *value)
{
    buf_appendf(b, "--" BOUNDARY "\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n",
                name, value);
}

static void mp_file(struct buf *b, const char *name, const char *filename, const void *data,
                    size_t len)
{
    buf_appendf(b,
                "--" BOUNDARY "\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
                "Content-Type: application/octet-stream\r\n\r\n",
                name, filename);
    buf_append(b, data, len);
    buf_appends(b, "\r\n");
}

static void mp_post(struct it_client *c, const char *path, struct buf *b, struct it_response *r)
{
    buf_appends(b, "--" BOUNDARY "--\r\n");
    it_client_post_type(c, path, "multipart/form-data; boundary=" BOUNDARY, b->ptr, b->len, r);
    buf_release(b);
}

/* One PNG chunk: length, type, data, CRC. */
static void png_chunk(struct buf *b, const char *type, const unsigned char *data, size_t len)
{
    unsigned char be[4] = { (unsigned char)(len >> 24), (unsigned char)(len >> 16),
                            (unsigned char)(len >> 8), (unsigned char)len };
    buf_append(b, be, 4);
    buf_append(b, type, 4);
    if (len) buf_append(b, data, len);
    uLong crc = crc32(0L, (const Bytef *)type, 4);
    if (len) crc = crc32(crc, data, (uInt)len);
    unsigned char c[4] = { (unsigned char)(crc >> 24), (unsigned char)(crc >> 16),
                           (unsigned char)(crc >> 8), (unsigned char)crc };
    buf_append(b, c, 4);
}

/* A w x h RGB PNG (a gradient), into b (heap buffer: buf_release()). */
static void make_png(unsigned w, unsigned h, struct buf *b)
{
    buf_init(b, NULL, 1024);
    buf_append(b, "\x89PNG\r\n\x1a\n", 8);
    unsigned char ihdr[13] = { (unsigned char)(w >> 24),
                               (unsigned char)(w >> 16),
                               (unsigned char)(w >> 8),
                               (unsigned char)w,
                               (unsigned char)(h >> 24),
                               (unsigned char)(h >> 16),
                               (unsigned char)(h >> 8),
                               (unsigned char)h,
                               8,
                               2,
                               0,
                               0,
                               0 };
    png_chunk(b, "IHDR", ihdr, sizeof(ihdr));
    size_t raw_len = (size_t)h * (1 + (size_t)w * 3);
    unsigned char *raw = calloc(1, raw_len);
    for (unsigned y = 0; y < h; y++)
        for (unsigned x = 0; x < w; x++) {
            unsigned char *px = raw + (size_t)y * (1 + w * 3) + 1 + (size_t)x * 3;
            px[0] = (unsigned char)(x * 3);
            px[1] = (unsigned char)(y * 3);
            px[2] = 128;
        }
    uLongf zlen = compressBound((uLong)raw_len);
    unsigned char *z = malloc(zlen);
    CU_ASSERT_EQUAL_FATAL(compress(z, &zlen, raw, (uLong)raw_len), Z_OK);
    png_chunk(b, "IDAT", z, zlen);
    png_chunk(b, "IEND", NULL, 0);
    free(z);
    free(raw);
}

/* A verified vendor signed in through the sign-in page; its bearer token in *token. */
static void vendor_sign_in(struct it_client *c, const char *tag, const char **token)
{
    char email[256];
    *token = it_sign_up_as(tag, "SUPPLIER", email, sizeof(email));
    CU_ASSERT_TRUE_FATAL(it_verify_email(email));
    CU_ASSERT_TRUE_FATAL(it_client_sign_in(c, email, false));
    struct it_response r;
    it_client_get(c, "/sell", &r); /* a fresh CSRF token for the session */
    CU_ASSERT_EQUAL(r.status, 200);
    it_response_release(&r);
}

/* The product id at the end of a Location "/sell/products/<id>". */
static bool product_of_location(const struct it_response *r, char *id, size_t len)
{
    const char *loc = it_header(r, "Location");
    const char *p = loc ? strstr(loc, "/sell/products/") : NULL;
    if (!p) return false;
    snprintf(id, len, "%s", p + 15);
    return id[0] >= '1' && id[0] <= '9';
}

/* The product's imagesUrl as the API reads it (vendorProduct), parsed; json_object_put(). */
static struct json_object *images_of(const char *token, const char *id)
{
    char vars[128];
    snprintf(vars, sizeof(vars), "{\"id\":\"%s\"}", id);
    struct json_object *r =
            it_gql_as("query($id: ID!) { vendorProduct(id: $id) { imagesUrl } }", vars, token);
    const char *text = it_str_at(r, "vendorProduct.imagesUrl");
    struct json_object *list = text ? json_tokener_parse(text) : NULL;
    json_object_put(r);
    return list;
}

/* A GraphQL multipart request of query with files (nfiles PNG/text bodies) mapped to
 * variables.images.N; vars_json the variables with "images":[null ...]. */
static struct json_object *gql_multipart(const char *token, const char *query,
                                         const char *vars_json, const void *const *files,
                                         const size_t *lens, size_t nfiles)
{
    struct buf b;
    buf_init(&b, NULL, 4096);
    struct json_object *ops = json_object_new_object();
    json_object_object_add(ops, "query", json_object_new_string(query));
    json_object_object_add(ops, "variables", json_tokener_parse(vars_json));
    buf_appendf(&b,
                "--" BOUNDARY
                "\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n%s\r\n",
                json_object_to_json_string(ops));
    json_object_put(ops);
    buf_appends(&b, "--" BOUNDARY "\r\nContent-Disposition: form-data; name=\"map\"\r\n\r\n{");
    for (size_t i = 0; i < nfiles; i++)
        buf_appendf(&b, "%s\"%zu\":[\"variables.images.%zu\"]", i ? "," : "", i, i);
    buf_appends(&b, "}\r\n");
    for (size_t i = 0; i < nfiles; i++) {
        char name[24];
        snprintf(name, sizeof(name), "%zu", i);
        mp_file(&b, name, "photo.png", files[i], lens[i]);
    }
    buf_appends(&b, "--" BOUNDARY "--\r\n");
    char auth[1200];
    snprintf(auth, sizeof(auth), "Authorization: Bearer %s", token);
    const char *h[] = { "Content-Type: multipart/form-data; boundary=" BOUNDARY, auth, NULL };
    struct it_response r;
    it_request("POST", "/wms/graphql/", h, b.ptr, b.len, &r);
    buf_release(&b);
    struct json_object *o = r.body.ptr ? json_tokener_parse(r.body.ptr) : NULL;
    if (!o) printf("\n  multipart reply %ld: %s\n", r.status, r.body.ptr ? r.body.ptr : "");
    it_response_release(&r);
    return o;
}

static const char CREATE[] =
        "mutation($images: [Upload!]) { createProduct(name: \"Tin mugs\", description: \"Enamel\","
        " price: 8.5, category: 674, imagesUrl: [], images: $images) { success message product {"
        " id imagesUrl } } }";
static const char UPDATE[] =
        "mutation($id: ID!, $images: [Upload!]) { updateProduct(productId: $id, images: $images) {"
        " success message } }";

static void the_api_takes_image_files_with_a_product(void)
{
    struct buf png;
    make_png(64, 48, &png);
    size_t len = png.len;
    char email[256];
    const char *token = it_sign_up_as("t5110api", "SUPPLIER", email, sizeof(email));
    CU_ASSERT_TRUE_FATAL(it_verify_email(email));
    const void *files[2] = { png.ptr, png.ptr };
    size_t lens[2] = { len, len };
    struct json_object *r =
            gql_multipart(token, CREATE, "{\"images\":[null,null]}", files, lens, 2);
    CU_ASSERT_TRUE_FATAL(it_bool_at(r, "createProduct.success"));
    char id[32];
    snprintf(id, sizeof(id), "%s", it_text_at(r, "createProduct.product.id"));
    json_object_put(r);
    struct json_object *list = images_of(token, id);
    CU_ASSERT_EQUAL_FATAL(list ? json_object_array_length(list) : 0, 2);
    struct json_object *first = json_object_array_get_idx(list, 0);
    const char *url = json_object_get_string(json_object_object_get(first, "url"));
    const char *thumb = json_object_get_string(json_object_object_get(first, "thumbnail"));
    CU_ASSERT_PTR_NOT_NULL_FATAL(url);
    CU_ASSERT_PTR_NOT_NULL_FATAL(thumb);
    CU_ASSERT_PTR_NOT_NULL(strstr(url, "/media/"));
    CU_ASSERT_PTR_NOT_NULL(strstr(thumb, "_400."));
    json_object_put(list);

    /* A file that is not an image: refused with the reason, nothing saved. */
    static const char text[] = "just some words, not a picture";
    const void *bad[1] = { text };
    size_t blen[1] = { sizeof(text) - 1 };
    r = gql_multipart(token, CREATE, "{\"images\":[null]}", bad, blen, 1);
    CU_ASSERT_FALSE(it_bool_at(r, "createProduct.success"));
    CU_ASSERT_PTR_NOT_NULL(strstr(it_text_at(r, "createProduct.message"), "not a JPEG"));
    json_object_put(r);
    /* No files and no URLs: still at least one image needed. */
    r = gql_multipart(token, CREATE, "{\"images\":[]}", NULL, NULL, 0);
    CU_ASSERT_FALSE(it_bool_at(r, "createProduct.success"));
    json_object_put(r);

    /* Another vendor cannot add files to it: the same answer as an unknown product. */
    const char *other = it_sign_up_as("t5110other", "SUPPLIER", email, sizeof(email));
    char vars[128];
    snprintf(vars, sizeof(vars), "{\"id\":\"%s\",\"images\":[null]}", id);
    r = gql_multipart(other, UPDATE, vars, files, lens, 1);
    CU_ASSERT_FALSE(it_bool_at(r, "updateProduct.success"));
    CU_ASSERT_PTR_NOT_NULL(strstr(it_text_at(r, "updateProduct.message"), "not found"));
    json_object_put(r);
    /* The owner adds one after the two it has. */
    r = gql_multipart(token, UPDATE, vars, files, lens, 1);
    CU_ASSERT_TRUE(it_bool_at(r, "updateProduct.success"));
    json_object_put(r);
    list = images_of(token, id);
    CU_ASSERT_EQUAL(list ? json_object_array_length(list) : 0, 3);
    json_object_put(list);
    /* The first one dropped by URL: two left, thumbnails kept. */
    list = images_of(token, id);
    char drop[512];
    snprintf(drop, sizeof(drop), "%s",
             json_object_get_string(
                     json_object_object_get(json_object_array_get_idx(list, 0), "url")));
    json_object_put(list);
    struct json_object *dv = json_object_new_object();
    json_object_object_add(dv, "id", json_object_new_string(id));
    struct json_object *urls = json_object_new_array();
    json_object_array_add(urls, json_object_new_string(drop));
    json_object_object_add(dv, "r", urls);
    r = it_gql_as("mutation($id: ID!, $r: [String!]) { updateProduct(productId: $id,"
                  " removeImages: $r) { success message } }",
                  json_object_to_json_string(dv), token);
    json_object_put(dv);
    CU_ASSERT_TRUE(it_bool_at(r, "updateProduct.success"));
    json_object_put(r);
    list = images_of(token, id);
    CU_ASSERT_EQUAL(list ? json_object_array_length(list) : 0, 2);
    for (size_t i = 0; list && i < json_object_array_length(list); i++) {
        struct json_object *im = json_object_array_get_idx(list, i);
        CU_ASSERT_STRING_NOT_EQUAL(json_object_get_string(json_object_object_get(im, "url")), drop);
        CU_ASSERT_PTR_NOT_NULL(json_object_get_string(json_object_object_get(im, "thumbnail")));
    }
    json_object_put(list);
    /* vendorProduct of another vendor's product: NOT_FOUND. */
    snprintf(vars, sizeof(vars), "{\"id\":\"%s\"}", id);
    r = it_gql_as("query($id: ID!) { vendorProduct(id: $id) { id } }", vars, other);
    CU_ASSERT_STRING_EQUAL(it_error_code(r), "NOT_FOUND");
    json_object_put(r);
    buf_release(&png);
}

static void a_vendor_creates_edits_duplicates_and_archives_by_page(void)
{
    struct it_client c = { 0 };
    const char *token = NULL;
    vendor_sign_in(&c, "t5110pages", &token);
    struct it_response r;
    it_client_get(&c, "/sell/products/new", &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_TRUE(it_body_has(&r, "enctype=\"multipart/form-data\""));
    CU_ASSERT_TRUE(it_body_has(&r, "<option value=\"674\""));
    it_response_release(&r);

    /* Bad input: 422, the form again with what was typed and the error beside the field. */
    struct buf b;
    mp_begin(&b, &c);
    mp_field(&b, "_op", "ProductCreate");
    mp_field(&b, "name", "Birch crates");
    mp_field(&b, "description", "Stackable");
    mp_field(&b, "category", "674");
    mp_field(&b, "price", "abc");
    mp_post(&c, "/sell/products/new", &b, &r);
    CU_ASSERT_EQUAL(r.status, 422);
    CU_ASSERT_TRUE(it_body_has(&r, "value=\"Birch crates\""));
    CU_ASSERT_TRUE(it_body_has(&r, "id=\"e-price\""));
    it_response_release(&r);

    /* The product and its image in one POST; then its edit page. */
    struct buf png;
    make_png(80, 60, &png);
    mp_begin(&b, &c);
    mp_field(&b, "_op", "ProductCreate");
    mp_field(&b, "name", "Birch crates t5110");
    mp_field(&b, "description", "Stackable birch crates");
    mp_field(&b, "category", "674");
    mp_field(&b, "condition", "BRAND_NEW_WITH_TAGS");
    mp_field(&b, "price", "24.00");
    mp_field(&b, "isActive", "on");
    mp_file(&b, "images", "crate.png", png.ptr, png.len);
    mp_post(&c, "/sell/products/new", &b, &r);
    CU_ASSERT_EQUAL_FATAL(r.status, 303);
    char id[32];
    CU_ASSERT_TRUE_FATAL(product_of_location(&r, id, sizeof(id)));
    it_response_release(&r);
    char path[96];
    snprintf(path, sizeof(path), "/sell/products/%s", id);
    it_client_get(&c, path, &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_TRUE(it_body_has(&r, "Your product was saved"));
    CU_ASSERT_TRUE(it_body_has(&r, "<strong>On sale</strong>"));
    CU_ASSERT_TRUE(it_body_has(&r, "value=\"24.00\""));
    CU_ASSERT_TRUE(it_body_has(&r, "_400."));
    it_response_release(&r);

    /* Its only image cannot go: 422, the box still ticked, the error beside the images. */
    struct json_object *imgs = images_of(token, id);
    char only[512];
    snprintf(only, sizeof(only), "%s",
             imgs ? json_object_get_string(
                            json_object_object_get(json_object_array_get_idx(imgs, 0), "url"))
                  : "");
    json_object_put(imgs);
    char remove[1024];
    snprintf(remove, sizeof(remove), "_op=ProductSave&isActive=on&removeImages.0=%s", only);
    post(&c, path, remove, &r);
    CU_ASSERT_EQUAL(r.status, 422);
    CU_ASSERT_TRUE(it_body_has(&r, "id=\"e-removeImages\""));
    CU_ASSERT_TRUE(it_body_has(&r, "name=\"removeImages.0\" type=\"checkbox\""));
    char ticked[600];
    snprintf(ticked, sizeof(ticked), "value=\"%s\" checked>", only);
    CU_ASSERT_TRUE(it_body_has(&r, ticked));
    it_response_release(&r);

    /* A draft from the start: saved, not on sale. */
    mp_begin(&b, &c);
    mp_field(&b, "_op", "ProductCreate");
    mp_field(&b, "name", "Birch draft t5110");
    mp_field(&b, "description", "Not yet");
    mp_field(&b, "category", "674");
    mp_field(&b, "price", "30");
    mp_field(&b, "isActive", "off");
    mp_file(&b, "images", "crate.png", png.ptr, png.len);
    mp_post(&c, "/sell/products/new", &b, &r);
    CU_ASSERT_EQUAL_FATAL(r.status, 303);
    char draft[32];
    CU_ASSERT_TRUE_FATAL(product_of_location(&r, draft, sizeof(draft)));
    it_response_release(&r);
    char draft_path[96];
    snprintf(draft_path, sizeof(draft_path), "/sell/products/%s", draft);
    it_client_get(&c, draft_path, &r);
    CU_ASSERT_TRUE(it_body_has(&r, "<strong>Draft (not on sale)</strong>"));
    it_response_release(&r);
    snprintf(draft_path, sizeof(draft_path), "/products/%s", draft);
    it_client_get(&c, draft_path, &r);
    CU_ASSERT_EQUAL(r.status, 404);
    it_response_release(&r);

    /* Price breaks as rows, in German (decimal comma); empty rows are left out. */
    snprintf(c.lang, sizeof(c.lang), "de");
    it_client_rebuild(&c);
    it_client_get(&c, path, &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_TRUE(it_body_has(&r, "value=\"24,00\""));
    it_response_release(&r);
    post(&c, path,
         "_op=ProductSave&name=Birch+crates+t5110&description=Stackable&category=674"
         "&isActive=on&price=24%2C00&minOrderQuantity=10&casePack=5"
         "&priceTiers.0.minQuantity=50&priceTiers.0.unitPrice=21%2C50"
         "&priceTiers.1.minQuantity=&priceTiers.1.unitPrice="
         "&priceTiers.2.minQuantity=100&priceTiers.2.unitPrice=19"
         "&accountPrices.0.accountType=RESELLER&accountPrices.0.unitPrice=20"
         "&accountPrices.1.accountType=&accountPrices.1.unitPrice=",
         &r);
    CU_ASSERT_EQUAL_FATAL(r.status, 303);
    it_response_release(&r);
    char vars[128];
    snprintf(vars, sizeof(vars), "{\"id\":\"%s\"}", id);
    struct json_object *q = it_gql_as(
            "query($id: ID!) { vendorProduct(id: $id) { minOrderQuantity casePack priceTiers {"
            " minQuantity unitPrice } accountPrices { accountType unitPrice } } }",
            vars, token);
    CU_ASSERT_EQUAL(json_object_get_int(it_at(q, "vendorProduct.minOrderQuantity")), 10);
    CU_ASSERT_EQUAL(json_object_get_int(it_at(q, "vendorProduct.casePack")), 5);
    CU_ASSERT_EQUAL(json_object_get_int(it_at(q, "vendorProduct.priceTiers.0.minQuantity")), 50);
    CU_ASSERT_DOUBLE_EQUAL(json_object_get_double(it_at(q, "vendorProduct.priceTiers.0.unitPrice")),
                           21.5, 0.001);
    CU_ASSERT_EQUAL(json_object_get_int(it_at(q, "vendorProduct.priceTiers.1.minQuantity")), 100);
    CU_ASSERT_STRING_EQUAL(it_text_at(q, "vendorProduct.accountPrices.0.accountType"), "RESELLER");
    json_object_put(q);
    it_client_get(&c, path, &r);
    CU_ASSERT_TRUE(it_body_has(&r, "value=\"21,50\""));
    it_response_release(&r);

    /* Variants as rows: the one it has gets a size, a colour and 7 units; a new one is added
     * with its own price (German decimal comma) and 3 units. */
    q = it_gql_as("query($id: ID!) { inventoryItem(id: $id) { variants { id } } }", vars, token);
    char variant[32];
    snprintf(variant, sizeof(variant), "%s", it_text_at(q, "inventoryItem.variants.0.id"));
    json_object_put(q);
    char fields[1024];
    snprintf(fields, sizeof(fields),
             "_op=ProductSave&isActive=on&variants.0.id=%s&variants.0.sku=&variants.0.size=M"
             "&variants.0.color=Blue&variants.0.price=&variants.0.stockQuantity=7"
             "&variants.1.sku=BIRCH-L-%s&variants.1.size=L&variants.1.color=Blue"
             "&variants.1.price=26%%2C00&variants.1.stockQuantity=3"
             "&variants.2.sku=&variants.2.size=&variants.2.color=&variants.2.price="
             "&variants.2.stockQuantity=",
             variant, id);
    post(&c, path, fields, &r);
    CU_ASSERT_EQUAL_FATAL(r.status, 303);
    it_response_release(&r);
    q = it_gql_as("query($id: ID!) { inventoryItem(id: $id) { stockQuantity variants { id sku"
                  " size color price stockQuantity } } }",
                  vars, token);
    CU_ASSERT_EQUAL(json_object_get_int(it_at(q, "inventoryItem.stockQuantity")), 10);
    struct json_object *vs = it_at(q, "inventoryItem.variants");
    CU_ASSERT_EQUAL_FATAL(vs ? json_object_array_length(vs) : 0, 2);
    char sku[64];
    snprintf(sku, sizeof(sku), "BIRCH-L-%s", id);
    bool saw_old = false, saw_new = false;
    for (size_t i = 0; i < 2; i++) {
        struct json_object *v = json_object_array_get_idx(vs, i);
        const char *vid = json_object_get_string(json_object_object_get(v, "id"));
        const char *vsku = json_object_get_string(json_object_object_get(v, "sku"));
        int units = json_object_get_int(json_object_object_get(v, "stockQuantity"));
        const char *size = json_object_get_string(json_object_object_get(v, "size"));
        if (vid && strcmp(vid, variant) == 0)
            saw_old = units == 7 && size && strcmp(size, "M") == 0 &&
                      json_object_object_get(v, "price") == NULL;
        if (vsku && strcmp(vsku, sku) == 0)
            saw_new = units == 3 && size && strcmp(size, "L") == 0 &&
                      json_object_get_double(json_object_object_get(v, "price")) == 26.0;
    }
    CU_ASSERT_TRUE(saw_old);
    CU_ASSERT_TRUE(saw_new);
    json_object_put(q);
    it_client_get(&c, path, &r);
    CU_ASSERT_TRUE(it_body_has(&r, "value=\"26,00\""));
    CU_ASSERT_TRUE(it_body_has(&r, "name=\"variants.2.sku\"")); /* an empty row to add */
    it_response_release(&r);
    /* A SKU that is not one: 422, the row kept, the error beside the variants. */
    snprintf(fields, sizeof(fields),
             "_op=ProductSave&isActive=on&variants.0.id=%s&variants.0.sku=no+spaces+please"
             "&variants.0.stockQuantity=7",
             variant);
    post(&c, path, fields, &r);
    CU_ASSERT_EQUAL(r.status, 422);
    CU_ASSERT_TRUE(it_body_has(&r, "value=\"no spaces please\""));
    CU_ASSERT_TRUE(it_body_has(&r, "id=\"e-variants\""));
    it_response_release(&r);

    /* A break above the price: 422, every row kept, the error beside the rows. */
    post(&c, path,
         "_op=ProductSave&name=Birch+crates+t5110&isActive=on&price=24%2C00"
         "&priceTiers.0.minQuantity=50&priceTiers.0.unitPrice=99%2C50"
         "&priceTiers.1.minQuantity=70&priceTiers.1.unitPrice=18",
         &r);
    CU_ASSERT_EQUAL(r.status, 422);
    CU_ASSERT_TRUE(it_body_has(&r, "value=\"99,50\""));
    CU_ASSERT_TRUE(it_body_has(&r, "value=\"70\""));
    CU_ASSERT_TRUE(it_body_has(&r, "id=\"e-priceTiers\""));
    it_response_release(&r);
    c.lang[0] = '\0';
    it_client_rebuild(&c);

    /* Duplicate: to the copy's page. */
    snprintf(fields, sizeof(fields), "_op=ProductDuplicate&productId=%s&copyName=Birch+copy", id);
    post(&c, path, fields, &r);
    CU_ASSERT_EQUAL_FATAL(r.status, 303);
    char copy[32];
    CU_ASSERT_TRUE_FATAL(product_of_location(&r, copy, sizeof(copy)));
    CU_ASSERT_STRING_NOT_EQUAL(copy, id);
    it_response_release(&r);

    /* Another vendor: the page and its POST are 404s. */
    struct it_client other = { 0 };
    const char *other_token = NULL;
    vendor_sign_in(&other, "t5110intruder", &other_token);
    it_client_get(&other, path, &r);
    CU_ASSERT_EQUAL(r.status, 404);
    it_response_release(&r);
    post(&other, path, "_op=ProductSave&name=Mine+now&isActive=on", &r);
    CU_ASSERT_EQUAL(r.status, 404);
    it_response_release(&r);
    q = it_gql_as("query($id: ID!) { vendorProduct(id: $id) { name } }", vars, token);
    CU_ASSERT_STRING_EQUAL(it_text_at(q, "vendorProduct.name"), "Birch crates t5110");
    json_object_put(q);

    /* Archive from the edit page (it posts to /sell): gone from the search. */
    snprintf(fields, sizeof(fields), "_op=ProductArchive&productId=%s", id);
    post(&c, "/sell", fields, &r);
    CU_ASSERT_EQUAL(r.status, 303);
    it_response_release(&r);
    it_client_get(&c, path, &r);
    CU_ASSERT_EQUAL(r.status, 404);
    it_response_release(&r);
    it_client_get(&c, "/products?q=t5110", &r);
    CU_ASSERT_EQUAL(r.status, 200);
    CU_ASSERT_FALSE(it_body_has(&r, "Birch crates t5110"));
    it_response_release(&r);
    buf_release(&png);
}

static void units_move_between_locations_by_page(void)
{
    struct it_client c = { 0 };
    const char *token = NULL;
    vendor_sign_in(&c, "t5110stock", &token);
    char vars[256];
    snprintf(vars, sizeof(vars), "{}");
    struct json_object *q = it_gql_as(
            "mutation { createProduct(name: \"Pallet wrap\", description: \"Film\", price: 12,"
            " category: 674, imagesUrl: [{url: \"https://img.example.com/w.jpg\"}]) { success"
            " product { id } } }",
            NULL, token);
    CU_ASSERT_TRUE_FATAL(it_bool_at(q, "createProduct.success"));
    char id[32];
    snprintf(id, sizeof(id), "%s", it_text_at(q, "createProduct.product.id"));
    json_object_put(q);
    snprintf(vars, sizeof(vars), "{\"id\":\"%s\"}", id);
    q = it_gql_as("query($id: ID!) { inventoryItem(id: $id) { variants { id } } }", vars, token);
    char variant[32];
    snprintf(variant, sizeof(variant), "%s", it_text_at(q, "inventoryItem.variants.0.id"));
    json_object_put(q);
    char path[96];
    snprintf(path, sizeof(path), "/sell/items/%s", id);
    struct it_response r;
    it_client_get(&c, path, &r);
    CU_ASSERT_EQUAL(r.status, 200);
    it_response_release(&r);

    /* A new location, then 5 units received at the main one. */
    post(&c, path, "_op=LocationCreate&locationName=Back+room", &r);
    CU_ASSERT_EQUAL(r.status, 303);
    it_response_release(&r);
    char fields[512];
    snprintf(fields, sizeof(fields), "_op=StockAdjust&variantId=%s&change=5&reason=received",
             variant);
    post(&c, path, fields, &r);
    CU_ASSERT_EQUAL(r.status, 303);
    it_response_release(&r);
    q = it_gql_as("query { inventoryLocations { id name } }", NULL, token);
    char main_id[32], back_id[32];
    snprintf(main_id, sizeof(main_id), "%s", it_text_at(q, "inventoryLocations.0.id"));
    snprintf(back_id, sizeof(back_id), "%s", it_text_at(q, "inventoryLocations.1.id"));
    CU_ASSERT_STRING_EQUAL(it_text_at(q, "inventoryLocations.1.name"), "Back room");
    json_object_put(q);
    it_client_get(&c, path, &r);
    CU_ASSERT_TRUE(it_body_has(&r, "Back room"));
    it_response_release(&r);

    /* More than there is: 422 with the quantity kept. */
    snprintf(fields, sizeof(fields),
             "_op=StockTransfer&variantId=%s&fromLocationId=%s&toLocationId=%s&quantity=9", variant,
             main_id, back_id);
    post(&c, path, fields, &r);
    CU_ASSERT_EQUAL(r.status, 422);
    CU_ASSERT_TRUE(it_body_has(&r, "value=\"9\""));
    it_response_release(&r);
    snprintf(fields, sizeof(fields),
             "_op=StockTransfer&variantId=%s&fromLocationId=%s&toLocationId=%s&quantity=2"
             "&note=shelf",
             variant, main_id, back_id);
    post(&c, path, fields, &r);
    CU_ASSERT_EQUAL(r.status, 303);
    it_response_release(&r);
    it_client_get(&c, path, &r);
    CU_ASSERT_TRUE(it_body_has(&r, "Back room: 2"));
    CU_ASSERT_TRUE(it_body_has(&r, "The units were moved."));
    it_response_release(&r);
}

static CU_TestInfo tests[] = {
    { "the API takes image files with a product", the_api_takes_image_files_with_a_product },
    { "a vendor creates, edits, duplicates and archives by page",
      a_vendor_creates_edits_duplicates_and_archives_by_page },
    { "units move between locations by page", units_move_between_locations_by_page },
    CU_TEST_INFO_NULL,
};

IT_SUITE(t5110_product_pages, "t5110/product-pages", NULL, NULL, tests);
