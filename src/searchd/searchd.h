/*
 * searchd.h: `market searchd`, the search server. It reads every product into an in-memory
 * index (market/search/search_index.h), then answers the FastCGI workers' searches over the
 * unix socket search.socket (market/search/search_int.h has the wire format), following the
 * change log search_changes (migration 0015) so the index stays in step with the catalog:
 * before each query it applies the changes committed since the last look (a write is seen by
 * the next search), and every second when idle. Sequence numbers that are skipped (a
 * transaction still open, or rolled back) are looked at again for ten seconds. Queries run on
 * a pool of threads, one per processor (searchd.c).
 */
#ifndef WM_SEARCHD_SEARCHD_H
#define WM_SEARCHD_SEARCHD_H

#include <signal.h>

struct wm_ctx;

struct searchd_opts {
    volatile sig_atomic_t *stop; /* set by the caller's SIGTERM/SIGINT handler (not NULL) */
};

/*
 * Load the index, listen on ctx->config->search_socket (a stale socket file is replaced) and
 * serve until *opts->stop is set. ctx needs config, db and an arena (reset after each
 * request). Returns WM_OK after a stop, or an error when the socket cannot be set up or the
 * first load fails.
 */
int searchd_run(struct wm_ctx *ctx, const struct searchd_opts *opts);

#endif
