import Foundation
import GRDB
import MentorCore

/// How a moved occurrence's reminders are carried: given the meeting as it is after the change, the
/// occurrence's new start and its ledger at the old one, the states to keep (see
/// ``ReminderRules/carriedLedger(_:to:of:now:)``). Called inside the transaction that moves it.
public typealias LedgerCarry =
    @Sendable (_ meeting: Meeting, _ newStart: Date, _ entries: [Step: LedgerEntry]) -> [Step: LedgerState]

/// Moves everything keyed by one occurrence to its new start, inside the caller's transaction: its
/// ledger (as carried), answers, capture, agreed goal, and the origin of the items agreed at it.
///
/// An occurrence is keyed by its actual start, so whatever moves it (an edited start, a moved
/// occurrence of a series, a capture that set the next date) goes through here, and the prep
/// answers given before a move are still there after it.
enum OccurrenceMove {
    static func apply(
        _ meeting: Meeting, from: Date, to: Date, carry: LedgerCarry, now: Date, changes: ChangeObserver,
        in db: Database
    ) throws {
        guard from.millisecondsSince1970 != to.millisecondsSince1970 else { return }
        let kept = carry(meeting, to, try ReminderLedgerStore.entries(meeting.id, from, in: db))
        try ReminderLedgerStore.move(meetingID: meeting.id, from: from, to: to, keeping: kept, now: now, in: db)
        let arguments: StatementArguments = [to.millisecondsSince1970, meeting.id, from.millisecondsSince1970]
        for table in ["answer", "capture", "occurrence_goal"] {
            try db.execute(
                sql: "UPDATE OR REPLACE \(table) SET occurrence = ? WHERE meeting_id = ? AND occurrence = ?",
                arguments: arguments)
        }
        for table in ["action_item", "topic"] {
            try db.execute(
                sql: "UPDATE \(table) SET origin_occurrence = ? WHERE origin_meeting_id = ? AND origin_occurrence = ?",
                arguments: arguments)
        }
        changes.note(.meeting(meeting.id))
    }
}
