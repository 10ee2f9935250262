/*
 * CSV import of customers, in four steps: upload the file (UTF-8, with or
 * without a byte-order mark, comma or semicolon delimited, at most 2 MB
 * and 10,000 rows) → map each column to a customer field (guessed from
 * the header) → preview with the problems of each row → import the valid
 * rows in one transaction.
 *
 * Between the steps the upload lives under upload_dir/imports/<company>/
 * with a random name (file_store); the pages carry that name in a hidden
 * field.  Only a token-shaped name is accepted and it is looked up in the
 * signed-in company's folder, so a name from another company or a path is
 * simply not found (404).  Importing first renames the file away, so a
 * double submit can't import twice; a successful import deletes it.
 * Uploads that are never imported are left for a periodic clean-up.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"

#define IMPORT_MAX_BYTES	(2 * 1024 * 1024)
#define IMPORT_MAX_ROWS		10000
#define IMPORT_MAX_COLS		50
#define PREVIEW_ROWS		200
#define SAMPLES			3
#define SAMPLE_MAX_CP		40
#define IGNORE			(-1)

/* A parsed upload: its header and its rows. */
struct sheet {
	const char	 *file;		/* stored name: <token>.csv */
	char		**head;
	size_t		  ncols;
	char		***rows;
	size_t		 *ncells;
	size_t		 *lines;	/* line each row starts on */
	size_t		  nrows;
};

/* Header names (lower-case letters and digits only) a column is guessed by. */
static const struct {
	const char		*alias;
	enum customer_field	 field;
} guesses[] = {
	{ "name", CF_NAME }, { "fullname", CF_NAME }, { "customer", CF_NAME },
	{ "customername", CF_NAME }, { "client", CF_NAME },
	{ "clientname", CF_NAME }, { "company", CF_NAME },
	{ "companyname", CF_NAME }, { "displayname", CF_NAME },
	{ "kind", CF_KIND }, { "type", CF_KIND }, { "customertype", CF_KIND },
	{ "email", CF_EMAIL }, { "emailaddress", CF_EMAIL },
	{ "mail", CF_EMAIL },
	{ "phone", CF_PHONE }, { "phonenumber", CF_PHONE },
	{ "telephone", CF_PHONE }, { "tel", CF_PHONE }, { "mobile", CF_PHONE },
	{ "cell", CF_PHONE },
	{ "notes", CF_NOTES }, { "note", CF_NOTES }, { "comments", CF_NOTES },
	{ "comment", CF_NOTES },
	{ "tags", CF_TAGS }, { "tag", CF_TAGS }, { "labels", CF_TAGS },
	{ "street", CF_STREET }, { "address", CF_STREET },
	{ "streetaddress", CF_STREET }, { "address1", CF_STREET },
	{ "addressline1", CF_STREET },
	{ "city", CF_CITY }, { "town", CF_CITY },
	{ "region", CF_REGION }, { "state", CF_REGION },
	{ "province", CF_REGION }, { "county", CF_REGION },
	{ "postalcode", CF_POSTAL_CODE }, { "postcode", CF_POSTAL_CODE },
	{ "zip", CF_POSTAL_CODE }, { "zipcode", CF_POSTAL_CODE },
};

static const char *
dir(struct req *r)
{
	return arena_printf(r->arena, "%s/imports/%lld", cfg.upload_dir,
	    (long long)r->sess.company_id);
}

/* What file_store names a stored upload: 43 base64url characters + ".csv". */
static bool
name_ok(const char *s)
{
	return strlen(s) == 47 && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789-_") == 43 &&
	    strcmp(s + 43, ".csv") == 0;
}

/* s cut to n code points (s is valid UTF-8), with "…" when cut. */
static const char *
cut(struct arena *a, const char *s, size_t n)
{
	size_t	 i, cp = 0;

	for (i = 0; s[i]; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 && cp++ == n)
			return arena_printf(a, "%.*s…", (int)i, s);
	return s;
}

/* An array of n elements of size moved to a new one of cap. */
static void *
grow(struct arena *a, void *old, size_t n, size_t cap, size_t size)
{
	void	*p = arena_alloc(a, cap * size);

	if (n > 0)
		memcpy(p, old, n * size);
	return p;
}

/*
 * Parse the text of an upload into s.  Returns NULL, or what is wrong
 * with it in words for the person.
 */
