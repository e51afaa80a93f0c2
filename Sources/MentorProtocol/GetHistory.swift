/// `io.mentord.GetHistory`: a relationship's meeting occurrences with answers and captures, oldest first.
public enum GetHistory: VarlinkMethod {
    public static let name = "io.mentord.GetHistory"
    public typealias Parameters = RelationshipIdentifier

    public struct Reply: Codable, Sendable, Hashable {
        public var relationship: Wire.Relationship
        public var entries: [Wire.HistoryEntry]

        public init(relationship: Wire.Relationship, entries: [Wire.HistoryEntry] = []) {
            self.relationship = relationship
            self.entries = entries
        }
    }
}
