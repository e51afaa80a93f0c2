/// `io.mentord.FindMeeting`: the meeting and occurrence a partner's name stands for.
public enum FindMeeting: VarlinkMethod {
    public static let name = "io.mentord.FindMeeting"

    public struct Parameters: Codable, Sendable, Hashable {
        public var name: String
        public var role: Wire.Role?
        public var choice: Wire.MeetingChoice?

        public init(name: String, role: Wire.Role? = nil, choice: Wire.MeetingChoice? = nil) {
            self.name = name
            self.role = role
            self.choice = choice
        }
    }

    public struct Reply: Codable, Sendable, Hashable {
        public var meeting: Wire.Meeting
        public var occurrence: String
        public var localStart: String

        public init(meeting: Wire.Meeting, occurrence: String, localStart: String) {
            self.meeting = meeting
            self.occurrence = occurrence
            self.localStart = localStart
        }
    }
}
