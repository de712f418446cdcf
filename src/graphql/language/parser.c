/*
 * parser.c: GraphQL text to an AST (spec sections 2 and 3, October 2021): a recursive-descent
 * parser with one parse_<production>() per production, each quoting it, over the lexer's
 * one-token lookahead. The first error stops the parse, as graphql-js throws: error paths
 * longjmp() back to gql_parse(), which is safe because every node lives in the arena and the
 * parser holds no other resource. Nesting (selection sets, list and object values, list
 * types) is capped by max_depth so that hostile input cannot exhaust the C stack, and the
 * token count by max_tokens (graphql-js maxTokens).
 * Reference: graphql-js src/language/parser.ts.
 */
#include "graphql/graphql.h"

#include <setjmp.h>
#include <stdarg.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "graphql/language/lexer.h"

struct parser {
    struct gql_lexer lx;
    struct arena *a;
    struct gql_errors *errs;
    size_t max_tokens; /* 0 = no limit */
    size_t max_depth;  /* 0 = no limit */
    size_t depth;      /* current nesting */
    size_t tokens;     /* significant tokens consumed, EOF excluded */
    int rc;            /* the code gql_parse() returns after a longjmp */
    jmp_buf fail;
};

/* The current token. */
#define TOK(p) (&(p)->lx.token)

/* Append item to an arena list (an anonymous GQL_LIST struct), doubling its capacity cap.
 * The items are pointers, so their size is a pointer's (hence the NOLINT). */
#define LIST_PUSH(p, list, cap, item)                                                         \
    do {                                                                                      \
        if ((list).count == (cap))                                                            \
            (list).items =                                                                    \
                    list_grow((p), (list).items, &(cap),                                      \
                              sizeof *(list).items); /* NOLINT(bugprone-sizeof-expression) */ \
        (list).items[(list).count++] = (item);                                                \
    } while (0)

static void *list_grow(struct parser *p, void *items, size_t *cap, size_t size)
{
    size_t ncap = *cap ? *cap * 2 : 4;
    void *n = arena_zalloc_array(p->a, ncap, size);
    if (*cap != 0) memcpy(n, items, *cap * size);
    *cap = ncap;
    return n;
}

static struct gql_loc tok_loc(const struct gql_token *t)
{
    return (struct gql_loc){ t->line, t->column };
}

/* A zeroed node of size bytes whose location is where token t starts. */
static void *new_node(struct parser *p, size_t size, enum gql_kind kind, const struct gql_token *t)
{
    struct gql_node *n = arena_zalloc(p->a, size);
    n->kind = kind;
    n->loc = tok_loc(t);
    return n;
}

#define NEW(p, T, kind, t) ((struct T *)new_node((p), sizeof(struct T), (kind), (t)))

/* ---- errors ------------------------------------------------------------------------------ */

/* Record "Syntax Error: <msg>" at loc and abandon the parse with code rc. */
static _Noreturn void fail_at(struct parser *p, int rc, struct gql_loc loc, const char *msg)
{
    if (p->errs != NULL)
        gql_error_add(p->a, p->errs, GQL_CODE_PARSE, &loc, NULL, "Syntax Error: %s", msg);
    p->rc = rc;
    longjmp(p->fail, 1);
}

/* The lexer failed: report its error. */
static _Noreturn void fail_lex(struct parser *p)
{
    fail_at(p, WM_EINVAL, p->lx.error_loc, p->lx.error);
}

/* "Name", "\"{\"" (punctuators quoted), "<EOF>" (graphql-js getTokenKindDesc). */
static const char *kind_desc(struct parser *p, enum gql_token_kind kind)
{
    if (gql_token_is_punctuator(kind))
        return arena_printf(p->a, "\"%s\"", gql_token_kind_desc(kind));
    return gql_token_kind_desc(kind);
}

/* The kind, then the value in quotes when the token has one: Name "x" (getTokenDesc). */
static const char *token_desc(struct parser *p, const struct gql_token *t)
{
    switch (t->kind) {
    case GQL_TOKEN_NAME:
    case GQL_TOKEN_INT:
    case GQL_TOKEN_FLOAT:
    case GQL_TOKEN_STRING:
    case GQL_TOKEN_BLOCK_STRING:
    case GQL_TOKEN_COMMENT: {
        /* The value as is; a NUL byte, which a message cannot hold, becomes U+FFFD. */
        struct buf b = BUF_INIT(p->a);
        buf_appendf(&b, "%s \"", gql_token_kind_desc(t->kind));
        for (size_t i = 0; i < t->value.len; i++) {
            if (t->value.ptr[i] == '\0')
                buf_appends(&b, "\xEF\xBF\xBD");
            else
                buf_appendc(&b, t->value.ptr[i]);
        }
        buf_appendc(&b, '"');
        return b.ptr;
    }
    default:
        return kind_desc(p, t->kind);
    }
}

/* "Unexpected <token>." at token t (graphql-js unexpected()). */
static _Noreturn void unexpected(struct parser *p, const struct gql_token *t)
{
    fail_at(p, WM_EINVAL, tok_loc(t), arena_printf(p->a, "Unexpected %s.", token_desc(p, t)));
}

/* ---- token helpers ----------------------------------------------------------------------- */

