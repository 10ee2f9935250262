/*
 * Log lines on stderr (journald in production): one `key=value` line per
 * event, one per request.  Values with spaces or quotes are quoted.  Never
 * given a password, token or payment payload.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"

const char	*log_request_id;
static const char *log_proc = "plumbline";

void
log_init(const char *proc, bool line_buffered)
{
	log_proc = proc;
	if (line_buffered)
		setvbuf(stderr, NULL, _IOLBF, 0);
}

static void
put_value(FILE *f, const char *v)
{
	const char	*p;

	if (v == NULL || *v == '\0') {
		fputs("\"\"", f);
		return;
	}
	if (strpbrk(v, " \"=\\\n\t") == NULL) {
		fputs(v, f);
		return;
	}
	fputc('"', f);
	for (p = v; *p; p++) {
		if (*p == '"' || *p == '\\')
			fputc('\\', f);
		fputc(*p == '\n' || *p == '\t' ? ' ' : *p, f);
	}
	fputc('"', f);
}

static void
vlog(const char *level, const char *fmt, va_list ap)
{
	char		 msg[1024], ts[32];
	struct tm	 tm;
	time_t		 now;

	now = time(NULL);
	gmtime_r(&now, &tm);
	strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%SZ", &tm);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	fprintf(stderr, "ts=%s level=%s proc=%s pid=%d ", ts, level, log_proc,
	    (int)getpid());
	if (log_request_id != NULL) {
		fputs("req=", stderr);
		put_value(stderr, log_request_id);
		fputc(' ', stderr);
	}
	fputs("msg=", stderr);
	put_value(stderr, msg);
	fputc('\n', stderr);
}

void
log_info(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vlog("info", fmt, ap);
	va_end(ap);
}

void
log_warn(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vlog("warn", fmt, ap);
	va_end(ap);
}

void
log_err(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vlog("error", fmt, ap);
	va_end(ap);
}

/* The access line: what, how it ended, how long, who served whom. */
void
log_request(const struct req *r, int64_t elapsed_us)
{
	char		 ts[32];
	struct tm	 tm;
	time_t		 now;

	now = time(NULL);
	gmtime_r(&now, &tm);
	strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%SZ", &tm);
	fprintf(stderr, "ts=%s level=info proc=%s pid=%d req=", ts, log_proc,
	    (int)getpid());
	put_value(stderr, r->request_id);
	fprintf(stderr, " method=%s path=", r->method_name ? r->method_name : "-");
	put_value(stderr, r->path);
	fputs(" route=", stderr);
	put_value(stderr, r->route);
	fprintf(stderr, " status=%d ms=%.2f company=%lld user=%lld bytes=%zu\n",
	    r->status, (double)elapsed_us / 1000.0,
	    (long long)r->sess.company_id, (long long)r->sess.user_id,
	    r->body.len);
}
