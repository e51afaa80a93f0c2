/// `io.mentord.ReadTime`: a typed time read as `AddMeeting` reads a start, stored nowhere.
public enum ReadTime: VarlinkMethod {
    public static let name = "io.mentord.ReadTime"

    public struct Parameters: Codable, Sendable, Hashable {
        public var text: String
        public var meetingId: Int64?
        public var timeZone: String?

        public init(text: String, meetingId: Int64? = nil, timeZone: String? = nil) {
            self.text = text
            self.meetingId = meetingId
            self.timeZone = timeZone
        }
    }

    public struct Reply: Codable, Sendable, Hashable {
        public var instant: String
        public var local: String
        /// Whether the instant lies before the daemon's now.
        public var past: Bool?

        public init(instant: String, local: String, past: Bool? = nil) {
            self.instant = instant
            self.local = local
            self.past = past
        }
    }
}
