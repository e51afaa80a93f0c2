/// `io.mentord.Subscribe`: a stream of reminders (call with `more: true`).
public enum Subscribe: VarlinkMethod {
    public static let name = "io.mentord.Subscribe"
    public typealias Parameters = NoParameters

    public struct Reply: Codable, Sendable, Hashable {
        public var ready: Bool?
        public var reminder: Wire.Reminder?

        public init(ready: Bool? = nil, reminder: Wire.Reminder? = nil) {
            self.ready = ready
            self.reminder = reminder
        }
    }
}
