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
}
