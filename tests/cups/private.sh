#!/usr/bin/env bash
# A print server of a test's own: cupsd from a folder of its own, listening
# only on its own socket (ROOT/cups.sock: set CUPS_SERVER to it), with the
# test printer's backend (kringfile: writes each document to a file) and
# CUPS's socket backend. The machine's own CUPS, its printers and its
# configuration are never touched, whether a cupsd of its own runs or not.
#
#   private.sh start ROOT [SPOOL]   SPOOL: where jobs wait (default ROOT/spool)
#   private.sh stop ROOT
#
# It is set as the device's package sets CUPS: it keeps neither the printed
# documents nor their history.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
what=$1 root=$2
case $what in
start)
    spool=${3:-$root/spool}
    mkdir -p "$root" && cd "$root"
    mkdir -p "$spool/tmp" cache state log out bin/backend
    # the backends run as CUPS's own user: the folders they reach are open
    chmod 0755 "$root" "$spool" && chmod 0777 out
    for d in filter daemon cgi-bin notifier monitor driver; do
        ln -sfn /usr/lib/cups/$d bin/$d
    done
    cp "$here/kringfile" bin/backend/
    ln -sfn /usr/lib/cups/backend/socket bin/backend/socket
    chmod 0755 bin bin/backend bin/backend/kringfile
    cat >cups-files.conf <<EOF
ServerRoot $root
ServerBin $root/bin
RequestRoot $spool
TempDir $spool/tmp
CacheDir $root/cache
StateDir $root/state
ErrorLog $root/log/error_log
AccessLog $root/log/access_log
PageLog $root/log/page_log
SystemGroup root
EOF
    cat >cupsd.conf <<EOF
Listen $root/cups.sock
Browsing No
WebInterface No
LogLevel info
PreserveJobFiles No
PreserveJobHistory No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
EOF
    /usr/sbin/cupsd -f -c "$root/cupsd.conf" -s "$root/cups-files.conf" >/dev/null 2>&1 &
    echo $! >pid
    for _ in $(seq 500); do # up when it answers
        [ -S cups.sock ] && CUPS_SERVER=$root/cups.sock lpstat -r >/dev/null 2>&1 && exit 0
        sleep 0.01
    done
    echo "the test's own print server did not start" >&2
    exit 1
    ;;
stop)
    if [ -s "$root/pid" ]; then
        pid=$(cat "$root/pid")
        kill "$pid" 2>/dev/null || true
        while kill -0 "$pid" 2>/dev/null; do sleep 0.01; done
        rm -f "$root/pid"
    fi
    ;;
*)
    echo "private.sh start ROOT [SPOOL] | stop ROOT" >&2
    exit 2
    ;;
esac
