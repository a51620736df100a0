/* kring-serve: the process that serves one sharing's pages to phones.
 *
 * Kring starts it when the share step opens and hands it, on stdin, the
 * only things it serves: a few files (each person's page, calendar file,
 * the whole plan), each at a path with an unguessable token in it. It
 * holds nothing else: it cannot open the database, the keys or any file
 * (after it has its socket it gives up the file system with Landlock and
 * can never gain a privilege), it logs nothing, and it ends when Kring
 * closes its stdin or ends. It answers GET and HEAD on those paths, and
 * everything else with one and the same 404. No connection is held for
 * long: one that says nothing for IDLE_SECONDS is closed by the library,
 * and every connection, however busy (a client that sends a byte a
 * second), is cut after CONNECTION_SECONDS.
 *
 *   stdin:  KRING-SHARE 1\n
 *           LISTEN ADDRESS PORT\n            (PORT 0: any free port)
 *           FILE PATH TYPE LENGTH\n BYTES     (as often as there are files)
 *           END\n
 *   stdout: "ready PORT\n", or "error WHY\n" and exit status 1 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <linux/landlock.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

enum {
    FILES_MAX = 2048,
    PATH_MAX_ = 200,
    FILE_BYTES_MAX = 16 << 20,
    CONNECTIONS_MAX = 256,   /* phones at once; more wait for a place */
    IDLE_SECONDS = 10,       /* a connection that says nothing for this long is closed */
    CONNECTION_SECONDS = 30, /* and none is kept longer than this, busy or not */
};

/* The connections open now, each with when it came: the library keeps
 * them, this only knows when to cut them. All in one thread (main runs
 * the library), so a socket here is open until the library says closed. */
typedef struct Open {
    int fd; /* -1: a free place */
    struct timespec since;
} Open;

static Open open_now[CONNECTIONS_MAX + 8];

typedef struct File {
    char path[PATH_MAX_];
    char type[64];
    char *data;
    size_t len;
    struct MHD_Response *response;
} File;

static File files[FILES_MAX];
static int n_files;
static struct MHD_Response *missing;

static void fail(const char *why)
{
    printf("error %s\n", why);
    fflush(stdout);
    exit(1);
}

static void headers(struct MHD_Response *r, const char *type)
{
    MHD_add_response_header(r, "Content-Type", type);
    MHD_add_response_header(r, "Cache-Control", "no-store");
    MHD_add_response_header(r, "Content-Security-Policy",
                            "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; "
                            "frame-ancestors 'none'; base-uri 'none'");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
}

static enum MHD_Result answer(void *cls, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version, const char *upload,
                              size_t *upload_size, void **state)
{
    (void)cls, (void)version, (void)upload, (void)state;
    struct MHD_Response *r = missing;
    unsigned status = MHD_HTTP_NOT_FOUND;
    if (*upload_size != 0) *upload_size = 0; /* nothing sent to it is kept */
    if (!strcmp(method, "GET") || !strcmp(method, "HEAD")) {
        for (int i = 0; i < n_files; i++)
            if (!strcmp(url, files[i].path)) {
                r = files[i].response;
                status = MHD_HTTP_OK;
                break;
            }
    }
    return MHD_queue_response(c, status, r);
}

static void noticed(void *cls, struct MHD_Connection *c, void **state,
                    enum MHD_ConnectionNotificationCode code)
{
    (void)cls;
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *info =
            MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
        for (size_t i = 0; info && i < sizeof open_now / sizeof open_now[0]; i++)
            if (open_now[i].fd < 0) {
                open_now[i].fd = info->connect_fd;
                clock_gettime(CLOCK_MONOTONIC, &open_now[i].since);
                *state = &open_now[i];
                return;
            }
        *state = NULL;
    } else if (*state) {
        ((Open *)*state)->fd = -1;
        *state = NULL;
    }
}

/* Ends every connection open longer than CONNECTION_SECONDS: the library
 * sees its socket shut and closes it. */
static void cut_long_ones(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    for (size_t i = 0; i < sizeof open_now / sizeof open_now[0]; i++)
        if (open_now[i].fd >= 0 && now.tv_sec - open_now[i].since.tv_sec >= CONNECTION_SECONDS)
            shutdown(open_now[i].fd, SHUT_RDWR);
}

/* Reads exactly n bytes of stdin. */
static bool read_all(char *buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t k = read(0, buf + got, n - got);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return false;
        got += (size_t)k;
    }
    return true;
}

/* One line of stdin, without its newline. */
static bool read_line(char *buf, size_t n)
{
    size_t i = 0;
    while (i + 1 < n) {
        if (!read_all(buf + i, 1)) return false;
        if (buf[i] == '\n') break;
        i++;
    }
    buf[i] = '\0';
    return i + 1 < n;
}

/* From here on the process can open no file, and gain no privilege
 * (Landlock, where the kernel has it: Linux 5.13 and later). */
