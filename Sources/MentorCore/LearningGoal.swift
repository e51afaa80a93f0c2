import Foundation

/// Something the mentee means to learn or achieve in the relationship, with how they will know.
public struct LearningGoal: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var relationshipID: Int64
    /// The goal in one line ("Lead a design review").
    public var statement: String
    /// How the pair will know it is reached; may be empty.
    public var successCriteria: String
    /// The day it should be reached by, `YYYY-MM-DD`, or empty.
    public var targetDate: String
    public var status: GoalStatus
    public var createdAt: Date
    /// When it was marked done or dropped; nil while active.
    public var closedAt: Date?

    public init(
        id: Int64, relationshipID: Int64, statement: String, successCriteria: String = "", targetDate: String = "",
        status: GoalStatus = .active, createdAt: Date, closedAt: Date? = nil
    ) {
        self.id = id
        self.relationshipID = relationshipID
        self.statement = statement
        self.successCriteria = successCriteria
        self.targetDate = targetDate
        self.status = status
        self.createdAt = createdAt
        self.closedAt = closedAt
    }

    /// This goal with its text trimmed, or the first rule a field breaks.
    public func validated() throws(MeetingValidationError) -> LearningGoal {
        var copy = self
        copy.statement = try FieldRules.requiredLine(statement, field: "statement", limit: MentoringLimits.itemLength)
        copy.successCriteria = try FieldRules.text(
            successCriteria, field: "successCriteria", limit: MentoringLimits.successCriteriaLength)
        copy.targetDate = try FieldRules.day(targetDate, field: "targetDate")
        return copy
    }
}

/// Where a learning goal stands.
public enum GoalStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Being worked on.
    case active
    /// Reached.
    case done
    /// Given up or no longer relevant.
    case dropped
}
