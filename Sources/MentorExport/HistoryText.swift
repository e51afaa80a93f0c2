import MentorProtocol

/// Pieces of a relationship's history that read the same in `mentorctl history` and in exports.
public enum HistoryText {
    /// Answers grouped by step, steps in the order they were first answered.
    public static func answersByStep(_ answers: [Wire.Answer]) -> [(step: Wire.Step, answers: [Wire.Answer])] {
        var groups: [(step: Wire.Step, answers: [Wire.Answer])] = []
        for answer in answers {
            if let index = groups.firstIndex(where: { $0.step == answer.step }) {
                groups[index].answers.append(answer)
            } else {
                groups.append((answer.step, [answer]))
            }
        }
        return groups
    }

    /// `usefulness 4/5, relationship 5/5`; empty when neither was rated.
    public static func ratings(_ capture: Wire.Capture) -> String {
        [
            capture.usefulness.map { "usefulness \($0)/5" },
            capture.relationshipRating.map { "relationship \($0)/5" },
        ].compactMap { $0 }.joined(separator: ", ")
    }
}
