import Foundation
import GRDB
import MentorCore

/// The calendars mentord follows: added, listed, removed, and how each sync went. Their events are
/// written by ``CalendarImportStore``.
public struct CalendarSourceStore: Sendable {
    private let database: MentorDatabase

    public init(database: MentorDatabase) {
        self.database = database
    }

    /// What a removal did to the calendar's meetings.
    public struct Removal: Sendable, Hashable {
        /// Meetings deleted: nothing was recorded for them.
        public var deleted: Int
        /// Meetings cancelled and kept, with their history.
        public var kept: Int
    }

    /// Adds a followed calendar; its partner's relationship is found or created.
    public func add(_ calendar: FollowedCalendar, now: Date) async throws -> FollowedCalendar {
        try await database.write { db in try Self.insert(calendar, now: now, in: db) }
    }

    private static func insert(_ calendar: FollowedCalendar, now: Date, in db: Database) throws -> FollowedCalendar {
        guard try CalendarSourceRecord.followed(named: calendar.name, in: db) == nil,
            calendar.name.lowercased() != "import"
        else { throw StoreError.calendarExists(name: calendar.name) }
        let relationship = try calendar.partner.map {
            try RelationshipRecord.findOrCreate(partner: $0, role: calendar.role, now: now, in: db).id!
        }
        var record = CalendarSourceRecord(
            id: nil, name: calendar.name, kind: calendar.kind.rawValue, location: calendar.location,
            defaultRelationshipId: relationship, syncState: "", lastSuccessAt: nil, lastError: "",
            createdAt: now.millisecondsSince1970, rules: calendar.rules.joined(separator: "\n"),
            settings: calendar.settings, fromConfig: calendar.fromConfig, matched: 0, ignored: 0, lastAttemptAt: nil)
        try record.insert(db)
        return try record.calendar(in: db)
    }

    /// Every followed calendar, by name.
    public func list() async throws -> [FollowedCalendar] {
        try await database.read { db in
            try CalendarSourceRecord.filter(sql: "kind != 'import'").order(sql: "lower(name)").fetchAll(db)
                .map { try $0.calendar(in: db) }
        }
    }

    /// The followed calendar named `name` (any case).
    public func calendar(named name: String) async throws -> FollowedCalendar {
        try await database.read { db in
            guard let record = try CalendarSourceRecord.followed(named: name, in: db) else {
                throw StoreError.noSuchCalendar(name: name)
            }
            return try record.calendar(in: db)
        }
    }

    /// Removes a calendar the user added; its meetings go (see ``CalendarRetirement``), their history
    /// stays. `fromConfiguration` allows removing one the configuration file defined.
    public func remove(named name: String, fromConfiguration: Bool = false, now: Date) async throws -> Removal {
        try await database.write { db in
            guard let record = try CalendarSourceRecord.followed(named: name, in: db) else {
                throw StoreError.noSuchCalendar(name: name)
            }
            if record.fromConfig && !fromConfiguration { throw StoreError.calendarInConfiguration(name: record.name) }
            return try Self.delete(record, now: now, in: db)
        }
    }

    private static func delete(_ record: CalendarSourceRecord, now: Date, in db: Database) throws -> Removal {
        var removal = Removal(deleted: 0, kept: 0)
        let meetings = try Int64.fetchAll(
            db, sql: "SELECT meeting_id FROM calendar_event WHERE source_id = ?", arguments: [record.id])
        for meeting in meetings {
            switch try CalendarRetirement.retire(meetingID: meeting, now: now, in: db) {
            case .deleted: removal.deleted += 1
            case .kept: removal.kept += 1
            }
        }
        try db.execute(sql: "DELETE FROM calendar_source WHERE id = ?", arguments: [record.id])
        return removal
    }

    /// Makes the calendars of the configuration file those `configured` says, in one transaction: new
    /// ones added, changed ones replaced (their meetings stay theirs, their sync starts afresh), and
    /// those no longer in the file removed. A name the user took with `calendar add` is refused.
    public func reconcile(configured: [FollowedCalendar], now: Date) async throws {
        try await database.write { db in
            let existing = try CalendarSourceRecord.filter(sql: "kind != 'import'").fetchAll(db)
            let wanted = Dictionary(
                configured.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
            for record in existing where record.fromConfig && wanted[record.name.lowercased()] == nil {
                _ = try Self.delete(record, now: now, in: db)
            }
            for calendar in configured {
                guard var record = try CalendarSourceRecord.followed(named: calendar.name, in: db) else {
                    _ = try Self.insert(calendar, now: now, in: db)
                    continue
                }
                guard record.fromConfig else { throw StoreError.calendarExists(name: calendar.name) }
                if try record.calendar(in: db).sameDefinition(as: calendar) { continue }
                record.kind = calendar.kind.rawValue
                record.location = calendar.location
                record.defaultRelationshipId = try calendar.partner.map {
                    try RelationshipRecord.findOrCreate(partner: $0, role: calendar.role, now: now, in: db).id!
                }
                record.rules = calendar.rules.joined(separator: "\n")
                record.settings = calendar.settings
                record.syncState = ""
                try record.update(db)
            }
        }
    }

    /// Records a successful sync: what the kind keeps for the next one, and what it found. `problem`
    /// says what of it could not be read (empty: all of it).
    public func recordSuccess(
        id: Int64, syncState: String, matched: Int, ignored: Int, problem: String = "", now: Date
    ) async throws {
        try await database.write { db in
            try db.execute(
                sql: """
                    UPDATE calendar_source SET sync_state = ?1, matched = ?2, ignored = ?3, last_error = ?4,
                        last_success_at = ?5, last_attempt_at = ?5
                    WHERE id = ?6
                    """,
                arguments: [syncState, matched, ignored, String(problem.prefix(1000)), now.millisecondsSince1970, id])
        }
    }

    /// Records a failed sync and why; what the last success found stays.
    public func recordFailure(id: Int64, error: String, now: Date) async throws {
        try await database.write { db in
            try db.execute(
                sql: "UPDATE calendar_source SET last_error = ?, last_attempt_at = ? WHERE id = ?",
                arguments: [String(error.prefix(1000)), now.millisecondsSince1970, id])
        }
    }

    /// The name of the followed calendar the meeting comes from; nil for a meeting of mentord's own
    /// or of `mentorctl import`, whose times the user may change.
    public func owner(ofMeeting id: Int64) async throws -> String? {
        try await database.read { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT calendar_source.name FROM calendar_event
                    JOIN calendar_source ON calendar_source.id = calendar_event.source_id
                    WHERE calendar_event.meeting_id = ? AND calendar_source.kind != 'import'
                    """, arguments: [id])
        }
    }
}
