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
#include "market/shared/shared_gql.h"
#include "market/addresses/addresses.h"

static int read_input(struct gql_call *call, struct address_input *in)
{
    memset(in, 0, sizeof(*in));
    int rc = shared_gql_arg_text(call, "name", NULL, &in->name);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "phoneNumber", NULL, &in->phone_number);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "streetAddress", NULL, &in->street_address);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "city", NULL, &in->city);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "state", NULL, &in->state);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "country", NULL, &in->country);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "postalCode", NULL, &in->postal_code);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "addressType", NULL, &in->address_type);
    if (rc == WM_OK) rc = shared_gql_arg_text(call, "instructions", NULL, &in->instructions);
    shared_gql_arg_bool(call, "isDefault", &in->has_is_default, &in->is_default);
    shared_gql_arg_float(call, "latitude", &in->has_latitude, &in->latitude);
    shared_gql_arg_float(call, "longitude", &in->has_longitude, &in->longitude);
    return rc;
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
    return shared_gql_payload(call, rc, "Address created", "address", gql_ptr(a, NULL), out);
}

int addresses_gql_update(struct gql_call *call, struct gql_value *out)
{
    const struct viewer *v = NULL;
    int rc = account_viewer(call->ctx, &v);
    if (rc != WM_OK) return rc;
    int64_t id = 0;
    struct address_input in;
    struct address *a = NULL;
    rc = shared_gql_arg_id(call, "addressId", "address", &id);
    if (rc == WM_OK) rc = read_input(call, &in);
    if (rc == WM_OK) rc = address_update(call->ctx, v->user_id, id, &in, &a);
    return shared_gql_payload(call, rc, "Address updated", "address", gql_ptr(a, NULL), out);
}

int addresses_gql_delete(struct gql_call *call, struct gql_value *out)
{
    const struct viewer *v = NULL;
    int rc = account_viewer(call->ctx, &v);
    if (rc != WM_OK) return rc;
    int64_t id = 0;
    rc = shared_gql_arg_id(call, "addressId", "address", &id);
    if (rc == WM_OK) rc = address_delete(call->ctx, v->user_id, id);
    return shared_gql_payload(call, rc, "Address deleted", NULL, gql_null(), out);
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
