/*
 * QR codes: libqrencode turns a document's address into modules, copied
 * into the arena so the QRcode is freed here and pdf.c draws them as
 * vector squares.  Level M (15% damage) keeps a ~60-byte URL at version 4
 * or 5 (33 or 37 modules), large enough to scan from a printed page.
 */
#include <errno.h>
#include <string.h>

#include <qrencode.h>

#include "app.h"

/* 0, or -1 (logged) when libqrencode fails (out of memory, too long). */
int
qr_modules(struct arena *a, const char *text, struct qr *q)
{
	QRcode	*code;
	size_t	 i, n;

	if ((code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8,
	    1)) == NULL) {
		log_err("QRcode_encodeString: %s", strerror(errno));
		return -1;
	}
	q->width = code->width;
	n = (size_t)code->width * (size_t)code->width;
	q->dark = arena_alloc(a, n);
	for (i = 0; i < n; i++)
		q->dark[i] = code->data[i] & 1;
	QRcode_free(code);
	return 0;
}
