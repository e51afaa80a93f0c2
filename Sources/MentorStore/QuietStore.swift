import Foundation
import GRDB
import MentorCore

/// What the "gone quiet" rule reads about relationships, and the record of the nudges sent: one per
/// relationship and quiet spell (`quiet_nudge`), so a nudge goes out once, also across restarts.
public struct QuietStore: Sendable {
    private let database: MentorDatabase

    public init(database: MentorDatabase) {
        self.database = database
    }

    /// The relationship with its contact: scheduled meetings and the latest capture.
    public func contact(relationshipID: Int64) async throws -> (
        relationship: Relationship, contact: RelationshipContact
    ) {
        try await database.read { db in
            let relationship = try RelationshipRecord.require(relationshipID, in: db).relationship
            return (relationship, try Self.contact(of: relationship, in: db))
        }
    }

    /// Every relationship with its contact, in one read.
    public func contacts() async throws -> [(relationship: Relationship, contact: RelationshipContact)] {
        try await contacts { _ in true }
    }

    /// Every relationship that can go quiet (its cadence reads) with its contact, in one read: what
    /// the engine plans. The others' meetings are not read at all.
    public func quietCandidates() async throws -> [(relationship: Relationship, contact: RelationshipContact)] {
        try await contacts { QuietRule.seconds(ofCadence: $0.cadence) != nil }
    }

    private func contacts(where include: @escaping @Sendable (Relationship) -> Bool) async throws
        -> [(relationship: Relationship, contact: RelationshipContact)]
    {
        try await database.read { db in
            try RelationshipRecord.order(sql: "partner COLLATE NOCASE, role, id").fetchAll(db).compactMap { record in
                let relationship = record.relationship
                guard include(relationship) else { return nil }
                return (relationship, try Self.contact(of: relationship, in: db))
            }
        }
    }

    /// Whether the nudge of the spell that began at `since` went out.
    public func wasNudged(relationshipID: Int64, since: Date) async throws -> Bool {
        try await database.read { db in
            try Bool.fetchOne(
                db, sql: "SELECT count(*) > 0 FROM quiet_nudge WHERE relationship_id = ? AND quiet_since = ?",
                arguments: [relationshipID, since.millisecondsSince1970]) ?? false
        }
    }

    /// Records that the nudge of the spell that began at `since` went out (again: changes nothing).
    public func recordNudge(relationshipID: Int64, since: Date, now: Date) async throws {
        try await database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO quiet_nudge (relationship_id, quiet_since, sent_at) VALUES (?, ?, ?)
                    ON CONFLICT (relationship_id, quiet_since) DO NOTHING
                    """, arguments: [relationshipID, since.millisecondsSince1970, now.millisecondsSince1970])
        }
    }

    /// Its scheduled series and its latest scheduled single meeting: no earlier single meeting can
    /// be the last contact, so a relationship with thousands of them costs one indexed row, not all.
    private static func contact(of relationship: Relationship, in db: Database) throws -> RelationshipContact {
        let scheduled = MeetingRow.all().filter(
            sql: "meeting.relationship_id = ? AND meeting.status = 'scheduled'", arguments: [relationship.id])
        let series = try scheduled.filter(sql: "meeting.recurrence != ''").order(sql: "meeting.start, meeting.id")
            .fetchAll(db)
        let latestSingle = try scheduled.filter(sql: "meeting.recurrence = ''")
            .order(sql: "meeting.start DESC, meeting.id DESC").limit(1).fetchAll(db)
        let meetings = try MeetingStore.withExceptions((series + latestSingle).map(\.domain), in: db)
        let captured = try Int64.fetchOne(
            db,
            sql: """
                SELECT max(capture.captured_at) FROM capture JOIN meeting ON meeting.id = capture.meeting_id
                WHERE meeting.relationship_id = ?
                """, arguments: [relationship.id])
        return RelationshipContact(
            since: relationship.createdAt, meetings: meetings,
            lastCapture: captured.map(Date.init(millisecondsSince1970:)))
    }
}
