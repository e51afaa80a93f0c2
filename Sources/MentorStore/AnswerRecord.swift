import Foundation
import GRDB
import MentorCore

/// A row of the `answer` table.
struct AnswerRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "answer"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: Int64?
    var meetingId: Int64
    /// The occurrence's start, Unix milliseconds.
    var occurrence: Int64
    var step: String
    var prompt: String
    var answer: String
    /// Unix milliseconds.
    var answeredAt: Int64

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    init(_ answer: Answer) {
        meetingId = answer.meetingID
        occurrence = answer.occurrence.millisecondsSince1970
        step = answer.step.rawValue
        prompt = answer.prompt
        self.answer = answer.text
        answeredAt = answer.answeredAt.millisecondsSince1970
    }

    var domain: Answer {
        Answer(
            id: id!, meetingID: meetingId, occurrence: Date(millisecondsSince1970: occurrence),
            step: Step(rawValue: step) ?? .purpose, prompt: prompt, text: answer,
            answeredAt: Date(millisecondsSince1970: answeredAt))
    }
}
