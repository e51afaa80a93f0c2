/// `io.mentord.ListMeetings`: meetings, earliest first.
public enum ListMeetings: VarlinkMethod {
    public static let name = "io.mentord.ListMeetings"

    public struct Parameters: Codable, Sendable, Hashable {
        public var includePast: Bool?
        public var includeCancelled: Bool?
        public var partner: String?
        public var limit: Int?

        public init(includePast: Bool? = nil, includeCancelled: Bool? = nil, partner: String? = nil, limit: Int? = nil)
        {
            self.includePast = includePast
            self.includeCancelled = includeCancelled
            self.partner = partner
            self.limit = limit
        }
    }

    public struct Reply: Codable, Sendable, Hashable {
        public var meetings: [Wire.Meeting]

        public init(meetings: [Wire.Meeting]) {
            self.meetings = meetings
        }
    }
}
