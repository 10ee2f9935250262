/*
 * ClearSilver, wrapped: the only file that includes its headers (they
 * define TRUE, MIN, HASH, ...) and sees NEOERR.  Owns the page data (HDF)
 * of a request, page and mail rendering with HTML escaping on, error pages,
 * and reading the `key = value` config file with the HDF parser.
 */
#include <sys/stat.h>

#include <ftw.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ClearSilver.h>

#include "app.h"

/* Log a ClearSilver error once, free it, and say whether there was one. */
static bool
failed(NEOERR *err, const char *what)
{
	STRING	 s;

	if (err == STATUS_OK)
		return false;
	string_init(&s);
	nerr_error_traceback(err, &s);
	log_err("%s: %s", what, s.buf ? s.buf : "?");
	string_clear(&s);
	nerr_ignore(&err);
	return true;
}

int
conf_read(const char *path, int (*fn)(void *, const char *, const char *),
    void *ctx, char *err, size_t errlen)
{
	HDF	*hdf, *n;
	NEOERR	*e;
	STRING	 s;
	int	 rc = 0;

	if (failed(hdf_init(&hdf), "hdf_init"))
		abort();
	if ((e = hdf_read_file(hdf, path)) != STATUS_OK) {
		string_init(&s);
		nerr_error_string(e, &s);
		snprintf(err, errlen, "%s", s.buf ? s.buf : "cannot read");
		string_clear(&s);
		nerr_ignore(&e);
		hdf_destroy(&hdf);
		return -1;
	}
	for (n = hdf_obj_child(hdf); n != NULL && rc == 0; n = hdf_obj_next(n)) {
		if (hdf_obj_child(n) != NULL) {
			snprintf(err, errlen, "\"%s\" is not a plain key",
			    hdf_obj_name(n));
			rc = -1;
		} else
			rc = fn(ctx, hdf_obj_name(n), hdf_obj_value(n) ?
			    hdf_obj_value(n) : "");
	}
	hdf_destroy(&hdf);
	return rc;
}

static void
hdf_free(void *p)
{
	HDF	*hdf = p;

	hdf_destroy(&hdf);
}

static HDF *
page(struct req *r)
{
	if (r->hdf == NULL)
		render_begin(r);
	return (HDF *)r->hdf;
}

/*
 * Static files are cached for a year, so their URLs carry the newest
 * modification time under static/: a new deploy is a new URL.  Read once
 * per worker.
 */
static time_t	 newest;

static int
newer(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)path;
	(void)ftw;
	if (type == FTW_F && st->st_mtime > newest)
		newest = st->st_mtime;
	return 0;
}

static const char *
asset_version(void)
{
	static char	 v[24];
	char		 path[1024];

	if (v[0] == '\0') {
		snprintf(path, sizeof(path), "%s/static", cfg.templates_dir);
		nftw(path, newer, 16, FTW_PHYS);
		snprintf(v, sizeof(v), "%lld", (long long)newest);
	}
	return v;
}

/* Make the request's HDF with what every page needs. */
int
render_begin(struct req *r)
{
	HDF	*hdf;

	if (r->hdf != NULL)
		return 0;
	if (failed(hdf_init(&hdf), "hdf_init"))
		abort();
	arena_cleanup(r->arena, hdf_free, hdf);
	r->hdf = (struct _hdf *)hdf;
	hdf_set_value(hdf, "hdf.loadpaths.0", cfg.templates_dir);
	hdf_set_value(hdf, "App.Name", "Plumbline");
	hdf_set_value(hdf, "App.BaseUrl", cfg.base_url);
	if (cfg.dev)
		hdf_set_value(hdf, "App.Dev", "1");
	hdf_set_value(hdf, "App.AssetVersion", asset_version());
	return 0;
}

void
hdf_set(struct req *r, const char *name, const char *value)
{
	if (failed(hdf_set_value(page(r), name, value ? value : ""), name))
		abort();
}

void
hdf_setf(struct req *r, const char *name, const char *fmt, ...)
{
	va_list	 ap;
	char	*v;

	va_start(ap, fmt);
	if (vasprintf(&v, fmt, ap) < 0)
		abort();
	va_end(ap);
	hdf_set(r, name, v);
	free(v);
}

