/*
 * lexer.c: GraphQL source text to tokens (spec section 2.1, October 2021). One read_* function
 * per token class, called from read_token() on the first character. The source is UTF-8;
 * positions are byte offsets, while columns count UTF-16 code units as graphql-js does (its
 * source is a JavaScript string), so locations in our errors match graphql-js's.
 * Invariant: a read either fills a token and moves lx->pos past it, or fails with lx->error set
 * and lx->pos unchanged; nothing is allocated except decoded string values.
 * Reference: graphql-js src/language/lexer.ts, blockString.ts, characterClasses.ts.
 */
#include "graphql/language/lexer.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"

static const char *const token_descs[] = {
#define X(name, desc) desc,
    GQL_TOKEN_MAP(X)
#undef X
};

const char *gql_token_kind_desc(enum gql_token_kind kind)
{
    assert((unsigned)kind < GQL_TOKEN_KIND_COUNT);
    return token_descs[kind];
}

/* ---- character classes (characterClasses.ts) --------------------------------------------- */

static bool is_digit(int c)
{
    return c >= '0' && c <= '9';
}

/* NameStart :: Letter or `_` */
static bool is_name_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_surrogate(uint32_t cp)
{
    return cp >= 0xD800 && cp <= 0xDFFF;
}

/* A Unicode scalar value: any code point but a surrogate. */
static bool is_scalar(uint32_t cp)
{
    return cp <= 0x10FFFF && !is_surrogate(cp);
}

static int hex_digit(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

/* The byte at pos, or -1 past the end (graphql-js charCodeAt() giving NaN). */
static int at(const struct gql_lexer *lx, size_t pos)
{
    return pos < lx->len ? (unsigned char)lx->src[pos] : -1;
}

/*
 * Decode the UTF-8 sequence at s (n bytes available) into *cp. Returns its length, or 0 when
 * the bytes are not UTF-8 (bad lead or continuation byte, truncated, overlong, above
 * U+10FFFF). Encoded surrogates decode (the caller rejects them, as graphql-js rejects
 * unpaired surrogates), so that messages can name them "U+D800".
 */
static size_t decode_utf8(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned char c = s[0];
    size_t k;
    uint32_t v;
    uint32_t min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        k = 2, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        k = 3, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        k = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (n < k) return 0;
    for (size_t i = 1; i < k; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF) return 0;
    *cp = v;
    return k;
}

/* Write cp (a scalar value) as UTF-8 at out; returns the bytes written. */
static size_t encode_utf8(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    } else if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    } else if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* UTF-16 code units in n bytes of UTF-8: one per character, two for those above U+FFFF. */
static uint32_t utf16_units(const char *p, size_t n)
{
    uint32_t units = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        units += (c & 0xC0) != 0x80;
        units += c >= 0xF0;
    }
    return units;
}

struct gql_loc gql_source_loc(const char *src, size_t len, size_t pos)
{
    uint32_t line = 1;
    size_t line_start = 0;
    if (pos > len) pos = len;
    for (size_t i = 0; i < pos; i++) {
        if (src[i] == '\n' || src[i] == '\r') {
            if (src[i] == '\r' && i + 1 < len && src[i + 1] == '\n') i++;
            if (i >= pos) break;
            line++;
            line_start = i + 1;
        }
    }
    return (struct gql_loc){ line, 1 + utf16_units(src + line_start, pos - line_start) };
}

/* ---- errors ------------------------------------------------------------------------------ */

