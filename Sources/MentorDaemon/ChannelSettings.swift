import MentorCore

/// Where reminders go besides `mentorctl watch` subscribers, which always get them: the
/// `[desktop]`, `[journal]` and `[hook]` tables of the configuration.
public struct ChannelSettings: Sendable, Hashable {
    /// Desktop notifications over the session bus (`[desktop] enabled`).
    public var desktop = true
    /// Run when a notification is clicked, with the meeting id and the card's first step appended
    /// (`[desktop] open`); the action is offered only when the program is found on PATH. The default
    /// runs `mentorctl open`, which asks the prep questions before a meeting and walks through the
    /// capture after it.
    public var openCommand = ["x-terminal-emulator", "-e", "mentorctl", "open"]
    /// Seconds to wait for the notification server (`[desktop] timeout`).
    public var desktopTimeoutSeconds = 3
    /// How much a notification shows (`[desktop] privacy`).
    public var desktopPrivacy = NotificationPrivacy.full
    /// One journal entry per reminder (`[journal] enabled`).
    public var journal = true
    /// The hook's argv, run directly, never through a shell; empty means no hook (`[hook] command`).
    public var hookCommand: [String] = []
    /// Seconds the hook may run before it and its children are stopped (`[hook] timeout`).
    public var hookTimeoutSeconds = 10

    public init() {}

    /// Reads one of the channel tables; `refuse` turns a problem into a file:line error.
    mutating func read(
        _ table: TOMLDocument.Table, refuse: (TOMLDocument.Position, String, String) -> DaemonError
    ) throws(DaemonError) {
        let name = table.name
        for entry in table.entries {
            let value = entry.value
            let dotted = "\(name).\(entry.key)"
            switch (name, entry.key) {
            case ("desktop", "enabled"), ("journal", "enabled"):
                guard let flag = value.boolean else { throw refuse(entry.position, dotted, "must be true or false") }
                if name == "desktop" { desktop = flag } else { journal = flag }
            case ("desktop", "open"), ("hook", "command"):
                guard let items = value.array, let argv = Self.strings(items) else {
                    throw refuse(
                        entry.position, dotted,
                        "must be a list of strings, the program first: [\"notify-me\", \"--flag\"]")
                }
                // The daemon runs in /, and under autostart it started wherever mentorctl was run:
                // a relative path would find whatever program is there.
                if let program = argv.first, program.contains("/"), !program.hasPrefix("/") {
                    throw refuse(
                        entry.position, dotted,
                        "runs \(program), a relative path; give an absolute path, "
                            + "or a program name without a slash to look it up on PATH")
                }
                if name == "desktop" { openCommand = argv } else { hookCommand = argv }
            case ("desktop", "privacy"):
                guard let text = value.string, let privacy = NotificationPrivacy(rawValue: text) else {
                    throw refuse(entry.position, dotted, "must be \"full\" or \"headline\"")
                }
                desktopPrivacy = privacy
            case ("desktop", "timeout"), ("hook", "timeout"):
                guard let text = value.string, let seconds = try? DurationExpression.seconds(text),
                    (1...300).contains(seconds)
                else { throw refuse(entry.position, dotted, "must be a duration from \"1s\" to \"5m\"") }
                if name == "desktop" { desktopTimeoutSeconds = seconds } else { hookTimeoutSeconds = seconds }
            default:
                throw refuse(entry.position, dotted, "unknown key")
            }
        }
    }

    /// The array's items when every one is a non-empty string, or nil. An empty array is valid.
    private static func strings(_ array: [TOMLDocument.Value]) -> [String]? {
        var result: [String] = []
        for item in array {
            guard let text = item.string, !text.isEmpty, !text.contains("\0") else { return nil }
            result.append(text)
        }
        return result
    }
}
