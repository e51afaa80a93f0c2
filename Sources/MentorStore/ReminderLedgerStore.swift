import Foundation
import GRDB
import MentorCore

/// One meeting's ledger, by occurrence (its start in Unix milliseconds, ``ScheduledOccurrence/key``)
/// and step.
public typealias OccurrenceLedger = [Int64: [Step: LedgerEntry]]

/// The reminder ledger: one entry per meeting, occurrence and step, each write one transaction.
///
/// Occurrences are keyed by integer milliseconds everywhere, so no floating-point instant can split
/// one occurrence into two keys.
///
/// Delivery is a two-phase write: ``claim(_:now:)`` marks the card's steps `fired` before anything
/// is shown, ``markDelivered(_:now:)`` after. A crash between the two leaves `fired` entries, which
/// ``unfinishedCards()`` returns at start-up for delivery: nothing is lost, and a step is claimed
/// only once, so it is shown at least once and, short of that crash window, exactly once.
public struct ReminderLedgerStore: Sendable {
    private let database: MentorDatabase

    public init(database: MentorDatabase) {
        self.database = database
    }

    /// The ledger of one occurrence, by step.
    public func entries(meetingID: Int64, occurrence: Date) async throws -> [Step: LedgerEntry] {
        try await database.read { db in try Self.entries(meetingID, occurrence, in: db) }
    }

    /// The ledger of the meeting's occurrences starting from `from` through `through`.
    public func entries(meetingID: Int64, from: Date, through: Date) async throws -> OccurrenceLedger {
        try await database.read { db in
            Self.grouped(
                try Self.meetingRange.fetchAll(
                    db, arguments: [meetingID, from.millisecondsSince1970, through.millisecondsSince1970])
            )[meetingID] ?? [:]
        }
    }

    /// The ledger of every occurrence starting at or after `instant`, by meeting, in one read: what
    /// planning all meetings at once needs, instead of one read per meeting.
    public func entries(from instant: Date) async throws -> [Int64: OccurrenceLedger] {
        try await database.read { db in
            Self.grouped(
                try LedgerRecord.filter(sql: "occurrence >= ?", arguments: [instant.millisecondsSince1970]).fetchAll(db)
            )
        }
    }

    /// Marks the card's steps `fired`; false (and nothing written) if any is already settled, so two
    /// claims of one reminder cannot both succeed, or if the meeting is no longer `meeting`, the value
    /// the card was planned from. A snoozed step is claimed whatever its snooze says: the engine
    /// sends a card only once its time has come, and a card is the unit that goes out.
    ///
    /// The second check is what keeps a move from re-sending: a move carries the ledger from the old
    /// start to the new one in its transaction, so a plan made from the meeting before the move and
    /// the ledger after it sees the old start with no entries, every passed step pending.
    public func claim(_ card: ReminderCard, of meeting: Meeting, now: Date) async throws -> Bool {
        try await database.write { db in
            guard try Self.isUnchanged(meeting, in: db) else { return false }
            for step in card.steps {
                if let existing = try Self.record(card.meetingID, card.occurrence, step, in: db),
                    LedgerState(rawValue: existing.state)?.isSettled ?? true
                {
                    return false
                }
            }
            for step in card.steps {
                try Self.upsert(card.meetingID, card.occurrence, step, .fired, until: nil, now: now, in: db)
            }
            return true
        }
    }

    /// Marks the card's `fired` steps `delivered` (a step marked done meanwhile stays done).
    public func markDelivered(_ card: ReminderCard, now: Date) async throws {
        try await database.write { db in
            for step in card.steps {
                try db.cachedStatement(
                    sql: """
                        UPDATE reminder_ledger SET state = 'delivered', changed_at = ?
                        WHERE meeting_id = ? AND occurrence = ? AND step = ? AND state = 'fired'
                        """
                ).execute(arguments: [
                    now.millisecondsSince1970, card.meetingID, card.occurrence.millisecondsSince1970, step.rawValue,
                ])
            }
        }
    }

    /// Records `state` (missed, suppressed, done) for `steps`, where ``LedgerState/canBecome(_:)``
    /// allows it: done always wins, other fates only reach a step that has none yet.
    public func record(_ steps: [Step], as state: LedgerState, meetingID: Int64, occurrence: Date, now: Date)
        async throws
    {
        guard !steps.isEmpty else { return }
        try await database.write { db in
            try Self.record(steps, as: state, meetingID: meetingID, occurrence: occurrence, now: now, in: db)
        }
    }

    /// Records a fate the engine decided (missed, suppressed) for `steps` of `meeting`, unless the
    /// meeting changed since it was read, as ``claim(_:of:now:)`` does: a fate must not land on an
    /// occurrence a move has just left. Returns whether it was recorded.
    @discardableResult
    public func record(_ steps: [Step], as state: LedgerState, of meeting: Meeting, occurrence: Date, now: Date)
        async throws -> Bool
    {
        guard !steps.isEmpty else { return true }
        return try await database.write { db in
            guard try Self.isUnchanged(meeting, in: db) else { return false }
            try Self.record(steps, as: state, meetingID: meeting.id, occurrence: occurrence, now: now, in: db)
            return true
        }
    }

