import Foundation
import GRDB
import MentorCore

/// Meetings made from calendar events: adds the new ones, updates in place the ones whose event
/// changed, and leaves alone the ones whose event did not (or came as an older copy).
///
/// One call is one transaction: a file is imported whole or not at all, and the reminder engine
/// hears of every meeting it changed from the one commit.
public struct CalendarImportStore: Sendable {
    private let database: MentorDatabase

    public init(database: MentorDatabase) {
        self.database = database
    }

    /// What became of one event.
    public enum Outcome: Sendable, Hashable {
        /// A new meeting; nil in a dry run.
        case added(meetingID: Int64?)
        /// The event's meeting, updated in place.
        case updated(meetingID: Int64)
        /// The event's meeting, left as it is: same version, or an older copy (lower `SEQUENCE`).
        case unchanged(meetingID: Int64)
        /// A cancelled (or declined) event never imported before: there is nothing to cancel.
        case cancelledBeforeImport
        /// A new event another calendar already holds (same UID and `RECURRENCE-ID`): its meeting
        /// there is the one reminded, so it is not added twice.
        case heldElsewhere(meetingID: Int64, calendar: String)
    }

    /// What one import did.
    public struct Result: Sendable, Hashable {
        /// One outcome per event, in the order given.
        public var outcomes: [Outcome]
        /// Meetings imported before (into the same source) whose events this call did not name: an
        /// import never deletes them.
        public var notInFile: Int
        /// A followed calendar's meetings whose events two successful syncs in a row lacked: deleted,
        /// or cancelled and kept when they hold history.
        public var removed = 0
        /// Meetings whose events this sync lacked for the first time: removed if the next one does too.
        public var awaitingRemoval = 0
        /// The calendar held no event at all while meetings came from it: taken as a fault of the
        /// calendar, not as every meeting deleted, so nothing was counted toward removal.
        public var emptyIgnored = false
    }

    /// Adds or updates the meeting of each event, in one transaction; with `dryRun`, only says what
    /// it would do. `limit` is `[limits] max_meetings`. A meeting whose times change takes along what
    /// was recorded for its occurrences still to come (see ``OccurrenceRemap``), its ledger as `carry`
    /// says, as an edit does.
    ///
    /// `source` is a followed calendar's id (nil: the one `import` source). For a followed calendar,
    /// `present` holds the UIDs of its mentoring meetings now (and of events it could not read): a
    /// known event absent from two such syncs in a row is removed. `calendarIsEmpty` says the calendar
    /// held no event at all, which never removes anything. An import passes nil and never deletes.
    ///
    /// The events must have distinct identities (UID and RECURRENCE-ID).
    public func apply(
        _ events: [ImportedEvent], dryRun: Bool, now: Date, limit: Int, carry: @escaping LedgerCarry,
        source: Int64? = nil, present: Set<String>? = nil, calendarIsEmpty: Bool = false
    ) async throws -> Result {
        let observer = database.changes
        if dryRun {
            return try await database.read { db in
                let source = try source ?? CalendarSourceRecord.importSource(in: db)
                let known = try CalendarEventRecord.events(of: source, in: db)
                let verdicts = try events.map { try Self.classify($0, known: known, source: source, in: db) }
                return Self.result(verdicts, known: known)
            }
        }
        return try await database.write { db in
            let source = try source ?? CalendarSourceRecord.importSource(in: db)
            let known = try CalendarEventRecord.events(of: source, in: db)
            let verdicts = try events.map { try Self.classify($0, known: known, source: source, in: db) }
            // Counted once, inside the transaction, rather than once per new meeting.
            let adding = verdicts.filter { if case .added = $0 { true } else { false } }.count
            if adding > 0 && limit < .max {
                let count = try MeetingRecord.fetchCount(db)
                guard count + adding <= limit else {
                    throw StoreError.tooManyMeetings(count: count + adding, limit: limit)
                }
            }
            var outcomes: [Outcome] = []
            // A file's events are mostly with one partner: their relationship is looked up once.
            var relationships: [String: Int64] = [:]
            for (event, verdict) in zip(events, verdicts) {
                switch verdict {
                case .added:
                    let id = try Self.insert(event, source: source, relationships: &relationships, now: now, in: db)
                    outcomes.append(.added(meetingID: id))
                case .updated(let id):
                    try Self.update(id, to: event, carry: carry, now: now, changes: observer, in: db)
                    outcomes.append(verdict)
                case .unchanged, .cancelledBeforeImport, .heldElsewhere:
                    outcomes.append(verdict)
                }
            }
            var result = Self.result(outcomes, known: known)
            if let present {
                if calendarIsEmpty && !known.isEmpty {
                    result.emptyIgnored = true
                } else {
                    try Self.countAbsences(known: known, present: present, now: now, into: &result, in: db)
                }
            }
            return result
        }
    }

