/*
 * bench_graphql.c: in-process cost of the GraphQL engine on the Flutter app's own documents
 * (../shared/client-contract/operations, validated against its derived schema): parse,
 * parse + validate, and parse + validate + execute (root fields resolve to null), for the
 * largest documents, each as microseconds per run and as a ratio against the same steps for
 * `{ __typename }` measured in the same run. Prints "skipped" when the contract is absent.
 *   bench-graphql [CONTRACT_DIR] [ITERATIONS]
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/ctx.h"
#include "core/err.h"
#include "dynamic_schema.h"
#include "graphql/graphql.h"

struct doc {
    char name[256];
    char *text;
    size_t len;
};

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    struct buf b = BUF_INIT(NULL);
    char tmp[8192];
    size_t n;
    while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
        buf_append(&b, tmp, n);
    (void)fclose(f);
    return buf_detach(&b, len);
}

static int resolve_null(struct gql_call *call, struct gql_value *out)
{
    (void)call;
    *out = gql_null();
    return WM_OK;
}

enum step { PARSE, VALIDATE, EXECUTE };

/* Microseconds per run of the steps up to `upto` on text. -1 when the document fails. */
static double measure(const struct gql_schema *s, struct arena *a, const char *text, size_t len,
                      enum step upto, int iterations)
{
    struct gql_limits lim = { GQL_DEFAULT_MAX_TOKENS, GQL_DEFAULT_MAX_DEPTH,
                              GQL_DEFAULT_MAX_ERRORS };
    double t0 = now_us();
    for (int i = 0; i < iterations; i++) {
        struct gql_document *doc = NULL;
        struct gql_errors errs = { .max = lim.max_errors };
        if (gql_parse(a, text, len, &lim, &doc, &errs) != WM_OK) return -1;
        if (upto >= VALIDATE && gql_validate(a, s, doc, &lim, &errs) != WM_OK) return -1;
        if (upto >= EXECUTE) {
            struct wm_ctx ctx = { .arena = a, .req_id = "bench" };
            struct gql_result r;
            gql_execute(&ctx, s, doc, NULL, NULL, NULL, &r);
        }
        arena_reset(a);
    }
    return (now_us() - t0) / iterations;
}

static int by_size_desc(const void *x, const void *y)
{
    const struct doc *a = x;
    const struct doc *b = y;
    return a->len < b->len ? 1 : a->len > b->len ? -1 : 0;
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "../shared/client-contract";
    int iterations = argc > 2 ? atoi(argv[2]) : 2000;
    char path[1024];
    size_t sdl_len;
    snprintf(path, sizeof(path), "%s/derived-schema.graphql", dir);
    char *sdl = slurp(path, &sdl_len);
    if (!sdl) {
        printf("bench-graphql: skipped (no client contract at %s)\n", dir);
        return 0;
    }
    struct arena *keep = arena_new(0);
    char err[512];
    struct gql_schema *s = dynamic_schema_build(keep, sdl, sdl_len, resolve_null, err, sizeof(err));
    if (!s) {
        fprintf(stderr, "bench-graphql: schema: %s\n", err);
        return 1;
    }
    snprintf(path, sizeof(path), "%s/operations/wire", dir);
    DIR *d = opendir(path);
    struct doc docs[128];
    size_t n = 0;
    for (struct dirent *e; d && n < 128 && (e = readdir(d));) {
        if (!strstr(e->d_name, ".graphql")) continue;
        char file[1400];
        snprintf(file, sizeof(file), "%s/%s", path, e->d_name);
        docs[n].text = slurp(file, &docs[n].len);
        snprintf(docs[n].name, sizeof(docs[n].name), "%s", e->d_name);
        if (docs[n].text) n++;
    }
    if (d) (void)closedir(d);
    qsort(docs, n, sizeof(docs[0]), by_size_desc);

    struct arena *a = arena_new((size_t)256 * 1024);
    static const char base_text[] = "{ __typename }";
    double base[3];
    for (int st = PARSE; st <= EXECUTE; st++)
        base[st] = measure(s, a, base_text, sizeof(base_text) - 1, st, iterations * 10);
    printf("%-44s %7s %9s %9s %9s   (µs per run; ratio to { __typename })\n", "document", "bytes",
           "parse", "+validate", "+execute");
    printf("%-44s %7zu %9.2f %9.2f %9.2f\n", "{ __typename } (baseline)", sizeof(base_text) - 1,
           base[PARSE], base[VALIDATE], base[EXECUTE]);
    size_t shown = 0;
    for (size_t i = 0; i < n && shown < 6; i++) {
        double t[3];
        for (int st = PARSE; st <= EXECUTE; st++)
            t[st] = measure(s, a, docs[i].text, docs[i].len, st, iterations);
        if (t[VALIDATE] < 0) continue; /* SendMessage: invalid under the spec by design */
        printf("%-44s %7zu %9.2f %9.2f %9.2f   x%.0f x%.0f x%.0f\n", docs[i].name, docs[i].len,
               t[PARSE], t[VALIDATE], t[EXECUTE], t[PARSE] / base[PARSE],
               t[VALIDATE] / base[VALIDATE], t[EXECUTE] / base[EXECUTE]);
        shown++;
    }
    for (size_t i = 0; i < n; i++)
        free(docs[i].text);
    arena_free(a);
    gql_schema_free(s);
    arena_free(keep);
    free(sdl);
    return 0;
}
