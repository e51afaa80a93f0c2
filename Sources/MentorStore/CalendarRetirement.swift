import Foundation
import GRDB
import MentorCore

/// What becomes of the meeting of an event that left its calendar (deleted there, or its calendar
/// removed): without anything the user recorded it is deleted; with answers, a capture, an agreed
/// goal or items that began at it, it is cancelled and kept as an ordinary meeting, so its history
/// stays.
enum CalendarRetirement {
    /// How the meeting went.
    enum Outcome {
        case deleted
        case kept
    }

    static func retire(meetingID: Int64, now: Date, in db: Database) throws -> Outcome {
        let held =
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM answer WHERE meeting_id = ?1)
                        OR EXISTS (SELECT 1 FROM capture WHERE meeting_id = ?1)
                        OR EXISTS (SELECT 1 FROM occurrence_goal WHERE meeting_id = ?1)
                        OR EXISTS (SELECT 1 FROM action_item WHERE origin_meeting_id = ?1)
                        OR EXISTS (SELECT 1 FROM topic WHERE origin_meeting_id = ?1)
                    """, arguments: [meetingID]) ?? false
        guard held else {
            try db.execute(sql: "DELETE FROM meeting WHERE id = ?", arguments: [meetingID])
            return .deleted
        }
        try db.execute(
            sql: "UPDATE meeting SET status = 'cancelled', updated_at = ? WHERE id = ?",
            arguments: [now.millisecondsSince1970, meetingID])
        try db.execute(sql: "DELETE FROM calendar_event WHERE meeting_id = ?", arguments: [meetingID])
        return .kept
    }
}
