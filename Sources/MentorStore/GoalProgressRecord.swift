import Foundation
import GRDB
import MentorCore

/// A row of the `goal_progress` table.
struct GoalProgressRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "goal_progress"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: Int64?
    var goalId: Int64
    var meetingId: Int64?
    /// Unix milliseconds of the origin occurrence.
    var occurrence: Int64?
    var note: String
    var rating: Int?
    /// Unix milliseconds.
    var notedAt: Int64

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    init(_ progress: GoalProgress) {
        goalId = progress.goalID
        meetingId = progress.origin?.meetingID
        occurrence = progress.origin?.occurrence.millisecondsSince1970
        note = progress.note
        rating = progress.rating
        notedAt = progress.notedAt.millisecondsSince1970
    }

    var domain: GoalProgress {
        GoalProgress(
            goalID: goalId,
            origin: meetingId.flatMap { meeting in
                occurrence.map { MeetingOccurrence(meetingID: meeting, occurrence: Date(millisecondsSince1970: $0)) }
            }, note: note, rating: rating, notedAt: Date(millisecondsSince1970: notedAt))
    }
}
