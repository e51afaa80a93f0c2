/// `io.mentord.ImportCalendar`: imports the meetings of an iCalendar file the daemon reads itself.
public enum ImportCalendar: VarlinkMethod {
    public static let name = "io.mentord.ImportCalendar"

    public struct Parameters: Codable, Sendable, Hashable {
        /// An absolute path.
        public var path: String
        public var partner: String?
        public var role: Wire.Role?
        public var dryRun: Bool?

        public init(path: String, partner: String? = nil, role: Wire.Role? = nil, dryRun: Bool? = nil) {
            self.path = path
            self.partner = partner
            self.role = role
            self.dryRun = dryRun
        }
    }

    public struct Reply: Codable, Sendable, Hashable {
        public var calendar: String?
        public var added: Int
        public var updated: Int
        public var unchanged: Int
        public var skipped: [Wire.SkippedEvent]
        public var notInFile: Int
        public var meetingIds: [Int64]

        public init(
            calendar: String? = nil, added: Int, updated: Int, unchanged: Int, skipped: [Wire.SkippedEvent],
            notInFile: Int, meetingIds: [Int64]
        ) {
            self.calendar = calendar
            self.added = added
            self.updated = updated
            self.unchanged = unchanged
            self.skipped = skipped
            self.notInFile = notInFile
            self.meetingIds = meetingIds
        }
    }
}
