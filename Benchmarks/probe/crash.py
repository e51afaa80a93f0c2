#!/usr/bin/env python3
"""Crash consistency under kill -9 (PROBE-REPORT.md section 3), as a kept tool.

Part 1, rounds (default 20) on one database: start the daemon, two subscribers that spin on
connect, and three writers looping over AddMeeting (unique titles, second offsets, 8-40 s ahead,
35%), UpdateMeeting title (20%) or start (7%), RecordAnswers (10%), SnoozeReminder (8%),
MarkStepDone (8%), CancelMeeting (4%), DeleteMeeting (2%) and AddItem (6%). After a random
2-12 s, kill -9; copy db + wal + shm as left and run PRAGMA integrity_check and
foreign_key_check on the copy; next round. Every call is logged with its reply, or as in flight
when the kill cut it. A final restart waits until every occurrence has ended, then every
acknowledged write is verified against the database, and the deliveries (the daemon's journal
lines, which carry meeting id, occurrence and steps, and the subscribers' streams) against the
ledger.

Part 2, the at-least-once window (default 10 rounds): a meeting whose purpose step fires a few
seconds later; the instant a subscriber receives that card, kill -9; restart with a subscriber
spinning on connect and count re-deliveries of that step.

    python3 Benchmarks/probe/crash.py --bin .build/release [--rounds 20] [--window-rounds 10] [--seed N]
"""

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import probelib as P  # noqa: E402

PARTNERS = [("Ada", "mentor"), ("Grace", "mentee"), ("Linus", "mentor")]


def random_offsets(rng):
    """Second offsets in the right order; sometimes a step off."""
    a = rng.randint(4, 7)
    vals = sorted(rng.sample(range(2, 30), 3), reverse=True)
    o = {"purpose": "%ds" % (vals[0] + a), "preparation": "%ds" % vals[0], "plan": "%ds" % vals[1],
         "participation": "%ds" % vals[2], "capture": "%ds" % rng.randint(1, 4),
         "capture_again": "%ds" % rng.randint(5, 9)}
    if rng.random() < 0.2:
        o[rng.choice(list(o))] = "off"
    return ",".join("%s=%s" % kv for kv in o.items())


class Writer(threading.Thread):
    def __init__(self, name, path, ids, log, rng, counter):
        super().__init__(daemon=True)
        self.name, self.path, self.ids, self.log, self.rng = name, path, ids, log, rng
        self.counter = counter
        self.error = None

    def unique(self, prefix):
        with self.counter["lock"]:
            self.counter["n"] += 1
            return "%s-%s-%d" % (prefix, self.name, self.counter["n"])

    def run(self):
        rng = self.rng
        try:
            vl = P.connect(self.path, 10)
        except OSError:
            return
        try:
            while True:
                x = rng.random()
                mid = rng.choice(self.ids) if self.ids else None
                if x < 0.35 or mid is None:
                    partner, role = rng.choice(PARTNERS)
                    start = time.time() + rng.uniform(8, 40)
                    p = {"title": self.unique("add"), "partner": partner, "role": role,
                         "start": P.iso(int(start) + rng.randrange(1000) / 1000.0),
                         "duration": "%ds" % rng.randint(3, 12), "offsets": random_offsets(rng)}
                    r = self.log.call(vl, self.name, "AddMeeting", p)
                    if "error" not in r:
                        self.ids.append(r["parameters"]["meeting"]["id"])
                elif x < 0.55:
                    self.log.call(vl, self.name, "UpdateMeeting", {"id": mid, "title": self.unique("title")})
                elif x < 0.62:
                    self.log.call(vl, self.name, "UpdateMeeting",
                                  {"id": mid, "start": "in %ds" % rng.randint(8, 40)})
                elif x < 0.72:
                    step = rng.choice(P.STEPS_BEFORE)
                    self.log.call(vl, self.name, "RecordAnswers", {
                        "meetingId": mid, "step": step,
                        "answers": [{"step": step, "prompt": self.unique("q"), "answer": self.unique("a")}]})
                elif x < 0.80:
                    steps = rng.sample(P.STEPS_BEFORE, rng.randint(1, 2)) if rng.random() < 0.8 \
                        else rng.sample(P.STEPS_AFTER, 1)
                    self.log.call(vl, self.name, "SnoozeReminder",
                                  {"meetingId": mid, "steps": steps, "until": rng.choice(["2s", "4s", "7s"])})
                elif x < 0.88:
                    self.log.call(vl, self.name, "MarkStepDone",
                                  {"meetingId": mid, "step": rng.choice(P.STEPS_BEFORE + P.STEPS_AFTER)})
                elif x < 0.92:
                    self.log.call(vl, self.name, "CancelMeeting", {"id": mid})
                elif x < 0.94:
                    self.log.call(vl, self.name, "DeleteMeeting", {"id": mid})
                else:
                    partner, _ = rng.choice(PARTNERS)
                    self.log.call(vl, self.name, "AddItem", {"kind": rng.choice(["action", "topic"]),
                                                             "partner": partner, "text": self.unique("item")})
                time.sleep(rng.uniform(0.02, 0.08))
        except P.Closed:
            pass
        except Exception as e:
            self.error = repr(e)
        finally:
            vl.close()


