import Foundation

/// The user's answer to one prompt of one step, for one meeting occurrence.
///
/// The prompt is kept as it was shown: templates change and fill in carried-over data, and an answer
/// only makes sense next to the question it answers.
public struct Answer: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var meetingID: Int64
    /// The occurrence's start (see ``MeetingOccurrence``).
    public var occurrence: Date
    public var step: Step
    /// The prompt as shown.
    public var prompt: String
    /// The answer as given.
    public var text: String
    public var answeredAt: Date

    public init(
        id: Int64, meetingID: Int64, occurrence: Date, step: Step, prompt: String, text: String, answeredAt: Date
    ) {
        self.id = id
        self.meetingID = meetingID
        self.occurrence = occurrence
        self.step = step
        self.prompt = prompt
        self.text = text
        self.answeredAt = answeredAt
    }

    /// This answer with its prompt and text trimmed, or the first rule they break. An empty text is
    /// allowed here; the store leaves such answers out.
    public func validated() throws(MeetingValidationError) -> Answer {
        var copy = self
        copy.prompt = try FieldRules.requiredText(prompt, field: "prompt", limit: MentoringLimits.promptLength)
        copy.text = try FieldRules.text(text, field: "answer", limit: MentoringLimits.answerLength)
        return copy
    }
}
