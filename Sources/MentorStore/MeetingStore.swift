import Foundation
import GRDB
import MentorCore

/// Meetings and their relationships: every read and write of them goes through here.
///
/// Each method is one transaction; a method that returns has committed, which is what lets the
/// daemon promise that a replied call survives `kill -9`.
public struct MeetingStore: Sendable {
    private let database: MentorDatabase

    public init(database: MentorDatabase) {
        self.database = database
    }

    /// Stores a new meeting, finding or creating its relationship; refuses one more than `limit`.
    public func add(_ draft: MeetingDraft, now: Date, limit: Int = .max) async throws -> Meeting {
        try await database.write { db in try Self.insert(draft, now: now, limit: limit, in: db) }
    }

    static func insert(_ draft: MeetingDraft, now: Date, limit: Int, in db: Database) throws -> Meeting {
        // Counted inside the write transaction, so concurrent adds cannot overshoot together.
        if limit < .max {
            let count = try MeetingRecord.fetchCount(db)
            guard count < limit else { throw StoreError.tooManyMeetings(count: count, limit: limit) }
        }
        let relationship = try RelationshipRecord.findOrCreate(
            partner: draft.partner, role: draft.role, now: now, in: db)
        return try meeting(id: insertRecord(draft, relationshipID: relationship.id!, now: now, in: db), in: db)
    }

    /// Inserts the row of a new meeting of a known relationship; returns its id.
    static func insertRecord(_ draft: MeetingDraft, relationshipID: Int64, now: Date, in db: Database) throws -> Int64 {
        let stamp = now.millisecondsSince1970
        var record = MeetingRecord(
            relationshipId: relationshipID, title: "", start: 0, timeZone: "", durationSeconds: 0,
            purpose: "", status: MeetingStatus.scheduled.rawValue, recurrence: "", reminderOffsets: "",
            createdAt: stamp,
            updatedAt: stamp)
        record.assign(draft, relationshipId: relationshipID)
        try record.insert(db)
        return record.id!
    }

    /// The meeting with this id.
    public func meeting(id: Int64) async throws -> Meeting {
        try await database.read { db in try Self.meeting(id: id, in: db) }
    }

    /// Meetings matching `query`, earliest first.
    public func meetings(_ query: MeetingQuery, now: Date) async throws -> [Meeting] {
        try await database.read { db in try Self.meetings(query, now: now, in: db) }
    }

    static func meetings(_ query: MeetingQuery, now: Date, in db: Database) throws -> [Meeting] {
        var request = MeetingRow.all()
        if !query.includePast {
            // A series goes on; a single meeting is listed until it ends. The start bound lets
            // SQLite use its index; the end test is the exact one.
            let earliest = Self.earliestStart(ofMeetingRunningAt: now)
            request = request.filter(
                sql: """
                    (meeting.recurrence != '' OR \
                    (meeting.start > ? AND meeting.start + meeting.duration_seconds * 1000 > ?))
                    """, arguments: [earliest, now.millisecondsSince1970])
        }
        if !query.includeCancelled {
            request = request.filter(sql: "meeting.status = 'scheduled'")
        }
        if let partner = query.partner {
            request = request.filter(sql: "relationship.partner = ? COLLATE NOCASE", arguments: [partner])
        }
        if let relationshipID = query.relationshipID {
            request = request.filter(sql: "meeting.relationship_id = ?", arguments: [relationshipID])
        }
        return try withExceptions(
            request.order(sql: "meeting.start, meeting.id").limit(query.limit).fetchAll(db).map(\.domain), in: db)
    }

    /// The longest a meeting lasts (``MeetingLimits/maximumDurationSeconds``), in the database's
    /// milliseconds. Every writer holds meetings to it, which lets the queries below bound a
    /// search by start, through `meeting_by_start`, instead of reading every meeting.
    private static let longestMeeting = Int64(MeetingLimits.maximumDurationSeconds) * 1000

    /// The earliest start, in milliseconds, of a meeting that can still be running at `instant`.
    private static func earliestStart(ofMeetingRunningAt instant: Date) -> Int64 {
        instant.millisecondsSince1970 - longestMeeting
    }

    /// Scheduled meetings that can have an occurrence between `after` and `before`: single
    /// meetings that start by `before` and end after `after`, series that have started by
    /// `before`, and series with a moved or added occurrence (either may lie before the series' start).
    /// What the engine plans; meetings starting later are left for when they come near.
    ///
    /// Start-up, a clock step and a bulk import read this, so it reads only what can remind, not
    /// every meeting ever stored: each of its three terms has an index (``plannableRequest``).
    public func plannable(endingAfter after: Date, startingBy before: Date) async throws -> [Meeting] {
        try await database.read { db in
            try Self.withExceptions(
                Self.plannableRequest(endingAfter: after, startingBy: before).fetchAll(db).map(\.domain), in: db)
        }
    }

