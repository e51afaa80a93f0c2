#!/usr/bin/env python3
"""Benchmarks of mentord's peers: `remind -z`, `calcurse --daemon` and `atd`.

Measures what engine.py measures for mentord, the same way where the peers allow it: idle
wake-ups, lateness from the due instant to a hook, what happens to a reminder whose due time
passes while the daemon is stopped or down, start-up time and memory. Every daemon runs on
private files in one temporary directory (atd in its own mount namespace with a private spool),
so the user's calendar, reminders and at queue are never touched. Prints a table, writes it to
bench-results/peers.txt and, with --json PATH, rows that Benchmarks/side_by_side.py merges with
engine.py's. See Benchmarks/README.md.

    python3 Benchmarks/peers.py [--quick] [--json bench-results/peers.json]

Python 3.8+, stdlib only. Installs the Debian packages remind, calcurse and at when they are
missing and it runs as root; otherwise it says what to install and measures what it finds. atd
needs root (mount namespace, setuid jobs).
"""

import argparse
import datetime
import grp
import math
import os
import platform
import pwd
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import side_by_side  # noqa: E402  (the table layout shared with the merge script)
from benchlib import (  # noqa: E402  (the helpers shared with engine.py)
    NotReady, catch_signals, checkpoint, cpu_seconds, log_tail, machine_description, on_signals,
    percentile, proc_read, read_stamps, run_bench, sleep_until, status_kb, stop_popen, switches,
    utc_now, write_file, write_results)

SEARCH_PATH = os.pathsep.join(
    [os.environ.get("PATH", ""), "/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin",
     "/sbin", "/bin"])
PEERS = ("remind", "calcurse", "atd")
# peer -> (Debian package, programs it must provide)
PACKAGES = {"remind": ("remind", ("remind",)), "calcurse": ("calcurse", ("calcurse",)),
            "atd": ("at", ("atd", "at", "atq", "atrm"))}
FAR_FUTURE = datetime.datetime(2030, 1, 1, 9, 0)  # local time; item i is 53 minutes after i-1
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
READY_TIMEOUT = 60.0  # a daemon with 100,000 items may take a while to load
REMIND_PHASES = 5  # remind -z lateness daemons, started at sub-second phases spread evenly
# Syscalls a daemon sits in when it waits for time to pass (numbers per architecture).
SLEEP_SYSCALLS = {
    "x86_64": {7, 23, 34, 35, 128, 130, 230, 232, 270, 271, 281, 441},
    "aarch64": {22, 72, 73, 101, 115, 133, 137, 441},
}.get(platform.machine())
HOOK = """\
#!/bin/sh
# Written by Benchmarks/peers.py: appends "ID SECONDS.NANOSECONDS" to the stamp file $1.
echo "$2 $(date +%s.%N)" >> "$1"
"""


def hhmm(epoch):
    return time.strftime("%H:%M:%S", time.localtime(epoch))


def which(program):
    return shutil.which(program, path=SEARCH_PATH)


# ---------------------------------------------------------------------------------------------
# /proc


def proc_state(pid):
    stat = proc_read(pid, "stat")
    return stat.rsplit(")", 1)[1].split()[0] if stat else None


def alive(pid):
    return proc_state(pid) not in (None, "Z", "X")


def system_atd_pid():
    """The pid of the running system atd (from its pid file), None when none runs."""
    for path in ("/run/atd.pid", "/var/run/atd.pid"):
        try:
            with open(path) as f:
                text = f.read().strip()
        except OSError:
            continue
        if text.isdigit() and alive(int(text)):
            return int(text)
    return None


def in_sleep_syscall(pid):
    """True when the process is blocked in a sleep/poll syscall, False when not, None when
    /proc/PID/syscall cannot tell (no permission, unknown architecture)."""
    if SLEEP_SYSCALLS is None:
        return None
    try:
        text = proc_read(pid, "syscall")
    except PermissionError:
        return None
    if text is None:
        return False
    first = text.split()[0] if text.split() else ""
    if not first.lstrip("-").isdigit():
        return False  # "running"
    return int(first) in SLEEP_SYSCALLS


def wait_idle(pid, started, timeout=READY_TIMEOUT, describe=""):
    """Polls until `pid` blocks in its idle sleep; returns seconds since `started` (monotonic).

    "Idle" is state S inside a sleep/poll syscall (/proc/PID/syscall). Where that file cannot
    be read, it is state S with no CPU time added over five polls (about 3 ms)."""
    deadline = started + timeout
    steady, last_cpu, first_steady = 0, None, None
    while True:
        checkpoint()
        now = time.monotonic()
        state = proc_state(pid)
        if state in (None, "Z", "X"):
            raise RuntimeError("%s (pid %d) exited before it was ready" % (describe, pid))
        if state == "S":
            verdict = in_sleep_syscall(pid)
            if verdict:
                return now - started
            if verdict is None:
                cpu = cpu_seconds(pid)
                if cpu is not None and cpu == last_cpu:
                    steady += 1
                    if steady >= 5:
                        return first_steady - started
                else:
                    steady, first_steady = 0, now
                last_cpu = cpu
        else:
            steady = 0
        if now > deadline:
            raise NotReady("%s (pid %d) not idle within %.0f s" % (describe, pid, timeout))
        time.sleep(0.0005)


# ---------------------------------------------------------------------------------------------
# Items: each peer stores the same "far" items (from 2030 on, 53 minutes apart, so nothing is
# due for years) plus the timed items a test needs.


def far_instants(count):
    for i in range(count):
        yield i, FAR_FUTURE + datetime.timedelta(minutes=53 * i)


def local(epoch):
    return datetime.datetime.fromtimestamp(epoch)


def read_hook_stamps(path):
    """{id: [epoch, ...]} from a hook's stamp file."""
    return read_stamps(path, 2, lambda w: (w[0], float(w[1])))