/* Move to the next token, counting it against max_tokens (graphql-js advanceLexer). */
static void advance(struct parser *p)
{
    if (gql_lex_next(&p->lx) != WM_OK) fail_lex(p);
    if (TOK(p)->kind != GQL_TOKEN_EOF && ++p->tokens > p->max_tokens && p->max_tokens != 0)
        fail_at(p, WM_ELIMIT, tok_loc(TOK(p)),
                arena_printf(p->a, "Document contains more than %zu tokens. Parsing aborted.",
                             p->max_tokens));
}

/* The token after the current one (graphql-js lookahead()). */
static const struct gql_token *lookahead(struct parser *p)
{
    const struct gql_token *t;
    if (gql_lex_peek(&p->lx, &t) != WM_OK) fail_lex(p);
    return t;
}

static bool peek(const struct parser *p, enum gql_token_kind kind)
{
    return p->lx.token.kind == kind;
}

/* Consume a token of this kind, or fail "Expected <kind>, found <token>.". Returns the
 * consumed token (valid until the next advance). */
static const struct gql_token *expect_token(struct parser *p, enum gql_token_kind kind)
{
    if (!peek(p, kind))
        fail_at(p, WM_EINVAL, tok_loc(TOK(p)),
                arena_printf(p->a, "Expected %s, found %s.", kind_desc(p, kind),
                             token_desc(p, TOK(p))));
    advance(p);
    return &p->lx.last;
}

/* Consume a token of this kind if it is the current one. */
static bool expect_optional_token(struct parser *p, enum gql_token_kind kind)
{
    if (!peek(p, kind)) return false;
    advance(p);
    return true;
}

static bool is_keyword(const struct gql_token *t, const char *word)
{
    return t->kind == GQL_TOKEN_NAME && str_eq_cstr(t->value, word);
}

/* Consume the name word, or fail "Expected "word", found <token>.". */
static void expect_keyword(struct parser *p, const char *word)
{
    if (!is_keyword(TOK(p), word))
        fail_at(p, WM_EINVAL, tok_loc(TOK(p)),
                arena_printf(p->a, "Expected \"%s\", found %s.", word, token_desc(p, TOK(p))));
    advance(p);
}

static bool expect_optional_keyword(struct parser *p, const char *word)
{
    if (!is_keyword(TOK(p), word)) return false;
    advance(p);
    return true;
}

/* One level deeper, at token t (which opens the level); fails past max_depth. */
static void enter_level(struct parser *p, const struct gql_token *t)
{
    if (++p->depth > p->max_depth && p->max_depth != 0)
        fail_at(p, WM_ELIMIT, tok_loc(t),
                arena_printf(p->a, "Document nesting is deeper than %zu levels.", p->max_depth));
}

static void leave_level(struct parser *p)
{
    p->depth--;
}

/* ---- names, types, values ---------------------------------------------------------------- */

/* Name :: NameStart NameContinue* (the token) */
static struct str parse_name(struct parser *p)
{
    return expect_token(p, GQL_TOKEN_NAME)->value;
}

/* A Name token, with where it starts in *loc. */
static struct str parse_name_at(struct parser *p, struct gql_loc *loc)
{
    *loc = tok_loc(TOK(p));
    return parse_name(p);
}

/* NamedType : Name */
static struct gql_type_ref *parse_named_type(struct parser *p)
{
    struct gql_type_ref *t = NEW(p, gql_type_ref, GQL_NAMED_TYPE, TOK(p));
    t->name = parse_name(p);
    return t;
}

/*
 * Type :
 *   - NamedType
 *   - ListType
 *     - [ Type ]
 *   - NonNullType
 *     - NamedType !
 *     - ListType !
 */
static struct gql_type_ref *parse_type_reference(struct parser *p)
{
    struct gql_token start = *TOK(p);
    struct gql_type_ref *type;
    if (peek(p, GQL_TOKEN_BRACKET_L)) {
        enter_level(p, &start);
        advance(p);
        type = NEW(p, gql_type_ref, GQL_LIST_TYPE, &start);
        type->of = parse_type_reference(p);
        expect_token(p, GQL_TOKEN_BRACKET_R);
        leave_level(p);
    } else {
        type = parse_named_type(p);
    }
    if (expect_optional_token(p, GQL_TOKEN_BANG)) {
        struct gql_type_ref *nn = NEW(p, gql_type_ref, GQL_NON_NULL_TYPE, &start);
        nn->of = type;
        return nn;
    }
    return type;
}

/* Variable : $ Name */
static struct gql_ast_value *parse_variable(struct parser *p)
{
    struct gql_ast_value *v = NEW(p, gql_ast_value, GQL_VARIABLE, TOK(p));
    expect_token(p, GQL_TOKEN_DOLLAR);
    v->str = parse_name(p);
    return v;
}

/* StringValue (either form; the token carries the decoded value) */
static struct gql_ast_value *parse_string_literal(struct parser *p)
{
    struct gql_ast_value *v = NEW(p, gql_ast_value, GQL_STRING_VALUE, TOK(p));
    v->str = TOK(p)->value;
    v->block = TOK(p)->kind == GQL_TOKEN_BLOCK_STRING;
    advance(p);
    return v;
}

static struct gql_ast_value *parse_value_literal(struct parser *p, bool is_const);

