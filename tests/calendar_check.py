#!/usr/bin/env python3
"""Reads a calendar file as a phone's calendar would (icalendar), expands
every repeat (dateutil) and compares each event's first occurrences, its
count and its last one with what the test expects.

    calendar_check.py FILE.ics EXPECT.json
EXPECT: {"SUMMARY": {"first": ["2026-11-23 07:45", ...], "count": N,
                     "last": "2027-02-17 07:45", "alarm": "-PT15M"}, ...}
A summary expected with null must not be in the file. Exit 0 when all
hold, 1 with a line for each that does not."""
import datetime
import json
import sys

from dateutil.rrule import rrulestr
import icalendar


def occurrences(ev):
    start = ev.decoded("DTSTART")
    rule = ev.get("RRULE")
    if not rule:
        return [start]
    text = rule.to_ical().decode()
    return list(rrulestr(text, dtstart=start))


def show(d, all_day):
    return d.strftime("%Y-%m-%d") if all_day else d.strftime("%Y-%m-%d %H:%M")


def main():
    raw = open(sys.argv[1], "rb").read()
    for line in raw.split(b"\r\n"):
        if len(line) > 75:
            print("a line longer than 75 octets:", line[:40])
            return 1
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        print("not UTF-8 (a character split by folding?)")
        return 1
    cal = icalendar.Calendar.from_ical(raw)
    expect = json.load(open(sys.argv[2]))
    seen = {}
    for ev in cal.walk("VEVENT"):
        seen[str(ev.get("SUMMARY"))] = ev
    bad = 0
    for summary, want in expect.items():
        ev = seen.get(summary)
        if want is None:
            if ev is not None:
                print("should not be there:", summary)
                bad += 1
            continue
        if ev is None:
            print("missing:", summary, "— there are:", list(seen))
            bad += 1
            continue
        all_day = not isinstance(ev.decoded("DTSTART"), datetime.datetime)
        got = [show(d, all_day) for d in occurrences(ev)]
        if got[: len(want["first"])] != want["first"]:
            print(summary, "first:", got[: len(want["first"])], "want", want["first"])
            bad += 1
        if "count" in want and len(got) != want["count"]:
            print(summary, "count:", len(got), "want", want["count"])
            bad += 1
        if "last" in want and got[-1] != want["last"]:
            print(summary, "last:", got[-1], "want", want["last"])
            bad += 1
        if "alarm" in want:
            alarms = [a for a in ev.walk("VALARM")]
            trig = alarms[0].get("TRIGGER").to_ical().decode() if alarms else None
            if trig != want["alarm"]:
                print(summary, "alarm:", trig, "want", want["alarm"])
                bad += 1
        if "description" in want and want["description"] not in str(ev.get("DESCRIPTION")):
            print(summary, "description lacks", want["description"])
            bad += 1
    print("calendar:", len(expect) - bad, "as expected,", bad, "not")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
