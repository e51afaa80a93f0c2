#!/usr/bin/python3
"""A recording desktop-notification server for mentord's tests.

It stands in for dunst, mako, GNOME Shell and the like on a private session bus: it owns
org.freedesktop.Notifications, answers the Desktop Notifications Specification's methods on
/org/freedesktop/Notifications, writes down every call it gets, and lets a test play the user
(clicking an action, dismissing a notification) through a second interface on the same object.

It runs with Debian's /usr/bin/python3 and needs python3-dbus and python3-gi
(`scripts/install-deps test` installs both). The bus is the one DBUS_SESSION_BUS_ADDRESS names;
the tests start their own with `dbus-daemon --session --fork --print-address=1 --print-pid=1`.
There is no fallback to an autolaunched bus: without the variable it exits with status 2.

Serving
-------
    notification_server.py [--record PATH] [--ready PATH] [--capabilities a,b,c] [--no-markup]
                           [--hang | --fail]

    --record PATH        append one JSON line per call to PATH, flushed before the call is
                         answered (so once the caller has its reply, the line is there)
    --ready PATH         once the name is owned and the main loop runs, write "ready\\n" to PATH
                         (through a temporary file and a rename, so the file appears whole);
                         "ready" is printed on stdout and flushed at the same moment either way
    --capabilities LIST  what GetCapabilities returns, comma-separated; default
                         "actions,body,body-markup"; an empty string gives none
    --no-markup          leave body-markup out of the capabilities
    --hang               Notify never replies, so the caller's call times out
    --fail               Notify answers with the error org.freedesktop.Notifications.Error.Failed

Exit status: 0 on SIGTERM or SIGINT, and when the bus goes away (the test killed it); 2 on a
usage error, no DBUS_SESSION_BUS_ADDRESS, or when the name is already owned by someone else.

org.freedesktop.Notifications
-----------------------------
    GetCapabilities() -> as
    Notify(s app_name, u replaces_id, s app_icon, s summary, s body, as actions,
           a{sv} hints, i expire_timeout) -> u id
        id is replaces_id when that is not 0, else the next of 1, 2, 3, ...  (an id given as
        replaces_id that the server never handed out moves the counter past it, so a later new
        id never repeats it). The caller's unique name becomes the owner of the id: the
        signals about it go to that connection only.
    CloseNotification(u id)
        emits NotificationClosed(id, 3) if the notification is open; nothing if it is unknown or
        already closed (as dunst does).
    GetServerInformation() -> ssss  ("mentord-test-notifications", "mentord", "1.0", "1.2")

    Signals ActionInvoked(u id, s action_key) and NotificationClosed(u id, u reason) are unicast:
    their destination is the unique name of the connection that called Notify for that id, as
    real servers send them. A connection that merely adds a match rule on another connection
    does not see them (short of eavesdropping/monitoring).

io.mentord.Test (same object; the test plays the user)
-----------------------------------------------------
    InvokeAction(u id, s action_key)
        ActionInvoked(id, action_key) to the owner of id, then NotificationClosed(id, 2)
        (dismissed by the user) as dunst does, unless the notification had the hint
        "resident" set to true. Unknown id: error io.mentord.Test.Error.UnknownId.
    InvokeActionTo(s destination, u id, s action_key)
        ActionInvoked(id, action_key) to destination (a unique name such as ":1.7"), whatever
        id is: for delivering an action for an id the server never handed out. No Closed signal.
    Close(u id, u reason)
        NotificationClosed(id, reason) to the owner of id (1 expired, 2 dismissed, 3 closed by
        CloseNotification, 4 undefined). Unknown id: io.mentord.Test.Error.UnknownId.
    CloseTo(s destination, u id, u reason)
        NotificationClosed(id, reason) to destination, whatever id is.

Client commands (call the running server's io.mentord.Test and exit: 0 on success, 1 on a
D-Bus error, which is printed on stderr)
---------------------------------------------------------------------------------------------
    notification_server.py invoke --id N --action KEY
    notification_server.py invoke-to --destination :1.x --id N --action KEY
    notification_server.py close --id N [--reason R]                      (R defaults to 2)
    notification_server.py close-to --destination :1.x --id N [--reason R]
    Each takes --timeout SECONDS (default 5).

The record
----------
One JSON object per line, each with "method", "interface", "sender" (the caller's unique name)
and "time" (time.time() on arrival). Per method:

    {"method": "Notify", "interface": "org.freedesktop.Notifications", "sender": ":1.5",
     "app_name": "mentord", "replaces_id": 0, "app_icon": "", "summary": "...", "body": "...",
     "actions": ["default", "Open", "snooze", "Snooze"], "hints": {"urgency": 1, ...},
     "expire_timeout": -1, "id": 1, "outcome": "reply", "time": 1700000000.123}
        "outcome" is "reply", or "hang" / "fail" under --hang / --fail, where "id" is null (no id
        is handed out). Hints are plain JSON: integers of every width (bytes included) as
        numbers, booleans as true/false, strings (object paths, signatures too) as strings,
        doubles as numbers, byte arrays and other arrays as lists, structs (image-data) as
        lists, dicts as objects.
    {"method": "GetCapabilities", ..., "capabilities": ["actions", "body", "body-markup"]}
    {"method": "GetServerInformation", ...}
    {"method": "CloseNotification", ..., "id": 1, "was_open": true}
    {"method": "InvokeAction", "interface": "io.mentord.Test", ..., "id": 1,
     "action_key": "snooze", "destination": ":1.5", "closed": true}
        ("destination": null and "error": "unknown id" for an unknown id)
    {"method": "InvokeActionTo", ..., "destination": ":1.9", "id": 42, "action_key": "done"}
    {"method": "Close", ..., "id": 1, "reason": 2, "destination": ":1.5"}
    {"method": "CloseTo", ..., "destination": ":1.9", "id": 42, "reason": 2}

Tests that count notifications filter on "method" == "Notify": the control calls are recorded
too, so the file tells the whole story of a run.
"""

