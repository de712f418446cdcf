/*
 * addresses_gql.c: GraphQL adapter of the addresses domain (addresses_gql.h). Arguments
 * become a struct address_input (null or absent: not given), results become the contract's
 * payloads. Failures the user can fix (WM_EINVAL, WM_ENOTFOUND, WM_ELIMIT) are answered in
 * the payload, as the app reads them (success must be true, else it shows message).
 */
#include "market/addresses/addresses_gql.h"

#include <stddef.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/ctx.h"
#include "core/err.h"
#include "market/accounts/accounts.h"
#include "market/addresses/addresses.h"

/* The String argument name in *out: NULL when null or absent. WM_EINVAL when it holds a NUL
 * character, which C strings cannot carry. */
static int arg_text(struct gql_call *call, const char *name, const char **out)
{
    const struct gql_value *v = gql_arg(call, name);
    *out = NULL;
    if (!v || v->kind != GQL_V_STRING) return WM_OK;
    if (memchr(v->u.s.ptr, '\0', v->u.s.len))
        return wm_errorf(call->ctx, WM_EINVAL, "%s contains a NUL character", name);
    *out = str_dup(call->ctx->arena, v->u.s);
    return WM_OK;
}

/* A Boolean argument: *has false when null or absent. */
static void arg_bool(const struct gql_call *call, const char *name, bool *has, bool *out)
{
    const struct gql_value *v = gql_arg(call, name);
    *has = v && v->kind == GQL_V_BOOL;
    *out = *has && v->u.b;
}

/* A Float argument: *has false when null or absent. */
static void arg_float(const struct gql_call *call, const char *name, bool *has, double *out)
{
    const struct gql_value *v = gql_arg(call, name);
    *has = v && (v->kind == GQL_V_FLOAT || v->kind == GQL_V_INT);
    *out = !*has ? 0 : v->kind == GQL_V_FLOAT ? v->u.f : (double)v->u.i;
}

/* The ID argument addressId as a positive id; a malformed one is recorded as not found (the
 * same answer as an unknown id). */
static int arg_id(struct gql_call *call, int64_t *id)
{
    const struct gql_value *v = gql_arg(call, "addressId");
    *id = 0;
    if (v && v->kind == GQL_V_INT) *id = v->u.i;
    if (v && v->kind == GQL_V_STRING && !str_to_int64(str_trim(v->u.s), id)) *id = 0;
    if (*id > 0) return WM_OK;
    struct str shown = v && v->kind == GQL_V_STRING ? v->u.s : STR("");
    if (shown.len > 40) shown.len = 40;
    return wm_errorf(call->ctx, WM_ENOTFOUND, "address '%.*s' not found", STR_FMT(shown));
}

static int read_input(struct gql_call *call, struct address_input *in)
{
    memset(in, 0, sizeof(*in));
    int rc = arg_text(call, "name", &in->name);
    if (rc == WM_OK) rc = arg_text(call, "phoneNumber", &in->phone_number);
    if (rc == WM_OK) rc = arg_text(call, "streetAddress", &in->street_address);
    if (rc == WM_OK) rc = arg_text(call, "city", &in->city);
    if (rc == WM_OK) rc = arg_text(call, "state", &in->state);
    if (rc == WM_OK) rc = arg_text(call, "country", &in->country);
    if (rc == WM_OK) rc = arg_text(call, "postalCode", &in->postal_code);
    if (rc == WM_OK) rc = arg_text(call, "addressType", &in->address_type);
    if (rc == WM_OK) rc = arg_text(call, "instructions", &in->instructions);
    arg_bool(call, "isDefault", &in->has_is_default, &in->is_default);
    arg_float(call, "latitude", &in->has_latitude, &in->latitude);
    arg_float(call, "longitude", &in->has_longitude, &in->longitude);
    return rc;
}

/* True for the failures a payload reports (the user can fix them; nothing was written). */
static bool is_payload_failure(int rc)
{
    return rc == WM_EINVAL || rc == WM_ENOTFOUND || rc == WM_ELIMIT;
}

/*
 * The payload of a mutation that ended with rc: {success, message[, key: value]}. Failures of
 * is_payload_failure() become success false with ctx->err's message (key null); other errors
 * are returned for the executor to report.
 */