def journal_deliveries(d):
    """[(line number, life, meeting, occurrence_ms, steps)] from the daemon's journal lines; life
    counts the starts ("---- probe: start" markers) so lines can be tied to a daemon process."""
    out, life = [], 0
    with open(d.log_path, errors="replace") as f:
        for n, line in enumerate(f):
            if line.startswith("---- probe: start"):
                life += 1
                continue
            if "notice: Reminder:" not in line or "mentord.meeting.id=" not in line:
                continue
            fields = dict(w.split("=", 1) for w in line.split() if w.startswith("mentord.") and "=" in w)
            if not fields.get("mentord.meeting.id"):
                continue
            out.append((n, life, int(fields["mentord.meeting.id"]), P.ms(fields["mentord.occurrence"]),
                        fields["mentord.step"].split(",")))
    return out


def part1(args, rng, work):
    d = P.Daemon(args.bin, merge_within="0", root=os.path.join(work, "crash"))
    log, ids, counter = P.CallLog(), [], {"lock": threading.Lock(), "n": 0}
    rounds, streams = [], []
    t0 = time.time()
    try:
        for rnd in range(1, args.rounds + 2):
            final = rnd == args.rounds + 1
            d.start()
            subs = [P.Subscriber(d.socket, "s%d" % i, spin_connect=True) for i in (1, 2)]
            for s in subs:
                s.start()
            d.wait_ready()
            for s in subs:
                s.ready.wait(10)
            if final:
                break
            writers = [Writer("w%d" % i, d.socket, ids, log, random.Random(rng.random()), counter)
                       for i in (1, 2, 3)]
            for w in writers:
                w.start()
            wait = rng.uniform(2, 12)
            time.sleep(wait)
            killed = d.kill9()
            for w in writers:
                w.join(10)
            for s in subs:
                s.join(10)
            copy = d.copy_files(os.path.join(work, "copy-%d" % rnd))
            ic, fk = P.integrity(copy)
            shutil.rmtree(os.path.dirname(copy), ignore_errors=True)
            cmp_, extra = P.compare_streams(subs[0].cards, subs[1].cards)
            rounds.append({"round": rnd, "after_s": round(wait, 2), "integrity": ic, "fk_violations": len(fk),
                           "cards": [len(s.cards) for s in subs], "streams": cmp_,
                           "writer_errors": [w.error for w in writers if w.error]})
            streams.append(subs)
            print("round %2d: kill -9 after %.1f s, integrity %s, fk %d, cards %s, streams %s" % (
                rnd, wait, ic, len(fk), [len(s.cards) for s in subs], cmp_), flush=True)
        # Final daemon: wait for every occurrence to end, then verify.
        P.wait_until_ended(d.socket, t0 - 60, 9 + 4)
        end = time.time() - 1
        occurrences = P.upcoming(d.socket, t0 - 60)
        ledger = P.read_ledger(d.db)
        verification = verify_writes(d.db, log)
        stopped_cleanly = d.stop()
        for s in subs:
            s.stop()
            s.join(5)
        streams.append(subs)
        rounds.append({"round": "final", "streams": P.compare_streams(subs[0].cards, subs[1].cards)[0],
                       "cards": [len(s.cards) for s in subs]})
        copy = d.copy_files(os.path.join(work, "copy-final"))
        final_ic, final_fk = P.integrity(copy)
    finally:
        d.stop()
    return analyse1(d, log, rounds, streams, occurrences, ledger, end, verification, stopped_cleanly,
                    final_ic, final_fk)


