#!/usr/bin/env python3
"""Benchmarks of a running mentord: idle wakeups, reminder lateness, control plane, start-up.

Starts its own mentord processes in a temporary directory (private socket, database and config),
measures, prints a table and writes it to bench-results/engine.txt. Every measurement is bounded
in time; --quick shortens the windows for a smoke run. See Benchmarks/README.md for what each
figure means and how it is taken. With --json PATH it also writes the headline figures as rows
({metric, tool, value, unit, note}) that Benchmarks/side_by_side.py merges with peers.py's.

    python3 Benchmarks/engine.py --bin .build/release [--quick] [--json bench-results/engine.json]

Needs Python 3.8+ and the PyPI `varlink` package; nothing else.
"""

import argparse
import datetime
import json
import math
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

try:
    import varlink
except ImportError:  # pragma: no cover - a clear message beats a traceback
    sys.exit("engine.py needs the PyPI varlink package: pip install varlink")

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
READY_TIMEOUT = 10.0  # seconds a daemon may take to accept a connection and answer GetStatus
CONFIG = """\
# Written by Benchmarks/engine.py: no quiet hours, no working-day skips, no merging, so every
# reminder fires exactly at its own instant.
[reminders]
quiet_hours = "off"
working_days = "Mon-Sun"
merge_within = "0"
"""
# Only the participation step, so each meeting yields exactly one card at start - 10 s.
ONLY_PARTICIPATION = (
    "purpose=off,preparation=off,plan=off,participation=10s,capture=off,capture_again=off"
)
FAR_FUTURE = datetime.datetime(2030, 1, 1, tzinfo=datetime.timezone.utc)
# Signals received. A KeyboardInterrupt can be swallowed by a bare `except:` in a library (the
# varlink client has some), so the loops also check this list and stop on their own.
INTERRUPTED = []


def checkpoint():
    if INTERRUPTED:
        raise KeyboardInterrupt


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


def percentile(values, p):
    """Nearest-rank percentile: the smallest sample with at least p% of samples at or below."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, math.ceil(p / 100.0 * len(ordered)))
    return ordered[rank - 1]


def ms(seconds):
    return "%.2f ms" % (seconds * 1000.0) if seconds == seconds else "n/a"


def proc_status_kb(pid, key):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return None


def proc_cpu_seconds(pid):
    """utime + stime of the whole process (all threads, live and exited)."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # fields[0] is state (field 3); utime and stime are fields 14 and 15.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def thread_switches(pid):
    """{tid: voluntary + involuntary context switches} over /proc/PID/task/*/status."""
    counts = {}
    try:
        tids = os.listdir("/proc/%d/task" % pid)
    except FileNotFoundError:
        return counts
    for tid in tids:
        total = 0
        try:
            with open("/proc/%d/task/%s/status" % (pid, tid)) as f:
                for line in f:
                    if line.startswith("voluntary_ctxt_switches:") or line.startswith(
                        "nonvoluntary_ctxt_switches:"
                    ):
                        total += int(line.split()[1])
        except (FileNotFoundError, ProcessLookupError):
            continue  # the thread exited between listdir and open
        counts[int(tid)] = total
    return counts


def machine_description():
    model = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return "%d x %s, Linux %s, Python %s" % (
        os.cpu_count() or 0,
        model,
        platform.release(),
        platform.python_version(),
    )


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


class NotReady(RuntimeError):
    """mentord runs but has not answered GetStatus within the bound."""