class Instance:
    """One peer daemon with its own directory, stamp file and log."""

    peer = "?"

    def __init__(self, bench, name):
        self.bench = bench
        self.name = name
        self.dir = os.path.join(bench.workdir, name)
        os.makedirs(self.dir)
        self.stamps = os.path.join(self.dir, "stamps")
        self.log = os.path.join(self.dir, "log")
        self.paused = False
        bench.instances.append(self)

    def hook_command(self, ident):
        return "%s %s %s" % (self.bench.hook, self.stamps, ident)

    def open_log(self):
        return open(self.log, "ab")

    @property
    def pid(self):
        raise NotImplementedError

    def running(self):
        pid = self.pid
        return pid is not None and alive(pid)

    def pause(self):
        os.kill(self.pid, signal.SIGSTOP)
        self.paused = True

    def resume(self):
        os.kill(self.pid, signal.SIGCONT)
        self.paused = False

    def start(self):
        """Starts the daemon; returns (seconds from exec to idle, CPU seconds to get there)."""
        raise NotImplementedError

    def stop(self):
        raise NotImplementedError

    def close(self):
        self.stop()


class ChildInstance(Instance):
    """A peer daemon that runs as this process's child: start() runs argv() with stdin."""

    stdin = subprocess.DEVNULL

    def __init__(self, bench, name):
        super().__init__(bench, name)
        self.process = None

    @property
    def pid(self):
        return self.process.pid if self.process else None

    def argv(self):
        raise NotImplementedError

    def start(self):
        with self.open_log() as log:
            started = time.monotonic()
            self.process = subprocess.Popen(
                self.argv(), cwd=self.dir, env=self.bench.env, stdin=self.stdin, stdout=log,
                stderr=subprocess.STDOUT)
        self.bench.processes.append(self.process)
        wall = wait_idle(self.process.pid, started, describe=self.name)
        return wall, cpu_seconds(self.process.pid)

    def stop(self):
        stop_popen(self.process, self.paused)
        self.paused = False


class Remind(ChildInstance):
    """`remind -z -k'HOOK %s' FILE`: daemon mode, waking every minute to check the file.
    With server=True, `remind -z0` (server mode, as tkremind runs it, commands on stdin)."""

    peer = "remind"

    def __init__(self, bench, name, server=False):
        super().__init__(bench, name)
        self.server = server
        self.file = os.path.join(self.dir, "reminders")
        if server:
            self.peer = "remind -z0"
            self.stdin = subprocess.PIPE  # commands go to its stdin

    def write(self, far=0, timed=()):
        """timed: (id, epoch on a minute) pairs; each becomes `REM date AT hh:mm MSG id`."""
        with open(self.file, "w") as f:
            for ident, epoch in timed:
                t = local(epoch)
                f.write("REM %d %s %d AT %02d:%02d MSG %s\n"
                        % (t.day, MONTHS[t.month - 1], t.year, t.hour, t.minute, ident))
            for i, t in far_instants(far):
                f.write("REM %d %s %d AT %02d:%02d MSG far%d\n"
                        % (t.day, MONTHS[t.month - 1], t.year, t.hour, t.minute, i))

    def argv(self):
        return [self.bench.programs["remind"], "-z0" if self.server else "-z",
                "-k%s %s %%s" % (self.bench.hook, self.stamps), self.file]


