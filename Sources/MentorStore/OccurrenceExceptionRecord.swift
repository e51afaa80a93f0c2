import Foundation
import GRDB
import MentorCore

/// A row of the `occurrence_exception` table.
struct OccurrenceExceptionRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "occurrence_exception"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var meetingId: Int64
    /// The original start, Unix milliseconds.
    var occurrence: Int64
    /// The new start, Unix milliseconds; nil when cancelled.
    var movedTo: Int64?

    /// The exceptions of these meetings, keyed by meeting id.
    static func exceptions(of ids: [Int64], in db: Database) throws -> [Int64: [Date: Date?]] {
        guard !ids.isEmpty else { return [:] }
        var result: [Int64: [Date: Date?]] = [:]
        // Past a few hundred ids, one scan of the (small) table beats an IN list near SQLite's
        // variable limit.
        let records =
            ids.count > 500
            ? try OccurrenceExceptionRecord.fetchAll(db).filter { Set(ids).contains($0.meetingId) }
            : try OccurrenceExceptionRecord.filter(ids.contains(Column("meeting_id"))).fetchAll(db)
        for record in records {
            result[record.meetingId, default: [:]][Date(millisecondsSince1970: record.occurrence)] =
                .some(record.movedTo.map(Date.init(millisecondsSince1970:)))
        }
        return result
    }
}
