/// What the reminder engine wakes up for: the key of each deadline in ``ReminderScheduler``.
public enum Wake: Hashable, Sendable {
    /// A meeting's next card is due, or the meeting must be looked at again (its next occurrence
    /// starts to remind, or reading it failed and is retried).
    case meeting(Int64)
    /// The due-date reminder of one of the user's own commitments (an action item's id).
    case commitment(Int64)
    /// The day-based cards of several meetings held for one digest card are due: the day is the
    /// user's local date, as a day number (``LocalDateTime/dayNumber``).
    case digest(Int)
    /// A relationship with a cadence goes quiet (its id): time for the one nudge.
    case relationship(Int64)
    /// The next meeting beyond the planning window comes into it.
    case horizon
    /// Everything is planned again: a full re-plan failed and is retried.
    case everything
}
