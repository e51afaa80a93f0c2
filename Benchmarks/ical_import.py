#!/usr/bin/env python3
"""Calendar import figures: mentord's reader against python icalendar + recurring-ical-events.

Usage: python3 Benchmarks/ical_import.py [--bin DIR] [--events N] [--runs N] [--keep FILE]

Writes a seeded export of N events (default 10,000; a few MB, shaped like a provider's: zoned and UTC
single meetings, weekly and monthly series with EXDATE and moved occurrences, Windows zone names with
Outlook's VTIMEZONEs, all-day events, descriptions, attendees and alarms), then times, on that same
file, reading it and expanding every series over 2026:

- mentord: the `ical-bench` executable (Benchmarks/ICalBench, MentorCalendar as `mentorctl import`
  will use it) from --bin (default: `swift build -c release --product ical-bench` first, then its
  bin path);
- python: `icalendar` + `recurring-ical-events` (pinned in scripts/install-deps), in a child python.

Each runs --runs times (default 3) as its own process; the table shows the median wall time, the
largest peak RSS (wait4's ru_maxrss) and the occurrences each found (all-day ones left out).

Then the whole import through the real daemon, as a user runs it: a release mentord on a fresh
database and socket, `mentorctl import FILE --with Bench --role mentee` timed from the client
(reading, planning, the one transaction; the reply comes after the commit), then until the
reminder engine has planned what it wrote (`mentorctl next` waits its turn), then the same file again (everything unchanged), each --runs times on a new database; mentord's peak RSS is its
VmHWM after the imports. The
generated series do not all start on a date their rule gives, and recurring-ical-events adds such a
start on top of COUNT where mentord counts it (docs/calendar.md): its count is higher by those.
Figures, not a test.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

FROM = 1767225600  # 2026-01-01T00:00:00Z
TO = 1798761600  # 2027-01-01T00:00:00Z

PYTHON_CHILD = r"""
import datetime, json, sys
import icalendar, recurring_ical_events
with open(sys.argv[1], "rb") as file:
    calendar = icalendar.Calendar.from_ical(file.read())
start = datetime.datetime.fromtimestamp(int(sys.argv[2]), datetime.timezone.utc)
stop = datetime.datetime.fromtimestamp(int(sys.argv[3]), datetime.timezone.utc)
count = sum(1 for event in recurring_ical_events.of(calendar).between(start, stop)
            if isinstance(event["DTSTART"].dt, datetime.datetime))