static void give_up_files(void)
{
    prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
    struct rlimit none = {0, 0};
    setrlimit(RLIMIT_FSIZE, &none); /* writes no file */
    setrlimit(RLIMIT_CORE, &none);
#ifdef SYS_landlock_create_ruleset
    struct landlock_ruleset_attr attr = {
        .handled_access_fs = LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE |
                             LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR |
                             LANDLOCK_ACCESS_FS_REMOVE_DIR | LANDLOCK_ACCESS_FS_REMOVE_FILE |
                             LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_DIR |
                             LANDLOCK_ACCESS_FS_MAKE_REG | LANDLOCK_ACCESS_FS_MAKE_SOCK |
                             LANDLOCK_ACCESS_FS_MAKE_FIFO | LANDLOCK_ACCESS_FS_MAKE_BLOCK |
                             LANDLOCK_ACCESS_FS_MAKE_SYM};
    long fd = syscall(SYS_landlock_create_ruleset, &attr, sizeof attr, 0);
    if (fd >= 0) { /* no rules: nothing on the file system may be opened */
        syscall(SYS_landlock_restrict_self, (int)fd, 0);
        close((int)fd);
    }
#endif
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    char line[512], addr[64] = "";
    unsigned port = 0;
    if (!read_line(line, sizeof line) || strcmp(line, "KRING-SHARE 1") != 0) fail("not a sharing");
    if (!read_line(line, sizeof line) || sscanf(line, "LISTEN %63s %u", addr, &port) != 2 ||
        port > 65535)
        fail("no address to listen on");
    for (;;) {
        if (!read_line(line, sizeof line)) fail("the files ended half-way");
        if (!strcmp(line, "END")) break;
        File *f = &files[n_files];
        unsigned long len;
        if (n_files >= FILES_MAX ||
            sscanf(line, "FILE %199s %63s %lu", f->path, f->type, &len) != 3 ||
            len > FILE_BYTES_MAX)
            fail("a file that cannot be served");
        f->len = len;
        f->data = malloc(len ? len : 1);
        if (!f->data || !read_all(f->data, len)) fail("a file that cannot be read");
        f->response = MHD_create_response_from_buffer(len, f->data, MHD_RESPMEM_PERSISTENT);
        if (!f->response) fail("short of memory");
        headers(f->response, f->type);
        n_files++;
    }
    static const char gone[] =
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Kring</title></head>"
        "<body><p>Deze pagina is er niet (meer). / This page is not here (any more).</p>"
        "</body></html>\n";
    for (int i = 0; i < n_files; i++) /* the sharing's own 404 page, when it gave one */
        if (!strcmp(files[i].path, "/404")) {
            missing = MHD_create_response_from_buffer(files[i].len, files[i].data,
                                                      MHD_RESPMEM_PERSISTENT);
            files[i].path[0] = '\0'; /* not served at /404 itself */
        }
    if (!missing)
        missing =
            MHD_create_response_from_buffer(sizeof gone - 1, (void *)gone, MHD_RESPMEM_PERSISTENT);
    if (!missing) fail("short of memory");
    headers(missing, "text/html; charset=utf-8");

    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    if (inet_pton(AF_INET, addr, &sa.sin_addr) != 1) fail("not an IPv4 address");
    for (size_t i = 0; i < sizeof open_now / sizeof open_now[0]; i++)
        open_now[i].fd = -1;
    struct MHD_Daemon *d = MHD_start_daemon(
        MHD_USE_EPOLL, 0, NULL, NULL, answer, NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)CONNECTIONS_MAX, MHD_OPTION_CONNECTION_TIMEOUT,
        (unsigned)IDLE_SECONDS, MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(32 << 10),
        MHD_OPTION_NOTIFY_CONNECTION, noticed, NULL, MHD_OPTION_END);
    if (!d) fail("cannot listen there (the port is taken, or the address is not this device's)");
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    printf("ready %u\n", info ? (unsigned)info->port : port);
    fflush(stdout); /* the last it says: no file is written after this */
    give_up_files();
    const union MHD_DaemonInfo *ep = MHD_get_daemon_info(d, MHD_DAEMON_INFO_EPOLL_FD);
    if (!ep) fail("cannot wait for phones");
    /* until Kring closes our stdin (or ends) */
    for (;;) {
        struct pollfd p[2] = {{.fd = 0, .events = POLLIN}, {.fd = ep->epoll_fd, .events = POLLIN}};
        MHD_UNSIGNED_LONG_LONG wait_ms = 1000;
        if (MHD_get_timeout(d, &wait_ms) != MHD_YES || wait_ms > 1000) wait_ms = 1000;
        if (poll(p, 2, (int)wait_ms) < 0 && errno != EINTR) break;
        if (p[0].revents) {
            char b;
            ssize_t k = read(0, &b, 1);
            if (k == 0 || (k < 0 && errno != EINTR)) break;
        }
        MHD_run(d);
        cut_long_ones();
    }
    MHD_stop_daemon(d);
    return 0;
}
