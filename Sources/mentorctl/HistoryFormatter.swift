import MentorExport
import MentorProtocol

/// Human output for `mentorctl history`: one block per meeting occurrence, answers grouped by step,
/// then what was captured.
enum HistoryFormatter {
    /// The heading of a history, from its first page; with the note that nothing is recorded
    /// when that page is empty (the only page then).
    static func header(_ firstPage: GetHistory.Reply) -> String {
        let header = "History with \(RelationshipFormatter.summary(firstPage.relationship))"
        return firstPage.entries.isEmpty ? header + "\n\nNo answers or captures recorded yet." : header
    }

    /// One occurrence: its heading, its answers step by step, its capture.
    static func entry(_ entry: Wire.HistoryEntry) -> String {
        var lines = ["\(UserTime.when(entry.localStart))  \(entry.title) (meeting \(entry.meetingId))"]
        for (step, answers) in HistoryText.answersByStep(entry.answers) {
            lines.append("  " + step.title)
            for answer in answers {
                lines.append("    " + answer.prompt)
                lines.append(RelationshipFormatter.indent(answer.answer, by: 6))
            }
        }
        if let capture = entry.capture {
            lines.append("  Captured \(HouseTime.day(capture.capturedAt, in: UserTime.zone))")
            lines.append(RelationshipFormatter.indent(TextTable.render(captureRows(capture)), by: 4))
        }
        return lines.joined(separator: "\n")
    }

    /// The labelled lines of a capture that are filled in; continuation lines of long texts align.
    private static func captureRows(_ capture: Wire.Capture) -> [[String]] {
        let fields: [(String, String)] = [
            ("Summary:", capture.summary),
            ("Reflection:", capture.reflection),
            ("Ratings:", HistoryText.ratings(capture)),
            ("Feedback given:", capture.feedbackGiven),
            ("Feedback received:", capture.feedbackReceived),
            ("Next goal:", capture.nextGoal),
            ("Next meeting:", capture.nextStart.map(UserTime.when) ?? ""),
            ("Private note:", capture.privateNote),
        ]
        return fields.filter { !$0.1.isEmpty }.flatMap { label, text in
            text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
                [index == 0 ? label : "", String(line)]
            }
        }
    }
}
