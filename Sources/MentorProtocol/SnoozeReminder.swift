/// `io.mentord.SnoozeReminder`: postpones one step's reminder.
public enum SnoozeReminder: VarlinkMethod {
    public static let name = "io.mentord.SnoozeReminder"

    public struct Parameters: Codable, Sendable, Hashable {
        public var meetingId: Int64
        public var step: String
        public var until: String

        public init(meetingId: Int64, step: String, until: String) {
            self.meetingId = meetingId
            self.step = step
            self.until = until
        }
    }

    public struct Reply: Codable, Sendable, Hashable {
        public var until: String

        public init(until: String) {
            self.until = until
        }
    }
}