/* v in decimal into s[24]. */
static const char *
int_text(char s[24], int64_t v)
{
	char	*p;

	s[23] = '\0';
	p = fmt_digits(s + 23, v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v);
	if (v < 0)
		*--p = '-';
	return p;
}

void
hdf_set_int(struct req *r, const char *name, int64_t v)
{
	char	 s[24];

	hdf_set(r, name, int_text(s, v));
}

struct hdf_node *
hdf_node(struct req *r, const char *name)
{
	HDF	*n;

	if (failed(hdf_get_node(page(r), name, &n), name))
		abort();
	return (struct hdf_node *)n;
}

void
hdf_node_set(struct hdf_node *n, const char *name, const char *value)
{
	if (failed(hdf_set_value((HDF *)n, name, value ? value : ""), name))
		abort();
}

void
hdf_node_int(struct hdf_node *n, const char *name, int64_t v)
{
	char	 s[24];

	hdf_node_set(n, name, int_text(s, v));
}

/* Child i of list ("Docs.7" of "Docs"), made if missing. */
struct hdf_node *
hdf_node_at(struct hdf_node *list, size_t i)
{
	HDF	*n;
	char	 s[24];

	if (failed(hdf_get_node((HDF *)list, int_text(s, (int64_t)i), &n),
	    "hdf_node_at"))
		abort();
	return (struct hdf_node *)n;
}

const char *
hdf_get(struct req *r, const char *name)
{
	return hdf_get_value(page(r), name, NULL);
}

static NEOERR *
to_buf(void *ctx, char *s)
{
	buf_puts(ctx, s);
	return STATUS_OK;
}

static void
cs_free(void *p)
{
	CSPARSE	*cs = p;

	cs_destroy(&cs);
}

/*
 * Parsed templates, kept per worker: parsing a page with its layout and
 * partials costs more than rendering it.  ClearSilver resolves `include`
 * when parsing, so the key is the file, the page template the layout
 * includes and the escaping mode; the tree is rendered against each
 * request's own HDF.  Off (template_cache = 0) where templates are being
 * edited; a deploy reloads the workers.
 */
#define TREES_MAX	96

static struct tree {
	char	*key;
	CSPARSE	*cs;
} trees[TREES_MAX];
static size_t	 ntrees, next_victim;

static CSPARSE *
tree_parse(HDF *hdf, const char *file)
{
	CSPARSE	*cs;

	if (failed(cs_init(&cs, hdf), "cs_init"))
		return NULL;
	if (failed(cgi_register_strfuncs(cs), "strfuncs") ||
	    failed(cs_parse_file(cs, file), file)) {
		cs_destroy(&cs);
		return NULL;
	}
	return cs;
}

static CSPARSE *
tree_get(struct req *r, HDF *hdf, const char *file, const char *mode)
{
	struct tree	*t;
	const char	*key;
	CSPARSE		*cs;
	size_t		 i;

	key = arena_printf(r->arena, "%s|%s|%s", file, mode,
	    hdf_get_value(hdf, "Page.Template", ""));
	for (i = 0; i < ntrees; i++)
		if (strcmp(trees[i].key, key) == 0) {
			trees[i].cs->hdf = hdf;
			return trees[i].cs;
		}
	if ((cs = tree_parse(hdf, file)) == NULL)
		return NULL;
	/* Full: replace entries in turn (pages in use come back quickly). */
	t = &trees[ntrees < TREES_MAX ? ntrees++ : next_victim++ % TREES_MAX];
	if (t->cs != NULL) {
		free(t->key);
		cs_destroy(&t->cs);
	}
	if ((t->key = strdup(key)) == NULL)
		abort();
	t->cs = cs;
	return cs;
}

/* Render one template file into out, escaping var: as mode says. */
static int
render_file(struct req *r, const char *file, const char *mode, struct buf *out)
{
	CSPARSE	*cs;
	HDF	*hdf = page(r);

	hdf_set_value(hdf, "Config.VarEscapeMode", mode);
	if (cfg.template_cache)
		cs = tree_get(r, hdf, file, mode);
	else if ((cs = tree_parse(hdf, file)) != NULL)
		arena_cleanup(r->arena, cs_free, cs);
	if (cs == NULL || failed(cs_render(cs, out, to_buf), file))
		return -1;
	return 0;
}

