/*
 * The master process, like php-fpm's without its size: takes the locked
 * pid file, opens the FastCGI socket, pre-forks workers and keeps their
 * number, respawning a dead one at once (with back-off when they crash in
 * a loop), reloads on SIGHUP, drains and stops on SIGTERM or SIGINT.
 *
 * Signals are blocked and taken synchronously with sigtimedwait(), so the
 * master has no asynchronous handlers at all.
 */
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"

struct board	*board;

static unsigned	 generation = 1;
static int	 crash_streak;
static int	 listen_fd = -1;
static char	*conf_path;

/* Take the pid file with an exclusive lock held for the master's life. */
static int
pidfile_take(const char *path)
{
	char	 buf[32];
	ssize_t	 n;
	int	 fd;

	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644)) == -1) {
		log_err("pid file %s: %s", path, strerror(errno));
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) == -1) {
		n = read(fd, buf, sizeof(buf) - 1);
		buf[n > 0 ? n : 0] = '\0';
		buf[strcspn(buf, "\n")] = '\0';
		log_err("another master is running (pid %s, pid file %s)",
		    *buf ? buf : "?", path);
		close(fd);
		return -1;
	}
	n = snprintf(buf, sizeof(buf), "%d\n", (int)getpid());
	if (ftruncate(fd, 0) == -1 || write(fd, buf, (size_t)n) != n) {
		log_err("pid file %s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

static int
live_workers(unsigned gen)
{
	int	 i, n = 0;

	for (i = 0; i < BOARD_SLOTS; i++)
		if (board->slots[i].pid > 0 && (gen == 0 ||
		    board->slots[i].gen == gen))
			n++;
	return n;
}

static void
spawn(int i)
{
	struct slot	*s = &board->slots[i];
	sigset_t	 none;
	pid_t		 pid;

	switch (pid = fork()) {
	case -1:
		log_err("fork: %s", strerror(errno));
		s->respawn_ms = now_ms() + 1000;
		return;
	case 0:
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		worker_main(listen_fd, i);
	default:
		memset(s, 0, sizeof(*s));
		s->pid = pid;
		s->gen = generation;
		s->started_ms = now_ms();
	}
}

/* Keep cfg.workers workers of the current generation running. */
static void
spawn_missing(void)
{
	int64_t	 now = now_ms();
	int	 i, need;

	need = cfg.workers - live_workers(generation);
	for (i = 0; i < BOARD_SLOTS && need > 0; i++) {
		if (board->slots[i].pid != 0 || board->slots[i].respawn_ms > now)
			continue;
		spawn(i);
		need--;
	}
}

static void
signal_workers(int sig, unsigned gen)
{
	int	 i;

	for (i = 0; i < BOARD_SLOTS; i++)
		if (board->slots[i].pid > 0 && (gen == 0 ||
		    board->slots[i].gen == gen))
			kill(board->slots[i].pid, sig);
}

/* Crash-loop back-off: 0 for a first crash, then 100 ms doubling to 10 s. */
static int64_t
backoff_ms(void)
{
	int64_t	 d;

	if (crash_streak <= 1)
		return 0;
	d = 100LL << (crash_streak - 2 > 7 ? 7 : crash_streak - 2);
	return d > 10000 ? 10000 : d;
}

static void
reap(bool stopping)
{
	struct slot	*s;
	int64_t		 lived;
	pid_t		 pid;
	int		 st, i;

	while ((pid = waitpid(-1, &st, WNOHANG)) > 0) {
		for (i = 0; i < BOARD_SLOTS; i++)
			if (board->slots[i].pid == pid)
				break;
		if (i == BOARD_SLOTS)
			continue;
		s = &board->slots[i];
		lived = now_ms() - s->started_ms;
		s->pid = 0;
		s->respawn_ms = 0;
		if (WIFEXITED(st) && WEXITSTATUS(st) == 0) {
			if (!stopping && s->gen == generation)
				log_info("worker %d recycled after %u requests",
				    (int)pid, s->requests);
			continue;
		}
		if (lived < 5000)
			crash_streak++;
		else
			crash_streak = 1;
		s->respawn_ms = stopping ? 0 : now_ms() + backoff_ms();
		if (WIFSIGNALED(st))
			log_err("worker %d killed by signal %s%s while serving "
			    "route=%s after %u requests; respawn in %lld ms",
			    (int)pid, sigabbrev_np(WTERMSIG(st)) ?
			    sigabbrev_np(WTERMSIG(st)) : "?",
			    WTERMSIG(st) == SIGALRM ? " (request timeout)" : "",
			    s->busy ? s->route : "-", s->requests,
			    (long long)(s->respawn_ms ? s->respawn_ms - now_ms() : 0));
		else
			log_err("worker %d exited with status %d while serving "
			    "route=%s; respawn in %lld ms", (int)pid,
			    WEXITSTATUS(st), s->busy ? s->route : "-",
			    (long long)(s->respawn_ms ? s->respawn_ms - now_ms() : 0));
	}
}

/* SIGHUP: read the config again; on success new workers replace the old. */
static void
reload(void)
{
	struct config	 next;
	char		 err[256];

	if (config_load(&next, conf_path, err, sizeof(err)) == -1) {
		log_err("reload refused, keeping the running config: %s", err);
		return;
	}
	if (strcmp(next.listen, cfg.listen) != 0)
		log_warn("listen changed: takes effect on restart only");
	free(next.listen);
	next.listen = cfg.listen;
	cfg.listen = NULL;
	config_free(&cfg);
	cfg = next;
	signal_workers(SIGTERM, generation);
	generation++;
	crash_streak = 0;
	log_info("reloaded %s: %d workers", conf_path, cfg.workers);
}

/*
 * Run the master until SIGTERM/SIGINT.  Returns the process exit status.
 */
int
master_run(const char *path)
{
	struct timespec	 tick = { 0, 200 * 1000 * 1000 };
	sigset_t	 set;
	siginfo_t	 si;
	int64_t		 stop_at = 0;
	int		 pidfd, sig;

	if ((conf_path = strdup(path)) == NULL)
		abort();
	if ((pidfd = pidfile_take(cfg.pid_file)) == -1)
		return 1;
	board = mmap(NULL, sizeof(*board), PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (board == MAP_FAILED || crypto_board_init(board) == -1) {
		log_err("shared board: %s", strerror(errno));
		return 1;
	}
	if ((listen_fd = worker_listen(cfg.listen, cfg.backlog)) == -1)
		return 1;

	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGQUIT);
	sigprocmask(SIG_BLOCK, &set, NULL);

	log_info("master %d listening on %s with %d workers", (int)getpid(),
	    cfg.listen, cfg.workers);
	for (;;) {
		if (stop_at == 0)
			spawn_missing();
		sig = sigtimedwait(&set, &si, &tick);
		if (sig == SIGHUP && stop_at == 0)
			reload();
		else if ((sig == SIGTERM || sig == SIGINT || sig == SIGQUIT) &&
		    stop_at == 0) {
			log_info("stopping: waiting for requests in flight");
			stop_at = now_ms() + (int64_t)cfg.request_timeout_s * 1000;
			signal_workers(SIGTERM, 0);
		}
		reap(stop_at != 0);
		if (stop_at != 0) {
			if (live_workers(0) == 0)
				break;
			if (now_ms() > stop_at)
				signal_workers(SIGKILL, 0);
		}
	}
	worker_close_listen();
	if (cfg.listen[0] == '/' || strchr(cfg.listen, ':') == NULL)
		unlink(cfg.listen);
	unlink(cfg.pid_file);
	close(pidfd);
	log_info("stopped");
	return 0;
}
