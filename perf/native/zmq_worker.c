/*
 * zmq_worker: the libzmq side of the side-by-side benchmark (perf/native/README.md).
 *
 * One process runs one workload once and prints one "RESULT ..." line on stdout:
 *   thr  a receiver thread binds PULL, a sender thread connects PUSH and sends warmup+count messages;
 *        the receiver times the last `count` of them.
 *   lat  a server thread binds REP and echoes, a client thread connects REQ and times each of `count`
 *        round trips after `warmup` untimed ones.
 * Both halves share one context (default: one I/O thread). Exit status: 0 success, 1 runtime failure,
 * 2 bad arguments, 3 timeout. Build: gcc -O2 -Wall -Wextra -o zmq_worker zmq_worker.c -lzmq -lpthread
 *
 * Payloads are sent without copies: every outgoing message is a zmq_msg_t that refers to one constant
 * buffer (zmq_msg_init_data without a free function), the way a careful C user sends data it already
 * holds. Receives use one reusable zmq_msg_t, and the REP server sends back the very message it received.
 */
#define _POSIX_C_SOURCE 200809L /* clock_nanosleep, CLOCK_PROCESS_CPUTIME_ID */
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <zmq.h>

#define EXIT_RUNTIME 1
#define EXIT_USAGE 2
#define EXIT_TIMEOUT 3
#define MAX_SIZE (64L * 1024 * 1024) /* largest message size accepted (bytes) */
#define MAX_COUNT 1000000000000L       /* largest --count / --warmup accepted */

/* ---------------------------------------------------------------- options */

struct options {
    const char *workload;  /* "thr" or "lat" */
    const char *transport; /* "tcp", "ipc" or "inproc" */
    int spin;              /* 1: receives poll with ZMQ_DONTWAIT */
    long size;             /* bytes per message (request and reply for lat) */
    long count;            /* timed messages or round trips */
    long warmup;           /* untimed ones before them */
    const char *samples;   /* lat only: file for the round trip durations, or NULL */
    double timeout;        /* whole-run deadline in seconds */
};

static struct options opt;

/* ---------------------------------------------------------------- shared state */

static void *ctx;                /* the one context */
static unsigned char *payload;   /* the constant send buffer: lives until after zmq_ctx_term */
static int64_t *samples;         /* lat: one round trip duration (ns) per timed round trip */
static FILE *samples_file;       /* --samples, opened before the run so a bad path fails early */
static char ipc_path[128];       /* ipc: the socket file to remove at exit, else empty */
static char endpoint[256];       /* where the binding half bound; guarded by ep_lock */
static int endpoint_ready;
static pthread_mutex_t ep_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ep_cond = PTHREAD_COND_INITIALIZER;

/* Progress, read only by the watchdog to say where a run got stuck. */
static const char *_Atomic phase = "setup";
static _Atomic long progress;    /* messages or round trips done in the current phase */

/* What the measuring thread found. */
static double result_seconds, result_cpu_seconds;

/* ---------------------------------------------------------------- helpers */

