"""What concurrency.py and crash.py share: a Varlink client, private daemons, subscribers that
record every card, reading the reminder ledger with sqlite3, and the duplicate and loss checks.

Python 3.8+, standard library only. Imported, not run.
"""

import datetime
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import tempfile
import threading
import time

STEPS_BEFORE = ("purpose", "preparation", "plan", "participation")
STEPS_AFTER = ("capture", "captureAgain")
OFFSETS = "purpose=30s,preparation=20s,plan=10s,participation=5s,capture=3s,capture_again=8s"
QUIET_STATES = ("delivered", "done", "suppressed")

# ---------------------------------------------------------------------------------------------
# Time


def iso(epoch):
    """RFC 3339 UTC with milliseconds, as the daemon writes instants."""
    dt = datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc)
    return dt.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse(text):
    """An RFC 3339 instant from the daemon -> epoch seconds (float)."""
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def ms(text):
    """An RFC 3339 instant -> integer Unix milliseconds, as the ledger stores it."""
    return int(round(parse(text) * 1000))


# ---------------------------------------------------------------------------------------------
# Varlink


class Closed(Exception):
    """The daemon closed the connection (or died) before the reply came."""


class VL:
    """One Varlink connection: NUL-terminated JSON messages."""

    def __init__(self, path, timeout=30):
        self.s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.s.settimeout(timeout)
        self.s.connect(path)
        self.buf = b""

    def send(self, obj):
        try:
            self.s.sendall(json.dumps(obj).encode() + b"\0")
        except OSError as e:
            raise Closed(str(e))

    def recv(self):
        while b"\0" not in self.buf:
            try:
                d = self.s.recv(1 << 20)
            except OSError as e:
                raise Closed(str(e))
            if not d:
                raise Closed("EOF")
            self.buf += d
        m, _, self.buf = self.buf.partition(b"\0")
        return json.loads(m)

    def call(self, method, params=None):
        msg = {"method": "io.mentord." + method}
        if params is not None:
            msg["parameters"] = params
        self.send(msg)
        return self.recv()

    def close(self):
        try:
            self.s.close()
        except OSError:
            pass


def connect(path, deadline_s=30):
    """Connects, retrying until the socket accepts (a daemon starting up)."""
    end = time.time() + deadline_s
    while True:
        try:
            return VL(path)
        except OSError:
            if time.time() > end:
                raise
            time.sleep(0.005)


# ---------------------------------------------------------------------------------------------
# Daemons


def write_config(path, merge_within):
    """The probe's config: nothing moves reminders; merge_within None leaves the default (10m).
    Desktop notifications are off (no session bus here); the journal channel (stderr) stays on,
    so the daemon's log names every card."""
    lines = ["[reminders]", 'quiet_hours = "off"', 'working_days = "Mon-Sun"']
    if merge_within is not None:
        lines.append('merge_within = "%s"' % merge_within)
    lines += ["", "[desktop]", "enabled = false", ""]
    with open(path, "w") as f:
        f.write("\n".join(lines))
    os.chmod(path, 0o600)


