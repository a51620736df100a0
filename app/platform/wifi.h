/* wifi: Kring's own Wi-Fi for one sharing, asked of NetworkManager.
 *
 * A hotspot with a fresh random name and password each time, clients
 * kept apart from each other (ap-isolation), sharing its address to the
 * phones (NetworkManager's "shared" mode: 10.42.0.1; the package makes
 * its dnsmasq answer every name with the device, so phones open the page
 * by themselves). It is asked for in a child process (nmcli), so the
 * screen keeps going while NetworkManager brings it up. No SDL. */
#ifndef KRING_WIFI_H
#define KRING_WIFI_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>

/* WIFI_LOST: it was up, and went away while it was shared (the adapter
 * pulled out, NetworkManager stopped or took it down). */
typedef enum WifiState { WIFI_OFF, WIFI_STARTING, WIFI_UP, WIFI_FAILED, WIFI_LOST } WifiState;

typedef struct Wifi {
    WifiState state;
    pid_t pid;
    int out;    /* nmcli's words, for the log when it refuses */
    pid_t look; /* while up: nmcli asked whether it still is */
    int look_out;
    struct timespec look_at; /* when to ask next */
    char ssid[24], password[24];
    char address[16]; /* where the phones find the pages */
    char said[400];   /* NetworkManager's refusal, for the log (no family words in it) */
} Wifi;

/* Asks for the hotspot (WIFI_STARTING), or WIFI_FAILED at once when
 * nmcli cannot be run. */
void wifi_start(Wifi *w);
/* How it goes; call now and then while WIFI_STARTING or WIFI_UP (while up
 * it asks NetworkManager every few seconds whether it still is, without
 * waiting for the answer; when it went away its connection is deleted). */
WifiState wifi_poll(Wifi *w);
/* Takes the hotspot down and forgets it (waits for nmcli, briefly). */
void wifi_stop(Wifi *w);
/* This device's IPv4 address on the network it is on (the room's),
 * "" when it is on none. */
void wifi_room_address(char out[64]);

/* The code that joins it: "WIFI:T:WPA;S:…;P:…;;" into out. */
void wifi_join_code(const Wifi *w, char *out, size_t n);

#endif