/* Prints "zmq_worker: <reason>" on stderr and ends the process at once (other threads may be blocked). */
__attribute__((noreturn, format(printf, 2, 3)))
static void die(int status, const char *fmt, ...)
{
    va_list ap;
    fputs("zmq_worker: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    fflush(stderr);
    if (ipc_path[0] != '\0')
        unlink(ipc_path);
    _exit(status);
}

/* A libzmq call failed: name it and the errno text. */
__attribute__((noreturn))
static void die_zmq(const char *what)
{
    die(EXIT_RUNTIME, "%s failed: %s", what, zmq_strerror(zmq_errno()));
}

static int64_t now_ns(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (int64_t) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Progress for the watchdog: relaxed stores, plain moves on x86, so cheap enough for the timed loops. */
static void set_phase(const char *name)
{
    atomic_store_explicit(&progress, 0, memory_order_relaxed);
    atomic_store_explicit(&phase, name, memory_order_relaxed);
}
#define COUNT_DONE(n) atomic_store_explicit(&progress, (n), memory_order_relaxed)

/* Sends msg as one frame, blocking in both modes; on success libzmq owns the content and msg is empty. */
static void send_msg(void *sock, zmq_msg_t *msg)
{
    while (zmq_msg_send(msg, sock, 0) < 0) {
        if (zmq_errno() != EINTR)
            die_zmq("zmq_msg_send");
    }
}

/* Sends the constant payload: a message referring to it without a free function is neither copied nor
 * allocated by libzmq. */
static void send_payload(void *sock)
{
    zmq_msg_t msg;
    zmq_msg_init_data(&msg, payload, (size_t) opt.size, NULL, NULL);
    send_msg(sock, &msg);
}

/* Receives one message into msg (which must be initialised); spins on EAGAIN in spin mode. Checks that it
 * is a single frame of the expected size. */
static void receive(void *sock, zmq_msg_t *msg, const char *who)
{
    int flags = opt.spin ? ZMQ_DONTWAIT : 0;
    while (zmq_msg_recv(msg, sock, flags) < 0) {
        int err = zmq_errno();
        if (err != EAGAIN && err != EINTR)
            die_zmq("zmq_msg_recv");
    }
    if (zmq_msg_size(msg) != (size_t) opt.size)
        die(EXIT_RUNTIME, "%s received a message of %zu bytes, expected %ld", who, zmq_msg_size(msg), opt.size);
    if (zmq_msg_more(msg))
        die(EXIT_RUNTIME, "%s received a multipart message, expected single frames", who);
}

/* ---------------------------------------------------------------- endpoints */

/* Creates a socket of the given type and binds it to this run's endpoint, then publishes the endpoint it
 * actually got (tcp: the chosen port) for the connecting half. */
static void *bind_socket(int type)
{
    void *sock = zmq_socket(ctx, type);
    if (sock == NULL)
        die_zmq("zmq_socket");
    char wanted[256];
    if (strcmp(opt.transport, "tcp") == 0)
        snprintf(wanted, sizeof wanted, "tcp://127.0.0.1:*");
    else if (strcmp(opt.transport, "ipc") == 0)
        snprintf(wanted, sizeof wanted, "ipc://%s", ipc_path);
    else
        snprintf(wanted, sizeof wanted, "inproc://worker-0");
    if (zmq_bind(sock, wanted) != 0)
        die(EXIT_RUNTIME, "zmq_bind(%s) failed: %s", wanted, zmq_strerror(zmq_errno()));

    pthread_mutex_lock(&ep_lock);
    size_t len = sizeof endpoint;
    if (zmq_getsockopt(sock, ZMQ_LAST_ENDPOINT, endpoint, &len) != 0)
        die_zmq("zmq_getsockopt(ZMQ_LAST_ENDPOINT)");
    endpoint_ready = 1;
    pthread_cond_signal(&ep_cond);
    pthread_mutex_unlock(&ep_lock);
    return sock;
}

/* Creates a socket of the given type and connects it once the other half has bound. */
static void *connect_socket(int type)
{
    pthread_mutex_lock(&ep_lock);
    while (!endpoint_ready)
        pthread_cond_wait(&ep_cond, &ep_lock);
    pthread_mutex_unlock(&ep_lock);

    void *sock = zmq_socket(ctx, type);
    if (sock == NULL)
        die_zmq("zmq_socket");
    if (zmq_connect(sock, endpoint) != 0)
        die(EXIT_RUNTIME, "zmq_connect(%s) failed: %s", endpoint, zmq_strerror(zmq_errno()));
    return sock;
}

/* Closes a socket with the default linger: a PUSH that is done sending keeps its queued messages until the
 * PULL has them (zmq_ctx_term waits for that). */
static void close_socket(void *sock)
{
    if (zmq_close(sock) != 0)
        die_zmq("zmq_close");
}

/* ---------------------------------------------------------------- thr: PUSH -> PULL */

/* Warm-up messages sent so far; written by the sender, read by the receiver's backlog wait. */
static long warmup_sent;

static void *thr_sender(void *arg)
{
    (void) arg;
    void *sock = connect_socket(ZMQ_PUSH);
    for (long i = 0; i < opt.warmup; i++) {
        send_payload(sock);
        __atomic_store_n(&warmup_sent, i + 1, __ATOMIC_RELEASE);
    }
    for (long i = 0; i < opt.count; i++)
        send_payload(sock);
    close_socket(sock);
    return NULL;
}

/* The warm-up starts with a backlog, as in the JVM workers: take nothing until the sender has sent every warm-up
 * message or its count has not moved for 200 ms (stalled against the high-water marks). */
static void await_backlog(void)
{
    long last = -1;
    int64_t since = now_ns(CLOCK_MONOTONIC);
    const struct timespec poll = {0, 1000000};
    for (;;) {
        long now = __atomic_load_n(&warmup_sent, __ATOMIC_ACQUIRE);
        if (now >= opt.warmup)
            return;
        if (now != last) {
            last = now;
            since = now_ns(CLOCK_MONOTONIC);
        } else if (now_ns(CLOCK_MONOTONIC) - since >= 200000000) {
            return;
        }
        nanosleep(&poll, NULL);
    }
}

static void *thr_receiver(void *arg)
{
    (void) arg;
    void *sock = bind_socket(ZMQ_PULL);
    zmq_msg_t msg;
    zmq_msg_init(&msg);

    set_phase("thr warmup backlog");
    await_backlog();
    set_phase("thr warmup receive");
    for (long i = 0; i < opt.warmup; i++) {
        receive(sock, &msg, "PULL");
        COUNT_DONE(i + 1);
    }

    set_phase("thr timed receive");
    int64_t t0 = now_ns(CLOCK_MONOTONIC), c0 = now_ns(CLOCK_PROCESS_CPUTIME_ID);
    for (long i = 0; i < opt.count; i++) {
        receive(sock, &msg, "PULL");
        COUNT_DONE(i + 1);
    }
    int64_t t1 = now_ns(CLOCK_MONOTONIC), c1 = now_ns(CLOCK_PROCESS_CPUTIME_ID);

    result_seconds = (double) (t1 - t0) / 1e9;
    result_cpu_seconds = (double) (c1 - c0) / 1e9;
    zmq_msg_close(&msg);
    close_socket(sock);
    return NULL;
}

/* ---------------------------------------------------------------- lat: REQ <-> REP */

/* Echoes every request: sending the received message hands it back to libzmq without a copy and leaves
 * msg empty, ready for the next receive. */
static void *lat_server(void *arg)
{
    (void) arg;
    void *sock = bind_socket(ZMQ_REP);
    zmq_msg_t msg;
    zmq_msg_init(&msg);
    long total = opt.warmup + opt.count;
    for (long i = 0; i < total; i++) {
        receive(sock, &msg, "REP");
        send_msg(sock, &msg);
    }
    zmq_msg_close(&msg);
    close_socket(sock);
    return NULL;
}

static void *lat_client(void *arg)
{
    (void) arg;
    void *sock = connect_socket(ZMQ_REQ);
    zmq_msg_t reply;
    zmq_msg_init(&reply);

    set_phase("lat warmup round trips");
    for (long i = 0; i < opt.warmup; i++) {
        send_payload(sock);
        receive(sock, &reply, "REQ");
        COUNT_DONE(i + 1);
    }

    /* Closed loop: the next request leaves as soon as the reply is in; every round trip is recorded. */
    set_phase("lat timed round trips");
    int64_t t0 = now_ns(CLOCK_MONOTONIC), c0 = now_ns(CLOCK_PROCESS_CPUTIME_ID);
    for (long i = 0; i < opt.count; i++) {
        int64_t start = now_ns(CLOCK_MONOTONIC);
        send_payload(sock);
        receive(sock, &reply, "REQ");
        samples[i] = now_ns(CLOCK_MONOTONIC) - start;
        COUNT_DONE(i + 1);
    }
    int64_t t1 = now_ns(CLOCK_MONOTONIC), c1 = now_ns(CLOCK_PROCESS_CPUTIME_ID);

    result_seconds = (double) (t1 - t0) / 1e9;
    result_cpu_seconds = (double) (c1 - c0) / 1e9;
    zmq_msg_close(&reply);
    close_socket(sock);
    return NULL;
}

/* Writes the round trip durations as int64 little-endian, whatever the host's byte order. */
static void write_samples(FILE *f, const char *path)
{
    unsigned char buf[8 * 4096];
    size_t used = 0;
    for (long i = 0; i < opt.count; i++) {
        uint64_t v = (uint64_t) samples[i];
        for (int b = 0; b < 8; b++)
            buf[used++] = (unsigned char) (v >> (8 * b));
        if (used == sizeof buf || i == opt.count - 1) {
            if (fwrite(buf, 1, used, f) != used)
                die(EXIT_RUNTIME, "cannot write --samples=%s: %s", path, strerror(errno));
            used = 0;
        }
    }
    if (fclose(f) != 0)
        die(EXIT_RUNTIME, "cannot write --samples=%s: %s", path, strerror(errno));
}

/* ---------------------------------------------------------------- watchdog */

/* Sleeps until the deadline; if the process is still alive then, says where it was and exits 3. */
static void *watchdog(void *arg)
{
    (void) arg;
    int64_t at = now_ns(CLOCK_MONOTONIC) + (int64_t) (opt.timeout * 1e9); /* timeout <= 1e9 s: no overflow */
    struct timespec deadline = { .tv_sec = at / 1000000000, .tv_nsec = at % 1000000000 };
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, NULL) == EINTR)
        ;
    const char *where = atomic_load_explicit(&phase, memory_order_relaxed);
    long done = atomic_load_explicit(&progress, memory_order_relaxed);
    die(EXIT_TIMEOUT, "timeout: --timeout=%g s elapsed during '%s' (%ld done; warmup=%ld count=%ld, %s %s size=%ld)",
        opt.timeout, where, done, opt.warmup, opt.count, opt.workload, opt.transport, opt.size);
}

