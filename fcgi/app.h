/*
 * Plumbline — the one internal header.
 *
 * Structs first, then prototypes grouped by the file that defines them; it
 * doubles as the table of contents of fcgi/.  Library types stay out of
 * here: FCGX_* lives in worker.c/req.c, NEOERR and HDF internals in
 * render.c, MYSQL in db.c, libsodium in crypto.c.
 */
#ifndef PLUMBLINE_APP_H
#define PLUMBLINE_APP_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <pthread.h>
#include <sys/types.h>
#include <time.h>

#define PL_VERSION	"0.1.0"

/* HTTP statuses that handlers return; the worker renders the error pages. */
enum http_status {
	HTTP_200 = 200,
	HTTP_303 = 303,
	HTTP_304 = 304,
	HTTP_400 = 400,
	HTTP_403 = 403,
	HTTP_404 = 404,
	HTTP_405 = 405,
	HTTP_409 = 409,
	HTTP_410 = 410,		/* a spent, expired or revoked link */
	HTTP_413 = 413,
	HTTP_422 = 422,
	HTTP_429 = 429,
	HTTP_500 = 500,
	HTTP_503 = 503,
};

enum method {
	METHOD_GET,
	METHOD_HEAD,
	METHOD_POST,
	METHOD__MAX
};

/* Who may call a route.  Roles are ordered: owner > office > field. */
enum access {
	ACCESS_PUBLIC,		/* anyone */
	ACCESS_GUEST,		/* signed-out only; signed-in users are sent to /app/ */
	ACCESS_FIELD,		/* any staff role */
	ACCESS_OFFICE,		/* owner or office */
	ACCESS_OWNER,		/* owner only */
	ACCESS_PORTAL_GUEST,	/* portal, signed-out only (sign-in pages) */
	ACCESS_PORTAL,		/* a portal session; handlers check the document */
	ACCESS_PORTAL_FULL,	/* a portal session with a recently proven address */
	ACCESS__MAX
};

enum role {
	ROLE_NONE,
	ROLE_FIELD,
	ROLE_OFFICE,
	ROLE_OWNER,
	ROLE__MAX
};

/* Outcomes of the data layer that handlers turn into statuses. */
enum db_result {
	DB_OK,
	DB_NONE,		/* no row: 404 */
	DB_DUP,			/* unique key taken: 422 with a message */
	DB_STALE,		/* version changed under us: 409 */
	DB_ERR,			/* logged where detected: 500 */
};

enum parse_result {
	PARSE_OK,
	PARSE_BAD,		/* malformed: 400 */
	PARSE_UTF8,		/* not valid UTF-8: 400 */
	PARSE_TOO_MANY,		/* too many fields: 413 */
	PARSE_TOO_BIG,		/* a field, name or nesting too large: 413 */
};

/* ---------------------------------------------------------------- */

struct arena;

/* A growable byte buffer whose memory comes from an arena. */
struct buf {
	struct arena	*arena;
	char		*data;		/* always NUL-terminated */
	size_t		 len;
	size_t		 cap;
};

/* One name/value of a query string, body or cookie header. */
struct param {
	const char	*name;
	const char	*value;		/* NUL-terminated; may hold NULs if binary */
	size_t		 len;
	const char	*filename;	/* multipart file parts only, else NULL */
	const char	*ctype;		/* multipart part Content-Type, else NULL */
	struct param	*next;
};

struct params {
	struct param	*head;
	struct param	*tail;
	size_t		 count;
};

struct parse_limits {
	size_t		 max_fields;
	size_t		 max_name;	/* bytes in a field name */
	size_t		 max_value;	/* bytes in a text field value */
	size_t		 max_file;	/* bytes in a multipart file part */
	size_t		 max_depth;	/* [ ] levels in a field name: a[b][c] is 2 */
};

/* The read-only configuration, loaded once by the master. */
struct config {
	char		*listen;		/* unix socket path or host:port */
	char		*socket_group;
	int		 socket_mode;
	char		*pid_file;
	int		 workers;
	int		 max_requests;
	int		 request_timeout_s;
	int		 backlog;
	char		*base_url;		/* http://127.0.0.1:8080 (no slash) */
	char		*templates_dir;
	char		*upload_dir;
	char		*db_socket;
	char		*db_host;
	int		 db_port;
	char		*db_name;
	char		*db_user;
	char		*db_password;
	char		*secret;		/* HMAC key for CSRF; >= 32 chars */
	char		*sendmail;		/* command line; message on stdin */
	char		*mail_from;
	int		 session_idle_s;
	int		 session_absolute_s;
	int		 hash_slots;		/* concurrent password hashes */
	size_t		 max_body;
	size_t		 max_upload;
	bool		 secure_cookies;	/* behind TLS: Secure + __Host- */
	bool		 dev;			/* dev-only pages (mail viewer) */
	bool		 template_cache;	/* keep parsed templates per worker */
	char		*dev_mail_dir;
	char		*fonts_dir;		/* DejaVuSans.ttf and -Bold for PDFs; "": make's build/fonts */
};

/* The signed-in person, taken from the session row, never from input. */
struct session {
	bool		 valid;
	int64_t		 user_id;
	int64_t		 company_id;
	enum role	 role;
	const char	*token_hash;		/* 32 raw bytes */
	const char	*user_name;
	const char	*user_email;
	const char	*company_name;
	bool		 has_logo;
	const char	*currency;		/* the company's, for lists */
	const char	*timezone;
	int64_t		 unread;		/* customer entries not yet read */
};

/*
 * The customer signed in to the portal, from the portal session row.  For a
 * /portal request r->sess.company_id is the portal's company, so tenant
 * statements scope to it, while r->sess.valid stays false (no staff).
 */
struct portal {
	bool		 valid;
	int64_t		 session_id;
	int64_t		 person_id;
	int64_t		 customer_id;
	int64_t		 document_id;		/* the document its link opened, or 0 */
	bool		 verified;		/* address proven recently: whole portal */
	const char	*token_hash;		/* 32 raw bytes */
	const char	*name;
	const char	*email;
	const char	*customer_name;
	const char	*company_name;
	bool		 has_logo;
	bool		 has_password;
	int64_t		 seen_event_id;		/* newest staff entry read */
};

struct header {
	const char	*name;
	const char	*value;
	struct header	*next;
};

struct req {
	struct arena	*arena;
	void		*fcgx;			/* FCGX_Request, in req.c */
	struct _hdf	*hdf;			/* page data, in render.c */
	enum method	 method;
	const char	*method_name;
	const char	*path;
	const char	*query;
	const char	*remote_addr;
	const char	*user_agent;
	const char	*request_id;
	const char	*content_type;
	const char	*route;			/* pattern that matched, for logs */
	struct params	 args;			/* query string */
	struct params	 form;			/* urlencoded or multipart body */
	struct params	 cookies;
	struct params	 route_args;		/* :name parts of the pattern */
	struct session	 sess;
	struct portal	 portal;		/* /portal routes only */
	struct outmail	*attach;		/* mail_attach: the file of the next mail */
	const char	*csrf_seed;		/* session token or guest cookie */
	/* response */
	int		 status;
	struct header	*headers;
	const char	*ctype;
	struct buf	 body;
	bool		 no_body;		/* HEAD */
	bool		 read_all;		/* nothing of the request left unread */
	int64_t		 started_us;
};

typedef int (*handler_fn)(struct req *);

struct route {
	enum method	 method;
	const char	*pattern;	/* /app/users/:id */
	handler_fn	 fn;
	enum access	 access;
};

/* A parameter of a prepared statement. */
enum dbv_type {
	DBV_NULL,
	DBV_INT,
	DBV_STR,
	DBV_BLOB,
};

struct dbv {
	enum dbv_type	 type;
	int64_t		 i;
	const char	*s;
	size_t		 len;
};

#define DV_INT(x)	((struct dbv){ .type = DBV_INT, .i = (x) })
#define DV_STR(x)	((struct dbv){ .type = DBV_STR, .s = (x), .len = (x) ? strlen(x) : 0 })
#define DV_BLOB(p, n)	((struct dbv){ .type = DBV_BLOB, .s = (p), .len = (n) })
#define DV_NULL		((struct dbv){ .type = DBV_NULL })

