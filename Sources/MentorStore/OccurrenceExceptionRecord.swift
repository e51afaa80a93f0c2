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
    /// The occurrence's own title; nil: the meeting's.
    var title: String? = nil
    /// The occurrence's own length; nil: the meeting's.
    var durationSeconds: Int? = nil

    /// What the exceptions of some meetings change, keyed by meeting id.
    struct Changes: Sendable {
        var exceptions: [Date: Date?] = [:]
        var overrides: [Date: OccurrenceOverride] = [:]
    }

    /// The exceptions of these meetings, keyed by meeting id.
    static func changes(of ids: [Int64], in db: Database) throws -> [Int64: Changes] {
        guard !ids.isEmpty else { return [:] }
        var result: [Int64: Changes] = [:]
        // Past a few hundred ids, one scan of the (small) table beats an IN list near SQLite's
        // variable limit.
        let wanted = Set(ids)
        let records =
            ids.count > 500
            ? try OccurrenceExceptionRecord.fetchAll(db).filter { wanted.contains($0.meetingId) }
            : try OccurrenceExceptionRecord.filter(ids.contains(Column("meeting_id"))).fetchAll(db)
        for record in records {
            let original = Date(millisecondsSince1970: record.occurrence)
            result[record.meetingId, default: Changes()].exceptions[original] =
                .some(record.movedTo.map(Date.init(millisecondsSince1970:)))
            if record.title != nil || record.durationSeconds != nil {
                result[record.meetingId, default: Changes()].overrides[original] = OccurrenceOverride(
                    title: record.title, durationSeconds: record.durationSeconds)
            }
        }
        return result
    }

    /// Moves (or with nil cancels) one occurrence, keeping a title or length it has of its own.
    static func move(meetingID: Int64, occurrence: Date, to movedTo: Date?, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO occurrence_exception (meeting_id, occurrence, moved_to) VALUES (?, ?, ?)
                ON CONFLICT (meeting_id, occurrence) DO UPDATE SET moved_to = excluded.moved_to
                """,
            arguments: [meetingID, occurrence.millisecondsSince1970, movedTo?.millisecondsSince1970])
    }
}
