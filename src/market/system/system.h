/*
 * system.h: the "system" domain: facts about the running service itself (health of the
 * database and cache, schema version). Used by GET /healthz and `market` commands.
 */
#ifndef WM_MARKET_SYSTEM_H
#define WM_MARKET_SYSTEM_H

#include <stdbool.h>

struct wm_ctx;

struct system_health {
    bool db_up;           /* a cheap round trip to MariaDB succeeded */
    bool cache_enabled;   /* cache.servers is configured */
    bool cache_up;        /* a memcached server answered */
    char *schema_version; /* latest applied migration (arena string), NULL if unknown */
    double db_ms;         /* round-trip time of the database check */
    double cache_ms;      /* round-trip time of the cache check */
};

/*
 * Check the database and the cache. Always fills out; returns WM_OK when the database is
 * up (the service can work without memcached) and WM_EUNAVAIL when it is not.
 */
int system_health(struct wm_ctx *ctx, struct system_health *out);

#endif
