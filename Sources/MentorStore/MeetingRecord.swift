import Foundation
import GRDB
import MentorCore

/// A row of the `meeting` table.
struct MeetingRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "meeting"
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    /// Keyed by hand: the key GRDB infers from the table name goes through its English inflection
    /// rules, about a hundred regular expressions compiled on first use, 6 % of a start's CPU.
    static let relationship = belongsTo(RelationshipRecord.self, key: "relationship")

    var id: Int64?
    var relationshipId: Int64
    var title: String
    /// Unix milliseconds, UTC.
    var start: Int64
    /// IANA name.
    var timeZone: String
    var durationSeconds: Int
    var purpose: String
    var status: String
    /// Canonical RRULE, empty for a single meeting.
    var recurrence: String
    /// Canonical per-step overrides (`ReminderPolicy.overridesText`), empty for none.
    var reminderOffsets: String
    /// Unix milliseconds.
    var createdAt: Int64
    /// Unix milliseconds.
    var updatedAt: Int64

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Copies the draft's fields into this row.
    mutating func assign(_ draft: MeetingDraft, relationshipId: Int64) {
        self.relationshipId = relationshipId
        title = draft.title
        start = draft.start.millisecondsSince1970
        timeZone = draft.timeZone.identifier
        durationSeconds = draft.durationSeconds
        purpose = draft.purpose
        reminderOffsets = ReminderPolicy.overridesText(draft.reminderOverrides)
        recurrence = draft.recurrence?.rule ?? ""
    }
}

// In an extension, so that the struct keeps its synthesized memberwise initializer.
extension MeetingRecord {
    /// Reads the columns by name. Written out, rather than left to Codable, because start-up
    /// decodes every scheduled meeting and the snake-case key conversion cost more than all the
    /// planning (a profile at 100,000 meetings).
    init(row: Row) throws {
        id = row["id"]
        relationshipId = row["relationship_id"]
        title = row["title"]
        start = row["start"]
        timeZone = row["time_zone"]
        durationSeconds = row["duration_seconds"]
        purpose = row["purpose"]
        status = row["status"]
        recurrence = row["recurrence"]
        reminderOffsets = row["reminder_offsets"]
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
    }
}

/// A meeting row joined with its relationship row.
struct MeetingRow: Sendable, FetchableRecord {
    var meeting: MeetingRecord
    var relationship: RelationshipRecord

    init(row: Row) throws {
        meeting = try MeetingRecord(row: row)
        guard let scope = row.scopes["relationship"] else {
            throw StoreError.databaseFailure(reason: "a meeting row came without its relationship")
        }
        relationship = try RelationshipRecord(row: scope)
    }

    static func all() -> QueryInterfaceRequest<MeetingRow> {
        MeetingRecord.including(required: MeetingRecord.relationship).asRequest(of: MeetingRow.self)
    }

    /// One meeting by id: read for every card the engine sends, so its statement is prepared once.
    static let byID = CachedRequest(MeetingRow.all().filter(sql: "meeting.id = ?", arguments: [0]))

    var domain: Meeting {
        Meeting(
            id: meeting.id!, relationship: relationship.relationship, title: meeting.title,
            start: Date(millisecondsSince1970: meeting.start),
            // Zones were validated on the way in; one dropped by a later tzdata release reads as UTC
            // rather than making the whole meeting unreadable.
            timeZone: TimeZone(identifier: meeting.timeZone) ?? TimeZone(secondsFromGMT: 0)!,
            durationSeconds: meeting.durationSeconds, purpose: meeting.purpose,
            status: MeetingStatus(rawValue: meeting.status) ?? .scheduled,
            // Written by this code from validated overrides; unreadable text means "none".
            recurrence: meeting.recurrence.isEmpty ? nil : try? Recurrence.parse(meeting.recurrence),
            reminderOverrides: (try? ReminderPolicy.offsetOverrides(meeting.reminderOffsets)) ?? [:],
            createdAt: Date(millisecondsSince1970: meeting.createdAt),
            updatedAt: Date(millisecondsSince1970: meeting.updatedAt))
    }
}
