#!/usr/bin/env python3
"""Concurrency against the reminder path (PROBE-REPORT.md section 2), as a kept tool.

One private daemon. 40 meetings start 35-95 s ahead with second offsets
(purpose=30s,preparation=20s,plan=10s,participation=5s,capture=3s,capture_again=8s), durations
5-20 s, starts with a random millisecond part. Every 7th is `daily` with its first occurrence
yesterday (so today's occurrence is a computed one); one in four is a control nothing touches.
Two subscribers record every card. Three clients send random SnoozeReminder (2s/4s/7s/1h),
MarkStepDone, UpdateMeeting (title / start "in 15-60s" / duration / offsets), RecordAnswers,
CaptureMeeting, CancelMeeting, DeleteMeeting, GetMeeting and GetNextReminder calls for 95 s.
When every occurrence of the run has ended, the ledger (sqlite3, read-only) is compared with the
streams and with ListUpcoming's planned reminders. See README.md for what is counted.

    python3 Benchmarks/probe/concurrency.py --bin .build/release [--merge-within 0|default] [--seed N]
"""

import argparse
import json
import os
import random
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import probelib as P  # noqa: E402

PARTNERS = [("Ada", "mentor"), ("Grace", "mentee"), ("Linus", "mentor"), ("Barbara", "mentee")]
OFFSET_VARIANTS = [
    P.OFFSETS,
    "purpose=25s,preparation=15s,plan=8s,participation=4s,capture=2s,capture_again=6s",
    "purpose=30s,preparation=20s,plan=off,participation=5s,capture=3s,capture_again=8s",
]
SNOOZES = ["2s", "4s", "7s", "1h"]
MUTATING = {"SnoozeReminder", "MarkStepDone", "UpdateMeeting", "RecordAnswers", "CaptureMeeting",
            "CancelMeeting", "DeleteMeeting"}


def add_meetings(vl, n, rng, log):
    meetings = {}
    now = time.time()
    for i in range(n):
        partner, role = PARTNERS[i % len(PARTNERS)]
        start = now + rng.uniform(35, 95)
        start = int(start) + rng.randrange(1000) / 1000.0
        daily = i % 7 == 0
        p = {"title": "m%d" % i, "partner": partner, "role": role,
             "start": P.iso(start - 86400 if daily else start), "duration": "%ds" % rng.randint(5, 20),
             "offsets": P.OFFSETS}
        if daily:
            p["recurrence"] = "daily"
        r = log.call(vl, "setup", "AddMeeting", p)
        if "error" in r:
            raise RuntimeError("AddMeeting: %r" % r)
        m = r["parameters"]["meeting"]
        meetings[m["id"]] = {"control": i % 4 == 1, "recurring": daily, "title": m["title"]}
    return meetings


class Mutator(threading.Thread):
    def __init__(self, name, path, targets, seen, log, rng, until, caps):
        super().__init__(daemon=True)
        self.caps = caps
        self.name, self.path, self.targets, self.seen = name, path, targets, seen
        self.log, self.rng, self.until = log, rng, until
        self.error = None

    def run(self):
        vl = P.connect(self.path)
        rng = self.rng
        try:
            while time.time() < self.until:
                mid = rng.choice(self.targets)
                x = rng.random()
                if x < 0.25:
                    steps = self.seen.get(mid)
                    if steps and rng.random() < 0.6:
                        steps = list(steps)
                    else:
                        side = P.STEPS_BEFORE if rng.random() < 0.8 else P.STEPS_AFTER
                        steps = rng.sample(side, rng.randint(1, 2))
                    self.log.call(vl, self.name, "SnoozeReminder",
                                  {"meetingId": mid, "steps": steps, "until": rng.choice(SNOOZES)})
                elif x < 0.37:
                    self.log.call(vl, self.name, "MarkStepDone",
                                  {"meetingId": mid, "step": rng.choice(P.STEPS_BEFORE + P.STEPS_AFTER)})
                elif x < 0.57:
                    y = rng.random()
                    p = {"id": mid}
                    if y < 0.4:
                        p["title"] = "t%d" % rng.randrange(10 ** 6)
                    elif y < 0.65:
                        p["start"] = "in %ds" % rng.randint(15, 60)
                    elif y < 0.85:
                        p["duration"] = "%ds" % rng.randint(5, 20)
                    else:
                        p["offsets"] = rng.choice(OFFSET_VARIANTS)
                    self.log.call(vl, self.name, "UpdateMeeting", p)
                elif x < 0.67:
                    step = rng.choice(P.STEPS_BEFORE)
                    self.log.call(vl, self.name, "RecordAnswers", {
                        "meetingId": mid, "step": step,
                        "answers": [{"step": step, "prompt": "q", "answer": "a%d" % rng.randrange(10 ** 6)}]})
                elif x < 0.73:
                    self.log.call(vl, self.name, "CaptureMeeting", {"meetingId": mid, "summary": "s"})
                elif x < 0.745 and self.caps["cancel"] > 0:
                    self.caps["cancel"] -= 1
                    self.log.call(vl, self.name, "CancelMeeting", {"id": mid})
                elif x < 0.755 and self.caps["delete"] > 0:
                    self.caps["delete"] -= 1
                    r = self.log.call(vl, self.name, "DeleteMeeting", {"id": mid})
                    if "error" not in r and mid in self.targets:
                        self.targets.remove(mid)
                elif x < 0.88:
                    vl.call("GetMeeting", {"id": mid})
                else:
                    vl.call("GetNextReminder")
                time.sleep(rng.uniform(0.1, 0.5))
        except Exception as e:
            self.error = repr(e)
        finally:
            vl.close()


