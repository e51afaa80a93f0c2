/// `io.mentord.ListUpcoming`: occurrences in a window, series expanded, with planned reminders.
public enum ListUpcoming: VarlinkMethod {
    public static let name = "io.mentord.ListUpcoming"

    public struct Parameters: Codable, Sendable, Hashable {
        public var from: String?
        public var days: Int?

        public init(from: String? = nil, days: Int? = nil) {
            self.from = from
            self.days = days
        }
    }

    public struct Reply: Codable, Sendable, Hashable {
        public var occurrences: [Wire.Occurrence]

        public init(occurrences: [Wire.Occurrence]) {
            self.occurrences = occurrences
        }
    }
}
