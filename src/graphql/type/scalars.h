/*
 * scalars.h: inside the type module: the coercion rules of every scalar the engine knows by
 * name, and the helpers their messages and checks need (a runtime value as graphql-js
 * inspect() shows it, JavaScript's number printing, a strict JSON check, RFC 3339 dates).
 * Other modules reach scalars only through struct gql_type.scalar.
 * Reference: graphql-js src/type/scalars.ts, src/jsutils/inspect.ts.
 */
#ifndef WM_GRAPHQL_TYPE_SCALARS_H
#define WM_GRAPHQL_TYPE_SCALARS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"
#include "graphql/graphql.h"

/* The five scalars of spec 3.5, in graphql-js specifiedScalarTypes order. */
extern const struct gql_scalar_ops gql_scalar_int;
extern const struct gql_scalar_ops gql_scalar_float;
extern const struct gql_scalar_ops gql_scalar_string;
extern const struct gql_scalar_ops gql_scalar_boolean;
extern const struct gql_scalar_ops gql_scalar_id;

/*
 * The custom scalars bound by name when an SDL declares them.
 *   DateTime: output an RFC 3339 date-time with a zone as given; MariaDB DATETIME text
 *     "2026-11-26 15:20:18[.ffffff]" taken as UTC ("2026-11-26T15:20:18Z"); an INT as seconds
 *     since the epoch. Input a date-time with a zone, or a date alone (the contract's SDL
 *     allows it), checked and handed on as the STRING given.
 *   Date: "2026-11-26" in and out, the day checked against the month.
 *   JSONString (graphene): output a JSON string holding JSON text: GQL_V_JSON, or a STRING
 *     that holds JSON (a TEXT column), checked; any other plain value is written as JSON
 *     first. Input a string that must hold JSON, or an object or list (the client sends both,
 *     client-contract README 3b), handed on as GQL_V_JSON text.
 *   GenericScalar (graphene): any JSON value in and out (checked on output: no C objects, no
 *     NaN); literals of every kind, enum names as strings, variables inside substituted.
 *   Upload (multipart request spec): input only, the GQL_V_PTR the multipart handler put in
 *     place of the variable's null; a literal or an output is an error.
 *   Any other scalar: values pass through as GenericScalar's do (graphql-js's default).
 */
extern const struct gql_scalar_ops gql_scalar_datetime;
extern const struct gql_scalar_ops gql_scalar_date;
extern const struct gql_scalar_ops gql_scalar_json_string;
extern const struct gql_scalar_ops gql_scalar_generic;
extern const struct gql_scalar_ops gql_scalar_upload;
extern const struct gql_scalar_ops gql_scalar_pass_through;

/* True for Int, Float, String, Boolean and ID. */
bool gql_is_specified_scalar(const char *name);

/* The coercion for the scalar called name: a specified or known custom scalar, or
 * gql_scalar_pass_through for any other name. Never NULL. */
const struct gql_scalar_ops *gql_scalar_ops_for(const char *name);

/* Append v as graphql-js inspect() shows a JavaScript value in messages: strings quoted,
 * numbers as JavaScript prints them, lists "[1, 2]", objects "{ a: 1 }", two levels deep. */
void gql_value_inspect(struct buf *b, const struct gql_value *v);

/* Append d as JavaScript's String(d) ("1.5", "100", "1e+21", "NaN", "Infinity"). */
void gql_js_number(struct buf *b, double d);

/* True when the n bytes at s are exactly one JSON text (RFC 8259; whitespace around it
 * allowed, UTF-8 checked inside strings, nesting at most 512 deep). */
bool gql_json_is_valid(const char *s, size_t n);

/* True for an RFC 3339 date-time with a time zone ("2026-11-26T15:20:18.123Z"). */
bool gql_is_date_time(struct str s);
/* True for an RFC 3339 full-date ("2026-11-26"), with the days of the month checked. */
bool gql_is_date(struct str s);

#endif
