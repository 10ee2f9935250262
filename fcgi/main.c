/*
 * plumbline: the one binary.  Without a command it runs the FastCGI master;
 * `deliver` sends the mail outbox; `hash` prints the argon2id hash of a
 * password read on stdin (for admin tools and demo data).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"

int64_t
now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void __attribute__((noreturn))
usage(void)
{
	fprintf(stderr,
	    "usage: plumbline [-n] [-f config]            run the FastCGI master\n"
	    "       plumbline [-f config] deliver [--loop]  send queued mail\n"
	    "       plumbline [-f config] hash              hash a password from stdin\n"
	    "       plumbline [-f config] demo-share EMAIL  share a demo estimate of EMAIL's company\n"
	    "       plumbline statements                    list every SQL statement\n"
	    "       plumbline routes                        list every route\n"
	    "       plumbline gen [--companies N] [--customers N] [--invoices N] [--seed N]\n"
	    "                                               a generated data set as SQL\n"
	    "       plumbline pdf-bench [-n N] [-o out.pdf]   time N built-in invoice PDFs\n"
	    "  -f  config file (default $PLUMBLINE_CONF, then etc/plumbline.conf)\n"
	    "  -n  check the config and exit\n");
	exit(2);
}

/* One line per statement: name, why (or "-"), SQL — for the tenancy check. */
static int
list_statements(void)
{
	struct db_stmt	*s;
	size_t		 t;

	for (t = 0; db_tables[t] != NULL; t++)
		for (s = db_tables[t]; s->name != NULL; s++)
			printf("%s\t%s\t%s\n", s->name, s->why ? s->why : "-",
			    s->sql);
	return 0;
}

static int
hash_stdin(void)
{
	char	 pw[1100], out[256];
	size_t	 n;

	if (fgets(pw, sizeof(pw), stdin) == NULL)
		return 1;
	n = strcspn(pw, "\r\n");
	pw[n] = '\0';
	if (crypto_init() == -1 || password_hash(pw, out, sizeof(out)) == -1)
		return 1;
	puts(out);
	return 0;
}

int
main(int argc, char *argv[])
{
	const char	*path, *cmd;
	char		 err[512];
	bool		 check = false;
	int		 ch;

	if ((path = getenv("PLUMBLINE_CONF")) == NULL || *path == '\0')
		path = "etc/plumbline.conf";
	while ((ch = getopt(argc, argv, "+f:nh")) != -1) {
		switch (ch) {
		case 'f':
			path = optarg;
			break;
		case 'n':
			check = true;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	cmd = argc > 0 ? argv[0] : NULL;
	log_init(cmd ? cmd : "master", true);

	if (cmd != NULL && strcmp(cmd, "hash") == 0)
		return hash_stdin();
	if (cmd != NULL && strcmp(cmd, "statements") == 0)
		return list_statements();
	if (cmd != NULL && strcmp(cmd, "gen") == 0)
		return gen_main(argc, argv);
	if (cmd != NULL && strcmp(cmd, "pdf-bench") == 0)
		return pdf_bench(argc, argv);
	if (cmd != NULL && strcmp(cmd, "routes") == 0) {
		routes_print();
		return 0;
	}
	if (config_load(&cfg, path, err, sizeof(err)) == -1) {
		fprintf(stderr, "plumbline: %s: %s\n", path, err);
		return 1;
	}
	if (check) {
		printf("plumbline: %s: ok\n", path);
		return 0;
	}
	if (cmd == NULL)
		return master_run(path);
	if (strcmp(cmd, "deliver") == 0)
		return deliver_main(argc > 1 && strcmp(argv[1], "--loop") == 0);
	if (strcmp(cmd, "demo-share") == 0)
		return shares_demo(argc, argv);
	usage();
}
