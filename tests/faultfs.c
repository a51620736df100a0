/* faultfs: a preloaded shim that makes file writes fail on demand, for
 * tests of a read-only or full disk while Kring is running (a real
 * read-only remount is refused while files are open for writing).
 *
 *   LD_PRELOAD=libfaultfs.so KRING_FAULT_DIR=/some/dir KRING_FAULT_CTL=/ctl/file
 *
 * While the file KRING_FAULT_CTL exists, every write, sync or truncate of
 * a file under KRING_FAULT_DIR fails: with EROFS when the control file
 * says "readonly", else with ENOSPC. Other files (stderr, screenshots)
 * are left alone. Test-only: never linked into Kring. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static int fault_for(int fd)
{
    const char *dir = getenv("KRING_FAULT_DIR"), *ctl = getenv("KRING_FAULT_CTL");
    if (!dir || !ctl || fd < 3)
        return 0;
    FILE *f = fopen(ctl, "r");
    if (!f)
        return 0;
    char mode[32] = "";
    if (!fgets(mode, sizeof mode, f))
        mode[0] = '\0';
    fclose(f);
    char link[64], path[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, path, sizeof path - 1);
    if (n <= 0)
        return 0;
    path[n] = '\0';
    if (strncmp(path, dir, strlen(dir)) != 0)
        return 0;
    return strncmp(mode, "readonly", 8) == 0 ? EROFS : ENOSPC;
}

#define REAL(name) ((__typeof__(&name))dlsym(RTLD_NEXT, #name))

ssize_t write(int fd, const void *buf, size_t n)
{
    int e = fault_for(fd);
    if (e) { errno = e; return -1; }
    return REAL(write)(fd, buf, n);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
    int e = fault_for(fd);
    if (e) { errno = e; return -1; }
    return REAL(pwrite)(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off64_t off)
{
    int e = fault_for(fd);
    if (e) { errno = e; return -1; }
    return REAL(pwrite64)(fd, buf, n, off);
}

int fsync(int fd)
{
    int e = fault_for(fd);
    if (e) { errno = e == ENOSPC ? EIO : e; return -1; }
    return REAL(fsync)(fd);
}

int fdatasync(int fd)
{
    int e = fault_for(fd);
    if (e) { errno = e == ENOSPC ? EIO : e; return -1; }
    return REAL(fdatasync)(fd);
}

int ftruncate(int fd, off_t len)
{
    int e = fault_for(fd);
    if (e) { errno = e; return -1; }
    return REAL(ftruncate)(fd, len);
}

int ftruncate64(int fd, off64_t len)
{
    int e = fault_for(fd);
    if (e) { errno = e; return -1; }
    return REAL(ftruncate64)(fd, len);
}
