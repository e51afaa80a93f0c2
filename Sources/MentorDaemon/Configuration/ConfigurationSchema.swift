/// Every table and key of `config.toml`, in the order the commented file lists them: the one place
/// a key is defined.
///
/// ``DaemonConfiguration/parse(_:path:)`` looks each key up here (a key not listed is an error), and
/// the commented `config/mentord.toml` and the `mentord.toml(5)` manual are generated from the same
/// list by ``ConfigurationFileText`` and ``ConfigurationManualText`` (`make config-docs` rewrites
/// both); a test fails when a committed file differs. Help texts
/// are paragraphs separated by a blank line; a paragraph whose lines start with `- ` is a list, and
/// backquotes mark literal text.
public enum ConfigurationSchema {
    /// What the file is and how mentord reads it: the commented file's heading and the manual's
    /// description.
    public static let introduction = """
        mentord reads `$XDG_CONFIG_HOME/mentord/config.toml` (`~/.config/mentord/config.toml` when \
        `XDG_CONFIG_HOME` is unset), or the file given with `mentord --config PATH`. Without a file, \
        or with an empty one (`--config /dev/null`), the defaults below apply; every key may be left \
        out. `make install` puts this commented file there when none exists and never overwrites \
        one; the Debian package leaves it in `/usr/share/doc/mentord/examples/config.toml`, to copy.

        An unknown table or key, or a value out of range, is an error that names the file and line, \
        and a syntax error names the column too: a typo never silently means the default. mentord \
        reads the TOML such a file needs: tables of strings, whole numbers, true/false and lists, \
        with comments; a float, a date, an inline table, a dotted or quoted key or a multi-line \
        string is refused by name. The file must be a regular file of at most 1 MiB: a FIFO or a \
        device is refused at once.

        The `[hook]` and `[desktop] open` commands run as you, so whoever can edit the file can run \
        programs as you: mentord refuses a file that belongs to another user (root excepted) or that \
        others can write to, and says which `chmod` fixes it.

        After editing, send SIGHUP to reread the file: `systemctl --user reload mentord` under \
        systemd, else `kill -HUP <pid>` (`mentorctl status` shows the pid). mentord rereads every \
        table and plans every reminder again; a new `[desktop] timeout`, or a new `[calendar] \
        http_timeout` once an HTTP calendar has been contacted, waits for a restart. The `[calendar.NAME]` tables are applied just after the \
        reload is done, since a CalDAV server is asked first (the log says "Applied the reloaded \
        configuration's calendars"). A file that no longer reads is ignored: the running \
        settings stay, and the log says why. At start-up the same error stops mentord.
        """

    /// The tables, in file order.
    public static let tables: [ConfigurationTable] = [limits, reminders, calendar, desktop, journal, hook]

    /// The key `name` of the table `table`, if the file may set it.
    public static func key(_ name: String, in table: String) -> ConfigurationKey? {
        tables.first { $0.name == table }?.keys.first { $0.name == name }
    }

    static let limits = ConfigurationTable(
        name: "limits",
        help: """
            Limits on what clients of the control socket may use. Each protects the daemon from one \
            misbehaving or hostile client; the defaults are far above what mentorctl needs.
            """,
        keys: [
            .wholeNumber(
                "max_connections", 1...65_536, \.limits.maxConnections,
                help: """
                    Largest number of client connections open at once (mentorctl calls, `mentorctl \
                    watch` subscribers, scripts). Beyond it, new connections are turned away until one \
                    closes.
                    """),
            .wholeNumber(
                "max_message_bytes", 1024...(64 << 20), \.limits.maxMessageBytes,
                help: """
                    Largest Varlink message, in bytes, that a client may send: one JSON object up to \
                    its NUL terminator. A client that sends more gets an error and is disconnected. \
                    1048576 is 1 MiB.
                    """),
            .wholeNumber(
                "max_meetings", 1...10_000_000, \.limits.maxMeetings,
                help: """
                    Largest number of meetings the database may hold, past and cancelled ones \
                    included. Adding one more is refused with a TooMany error naming the limit.
                    """),
            .duration(
                "message_timeout", 1...3600, \.limits.messageTimeoutSeconds,
                help: """
                    How long a connection may hold part of a message (no NUL yet) with nothing more \
                    arriving before it is closed.
                    """),
            .duration(
                "idle_timeout", 1...3600, \.limits.idleTimeoutSeconds,
                help: """
                    How long a connection with no call in progress may send nothing, after it opens or \
                    after its last reply, before it is closed: a program that leaks connections cannot \
                    hold every slot and lock mentorctl out. `mentorctl watch` and other subscriptions \
                    are never closed for being quiet.
                    """),
        ])