/*
 * ListValue[Const] :
 *   - [ ]
 *   - [ Value[?Const]+ ]
 */
static struct gql_ast_value *parse_list(struct parser *p, bool is_const)
{
    struct gql_ast_value *v = NEW(p, gql_ast_value, GQL_LIST_VALUE, TOK(p));
    size_t cap = 0;
    enter_level(p, TOK(p));
    expect_token(p, GQL_TOKEN_BRACKET_L);
    while (!expect_optional_token(p, GQL_TOKEN_BRACKET_R))
        LIST_PUSH(p, v->list, cap, parse_value_literal(p, is_const));
    leave_level(p);
    return v;
}

/* ObjectField[Const] : Name : Value[?Const] */
static struct gql_object_field *parse_object_field(struct parser *p, bool is_const)
{
    struct gql_object_field *f = NEW(p, gql_object_field, GQL_OBJECT_FIELD, TOK(p));
    f->name = parse_name(p);
    expect_token(p, GQL_TOKEN_COLON);
    f->value = parse_value_literal(p, is_const);
    return f;
}

/*
 * ObjectValue[Const] :
 *   - { }
 *   - { ObjectField[?Const]+ }
 */
static struct gql_ast_value *parse_object(struct parser *p, bool is_const)
{
    struct gql_ast_value *v = NEW(p, gql_ast_value, GQL_OBJECT_VALUE, TOK(p));
    size_t cap = 0;
    enter_level(p, TOK(p));
    expect_token(p, GQL_TOKEN_BRACE_L);
    while (!expect_optional_token(p, GQL_TOKEN_BRACE_R))
        LIST_PUSH(p, v->fields, cap, parse_object_field(p, is_const));
    leave_level(p);
    return v;
}

/*
 * Value[Const] :
 *   - [~Const] Variable
 *   - IntValue
 *   - FloatValue
 *   - StringValue
 *   - BooleanValue
 *   - NullValue
 *   - EnumValue
 *   - ListValue[?Const]
 *   - ObjectValue[?Const]
 *
 * BooleanValue : one of `true` `false`
 * NullValue : `null`
 * EnumValue : Name but not `true`, `false` or `null`
 */
static struct gql_ast_value *parse_value_literal(struct parser *p, bool is_const)
{
    const struct gql_token *t = TOK(p);
    struct gql_ast_value *v;
    switch (t->kind) {
    case GQL_TOKEN_BRACKET_L:
        return parse_list(p, is_const);
    case GQL_TOKEN_BRACE_L:
        return parse_object(p, is_const);
    case GQL_TOKEN_INT:
    case GQL_TOKEN_FLOAT:
        v = NEW(p, gql_ast_value, t->kind == GQL_TOKEN_INT ? GQL_INT_VALUE : GQL_FLOAT_VALUE, t);
        v->str = t->value;
        advance(p);
        return v;
    case GQL_TOKEN_STRING:
    case GQL_TOKEN_BLOCK_STRING:
        return parse_string_literal(p);
    case GQL_TOKEN_NAME:
        if (str_eq(t->value, STR("true")) || str_eq(t->value, STR("false"))) {
            v = NEW(p, gql_ast_value, GQL_BOOLEAN_VALUE, t);
            v->boolean = str_eq(t->value, STR("true"));
        } else if (str_eq(t->value, STR("null"))) {
            v = NEW(p, gql_ast_value, GQL_NULL_VALUE, t);
        } else {
            v = NEW(p, gql_ast_value, GQL_ENUM_VALUE, t);
        }
        v->str = t->value;
        advance(p);
        return v;
    case GQL_TOKEN_DOLLAR:
        if (is_const) {
            struct gql_token dollar = *t;
            advance(p);
            if (peek(p, GQL_TOKEN_NAME))
                fail_at(p, WM_EINVAL, tok_loc(&dollar),
                        arena_printf(p->a, "Unexpected variable \"$%.*s\" in constant value.",
                                     STR_FMT(TOK(p)->value))); /* a name: no NUL */
            unexpected(p, &dollar);
        }
        return parse_variable(p);
    default:
        unexpected(p, t);
    }
}

/* ---- directives and arguments ------------------------------------------------------------ */

/* Argument[Const] : Name : Value[?Const] */
static struct gql_argument *parse_argument(struct parser *p, bool is_const)
{
    struct gql_argument *arg = NEW(p, gql_argument, GQL_ARGUMENT, TOK(p));
    arg->name = parse_name(p);
    expect_token(p, GQL_TOKEN_COLON);
    arg->value = parse_value_literal(p, is_const);
    return arg;
}

/* Arguments[Const] : ( Argument[?Const]+ ) */
static gql_arguments parse_arguments(struct parser *p, bool is_const)
{
    gql_arguments args = { NULL, 0 };
    size_t cap = 0;
    if (expect_optional_token(p, GQL_TOKEN_PAREN_L)) {
        do {
            LIST_PUSH(p, args, cap, parse_argument(p, is_const));
        } while (!expect_optional_token(p, GQL_TOKEN_PAREN_R));
    }
    return args;
}