class Calcurse(Instance):
    """`calcurse -D DIR --daemon`: forks into the background and checks once a minute whether
    the next appointment is within `notification.warning` seconds; if so it runs
    `notification.command`. The due instant is therefore appointment start - warning."""

    peer = "calcurse"

    def __init__(self, bench, name, warning=60, ident="c"):
        super().__init__(bench, name)
        self.data = os.path.join(self.dir, "data")
        os.makedirs(self.data)
        self.warning = warning
        self.daemon_pid = None
        self.pid_file = os.path.join(self.data, ".daemon.pid")
        with open(os.path.join(self.data, "conf"), "w") as f:
            f.write("notification.warning=%d\n" % warning)
            f.write("notification.command=%s\n" % self.hook_command(ident))
            f.write("notification.notifyall=all\n")
            f.write("daemon.enable=yes\n")
            f.write("daemon.log=no\n")

    def write(self, far=0, timed=()):
        """timed: appointment start instants (on a minute), 1 minute long each."""
        fmt = "%m/%d/%Y @ %H:%M"
        with open(os.path.join(self.data, "apts"), "w") as f:
            for epoch in timed:
                f.write("%s -> %s |due\n" % (local(epoch).strftime(fmt),
                                             local(epoch + 60).strftime(fmt)))
            for i, t in far_instants(far):
                f.write("%s -> %s |Far meeting %d\n"
                        % (t.strftime(fmt), (t + datetime.timedelta(minutes=45)).strftime(fmt),
                           i))

    @property
    def pid(self):
        return self.daemon_pid

    def launch(self):
        """Runs `calcurse --daemon` (which forks and exits); returns (the daemon's pid,
        monotonic start, CPU seconds of the parent)."""
        if self.daemon_pid is None and os.path.exists(self.pid_file):
            os.unlink(self.pid_file)  # a stale lock would make calcurse signal that pid
        with self.open_log() as log:
            started = time.monotonic()
            process = subprocess.Popen(
                [self.bench.programs["calcurse"], "-D", self.data, "--daemon"], cwd=self.dir,
                env=self.bench.env, stdin=subprocess.DEVNULL, stdout=log,
                stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = (os.WEXITSTATUS(status) if os.WIFEXITED(status)
                              else -os.WTERMSIG(status))  # Popen must not wait for it again
        if process.returncode != 0:
            raise RuntimeError("calcurse --daemon (%s) exited %d: %s"
                               % (self.name, process.returncode, log_tail(self.log).strip()))
        deadline = time.monotonic() + 10
        while True:
            try:
                with open(self.pid_file) as f:
                    text = f.read().strip()
                if text.isdigit():
                    break
            except FileNotFoundError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("calcurse (%s) wrote no %s" % (self.name, self.pid_file))
            time.sleep(0.0005)
        self.daemon_pid = int(text)
        self.bench.foreign.append((self.daemon_pid, self.data))
        return self.daemon_pid, started, usage.ru_utime + usage.ru_stime

    def start(self):
        pid, started, parent_cpu = self.launch()
        wall = wait_idle(pid, started, describe=self.name)
        return wall, parent_cpu + (cpu_seconds(pid) or 0.0)

    def stop(self):
        if self.daemon_pid is not None:
            stop_foreign(self.daemon_pid, self.data, self.paused)
        self.daemon_pid = None
        self.paused = False


class Atd(ChildInstance):
    """A private `atd -f`: a holder process keeps a mount namespace in which a fresh tmpfs is
    mounted over /var/spool/cron (atjobs and atspool, owned by daemon, mode 1770 as Debian has
    them) and another over /run (for atd.pid); atd and `at` enter it with nsenter. The system
    spool is never read or written, and the private one vanishes with the namespace (deleting
    100,000 job files from ext4 took up to a minute here). A tmpfs file takes a 4 KiB page, so
    100,000 jobs hold about 400 MB of memory while they exist."""

    peer = "atd"
    MARKER = ".mentord-peers-bench"
    HOLD = ('mount -t tmpfs -o mode=0755 peers-atd-spool /var/spool/cron && '
            'mkdir -m 1770 /var/spool/cron/atjobs /var/spool/cron/atspool && '
            'chown daemon:daemon /var/spool/cron/atjobs /var/spool/cron/atspool && '
            'echo "$1" > /var/spool/cron/atjobs/%s && '
            'mount -t tmpfs -o mode=0755 peers-atd-run /run && '
            'exec sleep 2147483647')

    def __init__(self, bench, name):
        super().__init__(bench, name)
        self.next_job = 1
        with self.open_log() as log:
            self.holder = subprocess.Popen(
                [bench.programs["unshare"], "--mount", "--propagation", "private", "--",
                 "/bin/sh", "-c", self.HOLD % self.MARKER, "sh", self.dir],
                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                env=bench.env, cwd=self.dir)
        bench.processes.append(self.holder)
        # The spool as this process sees it: through the holder's root, inside its namespace.
        self.jobs = "/proc/%d/root/var/spool/cron/atjobs" % self.holder.pid
        marker = os.path.join(self.jobs, self.MARKER)
        deadline = time.monotonic() + 10
        while True:
            try:
                with open(marker) as f:
                    ours = f.read().strip() == self.dir
            except OSError:
                ours = False
            if ours and (proc_read(self.holder.pid, "cmdline") or "").startswith("sleep"):
                break
            if self.holder.poll() is not None or time.monotonic() > deadline:
                raise NamespaceUnavailable(
                    "no private mount namespace for atd: %s" % log_tail(self.log, 3).strip())
            time.sleep(0.002)
        self.write_seq()

    def write_seq(self):
        path = os.path.join(self.jobs, ".SEQ")
        with open(path, "w") as f:
            f.write("%05x\n" % (self.next_job - 1))
        os.chown(path, pwd.getpwnam("daemon").pw_uid, grp.getgrnam("daemon").gr_gid)

    def nsenter(self, *argv):
        return [self.bench.programs["nsenter"], "-t", str(self.holder.pid), "-m", "--"] + list(argv)

    def write(self, far=0, timed=()):
        """Far items are written straight into the private spool in at's job-file format
        (name: queue, job number, minutes since the epoch; mode 0700) -- 100,000 `at` runs would
        take minutes. Timed items go through `at -t` like a user's would."""
        user = pwd.getpwuid(os.getuid()).pw_name
        header = ("#!/bin/sh\n# atrun uid=%d gid=%d\n# mail %s 0\numask 22\ncd / || exit 1\n"
                  % (os.getuid(), os.getgid(), user))
        daemon_gid = grp.getgrnam("daemon").gr_gid
        for i, t in far_instants(far):
            minutes = int(time.mktime(t.timetuple())) // 60
            path = os.path.join(self.jobs, "a%05x%08x" % (self.next_job, minutes))
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o700)
            try:
                os.write(fd, (header + ": far item %d\n" % i).encode())
                os.fchown(fd, os.getuid(), daemon_gid)
            finally:
                os.close(fd)
            self.next_job += 1
        if far:
            self.write_seq()
        for ident, epoch in timed:
            self.submit(ident, epoch)

    def submit(self, ident, epoch):
        stamp = time.strftime("%Y%m%d%H%M", time.localtime(epoch))
        done = subprocess.run(self.nsenter(self.bench.programs["at"], "-M", "-t", stamp),
                              input=self.hook_command(ident) + "\n", capture_output=True,
                              text=True, env=self.bench.env, cwd=self.dir, timeout=30)
        if done.returncode != 0 or "job" not in done.stderr:
            raise RuntimeError("at -t %s failed: %s" % (stamp, done.stderr.strip()))

    def argv(self):
        return self.nsenter(self.bench.programs["atd"], "-f")

    def close(self):
        self.stop()
        stop_popen(self.holder, False)


class NamespaceUnavailable(RuntimeError):
    pass


class SystemAtd(Instance):
    """Fallback when no private atd can run: the system atd, with jobs queued through `at`
    far in the future and removed again with atrm. It is shared, so it is never stopped."""

    peer = "atd"

    def __init__(self, bench, name):
        super().__init__(bench, name)
        self.job_ids = []
        self.system_pid = system_atd_pid()
        if self.system_pid is None:
            raise RuntimeError("no system atd runs (no live pid in /run/atd.pid)")

    @property
    def pid(self):
        return self.system_pid

    def write(self, far=0, timed=()):
        for i, t in far_instants(far):
            self.submit("far%d" % i, time.mktime(t.timetuple()))
        for ident, epoch in timed:
            self.submit(ident, epoch)

    def submit(self, ident, epoch):
        stamp = time.strftime("%Y%m%d%H%M", time.localtime(epoch))
        done = subprocess.run([self.bench.programs["at"], "-M", "-t", stamp],
                              input=self.hook_command(ident) + "\n", capture_output=True,
                              text=True, env=self.bench.env, cwd=self.dir, timeout=30)
        words = done.stderr.split()
        if done.returncode != 0 or "job" not in words:
            raise RuntimeError("at -t %s failed: %s" % (stamp, done.stderr.strip()))
        self.job_ids.append(words[words.index("job") + 1])

    def start(self):
        raise RuntimeError("the system atd is shared: not restarted")

    def stop(self):
        pass

    def close(self):
        if self.job_ids:
            subprocess.run([self.bench.programs["atrm"]] + self.job_ids, capture_output=True,
                           env=self.bench.env, timeout=120)
            self.job_ids = []


