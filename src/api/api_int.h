/*
 * api_int.h: what the files of src/api share: the resolver tables, the JSON request decoding
 * and the document cache.
 */
#ifndef WM_API_API_INT_H
#define WM_API_API_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "api/api.h"
#include "graphql/graphql.h"

struct arena;
struct wm_ctx;
struct json_object;

/* resolvers.c */
extern const struct gql_root_field api_root_fields[];
extern const size_t api_root_fields_count;
extern const struct gql_type_map api_type_maps[];
extern const size_t api_type_maps_count;

/* json_in.c: a json-c value as a GraphQL value in arena a (strings copied). Integers outside
 * the int64 range (json-c saturates them) are refused: returns WM_EINVAL with a message. */
int api_json_to_value(struct wm_ctx *ctx, struct json_object *j, struct gql_value *out);

/*
 * Parse text (len bytes, NUL after it) as strict JSON with nesting up to depth, into *out; the
 * root is released with the request arena. WM_EINVAL with a message naming the problem.
 */
int api_json_parse(struct wm_ctx *ctx, const char *text, size_t len, int depth,
                   struct json_object **out);

/* doc_cache.c: validated documents by the hash of their text, per process. */
struct doc_cache;
struct doc_cache *doc_cache_new(size_t max_entries);
void doc_cache_free(struct doc_cache *c);
/* The cached document for text, or NULL. */
const struct gql_document *doc_cache_get(struct doc_cache *c, const char *text, size_t len);
/* Parse text again into the cache's own memory and keep it (the caller validated it).
 * When the cache is full, it is emptied first. NULL when caching is off or parsing fails. */
const struct gql_document *doc_cache_put(struct doc_cache *c, const char *text, size_t len,
                                         const struct gql_limits *lim);

/* compat.c: when text is one of the known client documents that the spec rejects (matched by
 * token fingerprint), apply its documented correction to doc (parsed from text) and return
 * the document's name; NULL otherwise (doc untouched). */
const char *api_compat_fix(struct arena *a, const char *text, size_t len, struct gql_document *doc);

/* analyze.c: static limits of one operation. */
struct api_analysis {
    size_t depth;       /* deepest selection set (root fields are depth 1) */
    size_t aliases;     /* aliased fields, fragments expanded */
    int64_t cost;       /* estimated cost (see analyze.c) */
    bool introspection; /* asks for __schema or __type */
};
void api_analyze(const struct gql_schema *s, const struct gql_document *doc,
                 const struct gql_operation *op, const struct gql_value *variables,
                 struct api_analysis *out);
/* The operation called name, or the only one when name is NULL; NULL when there is none (or
 * several and no name). */
const struct gql_operation *api_find_operation(const struct gql_document *doc, const char *name);

#endif
