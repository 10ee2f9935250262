/*
 * A worker: one database connection, one request at a time.  Accepts on
 * the shared FastCGI socket, runs each request inside a fresh arena under a
 * hard timeout (SIGALRM's default action ends the worker; the master logs
 * the route), and leaves after max_requests or on SIGTERM once the request
 * in flight is answered.
 */
#include <sys/stat.h>
#include <sys/time.h>

#include <errno.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "app.h"

static volatile sig_atomic_t	 stopping;
static int			 sock_fd = -1;

/* Open the FastCGI socket: a unix path (mode and group from the config) or host:port. */
int
worker_listen(const char *where, int backlog)
{
	struct group	*g;
	mode_t		 old;

	if (FCGX_Init() != 0) {
		log_err("FCGX_Init failed");
		return -1;
	}
	old = umask(0177);
	sock_fd = FCGX_OpenSocket(where, backlog);
	umask(old);
	if (sock_fd < 0) {
		log_err("cannot listen on %s: %s", where, strerror(errno));
		return -1;
	}
	if (strchr(where, ':') != NULL && where[0] != '/')
		return sock_fd;
	if (chmod(where, (mode_t)cfg.socket_mode) == -1) {
		log_err("chmod %s: %s", where, strerror(errno));
		return -1;
	}
	if (*cfg.socket_group != '\0') {
		if ((g = getgrnam(cfg.socket_group)) == NULL ||
		    chown(where, (uid_t)-1, g->gr_gid) == -1) {
			log_err("socket group %s: %s", cfg.socket_group,
			    g ? strerror(errno) : "no such group");
			return -1;
		}
	}
	return sock_fd;
}

void
worker_close_listen(void)
{
	if (sock_fd != -1)
		close(sock_fd);
	sock_fd = -1;
}

static void
on_term(int sig)
{
	(void)sig;
	stopping = 1;
	FCGX_ShutdownPending();
}

static int64_t
now_us(void)
{
	struct timeval	 tv;

	gettimeofday(&tv, NULL);
	return (int64_t)tv.tv_sec * 1000000 + tv.tv_usec;
}

/*
 * True once nginx's end-of-body record is read too (a GET's comes with its
 * parameters; after a body it may still be on its way): closing before it
 * would make nginx's write of it fail.
 */
static bool
stdin_ended(FCGX_Request *f)
{
	char	 c;

	return FCGX_GetStr(&c, 1, f->in) == 0 && FCGX_HasSeenEOF(f->in) == EOF;
}

/* Serve one request; true when all of its body was read. */
static bool
serve(struct arena *a, FCGX_Request *f, struct slot *me)
{
	struct req	 r;
	int		 status, tries;

	memset(&r, 0, sizeof(r));
	r.arena = a;
	r.started_us = now_us();
	buf_init(&r.body, a);
	status = req_read(&r, f);
	snprintf(me->route, sizeof(me->route), "%s %s",
	    r.method_name ? r.method_name : "?", r.path ? r.path : "?");
	if (status == 0) {
		db_retry_wanted();
		for (tries = 1;; tries++) {
			status = route_dispatch(&r);
			/* A handler that returned early left nothing half-done. */
			db_rollback(&r);
			if (!db_retry_wanted() || tries == 3)
				break;
			log_warn("deadlock on %s; running the request again",
			    r.route);
			r.hdf = NULL;		/* the old one is freed at reset */
			r.headers = NULL;
			r.ctype = NULL;
			r.csrf_seed = NULL;
			buf_reset(&r.body);
		}
	}
	if (status >= 400 && r.body.len == 0)
		render_error(&r, status);
	r.status = status;
	req_send(&r);
	log_request(&r, now_us() - r.started_us);
	log_request_id = NULL;
	return r.read_all;
}

void
worker_main(int fd, int slot)
{
	struct sigaction	 sa;
	FCGX_Request		 f;
	struct arena		*a;
	struct slot		*me = &board->slots[slot];
	uint32_t		 served = 0;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;		/* no SA_RESTART: accept() returns */
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGINT, SIG_IGN);		/* Ctrl-C reaches the master */
	signal(SIGQUIT, SIG_IGN);
	signal(SIGHUP, SIG_IGN);
	signal(SIGALRM, SIG_DFL);
	log_init("worker", true);
	srandom((unsigned)getpid() ^ (unsigned)now_us());

	if (crypto_init() == -1)
		exit(1);
	if (db_connect() == -1)
		log_warn("database not reachable at start; will retry per request");
	a = arena_new();
	FCGX_InitRequest(&f, fd, 0);
	while (!stopping && served < (uint32_t)cfg.max_requests) {
		if (FCGX_Accept_r(&f) < 0)
			break;
		me->busy = 1;
		alarm((unsigned)cfg.request_timeout_s);
		/* A request read to its end closes at once, without
		 * libfcgi's lingering close, which waits in select() for
		 * nginx to hang up first: a sleep and a wake-up a page.  One
		 * with its body unread (a 413) lingers, so nginx can finish
		 * sending it and show our answer, not a reset. */
		if (serve(a, &f, me) && stdin_ended(&f))
			FCGX_Detach(&f);
		FCGX_Finish_r(&f);
		alarm(0);
		me->busy = 0;
		me->requests = ++served;
		arena_reset(a);
		if (db_lost())
			break;		/* the master gives us a fresh start */
	}
	FCGX_Free(&f, 0);
	arena_free(a);
	db_close();
	exit(0);			/* exit(), not _exit(): LeakSanitizer runs */
}
