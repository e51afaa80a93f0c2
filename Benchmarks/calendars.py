"""Followed-calendar figures (issue #13), the `calendars` section of engine.py.

- Idle wake-ups of a release mentord following a vdir folder (50 events, inotify), then that and a
  CalDAV collection polled at the default 15 minutes: the goal is 0 while nothing changes.
- vdir change -> re-armed timer: an event file in the vdir is replaced (a temporary file renamed over
  it, as vdirsyncer writes) with the meeting a day later; the time is from the rename until
  GetNextReminder names the new due instant, polled every millisecond on one connection.
- A CalDAV collection of 2,000 events in Radicale (PyPI, pinned in scripts/install-deps) on
  127.0.0.1: the first sync (`AddCalendarSource`, reply after the commit) and a no-change re-sync
  (`SyncCalendarSources`), wall time from the client and bytes on the wire as mentord counts them
  (request and reply bodies, reply headers).

Figures, not a test. Loopback only; the server and its storage go with the work directory.
"""

import datetime
import http.client
import os
import socket
import statistics
import subprocess
import sys
import time

# Meetings from here on: nothing due for years, and the moving meeting is the earliest of all.
# Within the engine's planning window (a meeting years ahead is not planned yet, so moving it
# changes no timer): three days from the run, on the hour.
FIRST = (datetime.datetime.now(datetime.timezone.utc).replace(minute=0, second=0, microsecond=0)
         + datetime.timedelta(days=3))
DAV_EVENTS = 2000
VDIR_EVENTS = 50


def compact(instant):
    return instant.strftime("%Y%m%dT%H%M%SZ")


def vevent(uid, start, title, sequence=0):
    return "\r\n".join([
        "BEGIN:VEVENT", "UID:%s" % uid, "DTSTAMP:20260101T000000Z", "SEQUENCE:%d" % sequence,
        "DTSTART:%s" % compact(start), "DURATION:PT1H", "SUMMARY:%s" % title, "END:VEVENT"])


def vcalendar(events):
    return "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//mentord bench//EN"] + events
                       + ["END:VCALENDAR"]) + "\r\n"


