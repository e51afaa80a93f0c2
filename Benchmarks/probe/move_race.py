#!/usr/bin/env python3
"""Minimal reproduction of the move race found by crash.py (see README.md, "Bug found").

A single meeting at A = now + 60 s with purpose=70s and preparation=65s: both times have passed
at the add, so both go out at once as one late card and are delivered (rule 2). Then two clients move its start back and forth between A and A+1 s
for a few seconds. Both steps' times have passed at A and at A+1 s, so every move carries them as
delivered (LedgerCarryOver: "a move never repeats a card") and no card may come. Any card that
does come is a step shown again.

    python3 Benchmarks/probe/move_race.py --bin .build/release [--seconds 10] [--clients 2] [--pause 0]
"""

import argparse
import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import probelib as P  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=".build/release")
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--clients", type=int, default=2)
    ap.add_argument("--pause", type=float, default=0.0, help="seconds between one client's moves")
    args = ap.parse_args()
    d = P.Daemon(args.bin, merge_within="0")
    try:
        d.start()
        d.wait_ready()
        s = P.Subscriber(d.socket, "s")
        s.start()
        s.ready.wait(5)
        vl = P.connect(d.socket)
        base = int(time.time()) + 60
        a, b = P.iso(base), P.iso(base + 1)
        r = vl.call("AddMeeting", {
            "title": "race", "partner": "Ada", "role": "mentor", "start": a, "duration": "5s",
            "offsets": "purpose=70s,preparation=65s,plan=off,participation=off,capture=off,capture_again=off"})
        vl.close()
        mid = r["parameters"]["meeting"]["id"]
        time.sleep(2)
        print("cards at the add:", [(rem["occurrence"], rem["steps"], rem["late"]) for _, rem in s.cards])
        n0 = len(s.cards)
        moves = []

        def mover(k):
            c = P.connect(d.socket)
            i, end = k, time.time() + args.seconds
            while time.time() < end:
                rr = c.call("UpdateMeeting", {"id": mid, "start": (a, b)[i % 2]})
                moves.append("error" in rr)
                i += 1
                time.sleep(args.pause)
            c.close()
        ts = [threading.Thread(target=mover, args=(k,)) for k in range(args.clients)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        time.sleep(1)
        extra = s.cards[n0:]
        print("%d moves by %d clients (%d errors); cards during the moves: %d (expected 0)" % (
            len(moves), args.clients, sum(moves), len(extra)))
        for t, rem in extra[:5]:
            print("  %s occurrence %s %s%s" % (P.iso(t), rem["occurrence"], rem["steps"], " late" if rem["late"] else ""))
        print("ledger at the end:", {(P.iso(k[1] / 1000.0), k[2]): v[0] for k, v in P.read_ledger(d.db).items()})
        s.stop()
    finally:
        d.stop()
        print("daemon dir (log, db):", d.dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
