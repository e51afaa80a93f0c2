import Foundation

/// Where a learning goal stood at one point: a note in the user's words and, at a review, a rating
/// of how close it is. Noted at a capture (against the goal, not in the capture's free text) so
/// `mentorctl review` can show each goal's path over months.
public struct GoalProgress: Sendable, Hashable {
    public var goalID: Int64
    /// The occurrence whose capture noted it; nil once that meeting is deleted.
    public var origin: MeetingOccurrence?
    /// What moved, in a line or a few; may be empty when only a rating was given.
    public var note: String
    /// How close the goal is: 1 (just started) to 5 (reached); nil when not rated.
    public var rating: Int?
    public var notedAt: Date

    public init(goalID: Int64, origin: MeetingOccurrence? = nil, note: String, rating: Int? = nil, notedAt: Date) {
        self.goalID = goalID
        self.origin = origin
        self.note = note
        self.rating = rating
        self.notedAt = notedAt
    }

    /// This entry with its note trimmed, or the first rule it breaks: a note within the capture
    /// text's limit, a rating from 1 to 5, and one of the two at least.
    public func validated() throws(MeetingValidationError) -> GoalProgress {
        var copy = self
        copy.note = try FieldRules.text(note, field: "progress", limit: MentoringLimits.captureTextLength)
        copy.rating = try FieldRules.rating(rating, field: "goal")
        guard !copy.note.isEmpty || copy.rating != nil else { throw .emptyText(field: "progress") }
        return copy
    }
}
