#!/usr/bin/env bash
# A NetworkManager of a test's own: NetworkManager and its D-Bus in a
# network and mount namespace of their own (unshare -mn), with its
# settings, state and connections under ROOT. It sees no network device
# of the machine's (only its own loopback), so it can change nothing of
# the machine's network, whether the machine runs a NetworkManager of its
# own or not. Kring runs in the same namespaces (ROOT/ns.pid names a
# process in them: the test enters them with setns), finds it on the usual
# system bus there, and its nmcli in ROOT/bin (put first on its PATH).
#
#   private.sh start ROOT    (exit 77: it cannot run here)
#   private.sh nmcli ROOT ARGS...
#   private.sh stop ROOT
set -euo pipefail
what=$1 root=$2
case $what in
start)
    mkdir -p "$root/connections" "$root/bin" && cd "$root"
    # NetworkManager as the machine has it, else Debian's, unpacked here and
    # never installed (installing it would start it on the machine itself);
    # its libraries come with the test packages (board/deps.sh)
    nm=$(command -v NetworkManager || true) nmcli=$(command -v nmcli || true)
    if [ -z "$nm" ] || [ -z "$nmcli" ]; then
        if [ ! -x pkg/usr/sbin/NetworkManager ]; then
            rm -rf pkg && mkdir -p pkg
            (cd pkg && apt-get download -q network-manager >/dev/null 2>&1 &&
                dpkg-deb -x network-manager_*.deb .) || { echo "no NetworkManager here"; exit 77; }
        fi
        nm=$root/pkg/usr/sbin/NetworkManager nmcli=$root/pkg/usr/bin/nmcli
    fi
    ln -sfn "$nmcli" bin/nmcli
    command -v dbus-daemon >/dev/null && command -v nsenter >/dev/null ||
        { echo "no dbus-daemon or nsenter here"; exit 77; }
    cat >bus.conf <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path=$root/bus</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow own="*"/>
    <allow send_destination="*" eavesdrop="true"/>
    <allow receive_sender="*"/>
    <allow send_type="method_call"/>
    <allow send_type="signal"/>
  </policy>
</busconfig>
CONF
    cat >nm.conf <<CONF
[main]
plugins=keyfile
no-auto-default=*
dns=none
[keyfile]
path=$root/connections
[logging]
level=WARN
CONF
    rm -f bus
    # the namespace lives as long as its NetworkManager does
    unshare -mn sh -c '
        mount -t tmpfs tmpfs /run || exit 9
        mkdir -p /run/NetworkManager /run/dbus
        dbus-daemon --config-file="$1/bus.conf" --fork --print-pid >"$1/dbus.pid" || exit 8
        ln -s "$1/bus" /run/dbus/system_bus_socket
        "$2" --no-daemon --config="$1/nm.conf" --state-file="$1/state" </dev/null &
        echo $! >"$1/nm.pid"
        wait
    ' sh "$root" "$nm" >nm.log 2>&1 </dev/null &
    echo $! >ns.pid
    for _ in $(seq 100); do
        if [ -S bus ] && nsenter -t "$(cat ns.pid)" -m -n "$root/bin/nmcli" -t general status >/dev/null 2>&1; then
            exit 0
        fi
        kill -0 "$(cat ns.pid)" 2>/dev/null || { echo "NetworkManager did not start here"; cat nm.log; exit 77; }
        sleep 0.1
    done
    echo "NetworkManager did not answer"; exit 77
    ;;
nmcli)
    shift 2
    nsenter -t "$(cat "$root/ns.pid")" -m -n "$root/bin/nmcli" "$@"
    ;;
stop)
    for f in nm dbus ns; do
        [ -f "$root/$f.pid" ] && kill "$(cat "$root/$f.pid")" 2>/dev/null || true
    done
    sleep 0.3
    rm -f "$root/bus"
    ;;
esac
