import Foundation

/// One notification: the steps of one meeting occurrence that are shown together.
public struct ReminderCard: Sendable, Hashable {
    public var meetingID: Int64
    /// The occurrence's start, which identifies it within a series.
    public var occurrence: Date
    /// The steps on this card, in the order the policy gives them.
    public var steps: [Step]
    /// When the card is (or was) due: its earliest step's time, also for a card sent late.
    public var dueAt: Date
    /// Whether some step's own time had passed before it could be sent (added late, daemon down,
    /// machine asleep): the card then says so.
    public var late: Bool

    public init(meetingID: Int64, occurrence: Date, steps: [Step], dueAt: Date, late: Bool) {
        self.meetingID = meetingID
        self.occurrence = occurrence
        self.steps = steps
        self.dueAt = dueAt
        self.late = late
    }
}
