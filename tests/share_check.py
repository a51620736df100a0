#!/usr/bin/env python3
"""Fetches the phones' pages of a sharing as a phone would, and checks
what a person gets: their page (valid HTML, headers that keep it private,
their own parts and nobody else's), their calendar file, the whole plan's
PDF (byte for byte the one --export-pdf writes), one 404 for every wrong
link, and a server that stays quick with 200 idle connections and a
client that sends a byte a second (which it cuts off after 30 s), that
answers 200 phones at once, and whose memory stays flat.

    share_check.py SPEC.json
SPEC: {"pages": [{"url": ..., "want": [...], "not": [...],
                  "calendar": true|false, "cal_want": [...], "cal_not": [...]}],
       "plan": URL, "pdf": FILE, "out": DIR,
       "server_pid": PID (0: the process listening on the pages' port here)}
Prints one line per failed check and "share_check: N passed, M failed"."""
import json
import os
import re
import socket
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import html5lib
import icalendar

passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAILED:", what)


def get(url, method="GET"):
    req = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def server_pid(port):
    """The process that listens on this TCP port (on IPv4)."""
    inode = None
    with open("/proc/net/tcp") as f:
        for line in f.readlines()[1:]:
            cols = line.split()
            if int(cols[1].split(":")[1], 16) == port and cols[3] == "0A":
                inode = cols[9]
    if inode is None:
        return None
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                if os.readlink(f"/proc/{pid}/fd/{fd}") == f"socket:[{inode}]":
                    return int(pid)
        except OSError:
            continue
    return None


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (OSError, TypeError):
        return None
    return None


def hrefs(html):
    return re.findall(r'href="([^"]+)"', html)