class Daemon:
    """One mentord process with its own socket, database and config in the work directory."""

    def __init__(self, bench, name, database=None):
        self.bench = bench
        self.name = name
        self.socket = os.path.join(bench.workdir, name + ".sock")
        self.database = database or os.path.join(bench.workdir, name + ".sqlite3")
        self.log_path = os.path.join(bench.workdir, name + ".log")
        self.process = None
        self.client = None
        self.ready_seconds = None
        self.accept_seconds = None
        self.started = None

    @property
    def pid(self):
        return self.process.pid

    def start(self, timeout=READY_TIMEOUT):
        """Starts mentord; returns seconds from exec to a GetStatus answered on the socket.
        Raises NotReady (the process keeps running) when that takes longer than `timeout`."""
        log = open(self.log_path, "ab")
        argv = [
            self.bench.mentord,
            "--socket", self.socket,
            "--database", self.database,
            "--config", self.bench.config_path,
        ]
        self.started = time.monotonic()
        self.accept_seconds = None
        try:
            self.process = subprocess.Popen(
                argv, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                env=self.bench.env, close_fds=True,
            )
        finally:
            log.close()
        if self not in self.bench.daemons:
            self.bench.daemons.append(self)
        return self.wait_ready(self.started + timeout)

    def wait_ready(self, deadline):
        """Polls the socket (connect, then GetStatus) every millisecond until `deadline`."""
        while True:
            checkpoint()
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
                connection.call("io.mentord.GetStatus")
            except socket.timeout:
                continue  # accepted but not answering yet: the deadline check above decides
            except (OSError, ConnectionError):
                time.sleep(0.001)
                continue
            finally:
                connection.close()
            break
        self.ready_seconds = time.monotonic() - self.started
        self.client = varlink.Client.new_with_address("unix:" + self.socket)
        return self.ready_seconds

    def connect(self):
        """A varlink-package connection to io.mentord (the interface is fetched once per daemon)."""
        return self.client.open("io.mentord")

    def stop(self, timeout=10.0):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def log_tail(self, lines=20):
        try:
            with open(self.log_path, errors="replace") as f:
                return "".join(f.readlines()[-lines:])
        except OSError:
            return "(no log)"


# ---------------------------------------------------------------------------------------------
# The benchmarks