def verify_writes(db, log):
    """Checks every acknowledged write against the database (read-only, while the daemon runs)."""
    import sqlite3
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    meetings = {r[0]: {"title": r[1], "start": r[2], "status": r[3]}
                for r in con.execute("SELECT id, title, start, status FROM meeting")}
    answers = {(r[0], r[1], r[2]) for r in con.execute("SELECT meeting_id, prompt, answer FROM answer")}
    items = {("action", r[0]) for r in con.execute("SELECT id FROM action_item")} | \
        {("topic", r[0]) for r in con.execute("SELECT id FROM topic")}
    ledger = {(m, o, s): st for m, o, s, st in
              con.execute("SELECT meeting_id, occurrence, step, state FROM reminder_ledger")}
    con.close()
    calls = sorted(log.calls, key=lambda c: c["sent"])
    ok = lambda c: c["reply"] is not None and "error" not in c["reply"]  # noqa: E731
    maybe = lambda c: c["reply"] is None or ok(c)  # noqa: E731  (acked, or in flight at a kill)

    def mid_of(c):
        p = c["params"]
        return p.get("id", p.get("meetingId"))

    def later(c, pred):
        return [x for x in calls if x["sent"] > c["sent"] and pred(x)]

    def deleted_maybe(m):
        return any(x["method"] == "DeleteMeeting" and mid_of(x) == m and maybe(x) for x in calls)

    res = {}

    def check(kind, c, good, detail):
        r = res.setdefault(kind, {"checked": 0, "missing": 0, "examples": []})
        r["checked"] += 1
        if not good:
            r["missing"] += 1
            if len(r["examples"]) < 5:
                r["examples"].append(detail)

    for c in calls:
        if not ok(c):
            continue
        m, meth, p = mid_of(c), c["method"], c["params"]
        if meth == "AddMeeting":
            mid = c["reply"]["parameters"]["meeting"]["id"]
            if deleted_maybe(mid):
                continue
            titles = {p["title"]} | {x["params"]["title"] for x in later(
                c, lambda x: x["method"] == "UpdateMeeting" and mid_of(x) == mid and "title" in x["params"] and maybe(x))}
            row = meetings.get(mid)
            check("AddMeeting", c, row is not None and row["title"] in titles, {"id": mid, "row": row})
        elif meth == "UpdateMeeting" and "title" in p:
            if deleted_maybe(m):
                continue
            titles = {p["title"]} | {x["params"]["title"] for x in later(
                c, lambda x: x["method"] == "UpdateMeeting" and mid_of(x) == m and "title" in x["params"] and maybe(x))}
            row = meetings.get(m)
            check("UpdateMeeting title", c, row is not None and row["title"] in titles,
                  {"id": m, "want": sorted(titles), "row": row})
        elif meth == "UpdateMeeting" and "start" in p:
            if deleted_maybe(m):
                continue
            starts = {P.ms(c["reply"]["parameters"]["meeting"]["start"])}
            others = later(c, lambda x: x["method"] == "UpdateMeeting" and mid_of(x) == m and "start" in x["params"] and maybe(x))
            row = meetings.get(m)
            check("UpdateMeeting start", c, row is not None and (row["start"] in starts or bool(others)),
                  {"id": m, "want": sorted(starts), "row": row})
        elif meth == "DeleteMeeting":
            check("DeleteMeeting", c, m not in meetings, {"id": m})
        elif meth == "CancelMeeting":
            if deleted_maybe(m):
                continue
            row = meetings.get(m)
            check("CancelMeeting", c, row is not None and row["status"] == "cancelled", {"id": m, "row": row})
        elif meth == "RecordAnswers":
            if deleted_maybe(m):
                continue
            a = p["answers"][0]
            check("RecordAnswers", c, (m, a["prompt"], a["answer"]) in answers, {"id": m, "prompt": a["prompt"]})
        elif meth == "AddItem":
            it = c["reply"]["parameters"]["item"]
            check("AddItem", c, (it["kind"], it["id"]) in items, it)
        elif meth in ("MarkStepDone", "SnoozeReminder"):
            if deleted_maybe(m) or later(c, lambda x: x["method"] == "UpdateMeeting" and mid_of(x) == m
                                         and "start" in x["params"] and maybe(x)):
                continue  # a later move re-keys the occurrence
            occ = c["reply"]["parameters"].get("occurrence")
            if not occ:
                continue
            steps = [p["step"]] if meth == "MarkStepDone" else p["steps"]
            for s in steps:
                st = ledger.get((m, P.ms(occ), s))
                good = st == "done" if meth == "MarkStepDone" else st is not None
                check(meth, c, good, {"key": [m, occ, s], "state": st})
    return res


