#!/usr/bin/env python3
"""A Varlink client we did not write, pointed at a running mentord.

Usage: python3 varlink_client.py SOCKET_PATH

Uses only the PyPI `varlink` package (written against 31.0.0) and the standard library. It calls
every method of io.mentord and org.varlink.service on the daemon listening at SOCKET_PATH and
prints one JSON object per line on standard output describing what came back. The line
{"added": <meeting>} holds the meeting exactly as AddMeeting returned it, for comparison with
mentorctl's output. The last line is {"ok": true} when every check passed.

A failed check prints "FAIL: <what>" on standard error; the exit status is then 1. Checks after a
failed one still run where they can, so one run shows every problem.

Notes on varlink 31.0.0, the version this was written against:
- An error reply is raised as varlink.VarlinkError (or a subclass for a few standard errors);
  .error() is the qualified error name, .parameters() the error's parameters as a dict.
- Replies are filtered through the interface description the client fetched: members the
  description does not declare are dropped, so what we see is the contract's view.
- Calling a method the client's copy of the interface does not declare (handler._call("Nope"))
  raises MethodNotFound locally, without sending anything. The unknown-method check therefore
  writes the call itself with the handler's _send_message() and reads the reply with
  _next_varlink_message(), the two primitives _call() is made of.
"""

import json
import os
import sqlite3
import stat
import sys
import tempfile

import varlink

MENTORD_MEMBERS = [
    "AddMeeting", "ListMeetings", "GetMeeting", "UpdateMeeting", "CancelMeeting",
    "DeleteMeeting", "GetStatus", "NoSuchMeeting", "TestNotify", "GetNextReminder", "ListUpcoming",
    "MarkStepDone", "SnoozeReminder", "Subscribe", "CancelOccurrence", "MoveOccurrence", "Backup",
]

NEW_MEETING = {
    "title": "Outside client",
    "partner": "Pat",
    "role": "mentor",
    "start": "2036-12-04 15:00",
    "timeZone": "Europe/Berlin",
    "duration": "30m",
    "purpose": "Checked by python",
}

failures = []


def check(cond, what):
    """Records a failed check (and says so on stderr); returns cond so callers can branch."""
    if not cond:
        failures.append(what)
        print("FAIL: " + what, file=sys.stderr, flush=True)
    return bool(cond)


def emit(obj):
    """Prints one result line."""
    print(json.dumps(obj, sort_keys=True), flush=True)


def expect_error(what, call, error, parameters=None):
    """Runs call(), which must fail with the named Varlink error.

    parameters, when given, is a dict the error's parameters must contain (extra members allowed).
    Returns the error's parameters, or None when the call did not fail that way.
    """
    try:
        reply = call()
    except varlink.VarlinkError as e:
        got_params = e.parameters() or {}
        emit({"check": what, "error": e.error(), "parameters": got_params})
        check(e.error() == error, "%s: expected error %s, got %s %s"
              % (what, error, e.error(), json.dumps(got_params)))
        for key, value in (parameters or {}).items():
            check(got_params.get(key) == value, "%s: expected parameter %s=%s, got %s"
                  % (what, key, json.dumps(value), json.dumps(got_params)))
        return got_params
    check(False, "%s: expected error %s, got reply %s" % (what, error, json.dumps(reply)))
    return None


# 1. org.varlink.service.GetInfo

def check_info(service):
    info = service.GetInfo()
    emit({"check": "GetInfo", "info": info})
    check(info.get("vendor") == "mentord", "GetInfo: vendor is %r, not 'mentord'" % info.get("vendor"))
    interfaces = info.get("interfaces") or []
    for name in ("io.mentord", "org.varlink.service"):
        check(name in interfaces, "GetInfo: interfaces %r lack %s" % (interfaces, name))


# 2. org.varlink.service.GetInterfaceDescription

