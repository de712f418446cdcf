/*
 * printer.c: AST values and type references back to GraphQL text, exactly as graphql-js
 * print() writes them (the forms that appear in validation messages and in introspection's
 * defaultValue). Strings are UTF-8 throughout; escaping follows printString and
 * printBlockString. Output goes to a struct buf, or to an arena string.
 * Reference: graphql-js src/language/printer.ts, printString.ts, blockString.ts.
 */
#include "graphql/language/ast.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"

void gql_append_string(struct buf *b, struct str s)
{
    static const char short_escapes[] = {
        ['\b'] = 'b', ['\t'] = 't', ['\n'] = 'n', ['\f'] = 'f', ['\r'] = 'r'
    };
    const unsigned char *p = (const unsigned char *)s.ptr;
    size_t run = 0; /* start of the bytes not yet copied */
    buf_appendc(b, '"');
    for (size_t i = 0; i < s.len; i++) {
        unsigned c = p[i];
        /* U+0080..U+009F are two bytes, C2 80..C2 9F. */
        bool c1_control = c == 0xC2 && i + 1 < s.len && p[i + 1] >= 0x80 && p[i + 1] <= 0x9F;
        if (!(c < 0x20 || c == 0x7F || c == '"' || c == '\\' || c1_control)) continue;
        unsigned escape_cp = c1_control ? p[i + 1] : c;
        size_t width = c1_control ? 2 : 1;
        buf_append(b, s.ptr + run, i - run);
        if (escape_cp == '"' || escape_cp == '\\') {
            buf_appendc(b, '\\');
            buf_appendc(b, (char)escape_cp);
        } else if (escape_cp < sizeof short_escapes && short_escapes[escape_cp] != 0) {
            buf_appendc(b, '\\');
            buf_appendc(b, short_escapes[escape_cp]);
        } else {
            buf_appendf(b, "\\u%04X", escape_cp);
        }
        i += width - 1;
        run = i + 1;
    }
    buf_append(b, s.ptr + run, s.len - run);
    buf_appendc(b, '"');
}

static bool is_white_space(int c)
{
    return c == ' ' || c == '\t';
}

/* UTF-16 code units in s (graphql-js measures string.length). */
static size_t utf16_length(struct str s)
{
    size_t n = 0;
    for (size_t i = 0; i < s.len; i++) {
        unsigned char c = (unsigned char)s.ptr[i];
        n += (c & 0xC0) != 0x80;
        n += c >= 0xF0;
    }
    return n;
}

/* Whether s ends with suffix. */
static bool ends_with(struct str s, const char *suffix)
{
    size_t n = strlen(suffix);
    return s.len >= n && memcmp(s.ptr + s.len - n, suffix, n) == 0;
}

void gql_append_block_string(struct buf *b, struct str s)
{
    /* The escaped value: """ becomes \""". */
    struct buf esc = BUF_INIT(NULL);
    for (size_t i = 0; i < s.len; i++) {
        if (i + 2 < s.len && memcmp(s.ptr + i, "\"\"\"", 3) == 0) {
            buf_appends(&esc, "\\\"\"\"");
            i += 2;
        } else {
            buf_appendc(&esc, s.ptr[i]);
        }
    }
    struct str e = buf_str(&esc);

    /* Split into lines at \r\n, \n or \r: single line, and whether every line after the first
     * is empty or starts with white space (then a leading newline keeps the indentation). */
    bool is_single_line = true;
    bool force_leading_newline = true;
    for (size_t i = 0; i < e.len; i++) {
        if (e.ptr[i] != '\n' && e.ptr[i] != '\r') continue;
        if (e.ptr[i] == '\r' && i + 1 < e.len && e.ptr[i + 1] == '\n') i++;
        is_single_line = false;
        size_t next = i + 1;
        if (next < e.len && e.ptr[next] != '\n' && e.ptr[next] != '\r' &&
            !is_white_space(e.ptr[next]))
            force_leading_newline = false;
    }
    if (is_single_line) force_leading_newline = false;
    bool has_trailing_triple_quotes = ends_with(e, "\\\"\"\"");
    bool has_trailing_quote = ends_with(s, "\"") && !has_trailing_triple_quotes;
    bool has_trailing_slash = ends_with(s, "\\");
    bool force_trailing_newline = has_trailing_quote || has_trailing_slash;
    bool print_as_multiple_lines = !is_single_line || utf16_length(s) > 70 ||
                                   force_trailing_newline || force_leading_newline ||
                                   has_trailing_triple_quotes;
    bool skip_leading_newline = is_single_line && s.len > 0 && is_white_space(s.ptr[0]);

    buf_appends(b, "\"\"\"");
    if ((print_as_multiple_lines && !skip_leading_newline) || force_leading_newline)
        buf_appendc(b, '\n');
    buf_append_str(b, e);
    if (print_as_multiple_lines || force_trailing_newline) buf_appendc(b, '\n');
    buf_appends(b, "\"\"\"");
    buf_release(&esc);
}

void gql_append_value(struct buf *b, const struct gql_ast_value *v)
{
    switch (v->node.kind) {
    case GQL_VARIABLE:
        buf_appendc(b, '$');
        buf_append_str(b, v->str);
        break;
    case GQL_INT_VALUE:
    case GQL_FLOAT_VALUE:
    case GQL_ENUM_VALUE:
        buf_append_str(b, v->str);
        break;
    case GQL_STRING_VALUE:
        if (v->block)
            gql_append_block_string(b, v->str);
        else
            gql_append_string(b, v->str);
        break;
    case GQL_BOOLEAN_VALUE:
        buf_appends(b, v->boolean ? "true" : "false");
        break;
    case GQL_NULL_VALUE:
        buf_appends(b, "null");
        break;
    case GQL_LIST_VALUE:
        buf_appendc(b, '[');
        for (size_t i = 0; i < v->list.count; i++) {
            if (i > 0) buf_appends(b, ", ");
            gql_append_value(b, v->list.items[i]);
        }
        buf_appendc(b, ']');
        break;
    case GQL_OBJECT_VALUE:
        buf_appendc(b, '{');
        for (size_t i = 0; i < v->fields.count; i++) {
            if (i > 0) buf_appends(b, ", ");
            buf_append_str(b, v->fields.items[i]->name);
            buf_appends(b, ": ");
            gql_append_value(b, v->fields.items[i]->value);
        }
        buf_appendc(b, '}');
        break;
    default:
        assert(!"not a value node");
    }
}

const char *gql_print_value(struct arena *a, const struct gql_ast_value *v)
{
    struct buf b = BUF_INIT(a);
    gql_append_value(&b, v);
    return b.ptr;
}

void gql_append_type_ref(struct buf *b, const struct gql_type_ref *t)
{
    switch (t->node.kind) {
    case GQL_NAMED_TYPE:
        buf_append_str(b, t->name);
        break;
    case GQL_LIST_TYPE:
        buf_appendc(b, '[');
        gql_append_type_ref(b, t->of);
        buf_appendc(b, ']');
        break;
    case GQL_NON_NULL_TYPE:
        gql_append_type_ref(b, t->of);
        buf_appendc(b, '!');
        break;
    default:
        assert(!"not a type node");
    }
}

const char *gql_print_type_ref(struct arena *a, const struct gql_type_ref *t)
{
    struct buf b = BUF_INIT(a);
    gql_append_type_ref(&b, t);
    return b.ptr;
}
