/*
 * api.h: the GraphQL surface: the schema of the marketplace (schema.graphql, compiled in) bound
 * to its resolvers (resolvers.c), and the GraphQL-over-HTTP handlers for /graphql/ and
 * /wms/graphql/ (graphql_http.c). One struct api per worker process, built at start-up: a
 * schema that does not bind (a root field without resolver, a map naming no field) stops the
 * worker with a message naming the field.
 */
#ifndef WM_API_API_H
#define WM_API_API_H

#include <stdbool.h>
#include <stddef.h>

#include "http/http.h"

struct api;
struct buf;
struct config;
struct wm_ctx;
struct gql_schema;

/*
 * Build the schema and the per-process document cache from cfg. Returns WM_OK, or WM_EINVAL
 * with a message in err (errlen bytes) naming what does not bind.
 */
int api_open(struct api **out, const struct config *cfg, char *err, size_t errlen);
void api_close(struct api *api);

/* The process schema (read only). */
const struct gql_schema *api_schema(const struct api *api);

/* Where api_execute() finds the text of a variable: a string, or NULL when absent. */
typedef const char *api_var_fn(void *ud, const char *name);

/* Where api_execute() finds the index-th file (from 0) of an Upload variable (a multipart
 * form's file field of that name), or NULL when there is no such file. */
typedef const struct http_file *api_file_fn(void *ud, const char *name, size_t index);

/*
 * Run the operation op_name (NULL: the only one) of the GraphQL document text (len bytes, a NUL
 * after it) in process, exactly as POST /graphql/ would: the same schema, parse and
 * validation through the document cache, the same limits, one transaction per mutation root
 * field, and the viewer already in ctx (the caller authenticated the request). Each variable
 * the operation declares is looked up by name through var(ud, name) and coerced from text as
 * an HTML form sends it: String, ID, enums and custom scalars as the text; Int and Float parsed
 * (text that is not a number is passed on, so the engine reports it); Boolean true for "on",
 * "true", "1" or "yes" and false otherwise, absent included (an unticked checkbox); an absent
 * variable of another type, or an empty one that is not a String, is left out (null or its
 * default). A Float may be written with the decimal mark var(ud, "_decimal") gives ("," or
 * "."; NULL: ".") and the other mark between groups of three digits ("1.234,50"). An Upload
 * variable is the non-empty file file(ud, name, 0) gives (file may be NULL). A list variable
 * [T] is read from rows: name.0, name.1 ... (up to 50 of them) for a scalar or enum T,
 * name.N.<field> for an input object T (a row whose fields are all blank is skipped, so a form
 * may offer empty rows to fill in), every non-empty file file(ud, name, N) for [Upload]; the
 * list is left out when the form has no row of it at all, and is [] when all are blank. An
 * input object that is not in a list is left out. The result object ({"data":...} with
 * "errors" when there are some, graphql-js's shape) is appended to out.
 * Returns WM_OK when the operation ran (its errors are in the result), or WM_EINTERNAL with a
 * message when the document does not parse or validate or names no such operation: the
 * caller's own document is wrong.
 */
int api_execute(struct wm_ctx *ctx, const char *text, size_t len, const char *op_name,
                api_var_fn *var, api_file_fn *file, void *ud, struct buf *out);

/* Whether op_name (NULL: the only one) of document text is a mutation; false when the document
 * does not parse or has no such operation. */
bool api_is_mutation(struct wm_ctx *ctx, const char *text, size_t len, const char *op_name);

/* GET or POST /graphql/ and /wms/graphql/: GraphQL over HTTP (application/json and
 * application/graphql-response+json, GET for queries, batches, multipart uploads). */
http_handler_fn api_graphql;

/* GET /graphql/schema.graphql: the SDL (404 when introspection is off). */
http_handler_fn api_schema_sdl;

/* The SDL text compiled in from src/api/schema.graphql (generated file). */
extern const char api_schema_text[];
extern const size_t api_schema_text_len;

#endif