import argparse
import json
import os
import signal
import sys
import tempfile
import time

import dbus
import dbus.bus
import dbus.lowlevel
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

BUS_NAME = "org.freedesktop.Notifications"
OBJECT_PATH = "/org/freedesktop/Notifications"
NOTIFICATIONS_IFACE = "org.freedesktop.Notifications"
TEST_IFACE = "io.mentord.Test"
DEFAULT_CAPABILITIES = "actions,body,body-markup"
SERVER_INFORMATION = ("mentord-test-notifications", "mentord", "1.0", "1.2")

REASON_DISMISSED = 2
REASON_CLOSED_BY_CALL = 3


class NotifyFailed(dbus.DBusException):
    _dbus_error_name = "org.freedesktop.Notifications.Error.Failed"


class UnknownId(dbus.DBusException):
    _dbus_error_name = "io.mentord.Test.Error.UnknownId"


def plain(value):
    """Turns a dbus-python value into plain JSON-able Python."""
    # dbus.Boolean subclasses int, not bool: it has to be looked at before the integers.
    if isinstance(value, dbus.Boolean):
        return bool(value)
    if isinstance(value, (bytes, bytearray)):  # dbus.ByteArray, should a caller get one
        return list(value)
    if isinstance(value, dict):
        return {str(plain(key)): plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):  # dbus.Array (of bytes too), dbus.Struct
        return [plain(item) for item in value]
    if isinstance(value, float):
        return float(value)
    if isinstance(value, int):  # dbus.Byte, Int16 ... UInt64
        return int(value)
    if isinstance(value, str):  # dbus.String, ObjectPath, Signature
        return str(value)
    return repr(value)


class Recorder:
    def __init__(self, path):
        self.file = open(path, "a", encoding="utf-8") if path else None

    def write(self, method, interface, sender, **fields):
        if self.file is None:
            return
        entry = {"method": method, "interface": interface, "sender": str(sender) if sender else None}
        entry.update(fields)
        entry["time"] = time.time()
        self.file.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self.file.flush()

    def close(self):
        if self.file is not None:
            self.file.close()
            self.file = None


class Notification:
    def __init__(self, owner, resident):
        self.owner = owner
        self.resident = resident
        self.open = True


