/// `io.mentord.AddCalendarSource`: follows a calendar and syncs it once.
public enum AddCalendarSource: VarlinkMethod {
    public static let name = "io.mentord.AddCalendarSource"

    public struct Parameters: Codable, Sendable, Hashable {
        /// An absolute path or an http(s) URL.
        public var location: String
        public var name: String?
        public var partner: String?
        public var role: Wire.Role?
        public var match: [String]?
        /// A duration such as `15m`.
        public var interval: String?
        public var username: String?
        public var passwordFile: String?
        public var passwordCommand: [String]?

        public init(
            location: String, name: String? = nil, partner: String? = nil, role: Wire.Role? = nil,
            match: [String]? = nil, interval: String? = nil, username: String? = nil, passwordFile: String? = nil,
            passwordCommand: [String]? = nil
        ) {
            self.location = location
            self.name = name
            self.partner = partner
            self.role = role
            self.match = match
            self.interval = interval
            self.username = username
            self.passwordFile = passwordFile
            self.passwordCommand = passwordCommand
        }
    }

    public struct Reply: Codable, Sendable, Hashable {
        public var source: Wire.CalendarSource
        public var sync: Wire.CalendarSync

        public init(source: Wire.CalendarSource, sync: Wire.CalendarSync) {
            self.source = source
            self.sync = sync
        }
    }
}
