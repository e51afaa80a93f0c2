import Foundation
import GRDB
import MentorCore

/// A row of the `phase_change` table.
struct PhaseChangeRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "phase_change"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: Int64?
    var relationshipId: Int64
    var phase: String
    /// Unix milliseconds.
    var changedAt: Int64
    var note: String

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var domain: PhaseChange {
        PhaseChange(
            id: id!, relationshipID: relationshipId, phase: Phase(rawValue: phase) ?? .initiation,
            changedAt: Date(millisecondsSince1970: changedAt), note: note)
    }
}
