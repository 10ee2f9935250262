/*
 * `plumbline deliver`: sends the outbox through the configured sendmail
 * command.  Each message becomes a MIME multipart/alternative (text and
 * HTML, quoted-printable UTF-8, RFC 2047 headers, Date, Message-ID), inside
 * a multipart/mixed when it carries a file (base64); a
 * failure is recorded and retried with exponential back-off, so nothing is
 * lost while mail is down.  With --loop it runs until SIGTERM/SIGINT.
 */
#include <sys/wait.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "app.h"

#define MAX_ATTEMPTS	20

static volatile sig_atomic_t	 quit;

static void
on_signal(int sig)
{
	(void)sig;
	quit = 1;
}

static bool
ascii_printable(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
			return false;
	return true;
}

/* An RFC 2047 encoded word when s is not plain printable ASCII. */
static void
header_text(struct buf *b, const char *s)
{
	size_t	 n = strlen(s), len;
	char	*enc;

	if (ascii_printable(s) && strpbrk(s, "\"\\<>,;:@().[]") == NULL) {
		buf_puts(b, s);
		return;
	}
	len = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL);
	enc = arena_alloc(b->arena, len);
	sodium_bin2base64(enc, len, (const unsigned char *)s, n,
	    sodium_base64_VARIANT_ORIGINAL);
	buf_printf(b, "=?UTF-8?B?%s?=", enc);
}

static void
address(struct buf *b, const char *name, const char *addr)
{
	if (name != NULL && *name != '\0') {
		header_text(b, name);
		buf_printf(b, " <%s>", addr);
	} else
		buf_puts(b, addr);
}

/* Quoted-printable (RFC 2045) with CRLF line ends and soft breaks at 76. */
void
mime_qp(struct buf *b, const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";
	size_t			 col = 0;
	unsigned char		 c;
	char			 enc[4];
	size_t			 elen;

	for (; *s; s++) {
		c = (unsigned char)*s;
		if (c == '\r')
			continue;
		if (c == '\n') {
			buf_puts(b, "\r\n");
			col = 0;
			continue;
		}
		if ((c == ' ' || c == '\t') && (s[1] == '\n' || s[1] == '\r' ||
		    s[1] == '\0')) {
			enc[0] = '=';
			enc[1] = hex[c >> 4];
			enc[2] = hex[c & 15];
			elen = 3;
		} else if ((c >= 33 && c <= 126 && c != '=') || c == ' ' ||
		    c == '\t') {
			enc[0] = (char)c;
			elen = 1;
		} else {
			enc[0] = '=';
			enc[1] = hex[c >> 4];
			enc[2] = hex[c & 15];
			elen = 3;
		}
		if (col + elen > 75) {
			buf_puts(b, "=\r\n");
			col = 0;
		}
		buf_add(b, enc, elen);
		col += elen;
	}
}

static const char *
mail_domain(struct arena *a)
{
	const char	*h = strstr(cfg.base_url, "://");
	size_t		 n;

	h = h ? h + 3 : cfg.base_url;
	n = strcspn(h, ":/");
	return n ? arena_strndup(a, h, n) : "localhost";
}

/* Base64 (RFC 2045) in lines of 76 with CRLF ends. */
static void
mime_base64(struct buf *b, const char *p, size_t n)
{
	size_t	 i, chunk, len;
	char	*enc;

	/* 57 bytes make one line of 76 characters. */
	for (i = 0; i < n; i += 57) {
		chunk = n - i < 57 ? n - i : 57;
		len = sodium_base64_ENCODED_LEN(chunk,
		    sodium_base64_VARIANT_ORIGINAL);
		enc = arena_alloc(b->arena, len);
		sodium_bin2base64(enc, len, (const unsigned char *)p + i, chunk,
		    sodium_base64_VARIANT_ORIGINAL);
		buf_printf(b, "%s\r\n", enc);
	}
}

/* filename="x" when plain ASCII, else RFC 2231 filename*=UTF-8''%XX. */
static void
mime_filename(struct buf *b, const char *name)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*p;

	if (ascii_printable(name) && strpbrk(name, "\"\\") == NULL) {
		buf_printf(b, "filename=\"%s\"", name);
		return;
	}
	buf_puts(b, "filename*=UTF-8''");
	for (p = (const unsigned char *)name; *p; p++)
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("!#$&+-.^_`|~", *p))
			buf_putc(b, (char)*p);
		else
			buf_printf(b, "%%%c%c", hex[*p >> 4], hex[*p & 15]);
}

/* The text and HTML alternatives, boundary =_bound. */
static void
mime_alternative(struct buf *b, const struct outmail *m, const char *bound)
{
	buf_printf(b, "--=_%s\r\nContent-Type: text/plain; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n\r\n", bound);
	mime_qp(b, m->text);
	buf_printf(b, "\r\n--=_%s\r\nContent-Type: text/html; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n\r\n", bound);
	mime_qp(b, m->html);
	buf_printf(b, "\r\n--=_%s--\r\n", bound);
}

/*
 * The whole message, headers and both parts, ready for sendmail -t.  With
 * an attachment, a multipart/mixed around the alternative and the file.
 */
