/* faultfs: a preloaded shim that makes file writes fail on demand, for
 * tests of a read-only or full disk while Kring is running (a real
 * read-only remount is refused while files are open for writing).
 *
 *   LD_PRELOAD=libfaultfs.so KRING_FAULT_DIR=/some/dir KRING_FAULT_CTL=/ctl/file
 *
 * While the file KRING_FAULT_CTL exists, every write, sync or truncate of
 * a file under KRING_FAULT_DIR fails: with EROFS when the control file
 * says "readonly", else with ENOSPC. Other files (stderr, screenshots)
 * are left alone.
 *
 * With KRING_TEE_LOG=/some/file as well, every byte written to a file
 * under KRING_FAULT_DIR is also appended to that log: what a flash card
 * may keep of every block ever written, overwritten or deleted. Tests
 * search it for words that must never reach the card in the clear.
 * Test-only: never linked into Kring. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

/* True when fd is a file under KRING_FAULT_DIR. */
static int under_dir(int fd)
{
    const char *dir = getenv("KRING_FAULT_DIR");
    if (!dir || fd < 3) return 0;
    char link[64], path[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, path, sizeof path - 1);
    if (n <= 0) return 0;
    path[n] = '\0';
    return strncmp(path, dir, strlen(dir)) == 0;
}

#define REAL(name) ((__typeof__(&name))dlsym(RTLD_NEXT, #name))

static void keep_copy(int fd, const void *buf, ssize_t n)
{
    const char *log = getenv("KRING_TEE_LOG");
    if (!log || n <= 0 || !under_dir(fd)) return;
    int out = open(log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (out < 0) return;
    ssize_t w = REAL(write)(out, buf, (size_t)n);
    (void)w;
    close(out);
}

static int fault_for(int fd)
{
    const char *ctl = getenv("KRING_FAULT_CTL");
    if (!ctl || !under_dir(fd)) return 0;
    FILE *f = fopen(ctl, "r");
    if (!f) return 0;
    char mode[32] = "";
    if (!fgets(mode, sizeof mode, f)) mode[0] = '\0';
    fclose(f);
    return strncmp(mode, "readonly", 8) == 0 ? EROFS : ENOSPC;
}

ssize_t write(int fd, const void *buf, size_t n)
{
    int e = fault_for(fd);
    if (e) {
        errno = e;
        return -1;
    }
    ssize_t r = REAL(write)(fd, buf, n);
    keep_copy(fd, buf, r);
    return r;
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
    int e = fault_for(fd);
    if (e) {
        errno = e;
        return -1;
    }
    ssize_t r = REAL(pwrite)(fd, buf, n, off);
    keep_copy(fd, buf, r);
    return r;
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off64_t off)
{
    int e = fault_for(fd);
    if (e) {
        errno = e;
        return -1;
    }
    ssize_t r = REAL(pwrite64)(fd, buf, n, off);
    keep_copy(fd, buf, r);
    return r;
}

int fsync(int fd)
{
    int e = fault_for(fd);
    if (e) {
        errno = e == ENOSPC ? EIO : e;
        return -1;
    }
    return REAL(fsync)(fd);
}

int fdatasync(int fd)
{
    int e = fault_for(fd);
    if (e) {
        errno = e == ENOSPC ? EIO : e;
        return -1;
    }
    return REAL(fdatasync)(fd);
}

int ftruncate(int fd, off_t len)
{
    int e = fault_for(fd);
    if (e) {
        errno = e;
        return -1;
    }
    return REAL(ftruncate)(fd, len);
}

int ftruncate64(int fd, off64_t len)
{
    int e = fault_for(fd);
    if (e) {
        errno = e;
        return -1;
    }
    return REAL(ftruncate64)(fd, len);
}
