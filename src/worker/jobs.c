/*
 * jobs.c: THE table of job kinds: every kind `market worker` can run, with its handler (git
 * commands[] style). A kind queued by a domain (jobs_enqueue) and missing here ends dead.
 */
#include "worker/worker_int.h"

#include <string.h>

/* clang-format off */
static const struct job_kind job_kinds[] = {
    { "mail",     mail_job_run,     "render templates/mail/<template>.*.cs and send it (SMTP or .eml)" },
    { "media_gc", media_gc_job_run, "remove anonymous uploads nothing referenced within media.anon_ttl_s" },
    { "cart_gc",  cart_gc_job_run,  "remove anonymous web carts whose expiry passed (30 days after their last use)" },
    { "jobs_gc",  jobs_gc_job_run,  "delete finished jobs after jobs.keep_done_days, dead ones after jobs.keep_dead_days" },
    { "views_flush", views_flush_job_run, "add the product views counted in memcached to products.views" },
};
/* clang-format on */

const struct job_kind *job_kind_find(const char *name)
{
    for (size_t i = 0; i < sizeof(job_kinds) / sizeof(job_kinds[0]); i++)
        if (strcmp(job_kinds[i].name, name) == 0) return &job_kinds[i];
    return NULL;
}
