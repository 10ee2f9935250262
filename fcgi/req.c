/*
 * The request as libfcgi hands it over: CGI variables, cookies, query
 * string and body parsed with limits, and the response written back with
 * the security headers every page carries.  The only FCGX_* user besides
 * worker.c.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "app.h"

static const struct parse_limits text_limits = {
	.max_fields = 1000, .max_name = 128, .max_value = 128 * 1024,
	.max_file = 0, .max_depth = 2,
};

static const struct parse_limits cookie_limits = {
	.max_fields = 200, .max_name = 256, .max_value = 4096,
	.max_file = 0, .max_depth = 0,
};

static const char *
env(FCGX_Request *f, const char *name)
{
	const char	*v = FCGX_GetParam(name, f->envp);

	return v ? v : "";
}

static int
parse_status(int rc)
{
	switch (rc) {
	case PARSE_OK:
		return 0;
	case PARSE_TOO_MANY:
	case PARSE_TOO_BIG:
		return HTTP_413;
	default:
		return HTTP_400;
	}
}

/* Read the whole body, at most limit bytes; -1 when larger or short. */
static int
read_body(struct req *r, FCGX_Request *f, size_t len, char **out)
{
	char	*p;
	size_t	 got = 0;
	int	 n;

	p = arena_alloc(r->arena, len + 1);
	while (got < len) {
		n = FCGX_GetStr(p + got, (int)(len - got > 65536 ? 65536 :
		    len - got), f->in);
		if (n <= 0)
			return -1;
		got += (size_t)n;
	}
	p[len] = '\0';
	*out = p;
	return 0;
}

/*
 * Fill r from the FastCGI request f.  Returns 0, or the 4xx status that the
 * request deserves (the worker then renders that error page).
 */
int
req_read(struct req *r, void *fp)
{
	FCGX_Request		*f = fp;
	struct parse_limits	 lim;
	const char		*m, *cl, *v;
	char			*body, *end;
	unsigned long long	 len;
	bool			 multipart;
	int			 rc;

	r->fcgx = f;
	m = env(f, "REQUEST_METHOD");
	r->method_name = m;
	if (strcmp(m, "GET") == 0)
		r->method = METHOD_GET;
	else if (strcmp(m, "HEAD") == 0) {
		r->method = METHOD_HEAD;
		r->no_body = true;
	} else if (strcmp(m, "POST") == 0)
		r->method = METHOD_POST;
	else
		r->method = METHOD__MAX;
	r->path = env(f, "DOCUMENT_URI");
	if (*r->path == '\0')
		r->path = env(f, "SCRIPT_NAME");
	r->query = env(f, "QUERY_STRING");
	r->remote_addr = env(f, "REMOTE_ADDR");
	r->user_agent = env(f, "HTTP_USER_AGENT");
	r->content_type = env(f, "CONTENT_TYPE");
	v = env(f, "REQUEST_ID");
	r->request_id = *v ? v : arena_printf(r->arena, "%lx%04x",
	    (unsigned long)time(NULL), (unsigned)(random() & 0xffff));
	log_request_id = r->request_id;

	if (*r->path != '/' || !utf8_valid(r->path, strlen(r->path)))
		return HTTP_400;
	if ((rc = parse_status(form_urlencoded(r->arena, r->query,
	    strlen(r->query), &text_limits, &r->args))) != 0)
		return rc;
	v = env(f, "HTTP_COOKIE");
	if (strlen(v) > 8192)
		return HTTP_400;
	if ((rc = parse_status(form_cookies(r->arena, v, &cookie_limits,
	    &r->cookies))) != 0)
		return rc == HTTP_413 ? HTTP_400 : rc;

	cl = env(f, "CONTENT_LENGTH");
	if (r->method != METHOD_POST) {
		r->read_all = *cl == '\0' || strcmp(cl, "0") == 0;
		return 0;
	}
	len = strtoull(cl, &end, 10);
	if (*cl == '\0' || *end != '\0')
		return *cl == '\0' ? 0 : HTTP_400;
	multipart = strncasecmp(r->content_type, "multipart/form-data", 19) == 0;
	if (len > (multipart ? cfg.max_upload + 64 * 1024 : cfg.max_body))
		return HTTP_413;
	if (read_body(r, f, (size_t)len, &body) == -1)
		return HTTP_400;
	r->read_all = true;
	lim = text_limits;
	if (multipart) {
		lim.max_file = cfg.max_upload;
		rc = form_multipart(r->arena, r->content_type, body, (size_t)len,
		    &lim, &r->form);
	} else if (len == 0 || strncasecmp(r->content_type,
	    "application/x-www-form-urlencoded", 33) == 0)
		rc = form_urlencoded(r->arena, body, (size_t)len, &lim, &r->form);
	else
		return HTTP_400;
	return parse_status(rc);
}

