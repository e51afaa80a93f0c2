#!/usr/bin/env python3
"""Benchmarks of a running mentord: idle wake-ups, lateness, missed due times, control plane, scale,
followed calendars.

Starts its own mentord processes in a temporary directory (private socket, database, config and,
for desktop notifications, a private D-Bus session bus), measures, prints a table and writes it
to bench-results/engine.txt. Every measurement is bounded in time; --quick shortens the windows
for a smoke run. See Benchmarks/README.md for what each figure means and how it is taken. With
--json PATH it also writes the headline figures as rows ({metric, tool, value, unit, note}) that
Benchmarks/side_by_side.py merges with peers.py's.

    python3 Benchmarks/engine.py --bin .build/release [--quick] [--json bench-results/engine.json]

Needs Python 3.8+ and the PyPI `varlink` package. The desktop-notification figure also needs
dbus-daemon and Debian's /usr/bin/python3 with python3-dbus and python3-gi (for the recording
server in Tests/EndToEndTests/Outside); without them that figure is left out.
"""

import argparse
import array
import datetime
import json
import math
import os
import shlex
import select
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from benchlib import (  # noqa: E402  (the helpers shared with peers.py)
    INTERRUPTED, NotReady, catch_signals, checkpoint, log_tail, machine_description, on_signals,
    percentile, proc_cpu_seconds, read_stamps, run_bench, schedstat_cpu_seconds, sleep_until,
    status_kb, stop_popen, thread_switches, utc_now, write_file, write_results)
import calendars  # noqa: E402  (section 6, followed calendars)

try:
    import varlink
except ImportError:  # pragma: no cover - a clear message beats a traceback
    sys.exit("engine.py needs the PyPI varlink package: pip install varlink")

NOTIFICATION_SERVER = os.path.join(REPO, "Tests", "EndToEndTests", "Outside",
                                   "notification_server.py")
SYSTEM_PYTHON = "/usr/bin/python3"  # the notification server needs Debian's python3-dbus and -gi
READY_TIMEOUT = 10.0  # seconds a daemon may take to accept a connection and answer GetStatus
REMINDERS = """\
# Written by Benchmarks/engine.py: no quiet hours, no working-day skips, no merging, so every
# reminder fires exactly at its own instant.
[reminders]
quiet_hours = "off"
working_days = "Mon-Sun"
merge_within = "0"
"""


# The benchmark's sections, in the order they run (`--only` picks some).
SECTIONS = ("idle", "lateness", "missed", "control", "scale", "calendars")


def step_offsets(participation):
    """Only the participation step, so each meeting yields exactly one card at start - offset."""
    return ("purpose=off,preparation=off,plan=off,participation=%s,capture=off,capture_again=off"
            % participation)


LEAD = 5  # seconds between a timed meeting's due instant and its start (participation=5s)
FAR_FUTURE = datetime.datetime(2030, 1, 1, tzinfo=datetime.timezone.utc)
SLEEP_STEP = 0.1  # sleep_until's longest sleep between checks for a signal


# ---------------------------------------------------------------------------------------------
# Small helpers


