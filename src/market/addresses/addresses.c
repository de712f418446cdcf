/*
 * addresses.c: the rules of the addresses domain (addresses.h): field checks with messages
 * that name the field, explicit nulls as "unchanged", one default per type switched under the
 * owner's row lock, and a cap per user. SQL lives in addresses_db.c.
 */
#include "market/addresses/addresses.h"

#include <math.h>
#include <string.h>
#include <strings.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "market/addresses/addresses_int.h"

static const char *const address_types[] = { "home", "work", "other" };

const char *address_type_parse(const char *word)
{
    if (!word) return NULL;
    struct str w = str_trim(str_from(word));
    for (size_t i = 0; i < sizeof(address_types) / sizeof(address_types[0]); i++)
        if (w.len == strlen(address_types[i]) && strncasecmp(w.ptr, address_types[i], w.len) == 0)
            return address_types[i];
    return NULL;
}

/* Characters (UTF-8 code points) in s: the unit of the columns' sizes. */
static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        n += (*p & 0xC0) != 0x80;
    return n;
}

/* Check one text field: NULL is fine unless required; a required one must not be blank; at
 * most max characters; no control characters (multi_line allows tab and line breaks). */
static int check_text(struct wm_ctx *ctx, const char *field, const char *v, bool required,
                      size_t max, bool multi_line)
{
    if (!v || !*v) {
        if (required) return wm_errorf(ctx, WM_EINVAL, "%s must not be blank", field);
        return WM_OK;
    }
    if (utf8_chars(v) > max)
        return wm_errorf(ctx, WM_EINVAL, "%s is too long (at most %zu characters)", field, max);
    for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
        bool allowed = multi_line && (*p == '\t' || *p == '\n' || *p == '\r');
        if ((*p < 0x20 || *p == 0x7f) && !allowed)
            return wm_errorf(ctx, WM_EINVAL, "%s contains a control character", field);
    }
    return WM_OK;
}

/* A phone number: digits with the usual separators, at least 5 digits. */
static int check_phone(struct wm_ctx *ctx, const char *v)
{
    int rc = check_text(ctx, "phoneNumber", v, true, ADDRESS_PHONE_MAX, false);
    if (rc != WM_OK) return rc;
    size_t digits = 0;
    for (const char *p = v; *p; p++) {
        if (*p >= '0' && *p <= '9')
            digits++;
        else if (!strchr("+ ()-./", *p))
            return wm_errorf(ctx, WM_EINVAL,
                             "phoneNumber may hold only digits, spaces and + ( ) - . /");
    }
    if (digits < 5) return wm_errorf(ctx, WM_EINVAL, "phoneNumber must have at least 5 digits");
    return WM_OK;
}

/* Every rule of a complete address (after defaults or the stored values are merged in). */
static int check_address(struct wm_ctx *ctx, const struct address *a)
{
    int rc = check_text(ctx, "name", a->name, true, ADDRESS_NAME_MAX, false);
    if (rc == WM_OK) rc = check_phone(ctx, a->phone_number);
    if (rc == WM_OK)
        rc = check_text(ctx, "streetAddress", a->street_address, true, ADDRESS_STREET_MAX, false);
    if (rc == WM_OK) rc = check_text(ctx, "city", a->city, true, ADDRESS_CITY_MAX, false);
    if (rc == WM_OK) rc = check_text(ctx, "state", a->state, false, ADDRESS_STATE_MAX, false);
    if (rc == WM_OK) rc = check_text(ctx, "country", a->country, false, ADDRESS_COUNTRY_MAX, false);
    if (rc == WM_OK)
        rc = check_text(ctx, "postalCode", a->postal_code, true, ADDRESS_POSTAL_CODE_MAX, false);
    if (rc == WM_OK)
        rc = check_text(ctx, "instructions", a->instructions, false, ADDRESS_INSTRUCTIONS_MAX,
                        true);
    if (rc != WM_OK) return rc;
    if (a->has_latitude && !(isfinite(a->latitude) && a->latitude >= -90 && a->latitude <= 90))
        return wm_errorf(ctx, WM_EINVAL, "latitude must be between -90 and 90");
    if (a->has_longitude &&
        !(isfinite(a->longitude) && a->longitude >= -180 && a->longitude <= 180))
        return wm_errorf(ctx, WM_EINVAL, "longitude must be between -180 and 180");
    return WM_OK;
}

/* v without surrounding blanks (arena copy), or keep when v was not given. */
static char *merged(struct wm_ctx *ctx, const char *v, char *keep)
{
    return v ? str_dup(ctx->arena, str_trim(str_from(v))) : keep;
}

