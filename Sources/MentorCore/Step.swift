/// One nudge of the method: the four Ps before a meeting, and the capture nudges after it.
///
/// The cases are declared in the order they usually fire with the default offsets; ``ReminderPolicy``
/// decides the actual times.
public enum Step: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Why are we meeting, and what would success look like.
    case purpose
    /// What happened last time, what is open, what will I ask.
    case preparation
    /// Next steps, asks and commitments, drafted before the call.
    case plan
    /// Be present: the last cue before the call.
    case participation
    /// After the meeting: record commitments, open topics, the next date and goal.
    case capture
    /// A second capture nudge, only if nothing was captured.
    case captureAgain

    /// Whether the step is timed from the meeting's end rather than its start.
    public var isAfterMeeting: Bool { self == .capture || self == .captureAgain }

    public static func < (lhs: Step, rhs: Step) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