/* Set a response header, replacing one of the same name. */
void
req_header(struct req *r, const char *name, const char *value)
{
	struct header	*h;

	for (h = r->headers; h != NULL; h = h->next)
		if (strcasecmp(h->name, name) == 0) {
			h->value = value;
			return;
		}
	h = arena_alloc(r->arena, sizeof(*h));
	h->name = name;
	h->value = value;
	h->next = r->headers;
	r->headers = h;
}

static bool
has_header(const struct req *r, const char *name)
{
	const struct header	*h;

	for (h = r->headers; h != NULL; h = h->next)
		if (strcasecmp(h->name, name) == 0)
			return true;
	return false;
}

static const char *
reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 410: return "Gone";
	case 413: return "Content Too Large";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 503: return "Service Unavailable";
	default: return "Internal Server Error";
	}
}

/* Defaults every response carries unless the handler chose otherwise. */
static void
security_headers(struct req *r)
{
	static const struct { const char *name, *value; } defs[] = {
		{ "Content-Security-Policy", "default-src 'none'; "
		    "script-src 'self'; style-src 'self'; img-src 'self' data:; "
		    "font-src 'self'; connect-src 'self'; form-action 'self'; "
		    "frame-ancestors 'none'; base-uri 'none'" },
		{ "X-Content-Type-Options", "nosniff" },
		{ "X-Frame-Options", "DENY" },
		{ "Referrer-Policy", "same-origin" },
		{ "Cache-Control", "no-store" },
		{ "Cross-Origin-Opener-Policy", "same-origin" },
	};
	size_t	 i;

	for (i = 0; i < sizeof(defs) / sizeof(defs[0]); i++)
		if (!has_header(r, defs[i].name))
			req_header(r, defs[i].name, defs[i].value);
	if (cfg.secure_cookies)
		req_header(r, "Strict-Transport-Security",
		    "max-age=31536000; includeSubDomains");
}

/* A FastCGI record header (FastCGI 1.0, section 3.3), no padding. */
static void
record(struct buf *b, int type, int id, size_t len)
{
	unsigned char	 h[8] = { 1, (unsigned char)type,
	    (unsigned char)(id >> 8), (unsigned char)id,
	    (unsigned char)(len >> 8), (unsigned char)len, 0, 0 };

	buf_add(b, h, sizeof(h));
}

static void
stdout_records(struct buf *b, int id, const struct buf *data)
{
	size_t	 at, n;

	for (at = 0; at < data->len; at += n) {
		n = data->len - at > 65535 ? 65535 : data->len - at;
		record(b, 6, id, n);			/* FCGI_STDOUT */
		buf_add(b, data->data + at, n);
	}
}

/*
 * The whole response in one write: its STDOUT records, the end of the
 * stream and FCGI_END_REQUEST.  libfcgi would write every 8 KiB, and on a
 * busy core nginx then wakes for each piece (a third of its CPU on a list
 * page).  libfcgi is told the stream is closed, so FCGX_Finish_r adds
 * nothing but closing the connection; the worker writes no FCGI_STDERR.
 */