/* Directive[Const] : @ Name Arguments[?Const]? */
static struct gql_directive *parse_directive(struct parser *p, bool is_const)
{
    struct gql_directive *d = NEW(p, gql_directive, GQL_DIRECTIVE, TOK(p));
    expect_token(p, GQL_TOKEN_AT);
    d->name = parse_name(p);
    d->args = parse_arguments(p, is_const);
    return d;
}

/* Directives[Const] : Directive[?Const]+ */
static gql_directives parse_directives(struct parser *p, bool is_const)
{
    gql_directives dirs = { NULL, 0 };
    size_t cap = 0;
    while (peek(p, GQL_TOKEN_AT))
        LIST_PUSH(p, dirs, cap, parse_directive(p, is_const));
    return dirs;
}

/* ---- executable definitions -------------------------------------------------------------- */

static struct gql_selection_set *parse_selection_set(struct parser *p);

/* OperationType : one of query mutation subscription */
static enum gql_operation_type parse_operation_type(struct parser *p)
{
    const struct gql_token *t = expect_token(p, GQL_TOKEN_NAME);
    if (str_eq(t->value, STR("query"))) return GQL_QUERY;
    if (str_eq(t->value, STR("mutation"))) return GQL_MUTATION;
    if (str_eq(t->value, STR("subscription"))) return GQL_SUBSCRIPTION;
    unexpected(p, t);
}

/* VariableDefinition : Variable : Type DefaultValue? Directives[Const]?
 * DefaultValue : = Value[Const] */
static struct gql_variable_definition *parse_variable_definition(struct parser *p)
{
    struct gql_variable_definition *vd =
            NEW(p, gql_variable_definition, GQL_VARIABLE_DEFINITION, TOK(p));
    expect_token(p, GQL_TOKEN_DOLLAR);
    vd->name = parse_name_at(p, &vd->name_loc);
    expect_token(p, GQL_TOKEN_COLON);
    vd->type = parse_type_reference(p);
    if (expect_optional_token(p, GQL_TOKEN_EQUALS))
        vd->default_value = parse_value_literal(p, true);
    vd->directives = parse_directives(p, true);
    return vd;
}

/*
 * OperationDefinition :
 *   - SelectionSet
 *   - OperationType Name? VariableDefinitions? Directives? SelectionSet
 * VariableDefinitions : ( VariableDefinition+ )
 */
static struct gql_node *parse_operation_definition(struct parser *p)
{
    struct gql_operation *op = NEW(p, gql_operation, GQL_OPERATION_DEFINITION, TOK(p));
    if (peek(p, GQL_TOKEN_BRACE_L)) {
        op->operation = GQL_QUERY;
        op->selection_set = parse_selection_set(p);
        return &op->node;
    }
    op->operation = parse_operation_type(p);
    if (peek(p, GQL_TOKEN_NAME)) op->name = parse_name_at(p, &op->name_loc);
    if (expect_optional_token(p, GQL_TOKEN_PAREN_L)) {
        size_t cap = 0;
        do {
            LIST_PUSH(p, op->variables, cap, parse_variable_definition(p));
        } while (!expect_optional_token(p, GQL_TOKEN_PAREN_R));
    }
    op->directives = parse_directives(p, false);
    op->selection_set = parse_selection_set(p);
    return &op->node;
}

/* FragmentName : Name but not `on` (where it starts in *loc) */
static struct str parse_fragment_name(struct parser *p, struct gql_loc *loc)
{
    if (str_eq(TOK(p)->value, STR("on"))) unexpected(p, TOK(p));
    return parse_name_at(p, loc);
}

/*
 * Field : Alias? Name Arguments? Directives? SelectionSet?
 * Alias : Name :
 */
static struct gql_selection *parse_field(struct parser *p)
{
    struct gql_selection *f = NEW(p, gql_selection, GQL_FIELD, TOK(p));
    struct str name_or_alias = parse_name_at(p, &f->name_loc);
    if (expect_optional_token(p, GQL_TOKEN_COLON)) {
        f->alias = name_or_alias;
        f->name = parse_name_at(p, &f->name_loc);
    } else {
        f->name = name_or_alias;
    }
    f->args = parse_arguments(p, false);
    f->directives = parse_directives(p, false);
    if (peek(p, GQL_TOKEN_BRACE_L)) f->selection_set = parse_selection_set(p);
    return f;
}

/*
 * Corresponds to both FragmentSpread and InlineFragment in the spec.
 * FragmentSpread : ... FragmentName Directives?
 * InlineFragment : ... TypeCondition? Directives? SelectionSet
 * TypeCondition : on NamedType
 */
static struct gql_selection *parse_fragment(struct parser *p)
{
    struct gql_selection *s = NEW(p, gql_selection, GQL_INLINE_FRAGMENT, TOK(p));
    expect_token(p, GQL_TOKEN_SPREAD);
    bool has_type_condition = expect_optional_keyword(p, "on");
    if (!has_type_condition && peek(p, GQL_TOKEN_NAME)) {
        s->node.kind = GQL_FRAGMENT_SPREAD;
        s->name = parse_fragment_name(p, &s->name_loc);
        s->directives = parse_directives(p, false);
        return s;
    }
    if (has_type_condition) s->type_condition = parse_named_type(p);
    s->directives = parse_directives(p, false);
    s->selection_set = parse_selection_set(p);
    return s;
}

