/*
 * shared_gql.h: what every domain's GraphQL adapter needs the same way: reading arguments
 * into C values (null and absent alike mean "not given", as the app sends explicit nulls for
 * "unchanged") and answering a mutation with the {success, message[, object]} payload the app
 * reads, where a refusal the user can act on is a payload and changes nothing.
 */
#ifndef WM_MARKET_SHARED_GQL_H
#define WM_MARKET_SHARED_GQL_H

#include <stdbool.h>
#include <stdint.h>

#include "graphql/graphql.h"

struct wm_ctx;

/*
 * The String (or enum) argument name as an arena copy in *out; absent_value (NULL or "") when
 * it is null or absent. WM_EINVAL, naming the argument but never its value, when it holds a
 * NUL character, which C strings cannot carry.
 */
int shared_gql_arg_text(const struct gql_call *call, const char *name, const char *absent_value,
                        const char **out);

/* A Boolean, Float (an Int is accepted) or Int argument: *has false when null or absent. */
void shared_gql_arg_bool(const struct gql_call *call, const char *name, bool *has, bool *out);
void shared_gql_arg_float(const struct gql_call *call, const char *name, bool *has, double *out);
void shared_gql_arg_int(const struct gql_call *call, const char *name, bool *has, int64_t *out);

/*
 * A price in major units: the Float (or Int) member name of obj, or the argument name when obj
 * is NULL, into integer minor units (rounded to the nearest), *has set true; both are left as
 * they were when it is null or absent (so two spellings may feed one value).
 * WM_EINVAL "<name> must be a price of 0 or more" for a negative, non-finite or absurd (over
 * 10^12) value.
 */
int shared_gql_arg_money(struct gql_call *call, const struct gql_value *obj, const char *name,
                         bool *has, int64_t *minor);

/*
 * The ID (or Int) argument name as a positive id in *id. A malformed, zero or negative one is
 * WM_ENOTFOUND "<what> '<text>' not found": the same answer as an id that does not exist.
 */
int shared_gql_arg_id(struct gql_call *call, const char *name, const char *what, int64_t *id);

/*
 * A Relay PageInfo object {hasNextPage, hasPreviousPage, startCursor, endCursor} (the cursors
 * null when NULL, an empty page's) and an edge {cursor, node} around a source object.
 */
struct gql_value shared_gql_page_info(struct wm_ctx *ctx, bool has_next, bool has_previous,
                                      const char *start, const char *end);
struct gql_value shared_gql_edge(struct wm_ctx *ctx, const char *cursor, const void *node);

/*
 * Answer a mutation that ended with rc: {success: true, message: ok_message, key: value} on
 * WM_OK. A refusal the user can act on (WM_EINVAL, WM_ENOTFOUND, WM_ECONFLICT, WM_ELIMIT, and
 * WM_EUNAUTH while someone is signed in: a wrong password or code) becomes {success: false,
 * message: the reason, key: null} and what the field wrote is rolled back, leaving an empty
 * transaction for the surface to commit. Anything else (nobody signed in, a forbidden action,
 * a database error) is returned for the executor to report as a GraphQL error. key may be
 * NULL for none. Returns WM_OK or that error.
 */
int shared_gql_payload(struct gql_call *call, int rc, const char *ok_message, const char *key,
                       struct gql_value value, struct gql_value *out);

#endif
