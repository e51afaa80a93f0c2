/// One notification for `org.freedesktop.Notifications.Notify`.
public struct DesktopNotification: Sendable, Hashable {
    /// How insistent the notification server should be (the `urgency` hint).
    public enum Urgency: UInt8, Sendable {
        case low = 0
        case normal = 1
        case critical = 2
    }

    /// A button: `key` comes back in `ActionInvoked`, `label` is shown. The key `default` is the
    /// action taken when the notification itself is clicked.
    public struct Action: Sendable, Hashable {
        public var key: String
        public var label: String

        public init(key: String, label: String) {
            self.key = key
            self.label = label
        }
    }

    public var appName: String
    /// An icon name from the freedesktop icon theme, or a file URI.
    public var icon: String
    /// Plain text: the specification allows no markup in the summary.
    public var summary: String
    /// Plain text, or the markup subset when the server lists `body-markup`.
    public var body: String
    public var actions: [Action]
    public var urgency: Urgency
    /// Extra hints besides urgency (`category`, `desktop-entry`, ...).
    public var hints: [String: BusVariant]
    /// The notification this one replaces on screen; 0 for a new one.
    public var replacesID: UInt32
    /// Milliseconds until it expires; -1 lets the server decide, 0 never expires.
    public var expireTimeout: Int32

    public init(
        appName: String, icon: String, summary: String, body: String, actions: [Action] = [],
        urgency: Urgency = .normal, hints: [String: BusVariant] = [:], replacesID: UInt32 = 0,
        expireTimeout: Int32 = -1
    ) {
        self.appName = appName
        self.icon = icon
        self.summary = summary
        self.body = body
        self.actions = actions
        self.urgency = urgency
        self.hints = hints
        self.replacesID = replacesID
        self.expireTimeout = expireTimeout
    }
}