def check_description(service):
    description = service.GetInterfaceDescription(interface="io.mentord")["description"]
    interface = varlink.Interface(description)  # raises on a syntax error
    members = list(interface.members.keys())
    emit({"check": "GetInterfaceDescription", "interface": interface.name, "members": members})
    check(interface.name == "io.mentord", "GetInterfaceDescription: interface is named %r" % interface.name)
    for member in MENTORD_MEMBERS:
        check(member in members, "GetInterfaceDescription: io.mentord lacks member %s" % member)
    expect_error("GetInterfaceDescription(no.such.Interface)",
                 lambda: service.GetInterfaceDescription(interface="no.such.Interface"),
                 "org.varlink.service.InterfaceNotFound", {"interface": "no.such.Interface"})


# 3. AddMeeting

def check_add(mentord):
    meeting = mentord.AddMeeting(**NEW_MEETING)["meeting"]
    emit({"added": meeting})
    expected = {
        "title": "Outside client",
        "partner": "Pat",
        "role": "mentor",
        "start": "2036-12-04T14:00:00.000Z",
        "localStart": "2036-12-04T15:00:00+01:00",
        "timeZone": "Europe/Berlin",
        "durationSeconds": 1800,
        "purpose": "Checked by python",
        "status": "scheduled",
    }
    for key, value in expected.items():
        check(meeting.get(key) == value, "AddMeeting: %s is %s, expected %s"
              % (key, json.dumps(meeting.get(key)), json.dumps(value)))
    for key in ("id", "relationshipId"):
        check(isinstance(meeting.get(key), int), "AddMeeting: %s is not an int: %r" % (key, meeting.get(key)))
    for key in ("createdAt", "updatedAt"):
        check(isinstance(meeting.get(key), str) and meeting[key].endswith("Z"),
              "AddMeeting: %s is not an RFC 3339 UTC string: %r" % (key, meeting.get(key)))
    return meeting


# 4. GetMeeting, ListMeetings, UpdateMeeting, CancelMeeting

def ids(meetings):
    return [m.get("id") for m in meetings]


def check_lifecycle(mentord, added):
    mid = added["id"]

    got = mentord.GetMeeting(id=mid)["meeting"]
    emit({"check": "GetMeeting", "meeting": got})
    check(got == added, "GetMeeting: %s differs from the added meeting %s"
          % (json.dumps(got, sort_keys=True), json.dumps(added, sort_keys=True)))

    listed = mentord.ListMeetings()["meetings"]
    emit({"check": "ListMeetings", "ids": ids(listed)})
    check(added in listed, "ListMeetings: the added meeting %d is not listed (ids %s)" % (mid, ids(listed)))

    updated = mentord.UpdateMeeting(id=mid, title="Renamed")["meeting"]
    emit({"check": "UpdateMeeting", "meeting": updated})
    check(updated.get("title") == "Renamed", "UpdateMeeting: title is %r, not 'Renamed'" % updated.get("title"))
    for key in ("id", "partner", "role", "start", "localStart", "timeZone", "durationSeconds",
                "purpose", "status", "createdAt"):
        check(updated.get(key) == added.get(key), "UpdateMeeting: %s changed from %s to %s"
              % (key, json.dumps(added.get(key)), json.dumps(updated.get(key))))

    cancelled = mentord.CancelMeeting(id=mid)["meeting"]
    emit({"check": "CancelMeeting", "meeting": cancelled})
    check(cancelled.get("status") == "cancelled", "CancelMeeting: status is %r" % cancelled.get("status"))
    check(cancelled.get("title") == "Renamed", "CancelMeeting: title is %r, not 'Renamed'" % cancelled.get("title"))
    expect_error("CancelMeeting twice", lambda: mentord.CancelMeeting(id=mid),
                 "io.mentord.AlreadyCancelled", {"id": mid})

    listed = mentord.ListMeetings()["meetings"]
    emit({"check": "ListMeetings after cancel", "ids": ids(listed)})
    check(mid not in ids(listed), "ListMeetings: cancelled meeting %d is still listed by default" % mid)

    listed = mentord.ListMeetings(includeCancelled=True)["meetings"]
    emit({"check": "ListMeetings(includeCancelled)", "ids": ids(listed)})
    check(cancelled in listed, "ListMeetings(includeCancelled): the cancelled meeting %d is not listed as "
          "CancelMeeting returned it (ids %s)" % (mid, ids(listed)))