    /// ``plannable(endingAfter:startingBy:)``'s rows. SQLite answers the OR of its terms from one
    /// index each (a multi-index OR), so the past meetings a long mentoring history piles up cost
    /// nothing: single meetings by `meeting_by_start` (one that ends after `after` started at
    /// most ``MeetingLimits/maximumDurationSeconds`` before it), series by `meeting_series`, and
    /// series with moved or added occurrences by id.
    static func plannableRequest(endingAfter after: Date, startingBy before: Date) -> QueryInterfaceRequest<MeetingRow>
    {
        let earliest = Self.earliestStart(ofMeetingRunningAt: after)
        return MeetingRow.all().filter(sql: "meeting.status = 'scheduled'")
            .filter(
                sql: """
                    (meeting.start > ? AND meeting.start <= ? AND meeting.start + meeting.duration_seconds * 1000 > ?) \
                    OR (meeting.recurrence != '' AND meeting.start <= ?) \
                    OR (meeting.recurrence != '' AND meeting.id IN \
                    (SELECT meeting_id FROM occurrence_exception UNION ALL SELECT meeting_id FROM occurrence_addition))
                    """,
                arguments: [
                    earliest, before.millisecondsSince1970, after.millisecondsSince1970, before.millisecondsSince1970,
                ]
            )
    }

    /// Scheduled meetings, single or series, that start after `after` and by `through`: those that
    /// come into the engine's planning window as it moves on.
    public func starting(after: Date, through: Date) async throws -> [Meeting] {
        try await database.read { db in
            let found = try MeetingRow.all().filter(sql: "meeting.status = 'scheduled'")
                .filter(
                    sql: "meeting.start > ? AND meeting.start <= ?",
                    arguments: [after.millisecondsSince1970, through.millisecondsSince1970]
                )
                .fetchAll(db).map(\.domain)
            return try Self.withExceptions(found, in: db)
        }
    }

    /// The earliest start after `instant` of a scheduled meeting, single or series.
    public func firstStart(after instant: Date) async throws -> Date? {
        try await database.read { db in
            try Int64.fetchOne(
                db, sql: "SELECT min(start) FROM meeting WHERE status = 'scheduled' AND start > ?",
                arguments: [instant.millisecondsSince1970]
            ).map(Date.init(millisecondsSince1970:))
        }
    }

    /// Applies `changes` to a meeting, validating the result as a whole. When the edit moves the
    /// meeting (a single meeting's start, a series' current occurrence), what was recorded for that
    /// occurrence moves with it in the same transaction, its ledger as `carry` says.
    public func update(id: Int64, changes: MeetingChanges, now: Date, carry: @escaping LedgerCarry) async throws
        -> Meeting
    {
        let observer = database.changes
        return try await database.write { db in
            let current = try Self.meeting(id: id, in: db)
            let draft = try MeetingDraft(current, applying: changes)
            let relationship = try RelationshipRecord.findOrCreate(
                partner: draft.partner, role: draft.role, now: now, in: db)
            var record = try Self.record(id: id, in: db)
            record.assign(draft, relationshipId: relationship.id!)
            record.updatedAt = now.millisecondsSince1970
            try record.update(db)
            let updated = try Self.meeting(id: id, in: db)
            if let shift = current.shiftedOccurrence(to: updated, now: now) {
                try OccurrenceMove.apply(
                    updated, from: shift.from, to: shift.to, carry: carry, now: now, changes: observer, in: db)
            }
            return updated
        }
    }

    /// Marks a meeting cancelled; it stays stored with its notes.
    public func cancel(id: Int64, now: Date) async throws -> Meeting {
        try await database.write { db in
            var record = try Self.record(id: id, in: db)
            guard record.status != MeetingStatus.cancelled.rawValue else { throw StoreError.alreadyCancelled(id: id) }
            record.status = MeetingStatus.cancelled.rawValue
            record.updatedAt = now.millisecondsSince1970
            try record.update(db)
            return try Self.meeting(id: id, in: db)
        }
    }

    /// Removes a meeting for good.
    public func delete(id: Int64) async throws {
        try await database.write { db in
            guard try MeetingRecord.deleteOne(db, key: id) else { throw StoreError.noSuchMeeting(id: id) }
        }
    }

    /// How much is stored.
    public func counts(now: Date) async throws -> StoreCounts {
        try await database.read { db in try Self.counts(now: now, in: db) }
    }