def run(args):
    rng = random.Random(args.seed)
    merge = None if args.merge_within == "default" else args.merge_within
    d = P.Daemon(args.bin, merge_within=merge)
    print("daemon dir %s (merge_within %s, seed %d)" % (d.dir, args.merge_within, args.seed), flush=True)
    log = P.CallLog()
    result = {"run": args.name, "merge_within": args.merge_within, "seed": args.seed, "dir": d.dir}
    try:
        d.start()
        d.wait_ready()
        t0 = time.time()
        subs = [P.Subscriber(d.socket, "s%d" % i) for i in (1, 2)]
        seen = {}

        def on_card(t, rem):
            if rem.get("kind") == "meeting":
                seen[rem["meetingId"]] = rem["steps"]
        subs[0].on_card = on_card
        for s in subs:
            s.start()
        for s in subs:
            s.ready.wait(10)
        vl = P.connect(d.socket)
        meetings = add_meetings(vl, 40, rng, log)
        vl.close()
        targets = [m for m, v in meetings.items() if not v["control"]]
        until = time.time() + args.seconds
        # At most 3 cancels and 2 deletes per run (shared), so most meetings stay to be judged.
        caps = {"cancel": 3, "delete": 2}
        muts = [Mutator("c%d" % i, d.socket, targets, seen, log, random.Random(rng.random()), until, caps)
                for i in (1, 2, 3)]
        for m in muts:
            m.start()
        for m in muts:
            m.join()
        # Wait for every occurrence that started in the run (not tomorrow's) to end, plus its nudges.
        P.wait_until_ended(d.socket, t0 - 60, 8 + 4, horizon=time.time() + 3 * 3600)
        end = time.time() - 1
        occurrences = P.upcoming(d.socket, t0 - 60)
        ledger = P.read_ledger(d.db)
        stopped_cleanly = d.stop()
        for s in subs:
            s.stop()
            s.join(5)
        result.update(analyse(d, log, meetings, subs, occurrences, ledger, end, stopped_cleanly))
        result["mutator_errors"] = [m.error for m in muts if m.error]
        result["subscriber_errors"] = [s.error for s in subs if s.error]
    finally:
        d.stop()
    return result


