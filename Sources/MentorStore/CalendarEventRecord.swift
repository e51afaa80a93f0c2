import Foundation
import GRDB
import MentorCore

/// A row of the `calendar_event` table: the calendar event a meeting was made from.
struct CalendarEventRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "calendar_event"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var meetingId: Int64
    var sourceId: Int64
    var uid: String
    /// Unix milliseconds; nil for a series or a single event.
    var recurrenceId: Int64?
    var sequence: Int
    /// ``ImportedEvent/fingerprint`` of the version last written.
    var fingerprint: String
    var cancelled: Bool
    /// Unix milliseconds.
    var importedAt: Int64
    /// Unix milliseconds.
    var updatedAt: Int64
    /// Successful syncs in a row of a followed calendar that lacked the event.
    var absentSyncs: Int

    /// Every event of `source`, by identity (UID and RECURRENCE-ID): one read for a whole file.
    static func events(of source: Int64, in db: Database) throws -> [Identity: CalendarEventRecord] {
        var result: [Identity: CalendarEventRecord] = [:]
        for record in try CalendarEventRecord.filter(sql: "source_id = ?", arguments: [source]).fetchAll(db) {
            result[Identity(uid: record.uid, recurrenceID: record.recurrenceId)] = record
        }
        return result
    }

    /// What tells two events of one source apart.
    struct Identity: Hashable {
        var uid: String
        var recurrenceID: Int64?
    }
}