static const char *
sheet_parse(struct arena *a, const char *p, size_t n, struct sheet *s)
{
	struct csv	 c;
	char		**f;
	size_t		 nf, cap = 0, i;
	int		 rc;

	memset(s, 0, sizeof(*s));
	if (!utf8_valid(p, n))
		return "This file isn't UTF-8 text. Save it as \"CSV UTF-8\" "
		    "and upload it again.";
	csv_init(&c, p, n);
	if ((rc = csv_next(&c, a, &s->head, &s->ncols)) == 0)
		return "This file is empty.";
	if (rc == -1)
		return c.error;
	if (s->ncols > IMPORT_MAX_COLS)
		return "This file has more than 50 columns.";
	for (i = 0; i < s->ncols; i++) {
		s->head[i] = str_trim(a, s->head[i]);
		if (*s->head[i] == '\0')
			s->head[i] = arena_printf(a, "Column %zu", i + 1);
	}
	while ((rc = csv_next(&c, a, &f, &nf)) == 1) {
		if (s->nrows == IMPORT_MAX_ROWS)
			return "This file has more than 10,000 rows: split it "
			    "into smaller files.";
		if (s->nrows == cap) {
			cap = cap ? cap * 2 : 64;
			s->rows = grow(a, s->rows, s->nrows, cap,
			    sizeof(*s->rows));
			s->ncells = grow(a, s->ncells, s->nrows, cap,
			    sizeof(*s->ncells));
			s->lines = grow(a, s->lines, s->nrows, cap,
			    sizeof(*s->lines));
		}
		s->rows[s->nrows] = f;
		s->ncells[s->nrows] = nf;
		s->lines[s->nrows] = c.record_line;
		s->nrows++;
	}
	if (rc == -1)
		return c.error;
	if (s->nrows == 0)
		return "This file has a header line but no customers below it.";
	return NULL;
}

/*
 * Read the stored upload `name` of the company at path into s.  Returns
 * 0, HTTP_404 when it isn't there, or HTTP_500.
 */
static int
sheet_load(struct req *r, const char *path, struct sheet *s)
{
	struct stat	 st;
	const char	*err;
	char		*p;
	size_t		 got = 0;
	ssize_t		 n;
	int		 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) == -1) {
		if (errno == ENOENT)
			return HTTP_404;
		log_err("open %s: %s", path, strerror(errno));
		return HTTP_500;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    st.st_size > IMPORT_MAX_BYTES) {
		close(fd);
		return HTTP_404;
	}
	p = arena_alloc(r->arena, (size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		if ((n = read(fd, p + got, (size_t)st.st_size - got)) <= 0) {
			log_err("read %s: %s", path, n ? strerror(errno) :
			    "short");
			close(fd);
			return HTTP_500;
		}
		got += (size_t)n;
	}
	close(fd);
	p[got] = '\0';
	if ((err = sheet_parse(r->arena, p, got, s)) != NULL) {
		log_err("stored import %s: %s", path, err);
		return HTTP_500;
	}
	return 0;
}

/* The upload page, with status; a message about the whole form, if any. */
static int
upload_show(struct req *r, const char *msg, int status)
{
	if (msg != NULL)
		hdf_set(r, "Form.Error", msg);
	hdf_set(r, "Page.Title", "Import customers");
	hdf_set(r, "Page.Nav", "customers");
	return render_as(r, "app/customers/import.cs", status);
}

/* The page for an upload that isn't (or is no longer) there. */
static int
gone(struct req *r)
{
	return upload_show(r, "This upload isn't available any more: it was "
	    "imported already, or it belongs to another sign-in. Upload the "
	    "file again.", HTTP_404);
}

/* The stored upload named in the form, parsed; a status when it can't be. */
static int
sheet_from_form(struct req *r, struct sheet *s, const char **path)
{
	const char	*name = req_field(r, "file");
	int		 st;

	if (!name_ok(name))
		return gone(r);
	*path = arena_printf(r->arena, "%s/%s", dir(r), name);
	if ((st = sheet_load(r, *path, s)) == HTTP_404)
		return gone(r);
	s->file = name;
	return st;
}

