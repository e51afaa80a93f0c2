import Foundation
import GRDB
import MentorCore

/// What was written down after each occurrence. Each method is one transaction that has committed
/// when it returns.
public struct CaptureStore: Sendable {
    let database: MentorDatabase

    public init(database: MentorDatabase) {
        self.database = database
    }

    /// Stores the capture of its occurrence, replacing any earlier one as a whole. Returns it as stored.
    @discardableResult
    public func save(_ capture: Capture) async throws -> Capture {
        let capture = try capture.validated()
        return try await database.write { db in
            _ = try MeetingRow.require(
                MeetingOccurrence(meetingID: capture.meetingID, occurrence: capture.occurrence), in: db)
            let record = CaptureRecord(capture)
            try record.upsert(db)
            return record.domain
        }
    }

    /// The capture of one occurrence, nil if none was saved.
    public func capture(meetingID: Int64, occurrence: Date) async throws -> Capture? {
        try await database.read { db in
            try CaptureRecord.fetchOne(
                db, key: ["meeting_id": meetingID, "occurrence": occurrence.millisecondsSince1970]
            )?.domain
        }
    }

    /// The capture of the relationship's latest occurrence that started before `instant` (and has a
    /// capture): what Preparation shows as "last time".
    public func latest(relationshipID: Int64, before instant: Date) async throws -> Capture? {
        try await database.read { db in try Self.latest(relationshipID: relationshipID, before: instant, in: db) }
    }

    static func latest(relationshipID: Int64, before instant: Date, in db: Database) throws -> Capture? {
        _ = try RelationshipRecord.require(relationshipID, in: db)
        // Cached: read for every reminder card.
        return try CaptureRecord.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT capture.* FROM capture JOIN meeting ON meeting.id = capture.meeting_id
                    WHERE meeting.relationship_id = ? AND capture.occurrence < ?
                    ORDER BY capture.occurrence DESC, capture.captured_at DESC LIMIT 1
                    """), arguments: [relationshipID, instant.millisecondsSince1970])?.domain
    }

    /// Every capture of the relationship's meetings, oldest occurrence first.
    public func captures(relationshipID: Int64) async throws -> [Capture] {
        try await database.read { db in
            _ = try RelationshipRecord.require(relationshipID, in: db)
            return try CaptureRecord.fetchAll(
                db,
                sql: """
                    SELECT capture.* FROM capture JOIN meeting ON meeting.id = capture.meeting_id
                    WHERE meeting.relationship_id = ? ORDER BY capture.occurrence, capture.meeting_id
                    """, arguments: [relationshipID]
            ).map(\.domain)
        }
    }
}
