/*
 * io.c: the three kinds of struct http_io. A FastCGI io reads and writes the libfcgi streams
 * of an accepted request, a CGI io uses stdin, stdout and environ, and a memory io serves
 * tests. Everything above this file sees only read, write and envp, so the parsers run the
 * same on all three.
 */
#include "http/http.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <fcgiapp.h>

#include "core/buf.h"
#include "core/err.h"

extern char **environ;

/* libfcgi counts in int: larger requests are split into INT_MAX-sized calls. */
static int fcgi_chunk(size_t n)
{
    return n > INT_MAX ? INT_MAX : (int)n;
}

static ssize_t fcgi_read(struct http_io *io, void *p, size_t n)
{
    FCGX_Request *req = io->handle;
    int got = FCGX_GetStr(p, fcgi_chunk(n), req->in);
    if (got < 0 || (got == 0 && FCGX_GetError(req->in) != 0)) return -1;
    return got;
}

static int fcgi_write(struct http_io *io, const void *p, size_t n)
{
    FCGX_Request *req = io->handle;
    const char *s = p;
    while (n > 0) {
        int chunk = fcgi_chunk(n);
        if (FCGX_PutStr(s, chunk, req->out) != chunk) return -1;
        s += chunk;
        n -= (size_t)chunk;
    }
    return 0;
}

void http_io_fcgi(struct http_io *io, struct FCGX_Request *req)
{
    memset(io, 0, sizeof(*io));
    io->read = fcgi_read;
    io->write = fcgi_write;
    io->envp = req->envp;
    io->handle = req;
}

static ssize_t cgi_read(struct http_io *io, void *p, size_t n)
{
    (void)io;
    size_t got = fread(p, 1, n, stdin);
    if (got == 0 && ferror(stdin)) return -1;
    return (ssize_t)got;
}

static int cgi_write(struct http_io *io, const void *p, size_t n)
{
    (void)io;
    return fwrite(p, 1, n, stdout) == n ? 0 : -1;
}

static int cgi_flush(struct http_io *io)
{
    (void)io;
    return fflush(stdout) == 0 ? 0 : -1;
}

void http_io_cgi(struct http_io *io)
{
    memset(io, 0, sizeof(*io));
    io->read = cgi_read;
    io->write = cgi_write;
    io->flush = cgi_flush;
    io->envp = environ;
}

static ssize_t mem_read(struct http_io *io, void *p, size_t n)
{
    size_t left = io->mem.len - io->mem.pos;
    if (n > left) n = left;
    if (io->mem.chunk && n > io->mem.chunk) n = io->mem.chunk;
    if (n) memcpy(p, io->mem.body + io->mem.pos, n);
    io->mem.pos += n;
    return (ssize_t)n;
}

static int mem_write(struct http_io *io, const void *p, size_t n)
{
    buf_append(io->mem.out, p, n);
    return 0;
}

void http_io_mem(struct http_io *io, char **envp, const void *body, size_t len, struct buf *out)
{
    memset(io, 0, sizeof(*io));
    io->read = mem_read;
    io->write = mem_write;
    io->envp = envp;
    io->mem.body = body;
    io->mem.len = body ? len : 0;
    io->mem.out = out;
}

size_t http_io_read(struct http_io *io, void *p, size_t n)
{
    size_t total = 0;
    while (total < n) {
        ssize_t got = io->read(io, (char *)p + total, n - total);
        if (got <= 0) break;
        total += (size_t)got;
    }
    io->bytes_read += total;
    return total;
}

int http_io_write(struct http_io *io, const void *p, size_t n)
{
    if (n == 0) return WM_OK;
    if (io->write(io, p, n) != 0) return WM_EINTERNAL;
    io->bytes_written += n;
    return WM_OK;
}

const char *http_env(const struct http_io *io, const char *name)
{
    if (!io->envp) return NULL;
    size_t n = strlen(name);
    for (char **e = io->envp; *e; e++)
        if (strncmp(*e, name, n) == 0 && (*e)[n] == '=') return *e + n + 1;
    return NULL;
}
