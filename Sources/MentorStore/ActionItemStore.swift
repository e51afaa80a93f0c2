import Foundation
import GRDB
import MentorCore

/// A relationship's action items: the commitments carried from meeting to meeting until closed.
/// Each method is one transaction that has committed when it returns.
public struct ActionItemStore: Sendable {
    private let database: MentorDatabase

    public init(database: MentorDatabase) {
        self.database = database
    }

    /// Stores a new open item. `origin`, the occurrence that agreed it, must be one of the
    /// relationship's meetings.
    public func add(
        relationshipID: Int64, text: String, owner: ItemOwner, dueOn: String = "", origin: MeetingOccurrence? = nil,
        now: Date
    ) async throws -> ActionItem {
        let item = try ActionItem(
            id: 0, relationshipID: relationshipID, origin: origin, text: text, owner: owner, dueOn: dueOn,
            createdAt: now
        ).validated()
        return try await database.write { db in try CarriedItems.insert(ActionItemRecord(item), in: db) }
    }

    /// The relationship's items with `status` (all if nil), in the order they were added.
    public func list(relationshipID: Int64, status: ItemStatus? = nil) async throws -> [ActionItem] {
        try await database.read { db in
            try CarriedItems.list(ActionItemRecord.self, relationshipID: relationshipID, status: status, in: db)
        }
    }

    /// The relationship's open items: what the next meeting carries.
    public func open(relationshipID: Int64) async throws -> [ActionItem] {
        try await list(relationshipID: relationshipID, status: .open)
    }

    /// The item with this id.
    public func item(id: Int64) async throws -> ActionItem {
        try await database.read { db in try CarriedItems.fetch(ActionItemRecord.self, id: id, in: db) }
    }

    /// Closes the item as done or dropped (dated `now`), or opens it again; its current status
    /// changes nothing.
    public func setStatus(id: Int64, to status: ItemStatus, now: Date) async throws -> ActionItem {
        try await database.write { db in
            try CarriedItems.setStatus(ActionItemRecord.self, id: id, to: status, now: now, in: db)
        }
    }

    /// The user's own open commitments (owner me or both) with a due date whose reminder has not
    /// gone out yet.
    public func awaitingReminder() async throws -> [ActionItem] {
        try await database.read { db in
            let ids = try Int64.fetchAll(
                db,
                sql: """
                    SELECT id FROM action_item
                    WHERE status = 'open' AND owner IN ('me', 'both') AND due_on != '' AND reminded_at IS NULL
                    ORDER BY id
                    """)
            return try ids.map { try CarriedItems.fetch(ActionItemRecord.self, id: $0, in: db) }
        }
    }

    /// Whether the item still waits for its due-date reminder.
    public func awaitsReminder(id: Int64) async throws -> Bool {
        try await database.read { db in
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT count(*) > 0 FROM action_item
                    WHERE id = ? AND status = 'open' AND owner IN ('me', 'both') AND due_on != ''
                        AND reminded_at IS NULL
                    """, arguments: [id]) ?? false
        }
    }

    /// Records that the item's due-date reminder went out.
    public func markReminded(id: Int64, now: Date) async throws {
        try await database.write { db in
            try db.execute(
                sql: "UPDATE action_item SET reminded_at = ? WHERE id = ?",
                arguments: [now.millisecondsSince1970, id])
        }
    }
}
