import Foundation
import GRDB
import MentorCore

/// The answers to the prompts of each step. Each method is one transaction that has committed when
/// it returns.
public struct AnswerStore: Sendable {
    private let database: MentorDatabase

    public init(database: MentorDatabase) {
        self.database = database
    }

    /// Records the answers to one step of one occurrence, replacing those recorded before for that
    /// step: answering a step again is an edit, not an addition. Blank answers are left out, so an
    /// empty list clears the step. The step is marked done in the same transaction: an answered step
    /// has done its job, and its reminder stays quiet. Returns what was stored, in the given order.
    @discardableResult
    public func record(
        meetingID: Int64, occurrence: Date, step: Step, answers: [(prompt: String, answer: String)], now: Date
    ) async throws -> [Answer] {
        guard answers.count <= MentoringLimits.answersPerStep else {
            throw MeetingValidationError.tooMany(
                field: "answers", count: answers.count, limit: MentoringLimits.answersPerStep)
        }
        let validated = try answers.map { pair throws(MeetingValidationError) in
            try Answer(
                id: 0, meetingID: meetingID, occurrence: occurrence, step: step, prompt: pair.prompt,
                text: pair.answer, answeredAt: now
            ).validated()
        }.filter { !$0.text.isEmpty }
        let observer = database.changes
        return try await database.write { db in
            _ = try MeetingRow.require(MeetingOccurrence(meetingID: meetingID, occurrence: occurrence), in: db)
            try ReminderLedgerStore.record(
                [step], as: .done, meetingID: meetingID, occurrence: occurrence, now: now, in: db)
            observer.note(.meeting(meetingID))
            try db.execute(
                sql: "DELETE FROM answer WHERE meeting_id = ? AND occurrence = ? AND step = ?",
                arguments: [meetingID, occurrence.millisecondsSince1970, step.rawValue])
            return try validated.map { answer in
                var record = AnswerRecord(answer)
                try record.insert(db)
                return record.domain
            }
        }
    }

    /// The answers of one occurrence, by step, then in the order given.
    public func answers(meetingID: Int64, occurrence: Date) async throws -> [Answer] {
        try await database.read { db in
            try Self.sorted(
                AnswerRecord.filter(
                    sql: "meeting_id = ? AND occurrence = ?", arguments: [meetingID, occurrence.millisecondsSince1970]
                ).fetchAll(db))
        }
    }

    /// Every answer given in the relationship's meetings, by occurrence, then step, then the order given.
    public func answers(relationshipID: Int64) async throws -> [Answer] {
        try await database.read { db in
            _ = try RelationshipRecord.require(relationshipID, in: db)
            return try Self.sorted(
                AnswerRecord.fetchAll(
                    db,
                    sql: """
                        SELECT answer.* FROM answer JOIN meeting ON meeting.id = answer.meeting_id
                        WHERE meeting.relationship_id = ?
                        """, arguments: [relationshipID]))
        }
    }

    /// Steps are stored as names, so their order is the enum's, not the text's.
    private static func sorted(_ records: [AnswerRecord]) -> [Answer] {
        records.map(\.domain).sorted {
            ($0.occurrence, $0.meetingID, $0.step, $0.id) < ($1.occurrence, $1.meetingID, $1.step, $1.id)
        }
    }
}
