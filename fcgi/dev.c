/*
 * Dev-only mail viewer (config `dev = 1`): the messages the capture script
 * wrote to dev_mail_dir, newest first, with their links clickable, so a
 * person trying `make run` can follow invitation and reset links; and a
 * slow page that lets tests prove the hard request timeout.  Both answer
 * 404 in production.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "app.h"

#define MAIL_MAX	(1024 * 1024)

static char *
slurp(struct arena *a, const char *path)
{
	FILE	*f;
	char	*p;
	size_t	 n;

	if ((f = fopen(path, "r")) == NULL)
		return NULL;
	p = arena_alloc(a, MAIL_MAX + 1);
	n = fread(p, 1, MAIL_MAX, f);
	fclose(f);
	p[n] = '\0';
	return p;
}

/* A header's value, with one RFC 2047 base64 word decoded. */
static const char *
header(struct arena *a, const char *msg, const char *name)
{
	const char	*p, *end, *b64, *q;
	size_t		 n = strlen(name), len;
	unsigned char	*out;

	for (p = msg; p && *p && *p != '\r'; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
		if (strncasecmp(p, name, n) == 0 && p[n] == ':')
			break;
	if (p == NULL || *p == '\r' || *p == '\0')
		return "";
	p += n + 1;
	p += strspn(p, " ");
	end = p + strcspn(p, "\r\n");
	if (strncmp(p, "=?UTF-8?B?", 10) == 0 && (q = strstr(p + 10, "?=")) &&
	    q < end) {
		b64 = p + 10;
		out = arena_alloc(a, (size_t)(q - b64) + 1);
		if (sodium_base642bin(out, (size_t)(q - b64), b64,
		    (size_t)(q - b64), NULL, &len, NULL,
		    sodium_base64_VARIANT_ORIGINAL) == 0)
			return arena_printf(a, "%.*s%s", (int)len, out,
			    arena_strndup(a, q + 2, (size_t)(end - q - 2)));
	}
	return arena_strndup(a, p, (size_t)(end - p));
}

static int
newest_first(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*b)->d_name, (*a)->d_name);
}

static int
is_mail(const struct dirent *d)
{
	size_t	 n = strlen(d->d_name);

	return d->d_name[0] != '.' && n > 4 &&
	    strcmp(d->d_name + n - 4, ".eml") == 0;
}

/* GET /dev/mail */
int
dev_mail_index(struct req *r)
{
	struct dirent	**names;
	const char	*msg, *p;
	int		 i, n;

	if (!cfg.dev || *cfg.dev_mail_dir == '\0')
		return HTTP_404;
	n = scandir(cfg.dev_mail_dir, &names, is_mail, newest_first);
	for (i = 0; i < n; i++) {
		if (i < 200 && (msg = slurp(r->arena, arena_printf(r->arena,
		    "%s/%s", cfg.dev_mail_dir, names[i]->d_name))) != NULL) {
			p = arena_printf(r->arena, "Mails.%d", i);
			hdf_set(r, arena_printf(r->arena, "%s.Name", p),
			    names[i]->d_name);
			hdf_set(r, arena_printf(r->arena, "%s.Href", p),
			    arena_printf(r->arena, "/dev/mail/%s",
			    names[i]->d_name));
			hdf_set(r, arena_printf(r->arena, "%s.To", p),
			    header(r->arena, msg, "To"));
			hdf_set(r, arena_printf(r->arena, "%s.Subject", p),
			    header(r->arena, msg, "Subject"));
			hdf_set(r, arena_printf(r->arena, "%s.Date", p),
			    header(r->arena, msg, "Date"));
		}
		free(names[i]);
	}
	if (n > 0)
		free(names);
	hdf_set(r, "Page.Title", "Captured mail");
	return render(r, "dev/mail.cs");
}

/* Undo quoted-printable in place. */
static void
qp_decode(char *s)
{
	char	*w = s;
	char	 hex[3] = { 0 };

	while (*s) {
		if (*s == '=' && (s[1] == '\r' || s[1] == '\n')) {
			s += s[1] == '\r' ? 3 : 2;
			continue;
		}
		if (*s == '=' && s[1] && s[2]) {
			hex[0] = s[1];
			hex[1] = s[2];
			*w++ = (char)strtol(hex, NULL, 16);
			s += 3;
			continue;
		}
		if (*s == '\r') {
			s++;
			continue;
		}
		*w++ = *s++;
	}
	*w = '\0';
}

/* GET /dev/mail/:name */
int
dev_mail_show(struct req *r)
{
	const char	*name = params_get(&r->route_args, "name");
	char		*msg, *text, *end, *p;
	int		 i = 0;

	if (!cfg.dev || *cfg.dev_mail_dir == '\0' || name == NULL ||
	    strchr(name, '/') || name[0] == '.')
		return HTTP_404;
	if ((msg = slurp(r->arena, arena_printf(r->arena, "%s/%s",
	    cfg.dev_mail_dir, name))) == NULL)
		return HTTP_404;
	hdf_set(r, "Mail.Subject", header(r->arena, msg, "Subject"));
	hdf_set(r, "Mail.To", header(r->arena, msg, "To"));
	hdf_set(r, "Mail.Date", header(r->arena, msg, "Date"));
	text = strstr(msg, "text/plain");
	if (text != NULL && (text = strstr(text, "\r\n\r\n")) != NULL) {
		text += 4;
		if ((end = strstr(text, "\r\n--=_")) != NULL)
			*end = '\0';
		qp_decode(text);
		hdf_set(r, "Mail.Text", text);
		for (p = text; (p = strstr(p, "http")) != NULL && i < 20; i++) {
			size_t n = strcspn(p, " \t\r\n<>\"");

			hdf_set(r, arena_printf(r->arena, "Mail.Links.%d", i),
			    arena_strndup(r->arena, p, n));
			p += n;
		}
	}
	hdf_set(r, "Page.Title", "Captured mail");
	return render(r, "dev/mail_show.cs");
}

/* GET /dev/sleep?ms=N: a request that takes N ms (dev only). */
int
dev_sleep(struct req *r)
{
	const char	*ms = req_arg(r, "ms");
	struct timespec	 ts;
	long		 n;

	if (!cfg.dev || ms == NULL)
		return HTTP_404;
	n = strtol(ms, NULL, 10);
	if (n < 0 || n > 600000)
		return HTTP_400;
	ts.tv_sec = n / 1000;
	ts.tv_nsec = (n % 1000) * 1000000L;
	while (nanosleep(&ts, &ts) == -1)
		;
	r->ctype = "text/plain; charset=utf-8";
	buf_puts(&r->body, "slept\n");
	return HTTP_200;
}
