/*
 * routes.c: THE table of HTTP routes (git's commands[]). One row per route: method, path
 * pattern, handler, flags that the dispatcher honours before the handler runs (ROUTE_*, see
 * http.h). Rows are tried in order: specific patterns before general ones.
 */
#include "web/web.h"

#include "api/api.h"

/* clang-format off */
const struct route web_routes[] = {
    /* method        pattern              handler             flags        params */
    { HTTP_GET,      "/healthz",          web_healthz,        ROUTE_JSON,  NULL },
    { HTTP_POST,     "/graphql/",         api_graphql,        ROUTE_JSON | ROUTE_UPLOAD, NULL },
    { HTTP_GET,      "/graphql/",         api_graphql,        ROUTE_JSON,  NULL },
    { HTTP_GET,      "/graphql/schema.graphql", api_schema_sdl, 0,         NULL },
    { HTTP_POST,     "/wms/graphql/",     api_graphql,        ROUTE_JSON | ROUTE_UPLOAD, NULL },
    { HTTP_GET,      "/wms/graphql/",     api_graphql,        ROUTE_JSON,  NULL },
    { HTTP_POST,     "/api/upload-image/", web_upload_image, ROUTE_JSON | ROUTE_UPLOAD | ROUTE_TX, NULL },
    { HTTP_GET,      "/debug/request",    web_debug_request,  ROUTE_JSON,  NULL },
    { HTTP_POST,     "/debug/request",    web_debug_request,  ROUTE_JSON,  NULL },
    { HTTP_PUT,      "/debug/request",    web_debug_request,  ROUTE_JSON,  NULL },
};
/* clang-format on */

const size_t web_routes_count = sizeof(web_routes) / sizeof(web_routes[0]);