def rfc3339(epoch):
    """An instant as RFC 3339 UTC with milliseconds, the form mentord replies with."""
    dt = datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (dt.microsecond // 1000)


def parse_rfc3339(text):
    """RFC 3339 (with or without fraction, 'Z' or an offset) to seconds since the epoch."""
    if text.endswith("Z") or text.endswith("z"):
        text = text[:-1] + "+00:00"
    return datetime.datetime.fromisoformat(text).timestamp()


def ms(seconds):
    if seconds != seconds:
        return "n/a"
    # Below 0.1 ms in microseconds: a shell prompt's figure would read "0.00 ms".
    return "%.2f ms" % (seconds * 1000.0) if seconds >= 0.0001 else "%.1f us" % (seconds * 1e6)


def drop_from_page_cache(*paths):
    """Writes `paths` back and drops them from the kernel's page cache; returns those it could.

    A binary the linker has just written sits in the page cache as the large folios of its
    writes, and the kernel maps a whole folio on a fault: the same mentord then measured 20 to
    22 MB resident from run to run. Read in again by faults, as after a boot or once evicted, it
    is mapped as its code is used (about 1 MB less, and the same each run)."""
    dropped = []
    for path in paths:
        if not path or not os.path.exists(path):
            continue
        descriptor = os.open(path, os.O_RDONLY)
        try:
            os.fsync(descriptor)  # dirty pages are not dropped
            os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
            dropped.append(path)
        except OSError:
            pass
        finally:
            os.close(descriptor)
    return dropped


def load_average():
    try:
        return os.getloadavg()
    except OSError:
        return None


def summary(values):
    """n, median, p99 (nearest rank), max and min of a list of seconds."""
    if not values:
        return {"n": 0}
    return {"n": len(values), "median": statistics.median(values),
            "p99": percentile(values, 99), "max": max(values), "min": min(values)}


def read_hook_stamps(path):
    """{meeting id: [(stamp epoch, dueAt text, late flag), ...]} from the hook's stamp file."""
    return read_stamps(path, 4, lambda w: (int(w[0]), (float(w[3]), w[1], w[2] == "1")))


def read_notify_records(path):
    """The Notify calls in the recording notification server's file, in order."""
    records = []
    try:
        with open(path) as f:
            for line in f:
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                if record.get("method") == "Notify":
                    records.append(record)
    except FileNotFoundError:
        pass
    return records


class RawConnection:
    """A minimal Varlink client on a plain socket: one JSON object + NUL out, one back."""

    def __init__(self, path, timeout=None):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        try:
            self.sock.connect(path)
        except OSError:
            self.sock.close()
            raise
        self.buffer = b""

    def call(self, method, parameters=None):
        message = {"method": method}
        if parameters:
            message["parameters"] = parameters
        self.sock.sendall(json.dumps(message).encode() + b"\0")
        while b"\0" not in self.buffer:
            data = self.sock.recv(65536)
            if not data:
                raise ConnectionError("mentord closed the connection")
            self.buffer += data
        reply, _, self.buffer = self.buffer.partition(b"\0")
        reply = json.loads(reply)
        if reply.get("error"):
            raise RuntimeError("%s: %s" % (reply["error"], reply.get("parameters")))
        return reply.get("parameters", {})

    def close(self):
        self.sock.close()


# ---------------------------------------------------------------------------------------------
# Daemons


class Daemon:
    """One mentord process with its own socket, database and config in the work directory.

    hook: the daemon runs a hook that appends "ID DUE_AT LATE STAMP" to `self.stamps` for every
    card; desktop_env: environment with DBUS_SESSION_BUS_ADDRESS of a private bus, and desktop
    notifications on (they are off otherwise)."""

    def __init__(self, bench, name, hook=False, desktop_env=None, notify=False, extra_env=None):
        self.bench = bench
        self.name = name
        # A directory of its own, and every path from the environment: the shipped unit starts
        # mentord with no arguments. The status file (`next`) is kept beside the socket.
        home = os.path.join(bench.workdir, name)
        os.makedirs(os.path.join(home, "config", "mentord"), mode=0o700, exist_ok=True)
        self.socket = os.path.join(home, "socket")
        self.database = os.path.join(home, "data", "mentord", "mentord.sqlite3")
        self.log_path = os.path.join(bench.workdir, name + ".log")
        self.stamps = os.path.join(bench.workdir, name + ".stamps") if hook else None
        self.env = dict(desktop_env or bench.env, MENTORD_SOCKET=self.socket,
                        XDG_DATA_HOME=os.path.join(home, "data"),
                        XDG_CONFIG_HOME=os.path.join(home, "config"))
        self.config_path = os.path.join(home, "config", "mentord", "config.toml")
        with open(self.config_path, "w") as f:
            f.write(config_text(self.stamps, desktop=desktop_env is not None))
        self.process = None
        self.client = None
        self.ready_seconds = None
        self.accept_seconds = None
        self.ready_cpu = None
        self.started = None
        # With notify, the daemon gets a NOTIFY_SOCKET of ours, as under systemd: READY=1 comes
        # once the engine has planned every meeting and armed its timer.
        self.notify_sock = None
        self.planned_seconds = None
        self.planned_cpu = None
        if notify:
            path = os.path.join(bench.workdir, name + ".notify")
            self.notify_sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            self.notify_sock.bind(path)
            self.notify_sock.setblocking(False)
            self.env = dict(self.env, NOTIFY_SOCKET=path)
        if extra_env:
            self.env = dict(self.env, **extra_env)
        self.watchdog_pings = 0

    @property
    def pid(self):
        return self.process.pid

    def start(self, timeout=READY_TIMEOUT):
        """Starts mentord; returns seconds from exec to a GetStatus answered on the socket.
        Raises NotReady (the process keeps running) when that takes longer than `timeout`."""
        self.spawn()
        return self.wait_ready(self.started + timeout)

    def start_unwatched(self, timeout=READY_TIMEOUT):
        """Starts mentord and waits only for READY=1 on the notify socket, as a service manager
        does: no client connects while it starts, so the time and CPU are mentord's own start-up
        (the peers' start-up is timed the same way). Returns seconds from exec to READY=1.
        Raises NotReady (the process keeps running) when that takes longer than `timeout`."""
        if self.notify_sock is None:
            raise RuntimeError("start_unwatched needs a daemon made with notify=True")
        self.spawn()
        if self.wait_notified_ready(self.started + timeout):
            return self.planned_seconds
        if self.process.poll() is not None:
            raise RuntimeError(
                "mentord (%s) exited with %s before READY=1:\n%s"
                % (self.name, self.process.returncode, self.log_tail()))
        raise NotReady("mentord (%s) sent no READY=1 within %.1f s of its start:\n%s"
                       % (self.name, timeout, self.log_tail()))

    def wait_notified_ready(self, deadline):
        """Waits on the notify socket for READY=1 until `deadline`, or until the process exits;
        returns whether it came (`planned_seconds` and `planned_cpu` are set then)."""
        while self.planned_seconds is None:
            checkpoint()
            left = deadline - time.monotonic()
            if left <= 0 or self.process.poll() is not None:
                break
            select.select([self.notify_sock], [], [], min(left, 0.1))
            self.drain_notify()
        return self.planned_seconds is not None

    def spawn(self):
        """Starts the process; `self.started` is the monotonic time of the exec."""
        log = open(self.log_path, "ab")
        argv = [self.bench.mentord]
        self.accept_seconds = None
        self.planned_seconds = self.planned_cpu = None
        self.started = None
        self.drain_notify()  # what an earlier process said (STOPPING=1)
        self.started = time.monotonic()
        try:
            self.process = subprocess.Popen(
                argv, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                env=self.env, close_fds=True,
            )
        finally:
            log.close()
        if self not in self.bench.daemons:
            self.bench.daemons.append(self)

    def wait_ready(self, deadline):
        """Polls the socket (connect, then GetStatus) every millisecond until `deadline`."""
        while True:
            checkpoint()
            self.drain_notify()
            if self.process.poll() is not None:
                raise RuntimeError(
                    "mentord (%s) exited with %s before it was ready:\n%s"
                    % (self.name, self.process.returncode, self.log_tail())
                )
            if time.monotonic() > deadline:
                raise NotReady(
                    "mentord (%s) did not answer GetStatus within %.1f s of its start:\n%s"
                    % (self.name, deadline - self.started, self.log_tail())
                )
            try:
                connection = RawConnection(self.socket,
                                           timeout=max(0.05, deadline - time.monotonic()))
            except OSError:
                time.sleep(0.001)
                continue
            if self.accept_seconds is None:
                self.accept_seconds = time.monotonic() - self.started
            try:
                self.status = connection.call("io.mentord.GetStatus")
            except socket.timeout:
                continue  # accepted but not answering yet: the deadline check above decides
            except (OSError, ConnectionError):
                time.sleep(0.001)
                continue
            finally:
                connection.close()
            break
        self.ready_seconds = time.monotonic() - self.started
        self.ready_cpu = schedstat_cpu_seconds(self.pid)
        if self.notify_sock is not None:
            # Memory is read after planning, as in the unpolled restarts.
            self.wait_notified_ready(time.monotonic() + READY_TIMEOUT + 120.0)
        self.client = varlink.Client.new_with_address("unix:" + self.socket)
        return self.ready_seconds

    def drain_notify(self):
        """Reads what the daemon told its NOTIFY_SOCKET; notes when READY=1 came."""
        if self.notify_sock is None:
            return
        while True:
            try:
                message = self.notify_sock.recv(4096)
            except (BlockingIOError, InterruptedError):
                return
            lines = message.split(b"\n")
            self.watchdog_pings += b"WATCHDOG=1" in lines
            if (self.planned_seconds is None and self.started is not None
                    and b"READY=1" in lines):
                self.planned_seconds = time.monotonic() - self.started
                self.planned_cpu = schedstat_cpu_seconds(self.pid) if self.process else None

    def connect(self):
        """A varlink-package connection to io.mentord (the interface is fetched once per daemon)."""
        return self.client.open("io.mentord")

    def running(self):
        return self.process is not None and self.process.poll() is None

    def stop(self, timeout=10.0):
        stop_popen(self.process, paused=True, timeout=timeout)  # it may be SIGSTOPped

    def log_tail(self, lines=20):
        return log_tail(self.log_path, lines)

    def log_text(self):
        try:
            with open(self.log_path, errors="replace") as f:
                return f.read()
        except OSError:
            return ""


def config_text(stamps=None, desktop=False):
    """A daemon's config: the reminder rules above; the hook when `stamps` is a path (it appends
    "MEETING_ID DUE_AT LATE STAMP" per card: one sh and one date process, as peers.py's hook);
    desktop notifications only on a private bus."""
    text = REMINDERS
    text += "\n[desktop]\nenabled = %s\nopen = []\ntimeout = \"3s\"\n" % (
        "true" if desktop else "false")
    if stamps:
        script = ('echo "$MENTORD_MEETING_ID $MENTORD_DUE_AT $MENTORD_LATE $(date +%%s.%%N)" '
                  '>> %s' % shlex.quote(stamps))
        text += "\n[hook]\ncommand = %s\ntimeout = \"10s\"\n" % json.dumps(
            ["/bin/sh", "-c", script])
    return text


class Watcher:
    """A `mentorctl watch`-like client: Subscribe (more: true) on its own connection, every card
    stamped with time.time() as soon as the varlink package hands it over."""

    def __init__(self, daemon):
        self.daemon = daemon
        self.received = []
        self.ready = threading.Event()
        self.failure = []
        self.sock = daemon.client.open_connection()
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()
        if not self.ready.wait(READY_TIMEOUT) or self.failure:
            raise RuntimeError("Subscribe did not answer {ready: true}: %s" % self.failure)

    def _watch(self):
        try:
            conn = self.daemon.client.open("io.mentord", connection=self.sock)
            for message in conn.Subscribe(_more=True):
                now = time.time()
                if message.get("ready"):
                    self.ready.set()
                reminder = message.get("reminder")
                if reminder:
                    self.received.append((now, reminder))
        except (OSError, BrokenPipeError, ValueError):
            pass  # the socket was shut down at the end
        except Exception as error:
            self.failure.append(error)
        finally:
            self.ready.set()

    def close(self):
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.thread.join(2.0)
        self.sock.close()

    def by_meeting(self):
        cards = {}
        for now, reminder in self.received:
            cards.setdefault(reminder.get("meetingId"), []).append((now, reminder))
        return cards


# ---------------------------------------------------------------------------------------------
# GetStatus clients in processes of their own (no interpreter lock shared between clients)


def _status_client(path, go_read, result_write):
    """Child: connect, say so, wait for the go (a CLOCK_MONOTONIC deadline), call GetStatus in a
    closed loop until it, send back the latencies (doubles) and the end time."""
    code = 0
    try:
        conn = RawConnection(path, timeout=30)
        os.write(result_write, b"k")
        message = b""
        while not message.endswith(b"\n"):
            chunk = os.read(go_read, 64)
            if not chunk:
                os._exit(1)
            message += chunk
        deadline = float(message)
        latencies = array.array("d")
        clock = time.monotonic
        request = json.dumps({"method": "io.mentord.GetStatus"}).encode() + b"\0"
        sock = conn.sock
        while True:
            t = clock()
            if t >= deadline:
                break
            sock.sendall(request)
            data = b""
            while not data.endswith(b"\0"):
                chunk = sock.recv(65536)
                if not chunk:
                    raise ConnectionError("closed")
                data += chunk
            latencies.append(clock() - t)
        latencies.append(clock())  # the last item is the end time
        payload = latencies.tobytes()
        view = memoryview(payload)
        while view:
            view = view[os.write(result_write, view):]
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def getstatus_clients(path, clients, window):
    """`clients` processes calling GetStatus in a closed loop for `window` seconds; returns the
    merged latencies, calls per second and the wall span."""
    children = []
    try:
        for _ in range(clients):
            go_read, go_write = os.pipe()
            result_read, result_write = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(go_write)
                os.close(result_read)
                on_signals(signal.SIG_DFL)
                _status_client(path, go_read, result_write)
            os.close(go_read)
            os.close(result_write)
            children.append((pid, go_write, result_read))
        for pid, _, result_read in children:
            if os.read(result_read, 1) != b"k":
                raise RuntimeError("a GetStatus client could not connect")
        started = time.monotonic()
        deadline = started + window
        for _, go_write, _ in children:
            os.write(go_write, ("%r\n" % deadline).encode())
        merged, end = [], started
        for pid, _, result_read in children:
            data = b""
            while True:
                chunk = os.read(result_read, 1 << 20)
                if not chunk:
                    break
                data += chunk
            values = array.array("d")
            values.frombytes(data[: len(data) - len(data) % 8])
            if not values:
                raise RuntimeError("a GetStatus client failed")
            end = max(end, values[-1])
            merged.extend(values[:-1])
        return merged, len(merged) / (end - started), end - started
    finally:
        for pid, go_write, result_read in children:
            for fd in (go_write, result_read):
                try:
                    os.close(fd)
                except OSError:
                    pass
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass


# ---------------------------------------------------------------------------------------------
# The benchmarks


class Bench:
    def __init__(self, args):
        self.args = args
        self.quick = args.quick
        self.started_at = time.monotonic()
        bindir = os.path.abspath(args.bin)
        self.mentord = os.path.join(bindir, "mentord")
        self.mentorctl = os.path.join(bindir, "mentorctl")
        for binary in (self.mentord, self.mentorctl):
            if not os.access(binary, os.X_OK):
                sys.exit("no executable %s (build first, or pass --bin DIR)" % binary)
        self.workdir = tempfile.mkdtemp(prefix="mentord-bench-")
        # Nothing from the caller's session reaches a daemon: no socket activation, no service
        # manager, and no session bus (desktop notifications go to a private bus only).
        env = {k: v for k, v in os.environ.items()
               if k not in ("NOTIFY_SOCKET", "LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES",
                            "MENTORD_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID",
                            "DBUS_SESSION_BUS_ADDRESS", "MENTORD_FAULT")}
        for var, sub in (("XDG_RUNTIME_DIR", "run"), ("XDG_DATA_HOME", "data"),
                         ("XDG_CONFIG_HOME", "config")):
            path = os.path.join(self.workdir, sub)
            os.makedirs(path, mode=0o700)
            env[var] = path
        self.env = env
        self.daemons = []
        self.helpers = []  # dbus-daemon and the notification server
        self.lines = []
        self.rows = []  # for --json: {metric, tool, value, unit, note}, keys as in side_by_side.py
        self.notes = []
        self.idle_window = args.idle_window or (10.0 if self.quick else 60.0)
        self.settle = args.settle
        self.lateness_samples = args.lateness_samples or (12 if self.quick else 60)
        self.burst_samples = args.burst_samples or (10 if self.quick else 50)
        self.lateness_spacing = 0.25 if self.quick else 0.3
        self.missed_gap = args.missed_gap
        self.missed_observe = 8.0 if self.quick else 15.0
        self.call_window = 1.0 if self.quick else 3.0
        self.client_counts = (1, 8, 64)
        self.process_runs = 10 if self.quick else 50
        if args.scale_sizes:
            self.scale_sizes = [int(x) for x in args.scale_sizes.split(",") if x.strip()]
        else:
            self.scale_sizes = [0, 2000, 20000] if self.quick else [0, 1000, 10000, 100000]
        # One more row: meetings within the planning window, all planned at start-up.
        self.scale_near = 20000 if self.quick else 100000
        if args.scale_near is not None:
            self.scale_near = args.scale_near
        self.scale_restarts = 2 if self.quick else 5
        self.scale_adds = 10 if self.quick else 50

    # -- output --------------------------------------------------------------------------------

    def out(self, line=""):
        checkpoint()
        print(line, flush=True)
        self.lines.append(line)

    def row(self, label, value, note=""):
        self.out("  %-40s %-30s %s" % (label, value, note))

    def record(self, metric, value, unit, note="", **extra):
        """A headline figure for --json, named as peers.py names the peers' figures."""
        if isinstance(value, float) and value != value:
            value = None
        row = {"metric": metric, "tool": "mentord", "value": value, "unit": unit, "note": note}
        row.update(extra)
        self.rows.append(row)

    def record_series(self, prefix, values, note):
        """prefix.n, .median_ms, .p99_ms, .max_ms, as peers.py records lateness."""
        s = summary(values)
        self.record(prefix + ".n", s["n"], "", note)
        if not s["n"]:
            return
        self.record(prefix + ".median_ms", s["median"] * 1000, "ms", "min %s" % ms(s["min"]))
        self.record(prefix + ".p99_ms", s["p99"] * 1000, "ms")
        self.record(prefix + ".max_ms", s["max"] * 1000, "ms")

    def series_row(self, label, values, note=""):
        s = summary(values)
        if not s["n"]:
            self.row(label, "no samples", note)
            return
        self.row(label, "n %d, median %s" % (s["n"], ms(s["median"])),
                 "p99 %s, max %s, min %s%s" % (ms(s["p99"]), ms(s["max"]), ms(s["min"]),
                                               "; " + note if note else ""))

    def cleanup(self):
        # Bounded (SIGKILL after 5 s per daemon), so a second Ctrl-C must not cut it short.
        on_signals(signal.SIG_IGN)
        for daemon in self.daemons:
            try:
                daemon.stop(timeout=5.0)
            except Exception as error:  # keep cleaning up the others
                print("warning: stopping %s: %s" % (daemon.name, error), file=sys.stderr)
        for process in reversed(self.helpers):
            stop_popen(process)
        shutil.rmtree(self.workdir, ignore_errors=True)

    # -- header --------------------------------------------------------------------------------

    def header(self):
        version = subprocess.run([self.mentord, "--version"], capture_output=True, text=True,
                                 timeout=10, env=self.env).stdout.strip() or "?"
        kind = ("release" if "/release" in self.mentord else
                "debug" if "/debug" in self.mentord else "unknown")
        self.description = "mentord %s (%s build): %s" % (version, kind, self.mentord)
        built = datetime.datetime.fromtimestamp(os.path.getmtime(self.mentord),
                                                datetime.timezone.utc)
        self.out("mentord engine benchmarks, %s UTC" % utc_now())
        self.out("machine: %s" % machine_description())
        load = load_average()
        if load:
            self.out("load:    %.2f %.2f %.2f (1, 5, 15 min) at the start" % load)
        self.out("binary:  %s (%s build, mentord %s, built %s UTC)"
                 % (self.mentord, kind, version, built.strftime("%Y-%m-%d %H:%M")))
        newest = newest_source_mtime()
        if newest and newest > os.path.getmtime(self.mentord) + 1:
            self.out("WARNING: the binary is older than the newest file in Sources/ (%s UTC): "
                     "rebuild to measure the current code."
                     % datetime.datetime.fromtimestamp(newest, datetime.timezone.utc)
                     .strftime("%Y-%m-%d %H:%M"))
        self.out("mode:    %s (idle window %g s, settle %g s; lateness %d one at a time every "
                 "%g s and %d on one instant; missed-due gap %g s; %g s call windows; %d "
                 "process runs; scale %s meetings, %d restarts, %d adds each)"
                 % ("quick" if self.quick else "full", self.idle_window, self.settle,
                    self.lateness_samples, self.lateness_spacing, self.burst_samples,
                    self.missed_gap, self.call_window, self.process_runs,
                    "/".join("{:,}".format(n) for n in self.scale_sizes), self.scale_restarts,
                    self.scale_adds))
        self.out("config:  quiet_hours off, working_days Mon-Sun, merge_within 0; desktop "
                 "notifications off except on a private bus; hook only where said")
        self.out("work:    %s (removed afterwards)" % self.workdir)

    # -- 1. idle -------------------------------------------------------------------------------

    def idle_window_count(self, daemon):
        """Context switches over the window: FACTS.md's before/after sums, and a per-thread
        count polled twice a second (reading /proc does not wake the daemon) that also keeps
        the switches of threads that exit during the window."""
        pid = daemon.pid
        first = thread_switches(pid)
        last = dict(first)
        born = set()
        cpu_before = proc_cpu_seconds(pid)
        started = time.monotonic()
        end = started + self.idle_window
        while True:
            now = time.monotonic()
            if now >= end:
                break
            time.sleep(min(0.5, end - now))
            checkpoint()
            for tid, count in thread_switches(pid).items():
                if tid not in first and tid not in born:
                    born.add(tid)
                last[tid] = count
        final = thread_switches(pid)
        elapsed = time.monotonic() - started
        cpu = proc_cpu_seconds(pid) - cpu_before
        scale = 60.0 / elapsed
        facts = (sum(final.values()) - sum(first.values())) * scale
        per_thread = sum(last[t] - first.get(t, 0) for t in last) * scale
        exited = len([t for t in last if t not in final])
        busiest = sorted(((last[t] - first.get(t, 0), t) for t in last), reverse=True)[:3]
        names = []
        for count, tid in busiest:
            if count <= 0:
                continue
            try:
                with open("/proc/%d/task/%d/comm" % (pid, tid)) as f:
                    comm = f.read().strip()
            except OSError:
                comm = "exited"
            names.append("%s %d" % (comm, count))
        return {
            "facts": facts, "per_thread": per_thread, "threads_start": len(first),
            "threads_end": len(final), "born": len(born), "exited": exited,
            "cpu": cpu, "busiest": ", ".join(names) or "none",
            "rss": status_kb(pid, "VmRSS"),
        }

    def report_idle(self, label, result):
        note = "FACTS before/after sums %.1f/min" % result["facts"]
        if result["exited"] or result["born"]:
            note += " (%d thread(s) exited, %d born in the window: the sums are off)" % (
                result["exited"], result["born"])
        self.row(label, "%.1f /min" % result["per_thread"], note)
        self.row("", "", "threads %d->%d; daemon CPU %.2f s; VmRSS %.1f MB at the end; "
                 "busiest: %s" % (result["threads_start"], result["threads_end"], result["cpu"],
                                  (result["rss"] or 0) / 1024.0, result["busiest"]))

    def record_idle(self, meetings, result):
        self.record("idle.wakeups_per_min.%d" % meetings, result["per_thread"], "/min",
                    "counted per thread; FACTS before/after sums %.1f/min; daemon CPU %.2f s"
                    % (result["facts"], result["cpu"]))

    def add_far_future(self, daemon, count, connections=1, first=0, recurring_every=0):
        """Adds `count` meetings from 2030 on (nothing due for years), meeting i at
        2030-01-01 + 53 min * i; every `recurring_every`-th one repeats weekly. Returns adds/s."""
        def worker(indices):
            conn = daemon.connect()
            try:
                for i in indices:
                    if INTERRUPTED:
                        return
                    start = FAR_FUTURE + datetime.timedelta(minutes=53 * i)
                    extra = {}
                    if recurring_every and i % recurring_every == 0:
                        extra["recurrence"] = "weekly"
                    conn.AddMeeting(
                        title="Far meeting %d" % i, partner="Partner %d" % (i % 100),
                        role="mentor", start=start.strftime("%Y-%m-%dT%H:%M:%SZ"),
                        duration="45m", **extra
                    )
            finally:
                conn.close()

        started = time.monotonic()
        indices = range(first, first + count)
        if connections == 1:
            worker(indices)
        else:
            errors = []

            def guarded(part):
                try:
                    worker(part)
                except Exception as error:
                    errors.append(error)

            threads = [threading.Thread(target=guarded, args=(indices[k::connections],),
                                        daemon=True) for k in range(connections)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            if errors:
                raise errors[0]
        return count / (time.monotonic() - started)

    def bench_idle(self):
        self.out()
        self.out("1. Idle wake-ups per minute (voluntary+involuntary context switches over "
                 "/proc/PID/task/*/status;")
        self.out("   counted per thread, polled twice a second, so threads that exit in the "
                 "window still count; 100,000 meetings: see 5.)")
        self.out("   goal: 0 when nothing is due; peers: remind -z 1.0, calcurse --daemon 1.0, "
                 "atd 0")
        daemon = Daemon(self, "idle")
        daemon.start()
        time.sleep(self.settle)
        result = self.idle_window_count(daemon)
        self.report_idle("0 meetings", result)
        self.record_idle(0, result)
        rate = self.add_far_future(daemon, 1000, connections=1)
        time.sleep(self.settle)
        result = self.idle_window_count(daemon)
        self.report_idle("1,000 meetings (from 2030 on)", result)
        self.record_idle(1000, result)
        self.row("(AddMeeting, one connection)", "%.0f adds/s" % rate,
                 "1,000 sequential adds, each committed before its reply")
        self.bench_idle_watchdog()
        return daemon  # reused by the control-plane benchmark

    def bench_idle_watchdog(self):
        """The daemon as installed: the unit's WatchdogSec=60 makes systemd set WATCHDOG_USEC
        (and NOTIFY_SOCKET, here ours), and every ping is a wake-up."""
        daemon = Daemon(self, "idle-watchdog", notify=True,
                        extra_env={"WATCHDOG_USEC": "60000000"})
        daemon.start()
        self.add_far_future(daemon, 1000, connections=1)
        time.sleep(self.settle)
        daemon.drain_notify()
        pings = daemon.watchdog_pings
        result = self.idle_window_count(daemon)
        daemon.drain_notify()
        pings = daemon.watchdog_pings - pings
        self.report_idle("1,000 meetings, WATCHDOG_USEC=60 s", result)
        self.row("", "", "%d WATCHDOG=1 pings in the %g s window (as installed: the unit's "
                 "WatchdogSec=60)" % (pings, self.idle_window))
        self.record("idle.watchdog_wakeups_per_min.1000", result["per_thread"], "/min",
                    "WATCHDOG_USEC=60000000 and a NOTIFY_SOCKET, as systemd sets them for the "
                    "shipped unit; %d pings in %g s; daemon CPU %.2f s"
                    % (pings, self.idle_window, result["cpu"]))
        daemon.stop()

    # -- 2. lateness ---------------------------------------------------------------------------

    def add_timed(self, daemon, dues, prefix, partner):
        """One meeting per due instant (only its participation step, LEAD s before the start);
        returns {meeting id: (title, planned due epoch)}."""
        planned = {}
        conn = RawConnection(daemon.socket, timeout=30)
        try:
            for i, due in enumerate(dues):
                title = "%s %d" % (prefix, i)
                reply = conn.call("io.mentord.AddMeeting", {
                    "title": title, "partner": partner, "role": "mentee",
                    "start": rfc3339(due + LEAD), "duration": "5s",
                    "offsets": step_offsets("%ds" % LEAD)})
                planned[reply["meeting"]["id"]] = (title, due)
        finally:
            conn.close()
        return planned

    def wait_for(self, done, until_epoch):
        while not done() and time.time() < until_epoch:
            time.sleep(0.05)
            checkpoint()

    def bench_lateness(self):
        self.out()
        self.out("2. Lateness: due instant -> hook stamp (`sh -c 'echo ... $(date +%s.%N) >> "
                 "FILE'`, as the peers' hook), -> a Subscribe client, -> the Notify call")
        self.out("   goal: within a few ms; peers (hook, all due on one minute): atd, remind -z "
                 "and -z0 tens to hundreds of ms, calcurse up to a minute")
        daemon = Daemon(self, "lateness", hook=True)
        daemon.start()
        watcher = Watcher(daemon)
        n, b = self.lateness_samples, self.burst_samples
        lead = 2.5 + 0.01 * (n + b)  # time to add the meetings (a few ms each) and some slack
        base = time.time() + lead
        spaced_dues = [base + i * self.lateness_spacing for i in range(n)]
        burst_due = base + n * self.lateness_spacing + 2.0
        spaced = self.add_timed(daemon, spaced_dues, "Due", "Lateness")
        burst = self.add_timed(daemon, [burst_due] * b, "Burst", "Lateness")
        if time.time() > base:
            self.out("   WARNING: adding took past the first due instant: those cards are late "
                     "by construction")
        total = n + b

        def all_in():
            stamps = read_hook_stamps(daemon.stamps)
            return sum(len(v) for v in stamps.values()) >= total and len(watcher.received) >= total

        self.wait_for(all_in, burst_due + 10.0)
        time.sleep(0.5)  # a duplicate would show up here
        watcher.close()
        stamps = read_hook_stamps(daemon.stamps)
        cards = watcher.by_meeting()
        daemon.stop()

        def collect(planned, source):
            samples, repeats, flagged, drift = [], 0, 0, 0
            for ident, (_, due) in planned.items():
                got = source.get(ident) or []
                if not got:
                    continue
                repeats += len(got) - 1
                first = min(got, key=lambda x: x[0])
                samples.append(first[0] - due)
                if first[2]:
                    flagged += 1
                if abs(parse_rfc3339(first[1]) - due) > 0.001:  # dueAt is cut to whole milliseconds
                    drift += 1
            note = "%d of %d" % (len(samples), len(planned))
            if repeats:
                note += "; %d more than once" % repeats
            if flagged:
                note += "; %d flagged late" % flagged
            if drift:
                note += "; %d with a dueAt other than the planned instant" % drift
            return samples, note

        watched = {ident: [(now, r["dueAt"], r.get("late", False)) for now, r in got]
                   for ident, got in cards.items()}
        hook_burst, note_hb = collect(burst, stamps)
        hook_spaced, note_hs = collect(spaced, stamps)
        watch_spaced, note_ws = collect(spaced, watched)
        watch_burst, note_wb = collect(burst, watched)
        self.series_row("hook, %d due on one instant" % b, hook_burst, "hooks ran: " + note_hb)
        self.series_row("hook, one at a time (every %g s)" % self.lateness_spacing, hook_spaced,
                        "hooks ran: " + note_hs)
        self.series_row("Subscribe client, one at a time", watch_spaced, "cards: " + note_ws)
        self.series_row("Subscribe client, %d on one instant" % b, watch_burst,
                        "cards: " + note_wb)
        self.record_series(
            "lateness", hook_burst,
            "%s hooks ran; all due on the same instant, each with its own hook, as the peers' "
            "samples (a shell and a date process per card)" % note_hb)
        self.record_series(
            "lateness.spaced", hook_spaced,
            "%s hooks ran; due instants %g s apart, so each card is alone" %
            (note_hs, self.lateness_spacing))
        self.record_series(
            "lateness.watch", watch_spaced,
            "%s cards; a Python Subscribe client (varlink package), due instants %g s apart; "
            "includes the client's own wake-up and parsing" % (note_ws, self.lateness_spacing))
        self.bench_notify()

    def start_session_bus(self):
        """A private dbus-daemon and the recording notification server on it; returns the
        environment for mentord, or (None, why not)."""
        dbus_daemon = shutil.which("dbus-daemon")
        if not dbus_daemon:
            return None, "no dbus-daemon (Debian package dbus-daemon)"
        if not os.access(SYSTEM_PYTHON, os.X_OK) or subprocess.run(
                [SYSTEM_PYTHON, "-c", "import dbus, gi"], capture_output=True).returncode != 0:
            return None, "%s lacks python3-dbus or python3-gi" % SYSTEM_PYTHON
        busdir = os.path.join(self.workdir, "bus")
        os.makedirs(busdir, mode=0o700)
        address = "unix:path=" + os.path.join(busdir, "bus")
        log = open(os.path.join(busdir, "log"), "ab")
        try:
            bus = subprocess.Popen([dbus_daemon, "--session", "--nofork", "--nopidfile",
                                    "--address=" + address], stdin=subprocess.DEVNULL,
                                   stdout=log, stderr=subprocess.STDOUT, env=self.env)
            self.helpers.append(bus)
            deadline = time.monotonic() + 10
            while not os.path.exists(os.path.join(busdir, "bus")):
                if bus.poll() is not None or time.monotonic() > deadline:
                    return None, "dbus-daemon did not start"
                time.sleep(0.01)
            env = dict(self.env, DBUS_SESSION_BUS_ADDRESS=address)
            self.notify_record = os.path.join(busdir, "record.jsonl")
            ready = os.path.join(busdir, "ready")
            server = subprocess.Popen([SYSTEM_PYTHON, NOTIFICATION_SERVER, "--record",
                                       self.notify_record, "--ready", ready],
                                      stdin=subprocess.DEVNULL, stdout=log,
                                      stderr=subprocess.STDOUT, env=env)
            self.helpers.append(server)
            while not os.path.exists(ready):
                if server.poll() is not None or time.monotonic() > deadline:
                    return None, "the notification server did not start"
                time.sleep(0.01)
        finally:
            log.close()
        return env, ""

    def bench_notify(self):
        env, why = self.start_session_bus()
        label = "Notify call, one at a time"
        if env is None:
            self.row(label, "n/a", why)
            self.record("lateness.notify.n", 0, "", "not measured: " + why)
            return
        daemon = Daemon(self, "notify", desktop_env=env)
        daemon.start()
        n = self.lateness_samples
        base = time.time() + 2.5 + 0.01 * n
        planned = self.add_timed(daemon, [base + i * self.lateness_spacing for i in range(n)],
                                 "Notify", "Desktop")
        self.wait_for(lambda: len(read_notify_records(self.notify_record)) >= n,
                      base + n * self.lateness_spacing + 10.0)
        time.sleep(0.5)
        daemon.stop()
        records = read_notify_records(self.notify_record)
        keys = {": %s with Desktop" % title: (ident, due)
                for ident, (title, due) in planned.items()}
        got = {}
        for record in records:
            summary_text = record.get("summary", "")
            for key, (ident, due) in keys.items():
                if summary_text.endswith(key):
                    got.setdefault(ident, []).append(record["time"] - due)
        samples = [min(v) for v in got.values()]
        repeats = sum(len(v) - 1 for v in got.values())
        note = "%d of %d Notify calls" % (len(samples), n)
        if repeats:
            note += "; %d more than once" % repeats
        self.series_row(label, samples, note)
        self.record_series(
            "lateness.notify", samples,
            "%s; the recording notification server (python3-dbus) on a private dbus-daemon "
            "stamps time.time() when the call arrives; due instants %g s apart"
            % (note, self.lateness_spacing))

    # -- 3. missed due time ---------------------------------------------------------------------

    def bench_missed(self):
        gap = self.missed_gap
        self.out()
        self.out("3. Missed due time: SIGSTOP, or down (SIGTERM, then started again on the same "
                 "database), from due - 5 s to due + %g s" % gap)
        self.out("   two meetings due at the same instant: one starting %g s after the resume "
                 "(still ahead), one that starts %d s after its due instant (started by then)"
                 % (40, LEAD))
        self.out("   peers (down/stopped from due - 10 s to due + 90 s): remind fires after "
                 "SIGCONT, not after a restart; calcurse neither; atd both")
        stopped = Daemon(self, "missed-stop", hook=True)
        down = Daemon(self, "missed-down", hook=True)
        stopped.start()
        down.start()
        watcher = Watcher(stopped)
        due = math.ceil(time.time()) + 8.0
        meetings = {}
        for daemon in (stopped, down):
            conn = RawConnection(daemon.socket, timeout=30)
            try:
                ahead = conn.call("io.mentord.AddMeeting", {
                    "title": "Missed ahead", "partner": "Missed", "role": "mentee",
                    "start": rfc3339(due + gap + 40), "duration": "5m",
                    "offsets": step_offsets("%ds" % (gap + 40))})["meeting"]["id"]
                started = conn.call("io.mentord.AddMeeting", {
                    "title": "Missed started", "partner": "Missed", "role": "mentee",
                    "start": rfc3339(due + LEAD), "duration": "5m",
                    "offsets": step_offsets("%ds" % LEAD)})["meeting"]["id"]
            finally:
                conn.close()
            meetings[daemon.name] = {"ahead": ahead, "started": started}
        sleep_until(due - 5.0, SLEEP_STEP)
        os.kill(stopped.pid, signal.SIGSTOP)
        down.stop()
        sleep_until(due + gap, SLEEP_STEP)
        os.kill(stopped.pid, signal.SIGCONT)
        resumed = {stopped.name: time.time()}
        restart_ready = down.start()
        resumed[down.name] = time.time() - restart_ready  # the exec, as peers.py counts it
        end = time.time() + self.missed_observe
        sleep_until(end, SLEEP_STEP)
        watcher.close()
        cards = watcher.by_meeting()
        for daemon, scenario, how in ((stopped, "sigstop", "SIGCONT"),
                                      (down, "down", "the restart")):
            stamps = read_hook_stamps(daemon.stamps)
            log = daemon.log_text()
            for case in ("ahead", "started"):
                ident = meetings[daemon.name][case]
                times = sorted(t for t, _, _ in stamps.get(ident, []))
                late_flags = [late for _, _, late in stamps.get(ident, [])]
                missed_logged = "Missed participation of 'Missed %s'" % case in log
                metric = "missed.%s" % scenario + ("" if case == "ahead" else "_started")
                what = ("meeting %s; %s from due - 5 s to due + %g s"
                        % ("starting %g s after the resume" % 40 if case == "ahead"
                           else "started %d s after its due instant" % LEAD,
                           "stopped (SIGSTOP)" if scenario == "sigstop" else "down (SIGTERM)",
                           gap))
                if times:
                    late = times[0] - due
                    value = "fired %dx, %.1f s late" % (len(times), late)
                    note = "%s; first hook %.3f s after %s%s" % (
                        what, times[0] - resumed[daemon.name], how,
                        "; the card says late" if any(late_flags) else "")
                else:
                    late = None
                    value = "not fired (missed)" if missed_logged else "not fired"
                    note = "%s; watched %.0f s after %s%s" % (
                        what, self.missed_observe, how,
                        "; logged 'Missed participation ...: it had started'"
                        if missed_logged else "")
                if scenario == "sigstop":
                    note += "; a Subscribe client got %d card(s)" % len(cards.get(ident, []))
                if scenario == "down":
                    note += "; restart ready after %.0f ms" % (restart_ready * 1000)
                self.row("%s, %s" % ("SIGSTOP" if scenario == "sigstop" else "down",
                                     "meeting still ahead" if case == "ahead"
                                     else "meeting started"), value, note)
                self.record(metric, value, "", note, fired=len(times), late_s=late)
        stopped.stop()
        down.stop()

    # -- 4. control plane ----------------------------------------------------------------------

    def varlink_loop(self, daemon):
        """GetStatus in a closed loop on one varlink-package connection (for continuity with
        earlier runs, which used it)."""
        conn = daemon.connect()
        latencies = []
        clock = time.perf_counter
        end = clock() + self.call_window
        try:
            while clock() < end:
                t = clock()
                conn.GetStatus()
                latencies.append(clock() - t)
        finally:
            conn.close()
        return latencies

    def time_process(self, argv):
        walls = []
        output = ""
        for _ in range(self.process_runs):
            checkpoint()
            t = time.perf_counter()
            done = subprocess.run(argv, capture_output=True, text=True, timeout=30, env=self.env)
            walls.append(time.perf_counter() - t)
            if done.returncode != 0:
                first = ((done.stderr or done.stdout).strip().splitlines() or [""])[0]
                return None, "exit %d: %s" % (done.returncode, first[:100])
            output = done.stdout.strip().splitlines()[0] if done.stdout.strip() else ""
        return walls, output

    def bench_control(self, daemon):
        self.out()
        self.out("4. Control plane (daemon holds 1,000 meetings + 1 due within the hour)")
        self.out("   GetStatus in a closed loop, each client a process of its own with a raw "
                 "socket (stdlib json); they share the machine's cores with the daemon")
        self.out("   goal: thousands of calls/s; `mentorctl prompt` fast enough for every shell "
                 "prompt (a bare Foundation binary starts in about 14 ms here)")
        conn = daemon.connect()
        try:
            conn.AddMeeting(title="Soon", partner="Prompt", role="mentee", start="in 30m",
                            duration="30m")
        finally:
            conn.close()
        for clients in self.client_counts:
            cpu_before = proc_cpu_seconds(daemon.pid)
            latencies, rate, span = getstatus_clients(daemon.socket, clients, self.call_window)
            cpu = proc_cpu_seconds(daemon.pid) - cpu_before
            per_call = cpu / len(latencies) if latencies else float("nan")
            p50, p99 = percentile(latencies, 50), percentile(latencies, 99)
            self.row("%d client%s" % (clients, "" if clients == 1 else "s"),
                     "{:,.0f} calls/s".format(rate),
                     "p50 %s, p99 %s; %d calls in %.1f s; daemon CPU %.0f us/call"
                     % (ms(p50), ms(p99), len(latencies), span, per_call * 1e6))
            note = ("%d processes, one raw-socket connection each, closed loop for %g s; daemon "
                    "CPU %.0f us/call" % (clients, self.call_window, per_call * 1e6))
            self.record("control.getstatus_calls_per_s.%d" % clients, rate, "/s", note)
            self.record("control.getstatus_cpu_us.%d" % clients, per_call * 1e6, "us",
                        "daemon CPU (utime + stime) over the window / calls")
            self.record("control.getstatus_p50_ms.%d" % clients, p50 * 1000, "ms")
            self.record("control.getstatus_p99_ms.%d" % clients, p99 * 1000, "ms")
        latencies = self.varlink_loop(daemon)
        self.row("1 connection, varlink package", "{:,.0f} calls/s".format(
            len(latencies) / self.call_window),
            "p50 %s, p99 %s (the Python package's own time included)"
            % (ms(percentile(latencies, 50)), ms(percentile(latencies, 99))))
        for name, key, argv in (
            ("mentorctl next", "next", [self.mentorctl, "next", "--socket", daemon.socket,
                                        "--no-autostart"]),
            ("mentorctl prompt", "prompt", [self.mentorctl, "prompt", "--socket",
                                            daemon.socket]),
        ):
            walls, output = self.time_process(argv)
            if walls is None:
                self.row(name, "n/a", output)
                self.record("control.mentorctl_%s_ms" % key, None, "ms", output)
                continue
            self.row(name + " (whole process)", "median %s" % ms(statistics.median(walls)),
                     "min %s, p99 %s, max %s over %d runs; prints %r"
                     % (ms(min(walls)), ms(percentile(walls, 99)), ms(max(walls)), len(walls),
                        output[:40]))
            self.record("control.mentorctl_%s_ms" % key, statistics.median(walls) * 1000, "ms",
                        "whole process (exec to exit), median of %d; min %s, max %s"
                        % (len(walls), ms(min(walls)), ms(max(walls))))
        for shell, key in (("bash", "bash"), ("zsh", "zsh")):
            self.shell_prompt(daemon, shell, key)
        daemon.stop()

    def shell_prompt(self, daemon, shell, key):
        """shell/mentord-prompt.SHELL's function, which reads the daemon's status file with
        builtins, called in a loop inside one shell: the cost of one prompt, no process."""
        runs = 2000 if self.quick else 20000
        snippet = os.path.join(REPO, "shell", "mentord-prompt." + shell)
        path = shutil.which(shell)
        if path is None:
            self.row("%s prompt, status file" % shell, "n/a", "%s is not installed" % shell)
            self.record("control.shell_prompt_%s_ms" % key, None, "ms", "%s not installed" % shell)
            return
        clock = "zmodload zsh/datetime; " if shell == "zsh" else ""
        script = ("%ssource %s; s=$EPOCHREALTIME; for ((i = 0; i < %d; i++)); do "
                  "__mentord_prompt; done; e=$EPOCHREALTIME; print_=\"$s $e $__mentord_ps1\"; "
                  "echo \"$print_\"" % (clock, shlex.quote(snippet), runs))
        argv = [path, "-f", "-c", script] if shell == "zsh" else \
            [path, "--norc", "--noprofile", "-c", script]
        done = subprocess.run(argv, capture_output=True, text=True, timeout=120,
                              env=dict(self.env, MENTORD_SOCKET=daemon.socket, LC_ALL="C"))
        fields = done.stdout.split(" ", 2)
        if done.returncode != 0 or len(fields) < 3:
            self.row("%s prompt, status file" % shell, "n/a", (done.stderr or done.stdout)[:100])
            self.record("control.shell_prompt_%s_ms" % key, None, "ms", done.stderr[:100])
            return
        per_call = (float(fields[1]) - float(fields[0])) / runs
        shown = fields[2].strip()
        self.row("%s prompt, status file (per prompt)" % shell, ms(per_call),
                 "shell/mentord-prompt.%s in a loop of %d in one shell, builtins only; shows %r"
                 % (shell, runs, shown[:50]))
        self.record("control.shell_prompt_%s_ms" % key, per_call * 1000, "ms",
                    "shell/mentord-prompt.%s: the status file read with builtins, no process; "
                    "mean of %d calls in one shell; shows %r" % (shell, runs, shown[:50]))

    # -- 5. scale ------------------------------------------------------------------------------

    def add_near(self, daemon, count, spacing):
        """Adds `count` single meetings from two hours from now on, `spacing` seconds apart, each
        with only its participation card (5 s before), so nothing is due at once or late."""
        conn = RawConnection(daemon.socket, timeout=30)
        first = time.time() + 7200
        try:
            for i in range(count):
                conn.call("io.mentord.AddMeeting", {
                    "title": "Near meeting %d" % i, "partner": "Partner %d" % i, "role": "mentor",
                    "start": rfc3339(first + spacing * i), "duration": "45m",
                    "offsets": step_offsets("5s")})
        finally:
            conn.close()
        return first

    def fill(self, daemon, count, near=False):
        """Gives the daemon's database `count` meetings from 2030 on, 10% weekly series (near:
        single meetings spread over the next 38 days, the planning window, from two hours from now
        on, each with one participation card). The first (up to) 100 go through AddMeeting, one
        per partner; the rest are copies of them written with SQLite while the daemon is stopped
        (100,000 AddMeeting calls would take minutes), each with its own start and title. Returns
        a note on how."""
        templates = min(count, 100)
        started = time.monotonic()
        base = int(FAR_FUTURE.timestamp() * 1000)
        step = 53 * 60000
        if templates and near:
            step = int((38 * 86400 - 4 * 3600) * 1000 / count)
            base = int(self.add_near(daemon, templates, step / 1000.0) * 1000)
        elif templates:
            self.add_far_future(daemon, templates, connections=1, recurring_every=10)
        daemon.stop()
        if count > templates:
            db = sqlite3.connect(daemon.database)
            try:
                rows = db.execute(
                    "SELECT relationship_id, time_zone, duration_seconds, recurrence, "
                    "reminder_offsets, created_at FROM meeting ORDER BY id").fetchall()
                if len(rows) != templates:
                    raise RuntimeError("expected %d template meetings, found %d"
                                       % (templates, len(rows)))
                with db:
                    db.executemany(
                        "INSERT INTO meeting (relationship_id, title, start, time_zone, "
                        "duration_seconds, purpose, status, created_at, updated_at, "
                        "reminder_offsets, recurrence) VALUES (?, ?, ?, ?, ?, '', 'scheduled', "
                        "?, ?, ?, ?)",
                        ((rows[i % templates][0], "Meeting %d" % i, base + step * i,
                          rows[i % templates][1], rows[i % templates][2], rows[i % templates][5],
                          rows[i % templates][5], rows[i % templates][4],
                          rows[i % templates][3])
                         for i in range(templates, count)))
            finally:
                db.close()
        return ("%d via AddMeeting, %d copied in with SQLite; filled in %.1f s"
                % (templates, count - templates, time.monotonic() - started)
                if count > templates else "all via AddMeeting" if count else "empty database")

    def time_adds(self, daemon, count):
        """AddMeeting round trips on one raw connection, meetings between the far ones."""
        conn = RawConnection(daemon.socket, timeout=30)
        walls = []
        try:
            for j in range(self.scale_adds):
                checkpoint()
                start = FAR_FUTURE + datetime.timedelta(minutes=53 * (count + j) + 7)
                params = {"title": "Added %d" % j, "partner": "Scale adds", "role": "mentor", "start": start.strftime("%Y-%m-%dT%H:%M:%SZ"),
                          "duration": "45m"}
                t = time.perf_counter()
                conn.call("io.mentord.AddMeeting", params)
                walls.append(time.perf_counter() - t)
        finally:
            conn.close()
        return walls

    def restarts(self, daemon):
        """Restarts on the same database: first unwatched ones, timed to READY=1 with no client
        connecting (a client polling the socket makes the daemon accept and answer during its
        start-up, work the peers are not given), then ones polled until GetStatus answers. A
        start over the 10 s bound is waited for (up to 2 minutes more) so that its figure can
        still be reported, and marked."""
        walls, cpus, accepts, hwm, rss, over = [], [], [], [], [], 0
        planned, planned_cpus = [], []
        for _ in range(self.scale_restarts):
            checkpoint()
            daemon.stop()
            try:
                planned.append(daemon.start_unwatched())
                planned_cpus.append(daemon.planned_cpu)
            except NotReady:
                planned.append(None)
                planned_cpus.append(None)
                break  # the polled restarts below wait for it and report it
        for _ in range(self.scale_restarts):
            checkpoint()
            daemon.stop()
            try:
                walls.append(daemon.start())
            except NotReady:
                over += 1
                walls.append(daemon.wait_ready(daemon.started + READY_TIMEOUT + 120.0))
            cpus.append(daemon.ready_cpu)
            accepts.append(daemon.accept_seconds)
            time.sleep(1.0)
            hwm.append(status_kb(daemon.pid, "VmHWM"))
            rss.append(status_kb(daemon.pid, "VmRSS"))
            if over:
                break  # one slow start is enough to know; do not spend minutes on more
        return walls, cpus, accepts, hwm, rss, over, planned, planned_cpus

    def bench_scale(self):
        self.out()
        self.out("5. Scale: start-up to ready (exec -> socket accepts and GetStatus answers), "
                 "memory, adding one meeting")
        self.out("   meetings from 2030 on, 53 min apart, 10%% weekly series, over 100 partners; "
                 "%d restarts per size;" % self.scale_restarts)
        self.out("   ready: GetStatus answers (the socket polled every ms); READY=1: sd_notify on a "
                 "NOTIFY_SOCKET of ours, once every meeting is planned and the timer armed, in "
                 "restarts of their own that no client polls (the peers' 'ready' is after loading, "
                 "with no client)")
        self.out("   VmHWM/VmRSS 1 s after READY=1; AddMeeting round trips on one raw connection")
        self.out("   the last row's meetings lie within the next 38 days (the planning window), so "
                 "start-up plans every one of them: single meetings, one participation card each")
        self.out("   peers (10,000 items): start-up 10-26 ms and 9-26 ms CPU; RSS 2.1-3.1 MB "
                 "(calcurse 12.6 MB at 100,000)")
        self.memory_floor()
        largest = max(self.scale_sizes)
        rows = [(count, False) for count in self.scale_sizes]
        if self.scale_near:
            rows.append((self.scale_near, True))
        for count, near in rows:
            tag = "near_" if near else ""
            daemon = Daemon(self, "scale-%s%d" % (tag, count), notify=True)
            first = daemon.start()
            how = self.fill(daemon, count, near=near)
            walls, cpus, accepts, hwm, rss, over, planned, planned_cpus = self.restarts(daemon)
            stored = daemon.status.get("meetings")
            size = os.path.getsize(daemon.database) / 1e6
            label = "{:,} meetings{}".format(count, " within 38 days" if near else "")
            note = "" if not over else "OVER THE %.0f s READINESS BOUND; " % READY_TIMEOUT
            restarts_ms = ", ".join("%.0f" % (w * 1000) for w in walls)
            self.row(label + ": ready", "median %s" % ms(statistics.median(walls)),
                     "%srestarts %s ms; first start (new db) %s; socket accepted after %s ms; "
                     "GetStatus says %s meetings; %s"
                     % (note, restarts_ms, ms(first),
                        ", ".join("%.0f" % (a * 1000) for a in accepts), stored, how))
            planned = [p for p in planned if p is not None]
            if planned:
                self.row(label + ": READY=1 (planned, armed)",
                         "median %s" % ms(statistics.median(planned)),
                         "sd_notify READY=1 on our NOTIFY_SOCKET, sent once every meeting is "
                         "planned and the timer armed, no client connecting; %s ms"
                         % ", ".join("%.0f" % (p * 1000) for p in planned))
            cpu_known = [c for c in planned_cpus if c is not None] or \
                [c for c in cpus if c is not None]
            cpu_point = "READY=1" if any(c is not None for c in planned_cpus) else "ready"
            if cpu_known:
                polled = [c for c in cpus if c is not None]
                self.row(label + ": CPU to %s" % cpu_point,
                         "median %s" % ms(statistics.median(cpu_known)),
                         "live threads' schedstat at %s; %s ms%s"
                         % (cpu_point, ", ".join("%.0f" % (c * 1000) for c in cpu_known),
                            "; when polled, at GetStatus's answer: median %s" % ms(statistics.median(polled))
                            if polled and cpu_point == "READY=1" else ""))
            self.row(label + ": VmHWM / VmRSS", "%.1f MB / %.1f MB"
                     % (max(hwm) / 1024.0, max(rss) / 1024.0), "database %.1f MB" % size)
            self.record("startup.%sready_ms.%d" % (tag, count), statistics.median(walls) * 1000, "ms",
                        "%sexec -> socket accepts and GetStatus answers; restarts %s ms"
                        % (note, restarts_ms))
            if planned:
                self.record("startup.%splanned_ms.%d" % (tag, count), statistics.median(planned) * 1000,
                            "ms", "exec -> sd_notify READY=1 (every meeting planned, timer "
                            "armed); restarts %s ms"
                            % ", ".join("%.0f" % (p * 1000) for p in planned))
            if cpu_known:
                self.record("startup.%scpu_ms.%d" % (tag, count), statistics.median(cpu_known) * 1000,
                            "ms", "CPU of the live threads at %s (schedstat), %s" % (
                                cpu_point, "no client connecting" if cpu_point == "READY=1"
                                else "GetStatus polling included"))
            self.record("memory.%svmrss_mb.%d" % (tag, count), max(rss) / 1024.0, "MB",
                        "1 s after READY=1, largest of the restarts")
            self.record("memory.%svmhwm_mb.%d" % (tag, count), max(hwm) / 1024.0, "MB",
                        "1 s after READY=1, largest of the restarts")
            if count == largest and count not in (0, 1000) and not near:
                time.sleep(self.settle)
                result = self.idle_window_count(daemon)
                self.report_idle(label + ": idle", result)
                self.record_idle(count, result)
            walls = self.time_adds(daemon, count)
            self.row(label + ": AddMeeting", "median %s" % ms(statistics.median(walls)),
                     "p99 %s, max %s over %d adds (round trip: committed and re-armed)"
                     % (ms(percentile(walls, 99)), ms(max(walls)), len(walls)))
            self.record("scale.%sadd_ms.%d" % (tag, count), statistics.median(walls) * 1000, "ms",
                        "AddMeeting round trip on one raw connection (committed, re-planned, "
                        "timer re-armed), median of %d; p99 %s, max %s"
                        % (len(walls), ms(percentile(walls, 99)), ms(max(walls))))
            daemon.stop()

    def floor_path(self):
        return os.path.join(os.path.dirname(self.mentord), "mentord-floor")

    def memory_floor(self):
        """VmRSS of mentord-floor (Benchmarks/Floor): mentord's outside imports and nothing else,
        waiting as an idle mentord waits. What mentord holds above it is ours."""
        floor = self.floor_path()
        if not os.access(floor, os.X_OK):
            self.row("floor (empty program, same imports)", "n/a", "no %s: `swift build -c "
                     "release --product mentord-floor`" % floor)
            return
        process = subprocess.Popen([floor], env=self.env, stdin=subprocess.DEVNULL)
        try:
            time.sleep(1.0)
            rss = status_kb(process.pid, "VmRSS") / 1024.0
        finally:
            stop_popen(process)
        self.row("floor (empty program, same imports)", "%.1f MB" % rss,
                 "VmRSS of mentord-floor, 1 s after its start")
        self.record("memory.floor_vmrss_mb", rss, "MB", "Benchmarks/Floor: mentord's outside "
                    "imports (Foundation, NIO, GRDB, ...) and nothing else")

    # -- all -----------------------------------------------------------------------------------

    def run(self):
        self.header()
        dropped = drop_from_page_cache(self.mentord, self.mentorctl, self.floor_path())
        self.out("page cache: %s, so that the binaries' pages are read in as after a boot, not "
                 "mapped from the folios the linker wrote"
                 % ("dropped " + ", ".join(os.path.basename(path) for path in dropped)
                    if dropped else "nothing could be dropped (memory figures may run high)"))
        only = set(self.args.only.split(",")) if self.args.only else set(SECTIONS)
        timings = []
        daemon = None
        for name in SECTIONS:
            if name not in only:
                continue
            t = time.monotonic()
            if name == "idle":
                daemon = self.bench_idle()
            elif name == "lateness":
                self.bench_lateness()
            elif name == "missed":
                self.bench_missed()
            elif name == "control":
                if daemon is None:  # run alone: the same 1,000 far-future meetings as idle's
                    daemon = Daemon(self, "control")
                    daemon.start()
                    self.add_far_future(daemon, 1000, connections=1)
                if daemon.running():
                    self.bench_control(daemon)
            elif name == "scale":
                self.bench_scale()
            elif name == "calendars":
                calendars.run(self, Daemon, RawConnection)
            timings.append((name, time.monotonic() - t))
        self.out()
        self.out("(Python client figures include the client's own time; the daemon CPU per call "
                 "does not.)")
        load = load_average()
        self.run_seconds = time.monotonic() - self.started_at
        self.out("total run time %.0f s (%s)%s" % (
            self.run_seconds, ", ".join("%s %.0f s" % (name, s) for name, s in timings),
            "; load %.2f %.2f %.2f at the end" % load if load else ""))
        out_path = self.args.out or os.path.join(REPO, "bench-results", "engine.txt")
        write_file(out_path, "\n".join(self.lines) + "\n")
        if self.args.json:
            self.write_json(self.args.json)

    def write_json(self, path):
        write_results(
            path, "engine.py", self.quick, {"mentord": self.description},
            [
                "mentord lateness is due instant -> the same kind of hook as the peers' (`sh -c` "
                "running `date +%%s.%%N`); 'lateness' has all samples due on one instant, as the "
                "peers' were; 'one at a time' has them %g s apart. Its due instants are to the "
                "millisecond (second-long offsets), the peers' to the minute."
                % self.lateness_spacing,
                "mentord's Subscribe and Notify figures have no peer counterpart: a Python "
                "Subscribe client (as `mentorctl watch`), and the Notify call's arrival at a "
                "recording notification server on a private session bus.",
                "mentord missed-due: down or stopped from due - 5 s to due + %g s (the peers: "
                "due - 10 s to due + 90 s), so 'how late' is the gap; what compares is whether "
                "and how soon after the resume it fires. A step whose meeting has started by "
                "then is recorded as missed, never sent." % self.missed_gap,
                "mentord start-up to ready is exec -> its socket accepts and GetStatus answers, "
                "the socket polled every ms; start-up to READY=1 and CPU (the live threads' "
                "schedstat at READY=1) come from other restarts that no client polls, timed as "
                "the peers' (exec -> blocked in the idle sleep): READY=1 is the point comparable "
                "to the peers' 'ready' (items loaded). Items are meetings in its SQLite database, "
                "10% of them weekly series (the 1,000-meeting idle case: single meetings). Memory "
                "is read 1 s after READY=1.",
            ],
            self.rows, self.run_seconds)


def newest_source_mtime():
    newest = 0.0
    for top in ("Sources", "Package.swift"):
        path = os.path.join(REPO, top)
        if os.path.isfile(path):
            newest = max(newest, os.path.getmtime(path))
        for root, _, files in os.walk(path):
            for name in files:
                newest = max(newest, os.path.getmtime(os.path.join(root, name)))
    return newest or None


def default_bin():
    for kind in ("release", "debug"):
        path = os.path.join(REPO, ".build", kind)
        if os.access(os.path.join(path, "mentord"), os.X_OK):
            return path
    return os.path.join(REPO, ".build", "release")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", default=None,
                        help="directory with mentord and mentorctl (default: .build/release, "
                             "else .build/debug)")
    parser.add_argument("--quick", action="store_true",
                        help="short windows for a smoke run (idle 10 s, fewer samples, scale "
                             "0/2,000/20,000)")
    parser.add_argument("--out", help="where to write the table (default: "
                                      "bench-results/engine.txt)")
    parser.add_argument("--json", help="also write the headline figures as JSON rows here "
                                       "(for Benchmarks/side_by_side.py)")
    parser.add_argument("--only", metavar="SECTION,...",
                        help="run only these sections, in the usual order: " + ", ".join(SECTIONS))
    parser.add_argument("--idle-window", type=float, help="seconds per idle window")
    parser.add_argument("--settle", type=float, default=5.0,
                        help="seconds to wait before each idle window (default 5)")
    parser.add_argument("--lateness-samples", type=int,
                        help="cards timed one at a time, per channel (default 60; quick 12)")
    parser.add_argument("--burst-samples", type=int,
                        help="cards due on one instant (default 50; quick 10)")
    parser.add_argument("--missed-gap", type=float, default=20.0,
                        help="seconds past the due instant that the missed-due daemons stay "
                             "stopped or down (default 20)")
    parser.add_argument("--scale-near", type=int, default=None,
                        help="meetings for the scale row within the next 38 days (default 100000, "
                        "--quick 20000; 0 leaves the row out)")
    parser.add_argument("--scale-sizes",
                        help="comma-separated meeting counts for start-up, memory and adds "
                             "(default 0,1000,10000,100000; quick 0,2000,20000)")
    args = parser.parse_args()
    if args.bin is None:
        args.bin = default_bin()
    if args.only and not set(args.only.split(",")) <= set(SECTIONS):
        parser.error("--only takes a comma-separated list of: " + ", ".join(SECTIONS))
    if args.missed_gap < 10:
        parser.error("--missed-gap must be at least 10 s")

    # Ctrl-C, SIGTERM and SIGHUP all end in the same clean-up.
    catch_signals()
    return run_bench(Bench(args))


if __name__ == "__main__":
    sys.exit(main())
