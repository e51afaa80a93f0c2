import Foundation
import GRDB
import MentorCore

/// The offers of help made in a relationship. Each method is one transaction that has committed when
/// it returns.
public struct OfferStore: Sendable {
    private let database: MentorDatabase

    public init(database: MentorDatabase) {
        self.database = database
    }

    /// Stores a new offer, not yet delivered.
    public func add(relationshipID: Int64, kind: OfferKind, description: String, now: Date) async throws -> Offer {
        let offer = try Offer(
            id: 0, relationshipID: relationshipID, kind: kind, description: description, createdAt: now
        ).validated()
        return try await database.write { db in
            _ = try RelationshipRecord.require(relationshipID, in: db)
            var record = OfferRecord(offer)
            try record.insert(db)
            return record.domain
        }
    }

    /// The relationship's offers in the order they were made; only the undelivered ones unless
    /// `includeDelivered`.
    public func list(relationshipID: Int64, includeDelivered: Bool = false) async throws -> [Offer] {
        try await database.read { db in
            try Self.list(relationshipID: relationshipID, includeDelivered: includeDelivered, in: db)
        }
    }

    static func list(relationshipID: Int64, includeDelivered: Bool, in db: Database) throws -> [Offer] {
        _ = try RelationshipRecord.require(relationshipID, in: db)
        // Cached: the open offers are read for every reminder card.
        let sql = """
            SELECT * FROM \(OfferRecord.databaseTableName)
            WHERE relationship_id = ?\(includeDelivered ? "" : " AND status = 'offered'") ORDER BY created_at, id
            """
        return try OfferRecord.fetchAll(db.cachedStatement(sql: sql), arguments: [relationshipID]).map(\.domain)
    }

    /// Marks the offer delivered, dated `now`; an offer already delivered keeps its first date.
    public func markDelivered(id: Int64, now: Date) async throws -> Offer {
        try await database.write { db in
            guard var record = try OfferRecord.fetchOne(db, key: id) else { throw StoreError.noSuchOffer(id: id) }
            guard record.status != OfferStatus.delivered.rawValue else { return record.domain }
            record.status = OfferStatus.delivered.rawValue
            record.deliveredAt = now.millisecondsSince1970
            try record.update(db)
            return record.domain
        }
    }
}
