import Foundation

/// What the user wrote down after one meeting occurrence: how it went and what comes next.
///
/// Commitments and parked topics are ``ActionItem``s and ``Topic``s of the relationship, not part of
/// the capture, because they live on until closed. Everything is private by default; `privateNote`
/// is never shared, not even in a shareable export.
public struct Capture: Sendable, Hashable {
    public var meetingID: Int64
    /// The occurrence's start (see ``MeetingOccurrence``).
    public var occurrence: Date
    /// What happened, in brief: shown in the next meeting's Preparation.
    public var summary: String
    /// What the user learned or would do differently.
    public var reflection: String
    /// Left out of every shareable export.
    public var privateNote: String
    /// How useful the meeting was, 1 to 5; nil if not rated.
    public var usefulness: Int?
    /// How the relationship feels, 1 to 5; nil if not rated.
    public var relationshipRating: Int?
    public var feedbackGiven: String
    public var feedbackReceived: String
    /// When the pair agreed to meet next, if they did.
    public var nextStart: Date?
    /// The goal agreed for the next meeting: its default purpose.
    public var nextGoal: String
    public var capturedAt: Date

    public init(
        meetingID: Int64, occurrence: Date, summary: String = "", reflection: String = "", privateNote: String = "",
        usefulness: Int? = nil, relationshipRating: Int? = nil, feedbackGiven: String = "",
        feedbackReceived: String = "", nextStart: Date? = nil, nextGoal: String = "", capturedAt: Date
    ) {
        self.meetingID = meetingID
        self.occurrence = occurrence
        self.summary = summary
        self.reflection = reflection
        self.privateNote = privateNote
        self.usefulness = usefulness
        self.relationshipRating = relationshipRating
        self.feedbackGiven = feedbackGiven
        self.feedbackReceived = feedbackReceived
        self.nextStart = nextStart
        self.nextGoal = nextGoal
        self.capturedAt = capturedAt
    }

    /// This capture with its text trimmed, or the first rule a field breaks.
    public func validated() throws(MeetingValidationError) -> Capture {
        let limit = MentoringLimits.captureTextLength
        var copy = self
        copy.summary = try FieldRules.text(summary, field: "summary", limit: limit)
        copy.reflection = try FieldRules.text(reflection, field: "reflection", limit: limit)
        copy.privateNote = try FieldRules.text(privateNote, field: "privateNote", limit: limit)
        copy.usefulness = try FieldRules.rating(usefulness, field: "usefulness")
        copy.relationshipRating = try FieldRules.rating(relationshipRating, field: "relationshipRating")
        copy.feedbackGiven = try FieldRules.text(feedbackGiven, field: "feedbackGiven", limit: limit)
        copy.feedbackReceived = try FieldRules.text(feedbackReceived, field: "feedbackReceived", limit: limit)
        copy.nextGoal = try FieldRules.text(nextGoal, field: "nextGoal", limit: MentoringLimits.meetingGoalLength)
        return copy
    }
}