/* ---------------------------------------------------------------- arguments */

static void usage(FILE *out)
{
    fputs("usage: zmq_worker --impl=libzmq --workload=thr|lat --transport=tcp|ipc|inproc --size=BYTES\n"
          "                  --count=N [--warmup=N] [--mode=blocking|spin] [--samples=FILE] [--timeout=SECONDS]\n",
          out);
}

/* Parses a whole decimal integer in [min, max] or exits naming the option and what was expected. */
static long parse_long(const char *name, const char *text, long min, long max)
{
    char *end;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (*text == '\0' || *end != '\0' || errno == ERANGE || v < min || v > max)
        die(EXIT_USAGE, "bad --%s=%s: expected an integer from %ld to %ld", name, text, min, max);
    return v;
}

/* Returns text if it is one of the choices ("a|b|c"), else exits naming the option and the choices. */
static const char *parse_choice(const char *name, const char *text, const char *choices)
{
    size_t n = strlen(text);
    for (const char *c = choices; *c != '\0';) {
        size_t len = strcspn(c, "|");
        if (len == n && strncmp(c, text, n) == 0)
            return text;
        c += len + (c[len] == '|');
    }
    die(EXIT_USAGE, "bad --%s=%s: expected one of %s", name, text, choices);
}

static void parse_args(int argc, char **argv)
{
    const char *impl = NULL, *mode = "blocking";
    const char *size = NULL, *count = NULL, *warmup = NULL, *timeout = NULL;
    opt.workload = opt.transport = opt.samples = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0) {
            usage(stdout);
            exit(0);
        }
        const char *eq = strchr(a, '=');
        if (strncmp(a, "--", 2) != 0 || eq == NULL) {
            usage(stderr);
            die(EXIT_USAGE, "bad argument '%s': expected --name=value", a);
        }
        size_t len = (size_t) (eq - a - 2);
        const char *name = a + 2, *value = eq + 1;