def replace(path, text):
    """Writes `path` as vdirsyncer does: a temporary file renamed over it."""
    with open(path + ".tmp", "w") as f:
        f.write(text)
    os.rename(path + ".tmp", path)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Radicale:
    """Radicale on 127.0.0.1, anonymous, its storage in `folder`."""

    def __init__(self, folder):
        self.folder = folder
        self.process = None
        for _ in range(3):
            self.port = free_port()
            log = open(os.path.join(folder, "radicale.log"), "ab")
            self.process = subprocess.Popen(
                [sys.executable, "-m", "radicale", "--config", "", "--storage-filesystem-folder",
                 os.path.join(folder, "collections"), "--server-hosts", "127.0.0.1:%d" % self.port,
                 "--auth-type", "none", "--web-type", "none", "--logging-level", "warning"],
                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
            log.close()
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline and self.process.poll() is None:
                try:
                    socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                    return
                except OSError:
                    time.sleep(0.02)
            self.stop()
        raise RuntimeError("Radicale did not start; see %s/radicale.log" % folder)

    def request(self, method, path, body=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        try:
            headers = {"Content-Type": "text/calendar; charset=utf-8"} if body else {}
            connection.request(method, path, body=body.encode() if body else None, headers=headers)
            response = connection.getresponse()
            response.read()
            if response.status >= 300:
                raise RuntimeError("%s %s: %d" % (method, path, response.status))
        finally:
            connection.close()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


def next_due(connection):
    reply = connection.call("io.mentord.GetNextReminder")
    return (reply.get("reminder") or {}).get("dueAt")


def run(bench, daemon_class, raw_connection):
    """The section: rows and --json records through `bench`; `daemon_class` and `raw_connection`
    are engine.py's Daemon and RawConnection."""
    bench.out()
    bench.out("6. Followed calendars (issue #13): idle with a vdir and a CalDAV collection, vdir "
              "change -> re-armed timer,")
    bench.out("   CalDAV first sync and no-change re-sync of %s events (Radicale on 127.0.0.1, "
              "sync-collection)" % "{:,}".format(DAV_EVENTS))
    bench.out("   goal: 0 wake-ups while nothing changes; a re-sync of a few hundred bytes")
    daemon = daemon_class(bench, "calendars")
    daemon.start()
    # A connection per phase: mentord closes one left idle through an idle window.
    connection = raw_connection(daemon.socket, timeout=300)
    radicale = None
    try:
        vdir = os.path.join(bench.workdir, "vdir")
        os.makedirs(vdir)
        for i in range(VDIR_EVENTS):
            start = FIRST + datetime.timedelta(days=30 + 7 * i)
            replace(os.path.join(vdir, "event-%d.ics" % i),
                    vcalendar([vevent("vdir-%d@bench" % i, start, "Vdir %d" % i)]))
        moving = os.path.join(vdir, "moving.ics")
        replace(moving, vcalendar([vevent("moving@bench", FIRST, "Moving")]))
        reply = connection.call("io.mentord.AddCalendarSource", {
            "location": vdir, "name": "vdir", "partner": "Bench", "role": "mentee"})
        if not reply["sync"]["ok"]:
            raise RuntimeError("the vdir did not sync: %s" % reply["sync"])
        connection.close()
        time.sleep(bench.settle)
        result = bench.idle_window_count(daemon)
        bench.report_idle("a vdir calendar (%d events)" % (VDIR_EVENTS + 1), result)
        bench.record("calendars.idle_wakeups_per_min.vdir", result["per_thread"], "/min",
                     "a vdir of %d events followed by inotify" % (VDIR_EVENTS + 1))

        connection.close()
        connection = raw_connection(daemon.socket, timeout=300)
        latencies = []
        samples = 10 if bench.quick else 30
        due = next_due(connection)
        for k in range(1, samples + 1):
            start = FIRST + datetime.timedelta(days=k)
            changed = time.monotonic()
            replace(moving, vcalendar([vevent("moving@bench", start, "Moving", sequence=k)]))
            deadline = changed + 10
            while time.monotonic() < deadline:
                now_due = next_due(connection)
                if now_due != due:
                    latencies.append(time.monotonic() - changed)
                    due = now_due
                    break
                time.sleep(0.001)
            else:
                raise RuntimeError("the vdir change did not reach the timer in 10 s")
        bench.series_row("vdir change -> re-armed timer", latencies,
                         "file renamed over -> GetNextReminder names the new due (%d moves)"
                         % samples)
        bench.record_series("calendars.vdir_change_to_timer", latencies,
                            "rename in a followed vdir -> GetNextReminder shows the new due")

        folder = os.path.join(bench.workdir, "radicale")
        os.makedirs(folder)
        radicale = Radicale(folder)
        radicale.request("MKCOL", "/bench/")
        radicale.request("MKCALENDAR", "/bench/work/")
        events = [vevent("dav-%d@bench" % i, FIRST + datetime.timedelta(days=60, hours=5 * i),
                         "CalDAV %d" % i) for i in range(DAV_EVENTS)]
        # One PUT of the whole calendar: Radicale stores each event as its own resource.
        radicale.request("PUT", "/bench/work/", vcalendar(events))
        url = "http://127.0.0.1:%d/bench/work/" % radicale.port
        started = time.monotonic()
        reply = connection.call("io.mentord.AddCalendarSource", {
            "location": url, "name": "dav", "partner": "Bench", "role": "mentee"})
        first = time.monotonic() - started
        sync = reply["sync"]
        if not sync["ok"] or sync["added"] != DAV_EVENTS:
            raise RuntimeError("the CalDAV calendar did not sync: %s" % sync)
        bench.row("CalDAV first sync, %s events" % "{:,}".format(DAV_EVENTS),
                  "%.2f s, %s bytes" % (first, "{:,}".format(sync["bytes"])),
                  "probe, sync-collection, %d multigets; commit included" % -(-DAV_EVENTS // 200))
        bench.record("calendars.caldav_first_sync_s", first, "s", "%d events" % DAV_EVENTS)
        bench.record("calendars.caldav_first_sync_bytes", sync["bytes"], "bytes")
        walls, sizes = [], []
        for _ in range(5):
            started = time.monotonic()
            sync = connection.call("io.mentord.SyncCalendarSources", {"name": "dav"})["syncs"][0]
            walls.append(time.monotonic() - started)
            sizes.append(sync["bytes"])
            if not sync["ok"] or sync["added"] or sync["updated"] or sync["removed"]:
                raise RuntimeError("a no-change re-sync changed something: %s" % sync)
        bench.row("CalDAV no-change re-sync", "%.1f ms, %d bytes" % (
            statistics.median(walls) * 1000, statistics.median(sizes)),
            "median of 5; max %.1f ms" % (max(walls) * 1000))
        bench.record("calendars.caldav_resync_ms", statistics.median(walls) * 1000, "ms",
                     "median of 5, %d events, nothing changed" % DAV_EVENTS)
        bench.record("calendars.caldav_resync_bytes", statistics.median(sizes), "bytes")

        connection.close()
        time.sleep(bench.settle)
        result = bench.idle_window_count(daemon)
        connection = raw_connection(daemon.socket, timeout=300)
        bench.report_idle("vdir + CalDAV (polled every 15 min)", result)
        bench.record("calendars.idle_wakeups_per_min.vdir_caldav", result["per_thread"], "/min",
                     "a vdir and a CalDAV collection of %d events, default interval" % DAV_EVENTS)
    finally:
        connection.close()
        if radicale:
            radicale.stop()
        daemon.stop()
