import Foundation
import GRDB
import MentorCore

/// A row of the `goal` table.
struct GoalRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "goal"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: Int64?
    var relationshipId: Int64
    var statement: String
    var successCriteria: String
    /// `YYYY-MM-DD` or empty.
    var targetDate: String
    var status: String
    /// Unix milliseconds.
    var createdAt: Int64
    /// Unix milliseconds; nil while active.
    var closedAt: Int64?

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    init(_ goal: LearningGoal) {
        relationshipId = goal.relationshipID
        statement = goal.statement
        successCriteria = goal.successCriteria
        targetDate = goal.targetDate
        status = goal.status.rawValue
        createdAt = goal.createdAt.millisecondsSince1970
        closedAt = goal.closedAt?.millisecondsSince1970
    }

    var domain: LearningGoal {
        LearningGoal(
            id: id!, relationshipID: relationshipId, statement: statement, successCriteria: successCriteria,
            targetDate: targetDate, status: GoalStatus(rawValue: status) ?? .active,
            createdAt: Date(millisecondsSince1970: createdAt), closedAt: closedAt.map(Date.init(millisecondsSince1970:))
        )
    }
}