def stop_foreign(pid, marker, paused):
    """Stops a daemon that is not our child (calcurse forks), after checking by its command
    line that it is still the one we started."""
    cmdline = (proc_read(pid, "cmdline") or "").replace("\0", " ")
    if marker not in cmdline or not alive(pid):
        return
    try:
        if paused:
            os.kill(pid, signal.SIGCONT)
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 5
        while alive(pid) and time.monotonic() < deadline:
            time.sleep(0.005)
        if alive(pid):
            os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


# ---------------------------------------------------------------------------------------------
# The benchmark


class Bench:
    def __init__(self, args, peers, programs, atd_mode, atd_reason=""):
        self.args = args
        self.atd_reason = atd_reason
        self.quick = args.quick
        self.peers = peers
        self.programs = programs
        self.atd_mode = atd_mode  # "private", "system" or None
        self.workdir = tempfile.mkdtemp(prefix="mentord-peers-")
        home = os.path.join(self.workdir, "home")
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("XDG_", "DBUS_", "CALCURSE", "DOTREMINDERS", "REMIND"))}
        env.update({"HOME": home, "SHELL": "/bin/sh", "LC_ALL": "C",
                    "PATH": SEARCH_PATH, "XDG_RUNTIME_DIR": os.path.join(home, "run"),
                    "XDG_DATA_HOME": os.path.join(home, "data"),
                    "XDG_CONFIG_HOME": os.path.join(home, "config"),
                    "XDG_CACHE_HOME": os.path.join(home, "cache")})
        for var in ("HOME", "XDG_RUNTIME_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME",
                    "XDG_CACHE_HOME"):
            os.makedirs(env[var], mode=0o700, exist_ok=True)
        self.env = env
        self.hook = os.path.join(self.workdir, "hook")
        with open(self.hook, "w") as f:
            f.write(HOOK)
        os.chmod(self.hook, 0o755)
        self.instances = []
        self.processes = []
        self.foreign = []  # (pid, command-line marker) of daemons that are not our children
        self.rows = []
        self.notes = []
        self.lines = []
        # The idle window runs alongside the lateness tests, which take minutes anyway, so
        # --quick keeps the full minute: a shorter window cannot see once-a-minute wake-ups.
        self.window = args.window or 60.0
        self.samples = args.samples or (10 if self.quick else 50)
        self.startup_items = args.startup_items or (2000 if self.quick else 10000)
        self.restarts = 2 if self.quick else 5
        self.observe = 20.0 if self.quick else 65.0
        self.idle_items = [int(x) for x in args.idle_items.split(",") if x.strip()]
        self.server_mode = "remind" in peers and not self.quick and not args.no_server_mode
        self.started = time.monotonic()

    # -- output --------------------------------------------------------------------------------

    def out(self, line=""):
        checkpoint()
        print(line, flush=True)
        self.lines.append(line)

    def progress(self, text):
        print("  [%s] %s" % (time.strftime("%H:%M:%S"), text), file=sys.stderr, flush=True)

    def record(self, tool, metric, value, unit, note="", **extra):
        row = {"metric": metric, "tool": tool, "value": value, "unit": unit, "note": note}
        row.update(extra)
        self.rows.append(row)

    def make(self, peer, name, **kwargs):
        if peer == "remind":
            return Remind(self, name, **kwargs)
        if peer == "calcurse":
            return Calcurse(self, name, **kwargs)
        if self.atd_mode == "system":
            return SystemAtd(self, name)
        return Atd(self, name)

    def cleanup(self):
        on_signals(signal.SIG_IGN)
        self.progress("stopping %d daemon(s) and removing %s" % (len(self.instances), self.workdir))
        for instance in reversed(self.instances):
            try:
                instance.close()
            except Exception as error:  # keep cleaning up the others
                print("warning: stopping %s: %s" % (instance.name, error), file=sys.stderr)
        for pid, marker in self.foreign:
            stop_foreign(pid, marker, True)
        for process in self.processes:
            stop_popen(process, True)
        shutil.rmtree(self.workdir, ignore_errors=True)
        self.progress("done after %.0f s" % (time.monotonic() - self.started))

    # -- header --------------------------------------------------------------------------------

    def versions(self):
        found = {}
        for peer in self.peers:
            package = PACKAGES[peer][0]
            done = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package],
                                  capture_output=True, text=True)
            found[peer] = done.stdout.strip() if done.returncode == 0 else "?"
        return found

    def header(self):
        versions = self.versions()
        self.tools = {}
        if "remind" in self.peers:
            self.tools["remind"] = ("remind %s: `remind -z -k'HOOK %%s' FILE` (daemon mode, "
                                    "checks the file every minute)" % versions["remind"])
            if self.server_mode:
                self.tools["remind -z0"] = ("remind %s: `remind -z0 -k'HOOK %%s' FILE`, server "
                                            "mode as tkremind runs it (lateness only)"
                                            % versions["remind"])
        if "calcurse" in self.peers:
            self.tools["calcurse"] = ("calcurse %s: `calcurse -D DIR --daemon`, "
                                      "notification.command = HOOK" % versions["calcurse"])
        if "atd" in self.peers:
            how = ("a private `atd -f` in its own mount namespace (tmpfs spool and /run)"
                   if self.atd_mode == "private" else
                   "THE SYSTEM atd (%s); test jobs queued with at and removed with atrm "
                   "afterwards" % self.atd_reason)
            self.tools["atd"] = "at %s: %s; jobs run HOOK" % (versions["atd"], how)
        self.out("mentord peers benchmarks, %s UTC" % utc_now())
        self.out("machine:    %s" % machine_description())
        for tool, text in self.tools.items():
            self.out("%-11s %s" % (tool + ":", text))
        self.out("mode:       %s (idle window %g s, settle %g s; %d lateness samples per peer; "
                 "missed-due gap %g s; start-up with %s items, %d restarts)"
                 % ("quick" if self.quick else "full", self.window, self.args.settle,
                    self.samples, self.args.gap, "{:,}".format(self.startup_items),
                    self.restarts))
        self.out("hook:       %s ID, which appends `ID $(date +%%s.%%N)`: a shell and a date "
                 "process per notification" % self.hook)
        self.out("work:       %s (removed afterwards; HOME and XDG_* point into it)" % self.workdir)

    # -- 4. start-up and memory ----------------------------------------------------------------

    def phase_startup(self):
        n = self.startup_items
        for peer in self.peers:
            if peer == "atd" and self.atd_mode != "private":
                self.notes.append("atd start-up and memory: not measured (the system atd is "
                                  "shared and is not restarted).")
                continue
            self.progress("start-up: %s with %s items" % (peer, "{:,}".format(n)))
            instance = None
            try:
                instance = self.make(peer, "%s-startup" % peer)
                instance.write(far=n)
                first_wall, first_cpu = instance.start()
                walls, cpus, rss, hwm = [], [], [], []
                discarded = 0
                while len(walls) < self.restarts:
                    instance.stop()
                    wall, cpu = instance.start()
                    if wall < cpu and discarded < self.restarts:
                        # Seen here about once in a hundred starts: the daemon had used more
                        # CPU than the wall time that passed, so one of the clocks is off
                        # (a virtual machine's vCPUs). Such a start is taken again.
                        discarded += 1
                        continue
                    walls.append(wall)
                    cpus.append(cpu)
                    time.sleep(1.0)
                    rss.append(status_kb(instance.pid, "VmRSS"))
                    hwm.append(status_kb(instance.pid, "VmHWM"))
            except (RuntimeError, OSError) as error:
                self.notes.append("%s start-up: failed: %s" % (peer, error))
                if instance:
                    instance.close()
                continue
            instance.close()
            self.record(peer, "startup.ready_ms.%d" % n, statistics.median(walls) * 1000, "ms",
                        "exec -> blocked in its idle sleep; first start %.1f ms; restarts %s ms%s"
                        % (first_wall * 1000, ", ".join("%.1f" % (w * 1000) for w in walls),
                           "; %d start(s) taken again: less wall than CPU time" % discarded
                           if discarded else ""))
            self.record(peer, "startup.cpu_ms.%d" % n, statistics.median(cpus) * 1000, "ms",
                        "CPU time to get idle; first start %.1f ms" % (first_cpu * 1000))
            self.record(peer, "memory.vmrss_mb.%d" % n, max(rss) / 1024.0, "MB")
            self.record(peer, "memory.vmhwm_mb.%d" % n, max(hwm) / 1024.0, "MB")

    # -- 1-3. the live phase: idle windows, lateness and missed due times together -------------

    def start_idle(self):
        idle = []
        for peer in self.peers:
            for count in self.idle_items:
                if peer == "atd" and self.atd_mode == "system" and count != 1000:
                    # One shared daemon: it can only be measured with one job count, and
                    # 100,000 jobs would take 100,000 `at` runs in the system spool.
                    self.notes.append("atd idle with %s jobs: not measured (only the shared "
                                      "system atd, measured with 1,000 queued jobs)"
                                      % "{:,}".format(count))
                    continue
                self.progress("idle: %s with %s items" % (peer, "{:,}".format(count)))
                instance = self.make(peer, "%s-idle-%d" % (peer, count))
                try:
                    instance.write(far=count)
                    if not isinstance(instance, SystemAtd):
                        instance.start()
                except (RuntimeError, OSError) as error:
                    self.notes.append("%s idle with %d items: failed: %s" % (peer, count, error))
                    instance.close()
                    continue
                idle.append((peer, count, instance))
        return idle

    def idle_window(self, idle, results):
        """Context switches of each idle daemon over the same window (FACTS.md's method)."""
        try:
            deadline = time.monotonic() + self.args.settle
            while time.monotonic() < deadline:
                checkpoint()
                time.sleep(0.1)
            before = {}
            for peer, count, instance in idle:
                pid = instance.pid
                before[instance.name] = (pid, switches(pid), cpu_seconds(pid),
                                         len(os.listdir("/proc/%d/task" % pid)))
            started = time.monotonic()
            results["window_started"] = time.time()
            end = started + self.window
            while time.monotonic() < end:
                checkpoint()
                time.sleep(min(0.25, max(0.0, end - time.monotonic())))
            elapsed = time.monotonic() - started
            for peer, count, instance in idle:
                pid, s0, c0, tasks0 = before[instance.name]
                s1, c1 = switches(pid), cpu_seconds(pid)
                if s1 is None or not alive(pid):
                    results[instance.name] = {"error": "the daemon exited during the window"}
                    continue
                tasks1 = len(os.listdir("/proc/%d/task" % pid))
                results[instance.name] = {
                    "per_min": (s1 - s0) * 60.0 / elapsed, "switches": s1 - s0,
                    "cpu": (c1 - c0) if c0 is not None and c1 is not None else float("nan"),
                    "tasks": (tasks0, tasks1), "rss": status_kb(pid, "VmRSS"),
                    "hwm": status_kb(pid, "VmHWM"), "elapsed": elapsed,
                }
        except KeyboardInterrupt:
            pass
        except Exception as error:  # reported by the main thread
            results["error"] = error

    def phase_live(self):
        idle = self.start_idle()
        idle_results = {}
        idle_thread = threading.Thread(target=self.idle_window, args=(idle, idle_results),
                                       daemon=True)
        idle_thread.start()

        # The schedule, on minute boundaries (the peers' granularity):
        #   B1        atd lateness burst; the due instant of every missed-due test
        #   B1+30 s   calcurse lateness due instant (appointments at B1+120 s, warning 90 s);
        #             the n daemons were started at phases spread evenly over the minute before
        #   B2        remind -z lateness burst (on 5 daemons, see below)
        #   B3        remind -z0 lateness burst (full mode)
        #   B1-10 s   missed-due instances stopped (SIGSTOP) or taken down (SIGTERM)
        #   B1+gap    ... and continued (SIGCONT) or started again
        b1 = math.ceil((time.time() + 40.0) / 60.0) * 60.0
        b2, b3 = b1 + 60, b1 + 120
        cal_due = b1 + 30
        n = self.samples
        gap = self.args.gap
        plan = []
        if "atd" in self.peers:
            plan.append("atd lateness %s" % hhmm(b1))
        if "calcurse" in self.peers:
            plan.append("calcurse lateness %s" % hhmm(cal_due))
        if "remind" in self.peers:
            plan.append("remind lateness %s" % hhmm(b2))
        if self.server_mode:
            plan.append("remind -z0 lateness %s" % hhmm(b3))
        lateness = []  # (tool, instance, {id: due})
        events = []
        if "atd" in self.peers:
            try:
                instance = self.make("atd", "atd-lateness")
                ids = {"a%d" % i: b1 for i in range(n)}
                instance.write(timed=sorted(ids.items()))
                if not isinstance(instance, SystemAtd):
                    instance.start()
                lateness.append(("atd", instance, ids))
            except (RuntimeError, OSError) as error:
                self.notes.append("atd lateness: failed: %s" % error)
        if "remind" in self.peers:
            # remind -z sleeps whole seconds from wherever in the second it last woke, so its
            # lateness carries the sub-second phase of its start: one daemon would give one
            # random draw. The samples are split over REMIND_PHASES daemons started at phases
            # spread evenly over a second. remind -z0 wakes on the exact minute: one daemon.
            for server, due, tool in ((False, b2, "remind"), (True, b3, "remind -z0")):
                if server and not self.server_mode:
                    continue
                daemons = 1 if server else min(REMIND_PHASES, n)
                instances, ids = [], {}
                try:
                    for j in range(daemons):
                        instance = Remind(self, "%s-lateness-%d" % (tool.replace(" ", ""), j),
                                          server=server)
                        mine = {"r%d" % i: due for i in range(j, n, daemons)}
                        instance.write(timed=sorted(mine.items()))
                        if not server:
                            sleep_until(math.floor(time.time()) + 1 + (j + 0.5) / daemons)
                        instance.start()
                        instances.append(instance)
                        ids.update(mine)
                    lateness.append((tool, instances, ids))
                except (RuntimeError, OSError) as error:
                    self.notes.append("%s lateness: failed: %s" % (tool, error))
        if "calcurse" in self.peers:
            calcurse = []
            for i in range(n):
                instance = Calcurse(self, "calcurse-lateness-%02d" % i, warning=90,
                                    ident="c%d" % i)
                instance.write(timed=[cal_due + 90])
                offset = (i + 0.5) * 60.0 / n
                events.append((cal_due - 60 + offset, "start calcurse %d" % i,
                               lambda inst=instance: inst.launch()))
                calcurse.append(instance)
            lateness.append(("calcurse", calcurse, {"c%d" % i: cal_due for i in range(n)}))

        missed = []  # (tool, scenario, instance, due)
        for peer in self.peers:
            if peer == "atd" and self.atd_mode != "private":
                self.notes.append("atd missed-due tests: not measured (the system atd is shared "
                                  "and is not stopped).")
                continue
            for scenario in ("sigstop", "down"):
                try:
                    if peer == "calcurse":
                        instance = Calcurse(self, "calcurse-missed-%s" % scenario, warning=60,
                                            ident="m")
                        instance.write(timed=[b1 + 60])
                    else:
                        instance = self.make(peer, "%s-missed-%s" % (peer, scenario))
                        instance.write(timed=[("m", b1)])
                    instance.start()
                    missed.append((peer, scenario, instance, b1))
                except (RuntimeError, OSError) as error:
                    self.notes.append("%s missed-due (%s): failed: %s" % (peer, scenario, error))
        resumed = {}

        def take_down():
            for peer, scenario, instance, due in missed:
                try:
                    if scenario == "sigstop":
                        instance.pause()
                    else:
                        instance.stop()
                except OSError as error:
                    self.notes.append("%s missed-due (%s): %s" % (peer, scenario, error))

        def bring_back():
            for peer, scenario, instance, due in missed:
                resumed[instance.name] = time.time()
                try:
                    if scenario == "sigstop":
                        instance.resume()
                    else:
                        instance.start()
                except (RuntimeError, OSError) as error:
                    self.notes.append("%s missed-due (%s) resume: %s" % (peer, scenario, error))

        if missed:
            events.append((b1 - 10, "stop the missed-due daemons", take_down))
            events.append((b1 + gap, "continue/restart the missed-due daemons", bring_back))
        events.sort(key=lambda e: e[0])
        if missed:
            plan.append("missed due %s (stopped or down %s..%s)"
                        % (hhmm(b1), hhmm(b1 - 10), hhmm(b1 + gap)))
        self.progress("schedule: %s" % ", ".join(plan))
        if events and time.time() > events[0][0]:
            self.notes.append("set-up ran late: the first scheduled event was %.1f s late"
                              % (time.time() - events[0][0]))
        for when, label, action in events:
            sleep_until(when)
            if time.time() - when > 0.5:
                self.progress("late by %.1f s: %s" % (time.time() - when, label))
            try:
                action()
            except (RuntimeError, OSError) as error:
                self.notes.append("%s: %s" % (label, error))
        ends = {"atd": b1 + 10, "remind": b2 + 10, "remind -z0": b3 + 10,
                "calcurse": cal_due + 65}
        end = max([ends[tool] for tool, _, _ in lateness]
                  + ([b1 + gap + self.observe] if missed else []) + [time.time()])
        self.progress("waiting until %s for the last notifications" % hhmm(end))
        sleep_until(end)
        while idle_thread.is_alive():
            checkpoint()
            idle_thread.join(0.25)
        if "error" in idle_results:
            raise idle_results["error"]
        self.report_idle(idle, idle_results)
        self.report_lateness(lateness)
        self.report_missed(missed, resumed, gap)

    def report_idle(self, idle, results):
        for peer, count, instance in idle:
            result = results.get(instance.name)
            metric = "idle.wakeups_per_min.%d" % count
            if not result or "error" in result:
                self.record(peer, metric, None, "/min",
                            (result or {}).get("error", "not measured"))
                continue
            note = "%d switches in %.0f s; CPU %.3f s" % (result["switches"], result["elapsed"],
                                                          result["cpu"])
            if result["tasks"][0] != result["tasks"][1]:
                note += "; threads %d->%d" % result["tasks"]
            if isinstance(instance, SystemAtd):
                note += "; the system atd (holding whatever else is queued there)"
            self.record(peer, metric, result["per_min"], "/min", note)
            if result["rss"] is not None and count != self.startup_items:
                self.record(peer, "memory.vmrss_mb.%d" % count, result["rss"] / 1024.0, "MB")

    def report_lateness(self, lateness):
        for tool, instances, ids in lateness:
            if not isinstance(instances, list):
                instances = [instances]
            stamps = {}
            for instance in instances:
                for ident, times in read_hook_stamps(instance.stamps).items():
                    stamps.setdefault(ident, []).extend(times)
            samples = [min(stamps[i]) - due for i, due in ids.items() if i in stamps]
            repeats = sum(len(stamps[i]) - 1 for i in ids if i in stamps)
            note = "%d of %d hooks ran" % (len(samples), len(ids))
            if repeats:
                note += "; %d ran more than once" % repeats
            if tool == "calcurse":
                note += ("; one daemon per sample, started at phases spread evenly over the "
                         "minute (calcurse checks once a minute and notifies one appointment "
                         "per check)")
            elif len(instances) > 1:
                note += ("; all due at the same minute, each with its own hook, on %d daemons "
                         "started at phases spread evenly over a second (remind -z sleeps "
                         "whole seconds)" % len(instances))
            elif len(set(ids.values())) == 1:
                note += "; all due at the same minute, each with its own hook"
            self.record(tool, "lateness.n", len(samples), "", note)
            if not samples:
                continue
            self.record(tool, "lateness.median_ms", statistics.median(samples) * 1000, "ms",
                        "min %.1f ms" % (min(samples) * 1000))
            self.record(tool, "lateness.p99_ms", percentile(samples, 99) * 1000, "ms")
            self.record(tool, "lateness.max_ms", max(samples) * 1000, "ms")

    def report_missed(self, missed, resumed, gap):
        for peer, scenario, instance, due in missed:
            times = sorted(read_hook_stamps(instance.stamps).get("m", []))
            back = resumed.get(instance.name)
            how = "SIGCONT" if scenario == "sigstop" else "the restart"
            if peer == "calcurse":
                what = ("appointment at due + 60 s, notification.warning 60 s; down/stopped "
                        "from due - 10 s to due + %g s" % gap)
            else:
                what = "down/stopped from due - 10 s to due + %g s" % gap
            if times:
                late = times[0] - due
                value = "fired %dx, %.1f s late" % (len(times), late)
                note = "%s; first hook %.2f s after %s" % (
                    what, times[0] - back if back else float("nan"), how)
            else:
                late = None
                value = "not fired"
                note = "%s; watched %.0f s after %s" % (what, self.observe, how)
            self.record(peer, "missed.%s" % scenario, value, "", note, fired=len(times),
                        late_s=late)

    # -- all -----------------------------------------------------------------------------------

    def run(self):
        self.header()
        self.progress("start-up phase (nothing else runs)")
        self.phase_startup()
        self.progress("live phase: idle windows, lateness and missed-due tests side by side")
        self.phase_live()
        self.notes[:0] = [
            "Items are far-future entries (from 2030 on, 53 minutes apart): REM lines for "
            "remind, appointments for calcurse, at jobs for atd.",
            "Idle: voluntary + involuntary context switches summed over /proc/PID/task/*/status "
            "before and after the window, per minute; all idle daemons share one window, which "
            "overlaps the lateness tests (other processes' work does not wake an idle one).",
            "Peer lateness is due instant -> a hook that stamps `date +%s.%N` (a shell and a "
            "date process included). All three peers work to the minute; calcurse's due instant "
            "is appointment start - notification.warning.",
            "Peer start-up is exec -> the daemon blocks in its idle sleep (/proc/PID/syscall); "
            "CPU is the daemon's (calcurse: plus the parent that forks it). Memory is read 1 s "
            "after ready (start-up items) or at the end of the idle window (idle items).",
        ]
        if "atd" in self.peers:
            self.notes.append("atd waits on a CLOCK_REALTIME timer armed for the next job, or an "
                              "hour ahead when nothing is due (seen with strace here), so it "
                              "wakes about once an hour when idle: a 60 s window shows 0.")
        if self.atd_mode == "private":
            self.notes.append("atd runs privately: each instance has its own mount namespace "
                              "with fresh tmpfs mounts over /var/spool/cron and /run; the "
                              "system at queue is never touched.")
        self.out()
        tools = [t for t in side_by_side.TOOL_ORDER if t in self.tools] + \
                [t for t in self.tools if t not in side_by_side.TOOL_ORDER]
        for line in side_by_side.render(self.rows, tools):
            self.out(line)
        self.out()
        self.out("Details:")
        for row in sorted(self.rows, key=lambda r: (side_by_side.metric_sort_key(r["metric"]),
                                                     tools.index(r["tool"])
                                                     if r["tool"] in tools else 99)):
            if row.get("note"):
                self.out("  %-28s %-11s %s" % (row["metric"], row["tool"], row["note"]))
        self.out()
        self.out("Notes:")
        for note in self.notes:
            self.out("- " + note)
        self.out()
        self.out("total run time %.0f s" % (time.monotonic() - self.started))
        out_path = self.args.out or os.path.join(REPO, "bench-results", "peers.txt")
        write_file(out_path, "\n".join(self.lines) + "\n")
        if self.args.json:
            write_results(self.args.json, "peers.py", self.quick, self.tools, self.notes,
                          self.rows, time.monotonic() - self.started)


