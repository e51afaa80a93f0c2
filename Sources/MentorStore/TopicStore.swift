import Foundation
import GRDB
import MentorCore

/// A relationship's parking lot: topics kept for a later meeting until discussed or dropped.
/// Each method is one transaction that has committed when it returns.
public struct TopicStore: Sendable {
    private let database: MentorDatabase

    public init(database: MentorDatabase) {
        self.database = database
    }

    /// Parks a new topic. `origin`, the occurrence where it came up, must be one of the
    /// relationship's meetings.
    public func add(relationshipID: Int64, text: String, origin: MeetingOccurrence? = nil, now: Date) async throws
        -> Topic
    {
        let topic = try Topic(id: 0, relationshipID: relationshipID, origin: origin, text: text, createdAt: now)
            .validated()
        return try await database.write { db in try CarriedItems.insert(TopicRecord(topic), in: db) }
    }

    /// The relationship's topics with `status` (all if nil), in the order they were parked.
    public func list(relationshipID: Int64, status: ItemStatus? = nil) async throws -> [Topic] {
        try await database.read { db in
            try CarriedItems.list(TopicRecord.self, relationshipID: relationshipID, status: status, in: db)
        }
    }

    /// The relationship's open topics: what the next meeting carries.
    public func open(relationshipID: Int64) async throws -> [Topic] {
        try await list(relationshipID: relationshipID, status: .open)
    }

    /// The topic with this id.
    public func topic(id: Int64) async throws -> Topic {
        try await database.read { db in try CarriedItems.fetch(TopicRecord.self, id: id, in: db) }
    }

    /// Closes the topic as done (discussed) or dropped (dated `now`), or opens it again; its current
    /// status changes nothing.
    public func setStatus(id: Int64, to status: ItemStatus, now: Date) async throws -> Topic {
        try await database.write { db in
            try CarriedItems.setStatus(TopicRecord.self, id: id, to: status, now: now, in: db)
        }
    }
}