static int payload(struct gql_call *call, int rc, const char *ok, const char *key,
                   struct gql_value value, struct gql_value *out)
{
    struct wm_ctx *ctx = call->ctx;
    if (rc != WM_OK && !is_payload_failure(rc)) return rc;
    *out = gql_object(ctx->arena, 3);
    gql_object_set(ctx->arena, out, "success", gql_bool(rc == WM_OK));
    const char *msg = rc == WM_OK ? ok : wm_client_message(ctx, rc);
    gql_object_set(ctx->arena, out, "message", gql_string(ctx->arena, msg));
    if (key) gql_object_set(ctx->arena, out, key, rc == WM_OK ? value : gql_null());
    wm_clear_error(ctx);
    return WM_OK;
}

int addresses_gql_my_addresses(struct gql_call *call, struct gql_value *out)
{
    const struct viewer *v = NULL;
    int rc = account_viewer(call->ctx, &v);
    if (rc != WM_OK) return rc;
    struct address *list = NULL;
    size_t n = 0;
    rc = address_list(call->ctx, v->user_id, &list, &n);
    if (rc != WM_OK) return rc;
    *out = gql_list(call->ctx->arena, n);
    for (size_t i = 0; i < n; i++)
        out->u.list.items[i] = gql_ptr(&list[i], NULL);
    return WM_OK;
}

int addresses_gql_create(struct gql_call *call, struct gql_value *out)
{
    const struct viewer *v = NULL;
    int rc = account_viewer(call->ctx, &v);
    if (rc != WM_OK) return rc;
    struct address_input in;
    struct address *a = NULL;
    rc = read_input(call, &in);
    if (rc == WM_OK) rc = address_create(call->ctx, v->user_id, &in, &a);
    return payload(call, rc, "Address created", "address", gql_ptr(a, NULL), out);
}

int addresses_gql_update(struct gql_call *call, struct gql_value *out)
{
    const struct viewer *v = NULL;
    int rc = account_viewer(call->ctx, &v);
    if (rc != WM_OK) return rc;
    int64_t id = 0;
    struct address_input in;
    struct address *a = NULL;
    rc = arg_id(call, &id);
    if (rc == WM_OK) rc = read_input(call, &in);
    if (rc == WM_OK) rc = address_update(call->ctx, v->user_id, id, &in, &a);
    return payload(call, rc, "Address updated", "address", gql_ptr(a, NULL), out);
}

int addresses_gql_delete(struct gql_call *call, struct gql_value *out)
{
    const struct viewer *v = NULL;
    int rc = account_viewer(call->ctx, &v);
    if (rc != WM_OK) return rc;
    int64_t id = 0;
    rc = arg_id(call, &id);
    if (rc == WM_OK) rc = address_delete(call->ctx, v->user_id, id);
    return payload(call, rc, "Address deleted", NULL, gql_null(), out);
}

static const struct address *address_of(const struct gql_call *call)
{
    return call->source->u.ptr;
}

static int address_latitude(struct gql_call *call, struct gql_value *out)
{
    const struct address *a = address_of(call);
    *out = a->has_latitude ? gql_float(a->latitude) : gql_null();
    return WM_OK;
}

static int address_longitude(struct gql_call *call, struct gql_value *out)
{
    const struct address *a = address_of(call);
    *out = a->has_longitude ? gql_float(a->longitude) : gql_null();
    return WM_OK;
}

/* clang-format off */
const struct gql_field_map addresses_gql_address_fields[] = {
    GQL_MAP_ID("id",             struct address, id),
    GQL_MAP_STR("name",          struct address, name),
    GQL_MAP_STR("phoneNumber",   struct address, phone_number),
    GQL_MAP_STR("streetAddress", struct address, street_address),
    GQL_MAP_STR("city",          struct address, city),
    GQL_MAP_STR("state",         struct address, state),
    GQL_MAP_STR("country",       struct address, country),
    GQL_MAP_STR("postalCode",    struct address, postal_code),
    GQL_MAP_STR("addressType",   struct address, address_type),
    GQL_MAP_BOOL("isDefault",    struct address, is_default),
    GQL_MAP_FN("latitude",       address_latitude),
    GQL_MAP_FN("longitude",      address_longitude),
    GQL_MAP_STR("instructions",  struct address, instructions),
    GQL_MAP_STR("createdAt",     struct address, created_at),
    GQL_MAP_STR("updatedAt",     struct address, updated_at),
    GQL_MAP_END,
};
/* clang-format on */