/* Selection : Field | FragmentSpread | InlineFragment */
static struct gql_selection *parse_selection(struct parser *p)
{
    return peek(p, GQL_TOKEN_SPREAD) ? parse_fragment(p) : parse_field(p);
}

/* SelectionSet : { Selection+ } */
static struct gql_selection_set *parse_selection_set(struct parser *p)
{
    struct gql_selection_set *ss = NEW(p, gql_selection_set, GQL_SELECTION_SET, TOK(p));
    size_t cap = 0;
    enter_level(p, TOK(p));
    expect_token(p, GQL_TOKEN_BRACE_L);
    do {
        LIST_PUSH(p, ss->selections, cap, parse_selection(p));
    } while (!expect_optional_token(p, GQL_TOKEN_BRACE_R));
    leave_level(p);
    return ss;
}

/* FragmentDefinition : fragment FragmentName TypeCondition Directives? SelectionSet */
static struct gql_node *parse_fragment_definition(struct parser *p)
{
    struct gql_fragment *fr = NEW(p, gql_fragment, GQL_FRAGMENT_DEFINITION, TOK(p));
    expect_keyword(p, "fragment");
    fr->name = parse_fragment_name(p, &fr->name_loc);
    expect_keyword(p, "on");
    fr->type_condition = parse_named_type(p);
    fr->directives = parse_directives(p, false);
    fr->selection_set = parse_selection_set(p);
    return &fr->node;
}

/* ---- type system definitions ------------------------------------------------------------- */

static bool peek_description(const struct parser *p)
{
    return peek(p, GQL_TOKEN_STRING) || peek(p, GQL_TOKEN_BLOCK_STRING);
}

/* Description : StringValue (ptr NULL when absent) */
static struct str parse_description(struct parser *p)
{
    if (!peek_description(p)) return STR_NULL;
    struct str s = TOK(p)->value;
    if (s.ptr == NULL) s.ptr = "";
    advance(p);
    return s;
}

/* OperationTypeDefinition : OperationType : NamedType */
static struct gql_operation_type_def *parse_operation_type_definition(struct parser *p)
{
    struct gql_operation_type_def *d =
            NEW(p, gql_operation_type_def, GQL_OPERATION_TYPE_DEFINITION, TOK(p));
    d->operation = parse_operation_type(p);
    expect_token(p, GQL_TOKEN_COLON);
    d->type = parse_named_type(p);
    return d;
}

/* SchemaDefinition : Description? schema Directives[Const]? { OperationTypeDefinition+ } */
static struct gql_node *parse_schema_definition(struct parser *p)
{
    struct gql_schema_def *sd = NEW(p, gql_schema_def, GQL_SCHEMA_DEFINITION, TOK(p));
    size_t cap = 0;
    sd->description = parse_description(p);
    expect_keyword(p, "schema");
    sd->directives = parse_directives(p, true);
    expect_token(p, GQL_TOKEN_BRACE_L);
    do {
        LIST_PUSH(p, sd->operation_types, cap, parse_operation_type_definition(p));
    } while (!expect_optional_token(p, GQL_TOKEN_BRACE_R));
    return &sd->node;
}

/* ScalarTypeDefinition : Description? scalar Name Directives[Const]? */
static struct gql_node *parse_scalar_type_definition(struct parser *p)
{
    struct gql_type_def *td = NEW(p, gql_type_def, GQL_SCALAR_TYPE_DEFINITION, TOK(p));
    td->description = parse_description(p);
    expect_keyword(p, "scalar");
    td->name = parse_name(p);
    td->directives = parse_directives(p, true);
    return &td->node;
}

/*
 * ImplementsInterfaces :
 *   - implements `&`? NamedType
 *   - ImplementsInterfaces & NamedType
 */
static void parse_implements_interfaces(struct parser *p, struct gql_type_def *td)
{
    size_t cap = 0;
    if (!expect_optional_keyword(p, "implements")) return;
    expect_optional_token(p, GQL_TOKEN_AMP);
    do {
        LIST_PUSH(p, td->interfaces, cap, parse_named_type(p));
    } while (expect_optional_token(p, GQL_TOKEN_AMP));
}

/* InputValueDefinition : Description? Name : Type DefaultValue? Directives[Const]? */
static struct gql_input_value_def *parse_input_value_def(struct parser *p)
{
    struct gql_input_value_def *d = NEW(p, gql_input_value_def, GQL_INPUT_VALUE_DEFINITION, TOK(p));
    d->description = parse_description(p);
    d->name = parse_name(p);
    expect_token(p, GQL_TOKEN_COLON);
    d->type = parse_type_reference(p);
    if (expect_optional_token(p, GQL_TOKEN_EQUALS)) d->default_value = parse_value_literal(p, true);
    d->directives = parse_directives(p, true);
    return d;
}

/*
 * ArgumentsDefinition : ( InputValueDefinition+ )
 * InputFieldsDefinition : { InputValueDefinition+ }
 * (open and close say which)
 */
static gql_input_value_defs parse_input_value_defs(struct parser *p, enum gql_token_kind open,
                                                   enum gql_token_kind close)
{
    gql_input_value_defs defs = { NULL, 0 };
    size_t cap = 0;
    if (expect_optional_token(p, open)) {
        do {
            LIST_PUSH(p, defs, cap, parse_input_value_def(p));
        } while (!expect_optional_token(p, close));
    }
    return defs;
}