/*
 * A statement of a db_*.c table.  Tenant statements write the company as
 * `:company` wherever it belongs (WHERE company_id = :company, VALUES
 * (:company, ...)); the db layer turns each into a placeholder bound from
 * the session, so a handler passes only the rest and can't forget it.  A
 * statement without :company says why in `why` (login by e-mail, token
 * look-ups, tools), and a check in `make test` holds both rules.
 */
struct db_stmt {
	const char	*name;
	const char	*why;		/* required when sql has no :company */
	const char	*sql;
	void		*handle;	/* MYSQL_STMT, per worker */
	uint64_t	 company_at;	/* bit i: parameter i is the company */
	unsigned	 nparams;
};

/* A fetched row: every column as text (NULL pointer for SQL NULL). */
struct db_row {
	const char	**col;
	size_t		 *len;
};

struct db_res {
	size_t		 nrows;
	size_t		 ncols;
	struct db_row	*rows;
	uint64_t	 affected;
	int64_t		 insert_id;
};

/*
 * Shared between the master and its workers (one anonymous mapping made
 * before the first fork): what each worker is doing, so the master can name
 * the route a dead worker was serving, and the password-hash locks.
 */
#define BOARD_SLOTS	512

struct slot {
	pid_t		 pid;
	unsigned	 gen;		/* config generation it was started with */
	int64_t		 started_ms;
	int64_t		 respawn_ms;	/* free slot: not before this time */
	uint32_t	 requests;
	int		 busy;
	char		 route[96];
};

/*
 * Password hashing is capped host-wide by hash_slots robust mutexes: a
 * worker that dies holding one (kill -9, OOM, the request timeout) hands
 * it back through EOWNERDEAD instead of leaking it.
 */
#define HASH_SLOTS_MAX	64

struct board {
	pthread_mutex_t	 hash_locks[HASH_SLOTS_MAX];
	struct slot	 slots[BOARD_SLOTS];
};

extern struct board *board;

/* One alert e-mail: rendered by render_mail, queued by mail_queue. */
struct outmail {
	int64_t		 id;
	const char	*kind;
	const char	*to_addr;
	const char	*to_name;
	const char	*from_name;
	const char	*reply_to;
	const char	*subject;
	const char	*text;
	const char	*html;
	int		 attempts;
	const char	*unsubscribe;		/* List-Unsubscribe URL, or "" */
	const char	*attach_name;		/* one attached file, or "" */
	const char	*attach_type;
	const char	*attach_data;
	size_t		 attach_len;
};

struct company {
	int64_t		 id;
	const char	*name;
	const char	*trade;
	const char	*street;
	const char	*city;
	const char	*region;
	const char	*postal_code;
	const char	*phone;
	const char	*email;
	const char	*hours;
	const char	*timezone;
	const char	*logo_file;	/* random name under upload_dir, or "" */
	const char	*logo_type;
	int64_t		 version;
};

struct user {
	int64_t		 id;
	int64_t		 company_id;
	const char	*email;
	const char	*name;
	enum role	 role;
	const char	*status;	/* invited, active, removed */
	const char	*password_hash;
};

/* Largest amount anywhere: $10 billion, far from int64 limits. */
#define MONEY_MAX_CENTS	1000000000000LL

struct money_line {
	int64_t		 amount_cents;
	bool		 taxable;
};

/* A document's pricing inputs (set by the caller) and totals (by money.c). */
struct totals {
	int64_t		 tax_rate_bp;
	bool		 discount_is_percent;
	int64_t		 discount_value;	/* cents, or bp when percent */
	bool		 deposit_is_percent;
	int64_t		 deposit_value;		/* cents, or bp when percent */
	int64_t		 subtotal_cents;
	int64_t		 discount_cents;
	int64_t		 taxable_cents;		/* after its share of discount */
	int64_t		 tax_cents;
	int64_t		 total_cents;
	int64_t		 deposit_cents;
};

/* The job pipeline; jobs.c holds the table of legal transitions. */
enum job_status {
	JOB_REQUESTED,
	JOB_ESTIMATING,
	JOB_APPROVED,
	JOB_SCHEDULED,
	JOB_IN_PROGRESS,
	JOB_COMPLETED,
	JOB_INVOICED,
	JOB_PAID,
	JOB_CANCELLED,
	JOB__MAX
};

/* Who makes a move of the pipeline: staff by a button, or a fact. */
enum job_actor {
	JOB_BY_STAFF = 1,
	JOB_BY_FACT = 2,
};

/* A calendar date (no zone): y 1900..9999, m 1..12, d 1..31. */
struct tz_date {
	int		 y;
	int		 m;
	int		 d;
};

struct job {
	int64_t		 id;
	int64_t		 number;		/* per company, from counters */
	int64_t		 customer_id;
	int64_t		 property_id;		/* 0: none */
	const char	*title;
	const char	*description;
	enum job_status	 status;
	bool		 is_project;
	int64_t		 version;
	const char	*created_at;		/* UTC DATETIME */
	const char	*customer_name;
	const char	*property;		/* one-line address, or "" */
};

/* What GET /app/jobs asks for. */
struct job_filter {
	enum job_status	 status;		/* JOB__MAX: any */
	bool		 open;			/* neither Paid nor Cancelled */
	const char	*q;			/* title, customer or number; "" */
	int64_t		 before;		/* number < before (keyset) */
	int64_t		 user_id;		/* only jobs with a visit of, or 0 */
};

/* One entry of the Job Message History. */
struct job_event {
	int64_t		 id;
	int64_t		 job_id;
	int64_t		 job_number;
	const char	*job_title;
	const char	*kind;			/* note, status, visit, ... */
	const char	*body;
	bool		 visible;		/* to the customer (portal) */
	const char	*user_name;		/* "" when none */
	const char	*created_at;		/* UTC DATETIME */
	int64_t		 document_id;		/* 0: none */
};

struct visit {
	int64_t		 id;
	int64_t		 job_id;
	int64_t		 user_id;		/* 0: not assigned */
	time_t		 starts_at;		/* UTC */
	time_t		 ends_at;
	const char	*status;		/* scheduled, done, cancelled */
	const char	*notes;
	int64_t		 version;
	int64_t		 job_number;
	const char	*job_title;
	const char	*customer_name;
	const char	*user_name;		/* "" when not assigned */
};

struct stage {
	int64_t		 id;
	int64_t		 job_id;
	int64_t		 position;
	const char	*name;
	const char	*status;		/* pending, in_progress, done */
	const char	*starts_on;		/* YYYY-MM-DD or "" */
	const char	*ends_on;
	int64_t		 version;
};

/* ---------------------------------------------------------------- */

