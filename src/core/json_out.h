/*
 * json_out.h: a streaming JSON writer into a struct buf. It tracks nesting and commas so the
 * caller writes keys and values in order; strings are escaped by buf_append_json_str().
 * It never fails; misuse (nesting deeper than JSON_OUT_MAX_DEPTH, a key outside an object, a
 * value where a key is due, an end that does not match its begin) is a programmer error
 * (assert).
 *
 *     json_obj_begin(&j); json_key(&j, "id"); json_int(&j, 7); json_obj_end(&j);  -> {"id":7}
 */
#ifndef WM_CORE_JSON_OUT_H
#define WM_CORE_JSON_OUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

#define JSON_OUT_MAX_DEPTH 128

struct json_out {
    struct buf *b;
    int depth;                               /* open objects and arrays; 0 = top level */
    bool need_comma[JSON_OUT_MAX_DEPTH + 1]; /* per level: a value was written already */
    bool is_obj[JSON_OUT_MAX_DEPTH + 1];     /* per level: an object (else an array) */
    bool after_key;                          /* the next value follows a key: no comma */
};

/* Start writing into b (appending to what b already holds). Nothing to release. */
void json_out_init(struct json_out *j, struct buf *b);
void json_obj_begin(struct json_out *j);
void json_obj_end(struct json_out *j);
void json_arr_begin(struct json_out *j);
void json_arr_end(struct json_out *j);
/* An object member's name (escaped); the next call must write its value. */
void json_key(struct json_out *j, const char *key);
void json_key_n(struct json_out *j, const char *key, size_t n);
void json_str(struct json_out *j, const char *s);             /* NULL writes null */
void json_str_n(struct json_out *j, const char *s, size_t n); /* NULL writes null */
void json_int(struct json_out *j, int64_t v);
/* Shortest text that reads back as the same double (%.15g, else %.16g, else %.17g), so 1.0 is
 * written 1 and 0.1 is 0.1 (as JavaScript's JSON.stringify does); non-finite writes null. */
void json_double(struct json_out *j, double v);
void json_boolean(struct json_out *j, bool v);
void json_null(struct json_out *j);
/* Make room for one value that another writer appends straight to j->b (a separator when one
 * is due); the caller must then write exactly one complete JSON value there. */
void json_raw_begin(struct json_out *j);
/* Already-serialized JSON text (n > 0 bytes), inserted as one value. Not checked. */
void json_raw(struct json_out *j, const char *s, size_t n);
/* True when every object and array begun has been ended. */
bool json_out_is_complete(const struct json_out *j);

#endif
