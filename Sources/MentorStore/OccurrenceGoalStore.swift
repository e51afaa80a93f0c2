import Foundation
import GRDB
import MentorCore

/// The goal agreed for one occurrence, usually at the capture of the one before: it is the
/// occurrence's Purpose unless the meeting has a purpose of its own. Each method is one transaction.
public struct OccurrenceGoalStore: Sendable {
    private let database: MentorDatabase

    public init(database: MentorDatabase) {
        self.database = database
    }

    /// Sets the goal of one occurrence, replacing any earlier one; an empty goal removes it.
    public func setGoal(_ goal: String, meetingID: Int64, occurrence: Date) async throws {
        let goal = try FieldRules.text(goal, field: "goal", limit: MentoringLimits.meetingGoalLength)
        try await database.write { db in
            let key = MeetingOccurrence(meetingID: meetingID, occurrence: occurrence)
            _ = try MeetingRow.require(key, in: db)
            let record = OccurrenceGoalRecord(
                meetingId: meetingID, occurrence: occurrence.millisecondsSince1970, goal: goal)
            if goal.isEmpty {
                try record.delete(db)
            } else {
                try record.upsert(db)
            }
        }
    }

    /// The goal of one occurrence, nil if none was set.
    /// Read for every reminder card: prepared once.
    private static let byOccurrence = CachedRequest(
        OccurrenceGoalRecord.filter(sql: "meeting_id = ? AND occurrence = ?", arguments: [0, 0]))

    public func goal(meetingID: Int64, occurrence: Date) async throws -> String? {
        try await database.read { db in try Self.goal(meetingID: meetingID, occurrence: occurrence, in: db) }
    }

    static func goal(meetingID: Int64, occurrence: Date, in db: Database) throws -> String? {
        try byOccurrence.fetchOne(db, arguments: [meetingID, occurrence.millisecondsSince1970])?.goal
    }
}
