import Foundation

/// How a relationship's meetings went over a span, for a review: held (captured), not captured,
/// and cancelled, against what the cadence leads one to expect.
///
/// An occurrence without a capture may have happened all the same: mentord cannot tell, so it
/// says "not captured" rather than "missed".
public struct MeetingTally: Sendable, Hashable {
    /// Occurrences that started in the span and have a capture.
    public var held: Int
    /// Occurrences that started in the span without a capture.
    public var notCaptured: Int
    /// Occurrences in the span that were cancelled: one of a series, a single meeting, or those of
    /// a whole series after it was cancelled.
    public var cancelled: Int
    /// How many the cadence means in the span (rounded down); nil without a cadence mentord reads.
    public var expected: Int?

    public init(held: Int = 0, notCaptured: Int = 0, cancelled: Int = 0, expected: Int? = nil) {
        self.held = held
        self.notCaptured = notCaptured
        self.cancelled = cancelled
        self.expected = expected
    }

    /// Counts the occurrences of `meetings` (cancelled ones included) starting from `from` up to
    /// `to`; `captured` holds the captured occurrences, `cadence` is the relationship's as written.
    public static func count(
        _ meetings: [Meeting], captured: Set<MeetingOccurrence>, from: Date, to: Date, cadence: String
    ) -> MeetingTally {
        var tally = MeetingTally()
        for meeting in meetings {
            // A cancelled meeting was in force until it was cancelled (its last change).
            let cancelledAt = meeting.status == .cancelled ? meeting.updatedAt : Date.distantFuture
            for start in meeting.occurrences(from: from, through: to, limit: 100_000) {
                if start > cancelledAt {
                    tally.cancelled += 1
                } else if captured.contains(
                    MeetingOccurrence(
                        meetingID: meeting.id, occurrence: Date(millisecondsSince1970: start.millisecondsSince1970)))
                {
                    tally.held += 1
                } else {
                    tally.notCaptured += 1
                }
            }
            tally.cancelled +=
                meeting.exceptions.filter { original, moved in
                    moved == nil && original >= from && original <= to
                }.count
        }
        if let seconds = QuietRule.seconds(ofCadence: cadence) {
            tally.expected = Int(to.timeIntervalSince(from) / TimeInterval(seconds))
        }
        return tally
    }
}
