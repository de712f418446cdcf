/*
 * geo.c: IP address to a place (geo.h) over libGeoIP's country databases, opened once per
 * process and mapped (GEOIP_MMAP_CACHE: the 10 MB of files stay in the shared page cache and
 * a lookup touches a few pages, so a worker's RSS barely moves), queried with the
 * thread-safe _gl calls.
 */
#include "auth/geo.h"

#include <arpa/inet.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include <GeoIP.h>

static GeoIP *db4;
static GeoIP *db6;
static bool tried;

/* Open the databases once; a missing file just leaves its handle NULL. */
static void geo_open(void)
{
    if (tried) return;
    tried = true;
    db4 = GeoIP_open(GEO_DIR "/GeoIP.dat", GEOIP_MMAP_CACHE | GEOIP_SILENCE);
    db6 = GeoIP_open(GEO_DIR "/GeoIPv6.dat", GEOIP_MMAP_CACHE | GEOIP_SILENCE);
}

/* Loopback, private and link-local addresses, by their parsed bytes. */
static bool is_local(const char *ip)
{
    unsigned char a[16];
    if (inet_pton(AF_INET, ip, a) == 1)
        return a[0] == 127 || a[0] == 10 || (a[0] == 192 && a[1] == 168) ||
               (a[0] == 172 && a[1] >= 16 && a[1] <= 31) || (a[0] == 169 && a[1] == 254);
    if (inet_pton(AF_INET6, ip, a) == 1) {
        static const unsigned char loopback[16] = { [15] = 1 };
        return memcmp(a, loopback, 16) == 0 || (a[0] & 0xfe) == 0xfc ||
               (a[0] == 0xfe && (a[1] & 0xc0) == 0x80);
    }
    return false;
}

const char *geo_location(const char *ip)
{
    if (!ip || !*ip) return NULL;
    if (is_local(ip)) return "Local network";
    geo_open();
    GeoIPLookup gl;
    memset(&gl, 0, sizeof(gl));
    unsigned char a[16];
    if (inet_pton(AF_INET, ip, a) == 1)
        return db4 ? GeoIP_country_name_by_addr_gl(db4, ip, &gl) : NULL;
    if (inet_pton(AF_INET6, ip, a) == 1)
        return db6 ? GeoIP_country_name_by_addr_v6_gl(db6, ip, &gl) : NULL;
    return NULL;
}