# ---------------------------------------------------------------------------------------------
# Set-up


def ensure_installed(wanted, allow_install):
    """{program: path}; installs missing packages with apt-get when root, else says what to
    install. Returns (programs, peers that can run)."""
    def missing_packages():
        return sorted({PACKAGES[p][0] for p in wanted
                       if any(which(prog) is None for prog in PACKAGES[p][1])})

    missing = missing_packages()
    if missing and allow_install and os.geteuid() == 0 and which("apt-get"):
        print("installing %s with apt-get" % " ".join(missing), file=sys.stderr, flush=True)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        command = ["apt-get", "install", "-y", "--no-install-recommends"] + missing
        if subprocess.run(command, env=env).returncode != 0:
            subprocess.run(["apt-get", "update"], env=env)
            subprocess.run(command, env=env)
        if "at" in missing:
            print("note: on a machine run by systemd, installing `at` also enables and starts "
                  "the system atd; peers.py does not use it.", file=sys.stderr)
        missing = missing_packages()
    if missing:
        print("peers.py: not installed: %s; install with: sudo apt-get install %s"
              % (", ".join(missing), " ".join(missing)), file=sys.stderr)
    programs = {}
    for name in ("remind", "calcurse", "atd", "at", "atq", "atrm", "unshare", "nsenter"):
        if which(name):
            programs[name] = which(name)
    peers = [p for p in wanted if all(prog in programs for prog in PACKAGES[p][1])]
    return programs, peers


