import MentorProtocol

/// Human output for `mentorctl history`: one block per meeting occurrence, answers grouped by step,
/// then what was captured.
enum HistoryFormatter {
    /// Every entry, oldest first, separated by blank lines.
    static func render(_ reply: GetHistory.Reply) -> String {
        let header = "History with \(RelationshipFormatter.summary(reply.relationship))"
        guard !reply.entries.isEmpty else {
            return header + "\n\nNo answers or captures recorded yet."
        }
        return ([header] + reply.entries.map(entry)).joined(separator: "\n\n")
    }

    /// One occurrence: its heading, its answers step by step, its capture.
    static func entry(_ entry: Wire.HistoryEntry) -> String {
        var lines = ["\(DisplayText.when(entry.localStart))  \(entry.title) (meeting \(entry.meetingId))"]
        for (step, answers) in answersByStep(entry.answers) {
            lines.append("  " + DisplayText.title(of: step))
            for answer in answers {
                lines.append("    " + answer.prompt)
                lines.append(RelationshipFormatter.indent(answer.answer, by: 6))
            }
        }
        if let capture = entry.capture {
            lines.append("  Captured \(capture.capturedAt.prefix(10))")
            lines.append(RelationshipFormatter.indent(TextTable.render(captureRows(capture)), by: 4))
        }
        return lines.joined(separator: "\n")
    }

    /// Answers grouped by step, steps in the order they were first answered.
    static func answersByStep(_ answers: [Wire.Answer]) -> [(step: String, answers: [Wire.Answer])] {
        var groups: [(step: String, answers: [Wire.Answer])] = []
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
    static func ratings(_ capture: Wire.Capture) -> String {
        [
            capture.usefulness.map { "usefulness \($0)/5" },
            capture.relationshipRating.map { "relationship \($0)/5" },
        ].compactMap { $0 }.joined(separator: ", ")
    }

    /// The labelled lines of a capture that are filled in; continuation lines of long texts align.
    private static func captureRows(_ capture: Wire.Capture) -> [[String]] {
        let fields: [(String, String)] = [
            ("Summary:", capture.summary),
            ("Reflection:", capture.reflection),
            ("Ratings:", ratings(capture)),
            ("Feedback given:", capture.feedbackGiven),
            ("Feedback received:", capture.feedbackReceived),
            ("Next goal:", capture.nextGoal),
            ("Next meeting:", capture.nextStart ?? ""),
            ("Private note:", capture.privateNote),
        ]
        return fields.filter { !$0.1.isEmpty }.flatMap { label, text in
            text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
                [index == 0 ? label : "", String(line)]
            }
        }
    }
}
