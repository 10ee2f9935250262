/*
 * Company settings: the details customers see on every document and alert
 * (name, trade, address, phone, e-mail, hours, time zone) and the logo.
 * Owners edit; office staff read.  Edits carry the version they started
 * from, so a concurrent change is reported (409), never overwritten.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"

#define LOGO_MAX	(2 * 1024 * 1024)

const char *const company_fields[] = {
	"name", "trade", "street", "city", "region", "postal_code", "phone",
	"email", "hours", "timezone", NULL
};

/* Company.* for pages and mail. */
/* "tel:+15550100199": a phone number as a link (no spaces or punctuation). */
static const char *
phone_href(struct req *r, const char *phone)
{
	char	*out = arena_zalloc(r->arena, strlen(phone) + 5), *p;

	p = out + 4;
	memcpy(out, "tel:", 4);
	for (; *phone != '\0'; phone++)
		if ((*phone >= '0' && *phone <= '9') || (*phone == '+' && p == out + 4))
			*p++ = *phone;
	return p == out + 4 ? "" : out;
}

void
hdf_put_company(struct req *r, const struct company *c)
{
	const char	*t = trade_label(c->trade);

	hdf_set(r, "Company.Name", c->name);
	hdf_set(r, "Company.Trade", c->trade);
	hdf_set(r, "Company.TradeLabel", t ? t : c->trade);
	hdf_set(r, "Company.Street", c->street);
	hdf_set(r, "Company.City", c->city);
	hdf_set(r, "Company.Region", c->region);
	hdf_set(r, "Company.PostalCode", c->postal_code);
	hdf_set(r, "Company.Phone", c->phone);
	hdf_set(r, "Company.PhoneHref", phone_href(r, c->phone));
	hdf_set(r, "Company.Email", c->email);
	hdf_set(r, "Company.Hours", c->hours);
	hdf_set(r, "Company.Timezone", c->timezone);
	if (*c->logo_file)
		hdf_set(r, "Company.LogoHref", "/app/logo");
}

/*
 * Read and check the company fields of the form into c; messages go next
 * to the fields.  Returns the number of errors.
 */
int
company_read_form(struct req *r, struct company *c)
{
	int	 n = 0;

	c->name = str_trim(r->arena, req_field(r, "name"));
	c->trade = req_field(r, "trade");
	c->street = str_trim(r->arena, req_field(r, "street"));
	c->city = str_trim(r->arena, req_field(r, "city"));
	c->region = str_trim(r->arena, req_field(r, "region"));
	c->postal_code = str_trim(r->arena, req_field(r, "postal_code"));
	c->phone = str_trim(r->arena, req_field(r, "phone"));
	c->email = str_email(r->arena, req_field(r, "email"));
	c->hours = str_trim(r->arena, req_field(r, "hours"));
	c->timezone = req_field(r, "timezone");
	n += form_error(r, "name", valid_line(c->name, 1, 120));
	n += form_error(r, "trade", trade_label(c->trade) ? NULL :
	    "Choose your trade");
	n += form_error(r, "street", valid_line(c->street, 0, 160));
	n += form_error(r, "city", valid_line(c->city, 0, 80));
	n += form_error(r, "region", valid_line(c->region, 0, 80));
	n += form_error(r, "postal_code", valid_line(c->postal_code, 0, 20));
	n += form_error(r, "phone", valid_phone(c->phone));
	n += form_error(r, "email", valid_email(c->email));
	n += form_error(r, "hours", valid_text(c->hours, 0, 400));
	n += form_error(r, "timezone", valid_timezone(c->timezone) ? NULL :
	    "Choose a time zone");
	return n;
}

static void
keep_company(struct req *r, const struct company *c)
{
	hdf_set(r, "Form.Values.name", c->name);
	hdf_set(r, "Form.Values.trade", c->trade);
	hdf_set(r, "Form.Values.street", c->street);
	hdf_set(r, "Form.Values.city", c->city);
	hdf_set(r, "Form.Values.region", c->region);
	hdf_set(r, "Form.Values.postal_code", c->postal_code);
	hdf_set(r, "Form.Values.phone", c->phone);
	hdf_set(r, "Form.Values.email", c->email);
	hdf_set(r, "Form.Values.hours", c->hours);
	hdf_set(r, "Form.Values.timezone", c->timezone);
	hdf_set_int(r, "Form.Values.version", c->version);
}

static int
show(struct req *r, const struct company *c, int status)
{
	hdf_put_company(r, c);
	form_company_choices(r);
	hdf_set(r, "Page.Title", "Company settings");
	hdf_set(r, "Page.Nav", "settings");
	return render_as(r, "app/settings.cs", status);
}

/* GET /app/settings */
int
settings_edit(struct req *r)
{
	struct company	 c;

	if (db_company_get(r, &c) != DB_OK)
		return HTTP_500;
	keep_company(r, &c);
	return show(r, &c, HTTP_200);
}