def atd_mode(programs, force_system=False):
    """"private" when this process may run atd in its own mount namespace, "system" when only
    the system atd can be used, None when atd cannot be measured; plus the reason."""
    if os.geteuid() != 0:
        return None, "atd needs root here (a private atd runs in its own mount namespace)"
    if force_system:
        reason = "--atd-system was given"
    elif "unshare" in programs and "nsenter" in programs:
        probe = subprocess.run([programs["unshare"], "--mount", "--propagation", "private",
                                "--", "true"], capture_output=True, text=True)
        if probe.returncode == 0:
            return "private", ""
        reason = "unshare --mount failed: %s" % probe.stderr.strip()
    else:
        reason = "unshare/nsenter (util-linux) not found"
    if system_atd_pid() is not None:
        return "system", reason
    return None, reason + "; and no system atd runs"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="a smoke run: 10 samples, 2,000 start-up items, 2 restarts, no "
                             "remind -z0, 20 s watch after the missed due time (still about 3 "
                             "minutes: the peers work to the minute)")
    parser.add_argument("--window", type=float,
                        help="seconds of the idle window (default 60, also with --quick)")
    parser.add_argument("--settle", type=float, default=5.0,
                        help="seconds between the daemons' start and the idle window (default 5)")
    parser.add_argument("--samples", type=int, help="lateness samples per peer (default 50)")
    parser.add_argument("--gap", type=float, default=90.0,
                        help="seconds past the due instant that the missed-due daemons stay "
                             "stopped or down (default 90)")
    parser.add_argument("--idle-items", default="0,1000,100000",
                        help="item counts for the idle daemons (default 0,1000,100000)")
    parser.add_argument("--startup-items", type=int,
                        help="items for start-up and memory (default 10000; quick 2000, as "
                             "engine.py --quick)")
    parser.add_argument("--only", help="comma-separated subset of remind,calcurse,atd")
    parser.add_argument("--no-server-mode", action="store_true",
                        help="skip the remind -z0 (server mode) lateness test")
    parser.add_argument("--atd-system", action="store_true",
                        help="measure the running system atd (jobs queued with at, removed with "
                             "atrm) even where a private atd could run; the fallback otherwise")
    parser.add_argument("--no-install", action="store_true",
                        help="do not apt-get install missing peers")
    parser.add_argument("--out", help="where to write the table (default bench-results/peers.txt)")
    parser.add_argument("--json", help="also write the rows as JSON here (for side_by_side.py)")
    args = parser.parse_args()
    wanted = [p.strip() for p in (args.only or ",".join(PEERS)).split(",") if p.strip()]
    unknown = [p for p in wanted if p not in PEERS]
    if unknown:
        parser.error("unknown peer(s): %s" % ", ".join(unknown))
    if args.samples is not None and args.samples < 1:
        parser.error("--samples must be at least 1")
    if args.gap < 15:
        parser.error("--gap must be at least 15 s")
    programs, peers = ensure_installed(wanted, not args.no_install)
    mode, reason = None, ""
    if "atd" in peers:
        mode, reason = atd_mode(programs, args.atd_system)
        if mode is None:
            print("peers.py: atd skipped: %s" % reason, file=sys.stderr)
            peers.remove("atd")
        elif mode == "system":
            print("peers.py: no private atd (%s): measuring the system atd instead; its test "
                  "jobs are removed afterwards" % reason, file=sys.stderr)
    if not peers:
        sys.exit("peers.py: no peer to measure")

    catch_signals()
    return run_bench(Bench(args, peers, programs, mode, reason))


if __name__ == "__main__":
    sys.exit(main())
