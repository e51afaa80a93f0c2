extension Wire {
    /// `type CalendarKind (file, vdir, url, caldav)`.
    public enum CalendarKind: String, Codable, Sendable, Hashable, CaseIterable {
        case file
        case vdir
        case url
        case caldav
    }

    /// `type CalendarSource`: a calendar mentord follows.
    public struct CalendarSource: Codable, Sendable, Hashable {
        public var name: String
        public var kind: CalendarKind
        public var location: String
        public var partner: String?
        public var role: Role?
        public var match: [String]
        /// Seconds between polls.
        public var interval: Int?
        public var username: String?
        public var fromConfig: Bool
        /// RFC 3339 UTC.
        public var lastSuccess: String?
        /// RFC 3339 UTC.
        public var lastAttempt: String?
        public var lastError: String
        public var matched: Int
        public var ignored: Int
        public var meetings: Int
        /// RFC 3339 UTC.
        public var nextSync: String?

        public init(
            name: String, kind: CalendarKind, location: String, partner: String? = nil, role: Role? = nil,
            match: [String] = [], interval: Int? = nil, username: String? = nil, fromConfig: Bool = false,
            lastSuccess: String? = nil, lastAttempt: String? = nil, lastError: String = "", matched: Int = 0,
            ignored: Int = 0, meetings: Int = 0, nextSync: String? = nil
        ) {
            self.name = name
            self.kind = kind
            self.location = location
            self.partner = partner
            self.role = role
            self.match = match
            self.interval = interval
            self.username = username
            self.fromConfig = fromConfig
            self.lastSuccess = lastSuccess
            self.lastAttempt = lastAttempt
            self.lastError = lastError
            self.matched = matched
            self.ignored = ignored
            self.meetings = meetings
            self.nextSync = nextSync
        }
    }

    /// `type CalendarSync`: what one sync of a followed calendar did.
    public struct CalendarSync: Codable, Sendable, Hashable {
        public var name: String
        public var ok: Bool
        public var error: String?
        public var added = 0
        public var updated = 0
        public var unchanged = 0
        public var removed = 0
        public var awaitingRemoval = 0
        public var matched = 0
        public var ignored = 0
        public var emptyIgnored = false
        /// Bytes sent and received over the network (url and caldav).
        public var bytes = 0

        public init(name: String, ok: Bool, error: String? = nil) {
            self.name = name
            self.ok = ok
            self.error = error
        }
    }
}