#define IS(opt_name) (len == strlen(opt_name) && strncmp(name, opt_name, len) == 0)
        if (IS("impl") && strcmp(value, "libzmq") != 0)
            die(EXIT_USAGE, "bad --impl=%s: expected libzmq (the JVM worker runs the others)", value);
        if (IS("impl")) impl = value;
        else if (IS("workload")) opt.workload = parse_choice("workload", value, "thr|lat");
        else if (IS("transport")) opt.transport = parse_choice("transport", value, "tcp|ipc|inproc");
        else if (IS("mode")) mode = parse_choice("mode", value, "blocking|spin");
        else if (IS("size")) size = value;
        else if (IS("count")) count = value;
        else if (IS("warmup")) warmup = value;
        else if (IS("samples")) opt.samples = value;
        else if (IS("timeout")) timeout = value;
        else {
            usage(stderr);
            die(EXIT_USAGE, "unknown option '%.*s' in '%s'", (int) len + 2, a, a);
        }
#undef IS
    }
    if (impl == NULL) die(EXIT_USAGE, "missing --impl=libzmq");
    if (opt.workload == NULL) die(EXIT_USAGE, "missing --workload=thr|lat");
    if (opt.transport == NULL) die(EXIT_USAGE, "missing --transport=tcp|ipc|inproc");
    if (size == NULL) die(EXIT_USAGE, "missing --size=BYTES");
    if (count == NULL) die(EXIT_USAGE, "missing --count=N");

    opt.spin = strcmp(mode, "spin") == 0;
    opt.size = parse_long("size", size, 1, MAX_SIZE);
    opt.count = parse_long("count", count, 1, MAX_COUNT);
    opt.warmup = warmup != NULL ? parse_long("warmup", warmup, 0, MAX_COUNT)
                                : (opt.count / 10 > 0 ? opt.count / 10 : 1);
    if (opt.samples != NULL && strcmp(opt.workload, "lat") != 0)
        die(EXIT_USAGE, "bad --samples=%s: only --workload=lat writes samples", opt.samples);
    opt.timeout = 120;
    if (timeout != NULL) {
        char *end;
        opt.timeout = strtod(timeout, &end);
        if (*timeout == '\0' || *end != '\0' || !(opt.timeout > 0) || opt.timeout > 1e9)
            die(EXIT_USAGE, "bad --timeout=%s: expected a positive number of seconds", timeout);
    }
}

