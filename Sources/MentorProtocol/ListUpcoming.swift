/// `io.mentord.ListUpcoming`: occurrences in a window, series expanded, with planned reminders,
/// one page at a time.
public enum ListUpcoming: VarlinkMethod {
    public static let name = "io.mentord.ListUpcoming"

    public struct Parameters: Codable, Sendable, Hashable {
        public var from: String?
        public var days: Int?
        public var after: String?
        public var limit: Int?

        public init(from: String? = nil, days: Int? = nil, after: String? = nil, limit: Int? = nil) {
            self.from = from
            self.days = days
            self.after = after
            self.limit = limit
        }
    }

    public struct Reply: Codable, Sendable, Hashable {
        public var occurrences: [Wire.Occurrence]
        public var next: String?

        public init(occurrences: [Wire.Occurrence], next: String? = nil) {
            self.occurrences = occurrences
            self.next = next
        }
    }
}