# 5. Errors

def raw_call(handler, method, parameters):
    """Sends a call the handler's interface need not declare, and returns the reply's parameters.

    Raises varlink.VarlinkError on an error reply, as a generated method would.
    """
    message = {"method": method, "parameters": parameters}
    handler._send_message(json.dumps(message).encode("utf-8"))
    parameters, _continues = handler._next_varlink_message()
    return parameters


def check_errors(mentord):
    stored_before = mentord.GetStatus()["meetings"]

    expect_error("GetMeeting(999999)", lambda: mentord.GetMeeting(id=999999),
                 "io.mentord.NoSuchMeeting", {"id": 999999})

    def add(**changes):
        params = dict(NEW_MEETING, **changes)
        return lambda: mentord.AddMeeting(**params)

    expect_error("AddMeeting(timeZone Mars/Base)", add(timeZone="Mars/Base"),
                 "io.mentord.InvalidTimeZone", {"name": "Mars/Base"})
    expect_error("AddMeeting(start 2026-02-30 15:00)", add(start="2026-02-30 15:00"),
                 "io.mentord.InvalidTime", {"text": "2026-02-30 15:00", "reason": "no such date or time"})
    expect_error("AddMeeting(start 2026-03-29 02:30 Europe/Berlin)", add(start="2026-03-29 02:30"),
                 "io.mentord.NonexistentLocalTime", {"text": "2026-03-29 02:30", "timeZone": "Europe/Berlin"})

    params = expect_error("io.mentord.Nope (raw call)", lambda: raw_call(mentord, "io.mentord.Nope", {}),
                          "org.varlink.service.MethodNotFound")
    if params is not None:
        check("Nope" in str(params.get("method")),
              "io.mentord.Nope: MethodNotFound does not name the method: %s" % json.dumps(params))

    # The errors changed nothing, and the connection still serves calls after them.
    stored_after = mentord.GetStatus()["meetings"]
    check(stored_after == stored_before, "errors: meetings stored went from %d to %d" % (stored_before, stored_after))


# 6. DeleteMeeting

def check_delete(mentord, mid):
    reply = mentord.DeleteMeeting(id=mid)
    emit({"check": "DeleteMeeting", "id": mid, "reply": reply})
    check(reply == {}, "DeleteMeeting: reply has parameters %s" % json.dumps(reply))
    expect_error("GetMeeting after DeleteMeeting", lambda: mentord.GetMeeting(id=mid),
                 "io.mentord.NoSuchMeeting", {"id": mid})
    expect_error("DeleteMeeting twice", lambda: mentord.DeleteMeeting(id=mid),
                 "io.mentord.NoSuchMeeting", {"id": mid})


# 7. GetStatus

def check_status(mentord):
    status = mentord.GetStatus()
    emit({"check": "GetStatus", "status": status})
    # The client coerces replies to the declared types (a float or a bool passes as an int), so
    # the types are checked on the raw reply.
    raw = raw_call(mentord, "io.mentord.GetStatus", {})
    check(raw.get("pid") == status.get("pid"),
          "GetStatus: raw pid %r differs from %r" % (raw.get("pid"), status.get("pid")))
    status = raw
    check(isinstance(status.get("version"), str) and status["version"] != "",
          "GetStatus: version is %r" % status.get("version"))
    for key in ("pid", "meetings"):
        value = status.get(key)
        check(isinstance(value, int) and not isinstance(value, bool) and value >= 0,
              "GetStatus: %s is not a non-negative int: %r" % (key, value))


# 8. Backup

