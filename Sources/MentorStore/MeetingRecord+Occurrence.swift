import Foundation
import GRDB
import MentorCore

extension MeetingRow {
    /// The meeting of `occurrence`, which must be one of its occurrences as they are now (for a single
    /// meeting: its start; a moved occurrence where it went). Whatever is keyed by an occurrence is
    /// written only for real ones.
    static func require(_ occurrence: MeetingOccurrence, in db: Database) throws -> Meeting {
        let meeting = try MeetingStore.meeting(id: occurrence.meetingID, in: db)
        guard meeting.hasOccurrence(at: occurrence.occurrence.roundedToMilliseconds) else {
            throw StoreError.noSuchOccurrence(id: occurrence.meetingID, occurrence: occurrence.occurrence)
        }
        return meeting
    }
}
