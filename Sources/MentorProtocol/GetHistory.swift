/// `io.mentord.GetHistory`: a relationship's meeting occurrences with answers and captures, oldest
/// first, a page at a time when the caller gives a `limit`.
public enum GetHistory: VarlinkMethod {
    public static let name = "io.mentord.GetHistory"

    public struct Parameters: Codable, Sendable, Hashable {
        public var partner: String
        public var role: Wire.Role?
        /// Where the previous page ended (its ``Reply/next``); nil for the first page.
        public var after: String?
        /// At most this many entries in the reply (1 to 1000); nil for the whole history at once.
        public var limit: Int?

        public init(partner: String, role: Wire.Role? = nil, after: String? = nil, limit: Int? = nil) {
            self.partner = partner
            self.role = role
            self.after = after
            self.limit = limit
        }
    }

    public struct Reply: Codable, Sendable, Hashable {
        public var relationship: Wire.Relationship
        public var entries: [Wire.HistoryEntry]
        /// Set when more entries follow: the `after` of the next call.
        public var next: String?

        public init(relationship: Wire.Relationship, entries: [Wire.HistoryEntry] = [], next: String? = nil) {
            self.relationship = relationship
            self.entries = entries
            self.next = next
        }
    }

    /// The most entries one page may hold.
    public static let maximumLimit = 1000
}
