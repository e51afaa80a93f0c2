/// `io.mentord.UpdateMeeting`: changes the given fields of a meeting.
public enum UpdateMeeting: VarlinkMethod {
    public static let name = "io.mentord.UpdateMeeting"
    public typealias Reply = Wire.MeetingReply

    public struct Parameters: Codable, Sendable, Hashable {
        public var id: Int64
        public var title: String?
        public var partner: String?
        public var role: Wire.Role?
        public var start: String?
        public var timeZone: String?
        public var duration: String?
        public var purpose: String?
        public var offsets: String?
        public var recurrence: String?
        /// Accept a new start in the past, to record when a meeting really happened.
        public var past: Bool?

        public init(
            id: Int64, title: String? = nil, partner: String? = nil, role: Wire.Role? = nil, start: String? = nil,
            timeZone: String? = nil, duration: String? = nil, purpose: String? = nil, offsets: String? = nil,
            recurrence: String? = nil, past: Bool? = nil
        ) {
            self.id = id
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

        /// Whether the call changes anything at all.
        public var changesSomething: Bool {
            [title, partner, role?.rawValue, start, timeZone, duration, purpose, offsets, recurrence].contains {
                $0 != nil
            }
        }
    }
}
