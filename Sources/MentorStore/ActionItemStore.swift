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
}
