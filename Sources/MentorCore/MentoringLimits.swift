/// Upper bounds on the sizes of what the mentoring loop stores, so no single call can grow the
/// database without limit. Lengths are in characters, as Swift counts them.
public enum MentoringLimits {
    /// Longest action item, parked topic, goal statement or offer description: one line's worth.
    public static let itemLength = 500
    /// Longest success criteria of a learning goal.
    public static let successCriteriaLength = 2_000
    /// Longest cadence ("every 2 weeks").
    public static let cadenceLength = 100
    /// Longest note on a phase change.
    public static let noteLength = 500
    /// Longest answer to one prompt.
    public static let answerLength = 10_000
    /// Longest prompt text kept with an answer.
    public static let promptLength = 2_000
    /// Most answers recorded for one step of one occurrence.
    public static let answersPerStep = 50
    /// Longest free text of a capture: summary, reflection, private note, feedback.
    public static let captureTextLength = 10_000
    /// Longest goal for a meeting: it becomes that meeting's purpose, so the purpose's limit.
    public static let meetingGoalLength = MeetingLimits.purposeLength
    /// The ratings of a capture: 1 (poor) to 5 (excellent).
    public static let ratings = 1...5
    /// Commitments, and topics, recorded by one capture.
    public static let itemsPerCapture = 50
}