print(json.dumps({"occurrences": count}))
"""

BERLIN = """BEGIN:VTIMEZONE
TZID:Europe/Berlin
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
BEGIN:VTIMEZONE
TZID:W. Europe Standard Time
BEGIN:STANDARD
DTSTART:16010101T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE
"""

WORDS = ("goals plan progress review career feedback project question reading practice next steps "
         "agenda notes follow-up presentation skills coaching roadmap").split()


def fold(line):
    """RFC 5545 folding at 75 octets, on character boundaries."""
    out, current = [], ""
    for character in line:
        if len((current + character).encode()) > 75:
            out.append(current)
            current = " " + character
        else:
            current += character
    out.append(current)
    return "\r\n".join(out)


def stamp(seconds, zone_offset=0):
    return time.strftime("%Y%m%dT%H%M%S", time.gmtime(seconds + zone_offset))


def generate(path, count, seed=12):
    rng = random.Random(seed)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//mentord bench//ical import//EN",
             "X-WR-CALNAME:Bench", "X-WR-TIMEZONE:Europe/Berlin"]
    lines += BERLIN.strip().split("\n")
    for index in range(count):
        uid = f"bench-{index}@mentord.test"
        # Local wall times are written as if Berlin were always +01:00; the readers apply the rules.
        start = FROM - 86400 * rng.randrange(0, 300) + 86400 * rng.randrange(0, 365) + 3600 * rng.randrange(7, 19)
        kind = rng.random()
        tzid = "Europe/Berlin" if rng.random() < 0.8 else "W. Europe Standard Time"
        event = ["BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:20261201T090000Z", "SEQUENCE:" + str(rng.randrange(3))]
        event.append("SUMMARY:" + " ".join(rng.choice(WORDS) for _ in range(4)).capitalize())
        event.append(fold("DESCRIPTION:" + " ".join(rng.choice(WORDS) for _ in range(12)) + r"\nJoin: https://meet.example.org/" + uid))
        event.append("ORGANIZER;CN=Mentor " + str(index % 97) + ":mailto:mentor" + str(index % 97) + "@example.org")
        for attendee in range(rng.randrange(1, 4)):
            event.append(fold(f"ATTENDEE;CN=Person {attendee};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=TRUE:mailto:p{index}-{attendee}@example.org"))
        if kind < 0.05:
            event += ["DTSTART;VALUE=DATE:" + stamp(start)[:8], "DTEND;VALUE=DATE:" + stamp(start + 86400)[:8]]
        elif kind < 0.55:
            if rng.random() < 0.5:
                event += ["DTSTART:" + stamp(start) + "Z", "DTEND:" + stamp(start + 1800 * rng.randrange(1, 4)) + "Z"]
            else:
                event += [f"DTSTART;TZID={tzid}:" + stamp(start, 3600), f"DURATION:PT{30 * rng.randrange(1, 4)}M"]
        else:
            event += [f"DTSTART;TZID={tzid}:" + stamp(start, 3600), f"DTEND;TZID={tzid}:" + stamp(start + 3600, 3600)]
            rule = rng.choice(["FREQ=WEEKLY", "FREQ=WEEKLY;INTERVAL=2;WKST=SU", "FREQ=MONTHLY;BYDAY=2TH",
                               "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR"])
            end = rng.choice(["", ";COUNT=" + str(rng.randrange(5, 60)), ";UNTIL=" + stamp(start + 86400 * rng.randrange(60, 500)) + "Z"])
            event.append("RRULE:" + rule + end)
            if rng.random() < 0.4:
                excluded = ",".join(stamp(start + 7 * 86400 * rng.randrange(1, 20), 3600) for _ in range(rng.randrange(1, 4)))
                event.append(f"EXDATE;TZID={tzid}:" + excluded)
        event += ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:Reminder", "TRIGGER:-PT10M", "END:VALARM", "END:VEVENT"]
        lines += event
        if kind >= 0.55 and rng.random() < 0.3:
            original = start + 7 * 86400 * rng.randrange(1, 10)
            lines += ["BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:20261201T090000Z",
                      f"RECURRENCE-ID;TZID={tzid}:" + stamp(original, 3600),
                      f"DTSTART;TZID={tzid}:" + stamp(original + 3600 * rng.randrange(1, 30), 3600),
                      "DURATION:PT45M", "SUMMARY:Moved", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    with open(path, "w", encoding="utf-8", newline="") as file:
        file.write("\r\n".join(lines) + "\r\n")


def measure(command, runs):
    """Median wall time, peak RSS of the runs (MiB), and the last output."""
    times, peaks, output = [], [], None
    for _ in range(runs):
        # wait4 reports each child's own peak, unlike RUSAGE_CHILDREN's maximum over all of them.
        started = time.monotonic()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.monotonic() - started
        out = process.stdout.read()
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"{command[0]} failed: {process.stderr.read().decode()}")
        times.append(elapsed)
        peaks.append(usage.ru_maxrss / 1024)
        output = json.loads(out)
    return statistics.median(times), max(peaks), output


def daemon_import(binary_dir, path, runs):
    """Median wall time of a first import and of a re-import through mentorctl, and mentord's peak RSS (MiB)."""
    firsts, planned, agains, peaks, reply = [], [], [], [], None
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as directory:
            socket = os.path.join(directory, "socket")
            daemon = subprocess.Popen(
                [os.path.join(binary_dir, "mentord"), "--socket", socket, "--database",
                 os.path.join(directory, "mentord.sqlite3"), "--config", "/dev/null"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                command = [os.path.join(binary_dir, "mentorctl"), "import", path, "--with", "Bench", "--role",
                           "mentee", "--json", "--socket", socket, "--no-autostart"]
                for _ in range(500):
                    if os.path.exists(socket):
                        break
                    time.sleep(0.01)
                # `next` waits its turn behind the engine's planning of every meeting the import wrote.
                settle = [os.path.join(binary_dir, "mentorctl"), "next", "--json", "--socket", socket,
                          "--no-autostart"]
                for times in (firsts, agains):
                    started = time.monotonic()
                    result = subprocess.run(command, capture_output=True, text=True)
                    times.append(time.monotonic() - started)
                    if result.returncode != 0:
                        sys.exit(f"mentorctl import failed: {result.stderr}")
                    reply = reply or json.loads(result.stdout)
                    if times is firsts:
                        subprocess.run(settle, capture_output=True, check=True)
                        planned.append(time.monotonic() - started)
                with open(f"/proc/{daemon.pid}/status") as status:
                    peaks.append(next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024)
            finally:
                daemon.terminate()
                daemon.wait()
    return statistics.median(firsts), statistics.median(planned), statistics.median(agains), max(peaks), reply


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", help="directory holding ical-bench (default: build it in release)")
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", help="write the generated export here and keep it")
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    binary_dir = args.bin
    if binary_dir is None:
        subprocess.run(["swift", "build", "-c", "release", "--product", "ical-bench"], cwd=root, check=True)
        binary_dir = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=root, check=True,
                                    capture_output=True, text=True).stdout.strip()
    if args.bin is None:
        for product in ("mentord", "mentorctl"):
            subprocess.run(["swift", "build", "-c", "release", "--product", product], cwd=root, check=True)
    with tempfile.TemporaryDirectory() as directory:
        path = args.keep or os.path.join(directory, "export.ics")
        generate(path, args.events)
        size = os.path.getsize(path)
        window = [str(FROM), str(TO)]
        ours = measure([os.path.join(binary_dir, "ical-bench"), path] + window + ["Europe/Berlin"], args.runs)
        theirs = measure([sys.executable, "-c", PYTHON_CHILD, path] + window, args.runs)
        first, planned, again, peak, reply = daemon_import(binary_dir, path, args.runs)
    from importlib.metadata import version
    print(f"calendar import: {args.events:,} events, {size / 1e6:.1f} MB, expanded over 2026; "
          f"median of {args.runs} runs; {os.cpu_count()} cores")
    print(f"{'reader':58} {'wall s':>8} {'peak RSS MiB':>13} {'occurrences':>12}")
    rows = [("mentord MentorCalendar (ical-bench, release)", ours),
            (f"python icalendar {version('icalendar')} + recurring-ical-events "
             f"{version('recurring-ical-events')}", theirs)]
    for name, (wall, rss, output) in rows:
        print(f"{name:58} {wall:8.3f} {rss:13.1f} {output['occurrences']:12,}")
    print(f"mentord is {theirs[0] / ours[0]:.1f}x faster and uses {theirs[1] / ours[1]:.1f}x less memory")
    print()
    print(f"through the daemon (release mentord, mentorctl import --with Bench; median of {args.runs} runs, "
          f"each on a new database)")
    print(f"{'step':58} {'wall s':>8} {'peak RSS MiB':>13}")
    print(f"{'first import: ' + str(reply['added']) + ' meetings added, ' + str(len(reply['skipped'])) + ' skipped':58} "
          f"{first:8.3f} {peak:13.1f}")
    print(f"{'... and the reminder engine has planned them':58} {planned:8.3f} {'':>13}")
    print(f"{'the same file again: all unchanged':58} {again:8.3f} {'':>13}")
    print(f"first import vs python reading and expanding alone: {theirs[0] / first:.1f}x faster")


if __name__ == "__main__":
    main()