    /// Counts a successful sync toward the removal of each known event its calendar lacks, and clears
    /// the count of each it holds. Only an event with an occurrence still to come can be gone from
    /// its calendar: a CalDAV server without sync-collection is asked for a window of time (from a
    /// week back), and a vdir may be synced with one, so a meeting that has been held is simply
    /// outside what the calendar lists, and must keep its history and stay what it was.
    private static func countAbsences(
        known: [CalendarEventRecord.Identity: CalendarEventRecord], present: Set<String>, now: Date,
        into result: inout Result, in db: Database
    ) throws {
        // Only the count is written: `known` was read before this sync updated the events.
        let setCount = "UPDATE calendar_event SET absent_syncs = ? WHERE meeting_id = ?"
        for record in known.values {
            if present.contains(record.uid) {
                guard record.absentSyncs > 0 else { continue }
                try db.execute(sql: setCount, arguments: [0, record.meetingId])
            } else if try !hasOccurrenceAhead(meetingID: record.meetingId, now: now, in: db) {
                continue
            } else if record.absentSyncs >= 1 {
                _ = try CalendarRetirement.retire(meetingID: record.meetingId, now: now, in: db)
                result.removed += 1
            } else {
                try db.execute(sql: setCount, arguments: [1, record.meetingId])
                result.awaitingRemoval += 1
            }
        }
    }

    /// Whether the meeting has an occurrence starting after `now` (false when it is gone).
    private static func hasOccurrenceAhead(meetingID: Int64, now: Date, in db: Database) throws -> Bool {
        do {
            let meeting = try MeetingStore.meeting(id: meetingID, in: db)
            return !meeting.occurrences(from: now, through: .distantFuture, limit: 1).isEmpty
        } catch StoreError.noSuchMeeting {
            return false
        }
    }

    private static func result(_ outcomes: [Outcome], known: [CalendarEventRecord.Identity: CalendarEventRecord])
        -> Result
    {
        let named = outcomes.filter {
            switch $0 {
            case .updated, .unchanged: true
            case .added, .cancelledBeforeImport, .heldElsewhere: false
            }
        }.count
        return Result(outcomes: outcomes, notInFile: known.count - named)
    }

    /// What an event means for the store as it is.
    private static func classify(
        _ event: ImportedEvent, known: [CalendarEventRecord.Identity: CalendarEventRecord], source: Int64,
        in db: Database
    ) throws -> Outcome {
        let identity = CalendarEventRecord.Identity(
            uid: event.uid, recurrenceID: event.recurrenceID?.millisecondsSince1970)
        guard let stored = known[identity] else {
            if event.isCancelled { return .cancelledBeforeImport }
            if let other = try Row.fetchOne(
                db,
                sql: """
                    SELECT calendar_event.meeting_id, calendar_source.name FROM calendar_event
                    JOIN calendar_source ON calendar_source.id = calendar_event.source_id
                    WHERE uid = ? AND coalesce(recurrence_id, -1) = ? AND source_id != ? AND cancelled = 0
                    LIMIT 1
                    """, arguments: [event.uid, identity.recurrenceID ?? -1, source])
            {
                return .heldElsewhere(meetingID: other[0], calendar: other[1])
            }
            return .added(meetingID: nil)
        }
        // A lower SEQUENCE is an older copy. An equal one may still carry changes: RFC 5546 asks
        // organizers to raise it only for changes that matter to attendees (not a new title).
        if event.sequence < stored.sequence || event.fingerprint == stored.fingerprint {
            return .unchanged(meetingID: stored.meetingId)
        }
        return .updated(meetingID: stored.meetingId)
    }

    private static func insert(
        _ event: ImportedEvent, source: Int64, relationships: inout [String: Int64], now: Date, in db: Database
    ) throws -> Int64 {
        let draft = try MeetingDraft(
            title: event.title, partner: event.partner, role: event.role, start: event.start,
            timeZone: event.timeZone, durationSeconds: event.durationSeconds, recurrence: event.recurrence)
        let key = draft.partner.lowercased() + "\u{0}" + event.role.rawValue
        let relationshipID =
            try relationships[key]
            ?? RelationshipRecord.findOrCreate(partner: draft.partner, role: event.role, now: now, in: db).id!
        relationships[key] = relationshipID
        let meetingID = try MeetingStore.insertRecord(draft, relationshipID: relationshipID, now: now, in: db)
        try writeOccurrences(of: event, meetingID: meetingID, in: db)
        let stamp = now.millisecondsSince1970
        try CalendarEventRecord(
            meetingId: meetingID, sourceId: source, uid: event.uid,
            recurrenceId: event.recurrenceID?.millisecondsSince1970,
            sequence: event.sequence, fingerprint: event.fingerprint, cancelled: false, importedAt: stamp,
            updatedAt: stamp, absentSyncs: 0
        ).insert(db)
        return meetingID
    }