    /// Whether the stored meeting is still `meeting`, exceptions included (false once deleted).
    private static func isUnchanged(_ meeting: Meeting, in db: Database) throws -> Bool {
        do {
            return try MeetingStore.meeting(id: meeting.id, in: db) == meeting
        } catch StoreError.noSuchMeeting {
            return false
        }
    }

    /// Postpones `steps` of one occurrence until `until`, all or none; false (nothing written) if one
    /// is done, missed or suppressed by now.
    @discardableResult
    public func snooze(_ steps: [Step], meetingID: Int64, occurrence: Date, until: Date, now: Date) async throws
        -> Bool
    {
        try await database.write { db in
            for step in steps {
                if let existing = try Self.record(meetingID, occurrence, step, in: db),
                    let state = LedgerState(rawValue: existing.state), !state.canBecome(.snoozed),
                    state != .fired, state != .delivered
                {
                    return false
                }
            }
            for step in steps {
                try Self.upsert(meetingID, occurrence, step, .snoozed, until: until, now: now, in: db)
            }
            return true
        }
    }

    /// Cards claimed but not marked delivered: the daemon died in between.
    public func unfinishedCards() async throws -> [ReminderCard] {
        try await database.read { db in
            let records = try LedgerRecord.filter(sql: "state = 'fired'").fetchAll(db)
            let groups = Dictionary(grouping: records) { "\($0.meetingId)/\($0.occurrence)" }
            return groups.values.compactMap { group -> ReminderCard? in
                guard let first = group.first else { return nil }
                return ReminderCard(
                    meetingID: first.meetingId, occurrence: Date(millisecondsSince1970: first.occurrence),
                    steps: group.compactMap { Step(rawValue: $0.step) }.sorted(),
                    dueAt: Date(millisecondsSince1970: first.changedAt), late: true)
            }.sorted { $0.dueAt < $1.dueAt }
        }
    }

    // MARK: - Inside other stores' transactions

    static func entries(_ meetingID: Int64, _ occurrence: Date, in db: Database) throws -> [Step: LedgerEntry] {
        grouped(try occurrenceEntries.fetchAll(db, arguments: [meetingID, occurrence.millisecondsSince1970]))[
            meetingID]?[occurrence.millisecondsSince1970] ?? [:]
    }

    static func record(
        _ steps: [Step], as state: LedgerState, meetingID: Int64, occurrence: Date, now: Date, in db: Database
    ) throws {
        for step in steps {
            if let existing = try record(meetingID, occurrence, step, in: db),
                let current = LedgerState(rawValue: existing.state), !current.canBecome(state)
            {
                continue
            }
            try upsert(meetingID, occurrence, step, state, until: nil, now: now, in: db)
        }
    }

    /// Replaces the ledger of the occurrence at `from` by `kept` at `to`: what a move carries over.
    static func move(
        meetingID: Int64, from: Date, to: Date, keeping kept: [Step: LedgerState], now: Date, in db: Database
    ) throws {
        try db.execute(
            sql: "DELETE FROM reminder_ledger WHERE meeting_id = ? AND occurrence IN (?, ?)",
            arguments: [meetingID, from.millisecondsSince1970, to.millisecondsSince1970])
        for (step, state) in kept.sorted(by: { $0.key < $1.key }) {
            try upsert(meetingID, to, step, state, until: nil, now: now, in: db)
        }
    }

    // MARK: - Rows

    private static func grouped(_ records: [LedgerRecord]) -> [Int64: OccurrenceLedger] {
        var entries: [Int64: OccurrenceLedger] = [:]
        for record in records {
            guard let step = Step(rawValue: record.step), let state = LedgerState(rawValue: record.state) else {
                continue
            }
            entries[record.meetingId, default: [:]][record.occurrence, default: [:]][step] = LedgerEntry(
                step: step, state: state, snoozedUntil: record.snoozedUntil.map(Date.init(millisecondsSince1970:)))
        }
        return entries
    }

    // Read and written for every card the engine sends: prepared once per connection.
    private static let occurrenceEntries = CachedRequest(
        LedgerRecord.filter(sql: "meeting_id = ? AND occurrence = ?", arguments: [0, 0]))
    private static let meetingRange = CachedRequest(
        LedgerRecord.filter(sql: "meeting_id = ? AND occurrence BETWEEN ? AND ?", arguments: [0, 0, 0]))
    private static let stepEntry = CachedRequest(
        LedgerRecord.filter(sql: "meeting_id = ? AND occurrence = ? AND step = ?", arguments: [0, 0, ""]))

    private static func record(_ meetingID: Int64, _ occurrence: Date, _ step: Step, in db: Database) throws
        -> LedgerRecord?
    {
        try Self.stepEntry.fetchOne(db, arguments: [meetingID, occurrence.millisecondsSince1970, step.rawValue])
    }

    private static func upsert(
        _ meetingID: Int64, _ occurrence: Date, _ step: Step, _ state: LedgerState, until: Date?, now: Date,
        in db: Database
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO reminder_ledger (meeting_id, occurrence, step, state, snoozed_until, changed_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (meeting_id, occurrence, step) DO UPDATE SET
                    state = excluded.state, snoozed_until = excluded.snoozed_until, changed_at = excluded.changed_at
                """
        ).execute(arguments: [
            meetingID, occurrence.millisecondsSince1970, step.rawValue, state.rawValue, until?.millisecondsSince1970,
            now.millisecondsSince1970,
        ])
    }
}