def analyse1(d, log, rounds, streams, occurrences, ledger, end, verification, stopped_cleanly, final_ic, final_fk):
    P.dump(os.path.join(d.dir, "raw.jsonl"), log, streams)
    snoozes = log.snooze_acks()
    res = {"rounds": rounds}
    res["kills_survived"] = sum(1 for r in rounds if r["round"] != "final" and r["integrity"] == "ok"
                                and r["fk_violations"] == 0)
    res["kills"] = sum(1 for r in rounds if r["round"] != "final")
    res["final_integrity"] = final_ic
    res["final_fk_violations"] = len(final_fk)
    res["calls"] = log.counts()
    res["acked_writes"] = len(log.acked())
    res["verification"] = verification
    res["acked_writes_missing"] = sum(v["missing"] for v in verification.values())
    # Deliveries by the journal lines (every card the daemon sent, across restarts).
    jd = journal_deliveries(d)
    life_start = [s for s, _ in d.starts]
    # Deliveries per daemon life: the journal lines give the count (every card the daemon sent,
    # also before a subscriber could connect); the receive times come from the life's fuller
    # stream, or, for cards no subscriber saw, the life's start (only their order matters).
    journal = {}
    for _, life, m, o, steps in jd:
        for s in steps:
            journal.setdefault(life, {}).setdefault((m, o, s), 0)
            journal[life][(m, o, s)] += 1
    keyed = {}
    for life in range(1, len(life_start) + 1):
        subs = streams[life - 1] if life - 1 < len(streams) else []
        st = {}
        if subs:
            fuller = max(subs, key=lambda x: len(x.cards))
            for t, rem in fuller.cards:
                for k in P.card_keys(rem):
                    st.setdefault(k, []).append(t)
        for k in set(journal.get(life, {})) | set(st):
            n = max(journal.get(life, {}).get(k, 0), len(st.get(k, [])))
            ts = st.get(k, [])[:n]
            keyed.setdefault(k, []).extend(ts + [life_start[life - 1]] * (n - len(ts)))
    deliveries = keyed
    multi, unexplained = P.duplicates(keyed, snoozes)
    lives = {}
    for _, life, m, o, steps in jd:
        for s in steps:
            lives.setdefault((m, o, s), set()).add(life)
    res["journal_cards"] = len(jd)
    res["stream_cards"] = sum(len(s.cards) for subs in streams for s in subs[:1])
    res["multi_delivered_keys"] = len(multi)
    res["multi_across_restart"] = sum(1 for k in multi if len(lives.get(k, ())) > 1)
    res["unexplained_duplicates"] = [
        {"key": list(k), "times": [P.iso(t) for t in ts], "lives": sorted(lives.get(k, ())),
         "snoozes": [[P.iso(a), P.iso(b), P.iso(u)] for a, b, u in snoozes.get(k, [])]}
        for k, ts in unexplained]
    res["streams_identical"] = sum(1 for r in rounds if r["streams"].startswith("identical"))
    res["stream_comparisons"] = len(rounds)
    down = [(a - 1.0, b) for a, b in d.down_intervals()]
    lo = P.losses(occurrences, ledger, end, down, snoozes, set(deliveries))
    res["loss_check"] = {k: v for k, v in lo.items() if k != "lost"}
    res["lost"] = lo["lost"]
    # Ledger rows left 'fired' (claimed, never marked delivered) at the end.
    res["ledger_fired_left"] = sum(1 for st, _, _ in ledger.values() if st == "fired")
    res["stopped_cleanly"] = stopped_cleanly
    res["log"] = {k: len(d.log_lines(k)) for k in ("CancellationError", "Missed ", "error:", "critical",
                                                    "FOREIGN KEY")}
    res["log_errors"] = d.log_lines("error:")[:10]
    return res