/* A column's guessed field from its header, or IGNORE. */
static int
guess(struct arena *a, const char *header)
{
	char	*k = arena_strdup(a, header), *q = k;
	size_t	 i;

	for (; *header; header++)
		if ((*header >= 'a' && *header <= 'z') ||
		    (*header >= '0' && *header <= '9'))
			*q++ = *header;
		else if (*header >= 'A' && *header <= 'Z')
			*q++ = (char)(*header - 'A' + 'a');
	*q = '\0';
	for (i = 0; i < sizeof(guesses) / sizeof(guesses[0]); i++)
		if (strcmp(guesses[i].alias, k) == 0)
			return (int)guesses[i].field;
	return IGNORE;
}

/* Guess every column; each field goes to the first column that names it. */
static void
map_guess(struct req *r, const struct sheet *s, int *map)
{
	bool	 used[CF__MAX] = { false };
	size_t	 i;
	int	 f;

	for (i = 0; i < s->ncols; i++) {
		f = guess(r->arena, s->head[i]);
		map[i] = f != IGNORE && !used[f] ? f : IGNORE;
		if (map[i] != IGNORE)
			used[map[i]] = true;
	}
}

/*
 * The mapping of the form (map_0, map_1, ...) into map; messages next to
 * the columns.  Returns the number of messages.
 */
static int
map_read(struct req *r, const struct sheet *s, int *map)
{
	size_t		 i, at[CF__MAX] = { 0 };
	bool		 used[CF__MAX] = { false };
	const char	*v, *field;
	int		 f, n = 0;

	for (i = 0; i < s->ncols; i++) {
		field = arena_printf(r->arena, "map_%zu", i);
		v = req_field(r, field);
		map[i] = IGNORE;
		if (strcmp(v, "ignore") == 0 || *v == '\0')
			continue;
		for (f = 0; f < CF__MAX; f++)
			if (strcmp(v, customer_fields[f]) == 0)
				break;
		if (f == CF__MAX) {
			n += form_error(r, field, "Choose what this column "
			    "holds");
			continue;
		}
		if (used[f]) {
			n += form_error(r, field, arena_printf(r->arena,
			    "%s is already taken by the column \"%s\"",
			    customer_field_label(f), s->head[at[f]]));
			continue;
		}
		used[f] = true;
		at[f] = i;
		map[i] = f;
	}
	if (!used[CF_NAME])
		n += form_error(r, "map_0", "Choose the column that holds the "
		    "customer's name");
	return n;
}

/* Form.Values.map_N and the hidden Map.N of the later steps. */
static void
map_put(struct req *r, const struct sheet *s, const int *map)
{
	const char	*v;
	size_t		 i;

	for (i = 0; i < s->ncols; i++) {
		v = map[i] == IGNORE ? "ignore" : customer_fields[map[i]];
		hdf_set(r, arena_printf(r->arena, "Form.Values.map_%zu", i), v);
		hdf_set(r, arena_printf(r->arena, "Map.%zu.Name", i),
		    arena_printf(r->arena, "map_%zu", i));
		hdf_set(r, arena_printf(r->arena, "Map.%zu.Value", i), v);
	}
	hdf_set(r, "Import.File", s->file);
	hdf_set_int(r, "Import.Rows", (int64_t)s->nrows);
}

/* The mapping page: each column, a few of its values, and its select. */
static int
map_show(struct req *r, const struct sheet *s, const int *map, int status)
{
	struct buf	 hint;
	const char	*p;
	size_t		 i, j, k;
	int		 f;

	hdf_set(r, "Targets.0.Value", "ignore");
	hdf_set(r, "Targets.0.Label", "Don't import");
	for (f = 0; f < CF__MAX; f++) {
		hdf_set(r, arena_printf(r->arena, "Targets.%d.Value", f + 1),
		    customer_fields[f]);
		hdf_set(r, arena_printf(r->arena, "Targets.%d.Label", f + 1),
		    customer_field_label(f));
	}
	for (i = 0; i < s->ncols; i++) {
		p = arena_printf(r->arena, "Columns.%zu", i);
		hdf_set(r, arena_printf(r->arena, "%s.Header", p), s->head[i]);
		hdf_set(r, arena_printf(r->arena, "%s.Field", p),
		    arena_printf(r->arena, "map_%zu", i));
		buf_init(&hint, r->arena);
		for (j = k = 0; j < s->nrows && k < SAMPLES; j++)
			if (i < s->ncells[j] && *s->rows[j][i])
				buf_printf(&hint, "%s%s", k++ ? " · " :
				    "For example: ", cut(r->arena,
				    s->rows[j][i], SAMPLE_MAX_CP));
		hdf_set(r, arena_printf(r->arena, "%s.Hint", p), k ? hint.data :
		    "Empty in the first rows");
	}
	map_put(r, s, map);
	hdf_set(r, "Page.Title", "Import customers: columns");
	hdf_set(r, "Page.Nav", "customers");
	return render_as(r, "app/customers/import_map.cs", status);
}

