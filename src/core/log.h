/*
 * log.h: one logfmt line per event on stderr, which Apache and lighttpd collect into their
 * error log:  ts=2026-11-26T15:20:18.123Z level=info prog=market req=ab12cd src=db.c:88 msg="..."
 * The macros test the level before evaluating their arguments. Each line is written with one
 * write(2), so lines from several worker processes never interleave; everything a caller
 * passes is escaped, so a line can never be split or forged. Never log tokens, passwords,
 * card data or request bodies.
 */
#ifndef WM_CORE_LOG_H
#define WM_CORE_LOG_H

enum log_level { LOG_LEVEL_ERROR = 0, LOG_LEVEL_WARN, LOG_LEVEL_INFO, LOG_LEVEL_DEBUG };

/* The longest line written, newline included; longer lines are cut and end with
 * " truncated=true". */
#define LOG_LINE_MAX 4096

/* Process-wide log state (the only mutable file-static besides struct app, as redis's).
 * LOG_LEVEL_INFO until log_set_level(). */
extern enum log_level log_current_level;

/* "error", "warn", "info", "debug" (exactly, lowercase) -> level; -1 when unknown or NULL. */
int log_level_parse(const char *name);
/* Lines above level are dropped (their arguments are not even evaluated). */
void log_set_level(enum log_level level);
/* The name of a level ("info"); "?" for a value outside the enum. Static string. */
const char *log_level_name(enum log_level level);
/* The request id added as req=... to every line until the next call (NULL: none). Not copied:
 * it must stay valid until the next call (the request arena is fine if the accept loop
 * calls log_set_request(NULL) before arena_reset()). */
void log_set_request(const char *req_id);
/* The program name added as prog=... (NULL: none). Not copied. */
void log_set_program(const char *prog);

/*
 * Write one line:  ts=... level=L [prog=P] [req=R] src=<basename(file)>:<line> msg="<text>"
 * fmt is printf-formatted and the text written quoted, with '"', '\\', control characters
 * and invalid UTF-8 escaped (\" \\ \n \r \t \xHH). A format that starts with "@" is written
 * raw after src (e.g. log_info("@status=%d dur_ms=%.2f", 200, 1.5) gives
 * `... src=x.c:9 status=200 dur_ms=1.50`): the caller promises logfmt; only control
 * characters are still escaped. prog and req are written bare when they consist of
 * [A-Za-z0-9._:/@+-] only, quoted otherwise. errno is preserved. Use the macros below.
 */
void log_write(enum log_level level, const char *file, int line, const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));

#define LOG_AT(lvl, ...)                                                                   \
    do {                                                                                   \
        if ((lvl) <= log_current_level) log_write((lvl), __FILE__, __LINE__, __VA_ARGS__); \
    } while (0)
#define log_error(...) LOG_AT(LOG_LEVEL_ERROR, __VA_ARGS__)
#define log_warn(...)  LOG_AT(LOG_LEVEL_WARN, __VA_ARGS__)
#define log_info(...)  LOG_AT(LOG_LEVEL_INFO, __VA_ARGS__)
#define log_debug(...) LOG_AT(LOG_LEVEL_DEBUG, __VA_ARGS__)

#endif