    static let reminders = ConfigurationTable(
        name: "reminders",
        help: """
            When the 4P reminders come. Every value is a string. Times of day, working days and quiet \
            hours are yours, read in your own zone (the daemon's), not in the meeting's: a meeting \
            arranged in another zone never reminds you at night.

            The step keys take a duration (`"90s"`, `"15m"`, `"2h"`, `"3d"`, `"1w"`), from 1 second \
            to 30 days, or `"off"` to turn the step off. `mentorctl add --offsets` replaces them for \
            one meeting, and `mentorctl relationship edit --offsets` for every meeting with one \
            partner. The advice after "Advice:" is a sensible range, not a limit.
            """,
        keys: [
            .reminder("purpose", help: "Before the start: what this meeting is for. Advice: 1d to 7d."),
            .reminder(
                "preparation",
                help: """
                    Before the start: reread last time's notes and open promises, write questions. \
                    Advice: 4h to 2d.
                    """),
            .reminder(
                "plan", help: "Before the start: next steps and asks, drafted before the call. Advice: 30m to 4h."),
            .reminder("participation", help: "Before the start: the last cue, be present. Advice: 5m to 60m."),
            .reminder(
                "capture",
                help: """
                    After the end: write down commitments, open topics, the next date and goal. Advice: \
                    5m to 24h.
                    """),
            .reminder(
                "capture_again", help: "After the end: a second capture nudge, skipped once capture is marked done."),
            .reminder(
                "prep_hour",
                help: "An offset of whole days (`\"3d\"`, `\"1d\"`, `\"24h\"`) lands at this local time, on that day."),
            .reminder(
                "working_days",
                help: """
                    Working days for whole-day offsets: one landing on another day moves back to the \
                    working day before it. Ranges and lists: `"Mon-Fri"`, `"Mon,Wed,Fri"`, `"Mon-Sun"` \
                    for every day.
                    """),
            .reminder(
                "quiet_hours",
                help: """
                    A reminder before a meeting that falls inside these hours moves to the moment they \
                    end (08:00 with the default) when that is still before the meeting; otherwise it \
                    keeps its time. Capture nudges are never moved.
                    """),
            .reminder(
                "merge_within",
                help: """
                    Reminders of one meeting due within this span of each other come as one card at \
                    the earlier time; `"0"` sends every step on its own.
                    """),
            .reminder(
                "order",
                help: """
                    `"presence-last"`: Purpose, Preparation, Plan, Participation, so "be present" is \
                    the last cue. `"article"`: Participation before Plan.
                    """),
            .reminder(
                "digest",
                help: """
                    `"daily"`: the day-based cards (Purpose, Preparation) of two or more meetings due \
                    at the same prep hour come as one digest card listing each meeting with its aim \
                    and open items. `"off"`: one card per meeting.
                    """),
            .reminder(
                "review_every",
                help: """
                    How often a relationship is due for a review: the Plan card then asks to rate each \
                    goal again and to decide the phase (initiation is reviewed after six weeks at the \
                    latest).
                    """),
        ])

    static let calendar = ConfigurationTable(
        name: "calendar",
        help: """
            Calendar files you import (`mentorctl import FILE`) and calendars mentord follows. A \
            calendar to follow can also be a table of its own, `[calendar.NAME]`, with `location` (an \
            .ics file, a vdir folder, an http(s) ICS URL or a CalDAV collection), `with` and `role` \
            or `match` rules, `interval`, `user` and `password_file` or `password_command`: see \
            docs/calendar.md, "Following calendars".
            """,
        keys: [
            .addresses(
                "addresses", \.calendar.addresses,
                help: """
                    Your own e-mail addresses, as your calendar writes them in ORGANIZER and ATTENDEE: \
                    an .ics file does not say whose calendar it is. They are never taken for a \
                    partner's, and an event one of them declined is skipped (a declined occurrence of a \
                    series is left out). Example: `["ada@example.org"]`.
                    """),
            .duration(
                "http_timeout", 1...300, \.calendar.httpTimeoutSeconds,
                help: """
                    The longest one HTTP request of a followed ICS URL or CalDAV calendar may take; \
                    a sync that times out changes nothing and is tried again later. It is read when \
                    mentord first contacts such a calendar (at start, when one is configured): a \
                    reload after that keeps the old value until a restart.
                    """),
        ])

