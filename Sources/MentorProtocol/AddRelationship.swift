/// `io.mentord.AddRelationship`: stores a new relationship.
public enum AddRelationship: VarlinkMethod {
    public static let name = "io.mentord.AddRelationship"
    public typealias Reply = Wire.RelationshipReply

    public struct Parameters: Codable, Sendable, Hashable {
        public var partner: String
        public var role: Wire.Role
        public var cadence: String?
        public var startedOn: String?
        public var phase: Wire.Phase?
        public var email: String?

        public init(
            partner: String, role: Wire.Role, cadence: String? = nil, startedOn: String? = nil,
            phase: Wire.Phase? = nil, email: String? = nil
        ) {
            self.partner = partner
            self.role = role
            self.cadence = cadence
            self.startedOn = startedOn
            self.phase = phase
            self.email = email
        }
    }
}