/* GET /app/customers/import */
int
customers_import_new(struct req *r)
{
	return upload_show(r, NULL, HTTP_200);
}

/* POST /app/customers/import (multipart, field "file") */
int
customers_import_upload(struct req *r)
{
	const struct param	*f = req_file(r, "file");
	const char		*err = NULL, *sub;
	struct sheet		 s;
	int			*map;

	if (f == NULL || f->len == 0)
		err = "Choose a CSV file";
	else if (f->len > IMPORT_MAX_BYTES)
		err = "The file must be 2 MB or smaller";
	else
		err = sheet_parse(r->arena, f->value, f->len, &s);
	if (err != NULL) {
		form_error(r, "file", err);
		return upload_show(r, NULL, HTTP_422);
	}
	sub = arena_printf(r->arena, "%s/imports", cfg.upload_dir);
	if (mkdir(sub, 0750) == -1 && errno != EEXIST) {
		log_err("mkdir %s: %s", sub, strerror(errno));
		return HTTP_500;
	}
	sub = arena_printf(r->arena, "imports/%lld",
	    (long long)r->sess.company_id);
	if ((s.file = file_store(r, sub, "csv", f->value, f->len)) == NULL)
		return HTTP_500;
	map = arena_alloc(r->arena, s.ncols * sizeof(*map));
	map_guess(r, &s, map);
	return map_show(r, &s, map, HTTP_200);
}

/* POST /app/customers/import/map: back from the preview to the columns. */
int
customers_import_map(struct req *r)
{
	struct sheet	 s;
	const char	*path;
	int		*map, st;

	if ((st = sheet_from_form(r, &s, &path)) != 0)
		return st;
	map = arena_alloc(r->arena, s.ncols * sizeof(*map));
	return map_show(r, &s, map, map_read(r, &s, map) > 0 ? HTTP_422 :
	    HTTP_200);
}

/* Row i of s through the mapping, checked like the customer form. */
static int
row_check(struct arena *a, const struct sheet *s, const int *map, size_t i,
    struct customer *c, struct property *p, const char **err)
{
	const char	*v[CF__MAX] = { NULL };
	size_t		 j;

	for (j = 0; j < s->ncols && j < s->ncells[i]; j++)
		if (map[j] != IGNORE)
			/* A cell may hold line breaks; only notes keep them. */
			v[map[j]] = map[j] == CF_NOTES ?
			    csv_unquote(s->rows[i][j]) :
			    str_oneline(a, csv_unquote(s->rows[i][j]));
	return customer_check(a, v, c, p, err);
}

/* "Email: Enter a valid email address; Street: ..." */
static const char *
row_errors(struct arena *a, const char *const *err)
{
	struct buf	 b;
	int		 f;

	buf_init(&b, a);
	for (f = 0; f < CF__MAX; f++)
		if (err[f] != NULL)
			buf_printf(&b, "%s%s: %s", b.len ? "; " : "",
			    customer_field_label(f), err[f]);
	return b.data;
}