def check_backup(mentord, directory):
    path = os.path.join(directory, "backup.sqlite3")
    reply = mentord.Backup(path=path)
    emit({"check": "Backup", "reply": reply})
    check(reply.get("path") == path and reply.get("bytes") == os.path.getsize(path),
          "Backup: reply %r does not describe %s" % (reply, path))
    check(stat.S_IMODE(os.stat(path).st_mode) == 0o600, "Backup: the copy is not private")
    copy = sqlite3.connect(path)
    check(copy.execute("pragma integrity_check").fetchone()[0] == "ok", "Backup: the copy is damaged")
    copy.close()
    expect_error("Backup to a directory", lambda: mentord.Backup(path=directory),
                 "io.mentord.CannotBackUp", {"path": directory, "reason": "not a regular file"})


# 9. Reminders and channels

def check_reminders(mentord):
    added = mentord.AddMeeting(**dict(NEW_MEETING, title="Reminder check", start="2036-12-11 15:00"))["meeting"]
    upcoming = mentord.ListUpcoming(**{"from": "2036-12-01 00:00", "days": 30})["occurrences"]
    check(any(o["meetingId"] == added["id"] for o in upcoming), "ListUpcoming: the meeting is missing")
    # Nothing is due within the planning window yet (the meeting is years ahead): the optional
    # reminder is null, which the client leaves out.
    following = mentord.GetNextReminder()
    check(following.get("reminder") is None, "GetNextReminder: unexpected %r" % following)
    mentord.MarkStepDone(meetingId=added["id"], step="purpose")
    upcoming = mentord.ListUpcoming(**{"from": "2036-12-01 00:00", "days": 30})["occurrences"]
    states = [r.get("state") for o in upcoming if o["meetingId"] == added["id"]
              for r in o["reminders"] if r["step"] == "purpose"]
    check(states == ["done"], "MarkStepDone: purpose is %r" % states)
    expect_error("SnoozeReminder of a done step",
                 lambda: mentord.SnoozeReminder(meetingId=added["id"], steps=["purpose"], until="1h"),
                 "io.mentord.CannotSnooze", {"meetingId": added["id"], "step": "purpose"})
    channels = mentord.TestNotify()["channels"]
    names = [c["channel"] for c in channels]
    check(names[:1] == ["subscribers"] and "journal" in names,
          "TestNotify: channels are %r" % names)
    check(all(isinstance(c["ok"], bool) for c in channels), "TestNotify: ok is not a bool")
    mentord.DeleteMeeting(id=added["id"])


# 10. Calendar import

CALENDAR = "\r\n".join([
    "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//mentord tests//python//EN",
    "BEGIN:VEVENT", "UID:python-1@example.org", "DTSTAMP:20361201T000000Z", "SUMMARY:From python",
    "DTSTART;TZID=Europe/Berlin:20361217T150000", "DURATION:PT45M", "RRULE:FREQ=WEEKLY;COUNT=3",
    "END:VEVENT", "END:VCALENDAR", ""])


def check_import(mentord):
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "calendar.ics")
        with open(path, "w", newline="") as file:
            file.write(CALENDAR)
        dry = mentord.ImportCalendar(path=path, partner="Python", role="mentee", dryRun=True)
        check((dry["added"], dry["meetingIds"]) == (1, []), "ImportCalendar dry run: %r" % dry)
        first = mentord.ImportCalendar(path=path, partner="Python", role="mentee")
        check(first["added"] == 1 and len(first["meetingIds"]) == 1, "ImportCalendar: %r" % first)
        again = mentord.ImportCalendar(path=path, partner="Python")
        check((again["added"], again["unchanged"], again["skipped"]) == (0, 1, []),
              "ImportCalendar again: %r" % again)
        expect_error("ImportCalendar without a partner", lambda: mentord.ImportCalendar(path=path),
                     "io.mentord.PartnersNeeded", {"path": path})
        missing = os.path.join(directory, "missing.ics")
        expect_error("ImportCalendar of a missing file", lambda: mentord.ImportCalendar(path=missing),
                     "io.mentord.CalendarUnreadable", {"path": missing})
        meeting = mentord.GetMeeting(id=first["meetingIds"][0])["meeting"]
        check((meeting["title"], meeting["timeZone"], meeting["recurrence"]) ==
              ("From python", "Europe/Berlin", "FREQ=WEEKLY;COUNT=3"), "imported meeting: %r" % meeting)
        mentord.DeleteMeeting(id=meeting["id"])


