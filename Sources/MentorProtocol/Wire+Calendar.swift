extension Wire {
    /// `type SkippedEvent`: an event of a calendar file that an import left out, and why.
    public struct SkippedEvent: Codable, Sendable, Hashable {
        public var uid: String
        public var title: String
        /// RFC 3339 in UTC; nil when the start could not be read.
        public var start: String?
        /// The same instant in the event's zone, RFC 3339 with offset.
        public var localStart: String?
        /// The reason's name ("all-day event", "no partner", ...).
        public var reason: String
        /// What exactly, where the name does not say it; may be empty.
        public var detail: String

        public init(
            uid: String, title: String, start: String?, localStart: String? = nil, reason: String, detail: String = ""
        ) {
            self.uid = uid
            self.title = title
            self.start = start
            self.localStart = localStart
            self.reason = reason
            self.detail = detail
        }
    }
}
