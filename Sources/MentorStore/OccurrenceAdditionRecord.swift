import Foundation
import GRDB
import MentorCore

/// A row of the `occurrence_addition` table: one extra occurrence of a series (a calendar's `RDATE`).
struct OccurrenceAdditionRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "occurrence_addition"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var meetingId: Int64
    /// The occurrence's original start, Unix milliseconds.
    var occurrence: Int64

    /// The additions of these meetings, keyed by meeting id, ascending.
    static func additions(of ids: [Int64], in db: Database) throws -> [Int64: [Date]] {
        guard !ids.isEmpty else { return [:] }
        let wanted = Set(ids)
        // As for exceptions: one scan of a small table beats a long IN list.
        let records =
            ids.count > 500
            ? try OccurrenceAdditionRecord.order(Column("occurrence")).fetchAll(db).filter {
                wanted.contains($0.meetingId)
            }
            : try OccurrenceAdditionRecord.filter(ids.contains(Column("meeting_id"))).order(Column("occurrence"))
                .fetchAll(db)
        var result: [Int64: [Date]] = [:]
        for record in records {
            result[record.meetingId, default: []].append(Date(millisecondsSince1970: record.occurrence))
        }
        return result
    }
}