/* Record the error at byte offset pos; returns WM_EINVAL. */
static int lex_error(struct gql_lexer *lx, size_t pos, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

static int lex_error(struct gql_lexer *lx, size_t pos, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    (void)vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    lx->error = arena_strdup(lx->arena, msg);
    lx->error_loc = gql_source_loc(lx->src, lx->len, pos);
    return WM_EINVAL;
}

/*
 * The character at pos for a message (graphql-js printCodePointAt): <EOF> past the end,
 * printable ASCII quoted ("a", or '"' for the double quote), anything else as U+XXXX. Bytes
 * that are not UTF-8 (which a JavaScript string cannot hold) print as 0xFF (not UTF-8).
 */
static const char *print_char_at(const struct gql_lexer *lx, size_t pos, char out[32])
{
    if (pos >= lx->len) return "<EOF>";
    const unsigned char *s = (const unsigned char *)lx->src + pos;
    if (*s >= 0x20 && *s <= 0x7E) {
        if (*s == '"') return "'\"'";
        (void)snprintf(out, 32, "\"%c\"", *s);
        return out;
    }
    uint32_t cp;
    if (decode_utf8(s, lx->len - pos, &cp) == 0)
        (void)snprintf(out, 32, "0x%02X (not UTF-8)", *s);
    else
        (void)snprintf(out, 32, "U+%04X", (unsigned)cp);
    return out;
}

/*
 * The source text at from, units UTF-16 code units of it as graphql-js slices it (a character
 * above U+FFFF that the count would split is kept whole), clipped to the source, for quoting
 * in a message (escape sequences: at most 12 units). A NUL byte, which a message (a C string)
 * cannot hold, becomes U+FFFD.
 */
static const char *quote_source(const struct gql_lexer *lx, size_t from, size_t units, char out[64])
{
    const unsigned char *s = (const unsigned char *)lx->src;
    size_t n = 0;
    size_t i = from;
    while (units > 0 && i < lx->len && n + 8 < 64) {
        uint32_t cp;
        size_t k = decode_utf8(s + i, lx->len - i, &cp);
        if (k == 0) k = 1; /* not UTF-8: one byte */
        if (s[i] == '\0') {
            memcpy(out + n, "\xEF\xBF\xBD", 3);
            n += 3;
        } else {
            memcpy(out + n, s + i, k);
            n += k;
        }
        i += k;
        units -= (k == 4 && units >= 2) ? 2 : 1;
    }
    out[n] = '\0';
    return out;
}

/* ---- positions --------------------------------------------------------------------------- */

static void new_line(struct gql_lexer *lx, size_t pos)
{
    lx->line++;
    lx->line_start = pos;
    lx->line_extra = 0;
}

/* A character of k bytes that is cp was consumed on the current line: remember how many more
 * bytes than UTF-16 units it takes, so that columns stay in units. */
static void count_wide(struct gql_lexer *lx, size_t k, uint32_t cp)
{
    lx->line_extra += k - (cp >= 0x10000 ? 2 : 1);
}

/* The 1-based column of pos on the current line, in UTF-16 units; every wide character
 * before pos on this line has gone through count_wide(). */
static uint32_t column_at(const struct gql_lexer *lx, size_t pos)
{
    return (uint32_t)(pos - lx->line_start - lx->line_extra + 1);
}

static void fill_token(struct gql_token *tok, enum gql_token_kind kind, uint32_t line,
                       uint32_t column, size_t start, size_t end)
{
    tok->kind = kind;
    tok->line = line;
    tok->column = column;
    tok->start = start;
    tok->end = end;
}

/* A token at [start, end) on the current line, with an empty value (a slice at start). Only
 * for tokens without wide characters inside: strings take their column before their body. */
static void make_token(struct gql_lexer *lx, struct gql_token *tok, enum gql_token_kind kind,
                       size_t start, size_t end)
{
    fill_token(tok, kind, lx->line, column_at(lx, start), start, end);
    tok->value = (struct str){ lx->src + start, 0 };
}

/* ---- token readers ----------------------------------------------------------------------- */

/*
 * Comment :: # CommentChar* [lookahead != CommentChar]
 * CommentChar :: SourceCharacter but not LineTerminator
 * Returns where the comment ends. Like graphql-js, a character that is not a source
 * character ends it too, and read_token() then reports that character.
 */
static size_t read_comment(struct gql_lexer *lx, size_t pos)
{
    const unsigned char *s = (const unsigned char *)lx->src;
    pos++;
    while (pos < lx->len) {
        /* Eight printable ASCII bytes at a time: none below 0x20, none above 0x7F. */
        while (pos + 8 <= lx->len) {
            uint64_t w;
            memcpy(&w, s + pos, 8);
            uint64_t low = (w - 0x2020202020202020u) & ~w & 0x8080808080808080u;
            if ((low | (w & 0x8080808080808080u)) != 0) break;
            pos += 8;
        }
        if (pos >= lx->len) break;
        unsigned char c = s[pos];
        if (c >= 0x20 && c < 0x80) {
            pos++;
            continue;
        }
        if (c == '\n' || c == '\r') break;
        if (c < 0x80) {
            pos++;
            continue;
        }
        uint32_t cp;
        size_t k = decode_utf8(s + pos, lx->len - pos, &cp);
        if (k == 0 || is_surrogate(cp)) break;
        count_wide(lx, k, cp);
        pos += k;
    }
    return pos;
}

/* Digit+ at *pos; fails naming the character found instead. */
static int read_digits(struct gql_lexer *lx, size_t *pos)
{
    char buf[32];
    if (!is_digit(at(lx, *pos)))
        return lex_error(lx, *pos, "Invalid number, expected digit but got: %s.",
                         print_char_at(lx, *pos, buf));
    while (is_digit(at(lx, *pos)))
        (*pos)++;
    return WM_OK;
}

/*
 * IntValue :: IntegerPart [lookahead != {Digit, `.`, NameStart}]
 * IntegerPart :: NegativeSign? 0 | NegativeSign? NonZeroDigit Digit*
 * FloatValue ::
 *   - IntegerPart FractionalPart ExponentPart [lookahead != {Digit, `.`, NameStart}]
 *   - IntegerPart FractionalPart [lookahead != {Digit, `.`, NameStart}]
 *   - IntegerPart ExponentPart [lookahead != {Digit, `.`, NameStart}]
 * FractionalPart :: . Digit+
 * ExponentPart :: ExponentIndicator Sign? Digit+
 */
static int read_number(struct gql_lexer *lx, size_t start, struct gql_token *tok)
{
    char buf[32];
    size_t pos = start;
    bool is_float = false;
    int rc;
    if (at(lx, pos) == '-') pos++;
    if (at(lx, pos) == '0') {
        pos++;
        if (is_digit(at(lx, pos)))
            return lex_error(lx, pos, "Invalid number, unexpected digit after 0: %s.",
                             print_char_at(lx, pos, buf));
    } else if ((rc = read_digits(lx, &pos)) != WM_OK) {
        return rc;
    }
    if (at(lx, pos) == '.') {
        is_float = true;
        pos++;
        if ((rc = read_digits(lx, &pos)) != WM_OK) return rc;
    }
    if (at(lx, pos) == 'e' || at(lx, pos) == 'E') {
        is_float = true;
        pos++;
        if (at(lx, pos) == '+' || at(lx, pos) == '-') pos++;
        if ((rc = read_digits(lx, &pos)) != WM_OK) return rc;
    }
    if (at(lx, pos) == '.' || is_name_start(at(lx, pos)))
        return lex_error(lx, pos, "Invalid number, expected digit but got: %s.",
                         print_char_at(lx, pos, buf));
    make_token(lx, tok, is_float ? GQL_TOKEN_FLOAT : GQL_TOKEN_INT, start, pos);
    tok->value.len = pos - start;
    lx->pos = pos;
    return WM_OK;
}

/* NameContinue :: Letter, Digit or `_`, by byte: names are most of a document, and a table
 * costs one load a byte. */
/* clang-format off */
#define RUN8(c) [c] = 1, [(c) + 1] = 1, [(c) + 2] = 1, [(c) + 3] = 1, \
                [(c) + 4] = 1, [(c) + 5] = 1, [(c) + 6] = 1, [(c) + 7] = 1
static const unsigned char name_continue[256] = {
    RUN8('0'), ['8'] = 1, ['9'] = 1,
    RUN8('A'), RUN8('I'), RUN8('Q'), ['Y'] = 1, ['Z'] = 1,
    ['_'] = 1,
    RUN8('a'), RUN8('i'), RUN8('q'), ['y'] = 1, ['z'] = 1,
};
#undef RUN8
/* clang-format on */

/* Name :: NameStart NameContinue* [lookahead != NameContinue] */
static void read_name(struct gql_lexer *lx, size_t start, struct gql_token *tok)
{
    const unsigned char *s = (const unsigned char *)lx->src;
    size_t pos = start + 1;
    while (pos < lx->len && name_continue[s[pos]])
        pos++;
    make_token(lx, tok, GQL_TOKEN_NAME, start, pos);
    tok->value.len = pos - start;
    lx->pos = pos;
}

/* EscapedUnicode :: `{` HexDigit+ `}` (the backslash is at pos): at most \u{00000000}, and
 * the value must be a scalar value. */
static int read_escaped_unicode_variable(struct gql_lexer *lx, size_t pos, uint32_t *cp,
                                         size_t *size)
{
    uint32_t point = 0;
    size_t n = 3;
    while (n < 12) {
        int c = at(lx, pos + n++);
        if (c == '}') {
            if (n < 5 || !is_scalar(point)) break;
            *cp = point;
            *size = n;
            return WM_OK;
        }
        int h = hex_digit(c);
        if (h < 0) break;
        /* graphql-js shifts a 32-bit signed integer and stops when it turns negative. */
        point = (point << 4) | (uint32_t)h;
        if (point & 0x80000000u) break;
    }
    char quoted[64];
    return lex_error(lx, pos, "Invalid Unicode escape sequence: \"%s\".",
                     quote_source(lx, pos, n, quoted));
}

/* Four hex digits at pos as a number, or -1. */
static int32_t read_hex4(const struct gql_lexer *lx, size_t pos)
{
    int32_t v = 0;
    for (size_t i = 0; i < 4; i++) {
        int h = hex_digit(at(lx, pos + i));
        if (h < 0) return -1;
        v = (v << 4) | h;
    }
    return v;
}

/* EscapedUnicode :: HexDigit HexDigit HexDigit HexDigit (the backslash is at pos). A leading
 * surrogate must be followed by an escaped trailing one, together one supplementary
 * character (JSON-style pairs); any other surrogate is an error. */
static int read_escaped_unicode_fixed(struct gql_lexer *lx, size_t pos, uint32_t *cp, size_t *size)
{
    int32_t code = read_hex4(lx, pos + 2);
    if (code >= 0 && is_scalar((uint32_t)code)) {
        *cp = (uint32_t)code;
        *size = 6;
        return WM_OK;
    }
    if (code >= 0xD800 && code <= 0xDBFF && at(lx, pos + 6) == '\\' && at(lx, pos + 7) == 'u') {
        int32_t trail = read_hex4(lx, pos + 8);
        if (trail >= 0xDC00 && trail <= 0xDFFF) {
            *cp = 0x10000 + (((uint32_t)code - 0xD800) << 10) + ((uint32_t)trail - 0xDC00);
            *size = 12;
            return WM_OK;
        }
    }
    char quoted[64];
    return lex_error(lx, pos, "Invalid Unicode escape sequence: \"%s\".",
                     quote_source(lx, pos, 6, quoted));
}

/* EscapedCharacter :: one of `"` `\` `/` `b` `f` `n` `r` `t` (the backslash is at pos). */
static int read_escaped_character(struct gql_lexer *lx, size_t pos, uint32_t *cp, size_t *size)
{
    static const char from[] = "\"\\/bfnrt";
    static const char to[] = "\"\\/\b\f\n\r\t";
    int c = at(lx, pos + 1);
    const char *hit = c > 0 ? strchr(from, c) : NULL;
    char quoted[64];
    if (hit == NULL)
        return lex_error(lx, pos, "Invalid character escape sequence: \"%s\".",
                         quote_source(lx, pos, 2, quoted));
    *cp = (unsigned char)to[hit - from];
    *size = 2;
    return WM_OK;
}

/*
 * Scan the string whose opening quote is at start, validating every character and escape.
 * With out == NULL only measure: *end gets the offset after the closing quote and *escaped
 * whether a backslash occurs. With out, also write the decoded value there (never longer than
 * the raw text) and its length to *outlen.
 */
static int scan_string(struct gql_lexer *lx, size_t start, char *out, size_t *outlen, size_t *end,
                       bool *escaped)
{
    const unsigned char *s = (const unsigned char *)lx->src;
    size_t pos = start + 1;
    size_t chunk = pos;
    size_t n = 0;
    char buf[32];
    int rc;
    while (pos < lx->len) {
        unsigned char c = s[pos];
        if (c == '"') {
            if (out) memcpy(out + n, s + chunk, pos - chunk);
            n += pos - chunk;
            *outlen = n;
            *end = pos + 1;
            return WM_OK;
        }
        if (c == '\\') {
            if (out) memcpy(out + n, s + chunk, pos - chunk);
            n += pos - chunk;
            *escaped = true;
            uint32_t cp = 0;
            size_t size = 0;
            if (at(lx, pos + 1) == 'u' && at(lx, pos + 2) == '{')
                rc = read_escaped_unicode_variable(lx, pos, &cp, &size);
            else if (at(lx, pos + 1) == 'u')
                rc = read_escaped_unicode_fixed(lx, pos, &cp, &size);
            else
                rc = read_escaped_character(lx, pos, &cp, &size);
            if (rc != WM_OK) return rc;
            if (out) n += encode_utf8(cp, out + n);
            pos += size;
            chunk = pos;
            continue;
        }
        if (c == '\n' || c == '\r') break;
        if (c < 0x80) {
            pos++;
            continue;
        }
        uint32_t cp;
        size_t k = decode_utf8(s + pos, lx->len - pos, &cp);
        if (k == 0 || is_surrogate(cp))
            return lex_error(lx, pos, "Invalid character within String: %s.",
                             print_char_at(lx, pos, buf));
        if (out == NULL) count_wide(lx, k, cp);
        pos += k;
    }
    return lex_error(lx, pos, "Unterminated string.");
}

/*
 * StringValue ::
 *   - `""` [lookahead != `"`]
 *   - `"` StringCharacter+ `"`
 * StringCharacter ::
 *   - SourceCharacter but not `"` or `\` or LineTerminator
 *   - `\u` EscapedUnicode
 *   - `\` EscapedCharacter
 * The value is a slice of the source unless the string has escapes.
 */
static int read_string(struct gql_lexer *lx, size_t start, struct gql_token *tok)
{
    size_t end = 0;
    size_t n = 0;
    bool escaped = false;
    uint32_t column = column_at(lx, start); /* before the scan counts the characters inside */
    int rc = scan_string(lx, start, NULL, &n, &end, &escaped);
    if (rc != WM_OK) return rc;
    fill_token(tok, GQL_TOKEN_STRING, lx->line, column, start, end);
    if (escaped) {
        char *out = arena_alloc(lx->arena, end - start);
        rc = scan_string(lx, start, out, &n, &end, &escaped);
        assert(rc == WM_OK);
        tok->value = (struct str){ out, n };
    } else {
        tok->value = (struct str){ lx->src + start + 1, n };
    }
    lx->pos = end;
    return WM_OK;
}

/*
 * StringValue :: `"""` BlockStringCharacter* `"""`
 * BlockStringCharacter ::
 *   - SourceCharacter but not `"""` or `\"""`
 *   - `\"""`
 * Line terminators inside count as lines; the value is BlockStringValue() of the raw text.
 */
static int read_block_string(struct gql_lexer *lx, size_t start, struct gql_token *tok)
{
    const unsigned char *s = (const unsigned char *)lx->src;
    size_t pos = start + 3;
    char buf[32];
    /* The token starts on the current line: place it before counting the lines inside. */
    uint32_t line = lx->line;
    uint32_t column = column_at(lx, start);
    while (pos < lx->len) {
        unsigned char c = s[pos];
        if (c == '"' && at(lx, pos + 1) == '"' && at(lx, pos + 2) == '"') {
            fill_token(tok, GQL_TOKEN_BLOCK_STRING, line, column, start, pos + 3);
            tok->value = gql_block_string_value(
                    lx->arena, (struct str){ lx->src + start + 3, pos - start - 3 });
            lx->pos = pos + 3;
            return WM_OK;
        }
        if (c == '\\' && at(lx, pos + 1) == '"' && at(lx, pos + 2) == '"' &&
            at(lx, pos + 3) == '"') {
            pos += 4;
            continue;
        }
        if (c == '\n' || c == '\r') {
            pos += (c == '\r' && at(lx, pos + 1) == '\n') ? 2 : 1;
            new_line(lx, pos);
            continue;
        }
        if (c < 0x80) {
            pos++;
            continue;
        }
        uint32_t cp;
        size_t k = decode_utf8(s + pos, lx->len - pos, &cp);
        if (k == 0 || is_surrogate(cp))
            return lex_error(lx, pos, "Invalid character within String: %s.",
                             print_char_at(lx, pos, buf));
        count_wide(lx, k, cp);
        pos += k;
    }
    return lex_error(lx, pos, "Unterminated string.");
}

/* A character no token starts with. */
static int unexpected_character(struct gql_lexer *lx, size_t pos)
{
    char buf[32];
    const unsigned char *s = (const unsigned char *)lx->src + pos;
    uint32_t cp = 0;
    if (*s == '\'')
        return lex_error(lx, pos,
                         "Unexpected single quote character ('), did you mean to use a double "
                         "quote (\")?");
    size_t k = decode_utf8(s, lx->len - pos, &cp);
    if (k != 0 && !is_surrogate(cp))
        return lex_error(lx, pos, "Unexpected character: %s.", print_char_at(lx, pos, buf));
    return lex_error(lx, pos, "Invalid character: %s.", print_char_at(lx, pos, buf));
}

/* Punctuator :: one of ! $ & ( ) ... : = @ [ ] { | }
 * The one-character punctuators by character; 0 (GQL_TOKEN_SOF) for the others. */
static const unsigned char punctuators[128] = {
    ['!'] = GQL_TOKEN_BANG,      ['$'] = GQL_TOKEN_DOLLAR,  ['&'] = GQL_TOKEN_AMP,
    ['('] = GQL_TOKEN_PAREN_L,   [')'] = GQL_TOKEN_PAREN_R, [':'] = GQL_TOKEN_COLON,
    ['='] = GQL_TOKEN_EQUALS,    ['@'] = GQL_TOKEN_AT,      ['['] = GQL_TOKEN_BRACKET_L,
    [']'] = GQL_TOKEN_BRACKET_R, ['{'] = GQL_TOKEN_BRACE_L, ['|'] = GQL_TOKEN_PIPE,
    ['}'] = GQL_TOKEN_BRACE_R,
};

/* Skip the ignored tokens, then read one token (never a comment) into *tok. */
static int read_token(struct gql_lexer *lx, struct gql_token *tok)
{
    const unsigned char *s = (const unsigned char *)lx->src;
    size_t pos = lx->pos;
    enum gql_token_kind kind;
    while (pos < lx->len) {
        unsigned char c = s[pos];
        /* Ignored :: UnicodeBOM | WhiteSpace | LineTerminator | Comment | Comma
         * WhiteSpace and commas come in runs (indentation): skip them before the switch. */
        while (c == ' ' || c == '\t' || c == ',') {
            if (++pos == lx->len) goto eof;
            c = s[pos];
        }
        switch (c) {
        case '\n':
            pos++;
            new_line(lx, pos);
            continue;
        case '\r':
            pos += at(lx, pos + 1) == '\n' ? 2 : 1;
            new_line(lx, pos);
            continue;
        case 0xEF: /* UnicodeBOM :: "Byte Order Mark (U+FEFF)" */
            if (at(lx, pos + 1) == 0xBB && at(lx, pos + 2) == 0xBF) {
                count_wide(lx, 3, 0xFEFF);
                pos += 3;
                continue;
            }
            break;
        case '#':
            pos = read_comment(lx, pos);
            continue;
        case '.':
            if (at(lx, pos + 1) == '.' && at(lx, pos + 2) == '.') {
                make_token(lx, tok, GQL_TOKEN_SPREAD, pos, pos + 3);
                lx->pos = pos + 3;
                return WM_OK;
            }
            break;
        case '"':
            lx->pos = pos;
            if (at(lx, pos + 1) == '"' && at(lx, pos + 2) == '"')
                return read_block_string(lx, pos, tok);
            return read_string(lx, pos, tok);
        default:
            lx->pos = pos;
            kind = c < 0x80 ? (enum gql_token_kind)punctuators[c] : GQL_TOKEN_SOF;
            if (kind != GQL_TOKEN_SOF) goto punctuator;
            if (is_digit(c) || c == '-') return read_number(lx, pos, tok);
            if (is_name_start(c)) {
                read_name(lx, pos, tok);
                return WM_OK;
            }
            break;
        }
        lx->pos = pos;
        return unexpected_character(lx, pos);

    punctuator:
        make_token(lx, tok, kind, pos, pos + 1);
        lx->pos = pos + 1;
        return WM_OK;
    }
eof:
    lx->pos = pos;
    make_token(lx, tok, GQL_TOKEN_EOF, pos, pos);
    return WM_OK;
}

/* ---- block strings (blockString.ts) ------------------------------------------------------ */

/* One line of a block string: [start, end) in the raw text, its indentation (leading spaces
 * and tabs) and whether it is blank (nothing but that). */
struct bs_line {
    size_t start;
    size_t end;
    size_t next; /* start of the following line; raw.len after the last */
    size_t indent;
};

static void bs_line_at(struct str raw, size_t start, struct bs_line *l)
{
    size_t i = start;
    l->start = start;
    while (i < raw.len && (raw.ptr[i] == ' ' || raw.ptr[i] == '\t'))
        i++;
    l->indent = i - start;
    while (i < raw.len && raw.ptr[i] != '\n' && raw.ptr[i] != '\r')
        i++;
    l->end = i;
    if (i < raw.len && raw.ptr[i] == '\r' && i + 1 < raw.len && raw.ptr[i + 1] == '\n')
        l->next = i + 2;
    else
        l->next = i < raw.len ? i + 1 : raw.len + 1;
}

/* True when the line holds the escape \""" at i. */
static bool bs_is_escape(struct str raw, const struct bs_line *l, size_t i)
{
    return raw.ptr[i] == '\\' && i + 3 < l->end && memcmp(raw.ptr + i + 1, "\"\"\"", 3) == 0;
}

/* Append line with its first skip bytes removed and \""" unescaped; returns the new length. */
static size_t bs_append(char *out, size_t n, struct str raw, const struct bs_line *l, size_t skip)
{
    size_t i = l->start + (skip < l->end - l->start ? skip : l->end - l->start);
    while (i < l->end) {
        if (bs_is_escape(raw, l, i)) i++; /* drop the backslash, keep the quotes */
        out[n++] = raw.ptr[i++];
    }
    return n;
}

struct str gql_block_string_value(struct arena *a, struct str raw)
{
    size_t common = SIZE_MAX;
    size_t first = SIZE_MAX; /* first and last non-blank lines */
    size_t last = 0;
    size_t first_start = 0;
    size_t last_end = 0;
    bool plain = true; /* no \r and no \""" escape anywhere */
    struct bs_line l;

    for (size_t at_ = 0, i = 0; at_ <= raw.len; at_ = l.next, i++) {
        bs_line_at(raw, at_, &l);
        if (l.end < raw.len && raw.ptr[l.end] == '\r') plain = false;
        for (size_t k = l.start; plain && k < l.end; k++) {
            if (bs_is_escape(raw, &l, k)) plain = false;
        }
        if (l.indent == l.end - l.start) continue; /* blank */
        if (first == SIZE_MAX) {
            first = i;
            first_start = l.start;
        }
        last = i;
        last_end = l.end;
        if (i != 0 && l.indent < common) common = l.indent;
    }
    if (first == SIZE_MAX) return (struct str){ raw.ptr, 0 };
    if (common == SIZE_MAX) common = 0;
    if (plain && first == last) {
        /* One line: a slice (dedented unless it is the first line). */
        size_t skip = first == 0 ? 0 : common;
        return (struct str){ raw.ptr + first_start + skip, last_end - first_start - skip };
    }
    if (plain && common == 0) return (struct str){ raw.ptr + first_start, last_end - first_start };

    char *out = arena_alloc(a, raw.len);
    size_t n = 0;
    size_t i = 0;
    for (size_t at_ = 0; at_ <= raw.len && i <= last; at_ = l.next, i++) {
        bs_line_at(raw, at_, &l);
        if (i < first) continue;
        if (i > first) out[n++] = '\n';
        n = bs_append(out, n, raw, &l, i == 0 ? 0 : common);
    }
    assert(n <= raw.len);
    return (struct str){ out, n };
}

/* ---- the lexer --------------------------------------------------------------------------- */

void gql_lexer_init(struct gql_lexer *lx, struct arena *a, const char *src, size_t len)
{
    memset(lx, 0, sizeof *lx);
    lx->src = src;
    lx->len = len;
    lx->line = 1;
    lx->arena = a;
    lx->token.kind = GQL_TOKEN_SOF;
    lx->token.value = (struct str){ src, 0 };
    lx->last = lx->token;
}

int gql_lex_next(struct gql_lexer *lx)
{
    if (lx->error != NULL) return WM_EINVAL;
    struct gql_token prev = lx->token;
    if (prev.kind == GQL_TOKEN_EOF) {
        lx->last = prev;
        return WM_OK;
    }
    if (lx->has_ahead) {
        lx->token = lx->ahead;
        lx->has_ahead = false;
    } else {
        /* Read in place (a read fills the token only when it succeeds): copying a token
         * just written field by field would stall on store forwarding. */
        int rc = read_token(lx, &lx->token);
        if (rc != WM_OK) return rc;
    }
    lx->last = prev;
    return WM_OK;
}

int gql_lex_peek(struct gql_lexer *lx, const struct gql_token **out)
{
    if (lx->error != NULL) return WM_EINVAL;
    if (lx->token.kind == GQL_TOKEN_EOF) {
        *out = &lx->token;
        return WM_OK;
    }
    if (!lx->has_ahead) {
        int rc = read_token(lx, &lx->ahead);
        if (rc != WM_OK) return rc;
        lx->has_ahead = true;
    }
    *out = &lx->ahead;
    return WM_OK;
}
