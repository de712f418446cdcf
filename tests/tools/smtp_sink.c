/*
 * smtp_sink.c: a strict local SMTP server for the tests (RFC 5321 subset). It accepts mail on
 * 127.0.0.1 and writes each message to DIR/NNNN.eml, first line the envelope:
 *     X-Sink-Envelope: from=<a@b>; to=<c@d>,<e@f>
 * then the message as received (dot-unstuffed, CRLF line ends).
 *
 *   smtp-sink --dir DIR [--port N] [--port-file FILE] [--log FILE]
 *
 * --port 0 (the default) picks a free port; --port-file receives the port number (written
 * atomically once the socket listens). Connections are served one at a time.
 *
 * Commands: EHLO/HELO, MAIL FROM, RCPT TO, DATA, RSET, NOOP, QUIT. Strict: a command out of
 * order (MAIL before EHLO, RCPT before MAIL, DATA before an accepted RCPT, a second MAIL), an
 * unknown command, a malformed path or parameter, a line without CRLF or longer than 1000 bytes
 * gets a 5xx reply and a line "smtp-sink: protocol error: ..." in the log, which
 * tests/run-tests treats as a failure.
 *
 * Chosen recipients fail on purpose (by local part, no log line):
 *   reject...        550 permanent failure
 *   tempfail<N>-...  451 for the first N attempts to that exact address, then accepted
 *   tempfail...      (no number) 451 always
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <dirent.h>

#define LINE_MAX_BYTES 1000 /* RFC 5321 §4.5.3.1.6, CRLF included */
#define MAX_RCPT       100
#define MAX_MESSAGE    (10 * 1024 * 1024)
#define MAX_TEMPFAIL   512

struct sink {
    const char *dir;
    FILE *log;
    unsigned next_seq;
    struct {
        char addr[300];
        unsigned failures;
    } tempfail[MAX_TEMPFAIL];
    size_t ntempfail;
};

struct session {
    int fd;
    unsigned id;
    char in[8192]; /* bytes read and not yet consumed */
    size_t in_len;
    bool greeted;
    bool in_mail;
    char from[300];
    char rcpt[MAX_RCPT][300];
    size_t nrcpt;
};

/* realloc that aborts when memory runs out (test code: no recovery). */
static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n);
    if (!q) {
        fprintf(stderr, "out of memory (%zu bytes)\n", n);
        abort();
    }
    return q;
}

static void logf_(struct sink *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void logf_(struct sink *s, const char *fmt, ...)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    fprintf(s->log, "smtp-sink: %lld.%03ld ", (long long)ts.tv_sec, ts.tv_nsec / 1000000);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(s->log, fmt, ap);
    va_end(ap);
    fputc('\n', s->log);
    fflush(s->log);
}

/* Printable copy of a client line for the log. */
static const char *shown(const char *line, char out[200])
{
    size_t o = 0;
    for (const char *p = line; *p && o < 190; p++)
        out[o++] = (*p >= 0x20 && *p < 0x7f) ? *p : '?';
    out[o] = '\0';
    return out;
}

