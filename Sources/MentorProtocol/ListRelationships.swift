/// `io.mentord.ListRelationships`: every relationship, sorted by partner.
public enum ListRelationships: VarlinkMethod {
    public static let name = "io.mentord.ListRelationships"
    public typealias Parameters = NoParameters

    public struct Reply: Codable, Sendable, Hashable {
        public var relationships: [Wire.Relationship]

        public init(relationships: [Wire.Relationship] = []) {
            self.relationships = relationships
        }
    }
}
