import Foundation

/// What a capture does about the relationship's next meeting, decided from what is stored: the
/// captured meeting, the next date and goal agreed, and the relationship's other meetings.
///
/// A series' next occurrence is moved to the agreed date; a single meeting gets a new meeting on
/// it, like the captured one. Capturing the same occurrence again moves the meeting the earlier
/// capture created instead of adding a second. Without a date, the goal goes to the relationship's
/// next meeting, if there is one.
public enum NextMeetingPlan: Sendable, Hashable {
    /// Nothing to arrange.
    case none
    /// An occurrence that exists as it is.
    case existing(meetingID: Int64, occurrence: Date)
    /// Move an occurrence of a series, known by its original start, from where it is now.
    case moveOccurrence(meetingID: Int64, original: Date, from: Date, to: Date)
    /// Move a single meeting (the one an earlier capture created).
    case moveMeeting(meetingID: Int64, from: Date, to: Date)
    /// Create a single meeting like the captured one, starting then.
    case create(start: Date)

    /// The plan after `occurrence` of `meeting`, with `others` the relationship's meetings;
    /// `arrangedBefore` is the next date an earlier capture of this occurrence set.
    public static func plan(
        after occurrence: Date, of meeting: Meeting, nextStart: Date?, goal: String, arrangedBefore: Date?,
        others: [Meeting]
    ) -> (plan: NextMeetingPlan, warning: String?) {
        guard nextStart != nil || !goal.isEmpty else { return (.none, nil) }
        if let nextStart, meeting.recurrence == nil, let arrangedBefore,
            let earlier = others.first(where: {
                $0.id != meeting.id && $0.recurrence == nil
                    && $0.start.millisecondsSince1970 == arrangedBefore.millisecondsSince1970
            })
        {
            return earlier.start == nextStart
                ? (.existing(meetingID: earlier.id, occurrence: nextStart), nil)
                : (.moveMeeting(meetingID: earlier.id, from: earlier.start, to: nextStart), nil)
        }
        let following = meeting.occurrences(
            from: occurrence.addingTimeInterval(0.001), through: occurrence.addingTimeInterval(400 * 86_400), limit: 1
        ).first
        if let nextStart {
            guard meeting.recurrence != nil, let following else { return (.create(start: nextStart), nil) }
            if following == nextStart { return (.existing(meetingID: meeting.id, occurrence: following), nil) }
            let original = meeting.exceptions.first { $0.value == following }?.key ?? following
            return (.moveOccurrence(meetingID: meeting.id, original: original, from: following, to: nextStart), nil)
        }
        if let following { return (.existing(meetingID: meeting.id, occurrence: following), nil) }
        let candidates = others.compactMap { other in
            other.occurrences(from: occurrence.addingTimeInterval(0.001), through: .distantFuture, limit: 1).first
                .map { (meeting: other, occurrence: $0) }
        }
        guard let next = candidates.min(by: { $0.occurrence < $1.occurrence }) else {
            return (.none, "no later meeting with \(meeting.relationship.partner) to carry the goal; give a next date")
        }
        return (.existing(meetingID: next.meeting.id, occurrence: next.occurrence), nil)
    }
}
