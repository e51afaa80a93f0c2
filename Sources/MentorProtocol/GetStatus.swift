/// `io.mentord.GetStatus`: the daemon and its database at a glance.
public enum GetStatus: VarlinkMethod {
    public static let name = "io.mentord.GetStatus"
    public typealias Parameters = NoParameters

    public struct Reply: Codable, Sendable, Hashable {
        public var version: String
        public var pid: Int
        public var startedAt: String
        public var uptimeSeconds: Int
        public var meetings: Int
        public var upcomingMeetings: Int
        public var relationships: Int
        public var databasePath: String
        public var socketPath: String
        public var timeZone: String
        /// What SQLite found damaged, once it has; nil while the database is sound.
        public var databaseProblem: String?

        public init(
            version: String, pid: Int, startedAt: String, uptimeSeconds: Int, meetings: Int, upcomingMeetings: Int,
            relationships: Int, databasePath: String, socketPath: String, timeZone: String,
            databaseProblem: String? = nil
        ) {
            self.version = version
            self.pid = pid
            self.startedAt = startedAt
            self.uptimeSeconds = uptimeSeconds
            self.meetings = meetings
            self.upcomingMeetings = upcomingMeetings
            self.relationships = relationships
            self.databasePath = databasePath
            self.socketPath = socketPath
            self.timeZone = timeZone
            self.databaseProblem = databaseProblem
        }
    }
}