/* ---------------------------------------------------------------- main */

int main(int argc, char **argv)
{
    parse_args(argc, argv);

    pthread_t dog;
    if (pthread_create(&dog, NULL, watchdog, NULL) != 0)
        die(EXIT_RUNTIME, "cannot start the watchdog thread");
    pthread_detach(dog);

    /* The constant payload: a recognisable pattern, freed only after zmq_ctx_term, when libzmq holds no
     * reference to it any more. */
    payload = malloc((size_t) opt.size);
    if (payload == NULL)
        die(EXIT_RUNTIME, "cannot allocate a %ld byte payload", opt.size);
    for (long i = 0; i < opt.size; i++)
        payload[i] = (unsigned char) ('a' + i % 26);

    if (strcmp(opt.transport, "ipc") == 0)
        snprintf(ipc_path, sizeof ipc_path, "/tmp/zmq-worker-%ld-0.ipc", (long) getpid());
    if (opt.samples != NULL && (samples_file = fopen(opt.samples, "wb")) == NULL)
        die(EXIT_RUNTIME, "cannot open --samples=%s: %s", opt.samples, strerror(errno));
    int lat = strcmp(opt.workload, "lat") == 0;
    if (lat) {
        /* Allocated and touched before the run so that no page fault lands in a timed round trip. */
        samples = malloc((size_t) opt.count * sizeof *samples);
        if (samples == NULL)
            die(EXIT_RUNTIME, "cannot allocate %ld samples", opt.count);
        memset(samples, 0, (size_t) opt.count * sizeof *samples);
    }

    ctx = zmq_ctx_new(); /* default: one I/O thread */
    if (ctx == NULL)
        die_zmq("zmq_ctx_new");

    pthread_t binder, connecter;
    if (pthread_create(&binder, NULL, lat ? lat_server : thr_receiver, NULL) != 0
        || pthread_create(&connecter, NULL, lat ? lat_client : thr_sender, NULL) != 0)
        die(EXIT_RUNTIME, "cannot start the worker threads");
    pthread_join(connecter, NULL);
    pthread_join(binder, NULL);

    set_phase("context termination");
    while (zmq_ctx_term(ctx) != 0) {
        if (zmq_errno() != EINTR)
            die_zmq("zmq_ctx_term");
    }
    free(payload);
    if (ipc_path[0] != '\0')
        unlink(ipc_path); /* libzmq normally removes it already; ENOENT is fine */

    if (samples_file != NULL) {
        set_phase("writing samples");
        write_samples(samples_file, opt.samples);
    }
    free(samples);

    int major, minor, patch;
    zmq_version(&major, &minor, &patch);
    printf("RESULT impl=libzmq workload=%s transport=%s mode=%s size=%ld count=%ld seconds=%.6f "
           "cpu_seconds=%.6f alloc_bytes=-1 version=%d.%d.%d\n",
           opt.workload, opt.transport, opt.spin ? "spin" : "blocking", opt.size, opt.count,
           result_seconds, result_cpu_seconds, major, minor, patch);
    if (fflush(stdout) != 0)
        die(EXIT_RUNTIME, "cannot write the result: %s", strerror(errno));
    return 0;
}
