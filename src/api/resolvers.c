/*
 * resolvers.c: THE table of GraphQL root fields (git's commands[]) and the table of object
 * type maps. gql_schema_build() checks both against schema.graphql at start-up: a root field
 * without a row, a row without a field, an object type without a map, or a map that disagrees
 * with its type stops the worker with the field's name.
 */
#include "api/api_int.h"

#include "market/accounts/accounts_gql.h"
#include "market/addresses/addresses_gql.h"
#include "market/inventory/inventory_gql.h"
#include "market/media/media_gql.h"
#include "market/onboarding/onboarding_gql.h"
#include "market/cart/cart_gql.h"
#include "market/catalog/catalog_gql.h"
#include "market/payments/payments_gql.h"
#include "market/system/system_gql.h"
#include "market/vendors/vendors_gql.h"
#include "market/wishlist/wishlist_gql.h"

/* clang-format off */
const struct gql_root_field api_root_fields[] = {
    /* type        field        resolver               flags */
    { "Query",     "health",    system_gql_health,     0 },
    { "Query",     "viewMe",    accounts_gql_view_me,  0 },
    { "Query",     "is2FAEnabled",      accounts_gql_is_2fa_enabled,     0 },
    { "Query",     "getActiveSessions", accounts_gql_active_sessions,    0 },
    { "Mutation",  "register",  accounts_gql_register, 0 },
    { "Mutation",  "login",     accounts_gql_login,    0 },
    { "Mutation",  "logout",    accounts_gql_logout,   0 },
    { "Mutation",  "refreshToken",      accounts_gql_refresh_token,      0 },
    { "Mutation",  "verifyToken",       accounts_gql_verify_token,       0 },
    { "Mutation",  "revokeToken",       accounts_gql_revoke_token,       0 },
    { "Mutation",  "resetPassword",     accounts_gql_reset_password,     0 },
    { "Mutation",  "enable2FA",         accounts_gql_enable_2fa,         0 },
    { "Mutation",  "disable2FA",        accounts_gql_disable_2fa,        0 },
    { "Mutation",  "verify2FA",         accounts_gql_verify_2fa,         0 },
    { "Mutation",  "terminateSession",  accounts_gql_terminate_session,  0 },
    { "Mutation",  "terminateAllOtherSessions", accounts_gql_terminate_others, 0 },
    { "Mutation",  "updateUser",        accounts_gql_update_user,        0 },
    { "Mutation",  "setProfilePicture", accounts_gql_set_profile_picture, 0 },
    { "Mutation",  "switchAccountType", onboarding_gql_switch_account_type, 0 },
    { "Query",     "vendorOnboarding",  onboarding_gql_vendor_onboarding, 0 },
    { "Mutation",  "verifyEmail",       accounts_gql_verify_email,       0 },
    { "Mutation",  "resendVerificationEmail", accounts_gql_resend_verification, 0 },
    { "Mutation",  "requestPasswordReset", accounts_gql_request_password_reset, 0 },
    { "Mutation",  "resetPasswordWithToken", accounts_gql_reset_password_with_token, 0 },
    { "Query",     "myAddresses",         addresses_gql_my_addresses,         0 },
    { "Query",     "myPaymentMethods",    payments_gql_my_payment_methods,    0 },
    { "Mutation",  "createAddress",       addresses_gql_create,               0 },
    { "Mutation",  "updateAddress",       addresses_gql_update,               0 },
    { "Mutation",  "deleteAddress",       addresses_gql_delete,               0 },
    { "Mutation",  "addPaymentMethod",    payments_gql_add_payment_method,    0 },
    { "Mutation",  "updatePaymentMethod", payments_gql_update_payment_method, 0 },
    { "Mutation",  "deletePaymentMethod", payments_gql_delete_payment_method, 0 },
    { "Mutation",  "uploadImage",         media_gql_upload_image,             0 },
    { "Mutation",  "presignImageUpload",  media_gql_presign_upload,           0 },
    { "Query",     "allProducts",         catalog_gql_all_products,           CATALOG_GQL_PUBLIC },
    { "Query",     "product",             catalog_gql_product,                CATALOG_GQL_PUBLIC },
    { "Query",     "featuredProducts",    catalog_gql_featured_products,      CATALOG_GQL_PUBLIC },
    { "Query",     "categories",          catalog_gql_categories,             CATALOG_GQL_PUBLIC },
    { "Query",     "searchProducts",      catalog_gql_search_products,        CATALOG_GQL_PUBLIC },
    { "Query",     "vendorProducts",      catalog_gql_vendor_products,        0 },
    { "Query",     "vendorProduct",       catalog_gql_vendor_product,         0 },
    { "Query",     "vendorById",          vendors_gql_vendor_by_id,           CATALOG_GQL_PUBLIC },
    { "Query",     "vendorProfileById",   vendors_gql_vendor_profile_by_id,   CATALOG_GQL_PUBLIC },
    { "Query",     "myShop",              vendors_gql_my_shop,                0 },
    { "Query",     "inventoryItems",      inventory_gql_items,                0 },
    { "Query",     "inventoryItem",       inventory_gql_item,                 0 },
    { "Query",     "inventoryLocations",  inventory_gql_locations,            0 },
    { "Query",     "inventoryLedger",     inventory_gql_ledger,               0 },
    { "Mutation",  "updateInventoryItem", inventory_gql_update_item,          0 },
    { "Mutation",  "adjustStock",         inventory_gql_adjust_stock,         0 },
    { "Mutation",  "transferStock",       inventory_gql_transfer_stock,       0 },
    { "Mutation",  "createInventoryLocation", inventory_gql_create_location,  0 },
    { "Mutation",  "createProduct",       catalog_gql_create_product,         0 },
    { "Mutation",  "updateProduct",       catalog_gql_update_product,         0 },
    { "Mutation",  "deleteProduct",       catalog_gql_delete_product,         0 },
    { "Mutation",  "duplicateProduct",    catalog_gql_duplicate_product,      0 },
    { "Mutation",  "getShopData",         catalog_gql_shop_data,              0 },
    { "Mutation",  "updateShopSettings",  vendors_gql_update_shop_settings,   0 },
    { "Query",     "myCart",              cart_gql_my_cart,                   0 },
    { "Mutation",  "addToCart",           cart_gql_add,                       0 },
    { "Mutation",  "updateCartItem",      cart_gql_update,                    0 },
    { "Mutation",  "removeFromCart",      cart_gql_remove,                    0 },
    { "Mutation",  "clearCart",           cart_gql_clear,                     0 },
    { "Query",     "myWishlist",          wishlist_gql_my_wishlist,           0 },
    { "Mutation",  "addToWishlist",       wishlist_gql_add,                   0 },
    { "Mutation",  "removeFromWishlist",  wishlist_gql_remove,                0 },
};

