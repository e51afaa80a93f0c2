import Foundation
import GRDB
import MentorCore

extension MeetingRow {
    /// The meeting of `occurrence`, which must be one its rule generates (for a single meeting:
    /// its start). Whatever is keyed by an occurrence is written only for real ones.
    static func require(_ occurrence: MeetingOccurrence, in db: Database) throws -> Meeting {
        guard let row = try all().filter(key: occurrence.meetingID).fetchOne(db) else {
            throw StoreError.noSuchMeeting(id: occurrence.meetingID)
        }
        let meeting = row.domain
        guard meeting.isScheduledOccurrence(occurrence.occurrence.roundedToMilliseconds) else {
            throw StoreError.noSuchOccurrence(id: occurrence.meetingID, occurrence: occurrence.occurrence)
        }
        return meeting
    }
}