/* POST /app/settings */
int
settings_update(struct req *r)
{
	struct company	 c, cur;
	int64_t		 version;

	if (db_company_get(r, &cur) != DB_OK)
		return HTTP_500;
	c = cur;
	version = strtoll(req_field(r, "version"), NULL, 10);
	if (company_read_form(r, &c) > 0) {
		form_keep(r, company_fields);
		hdf_set_int(r, "Form.Values.version", version);
		return show(r, &cur, HTTP_422);
	}
	c.version = version;
	switch (db_company_update(r, &c)) {
	case DB_OK:
		flash(r, "saved");
		return redirect(r, "/app/settings");
	case DB_STALE:
		keep_company(r, &cur);
		hdf_set(r, "Form.Error", "Someone else changed these settings "
		    "while you were editing. These are the current values: "
		    "review them and save again.");
		return show(r, &cur, HTTP_409);
	default:
		return HTTP_500;
	}
}

/* The type of an image by its first bytes, or NULL if not PNG or JPEG. */
const char *
image_type(const char *p, size_t n)
{
	if (n >= 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0)
		return "image/png";
	if (n >= 3 && memcmp(p, "\xff\xd8\xff", 3) == 0)
		return "image/jpeg";
	return NULL;
}

/*
 * nginx sends stored files itself (X-Accel-Redirect), so its group — the
 * socket's — must read them; nobody else may.
 */
static int
web_group_share(const char *path)
{
	struct group	*g;

	if (*cfg.socket_group == '\0')
		return 0;
	if ((g = getgrnam(cfg.socket_group)) == NULL ||
	    chown(path, (uid_t)-1, g->gr_gid) == -1) {
		log_err("chown %s to %s: %s", path, cfg.socket_group,
		    g ? strerror(errno) : "no such group");
		return -1;
	}
	return 0;
}

/* Write the bytes under upload_dir/sub/ with a random name; returns the name. */
const char *
file_store(struct req *r, const char *sub, const char *ext, const char *p,
    size_t n)
{
	char		*tok, *dir, *tmp, *path, *name;
	ssize_t		 w;
	size_t		 done = 0;
	int		 fd;

	token_new(r->arena, &tok, NULL);
	name = arena_printf(r->arena, "%s.%s", tok, ext);
	dir = arena_printf(r->arena, "%s/%s", cfg.upload_dir, sub);
	if (mkdir(dir, 0750) == -1 && errno != EEXIST) {
		log_err("mkdir %s: %s", dir, strerror(errno));
		return NULL;
	}
	if (web_group_share(dir) == -1)
		return NULL;
	tmp = arena_printf(r->arena, "%s/.%s.tmp", dir, name);
	path = arena_printf(r->arena, "%s/%s", dir, name);
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640)) == -1) {
		log_err("open %s: %s", tmp, strerror(errno));
		return NULL;
	}
	while (done < n) {
		if ((w = write(fd, p + done, n - done)) <= 0) {
			log_err("write %s: %s", tmp, strerror(errno));
			close(fd);
			unlink(tmp);
			return NULL;
		}
		done += (size_t)w;
	}
	if (web_group_share(tmp) == -1 || fsync(fd) == -1 || close(fd) == -1 ||
	    rename(tmp, path) == -1) {
		log_err("store %s: %s", path, strerror(errno));
		unlink(tmp);
		return NULL;
	}
	return name;
}

/* POST /app/settings/logo (multipart, field "logo") */
int
settings_logo(struct req *r)
{
	const struct param	*f = req_file(r, "logo");
	struct company		 c;
	const char		*type, *name, *err = NULL;

	if (f == NULL || f->len == 0)
		err = "Choose a PNG or JPEG file";
	else if (f->len > LOGO_MAX)
		err = "The logo must be 2 MB or smaller";
	else if ((type = image_type(f->value, f->len)) == NULL)
		err = "This file is not a PNG or JPEG image";
	if (err != NULL) {
		if (db_company_get(r, &c) != DB_OK)
			return HTTP_500;
		keep_company(r, &c);
		form_error(r, "logo", err);
		return show(r, &c, HTTP_422);
	}
	name = file_store(r, "logos", strcmp(type, "image/png") == 0 ? "png" :
	    "jpg", f->value, f->len);
	if (name == NULL)
		return HTTP_500;
	if (db_company_set_logo(r, name, type) != DB_OK)
		return HTTP_500;
	flash(r, "logo_saved");
	return redirect(r, "/app/settings");
}

/* GET /app/logo: nginx sends the file from its internal location. */
int
settings_logo_show(struct req *r)
{
	struct company	 c;

	if (db_company_get(r, &c) != DB_OK)
		return HTTP_500;
	if (*c.logo_file == '\0')
		return HTTP_404;
	req_header(r, "X-Accel-Redirect", arena_printf(r->arena,
	    "/_files/logos/%s", c.logo_file));
	req_header(r, "Cache-Control", "private, max-age=300");
	r->ctype = c.logo_type;
	return HTTP_200;
}
