import Foundation

/// A mentoring relationship: the partner and the user's role with them.
///
/// A relationship is identified by the partner's name (compared case-insensitively) and the role, so
/// "Sam as my mentor" and "Sam as my mentee" are two relationships.
public struct Relationship: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var partner: String
    public var role: Role
    public var createdAt: Date

    public init(id: Int64, partner: String, role: Role, createdAt: Date) {
        self.id = id
        self.partner = partner
        self.role = role
        self.createdAt = createdAt
    }
}