/* Render a page (path under templates/) in its layout with the given status. */
int
render_as(struct req *r, const char *tmpl, int status)
{
	const char	*layout;

	hdf_set(r, "Page.Template", tmpl);
	if ((layout = hdf_get(r, "Page.Layout")) == NULL)
		layout = r->sess.valid ? "layout/app.cs" : "layout/public.cs";
	session_page(r);
	flash_show(r);
	buf_reset(&r->body);
	if (render_file(r, layout, "html", &r->body) == -1) {
		buf_reset(&r->body);
		return HTTP_500;
	}
	r->ctype = "text/html; charset=utf-8";
	return status;
}

int
render(struct req *r, const char *tmpl)
{
	return render_as(r, tmpl, HTTP_200);
}

/*
 * Render templates/mail/<kind>.{subject,text,html}.cs with the request's
 * data; the HTML part goes inside layout/mail.cs.
 */
int
render_mail(struct req *r, const char *kind, struct outmail *m)
{
	struct buf	 subj, text, html;

	buf_init(&subj, r->arena);
	buf_init(&text, r->arena);
	buf_init(&html, r->arena);
	if (render_file(r, arena_printf(r->arena, "mail/%s.subject.cs", kind),
	    "none", &subj) == -1 ||
	    render_file(r, arena_printf(r->arena, "mail/%s.text.cs", kind),
	    "none", &text) == -1)
		return -1;
	subj.data[strcspn(subj.data, "\r\n")] = '\0';
	hdf_set(r, "Mail.Subject", str_trim(r->arena, subj.data));
	hdf_set(r, "Page.Template", arena_printf(r->arena, "mail/%s.html.cs",
	    kind));
	if (render_file(r, "layout/mail.cs", "html", &html) == -1)
		return -1;
	/* A subject is one line, without the template's surrounding blanks. */
	m->subject = hdf_get(r, "Mail.Subject");
	m->text = text.data;
	m->html = html.data;
	return 0;
}

static const struct {
	int		 status;
	const char	*title;
	const char	*message;
} errors[] = {
	{ 400, "Bad request", "The request could not be understood. Please go back and try again." },
	{ 403, "Not allowed", "You don't have access to this page, or the form expired. Reload the page and try again." },
	{ 404, "Page not found", "There is nothing here. Check the address, or go back to the start." },
	{ 405, "Method not allowed", "This address doesn't accept that kind of request." },
	{ 409, "Changed meanwhile", "Someone else changed this while you were editing. Reload to see the latest version." },
	{ 413, "Too large", "What you sent is larger than we accept. Try a smaller file or shorter text." },
	{ 422, "Please check the form", "Some of what you entered isn't valid." },
	{ 429, "Too many attempts", "Please wait a few minutes before trying again." },
	{ 500, "Something went wrong", "We couldn't finish that. It has been logged; please try again in a moment." },
	{ 503, "Temporarily unavailable", "The service is busy or restarting. Please try again in a moment." },
};

/* The error page for status; plain text if even that cannot render. */
void
render_error(struct req *r, int status)
{
	size_t	 i;

	for (i = 0; i < sizeof(errors) / sizeof(errors[0]) - 1; i++)
		if (errors[i].status == status)
			break;
	if (errors[i].status != status)
		i = 8;
	hdf_set_int(r, "Error.Code", status);
	hdf_set(r, "Error.Title", errors[i].title);
	hdf_set(r, "Error.Message", errors[i].message);
	hdf_set(r, "Page.Title", errors[i].title);
	/* Signed in, an error keeps the back office around it. */
	if (!r->sess.valid)
		hdf_set(r, "Page.Layout", "layout/error.cs");
	if (render_as(r, "error/error.cs", status) != status) {
		buf_reset(&r->body);
		buf_printf(&r->body, "%d %s\n", status, errors[i].title);
		r->ctype = "text/plain; charset=utf-8";
	}
}
