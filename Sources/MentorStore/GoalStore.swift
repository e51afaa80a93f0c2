import Foundation
import GRDB
import MentorCore

/// A relationship's learning goals. Each method is one transaction that has committed when it returns.
public struct GoalStore: Sendable {
    private let database: MentorDatabase

    public init(database: MentorDatabase) {
        self.database = database
    }

    /// Stores a new active goal.
    public func add(
        relationshipID: Int64, statement: String, successCriteria: String = "", targetDate: String = "", now: Date
    ) async throws -> LearningGoal {
        let goal = try LearningGoal(
            id: 0, relationshipID: relationshipID, statement: statement, successCriteria: successCriteria,
            targetDate: targetDate, createdAt: now
        ).validated()
        return try await database.write { db in
            _ = try RelationshipRecord.require(relationshipID, in: db)
            var record = GoalRecord(goal)
            try record.insert(db)
            return record.domain
        }
    }

    /// The relationship's goals in the order they were set; only the active ones unless `includeClosed`.
    public func list(relationshipID: Int64, includeClosed: Bool = false) async throws -> [LearningGoal] {
        try await database.read { db in
            try Self.list(relationshipID: relationshipID, includeClosed: includeClosed, in: db)
        }
    }

    static func list(relationshipID: Int64, includeClosed: Bool, in db: Database) throws -> [LearningGoal] {
        _ = try RelationshipRecord.require(relationshipID, in: db)
        // Cached: the active goal is read for every reminder card.
        let sql = """
            SELECT * FROM \(GoalRecord.databaseTableName)
            WHERE relationship_id = ?\(includeClosed ? "" : " AND status = 'active'") ORDER BY created_at, id
            """
        return try GoalRecord.fetchAll(db.cachedStatement(sql: sql), arguments: [relationshipID]).map(\.domain)
    }

    /// The progress noted for the relationship's goals, oldest first.
    public func progress(relationshipID: Int64) async throws -> [GoalProgress] {
        try await database.read { db in
            _ = try RelationshipRecord.require(relationshipID, in: db)
            return try GoalProgressRecord.fetchAll(
                db,
                sql: """
                    SELECT goal_progress.* FROM goal_progress JOIN goal ON goal.id = goal_progress.goal_id
                    WHERE goal.relationship_id = ? ORDER BY goal_progress.noted_at, goal_progress.id
                    """, arguments: [relationshipID]
            ).map(\.domain)
        }
    }

    /// Stores a progress entry, replacing the one noted for the same goal and occurrence.
    static func save(_ progress: GoalProgress, in db: Database) throws {
        if let origin = progress.origin {
            try db.execute(
                sql: "DELETE FROM goal_progress WHERE goal_id = ? AND meeting_id = ? AND occurrence = ?",
                arguments: [progress.goalID, origin.meetingID, origin.occurrence.millisecondsSince1970])
        }
        var record = GoalProgressRecord(progress)
        try record.insert(db)
    }

    /// Marks the goal done or dropped (dated `now`), or active again. Setting the status it already
    /// has changes nothing, so the first closing date stays.
    public func setStatus(id: Int64, to status: GoalStatus, now: Date) async throws -> LearningGoal {
        try await database.write { db in
            guard var record = try GoalRecord.fetchOne(db, key: id) else { throw StoreError.noSuchGoal(id: id) }
            guard record.status != status.rawValue else { return record.domain }
            record.status = status.rawValue
            record.closedAt = status == .active ? nil : now.millisecondsSince1970
            try record.update(db)
            return record.domain
        }
    }
}