    /// ``counts(now:)``, and when its upcoming count next changes with time alone (the earliest end
    /// of a scheduled single meeting not ended yet), in one read: until then, and until the next
    /// commit, the counts stay true, so they can be kept.
    public func countsAndExpiry(now: Date) async throws -> (counts: StoreCounts, changesAt: Date?) {
        try await database.read { db in
            let earliest = Self.earliestStart(ofMeetingRunningAt: now)
            // No meeting lasts over a day, so none starting more than a day after the first one
            // not ended yet can end before it: the earliest end lies among those, found from the
            // start index without reading every meeting to come (26 ms at 100,000, 0.2 ms so).
            // NOT MATERIALIZED keeps both reads on the index: a materialized `running` would be
            // every single meeting to come, written out first (42 ms at 100,000).
            let end = try Int64.fetchOne(
                db.cachedStatement(
                    sql: """
                        WITH running AS NOT MATERIALIZED (
                            SELECT start, start + duration_seconds * 1000 AS ending FROM meeting
                            WHERE status = 'scheduled' AND recurrence = '' AND start > ?1
                            AND start + duration_seconds * 1000 > ?2)
                        SELECT min(ending) FROM running WHERE start <= (SELECT min(start) FROM running) + ?3
                        """),
                arguments: [
                    earliest, now.millisecondsSince1970, Self.longestMeeting,
                ])
            return (try Self.counts(now: now, in: db), end.map(Date.init(millisecondsSince1970:)))
        }
    }

    private static func counts(now: Date, in db: Database) throws -> StoreCounts {
        // Cached statements: GetStatus is the call a shell prompt or status bar makes over and over.
        StoreCounts(
            meetings: try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM meeting")) ?? 0,
            upcomingMeetings: try Int.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT count(*) FROM meeting
                        WHERE status = 'scheduled' AND (recurrence != '' OR start + duration_seconds * 1000 > ?)
                        """), arguments: [now.millisecondsSince1970]) ?? 0,
            relationships: try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM relationship")) ?? 0)
    }

    /// Cancels (`movedTo` nil) or moves one occurrence of a series, given by its original start.
    /// A move takes what was recorded for the occurrence along, its ledger as `carry` says.
    public func changeOccurrence(
        meetingID: Int64, occurrence: Date, movedTo: Date?, now: Date, carry: @escaping LedgerCarry
    ) async throws -> Meeting {
        let observer = database.changes
        return try await database.write { db in
            let meeting = try Self.meeting(id: meetingID, in: db)
            // A single meeting has no occurrences of its own to change: edit or cancel the meeting.
            // The occurrence is named by its original start, or by where an earlier move put it.
            guard meeting.recurrence != nil, let occurrence = meeting.originalOccurrence(at: occurrence) else {
                throw StoreError.noSuchOccurrence(id: meetingID, occurrence: occurrence)
            }
            // Where the occurrence is now: an earlier move may have put it elsewhere.
            let before = meeting.exceptions[occurrence.roundedToMilliseconds] ?? occurrence
            try OccurrenceExceptionRecord.move(meetingID: meetingID, occurrence: occurrence, to: movedTo, in: db)
            var record = try Self.record(id: meetingID, in: db)
            record.updatedAt = now.millisecondsSince1970
            try record.update(db)
            let changed = try Self.meeting(id: meetingID, in: db)
            if let before, let movedTo {
                try OccurrenceMove.apply(
                    changed, from: before, to: movedTo, carry: carry, now: now, changes: observer, in: db)
            }
            return changed
        }
    }

    /// The meetings with what their series change: exceptions, additions and occurrence overrides.
    static func withExceptions(_ meetings: [Meeting], in db: Database) throws -> [Meeting] {
        let recurring = meetings.filter { $0.recurrence != nil }.map(\.id)
        let changes = try OccurrenceExceptionRecord.changes(of: recurring, in: db)
        let additions = try OccurrenceAdditionRecord.additions(of: recurring, in: db)
        return meetings.map { meeting in
            var copy = meeting
            copy.exceptions = changes[meeting.id]?.exceptions ?? [:]
            copy.occurrenceOverrides = changes[meeting.id]?.overrides ?? [:]
            copy.additions = additions[meeting.id] ?? []
            return copy
        }
    }

    static func record(id: Int64, in db: Database) throws -> MeetingRecord {
        guard let record = try MeetingRecord.fetchOne(db, key: id) else { throw StoreError.noSuchMeeting(id: id) }
        return record
    }

    static func meeting(id: Int64, in db: Database) throws -> Meeting {
        guard let row = try MeetingRow.byID.fetchOne(db, arguments: [id]) else {
            throw StoreError.noSuchMeeting(id: id)
        }
        return try withExceptions([row.domain], in: db)[0]
    }
}
