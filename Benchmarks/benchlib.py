"""Helpers that engine.py and peers.py (and side_by_side.py) share.

Interrupt handling, percentiles, what /proc says about a process, the machine's description,
stopping a child process, reading a hook's stamp file and writing the results. Python 3.8+,
stdlib only; the scripts import it from their own directory, whatever the current one is.
"""

import datetime
import json
import math
import os
import platform
import signal
import subprocess
import sys
import time

# ---------------------------------------------------------------------------------------------
# Interrupts

# Signals received. A KeyboardInterrupt can be swallowed by a bare `except:` in a library (the
# varlink client has some), so the loops also check this list and stop on their own.
INTERRUPTED = []
SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def checkpoint():
    """Raises KeyboardInterrupt once a signal has come, even if its first one was swallowed."""
    if INTERRUPTED:
        raise KeyboardInterrupt


def sleep_until(epoch, step=0.25):
    """Sleeps until the wall-clock instant `epoch`, in steps of at most `step` seconds so Ctrl-C
    stays prompt."""
    while True:
        checkpoint()
        left = epoch - time.time()
        if left <= 0:
            return
        time.sleep(min(left, step))


def on_signals(handler):
    """Sets `handler` for SIGINT, SIGTERM and SIGHUP."""
    for signum in SIGNALS:
        signal.signal(signum, handler)


def _interrupt(signum, frame):
    INTERRUPTED.append(signum)
    raise KeyboardInterrupt


def catch_signals():
    """Ctrl-C, SIGTERM and SIGHUP from now on: noted in INTERRUPTED, raised as KeyboardInterrupt
    (also when started from a shell that ignores SIGINT for background jobs)."""
    on_signals(_interrupt)


def run_bench(bench):
    """Runs bench.run() and always bench.cleanup(); returns the exit status (128 + the signal
    when interrupted)."""
    try:
        bench.run()
    except KeyboardInterrupt:
        print("\ninterrupted; stopping the daemons", file=sys.stderr)
        return 128 + (INTERRUPTED[0] if INTERRUPTED else signal.SIGINT)
    finally:
        bench.cleanup()
    return 0


# ---------------------------------------------------------------------------------------------
# Figures


def percentile(values, p):
    """Nearest-rank percentile: the smallest sample with at least p% of samples at or below."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, math.ceil(p / 100.0 * len(ordered)))
    return ordered[rank - 1]


def machine_description():
    """Core count, CPU model, kernel and Python; side_by_side.py compares these words to tell
    whether two result files come from the same machine."""
    model = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return "%d x %s, Linux %s, Python %s" % (os.cpu_count() or 0, model, platform.release(),
                                            platform.python_version())


def utc_now():
    """The current time as "YYYY-MM-DD HH:MM", UTC."""
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M")


# ---------------------------------------------------------------------------------------------
# /proc


def proc_read(pid, name):
    """The text of /proc/PID/NAME, None when the process (or thread) is gone."""
    try:
        with open("/proc/%d/%s" % (pid, name)) as f:
            return f.read()
    except (FileNotFoundError, ProcessLookupError):
        return None


def _switches_by_thread(pid):
    counts = {}
    try:
        tids = os.listdir("/proc/%d/task" % pid)
    except FileNotFoundError:
        return None
    for tid in tids:
        total = 0
        try:
            with open("/proc/%d/task/%s/status" % (pid, tid)) as f:
                for line in f:
                    if line.startswith(("voluntary_ctxt_switches:",
                                        "nonvoluntary_ctxt_switches:")):
                        total += int(line.split()[1])
        except (FileNotFoundError, ProcessLookupError):
            continue  # the thread exited between listdir and open
        counts[int(tid)] = total
    return counts


def thread_switches(pid):
    """{tid: voluntary + involuntary context switches} over /proc/PID/task/*/status; {} when
    the process is gone."""
    return _switches_by_thread(pid) or {}


def switches(pid):
    """Voluntary + involuntary context switches summed over the live threads; None when the
    process is gone."""
    counts = _switches_by_thread(pid)
    return None if counts is None else sum(counts.values())


def schedstat_cpu_seconds(pid):
    """CPU time of the live threads in nanosecond resolution (/proc/PID/task/*/schedstat);
    None when the process is gone or the kernel has no schedstat."""
    total = 0
    try:
        tids = os.listdir("/proc/%d/task" % pid)
    except FileNotFoundError:
        return None
    for tid in tids:
        try:
            with open("/proc/%d/task/%s/schedstat" % (pid, tid)) as f:
                total += int(f.read().split()[0])
        except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
            continue
    return total / 1e9 if total else None


def proc_cpu_seconds(pid):
    """utime + stime of the whole process (all threads, live and exited), in clock ticks.
    Raises OSError when the process is gone."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # fields[0] is state (field 3); utime and stime are fields 14 and 15.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """schedstat_cpu_seconds, else proc_cpu_seconds; None when the process is gone."""
    seconds = schedstat_cpu_seconds(pid)
    if seconds is not None:
        return seconds
    try:
        return proc_cpu_seconds(pid)
    except (FileNotFoundError, ProcessLookupError):
        return None


def status_kb(pid, key):
    """A kB figure of /proc/PID/status ("VmRSS", "VmHWM"); None when the process is gone."""
    text = proc_read(pid, "status") or ""
    for line in text.splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return None


# ---------------------------------------------------------------------------------------------
# Daemons


class NotReady(RuntimeError):
    """A daemon runs but was not ready within the bound."""


def stop_popen(process, paused=False, timeout=5.0):
    """Ends a child process: SIGCONT first when it may be stopped (a stopped process cannot act
    on SIGTERM), then SIGTERM, and SIGKILL when it has not exited after `timeout` seconds."""
    if process is None or process.poll() is not None:
        return
    try:
        if paused:
            process.send_signal(signal.SIGCONT)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    except ProcessLookupError:
        pass


def log_tail(path, lines=10):
    """The last `lines` lines of a log file, "(no log)" when it cannot be read."""
    try:
        with open(path, errors="replace") as f:
            return "".join(f.readlines()[-lines:])
    except OSError:
        return "(no log)"


def read_stamps(path, fields, parse):
    """{key: [value, ...]} from a hook's stamp file: parse(words) -> (key, value) for each line
    of `fields` words; lines it cannot parse (ValueError) are passed over; {} before the file
    exists."""
    stamps = {}
    try:
        with open(path) as f:
            for line in f:
                words = line.split()
                if len(words) != fields:
                    continue
                try:
                    key, value = parse(words)
                except ValueError:
                    continue
                stamps.setdefault(key, []).append(value)
    except FileNotFoundError:
        pass
    return stamps


# ---------------------------------------------------------------------------------------------
# Results


def write_file(path, text):
    """Writes `text` to `path` (making its directory) and says where, relative when inside the
    current directory."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    shown = os.path.relpath(path)
    print("written to %s" % (path if shown.startswith("..") else shown), flush=True)


def write_results(path, source, quick, tools, notes, rows, run_seconds):
    """The --json file that side_by_side.py reads: {source, generated, machine, mode, tools,
    notes, rows, run_seconds}."""
    write_file(path, json.dumps({
        "source": source,
        "generated": utc_now() + " UTC",
        "machine": machine_description(),
        "mode": "quick" if quick else "full",
        "tools": tools, "notes": notes, "rows": rows,
        "run_seconds": round(run_seconds, 1),
    }, indent=1) + "\n")
