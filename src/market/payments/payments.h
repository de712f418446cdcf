/*
 * payments.h: the payments domain. For now it holds a user's saved payment methods (cards):
 * the card-number checks (digits, Luhn, the brand from the IIN ranges and its lengths, the
 * CVV's shape, the expiry) and the stored methods, of which at most one per user is the
 * default. A card number and a CVV are checked and then forgotten: only the brand, the last
 * four digits, the expiry and the holder's name are stored, and no message or log line ever
 * holds the number or the CVV. There is no payment processor here (no Stripe tokenisation yet).
 * Orders' payments will join this directory later under their own prefix.
 *
 * Every payment_method_* function acts for one owner (the signed-in user's id, from
 * account_viewer()): another user's method is exactly as unknown as a missing one. The
 * mutating functions must run inside a transaction and check everything before they write.
 * Strings returned live in ctx->arena.
 */
#ifndef WM_MARKET_PAYMENTS_H
#define WM_MARKET_PAYMENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct wm_ctx;

/* Most payment methods one user may keep. */
#define PAYMENT_METHOD_MAX_PER_USER 20
/* Longest card holder name and payment type word, in characters (the columns' sizes). */
#define PAYMENT_HOLDER_MAX 100
#define PAYMENT_TYPE_MAX   32
/* Longest card number (ISO/IEC 7812) and the buffer that holds one with its NUL. */
#define PAYMENT_CARD_DIGITS_MAX 19
/* How many years ahead an expiry may be (cards are issued for 3 to 5, some for 10). */
#define PAYMENT_EXPIRY_YEARS_MAX 20

/* ---- card numbers (pure functions: no context, no I/O) ------------------------------------ */

/* A card network: its name as the API shows it, and the number lengths it issues. */
struct card_brand {
    const char *name; /* "Visa", "Mastercard", "American Express", "Discover", "JCB",
                         "Diners Club", "UnionPay" */
    uint32_t lengths; /* bit n set: numbers of n digits are issued */
    unsigned cvv_len; /* 4 for American Express, 3 for the others */
};

/*
 * Copy the digits of number into digits (room for PAYMENT_CARD_DIGITS_MAX + 1 bytes), dropping
 * spaces and dashes. False when anything else is in it, when it has no digit, or when it has
 * more than PAYMENT_CARD_DIGITS_MAX digits (digits is then "").
 */
bool payment_card_digits(const char *number, char digits[PAYMENT_CARD_DIGITS_MAX + 1]);

/* True when the digit string passes the Luhn (mod 10) check; false for "" and non-digits. */
bool payment_card_luhn_ok(const char *digits);

/*
 * The brand of a digit string from its leading digits (IIN ranges: Visa 4; Mastercard 51-55
 * and 2221-2720; American Express 34, 37; Discover 6011, 644-649, 65, 622126-622925; JCB
 * 3528-3589; Diners Club 300-305, 36, 38-39; UnionPay other 62), or NULL when none matches.
 * The length is not checked here: see payment_card_length_ok(). Static storage.
 */
const struct card_brand *payment_card_brand(const char *digits);

/* True when the number of digits is one the brand issues (Visa 13, 16, 19; Mastercard 16;
 * American Express 15; Discover, JCB, UnionPay 16-19; Diners Club 14-19). */
bool payment_card_length_ok(const struct card_brand *brand, const char *digits);

/* True when cvv is exactly brand->cvv_len ASCII digits. */
bool payment_card_cvv_ok(const struct card_brand *brand, const char *cvv);

/*
 * Check an expiry against the current UTC year and month (now_year, now_month): the card is
 * valid through the last day of its month. WM_OK, or WM_EINVAL recorded in ctx with the
 * reason: month not in 1..12, expired, or more than PAYMENT_EXPIRY_YEARS_MAX years ahead.
 */
int payment_card_expiry_check(struct wm_ctx *ctx, int month, int year, int now_year, int now_month);

/* ---- saved payment methods ----------------------------------------------------------------- */

/* A saved card as the API shows it. Text fields are arena strings. */
struct payment_method {
    int64_t id;
    char *payment_type;   /* the client's word as sent ("Visa", "Unknown" ...): a hint */
    char *card_brand;     /* ours, from the number */
    char *card_last_four; /* 4 digits */
    int32_t card_exp_month;
    int32_t card_exp_year;
    char *card_holder_name;
    bool is_default;
    bool is_active;   /* false: kept and listed, marked not to be charged */
    char *created_at; /* "YYYY-MM-DD HH:MM:SS.ffffff", UTC */
    char *updated_at;
};

/* What addPaymentMethod sends. The number and the CVV are read, never kept. */
struct payment_card_input {
    const char *payment_type;
    const char *card_number;
    int exp_month;
    int exp_year;
    const char *cvv;
    const char *holder_name;
    bool is_default;
};

/* The payment methods of user_id, the default first, then newest first: *out is an arena
 * array of *n methods. Returns WM_OK or a database error. */
int payment_method_list(struct wm_ctx *ctx, int64_t user_id, struct payment_method **out,
                        size_t *n);

/*
 * Check a card and save what may be kept of it for user_id. The number must have only digits,
 * spaces and dashes, a known brand, that brand's length and a valid Luhn check digit; the CVV
 * the brand's length of digits; the expiry per payment_card_expiry_check() against today;
 * the holder name must not be blank. The new method becomes the default when asked or when
 * the user has no default yet (the old default stops being one). Messages never quote the
 * number or the CVV. Returns WM_OK with *out; WM_EINVAL or WM_ELIMIT (more than
 * PAYMENT_METHOD_MAX_PER_USER) with nothing written; or a database error.
 */
int payment_method_add(struct wm_ctx *ctx, int64_t user_id, const struct payment_card_input *in,
                       struct payment_method **out);

/* What payment_method_update() changes: each part only when its flag or value is given. */
struct payment_method_change {
    bool set_default;
    bool is_default;
    bool set_active;
    bool is_active;
    int exp_month;           /* 0: unchanged (a renewed card keeps its number) */
    int exp_year;            /* 0: unchanged */
    const char *holder_name; /* NULL: unchanged */
};

/*
 * Change method id of user_id: the default flag (making it the default clears the others),
 * the active flag, the expiry (checked like a new card's, with the other half taken from the
 * saved one) and the holder's name (trimmed, not blank, at most PAYMENT_HOLDER_MAX
 * characters, one line). Everything is checked before anything is written: WM_EINVAL naming
 * the argument; WM_ENOTFOUND for another user's or an unknown id. *out the method after it.
 */
int payment_method_update(struct wm_ctx *ctx, int64_t user_id, int64_t id,
                          const struct payment_method_change *in, struct payment_method **out);

/*
 * Delete method id of user_id. Deleting the default promotes no other method (the next card
 * added becomes the default). WM_OK, WM_ENOTFOUND, or a database error.
 */
int payment_method_delete(struct wm_ctx *ctx, int64_t user_id, int64_t id);

#endif
