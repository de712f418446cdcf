/*
 * rand.c: random bytes from getrandom(2) (rand.h). getrandom blocks only until the kernel's
 * pool is first seeded, and returns at most 32 MiB per call: loop until n bytes are filled.
 */
#include "core/rand.h"

#include <errno.h>
#include <sys/random.h>
#include <sys/types.h>

int rand_bytes(void *p, size_t n)
{
    unsigned char *out = p;
    while (n > 0) {
        ssize_t got = getrandom(out, n, 0);
        if (got < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        out += got;
        n -= (size_t)got;
    }
    return 0;
}

int rand_hex(char *out, size_t nbytes)
{
    static const char digits[] = "0123456789abcdef";
    /* Draw into the second half of out, then expand front to back: byte i is read before
     * characters 2i and 2i+1 overwrite it (2i + 1 <= nbytes + i for every i < nbytes). */
    unsigned char *raw = (unsigned char *)out + nbytes;
    if (rand_bytes(raw, nbytes) != 0) return -1;
    for (size_t i = 0; i < nbytes; i++) {
        unsigned char b = raw[i];
        out[2 * i] = digits[b >> 4];
        out[2 * i + 1] = digits[b & 15];
    }
    out[2 * nbytes] = '\0';
    return 0;
}
