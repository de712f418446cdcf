/*
 * api.h: the GraphQL surface: the schema of the marketplace (schema.graphql, compiled in) bound
 * to its resolvers (resolvers.c), and the GraphQL-over-HTTP handlers for /graphql/ and
 * /wms/graphql/ (graphql_http.c). One struct api per worker process, built at start-up: a
 * schema that does not bind (a root field without resolver, a map naming no field) stops the
 * worker with a message naming the field.
 */
#ifndef WM_API_API_H
#define WM_API_API_H

#include <stddef.h>

#include "http/http.h"

struct api;
struct config;
struct gql_schema;

/*
 * Build the schema and the per-process document cache from cfg. Returns WM_OK, or WM_EINVAL
 * with a message in err (errlen bytes) naming what does not bind.
 */
int api_open(struct api **out, const struct config *cfg, char *err, size_t errlen);
void api_close(struct api *api);

/* The process schema (read only). */
const struct gql_schema *api_schema(const struct api *api);

/* GET or POST /graphql/ and /wms/graphql/: GraphQL over HTTP (application/json and
 * application/graphql-response+json, GET for queries, batches, multipart uploads). */
http_handler_fn api_graphql;

/* GET /graphql/schema.graphql: the SDL (404 when introspection is off). */
http_handler_fn api_schema_sdl;

/* The SDL text compiled in from src/api/schema.graphql (generated file). */
extern const char api_schema_text[];
extern const size_t api_schema_text_len;

#endif
