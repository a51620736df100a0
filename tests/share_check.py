#!/usr/bin/env python3
"""Fetches the phones' pages of a sharing as a phone would, and checks
what a person gets: their page (valid HTML, headers that keep it private,
their own parts and nobody else's), their calendar file, the whole plan's
PDF (byte for byte the one --export-pdf writes), one 404 for every wrong
link, and a server that stays quick with 200 idle connections and a
client that sends a byte a second.

    share_check.py SPEC.json
SPEC: {"pages": [{"url": ..., "want": [...], "not": [...],
                  "calendar": true|false, "cal_want": [...], "cal_not": [...]}],
       "plan": URL, "pdf": FILE, "out": DIR}
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
    # sends a byte a second: the others are still answered at once
    host, port = base.hostname, base.port
    idle = []
    for _ in range(200):
        s = socket.create_connection((host, port), timeout=5)
        idle.append(s)
    stop = threading.Event()

    def slow():
        s = socket.create_connection((host, port), timeout=5)
        for ch in b"GET /P/" + token.encode() + b"/ HTTP/1.1\r\nHost: x\r\n":
            if stop.is_set():
                break
            try:
                s.send(bytes([ch]))
            except OSError:
                break
            time.sleep(1)
        s.close()

    t = threading.Thread(target=slow, daemon=True)
    t.start()
    time.sleep(1.5)
    for i in range(5):
        start = time.monotonic()
        status, _, _ = get(url)
        took = time.monotonic() - start
        check(status == 200 and took < 1.0, f"with 200 idle and a slow client: {status} in {took:.2f} s")
    stop.set()
    for s in idle:
        s.close()
    print(f"share_check: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
