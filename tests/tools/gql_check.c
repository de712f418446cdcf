/*
 * gql_check.c: the C side of the differential test of our GraphQL engine against graphql-js
 * (tests/graphql/run-differential). For every document of the corpus it parses, validates and
 * executes through the public API of src/graphql/graphql.h and prints one JSON line in the
 * format tests/graphql-js/differential.mjs prints for graphql-js:
 *   {"file":..., "parse":"ok"|"error", "valid":bool, "errors":N, "messages":[...],
 *    "locations":[[[line,col],...],...], "result":<response JSON or null>}
 * The schema is built from the corpus SDL with dynamic type maps (fields read by name from
 * GQL_V_OBJECT values loaded from data.json); root fields read the member of data.json named
 * like the field, except root fields called echo* which return their coerced arguments as
 * JSON text (written as JavaScript's JSON.stringify writes them, so both sides agree).
 *
 *   gql-check [--corpus DIR] [FILE...]                   one line per document (default: all)
 *   gql-check --sdl FILE --query FILE [--data FILE] [--vars FILE] [--operation NAME]
 *                                                        the response JSON of one query
 *
 * A test tool: it may use json-c and aborts on setup errors; the engine is used as an app would.
 */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "core/json_out.h"
#include "graphql/graphql.h"
#include "graphql/type/scalars.h"
#include "dynamic_schema.h"

/* What the root resolver reads, reached through ctx->user. */
struct driver {
    const struct gql_schema *schema;
    const struct gql_value *data; /* OBJECT from data.json, or NULL */
};

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("gql-check: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}

/* The whole file at path, NUL-terminated, in arena a; NULL when it does not exist. */
static char *read_file(struct arena *a, const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (errno == ENOENT) return NULL;
        die("%s: %s", path, strerror(errno));
    }
    struct buf b = BUF_INIT(a);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        buf_append(&b, chunk, n);
    if (ferror(f)) die("%s: read error", path);
    fclose(f);
    *len = b.len;
    return b.ptr;
}

/* ---- JSON (json-c) to engine values ---------------------------------------------------------- */

/* v as an engine value in arena a; objects with a "__typename" string member get that type (the
 * concrete type of an abstract field, as graphql-js's default type resolver reads it). */
static struct gql_value from_json(struct arena *a, const struct gql_schema *s,
                                  struct json_object *v)
{
    switch (json_object_get_type(v)) {
    case json_type_null:
        return gql_null();
    case json_type_boolean:
        return gql_bool(json_object_get_boolean(v));
    case json_type_int:
        return gql_int(json_object_get_int64(v));
    case json_type_double:
        return gql_float(json_object_get_double(v));
    case json_type_string: {
        size_t n = (size_t)json_object_get_string_len(v);
        return gql_string_n((struct str){ arena_memdup(a, json_object_get_string(v), n + 1), n });
    }
    case json_type_array: {
        size_t n = json_object_array_length(v);
        struct gql_value l = gql_list(a, n);
        for (size_t i = 0; i < n; i++)
            l.u.list.items[i] = from_json(a, s, json_object_array_get_idx(v, i));
        return l;
    }
    case json_type_object: {
        struct gql_value o = gql_object(a, (size_t)json_object_object_length(v));
        json_object_object_foreach(v, key, val)
        {
            gql_object_set(a, &o, arena_strdup(a, key), from_json(a, s, val));
            if (strcmp(key, "__typename") == 0 && json_object_is_type(val, json_type_string)) {
                const char *t = json_object_get_string(val);
                o.type = gql_schema_type(s, t, strlen(t));
            }
        }
        return o;
    }
    }
    return gql_null();
}

/* The JSON file at path as an engine value; *found false (and null) when it does not exist. */
static struct gql_value load_json(struct arena *a, const struct gql_schema *s, const char *path,
                                  bool *found)
{
    size_t len;
    char *text = read_file(a, path, &len);
    *found = text != NULL;
    if (!text) return gql_null();
    struct json_tokener *tok = json_tokener_new_ex(JSON_TOKENER_DEFAULT_DEPTH);
    json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
    struct json_object *root = json_tokener_parse_ex(tok, text, (int)len);
    if (!root || json_tokener_get_error(tok) != json_tokener_success)
        die("%s: invalid JSON (%s)", path, json_tokener_error_desc(json_tokener_get_error(tok)));
    json_tokener_free(tok);
    struct gql_value v = from_json(a, s, root);
    json_object_put(root);
    return v;
}

