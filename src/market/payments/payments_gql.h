/*
 * payments_gql.h: the GraphQL adapter of the payments domain: Query.myPaymentMethods,
 * Mutation.addPaymentMethod, updatePaymentMethod and deletePaymentMethod, and the
 * PaymentMethod type. Every field needs a signed-in viewer (UNAUTHENTICATED error otherwise).
 * The mutations answer the app's payloads: a card that fails a check, an unknown (or another
 * user's) payment method id and the per-user cap give success false with the reason in
 * message and nothing changed; only internal failures are GraphQL errors.
 */
#ifndef WM_MARKET_PAYMENTS_GQL_H
#define WM_MARKET_PAYMENTS_GQL_H

#include "graphql/graphql.h"

/* Query.myPaymentMethods: [PaymentMethod] of the viewer, the default first. */
gql_resolve_fn payments_gql_my_payment_methods;
/* Mutation.addPaymentMethod: PaymentMethodPayload {success, message, paymentMethod}. */
gql_resolve_fn payments_gql_add_payment_method;
/* Mutation.updatePaymentMethod: PaymentMethodPayload; null flags stay unchanged. */
gql_resolve_fn payments_gql_update_payment_method;
/* Mutation.deletePaymentMethod: MutationResponse {success, message}. */
gql_resolve_fn payments_gql_delete_payment_method;

/* Field map of the PaymentMethod type (source: struct payment_method). */
extern const struct gql_field_map payments_gql_payment_method_fields[];

#endif
