import Foundation
import GRDB
import MentorCore

/// A row of the `relationship` table.
struct RelationshipRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "relationship"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: Int64?
    var partner: String
    var role: String
    /// Unix milliseconds.
    var createdAt: Int64

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var relationship: Relationship {
        // The CHECK constraint keeps `role` to the two known values.
        Relationship(
            id: id!, partner: partner, role: Role(rawValue: role) ?? .mentee,
            createdAt: Date(millisecondsSince1970: createdAt))
    }

    /// The relationship with `partner` (case-insensitive) in `role`, created if missing. Without a
    /// role, the partner's only relationship.
    static func findOrCreate(partner: String, role: Role?, now: Date, in db: Database) throws -> RelationshipRecord {
        let known = try RelationshipRecord.filter(sql: "partner = ? COLLATE NOCASE", arguments: [partner]).fetchAll(db)
        if let role {
            if let match = known.first(where: { $0.role == role.rawValue }) { return match }
            var created = RelationshipRecord(
                partner: partner, role: role.rawValue, createdAt: now.millisecondsSince1970)
            try created.insert(db)
            return created
        }
        switch known.count {
        case 0: throw StoreError.roleRequired(partner: partner)
        case 1: return known[0]
        default: throw StoreError.ambiguousPartner(partner: partner)
        }
    }
}
