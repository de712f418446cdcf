/*
 * hash.h: FNV-1a 64, the one non-cryptographic hash of the project (cache keys of documents,
 * token fingerprints, body digests for tests). Never for anything an attacker must not forge.
 */
#ifndef WM_CORE_HASH_H
#define WM_CORE_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_FNV1A_INIT UINT64_C(0xcbf29ce484222325) /* the FNV-1a 64 offset basis */

/* Continue the FNV-1a 64 hash h over n bytes at p (start with HASH_FNV1A_INIT). */
static inline uint64_t hash_fnv1a_more(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 1099511628211ULL;
    }
    return h;
}

/* FNV-1a 64 of n bytes at p. */
static inline uint64_t hash_fnv1a(const void *p, size_t n)
{
    return hash_fnv1a_more(HASH_FNV1A_INIT, p, n);
}

#endif
