/*
 * addresses.h: the addresses domain: a user's postal addresses (shipping, billing, pick-up),
 * typed home, work or other, with at most one default address per type. Every function acts
 * for one owner (the signed-in user's id, which the caller got from account_viewer()): another
 * user's address is exactly as unknown as an address that does not exist. The mutating
 * functions must run inside a transaction (the GraphQL surface opens one per mutation); they
 * check everything before they write, so a failure leaves nothing changed. Strings returned
 * live in ctx->arena.
 */
#ifndef WM_MARKET_ADDRESSES_H
#define WM_MARKET_ADDRESSES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct wm_ctx;

/* Most addresses one user may keep. */
#define ADDRESS_MAX_PER_USER 50

/* Longest values, in characters (the columns' sizes). */
#define ADDRESS_NAME_MAX         100
#define ADDRESS_PHONE_MAX        32
#define ADDRESS_STREET_MAX       255
#define ADDRESS_CITY_MAX         100
#define ADDRESS_STATE_MAX        100
#define ADDRESS_COUNTRY_MAX      100
#define ADDRESS_POSTAL_CODE_MAX  20
#define ADDRESS_INSTRUCTIONS_MAX 500

/* An address as the API shows it. Text fields are arena strings, NULL for SQL NULL. */
struct address {
    int64_t id;
    char *name; /* the user's label ("Home", "Office") */
    char *phone_number;
    char *street_address;
    char *city;
    char *state; /* NULL when never given */
    char *country;
    char *postal_code;
    char *address_type; /* "home", "work" or "other" */
    bool is_default;    /* the default address of its type */
    bool has_latitude;  /* latitude is meaningful */
    bool has_longitude;
    double latitude;
    double longitude;
    char *instructions;
    char *created_at; /* "YYYY-MM-DD HH:MM:SS.ffffff", UTC */
    char *updated_at;
};

/*
 * What a client sends to create or change an address. A NULL string or a false has_ flag
 * means "not given": on create the field takes its default (addressType home, the others
 * none), on update it stays unchanged (the app sends explicit nulls for the fields it does not
 * change). Strings are NUL-terminated; surrounding blanks are removed before they are checked
 * and stored.
 */
struct address_input {
    const char *name;
    const char *phone_number;
    const char *street_address;
    const char *city;
    const char *state;
    const char *country;
    const char *postal_code;
    const char *address_type; /* home, work or other, in any letter case */
    const char *instructions;
    bool has_is_default;
    bool is_default;
    bool has_latitude;
    double latitude;
    bool has_longitude;
    double longitude;
};

/* The canonical type ("home", "work", "other") for a client's word in any ASCII letter case
 * (surrounding blanks ignored), or NULL for anything else. */
const char *address_type_parse(const char *word);

/*
 * The addresses of user_id, defaults first, then newest first: *out is an arena array of *n
 * addresses. Returns WM_OK or a database error.
 */
int address_list(struct wm_ctx *ctx, int64_t user_id, struct address **out, size_t *n);

/*
 * Create an address for user_id. name, phoneNumber, streetAddress, city and postalCode are
 * required and must not be blank. The new address becomes the default of its type when asked
 * (the previous default of that type stops being one) and also when its type has no default
 * yet (so the first address of a type is always its default, whatever is_default says).
 * Returns WM_OK with *out; WM_EINVAL (message names the field and the rule) or WM_ELIMIT (more
 * than ADDRESS_MAX_PER_USER) with nothing written; or a database error.
 */
int address_create(struct wm_ctx *ctx, int64_t user_id, const struct address_input *in,
                   struct address **out);

/*
 * Change the fields of address id of user_id that in gives (see struct address_input); the
 * merged address is checked as on create. is_default true makes it the default of its type
 * (clearing the previous one); false on the default leaves its type without a default. An
 * address whose type changes keeps being a default only if is_default true says so or its
 * new type has no default yet; its old type is left without one (nothing is promoted).
 * Returns WM_OK with *out; WM_ENOTFOUND ("address '<id>' not found", also for another user's
 * address) or WM_EINVAL, with nothing written; or a database error.
 */
int address_update(struct wm_ctx *ctx, int64_t user_id, int64_t id, const struct address_input *in,
                   struct address **out);

/*
 * Delete address id of user_id. Deleting a default leaves its type without a default: no
 * other address is promoted silently (the next address created in that type becomes it).
 * Returns WM_OK; WM_ENOTFOUND (also for another user's address); or a database error.
 */
int address_delete(struct wm_ctx *ctx, int64_t user_id, int64_t id);

#endif