/* ---- engine values to JSON text, as JavaScript's JSON.stringify writes them ------------------ */

/* A JSON string as JSON.stringify writes it: only '"', '\\' and C0 controls are escaped. */
static void js_string(struct buf *b, const char *s, size_t n)
{
    buf_appendc(b, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"':
            buf_appends(b, "\\\"");
            break;
        case '\\':
            buf_appends(b, "\\\\");
            break;
        case '\b':
            buf_appends(b, "\\b");
            break;
        case '\f':
            buf_appends(b, "\\f");
            break;
        case '\n':
            buf_appends(b, "\\n");
            break;
        case '\r':
            buf_appends(b, "\\r");
            break;
        case '\t':
            buf_appends(b, "\\t");
            break;
        default:
            if (c < 0x20)
                buf_appendf(b, "\\u%04x", c);
            else
                buf_appendc(b, (char)c);
        }
    }
    buf_appendc(b, '"');
}

/* v as JSON.stringify writes the value graphql-js hands a resolver: enum values are their
 * names, a JSONString argument is the JSON text (a string), UNDEFINED members are left out and
 * UNDEFINED list items written as null. */
static void js_stringify(struct buf *b, const struct gql_value *v)
{
    switch (v->kind) {
    case GQL_V_UNDEFINED:
    case GQL_V_NULL:
    case GQL_V_PTR:
        buf_appends(b, "null");
        break;
    case GQL_V_BOOL:
        buf_appends(b, v->u.b ? "true" : "false");
        break;
    case GQL_V_INT:
        buf_append_int(b, v->u.i);
        break;
    case GQL_V_FLOAT:
        if (isfinite(v->u.f))
            gql_js_number(b, v->u.f);
        else
            buf_appends(b, "null"); /* JSON.stringify writes NaN and Infinity as null */
        break;
    case GQL_V_STRING:
    case GQL_V_ENUM:
    case GQL_V_JSON:
        js_string(b, v->u.s.ptr, v->u.s.len);
        break;
    case GQL_V_LIST:
        buf_appendc(b, '[');
        for (size_t i = 0; i < v->u.list.count; i++) {
            if (i) buf_appendc(b, ',');
            js_stringify(b, &v->u.list.items[i]);
        }
        buf_appendc(b, ']');
        break;
    case GQL_V_OBJECT: {
        buf_appendc(b, '{');
        bool first = true;
        for (size_t i = 0; i < v->u.obj.count; i++) {
            const struct gql_member *m = &v->u.obj.items[i];
            if (m->value->kind == GQL_V_UNDEFINED) continue;
            if (!first) buf_appendc(b, ',');
            first = false;
            js_string(b, m->key, strlen(m->key));
            buf_appendc(b, ':');
            js_stringify(b, m->value);
        }
        buf_appendc(b, '}');
        break;
    }
    }
}

/* ---- the schema and its resolvers ------------------------------------------------------------ */

/* Every root field: echo* fields return their arguments as JSON text; any other field reads
 * the member of data.json with its name (absent: null, as graphql-js reads undefined). */
static int resolve_root(struct gql_call *call, struct gql_value *out)
{
    const struct driver *d = call->ctx->user;
    const char *name = call->field->name;
    if (strncmp(name, "echo", 4) == 0) {
        struct buf b = BUF_INIT(call->ctx->arena);
        js_stringify(&b, &call->args);
        *out = gql_string_n(buf_str(&b));
        return WM_OK;
    }
    const struct gql_value *v = d->data ? gql_object_get(d->data, name) : NULL;
    *out = v ? *v : gql_null();
    return WM_OK;
}

/* ---- one document ---------------------------------------------------------------------------- */