/* FieldDefinition : Description? Name ArgumentsDefinition? : Type Directives[Const]? */
static struct gql_field_def *parse_field_definition(struct parser *p)
{
    struct gql_field_def *f = NEW(p, gql_field_def, GQL_FIELD_DEFINITION, TOK(p));
    f->description = parse_description(p);
    f->name = parse_name(p);
    f->args = parse_input_value_defs(p, GQL_TOKEN_PAREN_L, GQL_TOKEN_PAREN_R);
    expect_token(p, GQL_TOKEN_COLON);
    f->type = parse_type_reference(p);
    f->directives = parse_directives(p, true);
    return f;
}

/* FieldsDefinition : { FieldDefinition+ } */
static void parse_fields_definition(struct parser *p, struct gql_type_def *td)
{
    size_t cap = 0;
    if (expect_optional_token(p, GQL_TOKEN_BRACE_L)) {
        do {
            LIST_PUSH(p, td->fields, cap, parse_field_definition(p));
        } while (!expect_optional_token(p, GQL_TOKEN_BRACE_R));
    }
}

/*
 * ObjectTypeDefinition :
 *   Description? type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
 * InterfaceTypeDefinition :
 *   Description? interface Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
 */
static struct gql_node *parse_object_or_interface_definition(struct parser *p, enum gql_kind kind,
                                                             const char *keyword)
{
    struct gql_type_def *td = NEW(p, gql_type_def, kind, TOK(p));
    td->description = parse_description(p);
    expect_keyword(p, keyword);
    td->name = parse_name(p);
    parse_implements_interfaces(p, td);
    td->directives = parse_directives(p, true);
    parse_fields_definition(p, td);
    return &td->node;
}

/*
 * UnionMemberTypes :
 *   - = `|`? NamedType
 *   - UnionMemberTypes | NamedType
 */
static void parse_union_member_types(struct parser *p, struct gql_type_def *td)
{
    size_t cap = 0;
    if (!expect_optional_token(p, GQL_TOKEN_EQUALS)) return;
    expect_optional_token(p, GQL_TOKEN_PIPE);
    do {
        LIST_PUSH(p, td->members, cap, parse_named_type(p));
    } while (expect_optional_token(p, GQL_TOKEN_PIPE));
}

/* UnionTypeDefinition : Description? union Name Directives[Const]? UnionMemberTypes? */
static struct gql_node *parse_union_type_definition(struct parser *p)
{
    struct gql_type_def *td = NEW(p, gql_type_def, GQL_UNION_TYPE_DEFINITION, TOK(p));
    td->description = parse_description(p);
    expect_keyword(p, "union");
    td->name = parse_name(p);
    td->directives = parse_directives(p, true);
    parse_union_member_types(p, td);
    return &td->node;
}

/* EnumValue : Name but not `true`, `false` or `null` */
static struct str parse_enum_value_name(struct parser *p)
{
    const struct gql_token *t = TOK(p);
    if (str_eq(t->value, STR("true")) || str_eq(t->value, STR("false")) ||
        str_eq(t->value, STR("null")))
        fail_at(p, WM_EINVAL, tok_loc(t),
                arena_printf(p->a, "%s is reserved and cannot be used for an enum value.",
                             token_desc(p, t)));
    return parse_name(p);
}

/* EnumValueDefinition : Description? EnumValue Directives[Const]? */
static struct gql_enum_value_def *parse_enum_value_definition(struct parser *p)
{
    struct gql_enum_value_def *d = NEW(p, gql_enum_value_def, GQL_ENUM_VALUE_DEFINITION, TOK(p));
    d->description = parse_description(p);
    d->name = parse_enum_value_name(p);
    d->directives = parse_directives(p, true);
    return d;
}

/* EnumValuesDefinition : { EnumValueDefinition+ } */
static void parse_enum_values_definition(struct parser *p, struct gql_type_def *td)
{
    size_t cap = 0;
    if (expect_optional_token(p, GQL_TOKEN_BRACE_L)) {
        do {
            LIST_PUSH(p, td->values, cap, parse_enum_value_definition(p));
        } while (!expect_optional_token(p, GQL_TOKEN_BRACE_R));
    }
}

/* EnumTypeDefinition : Description? enum Name Directives[Const]? EnumValuesDefinition? */
static struct gql_node *parse_enum_type_definition(struct parser *p)
{
    struct gql_type_def *td = NEW(p, gql_type_def, GQL_ENUM_TYPE_DEFINITION, TOK(p));
    td->description = parse_description(p);
    expect_keyword(p, "enum");
    td->name = parse_name(p);
    td->directives = parse_directives(p, true);
    parse_enum_values_definition(p, td);
    return &td->node;
}

/* InputObjectTypeDefinition :
 *   Description? input Name Directives[Const]? InputFieldsDefinition? */
static struct gql_node *parse_input_object_type_definition(struct parser *p)
{
    struct gql_type_def *td = NEW(p, gql_type_def, GQL_INPUT_OBJECT_TYPE_DEFINITION, TOK(p));
    td->description = parse_description(p);
    expect_keyword(p, "input");
    td->name = parse_name(p);
    td->directives = parse_directives(p, true);
    td->input_fields = parse_input_value_defs(p, GQL_TOKEN_BRACE_L, GQL_TOKEN_BRACE_R);
    return &td->node;
}