    static let desktop = ConfigurationTable(
        name: "desktop",
        help: """
            Where reminders go. A `mentorctl watch` always gets them; the `[desktop]`, `[journal]` and \
            `[hook]` tables add the desktop, the journal and a command of your own. The channels are \
            independent: one that fails or hangs never holds up the others or the next reminder. \
            `mentorctl test-notify` sends a sample reminder through each and says what became of it.

            Desktop notifications, through the notification server of your session (GNOME Shell, KDE \
            Plasma, dunst, mako, ...) on the D-Bus session bus named by `DBUS_SESSION_BUS_ADDRESS`, \
            else at `$XDG_RUNTIME_DIR/bus`. Each card is one notification, with Open prompts, Snooze \
            1 h and Done buttons when the server shows buttons. Without a bus or a server, the first \
            failure is logged, the other channels go on, and the next reminder tries again.
            """,
        keys: [
            .flag("enabled", \.channels.desktop, help: "Whether cards become desktop notifications."),
            .command(
                "open", \.channels.openCommand,
                help: """
                    What clicking the notification (or Open prompts) runs, with the meeting id and the \
                    card's first step appended: `mentorctl open` asks the prep questions before a \
                    meeting and walks through the capture after it (`mentorctl capture ID`), so a \
                    capture made from the notification feeds the next meeting. The program is run \
                    directly, never through a shell. The button is offered only when the program is \
                    found on PATH; `[]` leaves it out.
                    """),
            .choice(
                "privacy", \.channels.desktopPrivacy,
                help: """
                    What a notification shows. `"full"`: the headline and each step's questions, \
                    filled with goals, summaries and open items. `"headline"`: the step, the partner \
                    and the time alone ("Participation: Sam in 15m"), for screen sharing and lock \
                    screens; `mentorctl watch` still shows everything.
                    """),
            .duration(
                "timeout", 1...300, \.channels.desktopTimeoutSeconds,
                help: """
                    How long to wait for the notification server to answer, each call: a server that \
                    hangs costs at most this much, and the reminder still reaches the other channels.
                    """),
        ])

    static let journal = ConfigurationTable(
        name: "journal",
        help: """
            One journal entry per reminder (the daemon's log when it does not run under systemd), with \
            the fields MENTORD_MEETING_ID, MENTORD_STEP and MENTORD_OCCURRENCE: `journalctl --user \
            MENTORD_MEETING_ID=3`.
            """,
        keys: [
            .flag("enabled", \.channels.journal, help: "Whether each card is logged; the rest of the log stays.")
        ])

    static let hook = ConfigurationTable(
        name: "hook",
        help: "A command of your own, run once per reminder card: send it to your phone, a chat, a lamp.",
        keys: [
            .command(
                "command", \.channels.hookCommand,
                help: """
                    The hook; `[]` means none. It is exec'd directly, never through a shell: no \
                    quoting, globbing or $VARIABLES in these strings, and a meeting title such as \
                    "$(rm -rf ~)" reaches the hook as those characters. Give an absolute path, or a \
                    program on the daemon's PATH (under systemd that is the user manager's, which may \
                    lack ~/.local/bin); a relative path such as "./hook.sh" or "~/bin/hook" is refused \
                    (the daemon runs in /). Its output is kept only for the log; a non-zero exit status \
                    is logged. Under systemd the hook inherits the unit's hardening: one that \
                    JIT-compiles (node, java) needs MemoryDenyWriteExecute=no (`systemctl --user edit \
                    mentord`).

                    The hook gets the daemon's environment, without the service manager's variables \
                    (NOTIFY_SOCKET, LISTEN_*, WATCHDOG_*), plus these:

                    - `MENTORD_KIND`: what the card is about: `meeting`, `commitment` (one of your \
                    commitments is due) or `test` (`mentorctl test-notify`).
                    - `MENTORD_MEETING_ID`: the meeting's id; for a commitment the meeting it was \
                    agreed at; empty for a test card.
                    - `MENTORD_ITEM_ID`: the commitment's action item id; empty otherwise.
                    - `MENTORD_TITLE`: the meeting's title, as typed.
                    - `MENTORD_PARTNER`: the other person.
                    - `MENTORD_ROLE`: your role with them, `mentor` or `mentee`.
                    - `MENTORD_STEP`: the card's steps, comma-separated, in the order shown \
                    (`purpose`, `preparation`, `plan`, `participation`, `capture`, `captureAgain`); \
                    empty for a commitment.
                    - `MENTORD_START`: the start of the occurrence, RFC 3339 UTC.
                    - `MENTORD_LOCAL_START`: the same in the meeting's zone.
                    - `MENTORD_TIME_ZONE`: the meeting's IANA time zone.
                    - `MENTORD_DUE_AT`: when the card was due, UTC; for a late card, earlier than now.
                    - `MENTORD_MINUTES_LEFT`: whole minutes to the start (from now for a late card), \
                    negative after it.
                    - `MENTORD_LATE`: `1` when the card comes late, else `0`.
                    - `MENTORD_PROMPTS`: every question on the card, one per line; for a commitment \
                    what is due and how to close it.
                    - `MENTORD_SUMMARY`: the card's headline, as in the notification.
                    """,
                example: #"command = ["/home/ana/bin/mentord-hook", "--quiet"]"#),
            .duration(
                "timeout", 1...300, \.channels.hookTimeoutSeconds,
                help: """
                    How long the hook may run. Past it, the hook and everything it started (its \
                    process group) get SIGTERM, and SIGKILL two seconds later.
                    """),
        ])
}

/// One `[table]` of the configuration file and its keys.
public struct ConfigurationTable: Sendable {
    /// The table's name, without brackets.
    public let name: String
    /// What the table is for, in paragraphs.
    public let help: String
    /// Its keys, in file order.
    public let keys: [ConfigurationKey]
}
