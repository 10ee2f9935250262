/*
 * The configuration: one `key = value` file read by ClearSilver's HDF reader
 * (render.c), checked against the table below (type, bounds, default), with
 * environment overrides for the config path, listen address and port.
 * Loaded once by the master; read-only afterwards.
 */
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"

struct config	 cfg;

enum ctype { C_STR, C_INT, C_SIZE, C_BOOL, C_MODE };

struct ckey {
	const char	*name;
	enum ctype	 type;
	size_t		 off;
	const char	*def;		/* NULL: required */
	long long	 min, max;
};

#define S(f)	C_STR, offsetof(struct config, f)
#define I(f)	C_INT, offsetof(struct config, f)
#define Z(f)	C_SIZE, offsetof(struct config, f)
#define B(f)	C_BOOL, offsetof(struct config, f)

static const struct ckey keys[] = {
	{ "listen",		S(listen), "var/run/plumbline.sock", 0, 0 },
	{ "socket_group",	S(socket_group), "", 0, 0 },
	{ "socket_mode",	C_MODE, offsetof(struct config, socket_mode), "0660", 0, 0777 },
	{ "pid_file",		S(pid_file), "var/run/plumbline.pid", 0, 0 },
	{ "workers",		I(workers), "4", 1, 256 },
	{ "max_requests",	I(max_requests), "5000", 1, INT_MAX },
	{ "request_timeout_s",	I(request_timeout_s), "30", 1, 3600 },
	{ "backlog",		I(backlog), "128", 1, 65535 },
	{ "base_url",		S(base_url), "http://127.0.0.1:8080", 0, 0 },
	{ "templates_dir",	S(templates_dir), "templates", 0, 0 },
	{ "upload_dir",		S(upload_dir), "var/files", 0, 0 },
	{ "db_socket",		S(db_socket), "", 0, 0 },
	{ "db_host",		S(db_host), "", 0, 0 },
	{ "db_port",		I(db_port), "3306", 0, 65535 },
	{ "db_name",		S(db_name), "plumbline", 0, 0 },
	{ "db_user",		S(db_user), "plumbline", 0, 0 },
	{ "db_password",	S(db_password), "", 0, 0 },
	{ "secret",		S(secret), NULL, 32, 4096 },
	{ "sendmail",		S(sendmail), "/usr/sbin/sendmail -t -i", 0, 0 },
	{ "mail_from",		S(mail_from), "no-reply@localhost", 0, 0 },
	{ "session_idle_s",	I(session_idle_s), "1800", 60, 86400 },
	{ "session_absolute_s",	I(session_absolute_s), "43200", 300, 2592000 },
	{ "hash_slots",		I(hash_slots), "2", 1, 64 },
	{ "max_body",		Z(max_body), "1048576", 1024, 1073741824 },
	{ "max_upload",		Z(max_upload), "5242880", 1024, 1073741824 },
	{ "secure_cookies",	B(secure_cookies), "0", 0, 1 },
	{ "dev",		B(dev), "0", 0, 1 },
	{ "template_cache",	B(template_cache), "1", 0, 1 },
	{ "dev_mail_dir",	S(dev_mail_dir), "", 0, 0 },
	{ "fonts_dir",		S(fonts_dir), "", 0, 0 },	/* "": as built, pdf_text.c */
};

#define NKEYS	(sizeof(keys) / sizeof(keys[0]))

static int
set_key(struct config *c, const struct ckey *k, const char *v, char *err,
    size_t errlen)
{
	char		*end, **sp;
	long long	 n;
	int		 base;

	if (k->type == C_STR) {
		if (k->min && (long long)strlen(v) < k->min) {
			snprintf(err, errlen, "%s: at least %lld characters",
			    k->name, k->min);
			return -1;
		}
		sp = (char **)((char *)c + k->off);
		free(*sp);
		if ((*sp = strdup(v)) == NULL)
			abort();
		return 0;
	}
	base = k->type == C_MODE ? 8 : 10;
	errno = 0;
	n = strtoll(v, &end, base);
	if (errno || end == v || *end != '\0' || n < k->min || n > k->max) {
		snprintf(err, errlen, "%s: \"%s\" is not a number from %lld to %lld",
		    k->name, v, k->min, k->max);
		return -1;
	}
	if (k->type == C_SIZE)
		*(size_t *)((char *)c + k->off) = (size_t)n;
	else if (k->type == C_BOOL)
		*(bool *)((char *)c + k->off) = n != 0;
	else
		*(int *)((char *)c + k->off) = (int)n;
	return 0;
}

struct load_ctx {
	struct config	*c;
	char		*err;
	size_t		 errlen;
};

static int
on_pair(void *arg, const char *name, const char *value)
{
	struct load_ctx	*x = arg;
	size_t		 i;

	for (i = 0; i < NKEYS; i++)
		if (strcmp(keys[i].name, name) == 0)
			return set_key(x->c, &keys[i], value, x->err, x->errlen);
	snprintf(x->err, x->errlen, "unknown key \"%s\"", name);
	return -1;
}

/* Replace the port of base_url ("http://host:PORT/...") by port. */
static int
override_port(struct config *c, const char *port, char *err, size_t errlen)
{
	char	*host, *colon, *slash, *s;
	long	 n;

	n = strtol(port, &s, 10);
	if (*port == '\0' || *s != '\0' || n < 1 || n > 65535) {
		snprintf(err, errlen, "PLUMBLINE_PORT: \"%s\" is not a port", port);
		return -1;
	}
	host = strstr(c->base_url, "://");
	host = host ? host + 3 : c->base_url;
	slash = strchr(host, '/');
	colon = memchr(host, ':', slash ? (size_t)(slash - host) : strlen(host));
	if (colon == NULL)
		colon = slash ? slash : host + strlen(host);
	if (asprintf(&s, "%.*s:%ld%s", (int)(colon - c->base_url),
	    c->base_url, n, slash ? slash : "") < 0)
		abort();
	free(c->base_url);
	c->base_url = s;
	return 0;
}

/*
 * Load path into c (defaults first, then the file, then the environment).
 * Returns 0, or -1 with a message in err.
 */
int
config_load(struct config *c, const char *path, char *err, size_t errlen)
{
	struct load_ctx	 x = { c, err, errlen };
	const char	*env;
	size_t		 i, n;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < NKEYS; i++)
		if (keys[i].def != NULL &&
		    set_key(c, &keys[i], keys[i].def, err, errlen) == -1)
			abort();
	if (conf_read(path, on_pair, &x, err, errlen) == -1)
		return -1;
	if ((env = getenv("PLUMBLINE_LISTEN")) != NULL && *env)
		set_key(c, &keys[0], env, err, errlen);
	if ((env = getenv("PLUMBLINE_PORT")) != NULL && *env &&
	    override_port(c, env, err, errlen) == -1)
		return -1;
	for (i = 0; i < NKEYS; i++)
		if (keys[i].def == NULL &&
		    *(char **)((char *)c + keys[i].off) == NULL) {
			snprintf(err, errlen, "%s: required", keys[i].name);
			return -1;
		}
	n = strlen(c->base_url);
	while (n > 0 && c->base_url[n - 1] == '/')
		c->base_url[--n] = '\0';
	if (*c->db_socket == '\0' && *c->db_host == '\0') {
		snprintf(err, errlen, "db_socket or db_host: one is required");
		return -1;
	}
	return 0;
}

void
config_free(struct config *c)
{
	size_t	 i;

	for (i = 0; i < NKEYS; i++)
		if (keys[i].type == C_STR)
			free(*(char **)((char *)c + keys[i].off));
	memset(c, 0, sizeof(*c));
}