    /// Writes the new version over the meeting's when-fields and occurrences; mentoring fields stay.
    private static func update(
        _ id: Int64, to event: ImportedEvent, carry: LedgerCarry, now: Date, changes: ChangeObserver, in db: Database
    ) throws {
        let before = try MeetingStore.meeting(id: id, in: db)
        guard var link = try CalendarEventRecord.fetchOne(db, key: id) else { throw StoreError.noSuchMeeting(id: id) }
        let draft = try MeetingDraft(
            before,
            applying: MeetingChanges(
                title: event.title, start: event.start, timeZone: event.timeZone,
                durationSeconds: event.durationSeconds, recurrence: .some(event.recurrence)))
        var record = try MeetingStore.record(id: id, in: db)
        record.assign(draft, relationshipId: record.relationshipId)
        // The calendar cancels; it puts back only what it had cancelled itself, never a meeting the
        // user cancelled.
        if event.isCancelled {
            record.status = MeetingStatus.cancelled.rawValue
        } else if link.cancelled {
            record.status = MeetingStatus.scheduled.rawValue
        }
        record.updatedAt = now.millisecondsSince1970
        try record.update(db)
        try db.execute(sql: "DELETE FROM occurrence_exception WHERE meeting_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM occurrence_addition WHERE meeting_id = ?", arguments: [id])
        try writeOccurrences(of: event, meetingID: id, in: db)
        let after = try MeetingStore.meeting(id: id, in: db)
        for move in OccurrenceRemap.moves(
            from: before, to: after, keys: try heldOccurrences(of: before, now: now, in: db), now: now)
        {
            try OccurrenceMove.apply(
                after, from: move.from, to: move.to, carry: carry, now: now, changes: changes, in: db)
        }
        link.sequence = event.sequence
        link.fingerprint = event.fingerprint
        link.cancelled = event.isCancelled
        link.updatedAt = now.millisecondsSince1970
        try link.update(db)
    }

    private static func writeOccurrences(of event: ImportedEvent, meetingID: Int64, in db: Database) throws {
        guard event.recurrence != nil else { return }
        for (original, moved) in event.exceptions {
            let override = event.occurrenceOverrides[original]
            try OccurrenceExceptionRecord(
                meetingId: meetingID, occurrence: original.millisecondsSince1970, movedTo: moved?.millisecondsSince1970,
                title: override?.title, durationSeconds: override?.durationSeconds
            ).insert(db)
        }
        // An occurrence with its own title or length that did not move is an exception to itself.
        for (original, override) in event.occurrenceOverrides where event.exceptions[original] == nil {
            try OccurrenceExceptionRecord(
                meetingId: meetingID, occurrence: original.millisecondsSince1970,
                movedTo: original.millisecondsSince1970, title: override.title,
                durationSeconds: override.durationSeconds
            ).insert(db)
        }
        for addition in Set(event.additions.map(\.millisecondsSince1970)) {
            try OccurrenceAdditionRecord(meetingId: meetingID, occurrence: addition).insert(db)
        }
    }

    /// The starts of the meeting's occurrences that hold a ledger, answers, a capture, an agreed goal
    /// or an item's origin, from the earliest that may not have ended yet.
    private static func heldOccurrences(of meeting: Meeting, now: Date, in db: Database) throws -> [Date] {
        let from = now.addingTimeInterval(-TimeInterval(meeting.longestDurationSeconds)).millisecondsSince1970
        let keys = try Int64.fetchAll(
            db,
            sql: """
                SELECT occurrence FROM reminder_ledger WHERE meeting_id = ?1 AND occurrence >= ?2
                UNION SELECT occurrence FROM answer WHERE meeting_id = ?1 AND occurrence >= ?2
                UNION SELECT occurrence FROM capture WHERE meeting_id = ?1 AND occurrence >= ?2
                UNION SELECT occurrence FROM occurrence_goal WHERE meeting_id = ?1 AND occurrence >= ?2
                UNION SELECT origin_occurrence FROM action_item WHERE origin_meeting_id = ?1 AND origin_occurrence >= ?2
                UNION SELECT origin_occurrence FROM topic WHERE origin_meeting_id = ?1 AND origin_occurrence >= ?2
                """, arguments: [meeting.id, from])
        return keys.map(Date.init(millisecondsSince1970:))
    }
}
