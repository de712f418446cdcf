/*
 * onboarding_gql.h: the GraphQL adapter of the onboarding domain: Mutation.switchAccountType
 * (SwitchAccountTypePayload {success, message, user, shop, onboarding}) and
 * Query.vendorOnboarding (VendorOnboarding {complete, steps {key, done}}).
 */
#ifndef WM_MARKET_ONBOARDING_GQL_H
#define WM_MARKET_ONBOARDING_GQL_H

#include "graphql/graphql.h"

gql_resolve_fn onboarding_gql_switch_account_type;
gql_resolve_fn onboarding_gql_vendor_onboarding;

#endif
