/* wifi: a NetworkManager hotspot through nmcli. */
#define _GNU_SOURCE
#include "platform/wifi.h"

#include <arpa/inet.h>
#include <errno.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/wait.h>
#include <unistd.h>

/* The connection Kring makes and deletes again; never another one. */
#define CONNECTION "kring-share"

enum { LOOK_EVERY_S = 5 }; /* how often a hotspot that is up is looked at */

/* Reads what is left in fd into out (at most n-1 bytes, one line), and
 * closes it. */
static void read_words(int fd, char *out, size_t n)
{
    size_t got = 0;
    ssize_t k;
    while (fd >= 0 && got + 1 < n && (k = read(fd, out + got, n - 1 - got)) > 0)
        got += (size_t)k;
    out[got] = '\0';
    for (char *c = out; *c; c++) /* one line for the log */
        if (*c == '\n' || *c == '\r') *c = ' ';
    if (fd >= 0) close(fd);
}

/* Letters and digits that are not mistaken for each other when typed. */
static void random_word(char *out, int n)
{
    static const char letters[] = "abcdefghjkmnpqrstuvwxyz23456789";
    unsigned char r[32];
    if (getrandom(r, sizeof r, 0) != (ssize_t)sizeof r) memset(r, 7, sizeof r);
    for (int i = 0; i < n && i < 32; i++)
        out[i] = letters[r[i] % (sizeof letters - 1)];
    out[n] = '\0';
}

/* Runs nmcli through sh with the name and password as its arguments
 * (never pasted into the command), stdout and stderr to a pipe. */
static pid_t run(const char *script, const Wifi *w, int *out)
{
    int p[2];
    if (pipe2(p, O_CLOEXEC) != 0) return -1;
    pid_t pid = fork();
    if (pid == 0) {
        dup2(p[1], 1);
        dup2(p[1], 2);
        int null = open("/dev/null", O_RDONLY);
        if (null >= 0) dup2(null, 0);
        closefrom(3);
        execl("/bin/sh", "sh", "-c", script, "sh", w->ssid, w->password, (char *)NULL);
        _exit(127);
    }
    close(p[1]);
    if (pid < 0) {
        close(p[0]);
        return -1;
    }
    *out = p[0];
    return pid;
}

void wifi_start(Wifi *w)
{
    wifi_stop(w);
    *w = (Wifi){.state = WIFI_STARTING, .pid = -1, .out = -1, .look = -1, .look_out = -1};
    memcpy(w->ssid, "Kring-", 6);
    random_word(w->ssid + 6, 4);
    random_word(w->password, 12);
    snprintf(w->address, sizeof w->address, "10.42.0.1");
    static const char script[] =
        "command -v nmcli >/dev/null || { echo 'nmcli: not installed'; exit 127; }\n"
        "nmcli connection delete " CONNECTION " >/dev/null 2>&1\n"
        "nmcli connection add type wifi ifname '*' con-name " CONNECTION
        " autoconnect no ssid \"$1\" 802-11-wireless.mode ap 802-11-wireless.ap-isolation yes"
        " ipv4.method shared ipv4.addresses 10.42.0.1/24 ipv6.method disabled"
        " wifi-sec.key-mgmt wpa-psk wifi-sec.psk \"$2\" >/dev/null || exit 1\n"
        "nmcli --wait 20 connection up " CONNECTION " || { nmcli connection delete " CONNECTION
        " >/dev/null 2>&1; exit 1; }\n";
    w->pid = run(script, w, &w->out);
    if (w->pid < 0) {
        w->state = WIFI_FAILED;
        snprintf(w->said, sizeof w->said, "nmcli could not be started");
    }
}

/* While up: is it still? Asks now and then, never waits for the answer. */
static void look(Wifi *w)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (w->look < 0) {
        if (now.tv_sec < w->look_at.tv_sec) return;
        w->look = run("nmcli -t -f GENERAL.STATE connection show " CONNECTION, w, &w->look_out);
        w->look_at = now;
        w->look_at.tv_sec += LOOK_EVERY_S;
        return;
    }
    int status;
    if (waitpid(w->look, &status, WNOHANG) == 0) return;
    char said[sizeof w->said];
    read_words(w->look_out, said, sizeof said);
    w->look = w->look_out = -1;
    if (strstr(said, "GENERAL.STATE:activated") && !strstr(said, "deactivated")) return;
    /* gone: its connection (with the password in it) goes too */
    snprintf(w->said, sizeof w->said, "%s", said[0] ? said : "no longer active");
    int out = -1;
    pid_t pid = run("nmcli connection delete " CONNECTION " >/dev/null 2>&1", w, &out);
    if (pid > 0) waitpid(pid, NULL, 0);
    if (out >= 0) close(out);
    w->state = WIFI_LOST;
}

WifiState wifi_poll(Wifi *w)
{
    if (w->state == WIFI_UP) look(w);
    if (w->state != WIFI_STARTING) return w->state;
    int status;
    pid_t done = waitpid(w->pid, &status, WNOHANG);
    if (done == 0) return w->state;
    read_words(w->out, w->said, sizeof w->said);
    w->out = -1;
    w->pid = -1;
    bool up = done > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    w->state = up ? WIFI_UP : WIFI_FAILED;
    if (!up && !w->said[0]) snprintf(w->said, sizeof w->said, "nmcli failed");
    if (up) { /* looked at again in a while */
        clock_gettime(CLOCK_MONOTONIC, &w->look_at);
        w->look_at.tv_sec += LOOK_EVERY_S;
    }
    return w->state;
}

void wifi_stop(Wifi *w)
{
    if (w->state == WIFI_OFF) { /* (a Wifi all zero is off: nothing of it is open) */
        *w = (Wifi){.state = WIFI_OFF, .pid = -1, .out = -1, .look = -1, .look_out = -1};
        return;
    }
    pid_t children[2] = {w->pid, w->look}; /* still asking: stopped first */
    for (int i = 0; i < 2; i++)
        if (children[i] > 0) {
            kill(children[i], SIGTERM);
            waitpid(children[i], NULL, 0);
        }
    if (w->out >= 0) close(w->out);
    if (w->look_out >= 0) close(w->look_out);
    if (w->state == WIFI_STARTING || w->state == WIFI_UP) {
        int out = -1;
        pid_t pid = run("nmcli connection delete " CONNECTION " >/dev/null 2>&1", w, &out);
        if (pid > 0) waitpid(pid, NULL, 0);
        if (out >= 0) close(out);
    }
    *w = (Wifi){.state = WIFI_OFF, .pid = -1, .out = -1, .look = -1, .look_out = -1};
}

void wifi_join_code(const Wifi *w, char *out, size_t n)
{
    snprintf(out, n, "WIFI:T:WPA;S:%s;P:%s;;", w->ssid, w->password);
}

void wifi_room_address(char out[64])
{
    out[0] = '\0';
    struct ifaddrs *all = NULL;
    if (getifaddrs(&all) != 0) return;
    for (struct ifaddrs *a = all; a && !out[0]; a = a->ifa_next) {
        if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET) continue;
        if ((a->ifa_flags & IFF_LOOPBACK) || !(a->ifa_flags & IFF_UP)) continue;
        inet_ntop(AF_INET, &((struct sockaddr_in *)(void *)a->ifa_addr)->sin_addr, out, 64);
    }
    freeifaddrs(all);
}