static void
fcgi_write(struct req *r, FCGX_Request *f, const struct buf *head,
    const struct buf *body)
{
	static const unsigned char	 done[8] = { 0 };  /* REQUEST_COMPLETE */
	struct buf			 b;
	size_t				 at;
	ssize_t				 n;

	buf_init(&b, r->arena);
	stdout_records(&b, f->requestId, head);
	if (body != NULL)
		stdout_records(&b, f->requestId, body);
	record(&b, 6, f->requestId, 0);
	record(&b, 3, f->requestId, sizeof(done));	/* FCGI_END_REQUEST */
	buf_add(&b, done, sizeof(done));
	for (at = 0; at < b.len; at += (size_t)n)
		if ((n = write(f->ipcFd, b.data + at, b.len - at)) < 0) {
			if (errno == EINTR) {
				n = 0;
				continue;
			}
			log_warn("response not sent: %s", strerror(errno));
			break;
		}
	f->out->wasFCloseCalled = 1;
	f->out->isClosed = 1;
}

void
req_send(struct req *r)
{
	FCGX_Request		*f = r->fcgx;
	const struct header	*h;
	struct buf		 hd;

	security_headers(r);
	buf_init(&hd, r->arena);
	buf_printf(&hd, "Status: %d %s\r\n", r->status, reason(r->status));
	if (r->ctype != NULL)
		buf_printf(&hd, "Content-Type: %s\r\n", r->ctype);
	if (r->status != HTTP_304 && !has_header(r, "X-Accel-Redirect"))
		buf_printf(&hd, "Content-Length: %zu\r\n", r->body.len);
	for (h = r->headers; h != NULL; h = h->next)
		buf_printf(&hd, "%s: %s\r\n", h->name, h->value);
	buf_puts(&hd, "\r\n");
	fcgi_write(r, f, &hd, r->no_body ? NULL : &r->body);
}

const char *
req_cookie(const struct req *r, const char *name)
{
	return params_get(&r->cookies, name);
}

const char *
req_arg(const struct req *r, const char *name)
{
	return params_get(&r->args, name);
}

/* A text field of the body, "" when absent, so handlers validate one way. */
const char *
req_field(const struct req *r, const char *name)
{
	const struct param	*p = params_find(&r->form, name);

	return p != NULL && p->filename == NULL ? p->value : "";
}

const struct param *
req_file(const struct req *r, const char *name)
{
	const struct param	*p = params_find(&r->form, name);

	return p != NULL && p->filename != NULL ? p : NULL;
}

/*
 * Add a Set-Cookie.  max_age < 0 deletes it, 0 makes a browser-session
 * cookie.  Always HttpOnly and SameSite=Lax; Secure behind TLS.
 */
void
req_set_cookie(struct req *r, const char *name, const char *value,
    int max_age)
{
	struct header	*h, **tail;
	const char	*age, *line;
	size_t		 n = strlen(name);

	age = max_age < 0 ? "; Max-Age=0" : max_age == 0 ? "" :
	    arena_printf(r->arena, "; Max-Age=%d", max_age);
	line = arena_printf(r->arena, "%s=%s; Path=/; HttpOnly; "
	    "SameSite=Lax%s%s", name, max_age < 0 ? "" : value, age,
	    cfg.secure_cookies ? "; Secure" : "");
	/* The last decision about a cookie wins: one Set-Cookie per name. */
	for (tail = &r->headers; (h = *tail) != NULL; tail = &h->next)
		if (strcasecmp(h->name, "Set-Cookie") == 0 &&
		    strncmp(h->value, name, n) == 0 && h->value[n] == '=') {
			h->value = line;
			return;
		}
	h = arena_alloc(r->arena, sizeof(*h));
	h->name = "Set-Cookie";
	h->value = line;
	h->next = NULL;
	*tail = h;
}

/* 303 to a path of this site (never an absolute URL from input). */
int
redirect(struct req *r, const char *path)
{
	if (path == NULL || path[0] != '/' || path[1] == '/' || path[1] == '\\')
		path = "/";
	req_header(r, "Location", path);
	return HTTP_303;
}