void
mime_build(struct buf *b, const struct outmail *m)
{
	char		 date[64], *bound, *mixed, *mid;
	time_t		 now = time(NULL);
	struct tm	 tm;
	bool		 attach = m->attach_name != NULL &&
			    *m->attach_name != '\0';

	gmtime_r(&now, &tm);
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", &tm);
	token_new(b->arena, &bound, NULL);
	token_new(b->arena, &mixed, NULL);
	token_new(b->arena, &mid, NULL);
	buf_puts(b, "From: ");
	address(b, m->from_name, cfg.mail_from);
	buf_puts(b, "\r\nTo: ");
	address(b, m->to_name, m->to_addr);
	if (m->reply_to != NULL && *m->reply_to != '\0')
		buf_printf(b, "\r\nReply-To: %s", m->reply_to);
	buf_puts(b, "\r\nSubject: ");
	header_text(b, m->subject);
	buf_printf(b, "\r\nDate: %s\r\nMessage-ID: <%lld.%.16s@%s>\r\n"
	    "MIME-Version: 1.0\r\nAuto-Submitted: auto-generated\r\n",
	    date, (long long)m->id, mid, mail_domain(b->arena));
	if (m->unsubscribe != NULL && *m->unsubscribe != '\0')
		/* RFC 8058: a mail client may POST the one-click form. */
		buf_printf(b, "List-Unsubscribe: <%s>\r\n"
		    "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n",
		    m->unsubscribe);
	if (!attach) {
		buf_printf(b, "Content-Type: multipart/alternative; "
		    "boundary=\"=_%s\"\r\n\r\n", bound);
		mime_alternative(b, m, bound);
		return;
	}
	buf_printf(b, "Content-Type: multipart/mixed; boundary=\"=_%s\"\r\n\r\n"
	    "--=_%s\r\nContent-Type: multipart/alternative; "
	    "boundary=\"=_%s\"\r\n\r\n", mixed, mixed, bound);
	mime_alternative(b, m, bound);
	buf_printf(b, "\r\n--=_%s\r\nContent-Type: %s\r\n"
	    "Content-Transfer-Encoding: base64\r\n"
	    "Content-Disposition: attachment; ", mixed,
	    *m->attach_type ? m->attach_type : "application/octet-stream");
	mime_filename(b, m->attach_name);
	buf_puts(b, "\r\n\r\n");
	mime_base64(b, m->attach_data, m->attach_len);
	buf_printf(b, "--=_%s--\r\n", mixed);
}

/* Pipe msg to the sendmail command; NULL on success, else why not. */
static const char *
pipe_to_sendmail(const struct buf *msg)
{
	FILE	*p;
	int	 st;

	fflush(NULL);
	if ((p = popen(cfg.sendmail, "w")) == NULL)
		return strerror(errno);
	if (fwrite(msg->data, 1, msg->len, p) != msg->len) {
		pclose(p);
		return "write to sendmail failed";
	}
	st = pclose(p);
	if (st == -1)
		return strerror(errno);
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
		return "sendmail exited with an error";
	return NULL;
}

/* 1 min, 2, 4, ... capped at 6 h. */
static int
retry_after_s(int attempts)
{
	long	 s = 60L << (attempts > 9 ? 9 : attempts);

	return s > 21600 ? 21600 : (int)s;
}

/* Send what is due; returns how many went out, or -1 on a database error. */
static int
deliver_due(struct req *r)
{
	struct outmail	 m;
	struct buf	 msg;
	const char	*why;
	int		 sent = 0, rc;

	for (;;) {
		arena_reset(r->arena);
		if (db_begin(r) != DB_OK)
			return -1;
		memset(&m, 0, sizeof(m));
		rc = db_outbox_next(r, MAX_ATTEMPTS, &m);
		if (rc != DB_OK) {
			db_rollback(r);
			return rc == DB_NONE ? sent : -1;
		}
		buf_init(&msg, r->arena);
		mime_build(&msg, &m);
		if ((why = pipe_to_sendmail(&msg)) == NULL) {
			rc = db_outbox_sent(r, m.id);
			sent++;
		} else {
			log_warn("mail %lld to %s: %s; retry in %d s",
			    (long long)m.id, m.to_addr, why,
			    retry_after_s(m.attempts));
			rc = db_outbox_failed(r, m.id, why,
			    retry_after_s(m.attempts));
		}
		if (rc != DB_OK || db_commit(r) != DB_OK) {
			db_rollback(r);
			return -1;
		}
		if (why != NULL)
			return sent;	/* mail is down: wait for the next round */
	}
}

int
deliver_main(bool loop)
{
	struct req	 r;
	int		 n;

	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);
	signal(SIGPIPE, SIG_IGN);
	if (crypto_init() == -1)
		return 1;
	memset(&r, 0, sizeof(r));
	r.arena = arena_new();
	do {
		if ((n = deliver_due(&r)) > 0)
			log_info("sent %d message%s", n, n == 1 ? "" : "s");
		else if (n == -1) {
			log_err("outbox not reachable");
			db_close();
			if (!loop)
				break;
		}
		if (loop && !quit)
			sleep(1);
	} while (loop && !quit);
	arena_free(r.arena);
	db_close();
	return n == -1 ? 1 : 0;
}