def analyse(d, log, meetings, subs, occurrences, ledger, end, stopped_cleanly):
    P.dump(os.path.join(d.dir, "raw.jsonl"), log, [subs])
    snoozes = log.snooze_acks()
    res = {}
    counts = log.counts()
    res["calls"] = counts
    res["mutations"] = sum(1 for c in log.calls if c["method"] in MUTATING and c["client"] != "setup")
    res["cards_per_stream"] = [len(s.cards) for s in subs]
    res["streams"] = P.compare_streams(subs[0].cards, subs[1].cards)[0]
    worst = None
    for s in subs:
        deliveries = {}
        for t, rem in s.cards:
            for k in P.card_keys(rem):
                deliveries.setdefault(k, []).append(t)
        multi, unexplained = P.duplicates(deliveries, snoozes)
        if worst is None or len(unexplained) > len(worst[1]):
            worst = (multi, unexplained, deliveries)
    multi, unexplained, deliveries = worst
    res["multi_delivered_keys"] = len(multi)
    res["unexplained_duplicates"] = [{"key": list(k), "times": [P.iso(t) for t in ts]} for k, ts in unexplained]
    # Rule 1: a step acknowledged done (MarkStepDone, RecordAnswers) must not be delivered more
    # than 1 s after the reply: for a series within that occurrence; for a single meeting under
    # any occurrence (done steps stay done when the meeting moves).
    done_then_fired = []
    for c in log.acked("MarkStepDone") + log.acked("RecordAnswers"):
        occ = c["reply"]["parameters"].get("occurrence")
        mid, step = c["params"]["meetingId"], c["params"]["step"]
        if not occ:
            continue
        single = not meetings.get(mid, {}).get("recurring")
        for (m, o, s), ts in deliveries.items():
            if m != mid or s != step or (o != P.ms(occ) and not single):
                continue
            later = [t for t in ts if t > c["replied"] + 1.0]
            if later:
                done_then_fired.append({"key": [m, P.iso(o / 1000.0), s], "done_acked": P.iso(c["replied"]),
                                        "done_occurrence": occ, "delivered": [P.iso(t) for t in later]})
    res["done_then_delivered"] = done_then_fired
    # The same (meeting, step) delivered under two occurrence keys of today (a move re-showing it).
    by_ms = {}
    for (m, o, s), ts in deliveries.items():
        by_ms.setdefault((m, s), set()).add(o)
    # Informational: a move to a later time reminds again for the new date (LedgerCarryOver), and a
    # series' capture of yesterday's occurrence comes late at the add.
    res["reshown_after_move"] = sorted(
        [m, s, len(os_)] for (m, s), os_ in by_ms.items() if len(os_) > 1)
    lo = P.losses(occurrences, ledger, end, [], snoozes, set(deliveries),
                  excuse=P.off_when_due(log, P.OFFSETS))
    res["loss_check"] = {k: v for k, v in lo.items() if k != "lost"}
    res["lost"] = lo["lost"]
    res["ledger_states"] = {}
    for st, _, _ in ledger.values():
        res["ledger_states"][st] = res["ledger_states"].get(st, 0) + 1
    res["stopped_cleanly"] = stopped_cleanly
    res["log"] = {
        "CancellationError": len(d.log_lines("CancellationError")),
        "Missed": len(d.log_lines("Missed ")),
        "error:": len(d.log_lines("error:")),
        "critical": len(d.log_lines("critical")),
        "FOREIGN KEY": len(d.log_lines("FOREIGN KEY")),
    }
    res["log_errors"] = d.log_lines("error:")[:10]
    return res


def summary(res):
    lc = res["loss_check"]
    lines = [
        "run %s  merge_within=%s  seed=%d" % (res["run"], res["merge_within"], res["seed"]),
        "  mutations sent %d (replies ok %d of %d, errors %s)" % (
            res["mutations"], res["calls"]["ok"], res["calls"]["replies"], res["calls"]["errors"]),
        "  cards per stream %s; streams %s" % (res["cards_per_stream"], res["streams"]),
        "  multi-delivered keys %d; unexplained duplicates %d" % (
            res["multi_delivered_keys"], len(res["unexplained_duplicates"])),
        "  done steps delivered afterwards %d; (meeting, step) re-shown under another occurrence %d" % (
            len(res["done_then_delivered"]), len(res["reshown_after_move"])),
        "  ended occurrences %d, steps due %d: delivered %d, done %d, suppressed %d, "
        "missed at the start (timing) %d, missed/pending but off when due %d; LOST %d" % (
            lc["occurrences"], lc["steps"], lc["delivered"], lc["done"], lc["suppressed"],
            lc["missed_timing"], lc["missed_off"], len(res["lost"])),
        "  ledger states %s" % res["ledger_states"],
        "  log: %s; stopped cleanly: %s" % (res["log"], res["stopped_cleanly"]),
    ]
    for x in res["lost"]:
        lines.append("    lost: %s" % json.dumps(x))
    for x in res["unexplained_duplicates"]:
        lines.append("    duplicate: %s" % json.dumps(x))
    for x in res["done_then_delivered"]:
        lines.append("    done then delivered: %s" % json.dumps(x))
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=".build/release", help="directory holding mentord")
    ap.add_argument("--merge-within", default="0", help='"0" (default) or "default" (leave it out: 10m)')
    ap.add_argument("--seconds", type=float, default=95, help="how long the three clients mutate")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--name", default=None)
    ap.add_argument("--json", help="write the full result here")
    ap.add_argument("--keep", action="store_true", help="keep the daemon's temp dir (log, database)")
    args = ap.parse_args()
    if args.seed is None:
        args.seed = random.randrange(10 ** 6)
    args.name = args.name or "merge-%s" % args.merge_within
    res = run(args)
    print(summary(res), flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(res, f, indent=1)
    if not args.keep:
        import shutil
        shutil.rmtree(res["dir"], ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
