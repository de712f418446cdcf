#!/usr/bin/env bash
# check_includes.sh: enforce the layer rule of STYLE.md §2.2: a file may include only project
# headers from the modules below it. Prints each violation; exits 1 if there is any.
set -euo pipefail
cd "$(dirname "$0")/../.."

allowed() { # module -> space-separated list of modules it may include
    case "$1" in
    core) echo "core" ;;
    graphql) echo "core graphql" ;;
    http) echo "core http" ;;
    db) echo "core db" ;;
    cache) echo "core cache" ;;
    auth) echo "core db cache auth" ;;
    market) echo "core db cache auth market graphql http web" ;;
    api) echo "core graphql http api market db" ;; # db: each mutation's transaction
    web) echo "core http web market db api" ;; # db: ROUTE_TX; api: the GraphQL routes
    worker | realtime | searchd) echo "core db cache auth market $1" ;;
    bin) echo "*" ;;
    *) echo "" ;;
    esac
}

bad=0
while IFS= read -r f; do
    mod=$(echo "$f" | cut -d/ -f2)
    ok=$(allowed "$mod")
    [ "$ok" = "*" ] && continue
    while IFS= read -r inc; do
        dep=${inc%%/*}
        case " $ok " in
        *" $dep "*) ;;
        *) echo "$f: includes \"$inc\" but $mod may include only: $ok"; bad=1 ;;
        esac
        # Domain code: only X_gql.c may reach graphql, only X_web.c http/web.
        if [ "$mod" = market ]; then
            case "$dep:$f" in
            graphql:*_gql.c | graphql:*_gql.h | http:*_web.c | web:*_web.c) ;;
            graphql:* | http:* | web:*) echo "$f: a domain's rules may not include \"$inc\""; bad=1 ;;
            esac
        fi
    done < <(grep -oE '^#include "[a-z_]+/[^"]+"' "$f" | sed -E 's/#include "(.*)"/\1/')
done < <(git ls-files 'src/*.c' 'src/*.h')
exit $bad
