#!/usr/bin/env python3
"""An expansion of iCalendar files that we did not write, to compare mentord's with.

Usage: python3 oracle_expand.py MANIFEST.json

MANIFEST is {"floatingZone": "America/New_York", "files": [{"path": ..., "from": MS, "to": MS}, ...]}
with instants as Unix milliseconds. Each file is read by the PyPI `icalendar` package and expanded by
`recurring-ical-events` (which applies `x-wr-timezone` to Google's X-WR-TIMEZONE itself), pinned in
scripts/install-deps. Printed on standard output: one JSON object {path: [occurrence, ...]} where each
occurrence that starts in [from, to) is {"uid", "original", "start", "end", "summary", "status"}, the
instants as Unix milliseconds (floating times read in floatingZone, as mentord reads them in the user's
zone), "original" the occurrence's RECURRENCE-ID, "status" STATUS or "" when not given. All-day
occurrences are left out: mentord does not import them.
"""

import datetime
import json
import sys
import zoneinfo

import icalendar
import recurring_ical_events


def milliseconds(value, floating):
    """Unix milliseconds of a date-time; None for a date."""
    if not isinstance(value, datetime.datetime):
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=floating)
    return round(value.timestamp() * 1000)


def expand(path, start_ms, stop_ms, floating):
    with open(path, "rb") as file:
        calendar = icalendar.Calendar.from_ical(file.read())
    # A day's margin either side: the query is by overlap, the comparison by start.
    start = datetime.datetime.fromtimestamp(start_ms / 1000 - 86400, datetime.timezone.utc)
    stop = datetime.datetime.fromtimestamp(stop_ms / 1000 + 86400, datetime.timezone.utc)
    found = []
    for event in recurring_ical_events.of(calendar).between(start, stop):
        begin = milliseconds(event["DTSTART"].dt, floating)
        if begin is None or not start_ms <= begin < stop_ms:
            continue
        end = milliseconds(event["DTEND"].dt, floating) if "DTEND" in event else begin
        recurrence_id = event.get("RECURRENCE-ID")
        found.append({
            "uid": str(event.get("UID")),
            "original": milliseconds(recurrence_id.dt, floating) if recurrence_id is not None else begin,
            "start": begin,
            "end": end,
            "summary": str(event.get("SUMMARY", "")),
            "status": str(event.get("STATUS", "")),
        })
    found.sort(key=lambda occurrence: (occurrence["start"], occurrence["uid"]))
    return found


def main():
    with open(sys.argv[1], encoding="utf-8") as file:
        manifest = json.load(file)
    floating = zoneinfo.ZoneInfo(manifest["floatingZone"])
    result = {}
    for entry in manifest["files"]:
        result[entry["path"]] = expand(entry["path"], entry["from"], entry["to"], floating)
    json.dump(result, sys.stdout, sort_keys=True)


if __name__ == "__main__":
    main()