class Bench:
    def __init__(self, args):
        self.args = args
        self.quick = args.quick
        bindir = os.path.abspath(args.bin)
        self.mentord = os.path.join(bindir, "mentord")
        self.mentorctl = os.path.join(bindir, "mentorctl")
        for binary in (self.mentord, self.mentorctl):
            if not os.access(binary, os.X_OK):
                sys.exit("no executable %s (build first, or pass --bin DIR)" % binary)
        self.workdir = tempfile.mkdtemp(prefix="mentord-bench-")
        self.config_path = os.path.join(self.workdir, "config.toml")
        with open(self.config_path, "w") as f:
            f.write(CONFIG)
        env = {k: v for k, v in os.environ.items()
               if k not in ("NOTIFY_SOCKET", "LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES",
                            "MENTORD_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID")}
        for var, sub in (("XDG_RUNTIME_DIR", "run"), ("XDG_DATA_HOME", "data"),
                         ("XDG_CONFIG_HOME", "config")):
            path = os.path.join(self.workdir, sub)
            os.makedirs(path, mode=0o700)
            env[var] = path
        self.env = env
        self.daemons = []
        self.lines = []
        self.rows = []  # for --json: {metric, tool, value, unit, note}, keys as in side_by_side.py
        self.idle_window = args.idle_window or (10.0 if self.quick else 60.0)
        self.settle = args.settle
        self.lateness_samples = args.lateness_samples or (12 if self.quick else 60)
        self.lateness_spacing = 0.25 if self.quick else 0.5
        self.call_window = 1.0 if self.quick else 3.0
        self.process_runs = 10 if self.quick else 20
        self.startup_meetings = args.startup_meetings or (2000 if self.quick else 10000)
        self.startup_restarts = 2 if self.quick else 5

    # -- output --------------------------------------------------------------------------------

    def out(self, line=""):
        checkpoint()
        print(line, flush=True)
        self.lines.append(line)

    def row(self, label, value, note=""):
        self.out("  %-38s %-28s %s" % (label, value, note))

    def record(self, metric, value, unit, note=""):
        """A headline figure for --json, named as peers.py names the peers' figures."""
        if isinstance(value, float) and value != value:
            value = None
        self.rows.append({"metric": metric, "tool": "mentord", "value": value, "unit": unit,
                          "note": note})

    def cleanup(self):
        # Bounded (SIGKILL after 5 s per daemon), so a second Ctrl-C must not cut it short.
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, signal.SIG_IGN)
        for daemon in self.daemons:
            try:
                daemon.stop(timeout=5.0)
            except Exception as error:  # keep cleaning up the others
                print("warning: stopping %s: %s" % (daemon.name, error), file=sys.stderr)
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
        self.out("mentord engine benchmarks, %s UTC"
                 % datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M"))
        self.out("machine: %s" % machine_description())
        self.out("binary:  %s (%s build, mentord %s, built %s UTC)"
                 % (self.mentord, kind, version, built.strftime("%Y-%m-%d %H:%M")))
        newest = newest_source_mtime()
        if newest and newest > os.path.getmtime(self.mentord) + 1:
            self.out("WARNING: the binary is older than the newest file in Sources/ (%s UTC): "
                     "rebuild to measure the current code."
                     % datetime.datetime.fromtimestamp(newest, datetime.timezone.utc)
                     .strftime("%Y-%m-%d %H:%M"))
        self.out("mode:    %s (idle window %g s, settle %g s; %d lateness samples; "
                 "%g s call windows; %d process runs; start-up with %s meetings)"
                 % ("quick" if self.quick else "full", self.idle_window, self.settle,
                    self.lateness_samples, self.call_window, self.process_runs,
                    "{:,}".format(self.startup_meetings)))
        self.out("config:  quiet_hours off, working_days Mon-Sun, merge_within 0")

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
        }

    def report_idle(self, label, result):
        note = "FACTS before/after sums %.1f/min" % result["facts"]
        if result["exited"] or result["born"]:
            note += " (%d thread(s) exited, %d born in the window: the sums are off)" % (
                result["exited"], result["born"])
        self.row(label, "%.1f /min" % result["per_thread"], note)
        self.row("", "", "threads %d->%d; daemon CPU %.2f s; busiest: %s"
                 % (result["threads_start"], result["threads_end"], result["cpu"],
                    result["busiest"]))

    def record_idle(self, meetings, result):
        self.record("idle.wakeups_per_min.%d" % meetings, result["per_thread"], "/min",
                    "counted per thread; FACTS before/after sums %.1f/min; daemon CPU %.2f s"
                    % (result["facts"], result["cpu"]))

    def add_far_future(self, daemon, count, connections=1):
        """Adds `count` meetings from 2030 on (nothing due for years); returns adds per second."""
        def worker(indices):
            conn = daemon.connect()
            try:
                for i in indices:
                    if INTERRUPTED:
                        return
                    start = FAR_FUTURE + datetime.timedelta(minutes=53 * i)
                    conn.AddMeeting(
                        title="Far meeting %d" % i, partner="Partner %d" % (i % 100),
                        role="mentor", start=start.strftime("%Y-%m-%dT%H:%M:%SZ"),
                        duration="45m",
                    )
            finally:
                conn.close()

        started = time.monotonic()
        if connections == 1:
            worker(range(count))
        else:
            errors = []

            def guarded(indices):
                try:
                    worker(indices)
                except Exception as error:
                    errors.append(error)

            threads = [threading.Thread(target=guarded, args=(range(k, count, connections),),
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
        self.out("1. Idle wakeups per minute (voluntary+involuntary context switches over "
                 "/proc/PID/task/*/status;")
        self.out("   counted per thread, polled twice a second, so threads that exit in the "
                 "window still count)")
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
        return daemon  # reused by the control-plane benchmark

    # -- 2. lateness ---------------------------------------------------------------------------

    def bench_lateness(self):
        self.out()
        self.out("2. Lateness to a watcher (receive time in a Subscribe client - due instant)")
        self.out("   goal: within a few ms; peers: atd 13-32 ms, remind 40-70 ms (-z0), "
                 "calcurse 3.8-57.8 s")
        daemon = Daemon(self, "lateness")
        daemon.start()
        probe = daemon.connect()
        supported = hasattr(probe, "Subscribe")
        probe.close()
        if not supported:
            self.row("lateness", "n/a", "this mentord has no io.mentord.Subscribe: rebuild")
            daemon.stop()
            return
        n = self.lateness_samples
        received = []
        ready = threading.Event()
        failure = []
        sock = daemon.client.open_connection()

        def watch():
            try:
                conn = daemon.client.open("io.mentord", connection=sock)
                for message in conn.Subscribe(_more=True):
                    now = time.time()
                    if message.get("ready"):
                        ready.set()
                    reminder = message.get("reminder")
                    if reminder:
                        received.append((now, reminder))
                        if len(received) >= n:
                            return
            except (OSError, BrokenPipeError, ValueError):
                pass  # the socket was shut down at the end of the window
            except Exception as error:
                failure.append(error)
            finally:
                ready.set()

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        if not ready.wait(READY_TIMEOUT) or failure:
            raise RuntimeError("Subscribe did not answer {ready: true}: %s" % failure)
        conn = daemon.connect()
        base = time.time() + 3.0
        planned = {}
        try:
            for i in range(n):
                start = rfc3339(base + i * self.lateness_spacing + 10.0)
                reply = conn.AddMeeting(
                    title="Due %d" % i, partner="Lateness", role="mentee",
                    start=start, duration="5s", offsets=ONLY_PARTICIPATION,
                )
                planned[reply["meeting"]["id"]] = parse_rfc3339(start) - 10.0
        finally:
            conn.close()
        added = time.time()
        if added > base:
            self.out("   WARNING: adding took %.1f s, past the first due instant; those cards "
                     "are late by construction" % (added - base + 3.0))
        deadline = time.monotonic() + (base - time.time()) + n * self.lateness_spacing + 5.0
        while len(received) < n and time.monotonic() < deadline and watcher.is_alive():
            time.sleep(0.05)
            checkpoint()
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        watcher.join(2.0)
        sock.close()
        if failure:
            raise failure[0]
        samples, vs_planned, flagged, drift = [], [], 0, []
        for now, reminder in received:
            due = parse_rfc3339(reminder["dueAt"])
            if reminder.get("late"):
                flagged += 1
                continue
            samples.append(now - due)
            expected = planned.get(reminder.get("meetingId"))
            if expected is not None:
                vs_planned.append(now - expected)
                if abs(due - expected) > 0.0005:
                    drift.append(due - expected)
        note = "%d of %d cards received" % (len(received), n)
        if flagged:
            note += "; %d flagged late (excluded)" % flagged
        if not samples:
            self.row("lateness", "no samples", note)
        if vs_planned:
            self.record("lateness.n", len(vs_planned), "",
                        "due instant -> a Subscribe client receives the card; " + note)
            self.record("lateness.median_ms", statistics.median(vs_planned) * 1000, "ms",
                        "min %s" % ms(min(vs_planned)))
            self.record("lateness.p99_ms", percentile(vs_planned, 99) * 1000, "ms")
            self.record("lateness.max_ms", max(vs_planned) * 1000, "ms")
        for label, values in (("vs planned (start - 10 s)", vs_planned),
                              ("vs the card's dueAt", samples)):
            if not values:
                continue
            self.row("%s: n / median" % label,
                     "%d / %s" % (len(values), ms(statistics.median(values))), note)
            self.row("%s: p99 / max" % label,
                     "%s / %s" % (ms(percentile(values, 99)), ms(max(values))),
                     "min %s" % ms(min(values)))
            note = ""
        if drift:
            self.row("dueAt later than planned", "%d of %d cards" % (len(drift), len(vs_planned)),
                     "by %s .. %s: dueAt differs from the planned instant (an older build stamped the moment the timer ran)"
                     % (ms(min(drift)), ms(max(drift))))
        daemon.stop()

    # -- 3. control plane ----------------------------------------------------------------------

    def call_loop(self, daemon, connections, raw):
        """GetStatus in a loop on `connections` connections for the call window."""
        conns = []
        for _ in range(connections):
            if raw:
                conns.append(RawConnection(daemon.socket, timeout=10))
            else:
                conns.append(daemon.connect())
        latencies = [[] for _ in conns]
        barrier = threading.Barrier(connections + 1)
        stop_at = [0.0]
        errors = []

        def worker(index):
            conn = conns[index]
            mine = latencies[index]
            call = (lambda: conn.call("io.mentord.GetStatus")) if raw else conn.GetStatus
            clock = time.perf_counter
            barrier.wait()
            try:
                while clock() < stop_at[0]:
                    t = clock()
                    call()
                    mine.append(clock() - t)
            except Exception as error:
                errors.append(error)

        threads = [threading.Thread(target=worker, args=(i,), daemon=True)
                   for i in range(connections)]
        for t in threads:
            t.start()
        cpu_before = proc_cpu_seconds(daemon.pid)
        started = time.perf_counter()
        stop_at[0] = started + self.call_window
        barrier.wait()
        for t in threads:
            t.join(self.call_window + 30)
        elapsed = time.perf_counter() - started
        cpu = proc_cpu_seconds(daemon.pid) - cpu_before
        for conn in conns:
            conn.close()
        if errors:
            raise errors[0]
        merged = [x for part in latencies for x in part]
        calls = len(merged)
        return {
            "rate": calls / elapsed, "p50": percentile(merged, 50), "p99": percentile(merged, 99),
            "cpu_per_call": cpu / calls if calls else float("nan"), "calls": calls,
        }

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
        self.out("3. Control plane (GetStatus; daemon holds 1,000 meetings + 1 due within the hour)")
        self.out("   goal: thousands of calls/s; `mentorctl prompt` fast enough for every shell "
                 "prompt (a bare Foundation binary starts in about 14 ms here)")
        conn = daemon.connect()
        try:
            conn.AddMeeting(title="Soon", partner="Prompt", role="mentee", start="in 30m",
                            duration="30m")
        finally:
            conn.close()
        for raw in (False, True):
            for connections in (1, 8):
                r = self.call_loop(daemon, connections, raw)
                label = "%d connection%s, %s" % (connections, "" if connections == 1 else "s",
                                                 "raw socket" if raw else "varlink pkg")
                self.row(label, "%.0f calls/s" % r["rate"],
                         "p50 %s, p99 %s; daemon CPU %.0f us/call"
                         % (ms(r["p50"]), ms(r["p99"]), r["cpu_per_call"] * 1e6))
        for name, argv in (
            ("mentorctl next", [self.mentorctl, "next", "--socket", daemon.socket,
                                "--no-autostart"]),
            ("mentorctl prompt", [self.mentorctl, "prompt", "--socket", daemon.socket]),
        ):
            walls, output = self.time_process(argv)
            if walls is None:
                self.row(name, "n/a", output)
                continue
            self.row(name + " (whole process)", "median %s" % ms(statistics.median(walls)),
                     "min %s, max %s over %d runs; prints %r"
                     % (ms(min(walls)), ms(max(walls)), len(walls), output[:40]))
        daemon.stop()

    # -- 4. start-up ---------------------------------------------------------------------------

    def restarts(self, daemon):
        """Restarts on the same database; a start over the 10 s bound is waited for (up to
        2 minutes more) so that its figure can still be reported, and marked."""
        walls, accepts, hwm, rss, over = [], [], [], [], 0
        for _ in range(self.startup_restarts):
            checkpoint()
            daemon.stop()
            try:
                walls.append(daemon.start())
            except NotReady:
                over += 1
                walls.append(daemon.wait_ready(daemon.started + READY_TIMEOUT + 120.0))
            accepts.append(daemon.accept_seconds)
            time.sleep(1.0)
            hwm.append(proc_status_kb(daemon.pid, "VmHWM"))
            rss.append(proc_status_kb(daemon.pid, "VmRSS"))
            if over:
                break  # one slow start is enough to know; do not spend minutes on more
        return walls, accepts, hwm, rss, over

    def bench_startup(self):
        self.out()
        self.out("4. Start-up to ready (exec -> socket accepts and GetStatus answers) and memory")
        self.out("   peers: idle RSS 2.1-2.4 MB; loading 10,000 items: remind 12 ms CPU, atd "
                 "20-42 ms, calcurse about 300 ms")
        for count in (0, self.startup_meetings):
            daemon = Daemon(self, "startup-%d" % count)
            first = daemon.start()
            note = ""
            if count:
                rate = self.add_far_future(daemon, count, connections=4)
                note = "filled at %.0f adds/s (4 connections); " % rate
            walls, accepts, hwm, rss, over = self.restarts(daemon)
            size = os.path.getsize(daemon.database) / 1e6
            if over:
                note = "OVER THE %.0f s READINESS BOUND; " % READY_TIMEOUT + note
            self.row("{:,} meetings: ready".format(count),
                     "median %s" % ms(statistics.median(walls)),
                     "%sfirst start (new db) %s; restarts %s ms; socket accepted after %s ms"
                     % (note, ms(first), ", ".join("%.0f" % (w * 1000) for w in walls),
                        ", ".join("%.0f" % (a * 1000) for a in accepts)))
            self.row("{:,} meetings: VmHWM / VmRSS".format(count),
                     "%.1f MB / %.1f MB" % (max(hwm) / 1024.0, max(rss) / 1024.0),
                     "1 s after ready; database %.1f MB" % size)
            self.record("startup.ready_ms.%d" % count, statistics.median(walls) * 1000, "ms",
                        "exec -> socket accepts and GetStatus answers; restarts %s ms"
                        % ", ".join("%.0f" % (w * 1000) for w in walls))
            self.record("memory.vmrss_mb.%d" % count, max(rss) / 1024.0, "MB", "1 s after ready")
            self.record("memory.vmhwm_mb.%d" % count, max(hwm) / 1024.0, "MB", "1 s after ready")
            daemon.stop()

    # -- all -----------------------------------------------------------------------------------

    def run(self):
        self.header()
        daemon = self.bench_idle()
        self.bench_lateness()
        if daemon.process.poll() is None:
            self.bench_control(daemon)
        self.bench_startup()
        self.out()
        self.out("(Python client figures include the client's own time; the daemon CPU per call "
                 "does not.)")
        out_path = self.args.out or os.path.join(REPO, "bench-results", "engine.txt")
        os.makedirs(os.path.dirname(out_path), exist_ok=True)
        with open(out_path, "w") as f:
            f.write("\n".join(self.lines) + "\n")
        shown = os.path.relpath(out_path)
        print("written to %s" % (out_path if shown.startswith("..") else shown), flush=True)
        if self.args.json:
            self.write_json(self.args.json)

    def write_json(self, path):
        data = {
            "source": "engine.py",
            "generated": datetime.datetime.now(datetime.timezone.utc)
            .strftime("%Y-%m-%d %H:%M UTC"),
            "machine": machine_description(),
            "mode": "quick" if self.quick else "full",
            "tools": {"mentord": self.description},
            "notes": [
                "mentord lateness is due instant -> a Subscribe client receiving the card (no "
                "process is started); its due instants are to the millisecond.",
                "mentord start-up is exec -> its socket accepts and GetStatus answers; it has "
                "no start-up CPU figure; items are meetings in its SQLite database.",
                "mentord's behaviour across a SIGSTOP or a downtime is not measured by "
                "engine.py.",
            ],
            "rows": self.rows,
        }
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        with open(path, "w") as f:
            json.dump(data, f, indent=1)
            f.write("\n")
        shown = os.path.relpath(path)
        print("written to %s" % (path if shown.startswith("..") else shown), flush=True)


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
                        help="short windows for a smoke run (idle 10 s, fewer samples)")
    parser.add_argument("--out", help="where to write the table (default: "
                                      "bench-results/engine.txt)")
    parser.add_argument("--json", help="also write the headline figures as JSON rows here "
                                       "(for Benchmarks/side_by_side.py)")
    parser.add_argument("--idle-window", type=float, help="seconds per idle window")
    parser.add_argument("--settle", type=float, default=5.0,
                        help="seconds to wait before each idle window (default 5)")
    parser.add_argument("--lateness-samples", type=int, help="cards to time")
    parser.add_argument("--startup-meetings", type=int,
                        help="meetings for the large start-up case (default 10000; quick 2000)")
    args = parser.parse_args()
    if args.bin is None:
        args.bin = default_bin()

    def interrupt(signum, frame):
        INTERRUPTED.append(signum)
        raise KeyboardInterrupt

    # Ctrl-C, SIGTERM and SIGHUP all end in the same clean-up (also when started from a shell
    # that ignores SIGINT for background jobs).
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, interrupt)
    bench = Bench(args)
    try:
        bench.run()
    except KeyboardInterrupt:
        print("\ninterrupted; stopping the daemons", file=sys.stderr)
        return 128 + (INTERRUPTED[0] if INTERRUPTED else signal.SIGINT)
    finally:
        bench.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
