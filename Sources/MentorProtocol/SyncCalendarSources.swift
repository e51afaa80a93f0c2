/// `io.mentord.SyncCalendarSources`: syncs one followed calendar, or all, and waits for the result.
public enum SyncCalendarSources: VarlinkMethod {
    public static let name = "io.mentord.SyncCalendarSources"

    public struct Parameters: Codable, Sendable, Hashable {
        /// Absent: every calendar.
        public var name: String?

        public init(name: String? = nil) {
            self.name = name
        }
    }

    public struct Reply: Codable, Sendable, Hashable {
        public var syncs: [Wire.CalendarSync]

        public init(syncs: [Wire.CalendarSync]) {
            self.syncs = syncs
        }
    }
}