/* The NAME of a line "# operation: NAME" in text, or NULL (see tests/graphql-js/README.md). */
static const char *operation_name(struct arena *a, const char *text)
{
    for (const char *line = text; *line;) {
        const char *p = line;
        const char *eol = strchr(line, '\n');
        line = eol ? eol + 1 : line + strlen(line);
        if (*p++ != '#') continue;
        p += strspn(p, " \t");
        if (strncmp(p, "operation:", 10) != 0) continue;
        p += 10;
        p += strspn(p, " \t");
        size_t n = strspn(p, "_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
        if (n == 0 || (*p >= '0' && *p <= '9')) continue;
        const char *rest = p + n;
        rest += strspn(rest, " \t\r");
        if (*rest == '\n' || *rest == '\0') return arena_strndup(a, p, n);
    }
    return NULL;
}

static void write_errors(struct json_out *j, const struct gql_errors *errs)
{
    json_key(j, "errors");
    json_int(j, (int64_t)errs->count);
    json_key(j, "messages");
    json_arr_begin(j);
    for (size_t i = 0; i < errs->count; i++)
        json_str(j, errs->items[i].message);
    json_arr_end(j);
    json_key(j, "locations");
    json_arr_begin(j);
    for (size_t i = 0; i < errs->count; i++) {
        json_arr_begin(j);
        for (size_t k = 0; k < errs->items[i].nlocations; k++) {
            json_arr_begin(j);
            json_int(j, errs->items[i].locations[k].line);
            json_int(j, errs->items[i].locations[k].column);
            json_arr_end(j);
        }
        json_arr_end(j);
    }
    json_arr_end(j);
}

/* Parse, validate and (when valid) execute the document at path; print its line to stdout (or,
 * response_only, just the response JSON of executing it). */
static void check_document(struct driver *d, const char *corpus, const char *path,
                           const char *label, bool response_only, const char *vars_path,
                           const char *op_override)
{
    struct arena *a = arena_new(0);
    struct wm_ctx ctx = { .arena = a, .user = d };
    size_t len;
    char *text = read_file(a, path, &len);
    if (!text) die("%s: %s", path, strerror(ENOENT));

    struct gql_limits lim = { GQL_DEFAULT_MAX_TOKENS, GQL_DEFAULT_MAX_DEPTH,
                              GQL_DEFAULT_MAX_ERRORS };
    struct gql_errors errs = { 0 };
    struct gql_document *doc = NULL;
    struct buf line = BUF_INIT(a);
    struct json_out j;
    json_out_init(&j, &line);
    if (!response_only) {
        json_obj_begin(&j);
        json_key(&j, "file");
        json_str(&j, label);
    }
    int rc = gql_parse(a, text, len, &lim, &doc, &errs);
    if (rc != WM_OK) {
        if (response_only) die("%s: %s", path, errs.count ? errs.items[0].message : "parse error");
        json_key(&j, "parse");
        json_str(&j, "error");
        json_key(&j, "valid");
        json_boolean(&j, false);
        write_errors(&j, &errs);
        json_key(&j, "result");
        json_null(&j);
        json_obj_end(&j);
        goto done;
    }
    rc = gql_validate(a, d->schema, doc, &lim, &errs);
    if (response_only && rc != WM_OK)
        die("%s: invalid: %s", path, errs.count ? errs.items[0].message : "?");
    if (!response_only) {
        json_key(&j, "parse");
        json_str(&j, "ok");
        json_key(&j, "valid");
        json_boolean(&j, rc == WM_OK && errs.count == 0);
        write_errors(&j, &errs);
        json_key(&j, "result");
    }
    if (rc != WM_OK || errs.count > 0) {
        json_null(&j);
    } else {
        /* variables/NNN.json beside the corpus, NNN being the document's number */
        char vpath[4096];
        const char *vp = vars_path;
        if (!vp && corpus) {
            const char *base = strrchr(path, '/');
            base = base ? base + 1 : path;
            size_t digits = strspn(base, "0123456789");
            if (digits > 0 && base[digits] == '-') {
                snprintf(vpath, sizeof(vpath), "%s/variables/%.*s.json", corpus, (int)digits, base);
                vp = vpath;
            }
        }
        bool found = false;
        struct gql_value vars = vp ? load_json(a, d->schema, vp, &found) : gql_null();
        if (vars_path && !found) die("%s: %s", vars_path, strerror(ENOENT));
        struct gql_result res;
        const char *op = op_override ? op_override : operation_name(a, text);
        gql_execute(&ctx, d->schema, doc, op, found ? &vars : NULL, NULL, &res);
        gql_result_write(&res, &j);
    }
    if (!response_only) json_obj_end(&j);
done:
    fwrite(line.ptr, 1, line.len, stdout);
    fputc('\n', stdout);
    fflush(stdout);
    arena_free(a);
}

static int by_name(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

int main(int argc, char **argv)
{
    const char *corpus = "tests/graphql/corpus", *sdl_path = NULL, *query = NULL;
    const char *data_path = NULL, *vars_path = NULL, *op = NULL;
    int nfiles = 0;
    char **files = calloc((size_t)argc + 1, sizeof(*files));
    if (!files) die("out of memory");
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        bool has_value = i + 1 < argc;
        if (strcmp(arg, "--corpus") == 0 && has_value)
            corpus = argv[++i];
        else if (strcmp(arg, "--sdl") == 0 && has_value)
            sdl_path = argv[++i];
        else if (strcmp(arg, "--query") == 0 && has_value)
            query = argv[++i];
        else if (strcmp(arg, "--data") == 0 && has_value)
            data_path = argv[++i];
        else if (strcmp(arg, "--vars") == 0 && has_value)
            vars_path = argv[++i];
        else if (strcmp(arg, "--operation") == 0 && has_value)
            op = argv[++i];
        else if (arg[0] == '-')
            die("usage: gql-check [--corpus DIR] [FILE...] | --sdl FILE --query FILE [--data FILE] "
                "[--vars FILE] [--operation NAME]");
        else
            files[nfiles++] = argv[i];
    }

    struct arena *keep = arena_new(0); /* schema text, data: for the whole run */
    char path[4096];
    if (!sdl_path) {
        snprintf(path, sizeof(path), "%s/schema.graphql", corpus);
        sdl_path = arena_strdup(keep, path);
    }
    size_t sdl_len;
    char *sdl = read_file(keep, sdl_path, &sdl_len);
    if (!sdl) die("%s: %s", sdl_path, strerror(ENOENT));
    char berr[512];
    struct gql_schema *schema =
            dynamic_schema_build(keep, sdl, sdl_len, resolve_root, berr, sizeof(berr));
    if (!schema) die("schema: %s", berr);

    if (!data_path && !query) {
        snprintf(path, sizeof(path), "%s/data.json", corpus);
        data_path = arena_strdup(keep, path);
    }
    struct driver d = { schema, NULL };
    struct gql_value data;
    if (data_path) {
        bool found;
        data = load_json(keep, schema, data_path, &found);
        if (!found) die("%s: %s", data_path, strerror(ENOENT));
        d.data = &data;
    }

    if (query) {
        check_document(&d, NULL, query, query, true, vars_path, op);
    } else if (nfiles > 0) {
        for (int i = 0; i < nfiles; i++) {
            const char *base = strrchr(files[i], '/');
            check_document(&d, corpus, files[i], base ? base + 1 : files[i], false, NULL, NULL);
        }
    } else {
        DIR *dir = opendir(corpus);
        if (!dir) die("%s: %s", corpus, strerror(errno));
        size_t n = 0, cap = 1024;
        char **names = calloc(cap, sizeof(*names));
        if (!names) die("out of memory");
        for (struct dirent *e; (e = readdir(dir));) {
            size_t l = strlen(e->d_name);
            if (e->d_name[0] < '0' || e->d_name[0] > '9' || l < 9 ||
                strcmp(e->d_name + l - 8, ".graphql") != 0)
                continue;
            if (n == cap) {
                char **more = realloc(names, (cap *= 2) * sizeof(*names));
                if (!more) die("out of memory");
                names = more;
            }
            names[n] = strdup(e->d_name);
            if (!names[n++]) die("out of memory");
        }
        closedir(dir);
        qsort(names, n, sizeof(*names), by_name);
        for (size_t i = 0; i < n; i++) {
            snprintf(path, sizeof(path), "%s/%s", corpus, names[i]);
            check_document(&d, corpus, path, names[i], false, NULL, NULL);
            free(names[i]);
        }
        free(names);
    }
    gql_schema_free(schema);
    arena_free(keep);
    free(files);
    return 0;
}
