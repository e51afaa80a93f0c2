/// `io.mentord.GetRelationship`: one relationship with its phase history, goals, offers and open items.
public enum GetRelationship: VarlinkMethod {
    public static let name = "io.mentord.GetRelationship"
    public typealias Parameters = RelationshipIdentifier

    public struct Reply: Codable, Sendable, Hashable {
        public var relationship: Wire.Relationship
        public var phases: [Wire.PhaseChange]
        public var goals: [Wire.Goal]
        public var offers: [Wire.Offer]
        public var items: [Wire.Item]

        public init(
            relationship: Wire.Relationship, phases: [Wire.PhaseChange] = [], goals: [Wire.Goal] = [],
            offers: [Wire.Offer] = [], items: [Wire.Item] = []
        ) {
            self.relationship = relationship
            self.phases = phases
            self.goals = goals
            self.offers = offers
            self.items = items
        }
    }
}
