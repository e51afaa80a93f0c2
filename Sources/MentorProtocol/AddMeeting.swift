/// `io.mentord.AddMeeting`: stores a new meeting.
public enum AddMeeting: VarlinkMethod {
    public static let name = "io.mentord.AddMeeting"
    public typealias Reply = Wire.MeetingReply

    public struct Parameters: Codable, Sendable, Hashable {
        public var title: String
        public var partner: String
        public var role: Wire.Role?
        public var start: String
        public var timeZone: String?
        public var duration: String?
        public var purpose: String?
        public var offsets: String?
        public var recurrence: String?
        /// Accept a start in the past, to record a meeting that happened.
        public var past: Bool?

        public init(
            title: String, partner: String, role: Wire.Role? = nil, start: String, timeZone: String? = nil,
            duration: String? = nil, purpose: String? = nil, offsets: String? = nil,
            recurrence: String? = nil, past: Bool? = nil
        ) {
            self.title = title
            self.partner = partner
            self.role = role
            self.start = start
            self.timeZone = timeZone
            self.duration = duration
            self.purpose = purpose
            self.offsets = offsets
            self.recurrence = recurrence
            self.past = past
        }
    }
}
