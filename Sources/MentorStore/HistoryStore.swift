import Foundation
import GRDB
import MentorCore

/// Which occurrences make up a relationship's history: those with answers or a capture, oldest
/// first, a page at a time, so that no reply has to hold a whole history.
public struct HistoryStore: Sendable {
    private let database: MentorDatabase

    public init(database: MentorDatabase) {
        self.database = database
    }

    /// Up to `limit` occurrences of the relationship's meetings that have answers or a capture,
    /// ordered by start and then meeting id, starting after `after` (from the first when nil).
    public func occurrences(relationshipID: Int64, after: MeetingOccurrence?, limit: Int) async throws
        -> [MeetingOccurrence]
    {
        try await database.read { db in
            _ = try RelationshipRecord.require(relationshipID, in: db)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT occurrence, meeting_id FROM (
                        SELECT answer.occurrence, answer.meeting_id FROM answer
                        JOIN meeting ON meeting.id = answer.meeting_id WHERE meeting.relationship_id = ?
                        UNION
                        SELECT capture.occurrence, capture.meeting_id FROM capture
                        JOIN meeting ON meeting.id = capture.meeting_id WHERE meeting.relationship_id = ?
                    )
                    WHERE (occurrence, meeting_id) > (?, ?)
                    ORDER BY occurrence, meeting_id LIMIT ?
                    """,
                arguments: [
                    relationshipID, relationshipID, after?.occurrence.millisecondsSince1970 ?? Int64.min,
                    after?.meetingID ?? Int64.min, limit,
                ])
            return rows.map { row in
                MeetingOccurrence(
                    meetingID: row["meeting_id"], occurrence: Date(millisecondsSince1970: row["occurrence"]))
            }
        }
    }
}