def part2(args, rng, work):
    """Kill the instant a subscriber receives a card; restart; count re-deliveries."""
    d = P.Daemon(args.bin, merge_within="0", root=os.path.join(work, "window"))
    out = []
    try:
        for rnd in range(1, args.window_rounds + 1):
            d.start()
            d.wait_ready()
            sub = P.Subscriber(d.socket, "s")
            got = threading.Event()
            info = {}

            def on_card(t, rem, d=d, info=info, got=got):
                if rem.get("kind") == "meeting" and not got.is_set():
                    os.kill(d.proc.pid, 9)
                    info["card"] = rem
                    info["t"] = t
                    got.set()
            sub.on_card = on_card
            sub.start()
            sub.ready.wait(10)
            vl = P.connect(d.socket)
            start = time.time() + 7 + rng.random()
            r = vl.call("AddMeeting", {"title": "window-%d" % rnd, "partner": "Ada", "role": "mentor",
                                       "start": P.iso(start), "duration": "5s",
                                       "offsets": "purpose=%ds,preparation=off,plan=off,participation=off,"
                                                  "capture=off,capture_again=off" % rng.randint(3, 5)})
            vl.close()
            mid = r["parameters"]["meeting"]["id"]
            got.wait(15)
            d.proc.wait()
            d.stops.append((info.get("t", time.time()), "kill -9 on a card"))
            sub.join(5)
            # Restart with a subscriber spinning on connect; collect for 3 s.
            sub2 = P.Subscriber(d.socket, "s2", spin_connect=True)
            lines_before = len(journal_lines(d))
            d.start()
            sub2.start()
            d.wait_ready()
            time.sleep(3)
            ledger = P.read_ledger(d.db)
            d.stop()
            sub2.stop()
            sub2.join(5)
            card = info.get("card")
            key = (mid, P.ms(card["occurrence"]), card["steps"][0]) if card else None
            again_stream = [rem for _, rem in sub2.cards if key in P.card_keys(rem)] if key else []
            again_journal = [ln for ln in journal_lines(d)[lines_before:]
                             if "mentord.meeting.id=%d " % mid in ln]
            out.append({"round": rnd, "card_seen": bool(card), "meeting": mid,
                        "redelivered_stream": len(again_stream), "redelivered_journal": len(again_journal),
                        "ledger_state": ledger.get(key, (None,))[0] if key else None})
            print("window round %2d: meeting %d, card %s, ledger %s, re-delivered (stream/journal) %d/%d" % (
                rnd, mid, "seen" if card else "NOT seen", out[-1]["ledger_state"], len(again_stream),
                len(again_journal)), flush=True)
    finally:
        d.stop()
    return {"rounds": out,
            "cards": sum(1 for r in out if r["card_seen"]),
            "redelivered": sum(1 for r in out if r["redelivered_journal"] or r["redelivered_stream"]),
            "ledger_states": [r["ledger_state"] for r in out]}