/* arena.c */
struct arena	*arena_new(void);
void		 arena_free(struct arena *);
void		 arena_reset(struct arena *);
void		*arena_alloc(struct arena *, size_t);
void		*arena_zalloc(struct arena *, size_t);
char		*arena_strdup(struct arena *, const char *);
char		*arena_strndup(struct arena *, const char *, size_t);
char		*arena_printf(struct arena *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
void		 arena_cleanup(struct arena *, void (*)(void *), void *);
size_t		 arena_used(const struct arena *);

/* buf.c */
void		 buf_init(struct buf *, struct arena *);
void		 buf_add(struct buf *, const void *, size_t);
void		 buf_puts(struct buf *, const char *);
void		 buf_putc(struct buf *, char);
void		 buf_printf(struct buf *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
void		 buf_vprintf(struct buf *, const char *, va_list)
		    __attribute__((format(printf, 2, 0)));
void		 buf_reset(struct buf *);

/* log.c */
void		 log_init(const char *, bool);
void		 log_info(const char *, ...) __attribute__((format(printf, 1, 2)));
void		 log_warn(const char *, ...) __attribute__((format(printf, 1, 2)));
void		 log_err(const char *, ...) __attribute__((format(printf, 1, 2)));
void		 log_request(const struct req *, int64_t);
extern const char *log_request_id;	/* current request, for log lines */

/* config.c */
int		 config_load(struct config *, const char *, char *, size_t);
void		 config_free(struct config *);
extern struct config cfg;

/* main.c */
int64_t		 now_ms(void);

/* master.c */
int		 master_run(const char *);

/* worker.c */
int		 worker_listen(const char *, int);
void		 worker_close_listen(void);
void		 worker_main(int, int) __attribute__((noreturn));

/* req.c */
int		 req_read(struct req *, void *);
void		 req_header(struct req *, const char *, const char *);
void		 req_send(struct req *);
const char	*req_cookie(const struct req *, const char *);
const char	*req_arg(const struct req *, const char *);
const char	*req_field(const struct req *, const char *);
const struct param *req_file(const struct req *, const char *);
void		 req_set_cookie(struct req *, const char *, const char *, int);
int		 redirect(struct req *, const char *);

/* form.c — parsers of untrusted input; all memory from the arena */
int		 form_urlencoded(struct arena *, const char *, size_t,
		    const struct parse_limits *, struct params *);
int		 form_cookies(struct arena *, const char *,
		    const struct parse_limits *, struct params *);
int		 form_multipart(struct arena *, const char *, const char *,
		    size_t, const struct parse_limits *, struct params *);
bool		 utf8_valid(const char *, size_t);
const struct param *params_find(const struct params *, const char *);
const char	*params_get(const struct params *, const char *);
void		 params_add(struct arena *, struct params *, const char *,
		    const char *, size_t);

/* route.c */
const struct route *route_match(struct req *, const struct route *, size_t,
		    unsigned *);
bool		 route_id(const struct req *, const char *, int64_t *);

/* routes.c */
int		 route_dispatch(struct req *);
void		 routes_print(void);

/* render.c */
int		 conf_read(const char *, int (*)(void *, const char *,
		    const char *), void *, char *, size_t);
int		 render_begin(struct req *);
void		 hdf_set(struct req *, const char *, const char *);
void		 hdf_setf(struct req *, const char *, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
void		 hdf_set_int(struct req *, const char *, int64_t);
const char	*hdf_get(struct req *, const char *);
/* A node of the page data (made when missing), and values under it: one
 * row of a long list without re-walking its path for every field. */
struct hdf_node	*hdf_node(struct req *, const char *);
void		 hdf_node_set(struct hdf_node *, const char *, const char *);
void		 hdf_node_int(struct hdf_node *, const char *, int64_t);
struct hdf_node	*hdf_node_at(struct hdf_node *, size_t);
int		 render(struct req *, const char *);
int		 render_as(struct req *, const char *, int);
int		 render_mail(struct req *, const char *, struct outmail *);
void		 render_error(struct req *, int);

/* db.c */
int		 db_connect(void);
void		 db_close(void);
bool		 db_lost(void);
int		 db_prepare(struct db_stmt *);
int		 db_run(struct req *, struct db_stmt *, const struct dbv *, size_t,
		    struct db_res *);
int		 db_begin(struct req *);
int		 db_commit(struct req *);
void		 db_rollback(struct req *);
int64_t		 db_int(const struct db_row *, size_t);
const char	*db_str(const struct db_row *, size_t);
bool		 db_in_tx(void);
bool		 db_retry_wanted(void);
int		 db_ping(void);
extern struct db_stmt *const db_tables[];

/* crypto.c */
int		 crypto_init(void);
int		 crypto_board_init(struct board *);
void		 token_new(struct arena *, char **, char **);
bool		 token_shaped(const char *);
char		*token_hash(struct arena *, const char *);
char		*csrf_token(struct arena *, const char *);
bool		 csrf_check(struct arena *, const char *, const char *);
int		 password_hash(const char *, char *, size_t);
int		 password_check(const char *, const char *);
bool		 ct_equal(const char *, const char *, size_t);
void		 password_dummy(const char *);

/* db_companies.c, db_users.c, db_sessions.c, db_tokens.c, db_outbox.c, db_limits.c */
extern struct db_stmt db_companies_sql[], db_users_sql[], db_sessions_sql[],
		    db_tokens_sql[], db_outbox_sql[], db_limits_sql[];
int		 db_company_insert(struct req *, const struct company *,
		    int64_t *);
int		 db_company_get(struct req *, struct company *);
int		 db_company_update(struct req *, const struct company *);
int		 db_company_set_logo(struct req *, const char *, const char *);
int		 db_user_find_email(struct req *, const char *, struct user *);
int		 db_user_get(struct req *, int64_t, struct user *);
int		 db_user_list(struct req *, struct user **, size_t *);
int		 db_user_insert(struct req *, const struct user *, const char *,
		    int64_t, int64_t *);
int		 db_user_reinvite(struct req *, int64_t, const char *, enum role,
		    int64_t);
int		 db_user_set_password(struct req *, int64_t, const char *);
int		 db_user_set_role(struct req *, int64_t, enum role);
int		 db_user_set_status(struct req *, int64_t, const char *);
int		 db_user_set_name(struct req *, int64_t, const char *);
int		 db_user_owners_lock(struct req *, size_t *);
int		 db_session_load(struct req *, const char *, int64_t *);
int		 db_session_insert(struct req *, const char *, int64_t);
int		 db_session_touch(struct req *, const char *);
int		 db_session_delete(struct req *, const char *);
int		 db_session_delete_user(struct req *, int64_t, const char *);
int		 db_token_insert(struct req *, const char *, int64_t,
		    const char *, int);
int		 db_token_find(struct req *, const char *, const char *,
		    struct user *, const char **);
int		 db_token_spend(struct req *, const char *, const char *);
int		 db_token_void(struct req *, int64_t, const char *);
int		 db_outbox_insert(struct req *, const struct outmail *);
int		 db_outbox_next(struct req *, int, struct outmail *);
int		 db_outbox_sent(struct req *, int64_t);
int		 db_outbox_failed(struct req *, int64_t, const char *, int);
int		 db_limit_hit(struct req *, const char *, int, int64_t *);
int		 db_limit_get(struct req *, const char *, int, int64_t *);
int		 db_limit_clear(struct req *, const char *);

/* session.c */
enum role	 role_parse(const char *);
const char	*role_name(enum role);
const char	*role_label(enum role);
bool		 csrf_valid(struct req *);
void		 session_page(struct req *);
int		 session_load(struct req *);
void		 session_guest_seed(struct req *);
int		 session_start(struct req *, int64_t, int64_t);
void		 session_end(struct req *);
int		 session_end_others(struct req *, int64_t);
bool		 session_allows(const struct req *, enum access);

/* valid.c */
const char	*valid_email(const char *);
const char	*valid_password(const char *);
const char	*valid_text(const char *, size_t, size_t);
const char	*valid_line(const char *, size_t, size_t);
bool		 valid_timezone(const char *);
const char	*valid_phone(const char *);

/* money.c */
bool		 money_line(int64_t, int64_t, int64_t *);
int64_t		 money_percent(int64_t, int64_t);
bool		 money_totals(struct totals *, const struct money_line *, size_t);
bool		 money_parse_decimal(const char *, int, bool, int64_t, int64_t *);
bool		 money_currency_known(const char *);
char		*money_format(struct arena *, int64_t, const char *);

/* gen.c */
int		 gen_main(int, char *[]);

/* fmt.c */
char		*str_trim(struct arena *, const char *);
char		*fmt_digits(char *, uint64_t);
char		*str_email(struct arena *, const char *);
char		*url_encode(struct arena *, const char *);
char		*str_oneline(struct arena *, const char *);
char		*fmt_utc_now(struct arena *);

/* page.c */
struct choice {
	const char	*value;
	const char	*label;
};
void		 flash(struct req *, const char *);
void		 flash_show(struct req *);
void		 form_keep(struct req *, const char *const *);
bool		 form_error(struct req *, const char *, const char *);
const char	*trade_label(const char *);
void		 form_company_choices(struct req *);
void		 form_role_choices(struct req *);
void		 page_token(struct req *);

/* mail.c, deliver.c */
int		 mail_queue(struct req *, const char *, const char *,
		    const char *);
void		 mime_qp(struct buf *, const char *);
void		 mime_build(struct buf *, const struct outmail *);
int		 deliver_main(bool);

/* settings.c */
extern const char *const company_fields[];
void		 hdf_put_company(struct req *, const struct company *);
int		 company_read_form(struct req *, struct company *);
const char	*image_type(const char *, size_t);
const char	*file_store(struct req *, const char *, const char *,
		    const char *, size_t);
int		 settings_edit(struct req *);
int		 settings_update(struct req *);
int		 settings_logo(struct req *);
int		 settings_logo_show(struct req *);

/* auth.c */
bool		 rate_limited(struct req *, const char *, int, int);
int		 home(struct req *);
int		 health(struct req *);
int		 auth_signup_new(struct req *);
int		 auth_signup_create(struct req *);
int		 auth_login_new(struct req *);
int		 auth_login_create(struct req *);
int		 auth_logout_confirm(struct req *);
int		 auth_logout(struct req *);

/* password.c */
bool		 token_page(struct req *, const char *, const char *,
		    struct user *, const char **, int *);
int		 password_read_form(struct req *, const char **);
int		 password_store(struct req *, const struct user *, const char *);
int		 password_forgot_new(struct req *);
int		 password_forgot_create(struct req *);
int		 password_reset_edit(struct req *);
int		 password_reset_update(struct req *);

/* staff.c */
int		 staff_index(struct req *);
int		 staff_invite(struct req *);
int		 staff_role(struct req *);
int		 staff_remove(struct req *);
int		 invite_edit(struct req *);
int		 invite_update(struct req *);

/* account.c, dashboard.c, dev.c */
int		 account_edit(struct req *);
int		 account_update(struct req *);
int		 dashboard_show(struct req *);
int		 dev_mail_index(struct req *);
int		 dev_mail_show(struct req *);
int		 dev_sleep(struct req *);
#ifdef PLUMBLINE_BENCH
int		 bench_bare(struct req *);	/* bench.c: `make bench` only */
#endif

/*
 * customers.c, customers_import.c, properties.c, db_customers.c, csv.c —
 * customers with their properties (service addresses) and contacts; CSV
 * import and export.
 */
#define CSV_MAX_FIELDS	100
#define CSV_MAX_CELL	(64 * 1024)	/* bytes in one value */

struct csv {
	const char	*p;		/* next byte */
	const char	*end;
	char		 delim;		/* ',' or ';' */
	size_t		 line;		/* line of p, from 1 */
	size_t		 record_line;	/* line the last record started on */
	size_t		 max_fields;
	size_t		 max_cell;
	const char	*error;		/* why csv_next returned -1 */
};

/* A customer's fields in form, import-mapping and export order. */
enum customer_field {
	CF_NAME,
	CF_KIND,
	CF_EMAIL,
	CF_PHONE,
	CF_NOTES,
	CF_TAGS,
	CF_STREET,		/* CF_STREET..CF_POSTAL_CODE: first property */
	CF_CITY,
	CF_REGION,
	CF_POSTAL_CODE,
	CF__MAX
};

struct property {
	int64_t		 id;		/* 0: none */
	int64_t		 customer_id;
	const char	*label;
	const char	*street;
	const char	*city;
	const char	*region;
	const char	*postal_code;
	const char	*notes;
	int64_t		 version;
	int64_t		 jobs;		/* jobs at this address */
};

struct contact {
	int64_t		 id;
	int64_t		 customer_id;
	const char	*name;
	const char	*email;
	const char	*phone;
	const char	*role;
};

struct customer {
	int64_t		 id;
	const char	*kind;		/* person, business */
	const char	*name;
	const char	*email;		/* lower-case, or "" */
	const char	*phone;
	const char	*notes;
	const char	*tags;		/* normalised: "a,b,c" */
	int64_t		 version;
	const char	*created_at;	/* UTC, YYYY-MM-DD HH:MM:SS */
	struct property	 first;		/* first property (lists, export) */
};

/* The criteria of a customer list page or export. */
struct customer_filter {
	const char	*q;		/* name, email, phone, street, city */
	const char	*kind;		/* "" or a kind */
	const char	*tag;		/* "" or one tag */
	bool		 recent;	/* newest first, else by name */
	int64_t		 after;		/* last row of the previous page, or 0 */
	int		 limit;
	bool		 full;		/* notes and the whole first address */
};

/* A customer's jobs and documents on its page. */
struct customer_job {
	int64_t		 id;
	int64_t		 number;
	const char	*title;
	const char	*status;
};

struct customer_doc {
	int64_t		 id;
	const char	*kind;		/* estimate, invoice */
	int64_t		 number;
	int64_t		 revision;
	const char	*title;
	const char	*status;
	int64_t		 total_cents;
	int64_t		 paid_cents;
};

/* csv.c */
void		 csv_init(struct csv *, const char *, size_t);
int		 csv_next(struct csv *, struct arena *, char ***, size_t *);
void		 csv_write(struct buf *, const char *const *, size_t);
const char	*csv_unquote(const char *);

/* customers.c */
extern const char *const customer_fields[];
const char	*customer_field_label(enum customer_field);
int		 customer_check(struct arena *, const char *const *,
		    struct customer *, struct property *, const char **);
int		 customer_page(struct req *, const struct customer *, int);
int		 customers_index(struct req *);
int		 customers_export(struct req *);
int		 customers_show(struct req *);
int		 customers_new(struct req *);
int		 customers_create(struct req *);
int		 customers_edit(struct req *);
int		 customers_update(struct req *);
int		 customers_delete(struct req *);

/* customers_import.c */
int		 customers_import_new(struct req *);
int		 customers_import_upload(struct req *);
int		 customers_import_map(struct req *);
int		 customers_import_preview(struct req *);
int		 customers_import_run(struct req *);

/* properties.c */
int		 property_check(struct property *, bool, const char **);
int		 properties_new(struct req *);
int		 properties_create(struct req *);
int		 properties_edit(struct req *);
int		 properties_update(struct req *);
int		 properties_delete(struct req *);
int		 contacts_create(struct req *);
int		 contacts_delete(struct req *);

/* db_customers.c */
extern struct db_stmt db_customers_sql[];
int		 db_customer_get(struct req *, int64_t, struct customer *);
int		 db_customer_list(struct req *, const struct customer_filter *,
		    struct customer **, size_t *);
int		 db_customer_insert(struct req *, const struct customer *,
		    int64_t *);
int		 db_customer_update(struct req *, const struct customer *);
int		 db_customer_lock(struct req *, int64_t);
int		 db_customer_usage(struct req *, int64_t, int64_t *, int64_t *);
int		 db_customer_delete(struct req *, int64_t);
int		 db_customer_balance(struct req *, int64_t, int64_t *,
		    const char **);
int		 db_customer_jobs(struct req *, int64_t, struct customer_job **,
		    size_t *);
int		 db_customer_documents(struct req *, int64_t,
		    struct customer_doc **, size_t *);
int		 db_job_documents(struct req *, int64_t, struct customer_doc **,
		    size_t *);
int		 db_property_get(struct req *, int64_t, struct property *);
int		 db_property_list(struct req *, int64_t, struct property **,
		    size_t *);
int		 db_property_insert(struct req *, const struct property *,
		    int64_t *);
int		 db_property_update(struct req *, const struct property *);
int		 db_property_lock(struct req *, int64_t, struct property *);
int		 db_property_delete(struct req *, int64_t);
int		 db_contact_get(struct req *, int64_t, struct contact *);
int		 db_contact_list(struct req *, int64_t, struct contact **,
		    size_t *);
int		 db_contact_insert(struct req *, const struct contact *,
		    int64_t *);
int		 db_contact_delete(struct req *, int64_t);

/*
 * Cross-feature calls of the back office (F2).  Each runs inside the
 * caller's transaction and returns a DB_* result.
 */
/* jobs.c */
int		 job_event_add(struct req *, int64_t, const char *, const char *,
		    bool, int64_t);
int		 job_status_by_fact(struct req *, int64_t, enum job_status);
int		 job_load(struct req *, int64_t, struct job *);
int		 job_page(struct req *, const struct job *, int);
char		*job_when(struct req *, const char *, time_t);
void		 job_put_events(struct req *, const char *,
		    const struct job_event *, size_t, const char *);
int		 job_put_doc_events(struct req *, const char *, int64_t, int64_t,
		    const char *);
int		 jobs_index(struct req *);
int		 jobs_new(struct req *);
int		 jobs_create(struct req *);
int		 jobs_show(struct req *);
int		 jobs_edit(struct req *);
int		 jobs_update(struct req *);
int		 jobs_status(struct req *);
int		 jobs_note(struct req *);

/* job_status.c — the pipeline's one transition table */
const char	*job_status_name(enum job_status);
const char	*job_status_label(enum job_status);
enum job_status	 job_status_parse(const char *);
bool		 job_status_open(enum job_status);
bool		 job_status_allowed(enum job_status, enum job_status, unsigned);
size_t		 job_status_next(enum job_status, unsigned, enum job_status *);
bool		 job_status_typeable(enum job_status);

/* visits.c, stages.c */
void		 visits_put(struct req *, const char *, const struct visit *,
		    size_t, const char *);
int		 visits_put_job(struct req *, const struct job *, const char *);
int		 stages_put_job(struct req *, const struct job *);
int		 visits_create(struct req *);
int		 visits_edit(struct req *);
int		 visits_update(struct req *);
int		 visits_cancel(struct req *);
int		 visits_done(struct req *);
int		 schedule_show(struct req *);
int		 stages_create(struct req *);
int		 stages_edit(struct req *);
int		 stages_update(struct req *);
int		 stages_status(struct req *);
int		 stages_up(struct req *);
int		 stages_down(struct req *);
int		 stages_delete(struct req *);

/* tz.c — dates, clock times, the company's time zone */
int		 tz_month_days(int, int);
bool		 tz_parse_date(const char *, struct tz_date *);
bool		 tz_parse_clock(const char *, int *, int *);
int64_t		 tz_days(const struct tz_date *);
void		 tz_civil(int64_t, struct tz_date *);
int		 tz_weekday(int64_t);
void		 tz_date_str(const struct tz_date *, char *);
bool		 tz_local_to_utc(const char *, const struct tz_date *, int, int,
		    time_t *);
bool		 tz_utc_to_local(const char *, time_t, struct tm *);
void		 tz_local_date(const char *, time_t, struct tz_date *);
time_t		 tz_day_start(const char *, const struct tz_date *);
bool		 tz_parse_utc(const char *, time_t *);
void		 tz_format_utc(time_t, char *);

/* db_jobs.c, db_visits.c, db_dashboard.c */
extern struct db_stmt db_jobs_sql[], db_visits_sql[], db_dashboard_sql[];
int		 db_counter_next(struct req *, const char *, int64_t *);
int		 db_job_counter_catch_up(struct req *);
int		 db_job_insert(struct req *, const struct job *, int64_t *);
int		 db_job_get(struct req *, int64_t, struct job *);
int		 db_job_lock(struct req *, int64_t, enum job_status *);
int		 db_job_set_status(struct req *, int64_t, enum job_status);
int		 db_job_update(struct req *, const struct job *);
int		 db_job_list(struct req *, const struct job_filter *,
		    struct job **, size_t *);
int		 db_job_assigned(struct req *, int64_t, int64_t);
int		 db_customer_choices(struct req *, struct choice **, size_t *);
int		 db_customer_name(struct req *, int64_t, const char **);
int		 db_property_choices(struct req *, int64_t, struct choice **,
		    size_t *);
int		 db_job_event_insert(struct req *, int64_t, const char *,
		    const char *, bool, int64_t);
int		 db_job_event_list(struct req *, int64_t, struct job_event **,
		    size_t *);
int		 db_job_event_recent(struct req *, int64_t, struct job_event **,
		    size_t *);
int		 db_stage_list(struct req *, int64_t, struct stage **, size_t *);
int		 db_stage_get(struct req *, int64_t, struct stage *);
int		 db_stage_insert(struct req *, const struct stage *);
int		 db_stage_update(struct req *, const struct stage *);
int		 db_stage_set_status(struct req *, int64_t, const char *);
int		 db_stage_neighbour(struct req *, const struct stage *, bool,
		    struct stage *);
int		 db_stage_set_position(struct req *, int64_t, int64_t);
int		 db_stage_delete(struct req *, int64_t);
int		 db_visit_insert(struct req *, const struct visit *, int64_t *);
int		 db_visit_get(struct req *, int64_t, struct visit *);
int		 db_visit_update(struct req *, const struct visit *);
int		 db_visit_set_status(struct req *, int64_t, const char *);
int		 db_visit_cancel_job(struct req *, int64_t, uint64_t *);
int		 db_visit_list_job(struct req *, int64_t, int64_t, struct visit **,
		    size_t *);
int		 db_visit_list_range(struct req *, time_t, time_t, int64_t,
		    struct visit **, size_t *);
int		 db_dashboard_setup(struct req *, bool *, bool *);
int		 db_dashboard_money(struct req *, const char *, int64_t *,
		    int64_t *, int64_t *, int64_t *, int64_t *, const char **);

/*
 * documents.c, doc_actions.c, lines.c, payments.c, db_documents.c,
 * price_book.c, db_price_book.c — the price book, estimates and invoices
 * with their lines, and payments.
 */
#define DOC_LINES_MAX	150	/* rows of one form: 6 fields each, the parser takes 1,000 */
#define DOC_TEXT_MAX	5000	/* terms, notes: code points */
#define DOC_DAYS	30	/* default valid-until and due date: issue + days */

enum doc_kind {
	DOC_ESTIMATE,
	DOC_INVOICE,
	DOC__MAX
};

enum doc_status {
	DOCST_DRAFT,
	DOCST_SENT,
	DOCST_APPROVED,
	DOCST_DECLINED,
	DOCST_SUPERSEDED,
	DOCST_PARTIAL,
	DOCST_PAID,
	DOCST_VOID,
	DOCST_REVISION_REQUESTED,	/* the customer asked for changes */
	DOCST__MAX
};

struct doc_line {
	const char	*desc;
	int64_t		 qty_milli;
	const char	*unit;
	int64_t		 unit_cents;
	bool		 taxable;
	int64_t		 amount_cents;
	int64_t		 price_item_id;	/* 0: typed, not from the price book */
};

/* The job a document belongs to, with its customer and property. */
struct doc_job {
	int64_t		 id;
	int64_t		 number;
	const char	*title;
	enum job_status	 status;
	int64_t		 customer_id;
	const char	*customer_name;
	const char	*customer_email;
	const char	*customer_phone;
	const char	*street;		/* the property, or "" */
	const char	*city;
	const char	*region;
	const char	*postal_code;
};

struct document {
	int64_t		 id;
	enum doc_kind	 kind;
	int64_t		 number;
	int64_t		 revision;
	int64_t		 parent_id;		/* 0: none */
	int64_t		 source_id;		/* the estimate of an invoice, or 0 */
	int64_t		 job_id;
	int64_t		 customer_id;
	enum doc_status	 status;
	const char	*title;
	const char	*issued_on;		/* YYYY-MM-DD */
	const char	*until;			/* valid_until or due_on, or "" */
	struct totals	 t;
	int64_t		 paid_cents;
	const char	*terms;
	const char	*notes;
	const char	*approved_name;		/* "" when not approved */
	const char	*approved_at;		/* UTC DATETIME or "" */
	int64_t		 version;
	const char	*updated_at;		/* UTC DATETIME */
	struct doc_job	 job;			/* filled by db_document_get */
	struct doc_line	*lines;
	size_t		 nlines;
};

/* One row of the list pages. */
struct doc_row {
	int64_t		 id;
	int64_t		 number;
	int64_t		 revision;
	enum doc_status	 status;
	const char	*title;
	const char	*until;
	int64_t		 total_cents;
	int64_t		 paid_cents;
	const char	*customer_name;
};

struct doc_filter {
	enum doc_kind	 kind;
	const char	*status;		/* "", a status, "unpaid", "overdue" */
	const char	*q;			/* number, customer or title; "" */
	const char	*today;			/* YYYY-MM-DD, for "overdue" */
	int64_t		 before;		/* keyset: number < before, or 0 */
	int64_t		 before_rev;
};

/* The company's money settings: currency and defaults of new documents. */
struct doc_defaults {
	const char	*currency;
	int64_t		 tax_rate_bp;
	const char	*terms;
	const char	*timezone;
	int64_t		 version;		/* the company row's */
};

struct payment {
	int64_t		 id;
	int64_t		 document_id;
	const char	*method;		/* cash, check, card, bank, online, other */
	int64_t		 amount_cents;		/* below zero: a refund */
	const char	*received_on;
	const char	*reference;
	const char	*reason;		/* refunds */
	const char	*created_by;		/* staff name, or "" */
	const char	*created_at;
};

struct price_item {
	int64_t		 id;
	const char	*name;
	const char	*description;
	const char	*unit;
	int64_t		 unit_cents;
	bool		 taxable;
	bool		 archived;
	int64_t		 version;
};

/* One line row of a document form as typed (kept when shown again). */
struct line_row {
	const char	*desc;
	const char	*qty;
	const char	*unit;
	const char	*price;
	const char	*item;			/* price item id, or "" */
	bool		 taxable;
};

/* A document form as typed. */
struct doc_form {
	enum doc_kind	 kind;
	const char	*job_id;
	const char	*title;
	const char	*issued_on;
	const char	*until;
	const char	*tax_rate;		/* percent, 2 decimals */
	const char	*discount_kind;		/* amount, percent */
	const char	*discount;
	const char	*deposit_kind;
	const char	*deposit;
	const char	*terms;
	const char	*notes;
	const char	*version;
	struct line_row	 rows[DOC_LINES_MAX];
	size_t		 nrows;
	bool		 overflow;		/* rows past DOC_LINES_MAX were sent */
};

/* documents.c */
const char	*doc_kind_name(enum doc_kind);
const char	*doc_status_name(enum doc_status);
const char	*doc_status_label(enum doc_status);
enum doc_status	 doc_status_parse(const char *);
const char	*doc_href(struct req *, enum doc_kind, int64_t, const char *);
char		*doc_event(struct req *, const struct document *, const char *,
		    const char *);
int		 doc_load(struct req *, enum doc_kind, int64_t, struct document *,
		    struct doc_defaults *);
int		 doc_show_page(struct req *, const struct document *,
		    const struct doc_defaults *, int);
void		 doc_put_lines(struct req *, const char *,
		    const struct document *, const char *);
void		 doc_put_fields(struct req *, const struct document *,
		    const char *);
int		 estimates_index(struct req *);
int		 estimates_new(struct req *);
int		 estimates_create(struct req *);
int		 estimates_show(struct req *);
int		 estimates_edit(struct req *);
int		 estimates_update(struct req *);
int		 invoices_index(struct req *);
int		 invoices_new(struct req *);
int		 invoices_create(struct req *);
int		 invoices_show(struct req *);
int		 invoices_edit(struct req *);
int		 invoices_update(struct req *);
int		 doc_settings_edit(struct req *);
int		 doc_settings_update(struct req *);

/* doc_actions.c — status changes and an invoice from an estimate */
bool		 doc_can(const struct document *, const char *);
int		 doc_move_locked(struct req *, struct document *, const char *,
		    const struct doc_defaults *);
int		 estimates_send(struct req *);
int		 estimates_approve(struct req *);
int		 estimates_decline(struct req *);
int		 estimates_invoice(struct req *);
int		 invoices_send(struct req *);
int		 invoices_void(struct req *);

/* lines.c — reading and checking the document form */
void		 lines_read(struct req *, enum doc_kind, struct doc_form *);
void		 lines_from_doc(struct req *, const struct document *,
		    struct doc_form *);
int		 lines_check(struct req *, const struct doc_form *, const char *,
		    struct document *);
const char	*lines_row_action(struct doc_form *, const char *);
bool		 lines_add_item(struct doc_form *, const struct price_item *,
		    struct arena *);
void		 lines_put(struct req *, const struct doc_form *, const char *);
char		*lines_decimal(struct arena *, int64_t, int, bool);
char		*lines_text(struct arena *, const char *);
const char	*lines_date(const char *, bool);
char		*lines_today(struct req *, const char *, int);
char		*lines_date_label(struct arena *, const char *);

/* payments.c */
int		 payments_estimate_create(struct req *);
int		 payments_invoice_create(struct req *);
void		 payments_put(struct req *, const struct document *,
		    const struct doc_defaults *);
const char	*payments_method_label(const char *);

/* price_book.c */
int		 price_book_index(struct req *);
int		 price_book_new(struct req *);
int		 price_book_create(struct req *);
int		 price_book_edit(struct req *);
int		 price_book_update(struct req *);
int		 price_book_archive(struct req *);
int		 price_book_restore(struct req *);

/* db_documents.c, db_price_book.c */
extern struct db_stmt db_documents_sql[], db_price_book_sql[];
int		 db_doc_defaults_get(struct req *, struct doc_defaults *);
int		 db_doc_defaults_update(struct req *, const struct doc_defaults *);
int		 db_doc_job_get(struct req *, int64_t, struct doc_job *);
int		 db_doc_job_choices(struct req *, struct choice **, size_t *);
int		 db_document_insert(struct req *, const struct document *,
		    int64_t *);
int		 db_document_update(struct req *, const struct document *);
int		 db_document_get(struct req *, enum doc_kind, int64_t,
		    struct document *);
int		 db_document_lock(struct req *, enum doc_kind, int64_t,
		    struct document *);
int		 db_document_set_status(struct req *, int64_t, enum doc_status);
int		 db_document_approve(struct req *, int64_t, const char *);
int		 db_document_set_paid(struct req *, int64_t, int64_t,
		    enum doc_status);
int		 db_document_list(struct req *, const struct doc_filter *,
		    struct doc_row **, size_t *);
int		 db_document_derived(struct req *, int64_t, struct doc_row **,
		    size_t *);
int		 db_doc_revision_request(struct req *, int64_t, int64_t,
		    const char **, const char **, const char **);
int		 db_lines_replace(struct req *, int64_t, const struct doc_line *,
		    size_t);
int		 db_lines_copy(struct req *, int64_t, int64_t);
int		 db_lines_get(struct req *, int64_t, struct doc_line **,
		    size_t *);
int		 db_payment_insert(struct req *, const struct payment *);
int		 db_payment_list(struct req *, int64_t, struct payment **,
		    size_t *);
int		 db_price_item_get(struct req *, int64_t, struct price_item *);
int		 db_price_item_list(struct req *, bool, const char *,
		    const char *, int64_t, int64_t, struct price_item **,
		    size_t *);
int		 db_price_item_insert(struct req *, const struct price_item *,
		    int64_t *);
int		 db_price_item_update(struct req *, const struct price_item *);
int		 db_price_item_set_archived(struct req *, int64_t, bool);

/*
 * pdf.c, pdf_render.c, pdf_layout.c, pdf_text.c, qr.c, verify.c, db_pdf.c —
 * the PDF of an estimate or invoice, its QR code and the public page the QR
 * opens (/d/<token>).
 */
/* What a PDF is made of: all loaded before rendering, so rendering needs no database. */
struct pdf_input {
	const struct document	*doc;		/* with job, customer and lines */
	const struct company	*company;
	const char		*currency;
	bool			 a4;		/* else US Letter */
	const struct payment	*payments;
	size_t			 npayments;
	const char		*logo;		/* PNG or JPEG bytes, or NULL */
	size_t			 logo_len;
	const char		*url;		/* the QR code's address */
};

/* A QR symbol: width x width modules, dark[y * width + x] != 0 is dark. */
struct qr {
	int		 width;
	unsigned char	*dark;
};

/* qr.c */
int		 qr_modules(struct arena *, const char *, struct qr *);

/* pdf.c */
const char	*pdf_filename(struct arena *, const struct document *,
		    const char *, bool);

/* pdf_render.c: the PDF of in->doc into out; 0, or -1 (logged). */
int		 pdf_render(struct arena *, const struct pdf_input *,
		    struct buf *);

/* One document being drawn, shared by pdf_text.c, pdf_layout.c, pdf_render.c. */
enum pdf_face {
	PDF_REG,
	PDF_BOLD,
	PDF_FACE__MAX
};
#define PDF_SMALL	7.5f		/* labels and footers, in points */
#define PDF_FOOT	56.0f		/* content stops this far above the edge */

struct pdf_ctx {
	struct arena		*a;
	const struct pdf_input	*in;
	const struct document	*d;
	void			*pdf;		/* HPDF_Doc, the worker's */
	void			*page;		/* HPDF_Page being drawn */
	struct buf		 pages;		/* HPDF_Page[] */
	float			 pw, ph;	/* page size */
	float			 left, right, y;
	float			 col[5];	/* left edges of qty, unit, price, amount (1..4) */
};
extern const float pdf_ink[3], pdf_muted[3], pdf_brand[3];

/* pdf_layout.c: header, parties, line table and totals. */
int		 pdf_body(struct pdf_ctx *);

/* pdf_text.c: the worker's document, fonts and drawing primitives. */
int		 pdf_text_init(void);
int		 pdf_doc_begin(struct pdf_ctx *);
unsigned long	 pdf_doc_error(unsigned long *);
void		 pdf_doc_end(struct pdf_ctx *);
char		*pdf_clean(struct pdf_ctx *, const char *, bool);
size_t		 pdf_wrap(struct pdf_ctx *, enum pdf_face, float, const char *,
		    float, char ***);
/* align: 0 from x0 rightwards, 1 ending at x0. */
void		 pdf_text(struct pdf_ctx *, enum pdf_face, float, float, float,
		    const char *, int);
float		 pdf_lines(struct pdf_ctx *, enum pdf_face, float, float, float,
		    float, const char *, int, float);
void		 pdf_color(struct pdf_ctx *, const float[3]);
void		 pdf_rule(struct pdf_ctx *, float, float, float, float, float);
void		 pdf_page_new(struct pdf_ctx *);
bool		 pdf_need(struct pdf_ctx *, float);

/* db_pdf.c */
struct doc_seal {				/* what /d/<token> shows */
	int64_t		 company_id;
	int64_t		 id;
	enum doc_kind	 kind;
	int64_t		 number;
	int64_t		 revision;
	enum doc_status	 status;
	const char	*issued_on;
	int64_t		 total_cents;
	int64_t		 paid_cents;
	const char	*updated_at;
	int64_t		 latest_revision;	/* of the same number */
	const char	*latest_at;		/* when that one was made */
};
extern struct db_stmt db_pdf_sql[];
int		 db_doc_token_find(struct req *, const char *,
		    struct doc_seal *);
int		 db_doc_latest(struct req *, struct doc_seal *);
int		 db_doc_token_get(struct req *, int64_t, const char **);
int		 db_company_paper_get(struct req *, bool *);
int		 db_company_paper_set(struct req *, bool);

/*
 * Serve the PDF of an already loaded document (db_document_get, in the
 * company of r->sess): loads the company, logo, payments and token, renders
 * and sets Content-Type, Content-Disposition and the body.  Returns HTTP_200,
 * or HTTP_404/HTTP_500 like a handler.
 */
int		 doc_pdf_send(struct req *, const struct document *);
int		 pdf_paper_put(struct req *, const char *);
int		 pdf_paper_check(struct req *);
int		 pdf_paper_save(struct req *);
int		 estimates_pdf(struct req *);
int		 invoices_pdf(struct req *);
int		 doc_verify_show(struct req *);
int		 pdf_bench(int, char **);

/*
 * portal_session.c, portal_auth.c, portal.c, db_portal.c — the customer
 * portal's people, sign-in links, codes and sessions, and its dashboard.
 */
#define PORTAL_LINK_DAYS	7	/* a sign-in link expires */
#define PORTAL_FRESH_DAYS	3	/* beyond its document, the portal needs a
					   proof of the address this recent */

/* r->portal and r->sess.company_id from the portal cookie; -1: no database. */
int		 portal_load(struct req *);
bool		 portal_allows(const struct req *, enum access);
/* 0 when r->portal may open document id (*kind: which it is; NULL if not
 * wanted); else the status to return (404, or a redirect to the code page
 * for a document outside the link's). */
int		 portal_doc_allowed(struct req *, int64_t, enum doc_kind *);
/* The portal person of customer_id's own address (contact_id 0) or of a
 * contact, created on first use; DB_NONE when that one has no address. */
int		 portal_person_for(struct req *, int64_t, int64_t, int64_t *);
/* A new sign-in link for person_id opening document_id (0: dashboard). */
int		 portal_link_new(struct req *, int64_t, int64_t, const char **);
/* Revoke the unused links to a document and end the sessions they began. */
int		 portal_links_revoke(struct req *, int64_t);
/* Set Page.Layout (the portal's) and the Portal.* / Company.* data it shows. */
void		 portal_page(struct req *);

struct portal_person {
	int64_t		 id;
	int64_t		 company_id;
	int64_t		 customer_id;
	const char	*name;
	const char	*email;
	const char	*password_hash;		/* "" when none */
};

struct portal_link {
	int64_t		 id;
	int64_t		 company_id;
	int64_t		 person_id;
	int64_t		 document_id;		/* 0: the dashboard */
	const char	*created_at;		/* UTC DATETIME */
	bool		 live;			/* unused, unrevoked, unexpired */
	bool		 used;
	bool		 revoked;
	const char	*company_name;
	const char	*person_name;
	const char	*doc_kind;		/* "estimate", "invoice" or "" */
	int64_t		 doc_number;
	int64_t		 doc_revision;
};

struct portal_session_row {
	int64_t		 id;
	const char	*ip;
	const char	*user_agent;
	const char	*created_at;		/* UTC DATETIME */
	const char	*last_seen_at;
};

/* A row of the dashboard: the newest shown version of a number. */
struct portal_doc {
	int64_t		 id;
	enum doc_kind	 kind;
	int64_t		 number;
	int64_t		 revision;
	const char	*status;		/* as stored: sent, approved, ... */
	const char	*title;
	int64_t		 total_cents;
	int64_t		 paid_cents;
	const char	*issued_on;
};

/* portal_session.c */
#define PORTAL_IDLE_S		(14 * 86400)	/* customers come back rarely */
#define PORTAL_ABSOLUTE_S	(90 * 86400)
int		 portal_start(struct req *, int64_t, int64_t, int64_t,
		    const char *);
void		 portal_end(struct req *);
const char	*portal_next(const char *);

/* portal_auth.c */
int		 portal_login_new(struct req *);
int		 portal_login_create(struct req *);
int		 portal_login_link(struct req *);
int		 portal_link_show(struct req *);
int		 portal_link_spend(struct req *);
int		 portal_verify_new(struct req *);
int		 portal_verify_send(struct req *);
int		 portal_verify_check(struct req *);
int		 portal_logout_confirm(struct req *);
int		 portal_logout(struct req *);

/* portal.c */
int		 portal_home(struct req *);
int		 portal_settings(struct req *);
int		 portal_password_update(struct req *);
int		 portal_session_end(struct req *);
int		 portal_sessions_end_others(struct req *);

/* db_portal.c */
extern struct db_stmt db_portal_sql[];
int		 db_portal_session_load(struct req *, const char *, int, int,
		    int64_t *);
int		 db_portal_session_touch(struct req *, int64_t);
int		 db_portal_session_insert(struct req *, const char *, int64_t,
		    int64_t, const char *, int64_t *);
int		 db_portal_session_delete(struct req *, int64_t, int64_t);
int		 db_portal_session_delete_token(struct req *, const char *);
int		 db_portal_session_delete_others(struct req *, int64_t, int64_t);
int		 db_portal_session_list(struct req *, int64_t, int, int,
		    struct portal_session_row **, size_t *);
int		 db_portal_session_verify(struct req *, int64_t);
int		 db_portal_code_set(struct req *, int64_t, const char *, int);
int		 db_portal_code_try(struct req *, int64_t, int, const char **);
int		 db_portal_people_by_email(struct req *, const char *, int,
		    struct portal_person **, size_t *);
int		 db_portal_person_get(struct req *, int64_t,
		    struct portal_person *);
int		 db_portal_address(struct req *, int64_t, int64_t, const char **,
		    const char **);
int		 db_portal_person_upsert(struct req *, int64_t, int64_t,
		    const char *, const char *, int64_t *);
int		 db_portal_person_set_password(struct req *, int64_t,
		    const char *);
int		 db_portal_link_insert(struct req *, const char *, int64_t,
		    int64_t, int);
int		 db_portal_link_find(struct req *, const char *,
		    struct portal_link *);
int		 db_portal_link_spend(struct req *, int64_t);
int		 db_portal_links_revoke(struct req *, int64_t);
int		 db_portal_doc_allowed(struct req *, int64_t, int64_t, int64_t,
		    enum doc_kind *, bool *);
int		 db_portal_documents(struct req *, int64_t, struct portal_doc **,
		    size_t *);
int		 db_portal_visits(struct req *, int64_t, struct visit **,
		    size_t *);
int		 db_portal_unread(struct req *, int64_t, int64_t, int64_t *);

/*
 * alerts.c, messages.c, shares.c — sharing documents, the conversation and
 * alerts on both sides, alert preferences.
 */
/* Queue the alert kind about job_id (and document_id, or 0) to each staff
 * member who wants it: note, approval, revision, dispute, view. */
int		 alert_staff(struct req *, int64_t, int64_t, const char *,
		    const char *);
/* Queue the alert kind to each portal person of the job's customer who
 * wants it, each with a fresh sign-in link: shared, reply, version, receipt. */
int		 alert_customer(struct req *, int64_t, int64_t, const char *,
		    const char *);
/* The signed-in customer's note on job_id (document_id or 0): the Job
 * Message History and the staff alert, in the caller's transaction. */
int		 portal_note_add(struct req *, int64_t, int64_t, const char *);
/* Attach a file (name, type, bytes) to the next mail_queue of this request
 * (to every mail of the next alert_staff/alert_customer).  The bytes stay
 * the caller's (arena) until then. */
int		 mail_attach(struct req *, const char *, const char *,
		    const void *, size_t);

/* Someone an alert goes to: a user or a portal person. */
struct alert_to {
	int64_t		 id;
	const char	*name;
	const char	*email;
};

/* What an alert is about, for its words. */
struct alert_about {
	int64_t		 job_number;
	const char	*job_title;
	const char	*customer_name;
	enum doc_kind	 doc_kind;		/* DOC__MAX: no document */
	int64_t		 doc_number;
	int64_t		 doc_revision;
	const char	*doc_title;
};

/* alerts.c */
/* Queue kind (shared, version, ...) to one portal person with a fresh
 * link to document_id; the caller checked the person is the job's. */
int		 alert_person(struct req *, const struct alert_to *, int64_t,
		    int64_t, const char *, const char *);
/* The one-click unsubscribe address of kind for a user (staff) or person. */
const char	*alert_unsubscribe_url(struct req *, bool, int64_t, const char *);
void		 alert_badge(struct req *);
/* Alerts.* of the settings page: the signed-in user's (true) or person's. */
int		 alert_prefs_put(struct req *, bool);
int		 unsubscribe_show(struct req *);
int		 unsubscribe_update(struct req *);
int		 account_alerts_update(struct req *);
int		 portal_alerts_update(struct req *);

/* shares.c */
void		 shares_put(struct req *, const struct document *);
int		 estimates_display(struct req *);
int		 invoices_display(struct req *);
int		 estimates_share(struct req *);
int		 invoices_share(struct req *);
int		 estimates_links_revoke(struct req *);
int		 invoices_links_revoke(struct req *);
int		 shares_demo(int, char *[]);

/* messages.c */
int		 messages_index(struct req *);
int		 messages_show(struct req *);
int		 messages_create(struct req *);
int		 portal_doc_notes_create(struct req *);
void		 messages_doc_put(struct req *, int64_t, int64_t);
int		 inbox_index(struct req *);

/* db_alerts.c, db_shares.c */
extern struct db_stmt db_alerts_sql[], db_shares_sql[];
int		 db_alert_staff_list(struct req *, const char *,
		    struct alert_to **, size_t *);
int		 db_alert_people_list(struct req *, int64_t, const char *, int64_t,
		    struct alert_to **, size_t *);
int		 db_alert_about(struct req *, int64_t, int64_t,
		    struct alert_about *);
int		 db_alert_prefs_get(struct req *, bool, int64_t, struct alert_to *,
		    const char **);
int		 db_alert_prefs_set(struct req *, bool, int64_t, const char *);
int		 db_customer_events_recount(struct req *);
int		 db_alert_note_insert(struct req *, int64_t, int64_t, int64_t,
		    const char *, int64_t *);
int		 db_alert_user_seen(struct req *, int64_t, int64_t);
struct share_row {				/* a share or a view */
	const char	*at;			/* UTC DATETIME */
	const char	*name;
	const char	*email;
	const char	*extra;			/* who shared it; the device */
};
struct thread {					/* a job's conversation */
	int64_t		 job_id;
	int64_t		 job_number;
	const char	*job_title;
	int64_t		 count;
	int64_t		 unread;
	const char	*last_at;
};
struct message {				/* an entry of a conversation */
	int64_t		 id;
	const char	*kind;
	const char	*body;
	const char	*created_at;
	const char	*user_name;		/* staff, or "" */
	const char	*person_name;		/* the customer's person, or "" */
	bool		 from_customer;
	bool		 unread;		/* inbox */
	int64_t		 document_id;
	int64_t		 job_id;		/* inbox: what it is about */
	int64_t		 job_number;
	const char	*job_title;
	const char	*customer_name;
	enum doc_kind	 doc_kind;		/* DOC__MAX: none */
	int64_t		 doc_number;
};
int		 db_message_threads(struct req *, int64_t, int64_t,
		    struct thread **, size_t *);
int		 db_message_thread(struct req *, int64_t, int64_t, int64_t,
		    struct message **, size_t *);
int		 db_message_person_seen(struct req *, int64_t, int64_t);
int		 db_message_inbox(struct req *, int64_t, struct message **,
		    size_t *);
int		 db_message_doc_job(struct req *, int64_t, int64_t, int64_t *);
int		 db_share_display_get(struct req *, int64_t, bool *);
int		 db_share_display_set(struct req *, int64_t, bool);
int		 db_share_insert(struct req *, int64_t, int64_t, const char *);
int		 db_share_list(struct req *, int64_t, bool, struct share_row **,
		    size_t *);
int		 db_share_links_open(struct req *, int64_t, int64_t *);
int		 db_share_demo_doc(struct req *, int64_t *, bool *);

/*
 * versions.c, doc_compare.c, portal_docs.c, db_portal_docs.c — versions of
 * an estimate (v1, v2, ... under one number), comparing two of them on both
 * sides, and the customer's side of a document: view, approve, ask for a
 * revision, dispute.
 */
enum cmp_kind {
	CMP_SAME,
	CMP_CHANGED,
	CMP_ADDED,
	CMP_REMOVED,
};
#define CMP_DESC	0x01U		/* what changed on a CMP_CHANGED line */
#define CMP_QTY		0x02U
#define CMP_UNIT	0x04U
#define CMP_PRICE	0x08U
#define CMP_AMOUNT	0x10U
#define CMP_TAXABLE	0x20U

struct cmp_row {
	enum cmp_kind		 kind;
	const struct doc_line	*old;		/* NULL when added */
	const struct doc_line	*new;		/* NULL when removed */
	unsigned		 changed;	/* CMP_* bits */
};

/* One version of a document number, for the versions list. */
struct doc_version {
	int64_t		 id;
	int64_t		 revision;
	enum doc_status	 status;
	const char	*issued_on;
	int64_t		 total_cents;
};

/* doc_compare.c (pure) */
size_t		 doc_compare_lines(struct arena *, const struct doc_line *,
		    size_t, const struct doc_line *, size_t, struct cmp_row **);
char		*doc_canon(struct arena *, const struct document *);

/* versions.c */
/* Older sent versions of d's number become 'superseded' (d was just sent
 * or shared); in the caller's transaction. */
int		 doc_supersede_previous(struct req *, const struct document *);
void		 doc_compare_put(struct req *, const struct document *,
		    const struct document *, const char *);
int		 doc_versions_put(struct req *, const struct document *,
		    const char *, const char *, bool);
int		 doc_revision_request_put(struct req *, const struct document *,
		    const char *);
int		 estimates_revise(struct req *);
int		 estimates_compare(struct req *);

/* portal_docs.c */
char		*doc_approval_hash(struct req *, const struct document *);
int		 portal_doc_show(struct req *);
int		 portal_doc_pdf(struct req *);
int		 portal_doc_compare(struct req *);
int		 portal_doc_approve(struct req *);
int		 portal_doc_revision(struct req *);
int		 portal_doc_dispute(struct req *);

/* db_portal_docs.c */
extern struct db_stmt db_portal_docs_sql[];
int		 db_portal_doc_find(struct req *, int64_t, enum doc_kind *);
int		 db_doc_versions(struct req *, enum doc_kind, int64_t, bool,
		    struct doc_version **, size_t *);
int		 db_doc_newer_sent(struct req *, const struct document *,
		    int64_t *);
int		 db_doc_supersede(struct req *, const struct document *,
		    uint64_t *);
int		 db_doc_revise(struct req *, const struct document *, int64_t,
		    int64_t *);
int		 db_doc_max_revision(struct req *, enum doc_kind, int64_t,
		    int64_t *, int64_t *);
int		 db_doc_view_insert(struct req *, int64_t, bool *);
int		 db_doc_customer_approve(struct req *, int64_t, const char *,
		    const char *);
int		 db_doc_dispute(struct req *, int64_t, const char *);
int		 db_portal_event_insert(struct req *, int64_t, const char *,
		    const char *, bool, int64_t);

#endif /* PLUMBLINE_APP_H */
