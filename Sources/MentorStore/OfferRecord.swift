import Foundation
import GRDB
import MentorCore

/// A row of the `offer` table.
struct OfferRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "offer"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: Int64?
    var relationshipId: Int64
    var kind: String
    var description: String
    var status: String
    /// Unix milliseconds.
    var createdAt: Int64
    /// Unix milliseconds; nil while only offered.
    var deliveredAt: Int64?

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    init(_ offer: Offer) {
        relationshipId = offer.relationshipID
        kind = offer.kind.rawValue
        description = offer.description
        status = offer.status.rawValue
        createdAt = offer.createdAt.millisecondsSince1970
        deliveredAt = offer.deliveredAt?.millisecondsSince1970
    }

    var domain: Offer {
        Offer(
            id: id!, relationshipID: relationshipId, kind: OfferKind(rawValue: kind) ?? .resource,
            description: description, status: OfferStatus(rawValue: status) ?? .offered,
            createdAt: Date(millisecondsSince1970: createdAt),
            deliveredAt: deliveredAt.map(Date.init(millisecondsSince1970:)))
    }
}