/* The preview page: counts, the first rows with their problems. */
static int
preview_show(struct req *r, const struct sheet *s, const int *map, int status)
{
	struct customer	 c;
	struct property	 p;
	const char	*err[CF__MAX], *k;
	size_t		 i, valid = 0;

	for (i = 0; i < s->nrows; i++) {
		if (row_check(r->arena, s, map, i, &c, &p, err) == 0)
			valid++;
		if (i >= PREVIEW_ROWS)
			continue;
		k = arena_printf(r->arena, "Preview.%zu", i);
#define KEY(x)	arena_printf(r->arena, "%s.%s", k, (x))
		hdf_set_int(r, KEY("Line"), (int64_t)s->lines[i]);
		hdf_set(r, KEY("Name"), c.name);
		hdf_set(r, KEY("Kind"), c.kind);
		hdf_set(r, KEY("Email"), c.email);
		hdf_set(r, KEY("Phone"), c.phone);
		hdf_set(r, KEY("Tags"), c.tags);
		hdf_set(r, KEY("Street"), p.street);
		hdf_set(r, KEY("City"), p.city);
		hdf_set(r, KEY("Errors"), row_errors(r->arena, err));
#undef KEY
	}
	hdf_set_int(r, "Import.Valid", (int64_t)valid);
	hdf_set_int(r, "Import.Invalid", (int64_t)(s->nrows - valid));
	hdf_set_int(r, "Import.Shown", (int64_t)(s->nrows < PREVIEW_ROWS ?
	    s->nrows : PREVIEW_ROWS));
	map_put(r, s, map);
	hdf_set(r, "Page.Title", "Import customers: preview");
	hdf_set(r, "Page.Nav", "customers");
	return render_as(r, "app/customers/import_preview.cs", status);
}

/* POST /app/customers/import/preview */
int
customers_import_preview(struct req *r)
{
	struct sheet	 s;
	const char	*path;
	int		*map, st;

	if ((st = sheet_from_form(r, &s, &path)) != 0)
		return st;
	map = arena_alloc(r->arena, s.ncols * sizeof(*map));
	if (map_read(r, &s, map) > 0)
		return map_show(r, &s, map, HTTP_422);
	return preview_show(r, &s, map, HTTP_200);
}

/* Insert the valid rows of s; *n of them.  Inside the caller's transaction. */
static int
import_rows(struct req *r, const struct sheet *s, const int *map, size_t *n)
{
	struct customer	 c;
	struct property	 p;
	const char	*err[CF__MAX];
	int64_t		 pid;
	size_t		 i;
	int		 rc;

	*n = 0;
	for (i = 0; i < s->nrows; i++) {
		if (row_check(r->arena, s, map, i, &c, &p, err) > 0)
			continue;
		if ((rc = db_customer_insert(r, &c, &p.customer_id)) != DB_OK)
			return rc;
		if (*p.street && (rc = db_property_insert(r, &p, &pid)) !=
		    DB_OK)
			return rc;
		(*n)++;
	}
	return DB_OK;
}

/*
 * POST /app/customers/import/run: the valid rows in one transaction.  The
 * upload is renamed while it is imported (a second submit finds nothing)
 * and deleted once the rows are in.
 */
int
customers_import_run(struct req *r)
{
	struct sheet	 s;
	const char	*name = req_field(r, "file"), *path, *busy;
	size_t		 n;
	int		*map, st;

	if (!name_ok(name))
		return gone(r);
	path = arena_printf(r->arena, "%s/%s", dir(r), name);
	busy = arena_printf(r->arena, "%s.importing", path);
	if (rename(path, busy) == -1) {
		if (errno == ENOENT)
			return gone(r);
		log_err("rename %s: %s", path, strerror(errno));
		return HTTP_500;
	}
	if ((st = sheet_load(r, busy, &s)) != 0)
		goto put_back;
	s.file = name;
	map = arena_alloc(r->arena, s.ncols * sizeof(*map));
	if (map_read(r, &s, map) > 0) {
		st = map_show(r, &s, map, HTTP_422);
		goto put_back;
	}
	if (db_begin(r) != DB_OK) {
		st = HTTP_500;
		goto put_back;
	}
	if (import_rows(r, &s, map, &n) != DB_OK) {
		db_rollback(r);
		st = HTTP_500;
		goto put_back;
	}
	if (n == 0) {
		db_rollback(r);
		hdf_set(r, "Form.Error", "None of the rows can be imported: "
		    "fix the file, or the columns, and try again.");
		st = preview_show(r, &s, map, HTTP_422);
		goto put_back;
	}
	if (db_commit(r) != DB_OK) {
		/* Maybe committed, maybe not: never offer to import again. */
		unlink(busy);
		return HTTP_500;
	}
	unlink(busy);
	log_info("import company=%lld customers=%zu",
	    (long long)r->sess.company_id, n);
	flash(r, "customers_imported");
	return redirect(r, "/app/customers?sort=recent");
put_back:
	if (rename(busy, path) == -1)
		log_err("rename %s: %s", busy, strerror(errno));
	return st;
}