def main():
    spec = json.load(open(sys.argv[1]))
    out = spec["out"]
    for page in spec["pages"]:
        url = page["url"].replace("HTTP://", "http://", 1)
        status, headers, body = get(url)
        check(status == 200, f"{url}: status {status}")
        text = body.decode("utf-8", "replace")
        name = page.get("name", "page")
        open(os.path.join(out, name + ".html"), "wb").write(body)
        check(headers.get("Cache-Control") == "no-store", f"{name}: Cache-Control")
        csp = headers.get("Content-Security-Policy", "")
        check("default-src 'none'" in csp and "script" not in csp, f"{name}: CSP {csp}")
        check(headers.get("Referrer-Policy") == "no-referrer", f"{name}: Referrer-Policy")
        try:
            html5lib.HTMLParser(strict=True).parse(body)
            check(True, "")
        except Exception as e:  # html5lib's ParseError names the first fault
            check(False, f"{name}: HTML does not parse cleanly: {e}")
        check("<script" not in text.lower(), f"{name}: a script")
        for w in page.get("want", []):
            check(w in text, f"{name}: lacks {w!r}")
        for w in page.get("not", []):
            check(w not in text, f"{name}: holds {w!r}, someone else's")
        cal = [h for h in hrefs(text) if h.endswith("agenda.ics")]
        check(bool(cal) == page.get("calendar", True), f"{name}: calendar link {cal}")
        if cal:
            status, headers, body = get(urllib.parse.urljoin(url, cal[0]))
            check(status == 200 and headers.get("Content-Type", "").startswith("text/calendar"),
                  f"{name}: calendar {status}")
            open(os.path.join(out, name + ".ics"), "wb").write(body)
            c = icalendar.Calendar.from_ical(body)
            summaries = [str(e.get("SUMMARY")) for e in c.walk("VEVENT")]
            for w in page.get("cal_want", []):
                check(any(w in s for s in summaries), f"{name}: calendar lacks {w!r}: {summaries}")
            for w in page.get("cal_not", []):
                check(not any(w in s for s in summaries), f"{name}: calendar holds {w!r}")
    # the whole plan: its page and the PDF, byte for byte
    plan = spec["plan"].replace("HTTP://", "http://", 1)
    status, headers, body = get(plan)
    check(status == 200, f"plan page: {status}")
    open(os.path.join(out, "plan.html"), "wb").write(body)
    pdf = [h for h in hrefs(body.decode()) if h.endswith(".pdf")]
    check(len(pdf) == 1, f"plan page: PDF link {pdf}")
    if pdf:
        status, headers, got = get(urllib.parse.urljoin(plan, pdf[0]))
        want = open(spec["pdf"], "rb").read()
        check(status == 200 and got == want,
              f"plan PDF: {status}, {len(got)} bytes, --export-pdf wrote {len(want)}")
    # every wrong link: one and the same 404
    base = urllib.parse.urlsplit(url)
    root = f"{base.scheme}://{base.netloc}"
    token = base.path.split("/")[2]
    wrong = ["/", "/P/", "/P/AAAA/", "/P/" + token[:-1] + ("B" if token[-1] != "B" else "C") + "/",
             "/P/" + token + "X/", "/P/" + token[:10] + "/", "/P/" + "A" * 300 + "/",
             "/P/" + token + "/../../", "/p/" + token.lower() + "/", "/favicon.ico",
             "/P/" + token + "/agenda.ics/x"]
    bodies = set()
    for w in wrong:
        status, headers, body = get(root + w)
        check(status == 404, f"{w}: {status}")
        bodies.add(body)
    status, headers, body = get(url, method="POST")
    check(status == 404, f"POST: {status}")
    bodies.add(body)
    check(len(bodies) == 1, f"the 404s differ: {len(bodies)} kinds")
    # 200 phones that open a connection and say nothing, and one that
    # sends a byte a second: the others are still answered at once, the
    # slow one is cut off, and the server's memory stays flat
    host, port = base.hostname, base.port
    server = spec.get("server_pid") or server_pid(port)  # (given when it runs elsewhere)
    check(server is not None, f"no process listens on port {port}")
    before = rss_kib(server)
    idle = []
    for _ in range(200):
        s = socket.create_connection((host, port), timeout=5)
        idle.append(s)
    cut = {}

    def slow():
        s = socket.create_connection((host, port), timeout=5)
        began = time.monotonic()
        request = b"GET /P/" + token.encode() + b"/ HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 200
        for ch in request:
            try:
                s.send(bytes([ch]))
            except OSError:
                break
            s.settimeout(1.0)
            try:
                if s.recv(1) == b"":
                    break  # the server closed it
            except socket.timeout:
                pass
            except OSError:
                break
        cut["after"] = time.monotonic() - began
        s.close()

    t = threading.Thread(target=slow, daemon=True)
    t.start()
    time.sleep(1.5)
    for i in range(5):
        start = time.monotonic()
        status, _, _ = get(url)
        took = time.monotonic() - start
        check(status == 200 and took < 1.0, f"with 200 idle and a slow client: {status} in {took:.2f} s")
    for s in idle:
        s.close()
    # 200 phones fetching at once, twice: every one answered, and the
    # second time the server has grown no more
    def crowd():
        results = []

        def one():
            status, _, body = get(url)
            results.append(status == 200 and len(body) > 0)

        threads = [threading.Thread(target=one) for _ in range(200)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        return sum(results)

    first = crowd()
    after_first = rss_kib(server)
    second = crowd()
    after_second = rss_kib(server)
    check(first == 200 and second == 200, f"200 at once: {first} and {second} answered")
    t.join(60)
    check("after" in cut and cut["after"] < 36,
          f"a client sending a byte a second is cut after {cut.get('after', -1):.0f} s (30 s allowed)")
    if before and after_first and after_second:
        print(f"server memory: {before} KiB at rest, {after_first} KiB after 200 idle, a slow "
              f"client and 200 at once, {after_second} KiB after 200 more; slow client cut after "
              f"{cut.get('after', -1):.1f} s")
        check(after_second - after_first < 512 and after_first - before < 8192,
              f"the server's memory grows: {before} → {after_first} → {after_second} KiB")
    print(f"share_check: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