class NotificationServer(dbus.service.Object):
    def __init__(self, bus, options, recorder):
        super().__init__(bus, OBJECT_PATH)
        self.bus = bus
        self.capabilities = options.capabilities
        self.hang = options.hang
        self.fail = options.fail
        self.recorder = recorder
        self.notifications = {}  # id -> Notification
        self.next_id = 1

    # --- signals, unicast to one connection --------------------------------------------------

    def send_signal(self, destination, member, signature, *args):
        message = dbus.lowlevel.SignalMessage(OBJECT_PATH, NOTIFICATIONS_IFACE, member)
        message.set_destination(destination)
        message.append(*args, signature=signature)
        self.bus.send_message(message)
        self.bus.flush()

    def action_invoked(self, destination, id, action_key):
        self.send_signal(destination, "ActionInvoked", "us", dbus.UInt32(id), dbus.String(action_key))

    def notification_closed(self, destination, id, reason):
        self.send_signal(destination, "NotificationClosed", "uu", dbus.UInt32(id), dbus.UInt32(reason))

    # --- org.freedesktop.Notifications ---------------------------------------------------------

    @dbus.service.method(NOTIFICATIONS_IFACE, in_signature="", out_signature="as", sender_keyword="sender")
    def GetCapabilities(self, sender=None):
        self.recorder.write("GetCapabilities", NOTIFICATIONS_IFACE, sender, capabilities=self.capabilities)
        return dbus.Array(self.capabilities, signature="s")

    @dbus.service.method(
        NOTIFICATIONS_IFACE,
        in_signature="susssasa{sv}i",
        out_signature="u",
        sender_keyword="sender",
        async_callbacks=("reply", "error"),
    )
    def Notify(self, app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout,
               sender=None, reply=None, error=None):
        call = dict(
            app_name=str(app_name),
            replaces_id=int(replaces_id),
            app_icon=str(app_icon),
            summary=str(summary),
            body=str(body),
            actions=[str(action) for action in actions],
            hints=plain(hints),
            expire_timeout=int(expire_timeout),
        )
        if self.hang:
            # Neither callback is ever called: the caller waits until its own timeout.
            self.recorder.write("Notify", NOTIFICATIONS_IFACE, sender, **call, id=None, outcome="hang")
            return
        if self.fail:
            self.recorder.write("Notify", NOTIFICATIONS_IFACE, sender, **call, id=None, outcome="fail")
            error(NotifyFailed("the test server was told to fail every Notify"))
            return
        if replaces_id != 0:
            id = int(replaces_id)
            self.next_id = max(self.next_id, id + 1)
        else:
            id = self.next_id
            self.next_id += 1
        resident = bool(hints.get("resident", False))
        self.notifications[id] = Notification(str(sender), resident)
        self.recorder.write("Notify", NOTIFICATIONS_IFACE, sender, **call, id=id, outcome="reply")
        reply(dbus.UInt32(id))

    @dbus.service.method(NOTIFICATIONS_IFACE, in_signature="u", out_signature="", sender_keyword="sender")
    def CloseNotification(self, id, sender=None):
        notification = self.notifications.get(int(id))
        was_open = notification is not None and notification.open
        self.recorder.write("CloseNotification", NOTIFICATIONS_IFACE, sender, id=int(id), was_open=was_open)
        if was_open:
            notification.open = False
            self.notification_closed(notification.owner, id, REASON_CLOSED_BY_CALL)

    @dbus.service.method(NOTIFICATIONS_IFACE, in_signature="", out_signature="ssss", sender_keyword="sender")
    def GetServerInformation(self, sender=None):
        self.recorder.write("GetServerInformation", NOTIFICATIONS_IFACE, sender)
        return SERVER_INFORMATION

    # --- io.mentord.Test -------------------------------------------------------------------------

    @dbus.service.method(TEST_IFACE, in_signature="us", out_signature="", sender_keyword="sender")
    def InvokeAction(self, id, action_key, sender=None):
        notification = self.notifications.get(int(id))
        if notification is None:
            self.recorder.write("InvokeAction", TEST_IFACE, sender, id=int(id), action_key=str(action_key),
                                destination=None, closed=False, error="unknown id")
            raise UnknownId(f"no notification {int(id)} was ever handed out; use InvokeActionTo")
        closes = not notification.resident
        self.recorder.write("InvokeAction", TEST_IFACE, sender, id=int(id), action_key=str(action_key),
                            destination=notification.owner, closed=closes)
        self.action_invoked(notification.owner, id, action_key)
        if closes:
            notification.open = False
            self.notification_closed(notification.owner, id, REASON_DISMISSED)

    @dbus.service.method(TEST_IFACE, in_signature="sus", out_signature="", sender_keyword="sender")
    def InvokeActionTo(self, destination, id, action_key, sender=None):
        self.recorder.write("InvokeActionTo", TEST_IFACE, sender, destination=str(destination), id=int(id),
                            action_key=str(action_key))
        self.action_invoked(str(destination), id, action_key)

    @dbus.service.method(TEST_IFACE, in_signature="uu", out_signature="", sender_keyword="sender")
    def Close(self, id, reason, sender=None):
        notification = self.notifications.get(int(id))
        if notification is None:
            self.recorder.write("Close", TEST_IFACE, sender, id=int(id), reason=int(reason), destination=None,
                                error="unknown id")
            raise UnknownId(f"no notification {int(id)} was ever handed out; use CloseTo")
        self.recorder.write("Close", TEST_IFACE, sender, id=int(id), reason=int(reason),
                            destination=notification.owner)
        notification.open = False
        self.notification_closed(notification.owner, id, reason)

    @dbus.service.method(TEST_IFACE, in_signature="suu", out_signature="", sender_keyword="sender")
    def CloseTo(self, destination, id, reason, sender=None):
        self.recorder.write("CloseTo", TEST_IFACE, sender, destination=str(destination), id=int(id),
                            reason=int(reason))
        self.notification_closed(str(destination), id, reason)


def bus_address():
    address = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
    if not address:
        print("notification_server: DBUS_SESSION_BUS_ADDRESS is not set", file=sys.stderr)
        sys.exit(2)
    return address