static bool reply(struct session *ss, const char *text)
{
    size_t n = strlen(text);
    char buf[1100];
    if (n + 2 > sizeof(buf)) return false;
    memcpy(buf, text, n);
    memcpy(buf + n, "\r\n", 2);
    const char *p = buf;
    size_t left = n + 2;
    while (left > 0) {
        ssize_t w = send(ss->fd, p, left, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        p += w;
        left -= (size_t)w;
    }
    return true;
}

static bool protocol_error(struct sink *s, struct session *ss, const char *code_text,
                           const char *why, const char *line)
{
    char show[200];
    logf_(s, "protocol error: conn %u: %s: \"%s\"", ss->id, why, shown(line ? line : "", show));
    return reply(ss, code_text);
}

/*
 * Read one line (without its CRLF) into line (LINE_MAX_BYTES + 1 bytes). Returns 1 for a line,
 * 0 at end of stream, -1 for a malformed line (*why set): bare LF, or too long (the rest of the
 * long line is skipped).
 */
static int read_line(struct session *ss, char *line, const char **why)
{
    bool too_long = false;
    for (;;) {
        char *lf = memchr(ss->in, '\n', ss->in_len);
        if (lf) {
            size_t n = (size_t)(lf - ss->in);
            bool crlf = n > 0 && ss->in[n - 1] == '\r';
            size_t body = crlf ? n - 1 : n;
            int rc = 1;
            if (too_long || body + 2 > LINE_MAX_BYTES) {
                *why = "line longer than 1000 bytes";
                rc = -1;
            } else if (!crlf) {
                *why = "line ends with a bare LF";
                rc = -1;
            }
            if (!too_long) {
                size_t keep = body < LINE_MAX_BYTES ? body : LINE_MAX_BYTES;
                memcpy(line, ss->in, keep);
                line[keep] = '\0';
            }
            memmove(ss->in, lf + 1, ss->in_len - n - 1);
            ss->in_len -= n + 1;
            return rc;
        }
        if (ss->in_len == sizeof(ss->in)) { /* no LF in 8 KiB: drop it, remember */
            too_long = true;
            line[0] = '\0';
            ss->in_len = 0;
        }
        ssize_t r = recv(ss->fd, ss->in + ss->in_len, sizeof(ss->in) - ss->in_len, 0);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return 0;
        ss->in_len += (size_t)r;
    }
}

static bool verb_is(const char *line, const char *verb)
{
    size_t n = strlen(verb);
    return strncasecmp(line, verb, n) == 0 && (line[n] == '\0' || line[n] == ' ');
}

/*
 * Parse "<path>" followed by optional " KEY=VALUE" parameters (only SIZE and BODY known) at s
 * into out. Returns a reason on error, NULL when fine. An empty path <> is allowed only when
 * allow_empty (MAIL FROM:<>).
 */
static const char *parse_path(const char *s, bool allow_empty, char *out, size_t outlen)
{
    if (*s != '<') return "path must start with '<'";
    const char *gt = strchr(s, '>');
    if (!gt) return "path has no '>'";
    size_t n = (size_t)(gt - s - 1);
    if (n >= outlen) return "path too long";
    memcpy(out, s + 1, n);
    out[n] = '\0';
    if (n == 0 && !allow_empty) return "empty path";
    if (n > 0) {
        const char *at = strchr(out, '@');
        if (!at || at == out || !at[1] || strchr(at + 1, '@')) return "path is not local@domain";
        for (const char *p = out; *p; p++)
            if ((unsigned char)*p <= 0x20 || *p == '<' || *p == '>' || (unsigned char)*p >= 0x7f)
                return "bad character in path";
    }
    const char *p = gt + 1;
    while (*p == ' ') {
        p++;
        if (strncasecmp(p, "SIZE=", 5) == 0) {
            p += 5;
            if (!isdigit((unsigned char)*p)) return "bad SIZE parameter";
            while (isdigit((unsigned char)*p))
                p++;
        } else if (strncasecmp(p, "BODY=8BITMIME", 13) == 0) {
            p += 13;
        } else if (strncasecmp(p, "BODY=7BIT", 9) == 0) {
            p += 9;
        } else {
            return "unknown parameter";
        }
    }
    return *p ? "junk after path" : NULL;
}

static void reset_tx(struct session *ss)
{
    ss->in_mail = false;
    ss->from[0] = '\0';
    ss->nrcpt = 0;
}

/* The reply to RCPT for addr: 250, or a chosen failure. */
static const char *rcpt_verdict(struct sink *s, const char *addr)
{
    if (strncasecmp(addr, "reject", 6) == 0) return "550 5.1.1 recipient rejected (reject*)";
    if (strncasecmp(addr, "tempfail", 8) != 0) return NULL;
    const char *p = addr + 8;
    if (!isdigit((unsigned char)*p)) return "451 4.3.0 try again later (tempfail*)";
    unsigned limit = (unsigned)strtoul(p, NULL, 10);
    size_t i = 0;
    for (; i < s->ntempfail; i++)
        if (strcasecmp(s->tempfail[i].addr, addr) == 0) break;
    if (i == s->ntempfail) {
        if (s->ntempfail == MAX_TEMPFAIL) return "451 4.3.0 try again later (tempfail table full)";
        snprintf(s->tempfail[i].addr, sizeof(s->tempfail[i].addr), "%s", addr);
        s->tempfail[i].failures = 0;
        s->ntempfail++;
    }
    if (s->tempfail[i].failures >= limit) return NULL;
    s->tempfail[i].failures++;
    return "451 4.3.0 try again later (tempfail<N>)";
}

/* Write the message atomically as DIR/NNNN.eml; returns the sequence number or 0. */
static unsigned store(struct sink *s, struct session *ss, const char *data, size_t len)
{
    unsigned seq = s->next_seq++;
    char tmp[4096];
    char path[4096];
    snprintf(tmp, sizeof(tmp), "%s/.%04u.tmp", s->dir, seq);
    snprintf(path, sizeof(path), "%s/%04u.eml", s->dir, seq);
    FILE *f = fopen(tmp, "wb");
    if (!f) return 0;
    fprintf(f, "X-Sink-Envelope: from=<%s>; to=", ss->from);
    for (size_t i = 0; i < ss->nrcpt; i++)
        fprintf(f, "%s<%s>", i ? "," : "", ss->rcpt[i]);
    fputs("\r\n", f);
    fwrite(data, 1, len, f);
    if (fclose(f) != 0 || rename(tmp, path) != 0) return 0;
    return seq;
}

/* DATA: read until ".", dot-unstuffing. Returns false when the connection ended. */
static bool do_data(struct sink *s, struct session *ss)
{
    if (!reply(ss, "354 end data with <CRLF>.<CRLF>")) return false;
    size_t cap = 65536;
    size_t len = 0;
    char *data = malloc(cap);
    char line[LINE_MAX_BYTES + 1];
    const char *bad = NULL;
    char bad_line[200] = "";
    for (;;) {
        const char *why = NULL;
        int rc = read_line(ss, line, &why);
        if (rc == 0) {
            free(data);
            logf_(s, "protocol error: conn %u: connection closed inside DATA", ss->id);
            return false;
        }
        if (rc < 0 && !bad) {
            bad = why;
            shown(line, bad_line);
        }
        if (strcmp(line, ".") == 0 && rc > 0) break;
        const char *text = line[0] == '.' ? line + 1 : line; /* dot-unstuffing */
        size_t n = strlen(text);
        if (len + n + 2 > MAX_MESSAGE) {
            if (!bad) bad = "message larger than 10 MiB";
            continue;
        }
        while (len + n + 2 > cap) {
            cap *= 2;
            data = xrealloc(data, cap);
        }
        memcpy(data + len, text, n);
        memcpy(data + len + n, "\r\n", 2);
        len += n + 2;
    }
    bool ok;
    if (bad) {
        logf_(s, "protocol error: conn %u: in DATA: %s: \"%s\"", ss->id, bad, bad_line);
        ok = reply(ss, "550 5.6.0 malformed message");
    } else {
        unsigned seq = store(s, ss, data, len);
        char text[128];
        if (seq) {
            snprintf(text, sizeof(text), "250 2.0.0 queued as %04u", seq);
            logf_(s, "conn %u: message %04u from <%s> to %zu recipient(s)", ss->id, seq, ss->from,
                  ss->nrcpt);
        } else {
            snprintf(text, sizeof(text), "451 4.3.0 cannot store: %s", strerror(errno));
            logf_(s, "conn %u: cannot store a message: %s", ss->id, strerror(errno));
        }
        ok = reply(ss, text);
    }
    free(data);
    reset_tx(ss);
    return ok;
}

static void serve(struct sink *s, int fd, unsigned id)
{
    struct session *ss = calloc(1, sizeof(*ss));
    ss->fd = fd;
    ss->id = id;
    struct timeval tv = { .tv_sec = 60 };
    (void)setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    (void)setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
    logf_(s, "conn %u: open", id);
    bool alive = reply(ss, "220 smtp-sink ESMTP ready");
    char line[LINE_MAX_BYTES + 1];
    while (alive) {
        const char *why = NULL;
        int rc = read_line(ss, line, &why);
        if (rc == 0) {
            logf_(s, "conn %u: closed by the client without QUIT", id);
            break;
        }
        if (rc < 0) {
            alive = protocol_error(s, ss, "500 5.5.2 malformed line", why, line);
            continue;
        }
        char show[200];
        logf_(s, "conn %u: C: %s", id, shown(line, show));
        if (verb_is(line, "EHLO") || verb_is(line, "HELO")) {
            if (strlen(line) < 6 || line[5] == ' ') {
                alive = protocol_error(s, ss, "501 5.5.4 domain expected",
                                       "EHLO/HELO without a domain", line);
                continue;
            }
            reset_tx(ss);
            ss->greeted = true;
            if (toupper((unsigned char)line[0]) == 'E')
                alive = reply(ss, "250-smtp-sink\r\n250-8BITMIME\r\n250 SIZE 10485760");
            else
                alive = reply(ss, "250 smtp-sink");
        } else if (verb_is(line, "MAIL")) {
            if (!ss->greeted) {
                alive = protocol_error(s, ss, "503 5.5.1 EHLO first", "MAIL before EHLO", line);
            } else if (ss->in_mail) {
                alive = protocol_error(s, ss, "503 5.5.1 nested MAIL", "MAIL inside a transaction",
                                       line);
            } else if (strncasecmp(line, "MAIL FROM:", 10) != 0) {
                alive = protocol_error(s, ss, "501 5.5.4 syntax: MAIL FROM:<path>",
                                       "bad MAIL syntax", line);
            } else {
                const char *bad = parse_path(line + 10, true, ss->from, sizeof(ss->from));
                if (bad) {
                    alive = protocol_error(s, ss, "501 5.1.7 bad sender path", bad, line);
                } else {
                    ss->in_mail = true;
                    alive = reply(ss, "250 2.1.0 ok");
                }
            }
        } else if (verb_is(line, "RCPT")) {
            char addr[300];
            const char *bad = NULL;
            if (!ss->in_mail) {
                alive = protocol_error(s, ss, "503 5.5.1 MAIL first", "RCPT before MAIL", line);
            } else if (strncasecmp(line, "RCPT TO:", 8) != 0) {
                alive = protocol_error(s, ss, "501 5.5.4 syntax: RCPT TO:<path>", "bad RCPT syntax",
                                       line);
            } else if ((bad = parse_path(line + 8, false, addr, sizeof(addr)))) {
                alive = protocol_error(s, ss, "501 5.1.3 bad recipient path", bad, line);
            } else if (ss->nrcpt == MAX_RCPT) {
                alive = reply(ss, "452 4.5.3 too many recipients");
            } else {
                const char *verdict = rcpt_verdict(s, addr);
                if (verdict) {
                    logf_(s, "conn %u: S: %s", id, verdict);
                    alive = reply(ss, verdict);
                } else {
                    snprintf(ss->rcpt[ss->nrcpt++], sizeof(ss->rcpt[0]), "%s", addr);
                    alive = reply(ss, "250 2.1.5 ok");
                }
            }
        } else if (verb_is(line, "DATA")) {
            if (strlen(line) != 4)
                alive = protocol_error(s, ss, "501 5.5.4 DATA takes no argument",
                                       "DATA with an argument", line);
            else if (!ss->in_mail || ss->nrcpt == 0)
                alive = protocol_error(s, ss, "503 5.5.1 no valid recipients",
                                       "DATA before an accepted RCPT", line);
            else
                alive = do_data(s, ss);
        } else if (verb_is(line, "RSET")) {
            reset_tx(ss);
            alive = reply(ss, "250 2.0.0 ok");
        } else if (verb_is(line, "NOOP")) {
            alive = reply(ss, "250 2.0.0 ok");
        } else if (verb_is(line, "QUIT")) {
            (void)reply(ss, "221 2.0.0 bye");
            logf_(s, "conn %u: quit", id);
            break;
        } else {
            alive = protocol_error(s, ss, "500 5.5.2 unknown command", "unknown command", line);
        }
    }
    close(fd);
    free(ss);
}

/* The next free sequence number in dir: one more than the highest NNNN.eml already there. */
static unsigned first_seq(const char *dir)
{
    unsigned max = 0;
    DIR *d = opendir(dir);
    if (!d) return 1;
    struct dirent *e;
    while ((e = readdir(d))) {
        char *end = NULL;
        unsigned long v = strtoul(e->d_name, &end, 10);
        if (end != e->d_name && end && strncmp(end, ".eml", 4) == 0 && v > max) max = (unsigned)v;
    }
    closedir(d);
    return max + 1;
}

static void usage(void)
{
    fprintf(stderr, "usage: smtp-sink --dir DIR [--port N] [--port-file FILE] [--log FILE]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    static struct sink s;
    int port = 0;
    const char *port_file = NULL;
    const char *log_path = NULL;
    for (int i = 1; i < argc; i++) {
        if (i + 1 >= argc) usage();
        if (strcmp(argv[i], "--dir") == 0)
            s.dir = argv[++i];
        else if (strcmp(argv[i], "--port") == 0)
            port = atoi(argv[++i]);
        else if (strcmp(argv[i], "--port-file") == 0)
            port_file = argv[++i];
        else if (strcmp(argv[i], "--log") == 0)
            log_path = argv[++i];
        else
            usage();
    }
    if (!s.dir || port < 0 || port > 65535) usage();
    s.log = log_path ? fopen(log_path, "a") : stderr;
    if (!s.log) {
        perror(log_path);
        return 1;
    }
    if (mkdir(s.dir, 0700) != 0 && errno != EEXIST) {
        perror(s.dir);
        return 1;
    }
    s.next_seq = first_seq(s.dir);
    signal(SIGPIPE, SIG_IGN);

    int lfd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    (void)setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (lfd < 0 || bind(lfd, (struct sockaddr *)&sa, sizeof(sa)) != 0 || listen(lfd, 16) != 0) {
        fprintf(stderr, "smtp-sink: cannot listen on 127.0.0.1:%d: %s\n", port, strerror(errno));
        return 1;
    }
    socklen_t slen = sizeof(sa);
    getsockname(lfd, (struct sockaddr *)&sa, &slen);
    port = ntohs(sa.sin_port);
    logf_(&s, "listening on 127.0.0.1:%d, messages in %s", port, s.dir);
    if (port_file) {
        char tmp[4096];
        snprintf(tmp, sizeof(tmp), "%s.tmp", port_file);
        FILE *f = fopen(tmp, "w");
        if (!f || fprintf(f, "%d\n", port) < 0 || fclose(f) != 0 || rename(tmp, port_file) != 0) {
            fprintf(stderr, "smtp-sink: cannot write %s\n", port_file);
            return 1;
        }
    }
    for (unsigned id = 1;; id++) {
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED) continue;
            fprintf(stderr, "smtp-sink: accept: %s\n", strerror(errno));
            return 1;
        }
        serve(&s, fd, id);
    }
}
