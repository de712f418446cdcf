/*
 * gql.c: GraphQL helpers of the integration tests (it.h): one POST to /wms/graphql/ as the
 * app sends it, and readers of the reply's data and errors.
 */
#include "it.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <json.h>

/* The raw text of the last reply (it_last_reply). */
static struct buf last_reply = BUF_INIT(NULL);

const char *it_last_reply(void)
{
    return last_reply.ptr ? last_reply.ptr : "";
}

struct json_object *it_gql(const char *query, const char *vars, const char *authorization)
{
    struct json_object *body = json_object_new_object();
    json_object_object_add(body, "query", json_object_new_string(query));
    json_object_object_add(body, "variables",
                           vars ? json_tokener_parse(vars) : json_object_new_object());
    const char *text = json_object_to_json_string_ext(body, JSON_C_TO_STRING_PLAIN);
    char auth[4096];
    snprintf(auth, sizeof(auth), "Authorization: %s", authorization ? authorization : "");
    const char *headers[] = { "Content-Type: application/json", authorization ? auth : NULL, NULL };
    struct it_response r;
    it_request("POST", "/wms/graphql/", headers, text, strlen(text), &r);
    CU_ASSERT_EQUAL(r.status, 200);
    buf_reset(&last_reply);
    buf_append(&last_reply, r.body.ptr ? r.body.ptr : "", r.body.len);
    struct json_object *reply = json_tokener_parse(r.body.ptr ? r.body.ptr : "");
    CU_ASSERT_PTR_NOT_NULL(reply);
    if (!reply) printf("\n  reply: %s\n", r.body.ptr ? r.body.ptr : "(none)");
    it_response_release(&r);
    json_object_put(body);
    return reply;
}

struct json_object *it_gql_as(const char *query, const char *vars, const char *token)
{
    char auth[4200];
    snprintf(auth, sizeof(auth), "Bearer %s", token ? token : "");
    return it_gql(query, vars, token ? auth : NULL);
}

struct json_object *it_at(struct json_object *reply, const char *path)
{
    struct json_object *o = json_object_object_get(reply, "data");
    char copy[256];
    snprintf(copy, sizeof(copy), "%s", path);
    char *save = NULL;
    for (char *k = strtok_r(copy, ".", &save); k && o; k = strtok_r(NULL, ".", &save)) {
        char *end = NULL;
        long idx = strtol(k, &end, 10);
        if (*k && !*end && json_object_is_type(o, json_type_array))
            o = json_object_array_get_idx(o, (size_t)idx);
        else
            o = json_object_object_get(o, k);
    }
    return o;
}

int it_cached_answer(struct json_object *reply)
{
    struct json_object *ext = NULL;
    struct json_object *n = NULL;
    if (!json_object_object_get_ex(reply, "extensions", &ext) ||
        !json_object_object_get_ex(ext, "cachedAnswer", &n))
        return -1;
    return json_object_get_boolean(n);
}

const char *it_str_at(struct json_object *reply, const char *path)
{
    struct json_object *o = it_at(reply, path);
    return o && json_object_is_type(o, json_type_string) ? json_object_get_string(o) : NULL;
}

const char *it_text_at(struct json_object *reply, const char *path)
{
    const char *s = it_str_at(reply, path);
    return s ? s : "";
}

bool it_null_at(struct json_object *reply, const char *path)
{
    char copy[256];
    snprintf(copy, sizeof(copy), "%s", path);
    char *dot = strrchr(copy, '.');
    struct json_object *parent = NULL;
    if (dot) {
        *dot = '\0';
        parent = it_at(reply, copy);
    } else {
        parent = json_object_object_get(reply, "data");
    }
    struct json_object *v = NULL;
    return parent && json_object_object_get_ex(parent, dot ? dot + 1 : copy, &v) && v == NULL;
}

bool it_has_errors(struct json_object *reply)
{
    return json_object_object_get(reply, "errors") != NULL;
}

bool it_bool_at(struct json_object *reply, const char *path)
{
    struct json_object *o = it_at(reply, path);
    return o && json_object_is_type(o, json_type_boolean) && json_object_get_boolean(o);
}

/* errors[0], or NULL when the reply has no errors array. */
static struct json_object *first_error(struct json_object *reply)
{
    struct json_object *errors = json_object_object_get(reply, "errors");
    if (!errors || !json_object_is_type(errors, json_type_array)) return NULL;
    return json_object_array_get_idx(errors, 0);
}

const char *it_error_message(struct json_object *reply)
{
    struct json_object *e = first_error(reply);
    const char *m = e ? json_object_get_string(json_object_object_get(e, "message")) : NULL;
    return m ? m : "";
}

const char *it_error_code(struct json_object *reply)
{
    struct json_object *e = first_error(reply);
    struct json_object *x = e ? json_object_object_get(e, "extensions") : NULL;
    const char *c = x ? json_object_get_string(json_object_object_get(x, "code")) : NULL;
    return c ? c : "";
}

