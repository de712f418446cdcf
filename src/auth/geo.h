/*
 * geo.h: the country of an IP address, for the active-sessions list ("where did this sign-in
 * come from?"), from Debian's geoip-database (the GeoLite country files in /usr/share/GeoIP,
 * read with libGeoIP). Loopback and private addresses are "Local network". A coarse hint for
 * a person, never a security decision: a missing database means no location.
 */
#ifndef WM_AUTH_GEO_H
#define WM_AUTH_GEO_H

/* Where Debian's geoip-database puts the country files (GeoIP.dat, GeoIPv6.dat). */
#define GEO_DIR "/usr/share/GeoIP"

/*
 * A place for ip (IPv4 or IPv6 text): "Local network" for loopback, private (RFC 1918,
 * RFC 4193) and link-local addresses, the country's English name when the database knows
 * the address, NULL otherwise (and for NULL, malformed input or a missing database). The
 * string is static. The databases are opened on first use and kept for the process.
 */
const char *geo_location(const char *ip);

#endif