const struct gql_type_map api_type_maps[] = {
    /* type              field map */
    { "Health",          system_gql_health_fields },
    { "User",            accounts_gql_user_fields },
    { "RegisterPayload", NULL },
    { "LoginPayload",    NULL },
    { "LogoutPayload",   NULL },
    { "MutationResponse",    NULL },
    { "RefreshTokenPayload", NULL },
    { "VerifyTokenPayload",  NULL },
    { "RevokeTokenPayload",  NULL },
    { "TwoFactorStatus",     NULL },
    { "Enable2FAPayload",    NULL },
    { "Session",             accounts_gql_session_fields },
    { "ActiveSessions",      NULL },
    { "UpdateUserPayload",   NULL },
    { "ProfilePicture",      NULL },
    { "Address",              addresses_gql_address_fields },
    { "AddressPayload",       NULL },
    { "PaymentMethod",        payments_gql_payment_method_fields },
    { "PaymentMethodPayload", NULL },
    { "UploadPayload",        NULL },
    { "PresignedUpload",      NULL },
    { "Product",              catalog_gql_product_fields },
    { "CatalogProduct",       catalog_gql_catalog_product_fields },
    { "Category",             catalog_gql_category_fields },
    { "Brand",                catalog_gql_brand_fields },
    { "Size",                 catalog_gql_size_fields },
    { "Material",             catalog_gql_material_fields },
    { "Vendor",               vendors_gql_vendor_fields },
    { "PageInfo",             NULL },
    { "CatalogProductConnection", catalog_gql_search_connection_fields },
    { "CatalogProductEdge",   NULL },
    { "ProductConnection",    NULL },
    { "ProductEdge",          NULL },
    { "SearchFacets",         NULL },
    { "FacetCount",           NULL },
    { "SwitchAccountTypePayload", NULL },
    { "VendorOnboarding",     NULL },
    { "OnboardingStep",       NULL },
    { "PriceTier",            NULL },
    { "AccountPrice",         NULL },
    { "InventoryItem",        inventory_gql_item_fields },
    { "InventoryVariant",     inventory_gql_variant_fields },
    { "InventoryLevel",       inventory_gql_level_fields },
    { "InventoryLocation",    inventory_gql_location_fields },
    { "InventoryLedgerEntry", inventory_gql_entry_fields },
    { "InventoryItemConnection",   NULL },
    { "InventoryItemEdge",         NULL },
    { "InventoryLedgerConnection", NULL },
    { "InventoryLedgerEdge",       NULL },
    { "InventoryItemPayload",      NULL },
    { "InventoryLocationPayload",  NULL },
    { "ProductPayload",       NULL },
    { "UpdateProductPayload", NULL },
    { "ShopStats",            NULL },
    { "ShopDataPayload",      NULL },
    { "UpdateShopSettingsPayload", NULL },
    { "Cart",                 cart_gql_cart_fields },
    { "CartItem",             cart_gql_item_fields },
    { "CartVendorGroup",      cart_gql_group_fields },
    { "CartItemPayload",      NULL },
    { "ClearCartPayload",     NULL },
    { "WishlistItem",         wishlist_gql_item_fields },
    { "WishlistItemPayload",  NULL },
};
/* clang-format on */

const size_t api_root_fields_count = sizeof(api_root_fields) / sizeof(api_root_fields[0]);
const size_t api_type_maps_count = sizeof(api_type_maps) / sizeof(api_type_maps[0]);