def journal_lines(d):
    return d.log_lines("notice: Reminder:")


def summary(res):
    p1 = res.get("part1")
    lines = []
    if p1:
        lc = p1["loss_check"]
        lines += [
            "crash rounds (seed %d)" % res["seed"],
            "  kills survived %d / %d (integrity_check ok and foreign_key_check empty after each kill); "
            "final integrity %s, fk %d" % (p1["kills_survived"], p1["kills"], p1["final_integrity"],
                                           p1["final_fk_violations"]),
            "  calls %d, replies %d, successes %d, in flight at kills %d" % (
                p1["calls"]["calls"], p1["calls"]["replies"], p1["calls"]["ok"], p1["calls"]["in_flight"]),
            "  acknowledged writes missing %d: %s" % (p1["acked_writes_missing"], {
                k: "%d/%d" % (v["missing"], v["checked"]) for k, v in p1["verification"].items()}),
            "  cards: journal %d, stream 1 %d; streams identical in %d of %d daemon lives" % (
                p1["journal_cards"], p1["stream_cards"], p1["streams_identical"], p1["stream_comparisons"]),
            "  multi-delivered keys %d (%d across a restart); unexplained duplicates %d" % (
                p1["multi_delivered_keys"], p1["multi_across_restart"], len(p1["unexplained_duplicates"])),
            "  ended occurrences %d, steps %d: delivered %d, done %d, suppressed %d, missed while down %d, "
            "missed at the start (timing) %d; LOST %d; ledger rows left fired %d" % (
                lc["occurrences"], lc["steps"], lc["delivered"], lc["done"], lc["suppressed"], lc["missed_down"],
                lc["missed_timing"], len(p1["lost"]), p1["ledger_fired_left"]),
            "  log: %s; final stop clean: %s" % (p1["log"], p1["stopped_cleanly"]),
        ]
        for x in p1["lost"]:
            lines.append("    lost: %s" % json.dumps(x))
        for x in p1["unexplained_duplicates"]:
            lines.append("    duplicate: %s" % json.dumps(x))
        for k, v in p1["verification"].items():
            for e in v["examples"]:
                lines.append("    missing %s: %s" % (k, json.dumps(e)))
    p2 = res.get("part2")
    if p2:
        lines.append("at-least-once window: %d rounds, %d cards seen, %d re-delivered after the restart; "
                     "ledger states %s" % (len(p2["rounds"]), p2["cards"], p2["redelivered"], p2["ledger_states"]))
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=".build/release", help="directory holding mentord")
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--window-rounds", type=int, default=10)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--json", help="write the full result here")
    ap.add_argument("--keep", action="store_true", help="keep the temp dir (logs, databases)")
    args = ap.parse_args()
    if args.seed is None:
        args.seed = random.randrange(10 ** 6)
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="mentord-crash-")
    print("work dir %s, seed %d" % (work, args.seed), flush=True)
    res = {"seed": args.seed, "dir": work}
    if args.rounds:
        res["part1"] = part1(args, rng, work)
    if args.window_rounds:
        res["part2"] = part2(args, rng, work)
    print(summary(res), flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(res, f, indent=1, default=str)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
