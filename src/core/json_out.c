/*
 * json_out.c: the streaming JSON writer of json_out.h. Each level remembers whether it holds
 * a value already (so the next one needs a comma) and whether it is an object; a key sets
 * after_key so its value is written without a comma. The GraphQL result serializer and the
 * JSON pages write everything through here.
 */
#include "core/json_out.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void json_out_init(struct json_out *j, struct buf *b)
{
    memset(j, 0, sizeof(*j));
    j->b = b;
}

/* Write the separator a value needs at this point and note that the level has one now.
 * In an object a value must follow its key. */
static void before_value(struct json_out *j)
{
    if (j->after_key) {
        j->after_key = false;
        return;
    }
    assert(!j->is_obj[j->depth] && "json_out: value in an object without a key");
    if (j->need_comma[j->depth]) buf_appendc(j->b, ',');
    j->need_comma[j->depth] = true;
}

static void begin(struct json_out *j, bool obj)
{
    before_value(j);
    assert(j->depth < JSON_OUT_MAX_DEPTH && "json_out: nesting too deep");
    buf_appendc(j->b, obj ? '{' : '[');
    j->depth++;
    j->need_comma[j->depth] = false;
    j->is_obj[j->depth] = obj;
}

static void end(struct json_out *j, bool obj)
{
    assert(j->depth > 0 && "json_out: end without begin");
    assert(j->is_obj[j->depth] == obj && "json_out: end does not match begin");
    assert(!j->after_key && "json_out: key without a value");
    buf_appendc(j->b, obj ? '}' : ']');
    j->depth--;
}

void json_obj_begin(struct json_out *j)
{
    begin(j, true);
}

void json_obj_end(struct json_out *j)
{
    end(j, true);
}

void json_arr_begin(struct json_out *j)
{
    begin(j, false);
}

void json_arr_end(struct json_out *j)
{
    end(j, false);
}

void json_key_n(struct json_out *j, const char *key, size_t n)
{
    assert(j->depth > 0 && j->is_obj[j->depth] && "json_out: key outside an object");
    assert(!j->after_key && "json_out: two keys in a row");
    if (j->need_comma[j->depth]) buf_appendc(j->b, ',');
    j->need_comma[j->depth] = true;
    buf_append_json_str(j->b, key, n);
    buf_appendc(j->b, ':');
    j->after_key = true;
}

void json_key(struct json_out *j, const char *key)
{
    assert(key);
    json_key_n(j, key, strlen(key));
}

void json_str_n(struct json_out *j, const char *s, size_t n)
{
    if (!s) {
        json_null(j);
        return;
    }
    before_value(j);
    buf_append_json_str(j->b, s, n);
}

void json_str(struct json_out *j, const char *s)
{
    if (!s) {
        json_null(j);
        return;
    }
    json_str_n(j, s, strlen(s));
}

void json_int(struct json_out *j, int64_t v)
{
    before_value(j);
    buf_append_int(j->b, v);
}

void json_double(struct json_out *j, double v)
{
    if (!isfinite(v)) {
        json_null(j);
        return;
    }
    char tmp[40];
    for (int prec = 15; prec <= 17; prec++) {
        (void)snprintf(tmp, sizeof(tmp), "%.*g", prec, v);
        if (strtod(tmp, NULL) == v) break;
    }
    /* A locale with a decimal comma must not leak into JSON. */
    for (char *p = tmp; *p; p++)
        if (*p == ',') *p = '.';
    before_value(j);
    buf_appends(j->b, tmp);
}

void json_boolean(struct json_out *j, bool v)
{
    before_value(j);
    buf_appends(j->b, v ? "true" : "false");
}

void json_null(struct json_out *j)
{
    before_value(j);
    buf_appends(j->b, "null");
}

void json_raw(struct json_out *j, const char *s, size_t n)
{
    assert(n > 0 && "json_out: empty raw value");
    before_value(j);
    buf_append(j->b, s, n);
}

void json_raw_begin(struct json_out *j)
{
    before_value(j);
}

bool json_out_is_complete(const struct json_out *j)
{
    return j->depth == 0 && !j->after_key;
}