/* DirectiveLocation : ExecutableDirectiveLocation | TypeSystemDirectiveLocation (the spec's
 * list, section 3.13) */
static struct gql_type_ref *parse_directive_location(struct parser *p)
{
    static const char *const locations[] = {
        "QUERY",
        "MUTATION",
        "SUBSCRIPTION",
        "FIELD",
        "FRAGMENT_DEFINITION",
        "FRAGMENT_SPREAD",
        "INLINE_FRAGMENT",
        "VARIABLE_DEFINITION",
        "SCHEMA",
        "SCALAR",
        "OBJECT",
        "FIELD_DEFINITION",
        "ARGUMENT_DEFINITION",
        "INTERFACE",
        "UNION",
        "ENUM",
        "ENUM_VALUE",
        "INPUT_OBJECT",
        "INPUT_FIELD_DEFINITION",
    };
    struct gql_token start = *TOK(p);
    struct gql_type_ref *loc = parse_named_type(p);
    for (size_t i = 0; i < sizeof locations / sizeof locations[0]; i++) {
        if (str_eq_cstr(loc->name, locations[i])) return loc;
    }
    unexpected(p, &start);
}

/*
 * DirectiveDefinition :
 *   Description? directive @ Name ArgumentsDefinition? `repeatable`? on DirectiveLocations
 * DirectiveLocations :
 *   - `|`? DirectiveLocation
 *   - DirectiveLocations | DirectiveLocation
 */
static struct gql_node *parse_directive_definition(struct parser *p)
{
    struct gql_directive_def *dd = NEW(p, gql_directive_def, GQL_DIRECTIVE_DEFINITION, TOK(p));
    size_t cap = 0;
    dd->description = parse_description(p);
    expect_keyword(p, "directive");
    expect_token(p, GQL_TOKEN_AT);
    dd->name = parse_name(p);
    dd->args = parse_input_value_defs(p, GQL_TOKEN_PAREN_L, GQL_TOKEN_PAREN_R);
    dd->repeatable = expect_optional_keyword(p, "repeatable");
    expect_keyword(p, "on");
    expect_optional_token(p, GQL_TOKEN_PIPE);
    do {
        LIST_PUSH(p, dd->locations, cap, parse_directive_location(p));
    } while (expect_optional_token(p, GQL_TOKEN_PIPE));
    return &dd->node;
}

/* ---- type system extensions -------------------------------------------------------------- */

/*
 * SchemaExtension :
 *   - extend schema Directives[Const]? { OperationTypeDefinition+ }
 *   - extend schema Directives[Const]
 */
static struct gql_node *parse_schema_extension(struct parser *p)
{
    struct gql_schema_def *sd = NEW(p, gql_schema_def, GQL_SCHEMA_EXTENSION, TOK(p));
    size_t cap = 0;
    expect_keyword(p, "extend");
    expect_keyword(p, "schema");
    sd->directives = parse_directives(p, true);
    if (expect_optional_token(p, GQL_TOKEN_BRACE_L)) {
        do {
            LIST_PUSH(p, sd->operation_types, cap, parse_operation_type_definition(p));
        } while (!expect_optional_token(p, GQL_TOKEN_BRACE_R));
    }
    if (sd->directives.count == 0 && sd->operation_types.count == 0) unexpected(p, TOK(p));
    return &sd->node;
}

/*
 * ScalarTypeExtension : extend scalar Name Directives[Const]
 * ObjectTypeExtension :
 *   - extend type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition
 *   - extend type Name ImplementsInterfaces? Directives[Const]
 *   - extend type Name ImplementsInterfaces
 * InterfaceTypeExtension : (as ObjectTypeExtension, with interface)
 * UnionTypeExtension :
 *   - extend union Name Directives[Const]? UnionMemberTypes
 *   - extend union Name Directives[Const]
 * EnumTypeExtension :
 *   - extend enum Name Directives[Const]? EnumValuesDefinition
 *   - extend enum Name Directives[Const]
 * InputObjectTypeExtension :
 *   - extend input Name Directives[Const]? InputFieldsDefinition
 *   - extend input Name Directives[Const]
 * One function for the six: kind says which parts follow the directives; an extension that
 * adds nothing is an error at the token after it.
 */
static struct gql_node *parse_type_extension(struct parser *p, enum gql_kind kind,
                                             const char *keyword)
{
    struct gql_type_def *td = NEW(p, gql_type_def, kind, TOK(p));
    expect_keyword(p, "extend");
    expect_keyword(p, keyword);
    td->name = parse_name(p);
    if (kind == GQL_OBJECT_TYPE_EXTENSION || kind == GQL_INTERFACE_TYPE_EXTENSION)
        parse_implements_interfaces(p, td);
    td->directives = parse_directives(p, true);
    switch (kind) {
    case GQL_OBJECT_TYPE_EXTENSION:
    case GQL_INTERFACE_TYPE_EXTENSION:
        parse_fields_definition(p, td);
        break;
    case GQL_UNION_TYPE_EXTENSION:
        parse_union_member_types(p, td);
        break;
    case GQL_ENUM_TYPE_EXTENSION:
        parse_enum_values_definition(p, td);
        break;
    case GQL_INPUT_OBJECT_TYPE_EXTENSION:
        td->input_fields = parse_input_value_defs(p, GQL_TOKEN_BRACE_L, GQL_TOKEN_BRACE_R);
        break;
    default:
        break;
    }
    if (td->interfaces.count == 0 && td->directives.count == 0 && td->fields.count == 0 &&
        td->members.count == 0 && td->values.count == 0 && td->input_fields.count == 0)
        unexpected(p, TOK(p));
    return &td->node;
}

