/// A client of the desktop's notification server (`org.freedesktop.Notifications`) on a
/// ``SessionBus``.
///
/// Servers send `ActionInvoked` and `NotificationClosed` only to the connection that called
/// `Notify`, so one long-lived connection both sends and listens. All methods run on the bus's
/// queue.
public final class NotificationsClient: @unchecked Sendable {
    /// Called on the bus queue when the user clicks a button: the notification id and action key.
    public var onAction: ((UInt32, String) -> Void)?
    /// Called on the bus queue when a notification goes away: its id and the reason (1 expired,
    /// 2 dismissed, 3 closed by a call, 4 other).
    public var onClosed: ((UInt32, UInt32) -> Void)?

    private let bus: SessionBus
    /// Bounds every call, in seconds; set on the bus queue.
    public var timeout: Double
    private var subscribed = false
    private var capabilities: Set<String>?
    /// The unique bus name of the server that answered the last Notify: only its signals count, so
    /// another program on the bus cannot press our buttons.
    private var server: String?

    private static let name = "org.freedesktop.Notifications"
    private static let path = "/org/freedesktop/Notifications"

    /// `timeout` bounds every call, in seconds: a server that never answers must not hold
    /// reminders up for longer.
    public init(bus: SessionBus, timeout: Double = 3) {
        self.bus = bus
        self.timeout = timeout
        bus.onDisconnect = { [weak self] in self?.forget() }
    }

    /// What the server supports (`actions`, `body`, `body-markup`, ...), asked once per connection.
    public func serverCapabilities() throws(BusError) -> Set<String> {
        try prepare()
        if let capabilities { return capabilities }
        let listed = try bus.call(
            destination: Self.name, path: Self.path, interface: Self.name, member: "GetCapabilities",
            timeout: timeout
        ) { reply throws(BusError) in try reply.readStringArray() }
        capabilities = Set(listed)
        return Set(listed)
    }

    /// Shows `notification`; returns the id the server gave it.
    public func notify(_ notification: DesktopNotification) throws(BusError) -> UInt32 {
        try prepare()
        do {
            return try bus.call(
                destination: Self.name, path: Self.path, interface: Self.name, member: "Notify", timeout: timeout,
                arguments: { message throws(BusError) in
                    try message.append(notification.appName)
                    try message.append(notification.replacesID)
                    try message.append(notification.icon)
                    try message.append(notification.summary)
                    try message.append(notification.body)
                    try message.append(notification.actions.flatMap { [$0.key, $0.label] })
                    try message.append(
                        notification.hints.merging(["urgency": .byte(notification.urgency.rawValue)]) { $1 })
                    try message.append(notification.expireTimeout)
                },
                reply: { reply throws(BusError) in
                    server = reply.sender
                    return try reply.readUInt32()
                })
        } catch {
            // The server may have been replaced by one with other capabilities.
            capabilities = nil
            throw error
        }
    }

    /// Connects when needed and subscribes to the server's signals once per connection.
    private func prepare() throws(BusError) {
        try bus.connect()
        guard !subscribed else { return }
        try bus.onSignal(sender: nil, path: Self.path, interface: Self.name, member: "ActionInvoked") {
            [weak self] signal in
            guard let self, signal.sender == server, let id = try? signal.readUInt32(),
                let key = try? signal.readString()
            else { return }
            onAction?(id, key)
        }
        try bus.onSignal(sender: nil, path: Self.path, interface: Self.name, member: "NotificationClosed") {
            [weak self] signal in
            guard let self, signal.sender == server, let id = try? signal.readUInt32(),
                let reason = try? signal.readUInt32()
            else { return }
            onClosed?(id, reason)
        }
        subscribed = true
    }

    private func forget() {
        subscribed = false
        capabilities = nil
        server = nil
    }
}
