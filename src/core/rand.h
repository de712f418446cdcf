/*
 * rand.h: random bytes from the kernel (getrandom(2)) for secrets, salts, tokens and ids.
 * The one place that talks to getrandom: retries on EINTR and short reads.
 */
#ifndef WM_CORE_RAND_H
#define WM_CORE_RAND_H

#include <stddef.h>

/* Fill n bytes at p. Returns 0, or -1 with errno set when the kernel refuses. */
int rand_bytes(void *p, size_t n);

/* 2 * nbytes lowercase hex characters of nbytes random bytes, NUL-terminated, into out
 * (2 * nbytes + 1 bytes). Returns 0, or -1 with errno set. */
int rand_hex(char *out, size_t nbytes);

#endif
