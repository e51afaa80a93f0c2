import Foundation

/// One entry of a relationship's phase history: the phase it entered, when, and why.
///
/// A relationship's first entry is the phase it was created in, so the history is never empty.
public struct PhaseChange: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var relationshipID: Int64
    /// The phase entered.
    public var phase: Phase
    public var changedAt: Date
    /// Why, in the user's words; may be empty.
    public var note: String

    public init(id: Int64, relationshipID: Int64, phase: Phase, changedAt: Date, note: String = "") {
        self.id = id
        self.relationshipID = relationshipID
        self.phase = phase
        self.changedAt = changedAt
        self.note = note
    }

    /// This change with its note trimmed, or the rule the note breaks.
    public func validated() throws(MeetingValidationError) -> PhaseChange {
        var copy = self
        copy.note = try FieldRules.text(note, field: "note", limit: MentoringLimits.noteLength)
        return copy
    }
}