/* Apply the fields in gives to a. WM_EINVAL for an unknown address type. */
static int apply_input(struct wm_ctx *ctx, const struct address_input *in, struct address *a)
{
    a->name = merged(ctx, in->name, a->name);
    a->phone_number = merged(ctx, in->phone_number, a->phone_number);
    a->street_address = merged(ctx, in->street_address, a->street_address);
    a->city = merged(ctx, in->city, a->city);
    a->state = merged(ctx, in->state, a->state);
    a->country = merged(ctx, in->country, a->country);
    a->postal_code = merged(ctx, in->postal_code, a->postal_code);
    a->instructions = merged(ctx, in->instructions, a->instructions);
    if (in->address_type) {
        const char *t = address_type_parse(in->address_type);
        if (!t) return wm_errorf(ctx, WM_EINVAL, "addressType must be home, work or other");
        a->address_type = arena_strdup(ctx->arena, t);
    }
    if (in->has_latitude) {
        a->has_latitude = true;
        a->latitude = in->latitude;
    }
    if (in->has_longitude) {
        a->has_longitude = true;
        a->longitude = in->longitude;
    }
    return check_address(ctx, a);
}

/* Lock the owner's row; a vanished owner is an unauthenticated caller. */
static int lock_owner(struct wm_ctx *ctx, int64_t user_id)
{
    int rc = addresses_db_lock_owner(ctx, user_id);
    if (rc == WM_ENOTFOUND)
        return wm_errorf(ctx, WM_EUNAUTH, "unauthorized: the token's user is gone");
    return rc;
}

/* Load address id of user_id into *out after a write. */
static int reload(struct wm_ctx *ctx, int64_t user_id, int64_t id, struct address **out)
{
    struct address *a = ARENA_NEW(ctx->arena, struct address);
    int rc = addresses_db_get(ctx, user_id, id, a);
    if (rc == WM_ENOTFOUND)
        return wm_errorf(ctx, WM_EINTERNAL, "address '%lld' vanished", (long long)id);
    *out = rc == WM_OK ? a : NULL;
    return rc;
}

int address_list(struct wm_ctx *ctx, int64_t user_id, struct address **out, size_t *n)
{
    return addresses_db_list(ctx, user_id, out, n);
}

int address_create(struct wm_ctx *ctx, int64_t user_id, const struct address_input *in,
                   struct address **out)
{
    *out = NULL;
    struct address a;
    memset(&a, 0, sizeof(a));
    a.address_type = arena_strdup(ctx->arena, "home");
    int rc = apply_input(ctx, in, &a);
    if (rc != WM_OK) return rc;

    rc = lock_owner(ctx, user_id);
    if (rc != WM_OK) return rc;
    int64_t count = 0;
    rc = addresses_db_count(ctx, user_id, &count);
    if (rc != WM_OK) return rc;
    if (count >= ADDRESS_MAX_PER_USER)
        return wm_errorf(ctx, WM_ELIMIT, "you can keep at most %d addresses: delete one first",
                         ADDRESS_MAX_PER_USER);
    bool has_default = false;
    rc = addresses_db_has_default(ctx, user_id, a.address_type, 0, &has_default);
    if (rc != WM_OK) return rc;
    /* The first address of a type (or the first after its default was deleted) is its
     * default, whatever the client said: the app always sends isDefault. */
    a.is_default = (in->has_is_default && in->is_default) || !has_default;
    if (a.is_default && has_default) {
        rc = addresses_db_clear_default(ctx, user_id, a.address_type, 0);
        if (rc != WM_OK) return rc;
    }
    int64_t id = 0;
    rc = addresses_db_insert(ctx, user_id, &a, &id);
    if (rc != WM_OK) return rc;
    return reload(ctx, user_id, id, out);
}

int address_update(struct wm_ctx *ctx, int64_t user_id, int64_t id, const struct address_input *in,
                   struct address **out)
{
    *out = NULL;
    int rc = lock_owner(ctx, user_id);
    if (rc != WM_OK) return rc;
    struct address a;
    memset(&a, 0, sizeof(a));
    rc = addresses_db_get(ctx, user_id, id, &a);
    if (rc == WM_ENOTFOUND)
        return wm_errorf(ctx, WM_ENOTFOUND, "address '%lld' not found", (long long)id);
    if (rc != WM_OK) return rc;
    const char *old_type = a.address_type;
    rc = apply_input(ctx, in, &a);
    if (rc != WM_OK) return rc;

    bool type_changed = strcmp(old_type, a.address_type) != 0;
    bool want = in->has_is_default ? in->is_default : a.is_default;
    bool has_default = false;
    if (want || type_changed) {
        rc = addresses_db_has_default(ctx, user_id, a.address_type, id, &has_default);
        if (rc != WM_OK) return rc;
        /* Entering a type: default there only when asked or when that type has none. */
        if (type_changed && !in->has_is_default) want = !has_default;
    }
    a.is_default = want;
    if (want && has_default) {
        rc = addresses_db_clear_default(ctx, user_id, a.address_type, id);
        if (rc != WM_OK) return rc;
    }
    rc = addresses_db_update(ctx, user_id, &a);
    if (rc != WM_OK) return rc;
    return reload(ctx, user_id, id, out);
}

int address_delete(struct wm_ctx *ctx, int64_t user_id, int64_t id)
{
    bool deleted = false;
    int rc = addresses_db_delete(ctx, user_id, id, &deleted);
    if (rc != WM_OK) return rc;
    if (!deleted) return wm_errorf(ctx, WM_ENOTFOUND, "address '%lld' not found", (long long)id);
    return WM_OK;
}