def write_ready(path):
    directory = os.path.dirname(os.path.abspath(path))
    descriptor, temporary = tempfile.mkstemp(prefix=".ready-", dir=directory)
    with os.fdopen(descriptor, "w") as file:
        file.write("ready\n")
    os.rename(temporary, path)


def serve(argv):
    parser = argparse.ArgumentParser(
        prog="notification_server.py",
        description="A recording org.freedesktop.Notifications server for tests "
                    "(client commands: invoke, invoke-to, close, close-to).",
    )
    parser.add_argument("--record", metavar="PATH", help="append one JSON line per call to PATH")
    parser.add_argument("--ready", metavar="PATH", help='write "ready\\n" to PATH once the name is owned')
    parser.add_argument("--capabilities", metavar="LIST", default=DEFAULT_CAPABILITIES,
                        help=f"comma-separated capabilities (default {DEFAULT_CAPABILITIES})")
    parser.add_argument("--no-markup", action="store_true", help="leave body-markup out of the capabilities")
    behaviour = parser.add_mutually_exclusive_group()
    behaviour.add_argument("--hang", action="store_true", help="never answer Notify")
    behaviour.add_argument("--fail", action="store_true",
                           help="answer Notify with org.freedesktop.Notifications.Error.Failed")
    options = parser.parse_args(argv)
    options.capabilities = [c for c in (s.strip() for s in options.capabilities.split(",")) if c]
    if options.no_markup:
        options.capabilities = [c for c in options.capabilities if c != "body-markup"]

    loop = GLib.MainLoop()
    bus = dbus.bus.BusConnection(bus_address(), mainloop=DBusGMainLoop())
    # libdbus would _exit() the process when the bus goes; quit the loop instead and exit 0.
    bus.set_exit_on_disconnect(False)
    bus.call_on_disconnection(lambda _connection: loop.quit())

    recorder = Recorder(options.record)
    server = NotificationServer(bus, options, recorder)  # exported before the name is claimed
    result = bus.request_name(BUS_NAME, dbus.bus.NAME_FLAG_DO_NOT_QUEUE)
    if result not in (dbus.bus.REQUEST_NAME_REPLY_PRIMARY_OWNER, dbus.bus.REQUEST_NAME_REPLY_ALREADY_OWNER):
        print(f"notification_server: {BUS_NAME} is already owned on this bus", file=sys.stderr)
        sys.exit(2)

    def quit_on_signal():
        loop.quit()
        return GLib.SOURCE_REMOVE

    GLib.unix_signal_add(GLib.PRIORITY_HIGH, signal.SIGTERM, quit_on_signal)
    GLib.unix_signal_add(GLib.PRIORITY_HIGH, signal.SIGINT, quit_on_signal)

    def announce():
        if options.ready:
            write_ready(options.ready)
        print("ready", flush=True)
        return GLib.SOURCE_REMOVE

    GLib.idle_add(announce)
    try:
        loop.run()
    finally:
        server.remove_from_connection()
        recorder.close()
        try:
            bus.close()
        except Exception:
            pass
    return 0


def client(command, argv):
    parser = argparse.ArgumentParser(prog=f"notification_server.py {command}")
    if command in ("invoke-to", "close-to"):
        parser.add_argument("--destination", required=True, help="unique bus name to send the signal to")
    parser.add_argument("--id", required=True, type=int)
    if command in ("invoke", "invoke-to"):
        parser.add_argument("--action", required=True, help="the action key")
    else:
        parser.add_argument("--reason", type=int, default=REASON_DISMISSED)
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds to wait for the server")
    options = parser.parse_args(argv)

    bus = dbus.bus.BusConnection(bus_address())
    server = bus.get_object(BUS_NAME, OBJECT_PATH, introspect=False)
    id = dbus.UInt32(options.id)
    try:
        if command == "invoke":
            server.InvokeAction(id, options.action, dbus_interface=TEST_IFACE, timeout=options.timeout)
        elif command == "invoke-to":
            server.InvokeActionTo(options.destination, id, options.action, dbus_interface=TEST_IFACE,
                                  timeout=options.timeout)
        elif command == "close":
            server.Close(id, dbus.UInt32(options.reason), dbus_interface=TEST_IFACE, timeout=options.timeout)
        else:
            server.CloseTo(options.destination, id, dbus.UInt32(options.reason), dbus_interface=TEST_IFACE,
                           timeout=options.timeout)
    except dbus.DBusException as error:
        print(f"notification_server {command}: {error.get_dbus_name()}: {error.get_dbus_message()}",
              file=sys.stderr)
        return 1
    finally:
        bus.close()
    return 0


def main(argv):
    if argv and argv[0] in ("invoke", "invoke-to", "close", "close-to"):
        return client(argv[0], argv[1:])
    return serve(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