class Daemon:
    """One private mentord: its own temp dir, socket, database, config and log."""

    def __init__(self, bin_dir, merge_within="0", root=None):
        self.bin = os.path.join(bin_dir, "mentord")
        self.dir = root or tempfile.mkdtemp(prefix="mentord-probe-")
        os.makedirs(self.dir, mode=0o700, exist_ok=True)
        os.chmod(self.dir, 0o700)
        self.socket = os.path.join(self.dir, "run", "socket")
        self.db = os.path.join(self.dir, "data", "db")
        self.config = os.path.join(self.dir, "c.toml")
        self.log_path = os.path.join(self.dir, "mentord.log")
        write_config(self.config, merge_within)
        self.proc = None
        self.starts = []  # (spawned, ready) epochs
        self.stops = []  # (epoch, how)

    def env(self):
        env = {k: v for k, v in os.environ.items()
               if k not in ("DBUS_SESSION_BUS_ADDRESS", "NOTIFY_SOCKET", "LISTEN_FDS", "LISTEN_PID",
                            "LISTEN_FDNAMES", "MENTORD_SOCKET")}
        env["XDG_RUNTIME_DIR"] = self.dir
        env["XDG_DATA_HOME"] = os.path.join(self.dir, "xdg-data")
        env["XDG_CONFIG_HOME"] = os.path.join(self.dir, "xdg-config")
        return env

    def start(self):
        log = open(self.log_path, "ab")
        log.write(b"---- probe: start %s\n" % iso(time.time()).encode())
        log.flush()
        spawned = time.time()
        self.proc = subprocess.Popen(
            [self.bin, "--socket", self.socket, "--database", self.db, "--config", self.config],
            stdin=subprocess.DEVNULL, stdout=log, stderr=log, env=self.env(), cwd=self.dir)
        log.close()
        self.starts.append([spawned, None])
        return self.proc.pid

    def wait_ready(self, timeout=30):
        end = time.time() + timeout
        while time.time() < end:
            if self.proc.poll() is not None:
                raise RuntimeError("mentord exited with %s; see %s" % (self.proc.returncode, self.log_path))
            try:
                c = VL(self.socket, timeout=5)
                r = c.call("GetStatus")
                c.close()
                if "error" not in r:
                    self.starts[-1][1] = time.time()
                    return r["parameters"]
            except (OSError, Closed):
                pass
            time.sleep(0.01)
        raise RuntimeError("mentord not ready after %d s" % timeout)

    def kill9(self):
        t = time.time()
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        self.stops.append((t, "kill -9"))
        return t

    def stop(self, timeout=15):
        """SIGTERM; SIGKILL after `timeout` s (returns False then: the stop hung, see F3)."""
        if self.proc is None or self.proc.poll() is not None:
            return True
        t = time.time()
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout)
            self.stops.append((t, "SIGTERM"))
            return True
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            self.stops.append((t, "SIGTERM hung, SIGKILL"))
            return False

    def down_intervals(self):
        """[(from, to)] epochs when no daemon served: kill -> next ready."""
        out = []
        for i, (t, _) in enumerate(self.stops):
            nxt = self.starts[i + 1][1] if i + 1 < len(self.starts) else None
            out.append((t, nxt if nxt is not None else float("inf")))
        return out

    def log_lines(self, needle):
        try:
            with open(self.log_path, errors="replace") as f:
                return [line.rstrip("\n") for line in f if needle in line]
        except OSError:
            return []

    def copy_files(self, dest):
        """Copies db, -wal and -shm as they are (for integrity_check after a kill)."""
        os.makedirs(dest, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            src = self.db + suffix
            if os.path.exists(src):
                shutil.copy2(src, os.path.join(dest, "db" + suffix))
        return os.path.join(dest, "db")


def integrity(db_path):
    """(integrity_check result, foreign_key_check rows) of a database file (a copy)."""
    con = sqlite3.connect(db_path)
    try:
        ic = [r[0] for r in con.execute("PRAGMA integrity_check")]
        fk = con.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        con.close()
    return ("ok" if ic == ["ok"] else "; ".join(ic)), fk


def read_ledger(db_path):
    """{(meeting_id, occurrence_ms, step): (state, snoozed_until_ms, changed_at_ms)}"""
    con = sqlite3.connect("file:%s?mode=ro" % db_path, uri=True)
    try:
        rows = con.execute(
            "SELECT meeting_id, occurrence, step, state, snoozed_until, changed_at FROM reminder_ledger").fetchall()
    finally:
        con.close()
    return {(m, o, s): (st, su, ch) for m, o, s, st, su, ch in rows}


# ---------------------------------------------------------------------------------------------
# Subscribers


class Subscriber(threading.Thread):
    """Subscribes (more: true) and records (receive epoch, reminder) until EOF or stop()."""

    def __init__(self, path, name, spin_connect=False):
        super().__init__(daemon=True)
        self.path, self.name, self.spin = path, name, spin_connect
        self.cards = []
        self.ready = threading.Event()
        self.ready_at = None
        self.error = None
        self.on_card = None  # callback(epoch, reminder), run in this thread
        self.conn = None

    def run(self):
        try:
            self.conn = connect(self.path, 30 if self.spin else 5)
            self.conn.s.settimeout(None)
            self.conn.send({"method": "io.mentord.Subscribe", "more": True})
            first = self.conn.recv()
            if not first.get("parameters", {}).get("ready"):
                raise RuntimeError("unexpected first reply %r" % first)
            self.ready_at = time.time()
            self.ready.set()
            while True:
                m = self.conn.recv()
                t = time.time()
                rem = m.get("parameters", {}).get("reminder")
                if rem is None:
                    continue
                self.cards.append((t, rem))
                if self.on_card:
                    self.on_card(t, rem)
        except Closed:
            pass
        except Exception as e:  # recorded, the run goes on
            self.error = repr(e)
        finally:
            self.ready.set()

    def stop(self):
        if self.conn:
            try:
                self.conn.s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def card_keys(rem):
    """[(meeting, occurrence_ms, step)] a card delivers (meeting cards and digest entries)."""
    if rem.get("kind") == "meeting" and rem.get("meetingId") is not None:
        return [(rem["meetingId"], ms(rem["occurrence"]), s) for s in rem.get("steps", [])]
    if rem.get("kind") == "digest":
        return [(e["meetingId"], ms(e["occurrence"]), s) for e in rem.get("meetings") or [] for s in e["steps"]]
    return []


def canon(rem):
    return json.dumps(rem, sort_keys=True)


def compare_streams(a, b):
    """'identical', or 'identical after the later subscriber joined' (one is a suffix of the
    other: cards sent before it subscribed), or a description of the first difference."""
    sa, sb = [canon(r) for _, r in a], [canon(r) for _, r in b]
    if sa == sb:
        return "identical", 0
    short, long_ = (sa, sb) if len(sa) < len(sb) else (sb, sa)
    if long_[len(long_) - len(short):] == short:
        return "identical after join", len(long_) - len(short)
    for i, (x, y) in enumerate(zip(sa, sb)):
        if x != y:
            return "differ at card %d (%d vs %d cards)" % (i, len(sa), len(sb)), None
    return "differ in length (%d vs %d cards)" % (len(sa), len(sb)), None


# ---------------------------------------------------------------------------------------------
# Call log (every mutating call, acknowledged or not)


class CallLog:
    def __init__(self):
        self.lock = threading.Lock()
        self.calls = []  # dicts: client, method, params, sent, replied, reply (None: in flight)

    def call(self, vl, client, method, params):
        rec = {"client": client, "method": method, "params": params, "sent": time.time(),
               "replied": None, "reply": None}
        with self.lock:
            self.calls.append(rec)
        r = vl.call(method, params)  # Closed propagates: rec stays in flight
        rec["replied"] = time.time()
        rec["reply"] = r
        return r

    def acked(self, method=None):
        return [c for c in self.calls if c["reply"] is not None and "error" not in c["reply"]
                and (method is None or c["method"] == method)]

    def counts(self):
        replies = [c for c in self.calls if c["reply"] is not None]
        ok = [c for c in replies if "error" not in c["reply"]]
        errors = {}
        for c in replies:
            if "error" in c["reply"]:
                e = c["reply"]["error"].rsplit(".", 1)[-1]
                errors[e] = errors.get(e, 0) + 1
        by_method = {}
        for c in ok:
            by_method[c["method"]] = by_method.get(c["method"], 0) + 1
        return {"calls": len(self.calls), "replies": len(replies), "ok": len(ok),
                "in_flight": len(self.calls) - len(replies), "errors": errors, "ok_by_method": by_method}

    def snooze_acks(self):
        """{(meeting, occurrence_ms, step): [(sent, replied, until_epoch)]} of acknowledged snoozes."""
        out = {}
        for c in self.acked("SnoozeReminder"):
            p, r = c["params"], c["reply"]["parameters"]
            for s in p["steps"]:
                out.setdefault((p["meetingId"], ms(r["occurrence"]), s), []).append(
                    (c["sent"], c["replied"], parse(r["until"])))
        return out


# ---------------------------------------------------------------------------------------------
# Checks


def duplicates(deliveries, snoozes, slack=0.5):
    """deliveries: {key: [receive epochs]} (one stream, or the union per daemon run).
    A key delivered n > 1 times is explained when, between each two consecutive deliveries, a
    snooze of that step of that occurrence was acknowledged (replied after the first delivery
    minus `slack`, sent before the second). Returns (multi keys, [unexplained (key, times)])."""
    multi, unexplained = [], []
    for key, times in deliveries.items():
        if len(times) < 2:
            continue
        multi.append(key)
        ts = sorted(times)
        for t1, t2 in zip(ts, ts[1:]):
            if not any(rep > t1 - slack and sent < t2 for sent, rep, _ in snoozes.get(key, [])):
                unexplained.append((key, ts))
                break
    return multi, unexplained


def upcoming(path, since):
    """Every occurrence starting from `since` (epoch) over 2 days, with planned reminders (on a
    connection of its own: the daemon closes connections idle for idle_timeout)."""
    vl = connect(path)
    occ, after = [], None
    while True:
        p = {"from": iso(since), "days": 2, "limit": 10000}
        if after:
            p["after"] = after
        r = vl.call("ListUpcoming", p)
        if "error" in r:
            raise RuntimeError("ListUpcoming: %r" % r)
        occ += r["parameters"]["occurrences"]
        after = r["parameters"].get("next")
        if not after:
            vl.close()
            return occ


def wait_until_ended(socket, since, slack, horizon=None):
    """Sleeps until every occurrence listed since `since` (starting before `horizon`, if given) has
    ended, plus `slack` seconds for its capture nudges."""
    while True:
        occ = [o for o in upcoming(socket, since) if horizon is None or parse(o["start"]) < horizon]
        last = max([parse(o["start"]) + o["durationSeconds"] for o in occ] + [0])
        left = last + slack - time.time()
        if left <= 0:
            return
        time.sleep(min(left, 5))


def off_when_due(log, initial_offsets):
    """An excuse for losses(): a step that was "off" (by an acknowledged UpdateMeeting offsets)
    when it came due and was turned on again after the start is rightly missed."""
    changes = {}
    for c in log.acked("UpdateMeeting"):
        if "offsets" in c["params"]:
            changes.setdefault(c["params"]["id"], []).append((c["replied"], c["params"]["offsets"]))

    def excuse(meeting, step, due):
        current = initial_offsets
        for t, offsets in sorted(changes.get(meeting, [])):
            if t <= due:
                current = offsets
        name = "capture_again" if step == "captureAgain" else step
        return "off when due" if "%s=off" % name in current.split(",") else None
    return excuse


def losses(occurrences, ledger, end, down, snoozes, delivered_keys, timing_slack=2.0, excuse=None):
    """Judges every step of every occurrence that ended (start + duration + 8 s of capture
    nudges + 2 s) before `end`, for meetings still scheduled at the end.

    A step counts when its planned time passed while a daemon ran (`down`: [(from, to)] epochs
    with no daemon). Its ledger state must be delivered, done or suppressed. 'missed' is
    legitimate when the step's due time (its own, or its latest acknowledged snooze) fell while
    no daemon ran (rule 6), or within `timing_slack` s of the start (a card due just before the
    start and evaluated after it: nothing but capture fires after the start); it is listed apart.
    `excuse(meeting, step, due)` may excuse a step in another way (off_when_due: the step was off
    when it came due, by an acknowledged offsets change, and was turned on again after the start).
    Returns a dict of counts and a list of the losses with details."""
    out = {"occurrences": 0, "steps": 0, "delivered": 0, "done": 0, "suppressed": 0,
           "missed_down": 0, "missed_timing": 0, "missed_off": 0, "lost": []}

    def is_down(t):
        return any(a <= t < b for a, b in down)

    for o in occurrences:
        start = parse(o["start"])
        if start + o["durationSeconds"] + 10 > end:
            continue
        out["occurrences"] += 1
        for r in o["reminders"]:
            at = parse(r["at"])
            key = (o["meetingId"], ms(o["start"]), r["step"])
            sn = [u for _, _, u in snoozes.get(key, [])]
            due = max([at] + sn)
            if at > end or is_down(at) and is_down(due):
                continue
            out["steps"] += 1
            row = ledger.get(key)
            state = row[0] if row else None
            if state in QUIET_STATES:
                out[state] += 1
                continue
            if state == "missed" and (is_down(due) or (r["step"] in STEPS_BEFORE and start - due <= timing_slack)):
                out["missed_down" if is_down(due) else "missed_timing"] += 1
                continue
            if state in ("missed", "snoozed", None) and excuse and excuse(o["meetingId"], r["step"], due):
                out["missed_off"] += 1
                continue
            out["lost"].append({"meeting": o["meetingId"], "occurrence": o["start"], "step": r["step"],
                                "at": r["at"], "snoozed_until": [iso(u) for u in sn],
                                "state": state, "row": row, "in_stream": key in delivered_keys,
                                "recurring": o["recurring"]})
    return out


def dump(path, log, streams):
    """Writes the raw material (every call with its reply, every card of every stream) as JSON
    lines, for a second look at a finding."""
    with open(path, "w") as f:
        for c in log.calls:
            f.write(json.dumps({"call": c}) + "\n")
        for life, subs in enumerate(streams, 1):
            for s in subs:
                for t, rem in s.cards:
                    f.write(json.dumps({"life": life, "subscriber": s.name, "t": t, "card": rem}) + "\n")
