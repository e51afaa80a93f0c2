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

    /// Records answers to prompts of one step of one occurrence. Answers are kept by prompt: an
    /// answer replaces the earlier answer to the same prompt (in its place), a blank one removes
    /// it, and answers to other prompts stay, so answering prompt 2 later never drops prompt 1's.
    /// The step is marked done in the same transaction: an answered step has done its job, and its
    /// reminder stays quiet. Returns the step's answers as they stand, in the order first given.
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
        }
        let observer = database.changes
        return try await database.write { db in
            _ = try MeetingRow.require(MeetingOccurrence(meetingID: meetingID, occurrence: occurrence), in: db)
            try ReminderLedgerStore.record(
                [step], as: .done, meetingID: meetingID, occurrence: occurrence, now: now, in: db)
            observer.note(.meeting(meetingID))
            let key: StatementArguments = [meetingID, occurrence.millisecondsSince1970, step.rawValue]
            for answer in validated {
                if answer.text.isEmpty {
                    try db.execute(
                        sql: "DELETE FROM answer WHERE meeting_id = ? AND occurrence = ? AND step = ? AND prompt = ?",
                        arguments: key + [answer.prompt])
                    continue
                }
                try db.execute(
                    sql: """
                        UPDATE answer SET answer = ?, answered_at = ?
                        WHERE meeting_id = ? AND occurrence = ? AND step = ? AND prompt = ?
                        """, arguments: [answer.text, now.millisecondsSince1970] + key + [answer.prompt])
                if db.changesCount == 0 {
                    var record = AnswerRecord(answer)
                    try record.insert(db)
                }
            }
            let stored = try AnswerRecord.filter(
                sql: "meeting_id = ? AND occurrence = ? AND step = ?", arguments: key
            ).order(sql: "id").fetchAll(db)
            guard stored.count <= MentoringLimits.answersPerStep else {
                throw MeetingValidationError.tooMany(
                    field: "answers", count: stored.count, limit: MentoringLimits.answersPerStep)
            }
            return stored.map(\.domain)
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
