/// `io.mentord.DeleteRelationship`: removes a relationship; one with meetings only with `force`.
public enum DeleteRelationship: VarlinkMethod {
    public static let name = "io.mentord.DeleteRelationship"

    public struct Parameters: Codable, Sendable, Hashable {
        public var partner: String
        public var role: Wire.Role?
        public var force: Bool?

        public init(partner: String, role: Wire.Role? = nil, force: Bool? = nil) {
            self.partner = partner
            self.role = role
            self.force = force
        }
    }

    public struct Reply: Codable, Sendable, Hashable {
        public var deletedMeetings: Int

        public init(deletedMeetings: Int) {
            self.deletedMeetings = deletedMeetings
        }
    }
}