const char *it_new_email(const char *tag)
{
    static char buf[8][128];
    static unsigned n;
    char *b = buf[n++ % 8];
    snprintf(b, sizeof(buf[0]), "it-%s-%ld-%d-%u@example.com", tag, (long)time(NULL), (int)getpid(),
             n);
    return b;
}

const char *it_sign_up_as(const char *tag, const char *account_type, char *email, size_t len)
{
    static const char doc[] =
            "mutation R($e: String!, $p: String!, $t: String!) { register(firstName: \"Ada\", "
            "lastName: \"Lovelace\", password1: $p, password2: $p, email: $e, accountType: $t, "
            "termsAccepted: true) { success token } }";
    static char tokens[4][4096];
    static unsigned n;
    char *t = tokens[n++ % 4];
    const char *e = it_new_email(tag);
    if (email) snprintf(email, len, "%s", e);
    char vars[512];
    snprintf(vars, sizeof(vars), "{\"e\":\"%s\",\"p\":\"%s\",\"t\":\"%s\"}", e, IT_PASSWORD,
             account_type);
    struct json_object *r = it_gql(doc, vars, NULL);
    CU_ASSERT_TRUE(it_bool_at(r, "register.success"));
    snprintf(t, 4096, "%s", it_text_at(r, "register.token"));
    json_object_put(r);
    CU_ASSERT_TRUE_FATAL(strlen(t) >= 10);
    return t;
}

const char *it_sign_up(const char *tag, char *email, size_t len)
{
    return it_sign_up_as(tag, "CUSTOMER", email, len);
}

/* The password of role's demo account from the stack's demo-logins.txt ("" when absent). */
static void demo_password(const char *role, char *email, char *password, size_t len)
{
    char path[1024];
    snprintf(path, sizeof(path), "%s/demo-logins.txt", getenv("MARKET_VAR"));
    password[0] = email[0] = '\0';
    FILE *f = fopen(path, "r");
    if (!f) return;
    char line[256];
    bool found = false;
    while (!found && fgets(line, sizeof(line), f)) {
        char r[32];
        char e[128];
        char pw[128];
        found = sscanf(line, "%31s %127s %127s", r, e, pw) == 3 && strcmp(r, role) == 0 &&
                strlen(pw) < len && strlen(e) < len;
        if (found) {
            memcpy(password, pw, strlen(pw) + 1);
            memcpy(email, e, strlen(e) + 1);
        }
    }
    fclose(f);
}

const char *it_demo_token(const char *role)
{
    static char tokens[4][4096];
    static unsigned n;
    char *t = tokens[n++ % 4];
    char email[128];
    char password[128];
    demo_password(role, email, password, sizeof(password));
    CU_ASSERT_TRUE_FATAL(password[0] != '\0');
    char vars[512];
    snprintf(vars, sizeof(vars), "{\"email\":\"%s\",\"password\":\"%s\"}", email, password);
    struct json_object *r = it_gql("mutation($email: String!, $password: String!) { "
                                   "login(email: $email, password: $password) { token } }",
                                   vars, NULL);
    snprintf(t, 4096, "%s", it_text_at(r, "login.token"));
    json_object_put(r);
    CU_ASSERT_TRUE_FATAL(strlen(t) > 20);
    return t;
}

bool it_verify_email(const char *email)
{
    struct it_mail m;
    if (!it_mail_wait(email, 15000, &m)) return false;
    const char *link = m.text ? strstr(m.text, "?token=") : NULL;
    bool ok = link && strspn(link + 7, "0123456789abcdef") == 64;
    char vars[128];
    if (ok) snprintf(vars, sizeof(vars), "{\"t\":\"%.64s\"}", link + 7);
    it_mail_release(&m);
    if (!ok) return false;
    struct json_object *r =
            it_gql("mutation V($t: String!) { verifyEmail(token: $t) { success } }", vars, NULL);
    ok = it_bool_at(r, "verifyEmail.success");
    json_object_put(r);
    return ok;
}

void it_vendor_product(const char *token, const char *name, char *id, size_t len)
{
    char vars[512];
    snprintf(vars, sizeof(vars), "{\"n\":\"%s\"}", name);
    struct json_object *r =
            it_gql_as("mutation($n: String!) { createProduct(name: $n, description: \"Made by a "
                      "test\", price: 24.0, category: 674, imagesUrl: [{url: "
                      "\"https://img.example.com/test.jpg\"}]) { success product { id } } }",
                      vars, token);
    CU_ASSERT_TRUE_FATAL(it_bool_at(r, "createProduct.success"));
    snprintf(id, len, "%s", it_text_at(r, "createProduct.product.id"));
    json_object_put(r);
}

const char *it_vendor_with_product(const char *tag, const char *name, char *id, size_t len)
{
    char email[256];
    const char *token = it_sign_up_as(tag, "SUPPLIER", email, sizeof(email));
    CU_ASSERT_TRUE_FATAL(it_verify_email(email));
    it_vendor_product(token, name, id, len);
    return token;
}