/* TypeSystemExtension : SchemaExtension | TypeExtension */
static struct gql_node *parse_type_system_extension(struct parser *p)
{
    const struct gql_token *kw = lookahead(p);
    if (kw->kind == GQL_TOKEN_NAME) {
        if (str_eq(kw->value, STR("schema"))) return parse_schema_extension(p);
        if (str_eq(kw->value, STR("scalar")))
            return parse_type_extension(p, GQL_SCALAR_TYPE_EXTENSION, "scalar");
        if (str_eq(kw->value, STR("type")))
            return parse_type_extension(p, GQL_OBJECT_TYPE_EXTENSION, "type");
        if (str_eq(kw->value, STR("interface")))
            return parse_type_extension(p, GQL_INTERFACE_TYPE_EXTENSION, "interface");
        if (str_eq(kw->value, STR("union")))
            return parse_type_extension(p, GQL_UNION_TYPE_EXTENSION, "union");
        if (str_eq(kw->value, STR("enum")))
            return parse_type_extension(p, GQL_ENUM_TYPE_EXTENSION, "enum");
        if (str_eq(kw->value, STR("input")))
            return parse_type_extension(p, GQL_INPUT_OBJECT_TYPE_EXTENSION, "input");
    }
    struct gql_token t = *kw;
    unexpected(p, &t);
}

/* ---- document ---------------------------------------------------------------------------- */

/*
 * Definition :
 *   - ExecutableDefinition (OperationDefinition | FragmentDefinition)
 *   - TypeSystemDefinitionOrExtension
 * Type-system definitions may start with a description, so the keyword can be one token on.
 */
static struct gql_node *parse_definition(struct parser *p)
{
    if (peek(p, GQL_TOKEN_BRACE_L)) return parse_operation_definition(p);
    bool has_description = peek_description(p);
    struct gql_token kw = has_description ? *lookahead(p) : *TOK(p);
    if (kw.kind == GQL_TOKEN_NAME) {
        struct str v = kw.value;
        if (str_eq(v, STR("schema"))) return parse_schema_definition(p);
        if (str_eq(v, STR("scalar"))) return parse_scalar_type_definition(p);
        if (str_eq(v, STR("type")))
            return parse_object_or_interface_definition(p, GQL_OBJECT_TYPE_DEFINITION, "type");
        if (str_eq(v, STR("interface")))
            return parse_object_or_interface_definition(p, GQL_INTERFACE_TYPE_DEFINITION,
                                                        "interface");
        if (str_eq(v, STR("union"))) return parse_union_type_definition(p);
        if (str_eq(v, STR("enum"))) return parse_enum_type_definition(p);
        if (str_eq(v, STR("input"))) return parse_input_object_type_definition(p);
        if (str_eq(v, STR("directive"))) return parse_directive_definition(p);
        if (has_description)
            fail_at(p, WM_EINVAL, tok_loc(TOK(p)),
                    "Unexpected description, descriptions are supported only on type "
                    "definitions.");
        if (str_eq(v, STR("query")) || str_eq(v, STR("mutation")) || str_eq(v, STR("subscription")))
            return parse_operation_definition(p);
        if (str_eq(v, STR("fragment"))) return parse_fragment_definition(p);
        if (str_eq(v, STR("extend"))) return parse_type_system_extension(p);
    }
    unexpected(p, &kw);
}

/* Document : Definition+ */
static struct gql_document *parse_document(struct parser *p)
{
    struct gql_document *doc = NEW(p, gql_document, GQL_DOCUMENT, TOK(p));
    size_t cap = 0;
    doc->node.loc = (struct gql_loc){ 1, 1 };
    advance(p); /* past <SOF> */
    do {
        LIST_PUSH(p, doc->definitions, cap, parse_definition(p));
    } while (!expect_optional_token(p, GQL_TOKEN_EOF));
    return doc;
}

int gql_parse(struct arena *a, const char *text, size_t len, const struct gql_limits *lim,
              struct gql_document **doc, struct gql_errors *errs)
{
    struct parser *p = ARENA_NEW(a, struct parser);
    gql_lexer_init(&p->lx, a, text != NULL ? text : "", text != NULL ? len : 0);
    p->a = a;
    p->errs = errs;
    p->max_tokens = lim != NULL ? lim->max_tokens : GQL_DEFAULT_MAX_TOKENS;
    p->max_depth = lim != NULL ? lim->max_depth : GQL_DEFAULT_MAX_DEPTH;
    *doc = NULL;
    if (setjmp(p->fail) != 0) return p->rc;
    struct gql_document *d = parse_document(p);
    d->token_count = p->tokens;
    *doc = d;
    return WM_OK;
}
