import Foundation
import MentorCore
import MentorProtocol
import MentorStore

/// `ListUpcoming`'s page: the occurrences of scheduled meetings starting in a window, earliest
/// first, each with its reminders as planned and what became of them so far.
///
/// Pages are cut by a cursor (the last occurrence's start and meeting id), so a long window is read
/// whole, page by page, and nothing is left out without saying so.
struct UpcomingView {
    let stores: MentoringStores
    let rules: ReminderRules

    /// Where the next page starts: after this occurrence.
    struct Cursor: Equatable {
        var start: Int64
        var meetingID: Int64

        init(start: Int64, meetingID: Int64) {
            self.start = start
            self.meetingID = meetingID
        }

        /// Reads `start:meetingId` as a reply's `next` wrote it.
        init?(_ text: String) {
            let parts = text.split(separator: ":")
            guard parts.count == 2, let start = Int64(parts[0]), let meetingID = Int64(parts[1]) else { return nil }
            self.init(start: start, meetingID: meetingID)
        }

        var text: String { "\(start):\(meetingID)" }
    }

    func page(from: Date, through: Date, after cursor: Cursor?, limit: Int) async throws -> ListUpcoming.Reply {
        var found: [(start: Date, meeting: Meeting)] = []
        let first = cursor.map { Date(millisecondsSince1970: $0.start) } ?? from
        for meeting in try await stores.meetings.plannable(endingAfter: first, startingBy: through) {
            // One more than a page from each meeting: enough to know whether another page follows.
            found += meeting.occurrences(from: max(first, from), through: through, limit: limit + 1).map {
                ($0, meeting)
            }
        }
        found = found.filter { occurrence in
            guard let cursor else { return true }
            return (occurrence.start.millisecondsSince1970, occurrence.meeting.id) > (cursor.start, cursor.meetingID)
        }
        found.sort { ($0.start, $0.meeting.id) < ($1.start, $1.meeting.id) }
        var occurrences: [Wire.Occurrence] = []
        for (start, meeting) in found.prefix(limit) {
            occurrences.append(try await occurrence(start, of: meeting))
        }
        let next = found.count > limit ? found[limit - 1] : nil
        return ListUpcoming.Reply(
            occurrences: occurrences,
            next: next.map { Cursor(start: $0.start.millisecondsSince1970, meetingID: $0.meeting.id).text })
    }

    private func occurrence(_ start: Date, of meeting: Meeting) async throws -> Wire.Occurrence {
        let times = rules.times(of: meeting, startingAt: start)
        let entries = try await stores.ledger.entries(meetingID: meeting.id, occurrence: start)
        let zone = meeting.timeZone
        let reminders = times.map { step, planned in (step: step, at: entries[step]?.snoozedUntil ?? planned) }
            .sorted { ($0.at, $0.step) < ($1.at, $1.step) }
            .map { step, at in
                Wire.PlannedReminder(
                    step: Wire.Step(step), at: RFC3339.utc(at), localAt: RFC3339.local(at, in: zone),
                    state: entries[step]?.state.rawValue)
            }
        return Wire.Occurrence(
            meetingId: meeting.id, title: meeting.title(ofOccurrenceAt: start), partner: meeting.relationship.partner,
            role: Wire.Role(meeting.relationship.role), start: RFC3339.utc(start),
            localStart: RFC3339.local(start, in: zone), timeZone: zone.identifier,
            durationSeconds: meeting.durationSeconds(ofOccurrenceAt: start), recurring: meeting.recurrence != nil,
            reminders: reminders)
    }
}
