/// The parameters of every method that names only a relationship: `(partner: string, role: ?Role)`.
///
/// The partner is matched case-insensitively; the role is needed only when the partner is in both roles.
public struct RelationshipIdentifier: Codable, Sendable, Hashable {
    public var partner: String
    public var role: Wire.Role?

    public init(partner: String, role: Wire.Role? = nil) {
        self.partner = partner
        self.role = role
    }
}