# 11. Partners by name and the mentoring loop

def check_names_and_loop(mentord):
    added = mentord.AddMeeting(**dict(NEW_MEETING, title="Names check", partner="Patrick Doe",
                                      start="2036-12-18 15:00"))["meeting"]
    mentord.AddRelationship(partner="Patricia Roe", role="mentor")
    found = mentord.FindMeeting(name="patrick")
    check(found["meeting"]["id"] == added["id"], "FindMeeting by first name: %r" % found)
    params = expect_error("FindMeeting of an ambiguous name", lambda: mentord.FindMeeting(name="patri"),
                          "io.mentord.AmbiguousName", {"name": "patri"})
    names = sorted(c["partner"] for c in (params or {}).get("candidates", []))
    check(names == ["Patricia Roe", "Patrick Doe"], "AmbiguousName: candidates are %r" % names)
    read = mentord.ReadTime(text="2036-12-19 09:30", meetingId=added["id"])
    check(read["local"] == "2036-12-19T09:30:00+01:00", "ReadTime: %r" % read)
    goal = mentord.AddGoal(partner="patrick", statement="Checked by python")["goal"]
    captured = mentord.CaptureMeeting(meetingId=added["id"], summary="From python",
                                      goalProgress=[{"goalId": goal["id"], "note": "halfway", "rating": 3}])
    check(captured["capture"]["summary"] == "From python", "CaptureMeeting: %r" % captured)
    review = mentord.GetReview(partner="patrick")
    progress = [p["note"] for g in review["goals"] for p in g["progress"]]
    check(progress == ["halfway"], "GetReview: progress is %r" % progress)
    mentord.DeleteRelationship(partner="Patricia Roe")
    mentord.DeleteRelationship(partner="Patrick Doe", force=True)


def step(what, fn, *args):
    """Runs one group of checks; an unexpected exception fails the group instead of the script."""
    try:
        return fn(*args)
    except varlink.VarlinkError as e:
        check(False, "%s: unexpected error %s %s" % (what, e.error(), json.dumps(e.parameters())))
    except Exception as e:  # connection refused, broken pipe, missing reply member, ...
        check(False, "%s: %s: %s" % (what, type(e).__name__, e))
    return None


def main(argv):
    if len(argv) != 2:
        print("usage: %s SOCKET_PATH" % argv[0], file=sys.stderr)
        return 2

    client = varlink.Client(address="unix:" + argv[1])
    service = mentord = None
    try:
        service = step("open org.varlink.service", client.open, "org.varlink.service")
        if service is not None:
            step("GetInfo", check_info, service)
            step("GetInterfaceDescription", check_description, service)

        mentord = step("open io.mentord", lambda: client.open("io.mentord", namespaced=False))
        if mentord is not None:
            added = step("AddMeeting", check_add, mentord)
            if added is not None:
                step("meeting lifecycle", check_lifecycle, mentord, added)
            step("errors", check_errors, mentord)
            if added is not None:
                step("DeleteMeeting", check_delete, mentord, added["id"])
            step("GetStatus", check_status, mentord)
            step("Backup", check_backup, mentord, os.path.dirname(os.path.abspath(argv[1])))
            step("reminders", check_reminders, mentord)
            step("ImportCalendar", check_import, mentord)
            step("names and the loop", check_names_and_loop, mentord)
    finally:
        for handler in (service, mentord):
            if handler is not None:
                handler.close()
        client.cleanup()

    if failures:
        return 1
    emit({"ok": True})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
