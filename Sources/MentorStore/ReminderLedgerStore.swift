import Foundation
import GRDB
import MentorCore

/// The reminder ledger: one entry per meeting, occurrence and step, each write one transaction.
///
/// Delivery is a two-phase write: ``claim(_:now:)`` marks the card's steps `fired` before anything
/// is shown, ``markDelivered(_:now:)`` after. A crash between the two leaves `fired` entries, which
/// ``unfinishedCards()`` returns at start-up for delivery; nothing is lost, and a delivered step is
/// never claimed again.
public struct ReminderLedgerStore: Sendable {
    private let database: MentorDatabase

    public init(database: MentorDatabase) {
        self.database = database
    }

    /// The ledger of one occurrence, by step.
    public func entries(meetingID: Int64, occurrence: Date) async throws -> [Step: LedgerEntry] {
        try await database.read { db in
            let records = try Self.occurrenceEntries.fetchAll(
                db, arguments: [meetingID, occurrence.millisecondsSince1970])
            return Self.grouped(records)[MeetingOccurrence(meetingID: meetingID, occurrence: occurrence)] ?? [:]
        }
    }

    /// The ledger of every occurrence starting at or after `instant`, in one read: what planning
    /// all meetings at once needs, instead of one read per occurrence.
    public func entries(from instant: Date) async throws -> [MeetingOccurrence: [Step: LedgerEntry]] {
        try await database.read { db in
            Self.grouped(
                try LedgerRecord.filter(sql: "occurrence >= ?", arguments: [instant.millisecondsSince1970]).fetchAll(db)
            )
        }
    }

    private static func grouped(_ records: [LedgerRecord]) -> [MeetingOccurrence: [Step: LedgerEntry]] {
        var entries: [MeetingOccurrence: [Step: LedgerEntry]] = [:]
        for record in records {
            guard let step = Step(rawValue: record.step), let state = LedgerState(rawValue: record.state) else {
                continue
            }
            let key = MeetingOccurrence(
                meetingID: record.meetingId, occurrence: Date(millisecondsSince1970: record.occurrence))
            entries[key, default: [:]][step] = LedgerEntry(
                step: step, state: state, snoozedUntil: record.snoozedUntil.map(Date.init(millisecondsSince1970:)))
        }
        return entries
    }

    /// Marks the card's steps `fired`; false (and nothing written) if any is already settled, so two
    /// claims of one reminder cannot both succeed.
    public func claim(_ card: ReminderCard, now: Date) async throws -> Bool {
        try await database.write { db in
            for step in card.steps {
                guard let existing = try Self.record(card.meetingID, card.occurrence, step, in: db) else { continue }
                // Only a snooze that has run out may be claimed; a newer snooze or any fate wins.
                let snoozeOver =
                    existing.state == LedgerState.snoozed.rawValue
                    && (existing.snoozedUntil ?? .max) <= now.millisecondsSince1970
                if !snoozeOver { return false }
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

    /// Records `state` (missed, suppressed, done) for `steps`; a step already delivered or done keeps
    /// that fate unless the new state is `done`.
    public func record(_ steps: [Step], as state: LedgerState, meetingID: Int64, occurrence: Date, now: Date)
        async throws
    {
        guard !steps.isEmpty else { return }
        try await database.write { db in
            for step in steps {
                if state != .done, let existing = try Self.record(meetingID, occurrence, step, in: db),
                    existing.state != LedgerState.snoozed.rawValue
                {
                    continue
                }
                try Self.upsert(meetingID, occurrence, step, state, until: nil, now: now, in: db)
            }
        }
    }

    /// Postpones a step until `until`; false (nothing written) if it is done, missed or
    /// suppressed by now.
    @discardableResult
    public func snooze(_ step: Step, meetingID: Int64, occurrence: Date, until: Date, now: Date) async throws -> Bool {
        try await database.write { db in
            let final: Set<String> = [
                LedgerState.done.rawValue, LedgerState.missed.rawValue, LedgerState.suppressed.rawValue,
            ]
            if let existing = try Self.record(meetingID, occurrence, step, in: db), final.contains(existing.state) {
                return false
            }
            try Self.upsert(meetingID, occurrence, step, .snoozed, until: until, now: now, in: db)
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

    // Read and written for every card the engine sends: prepared once per connection.
    private static let occurrenceEntries = CachedRequest(
        LedgerRecord.filter(sql: "meeting_id = ? AND occurrence = ?", arguments: [0, 0]))
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
