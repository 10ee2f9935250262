/*
 * libsodium, wrapped: random tokens (32 bytes, base64url) and their
 * SHA-256, CSRF tokens as HMAC-SHA256(secret, seed), argon2id password
 * hashes with concurrency capped host-wide by robust mutexes, constant-time
 * comparison.
 */
#include <errno.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "app.h"

#define B64_VARIANT	sodium_base64_VARIANT_URLSAFE_NO_PADDING

int
crypto_init(void)
{
	if (sodium_init() < 0) {
		log_err("sodium_init failed");
		return -1;
	}
	return 0;
}

static char *
b64(struct arena *a, const unsigned char *p, size_t n)
{
	size_t	 len = sodium_base64_ENCODED_LEN(n, B64_VARIANT);
	char	*s = arena_alloc(a, len);

	sodium_bin2base64(s, len, p, n, B64_VARIANT);
	return s;
}

/* SHA-256 of a token, as 32 raw bytes in the arena (what the database keeps). */
char *
token_hash(struct arena *a, const char *token)
{
	unsigned char	*h = arena_alloc(a, crypto_hash_sha256_BYTES);

	crypto_hash_sha256(h, (const unsigned char *)token, strlen(token));
	return (char *)h;
}

/* Plausible token shape before any hashing or query: 43 base64url chars. */
bool
token_shaped(const char *t)
{
	size_t	 n = t ? strlen(t) : 0;

	return n == 43 && strspn(t, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnop"
	    "qrstuvwxyz0123456789-_") == n;
}

/* A new 256-bit token: *token for the user, *hash (32 bytes) for the database. */
void
token_new(struct arena *a, char **token, char **hash)
{
	unsigned char	 raw[32];

	randombytes_buf(raw, sizeof(raw));
	*token = b64(a, raw, sizeof(raw));
	sodium_memzero(raw, sizeof(raw));
	if (hash != NULL)
		*hash = token_hash(a, *token);
}

char *
csrf_token(struct arena *a, const char *seed)
{
	unsigned char	 mac[crypto_auth_hmacsha256_BYTES];
	crypto_auth_hmacsha256_state st;

	crypto_auth_hmacsha256_init(&st, (const unsigned char *)cfg.secret,
	    strlen(cfg.secret));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)"csrf:", 5);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)seed,
	    strlen(seed));
	crypto_auth_hmacsha256_final(&st, mac);
	return b64(a, mac, sizeof(mac));
}

bool
csrf_check(struct arena *a, const char *seed, const char *given)
{
	const char	*want;
	size_t		 n;

	if (seed == NULL || *seed == '\0' || given == NULL)
		return false;
	want = csrf_token(a, seed);
	n = strlen(want);
	return strlen(given) == n && ct_equal(want, given, n);
}

bool
ct_equal(const char *a, const char *b, size_t n)
{
	return sodium_memcmp(a, b, n) == 0;
}

/* Make the shared hash locks (master, before the first fork). */
int
crypto_board_init(struct board *b)
{
	pthread_mutexattr_t	 at;
	int			 i;

	if (pthread_mutexattr_init(&at) != 0 ||
	    pthread_mutexattr_setpshared(&at, PTHREAD_PROCESS_SHARED) != 0 ||
	    pthread_mutexattr_setrobust(&at, PTHREAD_MUTEX_ROBUST) != 0)
		return -1;
	for (i = 0; i < HASH_SLOTS_MAX; i++)
		if (pthread_mutex_init(&b->hash_locks[i], &at) != 0)
			return -1;
	pthread_mutexattr_destroy(&at);
	return 0;
}

static int	 held = -1;

static bool
got(pthread_mutex_t *m, int rc)
{
	if (rc == EOWNERDEAD) {
		/* Its last holder died mid-hash; nothing it guarded is shared. */
		pthread_mutex_consistent(m);
		rc = 0;
	}
	return rc == 0;
}

/*
 * Take a hashing slot, waiting at most 10 s: an argon2id hash costs 64 MiB
 * and ~50 ms, so only hash_slots of them run at once on this host.
 */
static int
slot_take(void)
{
	struct timespec	 deadline, step;
	int		 i, n;

	if (board == NULL)
		return 0;
	n = cfg.hash_slots < HASH_SLOTS_MAX ? cfg.hash_slots : HASH_SLOTS_MAX;
	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_sec += 10;
	for (;;) {
		for (i = 0; i < n; i++)
			if (got(&board->hash_locks[i],
			    pthread_mutex_trylock(&board->hash_locks[i]))) {
				held = i;
				return 0;
			}
		/* All busy: wait on one of them for a moment, then look again. */
		clock_gettime(CLOCK_REALTIME, &step);
		if (step.tv_sec > deadline.tv_sec ||
		    (step.tv_sec == deadline.tv_sec &&
		    step.tv_nsec >= deadline.tv_nsec))
			return -1;
		step.tv_nsec += 20 * 1000 * 1000;
		if (step.tv_nsec >= 1000000000L) {
			step.tv_sec++;
			step.tv_nsec -= 1000000000L;
		}
		i = (int)(randombytes_uniform((uint32_t)n));
		if (got(&board->hash_locks[i],
		    pthread_mutex_timedlock(&board->hash_locks[i], &step))) {
			held = i;
			return 0;
		}
	}
}

static void
slot_give(void)
{
	if (board != NULL && held >= 0)
		pthread_mutex_unlock(&board->hash_locks[held]);
	held = -1;
}

/* argon2id (INTERACTIVE) into out; -1 when busy or out of memory. */
int
password_hash(const char *pw, char *out, size_t outlen)
{
	int	 rc;

	if (outlen < crypto_pwhash_STRBYTES || slot_take() == -1)
		return -1;
	rc = crypto_pwhash_str(out, pw, strlen(pw),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE);
	slot_give();
	return rc == 0 ? 0 : -1;
}

/* 1 when pw matches hash, 0 when not, -1 when no hashing slot came free. */
int
password_check(const char *hash, const char *pw)
{
	int	 rc;

	if (hash == NULL || *hash == '\0')
		return 0;
	if (slot_take() == -1)
		return -1;
	rc = crypto_pwhash_str_verify(hash, pw, strlen(pw));
	slot_give();
	return rc == 0;
}

/* Spend the time of a verification when there is no account, so timing says nothing. */
void
password_dummy(const char *pw)
{
	static char	 dummy[crypto_pwhash_STRBYTES];

	if (dummy[0] == '\0' && password_hash("plumbline-dummy-password",
	    dummy, sizeof(dummy)) == -1)
		return;
	password_check(dummy, pw);
}
