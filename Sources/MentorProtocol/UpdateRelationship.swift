/// `io.mentord.UpdateRelationship`: changes cadence, start date, reminder offsets or e-mail; absent fields
/// keep their value.
public enum UpdateRelationship: VarlinkMethod {
    public static let name = "io.mentord.UpdateRelationship"
    public typealias Reply = Wire.RelationshipReply

    public struct Parameters: Codable, Sendable, Hashable {
        public var partner: String
        public var role: Wire.Role?
        public var cadence: String?
        public var startedOn: String?
        public var offsets: String?
        public var email: String?

        public init(
            partner: String, role: Wire.Role? = nil, cadence: String? = nil, startedOn: String? = nil,
            offsets: String? = nil, email: String? = nil
        ) {
            self.partner = partner
            self.role = role
            self.cadence = cadence
            self.startedOn = startedOn
            self.offsets = offsets
            self.email = email
        }
    }
}
